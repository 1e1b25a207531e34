"""Read a built site: every HTML page with its language, ids, links and head metadata.

Shared by the link check, the build tests and the browser tests, so that "what is a page"
and "what is a link" mean the same everywhere. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# What scripts/links/redirects.py, and nothing else, writes into a redirect stub's head:
# <meta name="generator" content="…">. A page is a redirect stub only when it carries this mark;
# a refresh tag alone makes nothing a stub (pages and data cannot contain <meta> at all:
# scripts/safety/check_markup.py), so a planted refresh tag is tested like any page.
REDIRECT_GENERATOR = "tre-em redirect stub (scripts/links/redirects.py)"

# Attributes that point at another resource, per tag.
LINK_ATTRS = {
    "a": ("href",), "link": ("href",), "script": ("src",), "img": ("src", "srcset"),
    "source": ("src", "srcset"), "iframe": ("src",), "video": ("src", "poster"),
    "audio": ("src",), "form": ("action",), "use": ("href", "xlink:href"),
}


@dataclass
class Link:
    tag: str
    attr: str
    value: str
    line: int
    attrs: dict[str, str]
    col: int = 0                    # 0-based column of the tag's "<"
    text: str = ""                  # an <a>'s text (the link check finds it in the Markdown)


@dataclass
class Page:
    path: Path                      # file on disk
    url: str                        # site-relative URL: "", "gioi-thieu/", "en/404.html"
    lang: str = ""
    ids: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)   # name/property -> contents
    head_links: list[dict[str, str]] = field(default_factory=list)
    title: str = ""
    inline_styles: list[str] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)    # executable ones only

    @property
    def is_redirect(self) -> bool:
        """A stub written by our redirect hook for a moved page (data/redirects.yml)."""
        return REDIRECT_GENERATOR in (self.meta.get("generator") or [])

    @property
    def is_404(self) -> bool:
        return self.url == "404.html" or self.url.endswith("/404.html")

    def meta_one(self, key: str) -> str | None:
        values = self.meta.get(key) or []
        return values[0] if values else None


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._in_title = False
        self._raw: str | None = None
        self._raw_buf: list[str] = []
        self._anchor: Link | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        line, col = self.getpos()
        if tag == "html":
            self.page.lang = a.get("lang", "")
        if "id" in a:
            self.page.ids.append(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.append(a["name"])
        for attr in LINK_ATTRS.get(tag, ()):
            if attr in a:
                values = [a[attr]]
                if attr == "srcset":
                    values = [part.strip().split(" ")[0] for part in a[attr].split(",") if part.strip()]
                for value in values:
                    self.page.links.append(Link(tag, attr, value, line, a, col))
                    if tag == "a":
                        self._anchor = self.page.links[-1]
        if tag == "meta":
            key = a.get("name") or a.get("property")
            if not key and a.get("http-equiv"):
                key = "http-equiv:" + a["http-equiv"].lower()
            if key:
                self.page.meta.setdefault(key, []).append(a.get("content", ""))
        if tag == "link":
            self.page.head_links.append(a)
        if tag == "title":
            self._in_title = True
        executable = a.get("type", "").lower() in ("", "text/javascript", "application/javascript", "module")
        if tag == "style" or (tag == "script" and "src" not in a and executable):
            self._raw, self._raw_buf = tag, []  # inline code (a JSON data block is not code)

    def handle_endtag(self, tag):
        if tag == "a":
            self._anchor = None
        if tag == "title":
            self._in_title = False
        if tag == self._raw:
            text = "".join(self._raw_buf)
            (self.page.inline_styles if tag == "style" else self.page.inline_scripts).append(text)
            self._raw = None

    def handle_data(self, data):
        if self._anchor is not None:
            self._anchor.text = (self._anchor.text + data)[:200]
        if self._in_title:
            self.page.title += data
        if self._raw:
            self._raw_buf.append(data)


def parse_page(path: Path, site_dir: Path) -> Page:
    rel = path.relative_to(site_dir).as_posix()
    url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    page = Page(path=path, url=url)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def iter_pages(site_dir: Path):
    """Every HTML page of a built site, sorted by path (stable output)."""
    for path in sorted(site_dir.rglob("*.html")):
        yield parse_page(path, site_dir)
