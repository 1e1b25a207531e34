"""Quick exit ("exit this page"): which pages carry it, where it leads, where it goes in the HTML.

A page opts in with `quick_exit: true` in its front matter. The destination is set once, in
mkdocs.yml (`extra.quick_exit.url`). The button must be the first thing in <body>, before
Material's skip link, so that the first Tab reaches it; scripts/quick_exit/hook_quick_exit.py puts it there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


class QuickExitError(ValueError):
    """Bad quick-exit setting; the message names where and says how to fix it (vi / en)."""


@dataclass(frozen=True)
class QuickExit:
    url: str


def from_extra(extra: dict, site_url: str | None, where: str = "mkdocs.yml") -> QuickExit:
    """Read and check `extra.quick_exit.url`: an absolute https address on another site."""
    block = extra.get("quick_exit")
    url = block.get("url") if isinstance(block, dict) else None
    if not isinstance(url, str) or not url.strip():
        raise QuickExitError(
            f"{where}: thiếu extra.quick_exit.url (trang trung tính mà nút thoát nhanh dẫn tới) / "
            "missing extra.quick_exit.url (the neutral page the quick-exit button leads to)"
        )
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise QuickExitError(
            f"{where}: extra.quick_exit.url '{url}' phải là địa chỉ https:// đầy đủ / "
            "must be a full https:// address"
        )
    if site_url and urlsplit(site_url).netloc == parts.netloc:
        raise QuickExitError(
            f"{where}: extra.quick_exit.url '{url}' phải dẫn ra một trang web khác, không phải "
            "trang này / must lead away to another site, not this one"
        )
    return QuickExit(url=url)


def opted_in(meta: dict | None, where: str) -> bool:
    """True when the page's front matter says `quick_exit: true`; anything but a yes/no is an error."""
    value = (meta or {}).get("quick_exit", False)
    if not isinstance(value, bool):
        raise QuickExitError(
            f"{where}: 'quick_exit: {value}' phải là true hoặc false / must be true or false"
        )
    return value


def insert_first_in_body(html: str, snippet: str, where: str = "page") -> str:
    """Put `snippet` right after the opening <body> tag, before anything focusable."""
    match = _BODY_OPEN.search(html)
    if match is None:
        raise QuickExitError(
            f"{where}: không tìm thấy thẻ <body> để đặt nút thoát nhanh / "
            "no <body> tag to put the quick-exit button in"
        )
    return html[: match.end()] + snippet + html[match.end():]
