"""Split a Markdown page into its YAML front matter and its body, keeping the body's first line.

Shared by the FAQ pages, the school kit and the benchmarks' synthetic sites, so that "where a
page's text starts" is counted the same way wherever a line number is reported.
"""

from __future__ import annotations

import yaml


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """(front matter, body, line number where the body starts). Raises yaml.YAMLError when the
    front matter cannot be read (an impossible date such as 2024-02-31, or nesting thousands deep,
    included)."""
    if not text.startswith("---"):
        return {}, text, 1
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text, 1
    try:
        meta = yaml.safe_load(text[3:end]) or {}
    except ValueError as exc:    # PyYAML builds dates while loading: 2024-02-31 raises ValueError
        raise yaml.YAMLError(f"not a real date: {exc}") from None
    except RecursionError:       # "[[[[…" thousands deep
        raise yaml.YAMLError("nested too deeply") from None
    body_start = text.count("\n", 0, end + 4) + 1
    rest = text[end + 4:]
    if rest.startswith("\n"):
        rest = rest[1:]
        body_start += 1
    return (meta if isinstance(meta, dict) else {}), rest, body_start
