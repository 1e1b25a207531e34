"""The phone registry (data/phones.yml): load it into typed records, refuse bad data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PHONES_FILE = ROOT / "data" / "phones.yml"
LANGS = ("vi", "en")
_NUMBER = re.compile(r"^[0-9]{3,11}$")


class DataError(ValueError):
    """Invalid data file; the message names the file and says how to fix it (vi / en)."""


@dataclass(frozen=True)
class Phone:
    number: str
    id: str
    name: dict[str, str]
    short: dict[str, str]
    when: dict[str, str]
    source: dict[str, str]
    free: bool | None = None
    hours: str | None = None

    def label(self, lang: str) -> str:
        """"111 — Tổng đài quốc gia bảo vệ trẻ em, miễn phí, 24/7"."""
        return f"{self.number} — {self.name[lang]}, {self.short[lang]}"


def load_phones(path: Path = PHONES_FILE) -> list[Phone]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(
            f"{path}: không đọc được tệp số điện thoại / cannot read the phone registry: {exc}"
        ) from exc
    if not isinstance(raw, list):
        raise DataError(f"{path}: cần một danh sách / expected a list of numbers")
    phones: list[Phone] = []
    for i, item in enumerate(raw, 1):
        where = f"{path}: mục {i} / entry {i}"
        if not isinstance(item, dict):
            raise DataError(f"{where}: cần các trường number, id, name… / expected a mapping")
        number = str(item.get("number", ""))
        if not _NUMBER.match(number):
            raise DataError(f"{where}: số '{number}' không hợp lệ / invalid number (digits only)")
        texts = {}
        for key in ("name", "short", "when", "source"):
            value = item.get(key)
            if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGS):
                raise DataError(
                    f"{where} ({number}): thiếu '{key}' tiếng Việt hoặc tiếng Anh / "
                    f"'{key}' needs both 'vi' and 'en' text"
                )
            texts[key] = {lang: str(value[lang]).strip() for lang in LANGS}
        phones.append(
            Phone(number=number, id=str(item.get("id") or number), free=item.get("free"),
                  hours=item.get("hours"), **texts)
        )
    numbers = [p.number for p in phones]
    dupes = sorted({n for n in numbers if numbers.count(n) > 1})
    if dupes:
        raise DataError(f"{path}: số bị lặp / duplicate numbers: {', '.join(dupes)}")
    return phones
