"""MkDocs hook, run before every other: the inputs every later step reads can be read at all.

A page saved in another encoding or whose front matter is broken YAML (or holds an impossible
date such as 2024-02-31), or a phone registry that is empty or binary, would otherwise
stop the build deep inside MkDocs or another hook with a Python traceback and no file an editor
can act on. Here each such input is tried first and the build stops with one clean message per
problem: the file, what is wrong and how to fix it, in Vietnamese and English. The other data
files are checked by their own hooks, which report the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core.checkkit import display_path, read_source  # noqa: E402
from scripts.phones import PHONES_FILE, DataError, load_phones  # noqa: E402


# Page problems that would stop MkDocs or a hook with a traceback (other front-matter mistakes,
# such as a missing title, are left to scripts/content/check_content.py).
STOPPING = ("file.encoding", "file.unreadable", "front-matter.yaml")


def unreadable_pages(docs_dir: Path, root: Path = ROOT) -> list[str]:
    """One bilingual message per Markdown file under `docs_dir` that is not UTF-8 text or whose
    front matter is not readable YAML (an impossible date such as 2024-02-31 included)."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        problem = read_source(path, root).problem
        if problem and problem.code in STOPPING:
            problems.append(f"{problem.file}:{problem.line or 1}: {problem.what.vi} {problem.fix.vi} / "
                            f"{problem.what.en} {problem.fix.en}")
    return problems


def input_problems(docs_dir: Path, phones_file: Path = PHONES_FILE, root: Path = ROOT) -> list[str]:
    problems = unreadable_pages(docs_dir, root)
    try:
        load_phones(phones_file)
    except DataError as exc:
        problems.append(str(exc).replace(str(phones_file), display_path(phones_file, root), 1))
    return problems


@event_priority(100)  # before every other on_config (the phone registry is loaded there)
def on_config(config):
    problems = input_problems(Path(config.docs_dir))
    if problems:
        raise PluginError("Trang không được dựng / the site is not built:\n" + "\n".join(problems))
    return config
