"""MkDocs hook: the review dates of each page ("Rà soát lần cuối … · Lần rà soát tiếp theo …" /
"Last reviewed … · Next review due …"), shown by overrides/partials/review-dates.html. The
rules are in scripts/review/review.py; a missing or wrong `reviewed:` is the check's job
(scripts/review/check_review.py), so the hook shows nothing for such a page."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core.build_lang import page_language  # noqa: E402
from scripts.review import review  # noqa: E402

_state: dict = {}


def on_config(config):
    try:
        _state["policy"] = review.ReviewPolicy.from_config(config.extra)
    except ValueError as exc:
        raise PluginError(str(exc)) from exc
    return config


def on_page_markdown(markdown, page, config, files):
    reviewed = review.parse_reviewed(page.meta.get("reviewed"))
    if reviewed is None:
        return markdown
    policy = _state.get("policy") or review.ReviewPolicy.from_config(config.extra)
    lang = page_language(page, config)
    due = review.next_due(reviewed, markdown, policy)
    page.meta["review_dates"] = {
        "reviewed": reviewed.isoformat(), "reviewed_text": review.fmt(reviewed, lang),
        "due": due.isoformat(), "due_text": review.fmt(due, lang),
    }
    return markdown
