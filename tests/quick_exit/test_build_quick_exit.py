"""Build tests for the quick-exit button on the reporting pages (issue 5): which pages opt in,
where the button leads, and where it sits in the HTML. Shared by the browser tests beside it."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT

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


def by_url(content_pages):
    return {p.url: p for p in content_pages}


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
    # The children's page says it without "history"/"lịch sử" (a school subject to a child, issue 14).
    if lang_of(url) == "en":
        assert re.search(r"does(?:n't| not) delete (?:your (?:browsing )?history|the list of pages "
                         r"you have looked at)", text)
    else:
        assert re.search(r"không xóa (?:lịch sử|danh sách các trang bạn đã xem)", text)
    assert "Shift" in text
