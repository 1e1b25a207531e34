"""When each source file last changed, from git history, read once per build.

A shallow clone (CI's default checkout) knows only its newest commit, so every file would
look changed that day. There we return nothing rather than a wrong date.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              text=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def last_changed(root: Path, folder: str = "docs") -> dict[str, str]:
    """Map of 'docs/vi/index.md' -> 'YYYY-MM-DD' (commit date of the last change)."""
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return {}
    log = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", folder)
    dates: dict[str, str] = {}
    date = ""
    for line in (log or "").splitlines():
        if line.startswith("\x00"):
            date = line[1:]
        elif line and line not in dates:
            dates[line] = date
    return dates
