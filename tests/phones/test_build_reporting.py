"""Build tests for reporting abuse (issue 5): phone numbers from the registry on every page.

The quick-exit button on the same pages: tests/quick_exit/test_build_quick_exit.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from scripts.phones.registry import load_phones

REGISTRY = {p.number: p for p in load_phones()}
REPORTING = ["bao-tin/", "en/bao-tin/"]


def lang_of(url: str) -> str:
    return "en" if url.startswith("en/") else "vi"


def tel_links(page) -> list:
    return [l for l in page.links if l.tag == "a" and l.value.startswith("tel:")]


def by_url(content_pages):
    return {p.url: p for p in content_pages}


def test_every_page_in_both_languages_calls_111_with_a_name_that_says_so(content_pages):
    assert {lang_of(p.url) for p in content_pages} == {"vi", "en"}
    for p in content_pages:
        bar = [l for l in tel_links(p) if "hotline__link" in l.attrs.get("class", "")]
        assert len(bar) == 1 and bar[0].value == "tel:111", p.url
        label = bar[0].attrs.get("aria-label", "")
        hotline = REGISTRY["111"]
        if lang_of(p.url) == "en":
            assert label == f"Call 111: {hotline.name['en']}, {hotline.short['en']}", p.url
        else:
            assert label == f"Gọi 111: {hotline.name['vi']}, {hotline.short['vi']}", p.url


@pytest.mark.parametrize("url", REPORTING)
def test_reporting_page_has_every_number_to_call(content_pages, url):
    numbers = {l.value[4:] for l in tel_links(by_url(content_pages)[url])}
    assert {"111", "113", "114", "115"} <= numbers


def test_every_tel_link_in_the_site_is_a_number_of_the_registry(pages):
    wrong = [(p.url, l.value) for p in pages for l in tel_links(p) if l.value[4:] not in REGISTRY]
    assert not wrong


class _PhoneList(HTMLParser):
    """Reads the generated lists: [(number, name, when)]."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items, self._field = [], None

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class", "")
        if cls == "phone-list__item":
            self.items.append({"number": "", "name": "", "when": ""})
        for field in ("number", "name", "when"):
            if cls == f"phone-list__{field}":
                self._field = field

    def handle_endtag(self, tag):
        if tag in ("span", "p"):
            self._field = None

    def handle_data(self, data):
        if self._field and self.items:
            self.items[-1][self._field] += data


@pytest.mark.parametrize("url", REPORTING)
def test_the_numbers_list_on_the_reporting_page_is_filled_from_the_registry(content_pages, url):
    parser = _PhoneList()
    parser.feed(by_url(content_pages)[url].path.read_text(encoding="utf-8"))
    lang = lang_of(url)
    assert [i["number"] for i in parser.items] == ["111", "113", "115", "114"]
    for item in parser.items:
        phone = REGISTRY[item["number"]]
        assert item["name"] == phone.name[lang]
        assert item["when"] == phone.when[lang]


def test_home_page_danger_box_links_to_the_reporting_page(content_pages):
    pages = by_url(content_pages)
    for url, text in (("", "Cách báo tin"), ("en/", "How to report")):
        html = pages[url].path.read_text(encoding="utf-8")
        box = html[html.index("admonition danger"):]
        box = box[: box.index("</div>")]
        assert re.search(rf'<a href="bao-tin/"[^>]*>{text}</a>', box), url
