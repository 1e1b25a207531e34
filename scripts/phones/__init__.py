"""Phone numbers: data/phones.yml is the only place a number is written (registry), the
`<!-- phones: … -->` markers that list them in pages (phone_markers) and their build hook.

Public to other features: the registry below.
"""

from scripts.phones.registry import PHONES_FILE, DataError, Phone, load_phones

__all__ = ["PHONES_FILE", "DataError", "Phone", "load_phones"]
