"""Quick exit and the hotline on the reporting pages, in Debian's Chromium (Playwright).

The neutral destination is intercepted and answered locally: these tests never touch the network.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from test_build_quick_exit import CHILDREN, REPORTING, configured_destination

pytestmark = pytest.mark.browser

DESTINATION = configured_destination()
NEUTRAL = "<!doctype html><title>Thời tiết</title><h1 id='neutral'>Dự báo thời tiết</h1>"
STATUS = "[data-quick-exit-status]"


def open_page(new_page, served_site, path, javascript=True):
    """A 360 px page whose only way out is the intercepted neutral page."""
    page = new_page(width=360, height=740, javascript=javascript)

    def handle(route):
        url = route.request.url
        if url.startswith(served_site):
            route.continue_()
        elif url == DESTINATION:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=NEUTRAL)
        else:
            route.abort()

    page.route("**/*", handle)
    page.goto(served_site + path)
    return page


def left_the_site(page) -> bool:
    page.wait_for_url(DESTINATION, timeout=5000)
    return page.locator("#neutral").inner_text() == "Dự báo thời tiết"


def still_here(page, served_site, path) -> bool:
    page.wait_for_timeout(300)
    return page.url == served_site + path and page.locator("h1").first.is_visible()


@pytest.mark.parametrize("path", REPORTING + CHILDREN)
def test_hotline_is_tappable_in_the_first_screen_without_javascript(served_site, new_page, path):
    page = open_page(new_page, served_site, path, javascript=False)
    link = page.locator('a.hotline__link[href="tel:111"]')
    box = link.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 740
    assert box["height"] >= 44 and box["width"] >= 200
    assert link.get_attribute("aria-label").endswith("24/7")
    # Nothing covers it: the element at its centre is the link itself (or inside it).
    inside = page.evaluate(
        """([x, y]) => !!document.elementFromPoint(x, y).closest('a.hotline__link')""",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert inside


@pytest.mark.parametrize("path", ["bao-tin/", "en/bao-tin/danh-cho-tre-em/"])
def test_exit_button_leaves_without_javascript(served_site, new_page, path):
    page = open_page(new_page, served_site, path, javascript=False)
    page.locator(".quick-exit__button").click()
    assert left_the_site(page)


# Records, right after the click has been handled, what the reader would see. Kept in this
# origin's sessionStorage and read after coming back (the neutral page is another origin).
RECORD_AFTER_CLICK = """() => window.addEventListener('click', () => {
  sessionStorage.setItem('after-click', JSON.stringify({
    blank: document.documentElement.classList.contains('quick-exit-active'),
    visible: ['.md-main', '.md-header', '.md-banner', '.quick-exit', 'h1']
      .filter((sel) => document.querySelector(sel).checkVisibility()),
    overlay: document.querySelector('.quick-exit-overlay')?.checkVisibility() === true,
    title: document.title}));
})"""


@pytest.mark.parametrize("path", REPORTING + CHILDREN)
def test_exit_button_blanks_the_page_at_once_then_leaves(served_site, new_page, path):
    page = open_page(new_page, served_site, path)
    title = page.title()
    page.evaluate(RECORD_AFTER_CLICK)
    page.locator(".quick-exit__button").click()
    assert left_the_site(page)
    page.go_back()
    page.wait_for_url(served_site + path)
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('after-click'))")
    assert seen["blank"] and seen["overlay"]
    assert seen["visible"] == [], "parts of the page still visible after the click"
    assert seen["title"] != title


@pytest.mark.parametrize("path", ["bao-tin/", "en/bao-tin/"])
def test_shift_three_times_leaves_and_each_press_is_announced(served_site, new_page, path):
    page = open_page(new_page, served_site, path)
    status = page.locator(STATUS)
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    assert "1" in status.inner_text() and "2" in status.inner_text()   # pressed 1, 2 more to go
    page.keyboard.press("Shift")
    text = status.inner_text()
    assert ("2 lần" in text or "2 times" in text) and ("1 lần" in text or "1 more" in text)
    page.keyboard.press("Shift")
    assert left_the_site(page)


def test_another_key_between_presses_resets_the_count(served_site, new_page):
    page = open_page(new_page, served_site, "bao-tin/")
    status = page.locator(STATUS)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("ArrowDown")
    assert status.inner_text() == "Đã hủy thoát nhanh."
    assert page.locator("[data-quick-exit]").get_attribute("data-count") == "0"
    page.keyboard.press("Shift")
    assert status.inner_text().startswith("Đã bấm Shift 1 lần")
    page.keyboard.press("Shift")
    assert still_here(page, served_site, "bao-tin/")


def test_shift_used_to_type_capitals_does_not_count(served_site, new_page):
    page = open_page(new_page, served_site, "bao-tin/")
    for _ in range(4):
        page.keyboard.press("Shift+A")
    assert still_here(page, served_site, "bao-tin/")
    assert page.locator("[data-quick-exit]").get_attribute("data-count") == "0"


def test_presses_more_than_five_seconds_apart_start_again(served_site, new_page):
    page = new_page(width=360, height=740)
    page.clock.install(time=datetime(2026, 6, 1, 8, 0, 0))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served_site)
               else route.abort())
    page.goto(served_site + "en/bao-tin/")
    page.clock.pause_at(datetime(2026, 6, 1, 9, 0, 0))   # from here on, time moves only when told
    status = page.locator(STATUS)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5100)
    assert status.inner_text() == "Quick exit cancelled."
    page.keyboard.press("Shift")
    assert status.inner_text().startswith("Shift pressed 1 time")
    page.clock.run_for(4900)          # within 5 s of the previous press: still counting
    page.keyboard.press("Shift")
    assert status.inner_text().startswith("Shift pressed 2 times")


@pytest.mark.parametrize("path", REPORTING + CHILDREN)
def test_first_tab_reaches_the_exit_button_and_the_skip_link_still_works(served_site, new_page, path):
    page = open_page(new_page, served_site, path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('quick-exit__button')")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible()
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(served_site + path + target)
    assert page.locator(target).is_visible()


@pytest.mark.parametrize("path", ["bao-tin/", "en/bao-tin/danh-cho-tre-em/"])
def test_going_back_after_exit_shows_the_page_again(served_site, new_page, path):
    page = open_page(new_page, served_site, path)
    title = page.title()
    page.locator(".quick-exit__button").click()
    assert left_the_site(page)
    page.go_back()
    page.wait_for_url(served_site + path)
    page.wait_for_function("() => !document.documentElement.classList.contains('quick-exit-active')")
    assert page.locator(".quick-exit-overlay").count() == 0
    assert page.locator("h1").first.is_visible()
    assert page.locator(".quick-exit__button").is_visible()
    assert page.title() == title


def test_exit_button_stays_on_screen_while_scrolling(served_site, new_page):
    page = open_page(new_page, served_site, "bao-tin/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    page.wait_for_timeout(200)
    box = page.locator(".quick-exit__button").bounding_box()
    assert box and 0 <= box["y"] < 5 and box["height"] >= 40
    header = page.locator(".md-header").bounding_box()
    assert header["y"] >= box["y"] + box["height"] - 1, "the header must not cover the button"
