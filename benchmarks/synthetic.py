"""Synthetic copies of the site for the growth benchmarks: the real repository's config,
data, scripts and theme, with docs/ grown to N pages per language by copying the real pages
(every page exists in both languages) under new paths with varied titles, and a git history
so that the build hooks that read it do real work.

The synthetic site must pass every check, as the real one does (a check that stops at the first
error times nothing): copies keep valid front matter, English copies record the hash of their
Vietnamese copy (scripts/i18n/translation.py), and pages whose content a hook generates for their
own place (a `<!-- name -->` marker: kit index, topic index, task tables, school links) are not
copied. The nav grows the way an editor would grow it: pages in sections of 20, sections in
parts of 20, each part one entry in the top-level menu.
"""

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
from scripts.i18n import translation
from scripts.core.checkkit import load_mkdocs_config
from scripts.core.front_matter import split_front_matter

LANGS = ("vi", "en")
PER_SECTION = 20                       # pages per nav section, like a real section
PER_PART = 20                          # sections per top-level part
_MARKER = re.compile(r"^<!-- ?[a-z0-9:_-]+ ?-->$", re.M)   # hook-generated content goes here
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
    """Vary the page's title, description and first heading so that no two pages match.
    The front matter is read and written as YAML, so quoted values stay valid."""
    meta, body, _ = split_front_matter(text)
    meta["title"] = f"{meta['title']} {suffix}"
    if "description" in meta:
        meta["description"] = f"{meta['description']} ({suffix})"
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    body = re.sub(r"^(# )(.+?)(\s*\{[^}]*\})?$",
                  lambda m: f"{m.group(1)}{m.group(2)} {suffix}{m.group(3) or ''}",
                  body, count=1, flags=re.M)
    return f"---\n{front}---\n{body}"


def copyable(lang_pages: dict[str, str]) -> bool:
    """A page can be copied elsewhere unless a hook fills it in for its own place."""
    return not any(_MARKER.search(text) for text in lang_pages.values())


def _mark(en_page: Path, vi_page: Path) -> None:
    """Record that the English page translates the current Vietnamese one (as an editor would
    with `python scripts/i18n/check_i18n.py mark`)."""
    en_page.write_text(translation.with_marker(en_page.read_text(encoding="utf-8"),
                                               translation.file_hash(vi_page)), encoding="utf-8")


def _git(repo: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _config_text(text: str, nav: list, parts: dict[str, dict[str, list[str]]], sections: bool) -> str:
    """The real mkdocs.yml, edited as text (its tags stay as they are, and the checks that read
    it see a plain file): the grown nav, English names for the new nav titles, and the
    navigation variant."""
    start = text.index("\nnav:\n") + 1
    following = re.search(r"^\S", text[start + 5:], re.M)
    end = start + 5 + following.start() if following else len(text)
    text = text[:start] + "nav: " + json.dumps(nav, ensure_ascii=False) + "\n" + text[end:]
    titles = re.search(r"^( +)nav_translations:\n", text, re.M)
    indent = titles.group(1) + "  "
    names = [f"{indent}{part}: Part {part.split()[-1]}\n" for part in parts]
    names += [f"{indent}{name}: Section {name.split()[-1]}\n" for part in parts.values() for name in part]
    text = text[:titles.end()] + "".join(names) + text[titles.end():]
    if sections:
        text = text.replace("    - navigation.prune\n", "    - navigation.sections\n")
    return text


def make_repo(dest: Path, pages_per_lang: int, history: int = 10, sections: bool = False) -> Path:
    """Write the synthetic repository into dest (created); returns its mkdocs.yml.
    sections: Material's navigation.sections instead of navigation.prune (the earlier config:
    every section's pages in every page's sidebar)."""
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

    sources = {src: {lang: (ROOT / "docs" / lang / src).read_text(encoding="utf-8") for lang in LANGS}
               for src in real_pages()}
    real = [src for src, texts in sources.items() if copyable(texts)]
    extra = max(0, pages_per_lang - len(sources))
    parts: dict[str, dict[str, list[str]]] = {}
    for i in range(extra):
        src = real[i % len(real)]
        number = i // PER_SECTION + 1
        section = f"muc-{number:03d}"
        part = f"Phần {(number - 1) // PER_PART + 1}"
        dst = f"{section}/trang-{i + 1:04d}/index.md"
        parts.setdefault(part, {}).setdefault(f"Mục {number:03d}", []).append(dst)
        for lang in LANGS:
            # "trang N" / "page N": a number after these words is never read as a phone number
            # (the content check flags 1000–1099 near "số" otherwise, as it should).
            suffix = f"– trang {i + 1}" if lang == "vi" else f"– page {i + 1}"
            out = dest / "docs" / lang / dst
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(retitle(relink(sources[src][lang], src, dst), suffix), encoding="utf-8")
        _mark(dest / "docs/en" / dst, dest / "docs/vi" / dst)

    nav = (load_mkdocs_config(ROOT / "mkdocs.yml").get("nav") or []) + [
        {part: [{name: pages} for name, pages in sections.items()]} for part, sections in parts.items()]
    base = dest / "mkdocs.yml"
    base.write_text(_config_text(base.read_text(encoding="utf-8"), nav, parts, sections),
                    encoding="utf-8")

    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "synthetic site")
    pages = sorted((dest / "docs/vi").rglob("*.md"))
    for n in range(history):        # a few later edits, as a living site has: both languages
        vi_page = pages[(n * 7919) % len(pages)]
        en_page = dest / "docs/en" / vi_page.relative_to(dest / "docs/vi")
        for page in (vi_page, en_page):
            page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        _mark(en_page, vi_page)
        _git(dest, "commit", "-q", "-am", f"edit {n}")
    return base
