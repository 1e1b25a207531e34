"""Status pages that stay true: what the task pages compute from the build date ("overdue",
"in progress", days left) changes when the site is built on a later day, and every computed
status shows the date it was computed for, in a <time datetime> element, in both languages.

Two builds of the real site, as of two fixed days (TASKS_TODAY) on either side of deadlines in
data/tasks.yml; what should change is computed from the data, not written here."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import build_site
from scripts.tasks.check_deadlines import _TableParser
from scripts.tasks.model import load_registry
from scripts.tasks.pages import fmt_date
from scripts.tasks.status import compute

EARLY, LATER = date(2024, 8, 1), date(2024, 12, 16)
LANGS = {"vi": "", "en": "en/"}
AS_OF = {"vi": "tính đến ngày", "en": "as of"}


# The two dated builds are made once, in one worker (make test: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("build-date")


@pytest.fixture(scope="module")
def reg():
    return load_registry()


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """{day: built site} for the two days."""
    out = {}
    for day in (EARLY, LATER):
        dest = tmp_path_factory.mktemp(f"as-of-{day.isoformat()}")
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("TASKS_TODAY", day.isoformat())
            done = build_site(dest)
        assert done.returncode == 0, done.stdout + done.stderr
        out[day] = dest
    return out


def tasks_page(site, lang: str) -> str:
    return (site / LANGS[lang] / "ke-hoach/nhiem-vu/index.html").read_text(encoding="utf-8")


def table_rows(html: str):
    parser = _TableParser()
    parser.feed(html)
    [table] = parser.tables
    return table, {row.id: row for row in table.rows}


def status_cells(html: str) -> dict[str, str]:
    """Task id -> the raw HTML of its status cell."""
    return dict(re.findall(r'<tr id="([^"]+)".*?<td data-col="status"[^>]*>(.*?)</td></tr>', html))


def time_tag(day: date, lang: str) -> str:
    return f'<time datetime="{day.isoformat()}">{fmt_date(day, lang)}</time>'


@pytest.mark.parametrize("lang", LANGS)
def test_a_later_build_changes_the_states_the_dates_call_for(builds, reg, lang):
    shown = {}
    for day, site in builds.items():
        table, rows = table_rows(tasks_page(site, lang))
        assert table.as_of == day.isoformat()
        shown[day] = {task_id: row.state for task_id, row in rows.items()}
        for task in reg.tasks:                       # each row says what the data gives that day
            assert shown[day][task.id] == (compute(task, reg.plan_year, day).state or "none")
    changed = {t for t in shown[EARLY] if shown[EARLY][t] != shown[LATER][t]}
    expected = {t.id for t in reg.tasks if compute(t, reg.plan_year, EARLY).state
                != compute(t, reg.plan_year, LATER).state}
    assert changed == expected and changed, "the two days must straddle at least one deadline"
    # II.1 is due 30/9/2024 with no completion recorded: in progress before, overdue after.
    assert shown[EARLY]["ii-1"] == "in-progress" and shown[LATER]["ii-1"] == "overdue"
    unchanged = [t.id for t in reg.tasks if t.id not in changed]
    assert all(shown[EARLY][t] == shown[LATER][t] for t in unchanged)


@pytest.mark.parametrize("lang", LANGS)
def test_every_computed_status_shows_its_date(builds, reg, lang):
    for day, site in builds.items():
        html = tasks_page(site, lang)
        caption = re.search(r"<caption>(.*?)</caption>", html).group(1)
        assert AS_OF[lang] in caption and time_tag(day, lang) in caption
        cells = status_cells(html)
        assert set(cells) == {t.id for t in reg.tasks}
        for task in reg.tasks:
            status = compute(task, reg.plan_year, day)
            has_date = time_tag(day, lang) in cells[task.id] and AS_OF[lang] in cells[task.id]
            assert has_date == status.computed, (task.id, cells[task.id])


@pytest.mark.parametrize("lang", LANGS)
def test_days_left_are_dated_and_move_with_the_build_date(builds, reg, lang):
    timeline = {}
    for day, site in builds.items():
        html = tasks_page(site, lang)
        block = html[html.index('<div class="task-timeline">'):]
        block = block[: block.index("</div>")]
        note = re.search(r'<p class="task-as-of">(.*?)</p>', block).group(1)
        assert AS_OF[lang] in note and time_tag(day, lang) in note
        timeline[day] = block
    # III.1's yearly report, due 15/12: 136 days ahead on 1/8/2024, past on 16/12/2024.
    first_report = date(2024, 12, 15)
    left = (first_report - EARLY).days
    words = {"vi": f"còn {left} ngày", "en": f"{left} days left"}[lang]
    upcoming_early = timeline[EARLY].split("</ul>")[0]
    assert f'datetime="{first_report.isoformat()}"' in upcoming_early and words in upcoming_early
    upcoming_later, past_later = timeline[LATER].split("</ul>")[:2]
    assert f'datetime="{first_report.isoformat()}"' not in upcoming_later
    assert f'datetime="{first_report.isoformat()}"' in past_later
    assert words not in timeline[LATER]


@pytest.mark.parametrize("lang", LANGS)
def test_lists_by_body_date_their_computed_states(builds, reg, lang):
    site = builds[LATER]
    html = tasks_page(site, lang)
    bodies = html[html.index('<div class="task-bodies">'):]
    line = re.search(r'<li><a href="#ii-1">.*?</li>', bodies).group(0)
    assert f"({AS_OF[lang]} {time_tag(LATER, lang)})" in line
    undated = re.search(r'<li><a href="#iii-2">.*?</li>', bodies).group(0)   # no date: not computed
    assert "<time" not in undated


def test_the_day_shown_is_the_build_day_not_the_day_the_page_is_read(builds):
    early, later = (tasks_page(builds[d], "vi") for d in (EARLY, LATER))
    assert 'data-as-of="2024-08-01"' in early and 'data-as-of="2024-12-16"' in later
    assert time_tag(LATER, "vi") not in early and time_tag(EARLY, "vi") not in later
