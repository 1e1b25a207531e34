"""Read a deadline as the plan words it in Vietnamese (`parse`), or as its English translation
says it (`parse_en`), and say what it means as data.

The forms the An Lão plan (and plans like it) use:

| words                                             | meaning                        |
|---------------------------------------------------|--------------------------------|
| "hoàn thành trong quý III năm 2024"               | once, by 30/09/2024            |
| "trước ngày 30/9/2024", "trong tháng 9 năm 2024", "trong năm 2024" | once, by that day |
| "trước ngày 15/12 hằng năm"                       | every year by 15/12            |
| "năm 2024 và các năm tiếp theo" (also "… cập nhật, bổ sung các năm tiếp theo") | every year from 2024 |
| "hằng năm", "hàng năm"                            | every year (no year named)     |
| "thường xuyên", "định kỳ", "không nêu thời hạn"   | ongoing or periodic, no date   |

`parse` returns a `Worded` (kind plus whatever the words pin down) or None when the words
match no form. Dated forms are tried first, so "báo cáo định kỳ trước ngày 15/12 hằng năm" is
a yearly date, not an undated periodic task.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

ONCE, YEARLY_DATE, YEARLY, ONGOING = "once", "yearly-date", "yearly", "ongoing"
KINDS = (ONCE, YEARLY_DATE, YEARLY, ONGOING)

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EVERY_YEAR = r"h[ằà]ng\s+năm"


@dataclass(frozen=True)
class Worded:
    kind: str
    date: date | None = None        # once: the last day allowed
    month: int | None = None        # yearly-date
    day: int | None = None          # yearly-date
    year: int | None = None         # yearly / yearly-date: the first year, when the words name it
    form: str = ""                  # which form matched, for messages ("quý III năm 2024")


class WordsError(ValueError):
    """The words name something impossible (quý V, 31/02)."""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _real_date(year: int, month: int, day: int, words: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise WordsError(f"'{words}' không phải ngày có thật / is not a real date") from None


def parse(text: str) -> Worded | None:
    """Meaning of a Vietnamese deadline phrase; None if it matches no known form.

    Raises WordsError when the form is recognised but names an impossible date or quarter.
    """
    t = _norm(text)
    search = functools.partial(re.search, string=t, flags=re.IGNORECASE)

    # Every year on a fixed day: "trước ngày 15/12 hằng năm".
    m = search(r"(?:trước\s+)?ngày\s+(\d{1,2})/(\d{1,2})\s+" + _EVERY_YEAR)
    if m:
        day, month = int(m.group(1)), int(m.group(2))
        _real_date(2023, month, day, m.group(0))          # a non-leap year: 29/02 is not yearly
        return Worded(YEARLY_DATE, month=month, day=day, form=m.group(0))

    # Every year from a named year: "năm 2024 và (cập nhật, bổ sung) các năm tiếp theo".
    m = search(r"năm\s+(\d{4})\s+và\b[^.;]*?\bcác\s+năm\s+tiếp\s+theo")
    if m:
        return Worded(YEARLY, year=int(m.group(1)), form=m.group(0))

    # Once: a quarter.
    m = search(r"quý\s+([ivx]+|\d)\s+năm\s+(\d{4})")
    if m:
        quarter = _QUARTERS.get(m.group(1).lower())
        if quarter is None:
            raise WordsError(f"'{m.group(0)}': không có quý này / there is no such quarter")
        year, last_month = int(m.group(2)), quarter * 3
        last_day = calendar.monthrange(year, last_month)[1]
        return Worded(ONCE, date=date(year, last_month, last_day), form=m.group(0))

    # Once: a full date.
    m = search(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")
    if m:
        day, month, year = (int(g) for g in m.groups())
        return Worded(ONCE, date=_real_date(year, month, day, m.group(0)), form=m.group(0))

    # Once: a month.
    m = search(r"tháng\s+(\d{1,2})(?:\s+năm\s+|/)(\d{4})")
    if m:
        month, year = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise WordsError(f"'{m.group(0)}': không có tháng này / there is no such month")
        return Worded(ONCE, date=date(year, month, calendar.monthrange(year, month)[1]),
                      form=m.group(0))

    # Once: a whole year ("trong năm 2024", "hoàn thành năm 2024").
    m = search(r"(?:trong|hoàn\s+thành(?:\s+trong)?)\s+năm\s+(\d{4})")
    if m:
        return Worded(ONCE, date=date(int(m.group(1)), 12, 31), form=m.group(0))

    # Every year, no year named.
    m = search(_EVERY_YEAR)
    if m:
        return Worded(YEARLY, form=m.group(0))

    # Ongoing or periodic, no date.
    m = search(r"thường\s+xuyên|định\s+kỳ|không\s+(?:nêu|ghi|có)\s+thời\s+hạn")
    if m:
        return Worded(ONGOING, form=m.group(0))
    return None



# ---------------------------------------------------------------------------------------------
# English: the translations editors write in data/tasks.yml, read with the same meanings
# ---------------------------------------------------------------------------------------------

_MONTHS = {name: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
_MONTH = r"(" + "|".join(_MONTHS) + r")"
_ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                     "3rd": 3, "4th": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
                     "1": 1, "2": 2, "3": 3, "4": 4}
_EVERY_YEAR_EN = r"every\s+year|each\s+year|yearly|annually|a\s+year"


def _quarter_end(quarter: int | None, year: int, words: str) -> date:
    if quarter is None:
        raise WordsError(f"'{words}': không có quý này / there is no such quarter")
    last_month = quarter * 3
    return date(year, last_month, calendar.monthrange(year, last_month)[1])


def parse_en(text: str) -> Worded | None:
    """Meaning of an English deadline phrase (the translation of the plan's words), with the same
    kinds as `parse`; None if it matches no known form. Raises WordsError for impossible dates."""
    t = _norm(text)
    search = functools.partial(re.search, string=t, flags=re.IGNORECASE)

    # Every year on a fixed day: "before 15 December every year", "by 15/12 each year".
    m = search(r"(?:before|by|on)\s+(?:(\d{1,2})\s+" + _MONTH + r"|" + _MONTH + r"\s+(\d{1,2})|"
               r"(\d{1,2})/(\d{1,2})(?!/))\s*,?\s+(?:" + _EVERY_YEAR_EN + r")")
    if m:
        if m.group(1):
            day, month = int(m.group(1)), _MONTHS[m.group(2).lower()]
        elif m.group(3):
            day, month = int(m.group(4)), _MONTHS[m.group(3).lower()]
        else:
            day, month = int(m.group(5)), int(m.group(6))
        _real_date(2023, month, day, m.group(0))
        return Worded(YEARLY_DATE, month=month, day=day, form=m.group(0))

    # Every year from a named year: "In 2024 and the following years", "from 2024 on".
    m = search(r"(?:in|from)\s+(\d{4})\b[^.;]*?\b(?:the\s+)?(?:following|subsequent|next)\s+years"
               r"|from\s+(\d{4})\s+(?:on|onwards)\b")
    if m:
        return Worded(YEARLY, year=int(m.group(1) or m.group(2)), form=m.group(0))

    # Once: a quarter ("in the third quarter of 2024", "Q3 2024").
    m = search(r"(first|second|third|fourth|1st|2nd|3rd|4th|\d)\s+quarter\s+(?:of\s+)?(\d{4})"
               r"|\bq([1-4]|[ivx]+)\s+(\d{4})|quarter\s+([ivx]+|\d)\s+(?:of\s+)?(\d{4})")
    if m:
        name = (m.group(1) or m.group(3) or m.group(5)).lower()
        year = int(m.group(2) or m.group(4) or m.group(6))
        return Worded(ONCE, date=_quarter_end(_ORDINAL_QUARTERS.get(name), year, m.group(0)),
                      form=m.group(0))

    # Once: a full date ("by 30 September 2024", "before 30/9/2024", "September 30, 2024").
    m = search(r"(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})")
    if m:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
        return Worded(ONCE, date=_real_date(year, month, day, m.group(0)), form=m.group(0))
    m = search(_MONTH + r"\s+(\d{1,2}),?\s+(\d{4})")
    if m:
        month, day, year = _MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
        return Worded(ONCE, date=_real_date(year, month, day, m.group(0)), form=m.group(0))
    m = search(r"(\d{1,2})/(\d{1,2})/(\d{4})")
    if m:
        day, month, year = (int(g) for g in m.groups())
        return Worded(ONCE, date=_real_date(year, month, day, m.group(0)), form=m.group(0))

    # Once: a month ("in September 2024").
    m = search(_MONTH + r"\s+(\d{4})")
    if m:
        month, year = _MONTHS[m.group(1).lower()], int(m.group(2))
        return Worded(ONCE, date=date(year, month, calendar.monthrange(year, month)[1]),
                      form=m.group(0))

    # Once: a whole year ("in 2024", "by the end of 2024", "within 2025").
    m = search(r"(?:in|during|within|by\s+the\s+end\s+of|before\s+the\s+end\s+of)\s+(\d{4})\b")
    if m:
        return Worded(ONCE, date=date(int(m.group(1)), 12, 31), form=m.group(0))

    # Every year, no year named.
    m = search(_EVERY_YEAR_EN)
    if m:
        return Worded(YEARLY, form=m.group(0))

    # Ongoing or periodic, no date.
    m = search(r"ongoing|regularly|continuous(?:ly)?|periodic(?:ally)?|"
               r"no\s+deadline(?:\s+(?:stated|given|set))?")
    if m:
        return Worded(ONGOING, form=m.group(0))
    return None

FORMS_HELP_VI = ('"hoàn thành trong quý III năm 2024", "trước ngày 30/9/2024", '
                 '"trước ngày 15/12 hằng năm", "năm 2024 và các năm tiếp theo", "hằng năm", '
                 '"thường xuyên", "định kỳ", "không nêu thời hạn"')
FORMS_HELP_EN_WORDS = ('"To be completed in the third quarter of 2024", "by 30 September 2024", '
                       '"before 15 December every year", "In 2024 and the following years", '
                       '"Every year", "Periodic", "No deadline stated"')
FORMS_HELP_EN = ("one of the Vietnamese forms: quarter and year, a full date, a day and month "
                 "'hằng năm' (every year), 'năm 2024 và các năm tiếp theo' (from 2024 on), "
                 "'hằng năm', or 'thường xuyên' / 'định kỳ' / 'không nêu thời hạn' (no date)")
