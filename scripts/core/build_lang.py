"""Which language a hook is working in. mkdocs-static-i18n builds the site once per language
(Vietnamese first, into site/; then English, into site/en/) and tags each page's file with its
locale; without the plugin (a test project) the theme's language is the only one."""

from __future__ import annotations

from pathlib import Path


def languages(config) -> tuple[str, str]:
    """(the language this build pass writes, the default language)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        lang = config.theme["language"]
        return lang, lang
    return i18n.current_language, i18n.default_language


def page_language(page, config) -> str:
    """The language of `page` (its file's locale, else this build pass's language)."""
    return getattr(page.file, "locale", None) or languages(config)[0]


def page_folder(page, config, lang: str) -> str:
    """The page's folder under its language's docs, as the site addresses it: "" for the
    home page, "bao-tin/" for docs/<lang>/bao-tin/index.md."""
    src = Path(page.file.abs_src_path).resolve()
    folder = src.parent.relative_to(Path(config.docs_dir).resolve() / lang).as_posix()
    return "" if folder == "." else folder + "/"
