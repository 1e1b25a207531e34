"""Search on the real site (issue 13): "nothing found" panel with 111 and /bao-tin/ in the page's
language (keyboard, axe, no JavaScript errors), and a topic page before its kit."""

from __future__ import annotations

import pytest

from scripts.phones import load_phones

pytestmark = pytest.mark.browser

HOTLINE = next(p for p in load_phones() if p.id == "hotline").number
WEAK = {"": "gần đúng", "en/": "only close"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGS = {"": ("Không tìm thấy trang nào", "bao-tin/"), "en/": ("No page contains", "en/bao-tin/")}


def _axe(page) -> list[str]:
    """axe-core's WCAG A/AA violations in the page as it is now (after transitions)."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    found = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                     "resultTypes": ["violations"]}).response["violations"]
    return [f"[{v['id']}] {v['help']}: {[n['target'] for n in v['nodes']][:5]}" for v in found]


def _search(new_page, served_site, path, query):
    page = new_page(width=1280, height=800)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(served_site + path, wait_until="networkidle")
    page.keyboard.press("/")
    page.wait_for_function("() => !/^(Đang tải|Initializing)/.test("
                           "document.querySelector('.md-search-result__meta').textContent.trim())")
    page.keyboard.type(query)
    return page, errors


@pytest.mark.parametrize("path", list(LANGS))
def test_nothing_found_says_so_and_gives_the_hotline(served_site, new_page, path):
    words, report = LANGS[path]
    page, errors = _search(new_page, served_site, path, "zqxwv")
    panel = page.locator("[data-md-component=search-help]")
    panel.wait_for(state="visible")
    assert words in panel.inner_text()
    call = panel.locator("a[href^='tel:']")
    assert call.get_attribute("href") == f"tel:{HOTLINE}"
    link = panel.locator("a.search-help__report")
    assert link.evaluate("a => a.href") == served_site + report
    # keyboard: from the search box, Tab reaches the call link and then the report link
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.getAttribute('href')"))
        if reached[-1] and reached[-1].endswith("bao-tin/"):
            break
    assert f"tel:{HOTLINE}" in reached and reached[-1].endswith("bao-tin/"), reached
    assert _axe(page) == []
    assert errors == []


@pytest.mark.parametrize("path", list(LANGS))
def test_panel_hidden_when_search_finds_pages(served_site, new_page, path):
    page, errors = _search(new_page, served_site, path, "111")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(200)
    assert page.locator("[data-md-component=search-help]").is_hidden()
    # and it comes back when the words stop matching, and goes when the box is cleared
    page.keyboard.type(" zqxwv qqvvz")         # two of three words found nowhere: weak
    panel = page.locator("[data-md-component=search-help]")
    panel.wait_for(state="visible")
    assert WEAK[path] in panel.inner_text()
    assert page.locator(".md-search-result__item").count() > 0      # the close results stay
    page.locator(".md-search__input").fill("")
    page.locator("[data-md-component=search-help]").wait_for(state="hidden")
    assert errors == []


def _pages(page):
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a')]
        .map(a => new URL(a.href).pathname)""")


@pytest.mark.parametrize("path,query", [("", "đuối nước"), ("", "duoi nuoc"), ("en/", "drowning")])
def test_topic_page_and_its_kit_not_both_in_the_first_three(served_site, new_page, path, query):
    page, errors = _search(new_page, served_site, path, query)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    first = _pages(page)[:3]
    topic = f"/{path}tuyen-truyen/phong-chong-duoi-nuoc/"
    kit = f"/{path}tai-lieu/phong-chong-duoi-nuoc/"
    assert topic in first, first
    assert kit not in first, first
    assert errors == []


@pytest.mark.parametrize("path,query,want", [
    ("", "duong day nong", "tổng đài"),          # a synonym's page is found, folded query
    ("en/", "child labor", "labour"),            # US spelling finds the British one
    ("en/", "depression", "mental health"),
])
def test_synonyms_in_the_real_search_box(served_site, new_page, path, query, want):
    page, errors = _search(new_page, served_site, path, query)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    text = page.locator(".md-search-result__list").inner_text().lower()
    assert want in text
    assert errors == []


@pytest.mark.parametrize("path,query", [
    ("", "đường dây nóng"), ("", "duong day nong"), ("", "số điện thoại báo bạo hành trẻ em"),
    ("", "so dien thoai bao bao hanh tre em"), ("en/", "child abuse hotline"),
    ("en/", "who do I call"),
    # no reporting word: harm to a child, and the reader saw or suspects it (an "and:" rule)
    ("", "nghi ngo hang xom nguoc dai con"), ("en/", "I suspect my neighbor abuses his kids"),
])
def test_reporting_questions_put_the_reporting_page_first(served_site, new_page, path, query):
    page, errors = _search(new_page, served_site, path, query)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    assert _pages(page)[0] == f"/{path}bao-tin/"
    assert errors == []


def test_a_question_on_another_subject_is_not_sent_to_the_reporting_page(served_site, new_page):
    page, errors = _search(new_page, served_site, "", "lịch tiêm chủng")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    assert _pages(page)[0] == "/tuyen-truyen/dinh-duong-tiem-chung/"
    assert errors == []
