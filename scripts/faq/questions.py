"""FAQ pages: their questions (one `## Question? {#stable-id}` heading each), the checks that
keep the ids stable and identical in both languages, and the "link to this question" control.

A page is an FAQ page when its front matter says `faq: true`. Schools link to single questions
(`/hoi-dap/cha-me/#xam-hai-la-gi`), so every question heading carries an explicit ASCII id
that is the same in the Vietnamese and the English page, in the same order.

In the built HTML, Material's hover-only "#" permalink of each question is replaced by a
visible link placed under the question ("Liên kết tới câu hỏi này" / "Link to this question"):
a plain permalink without JavaScript; docs/assets/javascripts/copy-link.js turns it into a
"copy the full address" control with a spoken confirmation.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.core.front_matter import split_front_matter  # noqa: F401  (used here and by tests)

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGS = ("vi", "en")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_H2 = re.compile(r"^##(?!#)\s+(?P<text>.*?)\s*$")
_ATTR_ID = re.compile(r"\{\s*#(?P<id>[^\s}]+)\s*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")

LABELS = {
    "vi": "Liên kết tới câu hỏi này",
    "en": "Link to this question",
}


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    line: int


def is_faq(path: Path) -> bool:
    try:
        meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
        return False      # unreadable pages are reported by check_all (and by check_content)
    return meta.get("faq") is True


def faq_pages(docs: Path = DOCS) -> list[Path]:
    """Every FAQ page in either language, sorted."""
    return sorted(p for lang in LANGS for p in (docs / lang).rglob("*.md") if is_faq(p))


def _shown(path: Path) -> Path:
    """The path as an editor knows it: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(ROOT)
    except ValueError:
        return path


def parse_questions(path: Path) -> tuple[list[Question], list[str]]:
    """Questions of one FAQ page and the problems found in its headings."""
    text = path.read_text(encoding="utf-8")
    path = _shown(path)
    _, body, start = split_front_matter(text)
    questions: list[Question] = []
    problems: list[str] = []
    in_fence = False
    headings = 0
    for offset, raw in enumerate(body.splitlines()):
        line = start + offset
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        m = None if in_fence else _H2.match(raw)
        if not m:
            continue
        headings += 1
        heading = m.group("text")
        attr = _ATTR_ID.search(heading)
        if not attr:
            problems.append(
                f"{path}:{line}: câu hỏi thiếu mã ổn định — thêm {{#ma-cau-hoi}} vào cuối tiêu đề / "
                f"question has no stable id — end the heading with {{#question-id}}: {heading!r}"
            )
            continue
        qid = attr.group("id")
        if not _ID.match(qid):
            problems.append(
                f"{path}:{line}: mã '{qid}' không hợp lệ — chỉ dùng chữ thường không dấu, số và "
                f"dấu gạch ngang / invalid id '{qid}' — use lower-case ASCII letters, digits and hyphens"
            )
        questions.append(Question(id=qid, text=heading[: attr.start()].strip(), line=line))
    seen: dict[str, int] = {}
    for q in questions:
        if q.id in seen:
            problems.append(
                f"{path}:{q.line}: mã '{q.id}' đã dùng ở dòng {seen[q.id]} — mỗi câu hỏi một mã riêng / "
                f"id '{q.id}' already used on line {seen[q.id]} — each question needs its own id"
            )
        else:
            seen[q.id] = q.line
    if not headings:
        problems.append(f"{path}: trang hỏi đáp không có câu hỏi (## …) / FAQ page has no questions")
    return questions, problems


def check_pair(vi_path: Path, en_path: Path) -> list[str]:
    """The two language versions of an FAQ page must list the same ids in the same order."""
    vi_show, en_show = _shown(vi_path), _shown(en_path)
    if not en_path.is_file():
        return [f"{vi_show}: thiếu bản tiếng Anh {en_show} / the English version is missing"]
    if not vi_path.is_file():
        return [f"{en_show}: thiếu bản tiếng Việt {vi_show} / the Vietnamese version is missing"]
    try:
        vi_q, problems = parse_questions(vi_path)
        en_q, en_problems = parse_questions(en_path)
    except (UnicodeDecodeError, ValueError, yaml.YAMLError):
        return []         # an unreadable page: reported once by check_all
    problems += en_problems
    vi_ids, en_ids = [q.id for q in vi_q], [q.id for q in en_q]
    for q in vi_q:
        if q.id not in en_ids:
            problems.append(
                f"{vi_show}:{q.line}: câu hỏi '{q.id}' chưa có trong bản tiếng Anh {en_show} / "
                f"question '{q.id}' is missing from the English page — translate it with the same id"
            )
    for q in en_q:
        if q.id not in vi_ids:
            problems.append(
                f"{en_show}:{q.line}: câu hỏi '{q.id}' không có trong bản tiếng Việt {vi_show} / "
                f"question '{q.id}' is not in the Vietnamese page — ids must be identical in both"
            )
    common_vi = [i for i in vi_ids if i in en_ids]
    common_en = [i for i in en_ids if i in vi_ids]
    if not problems and common_vi != common_en:
        problems.append(
            f"{en_show}: thứ tự câu hỏi khác bản tiếng Việt / questions are in a different order "
            f"than in {vi_show}"
        )
    return problems


def check_all(docs: Path = DOCS) -> list[str]:
    problems: list[str] = []
    for lang in LANGS:
        for page in sorted((docs / lang).rglob("*.md")):
            try:
                page.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                problems.append(f"{_shown(page)}:1: tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start}), không "
                                f"biết có phải trang hỏi đáp không; lưu lại bằng UTF-8 / the file is not UTF-8 "
                                f"(bad byte at offset {exc.start}), so it cannot be checked; save it as UTF-8")
    pairs: set[str] = set()
    for page in faq_pages(docs):
        rel = page.relative_to(docs)
        pairs.add(Path(*rel.parts[1:]).as_posix())
    for rel in sorted(pairs):
        problems += check_pair(docs / "vi" / rel, docs / "en" / rel)
    return problems


# ---------------------------------------------------------------------------------------------
# Built HTML: the visible permalink under each question.
# ---------------------------------------------------------------------------------------------

_H2_HTML = re.compile(
    r'<h2 id="(?P<id>[^"]+)">(?P<inner>.*?)<a class="headerlink" href="#(?P=id)"[^>]*>.*?</a></h2>',
    re.S,
)
_TAGS = re.compile(r"<[^>]+>")


def add_question_links(page_html: str, lang: str) -> str:
    """Replace each question's hover-only "#" with a visible, named link under the question."""
    label = LABELS.get(lang, LABELS["en"])

    def repl(m: re.Match) -> str:
        qid, inner = m.group("id"), m.group("inner")
        question = html.unescape(_TAGS.sub("", inner)).strip()
        return (
            f'<h2 id="{qid}">{inner}</h2>\n'
            f'<p class="faq-link"><a class="faq-link__a" href="#{qid}" data-copy-link>'
            f'<span class="faq-link__label">{html.escape(label)}</span>'
            f'<span class="visually-hidden"> — {html.escape(question)}</span></a></p>'
        )

    return _H2_HTML.sub(repl, page_html)


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args:
        print("usage: python scripts/faq/check_faq.py   (no arguments; checks docs/*/ FAQ pages)",
              file=sys.stderr)
        return 2
    problems = check_all()
    for p in problems:
        print(p)
    if problems:
        print(f"\n{len(problems)} lỗi ở trang hỏi đáp / problems in FAQ pages")
        return 1
    return 0
