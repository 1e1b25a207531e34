"""Vietnamese spelling rules for the content check: tone placement and common typos.

Tone placement. A Vietnamese syllable is (initial consonant)(medial o/u)(main vowel)(final).
The two accepted styles differ in one case only: an open syllable (no final sound) made of the
medial o/u and the vowels a, e, y, i.e. the rhymes "oa", "oe", "uy". The style the plan and
this site use puts the tone on the first letter of those rhymes ("hóa", "hòa", "khỏe", "thủy",
"ủy", "Ủy ban"); the other style puts it on the second ("hoá", "khoẻ", "thuỷ", "uỷ"). As soon
as a final follows, both styles agree (hoàng, toán, khuyết, thuyền), so those are never flagged.
"qu" is one consonant: in "quý", "quỳ", "quả", "quá" the u is not a medial and the tone is
already on the vowel; the only issue there is spelling "quí" for "quý" (the plan writes "quý",
"quy định"). We do not touch i/y after other consonants (kỹ/kĩ, lý/lí): both spellings are in
use and some words only take one (mì, lì, tỉ mỉ), so no rule could be safe.

Misplaced tones that are plain typos in either style are also caught: on the a of the falling
diphthongs "ua", "ia", "ưa" in an open syllable ("cuả" for "của", "nghiã" for "nghĩa"),
except where "qu" and "gi" are consonants ("quá", "giá", "già").

Typos: the plan's own PDF text has "qúy", "chủ trưong", "phù họp" and "sổ 28"; the list
generalises each (tone on the u of "qu", "ưo" that must be "ươ", "họp" for "hợp" in fixed
words, "sổ" before a document number) and adds misspellings common in Vietnamese writing.
Each rule is tested both ways, on words it must catch and on correct words it must leave alone
(tests/content/test_check_content.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}   # huyền, sắc, ngã, hỏi, nặng
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Finding:
    start: int          # index in the line (0-based)
    found: str
    suggestion: str
    rule: str           # "tone" | "qui" | "typo"
    note_vi: str
    note_en: str


def _split_tone(word: str) -> tuple[str, str | None, int]:
    """(word without its tone mark, the mark, index of the letter carrying it) — NFC in and out."""
    letters: list[str] = []
    tone: str | None = None
    index = -1
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONE_MARKS and letters:
            tone, index = ch, len(letters) - 1
        elif unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    base = [unicodedata.normalize("NFC", l) for l in letters]
    return "".join(base), tone, index if tone else -1


def _with_tone(base: str, tone: str | None, index: int) -> str:
    if tone is None:
        return base
    letters = list(base)
    letters[index] = unicodedata.normalize("NFC", letters[index] + tone)
    return "".join(letters)


_OLD_STYLE = re.compile(rf"^({_INITIAL})(oa|oe|uy)$")
_FALLING = re.compile(rf"^({_INITIAL})(ua|ia|ưa)$")


def check_word(word: str, strict_qui: bool = True) -> tuple[str, str, str, str] | None:
    """(suggestion, rule, note_vi, note_en) if `word` breaks a tone-placement rule, else None."""
    base, tone, index = _split_tone(word)
    lower = base.lower()
    if lower == "qui" and (tone or strict_qui):
        return (_with_tone(base[:2] + ("Y" if base[2].isupper() else "y"), tone, 2), "qui",
                "Kế hoạch viết 'quy', 'quý' (với y), không viết 'qui', 'quí'.",
                "The plan spells 'quy', 'quý' (with y), not 'qui', 'quí'.")
    if tone is None or index != len(base) - 1:
        return None
    match = _OLD_STYLE.match(lower)
    if match:
        return (_with_tone(base, tone, index - 1), "tone",
                "Đặt dấu thanh theo kiểu của Kế hoạch: trên chữ đầu của vần 'oa', 'oe', 'uy' khi "
                "không có âm cuối (hóa, khỏe, thủy, Ủy ban).",
                "Place the tone as the plan does: on the first letter of 'oa', 'oe', 'uy' when no "
                "final follows (hóa, khỏe, thủy, Ủy ban).")
    match = _FALLING.match(lower)
    if match and not (match.group(2) == "ia" and match.group(1) == "g"):
        return (_with_tone(base, tone, index - 1), "tone",
                "Dấu thanh của 'ua', 'ia', 'ưa' (không có âm cuối) đặt trên chữ đầu: của, nghĩa, mưa.",
                "In 'ua', 'ia', 'ưa' with no final, the tone goes on the first letter: của, nghĩa, mưa.")
    return None


def check_tone(line: str, strict_qui: bool = True) -> list[Finding]:
    found = []
    for match in _WORD.finditer(line):
        result = check_word(match.group(0), strict_qui)
        if result:
            found.append(Finding(match.start(), match.group(0), result[0], result[1], result[2], result[3]))
    return found


# ----------------------------------------------------------------------------------------------
# Typos
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Typo:
    pattern: re.Pattern
    replace: object            # str, or a function of the match giving the corrected text
    note: tuple[str, str]      # where the rule comes from (vi, en), shown in messages
    vi_only: bool = False      # only on Vietnamese pages (the pattern could be English)


def _qu_tone(match: re.Match) -> str:
    """"qúy" -> "quý": the tone moves from the u of "qu" to the main vowel."""
    word = match.group(0)
    base, tone, index = _split_tone(word)
    rest = base[2:]
    target = next((i for i, ch in enumerate(rest) if ch.lower() in "âêôơăư"), 0)
    return _with_tone(base, tone, 2 + target)


_HORN = dict(zip("oòóỏõọOÒÓỎÕỌ", "ơờớởỡợƠỜỚỞỠỢ"))     # "ưo" is never Vietnamese: it is "ươ"


def _keep_case(template: str):
    def replace(match: re.Match) -> str:
        found = match.group(0)
        if found[:1].isupper():
            return template[:1].upper() + template[1:]
        return template
    return replace


def _phrase(wrong: str, right: str, note: tuple[str, str], vi_only: bool = True) -> Typo:
    return Typo(re.compile(rf"(?<!\w){re.escape(wrong)}(?!\w)", re.IGNORECASE), _keep_case(right), note, vi_only)


PLAN = ("lỗi có trong bản PDF của Kế hoạch", "a typo found in the plan's PDF")
COMMON = ("lỗi chính tả thường gặp", "a common misspelling")


def _eg(note: tuple[str, str], example: str) -> tuple[str, str]:
    return (f"{note[0]}, ví dụ {example}", f"{note[1]}, e.g. {example}")

TYPOS: tuple[Typo, ...] = (
    # The plan's own typos, generalised.
    Typo(re.compile(r"(?<!\w)[Qq][ùúủũụ][a-zà-ỹ]*(?!\w)"), _qu_tone, _eg(PLAN, "qúy → quý")),
    Typo(re.compile(r"[ưƯ][oòóỏõọOÒÓỎÕỌ]"), lambda m: m.group(0)[0] + _HORN[m.group(0)[1]],
         _eg(PLAN, "chủ trưong → chủ trương")),
    _phrase("phù họp", "phù hợp", PLAN),
    _phrase("phối họp", "phối hợp", COMMON),
    _phrase("tổng họp", "tổng hợp", COMMON),
    _phrase("thích họp", "thích hợp", COMMON),
    _phrase("hỗn họp", "hỗn hợp", COMMON),
    _phrase("hòa họp", "hòa hợp", COMMON),
    _phrase("họp tác", "hợp tác", COMMON),
    _phrase("họp pháp", "hợp pháp", COMMON),
    Typo(re.compile(r"(?<!\w)[Ss]ổ(?=\s+\d+[-/])"), lambda m: "số" if m.group(0)[0] == "s" else "Số",
         _eg(PLAN, "Chỉ thị sổ 28 → số 28")),
    # Consonant spellings that are never right: "ngh" only before i, e, ê; "ng" never before them.
    Typo(re.compile(r"(?<!\w)[Nn]gh(?=[aăâoôơuưàáảãạằắẳẵặầấẩẫậòóỏõọồốổỗộờớởỡợùúủũụừứửữự])"),
         lambda m: m.group(0)[0] + "g", _eg(COMMON, "nghành → ngành"), vi_only=True),
    Typo(re.compile(r"(?<!\w)[Nn]g(?=[iìíỉĩịeèéẻẽẹêềếểễệ])"),
         lambda m: m.group(0) + "h", _eg(COMMON, "ngiên cứu → nghiên cứu"), vi_only=True),
    # Common misspellings.
    _phrase("sử lý", "xử lý", COMMON),
    _phrase("sử phạt", "xử phạt", COMMON),
    _phrase("xử dụng", "sử dụng", COMMON),
    _phrase("xắp xếp", "sắp xếp", COMMON),
    _phrase("chuẩn đoán", "chẩn đoán", COMMON),
    _phrase("bổ xung", "bổ sung", COMMON),
    _phrase("giúp đở", "giúp đỡ", COMMON),
    _phrase("cập nhập", "cập nhật", COMMON),
    _phrase("trách nghiệm", "trách nhiệm", COMMON),
    _phrase("kiễm tra", "kiểm tra", COMMON),
    _phrase("giám xát", "giám sát", COMMON),
    _phrase("sát nhập", "sáp nhập", COMMON),
    _phrase("xát nhập", "sáp nhập", COMMON),
    _phrase("chính sát", "chính xác", COMMON),
    _phrase("suất sắc", "xuất sắc", COMMON),
    _phrase("sâm hại", "xâm hại", COMMON),
)


def _word_span(line: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    while end < len(line) and line[end].isalpha():
        end += 1
    return start, end


def check_typos(line: str, vietnamese: bool = True) -> list[Finding]:
    """Typos in `line` (NFC), each reported as the whole word(s) and their corrected form."""
    found = []
    for typo in TYPOS:
        if typo.vi_only and not vietnamese:
            continue
        for match in typo.pattern.finditer(line):
            replacement = typo.replace(match) if callable(typo.replace) else typo.replace
            if replacement == match.group(0):
                continue
            start, end = _word_span(line, match.start(), match.end())
            word = line[start:end]
            fixed = line[start:match.start()] + replacement + line[match.end():end]
            found.append(Finding(start, word, fixed, "typo", typo.note[0], typo.note[1]))
    return found
