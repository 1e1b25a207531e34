"""What the three editor checks share: problems, output formats, front matter, exit codes.

check_links.py, check_i18n.py and check_content.py each find problems; this module says what a
problem is (file, line, what is wrong and how to fix it, in Vietnamese and English) and prints
them the same way everywhere:

- text (default): readable in a terminal, one block per problem;
- json: for tools;
- github: `::error file=…,line=…::…` workflow commands, which GitHub turns into annotations on
  the pull request's changed lines.

Exit codes are shared too: 0 clean, 1 problems found, 2 misuse (bad arguments, missing input).
Standard library and PyYAML only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, NoReturn, TextIO

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXIT_OK, EXIT_PROBLEMS, EXIT_MISUSE = 0, 1, 2
FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Text:
    """The same sentence in Vietnamese and English."""

    vi: str
    en: str


@dataclass
class Problem:
    file: str                 # repository-relative POSIX path, e.g. "docs/vi/bao-tin/index.md"
    line: int                 # 1-based; 0 when the problem is about the whole file
    code: str                 # stable identifier, e.g. "links.missing-anchor"
    what: Text                # what is wrong
    fix: Text                 # how to fix it
    column: int | None = None
    details: str = ""         # optional extra lines (a diff, a list of pages)
    count: int = 1            # identical problems merged into one (e.g. a theme link on every page)

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column or 0, self.code, self.what.en)


class Misuse(Exception):
    """Wrong arguments or missing input: exit code 2. The message is bilingual."""

    def __init__(self, text: Text):
        super().__init__(f"{text.vi} / {text.en}")
        self.text = text


# ----------------------------------------------------------------------------------------------
# Paths
# ----------------------------------------------------------------------------------------------

def display_path(path: Path, root: Path = ROOT) -> str:
    """`path` relative to the project root when it is inside it (what GitHub annotations need)."""
    path = Path(path)
    for base in (root, Path.cwd()):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def line_of(text: str, needle: str, start: int = 1) -> int:
    """First line number (1-based, at or after `start`) whose text contains `needle`; 0 if none."""
    for number, line in enumerate(text.splitlines(), 1):
        if number >= start and needle in line:
            return number
    return 0


# ----------------------------------------------------------------------------------------------
# Reading files and front matter (the same rules as MkDocs: a leading "---" block of YAML)
# ----------------------------------------------------------------------------------------------

_CODE_FENCE = re.compile(r"^[ \t]*(```|~~~)")


def code_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of fenced code blocks, fences included (examples there are not
    checked or filled). A fence closes only with the same marker (``` or ~~~) it opened with."""
    inside, fence, skip = False, "", set()
    for i, line in enumerate(lines):
        m = _CODE_FENCE.match(line)
        if m and (not inside or m.group(1) == fence):
            inside, fence = (not inside), m.group(1)
            skip.add(i)
        elif inside:
            skip.add(i)
    return skip


_FM_OPEN = re.compile(r"^-{3}[ \t]*$")
_FM_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")


@dataclass
class Source:
    """A Markdown file read for checking: its text and its front matter, or why it failed."""

    path: Path
    shown: str                                   # path as shown in messages
    text: str = ""
    meta: dict = field(default_factory=dict)
    has_front_matter: bool = False
    fm_end: int = 0                              # line of the closing "---" (0: none)
    problem: Problem | None = None               # unreadable file or broken front matter

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def key_line(self, key: str) -> int:
        """Line of a top-level front-matter key, else the first line of the front matter."""
        for number, line in enumerate(self.lines[: self.fm_end], 1):
            if re.match(rf"^{re.escape(key)}\s*:", line):
                return number
        return 1


def read_source(path: Path, root: Path = ROOT) -> Source:
    """Read a Markdown file and its front matter. Never raises: problems are recorded."""
    shown = display_path(path, root)
    src = Source(path=Path(path), shown=shown)
    try:
        src.text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        src.problem = Problem(
            shown, 0, "file.encoding",
            Text(f"Tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start}).",
                 f"The file is not UTF-8 (bad byte at offset {exc.start})."),
            Text("Lưu lại tệp với bảng mã UTF-8.", "Save the file again as UTF-8."))
        return src
    except OSError as exc:
        src.problem = Problem(
            shown, 0, "file.unreadable",
            Text(f"Không đọc được tệp: {exc.strerror or exc}.", f"Cannot read the file: {exc.strerror or exc}."),
            Text("Kiểm tra tệp còn tồn tại và có quyền đọc.", "Check that the file exists and is readable."))
        return src
    lines = src.text.split("\n")
    if not lines or not _FM_OPEN.match(lines[0].rstrip("\r")):
        return src
    src.has_front_matter = True
    end = next((i for i in range(1, len(lines)) if _FM_CLOSE.match(lines[i].rstrip("\r"))), None)
    if end is None:
        src.problem = Problem(
            shown, 1, "front-matter.unclosed",
            Text("Phần đầu trang (front matter) mở bằng '---' nhưng không có dòng '---' đóng lại.",
                 "The front matter opens with '---' but is never closed by a '---' line."),
            Text("Thêm một dòng '---' ngay sau dòng cuối của phần đầu trang (sau description:).",
                 "Add a '---' line right after the last front-matter line (after description:)."))
        return src
    src.fm_end = end + 1
    block = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line + 2) if mark else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        src.problem = Problem(
            shown, line, "front-matter.yaml",
            Text(f"Phần đầu trang (front matter) không phải YAML hợp lệ: {reason}.",
                 f"The front matter is not valid YAML: {reason}."),
            Text("Mỗi dòng có dạng 'khóa: giá trị'; đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép.",
                 "Each line is 'key: value'; put values that contain ':' or '#' in double quotes."))
        return src
    except ValueError as exc:    # PyYAML builds dates while loading: 2024-02-31 raises ValueError
        line = next((number for number, text in enumerate(lines[1:end], 2)
                     if _impossible_date(text)), 1)
        src.problem = Problem(
            shown, line, "front-matter.yaml",
            Text(f"Phần đầu trang (front matter) có ngày không có thật ({exc}).",
                 f"The front matter has a date that does not exist ({exc})."),
            Text("Viết một ngày có thật dạng YYYY-MM-DD, hoặc đặt giá trị trong ngoặc kép nếu không phải ngày.",
                 "Write a real date as YYYY-MM-DD, or put the value in double quotes if it is not a date."))
        return src
    except RecursionError:      # "[[[[…" thousands deep: the parser gives up
        src.problem = Problem(
            shown, 2, "front-matter.yaml",
            Text("Phần đầu trang (front matter) lồng quá sâu (hàng nghìn dấu '[' hoặc '{').",
                 "The front matter is nested too deeply (thousands of '[' or '{')."),
            Text("Mỗi dòng có dạng 'khóa: giá trị'; bỏ các dấu ngoặc thừa.",
                 "Each line is 'key: value'; remove the extra brackets."))
        return src
    if not isinstance(data, dict):
        src.problem = Problem(
            shown, 2, "front-matter.not-mapping",
            Text("Phần đầu trang (front matter) phải là các dòng 'khóa: giá trị'.",
                 "The front matter must be 'key: value' lines."),
            Text("Viết ví dụ: 'title: Tiêu đề' rồi 'description: Mô tả một dòng'.",
                 "Write for example 'title: The title' and 'description: A one-line summary'."))
        return src
    src.meta = data
    return src


_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")


def _impossible_date(text: str) -> bool:
    """Whether the line holds a YYYY-MM-DD that is not a real day (YAML fails on those)."""
    import datetime
    for match in _DATE.finditer(text):
        try:
            datetime.date(*(int(g) for g in match.groups()))
        except ValueError:
            return True
    return False


# ----------------------------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------------------------

def merge_duplicates(problems: Iterable[Problem]) -> list[Problem]:
    """One problem per (file, line, code, message); the others add to its `count`."""
    merged: dict[tuple, Problem] = {}
    for p in problems:
        key = (p.file, p.line, p.code, p.what)
        if key in merged:
            merged[key].count += p.count
        else:
            merged[key] = p
    return sorted(merged.values(), key=lambda p: p.sort_key)


def _where(p: Problem) -> str:
    where = p.file
    if p.line:
        where += f":{p.line}"
        if p.column:
            where += f":{p.column}"
    return where


def format_text(problems: list[Problem], tool: str, checked: str = "") -> str:
    out: list[str] = []
    for p in problems:
        times = f" (×{p.count})" if p.count > 1 else ""
        out.append(f"{_where(p)}: [{p.code}]{times}")
        out.append(f"    Lỗi: {p.what.vi}")
        out.append(f"    Sửa: {p.fix.vi}")
        out.append(f"    Problem: {p.what.en}")
        out.append(f"    Fix: {p.fix.en}")
        if p.details:
            out.extend("      " + line for line in p.details.rstrip("\n").splitlines())
        out.append("")
    files = len({p.file for p in problems})
    scope = f" ({checked})" if checked else ""
    if problems:
        out.append(f"{tool}: {len(problems)} lỗi trong {files} tệp / "
                   f"{len(problems)} problem(s) in {files} file(s){scope}.")
    else:
        out.append(f"{tool}: không có lỗi / no problems found{scope}.")
    return "\n".join(out) + "\n"


def format_json(problems: list[Problem], tool: str, checked: str = "") -> str:
    items = []
    for p in problems:
        item = asdict(p)
        item["message"] = item.pop("what")
        items.append(item)
    return json.dumps({"tool": tool, "ok": not problems, "checked": checked,
                       "problems": items}, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: list[Problem], tool: str, checked: str = "",
                  details_lines: int = 40) -> str:
    out = []
    for p in problems:
        props = [f"file={_gh_escape(p.file, True)}"]
        if p.line:
            props.append(f"line={p.line}")
            if p.column:
                props.append(f"col={p.column}")
        props.append(f"title={_gh_escape(f'{tool}: {p.code}', True)}")
        body = f"{p.what.vi}\nSửa: {p.fix.vi}\n\n{p.what.en}\nFix: {p.fix.en}"
        if p.count > 1:
            body += f"\n(×{p.count})"
        if p.details:
            lines = p.details.rstrip("\n").splitlines()
            extra = lines[:details_lines] + (["…"] if len(lines) > details_lines else [])
            body += "\n\n" + "\n".join(extra)
        out.append(f"::error {','.join(props)}::{_gh_escape(body)}")
    summary = format_text([], tool, checked) if not problems else (
        f"{tool}: {len(problems)} lỗi / {len(problems)} problem(s).\n")
    return "\n".join(out) + ("\n" if out else "") + summary


def emit(problems: list[Problem], fmt: str, tool: str, checked: str = "",
         stream: TextIO | None = None) -> int:
    """Print the problems in `fmt`; return the exit code (0 clean, 1 problems)."""
    stream = stream or sys.stdout
    problems = merge_duplicates(problems)
    formatter = {"text": format_text, "json": format_json, "github": format_github}[fmt]
    stream.write(formatter(problems, tool, checked))
    return EXIT_PROBLEMS if problems else EXIT_OK


# ----------------------------------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------------------------------

class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports misuse in both languages and exits 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: dùng sai lệnh / usage error: {message}\n")
        raise SystemExit(EXIT_MISUSE)


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="output: text (default), json, or github (annotations)")


def misuse(tool: str, text: Text) -> int:
    sys.stderr.write(f"{tool}: {text.vi}\n{tool}: {text.en}\n")
    return EXIT_MISUSE


class LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: unknown tags (!ENV, !!python/name:…) become their plain value."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


LenientLoader.add_multi_constructor("!", _any_tag)
LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def load_mkdocs_config(path: Path) -> dict:
    """mkdocs.yml as plain data (INHERIT is not followed). Raises Misuse if unreadable."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LenientLoader)
    except OSError as exc:
        raise Misuse(Text(f"Không đọc được {path}: {exc.strerror or exc}.",
                          f"Cannot read {path}: {exc.strerror or exc}.")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise Misuse(Text(f"{where}: YAML không hợp lệ.", f"{where}: invalid YAML.")) from None
    return data if isinstance(data, dict) else {}


def site_languages(config: dict) -> tuple[str, tuple[str, ...]]:
    """(default language, all languages) from the i18n plugin of mkdocs.yml; ("vi", ("vi", "en"))
    when the configuration does not say."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            langs = [l for l in plugin["i18n"].get("languages") or [] if isinstance(l, dict)]
            codes = tuple(str(l["locale"]) for l in langs if l.get("locale"))
            if codes:
                default = next((str(l["locale"]) for l in langs if l.get("default")), codes[0])
                return default, codes
    return "vi", ("vi", "en")
