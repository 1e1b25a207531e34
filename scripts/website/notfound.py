"""Keep one 404 page per language.

static-i18n builds the default language first, then the others into the same site/, and the
theme's 404.html is written to site/404.html by every build: the last language (English)
would win, so a host serving /404.html would answer Vietnamese readers in English.
We keep the default language's page at /404.html (hosts serve that one for every missing
path; it also offers the English home) and write each other language's to /<lang>/404.html.
"""

from __future__ import annotations

from pathlib import Path

_default_page: dict[str, str] = {}


def route(output: str, locale: str, default_locale: str, site_dir: Path) -> str:
    """Called with each language's rendered 404.html; returns what goes to site/404.html."""
    if locale == default_locale:
        _default_page["html"] = output
        return output
    target = site_dir / locale / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_page.get("html", output)
