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
