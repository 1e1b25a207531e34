"""Each page's sidebar lists its own section's pages and ONE link per other top-level entry
(Material's navigation.prune). So the menu fits a phone screen, and a page does not grow as the
site grows: with navigation.sections every page carried every page's link, and the build grew
with the square of the site (benchmarks/build_growth.py)."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.i18n.check_i18n import walk_nav
from scripts.core.checkkit import load_mkdocs_config

ROOT = Path(__file__).resolve().parents[2]


def _url(md_path: str) -> str:
    """nav path → site-relative URL (directory URLs): "bao-tin/index.md" → "bao-tin/"."""
    return "" if md_path == "index.md" else md_path.removesuffix("index.md")


def top_level(nav: list) -> list[list[str]]:
    """The pages under each top-level nav entry (a single page is an entry of one)."""
    return [[_url(path) for kind, path, _ in walk_nav([entry]) if kind == "page"] for entry in nav]


class PrimaryNavLinks(HTMLParser):
    """Site links in the page's primary navigation, outside its own table of contents
    (which Material also puts there, for phones)."""

    def __init__(self):
        super().__init__()
        self.navs: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "nav":
            self.navs.append("primary" if "md-nav--primary" in classes else
                             "toc" if "md-nav--secondary" in classes else "")
        elif tag == "a" and "primary" in self.navs and "toc" not in self.navs:
            self.hrefs.append(attrs.get("href") or "")

    def handle_endtag(self, tag):
        if tag == "nav" and self.navs:
            self.navs.pop()


def sidebar_links(html: str, page_url: str) -> set[str]:
    parser = PrimaryNavLinks()
    parser.feed(html)
    links = set()
    for href in parser.hrefs:
        if "://" in href or href.startswith(("#", "mailto:", "tel:")):
            continue                                     # the repository link, anchors
        path = posixpath.normpath(posixpath.join("/" + page_url, href.split("#")[0]))
        links.add(path.lstrip("/") + ("/" if path != "/" else ""))
    return links


def expected_links(entries: list[list[str]], url: str, prefix: str) -> set[str]:
    """One link to the first page of every top-level entry, and every page of the entry this
    page is in."""
    own = next(pages for pages in entries if url in pages)
    return {prefix + pages[0] for pages in entries} | {prefix + u for u in own}


def sidebar_problem(html: str, page_url: str, entries: list[list[str]]) -> str | None:
    """Why this page's sidebar is not the pruned one, or None."""
    prefix = "en/" if page_url.startswith("en/") else ""
    found = sidebar_links(html, page_url)
    expected = expected_links(entries, page_url[len(prefix):], prefix)
    if found == expected:
        return None
    extra, missing = sorted(found - expected), sorted(expected - found)
    return (f"/{page_url}: sidebar " + (f"lists pages of closed sections: {extra} " if extra else "")
            + (f"lacks: {missing}" if missing else ""))


@pytest.fixture(scope="module")
def nav_entries() -> list[list[str]]:
    return top_level(load_mkdocs_config(ROOT / "mkdocs.yml")["nav"])


def test_sidebar_lists_the_open_section_and_one_link_per_other_entry(content_pages, nav_entries):
    assert len(nav_entries) <= 12, "the top-level menu should fit one phone screen"
    in_nav = {u for pages in nav_entries for u in pages}
    problems = []
    for page in content_pages:
        url = page.url.removeprefix("en/")
        assert url in in_nav, f"/{page.url} is not in mkdocs.yml's nav"
        problems.append(sidebar_problem(page.path.read_text(encoding="utf-8"), page.url, nav_entries))
    assert [p for p in problems if p] == []


ENTRIES = [[""], ["a/", "b/"], ["c/", "d/"]]


def _sidebar(*hrefs: str) -> str:
    """A primary nav as Material writes it for /a/, with its own table of contents inside it
    and the right-hand table of contents after it (neither is the menu)."""
    links = "".join(f'<li><a href="{h}">x</a></li>' for h in hrefs)
    return (f'<nav class="md-nav md-nav--primary"><ul><li><a href="./">a</a>'
            f'<nav class="md-nav md-nav--secondary"><a href="#part">toc</a><a href="../d/">toc</a></nav>'
            f'</li>{links}<li><a href="https://github.com/x/y">repo</a></li></ul></nav>'
            f'<nav class="md-nav md-nav--secondary"><a href="../d/">right-hand toc</a></nav>')


def test_a_pruned_sidebar_passes():
    assert sidebar_links(_sidebar("../", "../b/", "../c/"), "a/") == {"", "a/", "b/", "c/"}
    assert sidebar_problem(_sidebar("../", "../b/", "../c/"), "a/", ENTRIES) is None


def test_a_sidebar_listing_every_page_fails():
    # What navigation.sections writes: the closed section's pages too.
    problem = sidebar_problem(_sidebar("../", "../b/", "../c/", "../d/"), "a/", ENTRIES)
    assert problem and "closed sections: ['d/']" in problem


def test_a_sidebar_without_its_own_section_fails():
    problem = sidebar_problem(_sidebar("../", "../c/"), "a/", ENTRIES)
    assert problem and "lacks: ['b/']" in problem
