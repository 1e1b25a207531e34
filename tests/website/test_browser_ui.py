"""Material's interactive parts, opened, in Debian's Chromium: the search (with its index
loaded only when opened), the navigation drawer on a phone and the language menu.
These are the same on every page, so the home page of each language stands for all."""

from __future__ import annotations

import pytest

from test_browser_pages import AXE_TAGS, VIEWPORTS

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"
QUERIES = {"": "111", "en/": "111"}      # the hotline number: on every home page


def _settle(page) -> None:
    """Wait until opening transitions have finished (axe would measure mid-fade colours)."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def _axe(page) -> list[str]:
    """axe-core's WCAG A/AA violations in the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    _settle(page)

    found = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                     "resultTypes": ["violations"]}).response["violations"]
    return [f"[{v['id']}] {v['help']}: {[n['target'] for n in v['nodes']][:5]}" for v in found]


def _open(new_page, served_site, path, viewport):
    width, height = VIEWPORTS[viewport]
    page = new_page(width=width, height=height)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site + path, wait_until="networkidle")
    return page, requests


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", list(QUERIES))
def test_search_loads_its_index_when_opened_and_finds_pages(served_site, new_page, path, viewport):
    page, requests = _open(new_page, served_site, path, viewport)
    assert not [u for u in requests if u.endswith(INDEX)], "search index loaded before search was opened"
    if viewport == "360":
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(QUERIES[path])   # real key events
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert [u for u in requests if u.endswith(INDEX)] == [_index_url(served_site, path)]
    assert results.count() >= 1
    problems = _axe(page)
    assert not problems, f"/{path} at {viewport} px, search open:\n" + "\n".join(problems)


def _index_url(base: str, path: str) -> str:
    """Each language has its own index (scripts/search/search_index.py): /search/… or /en/search/…."""
    return base + ("en/" if path.startswith("en/") else "") + INDEX


@pytest.mark.parametrize("path", list(QUERIES))
def test_search_index_loads_at_once_after_following_a_result(served_site, new_page, path):
    # Material highlights the search words on the page it opens (?h=…): that needs the index.
    page, requests = _open(new_page, served_site, path + "?h=111", "1280")
    assert [u for u in requests if u.endswith(INDEX)] == [_index_url(served_site, path)]


@pytest.mark.parametrize("path", list(QUERIES))
def test_navigation_drawer_open_on_a_phone(served_site, new_page, path):
    page, _ = _open(new_page, served_site, path, "360")
    page.locator("label.md-header__button[for=__drawer]").click()
    _settle(page)
    box = page.locator(".md-sidebar--primary").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, f"drawer not on screen: {box}"
    problems = _axe(page)
    assert not problems, f"/{path}, drawer open:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", list(QUERIES))
def test_language_menu_open(served_site, new_page, path, viewport):
    page, _ = _open(new_page, served_site, path, viewport)
    page.locator(".md-select button").first.focus()
    links = page.locator(".md-select__link")
    links.first.wait_for(state="visible")
    assert links.count() == 2
    problems = _axe(page)
    assert not problems, f"/{path} at {viewport} px, language menu open:\n" + "\n".join(problems)
