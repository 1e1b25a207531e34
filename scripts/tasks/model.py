"""The plan's tasks and the bodies they name: typed records, read from data/, checked.

data/tasks.yml is the single source of every task (id, title, place in the plan, lead and
partner bodies, deadline in words and as data, recorded status); data/bodies.yml is the
registry of bodies. `check()` reads both and returns every problem it finds, each naming
the file and line, what is wrong and how to fix it, in Vietnamese and English.
`load_registry()` is what the build uses: the data, or a DataError listing the problems.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scripts.tasks import deadline_words as words
from scripts.core.located_yaml import LocDict, LocList, load

ROOT = Path(__file__).resolve().parents[2]
TASKS_FILE = ROOT / "data" / "tasks.yml"
BODIES_FILE = ROOT / "data" / "bodies.yml"
LANGS = ("vi", "en")

# The four states of public task tracking, and their labels.
DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE = "done-on-time", "done-late", "in-progress", "overdue"
STATES = (DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE)
DONE_STATES = (DONE_ON_TIME, DONE_LATE)
KINDS = words.KINDS

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SECTION = re.compile(r"^(I{1,3}|IV|V)(?:\.(\d+))?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class DataError(ValueError):
    """Invalid task data; the message lists every problem with file and line (vi / en)."""


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    vi: str
    en: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: lỗi / error\n  vi: {self.vi}\n  en: {self.en}"


@dataclass(frozen=True)
class Text:
    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True)
class Source:
    key: str
    text: Text
    confidence: str


@dataclass(frozen=True)
class Ceased:
    date: date
    source: Source


@dataclass(frozen=True)
class Body:
    id: str
    name: Text
    short: Text
    ceased: Ceased | None = None
    note: Text | None = None
    generic: bool = False          # "các cơ quan liên quan": a group the plan does not name
    line: int = 0

    def exists_on(self, day: date) -> bool:
        return self.ceased is None or day < self.ceased.date


@dataclass(frozen=True)
class Due:
    """A deadline as data. kind: once | yearly-date | yearly | ongoing."""
    kind: str
    date: date | None = None
    month: int | None = None
    day: int | None = None
    start_year: int | None = None   # `from:` in the data; None = the plan's year

    @property
    def is_dated(self) -> bool:
        return self.kind in (words.ONCE, words.YEARLY_DATE)

    def first_year(self, plan_year: int) -> int:
        return self.start_year or plan_year

    def occurrences(self, plan_year: int, until: date) -> list[date]:
        """Every dated deadline up to and including the year of `until`."""
        if self.kind == words.ONCE:
            return [self.date]
        if self.kind == words.YEARLY_DATE:
            return [date(y, self.month, self.day)
                    for y in range(self.first_year(plan_year), until.year + 1)]
        return []

    def next_due(self, plan_year: int, today: date) -> date | None:
        """The first dated deadline on or after `today` (None if none is left or undated)."""
        if self.kind == words.ONCE:
            return self.date if self.date >= today else None
        if self.kind == words.YEARLY_DATE:
            year = max(today.year, self.first_year(plan_year))
            candidate = date(year, self.month, self.day)
            return candidate if candidate >= today else date(year + 1, self.month, self.day)
        return None


@dataclass(frozen=True)
class StatusRecord:
    state: str
    as_of: date
    year: int | None = None          # for yearly tasks: the year this record is about
    evidence: str | None = None
    note: Text | None = None
    line: int = 0


@dataclass(frozen=True)
class Task:
    id: str
    section: str                     # "II.4", "III"
    item: int | None                 # the n-th "-" point (II.3, II.4) or numbered item (III)
    title: Text
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: Text                   # as the plan words it
    due: Due
    status: tuple[StatusRecord, ...] = ()
    line: int = 0

    @property
    def code(self) -> str:
        """"II.1", "II.4.3", "III.2": how the page names the task."""
        return self.section + (f".{self.item}" if self.item else "")

    @property
    def plan_anchor(self) -> str:
        """Id of the plan heading the task sits under (fixed contract: phan-ii-1 … phan-iii)."""
        return "phan-" + self.section.lower().replace(".", "-")


@dataclass
class Registry:
    plan_year: int
    tasks: list[Task]
    bodies: dict[str, Body]
    tasks_path: Path = TASKS_FILE
    bodies_path: Path = BODIES_FILE
    sources: dict[str, Source] = field(default_factory=dict)

    def task(self, task_id: str) -> Task:
        return next(t for t in self.tasks if t.id == task_id)

    def led_by(self, body_id: str) -> list[Task]:
        return [t for t in self.tasks if body_id in t.lead]

    def supported_by(self, body_id: str) -> list[Task]:
        return [t for t in self.tasks if body_id in t.partners]

    def bodies_with_tasks(self) -> list[Body]:
        return [b for b in self.bodies.values() if self.led_by(b.id) or self.supported_by(b.id)]

    def ceased_leads(self, task: Task, day: date) -> list[Body]:
        return [self.bodies[b] for b in task.lead if not self.bodies[b].exists_on(day)]


# ---------------------------------------------------------------------------------------------
# Reading and checking
# ---------------------------------------------------------------------------------------------

def display_path(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


class _Checker:
    """Collects problems for one file; helpers return None where a value is unusable."""

    def __init__(self, path: Path):
        self.path = display_path(path)
        self.problems: list[Problem] = []

    def add(self, line: int, vi: str, en: str) -> None:
        self.problems.append(Problem(self.path, line, vi, en))

    def mapping(self, value, line: int, what_vi: str, what_en: str) -> LocDict | None:
        if isinstance(value, LocDict):
            for key, dup_line in value.duplicates:
                self.add(dup_line, f"Khóa '{key}' được ghi hai lần trong cùng {what_vi}. "
                                   "Cách sửa: giữ một lần, xóa dòng thừa.",
                         f"Key '{key}' is written twice in the same {what_en}. "
                         "Fix: keep one and delete the other line.")
            return value
        self.add(line, f"{what_vi} phải là một nhóm khóa: giá trị (mapping). "
                       "Cách sửa: viết mỗi trường trên một dòng dạng 'khóa: giá trị'.",
                 f"{what_en} must be a mapping of keys to values. "
                 "Fix: write each field on its own line as 'key: value'.")
        return None

    def keys(self, data: LocDict, allowed: set[str], required: set[str], what_vi: str,
             what_en: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(data.line_of(key),
                         f"Trường '{key}' không dùng được trong {what_vi}. Cách sửa: dùng một "
                         f"trong các trường {', '.join(sorted(allowed))} (kiểm tra lỗi gõ).",
                         f"Unknown field '{key}' in {what_en}. Fix: use one of "
                         f"{', '.join(sorted(allowed))} (check the spelling).")
        for key in sorted(required - set(data)):
            self.add(data.line, f"{what_vi} thiếu trường bắt buộc '{key}'. Cách sửa: thêm '{key}:'.",
                     f"{what_en} lacks the required field '{key}'. Fix: add '{key}:'.")

    def text(self, data: LocDict, key: str, what_vi: str, what_en: str) -> Text | None:
        """data[key] must be a {vi:, en:} mapping (nothing else in it)."""
        value = data.get(key)
        if value is None:
            return None                               # reported by keys() when required
        pair = self.mapping(value, data.line_of(key), f"'{key}' của {what_vi}", f"'{key}' of {what_en}")
        if pair is None:
            return None
        self.keys(pair, set(LANGS), set(), f"'{key}' của {what_vi}", f"'{key}' of {what_en}")
        return self.pair(pair, key, what_vi, what_en)

    def pair(self, pair: LocDict, key: str, what_vi: str, what_en: str) -> Text | None:
        """The 'vi' and 'en' texts in `pair`: both present, non-empty, Vietnamese in NFC."""
        out = {}
        for lang in LANGS:
            raw = pair.get(lang)
            if not isinstance(raw, str) or not raw.strip():
                lang_vi = "tiếng Việt" if lang == "vi" else "tiếng Anh"
                lang_en = "Vietnamese" if lang == "vi" else "English"
                self.add(pair.line_of(lang),
                         f"Thiếu bản {lang_vi} ('{lang}') của '{key}' trong {what_vi}. "
                         f"Cách sửa: thêm dòng '{lang}: …' với nội dung {lang_vi}.",
                         f"The {lang_en} text ('{lang}') of '{key}' in {what_en} is missing. "
                         f"Fix: add a line '{lang}: …' with the {lang_en} text.")
                return None
            out[lang] = " ".join(raw.split())
        if unicodedata.normalize("NFC", out["vi"]) != out["vi"]:
            self.add(pair.line_of("vi"),
                     f"Chữ tiếng Việt của '{key}' trong {what_vi} không ở dạng Unicode NFC "
                     "(dấu tách rời). Cách sửa: gõ lại bằng bộ gõ Unicode dựng sẵn.",
                     f"The Vietnamese '{key}' text in {what_en} is not Unicode NFC (decomposed "
                     "accents). Fix: retype it with a precomposed Unicode keyboard.")
        if out["vi"] == out["en"]:
            self.add(pair.line_of("en"),
                     f"Bản tiếng Anh của '{key}' trong {what_vi} giống hệt bản tiếng Việt: chưa "
                     "được dịch. Cách sửa: viết bản dịch tiếng Anh.",
                     f"The English '{key}' in {what_en} is identical to the Vietnamese: it is "
                     "not translated. Fix: write the English translation.")
        return Text(out["vi"], out["en"])

    def iso_date(self, raw, line: int, what_vi: str, what_en: str) -> date | None:
        m = _ISO.match(str(raw).strip()) if isinstance(raw, (str, int)) else None
        if not m:
            self.add(line, f"{what_vi} '{raw}' không đúng dạng ngày YYYY-MM-DD. "
                           "Cách sửa: viết ví dụ 2024-09-30.",
                     f"{what_en} '{raw}' is not a date written YYYY-MM-DD. "
                     "Fix: write it like 2024-09-30.")
            return None
        try:
            return date(*(int(g) for g in m.groups()))
        except ValueError:
            self.add(line, f"{what_vi} '{raw}' không phải ngày có thật (tháng đó không có ngày "
                           "này). Cách sửa: ghi một ngày có thật.",
                     f"{what_en} '{raw}' is not a real date (that month has no such day). "
                     "Fix: write a real date.")
            return None


def _load_file(path: Path, checker: _Checker):
    data, problem = load(path)
    if problem is not None:
        if problem.line:
            checker.add(problem.line,
                        f"Tệp YAML bị lỗi cú pháp ({problem.detail}). Cách sửa: kiểm tra dòng này "
                        "và dòng ngay trên: thụt đầu dòng bằng dấu cách, dấu ':' sau mỗi khóa, "
                        "dấu ngoặc kép đóng mở đủ.",
                        f"The YAML is broken ({problem.detail}). Fix: check this line and the one "
                        "above: indentation with spaces, a ':' after each key, quotes closed.")
        else:
            checker.add(0, f"Không đọc được tệp ({problem.detail}). Cách sửa: kiểm tra đường dẫn "
                           "và quyền đọc tệp.",
                        f"Cannot read the file ({problem.detail}). Fix: check the path and that "
                        "the file is readable.")
    return data


def _check_bodies(path: Path) -> tuple[dict[str, Body], dict[str, Source], list[Problem]]:
    c = _Checker(path)
    raw = _load_file(path, c)
    bodies: dict[str, Body] = {}
    sources: dict[str, Source] = {}
    if raw is None and c.problems:
        return bodies, sources, c.problems
    top = c.mapping(raw, 1, "tệp danh mục cơ quan", "the bodies registry")
    if top is None:
        return bodies, sources, c.problems
    c.keys(top, {"sources", "bodies"}, {"bodies"}, "tệp danh mục cơ quan", "the bodies registry")

    raw_sources = top.get("sources") or LocDict()
    if c.mapping(raw_sources, top.line_of("sources"), "'sources'", "'sources'") is not None:
        for key, value in raw_sources.items():
            item = c.mapping(value, raw_sources.line_of(key), f"nguồn '{key}'", f"source '{key}'")
            if item is None:
                continue
            c.keys(item, {"vi", "en", "confidence"}, {"vi", "en", "confidence"},
                   f"nguồn '{key}'", f"source '{key}'")
            text = c.pair(item, "vi/en", f"nguồn '{key}'", f"source '{key}'")
            confidence = item.get("confidence")
            if confidence not in ("high", "medium"):
                c.add(item.line_of("confidence"),
                      f"Độ tin cậy của nguồn '{key}' phải là 'high' hoặc 'medium'.",
                      f"The confidence of source '{key}' must be 'high' or 'medium'.")
            if text is not None:
                sources[str(key)] = Source(str(key), text, str(confidence))

    entries = top.get("bodies")
    if not isinstance(entries, LocList):
        c.add(top.line_of("bodies"), "'bodies' phải là một danh sách, mỗi cơ quan bắt đầu bằng '- id:'.",
              "'bodies' must be a list; start each body with '- id:'.")
        return bodies, sources, c.problems
    for index, entry in enumerate(entries):
        line = entries.line_of(index)
        item = c.mapping(entry, line, f"cơ quan thứ {index + 1}", f"body number {index + 1}")
        if item is None:
            continue
        body_id = str(item.get("id", ""))
        what_vi, what_en = f"cơ quan '{body_id or index + 1}'", f"body '{body_id or index + 1}'"
        c.keys(item, {"id", "name", "short", "ceased", "note", "generic"}, {"id", "name", "short"},
               what_vi, what_en)
        if not _ID.match(body_id):
            c.add(item.line_of("id"), f"Mã cơ quan '{body_id}' không hợp lệ. Cách sửa: chỉ dùng "
                                      "chữ thường không dấu, số và dấu '-', ví dụ ubnd-huyen.",
                  f"Body id '{body_id}' is not valid. Fix: use lower-case ASCII letters, digits "
                  "and '-', e.g. ubnd-huyen.")
            continue
        if body_id in bodies:
            c.add(item.line_of("id"), f"Mã cơ quan '{body_id}' bị trùng (đã có ở dòng "
                                      f"{bodies[body_id].line}). Cách sửa: đổi mã hoặc gộp hai mục.",
                  f"Duplicate body id '{body_id}' (already at line {bodies[body_id].line}). "
                  "Fix: rename one or merge the two entries.")
            continue
        name = c.text(item, "name", what_vi, what_en)
        short = c.text(item, "short", what_vi, what_en)
        note = c.text(item, "note", what_vi, what_en) if "note" in item else None
        ceased = None
        if "ceased" in item:
            raw_ceased = c.mapping(item["ceased"], item.line_of("ceased"), f"'ceased' của {what_vi}",
                                   f"'ceased' of {what_en}")
            if raw_ceased is not None:
                c.keys(raw_ceased, {"date", "source"}, {"date", "source"},
                       f"'ceased' của {what_vi}", f"'ceased' of {what_en}")
                day = c.iso_date(raw_ceased.get("date"), raw_ceased.line_of("date"),
                                 "Ngày kết thúc", "End date") if "date" in raw_ceased else None
                key = raw_ceased.get("source")
                if key is not None and str(key) not in sources:
                    c.add(raw_ceased.line_of("source"),
                          f"Nguồn '{key}' chưa có trong mục 'sources'. Cách sửa: thêm nguồn đó "
                          "vào đầu tệp hoặc dùng một nguồn đã có.",
                          f"Source '{key}' is not listed under 'sources'. Fix: add it at the top "
                          "of the file or use an existing one.")
                elif day is not None and key is not None:
                    ceased = Ceased(day, sources[str(key)])
        if name and short:
            bodies[body_id] = Body(body_id, name, short, ceased, note,
                                   bool(item.get("generic", False)), item.line_of("id"))
    return bodies, sources, c.problems


def _section_id(section: str, item: int | None) -> str:
    return section.lower().replace(".", "-") + (f"-{item}" if item else "")


def _check_due(c: _Checker, deadline: LocDict, what_vi: str, what_en: str,
               plan_year: int) -> Due | None:
    raw = c.mapping(deadline.get("due"), deadline.line_of("due"), f"'due' của {what_vi}",
                    f"'due' of {what_en}")
    if raw is None:
        return None
    kind = raw.get("kind")
    fields = {words.ONCE: ({"kind", "date"}, {"kind", "date"}),
              words.YEARLY_DATE: ({"kind", "month", "day", "from"}, {"kind", "month", "day"}),
              words.YEARLY: ({"kind", "from"}, {"kind"}),
              words.ONGOING: ({"kind"}, {"kind"})}
    if kind not in fields:
        c.add(raw.line_of("kind"), f"Loại thời hạn '{kind}' không có. Cách sửa: dùng một trong "
                                   f"{', '.join(KINDS)}.",
              f"Unknown deadline kind '{kind}'. Fix: use one of {', '.join(KINDS)}.")
        return None
    allowed, required = fields[kind]
    c.keys(raw, allowed, required, f"thời hạn '{kind}' của {what_vi}",
           f"the '{kind}' deadline of {what_en}")
    start = raw.get("from")
    if start is not None and (not isinstance(start, int) or start < plan_year):
        c.add(raw.line_of("from"), f"'from' phải là một năm từ {plan_year} trở đi (năm của Kế "
                                   "hoạch).",
              f"'from' must be a year from {plan_year} on (the plan's year).")
        start = None
    if kind == words.ONCE:
        day = c.iso_date(raw.get("date"), raw.line_of("date"), "Thời hạn", "Deadline") \
            if "date" in raw else None
        return Due(kind, date=day) if day else None
    if kind == words.YEARLY_DATE:
        month, day = raw.get("month"), raw.get("day")
        if not isinstance(month, int) or not isinstance(day, int):
            c.add(raw.line, "'month' và 'day' phải là số, ví dụ month: 12, day: 15.",
                  "'month' and 'day' must be numbers, e.g. month: 12, day: 15.")
            return None
        try:
            date(2023, month, day)                    # a non-leap year: 29/02 does not recur
        except ValueError:
            c.add(raw.line_of("day"), f"Ngày {day:02d}/{month:02d} không có thật hoặc không có "
                                      "mỗi năm. Cách sửa: ghi một ngày có thật.",
                  f"{day:02d}/{month:02d} is not a real day of every year. Fix: write a real date.")
            return None
        return Due(kind, month=month, day=day, start_year=start)
    return Due(kind, start_year=start)


def _check_words(c: _Checker, deadline: LocDict, text: Text, due: Due, plan_year: int,
                 what_vi: str, what_en: str) -> None:
    """The worded deadline, in Vietnamese AND in English, must mean what `due` says."""
    _check_words_in(c, deadline, "vi", text.vi, words.parse, due, plan_year, what_vi, what_en)
    _check_words_in(c, deadline, "en", text.en, words.parse_en, due, plan_year, what_vi, what_en)


def _check_words_in(c: _Checker, deadline: LocDict, lang: str, worded: str, parse, due: Due,
                    plan_year: int, what_vi: str, what_en: str) -> None:
    line = deadline.line_of(lang) if lang in deadline else deadline.line
    lang_vi, lang_en = ("", "") if lang == "vi" else (" (tiếng Anh)", " (English)")
    try:
        meaning = parse(worded)
    except words.WordsError as exc:
        c.add(line, f"Thời hạn bằng chữ{lang_vi} của {what_vi} nêu điều không thể có: {exc}.",
              f"The worded deadline{lang_en} of {what_en} names something impossible: {exc}.")
        return
    if meaning is None:
        if lang == "vi":
            c.add(line, f"Không hiểu thời hạn bằng chữ của {what_vi}: \"{worded}\". Cách sửa: ghi "
                        f"theo một dạng Kế hoạch dùng: {words.FORMS_HELP_VI}.",
                  f"Cannot read the worded deadline of {what_en}: \"{worded}\". Fix: use "
                  f"{words.FORMS_HELP_EN}.")
        else:
            c.add(line, f"Không hiểu thời hạn tiếng Anh của {what_vi}: \"{worded}\" (phải dịch đúng "
                        f"thời hạn tiếng Việt). Cách sửa: dịch theo một dạng: {words.FORMS_HELP_EN_WORDS}.",
                  f"Cannot read the English deadline of {what_en}: \"{worded}\" (it must translate "
                  f"the Vietnamese deadline). Fix: word it like {words.FORMS_HELP_EN_WORDS}.")
        return

    def disagree(vi_detail: str, en_detail: str) -> None:
        c.add(line, f"Thời hạn bằng chữ{lang_vi} của {what_vi} (\"{meaning.form}\") không khớp với thời "
                    f"hạn dạng dữ liệu (due): {vi_detail}. Cách sửa: sửa cho khớp với Kế hoạch "
                    "(chữ tiếng Việt, chữ tiếng Anh và due nói cùng một thời hạn).",
              f"The worded deadline{lang_en} of {what_en} (\"{meaning.form}\") contradicts the "
              f"structured deadline (due): {en_detail}. Fix: correct it to match the plan (the "
              "Vietnamese words, the English words and due state the same deadline).")

    if meaning.kind != due.kind:
        disagree(f"chữ nghĩa là '{meaning.kind}', dữ liệu ghi '{due.kind}'",
                 f"the words mean '{meaning.kind}', the data says '{due.kind}'")
        return
    if due.kind == words.ONCE and meaning.date != due.date:
        disagree(f"chữ nghĩa là hạn {meaning.date:%d/%m/%Y}, dữ liệu ghi {due.date:%d/%m/%Y}",
                 f"the words mean {meaning.date:%d/%m/%Y}, the data says {due.date:%d/%m/%Y}")
    if due.kind == words.YEARLY_DATE and (meaning.month, meaning.day) != (due.month, due.day):
        disagree(f"chữ nghĩa là ngày {meaning.day:02d}/{meaning.month:02d}, dữ liệu ghi "
                 f"{due.day:02d}/{due.month:02d}",
                 f"the words mean {meaning.day:02d}/{meaning.month:02d}, the data says "
                 f"{due.day:02d}/{due.month:02d}")
    if meaning.year is not None and due.first_year(plan_year) != meaning.year:
        disagree(f"chữ nêu từ năm {meaning.year}, dữ liệu bắt đầu năm {due.first_year(plan_year)}",
                 f"the words start in {meaning.year}, the data in {due.first_year(plan_year)}")


def _check_status(c: _Checker, task: LocDict, due: Due | None, today: date, what_vi: str,
                  what_en: str) -> tuple[StatusRecord, ...]:
    raw = task.get("status")
    if raw is None:
        return ()
    if not isinstance(raw, LocList):
        c.add(task.line_of("status"), f"'status' của {what_vi} phải là một danh sách các lần ghi "
                                      "nhận, mỗi lần bắt đầu bằng '- state:'.",
              f"'status' of {what_en} must be a list of records, each starting with '- state:'.")
        return ()
    records = []
    for index, entry in enumerate(raw):
        item = c.mapping(entry, raw.line_of(index), f"lần ghi nhận tình trạng của {what_vi}",
                         f"a status record of {what_en}")
        if item is None:
            continue
        c.keys(item, {"state", "as_of", "year", "evidence", "note"}, {"state", "as_of"},
               f"lần ghi nhận tình trạng của {what_vi}", f"a status record of {what_en}")
        state = item.get("state")
        if state not in STATES:
            c.add(item.line_of("state"), f"Tình trạng '{state}' không có. Cách sửa: dùng một "
                                         f"trong {', '.join(STATES)}.",
                  f"Unknown state '{state}'. Fix: use one of {', '.join(STATES)}.")
            continue
        as_of = c.iso_date(item.get("as_of"), item.line_of("as_of"), "Ngày ghi nhận",
                           "Record date") if "as_of" in item else None
        if as_of is None:
            continue
        if as_of > today:
            c.add(item.line_of("as_of"), f"Ngày ghi nhận {as_of:%d/%m/%Y} ở tương lai. Cách sửa: "
                                         "ghi ngày đã biết tình trạng đó.",
                  f"The record date {as_of:%d/%m/%Y} is in the future. Fix: write the day the "
                  "status was known.")
        year = item.get("year")
        recurring = due is not None and due.kind in (words.YEARLY_DATE, words.YEARLY)
        if year is not None and (not isinstance(year, int) or not recurring):
            c.add(item.line_of("year"), "'year' chỉ dùng cho nhiệm vụ hằng năm, và phải là một năm.",
                  "'year' is only for yearly tasks, and must be a year.")
            year = None
        if due is not None and due.kind == words.YEARLY_DATE and year is None:
            c.add(item.line, "Nhiệm vụ có hạn hằng năm: ghi nhận cần 'year' (năm của kỳ hạn).",
                  "A yearly deadline: the record needs 'year' (the year of that deadline).")
        if (state == OVERDUE and due is not None and due.kind == words.ONCE
                and as_of <= due.date):
            c.add(item.line_of("state"), f"Không thể quá hạn vào {as_of:%d/%m/%Y}, trước hạn "
                                         f"{due.date:%d/%m/%Y}.",
                  f"A task cannot be overdue on {as_of:%d/%m/%Y}, before its deadline "
                  f"{due.date:%d/%m/%Y}.")
        evidence = item.get("evidence")
        if evidence is not None and not re.match(r"^(https?://\S+|/\S*)$", str(evidence)):
            c.add(item.line_of("evidence"), "'evidence' phải là một địa chỉ http(s):// hoặc một "
                                            "đường dẫn trong trang bắt đầu bằng '/'.",
                  "'evidence' must be an http(s):// address or a site path starting with '/'.")
            evidence = None
        note = c.text(item, "note", what_vi, what_en) if "note" in item else None
        records.append(StatusRecord(state, as_of, year, evidence, note, item.line))
    return tuple(records)


def _check_tasks(path: Path, bodies: dict[str, Body], today: date
                 ) -> tuple[int, list[Task], list[Problem]]:
    c = _Checker(path)
    raw = _load_file(path, c)
    tasks: list[Task] = []
    if raw is None and c.problems:
        return 0, tasks, c.problems
    top = c.mapping(raw, 1, "tệp nhiệm vụ", "the tasks file")
    if top is None:
        return 0, tasks, c.problems
    c.keys(top, {"plan_year", "tasks"}, {"plan_year", "tasks"}, "tệp nhiệm vụ", "the tasks file")
    plan_year = top.get("plan_year")
    if not isinstance(plan_year, int) or not 2000 <= plan_year <= 2100:
        c.add(top.line_of("plan_year"), "'plan_year' phải là năm ban hành Kế hoạch, ví dụ 2024.",
              "'plan_year' must be the plan's year, e.g. 2024.")
        plan_year = 2024
    entries = top.get("tasks")
    if not isinstance(entries, LocList):
        c.add(top.line_of("tasks"), "'tasks' phải là một danh sách, mỗi nhiệm vụ bắt đầu bằng '- id:'.",
              "'tasks' must be a list; start each task with '- id:'.")
        return plan_year, tasks, c.problems
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = entries.line_of(index)
        item = c.mapping(entry, line, f"nhiệm vụ thứ {index + 1}", f"task number {index + 1}")
        if item is None:
            continue
        task_id = str(item.get("id", ""))
        what_vi, what_en = f"nhiệm vụ '{task_id or index + 1}'", f"task '{task_id or index + 1}'"
        c.keys(item, {"id", "section", "item", "title", "lead", "partners", "deadline", "status"},
               {"id", "section", "title", "lead", "deadline"}, what_vi, what_en)
        id_line = item.line_of("id")
        if not _ID.match(task_id):
            c.add(id_line, f"Mã nhiệm vụ '{task_id}' không hợp lệ. Cách sửa: chữ thường không dấu, "
                           "số và '-', ví dụ ii-4-3.",
                  f"Task id '{task_id}' is not valid. Fix: lower-case ASCII, digits and '-', "
                  "e.g. ii-4-3.")
            continue
        if task_id in seen:
            c.add(id_line, f"Mã nhiệm vụ '{task_id}' bị trùng (đã dùng ở dòng {seen[task_id]}). "
                           "Cách sửa: mỗi nhiệm vụ một mã riêng, theo vị trí trong Kế hoạch.",
                  f"Duplicate task id '{task_id}' (already used at line {seen[task_id]}). "
                  "Fix: give each task its own id, from its place in the plan.")
            continue
        seen[task_id] = id_line
        section = str(item.get("section", ""))
        sub = item.get("item")
        if not _SECTION.match(section) or (sub is not None and (not isinstance(sub, int) or sub < 1)):
            c.add(item.line_of("section"), f"Vị trí '{section}' (item {sub}) không hợp lệ. Cách sửa: "
                                           "ghi mục như 'II.4' và 'item' là số thứ tự ý trong mục.",
                  f"Place '{section}' (item {sub}) is not valid. Fix: write the section like "
                  "'II.4' and 'item' as the point's number within it.")
        elif _section_id(section, sub) != task_id:
            c.add(id_line, f"Mã '{task_id}' không khớp vị trí trong Kế hoạch (mục {section}"
                           f"{', ý ' + str(sub) if sub else ''} cho mã "
                           f"'{_section_id(section, sub)}'). Cách sửa: sửa mã hoặc vị trí.",
                  f"Id '{task_id}' does not match its place in the plan (section {section}"
                  f"{', point ' + str(sub) if sub else ''} gives '{_section_id(section, sub)}'). "
                  "Fix: correct the id or the place.")
        title = c.text(item, "title", what_vi, what_en)
        lists = {}
        for key, required in (("lead", True), ("partners", False)):
            value = item.get(key)
            if value is None and not required:
                lists[key] = ()
                continue
            if not isinstance(value, LocList) or (required and not value):
                if key in item:
                    c.add(item.line_of(key), f"'{key}' của {what_vi} phải là danh sách mã cơ quan, "
                                             "ví dụ [ubnd-huyen].",
                          f"'{key}' of {what_en} must be a list of body ids, e.g. [ubnd-huyen].")
                lists[key] = None
                continue
            ids = []
            for i, body_id in enumerate(value):
                if str(body_id) not in bodies:
                    c.add(value.line_of(i),
                          f"Cơ quan '{body_id}' ({key}) của {what_vi} không có trong "
                          "data/bodies.yml. Cách sửa: dùng mã đã có trong danh mục, hoặc thêm "
                          "cơ quan đó vào data/bodies.yml (kèm tên tiếng Việt và tiếng Anh).",
                          f"Body '{body_id}' ({key}) of {what_en} is not in data/bodies.yml. "
                          "Fix: use an id from the registry, or add the body to "
                          "data/bodies.yml (with its Vietnamese and English names).")
                elif str(body_id) in ids:
                    c.add(value.line_of(i), f"Cơ quan '{body_id}' được ghi hai lần.",
                          f"Body '{body_id}' is listed twice.")
                else:
                    ids.append(str(body_id))
            lists[key] = tuple(ids)
        if lists.get("lead") and lists.get("partners"):
            for body_id in set(lists["lead"]) & set(lists["partners"]):
                c.add(item.line_of("partners"), f"'{body_id}' vừa chủ trì vừa phối hợp trong "
                                                f"{what_vi}. Cách sửa: để ở một chỗ theo Kế hoạch.",
                      f"'{body_id}' both leads and partners in {what_en}. Fix: keep it in one "
                      "place, as the plan says.")
        deadline_raw = item.get("deadline")
        due = deadline_text = None
        if deadline_raw is not None:
            deadline = c.mapping(deadline_raw, item.line_of("deadline"), f"'deadline' của {what_vi}",
                                 f"'deadline' of {what_en}")
            if deadline is not None:
                c.keys(deadline, {"vi", "en", "due"}, {"vi", "en", "due"},
                       f"'deadline' của {what_vi}", f"'deadline' of {what_en}")
                deadline_text = c.pair(deadline, "deadline", what_vi, what_en)
                due = _check_due(c, deadline, what_vi, what_en, plan_year) if "due" in deadline \
                    else None
                if due is not None and deadline_text is not None:
                    _check_words(c, deadline, deadline_text, due, plan_year, what_vi, what_en)
        status = _check_status(c, item, due, today, what_vi, what_en)
        if title and lists.get("lead") and lists.get("partners") is not None and due \
                and deadline_text:
            tasks.append(Task(task_id, section, sub, title, lists["lead"], lists["partners"],
                              deadline_text, due, status, id_line))
    return plan_year, tasks, c.problems


def check(tasks_path: Path = TASKS_FILE, bodies_path: Path = BODIES_FILE,
          today: date | None = None) -> tuple[Registry | None, list[Problem]]:
    """Read and check both files. The registry is None when any problem was found."""
    today = today or date.today()
    bodies, sources, problems = _check_bodies(Path(bodies_path))
    plan_year, tasks, task_problems = _check_tasks(Path(tasks_path), bodies, today)
    problems += task_problems
    if problems:
        return None, problems
    return Registry(plan_year, tasks, bodies, Path(tasks_path), Path(bodies_path), sources), []


def load_registry(tasks_path: Path = TASKS_FILE, bodies_path: Path = BODIES_FILE,
                  today: date | None = None) -> Registry:
    registry, problems = check(tasks_path, bodies_path, today)
    if registry is None:
        raise DataError("\n".join(str(p) for p in problems))
    return registry
