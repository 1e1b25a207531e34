"""The page's own address on paper: "Bản in từ: https://…/bao-tin/" / "Printed from: …".

A printed page that is handed on (a notice board, a staff meeting, a photocopy of a photocopy)
should say where it comes from, so that the reader can find the current version. The build puts
one line, with the page's full public address (site_url + the page's path, MkDocs'
page.canonical_url), as the first thing in the page's <article>; the stylesheet
(docs/assets/stylesheets/site.css, "Print") hides it on screen and prints it under the hotline
bar, on page 1. A reader's own browser print carries it as much as `make pdf` does.

The address is text, not a link: on paper it is read, and the printed link addresses
(print_urls.py) are for links only. The language is the page's own (<html lang>).
Standard library only; the rest of the document is left byte for byte as it was.
"""

from __future__ import annotations

import html
import re

CSS_CLASS = "print-source"
LABEL = {"vi": "Bản in từ", "en": "Printed from"}
DEFAULT_LANG = "vi"
_ARTICLE = re.compile(r"<article\b[^>]*>")
_LANG = re.compile(r'<html\b[^>]*\blang="([A-Za-z-]+)"')


def source_line(page_url: str, lang: str) -> str:
    """The print-only line naming `page_url`, in `lang` (the site's default for any other)."""
    label = LABEL.get(lang, LABEL[DEFAULT_LANG])
    return (f'<p class="{CSS_CLASS}">{html.escape(label)}: '
            f'<span class="{CSS_CLASS}__url">{html.escape(page_url)}</span></p>')


def add_print_source(document: str, page_url: str) -> str:
    """`document` with the print-only line of its own address first in its <article>
    (unchanged when it has no <article>, or has the line already)."""
    if f'class="{CSS_CLASS}"' in document:
        return document
    article = _ARTICLE.search(document)
    if not article:
        return document
    lang = _LANG.search(document)
    code = lang.group(1).split("-")[0].lower() if lang else DEFAULT_LANG
    line = source_line(page_url, code)
    return document[:article.end()] + line + document[article.end():]
