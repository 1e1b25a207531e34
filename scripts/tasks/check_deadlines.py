"""Check the plan's task data and, optionally, the task tables of a built site.

    python scripts/tasks/check_deadlines.py              check data/tasks.yml and data/bodies.yml
    python scripts/tasks/check_deadlines.py site         … and every task table and calendar in site/

Checks: the schema of both files, unique ids, known bodies, real dates (31/02 is an error),
both languages present, and that each task's deadline in words (Vietnamese, as the plan words
it) means what its structured deadline says. With a built site: every task table (HTML tables
marked data-tasks-table) and every calendar file matches the data as of the day it was built.

Then prints a summary editors can act on: overdue tasks, deadlines in the next 60 days, tasks
whose lead body no longer exists.

Exit status: 0 clean, 1 problems found, 2 misuse (bad option, site folder that does not exist).
Every problem names the file and line, what is wrong and how to fix it, in Vietnamese and English.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.tasks import ics as task_ics  # noqa: E402

from scripts.tasks import pages as task_pages  # noqa: E402
from scripts.tasks.status import compute  # noqa: E402
from scripts.tasks.model import (BODIES_FILE, OVERDUE, TASKS_FILE, Problem, Registry,  # noqa: E402
                           check, display_path)

SOON_DAYS = 60


class Misuse(Exception):
    """Wrong command line; main() prints it and returns 2."""


class _Args(argparse.ArgumentParser):
    def error(self, message):                       # argparse would print English and exit(2)
        raise Misuse(f"tham số không đúng / bad arguments: {message}")


def _iso(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}': cần dạng YYYY-MM-DD / expected YYYY-MM-DD")


def parse_args(argv):
    parser = _Args(prog="check_deadlines.py",
                   description="Kiểm tra dữ liệu nhiệm vụ / check the plan's task data.")
    parser.add_argument("site", nargs="?", type=Path,
                        help="thư mục trang đã dựng / built site folder (e.g. site)")
    parser.add_argument("--tasks", type=Path, default=TASKS_FILE)
    parser.add_argument("--bodies", type=Path, default=BODIES_FILE)
    parser.add_argument("--today", type=_iso, default=None,
                        help="ngày tính tình trạng / day to compute status for (YYYY-MM-DD)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------------------------------------
# Built site: task tables
# ---------------------------------------------------------------------------------------------

@dataclass
class Row:
    id: str
    state: str
    line: int
    cells: dict[str, str] = field(default_factory=dict)     # data-col -> text
    fields: dict[str, str] = field(default_factory=dict)    # data-field -> text


@dataclass
class Table:
    lang: str
    as_of: str
    line: int
    rows: list[Row] = field(default_factory=list)


class _TableParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._table: Table | None = None
        self._row: Row | None = None
        self._col: str | None = None
        self._field: str | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "table" and "data-tasks-table" in a:
            self._table = Table(a.get("data-lang", ""), a.get("data-as-of", ""), self.getpos()[0])
            self.tables.append(self._table)
            self._depth = 1
            return
        if self._table is None:
            return
        if tag == "table":
            self._depth += 1
        if tag == "tr" and a.get("data-task"):
            self._row = Row(a["data-task"], a.get("data-state", ""), self.getpos()[0])
            self._table.rows.append(self._row)
        if self._row is not None and tag in ("td", "th") and "data-col" in a:
            self._col = a["data-col"]
            self._row.cells[self._col] = ""
        if self._row is not None and "data-field" in a:
            self._field = a["data-field"]
            self._row.fields[self._field] = ""

    def handle_endtag(self, tag):
        if self._table is None:
            return
        if tag in ("span", "q") and self._field:
            self._field = None
        if tag in ("td", "th"):
            self._col = None
        if tag == "tr":
            self._row = None
        if tag == "table":
            self._depth -= 1
            if self._depth == 0:
                self._table = None

    def handle_data(self, data):
        if self._row is not None and self._col:
            self._row.cells[self._col] += data
        if self._row is not None and self._field:
            self._row.fields[self._field] += data


def _norm(text: str) -> str:
    return " ".join(text.split())


def _plain(html_text: str) -> str:
    from html import unescape
    return _norm(unescape(re.sub(r"<[^>]+>", "", html_text)))


def _site_problem(path: Path, line: int, vi: str, en: str) -> Problem:
    fix_vi = " Cách sửa: trang đã dựng cũ hơn dữ liệu hoặc đã bị sửa tay; dựng lại trang " \
             "(mkdocs build) rồi kiểm tra lại."
    fix_en = " Fix: the built site is older than the data or was edited by hand; rebuild it " \
             "(mkdocs build) and check again."
    return Problem(display_path(path), line, vi + fix_vi, en + fix_en)


def check_table(reg: Registry, table: Table, path: Path) -> list[Problem]:
    out: list[Problem] = []
    if table.lang not in ("vi", "en"):
        return [_site_problem(path, table.line, f"Bảng nhiệm vụ không ghi ngôn ngữ (data-lang="
                              f"'{table.lang}').", f"The task table has no language "
                              f"(data-lang='{table.lang}').")]
    try:
        as_of = date.fromisoformat(table.as_of)
    except ValueError:
        return [_site_problem(path, table.line, "Bảng nhiệm vụ không ghi ngày dựng (data-as-of).",
                              "The task table does not say when it was built (data-as-of).")]
    lang = table.lang
    expected = [t.id for t in reg.tasks]
    found = [r.id for r in table.rows]
    for missing in [i for i in expected if i not in found]:
        out.append(_site_problem(path, table.line, f"Bảng thiếu dòng của nhiệm vụ '{missing}'.",
                                 f"The table has no row for task '{missing}'."))
    for extra in [r for r in table.rows if r.id not in expected]:
        out.append(_site_problem(path, extra.line, f"Bảng có dòng '{extra.id}' không có trong "
                                 "dữ liệu.", f"The table has a row '{extra.id}' that is not in "
                                 "the data."))
    if not out and found != expected:
        out.append(_site_problem(path, table.line, "Thứ tự các dòng khác thứ tự trong dữ liệu.",
                                 "The rows are not in the order of the data."))
    rows = {r.id: r for r in table.rows}
    for task in reg.tasks:
        row = rows.get(task.id)
        if row is None:
            continue

        def differs(what_vi, what_en, shown, wanted):
            out.append(_site_problem(
                path, row.line,
                f"Nhiệm vụ '{task.id}': {what_vi} trên trang là \"{shown}\", dữ liệu "
                f"({display_path(reg.tasks_path)}:{task.line}) ghi \"{wanted}\".",
                f"Task '{task.id}': the page shows {what_en} \"{shown}\", the data "
                f"({display_path(reg.tasks_path)}:{task.line}) says \"{wanted}\"."))

        checks = [
            ("tên", "the title", _norm(row.fields.get("title", "")), task.title.get(lang)),
            ("thời hạn", "the deadline", _norm(row.fields.get("words", "")),
             task.deadline.get(lang)),
            ("cơ quan chủ trì", "the lead bodies", _norm(row.cells.get("lead", "")),
             _plain("; ".join(task_pages.body_names(reg, task.lead, lang, as_of)))),
        ]
        partners = task_pages.body_names(reg, task.partners, lang, as_of) or \
            [task_pages.LABELS[lang]["none_named"]]
        checks.append(("cơ quan phối hợp", "the partner bodies",
                       _norm(row.cells.get("partners", "")), _plain("; ".join(partners))))
        state = compute(task, reg.plan_year, as_of).state or "none"
        checks.append(("tình trạng", "the status", row.state, state))
        for what_vi, what_en, shown, wanted in checks:
            if shown != wanted:
                differs(what_vi, what_en, shown, wanted)
    return out


def _unfold(text: str) -> list[str]:
    return re.sub(r"\r?\n[ \t]", "", text).splitlines()


def check_calendar(reg: Registry, path: Path, lang: str) -> list[Problem]:
    """The .ics holds one event per dated task, with the task's UID and first date."""
    if not path.is_file():
        return [_site_problem(path, 0, "Thiếu tệp lịch .ics.", "The .ics calendar file is missing.")]
    lines = _unfold(path.read_text(encoding="utf-8"))
    events, current = {}, None
    for line in lines:
        if line.startswith("UID:"):
            current = line[4:]
            events[current] = {}
        elif current and line.startswith("DTSTART"):
            events[current]["start"] = line.split(":", 1)[1]
        elif current and line.startswith("RRULE"):
            events[current]["rrule"] = line.split(":", 1)[1]
    out = []
    for task in task_pages.calendar_items(reg):
        uid = task_ics.uid(task, lang)
        due = task.due
        start = due.date if due.kind == "once" else date(due.first_year(reg.plan_year),
                                                         due.month, due.day)
        event = events.pop(uid, None)
        if event is None or event.get("start") != f"{start:%Y%m%d}":
            out.append(_site_problem(path, 0, f"Lịch thiếu hoặc sai sự kiện của nhiệm vụ "
                                              f"'{task.id}' (ngày {start:%d/%m/%Y}).",
                                     f"The calendar lacks, or has a wrong, event for task "
                                     f"'{task.id}' (date {start:%Y-%m-%d})."))
    for uid in events:
        out.append(_site_problem(path, 0, f"Lịch có sự kiện '{uid}' không có trong dữ liệu.",
                                 f"The calendar has an event '{uid}' that is not in the data."))
    return out


def check_site(reg: Registry, site: Path) -> list[Problem]:
    out: list[Problem] = []
    seen = set()
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "data-tasks-table" not in text:
            continue
        parser = _TableParser()
        parser.feed(text)
        for table in parser.tables:
            seen.add((path.resolve(), table.lang))
            out += check_table(reg, table, path)
    for lang, prefix in (("vi", ""), ("en", "en/")):
        page = site / prefix / "ke-hoach/nhiem-vu/index.html"
        if (page.resolve(), lang) not in seen:
            out.append(_site_problem(page, 0, "Trang nhiệm vụ không có bảng nhiệm vụ "
                                              "(dấu chèn <!-- tasks:table -->).",
                                     "The tasks page has no task table (marker "
                                     "<!-- tasks:table -->)."))
        out += check_calendar(reg, site / prefix / task_pages.ICS_PATH, lang)
    return out


# ---------------------------------------------------------------------------------------------
# Summary for editors
# ---------------------------------------------------------------------------------------------

def summary(reg: Registry, today: date) -> str:
    fd = task_pages.fmt_date
    overdue, soon, gone = [], [], []
    for task in reg.tasks:
        status = compute(task, reg.plan_year, today)
        title = task.title.vi
        if status.state == OVERDUE:
            dates = status.missed or ((status.due,) if status.due else ())
            when = ", ".join(fd(d, "vi") for d in dates)
            overdue.append(f"  - {task.id} ({task.code}) hạn / due {when}: {title}")
        nxt = task.due.next_due(reg.plan_year, today)
        if nxt and nxt <= today + timedelta(days=SOON_DAYS):
            left = (nxt - today).days
            soon.append(f"  - {task.id} ({task.code}) {fd(nxt, 'vi')} "
                        f"(còn {left} ngày / {left} days left): {title}")
        ceased = reg.ceased_leads(task, today)
        if ceased:
            names = "; ".join(f"{b.name.vi} (không còn từ / ended {fd(b.ceased.date, 'vi')})"
                              for b in ceased)
            gone.append(f"  - {task.id} ({task.code}): {names}")

    def block(head: str, items: list[str]) -> list[str]:
        return [f"{head} ({len(items)}):"] + (items or ["  (không có / none)"])

    lines = [f"Tóm tắt cho biên tập viên / Summary for editors — ngày / as of {fd(today, 'vi')}:"]
    lines += block("Quá hạn, chưa ghi nhận hoàn thành / Overdue, no completion recorded", overdue)
    lines += block(f"Hạn trong {SOON_DAYS} ngày tới / Due in the next {SOON_DAYS} days", soon)
    lines += block("Cơ quan chủ trì không còn tồn tại / Lead body no longer exists", gone)
    return "\n".join(lines)


def main(argv=None) -> int:
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
        if args.site is not None and not args.site.is_dir():
            raise Misuse(f"không có thư mục trang đã dựng '{args.site}' / no built site folder "
                         f"'{args.site}': dựng trang trước / build it first (mkdocs build)")
    except Misuse as exc:
        print(f"check_deadlines.py: {exc}", file=sys.stderr)
        print("Cách dùng / usage: python scripts/tasks/check_deadlines.py [SITE_DIR] [--tasks FILE] "
              "[--bodies FILE] [--today YYYY-MM-DD]", file=sys.stderr)
        return 2
    today = args.today or date.today()
    registry, problems = check(args.tasks, args.bodies, today)
    if registry is not None and args.site is not None:
        problems += check_site(registry, args.site)
    for problem in problems:
        print(problem)
    if registry is not None:
        if problems:
            print()
        print(summary(registry, today))
    if problems:
        print(f"\n{len(problems)} lỗi / problem(s) found.")
        return 1
    print("\nDữ liệu nhiệm vụ hợp lệ / task data OK"
          + (f"; bảng trong '{args.site}' khớp dữ liệu / tables in '{args.site}' match"
             if args.site else "") + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
