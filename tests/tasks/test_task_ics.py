"""The deadline calendar (.ics), validated with the maintained `icalendar` library."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from icalendar import Calendar

from conftest import TEST_SITE_URL, build_site
from scripts.tasks.ics import build_calendar, escape_text, fold
from scripts.tasks.model import load_registry

LANGS = {"vi": "", "en": "en/"}


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def events(path):
    data = path.read_bytes()
    return list(Calendar.from_ical(data).walk("VEVENT")), data


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_parses_with_one_event_per_dated_task(built_site, reg, lang):
    evs, _ = events(built_site / LANGS[lang] / "ke-hoach/nhiem-vu/nhiem-vu.ics")
    dated = [t for t in reg.tasks if t.due.is_dated]
    assert [str(e["UID"]).split(".")[0] for e in evs] == [t.id for t in dated]
    uids = [str(e["UID"]) for e in evs]
    assert len(set(uids)) == len(uids)


@pytest.mark.parametrize("lang", LANGS)
def test_all_day_events_and_a_yearly_rule(built_site, lang):
    evs, _ = events(built_site / LANGS[lang] / "ke-hoach/nhiem-vu/nhiem-vu.ics")
    by_task = {str(e["UID"]).split(".")[0]: e for e in evs}
    once, yearly = by_task["ii-1"], by_task["iii-1"]
    for ev in (once, yearly):
        start, end = ev["DTSTART"].dt, ev["DTEND"].dt
        assert type(start) is date and not isinstance(start, datetime)    # all-day: DATE
        assert (end - start).days == 1
        assert ev["DTSTART"].params.get("VALUE") == "DATE"
    assert once["DTSTART"].dt == date(2024, 9, 30) and "RRULE" not in once
    assert yearly["DTSTART"].dt == date(2024, 12, 15)
    assert yearly["RRULE"]["FREQ"] == ["YEARLY"]


def test_a_deadline_the_plan_sets_before_a_day_says_before(built_site, reg):
    """The plan says "trước ngày 15/12": the summary and description say "before", not "by"."""
    for lang, before in (("vi", "trước ngày"), ("en", "before")):
        evs, _ = events(built_site / LANGS[lang] / "ke-hoach/nhiem-vu/nhiem-vu.ics")
        yearly = {str(e["UID"]).split(".")[0]: e for e in evs}["iii-1"]
        summary, desc = str(yearly["SUMMARY"]), str(yearly["DESCRIPTION"])
        assert before in summary.lower() and before in desc
        assert " by " not in summary + desc and "hạn ngày" not in desc


@pytest.mark.parametrize("lang", LANGS)
def test_each_event_links_back_to_its_row(built_site, lang):
    evs, _ = events(built_site / LANGS[lang] / "ke-hoach/nhiem-vu/nhiem-vu.ics")
    for ev in evs:
        task_id = str(ev["UID"]).split(".")[0]
        url = f"{TEST_SITE_URL}{LANGS[lang]}ke-hoach/nhiem-vu/#{task_id}"
        assert str(ev["URL"]) == url
        assert url in str(ev["DESCRIPTION"])
        row = (built_site / LANGS[lang] / "ke-hoach/nhiem-vu/index.html").read_text(encoding="utf-8")
        assert f'<tr id="{task_id}"' in row


def test_text_is_in_the_calendars_language(built_site, reg):
    vi, _ = events(built_site / "ke-hoach/nhiem-vu/nhiem-vu.ics")
    en, _ = events(built_site / "en/ke-hoach/nhiem-vu/nhiem-vu.ics")
    assert str(vi[0]["SUMMARY"]) == "Hạn nhiệm vụ II.1: " + reg.task("ii-1").title.vi
    assert str(en[0]["SUMMARY"]) == "Deadline, task II.1: " + reg.task("ii-1").title.en
    assert "Hoàn thành trong quý III năm 2024" in str(vi[0]["DESCRIPTION"])
    assert "ended on 1 July 2025" in str(en[0]["DESCRIPTION"])


@pytest.mark.parametrize("lang", LANGS)
def test_wire_format_crlf_and_folded_lines(built_site, lang):
    _, data = events(built_site / LANGS[lang] / "ke-hoach/nhiem-vu/nhiem-vu.ics")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)          # long lines were folded
    data.decode("utf-8")                                         # no UTF-8 sequence was split


def test_uids_are_stable_across_builds_and_addresses(built_site, tmp_path):
    again = tmp_path / "again"
    done = build_site(again, site_url="https://another.example/")
    assert done.returncode == 0, done.stderr
    for prefix in LANGS.values():
        first, _ = events(built_site / prefix / "ke-hoach/nhiem-vu/nhiem-vu.ics")
        second, _ = events(again / prefix / "ke-hoach/nhiem-vu/nhiem-vu.ics")
        assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
        assert [e["DTSTART"].dt for e in first] == [e["DTSTART"].dt for e in second]


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "Hạn nhiệm vụ ước lượng " * 10
    folded = fold(line).split("\r\n ")
    assert "".join(folded) == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded)


def test_escape_text():
    assert escape_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne"


def test_calendar_generation_is_deterministic(reg):
    today = date(2026, 11, 29)
    assert build_calendar(reg, "vi", "https://x.example/", today) == \
        build_calendar(reg, "vi", "https://x.example/", today)


# --- written by the icalendar library: what the old hand-written serialiser guaranteed --------

def test_text_values_round_trip_with_escapes(reg):
    data = build_calendar(reg, "vi", "https://x.example/", date(2026, 11, 29))
    cal = Calendar.from_ical(data)
    name = "Thời hạn Kế hoạch thực hiện Chỉ thị 28-CT/TW (huyện An Lão, 2024)"
    assert str(cal["X-WR-CALNAME"]) == escape_text(name)    # an X- property is kept raw: "\,"
    assert "X-WR-CALNAME:" + escape_text(name) + "\r\n" in data.replace("\r\n ", "")
    desc = str(next(iter(cal.walk("VEVENT")))["DESCRIPTION"]).split("\n")
    assert desc[0].startswith("Thời hạn theo Kế hoạch: “") and desc[-1].startswith("Tình trạng và nguồn: ")


def test_escape_text_round_trips_awkward_input():
    from icalendar import Event
    awkward = 'a,b;c\\d\r\ne\nf "g" – Đảng ủy'
    wire = "BEGIN:VEVENT\r\n" + fold("SUMMARY:" + escape_text(awkward) * 3) + "\r\nEND:VEVENT\r\n"
    assert str(Event.from_ical(wire)["SUMMARY"]) == awkward.replace("\r\n", "\n") * 3


def test_each_event_starts_with_its_uid_for_the_checker(reg, tmp_path):
    """scripts/tasks/check_deadlines.py reads UID before DTSTART in each event: the calendar
    keeps insertion order (an alphabetical one puts DTSTART first and the check fails)."""
    from scripts.tasks.check_deadlines import check_calendar
    data = build_calendar(reg, "en", "https://x.example/", date(2026, 11, 29))
    good = tmp_path / "good.ics"
    good.write_bytes(data.encode("utf-8"))
    assert check_calendar(reg, good, "en") == []
    sorted_cal = Calendar.from_ical(data).to_ical(sorted=True)
    bad = tmp_path / "sorted.ics"
    bad.write_bytes(sorted_cal)
    assert check_calendar(reg, bad, "en") != []
