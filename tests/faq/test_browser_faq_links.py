"""'Link to this question' on the FAQ pages, in a real browser (Debian's Chromium)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

CASES = [
    ("hoi-dap/cha-me/", "xam-hai-la-gi", "Thế nào là xâm hại trẻ em?",
     "Liên kết tới câu hỏi này", "Sao chép liên kết tới câu hỏi này", "Đã sao chép liên kết"),
    ("en/hoi-dap/nha-truong/", "nghia-vu-bao-tin", "Does a school have to report?",
     "Link to this question", "Copy the link to this question", "Link copied"),
]


def named(label: str, question: str) -> re.Pattern:
    """Accessible name of the control: its visible label, then (hidden) the question."""
    return re.compile(rf"^{re.escape(label)}\s*—\s*{re.escape(question)}$")


@pytest.fixture
def clipboard_page(browser):
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 360, "height": 740},
                                      permissions=["clipboard-read", "clipboard-write"])
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("path,qid,question,plain,label,done", CASES)
def test_without_javascript_it_is_a_named_permalink(served_site, new_page, path, qid, question,
                                                    plain, label, done):
    page = new_page(width=360, javascript=False)
    page.goto(served_site + path)
    link = page.get_by_role("link", name=named(plain, question))
    assert link.count() == 1
    assert link.get_attribute("href") == f"#{qid}"
    assert link.is_visible()
    box = link.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24, "target too small to tap"
    link.click()
    assert page.url == f"{served_site}{path}#{qid}"
    # the heading itself keeps a clean name (no "#" glued to the question)
    assert page.get_by_role("heading", name=question, exact=True).count() == 1


@pytest.mark.parametrize("path,qid,question,plain,label,done", CASES)
def test_with_javascript_a_click_copies_the_full_address_and_says_so(
        served_site, clipboard_page, path, qid, question, plain, label, done):
    page = clipboard_page()
    page.goto(served_site + path)
    link = page.get_by_role("link", name=named(label, question))
    status = link.locator("xpath=..").get_by_role("status")
    assert status.inner_text() == ""
    link.click()
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    assert status.inner_text().startswith(done)
    assert page.evaluate("navigator.clipboard.readText()") == f"{served_site}{path}#{qid}"
    assert page.url == f"{served_site}{path}#{qid}"    # the address bar shows it too


def test_keyboard_users_can_copy_too(served_site, clipboard_page):
    page = clipboard_page()
    page.goto(served_site + "hoi-dap/cha-me/")
    link = page.get_by_role("link", name=named("Sao chép liên kết tới câu hỏi này",
                                               "Tôi chưa chắc chắn. Có nên báo không?"))
    link.focus()
    page.keyboard.press("Enter")
    status = link.locator("xpath=..").get_by_role("status")
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    assert page.evaluate("navigator.clipboard.readText()") == \
        f"{served_site}hoi-dap/cha-me/#chua-chac-co-nen-bao"


def test_when_copying_is_refused_the_reader_is_told_where_the_address_is(served_site, new_page):
    page = new_page()     # no clipboard permission
    page.add_init_script("""
        Object.defineProperty(navigator, 'clipboard', {value: {
            writeText: () => Promise.reject(new Error('denied'))}});
        document.execCommand = () => false;
    """)
    page.goto(served_site + "en/hoi-dap/cha-me/")
    link = page.locator('a[href="#bao-tin-o-dau"][data-copy-link]')
    link.click()
    status = link.locator("xpath=..").get_by_role("status")
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    assert status.inner_text().startswith("Could not copy")
    assert page.url.endswith("/en/hoi-dap/cha-me/#bao-tin-o-dau")


def test_ctrl_click_is_left_to_the_browser(served_site, clipboard_page):
    page = clipboard_page()
    page.goto(served_site + "hoi-dap/cha-me/")
    link = page.locator('a[href="#xam-hai-la-gi"][data-copy-link]')
    page.evaluate("navigator.clipboard.writeText('untouched')")
    link.click(modifiers=["Shift"])     # "open in a new window": not intercepted
    page.wait_for_timeout(200)
    assert page.evaluate("navigator.clipboard.readText()") == "untouched"
