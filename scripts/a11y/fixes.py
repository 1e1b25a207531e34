"""Accessibility fixes to Material's markup where its templates offer no block to extend.

Material renders its search box as `role="dialog"` without a name, so a screen reader
announces just "dialog". The partial (partials/search.html) has no block, and copying it
would freeze Material's markup; instead the built page gets the one missing attribute.
If Material changes that markup, `name_search_dialog` reports it instead of failing silently.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_DIALOG_NAMES = {"vi": "Tìm kiếm trong trang web", "en": "Search this site"}


class MarkupChanged(RuntimeError):
    """Material's markup no longer looks as expected; the message says what to update."""


def name_search_dialog(html: str, locale: str) -> str:
    """Give Material's search dialog an accessible name in the page's language."""
    if 'data-md-component="search"' not in html:
        return html                      # a page without search (e.g. a redirect stub)
    if SEARCH_DIALOG not in html:
        raise MarkupChanged(
            "scripts/a11y/fixes.py: không tìm thấy hộp tìm kiếm của Material như mong đợi; hãy cập nhật "
            "SEARCH_DIALOG theo mã HTML mới / Material's search dialog markup changed: update "
            f"SEARCH_DIALOG to match it. Expected: {SEARCH_DIALOG}")
    name = SEARCH_DIALOG_NAMES.get(locale, SEARCH_DIALOG_NAMES["en"])
    return html.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{name}">', 1)
