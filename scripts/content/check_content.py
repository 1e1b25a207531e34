"""Check the Markdown sources and the data texts for what hurts readers or search, before
anything is built.

    python scripts/content/check_content.py                 # every docs/**/*.md and data text
    python scripts/content/check_content.py data/tasks.yml  # one data file
    python scripts/content/check_content.py docs/vi/bao-tin/index.md --format github
    python scripts/content/check_content.py --fix-nfc       # rewrite files that are not NFC

Rules (each message says what is wrong and how to fix it, in Vietnamese and English):
- content.nfc: text is Unicode NFC (composed). Text pasted from some PDF readers and Mac apps
  is NFD: it looks the same but search and anchors treat it as different words.
- content.tone, content.qui, content.typo: tone placement as the plan writes it and a list of
  typos, starting with the plan's own (scripts/vietnamese/orthography.py explains the rules). Text in
  `code spans` and fenced code blocks is exempt, so a note can quote a typo as `qúy`.
- front-matter.*: title and description on every page (one line each); pages under bao-tin/,
  tuyen-truyen/, chi-thi-28/, ke-hoach/ and hoi-dap/ list their `sources:`; broken front matter
  (unclosed, invalid YAML) is reported with its line instead of silently becoming page text.
- content.placeholder: no TODO, TBD, FIXME, lorem ipsum, "sẽ cập nhật", "đang cập nhật", empty
  link targets.
- phones.unregistered, phones.wrong-service, phones.cue-mismatch: the phone rules of
  scripts/phones/phone_text.py (the same for the data files, scripts/phones/check_phones.py): every
  phone-like number — digits, "1-1-2", "một – một – hai", "one one two", tel:/sms: links — is in
  data/phones.yml, a named service ("công an", "hotline", "Tổng đài"…) gives its own number, and a
  reading cue reads the number it follows. Dates, years and document numbers (56/2017/NĐ-CP,
  365-KH/TU, 24/7, 1.000) are left alone.
- content.heading-skip: heading levels go down one at a time (the page title counts as level 1).
- content.image-alt: every image has a text alternative (Markdown ![text](…) or <img alt="…">).
- content.audience, content.readability: `audience:` in the front matter is one of children,
  parents, schools, officials; on children's pages no sentence is over the length limit and the
  mean is within it (scripts/content/readability.py sets the limits). `--readability` prints
  every page's figures and, as warnings, the long sentences of the other pages.
Data files (data/**/*.yml but the address lists, scripts/core/data_text.py): every text that
becomes a page gets content.nfc, content.tone / content.qui / content.typo and
content.placeholder, reported at its line with the field's name; their phone numbers are checked
by scripts/phones/check_phones.py.
Exit codes: 0 clean, 1 problems found, 2 misuse.
"""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.content import readability  # noqa: E402
from scripts.core import checkkit  # noqa: E402
from scripts.core.data_text import NOT_PAGE_TEXT, DataTextError, data_files, texts_of  # noqa: E402

from scripts.vietnamese import check_tone, check_typos  # noqa: E402
from scripts.core.checkkit import Misuse, Problem, Source, Text  # noqa: E402
from scripts.phones import PHONES_FILE, DataError, check_text, find_numbers, load_phones  # noqa: E402

TOOL = "check_content"
SOURCES_REQUIRED = ("bao-tin/", "tuyen-truyen/", "chi-thi-28/", "ke-hoach/", "hoi-dap/")
SOURCE_KEYS = {"title", "url", "note", "legal", "secondary"}   # legal, secondary: scripts/legal/


# ----------------------------------------------------------------------------------------------
# Reading a page: which parts are text a reader sees
# ----------------------------------------------------------------------------------------------

@dataclass
class Line:
    number: int
    raw: str
    text: str           # NFC, with code spans / code blocks blanked out (same length as NFC raw)
    kind: str           # "front" | "body" | "code"
    front_key: str = ""


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")


def _mask_code_spans(line: str) -> str:
    out, pos = [], 0
    while True:
        opening = _BACKTICKS.search(line, pos)
        if not opening:
            out.append(line[pos:])
            break
        ticks = opening.group(0)
        closing = re.compile(rf"(?<!`){ticks}(?!`)").search(line, opening.end())
        if not closing:
            out.append(line[pos:])
            break
        out.append(line[pos:opening.start()])
        out.append(" " * (closing.end() - opening.start()))
        pos = closing.end()
    return "".join(out)


def read_lines(src: Source) -> list[Line]:
    lines = []
    fence: str | None = None
    key = ""
    for number, raw in enumerate(src.lines, 1):
        text = unicodedata.normalize("NFC", raw)
        if src.has_front_matter and number <= src.fm_end:
            if number in (1, src.fm_end):
                lines.append(Line(number, raw, " " * len(text), "front"))
                continue
            match = re.match(r"^([A-Za-z_][\w-]*)\s*:", text)
            if match:
                key = match.group(1)
            lines.append(Line(number, raw, text, "front", key))
            continue
        opening = _FENCE.match(text)
        if fence is None and opening:
            fence = opening.group(1)
            lines.append(Line(number, raw, " " * len(text), "code"))
            continue
        if fence is not None:
            stripped = text.strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = None
            lines.append(Line(number, raw, " " * len(text), "code"))
            continue
        lines.append(Line(number, raw, _mask_code_spans(text), "body"))
    return lines


# ----------------------------------------------------------------------------------------------
# Rules
# ----------------------------------------------------------------------------------------------

@dataclass
class Page:
    src: Source
    lang: str | None        # "vi", "en" or None when the file is not in a language folder
    rel: str                # path under docs/<lang>/ ("bao-tin/index.md")
    lines: list[Line]


def _p(page: Page, line: int, code: str, what: Text, fix: Text, column: int | None = None) -> Problem:
    return Problem(page.src.shown, line, code, what, fix, column)


def rule_nfc(page: Page) -> list[Problem]:
    found = []
    for line in page.lines:
        if unicodedata.is_normalized("NFC", line.raw):
            continue
        column = next((i for i, ch in enumerate(line.raw) if unicodedata.combining(ch)), 0)
        found.append(_p(page, line.number, "content.nfc",
                        Text("Dòng này có chữ ở dạng Unicode tổ hợp (NFD): trông giống nhưng tìm kiếm "
                             "và neo coi là chữ khác.",
                             "This line has text in decomposed Unicode (NFD): it looks the same, but "
                             "search and anchors treat it as different words."),
                        Text(f"Chạy: python scripts/content/check_content.py --fix-nfc {page.src.shown}",
                             f"Run: python scripts/content/check_content.py --fix-nfc {page.src.shown}"),
                        column))
    return found


def _text_lines(page: Page):
    """Lines a reader sees: the body, and front-matter values other than the translation marker."""
    for line in page.lines:
        if line.kind == "body" or (line.kind == "front" and line.front_key not in ("translation", "")):
            yield line


class Finding(NamedTuple):
    """What a text rule found in one text; pages and data files turn it into a Problem."""
    column: int          # from 0, in the text given to the rule
    code: str
    what: Text
    fix: Text


def spelling_findings(text: str, vietnamese: bool) -> list[Finding]:
    """Tone placement and typos in one text (links, URLs and tags masked)."""
    found = []
    text = _mask_urls(text)
    for f in check_tone(text, strict_qui=vietnamese):
        code = "content.qui" if f.rule == "qui" else "content.tone"
        found.append(Finding(f.start, code,
                      Text(f"'{f.found}' → viết '{f.suggestion}'. {f.note_vi}",
                           f"'{f.found}' → write '{f.suggestion}'. {f.note_en}"),
                      Text(f"Thay '{f.found}' bằng '{f.suggestion}'. Nếu đang trích nguyên văn, đặt trong `…`.",
                           f"Replace '{f.found}' with '{f.suggestion}'. If you are quoting, put it in `…`.")))
    for f in check_typos(text, vietnamese):
        found.append(Finding(f.start, "content.typo",
                      Text(f"Lỗi chính tả: '{f.found}' → '{f.suggestion}' ({f.note_vi}).",
                           f"Typo: '{f.found}' → '{f.suggestion}' ({f.note_en})."),
                      Text(f"Sửa thành '{f.suggestion}'. Nếu cố ý trích lỗi (ví dụ trong ghi chú biên tập), "
                           "đặt trong `…`.",
                           f"Write '{f.suggestion}'. If you quote the typo on purpose (e.g. in an "
                           "editorial note), put it in `…`.")))
    return found


def rule_spelling(page: Page) -> list[Problem]:
    vietnamese = page.lang != "en"
    return [_p(page, line.number, code, what, fix, col + 1)
            for line in _text_lines(page)
            for col, code, what, fix in spelling_findings(line.text, vietnamese)]


_URL = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<https?://[^>]*>|https?://\S+|<[^>\n]+>"
                  r"|\{:?\s*[#.][^}\n]*\}|\{:?\s*[\w-]+=[^}\n]*\}")


def _mask_urls(text: str) -> str:
    """Blank out link targets, URLs, HTML tags and {attribute lists}: not words."""
    return _URL.sub(lambda m: m.group(0)[:1] + " " * (len(m.group(0)) - 1)
                    if m.group(0).startswith("]") else " " * len(m.group(0)), text)


_PLACEHOLDERS = [
    (re.compile(r"(?<![\w-])(TODO|TBD|FIXME)(?![\w-])"), None),
    (re.compile(r"\blorem\s+ipsum\b|\blorem\b", re.IGNORECASE), None),
    (re.compile(r"(?<!\w)(sẽ được cập nhật|sẽ cập nhật|đang được cập nhật|đang cập nhật|cập nhật sau|"
                r"chưa có nội dung|nội dung đang được)(?!\w)", re.IGNORECASE), None),
    (re.compile(r"\b(coming soon|to be added|to be written|under construction)\b", re.IGNORECASE), None),
]
_EMPTY_LINK = re.compile(r"\]\(\s*#?\s*\)")


def placeholder_findings(text: str) -> list[Finding]:
    """Placeholder words and links with no target in one text."""
    found = []
    for pattern, _ in _PLACEHOLDERS:
        for match in pattern.finditer(text):
            found.append(Finding(match.start(), "content.placeholder",
                          Text(f"Chữ giữ chỗ '{match.group(0)}': trang công bố không được có nội dung dang dở.",
                               f"Placeholder text '{match.group(0)}': a published page must not be unfinished."),
                          Text("Viết nội dung thật, hoặc bỏ phần đó cho tới khi có nội dung "
                               "(trang chưa xong thì chưa đưa vào nav).",
                               "Write the real text, or leave the part out until it exists "
                               "(an unfinished page stays out of the nav).")))
    for match in _EMPTY_LINK.finditer(text):
        found.append(Finding(match.start(), "content.placeholder",
                      Text("Liên kết chưa có đích: '(…)' trống hoặc '#'.",
                           "A link with no target: empty '()' or '#'."),
                      Text("Điền đường dẫn tới tệp .md hoặc địa chỉ https://…, hoặc bỏ liên kết.",
                           "Fill in the path to the .md file or the https://… address, or drop the link.")))
    return found


def rule_placeholders(page: Page) -> list[Problem]:
    return [_p(page, line.number, code, what, fix, col + 1)
            for line in _text_lines(page)
            for col, code, what, fix in sorted(placeholder_findings(line.text), key=lambda f: f[0])]


# Phone numbers -------------------------------------------------------------------------------
# The rules are the phones feature's (scripts/phones/phone_text.py), the same for data files
# (scripts/phones/check_phones.py): registered numbers only, in every written form, and a named
# service with its own number. Lines are checked a paragraph at a time, so "call" at the end of
# one line still counts for "112" at the start of the next.

def find_phone_numbers(text: str, registry: list | None = None) -> list[tuple[int, str]]:
    """(column, number as written) of every phone-like number in `text` (tel:/sms: links aside)."""
    return [(n.start, n.written) for n in find_numbers(text, registry) if n.kind != "link"]


def _paragraphs(page: Page):
    """Runs of consecutive text lines of the same kind, split at blank lines: (text, starts)."""
    block: list[Line] = []
    for line in _text_lines(page):
        if block and (line.number != block[-1].number + 1 or line.kind != block[-1].kind
                      or not line.text.strip()):
            yield block
            block = []
        if line.text.strip():
            block.append(line)
    if block:
        yield block


def rule_phones(page: Page, registry: list) -> list[Problem]:
    found = []
    for block in _paragraphs(page):
        starts, pos = [], 0
        for line in block:
            starts.append(pos)
            pos += len(line.text) + 1
        text = "\n".join(line.text for line in block)
        for f in check_text(text, registry):
            i = max(0, bisect.bisect_right(starts, f.start) - 1)
            found.append(_p(page, block[i].number, f.code, f.what, f.fix, f.start - starts[i] + 1))
    return found


# Front matter ---------------------------------------------------------------------------------

def rule_front_matter(page: Page) -> list[Problem]:
    src = page.src
    found = []
    if not src.has_front_matter:
        return [_p(page, 1, "front-matter.missing",
                   Text("Trang không có phần đầu (front matter) với title và description.",
                        "The page has no front matter with title and description."),
                   Text("Thêm vào đầu tệp:\n---\ntitle: Tiêu đề trang\ndescription: Một câu tóm tắt trang.\n---",
                        "Add at the top of the file:\n---\ntitle: Page title\ndescription: One sentence "
                        "summing up the page.\n---"))]
    for key, vi_name, en_name in (("title", "tiêu đề", "title"), ("description", "mô tả", "description")):
        value = src.meta.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            found.append(_p(page, src.key_line(key) if key in src.meta else 1, f"front-matter.no-{key}",
                            Text(f"Thiếu '{key}:' ({vi_name} của trang) trong phần đầu trang.",
                                 f"The front matter has no '{key}:' (the page's {en_name})."),
                            Text(f"Thêm một dòng '{key}: …' giữa hai dòng '---' ở đầu tệp"
                                 + (" (một câu, dùng cho kết quả tìm kiếm và xem trước liên kết)." if key == "description" else "."),
                                 f"Add a line '{key}: …' between the two '---' lines at the top"
                                 + (" (one sentence, used in search results and link previews)." if key == "description" else "."))))
        elif not isinstance(value, str) or "\n" in value.strip():
            found.append(_p(page, src.key_line(key), f"front-matter.bad-{key}",
                            Text(f"'{key}:' phải là một dòng chữ.", f"'{key}:' must be one line of text."),
                            Text(f"Viết '{key}:' trên một dòng (chữ có dấu ':' thì đặt trong ngoặc kép).",
                                 f"Write '{key}:' on one line (quote text that contains ':').")))
    if any(page.rel.startswith(section) for section in SOURCES_REQUIRED):
        found += _check_sources(page)
    return found


def _check_sources(page: Page) -> list[Problem]:
    src = page.src
    sources = src.meta.get("sources")
    line = src.key_line("sources")
    section = page.rel.split("/", 1)[0]
    if not sources:
        return [_p(page, line if "sources" in src.meta else 1, "front-matter.no-sources",
                   Text(f"Trang trong mục {section}/ nói về pháp luật, con số hoặc dịch vụ nên phải ghi nguồn "
                        "('sources:' trong phần đầu trang).",
                        f"Pages under {section}/ state facts about law, numbers or services, so they must list "
                        "their sources ('sources:' in the front matter)."),
                   Text("Thêm, ví dụ:\nsources:\n  - title: Luật Trẻ em 2016, Điều 51\n    url: https://…",
                        "Add, for example:\nsources:\n  - title: Law on Children 2016, Article 51\n    url: https://…"))]
    if not isinstance(sources, list):
        return [_p(page, line, "front-matter.bad-sources",
                   Text("'sources:' phải là một danh sách (mỗi nguồn một dòng bắt đầu bằng '- ').",
                        "'sources:' must be a list (one '- ' line per source)."),
                   Text("Viết mỗi nguồn thành một mục '- title: …' (có thể thêm url:, note:).",
                        "Write each source as a '- title: …' item (url: and note: are optional)."))]
    found = []
    for i, item in enumerate(sources, 1):
        problem_vi = problem_en = ""
        if isinstance(item, str):
            if not item.strip():
                problem_vi, problem_en = "trống", "is empty"
        elif isinstance(item, dict):
            unknown = sorted(set(map(str, item)) - SOURCE_KEYS)
            if not str(item.get("title") or item.get("legal") or "").strip():
                problem_vi, problem_en = "thiếu title:", "has no title:"
            elif unknown:
                problem_vi = f"có khóa lạ {', '.join(unknown)} (chỉ dùng title, url, note, legal, secondary)"
                problem_en = f"has unknown keys {', '.join(unknown)} (use title, url, note, legal, secondary)"
        else:
            problem_vi, problem_en = "không phải chữ hay title/url/note", "is neither text nor title/url/note"
        if problem_vi:
            found.append(_p(page, line, "front-matter.bad-sources",
                            Text(f"Nguồn thứ {i} trong 'sources:' {problem_vi}.", f"Source {i} in 'sources:' {problem_en}."),
                            Text("Mỗi nguồn: '- title: tên văn bản hoặc trang' (url:, note: nếu có).",
                                 "Each source: '- title: name of the document or page' (url:, note: optional).")))
    return found


# Structure ------------------------------------------------------------------------------------

_ATX = re.compile(r"^\s*(#{1,6})(?:\s+|$)(?=\S|$)")
_HTML_HEADING = re.compile(r"<h([1-6])[\s>]", re.IGNORECASE)
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")


def rule_headings(page: Page) -> list[Problem]:
    found = []
    level = 1                                  # the page title (front matter or first # heading)
    previous_text = ""
    for line in page.lines:
        if line.kind != "body":
            previous_text = ""
            continue
        heading = None
        match = _ATX.match(line.text)
        setext = _SETEXT.match(line.text)
        if match and line.text.strip("# \t"):
            heading = len(match.group(1))
        elif setext and previous_text.strip() and not previous_text.lstrip().startswith(("|", "-", "*", "+", ">", "<", "!!!", "???")):
            heading = 1 if setext.group(1)[0] == "=" else 2
        else:
            html = _HTML_HEADING.search(line.text)
            heading = int(html.group(1)) if html else None
        if heading is not None:
            if heading > level + 1:
                found.append(_p(page, line.number, "content.heading-skip",
                                Text(f"Tiêu đề nhảy từ cấp {level} xuống cấp {heading} (bỏ qua cấp {level + 1}): "
                                     "trình đọc màn hình và mục lục dựa vào thứ tự cấp.",
                                     f"The heading jumps from level {level} to level {heading} (skipping level "
                                     f"{level + 1}): screen readers and the table of contents rely on the order."),
                                Text(f"Dùng {'#' * (level + 1)} (cấp {level + 1}) cho tiêu đề này.",
                                     f"Use {'#' * (level + 1)} (level {level + 1}) for this heading.")))
            level = heading
        previous_text = line.text
    return found


_MD_IMAGE = re.compile(r"!\[([^\]]*)\][(\[]")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_DECORATIVE = re.compile(r"""aria-hidden\s*=\s*["']?true|role\s*=\s*["']?(presentation|none)""", re.IGNORECASE)
_FILE_NAME = re.compile(r"^[\w.-]+\.(png|jpe?g|gif|svg|webp|avif)$", re.IGNORECASE)


def rule_images(page: Page) -> list[Problem]:
    found = []
    what = Text("Ảnh không có lời mô tả (alt): người dùng trình đọc màn hình và người tải ảnh chậm không "
                "biết ảnh nói gì.",
                "The image has no text alternative (alt): screen-reader users, and readers whose images do "
                "not load, cannot know what it shows.")
    for line in page.lines:
        if line.kind != "body":
            continue
        for match in _MD_IMAGE.finditer(line.text):
            alt = match.group(1).strip()
            if not alt or _FILE_NAME.match(alt):
                found.append(_p(page, line.number, "content.image-alt", what,
                                Text("Viết điều ảnh muốn nói vào giữa ngoặc vuông: ![Áp phích: gọi 111 khi trẻ bị xâm hại](…).",
                                     "Say what the image shows between the brackets: ![Poster: call 111 if a child is abused](…)."),
                                match.start() + 1))
        for match in _IMG_TAG.finditer(line.text):
            tag = match.group(0)
            alt_match = _ALT.search(tag)
            alt = next((g for g in alt_match.groups() if g is not None), "") if alt_match else None
            if (alt is None or not alt.strip() or _FILE_NAME.match(alt.strip())) and not _DECORATIVE.search(tag):
                found.append(_p(page, line.number, "content.image-alt", what,
                                Text("Thêm alt=\"…\" mô tả ảnh; ảnh chỉ để trang trí thì ghi alt=\"\" aria-hidden=\"true\".",
                                     "Add alt=\"…\" describing the image; a purely decorative one gets alt=\"\" aria-hidden=\"true\"."),
                                match.start() + 1))
    return found


# ----------------------------------------------------------------------------------------------
# Data files: the same text rules for every text of data/**/*.yml that becomes a page
# ----------------------------------------------------------------------------------------------

def check_data_file(path: Path, root: Path = ROOT) -> list[Problem]:
    """NFC, tone placement, typos and placeholders in the texts of one data file, each at its
    line (scripts/core/data_text.py says which values are texts)."""
    shown = checkkit.display_path(path, root)
    src = checkkit.read_source(path, root)            # same messages for unreadable files
    if src.problem and src.problem.code.startswith("file."):
        return [src.problem]
    try:
        texts = texts_of(src.text)
    except DataTextError as exc:
        return [exc.problem(shown)]
    found = []
    for t in texts:
        where_vi, where_en = f" (trường '{t.field}')", f" (field '{t.field}')"
        if not unicodedata.is_normalized("NFC", t.value):
            offset = next((i for i, ch in enumerate(t.value) if unicodedata.combining(ch)), 0)
            found.append(Problem(shown, t.line_at(offset), "content.nfc",
                                 Text("Chữ ở dạng Unicode tổ hợp (NFD): trông giống nhưng tìm kiếm và neo coi là "
                                      "chữ khác." + where_vi,
                                      "Text in decomposed Unicode (NFD): it looks the same, but search and "
                                      "anchors treat it as different words." + where_en),
                                 Text(f"Chạy: python scripts/content/check_content.py --fix-nfc {shown}",
                                      f"Run: python scripts/content/check_content.py --fix-nfc {shown}")))
        text = _mask_code_spans(unicodedata.normalize("NFC", t.value))
        rules = spelling_findings(text, t.lang != "en") + placeholder_findings(text)
        for col, code, what, fix in sorted(rules, key=lambda f: f[0]):
            found.append(Problem(shown, t.line_at(col), code,
                                 Text(what.vi + where_vi, what.en + where_en), fix))
    return found


# ----------------------------------------------------------------------------------------------
# Running
# ----------------------------------------------------------------------------------------------

def _prose(page: Page) -> list[tuple[int, str]]:
    return [(line.number, line.text) for line in page.lines if line.kind == "body"]


def page_audience(page: Page) -> str | None:
    value = page.src.meta.get("audience") if not page.src.problem else None
    return value if value in readability.AUDIENCES else None


def rule_readability(page: Page, warnings: list[Problem] | None = None) -> list[Problem]:
    """Errors for children's pages; other pages' long sentences go to `warnings` when given."""
    if page.src.problem or "audience" not in page.src.meta:
        return []
    audience = page.src.meta.get("audience")
    if audience not in readability.AUDIENCES:
        return [_p(page, page.src.key_line("audience"), "content.audience",
                   Text(f"'audience: {audience}' không phải một nhóm người đọc đã biết.",
                        f"'audience: {audience}' is not a known group of readers."),
                   Text(f"Viết một trong: {', '.join(readability.AUDIENCES)}.",
                        f"Write one of: {', '.join(readability.AUDIENCES)}."))]
    limit = readability.LIMITS[audience]
    found = readability.sentences(_prose(page))
    long, mean_over = readability.over_limit(found, audience)
    who_vi, who_en = readability.NAMES[audience]
    out = []
    for s in long:
        out.append(_p(page, s.line, "content.readability",
                      Text(f"Câu dài {s.words} tiếng (từ), quá {limit.longest} cho trang viết cho "
                           f"{who_vi}: \"{s.text}\"",
                           f"A sentence of {s.words} words, over the {limit.longest} allowed on a page "
                           f"for {who_en}: \"{s.text}\""),
                      Text("Tách thành hai, ba câu ngắn; mỗi câu một ý, dùng từ thường ngày.",
                           "Split it into two or three short sentences, one idea each, in everyday words.")))
    if mean_over:
        fig = readability.figures(found)
        out.append(_p(page, page.src.key_line("audience"), "content.readability",
                      Text(f"Câu trung bình dài {fig.mean:.1f} tiếng, quá {limit.mean} cho trang viết cho {who_vi}.",
                           f"Sentences average {fig.mean:.1f} words, over the {limit.mean} for a page for {who_en}."),
                      Text("Rút ngắn các câu dài nhất của trang.", "Shorten the page's longest sentences.")))
    if limit.fail:
        return out
    if warnings is not None:
        warnings += out
    return []


def page_of(path: Path, docs_dir: Path, root: Path, langs: tuple[str, ...]) -> Page:
    src = checkkit.read_source(path, root)
    try:
        parts = path.resolve().relative_to(docs_dir.resolve()).parts
    except ValueError:
        parts = path.parts
    lang = parts[0] if len(parts) > 1 and parts[0] in langs else None
    rel = "/".join(parts[1:]) if lang else "/".join(parts)
    return Page(src, lang, rel, read_lines(src) if not src.problem or src.text else [])


def check_page(page: Page, registry: list) -> list[Problem]:
    if page.src.problem and page.src.problem.code.startswith("file."):
        return [page.src.problem]
    problems = rule_nfc(page)
    if page.src.problem:                        # broken front matter: report it, check the rest
        problems.append(page.src.problem)
    else:
        problems += rule_front_matter(page)
    problems += rule_spelling(page) + rule_placeholders(page) + rule_phones(page, registry)
    problems += rule_headings(page) + rule_images(page) + rule_readability(page)
    return problems


def _is_data(path: Path) -> bool:
    return path.suffix in (".yml", ".yaml")


def collect(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and (
                p.suffix == ".md" or (_is_data(p) and p.name not in NOT_PAGE_TEXT)))
        elif path.is_file():
            files.append(path)
        else:
            raise Misuse(Text(f"Không có tệp hay thư mục '{path}'.", f"No such file or folder '{path}'."))
    return files


def fix_nfc(files: list[Path]) -> int:
    changed = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: không đọc được / cannot read: {exc}")
            continue
        fixed = unicodedata.normalize("NFC", text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            print(f"đã chuyển sang NFC / converted to NFC: {path}")
            changed += 1
    print(f"{changed} tệp đã sửa / file(s) changed.")
    return checkkit.EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog="check_content.py",
                                     description="Check the Markdown sources (docs/**/*.md) and the "
                                                 "texts of the data files (data/**/*.yml).")
    parser.add_argument("paths", nargs="*", help="files or folders (default: docs/ and data/)")
    parser.add_argument("--root", default=None, help="project root (default: this repository)")
    parser.add_argument("--phones", default=None, help="phone registry (default: data/phones.yml)")
    parser.add_argument("--fix-nfc", action="store_true", help="rewrite the files in NFC, then stop")
    parser.add_argument("--readability", action="store_true",
                        help="print every page's sentence figures and the long sentences as warnings")
    checkkit.add_format_option(parser)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve() if args.root else ROOT
    docs_dir = root / "docs"
    try:
        files = collect([Path(p) for p in args.paths] or [docs_dir]) + (
            [] if args.paths else data_files(root))
        if args.fix_nfc:
            return fix_nfc(files)
        phones_file = Path(args.phones) if args.phones else (
            root / "data" / "phones.yml" if (root / "data" / "phones.yml").is_file() else PHONES_FILE)
        try:
            registry = load_phones(phones_file)
        except DataError as exc:
            raise Misuse(Text(f"Danh bạ số điện thoại hỏng: {exc}", f"The phone registry is broken: {exc}")) from None
        try:
            _, langs = checkkit.site_languages(checkkit.load_mkdocs_config(root / "mkdocs.yml"))
        except Misuse:
            langs = ("vi", "en")
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    figures: list[str] = []
    for path in files:
        if _is_data(path):
            problems += check_data_file(path, root)
            continue
        page = page_of(path, docs_dir, root, langs)
        problems += check_page(page, registry)
        if args.readability and not page.src.problem:
            rule_readability(page, warnings)
            fig = readability.figures(readability.sentences(_prose(page)))
            if fig:
                figures.append(fig.line(page.src.shown, page_audience(page)))
    if args.readability and args.format == "text":
        print("Độ dài câu (tiếng/từ) / sentence length (words; Vietnamese: syllables):")
        for line in figures:
            print("  " + line)
        for w in warnings:
            print(f"{w.file}:{w.line}: cảnh báo / warning [{w.code}] {w.what.vi} / {w.what.en}")
    elif args.readability and args.format == "github":
        for w in warnings:
            print(f"::warning file={w.file},line={w.line}::{w.what.vi} / {w.what.en}")
    return checkkit.emit(problems, args.format, TOOL, f"{len(files)} tệp / files")


if __name__ == "__main__":
    sys.exit(main())
