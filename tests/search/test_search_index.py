"""Unit tests of scripts/search/search_index.py, and build tests of the real site's search indexes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from scripts.search import search_index
from scripts.search.search_index import Language, SearchIndexError

VI, EN = Language("vi", ""), Language("en", "en/")
CONFIG = {"lang": ["vi", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
MERGED = {"config": CONFIG, "docs": [
    {"location": "", "title": "Chăm sóc trẻ em", "text": "<p>Gọi 111</p>"},
    {"location": "bao-tin/#goi-ai", "title": "Gọi ai?", "text": ""},
    {"location": "en/", "title": "Caring for children", "text": "<p>Call 111</p>"},
    {"location": "en/bao-tin/#goi-ai", "title": "Whom to call?", "text": ""},
    {"location": "english-words/", "title": "Một trang tiếng Việt", "text": ""},
]}


def test_split_index_gives_each_language_only_its_own_pages():
    split = search_index.split_index(MERGED, [VI, EN])
    assert [d["location"] for d in split["vi"]["docs"]] == ["", "bao-tin/#goi-ai", "english-words/"]
    assert [d["location"] for d in split["en"]["docs"]] == ["", "bao-tin/#goi-ai"]
    assert [d["title"] for d in split["en"]["docs"]] == ["Caring for children", "Whom to call?"]
    assert MERGED["docs"][2]["location"] == "en/", "the input must not be changed"


def test_each_index_names_the_folding_language_and_its_own_pipeline():
    split = search_index.split_index(MERGED, [VI, EN])
    assert split["vi"]["config"]["lang"] == split["en"]["config"]["lang"] == ["fold"]
    assert split["vi"]["config"]["pipeline"] == []          # no Vietnamese stop words
    assert split["en"]["config"]["pipeline"] == ["stopWordFilter"]
    assert split["vi"]["config"]["separator"] == CONFIG["separator"]
    # titles weigh TITLE_BOOST (not Material's 1000, SEARCH.md "Ranking"); other fields as Material set them
    for lang in ("vi", "en"):
        fields = split[lang]["config"]["fields"]
        assert fields["title"] == {"boost": search_index.TITLE_BOOST} and search_index.TITLE_BOOST < 1000
        assert fields["text"] == CONFIG["fields"]["text"]


def test_keywords_and_description_go_into_hidden_fields_of_the_page_entry_only():
    merged = {"config": CONFIG, "docs": [
        {"location": "bao-tin/", "title": "Báo tin", "text": ""},
        {"location": "bao-tin/#goi", "title": "Gọi", "text": ""},
        {"location": "thuat-ngu/", "title": "Thuật ngữ", "text": ""}]}
    out = search_index.add_descriptions(
        search_index.add_keywords(merged, {"bao-tin/": ["đường dây nóng", "hotline"]}),
        {"bao-tin/": "  Gọi 111, đậy giếng.  ", "thuat-ngu/": "   ", "khong-co/": "x"})
    page, section, other = out["docs"]
    assert page["keywords"] == "đường dây nóng hotline" and page["description"] == "Gọi 111, đậy giếng."
    assert "keywords" not in section and "description" not in section
    assert "description" not in other                       # a blank description adds nothing
    fields = out["config"]["fields"]
    assert fields["description"]["boost"] < fields["keywords"]["boost"]
    assert search_index.add_descriptions(merged, {}) is merged


@pytest.mark.parametrize("languages", [[EN], [VI, Language("fr", "")]])
def test_split_index_needs_exactly_one_default_language(languages):
    with pytest.raises(SearchIndexError, match="default language"):
        search_index.split_index(MERGED, languages)


def test_language_of_takes_the_longest_folder_prefix():
    pt, ptbr = Language("pt", "pt/"), Language("pt-BR", "pt/br/")
    langs = [VI, EN, pt, ptbr]
    assert search_index.language_of("pt/br/x/", langs) is ptbr
    assert search_index.language_of("pt/x/", langs) is pt
    assert search_index.language_of("english/", langs) is VI
    assert search_index.language_of("", langs) is VI


@pytest.mark.parametrize("base,prefix,expected", [
    (".", "en/", "./en/"),
    ("..", "en/", "../en/"),
    ("../..", "en/", "../../en/"),
    ("/", "en/", "/en/"),
    ("/tre-em", "en/", "/tre-em/en/"),
    ("/tre-em/", "en/", "/tre-em/en/"),
    ("..", "", ".."),
])
def test_rebase(base, prefix, expected):
    assert search_index.rebase(base, prefix) == expected


PAGE = """<html><body><main>x</main>
<script id="__config" type="application/json">{"base": "../..", "features": ["search.highlight"], "search": "../../assets/javascripts/workers/search.js", "translations": {"search.result.none": "No <b>matching</b> documents"}}</script>
<script src="../../assets/javascripts/bundle.js"></script></body></html>"""


def _config(html: str) -> dict:
    return json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S).group(1))


def test_rebase_config_changes_the_base_and_nothing_else():
    out = search_index.rebase_config(PAGE, "en/")
    before, after = _config(PAGE), _config(out)
    assert after.pop("base") == "../../en/" and before.pop("base") == "../.."
    assert after == before
    assert "\\u003cb\\u003e" in out, "markup inside the JSON must stay escaped like Jinja's tojson"
    assert out.startswith("<html><body><main>x</main>") and out.endswith("bundle.js\"></script></body></html>")
    assert search_index.rebase_config(PAGE, "") == PAGE


def test_rebase_config_without_materials_config_says_what_to_fix():
    with pytest.raises(SearchIndexError) as err:
        search_index.rebase_config("<html></html>", "en/", "en/x/index.md")
    message = str(err.value)
    assert message.startswith("en/x/index.md:") and "không thấy" in message and "missing" in message


def test_rebase_config_with_broken_json_names_the_line():
    broken = 'a\nb\n<script id="__config" type="application/json">{"base": </script>'
    with pytest.raises(SearchIndexError, match=r"^page.html:3: .*JSON"):
        search_index.rebase_config(broken, "en/", "page.html")


def test_measure_counts_docs_bytes_and_gzip():
    data = json.dumps(MERGED).encode()
    size = search_index.measure(data, "all", "search/search_index.json")
    assert (size.docs, size.size) == (5, len(data))
    assert 0 < size.gzip_size < size.size
    assert "5 docs" in size.line() and "gzip" in size.line()


# --- a small built site on disk ------------------------------------------------------------

def _page(site: Path, rel: str, base: str | None) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    config = "" if base is None else (
        f'<script id="__config" type="application/json">{{"base": "{base}"}}</script>')
    path.write_text(f"<html><body>{config}</body></html>", encoding="utf-8")


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    _page(site, "index.html", ".")
    _page(site, "bao-tin/index.html", "..")
    _page(site, "404.html", "/")
    _page(site, "cu/index.html", None)                 # a redirect stub: no Material config
    _page(site, "en/index.html", "..")
    _page(site, "en/bao-tin/index.html", "../..")
    _page(site, "en/404.html", "/")
    (site / "search").mkdir()
    (site / "search/search_index.json").write_text(json.dumps(MERGED), encoding="utf-8")
    _page(site, "english-words/index.html", "..")
    return site


def test_write_indexes_splits_the_merged_file_in_place(tmp_path):
    site = _site(tmp_path)
    before, sizes = search_index.write_indexes(site, [VI, EN])
    assert before.docs == 5
    assert [(s.locale, s.path, s.docs) for s in sizes] == [
        ("vi", "search/search_index.json", 3), ("en", "en/search/search_index.json", 2)]
    vi_text = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "Chăm sóc" in vi_text, "written as UTF-8, not as \\u escapes (a third of the size)"
    assert "Caring" not in vi_text
    assert json.loads((site / "en/search/search_index.json").read_text())["docs"][0]["location"] == ""


def test_write_indexes_without_an_index_says_so(tmp_path):
    with pytest.raises(SearchIndexError, match="search plugin enabled"):
        search_index.write_indexes(tmp_path, [VI, EN])


def _rebase_pages(site: Path) -> None:
    for rel in ("en/index.html", "en/bao-tin/index.html", "en/404.html"):
        path = site / rel
        path.write_text(search_index.rebase_config(path.read_text(encoding="utf-8"), "en/"),
                        encoding="utf-8")


def test_check_site_passes_a_correct_site(tmp_path, capsys):
    site = _site(tmp_path)
    search_index.write_indexes(site, [VI, EN])
    _rebase_pages(site)
    problems, sizes = search_index.check_site(site)
    assert problems == []
    assert [s.path for s in sizes] == ["search/search_index.json", "en/search/search_index.json"]
    assert search_index.main([str(site)]) == 0
    out = capsys.readouterr().out
    assert "en/search/search_index.json" in out and "gzip" in out


def test_check_site_finds_an_english_page_using_the_vietnamese_index(tmp_path, capsys):
    site = _site(tmp_path)
    search_index.write_indexes(site, [VI, EN])
    _rebase_pages(site)
    _page(site, "en/bao-tin/index.html", "../..")        # not rebased: would load /search/
    assert search_index.main([str(site)]) == 1
    err = capsys.readouterr().err
    assert "en/bao-tin/index.html" in err and "không trỏ" in err and "does not point" in err


def test_check_site_finds_a_page_of_another_language_in_an_index(tmp_path, capsys):
    site = _site(tmp_path)
    search_index.write_indexes(site, [VI, EN])
    _rebase_pages(site)
    vi = json.loads((site / "search/search_index.json").read_text())
    vi["docs"].append({"location": "en/bao-tin/", "title": "Reporting", "text": ""})
    vi["docs"].append({"location": "khong-co/", "title": "Không có", "text": ""})
    (site / "search/search_index.json").write_text(json.dumps(vi))
    problems, _ = search_index.check_site(site)
    assert any("another language" in p and "en/bao-tin/" in p for p in problems)
    assert any("no such page" in p and "khong-co/" in p for p in problems)


def test_check_site_finds_an_index_without_folding(tmp_path):
    site = _site(tmp_path)
    search_index.write_indexes(site, [VI, EN])
    _rebase_pages(site)
    en = json.loads((site / "en/search/search_index.json").read_text())
    en["config"]["lang"] = ["en"]
    (site / "en/search/search_index.json").write_text(json.dumps(en))
    problems, _ = search_index.check_site(site)
    assert len(problems) == 1 and "hook_search.py" in problems[0]


@pytest.mark.parametrize("args", [[], ["a", "b"], ["--help"]])
def test_main_misuse(args, capsys):
    assert search_index.main(args) == 2
    assert "usage" in capsys.readouterr().err


def test_main_on_a_folder_without_a_site(tmp_path, capsys):
    assert search_index.main([str(tmp_path)]) == 2
    assert "build the site first" in capsys.readouterr().err


# --- the real site ---------------------------------------------------------------------------

def _index(site: Path, prefix: str) -> dict:
    return json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))


def test_real_site_passes_the_check(built_site, capsys):
    assert search_index.main([str(built_site)]) == 0, capsys.readouterr().err


def test_each_language_index_holds_exactly_its_own_pages(built_site, content_pages):
    for lang, prefix in (("vi", ""), ("en", "en/")):
        index = _index(built_site, prefix)
        indexed = {prefix + d["location"].split("#")[0] for d in index["docs"]}
        pages = {p.url for p in content_pages if p.lang == lang}
        assert indexed == pages, lang
        titles = {p.title.split(" - ")[0] for p in content_pages if p.lang != lang}
        assert not titles & {d["title"] for d in index["docs"]}, f"{lang}: other language's titles"


def test_index_configs_follow_mkdocs_yml(built_site):
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        plugins = yaml_load(f)["plugins"]
    separator = next(p["search"] for p in plugins if isinstance(p, dict) and "search" in p)["separator"]
    vi, en = _index(built_site, "")["config"], _index(built_site, "en/")["config"]
    assert vi["separator"] == en["separator"] == separator
    assert (vi["lang"], vi["pipeline"]) == (["fold"], [])
    assert (en["lang"], en["pipeline"]) == (["fold"], ["stopWordFilter"])
    assert re.compile(separator).split("Gọi (111), trẻ em: 24/7… 1.5 giờ.") == [
        "Gọi", "111", "trẻ", "em", "24", "7", "1.5", "giờ", ""]


def test_folding_scripts_are_published_and_loaded(built_site, pages):
    assert (built_site / "assets/javascripts/lunr/min/lunr.fold.min.js").is_file()
    assert (built_site / "assets/javascripts/vietnamese.js").is_file()
    for p in pages:
        scripts = [l for l in p.links if l.tag == "script" and l.value.endswith("vietnamese.js")]
        assert len(scripts) == 1 and "defer" in scripts[0].attrs, p.url
