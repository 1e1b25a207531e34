"""MkDocs hook: fill `<!-- phones -->` markers from data/phones.yml and refuse tel: links to
numbers that are not in it (logic in scripts/phones/phone_markers.py); fill `<!-- emergency -->`
markers with the site's one emergency order (scripts/phones/emergency.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.phones import emergency, phone_markers  # noqa: E402
from scripts.core.build_lang import page_language  # noqa: E402
from scripts.phones.registry import DataError, load_phones  # noqa: E402


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
    order = config.extra.get("emergency_order") or emergency.load_order()
    try:
        emergency.fill(markdown, order, lang, where)  # errors name the source's own lines
        markdown = phone_markers.fill(markdown, registry, lang, where)
        return emergency.fill(markdown, order, lang, where)
    except (phone_markers.MarkerError, ValueError) as exc:
        raise PluginError(str(exc)) from exc
