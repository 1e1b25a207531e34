"""Readers' words for search: the editors' synonym list and per-page search keywords.

- data/search_synonyms.yml: `vi:` and `en:`, each a list of groups; a group lists words or
  phrases readers use for one thing ("đường dây nóng", "tổng đài", "số điện thoại"). At query
  time the search worker adds the group's other phrases to a query that contains one of them
  (docs/assets/javascripts/lunr/min/lunr.fold.min.js).
- `search_keywords:` in a page's front matter: words readers search for that the page need not
  print. They go into a hidden field of the page's entry in the search index.

Check both (unknown fields, empty entries, wrong types, text not in NFC):

    python scripts/search/synonyms.py [--format text|json|github]

Exit code 0: clean; 1: problems (file:line, Vietnamese and English, how to fix); 2: misuse.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import located_yaml  # noqa: E402
from scripts.core.checkkit import (ArgumentParser, Problem, Text, add_format_option,  # noqa: E402
                                   display_path, emit, read_source)

SYNONYMS = ROOT / "data" / "search_synonyms.yml"
LANGS = ("vi", "en")
KEYWORDS = "search_keywords"
# Spellings an editor might try for search_keywords; anything else is Material's or another
# feature's business, so only these near misses are reported.
NEAR_MISSES = ("search_keyword", "search-keywords", "searchkeywords", "keywords", "search_terms",
               "tu_khoa", "tu-khoa", "tukhoa")
# Topic pages and their communication-kit twins (issue 13: not both in the first three results).
TWINS = [["tuyen-truyen/", "tai-lieu/"]]
DOC = "CONTRIBUTING.md#tu-dong-nghia / #search-words"


def _p(path: str, line: int, code: str, what: Text, fix: Text) -> Problem:
    return Problem(path, line, f"search.{code}", what, fix)


def _check_phrase(value, shown: str, line: int, where: Text) -> list[Problem]:
    if not isinstance(value, str) or not value.strip():
        return [_p(shown, line, "empty-entry",
                   Text(f"{where.vi}: mục rỗng hoặc không phải chữ ({value!r}).",
                        f"{where.en}: an empty entry or not text ({value!r})."),
                   Text(f"Viết một từ hoặc cụm từ, hoặc xóa dòng này ({DOC}).",
                        f"Write a word or phrase, or delete the line ({DOC})."))]
    if unicodedata.normalize("NFC", value) != value:
        return [_p(shown, line, "not-nfc",
                   Text(f"{where.vi}: \"{value}\" không ở dạng Unicode NFC.",
                        f"{where.en}: \"{value}\" is not in Unicode NFC."),
                   Text("Gõ lại từ này (chép từ Word/PDF hay ra dạng tách dấu).",
                        "Retype the word (text pasted from Word or PDF is often decomposed)."))]
    return []


FIRST = "first"
FIRST_FIELDS = ("page", "vi", "en", "and")


def _first_phrases(entry, shown: str, label: str) -> tuple[list[str], list[Problem]]:
    """The vi: and en: phrase lists of a `first` rule (or of its `and:`), both required."""
    phrases, bad = [], []
    for lang in ("vi", "en"):
        items = entry.get(lang)
        where = Text(f"{label}, {lang}", f"{label}, {lang}")
        line = entry.line_of(lang)
        if not isinstance(items, list) or not items:
            bad.append(_p(shown, line, "empty-entry",
                          Text(f"{where.vi}: cần danh sách cụm từ.", f"{where.en}: needs a list of phrases."),
                          Text("Viết [cụm từ, cụm từ].", "Write [phrase, phrase].")))
            continue
        for item in items:
            found = _check_phrase(item, shown, line, where)
            bad += found
            if not found:
                phrases.append(item.strip())
    return phrases, bad


def _load_first(value, shown: str, line: int, docs: Path) -> tuple[list[dict], list[Problem]]:
    """`first:` — pages put first when a search contains one of their phrases (and, for a rule
    with `and:`, one of those phrases too). The first rule that matches decides."""
    rules, problems = [], []
    if not isinstance(value, list):
        return [], [_p(shown, line, "shape",
                       Text("first: phải là danh sách, mỗi mục có page:, vi:, en:.",
                            "first: must be a list of entries with page:, vi:, en:."),
                       Text(f"Xem mẫu ở {DOC}.", f"See the example in {DOC}."))]
    for i, rule in enumerate(value):
        rline = value.line_of(i) if hasattr(value, "line_of") else line
        if not isinstance(rule, dict):
            problems.append(_p(shown, rline, "shape", Text("first: mục phải có page:, vi:, en:.",
                                                           "first: an entry needs page:, vi:, en:."),
                               Text(f"Xem mẫu ở {DOC}.", f"See the example in {DOC}.")))
            continue
        bad = []
        for key in rule:
            if key not in FIRST_FIELDS:
                bad.append(_p(shown, rule.line_of(key), "unknown-field",
                              Text(f"first: mục không biết \"{key}\" (chỉ có page, vi, en, and).",
                                   f"first: unknown field \"{key}\" (only page, vi, en, and)."),
                              Text("Sửa tên mục hoặc xóa.", "Fix the name or delete it.")))
        page = rule.get("page")
        if not isinstance(page, str) or not page.strip() or not (docs / "vi" / page / "index.md").exists():
            bad.append(_p(shown, rule.line_of("page"), "unknown-page",
                          Text(f"first: page: \"{page}\" không có trong docs/vi/.",
                               f"first: page: \"{page}\" is not in docs/vi/."),
                          Text("Ghi đường dẫn của trang, như bao-tin/.", "Write the page's path, like bao-tin/.")))
        phrases, found = _first_phrases(rule, shown, "first")
        bad += found
        also = []
        if "and" in rule:
            both = rule["and"]
            if not isinstance(both, dict):
                bad.append(_p(shown, rule.line_of("and"), "shape",
                              Text("first, and: cần hai mục vi: và en:, mỗi mục một danh sách cụm từ.",
                                   "first, and: needs vi: and en:, each a list of phrases."),
                              Text(f"Xem mẫu ở {DOC}.", f"See the example in {DOC}.")))
            else:
                for key in both:
                    if key not in ("vi", "en"):
                        bad.append(_p(shown, both.line_of(key), "unknown-field",
                                      Text(f"first, and: mục không biết \"{key}\" (chỉ có vi, en).",
                                           f"first, and: unknown field \"{key}\" (only vi, en)."),
                                      Text("Sửa tên mục hoặc xóa.", "Fix the name or delete it.")))
                also, found = _first_phrases(both, shown, "first, and")
                bad += found
        problems += bad
        if not bad:
            rules.append({"page": page.strip(), "phrases": phrases, "and": also})
    return rules, problems


def load_synonyms(path: Path = SYNONYMS) -> tuple[dict[str, list[list[str]]], list[Problem]]:
    """(groups per language, and the `first` rules under groups["first"]; problems).
    Never raises; a bad group or rule is left out."""
    shown = display_path(path)
    groups: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    if not path.exists():
        return groups, []
    data, error = located_yaml.load(path)
    if error is not None:
        return groups, [_p(shown, error.line, "yaml",
                           Text(f"Tệp YAML hỏng: {error.detail}", f"Broken YAML: {error.detail}"),
                           Text("Sửa cú pháp ở dòng này (thụt lề, dấu hai chấm, dấu ngoặc).",
                                "Fix the syntax on this line (indentation, colons, brackets)."))]
    if data is None:
        return groups, []
    if not isinstance(data, dict):
        return groups, [_p(shown, 1, "shape",
                           Text("Tệp phải có hai mục vi: và en:.", "The file must have vi: and en: keys."),
                           Text(f"Xem mẫu ở {DOC}.", f"See the example in {DOC}."))]
    problems: list[Problem] = []
    for key in data:
        line = data.line_of(key)
        if key == FIRST:
            groups[FIRST], found = _load_first(data[key], shown, line, path.parent.parent / "docs")
            problems += found
            continue
        if key not in LANGS:
            problems.append(_p(shown, line, "unknown-field",
                               Text(f"Mục không biết: \"{key}\" (chỉ có vi, en, first).",
                                    f"Unknown field \"{key}\" (only vi, en and first)."),
                               Text("Đổi thành vi:, en: hoặc first:, hoặc xóa.",
                                    "Rename it to vi:, en: or first:, or delete it.")))
            continue
        value = data[key]
        if value is None:
            continue
        if not isinstance(value, list):
            problems.append(_p(shown, line, "shape",
                               Text(f"{key}: phải là danh sách các nhóm, mỗi nhóm dạng [từ, từ, …].",
                                    f"{key}: must be a list of groups, each like [word, word, …]."),
                               Text(f"Xem mẫu ở {DOC}.", f"See the example in {DOC}.")))
            continue
        for i, group in enumerate(value):
            gline = value.line_of(i) if hasattr(value, "line_of") else line
            where = Text(f"{key}, nhóm {i + 1}", f"{key}, group {i + 1}")
            if not isinstance(group, list) or len(group) < 2:
                problems.append(_p(shown, gline, "empty-entry" if not group else "shape",
                                   Text(f"{where.vi}: một nhóm cần ít nhất hai từ, dạng [từ, từ].",
                                        f"{where.en}: a group needs at least two words, like [word, word]."),
                                   Text("Thêm từ đồng nghĩa hoặc xóa nhóm.", "Add a synonym or delete the group.")))
                continue
            bad = [p for phrase in group for p in _check_phrase(phrase, shown, gline, where)]
            problems += bad
            if not bad:
                groups[key].append([phrase.strip() for phrase in group])
    return groups, problems


def page_keywords(meta: dict) -> list[str]:
    """The valid search keywords of a page's front matter (the check reports the rest)."""
    value = meta.get(KEYWORDS)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def check_page(path: Path) -> list[Problem]:
    src = read_source(path)
    if src.problem is not None or not src.has_front_matter:
        return []                      # check_content.py reports unreadable front matter
    problems = []
    for key in src.meta:
        if isinstance(key, str) and key.lower() in NEAR_MISSES:
            problems.append(_p(src.shown, src.key_line(key), "unknown-field",
                               Text(f"Mục không biết: \"{key}\".", f"Unknown field \"{key}\"."),
                               Text(f"Từ khóa tìm kiếm viết là {KEYWORDS}: ({DOC}).",
                                    f"Search keywords are written {KEYWORDS}: ({DOC}).")))
    if KEYWORDS not in src.meta:
        return problems
    line = src.key_line(KEYWORDS)
    value = src.meta[KEYWORDS]
    if not isinstance(value, list) or not value:
        return problems + [_p(src.shown, line, "empty-entry" if not value else "shape",
                              Text(f"{KEYWORDS}: phải là danh sách từ, dạng [từ, cụm từ].",
                                   f"{KEYWORDS}: must be a list of words, like [word, phrase]."),
                              Text("Viết danh sách, hoặc xóa dòng nếu không cần.",
                                   "Write a list, or delete the line if it is not needed."))]
    where = Text(KEYWORDS, KEYWORDS)
    for item in value:
        problems += _check_phrase(item, src.shown, line, where)
    return problems


def check(root: Path = ROOT) -> list[Problem]:
    _, problems = load_synonyms(root / "data" / "search_synonyms.yml")
    for path in sorted((root / "docs").rglob("*.md")):
        problems += check_page(path)
    return problems


def search_data_js(groups: dict[str, list[list[str]]]) -> str:
    """The worker's data file (assets/javascripts/search-data.js): synonyms of both languages
    (their words do not overlap) and the twin sections of the crowding rule."""
    data = {"synonyms": [g for lang in LANGS for g in groups.get(lang, [])], "twins": TWINS,
            "first": groups.get(FIRST, [])}
    return ("/* Written by scripts/search/hook_search.py from data/search_synonyms.yml: do not edit. */\n"
            f"self.searchData = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))}\n")


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    add_format_option(parser)
    args = parser.parse_args(argv)
    return emit(check(), args.format, "synonyms.py", "data/search_synonyms.yml, search_keywords")


if __name__ == "__main__":
    sys.exit(main())
