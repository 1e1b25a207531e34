"""The A4 posters (scripts/kit/poster.py): made from the kit data and data/phones.yml, QR code of
the topic page, sources line, legible in greyscale; linked with their size from each kit page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from conftest import TEST_SITE_URL
from scripts.kit import comm_kit as ck
from scripts.kit import poster, qr
from scripts.phones import load_phones

ITEMS = ck.load_kit()
HOTLINE = next(p for p in load_phones() if p.id == "hotline")
SVG = "{http://www.w3.org/2000/svg}"
SITE = "https://example.org/tre-em/"


def _make(item, lang: str, site: str = SITE) -> str:
    meta = ck.topic_meta(item.topic, lang, section=ck.KIT_SECTION)
    return poster.svg(item, lang, HOTLINE, site, poster.sources_of(meta))


def _texts(svg_text: str) -> list[str]:
    return [t.text for t in ET.fromstring(svg_text).iter(SVG + "text")]


def _qr_part(svg_text: str) -> str:
    start = svg_text.index('<svg x="')
    return svg_text[start:svg_text.index("</svg>", start) + 6]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i.topic)
def test_every_poster_is_a4_with_its_text_the_band_the_qr_code_and_sources(item, lang):
    text = _make(item, lang)
    root = ET.fromstring(text)
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("210mm", "297mm", "0 0 210 297")
    words = " ".join(_texts(text))
    p = item.poster[lang]
    for part in [p.headline, *p.lines, p.footer]:
        assert " ".join(part.split()) in words, part
    call = ("Gọi " if lang == "vi" else "Call ") + HOTLINE.number
    assert call in _texts(text) and HOTLINE.name[lang] in _texts(text)
    url = poster.topic_url(SITE, lang, item.topic)
    assert url == SITE + ("en/" if lang == "en" else "") + f"tuyen-truyen/{item.topic}/"
    assert url in "".join(words.split())               # the address printed under the code
    assert qr.matrix_from_svg(_qr_part(text)) == qr.matrix_of(url)   # the code IS that address
    assert ("Nguồn: " if lang == "vi" else "Sources: ") in words
    # Nothing to fetch: no link, no image, no font file, no script.
    assert not re.search(r"href|<image|<script|@import|url\(", text)


def test_the_number_comes_from_the_registry():
    other = replace(HOTLINE, number="999")
    texts = _texts(poster.svg(ITEMS[0], "vi", other, SITE, ["x"]))
    assert "Gọi 999" in texts and "Gọi 111" not in texts


def test_greyscale_contrast_of_every_colour_pair():
    # Printed in black and white, each text colour against its background keeps 7:1 (AAA).
    text = _make(ITEMS[0], "vi")
    used = poster.colours(text)
    assert used >= {poster.RED, poster.INK, poster.PAPER, poster.GREY}
    for fg, bg in ((poster.INK, poster.PAPER), (poster.PAPER, poster.RED), (poster.GREY, poster.PAPER)):
        assert poster.greyscale_contrast(fg, bg) >= 7, (fg, bg)
    # And the check can fail: a light red band would not do.
    assert poster.greyscale_contrast(poster.PAPER, "#ff6666") < 3


def test_wrap_keeps_words_and_breaks_only_what_cannot_fit():
    assert poster.wrap("một hai ba bốn", 10, 60, 0.5) == ["một hai ba", "bốn"]
    assert poster.wrap("https://example.org/a-very-long-address/", 10, 50, 0.5) == [
        "https://ex", "ample.org/", "a-very-lon", "g-address/"]
    assert poster.wrap("", 10, 50, 0.5) == []


def test_too_much_text_or_too_many_sources_is_refused():
    item = ITEMS[0]
    long_lines = replace(item.poster["vi"], lines=("chữ " * 60,) * 5, headline="tiêu đề " * 7)
    with pytest.raises(ValueError, match="does not fit A4"):
        poster.svg(replace(item, poster={**item.poster, "vi": long_lines}), "vi", HOTLINE, SITE, [])
    with pytest.raises(ValueError, match=r"sources line takes \d+ lines"):
        poster.svg(item, "vi", HOTLINE, SITE, ["Luật Trẻ em số 102/2016/QH13, Điều 1"] * 20)


def test_sources_from_front_matter_strings_and_entries():
    meta = {"sources": ["Luật A,  Điều 1", {"title": "Nghị định B", "note": "Điều 2"},
                        {"title": "Báo C", "url": "https://c"}]}
    assert poster.sources_of(meta) == ["Luật A, Điều 1", "Nghị định B Điều 2", "Báo C"]
    assert poster.sources_of({}) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i.topic)
def test_built_kit_page_links_its_poster_with_its_size(built_site, item, lang):
    folder = built_site / ("en" if lang == "en" else "") / ck.KIT_SECTION / item.topic
    svg_file = folder / poster.FILE_NAME
    assert svg_file.read_text(encoding="utf-8") == _make(item, lang, TEST_SITE_URL)
    page = (folder / "index.html").read_text(encoding="utf-8")
    kb = max(1, round(svg_file.stat().st_size / 1024))
    label = f"Tải áp phích A4 (SVG, {kb} KB)" if lang == "vi" else f"Download the A4 poster (SVG, {kb} KB)"
    assert re.search(rf'download="ap-phich-{item.topic}-{lang}.svg"[^>]*>{re.escape(label)}</a>', page)
    assert f'<img class="kit-poster-file__image" src="{poster.FILE_NAME}"' in page
