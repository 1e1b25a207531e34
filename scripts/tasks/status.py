"""What the site says about a task's progress on a given day, from recorded status and dates.

Rules (explained to readers on /ke-hoach/nhiem-vu/):

- A recorded completion ("done on time", "done late") is shown as recorded, with its date.
  Nothing is ever shown as done without such a record.
- A dated task (once, or every year on a fixed day) whose deadline has passed with no recorded
  completion is "overdue" — computed from the build date, and labelled as computed.
- A dated task whose deadline has not come yet, with no completion recorded, is "in progress,
  within its deadline" — also labelled as computed.
- A task without a date (every year, ongoing) shows its latest record, or "no status recorded":
  without a date there is nothing to compute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scripts.tasks import deadline_words as words
from scripts.tasks.model import DONE_STATES, IN_PROGRESS, OVERDUE, StatusRecord, Task

NO_STATUS = None  # state value meaning "no status recorded"


@dataclass(frozen=True)
class Status:
    state: str | None                  # one of tasks.STATES, or None: no status recorded
    computed: bool                     # True: derived from dates on `today`, not recorded
    today: date
    record: StatusRecord | None = None # the record shown (latest relevant one)
    due: date | None = None            # the deadline the state is about
    missed: tuple[date, ...] = ()      # passed yearly deadlines with no completion recorded
    next_due: date | None = None


def _latest(records, predicate=lambda r: True) -> StatusRecord | None:
    chosen = [r for r in records if predicate(r)]
    return max(chosen, key=lambda r: r.as_of) if chosen else None


def compute(task: Task, plan_year: int, today: date) -> Status:
    due, records = task.due, task.status
    next_due = due.next_due(plan_year, today)

    if due.kind == words.ONCE:
        latest = _latest(records)
        if latest and latest.state in DONE_STATES:
            return Status(latest.state, False, today, latest, due.date)
        if today > due.date:
            recorded = latest is not None and latest.state == OVERDUE
            return Status(OVERDUE, not recorded, today, latest, due.date)
        if latest is not None:
            return Status(latest.state, False, today, latest, due.date, next_due=next_due)
        return Status(IN_PROGRESS, True, today, None, due.date, next_due=next_due)

    if due.kind == words.YEARLY_DATE:
        done_years = {r.year for r in records if r.state in DONE_STATES}
        passed = [d for d in due.occurrences(plan_year, today) if d < today]
        missed = tuple(d for d in passed if d.year not in done_years)
        if missed:
            latest = _latest(records, lambda r: r.year == missed[0].year)
            recorded = latest is not None and latest.state == OVERDUE
            return Status(OVERDUE, not recorded, today, latest, missed[0], missed, next_due)
        current = _latest(records, lambda r: r.year == next_due.year)
        if current is not None:
            return Status(current.state, False, today, current, next_due, next_due=next_due)
        last = _latest(records)
        return Status(IN_PROGRESS, True, today, last, next_due, next_due=next_due)

    # yearly without a date, ongoing: only a record can say anything.
    latest = _latest(records)
    if latest is not None:
        return Status(latest.state, False, today, latest)
    return Status(NO_STATUS, False, today)
