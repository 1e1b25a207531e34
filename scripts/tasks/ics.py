"""The plan's dated deadlines as an iCalendar file (RFC 5545) for Google, Outlook and phones.

- one-off deadlines: all-day events (DTSTART;VALUE=DATE, DTEND the next day);
- yearly deadlines ("trước ngày 15/12 hằng năm"): an all-day event from the first year with
  RRULE:FREQ=YEARLY;
- UIDs come from the task id and the language only, so re-importing or re-subscribing updates
  events instead of duplicating them, whatever the build or the address;
- each event links back to its row in the task table (URL and description);
- CRLF line ends, TEXT escaping, lines folded at 75 octets without splitting a UTF-8 character.

Standard library only; tests validate the output with the `icalendar` library.
"""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urljoin

from scripts.tasks import deadline_words as words
from scripts.tasks.pages import due_text, fmt_date
from scripts.tasks.model import Registry, Task

UID_DOMAIN = "ke-hoach-ct28.an-lao"

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
    """RFC 5545 §3.3.11 TEXT escaping."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = 75 if not out else 74            # continuation lines start with one space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)


def task_url(site_url: str, lang: str, task: Task) -> str:
    prefix = "" if lang == "vi" else f"{lang}/"
    return urljoin(site_url.rstrip("/") + "/", f"{prefix}ke-hoach/nhiem-vu/") + f"#{task.id}"


def uid(task: Task, lang: str) -> str:
    return f"{task.id}.{lang}@{UID_DOMAIN}"


def _event(reg: Registry, task: Task, lang: str, site_url: str, today: date) -> list[str]:
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
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid(task, lang)}",
        f"DTSTAMP:{today:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
    ]
    if due.kind == words.YEARLY_DATE:
        lines.append("RRULE:FREQ=YEARLY")
    lines += [
        "SUMMARY:" + escape_text(T["summary_before" if due.kind == words.YEARLY_DATE else "summary"]
                                 .format(code=task.code, title=task.title.get(lang))),
        "DESCRIPTION:" + escape_text("\n".join(desc)),
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    return lines


def build_calendar(reg: Registry, lang: str, site_url: str, today: date) -> str:
    T = _TEXTS[lang]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Bao ve tre em Chi thi 28-CT/TW//Nhiem vu Ke hoach An Lao//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(T["name"]),
        "X-WR-CALDESC:" + escape_text(T["desc"]),
    ]
    for task in reg.tasks:
        if task.due.is_dated:
            lines += _event(reg, task, lang, site_url, today)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)

