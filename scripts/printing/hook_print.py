"""MkDocs hook (mkdocs.yml `hooks:`): absolute link addresses for printing.

Adds data-print-url to the links in each page's text (see scripts/printing/print_urls.py); the print
styles in docs/assets/stylesheets/site.css show it after the link text on paper.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.printing.print_urls import add_print_urls  # noqa: E402


def on_post_page(output, page, config):
    if not page.canonical_url:  # no site_url: no absolute addresses to print
        return output
    return add_print_urls(output, page.canonical_url)
