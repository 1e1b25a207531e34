"""scripts/printing/print_urls.py: which links get an address printed after them, and which address."""

from __future__ import annotations

import re

import pytest

from conftest import TEST_SITE_URL
from scripts.printing.print_urls import ATTR, add_print_urls, print_url

PAGE = "https://example.org/tre-em/hoc-tap/"


def wrap(body: str) -> str:
    return f'<html><body><nav><a href="../x/">nav</a></nav><article class="md-content__inner">{body}</article></body></html>'


def printed(document: str) -> list[str]:
    return re.findall(rf'{ATTR}="([^"]*)"', document)


@pytest.mark.parametrize("href,expected", [
    ("../thuat-ngu/#hdnd", "https://example.org/tre-em/thuat-ngu/#hdnd"),
    ("../ke-hoach/nhiem-vu/#ii-4-3", "https://example.org/tre-em/ke-hoach/nhiem-vu/#ii-4-3"),
    ("./", PAGE),
    ("../../en/", "https://example.org/en/"),
    ("https://english.luatvietnam.vn/a.html", "https://english.luatvietnam.vn/a.html"),
    ("http://example.com/?a=1&b=2", "http://example.com/?a=1&b=2"),
])
def test_links_get_their_absolute_address(href, expected):
    assert print_url({"href": href}, PAGE) == expected


@pytest.mark.parametrize("attrs", [
    {"href": "#fn:1"}, {"href": "#"}, {"href": "tel:111"}, {"href": "TEL:111"},
    {"href": "mailto:a@example.org"}, {"href": "sms:111"}, {"href": "javascript:void(0)"},
    {"href": ""}, {}, {"href": "ftp://example.org/file"},
    {"href": "../x/", "class": "headerlink"}, {"href": "../x/", "class": "md-content__button md-icon"},
    {"href": "https://github.com/e/r/edit/main/docs/vi/x.md", "rel": "edit"},
])
def test_links_that_print_no_address(attrs):
    assert print_url(attrs, PAGE) == ""


def test_only_links_inside_the_article_are_marked():
    out = add_print_urls(wrap('<p><a href="../thuat-ngu/#chi-bo">chi bộ</a></p>'), PAGE)
    assert printed(out) == ["https://example.org/tre-em/thuat-ngu/#chi-bo"]
    assert '<nav><a href="../x/">nav</a></nav>' in out


def test_everything_else_is_left_byte_for_byte():
    body = ('<p title="a &amp; b">Tiếng Việt <a class="x"\n   href="https://e.org/p?a=1&amp;b=2">'
            'nguồn</a>\n<a href="#fn:1">1</a></p>')
    out = add_print_urls(wrap(body), PAGE)
    assert out.replace(f' {ATTR}="https://e.org/p?a=1&amp;b=2"', "", 1) == wrap(body)


def test_autolinks_are_not_printed_twice():
    body = ('<a href="https://tongdai111.vn/">https://tongdai111.vn/</a>'
            '<a href="https://tongdai111.vn/">tongdai111.vn</a>'
            '<a href="https://tongdai111.vn/">Tổng đài 111</a>')
    assert printed(add_print_urls(wrap(body), PAGE)) == ["https://tongdai111.vn/"]


def test_an_existing_address_is_kept_not_doubled():
    body = f'<a {ATTR}="https://e.org/kept" href="../x/">x</a>'
    assert printed(add_print_urls(wrap(body), PAGE)) == ["https://e.org/kept"]


def test_running_twice_changes_nothing():
    once = add_print_urls(wrap('<a href="../x/">x</a><a href="https://e.org/">e</a>'), PAGE)
    assert add_print_urls(once, PAGE) == once


def test_addresses_are_escaped_inside_the_attribute():
    out = add_print_urls(wrap('<a href="../x/?q=&quot;a&quot;">x</a>'), PAGE)
    assert f'{ATTR}="https://example.org/tre-em/x/?q=&quot;a&quot;"' in out


@pytest.mark.parametrize("broken", [
    "", "<article>", "<article><a href='../x/'>unclosed", "</article></article><a href=x>",
    "<article><a href=\"../x/\"<p>", "<<<>>>", "<article><a href=../x/>no quotes</a></article>",
    "<article>\r\n<p>\r\n  <a href=\"../x/\">Windows line ends</a></p></article>",
])
def test_broken_html_does_not_raise(broken):
    out = add_print_urls(broken, PAGE)
    assert out.replace(f' {ATTR}="https://example.org/tre-em/x/"', "") == broken


def test_built_pages_carry_absolute_addresses_for_their_links(built_site):
    """In the real build, every relative link in a page's text prints as an absolute URL."""
    html = (built_site / "hoc-tap/index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    tags = re.findall(r"<a\s[^>]*>", article)
    relative = [t for t in tags if re.search(r'href="(\.\./|\./)', t) and "headerlink" not in t]
    assert relative, "the study guide should link to the glossary"
    for tag in relative:
        url = re.search(rf'{ATTR}="([^"]+)"', tag)
        assert url and url.group(1).startswith(TEST_SITE_URL), tag
    assert not [t for t in tags if 'href="tel:' in t and ATTR in t]
    outside = html[:html.index("<article")] + html[html.index("</article>"):]
    assert ATTR not in outside, "only the page's text should carry print addresses"
