"""Give each link in a page's text the absolute address to print after it.

On paper a link is only useful if its address is written out. The print styles
(docs/assets/stylesheets/site.css, "Print") show `data-print-url` after the link text; this
module fills that attribute in at build time, for the links inside the page's <article> only
(not the navigation, header or footer, which are not printed anyway):

- relative links ("../thuat-ngu/#hdnd") become absolute, resolved against the page's own URL;
- absolute http(s) links are kept as they are;
- no address is added to same-page anchors ("#…": permalinks, footnotes), to tel:, mailto:,
  sms: and javascript: links, to heading permalinks, to "edit this page" links, or where the
  link text already is the address (autolinks), so nothing is printed twice.

Standard library only; the HTML is not re-serialised: one attribute is appended to each
chosen <a> start tag (after its other attributes) and everything else is left byte for byte as it was.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

ATTR = "data-print-url"
SKIP_SCHEMES = ("tel:", "mailto:", "sms:", "javascript:", "data:")
SKIP_CLASSES = {"headerlink", "footnote-ref", "footnote-backref", "md-content__button"}
SKIP_RELS = {"edit"}


@dataclass
class _Anchor:
    start: int          # offset of "<a" in the document
    href: str
    url: str            # absolute address to print, "" if none
    text: list[str]


class _Finder(HTMLParser):
    """Finds the <a> start tags inside <article> and the text of each link."""

    def __init__(self, source: str, page_url: str):
        super().__init__(convert_charrefs=True)
        self._page_url = page_url
        self._line_starts = [0]
        i = source.find("\n")
        while i != -1:
            self._line_starts.append(i + 1)
            i = source.find("\n", i + 1)
        self._article_depth = 0
        self._open: _Anchor | None = None
        self.anchors: list[_Anchor] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._article_depth += 1
            return
        if tag != "a" or not self._article_depth:
            return
        a = {k: (v or "") for k, v in attrs}
        url = "" if ATTR in a else print_url(a, self._page_url)
        self._open = _Anchor(self._offset(), a.get("href", ""), url, [])
        self.anchors.append(self._open)

    def handle_endtag(self, tag):
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        elif tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open.text.append(data)


def print_url(attrs: dict[str, str], page_url: str) -> str:
    """The absolute address to print after a link with these attributes, or "" for none."""
    href = attrs.get("href", "").strip()
    if not href or href.startswith("#") or href.lower().startswith(SKIP_SCHEMES):
        return ""
    if SKIP_CLASSES & set(attrs.get("class", "").split()):
        return ""
    if SKIP_RELS & set(attrs.get("rel", "").split()):
        return ""
    url = urljoin(page_url, href)
    if urlsplit(url).scheme not in ("http", "https"):
        return ""
    return url


def _same_address(text: str, url: str, href: str) -> bool:
    """True when the link text already shows the address (an autolink)."""
    shown = " ".join(text.split()).rstrip("/")
    if not shown:
        return False
    candidates = {url, href, url.split("://", 1)[-1], href.split("://", 1)[-1]}
    return shown in {c.rstrip("/") for c in candidates}


def _tag_end(document: str, start: int) -> int:
    """Offset of the ">" closing the start tag at `start` (quotes respected)."""
    quote = ""
    for i in range(start, len(document)):
        ch = document[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == ">":
            return i
    return len(document)


def add_print_urls(document: str, page_url: str) -> str:
    """Return `document` with data-print-url on the links of its <article>.

    `page_url` is the page's absolute address (MkDocs' page.canonical_url), against which
    relative links are resolved.
    """
    finder = _Finder(document, page_url)
    finder.feed(document)
    finder.close()
    out: list[str] = []
    last = 0
    for anchor in finder.anchors:
        if not anchor.url:
            continue
        if _same_address("".join(anchor.text), anchor.url, anchor.href):
            continue
        if document[anchor.start:anchor.start + 2].lower() != "<a":  # position lost: leave it
            continue
        insert_at = _tag_end(document, anchor.start)  # last attribute: "<a href=…" stays as is
        out.append(document[last:insert_at])
        out.append(f' {ATTR}="{html.escape(anchor.url, quote=True)}"')
        last = insert_at
    out.append(document[last:])
    return "".join(out)

