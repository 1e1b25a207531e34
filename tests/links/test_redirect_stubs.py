"""Redirect stubs are recognised only by the mark our redirect hook writes
(scripts/links/redirects.py, REDIRECT_GENERATOR in scripts/core/sitepages.py), never by the
presence of a refresh tag: a page with a planted refresh tag is a page like any other, tested by
the browser gates and the URL registry, not skipped or followed as a stub."""

from __future__ import annotations

from datetime import date

from scripts.core.sitepages import REDIRECT_GENERATOR, iter_pages, parse_page
from scripts.links import check_urls
from scripts.links.redirects import Redirect, load_redirects, render_stub

PLANTED = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title>
<meta name="generator" content="mkdocs-1.6.1, mkdocs-material"></head>
<body><article><h2 id="muc">Mục</h2>
<meta http-equiv="refresh" content="0; url=../khac/"></article></body></html>"""


def _site(tmp_path, pages: dict[str, str]):
    for url, text in pages.items():
        path = tmp_path / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _stub(source="cu/", target="moi/"):
    return render_stub(Redirect(source, target, date(2026, 1, 1).isoformat(), 1), "vi", "",
                       "https://example.org/", "111")


def test_the_hooks_stub_carries_the_mark_and_is_a_redirect(tmp_path):
    site = _site(tmp_path, {"cu": _stub(), "moi": PLANTED.replace("refresh", "x-none")})
    page = parse_page(site / "cu" / "index.html", site)
    assert REDIRECT_GENERATOR in page.meta["generator"] and page.is_redirect
    assert check_urls.follow(site, "cu/")[0] == "moi/"


def test_a_planted_refresh_tag_makes_no_stub(tmp_path):
    site = _site(tmp_path, {"trang": PLANTED, "khac": PLANTED.replace("refresh", "x-none")})
    page = parse_page(site / "trang" / "index.html", site)
    assert "http-equiv:refresh" in page.meta
    assert not page.is_redirect
    # The URL registry neither follows it nor leaves it out of the site's pages.
    assert check_urls.follow(site, "trang/")[0] == "trang/"
    pages, _ = check_urls.discover(site, check_urls.Registry([], [], {}, {}))
    assert "trang/" in pages


def test_a_refresh_with_a_foreign_generator_is_no_stub(tmp_path):
    text = PLANTED.replace("mkdocs-1.6.1, mkdocs-material", "redirect stub")
    site = _site(tmp_path, {"trang": text})
    assert not parse_page(site / "trang" / "index.html", site).is_redirect


def test_the_real_sites_stubs_are_exactly_the_redirects_in_data(built_site):
    expected = {prefix + r.source for r in load_redirects() for prefix in ("", "en/")}
    assert {p.url for p in iter_pages(built_site) if p.is_redirect} == expected
