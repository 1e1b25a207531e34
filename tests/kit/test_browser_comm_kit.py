"""Awareness topics and communication kit in a real browser, on a 360 px phone screen."""

import pytest

pytestmark = pytest.mark.browser

PAGES = ["tuyen-truyen/", "tuyen-truyen/phong-chong-duoi-nuoc/", "tai-lieu/",
         "tai-lieu/phong-chong-xam-hai/"]


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_content_fits_a_360_px_screen(served_site, new_page, lang, path):
    # The page content only: Material's language menu is the theme's business (issue 8).
    page = new_page(width=360, height=740, javascript=False)
    response = page.goto(served_site + lang + path)
    assert response.status == 200
    too_wide = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(e => { const r = e.getBoundingClientRect();
                       return r.width > 0 && (r.right > 360.5 || r.left < -0.5); })
        .filter(e => !(e.parentElement && e.parentElement.closest('table, .md-typeset__scrollwrap')))
        .map(e => e.tagName + '.' + e.className)""")
    assert not too_wide, f"{lang}{path}: {too_wide[:5]}"


@pytest.mark.parametrize("lang,label", [("", "phút"), ("en/", "min")])
def test_kit_page_shows_reading_time_share_text_and_poster(served_site, new_page, lang, label):
    page = new_page(width=360, height=740)
    page.goto(served_site + lang + "tai-lieu/phong-chong-xam-hai/")
    duration = page.locator("time.kit-duration")
    assert duration.is_visible() and label in duration.inner_text()
    assert page.locator(".kit-share").is_visible()
    poster = page.locator(".kit-poster")
    poster.scroll_into_view_if_needed()
    assert poster.is_visible() and "111" in poster.inner_text()
    box = poster.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
