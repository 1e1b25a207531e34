"""Build tests over the real site (both languages), built once with a test site_url."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT, TEST_REPO_URL, TEST_SITE_URL

SM = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(TEST_SITE_URL))


def lang_of(url: str) -> str:
    return "en" if url.startswith("en/") or url == "en/" else "vi"


def counterpart(url: str) -> str:
    return url[3:] if lang_of(url) == "en" else "en/" + url


def test_both_languages_built_with_the_same_paths(content_pages):
    urls = {p.url for p in content_pages}
    assert "" in urls and "en/" in urls
    missing = sorted(counterpart(u) for u in urls if counterpart(u) not in urls)
    assert not missing, f"pages without their other-language counterpart: {missing}"


def test_html_lang_matches_the_folder(pages):
    wrong = [(p.url, p.lang) for p in pages if p.lang != lang_of(p.url)]
    assert not wrong


def test_site_name_and_nav_are_translated(built_site):
    vi = (built_site / "gioi-thieu/index.html").read_text(encoding="utf-8")
    en = (built_site / "en/gioi-thieu/index.html").read_text(encoding="utf-8")
    assert "<title>Giới thiệu - Bảo vệ trẻ em – Chỉ thị 28-CT/TW</title>" in vi
    assert "<title>About - Child protection – Directive 28-CT/TW</title>" in en
    assert 'aria-label="Tìm kiếm"' in vi or "Tìm kiếm" in vi
    assert "Giới thiệu" not in en.split("<article")[0], "Vietnamese nav title on an English page"


def test_sitemap_lists_both_languages_with_absolute_hreflang(built_site, content_pages):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall("sm:url", SM):
        loc = url.find("sm:loc", SM).text
        alts = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", SM)}
        entries[loc] = alts
    expected = {TEST_SITE_URL + p.url for p in content_pages}
    assert set(entries) == expected
    for loc, alts in entries.items():
        page_url = loc[len(TEST_SITE_URL):]
        assert alts[lang_of(page_url)] == loc
        assert alts[lang_of(counterpart(page_url))] == TEST_SITE_URL + counterpart(page_url)
        assert all(h.startswith(TEST_SITE_URL) for h in alts.values())


def test_canonical_and_open_graph_are_absolute(content_pages):
    for p in content_pages:
        canonical = [l["href"] for l in p.head_links if l.get("rel") == "canonical"]
        assert canonical == [TEST_SITE_URL + p.url], p.url
        assert p.meta_one("og:url") == TEST_SITE_URL + p.url
        assert p.meta_one("og:image") == TEST_SITE_URL + "assets/images/og-default.png"
        assert p.meta_one("og:locale") == {"vi": "vi_VN", "en": "en_US"}[lang_of(p.url)]
        assert p.meta_one("og:title")
        description = p.meta_one("description")
        assert description and len(description) > 30 and "\n" not in description, p.url
        assert p.meta_one("og:description") == description


def test_default_og_image_is_a_local_png(built_site):
    data = (built_site / "assets/images/og-default.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 630)


def test_every_page_has_its_own_title_and_description(content_pages):
    for lang in ("vi", "en"):
        mine = [p for p in content_pages if lang_of(p.url) == lang]
        descriptions = [p.meta_one("description") for p in mine]
        assert len(set(descriptions)) == len(descriptions), f"{lang}: duplicate descriptions"
        titles = [p.title for p in mine]
        assert len(set(titles)) == len(titles), f"{lang}: duplicate titles"


def _off_origin(value: str) -> bool:
    parts = urlsplit(value)
    if value.startswith("//"):
        return True
    return bool(parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != ORIGIN)


def test_no_asset_is_loaded_from_another_origin(pages):
    problems = []
    for p in pages:
        for link in p.links:
            if link.tag == "a" or link.tag == "form":
                continue          # navigation, not something the page loads
            if link.tag == "link" and link.attrs.get("rel") in ("canonical", "alternate"):
                continue
            if _off_origin(link.value):
                problems.append((p.url, link.tag, link.value))
            if link.tag == "link" and link.attrs.get("rel") in ("preconnect", "dns-prefetch"):
                problems.append((p.url, "preconnect", link.value))
        for css in p.inline_styles:
            problems += [(p.url, "style", u) for u in re.findall(r"url\(\s*['\"]?(https?:)?//", css)]
    assert not problems


def test_stylesheets_and_scripts_fetch_nothing_remote(built_site):
    problems = []
    for path in list(built_site.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"(@import|url\()\s*['\"]?((?:https?:)?//[^'\")\s]+)", text):
            problems.append((path.name, m.group(2)))
    assert not problems
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_all_ids_are_ascii(pages):
    bad = [(p.url, i) for p in pages for i in p.ids if not i.isascii() or "%" in i]
    assert not bad


def test_404_pages_speak_their_language(built_site, pages):
    by_url = {p.url: p for p in pages}
    vi, en = by_url["404.html"], by_url["en/404.html"]
    assert vi.lang == "vi" and en.lang == "en"
    vi_html = vi.path.read_text(encoding="utf-8")
    assert "Không tìm thấy trang" in vi_html
    # Hosts serve /404.html for every missing path: it must offer the English home, absolutely.
    base = urlsplit(TEST_SITE_URL).path
    assert any(l.value == base + "en/" for l in vi.links if l.tag == "a")
    assert any(l.value == base for l in en.links if l.tag == "a")
    assert "Page not found" in en.path.read_text(encoding="utf-8")


def _switcher(page) -> dict[str, str]:
    return {l.attrs.get("hreflang"): l.value for l in page.links
            if l.tag == "a" and "md-select__link" in l.attrs.get("class", "")}


def _resolve(page_url: str, href: str) -> str:
    """Site-relative URL that `href`, found on `page_url`, leads to."""
    from posixpath import normpath, join
    site_path = urlsplit(TEST_SITE_URL).path
    if href.startswith(site_path):
        return href[len(site_path):]
    base = page_url if page_url.endswith("/") or not page_url else page_url.rsplit("/", 1)[0] + "/"
    target = normpath(join("/" + base, href)).lstrip("/")
    return target + "/" if href.endswith("/") and target else target


def test_language_switcher_lands_on_the_same_page(content_pages):
    for p in content_pages:
        links = _switcher(p)
        assert set(links) == {"vi", "en"}, p.url
        other = "vi" if lang_of(p.url) == "en" else "en"
        assert _resolve(p.url, links[other]) == counterpart(p.url), (p.url, links[other])
        assert _resolve(p.url, links[lang_of(p.url)]) == p.url


def test_edit_link_points_at_the_page_source(content_pages):
    for p in content_pages:
        edits = [l.value for l in p.links if l.tag == "a" and l.attrs.get("rel") == "edit"]
        assert edits, p.url
        prefix = TEST_REPO_URL + "/edit/main/"
        assert all(e.startswith(prefix) for e in edits), edits
        source = edits[0][len(prefix):]
        assert (ROOT / source).is_file(), source
        assert source.startswith(f"docs/{lang_of(p.url)}/")


def test_no_hreflang_links_in_head_that_make_material_fetch_sitemaps(pages):
    # Material's script fetches "<alternate href>/sitemap.xml" for every <link rel=alternate>.
    for p in pages:
        assert not [l for l in p.head_links if l.get("rel") == "alternate" and l.get("hreflang")]


def test_hotline_link_on_every_page(pages):
    for p in pages:
        tel = [l for l in p.links if l.tag == "a" and l.value == "tel:111"]
        assert tel, p.url
        label = tel[0].attrs.get("aria-label", "")
        assert "111" in label and ("Tổng đài" in label or "Hotline" in label), label
