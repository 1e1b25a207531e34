"""MkDocs hook: write redirect stubs for moved pages (data/redirects.yml), in every language."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from scripts.core.build_lang import languages  # noqa: E402
from scripts.links.redirects import RedirectError, load_redirects, write_stubs  # noqa: E402


def on_post_build(config):
    lang, default = languages(config)
    prefix = "" if lang == default else f"{lang}/"
    try:
        # static-i18n keeps one site_dir; a non-default language lives in its sub-folder.
        write_stubs(Path(config.site_dir) / prefix, lang, prefix, config.site_url or "/",
                    config.extra["hotline"].number, load_redirects())
    except RedirectError as exc:
        raise PluginError(str(exc)) from None
