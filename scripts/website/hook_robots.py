"""MkDocs hook: write robots.txt once, for the default language's site root
(logic in scripts/website/robots.py)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.website import robots  # noqa: E402
from scripts.core.build_lang import languages  # noqa: E402


def on_post_build(config):
    lang, default = languages(config)
    if lang != default:
        return              # static-i18n's build of another language, into site/<lang>/
    robots.write(Path(config.site_dir), config.site_url)
