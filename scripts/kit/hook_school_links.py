"""MkDocs hook for the school kit (logic in scripts/kit/school_links.py and scripts/kit/qr.py).

A page whose Markdown has the line `<!-- school-links -->` gets, in its place, the list of pages
schools use most (data/school_links.yml) with a QR code of each page's absolute address
(site_url), made at build time for the language being built.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.kit import school_links  # noqa: E402
from scripts.core.build_lang import page_folder, page_language  # noqa: E402
from scripts.core.front_matter import split_front_matter  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    if school_links.MARKER not in markdown:
        return markdown
    lang = page_language(page, config)
    page_path = page_folder(page, config, lang)
    src = Path(page.file.abs_src_path).resolve()
    _, body, first_line = split_front_matter(src.read_text(encoding="utf-8"))
    first_line += len(body) - len(body.lstrip("\n"))     # MkDocs drops blank lines at the top
    try:
        return school_links.fill(markdown, lang, config.site_url, page_path,
                                 src.relative_to(ROOT).as_posix(), first_line=first_line)
    except school_links.DataError as exc:
        raise PluginError(str(exc)) from exc
