"""The plan and task pages on a 360 px phone, in Debian's Chromium."""

import pytest

pytestmark = pytest.mark.browser

PAGES = ["ke-hoach/", "en/ke-hoach/", "ke-hoach/nhiem-vu/", "en/ke-hoach/nhiem-vu/",
         "chi-thi-28/", "en/chi-thi-28/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_on_a_phone(served_site, new_page, path):
    page = new_page(width=360, height=740)
    page.goto(served_site + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("path", PAGES)
def test_content_fits_a_phone_without_javascript(served_site, new_page, path):
    # Checked on the content only: without JavaScript the theme's hidden language menu sticks
    # out of the header on every page of the site (not caused by these pages).
    page = new_page(width=360, height=740, javascript=False)
    page.goto(served_site + path)
    wide = page.evaluate("""[...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > 360.5).map(e => e.tagName)""")
    assert not wide


@pytest.mark.parametrize("path,state", [("ke-hoach/nhiem-vu/", "Quá hạn"),
                                        ("en/ke-hoach/nhiem-vu/", "Overdue")])
def test_task_rows_are_cards_on_a_phone_and_a_link_lands_on_its_row(served_site, new_page,
                                                                    path, state):
    page = new_page(width=360, height=740)
    page.goto(served_site + path + "#ii-1")
    row = page.locator("tr#ii-1")
    box = row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert 0 <= box["y"] < 740, "the linked row is not on screen"
    assert state in row.locator('[data-col="status"]').inner_text()
    # Each cell carries its column name, since the header row is hidden on phones.
    label = page.evaluate("getComputedStyle(document.querySelector("
                          "'tr#ii-1 td[data-col=deadline]'), '::before').content")
    assert label.strip('"') in ("Thời hạn", "Deadline")


def test_table_is_a_real_table_on_a_wide_screen(served_site, new_page):
    page = new_page(width=1280, height=900)
    page.goto(served_site + "ke-hoach/nhiem-vu/")
    assert page.evaluate("getComputedStyle(document.querySelector('tr#ii-1')).display") == "table-row"
    assert page.locator("table[data-tasks-table] thead").is_visible()


@pytest.mark.parametrize("path", ["ke-hoach/", "en/ke-hoach/"])
def test_assignments_stand_out(served_site, new_page, path):
    page = new_page(width=360, height=740)
    page.goto(served_site + path)
    first = page.locator("p.assignment").first
    style = first.evaluate("e => [getComputedStyle(e).borderLeftWidth, "
                           "getComputedStyle(e).backgroundColor]")
    assert style[0] != "0px" and style[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    with page.expect_navigation():
        first.locator("a", has_text="→").click()
    assert page.url.endswith("ke-hoach/nhiem-vu/#ii-1")
