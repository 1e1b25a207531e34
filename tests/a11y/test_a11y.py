"""scripts/a11y/fixes.py: the accessible name of Material's search dialog."""

from __future__ import annotations

import pytest

from scripts.a11y.fixes import SEARCH_DIALOG, MarkupChanged, name_search_dialog

PAGE = f'<header>{SEARCH_DIALOG}<label class="md-search__overlay"></label></div></header>'


@pytest.mark.parametrize("locale,name", [("vi", "Tìm kiếm trong trang web"), ("en", "Search this site")])
def test_names_the_search_dialog_in_the_page_language(locale, name):
    out = name_search_dialog(PAGE, locale)
    assert f'role="dialog" aria-label="{name}">' in out
    assert out.count("aria-label") == 1


def test_unknown_locale_falls_back_to_english():
    assert 'aria-label="Search this site"' in name_search_dialog(PAGE, "fr")


def test_page_without_search_is_left_alone():
    html = "<html><body><p>Redirecting…</p></body></html>"
    assert name_search_dialog(html, "vi") == html


def test_changed_material_markup_is_reported_not_ignored():
    changed = '<div class="md-search" data-md-component="search" role="dialog" tabindex="-1">'
    with pytest.raises(MarkupChanged, match="SEARCH_DIALOG"):
        name_search_dialog(changed, "vi")


def test_every_built_page_names_its_search_dialog(pages):
    for p in pages:
        html = p.path.read_text(encoding="utf-8")
        if 'data-md-component="search"' in html:
            expected = "Search this site" if p.lang == "en" else "Tìm kiếm trong trang web"
            assert f'role="dialog" aria-label="{expected}"' in html, p.url
