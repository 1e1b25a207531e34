"""Redirect stubs for moved pages, from data/redirects.yml, written in every language.

Why not the mkdocs-redirects plugin: with static-i18n's folder layout it resolves targets
against the source folder ("vi/gioi-thieu/") and writes stubs pointing at /vi/..., an address
that does not exist (the default language is served at /), and its stub is always
<html lang="en">. Ours is a small template: right language, canonical link, hotline, a plain
link that works without JavaScript, and the #fragment kept when JavaScript is on.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from scripts.core.sitepages import REDIRECT_GENERATOR

ROOT = Path(__file__).resolve().parents[2]
REDIRECTS_FILE = ROOT / "data" / "redirects.yml"
_PATH = re.compile(r"^([a-z0-9-]+/)+$")


class RedirectError(ValueError):
    pass


@dataclass(frozen=True)
class Redirect:
    source: str     # "old-path/"
    target: str     # "new-path/" or "new-path/#anchor"
    since: str
    line: int

    @property
    def target_path(self) -> str:
        return self.target.split("#", 1)[0]


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return 1


def load_redirects(path: Path = REDIRECTS_FILE) -> list[Redirect]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RedirectError(f"{path}:1: tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start}); lưu lại bằng "
                            f"UTF-8 / the file is not UTF-8 (bad byte at offset {exc.start}); save it as "
                            "UTF-8") from None
    except OSError as exc:
        raise RedirectError(f"{path}:1: không đọc được / cannot read it: {exc.strerror or exc}") from None
    try:
        raw = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise RedirectError(f"{path}:{line}: YAML hỏng / broken YAML: {exc}") from None
    except RecursionError:      # "[[[[…" thousands deep
        raise RedirectError(f"{path}:1: YAML lồng quá sâu / YAML nested too deeply") from None
    except ValueError as exc:   # PyYAML builds dates while loading: 2024-02-31 fails here
        raise RedirectError(f"{path}:{_line_of(text, 'since:')}: ngày không có thật ({exc}); viết "
                            f"'since: YYYY-MM-DD' / not a real date ({exc}); write 'since: YYYY-MM-DD'") from None
    if not isinstance(raw, list):
        raise RedirectError(f"{path}:1: cần một danh sách / expected a list of redirects")
    out: list[Redirect] = []
    for item in raw:
        if not isinstance(item, dict):
            raise RedirectError(f"{path}:1: mỗi mục cần from, to, since / each entry needs from, to, since")
        source, target = str(item.get("from", "")), str(item.get("to", ""))
        line = _line_of(text, f"from: {source}") if source else 1
        since = item.get("since")
        if not _PATH.match(source):
            raise RedirectError(
                f"{path}:{line}: 'from: {source}' phải là đường dẫn dạng 'a/b/' (chữ thường, không dấu) / "
                f"'from' must be a path like 'a/b/' (lower-case ASCII, ending with /)")
        if not _PATH.match(target.split("#", 1)[0]):
            raise RedirectError(
                f"{path}:{line}: 'to: {target}' phải là đường dẫn dạng 'a/b/' hoặc 'a/b/#neo' / "
                f"'to' must be a path like 'a/b/' or 'a/b/#anchor'")
        if not isinstance(since, date):
            raise RedirectError(f"{path}:{line}: thiếu 'since: YYYY-MM-DD' / 'since' must be a date YYYY-MM-DD")
        out.append(Redirect(source, target, since.isoformat(), line))
    sources = [r.source for r in out]
    for r in out:
        if sources.count(r.source) > 1:
            raise RedirectError(f"{path}:{r.line}: '{r.source}' chuyển hướng hai lần / redirected twice")
        if r.target_path in sources:
            raise RedirectError(f"{path}:{r.line}: '{r.target}' lại là một trang đã chuyển; trỏ thẳng tới "
                                f"trang cuối / points at another moved page; point at the final page")
    return out


_TEXT = {
    "vi": ("Trang đã chuyển", "Trang này đã chuyển tới địa chỉ mới:", "Nếu trẻ em đang gặp nguy hiểm, gọi"),
    "en": ("Page moved", "This page has moved to a new address:", "If a child is in danger, call"),
}


def render_stub(redirect: Redirect, lang: str, prefix: str, site_url: str, hotline: str) -> str:
    """The HTML written at the old address. `prefix` is the language's folder ("" or "en/")."""
    relative = posixpath.relpath(redirect.target_path, redirect.source) + "/"
    fragment = "#" + redirect.target.split("#", 1)[1] if "#" in redirect.target else ""
    href = html.escape(relative + fragment)
    canonical = html.escape(site_url.rstrip("/") + "/" + prefix + redirect.target_path + fragment)
    title, lead, call = _TEXT.get(lang, _TEXT["en"])
    depth = (prefix + redirect.source).count("/")
    script = "../" * depth + "assets/javascripts/redirect.js"
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<meta name="robots" content="noindex">
<meta name="generator" content="{REDIRECT_GENERATOR}">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={href}">
<script src="{script}" defer></script>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{lead} <a id="redirect-target" href="{href}">{href}</a></p>
<p>{call} <a href="tel:{hotline}">{hotline}</a>.</p>
</main>
</body>
</html>
"""


def write_stubs(out_dir: Path, lang: str, prefix: str, site_url: str, hotline: str,
                redirects: list[Redirect]) -> list[Path]:
    """Write the stubs of one language into its output folder (site/ or site/en/)."""
    written = []
    for redirect in redirects:
        target = out_dir / redirect.source / "index.html"
        if target.exists():
            raise RedirectError(
                f"{REDIRECTS_FILE}:{redirect.line}: '{redirect.source}' vẫn là một trang đang có; xóa dòng "
                f"chuyển hướng hoặc trang đó / is still a live page; remove the redirect or the page")
        if not (out_dir / redirect.target_path / "index.html").exists():
            raise RedirectError(
                f"{REDIRECTS_FILE}:{redirect.line}: đích '{redirect.target}' không phải là một trang của "
                f"trang web / target '{redirect.target}' is not a page of the site")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_stub(redirect, lang, prefix, site_url, hotline), encoding="utf-8")
        written.append(target)
    return written
