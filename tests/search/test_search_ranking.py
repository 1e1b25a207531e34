"""Ranking rules of lunr.fold (issue 13), in Chromium with the lunr Material bundles: word pairs,
editors' synonyms, exact-first only for telling diacritics, a topic page before its kit.

Small indexes built here, so each rule is checked on its own, with input where it must not act.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search_fixture import material_lunr_source

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "docs" / "assets" / "javascripts"
SEPARATOR = r'[\s\-–—,:;!?=\[\]()"“”‘’/…]+|\.(?!\d)'

SEARCH = """({docs, queries, english}) => {
  lunr.tokenizer.separator = new RegExp(%s)
  const idx = lunr(function () {
    this.metadataWhitelist = ["position"]
    this.use(lunr.fold)
    if (!english) this.pipeline.remove(lunr.fold.stopWordFilter)
    this.ref("location"); this.field("title", {boost: 1000}); this.field("text")
    docs.forEach(d => this.add(d))
  })
  return queries.map(q => idx.search(q.split(/\\s+/).map(w => w + "*").join(" ")).map(r => r.ref))
}""" % json.dumps(SEPARATOR)


@pytest.fixture(scope="module")
def lunr_page(browser):
    def make(synonyms=None, twins=None, first=None):
        page = browser.new_page()
        page.set_content("<!doctype html><title>x</title>")
        if synonyms is not None or twins is not None or first is not None:
            data = {"synonyms": synonyms or [], "twins": twins or [], "first": first or []}
            page.add_script_tag(content=f"self.searchData = {json.dumps(data, ensure_ascii=False)}")
        page.add_script_tag(content=material_lunr_source())
        page.add_script_tag(path=str(JS / "vietnamese.js"))
        page.add_script_tag(path=str(JS / "lunr/min/lunr.fold.min.js"))
        return page
    pages = []
    yield lambda **kw: pages.append(make(**kw)) or pages[-1]
    for page in pages:
        page.close()


def search(page, docs, *queries, english=False):
    return page.evaluate(SEARCH, {"docs": docs, "queries": list(queries), "english": english})


def test_syllables_together_beat_syllables_apart(lunr_page):
    page = lunr_page()
    docs = [
        {"location": "apart", "title": "", "text": "Tin tức hôm nay. Ông báo rằng mọi việc đã xong."},
        {"location": "together", "title": "", "text": "Hôm nay cần báo tin cho xã ngay."},
    ]
    for query in ("báo tin", "bao tin", "báo tín"):
        assert search(page, docs, query)[0][0] == "together", query
    # one word: no pair, both pages found
    assert set(search(page, docs, "báo")[0]) == {"apart", "together"}


def test_pairs_work_in_english_without_stop_words(lunr_page):
    page = lunr_page()
    docs = [
        {"location": "apart", "title": "", "text": "Every child deserves care. Labour law is strict."},
        {"location": "together", "title": "", "text": "Families should know about the child labour rules here."},
    ]
    assert search(page, docs, "child labour", english=True)[0][0] == "together"


def test_synonyms_find_pages_with_the_other_words(lunr_page):
    page = lunr_page(synonyms=[["đường dây nóng", "tổng đài"], ["labour", "labor"]])
    docs = [
        {"location": "hotline", "title": "", "text": "Gọi tổng đài 111 khi trẻ bị xâm hại."},
        {"location": "other", "title": "", "text": "Đường làng mùa hè rất nóng, dây điện thấp."},
        {"location": "labour", "title": "", "text": "Preventing child labour in the district."},
    ]
    vi, folded, labor, unrelated = search(page, docs, "đường dây nóng", "duong day nong", "labor", "tổng")
    assert vi[0] == "hotline" and folded[0] == "hotline"
    assert labor == ["labour"]
    assert "other" not in unrelated            # a word alone does not pull in a group it is not


def test_no_synonyms_without_a_group(lunr_page):
    page = lunr_page(synonyms=[])
    docs = [{"location": "hotline", "title": "", "text": "Gọi tổng đài 111."}]
    assert search(page, docs, "đường dây nóng") == [[]]


def test_tone_left_out_does_not_lift_a_rare_exact_word(lunr_page):
    # "trương" typed for "trường" (no tone key): the one page with the name Trương must not
    # come first just because its word matches the typed form exactly
    page = lunr_page()
    docs = [{"location": f"school-{i}", "title": "Nhà trường", "text": "Nhà trường an toàn."} for i in range(6)]
    docs.append({"location": "name", "title": "", "text": "Ông Trương, nhà ở xa."})
    first = search(page, docs, "nha trương")[0][0]
    assert first.startswith("school-")
    # a telling accented word still puts its pages first ("bảo" against "báo" and "bao")
    docs = [{"location": "bao", "title": "", "text": "Báo tin ngay."},
            {"location": "bao-ve", "title": "", "text": "Bảo vệ trẻ em."},
            {"location": "bao-gom", "title": "", "text": "Bao gồm mọi trẻ."}]
    assert search(page, docs, "bảo")[0][0] == "bao-ve"
    assert search(page, docs, "báo")[0][0] == "bao"


UNCROWD = """items => lunr.fold.uncrowd(items.map(l => [{location: l}])).map(g => g[0].location)"""


def test_topic_page_before_its_kit_and_not_both_in_the_first_three(lunr_page):
    page = lunr_page(twins=[["tuyen-truyen/", "tai-lieu/"]])
    order = page.evaluate(UNCROWD, ["tai-lieu/duoi-nuoc/#phat-thanh", "tuyen-truyen/duoi-nuoc/",
                                    "hoi-dap/", "bao-tin/", "thuat-ngu/"])
    assert order[:3] == ["tuyen-truyen/duoi-nuoc/", "hoi-dap/", "bao-tin/"]
    assert order[3] == "tai-lieu/duoi-nuoc/#phat-thanh"
    # two topics and their kits: still one place each in the first three, nothing lost
    items = ["tuyen-truyen/a/", "tuyen-truyen/b/", "tai-lieu/a/", "tai-lieu/b/", "x/"]
    order = page.evaluate(UNCROWD, items)
    assert order[:3] == ["tuyen-truyen/a/", "tuyen-truyen/b/", "x/"] and sorted(order) == sorted(items)
    # different subjects are left alone; the kit index page (tai-lieu/) has no twin
    items = ["tai-lieu/a/", "tuyen-truyen/b/", "tai-lieu/", "tuyen-truyen/"]
    assert page.evaluate(UNCROWD, items) == items



PROMOTE = """([items, words]) => lunr.fold.promote(items.map(l => [{location: l}]), words)
               .map(g => g[0].location)"""


def test_first_rule_puts_its_page_first_only_for_its_phrases(lunr_page):
    rule = {"page": "bao-tin/", "phrases": ["số điện thoại", "who to call"]}
    page = lunr_page(synonyms=[], first=[rule])
    found = ["hoi-dap/", "thuat-ngu/", "bao-tin/#goi-so-nao", "bao-tin/"]
    assert page.evaluate(PROMOTE, [found, ["so", "dien", "thoai", "bao", "tin"]])[0] == "bao-tin/#goi-so-nao"
    assert page.evaluate(PROMOTE, [found, ["who", "to", "calls"]])[0].startswith("bao-tin/")
    # no phrase of the rule: order unchanged; the page not found: nothing invented
    assert page.evaluate(PROMOTE, [found, ["bao", "ve", "tre", "em"]]) == found
    assert page.evaluate(PROMOTE, [["hoi-dap/", "thuat-ngu/"], ["bao", "tin"]]) == ["hoi-dap/", "thuat-ngu/"]
    # no rules: nothing moves
    assert lunr_page(synonyms=[]).evaluate(PROMOTE, [found, ["so", "dien", "thoai"]]) == found


def test_first_rule_with_and_needs_both_and_the_first_match_decides(lunr_page):
    school = {"page": "hoi-dap/nha-truong/", "phrases": ["bạo hành", "abuse"], "and": ["giáo viên", "teacher"]}
    witness = {"page": "bao-tin/", "phrases": ["bạo hành", "abuse"], "and": ["phải làm gì", "neighbour"]}
    page = lunr_page(synonyms=[], first=[school, witness])
    found = ["tuyen-truyen/a/", "hoi-dap/nha-truong/#x", "bao-tin/"]
    promote = lambda query: page.evaluate(PROMOTE, [found, query.split()])
    assert promote("thấy trẻ bị bạo hành phải làm gì")[0] == "bao-tin/"
    assert promote("my neighbours abuse their son")[0] == "bao-tin/"          # English endings
    # one half alone does nothing
    assert promote("bạo hành là gì") == found and promote("phải làm gì") == found
    # both rules match: the first one listed wins
    assert promote("giáo viên bạo hành học sinh phải làm gì")[0] == "hoi-dap/nha-truong/#x"
    # the first matching rule's page was not found: the next rule decides
    assert page.evaluate(PROMOTE, [["x/", "bao-tin/"], "giáo viên bạo hành phải làm gì".split()])[0] == "bao-tin/"


def test_first_rule_diacritics_may_be_left_out_not_changed(lunr_page):
    rule = {"page": "bao-tin/", "phrases": ["đánh"], "and": ["giúp"]}
    page = lunr_page(synonyms=[], first=[rule])
    found = ["tuyen-truyen/a/", "bao-tin/"]
    promote = lambda query: page.evaluate(PROMOTE, [found, query.split()])
    assert promote("tre bi danh can giup")[0] == "bao-tin/"          # none typed
    assert promote("trẻ bị đanh cần giup")[0] == "bao-tin/"          # tone left out, đ kept
    assert promote("trẻ bị dánh cần giúp")[0] == "bao-tin/"          # đ typed as d
    assert promote("trang dành cho trẻ cần giúp") == found           # another word: "dành"
    assert promote("danh sách cần giúp")[0] == "bao-tin/"            # unaccented stays ambiguous
    assert promote("đảnh giúp") == found                             # a different tone


def test_a_query_typed_without_any_tone_does_not_trust_its_other_marks(lunr_page):
    """"ban thương vu la gi" has no tone mark: "thương" is "thường" with the tone left out, so
    pages with the exact "thương" must not be lifted above those with "thường"."""
    page = lunr_page(synonyms=[])
    assert page.evaluate("q => lunr.fold.toneless(q)", "ban thương vu la gi") is True
    assert page.evaluate("q => lunr.fold.toneless(q)", "ban thường vụ là gì") is False
    assert page.evaluate("q => lunr.fold.toneless(q)", "thương") is False      # one word: may be meant
    docs = [{"location": f"injury-{i}", "title": "", "text": "Phòng tai nạn thương tích cho trẻ."} for i in range(3)]
    docs += [{"location": "glossary", "title": "Ban Thường vụ", "text": "Ban Thường vụ Huyện ủy là cơ quan lãnh đạo."}]
    docs += [{"location": f"other-{i}", "title": "", "text": "Ban chỉ đạo thường xuyên họp."} for i in range(2)]
    toneless, toned = search(page, docs, "ban thương vu", "ban thường vụ")
    assert toneless[0] == "glossary" and toned[0] == "glossary"


def test_only_the_last_word_finds_the_words_it_begins(lunr_page):
    """Material puts a wildcard after every word; only the last one may still be being typed."""
    page = lunr_page(synonyms=[])
    docs = [{"location": "binh-thuong", "title": "", "text": "Mọi việc bình thường, bình yên."},
            {"location": "bi-danh", "title": "", "text": "Khi trẻ bị đánh."}]
    found, = search(page, docs, "bi danh")
    assert found == ["bi-danh"]                          # "bi" is a finished word: not "bình"
    found, = search(page, docs, "danh bi")
    assert set(found) == {"bi-danh", "binh-thuong"}      # the last word still finds "bình"


def test_a_finished_last_word_counts_more_than_its_completions(lunr_page):
    page = lunr_page(synonyms=[])
    docs = [{"location": "helpful", "title": "", "text": "Helpful tips, helpful people, helpful books."},
            {"location": "help", "title": "", "text": "Where to get help."}]
    found, = search(page, docs, "help", english=True)
    assert found[0] == "help" and "helpful" in found     # completions still found, after


PAIR_CLAUSES = """({docs, query}) => {
  const idx = lunr(function () {
    this.use(lunr.fold); this.pipeline.remove(lunr.fold.stopWordFilter)
    this.ref("location"); this.field("text"); docs.forEach(d => this.add(d))
  })
  const q = new lunr.Query(idx.fields)
  new lunr.QueryParser(query, q).parse()
  lunr.fold.extend(q, idx)
  return q.clauses.filter(c => c.term.startsWith("\u00b7") && !c.exact).map(c => [c.term, c.boost])
}"""


def test_a_pair_weighs_as_much_as_its_less_telling_word(lunr_page):
    """"cho trẻ": a function word next to a word on most entries; "áo phao": the reader's subject."""
    page = lunr_page(synonyms=[])
    docs = [{"location": f"tre-{i}", "text": f"Trẻ em vui chơi, bài {i}."} for i in range(10)]
    docs += [{"location": "ao-phao", "text": "Khi đi thuyền, trẻ mặc áo phao. Dạy trẻ bơi."}]
    pairs = dict(page.evaluate(PAIR_CLAUSES, {"docs": docs, "query": "áo phao cho trẻ"}))
    # folded pair terms: "·ao phao", "·phao cho", "·cho tre"
    assert pairs["\u00b7ao phao"] == pytest.approx(5 * pairs["\u00b7cho tre"])
    assert pairs["\u00b7phao cho"] == pairs["\u00b7cho tre"]     # "cho" is a function word
