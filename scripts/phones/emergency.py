"""The site's ONE emergency order: which number to call first in which situation.

The order is data, in data/phones.yml (`emergency:` on each number). This module

- loads it (`load_order`), refusing inconsistent data with file:line;
- fills the `<!-- emergency -->` marker with the "who to call" list (every step, in order), or
  `<!-- emergency: danger-now hurt -->` with some of the steps (still in the site's order), named
  by their `key` or their number;
- checks that a page's own wording does not contradict the order: a sentence (or a list item)
  that names a situation of the order and then a number must name first a number of that
  situation, and every number of it (a drowning child: 114 and 115, not 114 alone). A sentence
  that names no situation is read under its heading ("When a child is drowning"), and so is a
  `<!-- phones: 111 113 -->` list (its numbers are called in that order).

    python scripts/phones/emergency.py [--format text|json|github] [docs]
    exit 0 clean, 1 contradictions or bad data, 2 misuse
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Problem, Text  # noqa: E402
from scripts.core.located_yaml import LocDict, LocList, load  # noqa: E402
from scripts.core.checkkit import code_lines  # noqa: E402
from scripts.phones.registry import PHONES_FILE  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("vi", "en")
TOOL = "emergency"

_MARKER = re.compile(r"^[ \t]*<!--[ \t]*emergency[ \t]*(?::[ \t]*(?P<steps>[a-z0-9][a-z0-9 ,-]*?))?[ \t]*-->[ \t]*$")
_NEAR_MARKER = re.compile(r"<!--\s*emergenc", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]*\{[^}]*\})?[ \t]*$")
_CODE_SPAN = re.compile(r"`[^`]*`")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:")
_PHONES_MARKER = re.compile(r"^<!--\s*phones\s*:\s*([0-9][0-9 ,]*?)\s*-->$")
# A sentence ends at . ! ? or ; followed by a space (footnote marks and bold markers after the
# stop are dropped first), and a list item, heading or blank line always ends one.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+")

UI = {
    "vi": {"call": "Gọi", "and": "và"},
    "en": {"call": "Call", "and": "and"},
}
# A sentence read under its heading must tell the reader to call ("The 111 hotline is free" only
# describes the number).
CALL_WORDS = {"vi": ("gọi", "bấm số"), "en": ("call", "ring", "phone", "dial")}


class OrderError(ValueError):
    """The order in data/phones.yml is inconsistent; the message names the line (vi / en)."""


@dataclass(frozen=True)
class Step:
    number: int                      # 1 = the first situation listed
    key: str                         # "danger-now": how a marker names the step
    situation: dict[str, str]        # {"vi": …, "en": …}
    words: dict[str, tuple[str, ...]]
    calls: tuple[str, ...]           # the numbers to call, first one first
    names: dict[str, tuple[str, ...]]  # the numbers' names per language, same order as calls


def _err(line: int, vi: str, en: str, path: Path) -> OrderError:
    where = checkkit.display_path(path)
    return OrderError(f"{where}:{line}: {vi} / {en}")


def load_order(path: Path = PHONES_FILE) -> list[Step]:
    """The emergency order from data/phones.yml, steps in order. Raises OrderError."""
    data, problem = load(path)
    if problem:
        raise _err(problem.line, f"không đọc được tệp: {problem.detail}",
                   f"cannot read the file: {problem.detail}", path)
    if not isinstance(data, LocList):
        raise _err(1, "cần một danh sách các số", "expected a list of numbers", path)
    defined: dict[int, tuple[LocDict, LocDict]] = {}
    also: dict[int, list[tuple[LocDict, LocDict]]] = {}
    for i, item in enumerate(data):
        if not isinstance(item, LocDict) or "emergency" not in item:
            continue
        entries = item["emergency"]
        if not isinstance(entries, LocList):
            raise _err(item.line_of("emergency"), "'emergency' phải là một danh sách các bước",
                       "'emergency' must be a list of steps", path)
        for j, entry in enumerate(entries):
            line = entries.line_of(j)
            if not isinstance(entry, LocDict) or not isinstance(entry.get("step"), int) \
                    or isinstance(entry.get("step"), bool) or entry["step"] < 1:
                raise _err(line, "mỗi bước cần 'step: <số từ 1>'",
                           "each step needs 'step: <a number from 1>'", path)
            step = entry["step"]
            if entry.get("also") is True:
                if "situation" in entry or "words" in entry or "key" in entry:
                    raise _err(line, f"bước {step} có 'also: true' thì không tả lại tình huống "
                               "(tình huống ghi ở số được gọi trước)",
                               f"step {step} with 'also: true' must not describe the situation again "
                               "(it is described on the number called first)", path)
                also.setdefault(step, []).append((item, entry))
                continue
            if not isinstance(entry.get("key"), str) or not re.fullmatch(r"[a-z][a-z0-9-]*", entry["key"]):
                raise _err(line, f"bước {step} cần 'key:' (chữ thường không dấu, gạch nối, ví dụ danger-now)",
                           f"step {step} needs a 'key:' (lower-case letters and hyphens, e.g. danger-now)", path)
            for key in ("situation", "words"):
                value = entry.get(key)
                if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGS):
                    raise _err(entry.line_of(key) if key in entry else line,
                               f"bước {step}: thiếu '{key}' tiếng Việt hoặc tiếng Anh",
                               f"step {step}: '{key}' needs both 'vi' and 'en'", path)
            for lang in LANGS:
                words = entry["words"][lang]
                if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                    raise _err(entry["words"].line_of(lang),
                               f"bước {step}: 'words.{lang}' phải là danh sách cụm từ",
                               f"step {step}: 'words.{lang}' must be a list of phrases", path)
            if step in defined:
                raise _err(line, f"bước {step} được tả hai lần (ở số {defined[step][0].get('number')} "
                           f"và {item.get('number')}); số gọi thêm ghi 'also: true'",
                           f"step {step} is described twice (numbers {defined[step][0].get('number')} "
                           f"and {item.get('number')}); mark the number called as well 'also: true'", path)
            defined[step] = (item, entry)
    for step, pairs in also.items():
        if step not in defined:
            raise _err(pairs[0][1].line, f"bước {step} chỉ có số gọi thêm ('also: true'), chưa có "
                       "số gọi trước cùng lời tả tình huống",
                       f"step {step} has only numbers called as well ('also: true'), no number "
                       "called first with the situation", path)
    if not defined:
        raise _err(1, "chưa có thứ tự gọi khẩn cấp ('emergency:' ở các số)",
                   "no emergency order yet ('emergency:' on the numbers)", path)
    expected = list(range(1, len(defined) + 1))
    if sorted(defined) != expected:
        missing = sorted(set(expected) - set(defined))
        raise _err(1, f"các bước phải đánh số liền nhau từ 1; thiếu bước {missing}",
                   f"steps must be numbered 1, 2, 3… without gaps; missing {missing}", path)
    steps = []
    for number in expected:
        first, entry = defined[number]
        callers = [first] + [item for item, _ in also.get(number, [])]
        steps.append(Step(
            number=number,
            key=str(entry["key"]),
            situation={lang: str(entry["situation"][lang]).strip() for lang in LANGS},
            words={lang: tuple(w.strip() for w in entry["words"][lang]) for lang in LANGS},
            calls=tuple(str(item.get("number")) for item in callers),
            names={lang: tuple(str((item.get("name") or {}).get(lang, "")) for item in callers)
                   for lang in LANGS},
        ))
    return steps


# ----------------------------------------------------------------------------------------------
# The generated list
# ----------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """Plain text from the data file, safe inside Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_order(steps: list[Step], lang: str) -> str:
    """A numbered Markdown list: situation, then the numbers to call as tel: links.

    Markdown rather than raw HTML, so that the list stays a real list inside an admonition
    ("!!! danger") too, where Python-Markdown would wrap raw HTML in a paragraph."""
    ui = UI.get(lang, UI["en"])
    items = []
    for i, step in enumerate(steps, 1):
        calls = []
        for number, name in zip(step.calls, step.names[lang]):
            label = f" – {_md(name)}" if name else ""
            calls.append(f"**[{number}](tel:{number})**{label}")
        joined = f" {ui['and']} ".join(calls)
        items.append(f"{i}. {_md(step.situation[lang])}: {ui['call'].lower()} {joined}.")
    return "\n".join(items)


def _select(steps: list[Step], spec: str | None) -> list[Step]:
    if not spec:
        return list(steps)
    by_name = {s.key: s for s in steps} | {str(s.number): s for s in steps}
    wanted, unknown = [], []
    for name in re.split(r"[ ,]+", spec.strip()):
        (wanted if name in by_name else unknown).append(name)
    if unknown:
        known = ", ".join(s.key for s in steps)
        raise ValueError(f"bước {', '.join(unknown)} không có trong thứ tự khẩn cấp (có: {known}) / "
                         f"unknown step {', '.join(unknown)} in the emergency order (known: {known})")
    chosen = {by_name[n].number for n in wanted}
    return [s for s in steps if s.number in chosen]  # always in the site's order


def fill(markdown: str, steps: list[Step], lang: str, where: str) -> str:
    """Replace each `<!-- emergency -->` line with the list. Raises ValueError (file:line)."""
    lines = markdown.split("\n")
    skip = code_lines(lines)
    out = []
    for i, line in enumerate(lines):
        m = None if i in skip else _MARKER.match(line)
        if m:
            try:
                chosen = _select(steps, m.group("steps"))
            except ValueError as exc:
                raise ValueError(f"{where}:{i + 1}: {exc}") from exc
            indent = line[: len(line) - len(line.lstrip())]
            out += ["", *(indent + part for part in render_order(chosen, lang).split("\n")), ""]
        elif i not in skip and _NEAR_MARKER.search(_CODE_SPAN.sub("", line)):
            raise ValueError(f"{where}:{i + 1}: dấu '<!-- emergency -->' viết sai, viết trên một dòng "
                             "riêng / malformed '<!-- emergency -->' marker; write it on a line of its own")
        else:
            out.append(line)
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------
# The contradiction check
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    line: int         # 1-based line where the sentence starts
    text: str
    heading: str      # the nearest heading above it
    marker: bool = False  # a `<!-- phones: … -->` list: its numbers are called in that order


def _clean(text: str) -> str:
    """Markdown to plain words: links keep their text, emphasis and tags go."""
    text = _CODE_SPAN.sub(" ", text)
    text = re.sub(r"\[\^[^\]]+\]", "", text)                    # footnote references
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)      # links, images
    text = re.sub(r"\{[^}]*\}", "", text)                        # attribute lists
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()


def sentences(markdown: str) -> list[Sentence]:
    """The prose of a page, sentence by sentence, with line numbers and headings.

    Front matter, code, markers and footnote definitions are left out. A list item is always a
    sentence of its own (it starts a new one)."""
    lines = markdown.split("\n")
    skip = code_lines(lines)
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            skip |= set(range(0, end + 1))
    out: list[Sentence] = []
    heading = ""
    buf: list[tuple[int, str]] = []

    def flush() -> None:
        if not buf:
            return
        buf[:] = [(n, re.sub(r"\*\*|__|\[\^[^\]]+\]", "", t)) for n, t in buf]
        joined, first = "", buf[0][0]
        offsets = []
        for number, text in buf:
            offsets.append((len(joined), number))
            joined += text + " "
        pos = 0
        for part in _SENTENCE_END.split(joined):
            at = joined.find(part, pos)
            pos = at + len(part)
            line = first
            for offset, number in offsets:
                if offset <= at:
                    line = number
            cleaned = _clean(part)
            if cleaned:
                out.append(Sentence(line, cleaned, heading))
        buf.clear()

    for i, raw in enumerate(lines):
        if i in skip:
            flush()
            continue
        text = raw.strip()
        # admonition titles and bodies: the title line counts as a heading for what follows
        adm = re.match(r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+\w+(?:[ \t]+"(?P<title>[^"]*)")?', raw)
        h = _HEADING.match(text)
        listed = _PHONES_MARKER.match(text)
        if listed:
            flush()
            out.append(Sentence(i + 1, " ".join(re.split(r"[ ,]+", listed.group(1).strip())),
                                heading, marker=True))
            continue
        if not text or _FOOTNOTE_DEF.match(text) or text.startswith("<!--"):
            flush()
            continue
        if h:
            flush()
            heading = _clean(h.group("text"))
            continue
        if adm:
            flush()
            heading = adm.group("title") or heading
            continue
        if _LIST_ITEM.match(raw):
            flush()
            text = _LIST_ITEM.sub("", raw).strip()
        buf.append((i + 1, text))
    flush()
    return out


def _find(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    low = text.casefold()
    spans = []
    for phrase in phrases:
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase.casefold()) + r"(?!\w)", low):
            spans.append((m.start(), m.end()))
    return spans


def _situations(text: str, steps: list[Step], lang: str) -> dict[int, list[tuple[int, int]]]:
    """Step number -> where its words occur in `text`. A phrase inside a longer phrase of another
    step does not count ("cần cấp cứu" inside "không cần cấp cứu")."""
    spans = [(span, s.number) for s in steps for span in _find(text, s.words[lang])]
    kept: dict[int, list[tuple[int, int]]] = {}
    for (start, end), number in spans:
        inside_longer = any(o != number and os <= start and end <= oe and (oe - os) > (end - start)
                            for (os, oe), o in spans)
        if not inside_longer:
            kept.setdefault(number, []).append((start, end))
    return kept


def _numbers(text: str, known: set[str]) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"(?<![\w/.])\d{3}(?![\w/])", text)
            if m.group(0) in known]


def _gap(a: tuple[int, int], b: int) -> int:
    return 0 if a[0] <= b < a[1] else min(abs(b - a[0]), abs(b - a[1]))


def contradictions(markdown: str, steps: list[Step], lang: str, where: str) -> list[Problem]:
    """Every sentence of a page that names a situation and calls the wrong number first, or
    leaves out a number the order calls for it."""
    known = {n for s in steps for n in s.calls}
    problems = []
    for sentence in sentences(markdown):
        nums = _numbers(sentence.text, known)
        if not nums:
            continue
        found = _situations(sentence.text, steps, lang)
        context = ""
        if not found:
            # no situation in the sentence: read it under its heading, if that names exactly one
            # (not the last step: "everything else" is no heading's situation)
            by_heading = [n for n in _situations(sentence.heading, steps, lang) if n != len(steps)]
            calls = sentence.marker or _find(sentence.text, CALL_WORDS.get(lang, CALL_WORDS["en"]))
            if len(by_heading) != 1 or not calls:
                continue
            found = {by_heading[0]: [(-1, -1)]}
            context = sentence.heading
        # each number belongs to the situation named nearest to it in the sentence
        assigned: dict[int, list[str]] = {k: [] for k in found}
        for pos, number in nums:
            nearest = min(found, key=lambda k: min(_gap(span, pos) if span[0] >= 0 else 0
                                                  for span in found[k]))
            assigned[nearest].append(number)
        for step_number, called in assigned.items():
            if not called:
                continue
            step = steps[step_number - 1]
            first_ok = called[0] in step.calls
            missing = [n for n in step.calls if n not in called]
            if first_ok and not missing:
                continue
            order = " + ".join(step.calls)
            said = ", ".join(called)
            heading_vi = f" (dưới tiêu đề \"{context}\")" if context else ""
            heading_en = f" (under the heading \"{context}\")" if context else ""
            problems.append(Problem(
                where, sentence.line, "emergency.order",
                Text(f"{'Danh sách số' if sentence.marker else 'Câu'}{heading_vi} nói về \"{step.situation['vi']}\" nhưng gọi {said}; thứ tự "
                     f"khẩn cấp của trang là gọi {order}: \"{sentence.text}\"",
                     f"{'This list of numbers' if sentence.marker else 'This sentence'}{heading_en} is about \"{step.situation['en']}\" but calls {said}; "
                     f"the site's emergency order is to call {order}: \"{sentence.text}\""),
                Text(f"Viết lại câu để gọi {order} trước (xem data/phones.yml, 'emergency:'), hoặc "
                     "dùng dấu '<!-- emergency -->' để chèn danh sách chung.",
                     f"Rewrite the sentence to call {order} first (see data/phones.yml, "
                     "'emergency:'), or use the '<!-- emergency -->' marker to insert the shared list."),
            ))
    return problems


def _lang_of(path: Path, docs: Path) -> str:
    try:
        first = path.resolve().relative_to(docs.resolve()).parts[0]
    except (ValueError, IndexError):
        return "vi"
    return first if first in LANGS else "vi"


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(
        prog="emergency.py",
        description="Check that no page contradicts the emergency order in data/phones.yml.")
    parser.add_argument("docs", nargs="?", default=str(ROOT / "docs"))
    parser.add_argument("--phones", default=str(PHONES_FILE), help="phone registry (data/phones.yml)")
    checkkit.add_format_option(parser)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    docs = Path(args.docs)
    if not docs.is_dir():
        return checkkit.misuse(TOOL, Text(f"{docs}: không phải thư mục.", f"{docs}: not a folder."))
    try:
        steps = load_order(Path(args.phones))
    except OrderError as exc:
        print(exc)
        return checkkit.EXIT_PROBLEMS
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        where = checkkit.display_path(path)
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += contradictions(text, steps, _lang_of(path, docs), where)
        try:
            fill(text, steps, _lang_of(path, docs), where)
        except ValueError as exc:
            line = int(re.search(r":(\d+):", str(exc)).group(1))
            problems.append(Problem(where, line, "emergency.marker", Text(str(exc), str(exc)),
                                    Text("Viết '<!-- emergency -->' hoặc '<!-- emergency: danger-now hurt -->'.",
                                         "Write '<!-- emergency -->' or '<!-- emergency: danger-now hurt -->'.")))
    return checkkit.emit(problems, args.format, TOOL, checked=f"{docs}")


if __name__ == "__main__":
    sys.exit(main())
