"""When is a page due for review?

Each page's front matter says when it was last reviewed:

    reviewed: 2026-11-30

A page with legal or phone content (a `tel:` link, a phone or emergency marker, or a citation of
a law, decree, circular or article) is due `legal_months` after that day; any other page
`months` after it. Both numbers, and how many days ahead the check starts warning, are set in
one place, mkdocs.yml:

    extra:
      review: {months: 12, legal_months: 6, warn_days: 30}
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What makes a page "legal or phone" content (its review is due sooner).
_LEGAL_OR_PHONE = re.compile(
    r"tel:|<!--\s*(?:phones|emergency)\b"
    r"|\b(?:Nghị định|Nghị quyết|Thông tư|Luật|Bộ luật|Hiến pháp|Quyết định)\s"
    r"|\b(?:Decree|Circular|Resolution|Law on|Labour Code|Constitution|Decision)\b"
    r"|\bĐiều \d+|\bArticles? \d+",
)

MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


@dataclass(frozen=True)
class ReviewPolicy:
    months: int = 12          # ordinary pages
    legal_months: int = 6     # pages with legal or phone content
    warn_days: int = 30       # the check warns this many days before a review is due

    @classmethod
    def from_config(cls, extra: dict | None) -> "ReviewPolicy":
        """From mkdocs.yml `extra.review`; missing keys keep their defaults. Raises ValueError."""
        raw = (extra or {}).get("review") or {}
        if not isinstance(raw, dict):
            raise ValueError("mkdocs.yml: extra.review phải là các dòng 'khóa: số' / "
                             "extra.review must be 'key: number' lines")
        values = {}
        for key in ("months", "legal_months", "warn_days"):
            if key in raw:
                value = raw[key]
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    raise ValueError(f"mkdocs.yml: extra.review.{key} phải là số nguyên dương, "
                                     f"không phải {value!r} / extra.review.{key} must be a whole "
                                     f"number above 0, not {value!r}")
                values[key] = value
        return cls(**values)


def is_legal_or_phone(markdown: str) -> bool:
    return bool(_LEGAL_OR_PHONE.search(markdown))


def page_policy_months(markdown: str, policy: ReviewPolicy) -> int:
    return policy.legal_months if is_legal_or_phone(markdown) else policy.months


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31/8 + 6 -> 28/2)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(reviewed: date, markdown: str, policy: ReviewPolicy) -> date:
    return add_months(reviewed, page_policy_months(markdown, policy))


def parse_reviewed(value) -> date | None:
    """A `reviewed:` value as a date; None when it is not a real YYYY-MM-DD day."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def fmt(day: date, lang: str) -> str:
    """"30/11/2026" in Vietnamese, "30 November 2026" in English."""
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {MONTH_NAMES_EN[day.month - 1]} {day.year}"
