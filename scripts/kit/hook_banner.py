"""MkDocs hook: the "Call 111" banner for other websites (logic in scripts/kit/banner.py).

Writes the banner SVGs (both languages, both sizes) into the built site once, on the default
language's pass, and puts the banners with their HTML snippets where a page has the line
`<!-- school-banner -->` (the school kit, /nha-truong/).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.kit import banner  # noqa: E402
from scripts.core.build_lang import languages, page_folder, page_language  # noqa: E402
from scripts.phones import DataError, load_phones  # noqa: E402


def _phones(config):
    try:
        phones = config.extra.get("phones") or load_phones()   # read once by hook_website
        banner.hotline(phones)
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return phones


def on_page_markdown(markdown, page, config, files):
    if banner.MARKER not in markdown:
        return markdown
    lang = page_language(page, config)
    return banner.fill(markdown, _phones(config), lang, config.site_url, page_folder(page, config, lang))


def on_post_build(config):
    lang, default = languages(config)
    if lang != default:
        return              # static-i18n's build of another language, into site/<lang>/
    try:
        banner.write_files(Path(config.site_dir), _phones(config))
    except DataError as exc:   # a name too long for the banner: the editor's message, no traceback
        raise PluginError(str(exc)) from exc
