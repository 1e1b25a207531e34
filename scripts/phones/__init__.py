"""Phone numbers: data/phones.yml is the only place a number is written (registry), the
`<!-- phones: … -->` markers that list them in pages (phone_markers) and their build hook.

Public to other features: the registry, and the ONE phone rule set for any text that becomes a
page (`check_text`, `find_numbers`, scripts/phones/phone_text.py).
"""

from scripts.phones.registry import PHONES_FILE, DataError, Phone, hotline_of, load_phones
from scripts.phones.phone_text import check_text, find_numbers

__all__ = ["PHONES_FILE", "DataError", "Phone", "check_text", "find_numbers", "hotline_of", "load_phones"]
