"""MkDocs hooks: accessibility fixes to Material's rendered markup (logic in scripts/a11y/fixes.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.a11y.fixes import name_search_dialog  # noqa: E402
from scripts.core.build_lang import languages, page_language  # noqa: E402


def on_post_page(output, page, config):
    return name_search_dialog(output, page_language(page, config))


@event_priority(10)  # before scripts/website/hook_website.py files each language's 404 page away
def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    return name_search_dialog(output, languages(config)[0])
