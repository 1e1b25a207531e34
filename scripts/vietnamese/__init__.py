"""Vietnamese text: folding diacritics and heading slugs (text), spelling rules (orthography).

Public to other features: the functions below.
"""

from scripts.vietnamese.orthography import check_tone, check_typos
from scripts.vietnamese.text import fold, slugify

__all__ = ["check_tone", "check_typos", "fold", "slugify"]
