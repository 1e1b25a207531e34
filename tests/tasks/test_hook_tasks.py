"""The build hook: invalid data or a bad marker stops the build with file and line; a bad build
date is refused (building as of another day: test_build_date.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build_site


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """The parts of the repository a build needs, in a scratch folder we may break."""
    dest = tmp_path / "repo"
    for name in ("docs", "data", "scripts", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    at = text.index(old, text.find("\ntasks:\n") + 1)        # past the example comments
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")


def test_build_refuses_invalid_task_data(repo_copy, tmp_path):
    data = repo_copy / "data/tasks.yml"
    _replace(data, "date: 2024-09-30", "date: 2024-06-30")
    words_line = data.read_text(encoding="utf-8").splitlines().index(
        "      vi: Hoàn thành trong quý III năm 2024") + 1
    done = build_site(tmp_path / "site", config=repo_copy / "mkdocs.yml")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Invalid task data" in out and "Traceback" not in out
    assert f"data/tasks.yml:{words_line}:" in out
    assert not (tmp_path / "site/ke-hoach/nhiem-vu/index.html").exists()


def test_build_refuses_an_unknown_marker(repo_copy, tmp_path):
    page = repo_copy / "docs/vi/ke-hoach/nhiem-vu/index.md"
    text = page.read_text(encoding="utf-8").replace("<!-- tasks:timeline -->",
                                                    "<!-- tasks:timelines -->")
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("<!-- tasks:timelines -->") + 1
    done = build_site(tmp_path / "site", config=repo_copy / "mkdocs.yml")
    out = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in out
    assert f"docs/vi/ke-hoach/nhiem-vu/index.md:{line}:" in out
    assert "tasks:timeline" in out                           # the hint lists the real blocks


def test_bad_build_date_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("TASKS_TODAY", "29/11/2026")
    done = build_site(tmp_path / "site")
    assert done.returncode != 0 and "YYYY-MM-DD" in done.stdout + done.stderr


def test_markers_in_code_blocks_and_mid_line_are_left_alone(repo_copy, tmp_path):
    page = repo_copy / "docs/vi/gioi-thieu/index.md"
    page.write_text(page.read_text(encoding="utf-8") +
                    "\n```\n<!-- tasks:table -->\n```\n\nVí dụ `<!-- tasks:timeline -->` trong câu.\n"
                    "\n<!-- tasks:body ubnd-huyen -->\n", encoding="utf-8")
    done = build_site(tmp_path / "site", config=repo_copy / "mkdocs.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    html = (tmp_path / "site/gioi-thieu/index.html").read_text(encoding="utf-8")
    assert "&lt;!-- tasks:table --&gt;" in html and "data-tasks-table" not in html
    assert "&lt;!-- tasks:timeline --&gt;" in html
    assert 'href="../ke-hoach/nhiem-vu/#ii-2"' in html          # the body list was filled in
