"""Folding Vietnamese text to plain ASCII letters, and heading slugs built on it.

`fold` removes tone marks and vowel marks and turns đ/Đ into d/D. It is used for
heading anchors (here) and for diacritics-insensitive search.

Python-Markdown's default slugify drops "Đ" entirely ("Đảng ủy" -> "ang-uy"), because
NFKD does not decompose Đ. Ours folds it to "d" ("Đảng ủy" -> "dang-uy").
"""

from __future__ import annotations

import re
import unicodedata

# Đ/đ have no Unicode decomposition; these are the only Vietnamese letters that need a map.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Return `text` without Vietnamese diacritics, case kept: "Đảng ủy" -> "Dang uy".

    Accepts NFC or NFD input. Characters outside Latin letters keep their base form.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def slugify(value: str, separator: str = "-") -> str:
    """Heading anchor: folded, lower case, ASCII letters and digits joined by `separator`.

    Signature matches Python-Markdown's toc `slugify` option.
    """
    folded = fold(value).lower()
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub(separator, ascii_only).strip(separator)
