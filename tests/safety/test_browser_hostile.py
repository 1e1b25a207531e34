"""The hostile cases in Debian's Chromium: markup planted in data and front matter
(tests/safety/planted.py) neither runs nor sends the reader away, with or without JavaScript.

A control page with the same payload written raw shows that this harness does see a script
that runs and a refresh that navigates: the tests below are not passing for lack of looking.
"""

from __future__ import annotations

import pytest

from planted import EVIL, payload
from planted import planted_site as _planted_site
from static_server import serve

pytestmark = pytest.mark.browser

# Where each planted field shows: the hotline bar (every page), front-matter title, description
# and sources, the kit, the school kit, the task table and lists, the topic list, the 404 page.
PAGES = ["", "bao-tin/", "tai-lieu/", "tai-lieu/an-toan-tren-mang/", "tuyen-truyen/",
         "nha-truong/", "ke-hoach/nhiem-vu/", "khong-co/trang-nay/"]
PAGES += ["en/" + p for p in PAGES if not p.startswith("khong-co")]
SETTLE_MS = 1500   # a refresh of 0 s, an image error handler: all would have happened by then


@pytest.fixture(scope="module")
def planted_site():
    return _planted_site()


def visit(browser, base_url: str, path: str, javascript: bool) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript)
    page = context.new_page()
    seen = {"requests": [], "dialogs": [], "navigations": []}

    def route(r):
        if r.request.url.startswith(base_url):
            r.continue_()
        else:
            seen["requests"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("framenavigated", lambda f: seen["navigations"].append(f.url) if f == page.main_frame else None)
    page.goto(base_url + path)
    page.wait_for_timeout(SETTLE_MS)
    seen["url"] = page.url
    seen["pwned"] = page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)") \
        if javascript else None
    context.close()
    return seen


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("path", PAGES)
def test_planted_markup_does_not_run_or_redirect(browser, planted_site, path, javascript):
    base_url, _, _ = planted_site
    seen = visit(browser, base_url, path, javascript)
    assert seen["url"] == base_url + path, f"the reader was sent to {seen['url']}"
    assert all(url == base_url + path for url in seen["navigations"]), seen["navigations"]
    assert not [u for u in seen["requests"] if EVIL in u], seen["requests"]
    assert seen["pwned"] is None and not seen["dialogs"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_control_the_same_payload_written_raw_is_seen(browser, tmp_path, javascript):
    """Without escaping, the payload redirects (with and without JavaScript) and, with
    JavaScript, its error handler runs: the harness above would see it."""
    (tmp_path / "control.html").write_text(
        f"<!doctype html><html lang=en><title>control</title><p>{payload('control')}</p></html>",
        encoding="utf-8")
    with serve(tmp_path) as base_url:
        seen = visit(browser, base_url, "control.html", javascript)
    assert any(EVIL in u for u in seen["requests"]), "the raw refresh tag must try to navigate"
    if javascript:
        assert seen["pwned"] == "control" or any(EVIL in u for u in seen["navigations"] + seen["requests"])
