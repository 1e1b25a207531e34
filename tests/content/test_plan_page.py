"""The plan's text page (/ke-hoach/): faithful to the source word for word (with the listed
corrections), contract ids, assignment paragraphs linked to their task rows, document facts."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

# The plan as extracted from its PDF (the seed text the page was made from), unchanged.
SEED = Path(__file__).resolve().parent / "fixtures" / "ke-hoach-2024-nguon.txt"
# Each correction listed in the page's editorial note: (source text, corrected text, count).
CORRECTIONS = [("qúy III", "quý III", 1), ("chủ trưong", "chủ trương", 1),
               ("phù họp", "phù hợp", 2), ("sổ 28-CT/TW", "số 28-CT/TW", 1)]
LANGS = {"vi": "", "en": "en/"}
CONTRACT_IDS = ["muc-dich-yeu-cau", "noi-dung", "phan-ii-1", "phan-ii-2", "phan-ii-3",
                "phan-ii-4", "phan-ii-5", "phan-iii"]


def article(built_site, url: str) -> str:
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"): html.index("</article>")]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def plan_text_on_page(built_site) -> str:
    html = article(built_site, "ke-hoach/")
    start = html.index('id="toan-van"')
    html = html[html.index("</h2>", start): html.index('<h2 id="ghi-chu-bien-tap"')]
    html = re.sub(r'<a class="headerlink".*?</a>', "", html)               # permalink "#"
    html = re.sub(r"<a [^>]*>→[^<]*</a>", "", html)                         # our task links
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_vietnamese_text_is_the_source_word_for_word(built_site):
    source = SEED.read_text(encoding="utf-8")
    for wrong, right, count in CORRECTIONS:
        assert source.count(wrong) == count, wrong
        source = source.replace(wrong, right)
    expected, shown = words(source), words(plan_text_on_page(built_site))
    assert shown == expected, next(
        (f"first difference at word {i}: page {shown[i:i + 8]} vs source {expected[i:i + 8]}"
         for i in range(min(len(shown), len(expected))) if shown[i] != expected[i]),
        f"length {len(shown)} vs {len(expected)}")


def test_editorial_note_lists_every_correction_in_code(built_site):
    html = article(built_site, "ke-hoach/")
    note = html[html.index('id="ghi-chu-bien-tap"'):]
    for wrong, right, count in CORRECTIONS:
        assert note.count(f"<code>{wrong}</code> → {right}") == count, wrong
    assert "<code>- xã hội huyện</code>" in note


@pytest.mark.parametrize("lang", LANGS)
def test_contract_heading_ids(built_site, lang):
    html = article(built_site, LANGS[lang] + "ke-hoach/")
    for anchor in CONTRACT_IDS:
        assert re.search(rf'<h[2-4] id="{anchor}"', html), anchor


@pytest.mark.parametrize("lang", LANGS)
def test_every_assignment_is_a_paragraph_linking_to_its_task_row(built_site, lang):
    html = article(built_site, LANGS[lang] + "ke-hoach/")
    table = (built_site / LANGS[lang] / "ke-hoach/nhiem-vu/index.html").read_text(encoding="utf-8")
    paragraphs = re.findall(r'<p class="assignment">(.*?)</p>', html, re.S)
    targets = []
    for p in paragraphs:
        links = re.findall(r'<a href="([^"]+)"[^>]*>→[^<]*</a>\s*$', p.strip())
        assert len(links) == 1, p
        path, _, anchor = links[0].partition("#")
        assert path == "nhiem-vu/" and f'<tr id="{anchor}"' in table
        targets.append(anchor)
    assert targets == ["ii-1", "ii-2", "ii-3-1", "ii-3-2", "ii-4-1", "ii-5",
                       "iii-1", "iii-2", "iii-3", "iii-4"]


def test_vietnamese_assignments_are_the_plans_sentences(built_site):
    html = article(built_site, "ke-hoach/")
    paragraphs = [unescape(re.sub(r"<[^>]+>", "", p)) for p in
                  re.findall(r'<p class="assignment">(.*?)</p>', html, re.S)]
    assert paragraphs[0].startswith("Giao Ban Tuyên giáo Huyện ủy chủ trì")
    assert "Hoàn thành trong quý III năm 2024." in paragraphs[0]
    assert "trước ngày 15/12 hằng năm" in paragraphs[6]


@pytest.mark.parametrize("lang", LANGS)
def test_document_facts_and_status_box(built_site, lang):
    # Facts that any faithful version of the page states, whatever its wording.
    text = unescape(re.sub(r"<[^>]+>", "", article(built_site, LANGS[lang] + "ke-hoach/")))
    text = " ".join(text.split())
    for fact in ["An Lão", "365-KH/TU", "Trần Văn Tuấn", "2024", "42/2025", "An Trường",
                 "Phù Liễn", "Lao Động", "1669/NQ-UBTVQH15", "203/2025/QH15"]:
        assert fact in text, fact


def test_vietnamese_header_block_says_what_the_copy_lacks(built_site):
    text = unescape(re.sub(r"<[^>]+>", "", article(built_site, "ke-hoach/")))
    text = " ".join(text.split())
    for fact in ["Ban Thường vụ Huyện ủy An Lão", "365-KH/TU ngày 31/5/2024",
                 "không ghi số văn bản", "Thường trực Huyện ủy", "An Lão, năm 2024",
                 "Phó Bí thư Trần Văn Tuấn", "01/7/2025", "01/3/2025"]:
        assert fact in text, fact


def test_no_invented_number_or_day(built_site):
    text = unescape(re.sub(r"<[^>]+>", "", article(built_site, "ke-hoach/")))
    assert "An Lão, ngày … tháng … năm 2024" in text
    assert not re.search(r"Số:?\s*\d+-KH/HU", text)
