"""The communication kit (data/communication_kit/*.yml): radio scripts, share texts, posters.

One YAML file per awareness topic holds, in Vietnamese and English, a script for the commune
loudspeaker, a share text for messaging apps and a poster text. This module loads and checks
those files, computes each script's reading time from its length, and renders the Markdown that
the build hook (scripts/kit/hook_comm_kit.py) puts into the pages under /tai-lieu/ and
/tuyen-truyen/.

Reading time
------------
Reading time = units read aloud / reading speed. The unit is what a reader actually utters:

- Vietnamese is written syllable by syllable, so the unit is the syllable ("tiếng"); a
  hyphenated loanword ("vắc-xin") counts one unit per part.
- English counts words; a hyphenated compound ("well-being") is one word.
- A number counts one unit per digit: phone numbers are read digit by digit ("111" is
  "một – một – một"). Radio scripts write every other number in words, as it will be read
  (broadcast practice); the checks below refuse other digits and all-capital abbreviations,
  so the count stays honest.
- Text in square brackets is a direction for the reader ("[nhạc hiệu]", "[đọc chậm]"): it is
  shown on the page but not read aloud, so it is not counted.

Speeds (WORDS_PER_MINUTE), chosen for a commune loudspeaker: outdoor horns, echo between them,
many older listeners, so slower than studio radio.

- English: 150 words per minute. Broadcast handbooks give 140–220 wpm for radio, with 160–180
  as the usual recommendation and 3 words a second (180 wpm) the common timing rule; 150 wpm is
  the deliberate pace used for listeners who need clarity (Boyd et al., *Broadcast Journalism*,
  Focal Press; Rodero, *Text & Talk* 32(3), 2012).
- Vietnamese: 180 syllables per minute, i.e. three syllables a second: the same
  three-units-a-second timing rule applied to the Vietnamese unit. It is slower than any of the
  Vietnamese television presenters in a published sample (3.7–5.5 syllables a second, in
  conversation programmes), as reading for loudspeakers should be.

An editor can check the figure with a stopwatch: a 450-syllable script read clearly takes about
two and a half minutes.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.phones import DataError, Phone, load_phones  # noqa: E402
from scripts.core.escaping import html_text, markdown_text  # noqa: E402

KIT_DIR = ROOT / "data" / "communication_kit"
DOCS_DIR = ROOT / "docs"
LANGS = ("vi", "en")
TOPIC_SECTION = "tuyen-truyen"     # docs/<lang>/tuyen-truyen/<topic>/index.md
KIT_SECTION = "tai-lieu"           # docs/<lang>/tai-lieu/<topic>/index.md

WORDS_PER_MINUTE = {"vi": 180, "en": 150}
RADIO_SECONDS = (120, 180)          # a radio script reads in 2 to 3 minutes
SHARE_MAX_CHARS = 500               # messaging apps: one screen, no "read more"
POSTER_HEADLINE_MAX = 60
POSTER_LINE_MAX = 90
POSTER_LINES = (2, 5)

_UNIT_NAMES = {"vi": ("tiếng", "tiếng"), "en": ("word", "words")}
_DIRECTION = re.compile(r"\[[^\[\]]*\]")
_DIGITS = re.compile(r"\d+")
_LETTERS = r"[^\W\d_]+"
_TOKEN = {
    "vi": re.compile(rf"\d|{_LETTERS}"),                       # "vắc-xin" -> 2, "111" -> 3
    "en": re.compile(rf"\d|{_LETTERS}(?:['’-]{_LETTERS})*"),   # "well-being", "child's" -> 1
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MARKER_NAMES = r"(kit|kit-index|kit-speed|topic-index)"
# (`<!-- phones: … -->` markers are filled by scripts/phones/phone_markers.py, for every page.)
# A marker stands alone on its line; its indentation is kept (so it works inside admonitions).
_MARKER = re.compile(rf"^([ \t]*)<!--\s*{_MARKER_NAMES}\s*(?::\s*(.*?))?\s*-->[ \t]*$", re.M)
_LOOSE_MARKER = re.compile(rf"<!--\s*{_MARKER_NAMES}\b")


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")


# ---------------------------------------------------------------------------------------------
# Reading time
# ---------------------------------------------------------------------------------------------

def spoken_text(text: str) -> str:
    """The part of a script that is read aloud: NFC, without [directions]."""
    return _DIRECTION.sub(" ", unicodedata.normalize("NFC", text))


def count_units(text: str, lang: str) -> int:
    """Units read aloud: syllables for Vietnamese, words for English, one per digit."""
    _check_lang(lang)
    return len(_TOKEN[lang].findall(spoken_text(text)))


def format_duration(seconds: int, lang: str) -> str:
    """125 -> "2 phút 5 giây" / "2 min 5 s"; 0 -> "0 giây" / "0 s"."""
    _check_lang(lang)
    minutes, secs = divmod(max(0, int(seconds)), 60)
    m_unit, s_unit = ("phút", "giây") if lang == "vi" else ("min", "s")
    parts = [f"{minutes} {m_unit}"] if minutes else []
    if secs or not minutes:
        parts.append(f"{secs} {s_unit}")
    return " ".join(parts)


@dataclass(frozen=True)
class ReadingTime:
    units: int
    lang: str
    wpm: int

    @property
    def seconds(self) -> float:
        """Exact reading time in seconds at `wpm`."""
        return self.units * 60 / self.wpm

    @property
    def rounded(self) -> int:
        """Seconds rounded to the nearest 5 (halves round up), as shown to readers."""
        return int(math.floor(self.seconds / 5 + 0.5)) * 5

    @property
    def iso(self) -> str:
        """ISO 8601 duration for <time datetime>: "PT2M25S"."""
        minutes, secs = divmod(self.rounded, 60)
        return f"PT{minutes}M{secs}S"

    def label(self) -> str:
        prefix = "khoảng " if self.lang == "vi" else "about "
        return prefix + format_duration(self.rounded, self.lang)

    def unit_name(self) -> str:
        one, many = _UNIT_NAMES[self.lang]
        return one if self.units == 1 else many


def reading_time(text: str, lang: str, wpm: int | None = None) -> ReadingTime:
    """How long `text` takes to read aloud at `wpm` (default: the documented speed)."""
    _check_lang(lang)
    speed = WORDS_PER_MINUTE[lang] if wpm is None else wpm
    if not isinstance(speed, int) or speed <= 0:
        raise ValueError(f"reading speed must be a positive whole number, got {speed!r}")
    return ReadingTime(units=count_units(text, lang), lang=lang, wpm=speed)


def share_length(text: str) -> int:
    """Characters a messaging app counts: NFC code points of the trimmed text."""
    return len(unicodedata.normalize("NFC", text).strip())


# ---------------------------------------------------------------------------------------------
# Loading and checking the kit files
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Poster:
    headline: str
    lines: tuple[str, ...]
    footer: str


@dataclass(frozen=True)
class KitItem:
    topic: str
    order: int
    path: Path
    radio: dict[str, str]
    share: dict[str, str]
    poster: dict[str, Poster]

    def radio_time(self, lang: str) -> ReadingTime:
        return reading_time(self.radio[lang], lang)


def _line_map(text: str) -> dict[tuple, int]:
    """Line number (1-based) of every key path in a YAML document, for error messages."""
    lines: dict[tuple, int] = {}

    def walk(node, path: tuple) -> None:
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[path + (key.value,)] = key.start_mark.line + 1
                walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, value in enumerate(node.value):
                walk(value, path + (i,))

    root = yaml.compose(text)
    if root is not None:
        walk(root, ())
    return lines


class _Checker:
    """Collects nothing: the first problem raises DataError naming file, line and the fix."""

    def __init__(self, path: Path, lines: dict[tuple, int]):
        self.path, self.lines = path, lines

    def where(self, *keys) -> str:
        for n in range(len(keys), -1, -1):
            if keys[:n] in self.lines:
                return f"{self.path}:{self.lines[keys[:n]]}"
        return str(self.path)

    def fail(self, keys: tuple, vi: str, en: str) -> None:
        raise DataError(f"{self.where(*keys)}: {vi} / {en}")

    def text(self, raw, keys: tuple) -> str:
        name = ".".join(str(k) for k in keys)
        if not isinstance(raw, str) or not raw.strip():
            self.fail(keys, f"thiếu nội dung '{name}' (cần một đoạn văn bản)",
                      f"'{name}' is missing or empty (it needs text)")
        value = unicodedata.normalize("NFC", raw).strip()
        if value != raw.strip():
            self.fail(keys, f"'{name}' chưa ở dạng Unicode NFC; hãy lưu tệp ở dạng NFC",
                      f"'{name}' is not Unicode NFC; save the file in NFC form")
        return value

    def by_lang(self, raw, key: str) -> dict:
        if not isinstance(raw, dict):
            self.fail((key,), f"'{key}' cần hai mục 'vi' và 'en'",
                      f"'{key}' needs two entries, 'vi' and 'en'")
        missing = [lang for lang in LANGS if lang not in raw or raw[lang] in (None, "")]
        if missing:
            self.fail((key,), f"'{key}' thiếu bản {', '.join(missing)}: cần cả 'vi' và 'en'",
                      f"'{key}' has no {', '.join(missing)} version: both 'vi' and 'en' are needed")
        extra = sorted(set(raw) - set(LANGS))
        if extra:
            self.fail((key, extra[0]), f"'{key}' có mục lạ '{extra[0]}' (chỉ dùng 'vi', 'en')",
                      f"'{key}' has an unknown entry '{extra[0]}' (only 'vi' and 'en')")
        return raw


def _check_radio(chk: _Checker, text: str, lang: str, phones: set[str]) -> None:
    keys = ("radio", lang)
    spoken = spoken_text(text)
    for number in _DIGITS.findall(spoken):
        if number not in phones:
            chk.fail(keys, f"bài phát thanh có số '{number}': hãy viết số bằng chữ như khi đọc "
                           "(chỉ số điện thoại đã đăng ký trong data/phones.yml được viết bằng số)",
                     f"the radio script contains the number '{number}': write numbers in words as "
                     "they are read (only phone numbers registered in data/phones.yml stay digits)")
    capitals = [w for w in re.findall(_LETTERS, spoken) if len(w) > 1 and w.isupper()]
    if capitals:
        word = capitals[0]
        chk.fail(keys, f"bài phát thanh có chữ viết tắt '{word}': hãy viết đầy đủ như khi đọc",
                 f"the radio script contains the abbreviation '{word}': spell it out as it is read")
    rt = reading_time(text, lang)
    low, high = RADIO_SECONDS
    if not low <= rt.seconds <= high:
        fewest, most = math.ceil(low * rt.wpm / 60), math.floor(high * rt.wpm / 60)
        vi_unit = "tiếng" if lang == "vi" else "từ"
        en_unit = "syllables" if lang == "vi" else "words"
        chk.fail(keys,
                 f"bài phát thanh ({lang}) dài {rt.units} {vi_unit}, đọc mất {rt.seconds:.0f} giây ở tốc "
                 f"độ {rt.wpm} {vi_unit}/phút; cần từ {fewest} đến {most} {vi_unit} (2–3 phút)",
                 f"the {lang} radio script has {rt.units} {en_unit} and reads in {rt.seconds:.0f} s at "
                 f"{rt.wpm} {en_unit}/min; it needs {fewest} to {most} {en_unit} (2–3 minutes)")


def _check_poster(chk: _Checker, raw, lang: str) -> Poster:
    keys = ("poster", lang)
    if not isinstance(raw, dict):
        chk.fail(keys, "áp phích cần 'headline', 'lines' và 'footer'",
                 "the poster needs 'headline', 'lines' and 'footer'")
    headline = chk.text(raw.get("headline"), keys + ("headline",))
    if len(headline) > POSTER_HEADLINE_MAX:
        chk.fail(keys + ("headline",), f"tiêu đề áp phích dài {len(headline)} ký tự; tối đa "
                 f"{POSTER_HEADLINE_MAX}", f"the poster headline has {len(headline)} characters; "
                 f"at most {POSTER_HEADLINE_MAX}")
    lines = raw.get("lines")
    low, high = POSTER_LINES
    if not isinstance(lines, list) or not low <= len(lines) <= high:
        chk.fail(keys + ("lines",), f"áp phích cần từ {low} đến {high} dòng trong 'lines'",
                 f"the poster needs {low} to {high} items in 'lines'")
    clean = []
    for i, line in enumerate(lines):
        value = chk.text(line, keys + ("lines", i))
        if len(value) > POSTER_LINE_MAX:
            chk.fail(keys + ("lines", i), f"dòng áp phích dài {len(value)} ký tự; tối đa "
                     f"{POSTER_LINE_MAX}", f"a poster line has {len(value)} characters; at most "
                     f"{POSTER_LINE_MAX}")
        clean.append(value)
    footer = chk.text(raw.get("footer"), keys + ("footer",))
    return Poster(headline=headline, lines=tuple(clean), footer=footer)


def load_kit_file(path: Path, phones: set[str] | None = None) -> KitItem:
    """Load and check one kit file; DataError names the file, the line and the fix."""
    if phones is None:
        phones = {p.number for p in load_phones()}
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.safe_load(text)
        lines = _line_map(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as exc:  # 2024-02-31; [[[[…
        detail = str(exc).replace("\n", " ")
        raise DataError(f"{path}: không đọc được tệp (YAML hỏng?) / cannot read the file "
                        f"(broken YAML?): {detail}") from exc
    chk = _Checker(path, lines)
    if not isinstance(raw, dict):
        chk.fail((), "tệp cần các trường topic, order, radio, share, poster",
                 "the file needs the fields topic, order, radio, share, poster")
    topic = raw.get("topic")
    if not isinstance(topic, str) or not _SLUG.match(topic):
        chk.fail(("topic",), "'topic' cần là tên thư mục của trang chủ đề (chữ thường không dấu, "
                 "gạch nối), ví dụ phong-chong-xam-hai",
                 "'topic' must be the topic page's folder name (lower-case ASCII with hyphens), "
                 "e.g. phong-chong-xam-hai")
    if path.stem != topic:
        chk.fail(("topic",), f"tên tệp phải là {topic}.yml cho khớp với 'topic'",
                 f"the file must be named {topic}.yml to match 'topic'")
    order = raw.get("order")
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        chk.fail(("order",), "'order' cần là số nguyên dương (thứ tự hiển thị)",
                 "'order' must be a positive whole number (display order)")
    radio = {lang: chk.text(v, ("radio", lang))
             for lang, v in chk.by_lang(raw.get("radio"), "radio").items()}
    share = {lang: chk.text(v, ("share", lang))
             for lang, v in chk.by_lang(raw.get("share"), "share").items()}
    posters = chk.by_lang(raw.get("poster"), "poster")
    for lang in LANGS:
        _check_radio(chk, radio[lang], lang, phones)
        length = share_length(share[lang])
        if length > SHARE_MAX_CHARS:
            chk.fail(("share", lang),
                     f"tin nhắn chia sẻ ({lang}) dài {length} ký tự; tối đa {SHARE_MAX_CHARS}: "
                     f"hãy bớt {length - SHARE_MAX_CHARS} ký tự",
                     f"the {lang} share text has {length} characters; at most {SHARE_MAX_CHARS}: "
                     f"cut {length - SHARE_MAX_CHARS}")
    poster = {lang: _check_poster(chk, posters[lang], lang) for lang in LANGS}
    return KitItem(topic=topic, order=order, path=path, radio=radio, share=share, poster=poster)


def load_kit(folder: Path = KIT_DIR, docs: Path | None = DOCS_DIR,
             phones: set[str] | None = None) -> list[KitItem]:
    """Every kit file in `folder`, checked, in display order.

    With `docs`, also require each topic's page and kit page in both languages.
    """
    if not folder.is_dir():
        raise DataError(f"{folder}: không có thư mục tài liệu truyền thông / "
                        "the communication kit folder does not exist")
    if phones is None:
        phones = {p.number for p in load_phones()}
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise DataError(f"{folder}: thư mục không có tệp .yml nào / no .yml files in the folder")
    items = [load_kit_file(path, phones) for path in files]
    seen: dict[int, Path] = {}
    for item in items:
        if item.order in seen:
            raise DataError(f"{item.path}: 'order: {item.order}' trùng với {seen[item.order].name}; "
                            f"mỗi chủ đề cần một số thứ tự riêng / 'order: {item.order}' is also "
                            f"used by {seen[item.order].name}; each topic needs its own")
        seen[item.order] = item.path
        if docs is not None:
            for lang in LANGS:
                for section in (TOPIC_SECTION, KIT_SECTION):
                    page = docs / lang / section / item.topic / "index.md"
                    if not page.is_file():
                        raise DataError(
                            f"{item.path}: chưa có trang {page.relative_to(docs.parent)}; mỗi chủ đề "
                            f"cần trang chủ đề và trang tài liệu ở cả hai ngôn ngữ / the page "
                            f"{page.relative_to(docs.parent)} is missing; each topic needs its topic "
                            "page and kit page in both languages")
    return sorted(items, key=lambda i: i.order)


# ---------------------------------------------------------------------------------------------
# Front matter of the pages (titles and descriptions live there, once)
# ---------------------------------------------------------------------------------------------

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def page_meta(page: Path) -> dict:
    """The YAML front matter of a Markdown page ({} when it has none)."""
    match = _FRONT.match(page.read_text(encoding="utf-8"))
    meta = yaml.safe_load(match.group(1)) if match else None
    return meta if isinstance(meta, dict) else {}


def topic_meta(topic: str, lang: str, docs: Path = DOCS_DIR, section: str = TOPIC_SECTION) -> dict:
    return page_meta(docs / lang / section / topic / "index.md")


# ---------------------------------------------------------------------------------------------
# Rendering (Markdown with small HTML blocks; the hook puts it into the pages)
# ---------------------------------------------------------------------------------------------

_T = {
    "vi": {
        "radio": "Bài phát thanh", "share": "Tin nhắn chia sẻ", "poster": "Nội dung áp phích",
        "reading": "Thời lượng đọc", "speed": "tốc độ", "per_min": "phút",
        "chars": "ký tự", "time_vi": "tiếng Việt", "time_en": "tiếng Anh",
        "plan": "Trong Kế hoạch",
        "direction": "Chữ trong ngoặc vuông là lời dặn cho người đọc, không đọc lên loa.",
        "share_note": "Chép nguyên văn đoạn dưới đây để gửi qua Zalo, Messenger hoặc tin nhắn.",
        "poster_note": "In khổ A4 hoặc A3, chữ to, dán ở nhà văn hóa, trường học, trạm y tế.",
        "share_btn": "Chia sẻ", "copy_text": "Sao chép nội dung", "copy_link": "Sao chép liên kết",
        "share_group": "Chia sẻ tin nhắn này", "share_page": "Chia sẻ trang này",
        "share_page_note": "Gửi tin nhắn ngắn của chủ đề này kèm liên kết tới trang.",
    },
    "en": {
        "radio": "Radio script", "share": "Share text", "poster": "Poster text",
        "reading": "Reading time", "speed": "speed", "per_min": "min",
        "chars": "characters", "time_vi": "Vietnamese", "time_en": "English",
        "plan": "In the plan",
        "direction": "Text in square brackets is a note for the reader, not read out.",
        "share_note": "Copy the text below as it is to send by Zalo, Messenger or text message.",
        "poster_note": "Print on A4 or A3 in large type for village halls, schools and health stations.",
        "share_btn": "Share", "copy_text": "Copy text", "copy_link": "Copy link",
        "share_group": "Share this message", "share_page": "Share this page",
        "share_page_note": "Send this topic's short message with a link to the page.",
    },
}


_esc = html_text   # data is text: escaped where it enters the page (scripts/core/escaping.py)


def _script_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    out = []
    for para in paragraphs:
        html = _esc(" ".join(para.split()))
        html = _DIRECTION.sub(lambda m: f'<span class="kit-direction">{m.group(0)}</span>', html)
        out.append(f"<p>{html}</p>")
    return "\n".join(out)


def render_share_actions(text: str, link: str, title: str, lang: str, label: str) -> str:
    """The "Share" / "Copy text" / "Copy link" buttons (docs/assets/javascripts/share.js).

    `link` is the address to share, relative to the page (the script makes it absolute).
    The group is `hidden` in the HTML: without JavaScript no button shows that cannot work,
    and the text above stays ordinary, selectable text. The script shows "Share" where the
    browser has the Web Share API (the phone's share sheet: Zalo, Messenger, SMS…), else the
    two copy buttons; the status line (role="status") says what happened, on screen and to
    screen readers.
    """
    _check_lang(lang)
    t = _T[lang]
    return (f'<div class="kit-actions" role="group" aria-label="{_esc(label)}" hidden data-search-exclude '
            f'data-share-text="{_esc(" ".join(text.split()))}" data-share-url="{_esc(link)}" '
            f'data-share-title="{_esc(title)}">\n'
            f'<button type="button" class="md-button md-button--primary kit-actions__button" '
            f'data-share-action="share" hidden>{t["share_btn"]}</button>\n'
            f'<button type="button" class="md-button kit-actions__button" '
            f'data-share-action="copy-text">{t["copy_text"]}</button>\n'
            f'<button type="button" class="md-button kit-actions__button" '
            f'data-share-action="copy-link">{t["copy_link"]}</button>\n'
            f'<p class="kit-actions__status" role="status" aria-live="polite"></p>\n'
            f'</div>')


def render_copy_button(source_id: str, lang: str, label: str, button: str, done: str) -> str:
    """One "copy" button for the text of the element `source_id` shown above it (the banner's
    HTML snippet): what is copied is exactly what the reader sees. Same hidden group and script
    as render_share_actions, without sharing; `done` is said once copied."""
    _check_lang(lang)
    return (f'<div class="kit-actions" role="group" aria-label="{_esc(label)}" hidden data-search-exclude '
            f'data-share-from="{_esc(source_id)}">\n'
            f'<button type="button" class="md-button kit-actions__button" '
            f'data-share-action="copy-text" data-share-done="{_esc(done)}">{_esc(button)}</button>\n'
            f'<p class="kit-actions__status" role="status" aria-live="polite"></p>\n'
            f'</div>')


def render_topic_share(item: KitItem, lang: str, docs: Path = DOCS_DIR) -> str:
    """The foot of a topic page (/tuyen-truyen/<topic>/): share the topic's message and link.
    Hidden as a whole without JavaScript (a heading over no buttons would puzzle readers)."""
    _check_lang(lang)
    t = _T[lang]
    title = str(topic_meta(item.topic, lang, docs).get("title", item.topic))
    return (f'\n<div class="kit-share-foot" hidden data-search-exclude>\n'
            f'<p class="kit-share-foot__title">{t["share_page"]}</p>\n'
            f'<p class="kit-meta">{t["share_page_note"]}</p>\n'
            + render_share_actions(item.share[lang], "./", title, lang, t["share_page"])
            + "\n</div>\n")


def speed_sentence(lang: str) -> str:
    _check_lang(lang)
    vi, en = WORDS_PER_MINUTE["vi"], WORDS_PER_MINUTE["en"]
    if lang == "vi":
        return (f"Tiếng Việt: **{vi} tiếng mỗi phút** ({vi // 60} tiếng mỗi giây). "
                f"Tiếng Anh: **{en} từ mỗi phút**.")
    return (f"Vietnamese: **{vi} syllables a minute** ({vi // 60} a second). "
            f"English: **{en} words a minute**.")


def render_kit(item: KitItem, lang: str, docs: Path = DOCS_DIR, poster_html: str = "") -> str:
    """The three texts of one topic, for its kit page (`poster_html`: the A4 poster's preview
    and download link, scripts/kit/poster.py, put after the poster text). The radio script's
    placeholder becomes the link to its one-page PDF once `make pdf` has printed it
    (scripts/printing/make_pdf.py)."""
    _check_lang(lang)
    t = _T[lang]
    rt = item.radio_time(lang)
    unit = rt.unit_name()
    speed_unit = _UNIT_NAMES[lang][1]
    share = item.share[lang]
    poster = item.poster[lang]
    lines = "\n".join(f"<li>{_esc(line)}</li>" for line in poster.lines)
    title = str(topic_meta(item.topic, lang, docs).get("title", item.topic))
    return f"""
## {t['radio']} {{#phat-thanh}}

<p class="kit-meta">{t['reading']}: <time class="kit-duration" datetime="{rt.iso}">{rt.label()}</time>
({rt.units} {unit}, {t['speed']} {rt.wpm} {speed_unit}/{t['per_min']}). {t['direction']}<!-- pdf-link: phat-thanh-a4.pdf --></p>

<div class="kit-script" lang="{lang}">
{_script_html(item.radio[lang])}
</div>

## {t['share']} {{#tin-nhan}}

<p class="kit-meta">{t['share_note']}
<span class="kit-count">{share_length(share)}/{SHARE_MAX_CHARS} {t['chars']}</span></p>

<div class="kit-share" lang="{lang}">
{_script_html(share)}
</div>

{render_share_actions(share, f"../../{TOPIC_SECTION}/{item.topic}/", title, lang, t["share_group"])}

## {t['poster']} {{#ap-phich}}

<p class="kit-meta">{t['poster_note']}</p>

<div class="kit-poster" lang="{lang}">
<p class="kit-poster__headline">{_esc(poster.headline)}</p>
<ul class="kit-poster__lines">
{lines}
</ul>
<p class="kit-poster__footer">{_esc(poster.footer)}</p>
</div>

{poster_html}
"""


def render_kit_index(items: list[KitItem], lang: str, docs: Path = DOCS_DIR) -> str:
    """The list of kits with both scripts' reading times, for /tai-lieu/ (a list, not a table:
    it fits a 360 px screen without sideways scrolling)."""
    _check_lang(lang)
    t = _T[lang]
    out = ['<ol class="kit-list" markdown>']
    for item in items:
        title = markdown_text(topic_meta(item.topic, lang, docs).get("title", item.topic))
        times = []
        for script_lang, name in zip(LANGS, (t["time_vi"], t["time_en"])):
            rt = item.radio_time(script_lang)
            times.append(f'{name} <time datetime="{rt.iso}">{format_duration(rt.rounded, lang)}</time>')
        chars = share_length(item.share[lang])
        out.append(f'<li markdown>**[{title}]({item.topic}/index.md)**<br>'
                   f'<span class="kit-meta">{t["radio"]}: {", ".join(times)} · {t["share"]}: '
                   f'{chars} {t["chars"]}</span></li>')
    out.append("</ol>")
    return "\n".join(out) + "\n"


def render_topic_index(items: list[KitItem], lang: str, docs: Path = DOCS_DIR) -> str:
    """The list of awareness topics, for /tuyen-truyen/ (titles from the topic pages)."""
    _check_lang(lang)
    t = _T[lang]
    out = ['<ol class="topic-list" markdown>']
    for item in items:
        meta = topic_meta(item.topic, lang, docs)
        plan = meta.get("plan_ref")
        plan_html = f'<br><span class="topic-list__plan">{t["plan"]}: {_esc(str(plan))}</span>' if plan else ""
        title = markdown_text(meta.get("title", item.topic))
        out.append(f'<li markdown>**[{title}]({item.topic}/index.md)**'
                   f"<br>{_esc(str(meta.get('description', '')))}{plan_html}</li>")
    out.append("</ol>")
    return "\n".join(out) + "\n"


def expand_markers(markdown: str, lang: str, items: list[KitItem], phones: list[Phone],
                   source: str, docs: Path = DOCS_DIR, posters: dict[str, str] | None = None) -> str:
    """Replace the kit markers in a page. `source` (the page's file) names errors;
    `posters`: each topic's poster preview HTML, when the build makes the posters."""
    by_topic = {i.topic: i for i in items}

    def replace(match: re.Match) -> str:
        indent, name, arg = match.group(1), match.group(2), (match.group(3) or "").strip()
        line = markdown.count("\n", 0, match.start()) + 1
        text = render(name, arg, line)
        lines = text.strip("\n").split("\n")
        return "\n".join(indent + part if part.strip() else "" for part in lines) + "\n"

    def render(name: str, arg: str, line: int) -> str:
        try:
            if name == "kit":
                if arg not in by_topic:
                    raise DataError(f"không có chủ đề '{arg}' trong data/communication_kit/ / "
                                    f"no topic '{arg}' in data/communication_kit/")
                return render_kit(by_topic[arg], lang, docs, (posters or {}).get(arg, ""))
            if name == "kit-index":
                return render_kit_index(items, lang, docs)
            if name == "topic-index":
                return render_topic_index(items, lang, docs)
            return speed_sentence(lang)  # kit-speed
        except DataError as exc:
            raise DataError(f"{source}:{line}: <!-- {name}{': ' + arg if arg else ''} -->: {exc}") from exc

    out = _MARKER.sub(replace, markdown)
    loose = _LOOSE_MARKER.search(out)
    if loose:
        line = out.count("\n", 0, loose.start()) + 1
        raise DataError(f"{source}:{line}: dấu '{loose.group(0)} …-->' phải đứng riêng một dòng / "
                        f"the marker '{loose.group(0)} …-->' must stand alone on its own line")
    return out


# ---------------------------------------------------------------------------------------------
# Command line: check the kit and print each script's reading time
# ---------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """python scripts/kit/comm_kit.py [KIT_DIR]: 0 all good, 1 problems found, 2 misuse."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or any(a.startswith("-") for a in args):
        print("cách dùng / usage: python scripts/kit/comm_kit.py [KIT_DIR]", file=sys.stderr)
        return 2
    folder = Path(args[0]) if args else KIT_DIR
    try:
        items = load_kit(folder, docs=DOCS_DIR if folder.resolve() == KIT_DIR else None)
    except DataError as exc:
        print(f"LỖI / ERROR: {exc}", file=sys.stderr)
        return 1
    for item in items:
        parts = []
        for lang in LANGS:
            rt = item.radio_time(lang)
            parts.append(f"{lang} {rt.units:>4} {rt.unit_name():<6} {format_duration(rt.rounded, 'en'):>10}"
                         f"  share {share_length(item.share[lang]):>3}/{SHARE_MAX_CHARS}")
        print(f"{item.topic:<32} " + "   ".join(parts))
    print(f"{len(items)} chủ đề, đều hợp lệ / {len(items)} topics, all valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
