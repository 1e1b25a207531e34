"""MkDocs hooks for the quick-exit button (logic in scripts/quick_exit/button.py).

Material has no template block before its skip link, so the button is rendered from
overrides/partials/quick-exit.html and placed first in <body> here, on opted-in pages only.
The script and the referrer policy go in the <head> through overrides/main.html.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.quick_exit import button as quick_exit  # noqa: E402
from scripts.core.build_lang import page_language  # noqa: E402

PARTIAL = "partials/quick-exit.html"


def _source(page) -> str:
    return Path(page.file.abs_src_path).resolve().relative_to(ROOT).as_posix()


def on_config(config):
    try:
        quick_exit.from_extra(config.extra, config.site_url)  # fail early on a bad destination
    except quick_exit.QuickExitError as exc:
        raise PluginError(str(exc)) from exc
    return config


def on_page_markdown(markdown, page, config, files):
    # Check the front matter early, so a typo fails the build with the file named.
    try:
        quick_exit.opted_in(page.meta, _source(page))
    except quick_exit.QuickExitError as exc:
        raise PluginError(str(exc)) from exc
    return markdown


def on_post_page(output, page, config):
    if not page.meta.get("quick_exit"):
        return output
    lang = page_language(page, config)
    template = config.theme.get_env().get_template(PARTIAL)
    destination = quick_exit.from_extra(config.extra, config.site_url)
    snippet = template.render(quick_exit=destination, lang=lang)
    try:
        return quick_exit.insert_first_in_body(output, snippet, _source(page))
    except quick_exit.QuickExitError as exc:
        raise PluginError(str(exc)) from exc
