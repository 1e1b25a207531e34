"""Quotes of the plan on the site's pages match the site's own text of the plan, word for word.

    python scripts/content/plan_quotes.py                  # every page of every language
    python scripts/content/plan_quotes.py --format github
    python scripts/content/plan_quotes.py --figures        # sentence lengths of each plan text
                                                           # (readability.py's count, and at full stops only)

The plan's text is the "full text" section of docs/<lang>/ke-hoach/index.md (from the heading
with {#toan-van} to the heading {#ghi-chu-bien-tap}, the first footnote definition or the end): the Vietnamese text, word for word the source, and
its English translation. A page quoting the plan quotes that text, in the page's language.

The mark (one way, the form the topic pages already use): a `quote` admonition whose title
names the plan,

    !!! quote "Kế hoạch nói gì"                 !!! quote "What the plan says"

        Kế hoạch giao "nghiên cứu, rà soát …"       The plan says: "Study, review …"

Inside it, every text in double quotation marks ("…" or “…”) is a quote of the plan, and
plan-quotes.mismatch fails unless it is found in the plan's text of the same language. Compared:
Unicode NFC, whitespace collapsed, every kind of quotation mark and apostrophe alike, the case
of the first letter free (a quote may start mid-sentence), a full stop, comma, semicolon or colon
at the end of the quote left out. "…", "...", "[…]" or "[...]" join pieces that the plan has in
the same order (words left out). Anything else, one word included, is a difference.

plan-quotes.unmarked (so that quotes cannot escape the check): outside the mark, a paragraph or
list item that names the plan ("Kế hoạch" with a capital K and not the city's plan 365-KH/TU;
English "the plan", "this plan", "the plan's"; or a link to ke-hoach/) may not hold a quotation
of five or more words (Vietnamese: eight or more syllables; shorter ones are terms such as
"Ban Tuyên giáo HU" or "every year"). Not counted: names the plan itself puts in
quotation marks (the two movements), quotations in another language (the Vietnamese terms the
English glossary explains), headings, admonition titles, footnote definitions, code, and the
plan's own pages (docs/*/ke-hoach/). Fix: move the quote into the mark, or say it in your own
words without quotation marks.

Exit codes: 0 clean, 1 problems found, 2 misuse (no plan text). Standard library and PyYAML.
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.content import readability  # noqa: E402
from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Misuse, Problem, Text  # noqa: E402

TOOL = "plan_quotes"
PLAN_PAGE = "ke-hoach/index.md"
# An unmarked quotation this long (words; Vietnamese: syllables) in a paragraph naming the plan
# fails; shorter ones are terms and names ("Ban Tuyên giáo HU", "every year").
MIN_WORDS = {"vi": 8, "en": 5}
MARK = {"vi": '!!! quote "Kế hoạch nói gì"', "en": '!!! quote "What the plan says"'}

_QUOTE_CHARS = str.maketrans({c: '"' for c in "\"“”„‟«»'‘’‚‛`"})
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)\s*")
_ADMONITION = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+\"(?P<title>[^\"]*)\")?")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\\?[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^[^\]]+\]:")
_VI_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]")
_VI_TONE = re.compile(r"[\u0300\u0301\u0303\u0309\u0323]")
_ATTRIBUTION = {
    "vi": re.compile(r"\bKế hoạch\b(?!\s*(?:số\s*)?365)|\]\((?:\.\./)*ke-hoach/"),
    "en": re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:district )?[Pp]lan\b(?!\s+(?:No\.\s*)?365)"
                     r"|\b[Pp]lan's\b|\]\((?:\.\./)*ke-hoach/"),
}


# ----------------------------------------------------------------------------------------------
# Text
# ----------------------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """What two texts must share to be the same words: NFC, one quotation mark, one space."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_CHARS)
    text = text.replace("\u00a0", " ").replace("\u2011", "-")
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[-’'][^\W_]+)*|\d+", text)


def _clean_markdown(text: str) -> str:
    """The words a reader sees in one line of the plan or of a quote."""
    text = re.sub(r"\[\^[^\]]+\]", "", text)                    # footnote references
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)        # links: their text
    text = re.sub(r"\{[:#.][^}]*\}", "", text)                   # attribute lists, heading ids
    text = re.sub(r"<br\s*/?>", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\*+|(?<!\w)_+|_+(?!\w)", "", text)          # emphasis
    return text.replace("\\", "")


@dataclass
class Paragraph:
    line: int                      # first line of the paragraph in the plan's Markdown
    text: str                      # normalised
    lines: list[tuple[int, str]]   # (line, cleaned text) it was made from


@dataclass
class Plan:
    lang: str
    shown: str                     # the plan page, as shown in messages
    paragraphs: list[Paragraph] = field(default_factory=list)
    names: set[str] = field(default_factory=set)   # what the plan itself puts in quotation marks

    def find(self, piece: str, start: tuple[int, int] = (0, 0)) -> tuple[int, int] | None:
        """(paragraph, end offset) of the first place at or after `start` holding `piece`."""
        variants = {piece, piece[:1].swapcase() + piece[1:]}
        p0, off0 = start
        for index in range(p0, len(self.paragraphs)):
            text = self.paragraphs[index].text
            best = None
            for variant in variants:
                at = text.find(variant, off0 if index == p0 else 0)
                if at >= 0 and (best is None or at < best[0]):
                    best = (at, at + len(variant))
            if best:
                return index, best[1]
        return None

    def sentences(self) -> list[tuple[int, str]]:
        """(line, sentence) of the whole plan, split at . ; ? ! for the "nearest sentence"."""
        joined: list[tuple[int, str]] = []
        for para in self.paragraphs:
            shown = re.sub(r"\s+", " ", " ".join(t for _, t in para.lines)).strip()
            # the line of each part: the first line of the paragraph holding its first words
            for part in re.split(r"(?<=[.;!?])\s+", shown):
                head = part[:15]
                line = next((n for n, t in para.lines if head and head in t), para.line)
                joined.append((line, part))
        return joined


def plan_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of the plan's full-text section of a plan page."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines)
                  if _HEADING.match(line) and "{#toan-van}" in line), None)
    if start is None:
        return []
    out = []
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if (_HEADING.match(line) and "{#ghi-chu-bien-tap}" in line) or _FOOTNOTE_DEF.match(line):
            break
        out.append((number + 1, line))
    return out


def load_plan(root: Path, lang: str) -> Plan:
    path = root / "docs" / lang / PLAN_PAGE
    shown = checkkit.display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise Misuse(Text(f"Không đọc được văn bản Kế hoạch {shown}: {exc}.",
                          f"Cannot read the plan's text {shown}: {exc}.")) from None
    plan = Plan(lang, shown)
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            joined = normalise(" ".join(t for _, t in current))
            if joined:
                plan.paragraphs.append(Paragraph(current[0][0], joined, list(current)))
        current.clear()

    for number, raw in plan_lines(text):
        stripped = raw.strip()
        if not stripped or stripped.startswith(("{:", "[→")):
            flush()
            continue
        if _HEADING.match(raw) or _LIST_ITEM.match(raw):
            flush()
        cleaned = _clean_markdown(_LIST_ITEM.sub("", re.sub(r"^\s*#{1,6}\s+", "", raw)))
        current.append((number, cleaned.strip()))
        if _HEADING.match(raw):
            flush()
    flush()
    if not plan.paragraphs:
        raise Misuse(Text(f"{shown}: không thấy phần toàn văn Kế hoạch (tiêu đề có {{#toan-van}}).",
                          f"{shown}: no full text of the plan found (a heading with {{#toan-van}})."))
    for para in plan.paragraphs:
        raw = " ".join(t for _, t in para.lines)
        plan.names.update(_fold(span) for _, span in quotations(raw))
    return plan


def _fold(text: str) -> str:
    return normalise(text).casefold().strip(" .,;:")


# ----------------------------------------------------------------------------------------------
# Quotations in a text
# ----------------------------------------------------------------------------------------------

def quotations(text: str) -> list[tuple[int, str]]:
    """(offset, inner text) of each top-level quotation: "…" (closed by the next ") or “…”
    (closed by its matching ”, nested “ ” counted). Curly or single marks inside a straight
    quotation are quotations within the quote and stay part of it."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == '"':
            end = text.find('"', i + 1)
            if end < 0:
                break
            out.append((i, text[i + 1:end]))
            i = end + 1
            continue
        if char == "“":
            depth, j = 1, i + 1
            while j < len(text) and depth:
                depth += {"“": 1, "”": -1}.get(text[j], 0)
                j += 1
            if depth:
                break
            out.append((i, text[i + 1:j - 1]))
            i = j
            continue
        i += 1
    return out


def pieces(quote: str) -> list[str]:
    """The quote's words split at an ellipsis, each piece normalised, end punctuation left out."""
    quote = normalise(_clean_markdown(quote))
    out = []
    for piece in _ELLIPSIS.split(quote):
        piece = piece.strip().rstrip(".,;:").strip()
        if words(piece):
            out.append(piece)
    return out


def match(quote: str, plan: Plan) -> tuple[bool, str]:
    """Whether every piece of the quote is in the plan in order; if not, the first piece that is
    not."""
    where = (0, 0)
    for piece in pieces(quote):
        found = plan.find(piece, where)
        if found is None:
            return False, piece
        where = found
    return True, ""


def nearest(piece: str, plan: Plan) -> tuple[int, str, str]:
    """(line, sentence, difference) of the plan sentence closest to `piece`: the longest run of
    the quote's words it holds, then the most of its words."""
    target = [w.casefold() for w in words(piece)]
    best = ((-1, -1), 0, "")
    for line, sentence in plan.sentences():
        cand = [w.casefold() for w in words(sentence)]
        matcher = difflib.SequenceMatcher(None, target, cand, autojunk=False)
        run = matcher.find_longest_match(0, len(target), 0, len(cand)).size
        score = (run, sum(b.size for b in matcher.get_matching_blocks()))
        if score > best[0]:
            best = (score, line, sentence)
    _, line, sentence = best
    return line, sentence, difference(piece, sentence)


def difference(piece: str, sentence: str) -> str:
    """The first words that differ between the quote and the plan sentence."""
    a, b = words(piece), words(sentence)
    matcher = difflib.SequenceMatcher(None, [w.casefold() for w in a], [w.casefold() for w in b],
                                      autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        return ""
    # align the quote with the part of the sentence it was taken from
    first, last = blocks[0], blocks[-1]
    sub = difflib.SequenceMatcher(None, [w.casefold() for w in a[first.a:last.a + last.size]],
                                  [w.casefold() for w in b[first.b:last.b + last.size]], autojunk=False)
    changes = [op for op in sub.get_opcodes() if op[0] != "equal"]
    if changes:
        # one difference: the first change and those within two words of it
        _, i1, i2, j1, j2 = changes[0]
        for _, k1, k2, l1, l2 in changes[1:]:
            if k1 - i2 > 2 and l1 - j2 > 2:
                break
            i2, j2 = k2, l2
        quoted = " ".join(a[first.a + i1:first.a + i2]) or "—"
        planned = " ".join(b[first.b + j1:first.b + j2]) or "—"
        return f"«{quoted}» ≠ «{planned}»"
    if first.a or last.a + last.size < len(a):
        extra = " ".join(a[:first.a] + a[last.a + last.size:])
        return f"«{extra}» ≠ «—»"
    return ""


# ----------------------------------------------------------------------------------------------
# Pages
# ----------------------------------------------------------------------------------------------

@dataclass
class Block:
    line: int
    lines: list[tuple[int, str]]
    marked: bool

    def text(self) -> tuple[str, list[tuple[int, int]]]:
        """The block's lines joined by spaces (code and tags blanked), with (offset, line)."""
        parts, offsets, pos = [], [], 0
        for number, raw in self.lines:
            raw = re.sub(r"`[^`]*`", lambda m: " " * len(m.group()), raw)
            raw = re.sub(r"<[^>]*>", lambda m: " " * len(m.group()), raw)
            raw = re.sub(r"\]\([^)]*\)", lambda m: "]" + " " * (len(m.group()) - 1), raw)
            offsets.append((pos, number))
            parts.append(raw)
            pos += len(raw) + 1
        return " ".join(parts), offsets

    def raw(self) -> str:
        return " ".join(t for _, t in self.lines)


def line_at(offsets: list[tuple[int, int]], at: int) -> int:
    line = offsets[0][1]
    for offset, number in offsets:
        if offset <= at:
            line = number
    return line


def blocks_of(text: str) -> list[Block]:
    """Paragraphs and list items of a page; those inside a plan-quote admonition are `marked`.
    Front matter, code, HTML comments, headings, admonition titles and footnote definitions are
    left out."""
    lines = text.split("\n")
    start = 0
    if lines and re.match(r"^-{3}\s*$", lines[0]):
        end = next((i for i in range(1, len(lines)) if re.match(r"^(?:-{3}|\.{3})\s*$", lines[i])), 0)
        start = end + 1
    out: list[Block] = []
    current: list[tuple[int, str]] = []
    marked_indent: int | None = None
    in_comment = in_footnote = False
    code = checkkit.code_lines(lines)

    def flush(marked: bool) -> None:
        if current:
            out.append(Block(current[0][0], list(current), marked))
        current.clear()

    for index in range(start, len(lines)):
        number, raw = index + 1, lines[index]
        if index in code:
            flush(marked_indent is not None)
            continue
        if in_comment or "<!--" in raw:
            in_comment = "-->" not in raw.split("<!--")[-1] if "<!--" in raw else "-->" not in raw
            raw = re.sub(r"<!--.*?(-->|$)", " ", raw)
            if not raw.strip():
                continue
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        if marked_indent is not None and stripped and indent <= marked_indent:
            flush(True)
            marked_indent = None
        marked = marked_indent is not None
        if not stripped:
            flush(marked)
            in_footnote = False
            continue
        if _FOOTNOTE_DEF.match(raw):
            flush(marked)
            in_footnote = True
            continue
        if in_footnote and indent:
            continue
        in_footnote = False
        admonition = _ADMONITION.match(raw)
        if admonition:
            flush(marked)
            if admonition["kind"] == "quote" and names_plan(admonition["title"] or ""):
                marked_indent = len(admonition["indent"])
            continue
        if _HEADING.match(raw) or stripped.startswith("{:"):
            flush(marked)
            continue
        if _LIST_ITEM.match(raw) or stripped.startswith("|"):
            flush(marked)
        current.append((number, raw))
    flush(marked_indent is not None)
    return out


def names_plan(title: str) -> bool:
    return bool(re.search(r"Kế hoạch|\bplan\b", title, re.I))


def is_vietnamese(text: str) -> bool:
    """Whether a quotation is in Vietnamese: a letter or a tone mark English does not use."""
    return bool(_VI_LETTER.search(unicodedata.normalize("NFC", text))
                or _VI_TONE.search(unicodedata.normalize("NFD", text)))


def check_page(path: Path, lang: str, plan: Plan, root: Path) -> list[Problem]:
    src = checkkit.read_source(path, root)
    if src.problem is not None and src.problem.code.startswith("file."):
        return [src.problem]
    shown = src.shown
    problems = []
    for block in blocks_of(src.text):
        joined, offsets = block.text()
        found = quotations(joined)
        if block.marked:
            for at, quote in found:
                ok, piece = match(quote, plan)
                if not ok:
                    problems.append(_mismatch(shown, line_at(offsets, at), quote, piece, plan))
            continue
        if not _ATTRIBUTION[lang].search(block.raw()):
            continue
        for at, quote in found:
            if len(words(quote)) < MIN_WORDS.get(lang, 5) or _fold(quote) in plan.names:
                continue
            if lang != "vi" and is_vietnamese(quote):
                continue
            problems.append(_unmarked(shown, line_at(offsets, at), quote, lang))
    return problems


def _short(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mismatch(shown: str, line: int, quote: str, piece: str, plan: Plan) -> Problem:
    plan_line, sentence, diff = nearest(piece, plan)
    details = [f"Trích dẫn / quote: \"{_short(quote, 300)}\"",
               f"Câu gần nhất trong Kế hoạch / nearest plan sentence ({plan.shown}:{plan_line}):",
               f"  {_short(sentence, 400)}"]
    if diff:
        details.append(f"Khác ở / differs at: {diff}")
    return Problem(
        shown, line, "plan-quotes.mismatch",
        Text(f"Trích dẫn Kế hoạch không khớp từng chữ với văn bản Kế hoạch trên trang ({plan.shown}): "
             f"\"{_short(piece)}\".",
             f"A quote of the plan does not match the site's text of the plan ({plan.shown}) word "
             f"for word: \"{_short(piece)}\"."),
        Text("Chép lại đúng từng chữ của câu gần nhất dưới đây (có thể lược bớt bằng \"…\"), hoặc "
             "bỏ dấu ngoặc kép và diễn đạt bằng lời của mình.",
             "Copy the words of the nearest plan sentence below exactly (leave words out with "
             "\"…\"), or drop the quotation marks and say it in your own words."),
        details="\n".join(details))


def _unmarked(shown: str, line: int, quote: str, lang: str) -> Problem:
    return Problem(
        shown, line, "plan-quotes.unmarked",
        Text(f"Đoạn này nói về Kế hoạch và có trích dẫn trong ngoặc kép nằm ngoài khung trích dẫn "
             f"Kế hoạch, nên không được đối chiếu: \"{_short(quote)}\".",
             f"This paragraph names the plan and has a quotation outside the plan-quote box, so "
             f"it is not checked against the plan: \"{_short(quote)}\"."),
        Text(f"Nếu đó là lời của Kế hoạch, đưa vào khung `{MARK['vi']}` (trang tiếng Anh: "
             f"`{MARK['en']}`), chép đúng từng chữ; nếu không, bỏ dấu ngoặc kép và diễn đạt bằng "
             "lời của mình.",
             f"If these are the plan's words, put them in a `{MARK['en']}` box (Vietnamese pages: "
             f"`{MARK['vi']}`), copied exactly; if not, drop the quotation marks and say it in "
             "your own words."))


def pages(root: Path, lang: str) -> list[Path]:
    base = root / "docs" / lang
    return sorted(p for p in base.rglob("*.md")
                  if "ke-hoach" not in p.relative_to(base).parts[:1])


def check(root: Path, langs: tuple[str, ...]) -> tuple[list[Problem], int]:
    problems, count = [], 0
    for lang in langs:
        if not (root / "docs" / lang).is_dir():
            continue
        plan = load_plan(root, lang)
        for path in pages(root, lang):
            problems += check_page(path, lang, plan, root)
            count += 1
    return problems, count


def plan_figures(root: Path, lang: str) -> str:
    """The readability figures of a language's plan text (readability.py's counting)."""
    path = root / "docs" / lang / PLAN_PAGE
    text = path.read_text(encoding="utf-8")
    lines = [(n, t) for n, t in plan_lines(text) if not t.strip().startswith(("{:", "[→"))]
    found = readability.sentences(lines)
    fig = readability.figures(found)
    if not fig:
        return f"{checkkit.display_path(path, root)}: —"
    over = sum(1 for s in found if s.words > 30)
    # the same text cut at full stops only (a ";" does not end a sentence here)
    stops = [readability.count_words(part) for para in load_plan(root, lang).paragraphs
             for part in re.split(r"(?<=[.!?])\s+", para.text)]
    stops = [n for n in stops if n]
    return (f"{checkkit.display_path(path, root)} (toàn văn / full text): {fig.sentences} câu / "
            f"sentences, trung bình / mean {fig.mean:.1f}, dài nhất / longest {fig.longest} "
            f"(dòng / line {fig.longest_line}), trên 30 / over 30: {over}; chỉ tách ở dấu chấm / "
            f"full stops only: {len(stops)} câu / sentences, trung bình / mean "
            f"{sum(stops) / len(stops):.1f}, dài nhất / longest {max(stops)}, trên 30 / over 30: "
            f"{sum(1 for n in stops if n > 30)}")


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog="plan_quotes.py",
                                     description="Check that quotes of the plan match its text on the site.")
    parser.add_argument("--root", default=None, help="project root (default: this repository)")
    parser.add_argument("--figures", action="store_true",
                        help="print the sentence figures of each language's plan text")
    checkkit.add_format_option(parser)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve() if args.root else ROOT
    try:
        try:
            _, langs = checkkit.site_languages(checkkit.load_mkdocs_config(root / "mkdocs.yml"))
        except Misuse:
            langs = ("vi", "en")
        if args.figures:
            for lang in langs:
                if (root / "docs" / lang / PLAN_PAGE).is_file():
                    print(plan_figures(root, lang))
        problems, count = check(root, langs)
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    return checkkit.emit(problems, args.format, TOOL, f"{count} trang / pages")


if __name__ == "__main__":
    sys.exit(main())
