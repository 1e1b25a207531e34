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
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path}: tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start}); lưu lại bằng UTF-8 hoặc lấy "
            f"lại bản cũ bằng git / the file is not UTF-8 (bad byte at offset {exc.start}); save it as "
            "UTF-8 or restore it from git"
        ) from None
    except (OSError, yaml.YAMLError, ValueError, RecursionError) as exc:  # a date like 2024-02-31; [[[[…
        raise DataError(
            f"{path}: không đọc được tệp số điện thoại / cannot read the phone registry: {exc}"
        ) from None
    if not isinstance(raw, list) or not raw:
        found_vi, found_en = ("tệp trống", "the file is empty") if raw is None or raw == [] else (
            f"đang là {type(raw).__name__}", f"found {type(raw).__name__}")
        raise DataError(
            f"{path}: cần một danh sách số, mỗi số một mục '- number: …' ({found_vi}) / expected a list "
            f"of numbers, one '- number: …' entry each ({found_en}); see CONTRIBUTING.md#so-dien-thoai"
        )
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
