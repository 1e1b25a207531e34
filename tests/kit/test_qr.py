"""QR codes of the school kit: made with segno, and proven to encode the right address.

The built kit page is read back: every QR code's SVG is turned into its module matrix and
compared with the matrix segno makes for the address we expect, which is derived here,
independently, from data/school_links.yml and the test site_url.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import pytest
import segno
import yaml

from conftest import TEST_SITE_URL
from scripts.kit import qr

ROOT = Path(__file__).resolve().parents[2]


# --- unit ----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "https://example.org/",
    "https://example.org/tre-em/en/hoi-dap/cha-me/",
    "https://example.org/tre-em/hoi-dap/nha-truong/#lien-ket-mot-cau-hoi",
])
def test_svg_reads_back_to_the_segno_matrix(url):
    svg = qr.svg(url, "QR")
    assert qr.matrix_from_svg(svg) == qr.matrix_of(url)
    assert 'role="img"' in svg and 'aria-label="QR"' in svg and "<title>QR</title>" in svg
    assert svg.startswith('<svg role="img"') and 'xmlns="http://www.w3.org/2000/svg"' in svg


def test_different_addresses_give_different_codes():
    a = qr.matrix_from_svg(qr.svg("https://example.org/a/", "a"))
    assert a != qr.matrix_of("https://example.org/b/")


def test_codes_are_full_size_with_error_correction_at_least_m():
    code = qr.make("https://example.org/tre-em/")
    assert not code.is_micro and code.error in ("M", "Q", "H")   # segno may boost it for free


@pytest.mark.parametrize("bad", ["<svg></svg>", "<p>not svg</p>",
                                 '<svg viewBox="0 0 5 5"><path stroke="#000" d="M0 0.5v3"/></svg>'])
def test_not_a_qr_svg_is_refused(bad):
    with pytest.raises(ValueError):
        qr.matrix_from_svg(bad)


def test_command_line(capsys):
    assert qr.main(["https://example.org/x/"]) == 0
    out = capsys.readouterr().out
    assert qr.matrix_from_svg(out) == qr.matrix_of("https://example.org/x/")
    assert qr.main([]) == 2
    assert qr.main(["not-a-url"]) == 2
    assert qr.main(["https://a/", "https://b/"]) == 2


# --- the built kit -------------------------------------------------------------------------

def expected_paths() -> list[str]:
    """Page paths listed in data/school_links.yml, read without the code under test."""
    entries = yaml.safe_load((ROOT / "data/school_links.yml").read_text(encoding="utf-8"))
    return [e.get("path") or "" for e in entries]


_ITEM = re.compile(r'<li class="school-link" id="lien-ket-[^"]+">(.*?)</li>', re.S)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_qr_code_on_the_kit_encodes_its_page_address(built_site, lang):
    page = built_site / lang / "nha-truong" / "index.html"
    items = _ITEM.findall(page.read_text(encoding="utf-8"))
    paths = expected_paths()
    assert len(items) == len(paths) >= 3
    for item, path in zip(items, paths):
        expected = TEST_SITE_URL + lang + path
        # the address shown under the code, and the one it was made from
        assert f'data-url="{expected}"' in item
        assert f"<code>{html.escape(expected)}</code>" in item
        svg = re.search(r"<svg .*?</svg>", item, re.S).group(0)
        reference = tuple(tuple(bool(v) for v in row)
                          for row in segno.make(expected, error="m", micro=False).matrix)
        assert qr.matrix_from_svg(svg) == reference, f"QR for {expected} is wrong"
        # the download is the same code
        data = re.search(r'href="data:image/svg\+xml;base64,([^"]+)"', item).group(1)
        assert qr.matrix_from_svg(base64.b64decode(data).decode("utf-8")) == reference
        # and the visible link goes to the same page
        href = re.search(r'<strong><a href="([^"]+)"', item).group(1)
        target = (page.parent / href).resolve()
        assert target == (built_site / lang / path).resolve(), (href, path)
        assert (target / "index.html").is_file()


@pytest.mark.parametrize("lang,marker", [("", "Giải đáp những câu cha mẹ hay hỏi"),
                                         ("en/", "Answers to the questions parents ask most")])
def test_newsletter_carries_the_absolute_address(built_site, lang, marker):
    text = (built_site / lang / "nha-truong/index.html").read_text(encoding="utf-8")
    line = text[text.index(marker):].split("</p>")[0]
    assert f">{TEST_SITE_URL}{lang}hoi-dap/cha-me/</a>" in line


def _words(html_text: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html.unescape(html_text)).split())


@pytest.mark.parametrize("lang,low,high", [
    ("", 3 * 140, 5 * 140),       # Vietnamese: syllables, read at about 140 a minute
    ("en/", 3 * 130, 5 * 130),    # English: words, read at about 130 a minute
])
def test_assembly_talk_lasts_three_to_five_minutes(built_site, lang, low, high):
    text = (built_site / lang / "nha-truong/index.html").read_text(encoding="utf-8")
    section = text.split('id="bai-noi-chuyen-duoi-co"')[1]
    talk = section.split('<div class="ready-text">')[1].split("</div>")[0]
    assert low <= _words(talk) <= high, _words(talk)


# --- reading codes out of a picture (qr.read_codes: the printed PDFs' codes) ---------------------

def _canvas(width: int, height: int) -> bytearray:
    return bytearray([255]) * (width * height)


def _draw(canvas: bytearray, width: int, matrix, left: int, top: int, scale: float, grey: int = 0):
    """Paint `matrix` with modules of `scale` pixels (fractional: edges fall between pixels)."""
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                for y in range(round(top + r * scale), round(top + (r + 1) * scale)):
                    start = y * width
                    canvas[start + round(left + c * scale):start + round(left + (c + 1) * scale)] = \
                        bytes([grey]) * (round(left + (c + 1) * scale) - round(left + c * scale))


URLS = ["https://example.org/tre-em/", "https://example.org/tre-em/en/hoi-dap/nha-truong/",
        "https://example.org/tre-em/bao-tin/danh-cho-tre-em/#goi-111-va-dieu-gi-xay-ra-sau-do-x"]


def test_several_codes_of_different_sizes_anywhere_on_a_picture_are_all_read():
    width, height = 900, 700
    canvas = _canvas(width, height)
    places = [(URLS[0], 40, 30, 5.0), (URLS[1], 420, 60, 4.3), (URLS[2], 120, 380, 3.6)]
    for url, left, top, scale in places:
        _draw(canvas, width, qr.matrix_of(url), left, top, scale, grey=40)
    # Text-like noise and one lone finder-like square: neither is a code.
    for i in range(30):
        _draw(canvas, width, [[True, False, True, True, False, True]], 560 + (i % 5) * 60,
              420 + (i // 5) * 40, 6)
    finder = [[r in (0, 6) or c in (0, 6) or (2 <= r <= 4 and 2 <= c <= 4) for c in range(7)]
              for r in range(7)]
    _draw(canvas, width, finder, 780, 40, 6)
    found = qr.read_codes(bytes(canvas), width, height)
    assert [f.matrix for f in found] == [qr.matrix_of(URLS[0]), qr.matrix_of(URLS[1]),
                                         qr.matrix_of(URLS[2])]
    for f, (url, left, top, scale) in zip(found, places):
        size = len(qr.matrix_of(url))
        assert abs(f.left - left) < scale and abs(f.top - top) < scale
        assert abs(f.right - (left + size * scale)) < scale and abs(f.bottom - (top + size * scale)) < scale
    # Exact enough to tell one address from another.
    assert found[0].matrix != qr.matrix_of(URLS[0] + "x")


def test_a_page_without_a_whole_code_gives_nothing():
    width, height = 400, 400
    canvas = _canvas(width, height)
    matrix = [list(row) for row in qr.matrix_of(URLS[0])]
    for r in range(len(matrix) - 8, len(matrix)):            # rub out the bottom-left square
        matrix[r][:8] = [False] * 8
    _draw(canvas, width, matrix, 40, 40, 6)
    assert qr.read_codes(bytes(canvas), width, height) == []
    assert qr.read_codes(bytes(_canvas(width, height)), width, height) == []


def test_modules_too_small_to_read_are_not_guessed():
    width, height = 200, 200
    canvas = _canvas(width, height)
    _draw(canvas, width, qr.matrix_of(URLS[0]), 20, 20, 2)
    assert qr.read_codes(bytes(canvas), width, height, min_module=2.5) == []
    assert [f.matrix for f in qr.read_codes(bytes(canvas), width, height, min_module=1.5)] == \
        [qr.matrix_of(URLS[0])]


def test_a_picture_shorter_than_its_size_is_refused():
    with pytest.raises(ValueError):
        qr.read_codes(b"\xff" * 10, 4, 4)
