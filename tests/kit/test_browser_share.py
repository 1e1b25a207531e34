"""One-tap sharing (docs/assets/javascripts/share.js) in Chromium: with the Web Share API
(stubbed: desktop Chromium has none), without it (copy buttons), with JavaScript off, by
keyboard, under the site's CSP and with axe."""

from __future__ import annotations

import pytest

from scripts.kit import comm_kit as ck

pytestmark = pytest.mark.browser

ITEM = ck.load_kit()[0]
KIT = f"tai-lieu/{ITEM.topic}/"
TOPIC = f"tuyen-truyen/{ITEM.topic}/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

NO_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"
STUB_SHARE = """
window.__shared = [];
Navigator.prototype.canShare = function () { return true; };
Navigator.prototype.share = function (data) {
  window.__shared.push(data);
  return window.__shareFails ? Promise.reject(new DOMException('no', window.__shareFails))
                             : Promise.resolve();
};
"""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _open(new_page, url: str, script: str | None, width: int = 360, javascript: bool = True):
    page = new_page(width=width, height=740, javascript=javascript)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    if script:
        page.add_init_script(script)
    assert page.goto(url).status == 200
    return page, errors


def _axe(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                      "resultTypes": ["violations"]})
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]


@pytest.mark.parametrize("lang,copied", [("", "Đã sao chép nội dung"), ("en/", "Text copied")])
def test_without_web_share_copy_text_and_link(served_site, new_page, lang, copied):
    page, errors = _open(new_page, served_site + lang + KIT, NO_SHARE)
    group = page.locator(".kit-share + .kit-actions")
    assert group.is_visible()
    assert not group.locator("[data-share-action=share]").is_visible()
    copy_text = group.locator("[data-share-action=copy-text]")
    copy_link = group.locator("[data-share-action=copy-link]")
    assert copy_text.is_visible() and copy_link.is_visible()

    status = group.locator("[role=status]")
    assert status.inner_text() == ""
    copy_text.click()
    status.filter(has_text=copied).wait_for()
    assert status.is_visible()
    expected = _one_line(ITEM.share["en" if lang else "vi"])
    assert page.evaluate("navigator.clipboard.readText()") == expected

    copy_link.click()
    status.filter(has_text="liên kết" if not lang else "Link copied").wait_for()
    # The share text's link leads to the topic page (with its sources), in the same language.
    assert page.evaluate("navigator.clipboard.readText()") == served_site + lang + TOPIC
    assert not errors, errors


@pytest.mark.parametrize("lang", ["", "en/"])
def test_with_web_share_the_share_sheet_gets_text_and_link(served_site, new_page, lang):
    page, errors = _open(new_page, served_site + lang + TOPIC, STUB_SHARE)
    foot = page.locator(".kit-share-foot")
    foot.scroll_into_view_if_needed()
    share = foot.locator("[data-share-action=share]")
    assert share.is_visible()
    assert not foot.locator("[data-share-action^=copy-]").first.is_visible()
    share.click()
    foot.locator("[role=status]").filter(has_text="Shared." if lang else "Đã chia sẻ.").wait_for()
    shared = page.evaluate("window.__shared")
    assert len(shared) == 1
    assert shared[0]["url"] == served_site + lang + TOPIC
    assert shared[0]["text"] == _one_line(ITEM.share["en" if lang else "vi"])
    assert shared[0]["title"] == ck.topic_meta(ITEM.topic, "en" if lang else "vi")["title"]
    assert not errors, errors


def test_a_failed_share_falls_back_to_copying_and_says_so(served_site, new_page):
    page, _ = _open(new_page, served_site + KIT, STUB_SHARE + "window.__shareFails = 'NotAllowedError';")
    group = page.locator(".kit-share + .kit-actions")
    group.locator("[data-share-action=share]").click()
    group.locator("[role=status]").filter(has_text="Không mở được bảng chia sẻ").wait_for()
    assert group.locator("[data-share-action=copy-text]").is_visible()


def test_closing_the_share_sheet_says_nothing(served_site, new_page):
    page, _ = _open(new_page, served_site + KIT, STUB_SHARE + "window.__shareFails = 'AbortError';")
    group = page.locator(".kit-share + .kit-actions")
    group.locator("[data-share-action=share]").click()
    page.wait_for_function("window.__shared.length === 1")
    page.wait_for_timeout(300)
    assert group.locator("[role=status]").inner_text() == ""
    assert not group.locator("[data-share-action=copy-text]").is_visible()


def test_keyboard_only(served_site, new_page):
    page, _ = _open(new_page, served_site + KIT, NO_SHARE, width=1280)
    group = page.locator(".kit-share + .kit-actions")
    # Tab from the last link before the buttons reaches "copy text" and then "copy link".
    page.locator(".kit-share").evaluate("e => { e.tabIndex = -1; e.focus(); }")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.shareAction") == "copy-text"
    page.keyboard.press("Enter")
    group.locator("[role=status]").filter(has_text="Đã sao chép nội dung").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.shareAction") == "copy-link"
    page.keyboard.press("Space")
    group.locator("[role=status]").filter(has_text="Đã sao chép liên kết").wait_for()


@pytest.mark.parametrize("path", [KIT, TOPIC, "en/" + KIT, "en/" + TOPIC])
def test_without_javascript_no_buttons_and_the_text_stays_selectable(served_site, new_page, path):
    page, _ = _open(new_page, served_site + path, None, javascript=False)
    assert page.locator(".kit-actions").count() >= 1
    assert page.locator(".kit-actions button:visible, .kit-share-foot:visible").count() == 0
    if path.endswith(KIT):
        text = page.locator(".kit-share p").first
        assert text.evaluate("e => getComputedStyle(e).userSelect") != "none"
        text.click(click_count=3)
        selected = page.evaluate("window.getSelection().toString()")
        assert _one_line(selected)[:40] == _one_line(text.inner_text())[:40]


@pytest.mark.parametrize("path", [KIT, "en/" + TOPIC])
@pytest.mark.parametrize("mode", ["copy", "share"])
def test_axe_with_the_buttons_shown_and_a_message_said(served_site, new_page, path, mode):
    page, errors = _open(new_page, served_site + path, NO_SHARE if mode == "copy" else STUB_SHARE)
    group = page.locator(".kit-actions").last
    group.scroll_into_view_if_needed()
    group.locator("button:visible").first.click()
    group.locator("[role=status]:not(:empty)").wait_for()
    assert _axe(page) == []
    assert not errors, errors      # a CSP violation is logged as a console error
