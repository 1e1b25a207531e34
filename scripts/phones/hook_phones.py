"""MkDocs hook: fill `<!-- phones -->` markers from data/phones.yml and refuse tel: links to
numbers that are not in it (logic in scripts/phones/phone_markers.py); fill `<!-- emergency -->`
markers with the site's one emergency order (scripts/phones/emergency.py); before anything is
built, refuse a wrong or unregistered number in the data files that become pages
(scripts/phones/check_phones.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import checkkit  # noqa: E402
from scripts.phones import check_phones, emergency, phone_markers  # noqa: E402
from scripts.core.build_lang import page_language  # noqa: E402
from scripts.phones.registry import DataError, load_phones  # noqa: E402


def on_pre_build(config):
    try:
        registry = load_phones()
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    problems = check_phones.check_data(check_phones.page_data_files(ROOT), registry, ROOT)
    if problems:
        raise PluginError(checkkit.format_text(checkkit.merge_duplicates(problems), check_phones.TOOL))


def on_config(config):
    try:
        config.extra["emergency_order"] = emergency.load_order()
    except emergency.OrderError as exc:
        raise PluginError(str(exc)) from exc
    return config


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
    order = config.extra.get("emergency_order") or emergency.load_order()
    try:
        emergency.fill(markdown, order, lang, where)  # errors name the source's own lines
        markdown = phone_markers.fill(markdown, registry, lang, where)
        return emergency.fill(markdown, order, lang, where)
    except (phone_markers.MarkerError, ValueError) as exc:
        raise PluginError(str(exc)) from exc
