"""The "Call 111" banner (scripts/kit/banner.py): made from data/phones.yml, two sizes, both
languages, and an HTML snippet that points at the site's own addresses only."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from conftest import TEST_SITE_URL
from scripts.kit import banner
from scripts.phones import DataError, load_phones

PHONES = load_phones()
HOTLINE = banner.hotline(PHONES)
SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg_text: str) -> list[str]:
    root = ET.fromstring(svg_text)
    return [t.text for t in root.iter(SVG + "text")]


def test_the_hotline_comes_from_the_registry():
    assert HOTLINE.number == "111" and HOTLINE.id == "hotline"
    other = replace(HOTLINE, number="999", name={"vi": "Tổng đài thử", "en": "Test line"})
    for lang, call in (("vi", "Gọi 999"), ("en", "Call 999")):
        for size in ("wide", "small"):
            texts = _texts(banner.svg(other, lang, size))
            assert call in texts
            assert other.name[lang] in texts
            assert not any("111" in t for t in texts)


def test_without_a_hotline_entry_the_build_is_told_why_in_both_languages():
    with pytest.raises(DataError, match=r"phones\.yml: .*hotline: true.* / no entry has 'hotline: true'"):
        banner.hotline([replace(p, hotline=False) for p in PHONES])


def test_the_banner_shows_the_entry_marked_hotline_whatever_its_id():
    moved = [replace(p, id="tong-dai", hotline=True) if p.hotline else p for p in PHONES]
    assert banner.hotline(moved).number == HOTLINE.number
    texts = _texts(banner.svg(banner.hotline(moved), "vi", "wide"))
    assert f"Gọi {HOTLINE.number}" in texts


def test_a_name_too_long_for_the_banner_is_refused():
    long = replace(HOTLINE, name={"vi": "Tổng đài " * 12, "en": "Line " * 20})
    with pytest.raises(DataError, match=r"quá dài cho biểu ngữ .* too long for the banner"):
        banner.svg(long, "vi", "small")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", banner.SIZES, ids=lambda s: s.name)
def test_svg_is_a_named_image_of_the_right_size(lang, size):
    text = banner.svg(HOTLINE, lang, size.name)
    root = ET.fromstring(text)            # well-formed, standalone
    assert root.get("width") == str(size.width) and root.get("height") == str(size.height)
    assert root.get("viewBox") == f"0 0 {size.width} {size.height}"
    assert root.get("role") == "img" and root.get("lang") == lang
    title = root.find(SVG + "title")
    assert title is not None and title.text == banner.alt_text(HOTLINE, lang)
    assert root.get("aria-labelledby") == title.get("id")
    assert "111" in title.text and HOTLINE.name[lang] in title.text
    # Nothing the image could fetch: no link, no external image, no font, no script.
    assert not re.search(r"href|<image|<script|@import|url\(", text)
    assert all(float(t.get("font-size")) >= banner.MIN_FONT for t in root.iter(SVG + "text"))


def test_alt_text_in_both_languages():
    assert banner.alt_text(HOTLINE, "vi").startswith("Gọi 111 – Tổng đài quốc gia bảo vệ trẻ em, miễn phí, 24/7.")
    assert banner.alt_text(HOTLINE, "en").startswith("Call 111 – National Child Protection Hotline, free, 24/7.")


@pytest.mark.parametrize("site_url", ["https://example.org/tre-em/", "https://example.org/tre-em"])
def test_snippet_is_one_link_around_one_image_with_absolute_addresses(site_url):
    vi = banner.snippet(HOTLINE, "vi", "wide", site_url)
    en = banner.snippet(HOTLINE, "en", "small", site_url)
    assert vi.startswith('<a href="https://example.org/tre-em/bao-tin/"><img src="'
                         'https://example.org/tre-em/assets/banner/goi-111-vi-728x90.svg" '
                         'width="728" height="90" style="max-width:100%;height:auto" alt="Gọi 111')
    assert 'href="https://example.org/tre-em/en/bao-tin/"' in en
    assert 'src="https://example.org/tre-em/assets/banner/goi-111-en-300x120.svg"' in en
    for code in (vi, en):
        assert code.endswith("></a>") and code.count("<") == 3      # <a>, <img>, </a>
        assert "script" not in code and "url(" not in code


def test_alt_text_is_escaped_in_the_snippet():
    odd = replace(HOTLINE, name={"vi": 'Tổng đài "A" & <B>', "en": "x"})
    code = banner.snippet(odd, "vi", "small", "https://e.org/")
    alt = re.search(r'alt="([^"]*)"', code).group(1)
    assert html.unescape(alt) == banner.alt_text(odd, "vi") and "<B>" not in code


def test_markup_in_the_name_is_text_in_the_svg():
    odd = replace(HOTLINE, name={"vi": 'Gọi <script>x</script> & "A"', "en": "x"},
                  short={"vi": "<b>miễn phí</b>", "en": "x"})
    drawing = banner.svg(odd, "vi", "wide")
    assert "<script>" not in drawing and "<b>" not in drawing
    assert "&lt;script&gt;x&lt;/script&gt; &amp;" in drawing and "&lt;b&gt;" in drawing


def test_a_name_too_long_for_the_banner_stops_the_build_with_a_message(tmp_path):
    from fixture_project import build, make_project
    project = make_project(tmp_path / "p")
    phones = project / "data" / "phones.yml"
    text = phones.read_text(encoding="utf-8")
    phones.write_text(text.replace("vi: Tổng đài quốc gia bảo vệ trẻ em\n",
                                   "vi: Tổng đài quốc gia bảo vệ trẻ em" + " rất dài" * 40 + "\n", 1),
                      encoding="utf-8")
    assert phones.read_text(encoding="utf-8") != text
    done = build(project)
    assert done.returncode != 0
    assert "quá dài cho biểu ngữ" in done.stderr and "too long for the banner" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_language_or_size():
    with pytest.raises(ValueError, match="unknown banner size"):
        banner.file_name("vi", "huge")
    with pytest.raises(ValueError, match="unknown language"):
        banner.svg(HOTLINE, "fr", "wide")


def test_the_build_writes_every_banner_and_shows_the_snippets(built_site):
    for lang in banner.LANGS:
        for size in banner.SIZES:
            path = built_site / banner.FOLDER / banner.file_name(lang, size.name)
            assert path.read_text(encoding="utf-8") == banner.svg(HOTLINE, lang, size.name)
        page = (built_site / ("en/" if lang == "en" else "") / "nha-truong" / "index.html").read_text(encoding="utf-8")
        codes = [html.unescape(c) for c in
                 re.findall(r'<pre class="school-banner__code"[^>]*><code[^>]*>(.*?)</code></pre>', page, re.S)]
        assert codes == [banner.snippet(HOTLINE, lang, s.name, TEST_SITE_URL) for s in banner.SIZES]
        # The preview on the page is the same file, by a relative address.
        up = "../" if lang == "vi" else "../../"
        for size in banner.SIZES:
            assert f'src="{up}{banner.FOLDER}/{banner.file_name(lang, size.name)}"' in page


def test_the_snippet_is_not_in_the_search_index(built_site):
    import json

    for prefix in ("", "en/"):
        index = json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        text = " ".join(doc["text"] for doc in index["docs"])
        assert "assets/banner/goi-111" not in text and "&lt;img" not in text
        assert "Sao chép nội dung" not in text and "Copy link" not in text   # hidden share buttons
