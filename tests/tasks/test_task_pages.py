"""The task pages as built: table rows and ids, both languages, the view by body, the
timeline order, the calendar link; and the renderer used by other pages (markers)."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from posixpath import join, normpath

import pytest

from scripts.tasks import pages as task_pages
from scripts.tasks.check_deadlines import _TableParser
from scripts.tasks.pages import MarkerError, Where, render_marker
from scripts.tasks.status import compute
from scripts.tasks.model import load_registry

LANGS = {"vi": "", "en": "en/"}


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def article(built_site, url: str) -> str:
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"): html.index("</article>")]


def block(html: str, css_class: str) -> str:
    start = html.index(f'<div class="{css_class}">')
    return html[start: html.index("</div>", start)]


def ids_of(built_site, url: str) -> set[str]:
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'\sid="([^"]+)"', html))


def resolve(page_url: str, href: str) -> tuple[str, str]:
    path, _, anchor = href.partition("#")
    if not path:
        return page_url, anchor
    target = normpath(join("/" + page_url, path)).lstrip("/")
    return (target + "/" if path.endswith("/") and target else target), anchor


@pytest.mark.parametrize("lang", LANGS)
def test_table_has_one_row_per_task_with_its_id(built_site, reg, lang):
    parser = _TableParser()
    parser.feed(article(built_site, LANGS[lang] + "ke-hoach/nhiem-vu/"))
    [table] = parser.tables
    assert table.lang == lang
    assert [r.id for r in table.rows] == [t.id for t in reg.tasks]
    html = article(built_site, LANGS[lang] + "ke-hoach/nhiem-vu/")
    for task in reg.tasks:
        assert f'<tr id="{task.id}"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_rows_speak_their_language(built_site, reg, lang):
    parser = _TableParser()
    parser.feed(article(built_site, LANGS[lang] + "ke-hoach/nhiem-vu/"))
    rows = {r.id: r for r in parser.tables[0].rows}
    for task in reg.tasks:
        assert rows[task.id].fields["title"] == task.title.get(lang)
        assert rows[task.id].fields["words"] == task.deadline.get(lang)
    as_of = date.fromisoformat(parser.tables[0].as_of)
    for task in reg.tasks:
        status = compute(task, reg.plan_year, as_of)
        cell = rows[task.id].cells["status"]
        assert rows[task.id].state == (status.state or "none")
        assert task_pages.state_label(status.state, lang) in cell
        if status.computed:
            assert {"vi": "tính theo ngày dựng trang", "en": "computed on the build date"}[lang] in cell
        if reg.ceased_leads(task, as_of):
            assert {"vi": "không còn tồn tại", "en": "no longer exist"}[lang] in cell


@pytest.mark.parametrize("lang", LANGS)
def test_rows_link_to_their_section_of_the_plan(built_site, reg, lang):
    page = LANGS[lang] + "ke-hoach/nhiem-vu/"
    html = article(built_site, page)
    plan_ids = ids_of(built_site, LANGS[lang] + "ke-hoach/")
    links = re.findall(r'<a class="task-where" href="([^"]+)"', html)
    assert len(links) == len(reg.tasks)
    for task, href in zip(reg.tasks, links):
        target, anchor = resolve(page, href)
        assert target == LANGS[lang] + "ke-hoach/" and anchor == task.plan_anchor
        assert anchor in plan_ids


@pytest.mark.parametrize("lang", LANGS)
def test_view_by_body(built_site, reg, lang):
    html = block(article(built_site, LANGS[lang] + "ke-hoach/nhiem-vu/"), "task-bodies")
    headings = re.findall(r'<h3 id="co-quan-([^"]+)"', html)
    assert headings == [b.id for b in reg.bodies_with_tasks()]
    sections = dict(zip(headings, re.split(r"<h3 ", html)[1:]))
    ubnd = sections["ubnd-huyen"]
    lead_part, partner_part = ubnd.split("<strong>")[1:3]
    assert re.findall(r'href="#([^"]+)"', lead_part) == [t.id for t in reg.led_by("ubnd-huyen")]
    assert re.findall(r'href="#([^"]+)"', partner_part) == [
        t.id for t in reg.supported_by("ubnd-huyen")]
    assert reg.bodies["ubnd-huyen"].name.get(lang) in unescape(ubnd)


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_next_deadlines_first_then_past_most_recent_first(built_site, lang):
    html = article(built_site, LANGS[lang] + "ke-hoach/nhiem-vu/")
    as_of = date.fromisoformat(re.search(r'data-as-of="([^"]+)"', html).group(1))
    timeline = block(html, "task-timeline")
    as_of_note = re.search(r'<p class="task-as-of">.*?</p>', timeline).group(0)
    assert f'<time datetime="{as_of.isoformat()}">' in as_of_note      # days left: as of when
    timeline = timeline.replace(as_of_note, "")
    upcoming, past = timeline.split("</ul>")[0], timeline.split("</ul>")[1]
    up = [date.fromisoformat(d) for d in re.findall(r'<time datetime="([^"]+)"', upcoming)]
    gone = [date.fromisoformat(d) for d in re.findall(r'<time datetime="([^"]+)"', past)]
    assert up and gone
    assert up == sorted(up) and all(d >= as_of for d in up)
    assert gone == sorted(gone, reverse=True) and all(d < as_of for d in gone)
    assert date(2024, 9, 30) in gone                                  # II.1's one-off deadline
    assert all(d.month == 12 and d.day == 15 for d in up)             # III.1's yearly report
    assert re.findall(r'href="#([^"]+)"', timeline)[0] == "iii-1"


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_link_points_at_the_generated_file(built_site, lang):
    page = LANGS[lang] + "ke-hoach/nhiem-vu/"
    html = block(article(built_site, page), "task-calendar")
    href = re.search(r'href="([^"]+\.ics)"', html).group(1)
    target, _ = resolve(page, href)
    assert (built_site / target).is_file()
    assert 'download="nhiem-vu.ics"' in html


def test_no_marker_is_left_unfilled(built_site):
    for lang in LANGS.values():
        for url in ("ke-hoach/nhiem-vu/", "ke-hoach/"):
            assert "tasks:" not in article(built_site, lang + url)


# --- the renderer, for other pages -------------------------------------------------------------

def test_body_list_from_another_page_links_back_to_the_table(reg):
    where = Where("vi", src="hoc-tap/index.md", url="hoc-tap/")
    md = render_marker(reg, "body", ["ubnd-huyen"], where, date(2026, 11, 29))
    assert "(../ke-hoach/nhiem-vu/index.md#ii-2)" in md
    assert md.count("\n- [") == len(reg.led_by("ubnd-huyen")) + len(reg.supported_by("ubnd-huyen"))
    assert "**Chủ trì (11)**" in md and "**Phối hợp (3)**" in md


def test_table_from_another_english_page_uses_relative_urls(reg):
    where = Where("en", src="hoc-tap/index.md", url="en/hoc-tap/")
    html = render_marker(reg, "table", [], where, date(2026, 11, 29))
    assert 'href="../ke-hoach/#phan-ii-1"' in html


@pytest.mark.parametrize("kind,args", [("tabel", []), ("body", []), ("body", ["ubnd-xa"]),
                                       ("by-body", ["level=9"])])
def test_bad_markers_are_refused_with_a_hint(reg, kind, args):
    with pytest.raises(MarkerError) as err:
        render_marker(reg, kind, args, Where("vi"), date(2026, 11, 29))
    assert "/" in str(err.value)            # Vietnamese / English


def test_marker_pattern():
    found = task_pages.MARKER.findall("a <!-- tasks:body ubnd-huyen --> b <!--tasks:table-->")
    assert found == [("body", " ubnd-huyen"), ("table", "")]
