"""The share buttons' markup (scripts/kit/comm_kit.py: render_share_actions), on every kit page
and topic page of the built site. Their behaviour in a browser: test_browser_share.py."""

from __future__ import annotations

import html
import re

import pytest

from scripts.kit import comm_kit as ck

ITEMS = ck.load_kit()
_GROUP = re.compile(r'<div class="kit-actions"[^>]*>.*?</div>', re.S)


def _attr(tag: str, name: str) -> str:
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    assert match, f"no {name} in {tag[:200]}"
    return html.unescape(match.group(1))


def test_text_is_escaped_and_the_group_is_hidden_without_javascript():
    out = ck.render_share_actions('Say "no" & <tell> someone', "../x/", 'A "title"', "en", "Share")
    opening = out.split(">", 1)[0]
    assert " hidden " in opening
    assert _attr(opening, "data-share-text") == 'Say "no" & <tell> someone'
    assert _attr(opening, "data-share-title") == 'A "title"'
    assert "<tell>" not in out
    assert out.count("<button") == 3 and 'data-share-action="share" hidden' in out
    assert 'role="status"' in out


def test_both_languages_have_their_own_labels():
    vi = ck.render_share_actions("x", "./", "t", "vi", "Chia sẻ")
    en = ck.render_share_actions("x", "./", "t", "en", "Share")
    assert "Sao chép nội dung" in vi and "Sao chép liên kết" in vi and ">Chia sẻ<" in vi
    assert "Copy text" in en and "Copy link" in en and ">Share<" in en
    with pytest.raises(ValueError):
        ck.render_share_actions("x", "./", "t", "fr", "Partager")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i.topic)
def test_every_kit_page_and_topic_page_has_one_share_group(built_site, item, lang):
    prefix = built_site / ("en" if lang == "en" else "")
    kit = (prefix / "tai-lieu" / item.topic / "index.html").read_text(encoding="utf-8")
    topic = (prefix / "tuyen-truyen" / item.topic / "index.html").read_text(encoding="utf-8")
    text = " ".join(item.share[lang].split())
    for page, url in ((kit, f"../../tuyen-truyen/{item.topic}/"), (topic, "./")):
        groups = _GROUP.findall(page)
        assert len(groups) == 1
        opening = groups[0].split(">", 1)[0]
        assert _attr(opening, "data-share-text") == text
        assert _attr(opening, "data-share-url") == url
    assert '<div class="kit-share-foot" hidden data-search-exclude>' in topic
    # The share text comes right before its buttons on the kit page.
    assert re.search(r'class="kit-share"[^>]*>.*?</div>\s*<div class="kit-actions"', kit, re.S)


def test_other_pages_have_no_share_group(built_site):
    for path in ("index.html", "bao-tin/index.html", "tuyen-truyen/index.html", "tai-lieu/index.html"):
        assert "kit-actions" not in (built_site / path).read_text(encoding="utf-8")
