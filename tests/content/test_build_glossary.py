"""The glossary (/thuat-ngu/): other pages link to its entries, so the anchors are a contract."""

from __future__ import annotations

import re

# Entries other pages (the plan, its task tables, the FAQs) are expected to link to.
LINKED_ENTRIES = {
    "bo-chinh-tri", "chi-thi", "ke-hoach", "ban-thuong-vu-thanh-uy", "huyen-uy",
    "ban-thuong-vu-huyen-uy", "uy-vien", "ban-tuyen-giao", "hdnd", "ubnd", "mttq",
    "to-chuc-chinh-tri-xa-hoi", "hoi-quan-chung", "chi-bo", "dang-vien", "doan-vien-hoi-vien",
    "dang-uy-xa", "thon-to-dan-pho", "cong-tac-vien-dan-so", "so-ket-tong-ket", "quan-triet",
    "tre-em-co-hoan-canh-dac-biet", "xam-hai-tre-em", "tong-dai-111",
    "can-bo-bao-ve-tre-em-cap-xa", "chinh-quyen-hai-cap", "quy",
}
_ENTRY = re.compile(r'<h3 id="([^"]+)"')


def _entries(built_site, url: str) -> list[str]:
    return _ENTRY.findall((built_site / url / "index.html").read_text(encoding="utf-8"))


def test_glossary_entries_have_the_same_ids_in_both_languages(built_site):
    vi, en = _entries(built_site, "thuat-ngu"), _entries(built_site, "en/thuat-ngu")
    assert vi, "no entries found on /thuat-ngu/"
    assert len(vi) == len(set(vi)), "an entry id is used twice"
    assert vi == en, f"entries differ (vi only: {set(vi) - set(en)}, en only: {set(en) - set(vi)})"


def test_glossary_keeps_the_entries_other_pages_link_to(built_site):
    missing = LINKED_ENTRIES - set(_entries(built_site, "thuat-ngu"))
    assert not missing, f"glossary entries others link to are gone: {sorted(missing)}"


def test_every_vietnamese_entry_gives_its_english_rendering(built_site):
    html = (built_site / "thuat-ngu/index.html").read_text(encoding="utf-8")
    blocks = re.split(r"<h[23] id=", html.split('id="van-ban"', 1)[1])
    entries = [b for b in blocks[1:] if b.startswith('"') and "</h3>" in b[:400]]
    without = [b.split('"', 2)[1] for b in entries if "Tiếng Anh:" not in b]
    assert not without, f"entries without a 'Tiếng Anh:' rendering: {without}"
