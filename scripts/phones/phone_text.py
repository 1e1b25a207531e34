"""Phone numbers in any text that becomes a page: the ONE rule set, for Markdown and for data.

`check_text(text, registry)` finds every phone-like number in a text and says what is wrong:

- phones.unregistered: a number that is not in data/phones.yml. Numbers are recognised in every
  form a reader could dial from:
    digits      mobile and landline numbers (0 + 9 or 10 digits, or +84, with spaces, dots or
                dashes: "0225 3876 123"), 1800/1900 numbers; short numbers (1xx, 1xxx) after a
                word to call ("gọi 1111", "call 112"; for 11x also after "số", "number"), and
                any 3-5 digit number right after or before a service of the registry ("công an
                112", "112 công an") or followed by a reading cue ("112 [read: …]");
    spaced      single digits joined by dashes or spaces ("1-1-2", "1 – 1 – 2"), or by dots
                after a word to call ("gọi 1.1.2"; "mục 1.1.2" is a section number);
    spelled     digits in words, as radio scripts read them: "một – một – hai", "one one two"
                (three or more digit words, joined by dashes, or starting "một một" / "one one",
                or inside a reading cue "[đọc: …]" / "[read: …]", or right after a word to call);
    link        tel:, sms: and callto: links (percent-encoded digits decoded).
  A number joined to "/", "-", "." or another digit (56/2017/NĐ-CP, 28-CT/TW, 24/7, 1.000,
  15/12) is never a phone number, nor a number after "Điều", "khoản", "trang", "năm", "tuổi",
  "Article", "page", "year"…, nor a year next to a service word ("2024 Công an huyện").
  Text a reader sees or hears in a tag (title, alt, aria-label) is checked; addresses are not.
- phones.wrong-service: a text that names a service must give that service's own number. The
  service words come from the registry (each entry's `name`, the parts of it, and its `words`),
  so "báo công an 115" or "Tổng đài quốc gia bảo vệ trẻ em, số 113" is refused. A service word is
  tied to the number right after it ("công an, số 113", "the police on 113") or else right
  before it ("113 (công an)"); a service named with no number near it is left alone. A `short`
  label with hours that only one entry has ("miễn phí, 24/7") is that entry's too: "gọi 113,
  miễn phí, 24/7" is refused.
- phones.cue-mismatch: a reading cue must read the number it follows: "111 [đọc: một – một – ba]"
  is refused even though 113 is registered.
- phones.hidden-digits: digits split by formatting, hidden characters or character references
  ("**11**2", "11&#8203;2", "&#49;&#49;&#50;"): a reader sees a number no rule can read.

Every finding has the offset in the text where it starts, so callers report file:line:column.
Standard library only (and the registry's records).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

from scripts.core.checkkit import Text
from scripts.phones.registry import Phone

# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------

_NOT_BEFORE = r"(?<![\w/.,:+–-])"
_NOT_AFTER = r"(?![\w/%–-]|[.,]\d)"
_LONG = re.compile(_NOT_BEFORE + r"((?:\+84|0)(?:[ .-]?\d){9,10})" + _NOT_AFTER)
_SPECIAL = re.compile(_NOT_BEFORE + r"(1[89]00(?:[ .-]?\d){4,6})" + _NOT_AFTER)
_SHORT = re.compile(_NOT_BEFORE + r"(1\d{2,3})" + _NOT_AFTER)
_AFTER_SERVICE = re.compile(_NOT_BEFORE + r"(?!(?:19|20)\d\d(?!\d))(\d{3,5})" + _NOT_AFTER)  # not a year
_DOTTED = re.compile(r"(?<![\w/.,:+–-])(\d(?:[ \u00a0]*\.[ \u00a0]*\d){2,})(?![\w/%]|[.,:–-]\s*\d)")
_SPACED = re.compile(r"(?<![\w/.,:+–-])(\d(?:(?:[ \u00a0]*[-–—][ \u00a0]*|[ \u00a0])\d){2,})(?![\w/%]|[.,:–-]\s*\d)")
_STRONG_CALL_WORDS = (r"gọi|bấm|quay số|nhắn tin|nhắn|tổng đài|đường dây|điện thoại|hotline|"
                      r"call|dial|phone|telephone|ring|text|helpline")
_CALL_WORDS = _STRONG_CALL_WORDS + r"|số|khẩn cấp|number|emergency"
# Right before spelled digits: "gọi một một hai", "call one one two", "gọi số …", "call on …"
_CALL_JUST_BEFORE = re.compile(rf"(?<!\w)(?:{_CALL_WORDS})(?:\s+(?:số|on|at))?\s*:?\s*$", re.IGNORECASE)
_NOT_PHONE_WORDS = re.compile(r"(?<!\w)(điều|khoản|điểm|chương|mục|trang|năm|tuổi|lớp|article|clause|"
                              r"chapter|section|page|year|years|age|aged|grade|no\.)\s*$", re.IGNORECASE)
_LINK = re.compile(r"(?<![\w/])(tel|sms|callto):([^\s)\"'<>\]]*)", re.IGNORECASE)
_MASK = re.compile(r"https?://\S+|www\.\S+|\]\([^)\n]*\)|<!--.*?-->|\{:?\s*[#.][^}\n]*\}", re.S)
_TAG = re.compile(r"<[^>\n]+>")
# In a tag, addresses, ids and styles are not read; title, alt, aria-label and the like are.
_NOT_READ_ATTR = re.compile(r"""(?<![\w-])(?:href|src|srcset|action|id|class|style|for|name|type|rel|target|"""
                            r"""data-[\w-]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
# Digits a reader sees but a pattern would not: split by formatting or hidden characters,
# or written as character references ("&#49;&#49;&#50;" shows "112").
_SPLIT_DIGITS = re.compile(r"\d(?:\*\*|\*|__|_|~~|`|<[^>\n]{0,40}>|&#?\w{1,8};|[\u00ad\u200b-\u200f\u2060\ufeff])+\d")
_DIGIT_REFERENCE = re.compile(r"(?:&#(?:0*(?:4[89]|5[0-7])|[xX]0*3[0-9]);)+")

DIGIT_WORDS = {
    "vi": {"không": "0", "một": "1", "mốt": "1", "hai": "2", "ba": "3", "bốn": "4", "tư": "4",
           "năm": "5", "lăm": "5", "sáu": "6", "bảy": "7", "bẩy": "7", "tám": "8", "chín": "9"},
    "en": {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
           "six": "6", "seven": "7", "eight": "8", "nine": "9"},
}
_WORD_DIGIT = {w: d for words in DIGIT_WORDS.values() for w, d in words.items()}
_DIGIT_WORD = "|".join(sorted(_WORD_DIGIT, key=len, reverse=True))
_SEP = r"(?:[ \u00a0]*[-–—,][ \u00a0]*|\.(?=\w)|[ \u00a0]+)"      # "một.một.hai", not "một. Một"
_SPELLED = re.compile(rf"(?<!\w)((?:{_DIGIT_WORD})(?:{_SEP}(?:{_DIGIT_WORD})){{2,}})(?!\w)", re.IGNORECASE)
_CUE_AFTER = re.compile(r"\s*[\[(]\s*(?:đọc|read|say)\b", re.IGNORECASE)
_CUE_OPEN = re.compile(r"[\[(]\s*(?:đọc(?: là)?|read(?: as)?|say)\s*:?\s*$", re.IGNORECASE)

# Between a service word and its number: punctuation and words that introduce a number only.
_GAP_AFTER = re.compile(r"^[\s,:(\[–—-]*(?:(?:số điện thoại|điện thoại|qua số|theo số|tại số|số|"
                        r"on|at|number|no\.|tel\.?|phone|gọi|call|dial|là|is)[\s,:(\[–—-]*)*$",
                        re.IGNORECASE)
_GAP_BEFORE = re.compile(r"^[ \u00a0]*[(\[–—-]?[ \u00a0]*$")
_MAX_GAP = 30
_SAME_SERVICE_GAP = re.compile(r"^[\s,/]*(?:và|hoặc|and|or)?[\s,/]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A phone-like number in a text: where it is, how it is written, its digits."""
    start: int
    end: int
    written: str
    digits: str
    kind: str              # "digits" | "spaced" | "spelled" | "link"


@dataclass(frozen=True)
class Finding:
    start: int             # offset in the text
    code: str              # phones.unregistered | phones.wrong-service | phones.cue-mismatch
    what: Text
    fix: Text


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    written: str
    phone: Phone


def digits_of(written: str) -> str:
    """The digits a phone dials: "+84 912 345 678" -> "0912345678", "1 – 1 – 2" -> "112"."""
    written = written.replace("%20", "")
    digits = re.sub(r"\D", "", written)
    return "0" + digits[2:] if written.lstrip().startswith("+84") else digits


def mask(text: str) -> str:
    """Blank out URLs, Markdown link targets, HTML comments, {attribute lists} and, in HTML tags,
    the tag and its addresses, ids and styles: digits there are not numbers a reader dials. What
    a reader does see or hear in a tag (title, alt, aria-label…) stays. Same length as `text`."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731

    def tag(m: re.Match) -> str:
        inner = _NOT_READ_ATTR.sub(blank, m.group(0))
        return re.sub(r"^<\s*/?\s*[\w-]*", blank, inner).replace("<", " ").replace(">", " ")
    return _TAG.sub(tag, _MASK.sub(blank, text))


def _sentence_before(text: str, start: int, width: int = 40) -> str:
    before = text[max(0, start - width):start]
    return re.split(r"[.;!?]\s|\n\s*\n", before)[-1]


def _service_pattern(registry: list[Phone]) -> list[tuple[re.Pattern, Phone]]:
    out = []
    for phone in registry:
        for lang in ("vi", "en"):
            for word in phone.service_words(lang):
                out.append((re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE), phone))
    return out


def _short_patterns(registry: list[Phone]) -> list[tuple[re.Pattern, Phone]]:
    """A `short` label with hours that only one entry has ("miễn phí, 24/7") is a claim about that
    number: "gọi 113, miễn phí, 24/7" gives 113 the hotline's promise."""
    out = []
    for lang in ("vi", "en"):
        counts: dict[str, int] = {}
        for phone in registry:
            key = phone.short.get(lang, "").casefold()
            counts[key] = counts.get(key, 0) + 1
        for phone in registry:
            short = phone.short.get(lang, "")
            # only a distinctive promise (hours: "miễn phí, 24/7"), not a word like "tư vấn"
            if len(short) >= 5 and re.search(r"\d", short) and counts[short.casefold()] == 1:
                out.append((re.compile(rf"(?<!\w){re.escape(short)}(?!\w)", re.IGNORECASE), phone))
    return out


def service_mentions(text: str, registry: list[Phone]) -> list[_Mention]:
    """Where `text` names a service of the registry (longest words win: "Tổng đài quốc gia bảo
    vệ trẻ em" rather than "Tổng đài")."""
    found = []
    for pattern, phone in _service_pattern(registry):
        for m in pattern.finditer(text):
            found.append(_Mention(m.start(), m.end(), m.group(0), phone))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[_Mention] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        last = kept[-1] if kept else None
        if last and last.phone is m.phone and _SAME_SERVICE_GAP.match(text[last.end:m.start]):
            # "Cứu nạn, cứu hộ gọi 114": one mention of one service
            kept[-1] = _Mention(last.start, m.end, text[last.start:m.end], m.phone)
            continue
        kept.append(m)
    return kept


def find_numbers(text: str, registry: list[Phone] | None = None) -> list[Number]:
    """Every phone-like number in `text`, in order (see the module docstring for the shapes)."""
    text = unicodedata.normalize("NFC", text)
    numbers: list[Number] = []
    for m in _LINK.finditer(text):
        numbers.append(Number(m.start(), m.end(), m.group(0), digits_of(unquote(m.group(2)).split("?")[0]), "link"))
    plain = mask(_LINK.sub(lambda m: " " * len(m.group(0)), text))
    taken: list[tuple[int, int]] = [(n.start, n.end) for n in numbers]

    def add(start: int, end: int, written: str, digits: str, kind: str) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        numbers.append(Number(start, end, written, digits, kind))

    for pattern in (_LONG, _SPECIAL):
        for m in pattern.finditer(plain):
            digits = digits_of(m.group(1))
            if pattern is _LONG and len(digits) not in (10, 11):
                continue
            add(m.start(1), m.end(1), m.group(1), digits, "digits")
    mentions = service_mentions(plain, registry or [])
    call_context = re.compile(rf"(?<!\w)({_CALL_WORDS})(?!\w)", re.IGNORECASE)
    strong_context = re.compile(rf"(?<!\w)({_STRONG_CALL_WORDS})(?!\w)", re.IGNORECASE)
    for m in _SHORT.finditer(plain):
        before = _sentence_before(plain, m.start())
        if _NOT_PHONE_WORDS.search(before):
            continue
        # 11x are service numbers after any call word ("số 112"); other short numbers only after
        # a word to call ("gọi 1111"), so that "số 150 trẻ em" or "số 1000" stays a count.
        context = call_context if re.fullmatch(r"11\d", m.group(1)) else strong_context
        if context.search(before) or _after_service(plain, m.start(), mentions):
            add(m.start(1), m.end(1), m.group(1), m.group(1), "digits")
    for m in _AFTER_SERVICE.finditer(plain):
        read_out = _CUE_AFTER.match(plain, m.end())           # "113 [read: one – one – three]"
        named = _after_service(plain, m.start(), mentions) or _before_service(plain, m.end(), mentions)
        if read_out or (named and not _NOT_PHONE_WORDS.search(_sentence_before(plain, m.start()))):
            add(m.start(1), m.end(1), m.group(1), m.group(1), "digits")
    for m in _DOTTED.finditer(plain):                      # "1.1.2": a section number, unless called
        if call_context.search(_sentence_before(plain, m.start())):
            add(m.start(1), m.end(1), m.group(1), digits_of(m.group(1)), "spaced")
    for m in _SPACED.finditer(plain):
        add(m.start(1), m.end(1), m.group(1), digits_of(m.group(1)), "spaced")
    for m in _SPELLED.finditer(plain):
        words = re.findall(rf"{_DIGIT_WORD}", m.group(1), re.IGNORECASE)
        digits = "".join(_WORD_DIGIT[w.lower()] for w in words)
        before = _sentence_before(plain, m.start())
        dashed = bool(re.search(r"[-–—]", m.group(1)))
        cue = bool(_CUE_OPEN.search(plain[max(0, m.start() - 20):m.start()]))
        called = _CALL_JUST_BEFORE.search(plain[max(0, m.start() - 30):m.start()])  # "gọi một một hai"
        if dashed or cue or digits[:2] in ("11", "10") or called:
            add(m.start(1), m.end(1), m.group(1), digits, "spelled")
    return sorted(numbers, key=lambda n: n.start)


def _before_service(text: str, end: int, mentions: list[_Mention]) -> _Mention | None:
    """The service mention that directly follows a number ending at `end` ("113 (công an)")."""
    for mention in mentions:
        if end <= mention.start <= end + 4 and _GAP_BEFORE.match(text[end:mention.start]):
            return mention
    return None


def _after_service(text: str, start: int, mentions: list[_Mention]) -> _Mention | None:
    """The service mention that `start` directly follows ("công an, số |113"), if any."""
    for mention in mentions:
        if mention.end <= start <= mention.end + _MAX_GAP and _GAP_AFTER.match(text[mention.end:start]):
            return mention
    return None


# ---------------------------------------------------------------------------------------------
# The check
# ---------------------------------------------------------------------------------------------

_KIND = {
    "digits": ("Số điện thoại", "The phone number"),
    "spaced": ("Số điện thoại viết tách", "The phone number written apart"),
    "spelled": ("Số điện thoại đọc bằng chữ", "The phone number spelled out"),
    "link": ("Liên kết gọi/nhắn tin", "The call or message link"),
}


def check_text(text: str, registry: list[Phone]) -> list[Finding]:
    """Problems with the phone numbers of one text (offsets into the NFC text)."""
    text = unicodedata.normalize("NFC", text)
    by_number = {p.number: p for p in registry}
    listed = ", ".join(by_number)
    numbers = find_numbers(text, registry)
    findings: list[Finding] = []
    for n in numbers:
        if n.digits in by_number:
            continue
        kind_vi, kind_en = _KIND[n.kind]
        shown = f"{n.written} ({n.digits})" if n.kind in ("spaced", "spelled") else n.written
        findings.append(Finding(
            n.start, "phones.unregistered",
            Text(f"{kind_vi} {shown} không có trong danh bạ số của trang (data/phones.yml).",
                 f"{kind_en} {shown} is not in the site's phone registry (data/phones.yml)."),
            Text(f"Dùng đúng một số đã đăng ký ({listed}); số mới thì thêm vào data/phones.yml kèm "
                 "nguồn kiểm chứng được. Nếu đây không phải số điện thoại, viết khác đi (ví dụ "
                 "'Điều 112', '112 trẻ em').",
                 f"Use the right registered number ({listed}); add a new one to data/phones.yml "
                 "with a source that can be checked. If it is not a phone number, reword it "
                 "(e.g. 'Article 112', '112 children').")))
    # Digits a reader sees as one number but the rules above cannot read: never allowed.
    unmarked = _MASK.sub(lambda m: " " * len(m.group(0)), text)      # addresses aside, tags kept
    for m in list(_SPLIT_DIGITS.finditer(unmarked)) + list(_DIGIT_REFERENCE.finditer(text)):
        findings.append(Finding(
            m.start(), "phones.hidden-digits",
            Text(f"Chữ số bị tách bởi định dạng, ký tự ẩn hoặc viết bằng mã ('{m.group(0)}'): người đọc "
                 "thấy một số, nhưng không kiểm tra được số đó.",
                 f"Digits split by formatting or hidden characters, or written as character codes "
                 f"('{m.group(0)}'): readers see one number that cannot be checked."),
            Text("Viết số bằng chữ số liền, không định dạng giữa các chữ số (ví dụ **111**).",
                 "Write the number as plain digits, with no formatting inside it (e.g. **111**).")))
    # A reading cue reads the number it follows.
    for before, after in zip(numbers, numbers[1:]):
        if (after.kind == "spelled" and before.kind in ("digits", "spaced")
                and _CUE_OPEN.search(text[before.end:after.start])
                and re.fullmatch(r"\s*[\[(][^\[\]()]*", text[before.end:after.start])
                and before.digits != after.digits):
            findings.append(Finding(
                after.start, "phones.cue-mismatch",
                Text(f"Lời đọc '{after.written}' ({after.digits}) không khớp với số {before.written} "
                     "đứng trước nó: người nghe sẽ gọi sai số.",
                     f"The reading cue '{after.written}' ({after.digits}) does not read the number "
                     f"{before.written} before it: listeners would dial the wrong number."),
                Text(f"Đọc đúng từng chữ số của {before.written}.",
                     f"Spell out the digits of {before.written} exactly.")))
    # A short label only one number has ("miễn phí, 24/7") belongs to that number.
    plain_text = mask(text)
    for pattern, phone in _short_patterns(registry):
        for m in pattern.finditer(plain_text):
            before = next((n for n in reversed(numbers) if n.end <= m.start()), None)
            if (before and re.fullmatch(r"[\s,(\[–—-]*", text[before.end:m.start()])
                    and before.digits in by_number and before.digits != phone.number):
                findings.append(Finding(
                    before.start, "phones.wrong-service",
                    Text(f"Số {before.written} được ghi là '{m.group(0)}', nhưng đó là đặc điểm của số "
                         f"{phone.number} ({phone.name['vi']}) trong data/phones.yml.",
                         f"The number {before.written} is described as '{m.group(0)}', but that is what "
                         f"data/phones.yml says of {phone.number} ({phone.name['en']})."),
                    Text(f"Ghi số {phone.number}, hoặc bỏ '{m.group(0)}' nếu đúng là số {before.written}.",
                         f"Write {phone.number}, or drop '{m.group(0)}' if the number really is {before.written}.")))
    # A named service gives its own number.
    if registry:
        plain = mask(text)
        for mention in service_mentions(plain, registry):
            after = next((n for n in numbers if n.start >= mention.end), None)
            before = next((n for n in reversed(numbers) if n.end <= mention.start), None)
            # The number right after the service ("công an, số 113"), else right before it
            # ("113 (công an)"); a service named with no number near it is left alone.
            if after and after.start - mention.end <= _MAX_GAP and _GAP_AFTER.match(text[mention.end:after.start]):
                wrong = after
            elif before and _GAP_BEFORE.match(text[before.end:mention.start]):
                wrong = before
            else:
                continue
            if wrong.digits not in by_number or wrong.digits == mention.phone.number:
                continue
            other = by_number[wrong.digits]
            findings.append(Finding(
                wrong.start, "phones.wrong-service",
                Text(f"'{mention.written}' đi với số {wrong.written}, nhưng số của "
                     f"{mention.phone.name['vi']} là {mention.phone.number} ({wrong.digits} là "
                     f"{other.name['vi']}).",
                     f"'{mention.written}' comes with the number {wrong.written}, but "
                     f"{mention.phone.name['en']} is {mention.phone.number} ({wrong.digits} is "
                     f"{other.name['en']})."),
                Text(f"Ghi số {mention.phone.number} cho {mention.phone.name['vi']}, hoặc sửa tên dịch "
                     f"vụ cho đúng với số {wrong.digits} (data/phones.yml).",
                     f"Write {mention.phone.number} for {mention.phone.name['en']}, or name the service "
                     f"that {wrong.digits} belongs to (data/phones.yml).")))
    return sorted(findings, key=lambda f: f.start)
