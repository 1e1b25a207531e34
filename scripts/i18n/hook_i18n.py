"""MkDocs hook (mkdocs.yml `hooks:`): tell readers when an English page is behind its original.

For each page of a non-default language, compare the `translation: {source_hash: …}` recorded in
its front matter with the hash of the default-language file it translates (scripts/i18n/translation.py).
When they differ, the template gets `translation_notice` and overrides/partials/translation-notice.html
shows a notice linking to the original. Only hashes are compared: no git needed, so a shallow CI
clone builds the same site. A page without a marker gets no notice (the build cannot know how
old it is); scripts/i18n/check_i18n.py fails on it instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.i18n import translation  # noqa: E402
from scripts.core.build_lang import languages, page_language  # noqa: E402


def on_page_context(context, page, config, nav):
    context["translation_notice"] = None
    locale, default = page_language(page, config), languages(config)[1]
    if locale == default:
        return context
    prefix = f"{locale}/"
    src_uri = page.file.src_uri
    if not src_uri.startswith(prefix) or not page.url.startswith(prefix):
        return context
    original = Path(config.docs_dir) / default / src_uri[len(prefix):]
    state = translation.status(page.meta or {}, original)
    if state.state == "stale":
        original_url = page.url[len(prefix):]
        href = get_relative_url(original_url or ".", page.url)
        if (not original_url or original_url.endswith("/")) and not href.endswith("/"):
            href += "/"
        context["translation_notice"] = {
            "href": href,
            "lang": default,
        }
    return context
