"""The texts of the YAML data files that become pages, each with the line of every character.

The phone check and the content rules read data the way they read Markdown: as text a reader
will see, reported at the line an editor has to fix. `data_texts(path)` walks a data file and
yields every string value except identifiers, paths, dates and other values that are not prose
(NOT_TEXT_KEYS); `text.line_at(offset)` gives the source line of any character of the value,
also inside a multi-line block (`|`, `>-`) where YAML has joined or re-indented the lines.

DATA_FILES lists the data files whose texts become pages: every data/**/*.yml except the lists
of addresses (urls.yml, redirects.yml).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import yaml

NOT_PAGE_TEXT = ("urls.yml", "redirects.yml")
# Values under these keys are identifiers, paths, dates, numbers or references, not prose.
NOT_TEXT_KEYS = frozenset({
    "id", "path", "number", "topic", "order", "lead", "partners", "section", "item", "kind",
    "date", "month", "day", "from", "url", "evidence", "as_of", "year", "state", "free", "hours",
    "generic", "confidence", "plan_year", "hotline", "words", "translation",
})
# Values under these keys are references when they are one word (bodies.yml `source:
# cap-huyen-2025`), and prose when they are {vi, en} texts (phones.yml `source:`).
REFERENCE_KEYS = frozenset({"source"})


def data_files(root: Path) -> list[Path]:
    """The data files whose texts become pages, in a stable order."""
    folder = root / "data"
    return sorted(p for p in folder.rglob("*.yml") if p.is_file() and p.name not in NOT_PAGE_TEXT)


@dataclass(frozen=True)
class DataText:
    keys: tuple                 # ("poster", "vi", "footer"), ("tasks", 3, "title", "en")
    value: str
    line: int                   # line of the value's first character
    char_lines: tuple           # source line of each character of `value`

    @property
    def lang(self) -> str | None:
        """"vi" or "en" when the text sits under such a key, else None."""
        return next((k for k in reversed(self.keys) if k in ("vi", "en")), None)

    @property
    def field(self) -> str:
        return ".".join(str(k) for k in self.keys)

    def line_at(self, offset: int) -> int:
        if not self.char_lines:
            return self.line
        return self.char_lines[max(0, min(offset, len(self.char_lines) - 1))]


class DataTextError(ValueError):
    def __init__(self, line: int, detail: str):
        super().__init__(detail)
        self.line, self.detail = line, detail

    def problem(self, shown: str):
        """The checks' one message for a data file that is not valid YAML."""
        from scripts.core.checkkit import Problem, Text
        return Problem(shown, self.line, "data.yaml",
                       Text(f"Tệp dữ liệu không phải YAML hợp lệ: {self.detail}.",
                            f"The data file is not valid YAML: {self.detail}."),
                       Text("Sửa dòng được chỉ ra (thụt lề, dấu ':' hoặc ngoặc kép).",
                            "Fix the line shown (indentation, a ':' or quotes)."))


def _char_lines(source: str, node: yaml.ScalarNode, line_starts: list[int]) -> tuple:
    """Align the value's characters with the source between the node's marks: each visible
    character is found in order; spaces take the line of the character before them."""
    value = node.value
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):                     # skip the block header ("|", ">-")
        newline = source.find("\n", start, end)
        start = newline + 1 if newline >= 0 else start
    elif node.style in ("'", '"'):
        start += 1
    lines, pos = [], start
    current = bisect.bisect_right(line_starts, start)
    for ch in value:
        if not ch.isspace():
            found = source.find(ch, pos, end)
            if found >= 0:
                pos = found + 1
                current = bisect.bisect_right(line_starts, found)
        lines.append(current)
    return tuple(lines)


def texts_of(source: str) -> list[DataText]:
    """Every prose string of a YAML document. Raises DataTextError(line, detail) on bad YAML."""
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(part for part in (exc.context, exc.problem) if part) or str(exc)
        raise DataTextError(mark.line + 1 if mark else 0, detail) from None
    except yaml.YAMLError as exc:
        raise DataTextError(0, str(exc)) from None
    line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
    out: list[DataText] = []

    def walk(node, keys: tuple, key: str | None) -> None:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                name = k.value if isinstance(k, yaml.ScalarNode) else None
                if name in NOT_TEXT_KEYS or (name in REFERENCE_KEYS and isinstance(v, yaml.ScalarNode)):
                    continue
                walk(v, keys + (name,), name)
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, keys + (i,), key)
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value.strip():
            out.append(DataText(keys, node.value, node.start_mark.line + 1,
                                _char_lines(source, node, line_starts)))

    if root is not None:
        walk(root, (), None)
    return out
