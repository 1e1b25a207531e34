"""Escape by default: markup planted in every data field and front-matter field (planted.py)
arrives in the built pages as text, never as markup — in the templates under overrides/ and at
every point where a hook writes data into a page."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from planted import EVIL, evidence
from planted import planted_site as _planted_site

from scripts.core.escaping import html_text, markdown_text


@pytest.fixture(scope="module")
def planted_site():
    return _planted_site()


class _Markup(HTMLParser):
    """Elements of a page that come from a payload, and all of its text (text and attribute
    values, decoded) to find the payloads that arrived as text. <title> is parsed as markup
    (stricter than a browser, which reads it as text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.planted: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.text += a.values()
        events = [k for k in a if k.startswith("on")]
        if events:
            self.planted.append(f"<{tag} {events[0]}=…>")
        if tag in ("a", "img", "script", "iframe") and any(EVIL in a.get(k, "") for k in ("href", "src")):
            self.planted.append(f"<{tag} href/src={a.get('href') or a.get('src')}>")
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.planted.append(f"<meta http-equiv=refresh content={a.get('content')}>")
        if tag == "a" and a.get("href", "").lower().startswith("javascript:"):
            self.planted.append(f"<a href={a['href']}>")

    def handle_data(self, data):
        self.text.append(data)


def _read(site):
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Markup()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


def test_planted_markup_never_arrives_as_markup(planted_site):
    _, site, _ = planted_site
    found = {url: p.planted for url, p in _read(site).items() if p.planted}
    assert not found, f"planted markup reached pages as markup: {found}"


def test_every_planted_field_arrives_as_text(planted_site):
    """Each field's payload is on some page, as text: the field was really rendered (and a test
    that finds no markup is not just looking at pages without the payload)."""
    _, site, tags = planted_site
    text = "\n".join("\n".join(p.text) for p in _read(site).values())
    missing = [tag for tag in tags if evidence(tag) not in text]
    assert not missing, f"these planted fields were not found as text on any page: {missing}"
    # The whole payload, tag and all, is readable as text (escaped, not stripped).
    assert '<meta http-equiv="refresh" content="0;url=https://evil.example/phones-name-vi">' in text
    assert "<img src=x onerror=\"pwn('short-kit-headline-vi')\">" in text


def test_source_urls_that_are_not_web_addresses_stay_text(planted_site):
    _, site, _ = planted_site
    page = (site / "bao-tin" / "index.html").read_text(encoding="utf-8")
    assert "href=\"javascript:" not in page
    assert "(javascript:window.__pwned=&#39;url-vi&#39;)" in page


def test_the_hotline_bar_shows_a_planted_name_as_text(planted_site):
    """The bar is on every page: its aria-label and its text carry the escaped name."""
    _, site, _ = planted_site
    page = (site / "index.html").read_text(encoding="utf-8")
    bar = page[page.index('class="hotline"'):page.index("</p>", page.index('class="hotline"'))]
    assert "&lt;meta http-equiv=&#34;refresh&#34;" in bar or "&lt;meta http-equiv=&quot;refresh&quot;" in bar
    assert "<meta" not in bar


def test_escaping_helpers():
    assert html_text('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    assert html_text("Children's") == "Children's"          # titles keep their apostrophe
    assert markdown_text("x](javascript:y) *b* `c` _d_ \\") == \
        "x\\](javascript:y) \\*b\\* \\`c\\` \\_d\\_ \\\\"
