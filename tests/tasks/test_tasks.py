"""The task model (scripts/tasks/model.py) and the status rules (scripts/tasks/status.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from scripts.tasks.status import compute
from scripts.tasks.model import (DONE_LATE, DONE_ON_TIME, IN_PROGRESS, OVERDUE, DataError, Due,
                           StatusRecord, check, load_registry)

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def reg():
    """The real data without recorded statuses: the rules are tested on the plan's own
    deadlines, and stay valid when editors record progress."""
    registry = load_registry(today=TODAY)
    registry.tasks = [replace(t, status=()) for t in registry.tasks]
    return registry


def test_every_task_of_the_contract_is_there_in_plan_order(reg):
    assert [t.id for t in reg.tasks] == [
        "ii-1", "ii-2", "ii-3-1", "ii-3-2", *[f"ii-4-{i}" for i in range(1, 8)], "ii-5",
        "iii-1", "iii-2", "iii-3", "iii-4"]


def test_codes_and_plan_anchors_follow_the_contract(reg):
    assert reg.task("ii-4-3").code == "II.4.3"
    assert reg.task("ii-4-3").plan_anchor == "phan-ii-4"
    assert reg.task("ii-1").plan_anchor == "phan-ii-1"
    assert reg.task("iii-2").code == "III.2" and reg.task("iii-2").plan_anchor == "phan-iii"


def test_the_plans_deadlines_as_data(reg):
    assert reg.task("ii-1").due == Due("once", date=date(2024, 9, 30))
    assert reg.task("iii-1").due == Due("yearly-date", month=12, day=15)
    assert reg.task("ii-2").due == Due("yearly", start_year=2024)
    assert reg.task("ii-5").due == Due("yearly")          # "hàng năm": no year in the words
    assert reg.task("iii-4").due.kind == "ongoing"


def test_leads_and_partners_as_the_plan_assigns_them(reg):
    assert reg.task("ii-1").lead == ("ban-tuyen-giao-huyen-uy",)
    assert reg.task("ii-1").partners == ("ubnd-huyen", "co-quan-lien-quan")
    assert reg.task("ii-5").partners == ("to-chuc-ct-xh-huyen", "dang-uy-xa-thi-tran")
    assert [t.id for t in reg.led_by("ubnd-huyen")] == [
        "ii-2", "ii-3-2", *[f"ii-4-{i}" for i in range(1, 8)], "iii-1", "iii-3"]
    assert [t.id for t in reg.supported_by("ubnd-huyen")] == ["ii-1", "ii-3-1", "iii-4"]


def test_district_bodies_ceased_with_a_source_and_no_successor(reg):
    ubnd = reg.bodies["ubnd-huyen"]
    assert ubnd.ceased.date == date(2025, 7, 1)
    assert "72/2025/QH15" in ubnd.ceased.source.text.vi and ubnd.ceased.source.confidence == "medium"
    assert ubnd.exists_on(date(2025, 6, 30)) and not ubnd.exists_on(date(2025, 7, 1))
    assert reg.bodies["dang-uy-xa-thi-tran"].ceased is None          # not stated by a source
    assert reg.ceased_leads(reg.task("ii-2"), TODAY) == [reg.bodies["hdnd-huyen"], ubnd]


def test_load_registry_raises_with_every_problem(tmp_path):
    bad = tmp_path / "tasks.yml"
    bad.write_text("plan_year: 2024\ntasks:\n  - id: ii-1\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_registry(tasks_path=bad, today=TODAY)
    assert f"{bad}:3:" in str(err.value) and "'title'" in str(err.value)


def test_check_returns_no_registry_when_anything_is_wrong(tmp_path):
    bad = tmp_path / "tasks.yml"
    bad.write_text("- just a list\n", encoding="utf-8")
    registry, problems = check(tasks_path=bad, today=TODAY)
    assert registry is None and problems and problems[0].line == 1


# --- status -----------------------------------------------------------------------------------

def test_one_off_before_its_deadline_is_in_progress_computed(reg):
    s = compute(reg.task("ii-1"), 2024, date(2024, 9, 30))
    assert (s.state, s.computed) == (IN_PROGRESS, True)


def test_one_off_past_its_deadline_without_a_record_is_overdue_computed(reg):
    s = compute(reg.task("ii-1"), 2024, TODAY)
    assert (s.state, s.computed, s.due) == (OVERDUE, True, date(2024, 9, 30))


@pytest.mark.parametrize("state", [DONE_ON_TIME, DONE_LATE])
def test_a_recorded_completion_is_shown_as_recorded(reg, state):
    task = replace(reg.task("ii-1"), status=(StatusRecord(state, date(2024, 10, 5)),))
    s = compute(task, 2024, TODAY)
    assert (s.state, s.computed, s.record.as_of) == (state, False, date(2024, 10, 5))


def test_a_recorded_in_progress_becomes_overdue_after_the_deadline(reg):
    task = replace(reg.task("ii-1"), status=(StatusRecord(IN_PROGRESS, date(2024, 8, 1)),))
    assert compute(task, 2024, date(2024, 8, 2)).state == IN_PROGRESS
    s = compute(task, 2024, TODAY)
    assert (s.state, s.computed) == (OVERDUE, True)


def test_yearly_date_lists_every_missed_year(reg):
    s = compute(reg.task("iii-1"), 2024, TODAY)
    assert s.state == OVERDUE and s.computed
    assert s.missed == (date(2024, 12, 15), date(2025, 12, 15))
    assert s.next_due == date(2026, 12, 15)


def test_yearly_date_with_every_past_year_done_is_in_progress_for_the_next(reg):
    records = (StatusRecord(DONE_ON_TIME, date(2024, 12, 10), year=2024),
               StatusRecord(DONE_LATE, date(2025, 12, 20), year=2025))
    s = compute(replace(reg.task("iii-1"), status=records), 2024, TODAY)
    assert (s.state, s.computed, s.due) == (IN_PROGRESS, True, date(2026, 12, 15))


def test_yearly_date_only_counts_the_right_years(reg):
    records = (StatusRecord(DONE_ON_TIME, date(2025, 12, 10), year=2025),)
    s = compute(replace(reg.task("iii-1"), status=records), 2024, TODAY)
    assert s.state == OVERDUE and s.missed == (date(2024, 12, 15),)


def test_yearly_date_before_the_first_deadline(reg):
    s = compute(reg.task("iii-1"), 2024, date(2024, 7, 1))
    assert (s.state, s.due) == (IN_PROGRESS, date(2024, 12, 15))


@pytest.mark.parametrize("task_id", ["ii-2", "ii-5", "iii-2"])
def test_undated_tasks_show_no_status_until_one_is_recorded(reg, task_id):
    s = compute(reg.task(task_id), 2024, TODAY)
    assert s.state is None and not s.computed
    task = replace(reg.task(task_id), status=(StatusRecord(IN_PROGRESS, date(2026, 1, 5)),
                                              StatusRecord(DONE_ON_TIME, date(2025, 3, 1))))
    s = compute(task, 2024, TODAY)
    assert (s.state, s.record.as_of) == (IN_PROGRESS, date(2026, 1, 5))   # the latest record


def test_next_due_and_occurrences():
    yearly = Due("yearly-date", month=12, day=15)
    assert yearly.next_due(2024, date(2026, 12, 15)) == date(2026, 12, 15)
    assert yearly.next_due(2024, date(2026, 12, 16)) == date(2027, 12, 15)
    assert yearly.occurrences(2024, date(2026, 1, 1)) == [date(2024, 12, 15), date(2025, 12, 15),
                                                          date(2026, 12, 15)]
    assert Due("once", date=date(2024, 9, 30)).next_due(2024, TODAY) is None
    assert Due("ongoing").occurrences(2024, TODAY) == []
