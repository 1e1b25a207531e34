"""Build tests of the awareness topics (/tuyen-truyen/) and the communication kit (/tai-lieu/)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from conftest import ROOT
from scripts.kit import comm_kit as ck
from scripts.legal import load_registry
from scripts.legal.legal_texts import fold as legal_id

ITEMS = ck.load_kit()
TOPICS = [i.topic for i in ITEMS]
LANGS = ("vi", "en")


def _url(lang: str, path: str) -> str:
    return ("en/" if lang == "en" else "") + path


def _html(built_site, lang: str, path: str) -> str:
    return (built_site / _url(lang, path) / "index.html").read_text(encoding="utf-8")


def _article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


class _Text(HTMLParser):
    """Text of the elements with a given class, in document order."""

    def __init__(self, cls: str):
        super().__init__(convert_charrefs=True)
        self.cls, self.depth, self.parts, self.found = cls, 0, [], []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif self.cls in classes:
            self.depth = 1
            self.parts = []

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if not self.depth:
                self.found.append(" ".join("".join(self.parts).split()))

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def _texts(page: str, cls: str) -> list[str]:
    parser = _Text(cls)
    parser.feed(page)
    return parser.found


def test_there_are_at_least_eight_topics_plus_the_action_month_and_the_movement():
    assert len(TOPICS) >= 10
    for required in ("phong-chong-xam-hai", "phong-chong-duoi-nuoc", "an-toan-tren-mang",
                     "dinh-duong-tiem-chung", "suc-khoe-tam-than", "lao-dong-tre-em",
                     "tre-em-co-hoan-canh-dac-biet", "giao-duc-mam-non-ky-nang-song",
                     "thang-hanh-dong-vi-tre-em", "phong-trao-toan-dan"):
        assert required in TOPICS


LEGAL, _ = load_registry(ROOT / "data" / "legal_texts.yml")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", ["tuyen-truyen", "tai-lieu"])
def test_every_page_has_title_description_and_sources_in_both_languages(lang, section):
    for page in [ROOT / "docs" / lang / section / "index.md",
                 *(ROOT / "docs" / lang / section / t / "index.md" for t in TOPICS)]:
        meta = ck.page_meta(page)
        assert meta.get("title") and meta.get("description"), page
        assert "\n" not in meta["description"], page
        sources = meta.get("sources")
        assert isinstance(sources, list) and sources, f"{page}: no sources"
        for s in sources:
            # text, a titled link, or a registered legal text (`legal: <id>`, data/legal_texts.yml)
            assert isinstance(s, str) or (isinstance(s, dict) and (s.get("title") or legal_id(str(s.get("legal"))) in LEGAL)), \
                (page, s)


@pytest.mark.parametrize("lang", LANGS)
def test_topic_pages_are_built_with_sources_help_plan_quote_and_kit_link(built_site, lang):
    for topic in TOPICS:
        page = _html(built_site, lang, f"tuyen-truyen/{topic}/")
        body = _article(page)
        assert 'class="page-sources"' in body, topic
        assert 'href="tel:' in body, f"{topic}: no number to call in the text"
        assert 'class="admonition quote"' in body, f"{topic}: no quote from the plan"
        assert f'href="../../tai-lieu/{topic}/"' in body, f"{topic}: no link to its kit"
        for anchor in ("thong-diep", "gia-dinh", "tro-giup", "tai-lieu"):
            assert f'id="{anchor}"' in body, (topic, anchor)
        assert "<!--" not in body, f"{topic}: an unexpanded marker"
        assert 'class="footnote"' in body, f"{topic}: no footnotes"


@pytest.mark.parametrize("lang", LANGS)
def test_kit_pages_show_the_computed_reading_time_within_two_to_three_minutes(built_site, lang):
    for item in ITEMS:
        body = _article(_html(built_site, lang, f"tai-lieu/{item.topic}/"))
        rt = item.radio_time(lang)
        times = re.findall(r'<time class="kit-duration" datetime="PT(\d+)M(\d+)S">([^<]+)</time>', body)
        assert len(times) == 1, item.topic
        minutes, seconds, label = times[0]
        shown = int(minutes) * 60 + int(seconds)
        assert shown == rt.rounded and label == rt.label(), (item.topic, shown, rt.rounded)
        assert 120 <= shown <= 180 and 120 <= rt.seconds <= 180, (item.topic, lang)
        assert f"{rt.units} {rt.unit_name()}" in body
        assert f"{ck.WORDS_PER_MINUTE[lang]} " in body


@pytest.mark.parametrize("lang", LANGS)
def test_kit_pages_carry_the_share_text_and_poster_from_the_data(built_site, lang):
    for item in ITEMS:
        page = _html(built_site, lang, f"tai-lieu/{item.topic}/")
        share = _texts(page, "kit-share")
        assert share == [" ".join(item.share[lang].split())], item.topic
        assert ck.share_length(share[0]) <= 500
        assert f"{ck.share_length(item.share[lang])}/500" in page
        poster = item.poster[lang]
        assert _texts(page, "kit-poster__headline") == [poster.headline]
        assert _texts(page, "kit-poster__footer") == [poster.footer]
        script = _texts(page, "kit-script")[0]
        assert ck.count_units(script, lang) == item.radio_time(lang).units, item.topic
        assert f'href="../../tuyen-truyen/{item.topic}/"' in page


@pytest.mark.parametrize("lang", LANGS)
def test_indexes_list_every_topic_in_order(built_site, lang):
    topics = _article(_html(built_site, lang, "tuyen-truyen/"))
    links = re.findall(r'<li><strong><a href="([a-z0-9-]+)/"', topics)
    assert links == TOPICS
    kits = _article(_html(built_site, lang, "tai-lieu/"))
    rows = re.findall(r'<li><strong><a href="([a-z0-9-]+)/"', kits)
    assert rows == TOPICS
    for item in ITEMS:
        for script_lang in LANGS:
            assert f'datetime="{item.radio_time(script_lang).iso}"' in kits
    speed = html.unescape(kits)
    assert ("180 tiếng mỗi phút" if lang == "vi" else "180 syllables a minute") in speed


def test_nav_has_both_sections_with_english_titles(built_site):
    vi = _html(built_site, "vi", "tuyen-truyen/")
    en = _html(built_site, "en", "tuyen-truyen/")
    nav_vi, nav_en = vi.split("<article")[0], en.split("<article")[0]
    assert "Tuyên truyền" in nav_vi and "Tài liệu truyền thông" in nav_vi
    assert "Awareness topics" in nav_en and "Communication kit" in nav_en
    assert "Tuyên truyền" not in nav_en and "Tài liệu truyền thông" not in nav_en
    # The open section lists its pages; the closed kit section is one link to its first page
    # (navigation.prune, tests/website/test_nav.py), and lists its kits once open.
    kits_vi, kits_en = (_html(built_site, lang, "tai-lieu/").split("<article")[0] for lang in ("vi", "en"))
    for topic in TOPICS:
        for nav in (nav_vi, nav_en):
            assert f'href="{topic}/"' in nav, topic
            assert 'href="../tai-lieu/"' in nav
        for nav in (kits_vi, kits_en):
            assert f'href="{topic}/"' in nav, topic
