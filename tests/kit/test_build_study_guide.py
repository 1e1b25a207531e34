"""The study guide for Party cells (/hoc-tap/): what the lead's merge and other pages rely on."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

LANGS = {"vi": "hoc-tap", "en": "en/hoc-tap"}


def html_of(built_site, lang: str) -> str:
    return (built_site / LANGS[lang] / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_section_5_lists_each_bodys_tasks_from_the_task_data(built_site, lang):
    """What each body must do comes from data/tasks.yml (never retyped): every task the data
    gives a body appears under that body, linked to its row of the task table."""
    from scripts.tasks.model import load_registry

    reg = load_registry()
    section = html_of(built_site, lang).split('id="viec-cua-tung-co-quan"', 1)[1].split("<h2", 1)[0]
    assert "<!--" not in section, "a marker was left unfilled"
    for body in reg.bodies_with_tasks():
        part = section.split(f'id="co-quan-{body.id}"', 1)[1].split("<h3", 1)[0]
        expected = {t.id for t in reg.led_by(body.id)} | {t.id for t in reg.supported_by(body.id)}
        linked = set(re.findall(r'href="\.\./ke-hoach/nhiem-vu/#([a-z0-9-]+)"', part))
        assert linked == expected, (lang, body.id)


def test_both_languages_have_the_same_sections(built_site):
    ids = {lang: [i for i in re.findall(r'<h2 id="([^"]+)"', html_of(built_site, lang))
                  if i not in ("nguon", "sources")]   # the theme's sources heading
           for lang in LANGS}
    assert ids["vi"] == ids["en"]
    for required in ("muc-dich-yeu-cau", "nam-nhom-nhiem-vu", "to-chuc-thuc-hien",
                     "viec-cua-tung-co-quan", "dang-vien", "cau-hoi-thao-luan", "tu-kiem-tra"):
        assert required in ids["vi"], f"section #{required} is missing"


def test_self_check_answers_are_closed_until_asked_for(built_site):
    counts = {}
    for lang in LANGS:
        tags = re.findall(r"<details[^>]*>", html_of(built_site, lang))
        assert all('class="question"' in t for t in tags), tags
        assert not [t for t in tags if re.search(r"\bopen\b", t)], f"{lang}: an answer is open"
        counts[lang] = len(tags)
    assert counts["vi"] == counts["en"] >= 5, counts


@pytest.mark.parametrize("lang", LANGS)
def test_deadlines_of_the_task_table_are_not_retyped(lang):
    """Each task's deadline lives once, in the task data; the guide must not copy them."""
    text = (ROOT / "docs" / lang / "hoc-tap" / "index.md").read_text(encoding="utf-8")
    for phrase in ("quý III", "qúy", "third quarter", "năm 2024 và các năm tiếp theo",
                   "2024 and the years that follow"):
        assert phrase.lower() not in text.lower(), (
            f"docs/{lang}/hoc-tap/index.md: “{phrase}” là thời hạn của bảng nhiệm vụ; hãy để "
            f"danh sách sinh từ dữ liệu hiển thị / is a task-table deadline: let the generated "
            f"list show it")


def test_the_study_guide_is_in_the_navigation(built_site):
    # Listed in its section (with the directive and the plan); the sidebar lists the open
    # section's pages only (navigation.prune, tests/website/test_nav.py), so look on the plan's page.
    for lang, prefix in (("vi", ""), ("en", "en/")):
        plan = (built_site / prefix / "ke-hoach" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<a href="\.\./hoc-tap/" class="md-nav__link"', plan), \
            f"hoc-tap/index.md is not in nav: ({lang})"
