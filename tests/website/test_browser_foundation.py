"""Foundation behaviour in a real browser (Debian's Chromium via Playwright)."""

import pytest

pytestmark = pytest.mark.browser


# The language switcher is tested on every page in test_browser_pages.py.


def test_missing_page_gets_the_vietnamese_404_with_an_english_way_out(served_site, new_page):
    page = new_page()
    response = page.goto(served_site + "khong-co-trang-nay/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").first.inner_text() == "Không tìm thấy trang"
    with page.expect_navigation():
        page.get_by_role("link", name="Go to the English home page").click()
    assert page.url == served_site + "en/"


@pytest.mark.parametrize("path", ["", "en/"])
def test_hotline_is_tappable_in_the_first_screen_without_javascript(served_site, new_page, path):
    page = new_page(width=360, height=740, javascript=False)
    page.goto(served_site + path)
    link = page.locator('a[href="tel:111"]').first
    box = link.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 740
    assert box["height"] >= 44, "touch target too small"
    assert "111" in link.inner_text()
