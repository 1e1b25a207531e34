"""Check the FAQ pages (front matter `faq: true`): every question heading has a stable ASCII id,
ids are unique, and the Vietnamese and English pages list the same ids in the same order.

    python scripts/faq/check_faq.py        exit 0 clean, 1 problems found (each with file:line), 2 misuse
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.faq.questions import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
