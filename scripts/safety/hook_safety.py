"""MkDocs hook: a page's front-matter `title` and `description` are text; make them HTML once.

Material prints `page.title` and `page.meta.title` into the page as they are (MkDocs' Jinja does
not autoescape), because a title MkDocs takes from the first heading is already HTML. A title
typed in the front matter is plain text, so it is escaped here, after every other hook has read
the page and before any template runs. It becomes a `Markup` string: Jinja's `| e` leaves it as
it is (no double escaping), `| striptags` gives the plain text back.
"""

from __future__ import annotations

import sys
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core.escaping import html_text  # noqa: E402

TEXT_FIELDS = ("title", "description")


@event_priority(-100)   # the last page event before the templates: other hooks read plain text
def on_page_content(html, page, config, files):
    meta = page.meta or {}
    for key in TEXT_FIELDS:
        value = meta.get(key)
        if value is not None and not isinstance(value, Markup):
            meta[key] = Markup(html_text(value))
    return html
