"""MkDocs hook: each `- legal: <id>` item of a page's `sources:` becomes the document's title,
the link to its full text and the label readers see ("toàn văn chính thức trên …" / "official
full text on …", "… (không phải nguồn chính thức)" / "… (unofficial copy)", or why there is no
link), all read from data/legal_texts.yml. A source marked `secondary: true` (a summary or
advice page) is shown with the label "nguồn thứ cấp …" / "secondary source …". A broken registry or an unknown id stops the build
with the same words as the check (scripts/legal/check_legal.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import checkkit  # noqa: E402
from scripts.core.build_lang import page_language  # noqa: E402
from scripts.legal.legal_texts import SECONDARY, fold, load_registry, source_entry  # noqa: E402

REGISTRY = ROOT / "data" / "legal_texts.yml"
_state: dict = {}


def on_config(config):
    registry, problems = load_registry(REGISTRY, ROOT)
    if problems:
        raise PluginError(checkkit.format_text(problems, "hook_legal"))
    _state["registry"] = registry
    return config


def on_page_markdown(markdown, page, config, files):
    sources = (page.meta or {}).get("sources")
    if not isinstance(sources, list):
        return markdown
    registry = _state.get("registry") or {}
    lang = page_language(page, config)
    shown = []
    for item in sources:
        if isinstance(item, dict) and "legal" in item:
            doc = registry.get(fold(str(item.get("legal") or "")))
            if doc is None:
                raise PluginError(
                    f"{page.file.src_uri}: nguồn 'legal: {item.get('legal')}' không có trong data/legal_texts.yml; "
                    "sửa số hiệu hoặc thêm văn bản vào sổ / the source 'legal: "
                    f"{item.get('legal')}' is not in data/legal_texts.yml; fix the id or add the document "
                    "(python scripts/legal/check_legal.py)")
            item = source_entry(item, doc, lang)
        elif isinstance(item, dict) and item.get("secondary") is True:
            note = str(item.get("note") or "").strip()
            item = {k: v for k, v in item.items() if k != "secondary"}
            item["note"] = SECONDARY[lang] + (f"; {note}" if note else "")
        shown.append(item)
    page.meta["sources"] = shown
    return markdown
