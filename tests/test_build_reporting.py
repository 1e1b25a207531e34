"""Build tests for reporting abuse (issue 5): phone numbers from the registry, quick exit."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import ROOT
from scripts.phones import load_phones

REGISTRY = {p.number: p for p in load_phones()}
REPORTING = ["bao-tin/", "en/bao-tin/"]
CHILDREN = ["bao-tin/danh-cho-tre-em/", "en/bao-tin/danh-cho-tre-em/"]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV; its value does not matter here."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def configured_destination() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return config["extra"]["quick_exit"]["url"]


def front_matter(page_url: str) -> dict:
    lang, path = ("en", page_url[3:]) if page_url.startswith("en/") else ("vi", page_url)
    text = (ROOT / "docs" / lang / path / "index.md").read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}


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


def test_the_opted_in_pages_are_the_reporting_and_children_pages(content_pages):
    opted = sorted(p.url for p in content_pages if front_matter(p.url).get("quick_exit") is True)
    assert opted == sorted(REPORTING + CHILDREN)


def test_quick_exit_only_on_opted_in_pages_and_it_leads_to_the_configured_page(content_pages):
    destination = configured_destination()
    for p in content_pages:
        exits = [l for l in p.links if l.tag == "a" and "quick-exit__button" in l.attrs.get("class", "")]
        scripts = [l for l in p.links if l.tag == "script" and l.value.endswith("quick-exit.js")]
        if front_matter(p.url).get("quick_exit") is True:
            assert len(exits) == 1, p.url
            assert exits[0].value == destination
            assert "noreferrer" in exits[0].attrs.get("rel", "")
            assert len(scripts) == 1, p.url
            assert p.meta_one("referrer") == "same-origin"
        else:
            assert not exits and not scripts, p.url
            assert "referrer" not in p.meta


@pytest.mark.parametrize("url", REPORTING + CHILDREN)
def test_exit_button_is_the_first_link_of_the_page_before_the_skip_link(content_pages, url):
    html = by_url(content_pages)[url].path.read_text(encoding="utf-8")
    body = html[html.index("<body"):]
    first_link = re.search(r"<a\b[^>]*>", body).group(0)
    assert "quick-exit__button" in first_link
    assert body.index("quick-exit__button") < body.index('class="md-skip"')
    assert 'role="status"' in body[: body.index('class="md-skip"')]


@pytest.mark.parametrize("url", REPORTING + CHILDREN)
def test_opted_in_pages_say_the_button_does_not_erase_history(content_pages, url):
    text = by_url(content_pages)[url].path.read_text(encoding="utf-8")
    if lang_of(url) == "en":
        assert re.search(r"does(?:n't| not) delete your (?:browsing )?history", text)
    else:
        assert "không xóa lịch sử" in text
    assert "Shift" in text


def test_home_page_danger_box_links_to_the_reporting_page(content_pages):
    pages = by_url(content_pages)
    for url, text in (("", "Cách báo tin"), ("en/", "How to report")):
        html = pages[url].path.read_text(encoding="utf-8")
        box = html[html.index("admonition danger"):]
        box = box[: box.index("</div>")]
        assert re.search(rf'<a href="bao-tin/"[^>]*>{text}</a>', box), url
