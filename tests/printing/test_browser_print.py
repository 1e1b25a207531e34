"""Printing, in Debian's Chromium: the print styles (site.css, "Print") on A4 paper.

The study guide (both languages) and every page under /tai-lieu/ (the communication kit with
its radio scripts, when it exists) are printed to PDF and the PDF is read back with pypdf
(pinned in requirements-test.txt): A4 pages, none blank, fonts embedded, the hotline on page 1,
no navigation, link addresses and self-check answers on paper.
Then the print styles themselves are checked with print media emulated.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from conftest import ROOT
from scripts.phones.registry import hotline_of, load_phones

pytestmark = pytest.mark.browser

A4 = (595.28, 841.89)          # points; Chromium writes 594.96 x 841.92
STUDY_GUIDE = ["hoc-tap/", "en/hoc-tap/"]
HOTLINE = hotline_of(load_phones())
PAGE_COUNTER = re.compile(r"^\s*\d+ / \d+\s*$", re.M)   # the @page footer "2 / 6"


def kit_pages() -> list[str]:
    """Every page under tai-lieu/ in both languages, as site paths, from the sources."""
    paths = []
    for lang, prefix in (("vi", ""), ("en", "en/")):
        docs = ROOT / "docs" / lang
        folder = docs / "tai-lieu"
        for md in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            rel = md.relative_to(docs).with_suffix("")
            parts = rel.parts[:-1] if rel.name in ("index", "README") else rel.parts
            paths.append(prefix + "/".join(parts) + "/")
    return paths


PRINTED = STUDY_GUIDE + kit_pages()


@dataclass(frozen=True)
class PdfPage:
    number: int             # 1-based
    width: float            # points
    height: float
    text: str
    unembedded_fonts: tuple[str, ...]


def _unembedded_fonts(page) -> tuple[str, ...]:
    """Names of the page's fonts whose glyphs are not in the file (a printer would substitute)."""
    fonts = (page.get("/Resources") or {}).get_object().get("/Font") or {}
    missing = []
    for ref in fonts.get_object().values():
        font = ref.get_object()
        if font.get("/Subtype") == "/Type3":
            continue                              # glyphs drawn by the PDF itself
        if font.get("/Subtype") == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = (font.get("/FontDescriptor") or {})
        descriptor = descriptor.get_object() if descriptor else {}
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            missing.append(str(font.get("/BaseFont")))
    return tuple(missing)


def read_pdf(data: bytes) -> list[PdfPage]:
    reader = PdfReader(io.BytesIO(data), strict=True)
    return [PdfPage(number=i, width=float(page.mediabox.width), height=float(page.mediabox.height),
                    text=page.extract_text() or "", unembedded_fonts=_unembedded_fonts(page))
            for i, page in enumerate(reader.pages, 1)]


def squash(text: str) -> str:
    """NFC without any whitespace: PDF line breaks fall anywhere, even inside a URL."""
    return "".join(unicodedata.normalize("NFC", text).split())


def lang_of(path: str) -> str:
    return "en" if path.startswith("en/") else "vi"


def print_page(new_page, served_site, path, javascript=False):
    """Open the page, read what it shows, print it. Returns (PDF pages, facts from the DOM)."""
    page = new_page(width=1280, height=900, javascript=javascript)
    response = page.goto(served_site + path)
    assert response and response.status == 200, f"{path} did not load"
    dom = page.evaluate("""() => {
        const text = el => (el ? el.textContent : "");
        const article = document.querySelector("article");
        const chrome = [...document.querySelectorAll(
            ".md-header a, .md-header__topic, .md-nav__link, .md-footer a, .md-select__link")]
            .map(e => e.textContent.replace(/\\s+/g, " ").trim());
        return {
            article: text(article),
            banner: text(document.querySelector(".md-banner")),
            chrome: [...new Set(chrome)],
            answers: [...document.querySelectorAll("article details")].map(d =>
                [...d.children].filter(c => c.tagName !== "SUMMARY").map(c => c.textContent).join(" ")),
            urls: [...document.querySelectorAll("article a[data-print-url]")]
                .map(a => a.getAttribute("data-print-url")),
        };
    }""")
    # Letter on purpose: only the stylesheet's @page rule can turn the paper into A4.
    pdf = page.pdf(format="Letter", prefer_css_page_size=True)
    return read_pdf(pdf), dom


def body_text(page: PdfPage) -> str:
    return PAGE_COUNTER.sub("", page.text)


PAGE_NUMBER = re.compile(r"^\s*\d+\s*/\s*\d+\s*$", re.MULTILINE)


def check_printout(pages: list[PdfPage], dom: dict, path: str) -> None:
    wrong = [(p.number, round(p.width, 1), round(p.height, 1)) for p in pages
             if abs(p.width - A4[0]) > 1 or abs(p.height - A4[1]) > 1]
    assert not wrong, f"{path}: pages that are not A4 (595 x 842 pt): {wrong}"

    unembedded = sorted({f for p in pages for f in p.unembedded_fonts})
    assert not unembedded, f"{path}: fonts not embedded in the PDF: {unembedded}"

    blank = [p.number for p in pages if not body_text(p).strip()]
    assert not blank, f"{path}: blank pages {blank} of {len(pages)}"
    assert f"1 / {len(pages)}" in pages[0].text, f"{path}: no page numbers on page 1"

    first = squash(pages[0].text)
    lang = lang_of(path)
    assert squash(HOTLINE.number + HOTLINE.name[lang]) in first, \
        f"{path}: the hotline ({HOTLINE.number}, {HOTLINE.name[lang]}) is not on page 1"

    # a long address may run over a page break: leave the page numbers ("3 / 4") out of the join
    everything = squash("\n".join(PAGE_NUMBER.sub("", p.text) for p in pages))
    shown = squash(dom["article"] + dom["banner"])
    chrome = [t for t in dom["chrome"] if len(squash(t)) >= 4 and squash(t) not in shown]
    assert chrome, f"{path}: found no navigation text to look for (selectors out of date?)"
    printed_chrome = [t for t in chrome if squash(t) in everything]
    assert not printed_chrome, f"{path}: navigation printed: {printed_chrome}"

    missing_urls = [u for u in dom["urls"] if squash(u) not in everything]
    assert not missing_urls, f"{path}: link addresses not printed: {missing_urls}"
    closed = [a.strip()[:60] for a in dom["answers"] if squash(a) not in everything]
    assert not closed, f"{path}: content of <details> not printed: {closed}"


@pytest.mark.parametrize("path", PRINTED)
def test_printout_is_a4_with_the_hotline_and_no_navigation(served_site, new_page, path):
    pages, dom = print_page(new_page, served_site, path)
    check_printout(pages, dom, path)


@pytest.mark.parametrize("path", STUDY_GUIDE)
def test_study_guide_printout_has_its_self_check_answers_and_sources(served_site, new_page, path):
    pages, dom = print_page(new_page, served_site, path)
    assert len(dom["answers"]) >= 5, "the self-check should have at least five questions"
    assert len(pages) >= 2
    # a long address may run over a page break: leave the page numbers ("3 / 4") out of the join
    everything = squash("\n".join(PAGE_NUMBER.sub("", p.text) for p in pages))
    assert squash("https://english.luatvietnam.vn/giao-duc/") in everything, "source URL not printed"
    glossary = served_site + ("en/" if lang_of(path) == "en" else "") + "thuat-ngu/#chi-bo"
    assert squash(glossary) in everything, "the glossary link's absolute address is not printed"


def test_printing_with_javascript_on_gives_the_same_printout(served_site, new_page):
    pages, dom = print_page(new_page, served_site, STUDY_GUIDE[0], javascript=True)
    check_printout(pages, dom, STUDY_GUIDE[0] + " (JavaScript on)")


@pytest.mark.parametrize("path", STUDY_GUIDE)
def test_print_styles(served_site, new_page, path):
    page = new_page(width=1280, height=900)
    page.goto(served_site + path)
    chrome = [".md-header", ".md-sidebar--primary", ".md-footer"]
    for selector in chrome:
        assert page.locator(selector).first.is_visible(), f"{selector} should show on screen"
    answer = page.locator("article details.question").first.locator(":scope > :not(summary)").first
    assert not answer.is_visible(), "self-check answers should stay hidden on screen until asked for"
    source = page.locator("article .print-source")
    assert source.count() == 1 and not source.is_visible(), "the page's own address is for paper only"

    page.emulate_media(media="print")
    for selector in chrome + [".md-sidebar--secondary", ".md-search", ".md-select", ".md-top",
                              ".md-tabs", "article .headerlink"]:
        shown = [i for i in range(page.locator(selector).count())
                 if page.locator(selector).nth(i).is_visible()]
        assert not shown, f"{selector} is printed"
    assert page.locator(".md-banner").is_visible(), "the hotline bar must be printed"
    number = page.locator(".hotline__number")
    assert number.inner_text() == HOTLINE.number
    style = number.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).fontWeight]")
    assert style[0] == "rgb(0, 0, 0)" and int(style[1]) >= 700, style
    assert answer.is_visible(), "self-check answers should be printed open"
    label = "Printed from" if lang_of(path) == "en" else "Bản in từ"
    assert source.is_visible(), "the page's own address must be printed"
    assert source.inner_text() == f"{label}: {served_site}{path}"

    after = page.evaluate("""() => [...document.querySelectorAll('article a, .md-banner a')].map(a =>
        [a.getAttribute('href'), a.getAttribute('data-print-url'), getComputedStyle(a, '::after').content])""")
    with_url = [(href, url, content) for href, url, content in after if url]
    assert with_url, "no link in the text carries a print address"
    for href, url, content in with_url:
        assert url.startswith(("http://", "https://")), (href, url)
        assert content == f'" ({url})"', (href, content)
    quiet = [(href, content) for href, url, content in after
             if href and href.startswith(("tel:", "#")) and content not in ("none", "normal")
             and "(" in content]
    assert not quiet, f"tel: and same-page links should print no address: {quiet}"

    h2 = page.locator("article h2").first.evaluate(
        "e => [getComputedStyle(e).breakAfter, getComputedStyle(e).breakInside]")
    assert h2 == ["avoid", "avoid"]
