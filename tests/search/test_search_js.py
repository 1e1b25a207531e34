"""The browser side of search folding, run in Debian's Chromium: the JS fold against the Python
fold (scripts/vietnamese/text.py), and the lunr plugin (lunr.fold.min.js) on the lunr that Material
ships, outside Material (the whole, in Material's UI: test_browser_search.py)."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import ROOT
from scripts.vietnamese.text import fold
from search_fixture import material_lunr_source
from vietnamese_letters import ALL_FORMS

pytestmark = pytest.mark.browser

JS = ROOT / "docs" / "assets" / "javascripts"
# Where the two folds may differ: U+034F COMBINING GRAPHEME JOINER (invisible, canonical
# combining class 0, so Python keeps it; JS drops it as a nonspacing mark). Outside Latin,
# Greek and Cyrillic some scripts' nonspacing marks differ too; no Vietnamese text has them.
KNOWN_DIFFERENCES = {"\u034f"}
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x250, 0x2FF), (0x300, 0x36F), (0x370, 0x52F),
          (0x1E00, 0x1EFF), (0x1F00, 0x1FFF), (0x2000, 0x206F)]


@pytest.fixture(scope="module")
def js(browser):
    context = browser.new_context()
    page = context.new_page()
    messages = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.set_content("<!doctype html><html><body><p>x</p></body></html>")
    page.add_script_tag(content=material_lunr_source())
    page.add_script_tag(path=str(JS / "vietnamese.js"))
    page.add_script_tag(path=str(JS / "lunr/min/lunr.fold.min.js"))
    page.messages = messages
    yield page
    context.close()


def js_fold(page, texts: list[str]) -> list[str]:
    return page.evaluate("texts => texts.map(vietnamese.fold)", texts)


# --- the two folds agree -----------------------------------------------------------------------

def test_js_fold_agrees_with_python_on_every_vowel_and_tone(js):
    letters = [form for form, _ in ALL_FORMS]
    cases = letters + [l.upper() for l in letters]
    cases += [unicodedata.normalize("NFD", c) for c in cases]
    assert len(cases) == 288
    assert js_fold(js, cases) == [fold(c) for c in cases]
    assert {c: b for (c, b) in zip(letters, js_fold(js, letters))} == dict(ALL_FORMS)


def test_js_fold_d_with_stroke_uppercase_and_sentences(js):
    cases = ["đ", "Đ", "Đảng ủy", "ĐƯỜNG DÂY NÓNG 111", "Tổng đài quốc gia bảo vệ trẻ em",
             "Quý III/2024: Ủy ban nhân dân huyện An Lão", "Xâm hại trẻ em là gì?", "",
             "plain ASCII stays as it is", "Chăm sóc, giáo dục và bảo vệ trẻ em"]
    cases += [unicodedata.normalize("NFD", c) for c in cases]
    assert js_fold(js, cases) == [fold(c) for c in cases]
    assert js_fold(js, ["đĐ"]) == ["dD"]


def test_js_fold_agrees_with_python_on_latin_greek_cyrillic_and_marks(js):
    chars = [chr(c) for lo, hi in RANGES for c in range(lo, hi + 1)]
    chars = [c for c in chars if c not in KNOWN_DIFFERENCES]
    got = js_fold(js, chars)
    differ = [(f"U+{ord(c):04X}", fold(c), g) for c, g in zip(chars, got) if fold(c) != g]
    assert not differ


def test_the_known_difference_is_still_the_only_one(js):
    # If this starts failing, a Python or browser upgrade changed a fold: revisit the list.
    assert js_fold(js, list(KNOWN_DIFFERENCES)) != [fold(c) for c in KNOWN_DIFFERENCES]


# --- the lunr plugin, on Material's lunr -------------------------------------------------------

BUILD = """({docs, keep}) => {
  window.idx = lunr(function () {
    this.metadataWhitelist = ["position"]
    this.use(lunr.fold)
    for (const fn of ["trimmer", "stopWordFilter", "stemmer"])
      if (!keep.includes(fn)) {
        this.pipeline.remove(lunr.fold[fn]); this.searchPipeline.remove(lunr.fold[fn])
      }
    this.ref("id"); this.field("title", {boost: 1000}); this.field("text")
    docs.forEach(doc => this.add(doc))
  })
}"""
SEARCH = """q => idx.search(q).map(r => ({ref: r.ref, score: r.score,
  terms: Object.keys(r.matchData.metadata),
  positions: Object.values(r.matchData.metadata).flatMap(m =>
    Object.entries(m).flatMap(([field, f]) => (f.position || []).map(p => field + ":" + p)))
}))"""

DOCS = [
    {"id": "bao-ve", "title": "Bảo vệ trẻ em", "text": "Bảo vệ trẻ em là trách nhiệm của mọi người."},
    {"id": "bao-tin", "title": "Báo tin báo tin", "text": "Báo tin, báo tin, báo tin ngay khi trẻ gặp nguy hiểm."},
    {"id": "bao-gom", "title": "Hỏi đáp", "text": "Trẻ em bao gồm mọi người dưới 16 tuổi."},
    {"id": "duong", "title": "Đường dây nóng 111", "text": "Gọi 111 miễn phí."},
    {"id": "am", "title": "Âm thanh", "text": "Do đó mà là cái an toàn nhưng vẫn"},
]


def _search(page, query: str, docs=DOCS, keep=()) -> list[dict]:
    page.evaluate(BUILD, {"docs": docs, "keep": list(keep)})
    return page.evaluate(SEARCH, query)


def _refs(results) -> list[str]:
    return [r["ref"] for r in results]


@pytest.mark.parametrize("query", ["bao* ve*", "bảo* vệ*", "bảo* ve*", "BẢO* VỆ*", "Bao* Vệ*",
                                   unicodedata.normalize("NFD", "bảo* vệ*")])
def test_same_pages_with_without_or_with_some_diacritics(js, query):
    assert sorted(_refs(_search(js, query))) == ["bao-gom", "bao-tin", "bao-ve"]


def test_exact_matches_rank_first_even_against_more_frequent_folded_ones(js):
    exact = _search(js, "bảo*")
    assert _refs(exact)[0] == "bao-ve"
    assert _refs(_search(js, "báo*"))[0] == "bao-tin"
    # Material multiplies each score by 1 to 5 before sorting again: the groups must stay apart.
    assert exact[0]["score"] > 5 * max(r["score"] for r in exact[1:])


def test_plain_query_matches_every_form(js):
    results = _search(js, "bao*")
    assert sorted(_refs(results)) == ["bao-gom", "bao-tin", "bao-ve"]


def test_d_with_stroke(js):
    for query in ("duong*", "đường*", "ĐƯỜNG*", "DUONG*"):
        assert _refs(_search(js, query)) == ["duong"], query


def test_required_and_prohibited_terms_are_taken_as_typed(js):
    assert _refs(_search(js, "+bảo")) == ["bao-ve"]
    assert sorted(_refs(_search(js, "+bao"))) == ["bao-gom", "bao-tin", "bao-ve"]
    assert sorted(_refs(_search(js, "trẻ* -bảo"))) == ["bao-gom", "bao-tin"]


def test_no_vietnamese_syllable_is_dropped(js):
    for word in ("do", "đó", "mà", "là", "cái", "an", "nhưng"):
        assert "am" in _refs(_search(js, word)), word


def test_english_index_keeps_its_stop_words_filter(js):
    docs = [{"id": "en", "title": "The hotline", "text": "Call the hotline when a child is in danger."}]
    assert _refs(_search(js, "hotline", docs, keep=["stopWordFilter"])) == ["en"]
    assert _refs(_search(js, "the", docs, keep=["stopWordFilter"])) == []
    assert _refs(_search(js, "the", docs)) == ["en"]


def test_a_word_and_its_folded_twin_are_highlighted_once(js):
    for result in _search(js, "bảo* vệ*"):
        assert len(result["positions"]) == len(set(result["positions"])), result
    again = _search(js, "bao* ve*")
    assert "bao" in next(r for r in again if r["ref"] == "bao-ve")["terms"]
    assert all(r["positions"] for r in again), "match data of the index must not be emptied"


def test_no_console_warnings(js):
    _search(js, "bảo*")
    assert not [m for m in js.messages if m.startswith(("warning", "error"))], js.messages
