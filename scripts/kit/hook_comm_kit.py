"""MkDocs hook: fills the communication-kit markers in pages from data/communication_kit/.

Markers (HTML comments, so an unexpanded page still reads cleanly):

    <!-- kit: <topic> -->       radio script (with computed reading time), share text, poster
    <!-- kit-index -->          table of topics with reading times (/tai-lieu/)
    <!-- kit-speed -->          the reading speeds used, from scripts/kit/comm_kit.py
    <!-- topic-index -->        list of awareness topics (/tuyen-truyen/)
    <!-- phones: 111 113 -->    numbers to call, worded from data/phones.yml

Each topic page (/tuyen-truyen/<topic>/) also gets, at its foot, the buttons to share the
topic's message and link (comm_kit.render_topic_share; docs/assets/javascripts/share.js).

Bad kit data or an unknown marker stops the build with a message naming the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.kit import comm_kit  # noqa: E402
from scripts.core.build_lang import page_language  # noqa: E402
from scripts.phones import DataError, load_phones  # noqa: E402

_state: dict = {}


def on_config(config):
    try:
        phones = load_phones()
        _state["phones"] = phones
        _state["items"] = comm_kit.load_kit(comm_kit.KIT_DIR, comm_kit.DOCS_DIR,
                                            {p.number for p in phones})
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


def _topic_of(page, lang: str) -> str | None:
    """The kit topic whose topic page this is (docs/<lang>/tuyen-truyen/<topic>/index.md)."""
    try:
        rel = Path(page.file.abs_src_path).resolve().relative_to(comm_kit.DOCS_DIR / lang)
    except ValueError:
        return None
    parts = rel.parts
    if len(parts) == 3 and parts[0] == comm_kit.TOPIC_SECTION and parts[2] == "index.md":
        return parts[1]
    return None


def on_page_markdown(markdown, page, config, files):
    lang = page_language(page, config)
    by_topic = {item.topic: item for item in _state["items"]}
    topic = _topic_of(page, lang)
    if topic in by_topic:
        markdown = markdown.rstrip("\n") + "\n" + comm_kit.render_topic_share(
            by_topic[topic], lang, comm_kit.DOCS_DIR)
    if "<!--" not in markdown:
        return markdown
    source = Path(page.file.abs_src_path).resolve()
    try:
        source = source.relative_to(ROOT)
    except ValueError:
        pass
    try:
        return comm_kit.expand_markers(markdown, lang, _state["items"], _state["phones"],
                                       str(source), comm_kit.DOCS_DIR)
    except DataError as exc:
        raise PluginError(str(exc)) from exc
