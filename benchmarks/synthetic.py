"""Synthetic copies of the site for the growth benchmarks: the real repository's config,
data, scripts and theme, with docs/ grown to N pages per language by copying the real pages
(every page exists in both languages) under new paths with varied titles, all in the nav,
and a git history so that the build hooks that read it do real work."""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path, PurePosixPath

import yaml

from _common import ROOT

LANGS = ("vi", "en")
PER_SECTION = 20                       # pages per nav section, like a real section
COPY_ROOT_ITEMS = ("mkdocs.yml", "data", "scripts", "overrides", "Makefile", "pyproject.toml")

_INLINE = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REFDEF = re.compile(r"^(\s{0,3}\[(?!\^)[^\]]+\]:\s*<?)(\S+?)(>?)(?=\s|$)", re.M)
_HTMLREF = re.compile(r"""((?:href|src)=["'])([^"']+)""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def real_pages() -> list[str]:
    """Markdown pages (relative to docs/<lang>/) that exist in both languages, sorted."""
    vi = {p.relative_to(ROOT / "docs/vi").as_posix() for p in (ROOT / "docs/vi").rglob("*.md")}
    en = {p.relative_to(ROOT / "docs/en").as_posix() for p in (ROOT / "docs/en").rglob("*.md")}
    return sorted(vi & en)


def relink(text: str, src: str, dst: str) -> str:
    """Rewrite relative links of a page moved from src to dst (paths under docs/<lang>/) so
    that they still lead to the same files."""
    def fix(target: str) -> str:
        if _SCHEME.match(target) or target.startswith(("#", "/")):
            return target
        path, sep, anchor = target.partition("#")
        if not path:
            return target
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        new = posixpath.relpath(resolved, posixpath.dirname(dst) or ".")
        return new + sep + anchor

    text = _INLINE.sub(lambda m: m.group(1) + fix(m.group(2)), text)
    text = _REFDEF.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), text)
    return _HTMLREF.sub(lambda m: m.group(1) + fix(m.group(2)), text)


def retitle(text: str, suffix: str) -> str:
    """Vary the page's title, description and first heading so that no two pages match."""
    text = re.sub(r"^(title:\s*)(.+)$", lambda m: f"{m.group(1)}{m.group(2)} {suffix}", text, count=1, flags=re.M)
    text = re.sub(r"^(description:\s*)(.+)$", lambda m: f"{m.group(1)}{m.group(2)} ({suffix})", text, count=1, flags=re.M)
    return re.sub(r"^(# )(.+?)(\s*\{[^}]*\})?$", lambda m: f"{m.group(1)}{m.group(2)} {suffix}{m.group(3) or ''}",
                  text, count=1, flags=re.M)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml whatever tags it uses (!ENV, !!python/name…): we only need `nav`."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _real_config() -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml.load(f, Loader=_AnyTagLoader)   # noqa: S506 (a SafeLoader subclass)


def _git(repo: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def make_repo(dest: Path, pages_per_lang: int, history: int = 10, prune: bool = False) -> Path:
    """Write the synthetic repository into dest (created); returns its mkdocs.yml.
    prune: Material's navigation.prune instead of navigation.sections."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in COPY_ROOT_ITEMS:
        src = ROOT / item
        if src.is_dir():
            shutil.copytree(src, dest / item, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / item)
    # Everything in docs/ but the language folders (assets…), then the real pages.
    for child in (ROOT / "docs").iterdir():
        if child.name not in LANGS:
            (shutil.copytree if child.is_dir() else shutil.copy2)(child, dest / "docs" / child.name)
    for lang in LANGS:
        shutil.copytree(ROOT / "docs" / lang, dest / "docs" / lang)

    real = real_pages()
    extra = max(0, pages_per_lang - len(real))
    sections: dict[str, list[str]] = {}
    for i in range(extra):
        src = real[i % len(real)]
        section = f"muc-{i // PER_SECTION + 1:03d}"
        dst = f"{section}/trang-{i + 1:04d}/index.md"
        sections.setdefault(section, []).append(dst)
        for lang in LANGS:
            text = (ROOT / "docs" / lang / src).read_text(encoding="utf-8")
            suffix = f"– trang thử {i + 1}" if lang == "vi" else f"– test page {i + 1}"
            out = dest / "docs" / lang / dst
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(retitle(relink(text, src, dst), suffix), encoding="utf-8")

    real_config = _real_config()
    nav = (real_config.get("nav") or []) + [{f"Mục {name[4:]}": pages} for name, pages in sections.items()]
    base = dest / "mkdocs.yml"
    base.rename(dest / "mkdocs.base.yml")
    # INHERIT keeps the real config verbatim (tags and all) and replaces only the nav.
    child = "INHERIT: mkdocs.base.yml\nnav: " + json.dumps(nav, ensure_ascii=False) + "\n"
    if prune:
        features = [f for f in real_config["theme"].get("features", []) if f != "navigation.sections"]
        child += "theme:\n  features: " + json.dumps(features + ["navigation.prune"]) + "\n"
    base.write_text(child, encoding="utf-8")

    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "synthetic site")
    pages = sorted((dest / "docs").rglob("*.md"))
    for n in range(history):        # a few later edits, as a living site has
        page = pages[(n * 7919) % len(pages)]
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        _git(dest, "commit", "-q", "-am", f"edit {n}")
    return base
