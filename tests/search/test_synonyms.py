"""The editors' synonym list and search_keywords: the check (bad input reported with file:line in
both languages), the keywords in the index, the worker's data file, the help panel's markup."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.phones import load_phones
from scripts.search import synonyms
from scripts.search.help_panel import MARKER, add_panel
from scripts.search.search_index import KEYWORDS_FIELD, add_keywords


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "search_synonyms.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_real_list_is_clean_and_has_both_languages():
    groups, problems = synonyms.load_synonyms()
    assert problems == []
    assert groups["vi"] and groups["en"]
    assert any("đường dây nóng" in g and "tổng đài" in g for g in groups["vi"])
    assert any("labour" in g and "labor" in g for g in groups["en"])


def test_bad_synonym_file_reports_each_problem_with_its_line(tmp_path):
    path = _write(tmp_path, "vi:\n  - [bạo hành, bạo lực]\n  - [đánh]\n  - [tổng đài, '']\n"
                            "fr:\n  - [a, b]\nen:\n  - [labour, null]\n  - [hotline, helpline]\n")
    groups, problems = synonyms.load_synonyms(path)
    found = {(p.line, p.code) for p in problems}
    assert (3, "search.shape") in found                 # a group of one word
    assert (4, "search.empty-entry") in found           # an empty phrase
    assert (5, "search.unknown-field") in found         # fr: is not a language of the site
    assert (8, "search.empty-entry") in found           # null
    assert groups == {"vi": [["bạo hành", "bạo lực"]], "en": [["hotline", "helpline"]]}
    for p in problems:
        assert p.what.vi != p.what.en and p.fix.vi and p.fix.en


def test_broken_yaml_and_decomposed_text(tmp_path):
    _, problems = synonyms.load_synonyms(_write(tmp_path, "vi:\n  - [a, b\n"))
    assert len(problems) == 1 and problems[0].code == "search.yaml" and problems[0].line > 0
    _, problems = synonyms.load_synonyms(_write(tmp_path, "vi:\n  - [to\u0302\u0309ng đài, hotline]\n"))
    assert [p.code for p in problems] == ["search.not-nfc"]


def test_search_keywords_check(tmp_path):
    page = tmp_path / "index.md"
    page.write_text("---\ntitle: T\nsearch_keywords: [hotline, '']\nkeywords: [x]\n---\n\n# T\n", encoding="utf-8")
    found = {(p.line, p.code) for p in synonyms.check_page(page)}
    assert found == {(3, "search.empty-entry"), (4, "search.unknown-field")}
    page.write_text("---\ntitle: T\nsearch_keywords: hotline\n---\n", encoding="utf-8")
    assert [p.code for p in synonyms.check_page(page)] == ["search.shape"]
    page.write_text("---\ntitle: T\nsearch_keywords: [đường dây nóng, hotline]\n---\n", encoding="utf-8")
    assert synonyms.check_page(page) == []
    assert synonyms.page_keywords({"search_keywords": ["a", " ", 3, "b "]}) == ["a", "b"]


def test_the_site_passes_the_check():
    assert synonyms.check() == []
    assert synonyms.main([]) == 0


def test_keywords_go_into_a_hidden_field_of_the_page_entry():
    index = {"config": {"fields": {"title": {"boost": 1000.0}, "text": {}}},
             "docs": [{"location": "bao-tin/", "title": "T", "text": ""},
                      {"location": "bao-tin/#a", "title": "A", "text": ""}]}
    out = add_keywords(index, {"bao-tin/": ["đường dây nóng", "hotline"]})
    assert out["docs"][0][KEYWORDS_FIELD] == "đường dây nóng hotline"
    assert KEYWORDS_FIELD not in out["docs"][1]
    assert KEYWORDS_FIELD in out["config"]["fields"]
    assert add_keywords(index, {}) is index


def test_worker_data_file():
    js = synonyms.search_data_js({"vi": [["a", "b"]], "en": [["c", "d"]]})
    data = json.loads(js.split("self.searchData = ", 1)[1])
    assert data == {"synonyms": [["a", "b"], ["c", "d"]], "twins": [["tuyen-truyen/", "tai-lieu/"]],
                    "first": []}


def test_help_panel_markup():
    hotline = next(p for p in load_phones() if p.id == "hotline")
    page = f'<div class="md-search-result">{MARKER}\n  </div><p>after</p>' 
    vi = add_panel(page, "vi", "hoi-dap/cha-me/", "")
    en = add_panel(page, "en", "en/hoi-dap/cha-me/", "en/")
    # outside Material's result element (it renders into its last child, focuses its links)
    assert vi.index(MARKER) < vi.index("</div>") < vi.index("search-help") < vi.index("<p>after")
    assert f'href="tel:{hotline.number}"' in vi and 'href="../../bao-tin/"' in vi
    assert "Không tìm thấy" in vi and hotline.name["vi"] in vi and " hidden>" in vi
    assert 'href="../../bao-tin/"' in en and "No page contains" in en and hotline.name["en"] in en
    assert add_panel("<p>no search</p>", "vi", "", "") == "<p>no search</p>"


def test_first_rules_checked(tmp_path):
    (tmp_path / "docs" / "vi" / "bao-tin").mkdir(parents=True)
    (tmp_path / "docs" / "vi" / "bao-tin" / "index.md").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "search_synonyms.yml"
    path.write_text("first:\n  - page: bao-tin/\n    vi: [báo tin]\n    en: [report]\n"
                    "  - page: khong-co/\n    vi: [a]\n    en: [b]\n"
                    "  - page: bao-tin/\n    vi: []\n    en: [b]\n    when: x\n", encoding="utf-8")
    groups, problems = synonyms.load_synonyms(path)
    assert groups["first"] == [{"page": "bao-tin/", "phrases": ["báo tin", "report"], "and": []}]
    found = {(p.line, p.code) for p in problems}
    assert found == {(5, "search.unknown-page"), (9, "search.empty-entry"), (11, "search.unknown-field")}


def test_first_rules_with_and(tmp_path):
    """`and:` needs vi: and en: phrase lists; a rule with a bad `and:` is left out, with the line."""
    (tmp_path / "docs" / "vi" / "bao-tin").mkdir(parents=True)
    (tmp_path / "docs" / "vi" / "bao-tin" / "index.md").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "search_synonyms.yml"
    path.write_text("first:\n"
                    "  - page: bao-tin/\n    vi: [bạo hành]\n    en: [abuse]\n"
                    "    and:\n      vi: [phải làm gì, thấy]\n      en: [what to do]\n"      # good
                    "  - page: bao-tin/\n    vi: [a]\n    en: [b]\n    and: [thấy]\n"          # line 11: not vi/en
                    "  - page: bao-tin/\n    vi: [a]\n    en: [b]\n"
                    "    and:\n      vi: [c]\n      fr: [d]\n"                               # line 16, 17
                    "  - page: bao-tin/\n    vi: [a]\n    en: [b]\n"
                    "    and:\n      vi: [\"  \"]\n      en: []\n", encoding="utf-8")          # line 22, 23
    groups, problems = synonyms.load_synonyms(path)
    assert groups["first"] == [{"page": "bao-tin/", "phrases": ["bạo hành", "abuse"],
                                "and": ["phải làm gì", "thấy", "what to do"]}]
    found = {(p.line, p.code) for p in problems}
    assert (11, "search.shape") in found
    assert (17, "search.unknown-field") in found and (16, "search.empty-entry") in found
    assert (23, "search.empty-entry") in found and any(line == 22 for line, _ in found)
    for problem in problems:
        text = problem.what.vi + problem.what.en
        assert "and" in text
