"""MkDocs hook: fills the communication-kit markers in pages from data/communication_kit/.

Markers (HTML comments, so an unexpanded page still reads cleanly):

    <!-- kit: <topic> -->       radio script (with computed reading time), share text, poster
    <!-- kit-index -->          table of topics with reading times (/tai-lieu/)
    <!-- kit-speed -->          the reading speeds used, from scripts/kit/comm_kit.py
    <!-- topic-index -->        list of awareness topics (/tuyen-truyen/)
    <!-- phones: 111 113 -->    numbers to call, worded from data/phones.yml

Each kit page also gets its A4 poster (scripts/kit/poster.py: made here for site_url, previewed
and linked with its size on the page, written next to it after the build as ap-phich-a4.svg).
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

from scripts.kit import comm_kit, poster  # noqa: E402
from scripts.core.build_lang import languages, page_language  # noqa: E402
from scripts.phones import DataError, hotline_of, load_phones  # noqa: E402

_state: dict = {}


def on_config(config):
    try:
        phones = load_phones()
        _state["phones"] = phones
        _state["items"] = comm_kit.load_kit(comm_kit.KIT_DIR, comm_kit.DOCS_DIR,
                                            {p.number for p in phones})
        _state["hotline"] = hotline_of(phones)
    except DataError as exc:                     # hotline_of says which entry to mark, in both languages
        raise PluginError(str(exc)) from exc
    _state["posters"] = {}
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


def _posters(lang: str, config) -> dict[str, str]:
    """Every topic's A4 poster in `lang` (SVG text), made once per language."""
    site_url = config.get("site_url")
    if not site_url:
        return {}
    if lang not in _state["posters"]:
        made = {}
        for item in _state["items"]:
            meta = comm_kit.topic_meta(item.topic, lang, comm_kit.DOCS_DIR, comm_kit.KIT_SECTION)
            try:
                made[item.topic] = poster.svg(item, lang, _state["hotline"], site_url,
                                              poster.sources_of(meta))
            except ValueError as exc:
                raise PluginError(f"{item.path}: áp phích ({lang}) không vừa khổ A4 hoặc dòng nguồn "
                                  f"quá dài; hãy rút ngắn / poster ({lang}): {exc}") from exc
        _state["posters"][lang] = made
    return _state["posters"][lang]


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
        figures = {item.topic: poster.figure(item, lang, len(svg.encode("utf-8")))
                   for item in _state["items"]
                   if (svg := _posters(lang, config).get(item.topic))}
        return comm_kit.expand_markers(markdown, lang, _state["items"], _state["phones"],
                                       str(source), comm_kit.DOCS_DIR, figures)
    except DataError as exc:
        raise PluginError(str(exc)) from exc


def on_post_build(config):
    """Each language's posters next to its kit pages (this pass writes into its own site_dir)."""
    lang, default = languages(config)
    # static-i18n writes another language into site/<lang>/ but hands hooks the main site_dir.
    site = Path(config["site_dir"])
    if lang != default and site.name != lang:
        site = site / lang
    for topic, svg in _posters(lang, config).items():
        folder = site / comm_kit.KIT_SECTION / topic
        folder.mkdir(parents=True, exist_ok=True)
        (folder / poster.FILE_NAME).write_text(svg, encoding="utf-8")
