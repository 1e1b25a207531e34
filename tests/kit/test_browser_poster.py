"""The A4 posters in Chromium: every line inside the paper's margins, the text above the 111
band, the band's text inside the band, and the preview on the kit page."""

from __future__ import annotations

import pytest

from scripts.kit import comm_kit as ck
from scripts.kit import poster

pytestmark = pytest.mark.browser

ITEMS = ck.load_kit()


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i.topic)
def test_poster_lines_fit_the_paper(served_site, new_page, item, lang):
    page = new_page(width=794, height=1123)
    response = page.goto(f"{served_site}{lang}{ck.KIT_SECTION}/{item.topic}/{poster.FILE_NAME}")
    assert response.status == 200 and response.headers["content-type"].startswith("image/svg+xml")
    boxes = page.evaluate("""() => [...document.querySelectorAll('svg > g text')].map(t => {
        const b = t.getBBox(); return {text: t.textContent, left: b.x, right: b.x + b.width,
                                       top: b.y, bottom: b.y + b.height}; })""")
    assert len(boxes) > 8
    band_top, band_bottom = poster.BAND_TOP, poster.BAND_TOP + poster.BAND_HEIGHT
    for box in boxes:
        assert box["left"] >= poster.MARGIN - 0.5 and box["right"] <= poster.WIDTH - poster.MARGIN + 0.5, box
        assert box["bottom"] <= poster.HEIGHT - 4, box
        inside = band_top <= box["top"] and box["bottom"] <= band_bottom
        above = box["bottom"] <= band_top
        below = box["top"] >= band_bottom
        assert inside or above or below, f"{box} straddles the 111 band"
    # The headline is the largest text above the band; the body type stays readable at 2 m.
    above = [b for b in boxes if b["bottom"] <= band_top]
    assert min(b["bottom"] - b["top"] for b in above) >= 6.5


def test_kit_page_shows_the_poster_preview(served_site, new_page):
    page = new_page(width=360, height=740)
    page.goto(served_site + f"{ck.KIT_SECTION}/{ITEMS[0].topic}/")
    image = page.locator(".kit-poster-file__image")
    image.scroll_into_view_if_needed()
    assert image.evaluate("i => i.complete && i.naturalWidth > 0")
    box = image.bounding_box()
    assert box["width"] <= 360 and abs(box["height"] / box["width"] - 297 / 210) < 0.02
