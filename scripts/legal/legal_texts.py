"""The registry of legal texts (data/legal_texts.yml) and the rule that every legal document a
page names links to its full text.

- `load_registry(path)` reads and checks the registry: each document's number, type, year,
  title in both languages, and its full text (`official` or `unofficial` with an https address
  and the site's name, or `none` with the reason shown to readers). Problems carry file:line.
- `find_citations(text)` finds every citation of a legal document in a page, by number in any
  form ("Nghị định 56/2017/NĐ-CP", "Decree 56/2017/ND-CP", "Decree 56/2017", "Chỉ thị 28-CT/TW",
  "Decision 23") or by a name ("Luật Trẻ em", "Law on Children", any "Luật X", "Law on X",
  "X Code"), and resolves each against the registry.
- `source_entry(entry, doc, lang)` is what the build shows for a `- legal: <id>` source: the
  title, the full-text link and the label (official / unofficial copy / no full text).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from scripts.core import located_yaml
from scripts.core.checkkit import Problem, Text, code_lines, display_path

KINDS = ("official", "unofficial", "none")
LANGS = ("vi", "en")
# The words that name each type of document before its number, in both languages.
TYPE_WORDS = {
    "law": ("Luật", "Law"),
    "code": ("Bộ luật", "Code"),
    "constitution": ("Hiến pháp", "Constitution"),
    "resolution": ("Nghị quyết", "Resolution"),
    "decree": ("Nghị định", "Decree"),
    "decision": ("Quyết định", "Decision"),
    "circular": ("Thông tư", "Circular"),
    "directive": ("Chỉ thị", "Directive"),
    "plan": ("Kế hoạch", "Plan"),
}
FIX_REGISTRY = Text("Sửa mục này trong data/legal_texts.yml (cách ghi ở đầu tệp; CONTRIBUTING.md, mục "
                    "\"Văn bản pháp luật\").",
                    "Fix this entry in data/legal_texts.yml (the format is at the top of the file; "
                    "CONTRIBUTING.md, \"Legal texts\").")


@dataclass(frozen=True)
class LegalText:
    id: str
    line: int
    type: str
    year: int
    number: str            # the leading number of the id ("56" for 56/2017/NĐ-CP), "" if none
    title: dict
    names: tuple
    kind: str
    url: str | None
    site: dict | None
    why: dict | None


def fold(value: str) -> str:
    """A document number compared the way pages write it: Đ as D, no case, no spaces, NFC."""
    value = unicodedata.normalize("NFC", value).replace("Đ", "D").replace("đ", "d")
    return re.sub(r"\s+", "", value).upper()


def _p(path: str, line: int, code: str, vi: str, en: str, fix: Text = FIX_REGISTRY) -> Problem:
    return Problem(path, line, code, Text(vi, en), fix)


def _bilingual(value) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(k), str) and value[k].strip() for k in LANGS)


def load_registry(path: Path, root: Path | None = None) -> tuple[dict[str, LegalText], list[Problem]]:
    """The registry keyed by folded id, and its problems (a broken entry is left out)."""
    shown = display_path(path, root) if root else str(path)
    data, error = located_yaml.load(Path(path))
    if error is not None:
        return {}, [_p(shown, error.line, "legal.registry-yaml",
                       f"Không đọc được sổ văn bản pháp luật: {error.detail}.",
                       f"The legal texts registry cannot be read: {error.detail}.")]
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, list):
        return {}, [_p(shown, getattr(data, "line", 1) or 1, "legal.registry-shape",
                       "Sổ văn bản pháp luật phải có 'documents:' là một danh sách.",
                       "The legal texts registry must have 'documents:' as a list.")]
    out: dict[str, LegalText] = {}
    problems: list[Problem] = []
    for index, item in enumerate(docs):
        line = docs.line_of(index) if hasattr(docs, "line_of") else 1
        found, doc = _entry(item, line, shown)
        problems += found
        if doc is None:
            continue
        key = fold(doc.id)
        if key in out:
            problems.append(_p(shown, line, "legal.duplicate-id",
                               f"Văn bản '{doc.id}' có hai mục (mục trước ở dòng {out[key].line}).",
                               f"Document '{doc.id}' has two entries (the first at line {out[key].line}).",
                               Text("Giữ một mục cho mỗi văn bản.", "Keep one entry per document.")))
            continue
        out[key] = doc
    return out, problems


def _entry(item, line: int, shown: str) -> tuple[list[Problem], LegalText | None]:
    if not isinstance(item, dict):
        return [_p(shown, line, "legal.entry", "Mục này không phải 'id: …, type: …'.",
                   "This entry is not 'id: …, type: …'.")], None
    line = getattr(item, "line", line) or line
    at = item.line_of if hasattr(item, "line_of") else (lambda _k: line)
    doc_id = item.get("id")
    name = doc_id if isinstance(doc_id, str) else "?"
    problems = []
    if not isinstance(doc_id, str) or not doc_id.strip():
        problems.append(_p(shown, line, "legal.no-id", "Mục thiếu 'id:' (số hiệu văn bản).",
                           "The entry has no 'id:' (the document's number)."))
    doc_type = item.get("type")
    if doc_type not in TYPE_WORDS:
        problems.append(_p(shown, at("type"), "legal.type",
                           f"'{name}': 'type:' phải là một trong {', '.join(TYPE_WORDS)}.",
                           f"'{name}': 'type:' must be one of {', '.join(TYPE_WORDS)}."))
    year = item.get("year")
    if not isinstance(year, int) or not 1945 <= year <= 2100:
        problems.append(_p(shown, at("year"), "legal.year", f"'{name}': 'year:' phải là năm ban hành (ví dụ 2017).",
                           f"'{name}': 'year:' must be the year issued (e.g. 2017)."))
    if not _bilingual(item.get("title")):
        problems.append(_p(shown, at("title"), "legal.title", f"'{name}': 'title:' cần cả 'vi:' và 'en:'.",
                           f"'{name}': 'title:' needs both 'vi:' and 'en:'."))
    names = item.get("names") or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        problems.append(_p(shown, at("names"), "legal.names", f"'{name}': 'names:' phải là danh sách tên.",
                           f"'{name}': 'names:' must be a list of names."))
        names = []
    full = item.get("full_text")
    kind = url = site = why = None
    if not isinstance(full, dict):
        problems.append(_p(shown, at("full_text"), "legal.no-full-text",
                           f"'{name}' thiếu 'full_text:' (kind, url, site hoặc why).",
                           f"'{name}' has no 'full_text:' (kind, url, site or why)."))
    else:
        fat = full.line_of if hasattr(full, "line_of") else (lambda _k: at("full_text"))
        kind, url, site, why = full.get("kind"), full.get("url"), full.get("site"), full.get("why")
        if kind not in KINDS:
            problems.append(_p(shown, fat("kind"), "legal.kind",
                               f"'{name}': 'kind:' phải là official, unofficial hoặc none.",
                               f"'{name}': 'kind:' must be official, unofficial or none."))
        elif kind == "none":
            if url:
                problems.append(_p(shown, fat("url"), "legal.url-with-none",
                                   f"'{name}' có 'url:' nhưng 'kind: none'.",
                                   f"'{name}' has a 'url:' but 'kind: none'.",
                                   Text("Trong data/legal_texts.yml: có bản toàn văn thì ghi kind: official hoặc unofficial; không thì xóa url:.",
                                        "In data/legal_texts.yml: with a full text set kind: official or unofficial; without, remove url:.")))
            if not _bilingual(why):
                problems.append(_p(shown, fat("why"), "legal.no-why",
                                   f"'{name}' không có bản toàn văn nhưng thiếu 'why:' (vi, en) cho người đọc.",
                                   f"'{name}' has no full text but no 'why:' (vi, en) for readers.",
                                   Text("Thêm 'why:' vào mục này trong data/legal_texts.yml, nói bằng lời thường vì sao không có liên kết.",
                                        "Add 'why:' to this entry of data/legal_texts.yml, saying in plain words why there is no link.")))
        else:
            if not isinstance(url, str) or not re.match(r"https://[^\s/]+\.[^\s/]+/\S*$", url):
                problems.append(_p(shown, fat("url") if "url" in full else fat("kind"), "legal.url",
                                   f"'{name}': 'url:' phải là địa chỉ https:// của bản toàn văn.",
                                   f"'{name}': 'url:' must be the https:// address of the full text."))
            if not _bilingual(site):
                problems.append(_p(shown, fat("site") if "site" in full else fat("kind"), "legal.site",
                                   f"'{name}': 'site:' (vi, en) phải nói bản toàn văn đăng ở đâu.",
                                   f"'{name}': 'site:' (vi, en) must say where the full text is published."))
    if problems:
        return problems, None
    number = re.match(r"\d+", doc_id.strip())
    return [], LegalText(id=doc_id.strip(), line=line, type=doc_type, year=year,
                         number=number.group(0) if number else "", title=dict(item["title"]),
                         names=tuple(n.strip() for n in names), kind=kind, url=url,
                         site=dict(site) if site else None, why=dict(why) if why else None)


def secondary_sites(path: Path) -> tuple[str, ...]:
    """The registry's `secondary_sites:` (host names); () when missing or unreadable."""
    data, error = located_yaml.load(Path(path))
    sites = data.get("secondary_sites") if error is None and isinstance(data, dict) else None
    return tuple(str(s).strip().lower() for s in sites if str(s).strip()) if isinstance(sites, list) else ()


def on_secondary_site(url: str, sites: tuple[str, ...]) -> bool:
    host = re.sub(r"^https?://([^/:?#]+).*$", r"\1", str(url).strip().lower())
    return any(host == s or host.endswith("." + s) for s in sites)


SECONDARY = {"vi": "nguồn thứ cấp (tóm tắt hoặc bài viết), không phải toàn văn",
             "en": "secondary source (a summary or article), not the full text"}


# Citations ------------------------------------------------------------------------------------

_UP = "A-ZĐÂĂÊÔƠƯ"   # the capitals document numbers use (NĐ, QĐ, BLĐTBXH, BGDĐT)
# 56/2017/NĐ-CP, 102/2016/QH13, 23/2017/TT-BYT, 23/QĐ-TTg, 1669/NQ-UBTVQH15, 52/VBHN-VPQH
_FULL = re.compile(rf"(?<![\w/.-])\d{{1,4}}/(?:\d{{4}}/)?[{_UP}]+\d*(?:-[{_UP}a-zđ]+\d*)*(?![\w/])")
# 28-CT/TW, 365-KH/TU
_DASHED = re.compile(rf"(?<![\w/.-])\d{{1,4}}-[{_UP}]{{2,5}}/[{_UP}]{{2,5}}(?![\w/])")
_SHORT_TYPES = {word: t for t, words in TYPE_WORDS.items() for word in words if t not in ("plan", "code")}


def _spaced(words: str) -> str:
    """A phrase as a pattern whose spaces may be any white space (a name can wrap lines)."""
    return r"\s+".join(map(re.escape, words.split()))


# "Decree 56/2017", "Nghị định số 56/2017", "Decision 23", "Luật 72"
_SHORT = re.compile(r"(?<!\w)(" + "|".join(_spaced(w) for w in sorted(_SHORT_TYPES, key=len, reverse=True))
                    + r")(?:\s+(?:số|No\.?))?\s+(\d{1,4})(?:/(\d{4}))?(?![\w/-])")
# A law named, not numbered: "Luật Trẻ em", "Bộ luật Lao động", "Law on Children", "Labour Code"
_NAMED = re.compile(r"(?<!\w)(?:(?:Bộ\s+luật|Luật)\s+(\w)\w*|Law\s+on\s+(?:the\s+)?[A-Z]\w*|[A-Z][a-z]+\s+Code)(?!\w)")
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")


@dataclass(frozen=True)
class Citation:
    line: int
    text: str
    doc: LegalText | None          # None: not in the registry
    reason: str = ""               # why it is not resolved: "unknown" or "ambiguous"
    offset: int = 0                # where it starts in the text


def _masked(text: str) -> str:
    """`text` with fenced code and `code` spans blanked (lengths and newlines kept, so lines
    and offsets still count)."""
    lines = text.split("\n")
    code = code_lines(lines)
    text = "\n".join(" " * len(line) if i in code else line for i, line in enumerate(lines))
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def find_citations(text: str, registry: dict[str, LegalText]) -> list[Citation]:
    """Every citation of a legal document in `text` (fenced code and `code` spans skipped)."""
    text = _masked(text)
    names = sorted(((n, d) for d in registry.values() for n in d.names), key=lambda nd: -len(nd[0]))
    out: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []

    def add(m, doc, reason=""):
        taken.append(m.span())
        shown = " ".join(m.group(0).split())
        out.append((m.start(), Citation(text.count("\n", 0, m.start()) + 1, shown, doc, reason, m.start())))

    def free(span):
        return not any(a < span[1] and span[0] < b for a, b in taken)

    for pattern in (_FULL, _DASHED):
        for m in pattern.finditer(text):
            if free(m.span()):
                doc = registry.get(fold(m.group(0)))
                add(m, doc, "" if doc else "unknown")
    for m in _SHORT.finditer(text):
        if not free(m.span()):
            continue
        doc_type = _SHORT_TYPES[" ".join(m.group(1).split())]
        num, year = m.group(2), m.group(3)
        kinds = ("law", "code") if doc_type == "law" else (doc_type,)
        matches = [d for d in registry.values() if d.type in kinds and d.number == num
                   and (year is None or d.year == int(year))]
        if len(matches) == 1:
            add(m, matches[0])
        else:
            add(m, None, "ambiguous" if matches else "unknown")
    for name, doc in names:
        for m in re.finditer(rf"(?<!\w){_spaced(name)}(?!\w)", text):
            if free(m.span()):
                add(m, doc)
    for m in _NAMED.finditer(text):
        if m.group(1) is not None and not m.group(1).isupper():
            continue                      # "Luật cấm …": the law, not a law's name
        if free(m.span()):
            add(m, None, "unknown")
    return [c for _, c in sorted(out, key=lambda pc: pc[0])]


# What readers see -----------------------------------------------------------------------------

LABELS = {
    "official": {"vi": "toàn văn chính thức trên {site}", "en": "official full text on {site}"},
    "unofficial": {"vi": "bản toàn văn trên {site} (không phải nguồn chính thức)",
                   "en": "full text on {site} (unofficial copy)"},
    "none": {"vi": "không có liên kết tới toàn văn: {why}", "en": "no link to the full text: {why}"},
}


def label(doc: LegalText, lang: str) -> str:
    if doc.kind == "none":
        return LABELS["none"][lang].format(why=doc.why[lang])
    return LABELS[doc.kind][lang].format(site=doc.site[lang])


def source_entry(entry: dict, doc: LegalText, lang: str) -> dict:
    """The `sources:` item the page shows for `- legal: <id>` (title:, note: of the page kept)."""
    title = str(entry.get("title") or doc.title[lang]).strip()
    note = str(entry.get("note") or "").strip()
    parts = [label(doc, lang)] + ([note] if note else [])
    shown = {"title": title, "note": "; ".join(parts)}
    if doc.url:
        shown["url"] = doc.url
    return shown
