"""Build tests for reporting abuse (issue 5): phone numbers from the registry on every page.

The quick-exit button on the same pages: tests/quick_exit/test_build_quick_exit.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from scripts.phones.emergency import load_order
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
    # the details list follows the site's emergency order (data/phones.yml, `emergency:`)
    in_order = list(dict.fromkeys(n for step in load_order() for n in step.calls))
    assert [i["number"] for i in parser.items] == in_order == ["113", "115", "114", "111"]
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


@pytest.mark.parametrize("url", ["", "en/", "bao-tin/", "en/bao-tin/", "hoi-dap/cha-me/",
                                 "en/hoi-dap/cha-me/", "bao-tin/danh-cho-tre-em/",
                                 "en/bao-tin/danh-cho-tre-em/"])
def test_who_to_call_lists_follow_the_one_emergency_order(content_pages, url):
    """Home danger box, /bao-tin/, the parents' FAQ and the children's page: the generated list
    names 113 first, then 115, then 114 and 115, then 111 (issue 14)."""
    html = by_url(content_pages)[url].path.read_text(encoding="utf-8")
    steps = load_order()
    lang = lang_of(url)
    first = steps[0].situation[lang]
    start = html.index(first)
    items = re.findall(r"<li>(.*?)</li>", html[html.rindex("<ol>", 0, start):html.index("</ol>", start)],
                       re.S)
    called = [re.findall(r'href="tel:(\d+)"', item) for item in items]
    assert called == [["113"], ["115"], ["114", "115"], ["111"]], url


@pytest.mark.parametrize("url", ["tuyen-truyen/phong-chong-duoi-nuoc/", "en/tuyen-truyen/phong-chong-duoi-nuoc/"])
def test_drowning_topic_says_114_and_115(content_pages, url):
    html = by_url(content_pages)[url].path.read_text(encoding="utf-8")
    situation = load_order()[2].situation[lang_of(url)]
    item = html[html.index(situation):]
    item = item[: item.index("</li>")]
    assert re.findall(r'href="tel:(\d+)"', item) == ["114", "115"]
