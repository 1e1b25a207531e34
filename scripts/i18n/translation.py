"""Which version of its Vietnamese source an English page translates, and whether it is stale.

Each English page records in its front matter a short content hash of the Vietnamese file it
was translated from:

    ---
    title: About
    description: What this site is, …
    translation:
      source_hash: "3f2a9c1b7d4e"
    ---

`source_hash` is the first 12 hex digits of the SHA-256 of the Vietnamese file (the whole file,
front matter included, with CRLF line ends read as LF and no BOM), in quotes so that YAML
never reads an all-digit hash as a number. A hash, not a commit id:
commit ids change when a pull request is squash-merged or rebased, and a shallow CI clone has no
history to look them up in, while the hash can be recomputed from the file alone. The build
(scripts/i18n/hook_i18n.py) only compares hashes; scripts/i18n/check_i18n.py also walks git history to
find the version that was translated and shows what changed since.

Write or refresh the marker with:  python scripts/i18n/check_i18n.py mark docs/en/<path>/index.md
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

MARKER_KEY = "translation"
HASH_KEY = "source_hash"
HASH_LENGTH = 12
_HASH = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")


def content_hash(data: bytes) -> str:
    """12 hex digits of SHA-256 of `data`, with a BOM dropped and CRLF read as LF."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()[:HASH_LENGTH]


def file_hash(path: Path) -> str:
    return content_hash(Path(path).read_bytes())


@dataclass(frozen=True)
class Marker:
    state: str                 # "ok" | "missing" | "invalid"
    source_hash: str = ""
    problem: str = ""          # what is wrong with an invalid marker (English, for messages)


def read_marker(meta: dict) -> Marker:
    if MARKER_KEY not in meta:
        return Marker("missing")
    value = meta[MARKER_KEY]
    if not isinstance(value, dict):
        return Marker("invalid", problem=f"'{MARKER_KEY}:' must hold '{HASH_KEY}: <12 hex digits>'")
    raw = value.get(HASH_KEY, "")
    if not isinstance(raw, str):
        return Marker("invalid", problem=f"'{HASH_KEY}' must be a quoted string of {HASH_LENGTH} hex digits")
    digest = raw.strip().lower()
    if not _HASH.match(digest):
        return Marker("invalid", problem=f"'{HASH_KEY}' must be {HASH_LENGTH} hex digits, not '{digest}'")
    return Marker("ok", digest)


@dataclass(frozen=True)
class Status:
    state: str                 # "current" | "stale" | "missing" | "invalid" | "no-source"
    recorded: str = ""
    current: str = ""


def status(meta: dict, source: Path) -> Status:
    """Translation status of a page with front matter `meta` whose original is `source`."""
    marker = read_marker(meta)
    if not source.is_file():
        return Status("no-source", marker.source_hash)
    if marker.state != "ok":
        return Status(marker.state)
    current = file_hash(source)
    return Status("current" if current == marker.source_hash else "stale", marker.source_hash, current)


# ----------------------------------------------------------------------------------------------
# Writing the marker into a page's front matter (text edit: every other line stays as it was)
# ----------------------------------------------------------------------------------------------

_OPEN = re.compile(r"^-{3}[ \t]*$")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")
_KEY = re.compile(rf"^{MARKER_KEY}\s*:")


def with_marker(text: str, digest: str) -> str:
    """`text` with its front matter's `translation:` block set to `digest` (added if absent)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    block = [f"{MARKER_KEY}:", f'  {HASH_KEY}: "{digest}"']
    if not lines or not _OPEN.match(lines[0]):
        return newline.join(["---", *block, "---", *lines])
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if end is None:
        raise ValueError("front matter is not closed")
    body = lines[1:end]
    kept: list[str] = []
    skipping = False
    for line in body:
        if _KEY.match(line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return newline.join([lines[0], *kept, *block, *lines[end:]])
