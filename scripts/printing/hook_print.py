"""MkDocs hook (mkdocs.yml `hooks:`): what a page needs on paper.

- data-print-url on the links in each page's text (scripts/printing/print_urls.py); the print
  styles in docs/assets/stylesheets/site.css show it after the link text;
- the page's own address, "Bản in từ: …" / "Printed from: …" (scripts/printing/print_source.py),
  hidden on screen and printed under the hotline bar.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.printing.print_source import add_print_source  # noqa: E402
from scripts.printing.print_urls import add_print_urls  # noqa: E402


def on_post_page(output, page, config):
    if not page.canonical_url:  # no site_url: no absolute addresses to print
        return output
    return add_print_source(add_print_urls(output, page.canonical_url), page.canonical_url)
