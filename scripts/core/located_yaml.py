"""Read a YAML data file and remember the line of every mapping key and list item.

Errors about data must name the line an editor has to fix, so the loader keeps line numbers:
mappings load as `LocDict` (`.line`, `.key_lines`), lists as `LocList` (`.line`,
`.item_lines`). Two more differences from `yaml.safe_load`, both to keep bad input
reportable instead of crashing:

- dates stay strings ("2024-02-31" would otherwise raise a bare ValueError while loading);
  the caller parses them and reports impossible dates with their line;
- a key written twice in one mapping is recorded in `.duplicates` (YAML would silently keep
  the last one).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class LocDict(dict):
    line: int = 0
    key_lines: dict
    duplicates: list        # [(key, line), ...]

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LocList(list):
    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(yaml.SafeLoader):
    pass


# No implicit timestamps: "2024-09-30" stays the string the editor wrote.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    data = LocDict()
    data.line = node.start_mark.line + 1
    data.key_lines, data.duplicates = {}, []
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark)
        line = key_node.start_mark.line + 1
        if key in data:
            data.duplicates.append((key, line))
        data.key_lines[key] = line
        data[key] = loader.construct_object(value_node, deep=True)


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):
    data = LocList()
    data.line = node.start_mark.line + 1
    data.item_lines = [item.start_mark.line + 1 for item in node.value]
    yield data
    data.extend(loader.construct_object(item, deep=True) for item in node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


@dataclass(frozen=True)
class YamlProblem:
    """Why a file could not be read: line (1-based, 0 if unknown) and the parser's words."""
    line: int
    detail: str


def load(path: Path) -> tuple[object, YamlProblem | None]:
    """(data, None) on success, (None, problem) when the file is missing or not valid YAML."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, YamlProblem(0, str(exc))
    return loads(text)


def loads(text: str) -> tuple[object, YamlProblem | None]:
    try:
        return yaml.load(text, Loader=_Loader), None  # noqa: S506 (SafeLoader subclass)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        detail = " ".join(part for part in (exc.context, exc.problem) if part)
        return None, YamlProblem(line, detail or str(exc))
    except yaml.YAMLError as exc:
        return None, YamlProblem(0, str(exc))
    except RecursionError:        # "[[[[…" thousands deep
        return None, YamlProblem(1, "nested too deeply / lồng quá sâu")
