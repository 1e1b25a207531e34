"""The plan's dated deadlines as an iCalendar file (RFC 5545) for Google, Outlook and phones.

- one-off deadlines: all-day events (DTSTART;VALUE=DATE, DTEND the next day);
- yearly deadlines ("trước ngày 15/12 hằng năm"): an all-day event from the first year with
  RRULE:FREQ=YEARLY;
- UIDs come from the task id and the language only, so re-importing or re-subscribing updates
  events instead of duplicating them, whatever the build or the address;
- each event links back to its row in the task table (URL and description).

The file is written by the maintained `icalendar` library (TEXT escaping, line folding at 75
octets without splitting a UTF-8 character, CRLF line ends); this module only says what goes in.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin

from icalendar import Calendar, Event, vText
from icalendar.parser import Contentline

from scripts.tasks import deadline_words as words
from scripts.tasks.pages import due_text, fmt_date
from scripts.tasks.model import Registry, Task

UID_DOMAIN = "ke-hoach-ct28.an-lao"
PRODID = "-//Bao ve tre em Chi thi 28-CT/TW//Nhiem vu Ke hoach An Lao//{lang}"

_TEXTS = {
    "vi": {
        "name": "Thời hạn Kế hoạch thực hiện Chỉ thị 28-CT/TW (huyện An Lão, 2024)",
        "desc": "Các thời hạn có ngày cụ thể trong Kế hoạch của Ban Thường vụ Huyện ủy An Lão "
                "thực hiện Chỉ thị 28-CT/TW.",
        "summary": "Hạn nhiệm vụ {code}: {title}",
        # yearly dates come only from "trước ngày dd/mm hằng năm" (deadline_words.py)
        "summary_before": "Hạn (trước ngày này) nhiệm vụ {code}: {title}",
        "words": "Thời hạn theo Kế hoạch: “{words}”.",
        "lead": "Chủ trì: {names}.", "partners": "Phối hợp: {names}.",
        "gone": "Lưu ý: {names} không còn từ {date}.",
        "more": "Tình trạng và nguồn: {url}",
    },
    "en": {
        "name": "Deadlines of the An Lão plan implementing Directive 28-CT/TW (2024)",
        "desc": "The dated deadlines in the An Lão District Party Standing Committee's plan "
                "implementing Directive 28-CT/TW.",
        "summary": "Deadline, task {code}: {title}",
        "summary_before": "Due before this day, task {code}: {title}",
        "words": "Deadline in the plan: “{words}”.",
        "lead": "Lead: {names}.", "partners": "Partners: {names}.",
        "gone": "Note: {names} ended on {date}.",
        "more": "Status and sources: {url}",
    },
}


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT escaping, as `icalendar` writes it."""
    return vText(value).to_ical().decode("utf-8")


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 §3.1), as `icalendar` folds it."""
    return Contentline(line).to_ical().decode("utf-8")


def task_url(site_url: str, lang: str, task: Task) -> str:
    prefix = "" if lang == "vi" else f"{lang}/"
    return urljoin(site_url.rstrip("/") + "/", f"{prefix}ke-hoach/nhiem-vu/") + f"#{task.id}"


def uid(task: Task, lang: str) -> str:
    return f"{task.id}.{lang}@{UID_DOMAIN}"


def _event(reg: Registry, task: Task, lang: str, site_url: str, today: date) -> Event:
    T = _TEXTS[lang]
    due = task.due
    start = due.date if due.kind == words.ONCE else date(due.first_year(reg.plan_year),
                                                         due.month, due.day)
    url = task_url(site_url, lang, task)

    def names(ids) -> str:
        return ", ".join(reg.bodies[b].name.get(lang) for b in ids)

    desc = [T["words"].format(words=task.deadline.get(lang)),
            due_text(task, reg.plan_year, lang, today) + ".",
            T["lead"].format(names=names(task.lead))]
    if task.partners:
        desc.append(T["partners"].format(names=names(task.partners)))
    gone = reg.ceased_leads(task, today)
    if gone:
        desc.append(T["gone"].format(names=", ".join(b.name.get(lang) for b in gone),
                                     date=fmt_date(gone[0].ceased.date, lang)))
    desc.append(T["more"].format(url=url))

    event = Event()
    event.add("uid", uid(task, lang))
    event.add("dtstamp", datetime(today.year, today.month, today.day, tzinfo=timezone.utc))
    event.add("dtstart", start)                         # a date: all day, VALUE=DATE
    event.add("dtend", start + timedelta(days=1))
    if due.kind == words.YEARLY_DATE:
        event.add("rrule", {"FREQ": "YEARLY"})
    event.add("summary", T["summary_before" if due.kind == words.YEARLY_DATE else "summary"]
              .format(code=task.code, title=task.title.get(lang)))
    event.add("description", "\n".join(desc))
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(reg: Registry, lang: str, site_url: str, today: date) -> str:
    T = _TEXTS[lang]
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID.format(lang=lang.upper()))
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", vText(T["name"]))       # X- properties: TEXT, escaped
    cal.add("x-wr-caldesc", vText(T["desc"]))
    for task in reg.tasks:
        if task.due.is_dated:
            cal.add_component(_event(reg, task, lang, site_url, today))
    # Insertion order, not alphabetical: UID first in each event, as calendar apps expect
    # and as scripts/tasks/check_deadlines.py reads it.
    return cal.to_ical(sorted=False).decode("utf-8")
