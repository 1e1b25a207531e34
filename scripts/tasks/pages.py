"""Render the task data into page content, in either language.

Pages keep plain Markdown with markers (HTML comments, invisible anywhere else) that the
build hook (scripts/tasks/hook_tasks.py) replaces with what this module renders. A marker stands
alone on its line; inside a code block it is left as it is:

    <!-- tasks:table -->          the task and deadline table with status (rows id="<task id>")
    <!-- tasks:by-body -->        each body, what it leads and what it supports (### headings;
                                  `<!-- tasks:by-body level=2 -->` for ## headings)
    <!-- tasks:body ubnd-huyen --> one body's lists (lead / partner), no heading
    <!-- tasks:timeline -->       dated deadlines, next ones first, then past ones
    <!-- tasks:calendar -->       the link to the iCalendar file

The table is HTML (rows need ids and labels for the phone layout); the other blocks are
Markdown, so MkDocs checks their links like any other.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from datetime import date

from mkdocs.utils import get_relative_url

from scripts.core.escaping import markdown_text
from scripts.tasks import deadline_words as words
from scripts.tasks.status import Status, compute
from scripts.tasks.model import (DONE_LATE, DONE_ON_TIME, DONE_STATES, IN_PROGRESS, OVERDUE, Body,
                           Registry, Task)

TASKS_PAGE = "ke-hoach/nhiem-vu/index.md"
PLAN_PAGE = "ke-hoach/index.md"
ICS_NAME = "nhiem-vu.ics"
ICS_PATH = "ke-hoach/nhiem-vu/" + ICS_NAME
MARKER = re.compile(r"<!--\s*tasks:(?P<kind>[a-z-]+)(?P<args>(?:\s+[^\s>]+)*)\s*-->")
MARKER_KINDS = ("table", "by-body", "body", "timeline", "calendar")

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

LABELS = {
    "vi": {
        "caption": "Nhiệm vụ của Kế hoạch và thời hạn; tình trạng tính đến ngày {today}",
        "task": "Nhiệm vụ", "lead": "Chủ trì", "partners": "Phối hợp", "deadline": "Thời hạn",
        "status": "Tình trạng", "in_plan": "Mục {section} trong Kế hoạch",
        "none_named": "Kế hoạch không nêu",
        "ceased": "không còn từ {date}",
        "due_once": "Hạn: {date}",
        "due_yearly_date": "Hằng năm, trước ngày {dm} (từ năm {year}); kỳ tới: trước ngày {next}",
        "due_yearly": "Hằng năm, từ năm {year}; Kế hoạch không nêu ngày cụ thể",
        "due_ongoing": "Thường xuyên hoặc định kỳ; không có ngày cụ thể",
        DONE_ON_TIME: "Hoàn thành đúng hạn", DONE_LATE: "Hoàn thành quá hạn",
        IN_PROGRESS: "Đang thực hiện, trong hạn", OVERDUE: "Quá hạn",
        "no_status": "Chưa ghi nhận tình trạng",
        "computed": "tính theo ngày dựng trang, tức tính đến ngày {today}",
        "recorded": "ghi nhận ngày {date}",
        "no_completion": "chưa ghi nhận hoàn thành hạn {dates}",
        "no_date": "không có ngày cụ thể để tính",
        "evidence": "nguồn ghi nhận",
        "lead_gone": "Cơ quan chủ trì không còn tồn tại",
        "lead_partly_gone": "Một phần cơ quan chủ trì không còn tồn tại",
        "lead_tasks": "Chủ trì ({n})", "partner_tasks": "Phối hợp ({n})",
        "short": "Viết tắt: {short}.",
        "body_ceased": "Không còn từ {date}.",
        "generic": "Kế hoạch không nêu tên cụ thể các cơ quan này.",
        "ceased_group": "Các cơ quan sau không còn từ {date}: {names}. Căn cứ: {source}",
        "upcoming": "Sắp tới", "past": "Đã qua",
        "days_left": "còn {n} ngày", "today": "hôm nay",
        "as_of": "tính đến ngày {today}",
        "timeline_as_of": "Số ngày còn lại và tình trạng tính đến ngày {today} (ngày dựng trang).",
        "past_done": "đã ghi nhận: {state}", "past_missing": "chưa ghi nhận hoàn thành",
        "no_upcoming": "Không còn thời hạn nào sắp tới.",
        "undated_note": "Các nhiệm vụ không có ngày cụ thể (hằng năm, thường xuyên) không nằm "
                        "trong dòng thời gian; xem bảng nhiệm vụ.",
        "calendar": "Tải lịch thời hạn (tệp .ics, {n} sự kiện)",
        "calendar_note": "Gồm các thời hạn có ngày cụ thể: {items}.",
        "cal_once": "{code}, hạn {date}",
        "cal_yearly": "{code}, ngày {dm} hằng năm từ năm {year}",
        "sep": "; ",
    },
    "en": {
        "caption": "The plan's tasks and deadlines; status as of {today}",
        "task": "Task", "lead": "Lead", "partners": "Partners", "deadline": "Deadline",
        "status": "Status", "in_plan": "Section {section} of the plan",
        "none_named": "None named in the plan",
        "ceased": "ended {date}",
        "due_once": "Due: {date}",
        "due_yearly_date": "Every year before {dm} (from {year}); next: before {next}",
        "due_yearly": "Every year from {year}; the plan gives no date",
        "due_ongoing": "Ongoing or periodic; no date",
        DONE_ON_TIME: "Done on time", DONE_LATE: "Done late",
        IN_PROGRESS: "In progress, within deadline", OVERDUE: "Overdue",
        "no_status": "No status recorded",
        "computed": "computed on the build date, as of {today}",
        "recorded": "recorded {date}",
        "no_completion": "no completion recorded for {dates}",
        "no_date": "no date to compute from",
        "evidence": "record",
        "lead_gone": "The lead body no longer exists",
        "lead_partly_gone": "Some lead bodies no longer exist",
        "lead_tasks": "Leads ({n})", "partner_tasks": "Partner in ({n})",
        "short": "Short form: {short}.",
        "body_ceased": "Ended on {date}.",
        "generic": "The plan does not name these agencies.",
        "ceased_group": "These bodies ended on {date}: {names}. Basis: {source}",
        "upcoming": "Coming up", "past": "Past",
        "days_left": "{n} days left", "today": "today",
        "as_of": "as of {today}",
        "timeline_as_of": "Days left and statuses as of {today} (the build date).",
        "past_done": "recorded: {state}", "past_missing": "no completion recorded",
        "no_upcoming": "No deadline is coming up.",
        "undated_note": "Tasks without a date (every year, ongoing) are not on the timeline; "
                        "see the task table.",
        "calendar": "Download the deadline calendar (.ics file, {n} events)",
        "calendar_note": "It holds the deadlines that have a date: {items}.",
        "cal_once": "{code}, due {date}",
        "cal_yearly": "{code}, {dm} every year from {year}",
        "sep": "; ",
    },
}


def fmt_date(day: date, lang: str) -> str:
    if lang == "vi":
        return f"{day.day:02d}/{day.month}/{day.year}"     # as the plan writes: 31/5/2024
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def fmt_day_month(month: int, day: int, lang: str) -> str:
    return f"{day:02d}/{month}" if lang == "vi" else f"{day} {_MONTHS_EN[month - 1]}"


@dataclass(frozen=True)
class Where:
    """The page being rendered: its language, Markdown path (without the language folder)
    and URL (with it), so links work from any page."""
    lang: str
    src: str = TASKS_PAGE                # "ke-hoach/nhiem-vu/index.md"
    url: str = "ke-hoach/nhiem-vu/"      # "en/ke-hoach/nhiem-vu/"

    def md(self, target: str, anchor: str = "") -> str:
        """Relative Markdown link to another page's source, e.g. '../ke-hoach/index.md#x'."""
        if target == self.src:
            return f"#{anchor}" if anchor else posixpath.basename(target)
        rel = posixpath.relpath(target, posixpath.dirname(self.src) or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def html(self, target: str, anchor: str = "") -> str:
        """Relative URL (directory URLs) to another page, for raw HTML."""
        prefix = "" if self.lang == "vi" else f"{self.lang}/"
        target_url = prefix + (target[: -len("index.md")] if target.endswith("index.md") else target)
        if target == self.src:
            return f"#{anchor}"
        rel = get_relative_url(target_url or ".", self.url or ".")
        return rel + (f"#{anchor}" if anchor else "")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def body_names(reg: Registry, ids, lang: str, today: date, mark_ceased: bool = True) -> list[str]:
    """Escaped HTML names, each flagged when the body no longer exists."""
    L = LABELS[lang]
    out = []
    for body_id in ids:
        body = reg.bodies[body_id]
        name = _e(body.name.get(lang))
        if mark_ceased and not body.exists_on(today):
            name += (f' <span class="task-ceased">('
                     f'{_e(L["ceased"].format(date=fmt_date(body.ceased.date, lang)))})</span>')
        out.append(name)
    return out


def due_text(task: Task, plan_year: int, lang: str, today: date) -> str:
    L, due = LABELS[lang], task.due
    if due.kind == words.ONCE:
        return L["due_once"].format(date=fmt_date(due.date, lang))
    if due.kind == words.YEARLY_DATE:
        return L["due_yearly_date"].format(dm=fmt_day_month(due.month, due.day, lang),
                                           year=due.first_year(plan_year),
                                           next=fmt_date(due.next_due(plan_year, today), lang))
    if due.kind == words.YEARLY:
        return L["due_yearly"].format(year=due.first_year(plan_year))
    return L["due_ongoing"]


def state_label(state: str | None, lang: str) -> str:
    return LABELS[lang][state] if state else LABELS[lang]["no_status"]


def time_html(day: date, lang: str) -> str:
    """A date for people and machines: <time datetime="2026-11-30">30/11/2026</time>."""
    return f'<time datetime="{day.isoformat()}">{_e(fmt_date(day, lang))}</time>'


def _html_format(template: str, **html_values: str) -> str:
    """Escape the label, then put already-HTML values (such as <time> elements) in it."""
    return _e(template).format(**html_values)


def status_detail(status: Status, lang: str) -> str:
    """HTML explanation under the state label; a computed state carries the date it was
    computed for (the build date) in a <time> element, so a reader sees how fresh it is."""
    L = LABELS[lang]
    parts = []
    if status.missed:
        parts.append(_e(L["no_completion"].format(
            dates=", ".join(fmt_date(d, lang) for d in status.missed))))
    elif status.state == OVERDUE and status.computed:
        parts.append(_e(L["no_completion"].format(dates=fmt_date(status.due, lang))))
    if status.computed:
        parts.append(_html_format(L["computed"], today=time_html(status.today, lang)))
    elif status.record is not None:
        parts.append(_e(L["recorded"].format(date=fmt_date(status.record.as_of, lang))))
    elif status.state is None:
        parts.append(_e(L["no_date"]))
    return _e(L["sep"]).join(parts)


def _status_cell(reg: Registry, task: Task, status: Status, lang: str) -> str:
    L = LABELS[lang]
    css = status.state or "none"
    out = [f'<strong class="task-state task-state--{css}">{_e(state_label(status.state, lang))}'
           "</strong>"]
    detail = status_detail(status, lang)
    if detail:
        out.append(f'<span class="task-note">{detail}</span>')
    record = status.record
    if record is not None and record.note:
        out.append(f'<span class="task-note">{_e(record.note.get(lang))}</span>')
    if record is not None and record.evidence:
        out.append(f'<a href="{_e(record.evidence)}">{_e(L["evidence"])}</a>')
    gone = reg.ceased_leads(task, status.today)
    if gone:
        key = "lead_gone" if len(gone) == len(task.lead) else "lead_partly_gone"
        out.append(f'<span class="task-flag" data-flag="lead-ceased">{_e(L[key])}</span>')
    return "<br>".join(out)


def render_table(reg: Registry, where: Where, today: date) -> str:
    lang, L = where.lang, LABELS[where.lang]
    rows = []
    for task in reg.tasks:
        status = compute(task, reg.plan_year, today)
        partners = body_names(reg, task.partners, lang, today) or [_e(L["none_named"])]
        plan_link = where.html(PLAN_PAGE, task.plan_anchor)
        rows.append(
            f'<tr id="{task.id}" data-task="{task.id}" data-state="{status.state or "none"}">'
            f'<th scope="row" data-col="task" data-label="{_e(L["task"])}">'
            f'<span class="task-code">{task.code}</span> '
            f'<span data-field="title">{_e(task.title.get(lang))}</span><br>'
            f'<a class="task-where" href="{plan_link}">'
            f'{_e(L["in_plan"].format(section=task.section))}</a></th>'
            f'<td data-col="lead" data-label="{_e(L["lead"])}">'
            f'{"; ".join(body_names(reg, task.lead, lang, today))}</td>'
            f'<td data-col="partners" data-label="{_e(L["partners"])}">{"; ".join(partners)}</td>'
            f'<td data-col="deadline" data-label="{_e(L["deadline"])}">'
            f'<q data-field="words">{_e(task.deadline.get(lang))}</q><br>'
            f'<span class="task-due">{_e(due_text(task, reg.plan_year, lang, today))}</span></td>'
            f'<td data-col="status" data-label="{_e(L["status"])}">'
            f'{_status_cell(reg, task, status, lang)}</td></tr>')
    head = "".join(f'<th scope="col">{_e(L[k])}</th>'
                   for k in ("task", "lead", "partners", "deadline", "status"))
    return (f'<div class="task-table">\n<table data-tasks-table data-lang="{lang}" '
            f'data-as-of="{today.isoformat()}">'
            f'<caption>{_html_format(L["caption"], today=time_html(today, lang))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows) +
            "\n</tbody></table>\n</div>")


def _task_line(reg: Registry, task: Task, where: Where, today: date) -> str:
    """'- [II.1 Title](…#ii-1) — deadline words · state' (Markdown)."""
    lang = where.lang
    status = compute(task, reg.plan_year, today)
    title = _md_escape(task.title.get(lang))
    state = state_label(status.state, lang)
    if status.computed:
        state += " (" + _html_format(LABELS[lang]["as_of"], today=time_html(today, lang)) + ")"
    return (f"- [{task.code} {title}]({where.md(TASKS_PAGE, task.id)}) — "
            f"{_md_escape(task.deadline.get(lang))} · {state}")


def _md_escape(text: str) -> str:
    """Data as literal text in Markdown: HTML-escaped, link and emphasis characters escaped
    (a backslash before "<" would show: Python-Markdown does not treat it as an escape)."""
    return markdown_text(text)


def render_body(reg: Registry, body: Body, where: Where, today: date,
                heading_level: int | None = None) -> str:
    lang, L = where.lang, LABELS[where.lang]
    out = []
    if heading_level:
        out.append(f"{'#' * heading_level} {_md_escape(body.name.get(lang))} "
                   f"{{#co-quan-{body.id}}}")
        out.append("")
        facts = [] if body.generic else [L["short"].format(short=_md_escape(body.short.get(lang)))]
        if body.generic:
            facts.append(L["generic"])
        if body.ceased:
            facts.append(L["body_ceased"].format(date=fmt_date(body.ceased.date, lang)))
        if body.note:
            facts.append(_md_escape(body.note.get(lang)))
        out += [" ".join(facts), ""]
    for key, tasks in (("lead_tasks", reg.led_by(body.id)), ("partner_tasks", reg.supported_by(body.id))):
        if not tasks:
            continue
        out += [f"**{L[key].format(n=len(tasks))}**", ""]
        out += [_task_line(reg, t, where, today) for t in tasks]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_by_body(reg: Registry, where: Where, today: date, level: int = 3) -> str:
    lang, L = where.lang, LABELS[where.lang]
    out = ['<div class="task-bodies" markdown>', ""]
    groups: dict[tuple, list[Body]] = {}
    for body in reg.bodies_with_tasks():
        if body.ceased:
            groups.setdefault((body.ceased.date, body.ceased.source.key), []).append(body)
    for (day, key), members in groups.items():
        names = ", ".join(_md_escape(b.name.get(lang)) for b in members)
        out += [L["ceased_group"].format(date=fmt_date(day, lang), names=names,
                                         source=_md_escape(reg.sources[key].text.get(lang))), ""]
    for body in reg.bodies_with_tasks():
        out.append(render_body(reg, body, where, today, heading_level=level))
    out += ["</div>"]
    return "\n".join(out)


@dataclass(frozen=True)
class Moment:
    """One dated deadline on the timeline."""
    day: date
    task: Task
    done_state: str | None      # a recorded completion for this deadline, if any


def timeline(reg: Registry, today: date) -> tuple[list[Moment], list[Moment]]:
    """(upcoming soonest first, past most recent first). Yearly dates: every year until the
    next one to come."""
    upcoming, past = [], []
    for task in reg.tasks:
        due = task.due
        if not due.is_dated:
            continue
        days = due.occurrences(reg.plan_year, today)
        nxt = due.next_due(reg.plan_year, today)
        if nxt and nxt not in days:
            days.append(nxt)
        for day in days:
            if due.kind == words.ONCE:
                done = [r for r in task.status if r.state in DONE_STATES]
            else:
                done = [r for r in task.status if r.state in DONE_STATES and r.year == day.year]
            state = max(done, key=lambda r: r.as_of).state if done else None
            (upcoming if day >= today else past).append(Moment(day, task, state))
    upcoming.sort(key=lambda m: (m.day, m.task.id))
    past.sort(key=lambda m: (m.day, m.task.id), reverse=True)
    return upcoming, past


def render_timeline(reg: Registry, where: Where, today: date) -> str:
    lang, L = where.lang, LABELS[where.lang]
    upcoming, past = timeline(reg, today)

    def line(m: Moment, when: str) -> str:
        leads = ", ".join(_md_escape(reg.bodies[b].short.get(lang)) for b in m.task.lead)
        return (f'- <time datetime="{m.day.isoformat()}">{fmt_date(m.day, lang)}</time> — '
                f"[{m.task.code} {_md_escape(m.task.title.get(lang))}]"
                f"({where.md(TASKS_PAGE, m.task.id)}) · {leads} · {when}")

    out = ['<div class="task-timeline" markdown>', "",
           f'<p class="task-as-of">{_html_format(L["timeline_as_of"], today=time_html(today, lang))}</p>',
           "", f"**{L['upcoming']}**", ""]
    for m in upcoming:
        left = (m.day - today).days
        when = L["today"] if left == 0 else L["days_left"].format(n=left)
        out.append(line(m, when))
    if not upcoming:
        out.append(L["no_upcoming"])
    out += ["", f"**{L['past']}**", ""]
    for m in past:
        when = (L["past_done"].format(state=state_label(m.done_state, lang)) if m.done_state
                else L["past_missing"])
        out.append(line(m, when))
    out += ["", L["undated_note"], "", "</div>"]
    return "\n".join(out)


def calendar_items(reg: Registry) -> list[Task]:
    return [t for t in reg.tasks if t.due.is_dated]


def render_calendar_link(reg: Registry, where: Where, today: date) -> str:
    lang, L = where.lang, LABELS[where.lang]
    items = []
    for task in calendar_items(reg):
        due = task.due
        if due.kind == words.ONCE:
            items.append(L["cal_once"].format(code=task.code, date=fmt_date(due.date, lang)))
        else:
            items.append(L["cal_yearly"].format(code=task.code,
                                                dm=fmt_day_month(due.month, due.day, lang),
                                                year=due.first_year(reg.plan_year)))
    n = len(items)
    return (f'<div class="task-calendar" markdown>\n\n'
            f"[{L['calendar'].format(n=n)}]({where.md(ICS_PATH)}){{ download=\"{ICS_NAME}\" "
            f"type=\"text/calendar\" }}\n\n"
            f"{L['calendar_note'].format(items='; '.join(items))}\n\n</div>")


class MarkerError(ValueError):
    """A marker names an unknown block or body; the message says how to fix it."""


def render_marker(reg: Registry, kind: str, args: list[str], where: Where, today: date) -> str:
    if kind == "table":
        return render_table(reg, where, today)
    if kind == "timeline":
        return render_timeline(reg, where, today)
    if kind == "calendar":
        return render_calendar_link(reg, where, today)
    if kind == "by-body":
        level = 3
        for arg in args:
            m = re.fullmatch(r"level=([2-4])", arg)
            if not m:
                raise MarkerError(f"tham số '{arg}' không dùng được / unknown option '{arg}' "
                                  "(level=2, level=3 or level=4)")
            level = int(m.group(1))
        return render_by_body(reg, where, today, level)
    if kind == "body":
        if len(args) != 1 or args[0] not in reg.bodies:
            known = ", ".join(reg.bodies)
            raise MarkerError(f"cần đúng một mã cơ quan có trong data/bodies.yml / needs exactly "
                              f"one body id from data/bodies.yml ({known})")
        return render_body(reg, reg.bodies[args[0]], where, today)
    raise MarkerError(f"không có khối '{kind}' / no block called '{kind}' "
                      f"(tasks:{', tasks:'.join(MARKER_KINDS)})")
