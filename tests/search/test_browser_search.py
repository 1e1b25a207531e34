"""Search in Material's own UI, in Debian's Chromium: diacritics-insensitive, one language at a time.

Runs on a fixture site (tests/search/search_fixture.py: the real configuration with a few test pages
per language) served on 127.0.0.1, plus a few checks on the real site. Which pages a query
must find is worked out here from the built index with the Python fold, so the table of
queries states what a reader types and the oracle says what lunr must return.
"""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from scripts.vietnamese.text import fold
from search_fixture import WATCH_WORKER, build_fixture
from static_server import serve

pytestmark = pytest.mark.browser

READ_RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")].map(item => ({
  title: item.querySelector("h1").textContent,
  links: [...item.querySelectorAll("a.md-search-result__link")].map(a => a.href),
  html: item.innerHTML,
}))"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """(base URL, site dir) of the fixture site, built for the address it is served from."""
    dest = tmp_path_factory.mktemp("search-fixture")
    with serve(dest / "site") as base_url:
        yield base_url, build_fixture(dest, base_url)


def open_page(browser, url: str, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(WATCH_WORKER)
    page = context.new_page()
    page.console = []
    page.requests = []
    page.on("console", lambda m: page.console.append(f"{m.type}: {m.text}"))
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("response", lambda r: page.console.append(f"http {r.status}: {r.url}")
            if r.status >= 400 else None)
    page.goto(url)
    return page


def search(page, query: str) -> list[dict]:
    """Type `query` in the search box as a reader would; the rendered result list."""
    box = page.locator(".md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        page.keyboard.press("/")                  # Material's shortcut to the search box
    box.evaluate("el => { el.value = '' }")
    page.keyboard.type(query)
    page.keyboard.press("End")                    # a keyup after text typed without one (IME)
    page.wait_for_function("q => window.__search.answered === q", arg=query)
    return page.evaluate(READ_RESULTS)


def site_path(url: str, base_url: str) -> str:
    """'xam-hai/' or 'xam-hai/#xam-hai-la-gi' for a result link."""
    parts = urlsplit(url)
    path = parts.path[len(urlsplit(base_url).path):]
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def pages_of(results, base_url) -> list[str]:
    return [site_path(r["links"][0], base_url) for r in results]


# --- the oracle: which pages a query must find, from the built index and the Python fold -------

class Oracle:
    def __init__(self, index: dict):
        self.separator = re.compile(index["config"]["separator"])
        self.pages: dict[str, set[str]] = {}
        for doc in index["docs"]:
            text = re.sub(r"<[^>]+>", " ", f'{doc["title"]} {doc["text"]}')
            self.pages.setdefault(doc["location"].split("#")[0], set()).update(self.words(text))

    def words(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFC", text).lower()
        return [w for w in self.separator.split(text) if w]

    @staticmethod
    def _hits(word: str, term: str, last: bool) -> bool:
        """Only the last word of a query may be unfinished: it matches the words it begins;
        the others match whole words (lunr.fold.finishedWords)."""
        return word.startswith(term) if last else word == term

    def matching(self, query: str) -> set[str]:
        terms = [fold(t) for t in self.words(query)]
        return {page for page, words in self.pages.items()
                if any(self._hits(fold(w), t, i == len(terms) - 1) for w in words for i, t in enumerate(terms))}

    def exact(self, query: str) -> set[str]:
        terms = self.words(query)
        return {page for page, words in self.pages.items()
                if any(self._hits(w, t, i == len(terms) - 1)
                       for w in words for i, t in enumerate(terms) if fold(t) != t)}


@pytest.fixture(scope="module")
def oracle(fixture_site):
    _, site = fixture_site
    return {prefix: Oracle(json.loads((site / prefix / "search/search_index.json").read_text("utf-8")))
            for prefix in ("", "en/")}


@pytest.fixture(scope="module")
def vi_page(browser, fixture_site):
    page = open_page(browser, fixture_site[0])
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def en_page(browser, fixture_site):
    page = open_page(browser, fixture_site[0] + "en/")
    yield page
    page.context.close()


NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731

# (query, the page that must come first). Queries in each group find the same pages.
VI_QUERIES = [
    ("bao ve tre em", "bao-ve-tre-em/"),
    ("bảo vệ trẻ em", "bao-ve-tre-em/"),
    ("bảo ve tre em", "bao-ve-tre-em/"),
    ("BẢO VỆ TRẺ EM", "bao-ve-tre-em/"),
    (NFD("bảo vệ trẻ em"), "bao-ve-tre-em/"),
    ("duong day nong", "duong-day-nong/"),
    ("đường dây nóng", "duong-day-nong/"),
    ("ĐƯỜNG DÂY NÓNG", "duong-day-nong/"),
    ("xam hai", "xam-hai/"),
    ("xâm hại", "xam-hai/"),
    ("xâm hai", "xam-hai/"),
    ("111", "duong-day-nong/"),
    ("Báo tin khi trẻ gặp nguy hiểm", "bao-tin/"),
    ("bao tin khi tre gap nguy hiem", "bao-tin/"),
    ("Thế nào là xâm hại trẻ em?", "xam-hai/"),
    ("the nao la xam hai tre em", "xam-hai/"),
    ("Gọi 111 có mất tiền không?", "duong-day-nong/"),
    ("goi 111 co mat tien khong", "duong-day-nong/"),
    ("Có thể báo tin mà không nói tên không?", "hoi-dap/"),
    ("bị bắt nạt", "hoi-dap/"),
    ("bi bat nat", "hoi-dap/"),
]
SAME_PAGES = [
    ["bao ve tre em", "bảo vệ trẻ em", "bảo ve tre em", "BẢO VỆ TRẺ EM", NFD("bảo vệ trẻ em")],
    ["duong day nong", "đường dây nóng", "ĐƯỜNG DÂY NÓNG"],
    ["xam hai", "xâm hại", "xâm hai"],
    ["the nao la xam hai tre em", "Thế nào là xâm hại trẻ em?"],
    ["bao", "bảo", "báo", "BÀO"],
]


@pytest.mark.parametrize("query,first", VI_QUERIES)
def test_vietnamese_queries_find_what_the_folded_text_contains(vi_page, fixture_site, oracle, query, first):
    base_url, _ = fixture_site
    found = pages_of(search(vi_page, query), base_url)
    assert found and found[0] == first
    assert set(found) == oracle[""].matching(query)
    assert not [p for p in found if p.startswith("en/")], "English page on a Vietnamese search"


@pytest.mark.parametrize("group", SAME_PAGES, ids=lambda g: g[0])
def test_with_without_or_with_some_diacritics_the_same_pages(vi_page, fixture_site, group):
    base_url, _ = fixture_site
    found = [sorted(pages_of(search(vi_page, q), base_url)) for q in group]
    assert all(f == found[0] for f in found) and found[0]


@pytest.mark.parametrize("query", ["bảo", "báo", "bảo vệ", "xâm hại", "bị bắt nạt",
                                   "đường dây nóng", "hại"])
def test_exact_matches_rank_before_folded_ones(vi_page, fixture_site, oracle, query):
    base_url, _ = fixture_site
    found = pages_of(search(vi_page, query), base_url)
    exact = oracle[""].exact(query)
    assert exact and set(found) - exact, "the fixture must have both kinds for this query"
    ranks = [p in exact for p in found]
    assert ranks == sorted(ranks, reverse=True), list(zip(found, ranks))


def test_the_accent_typed_decides_which_bao_comes_first(vi_page, fixture_site):
    base_url, _ = fixture_site
    assert pages_of(search(vi_page, "bảo"), base_url)[0] == "bao-ve-tre-em/"     # bảo vệ
    assert pages_of(search(vi_page, "báo"), base_url)[0] == "bao-tin/"           # báo tin
    plain = pages_of(search(vi_page, "bao"), base_url)
    assert {"bao-ve-tre-em/", "bao-tin/", "hoi-dap/"} <= set(plain)             # + bao gồm


def test_faq_question_leads_to_its_section(vi_page, en_page, fixture_site):
    base_url, _ = fixture_site
    for page, query, section in [
        (vi_page, "goi 111 co mat tien khong", "duong-day-nong/#goi-111-co-mat-tien-khong"),
        (vi_page, "Thế nào là xâm hại trẻ em?", "xam-hai/#xam-hai-la-gi"),
        (en_page, "What counts as child abuse?", "en/xam-hai/#xam-hai-la-gi"),
        (en_page, "Does calling 111 cost anything?", "en/duong-day-nong/#goi-111-co-mat-tien-khong"),
    ]:
        first = search(page, query)[0]
        assert section in [site_path(link, base_url) for link in first["links"][1:3]], query


EN_QUERIES = [
    ("child abuse", "en/xam-hai/"),
    ("What counts as child abuse?", "en/xam-hai/"),
    ("hotline", "en/duong-day-nong/"),
    ("111", "en/duong-day-nong/"),
    ("report without giving my name", "en/hoi-dap/"),
    ("Reporting a child in danger", "en/bao-tin/"),
    # Vietnamese words on an English page: the English page that names the hotline in Vietnamese
    ("bảo vệ trẻ em", "en/duong-day-nong/"),
    ("bao ve tre em", "en/duong-day-nong/"),
    ("Đường dây nóng 111", "en/duong-day-nong/"),
]


@pytest.mark.parametrize("query,first", EN_QUERIES)
def test_english_page_gets_english_results_only(en_page, fixture_site, query, first):
    base_url, _ = fixture_site
    found = pages_of(search(en_page, query), base_url)
    assert found and found[0] == first
    assert all(p.startswith("en/") for p in found), found


def test_english_results_for_words_the_vietnamese_pages_have(en_page, fixture_site):
    base_url, _ = fixture_site
    assert set(pages_of(search(en_page, "111"), base_url)) == {
        "en/duong-day-nong/", "en/bao-ve-tre-em/", "en/bao-tin/"}
    assert search(en_page, "xam hai") == []
    assert search(en_page, "xâm hại") == []


def test_vietnamese_page_does_not_find_english_text(vi_page):
    assert search(vi_page, "child abuse") == []
    assert search(vi_page, "hotline") == []


def test_each_language_loads_only_its_own_index(vi_page, en_page, fixture_site):
    base_url, _ = fixture_site
    indexes = lambda page: {site_path(u, base_url) for u in page.requests  # noqa: E731
                            if u.endswith("search_index.json")}
    assert indexes(vi_page) == {"search/search_index.json"}
    assert indexes(en_page) == {"en/search/search_index.json"}


def test_results_highlight_the_accented_words_for_a_folded_query(vi_page):
    first = search(vi_page, "xam hai tre em")[0]
    assert "<mark>Xâm</mark> <mark>hại</mark> <mark>trẻ</mark> <mark>em</mark>" in first["html"]
    first = search(vi_page, "bảo vệ")[0]
    assert first["html"].count("<mark>Bảo</mark>") >= 1
    assert "<mark><mark>" not in first["html"] and "&lt;mark" not in first["html"]


def test_keyboard_enter_opens_the_best_result_and_highlights_folded_words(browser, fixture_site):
    base_url, _ = fixture_site
    page = open_page(browser, base_url, width=360)
    try:
        search(page, "xam hai")
        expect(page.locator(".md-search__suggest")).to_have_text("xam hai")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert site_path(page.url, base_url).startswith("xam-hai/")
        marks = page.locator("article mark[data-md-highlight]").all_inner_texts()
        assert {"Xâm", "hại", "xâm"} <= set(marks)
        assert all(fold(m).lower() in ("xam", "hai") for m in marks), marks
    finally:
        page.context.close()


def test_arrow_keys_and_suggestion(browser, fixture_site):
    base_url, _ = fixture_site
    page = open_page(browser, base_url)
    try:
        search(page, "duong day n")
        expect(page.locator(".md-search__suggest")).to_have_text("duong day nong")
        page.keyboard.press("ArrowRight")            # accept the suggestion
        assert page.locator(".md-search__input").input_value() == "duong day nong"
        page.wait_for_function("q => window.__search.answered === q", arg="duong day nong")
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.href")
        assert site_path(focused, base_url).startswith("duong-day-nong/")
    finally:
        page.context.close()


def test_no_console_warnings_or_failed_requests(browser, fixture_site):
    base_url, _ = fixture_site
    for path in ("", "en/", "xam-hai/?h=xam+hai", "en/xam-hai/?h=abuse"):
        page = open_page(browser, base_url + path)
        try:
            search(page, "bảo vệ")
            search(page, "111")
            assert page.console == [], (path, page.console)
        finally:
            page.context.close()


# --- the real site -------------------------------------------------------------------------------

@pytest.mark.parametrize("path,index", [("", "search/search_index.json"),
                                        ("en/", "en/search/search_index.json"),
                                        ("en/gioi-thieu/", "en/search/search_index.json")])
def test_real_site_search_stays_in_the_page_language(browser, served_site, path, index):
    page = open_page(browser, served_site + path)
    try:
        found = pages_of(search(page, "111"), served_site)
        assert found, "the hotline number is on every home page"
        assert all(p.startswith("en/") == path.startswith("en/") for p in found), found
        assert {site_path(u, served_site) for u in page.requests if u.endswith(".json")} == {index}
        assert page.console == []
    finally:
        page.context.close()
