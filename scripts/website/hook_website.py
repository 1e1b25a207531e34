"""MkDocs hooks (mkdocs.yml `hooks:`): the glue between the data, the pages and the theme.

Each job is a small function; the logic itself lives in the modules of scripts/.
Events run once per language: static-i18n builds Vietnamese first, then English.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import git_dates  # noqa: E402

from scripts.website import notfound  # noqa: E402
from scripts.phones import DataError, hotline_of, load_phones  # noqa: E402
from scripts.vietnamese import slugify  # noqa: E402

OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
_state: dict = {}


def on_config(config):
    # ASCII heading anchors that fold "Đ" to "d" (Python-Markdown's default drops it).
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    if not config.repo_url:
        config.edit_uri = None  # no repository known (local preview): no edit link
    try:
        config.extra["phones"] = load_phones()
        config.extra["hotline"] = hotline_of(config.extra["phones"])  # `hotline: true`, never "the first"
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    if "dates" not in _state:
        _state["dates"] = git_dates.last_changed(ROOT)
    return config


def _page_locale(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


def _edit_url(config, page) -> str | None:
    if not config.repo_url:
        return None
    rel = Path(page.file.abs_src_path).resolve().relative_to(ROOT / config.docs_dir)
    return urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri or "") + rel.as_posix()


def _source_path(page, config) -> str:
    path = Path(page.file.abs_src_path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:  # docs outside this repository (a test fixture site)
        return path.relative_to(Path(config.docs_dir).resolve().parent).as_posix()


@event_priority(-60)  # after static-i18n (50) has set the language switcher's links
def on_page_context(context, page, config, nav):
    locale = _page_locale(page, config)
    source = _source_path(page, config)
    page.edit_url = _edit_url(config, page)
    context["site_lang"] = locale
    context["og_locale"] = OG_LOCALES.get(locale, locale)
    context["og_locale_alternates"] = [v for k, v in OG_LOCALES.items() if k != locale]
    context["source_path"] = source
    context["updated"] = _state.get("dates", {}).get(source)
    context["og_image"] = urljoin(config.site_url, "assets/images/og-default.png")
    return context


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return output
    return notfound.route(output, i18n.current_language, i18n.default_language,
                          Path(config.site_dir))
