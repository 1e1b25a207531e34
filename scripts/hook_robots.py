"""MkDocs hook: write robots.txt once, for the default language's site root
(logic in scripts/robots.py)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import robots  # noqa: E402


def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language != i18n.default_language:
        return              # static-i18n's build of another language, into site/<lang>/
    robots.write(Path(config.site_dir), config.site_url)
