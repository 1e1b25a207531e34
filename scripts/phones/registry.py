"""The phone registry (data/phones.yml): load it into typed records, refuse bad data.

Besides the texts, an entry may say:
- `hotline: true` on exactly ONE entry: the number the hotline bar shows on every page
  (`hotline_of`); none or two is an error, never "the first entry";
- `words: {vi: [...], en: [...]}`: other words texts use to name the service ("tổng đài",
  "hotline"); with the parts of its `name` they let the phone check see that a text naming the
  service gives the service's own number (scripts/phones/phone_text.py).
"""

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
    hotline: bool = False
    words: dict[str, tuple[str, ...]] | None = None

    def service_words(self, lang: str) -> tuple[str, ...]:
        """Words that name this service in `lang`: its name, the parts of its name ("Cứu hỏa,
        cứu nạn cứu hộ" -> "Cứu hỏa", "cứu nạn cứu hộ"; "Medical emergency (ambulance)" ->
        "Medical emergency", "ambulance") and its `words`."""
        name = self.name.get(lang, "")
        parts = [name] + [part for part in re.split(r"\s*[,;()]\s*", name) if part]
        parts += list((self.words or {}).get(lang, ()))
        seen: dict[str, None] = {}
        for part in parts:
            part = part.strip()
            if len(part) >= 3 and part.casefold() not in seen:
                seen[part.casefold()] = None
        return tuple(seen)

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
        found_vi, found_en = (("tệp trống", "the file is empty") if raw is None else
                              ("danh sách trống; cần ít nhất số đường dây nóng",
                               "the phone registry is empty; it needs at least the hotline") if raw == [] else
                              (f"đang là {type(raw).__name__}", f"found {type(raw).__name__}"))
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
        hotline = item.get("hotline", False)
        if not isinstance(hotline, bool):
            raise DataError(f"{where} ({number}): 'hotline' chỉ được là true hoặc false / "
                            "'hotline' must be true or false")
        words = item.get("words")
        if words is not None:
            if not isinstance(words, dict) or set(words) - set(LANGS) or not all(
                    isinstance(words.get(lang, []), list)
                    and all(isinstance(w, str) and w.strip() for w in words.get(lang, []))
                    for lang in LANGS):
                raise DataError(
                    f"{where} ({number}): 'words' cần dạng {{vi: [từ, …], en: [word, …]}} / "
                    "'words' must be {vi: [word, …], en: [word, …]}")
            words = {lang: tuple(w.strip() for w in words.get(lang, [])) for lang in LANGS}
        phones.append(
            Phone(number=number, id=str(item.get("id") or number), free=item.get("free"),
                  hours=item.get("hours"), hotline=hotline, words=words, **texts)
        )
    numbers = [p.number for p in phones]
    dupes = sorted({n for n in numbers if numbers.count(n) > 1})
    if dupes:
        raise DataError(f"{path}: số bị lặp / duplicate numbers: {', '.join(dupes)}")
    if not phones:
        raise DataError(f"{path}: danh sách số điện thoại trống; cần ít nhất số đường dây nóng / "
                        "the phone registry is empty; it needs at least the hotline")
    hotline_of(phones, path)
    return phones


def hotline_of(phones: list[Phone], path: Path = PHONES_FILE) -> Phone:
    """The ONE entry marked `hotline: true`: the number of the hotline bar on every page."""
    marked = [p for p in phones if p.hotline]
    if len(marked) == 1:
        return marked[0]
    if not marked:
        raise DataError(
            f"{path}: không có số nào ghi 'hotline: true'; thêm dòng 'hotline: true' vào đúng một "
            "mục (số hiện trên thanh đường dây nóng của mọi trang) / no entry has 'hotline: true'; "
            "add 'hotline: true' to exactly one entry (the number the hotline bar shows on every page)")
    raise DataError(
        f"{path}: có {len(marked)} số ghi 'hotline: true' ({', '.join(p.number for p in marked)}); "
        "chỉ giữ ở một số / "
        f"{len(marked)} entries have 'hotline: true' ({', '.join(p.number for p in marked)}); "
        "keep it on exactly one")
