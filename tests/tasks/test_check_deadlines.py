"""scripts/tasks/check_deadlines.py: one test per kind of bad input (exit code AND file:line), the
real data, the built-site comparison, the summary, and misuse."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.tasks.check_deadlines import main
from scripts.tasks.model import BODIES_FILE, TASKS_FILE

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-29"


def variant(tmp_path: Path, old: str, new: str, source: Path = TASKS_FILE) -> tuple[Path, int]:
    """A copy of a data file with `old` replaced once by `new`; returns (path, line of `new`)."""
    text = source.read_text(encoding="utf-8")
    start = max(text.find("\ntasks:\n"), text.find("\nsources:\n"), 0)  # past the comments
    at = text.index(old, start)
    text = text[:at] + new + text[at + len(old):]
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path, text[:at].count("\n") + 1


def plan_only(tmp_path: Path) -> Path:
    """The real tasks without any recorded status: what the plan itself says, which does not
    change when editors record progress."""
    text = re.sub(r"    status:\n(?:      .*\n)*", "", TASKS_FILE.read_text(encoding="utf-8"))
    path = tmp_path / "plan-only.yml"
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str]:
    code = main([*args, "--today", TODAY])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def check_tasks(capsys, path: Path) -> tuple[int, str]:
    return run(capsys, "--tasks", str(path))


# --- the real data ---------------------------------------------------------------------------

def test_real_data_passes(capsys):
    code, out = run(capsys)
    assert code == 0, out
    assert "task data OK" in out and "lỗi / error" not in out


def test_summary_lists_overdue_soon_and_ceased_leads(capsys, tmp_path):
    _, out = check_tasks(capsys, plan_only(tmp_path))
    overdue = out.split("Overdue")[1].split("Due in the next")[0]
    assert "ii-1 (II.1) hạn / due 30/9/2024" in overdue
    assert "iii-1 (III.1) hạn / due 15/12/2024, 15/12/2025" in overdue
    soon = out.split("Due in the next 60 days")[1].split("Lead body no longer exists")[0]
    assert "iii-1 (III.1) 15/12/2026 (còn 16 ngày / 16 days left)" in soon
    gone = out.split("Lead body no longer exists")[1]
    assert "ii-1 (II.1): Ban Tuyên giáo Huyện ủy An Lão (không còn từ / ended 01/7/2025)" in gone


def test_summary_on_an_earlier_day_has_nothing_overdue(capsys, tmp_path):
    code = main(["--tasks", str(plan_only(tmp_path)), "--today", "2024-08-15"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Overdue, no completion recorded (0)" in out
    assert "ii-1 (II.1) 30/9/2024 (còn 46 ngày / 46 days left)" in out


# --- one test per kind of bad input ----------------------------------------------------------

def test_broken_yaml_names_the_line_without_a_traceback(tmp_path):
    path, line = variant(tmp_path, "    section: II.2\n", "    section: II.2\n\tpartners: []\n")
    done = subprocess.run([sys.executable, str(ROOT / "scripts/tasks/check_deadlines.py"),
                           "--tasks", str(path), "--today", TODAY],
                          capture_output=True, text=True, cwd=ROOT)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert f"{path}:{line + 1}:" in out                    # the line with the tab
    assert "YAML" in out and "Traceback" not in out
    assert "Cách sửa" in out and "Fix:" in out


def test_broken_yaml_in_the_bodies_registry(tmp_path, capsys):
    path, line = variant(tmp_path, "  - id: hdnd-huyen\n", "  - id: hdnd-huyen\n    name: [\n",
                         source=BODIES_FILE)
    code, out = run(capsys, "--bodies", str(path))
    assert code == 1
    assert f"{path}:" in out and "YAML" in out and "Traceback" not in out


def test_duplicate_id(tmp_path, capsys):
    path, line = variant(tmp_path, "  - id: ii-2\n", "  - id: ii-1\n")
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{line}:" in out
    assert "bị trùng" in out and "Duplicate task id 'ii-1'" in out


def test_unknown_body(tmp_path, capsys):
    path, line = variant(tmp_path, "    lead: [hdnd-huyen]\n", "    lead: [hdnd-xa]\n")
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{line}:" in out
    assert "'hdnd-xa'" in out and "data/bodies.yml" in out and "Fix:" in out


def test_impossible_date(tmp_path, capsys):
    path, line = variant(tmp_path, "date: 2024-09-30", "date: 2024-02-31")
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{line}:" in out
    assert "không phải ngày có thật" in out and "not a real date" in out


def test_impossible_yearly_date(tmp_path, capsys):
    path, line = variant(tmp_path, "{kind: yearly-date, month: 12, day: 15}",
                         "{kind: yearly-date, month: 2, day: 31}")
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{line}:" in out and "31/02" in out


def test_worded_deadline_contradicts_the_date(tmp_path, capsys):
    # The example: "quý III năm 2024" with a date in June.
    path, _ = variant(tmp_path, "date: 2024-09-30", "date: 2024-06-30")
    words_line = path.read_text(encoding="utf-8").splitlines().index(
        "      vi: Hoàn thành trong quý III năm 2024") + 1
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{words_line}:" in out
    assert '"quý III năm 2024"' in out and "30/09/2024" in out and "30/06/2024" in out


def test_worded_deadline_contradicts_the_kind(tmp_path, capsys):
    path, _ = variant(tmp_path, "      vi: Thực hiện hằng năm\n", "      vi: Không nêu thời hạn\n")
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert "'ongoing'" in out and "'yearly'" in out


def test_worded_deadline_contradicts_the_start_year(tmp_path, capsys):
    path, _ = variant(tmp_path, "{kind: yearly, from: 2024}", "{kind: yearly, from: 2025}")
    code, out = check_tasks(capsys, path)
    assert code == 1 and "2025" in out and "2024" in out


def test_unreadable_worded_deadline_is_reported_with_the_forms(tmp_path, capsys):
    # The source's own typo "qúy" must not slip through as a deadline.
    path, line = variant(tmp_path, "vi: Hoàn thành trong quý III năm 2024",
                         "vi: Hoàn thành trong qúy III năm 2024")
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{line}:" in out and "hằng năm" in out


def test_missing_translation(tmp_path, capsys):
    en = "      en: Study sessions, briefings and awareness-raising on Directive 28-CT/TW\n"
    path, _ = variant(tmp_path, en, "")
    vi_line = path.read_text(encoding="utf-8").splitlines().index(
        "      vi: Tổ chức nghiên cứu, học tập, quán triệt và tuyên truyền Chỉ thị số 28-CT/TW") + 1
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{vi_line}:" in out
    assert "Thiếu bản tiếng Anh ('en') của 'title'" in out and "English text ('en')" in out


def test_missing_translation_of_a_deadline(tmp_path, capsys):
    path, line = variant(tmp_path, "      en: To be completed in the third quarter of 2024\n",
                         "      en: \"\"\n")
    code, out = check_tasks(capsys, path)
    assert code == 1 and f"{path}:{line}:" in out and "'deadline'" in out


def test_untranslated_copy_is_caught(tmp_path, capsys):
    path, line = variant(tmp_path, "      en: To be completed in the third quarter of 2024\n",
                         "      en: Hoàn thành trong quý III năm 2024\n")
    code, out = check_tasks(capsys, path)
    assert code == 1 and f"{path}:{line}:" in out and "not translated" in out


def test_missing_translation_in_the_bodies_registry(tmp_path, capsys):
    path, line = variant(tmp_path, "      en: People's Council of An Lão district\n", "",
                         source=BODIES_FILE)
    code, out = run(capsys, "--bodies", str(path))
    assert code == 1 and f"{path}:" in out and "English text ('en') of 'name'" in out


# --- more schema checks ----------------------------------------------------------------------

@pytest.mark.parametrize("old,new,needle", [
    ("    lead: [ubnd-huyen]\n", "    leads: [ubnd-huyen]\n", "Unknown field 'leads'"),
    ("{kind: once, date: 2024-09-30}", "{kind: someday, date: 2024-09-30}", "Unknown deadline kind"),
    ("date: 2024-09-30", "date: 30/09/2024", "YYYY-MM-DD"),
    ("  - id: ii-5\n", "  - id: ii-6\n", "does not match its place"),
    ("  - id: ii-5\n", "  - id: II 5\n", "is not valid"),
    ("    partners: [ubnd-huyen, co-quan-lien-quan]\n",
     "    partners: [ban-tuyen-giao-huyen-uy]\n", "both leads and partners"),
])
def test_schema_problems_name_their_line(tmp_path, capsys, old, new, needle):
    path, line = variant(tmp_path, old, new)
    code, out = check_tasks(capsys, path)
    assert code == 1, out
    assert needle in out
    assert f"{path}:{line}:" in out


def test_duplicate_key_is_not_silently_overwritten(tmp_path, capsys):
    path, line = variant(tmp_path, "    section: II.2\n", "    section: II.2\n    section: II.3\n")
    code, out = check_tasks(capsys, path)
    assert code == 1 and f"{path}:{line + 1}:" in out and "written twice" in out


@pytest.mark.parametrize("record,needle", [
    ("state: finished, as_of: 2024-09-20", "Unknown state 'finished'"),
    ("state: done-on-time, as_of: 2027-01-01", "in the future"),
    ("state: overdue, as_of: 2024-09-01", "cannot be overdue"),
    ("state: done-on-time, as_of: 2024-09-20, evidence: 'see file'", "'evidence' must be"),
    ("state: done-on-time, as_of: 2024-09-20, year: 2024", "only for yearly tasks"),
])
def test_bad_status_records(tmp_path, capsys, record, needle):
    path, line = variant(tmp_path, "      due: {kind: once, date: 2024-09-30}\n",
                         "      due: {kind: once, date: 2024-09-30}\n"
                         f"    status:\n      - {{{record}}}\n")
    code, out = check_tasks(capsys, path)
    assert code == 1, out
    assert needle in out and f"{path}:" in out


def test_a_valid_status_record_is_accepted_and_shown(tmp_path, capsys):
    path, _ = variant(tmp_path, "      due: {kind: once, date: 2024-09-30}\n",
                      "      due: {kind: once, date: 2024-09-30}\n"
                      "    status:\n      - {state: done-on-time, as_of: 2024-09-20}\n")
    code, out = check_tasks(capsys, path)
    assert code == 0, out
    overdue = out.split("Overdue")[1].split("Due in the next")[0]
    assert "- ii-1 " not in overdue and "- iii-1 " in overdue


def test_unknown_ceased_source(tmp_path, capsys):
    path, line = variant(tmp_path, "      source: cap-huyen-2025\n", "      source: bao-chi\n",
                         source=BODIES_FILE)
    code, out = run(capsys, "--bodies", str(path))
    assert code == 1 and f"{path}:{line}:" in out and "'bao-chi'" in out


# --- misuse ----------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--bogus"], ["no-such-site-dir"], ["--today", "31/02/2026"],
                                  ["a", "b"]])
def test_misuse_exits_2_with_a_bilingual_message(capsys, args):
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert "Cách dùng / usage" in err


# --- the built site --------------------------------------------------------------------------

def test_built_site_matches_the_data(built_site, capsys):
    code = main([str(built_site)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "tables in" in out


@pytest.fixture
def site_copy(built_site, tmp_path):
    dest = tmp_path / "site"
    shutil.copytree(built_site, dest)
    return dest


def _edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def test_hand_edited_deadline_in_the_built_table_is_caught(site_copy, capsys):
    page = site_copy / "ke-hoach/nhiem-vu/index.html"
    line = _edit(page, '<q data-field="words">Hoàn thành trong quý III năm 2024</q>',
                 '<q data-field="words">Hoàn thành trong quý IV năm 2024</q>')
    code = main([str(site_copy)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{page}:{line}:" in out
    assert "ii-1" in out and "quý IV" in out and "mkdocs build" in out


def test_stale_status_and_missing_row_in_the_english_table(site_copy, capsys):
    page = site_copy / "en/ke-hoach/nhiem-vu/index.html"
    _edit(page, 'data-task="ii-1" data-state="overdue"', 'data-task="ii-1" data-state="done-on-time"')
    _edit(page, 'id="iii-4" data-task="iii-4"', 'id="iii-9" data-task="iii-9"')
    code = main([str(site_copy)])
    out = capsys.readouterr().out
    assert code == 1
    assert 'the page shows the status "done-on-time"' in out and 'says "overdue"' in out
    assert "no row for task 'iii-4'" in out and "row 'iii-9'" in out


def test_missing_task_table_and_calendar_are_caught(site_copy, capsys):
    (site_copy / "en/ke-hoach/nhiem-vu/nhiem-vu.ics").unlink()
    page = site_copy / "ke-hoach/nhiem-vu/index.html"
    _edit(page, "data-tasks-table", "data-something-else")
    code = main([str(site_copy)])
    out = capsys.readouterr().out
    assert code == 1
    assert "no task table" in out and "calendar file is missing" in out


def test_calendar_with_a_wrong_date_is_caught(site_copy, capsys):
    ics = site_copy / "ke-hoach/nhiem-vu/nhiem-vu.ics"
    _edit(ics, "DTSTART;VALUE=DATE:20240930", "DTSTART;VALUE=DATE:20240630")
    code = main([str(site_copy)])
    out = capsys.readouterr().out
    assert code == 1 and "task 'ii-1'" in out and str(ics) in out


# --- the English deadline words are compared with `due` too (issue 18, item 6) ---------------

def _two_edits(tmp_path: Path, edits: list[tuple[str, str]]) -> tuple[Path, str]:
    text = TASKS_FILE.read_text(encoding="utf-8")
    head, body = text.split("\ntasks:\n", 1)                  # past the comments
    for old, new in edits:
        assert old in body, old
        body = body.replace(old, new, 1)
    text = head + "\ntasks:\n" + body
    path = tmp_path / TASKS_FILE.name
    path.write_text(text, encoding="utf-8")
    return path, text


def test_english_words_left_behind_when_vi_and_due_move_are_caught(tmp_path, capsys):
    """The issue's example: `due` and the Vietnamese words moved to 2099 together, the English
    still says "third quarter of 2024"."""
    path, text = _two_edits(tmp_path, [("date: 2024-09-30", "date: 2099-09-30"),
                                       ("vi: Hoàn thành trong quý III năm 2024", "vi: Hoàn thành trong quý III năm 2099")])
    en_line = text.splitlines().index("      en: To be completed in the third quarter of 2024") + 1
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{en_line}:" in out
    assert "(English)" in out and "(tiếng Anh)" in out
    assert "30/09/2024" in out and "30/09/2099" in out
    assert out.count(f"{path}:") == 1, out              # the Vietnamese line agrees: no report there


@pytest.mark.parametrize("old,new,shown", [
    ("en: In 2024 and the following years", "en: In 2025 and the following years", "2025"),
    ("en: Every year", "en: No deadline stated", "'ongoing'"),
    ("en: Periodic report before 15 December every year", "en: Periodic report before 15 November every year", "15/11"),
    ("en: To be completed in the third quarter of 2024", "en: To be completed in the second quarter of 2024", "30/06/2024"),
])
def test_each_english_contradiction_is_reported_at_its_line(tmp_path, capsys, old, new, shown):
    path, line = variant(tmp_path, old, new)
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{line}:" in out and shown in out and "(English)" in out


def test_unreadable_english_deadline_is_reported_with_the_forms(tmp_path, capsys):
    path, line = variant(tmp_path, "en: Every year", "en: Soon")
    code, out = check_tasks(capsys, path)
    assert code == 1
    assert f"{path}:{line}:" in out and "Cannot read the English deadline" in out
    assert "Không hiểu thời hạn tiếng Anh" in out and "third quarter of 2024" in out
