"""Phone numbers in Markdown pages come from data/phones.yml, never retyped.

An editor writes a marker on a line of its own:

    <!-- phones -->                  every number in the registry, in its order
    <!-- phones: 111 113 115 -->     these numbers, in this order

and the build (scripts/phones/hook_phones.py) replaces it with a list in the page's language: each
number as a tel: link with its name, when to call it and its source. The marker is an HTML
comment, so any other Markdown viewer simply shows nothing there.

The same module checks, at build time, every number written by hand in a page with the phone rules
of scripts/phones/phone_text.py (tel: and sms: links, digits, "1-1-2", "một – một – hai", a named
service with its own number). Run it on its own to check the sources:

    python scripts/phones/phone_markers.py [docs]      exit 0 clean, 1 problems found, 2 misuse
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.core.checkkit import code_lines  # noqa: E402
from scripts.phones.phone_text import check_text  # noqa: E402
from scripts.phones.registry import PHONES_FILE, DataError, Phone, load_phones  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# A marker: the whole line. Anything that starts like a marker but does not match is an error.
_MARKER = re.compile(r"^[ \t]*<!--[ \t]*phones[ \t]*(?::[ \t]*(?P<numbers>[0-9][0-9 ,]*?))?[ \t]*-->[ \t]*$")
_NEAR_MARKER = re.compile(r"<!--\s*phones?\b", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`[^`]*`")

UI = {
    "vi": {"call": "Gọi ", "source": "Nguồn: "},
    "en": {"call": "Call ", "source": "Source: "},
}


class MarkerError(ValueError):
    """A marker or tel: link that cannot be filled; the message names file and line (vi / en)."""


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def render_list(phones: list[Phone], lang: str) -> str:
    """HTML list of the numbers (one block, no blank lines, so Markdown leaves it as it is)."""
    ui = UI.get(lang, UI["en"])
    items = []
    for p in phones:
        items.append(
            '<li class="phone-list__item">'
            f'<a class="phone-list__call" href="tel:{escape(p.number)}">'
            f'<span class="visually-hidden">{ui["call"]}</span>'
            f'<span class="phone-list__number">{escape(p.number)}</span> '
            f'<span class="phone-list__label"><span class="phone-list__name">{escape(p.name[lang])}</span> '
            f'<span class="phone-list__short">{escape(p.short[lang])}</span></span></a>'
            f'<p class="phone-list__when">{escape(p.when[lang])}</p>'
            f'<p class="phone-list__source">{ui["source"]}{escape(p.source[lang])}</p>'
            "</li>"
        )
    return '<ul class="phone-list">\n' + "\n".join(items) + "\n</ul>"


def _select(registry: list[Phone], numbers: str | None) -> list[Phone]:
    if not numbers:
        return list(registry)
    by_number = {p.number: p for p in registry}
    chosen, unknown = [], []
    for n in re.split(r"[ ,]+", numbers.strip()):
        if n in by_number:
            chosen.append(by_number[n])
        else:
            unknown.append(n)
    if unknown:
        known = ", ".join(by_number)
        raise MarkerError(
            f"số {', '.join(unknown)} không có trong {PHONES_FILE.name} (có: {known}); "
            f"thêm số vào tệp dữ liệu kèm nguồn, hoặc sửa lỗi đánh máy / "
            f"{', '.join(unknown)} is not in {PHONES_FILE.name} (known: {known}); add it there "
            "with its source, or fix the typo"
        )
    return chosen


def check(markdown: str, registry: list[Phone], where: str) -> list[Problem]:
    """Every marker and every number of a page, checked against the registry."""
    problems = []
    lines = markdown.split("\n")
    skip = code_lines(lines)
    for i, line in enumerate(lines):
        if i in skip:
            continue
        m = _MARKER.match(line)
        prose = _CODE_SPAN.sub("", line)  # `code` may quote a marker or a number as an example
        if m:
            try:
                _select(registry, m.group("numbers"))
            except MarkerError as exc:
                problems.append(Problem(where, i + 1, str(exc)))
        elif _NEAR_MARKER.search(prose):
            problems.append(Problem(
                where, i + 1,
                "dấu đánh dấu số điện thoại viết sai; viết '<!-- phones -->' hoặc "
                "'<!-- phones: 111 113 -->' trên một dòng riêng / malformed phone marker; write "
                "'<!-- phones -->' or '<!-- phones: 111 113 -->' on a line of its own",
            ))
    problems += _number_problems(lines, skip, registry, where)
    return sorted(problems, key=lambda p: p.line)


def _number_problems(lines: list[str], skip: set[int], registry: list[Phone], where: str) -> list[Problem]:
    """The phone rules of scripts/phones/phone_text.py on each paragraph of prose (code blocks and
    `code spans` left out): tel:/sms: links, digits, spelled numbers, named services."""
    problems: list[Problem] = []
    block: list[int] = []

    def flush() -> None:
        if not block:
            return
        texts = [_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), lines[i]) for i in block]
        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + 1
        for f in check_text("\n".join(texts), registry):
            i = max(0, bisect.bisect_right(starts, f.start) - 1)
            problems.append(Problem(where, block[i] + 1,
                                    f"{f.what.vi} {f.fix.vi} / {f.what.en} {f.fix.en}"))
        block.clear()

    for i, line in enumerate(lines):
        if i in skip or not line.strip():
            flush()
        else:
            block.append(i)
    flush()
    return problems


def fill(markdown: str, registry: list[Phone], lang: str, where: str) -> str:
    """Replace each marker line with the list of its numbers. Raises MarkerError on a bad page."""
    problems = check(markdown, registry, where)
    if problems:
        raise MarkerError("\n".join(str(p) for p in problems))
    lines = markdown.split("\n")
    skip = code_lines(lines)
    out = []
    for i, line in enumerate(lines):
        m = None if i in skip else _MARKER.match(line)
        if m:
            chosen = _select(registry, m.group("numbers"))
            indent = line[: len(line) - len(line.lstrip())]  # kept: works inside admonitions
            out += ["", *(indent + part for part in render_list(chosen, lang).split("\n")), ""]
        else:
            out.append(line)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("usage: python scripts/phones/phone_markers.py [docs-folder]", file=sys.stderr)
        return 2
    docs = Path(args[0]) if args else ROOT / "docs"
    if not docs.is_dir():
        print(f"{docs}: không phải thư mục / not a folder", file=sys.stderr)
        return 2
    try:
        registry = load_phones()
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        try:
            where = path.resolve().relative_to(ROOT).as_posix()
        except ValueError:
            where = str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(where, 1, f"không đọc được tệp, hãy lưu lại bằng UTF-8 / cannot read the "
                                              f"file, save it as UTF-8 ({exc})"))
            continue
        problems += check(text, registry, where)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} lỗi số điện thoại / phone problems", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
