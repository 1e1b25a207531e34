"""The page's own address on paper (scripts/printing/print_source.py): one print-only line,
first in the page's <article>, in the page's language, the address escaped as text."""

from __future__ import annotations

import pytest

from scripts.printing import hook_print
from scripts.printing.print_source import add_print_source

PAGE = """<!doctype html>
<html lang="{lang}" class="no-js"><head><title>t</title></head><body>
<div class="md-banner">☎ 111</div>
<article class="md-content__inner md-typeset"><h1>Báo tin</h1><p>Văn bản.</p></article>
</body></html>
"""


@pytest.mark.parametrize("lang,label", [("vi", "Bản in từ"), ("en", "Printed from")])
def test_the_line_comes_first_in_the_article_in_the_page_language(lang, label):
    url = "https://example.org/tre-em/" + ("en/" if lang == "en" else "") + "bao-tin/"
    out = add_print_source(PAGE.format(lang=lang), url)
    start = out.index('<article class="md-content__inner md-typeset">')
    line = (f'<p class="print-source">{label}: '
            f'<span class="print-source__url">{url}</span></p>')
    assert out.index(line) == start + len('<article class="md-content__inner md-typeset">')
    assert out.count("print-source__url") == 1
    assert out.replace(line, "") == PAGE.format(lang=lang)        # nothing else changed


def test_an_unknown_language_gets_the_site_default_and_the_address_is_escaped():
    out = add_print_source(PAGE.format(lang="fr"), 'https://e.org/?a=1&b="2"<x>')
    assert 'Bản in từ: <span class="print-source__url">https://e.org/?a=1&amp;b=&quot;2&quot;&lt;x&gt;</span>' in out
    assert "<x>" not in out


def test_no_article_or_a_second_run_leaves_the_page_as_it_is():
    plain = "<html lang=\"vi\"><body><p>404</p></body></html>"
    assert add_print_source(plain, "https://e.org/") == plain
    once = add_print_source(PAGE.format(lang="vi"), "https://e.org/a/")
    assert add_print_source(once, "https://e.org/b/") == once


class _Page:
    def __init__(self, url):
        self.canonical_url = url


def test_hook_adds_link_addresses_and_the_own_address_and_nothing_without_site_url():
    page = PAGE.format(lang="en").replace("<p>Văn bản.</p>", '<p><a href="../hoi-dap/">FAQ</a></p>')
    out = hook_print.on_post_page(page, _Page("https://e.org/en/bao-tin/"), {})
    assert 'data-print-url="https://e.org/en/hoi-dap/"' in out
    assert 'Printed from: <span class="print-source__url">https://e.org/en/bao-tin/</span>' in out
    assert hook_print.on_post_page(page, _Page(None), {}) == page
