"""MkDocs hook: fill `<!-- phones -->` markers from data/phones.yml and refuse tel: links to
numbers that are not in it (logic in scripts/phones/phone_markers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.phones import phone_markers  # noqa: E402
from scripts.core.build_lang import page_language  # noqa: E402
from scripts.phones.registry import DataError, load_phones  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    try:
        registry = config.extra.get("phones") or load_phones()
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    lang = page_language(page, config)
    where = Path(page.file.abs_src_path).resolve().relative_to(ROOT).as_posix()
    # Check the file as the editor wrote it, front matter included, so that a wrong tel: is
    # reported at its line in the .md file (`markdown` starts after the front matter).
    problems = phone_markers.check(page.file.content_string, registry, where)
    if problems:
        raise PluginError("\n".join(str(p) for p in problems))
    try:
        return phone_markers.fill(markdown, registry, lang, where)
    except phone_markers.MarkerError as exc:
        raise PluginError(str(exc)) from exc
