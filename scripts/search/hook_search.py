"""MkDocs hooks (mkdocs.yml `hooks:`) for search: one index per language, Vietnamese folding.

The logic is in scripts/search/search_index.py; the design and its reasons in scripts/search/SEARCH.md.
Events run once per language: static-i18n builds Vietnamese first, then English inside the
Vietnamese build's on_post_build, then merges every language into site/search/search_index.json.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.search import search_index  # noqa: E402
from scripts.search.search_index import Language, SearchIndexError  # noqa: E402
from scripts.search.help_panel import add_panel  # noqa: E402
from scripts.search.synonyms import load_synonyms, page_keywords, search_data_js  # noqa: E402

log = logging.getLogger("mkdocs.hooks.search")


def _languages(config) -> list[Language]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [Language(config.theme["language"], "")]
    return search_index.languages_from_i18n(i18n)


def _prefix(config, locale: str | None) -> str:
    for lang in _languages(config):
        if lang.locale == locale:
            return lang.prefix
    return ""


# page URL ("bao-tin/", "en/bao-tin/") -> its search_keywords and its description, gathered
# while pages render
_keywords: dict[str, list[str]] = {}
_descriptions: dict[str, str] = {}


def on_page_markdown(markdown, page, config, files):
    words = page_keywords(page.meta)
    if words:
        _keywords[page.url] = words
    description = page.meta.get("description")
    if isinstance(description, str) and description.strip():
        _descriptions[page.url] = description.strip()
    return markdown


def on_post_page(output, page, config):
    # English pages load /en/search/search_index.json: their __config base is the /en/ root.
    locale = getattr(page.file, "locale", None)
    prefix = _prefix(config, locale)
    try:
        output = search_index.rebase_config(output, prefix, page.file.src_uri)
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from exc
    # "Nothing found is still an answer": the hidden panel with 111 and /bao-tin/ (help_panel.py)
    lang = locale or config.theme["language"]
    # The registry hook_website read once for the build, not data/phones.yml again for every page.
    return add_panel(output, lang, page.url, prefix, config.extra.get("phones"))


@event_priority(10)  # before scripts/website/hook_website.py writes each language's 404 page to disk
def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    i18n = config.plugins.get("i18n")
    locale = i18n.current_language if i18n is not None else None
    try:
        return search_index.rebase_config(output, _prefix(config, locale), template_name)
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from exc


@event_priority(-110)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a language built inside the default one: the merged index comes later
    try:
        before, sizes = search_index.write_indexes(Path(config.site_dir), _languages(config),
                                                   dict(_keywords), dict(_descriptions))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from exc
    # Synonyms and twin sections for the search worker (lunr.fold.min.js imports this file).
    groups, problems = load_synonyms()
    for problem in problems:
        log.warning("%s:%s: %s / %s", problem.file, problem.line, problem.what.vi, problem.what.en)
    target = Path(config.site_dir) / "assets" / "javascripts" / "search-data.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(search_data_js(groups), encoding="utf-8")
    log.info("Search index per language (was %s B for all): %s", before.size,
             ", ".join(f"{s.locale} {s.size} B" for s in sizes))
