"""Review dates (issue 14): the due-date rules, the check with a fixed "today", and the dates on
every built page."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from scripts.review import check_review, review
from scripts.review.review import ReviewPolicy, add_months, is_legal_or_phone, next_due

POLICY = ReviewPolicy(months=12, legal_months=6, warn_days=30)
REVIEWED = date(2026, 11, 30)


# -- rules --------------------------------------------------------------------------------------

@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 11, 30), 6, date(2027, 5, 30)),
    (date(2026, 11, 30), 12, date(2027, 11, 30)),
    (date(2026, 8, 31), 6, date(2027, 2, 28)),      # shorter month: its last day
    (date(2027, 8, 31), 6, date(2028, 2, 29)),      # leap year
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("text, legal", [
    ("Gọi **[111](tel:111)**.", True),
    ("<!-- phones: 111 -->", True),
    ("<!-- emergency -->", True),
    ("Theo Nghị định 56/2017/NĐ-CP, ...", True),
    ("Luật Trẻ em, Điều 6", True),
    ("Decree 56/2017/ND-CP, Article 22", True),
    ("Bài phát thanh đọc chậm, rõ ràng, trong khoảng hai phút.", False),
    ("Read the radio script slowly and clearly.", False),
])
def test_legal_or_phone_pages_are_recognised(text, legal):
    assert is_legal_or_phone(text) is legal
    assert next_due(REVIEWED, text, POLICY) == (date(2027, 5, 30) if legal else date(2027, 11, 30))


def test_policy_comes_from_mkdocs_yml_and_refuses_bad_numbers():
    assert ReviewPolicy.from_config({"review": {"months": 24}}) == ReviewPolicy(24, 6, 30)
    assert ReviewPolicy.from_config({}) == ReviewPolicy()
    for bad in (0, -1, "6", True, 1.5):
        with pytest.raises(ValueError) as err:
            ReviewPolicy.from_config({"review": {"legal_months": bad}})
        assert "extra.review.legal_months" in str(err.value) and " / " in str(err.value)


def test_the_site_configures_6_and_12_months_in_one_place():
    from scripts.core.checkkit import load_mkdocs_config
    from conftest import ROOT

    extra = load_mkdocs_config(ROOT / "mkdocs.yml")["extra"]
    assert ReviewPolicy.from_config(extra) == ReviewPolicy(months=12, legal_months=6, warn_days=30)


# -- the check, with a fixed "today" --------------------------------------------------------------

def page(tmp_path, front: str, body: str = "Một câu bình thường.", name: str = "a") -> object:
    path = tmp_path / "docs" / "vi" / name / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: T\n{front}---\n\n# T\n\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("today, code", [
    (date(2027, 11, 29), None),             # ordinary page, due 2027-11-30: 1 day left -> warning
    (date(2027, 10, 31), None),             # exactly 30 days left: warning
    (date(2027, 10, 30), "clean"),          # 31 days left: nothing
    (date(2027, 11, 30), None),             # due today: still a warning, not overdue
    (date(2027, 12, 1), "review.overdue"),  # one day late: fails
])
def test_due_soon_warns_and_overdue_fails(tmp_path, today, code):
    path = page(tmp_path, "reviewed: 2026-11-30\n")
    problems, warnings, figures = check_review.check_page(path, POLICY, today)
    if code == "review.overdue":
        assert [p.code for p in problems] == ["review.overdue"] and not warnings
        assert problems[0].line == 3 and "1 days overdue" in problems[0].what.en
        assert "quá hạn" in problems[0].what.vi
    elif code == "clean":
        assert not problems and not warnings
    else:
        assert not problems and [w.code for w in warnings] == ["review.due-soon"]
    assert "next due 2027-11-30 (12 months, ordinary page)" in figures


def test_a_legal_page_is_overdue_after_six_months(tmp_path):
    path = page(tmp_path, "reviewed: 2026-11-30\n", "Gọi **[111](tel:111)** (Nghị định 56/2017/NĐ-CP).")
    problems, _, _ = check_review.check_page(path, POLICY, date(2027, 6, 1))
    assert [p.code for p in problems] == ["review.overdue"] and "every 6 months" in problems[0].what.en


@pytest.mark.parametrize("front, code, line", [
    ("", "review.missing", 1),
    ("reviewed: 2026-02-30\n", "review.invalid", 3),
    ("reviewed: 30/11/2026\n", "review.invalid", 3),
    ("reviewed: 2027-01-01\n", "review.future", 3),
])
def test_missing_wrong_or_future_dates_fail_with_file_line(tmp_path, front, code, line):
    path = page(tmp_path, front)
    problems, _, _ = check_review.check_page(path, POLICY, date(2026, 12, 1))
    assert [(p.code, p.line) for p in problems] == [(code, line)]
    assert problems[0].file.endswith("docs/vi/a/index.md")
    assert problems[0].what.vi and problems[0].what.en and problems[0].fix.vi and problems[0].fix.en
    if code != "review.future":
        assert "reviewed: 2026-12-01" in problems[0].fix.en


def test_command_exit_codes_and_output(tmp_path, capsys):
    page(tmp_path, "reviewed: 2026-11-30\n", name="ok")
    docs = str(tmp_path / "docs")
    assert check_review.main([docs, "--today", "2027-11-15"]) == 0
    out = capsys.readouterr().out
    assert "docs/vi/ok/index.md: reviewed 2026-11-30, next due 2027-11-30" in out
    assert "review.due-soon" in out and "15 days left" in out
    assert check_review.main([docs, "--today", "2027-12-01", "--format", "github"]) == 1
    assert "::error file=" in capsys.readouterr().out
    assert check_review.main([docs, "--today", "tomorrow"]) == 2
    assert check_review.main([str(tmp_path / "nowhere")]) == 2


def test_every_real_page_has_a_valid_review_date(capsys):
    """Checked against a fixed day, so the test does not start failing when reviews fall due."""
    assert check_review.main(["--today", "2026-12-01", "--quiet"]) == 0


# -- the built site --------------------------------------------------------------------------------

_TIME = re.compile(r'<time datetime="(\d{4}-\d{2}-\d{2})" data-review="(last|next)">([^<]+)</time>')


def test_review_dates_render_on_every_page(content_pages):
    """Every page in both languages: "Rà soát lần cuối … · Lần rà soát tiếp theo …" /
    "Last reviewed … · Next review due …", in <time datetime> elements."""
    assert len(content_pages) >= 60
    for p in content_pages:
        html = p.path.read_text(encoding="utf-8")
        block = re.search(r'<p class="page-review">(.*?)</p>', html, re.S)
        assert block, p.url
        times = _TIME.findall(block.group(1))
        assert [t[1] for t in times] == ["last", "next"], p.url
        last, nxt = (date.fromisoformat(t[0]) for t in times)
        assert nxt - last in (timedelta(days=(add_months(last, 6) - last).days),
                              timedelta(days=(add_months(last, 12) - last).days)), p.url
        english = p.url.startswith("en/")
        words = ("Last reviewed", "Next review due") if english else ("Rà soát lần cuối", "Lần rà soát tiếp theo")
        assert all(w in block.group(1) for w in words), p.url
        shown = times[0][2]
        assert shown == (review.fmt(last, "en") if english else review.fmt(last, "vi")), p.url


# -- the weekly issue body (--issue-body) ---------------------------------------------------------

def test_the_report_of_nothing_due_is_empty():
    assert check_review.markdown_report([], date(2027, 1, 1), POLICY) == ""


def test_the_report_lists_overdue_then_due_soon_pages_with_their_dates(tmp_path):
    due = []
    page(tmp_path, "reviewed: 2026-11-30\n", "Gọi **[111](tel:111)**.", name="legal")   # due 2027-05-30
    page(tmp_path, "reviewed: 2026-06-15\n", name="soon")                              # due 2027-06-15
    page(tmp_path, "reviewed: 2027-05-01\n", name="fresh")                             # not due
    page(tmp_path, "reviewed: 2026-02-30\n", name="wrong")                             # invalid: a problem, not due
    for name in ("legal", "soon", "fresh", "wrong"):
        check_review.check_page(tmp_path / "docs/vi" / name / "index.md", POLICY, date(2027, 6, 1), due)
    assert [(e.page.split("/")[-2], e.days_left) for e in due] == [("legal", -2), ("soon", 14)]
    text = check_review.markdown_report(due, date(2027, 6, 1), POLICY)
    overdue = text.index("## Quá hạn rà soát (1 trang) / Review overdue (1 page)")
    soon = text.index("## Sắp đến hạn, trong 30 ngày (1 trang) / Due within 30 days (1 page)")
    assert overdue < soon < text.index("## Cách sửa / How to fix")
    assert "docs/vi/legal/index.md:3` | 2026-11-30 | 2027-05-30 | quá 2 ngày / 2 days overdue |" in text
    assert "docs/vi/soon/index.md:3` | 2026-06-15 | 2027-06-15 | còn 14 ngày / 14 days left |" in text
    assert "fresh" not in text and "wrong" not in text
    assert text.count("CONTRIBUTING.md#check-review") == 2 and "Today: 2027-06-01" in text


def test_a_page_path_cannot_break_the_table():
    entry = check_review.Due("docs/vi/a|b`c/index.md", 3, date(2026, 1, 1), date(2027, 1, 1), -1)
    row = next(line for line in check_review.markdown_report([entry], date(2027, 1, 2), POLICY).splitlines()
               if "index.md" in line)
    assert row.startswith("| `docs/vi/a\\|b'c/index.md:3` |") and row.count(" | ") == 3


def test_issue_body_option_writes_removes_and_refuses_an_unwritable_file(tmp_path, capsys):
    page(tmp_path, "reviewed: 2026-11-30\n", name="ok")          # ordinary page, due 2027-11-30
    docs, body = str(tmp_path / "docs"), tmp_path / "issue.md"
    assert check_review.main([docs, "--today", "2027-12-05", "--quiet", "--issue-body", str(body)]) == 1
    assert "5 days overdue" in body.read_text(encoding="utf-8")
    assert "1 trang đến hạn rà soát / pages due for review" in capsys.readouterr().err
    # nothing due any more: the old body is removed, so no issue is written from it
    assert check_review.main([docs, "--today", "2027-01-01", "--quiet", "--issue-body", str(body)]) == 0
    assert not body.exists()
    assert "No page is due for review" in capsys.readouterr().err
    # a folder where the file should go: a bilingual message and exit 2, no traceback
    assert check_review.main([docs, "--today", "2027-12-05", "--issue-body", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "không ghi được" in err and "cannot write it" in err and "Traceback" not in err
    assert "Give a file name in a folder that exists." in err
