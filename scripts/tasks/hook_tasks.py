"""MkDocs hook (mkdocs.yml `hooks:`): the plan's tasks, from data/ into the pages.

- on_config: read and check data/tasks.yml and data/bodies.yml; invalid data stops the build
  with the checker's messages (file, line, how to fix) instead of publishing a wrong table;
- on_files: add the iCalendar file of each language (ke-hoach/nhiem-vu/nhiem-vu.ics);
- on_page_markdown: replace `<!-- tasks:… -->` markers (each alone on its line, outside code
  blocks) with content rendered from the data.

"Today" is the build date; set TASKS_TODAY=YYYY-MM-DD to build as of another day.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.tasks import ics as task_ics  # noqa: E402

from scripts.tasks import pages as task_pages  # noqa: E402
from scripts.core.build_lang import languages, page_language  # noqa: E402
from scripts.tasks.model import check, display_path  # noqa: E402

_state: dict = {}


def build_today() -> date:
    value = os.environ.get("TASKS_TODAY")
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"TASKS_TODAY='{value}': cần dạng YYYY-MM-DD / expected YYYY-MM-DD")


def on_config(config):
    today = build_today()
    registry, problems = check(today=today)
    if problems:
        raise PluginError(
            "Dữ liệu nhiệm vụ không hợp lệ: trang không được dựng để khỏi đăng bảng sai. / "
            "Invalid task data: the site is not built, so that no wrong table is published.\n"
            + "\n".join(str(p) for p in problems)
            + "\nKiểm tra lại / check again: python scripts/tasks/check_deadlines.py")
    _state["registry"], _state["today"] = registry, today
    return config


@event_priority(-110)  # after static-i18n (-100) has sorted the files of this language
def on_files(files, config):
    lang, default = languages(config)
    content = task_ics.build_calendar(_state["registry"], lang, config.site_url or "/",
                                      _state["today"])
    ics = File.generated(config, f"{lang}/{task_pages.ICS_PATH}", content=content)
    ics.dest_uri = ("" if lang == default else f"{lang}/") + task_pages.ICS_PATH
    files.append(ics)
    return files


def _marker_line(page, marker: str) -> int:
    """Line of `marker` in the page's source file (front matter included)."""
    try:
        lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    return next((i for i, line in enumerate(lines, 1) if marker in line), 0)


def on_page_markdown(markdown, page, config, files):
    """Fill each marker that stands alone on its line; code blocks are left as they are, so a
    page can show a marker as an example."""
    if "tasks:" not in markdown:
        return markdown
    lang = page_language(page, config)
    src = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    where = task_pages.Where(lang=lang, src=src, url=page.url)
    out, fence = [], None
    for line in markdown.split("\n"):
        stripped = line.strip()
        opening = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and stripped.startswith(fence[0] * len(fence)):
            fence = None
        elif fence is None and not line.startswith((" ", "\t")):
            match = task_pages.MARKER.fullmatch(stripped)
            if match:
                out.append(_render(match, page, where))
                continue
        out.append(line)
    return "\n".join(out)


def _render(match, page, where) -> str:
    try:
        return task_pages.render_marker(_state["registry"], match.group("kind"),
                                        match.group("args").split(), where, _state["today"])
    except task_pages.MarkerError as exc:
        path = display_path(Path(page.file.abs_src_path))
        raise PluginError(f"{path}:{_marker_line(page, match.group(0))}: dấu chèn / marker "
                          f"'{match.group(0)}': {exc}") from None
