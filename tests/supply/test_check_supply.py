"""The supply-chain check: the real tree passes, and each kind of unpinned input is caught with
its file and line (requirements, installs, GitHub Actions, Dependabot)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from scripts.supply.check_supply import check

SCRIPT = ROOT / "scripts/supply/check_supply.py"
SHA = "34e114876b0b11c390a56381ad16ebd13914f8d5"


@pytest.fixture
def tree(tmp_path) -> Path:
    """The files the check reads, copied to a scratch folder we may break."""
    for path in list(ROOT.glob("requirements*")) + [ROOT / "Makefile", ROOT / "README.md"]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci/run", tmp_path / ".ci/run")
    shutil.copytree(ROOT / ".github", tmp_path / ".github")
    return tmp_path


def codes(root: Path) -> list[tuple[str, int, str]]:
    return [(p.file, p.line, p.code) for p in check(root)]


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` by `new`; return the line number of the change."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text[:at].count("\n") + 1


def test_the_repository_is_clean():
    done = subprocess.run([sys.executable, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_copy_is_clean(tree):
    assert codes(tree) == []


def test_every_locked_package_has_hashes_and_one_version():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "pip-compile" in text and "--hash=sha256:" in text
    from scripts.supply.check_supply import read_pins
    site, _ = read_pins(ROOT, ROOT / "requirements.txt", locked=True)
    tests, _ = read_pins(ROOT, ROOT / "requirements-test.txt", locked=True)
    assert site and set(site) < set(tests)
    assert all(tests[name][0] == site[name][0] for name in site)
    assert {"mkdocs", "mkdocs-material", "icalendar"} <= set(site)
    assert {"pytest", "playwright", "properdocs"} <= set(tests) - set(site)


@pytest.mark.parametrize("new", ["mkdocs>=1.6", "mkdocs", "mkdocs~=1.6.1", "mkdocs==1.6.*"])
def test_an_unpinned_requirement_fails(tree, new):
    line = edit(tree / "requirements.in", "mkdocs==1.6.1", new)
    assert ("requirements.in", line, "supply.unpinned") in codes(tree)


def test_a_locked_package_without_hashes_fails(tree):
    path = tree / "requirements.txt"
    text = path.read_text(encoding="utf-8")
    start = text.index("segno==1.6.6 \\")
    end = text.index("\n", text.index("--hash", text.index("--hash", start) + 1))
    path.write_text(text[:start] + "segno==1.6.6" + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    assert ("requirements.txt", line, "supply.no-hash") in codes(tree)


def test_a_hand_added_line_in_a_locked_file_fails(tree):
    with (tree / "requirements-test.txt").open("a", encoding="utf-8") as f:
        f.write("requests>=2\n")
    lines = (tree / "requirements-test.txt").read_text(encoding="utf-8").count("\n")
    assert ("requirements-test.txt", lines, "supply.unpinned") in codes(tree)


def test_an_in_file_changed_without_relocking_fails(tree):
    line = edit(tree / "requirements.in", "segno==1.6.6", "segno==1.6.7")
    assert ("requirements.in", line, "supply.stale-lock") in codes(tree)


def test_locked_files_that_disagree_fail(tree):
    edit(tree / "requirements-test.txt", "\nmkdocs==1.6.1 \\", "\nmkdocs==1.6.0 \\")
    split = [p for p in check(tree) if p.code == "supply.version-split"]
    assert len(split) == 1 and "mkdocs==" in split[0].what.en and split[0].line > 0


@pytest.mark.parametrize("ref", ["actions/checkout@v4", "actions/checkout@main",
                                 f"actions/checkout@{SHA[:12]} # v4.3.1",
                                 f"actions/checkout@{SHA}", f"actions/checkout@{SHA} # latest"])
def test_an_action_by_tag_or_without_its_version_fails(tree, ref):
    path = tree / ".github/workflows/ci.yml"
    line = edit(path, f"actions/checkout@{SHA} # v4.3.1", ref)
    assert (".github/workflows/ci.yml", line, "supply.action-not-pinned") in codes(tree)


@pytest.mark.parametrize("command", ["$(BIN)/pip install mkdocs-rss-plugin",
                                     "$(BIN)/pip install -r requirements.txt",
                                     "$(BIN)/pip install --require-hashes -r requirements.in",
                                     "$(BIN)/pip install --require-hashes -r requirements.txt pytest"])
def test_an_install_that_skips_the_locked_files_fails(tree, command):
    line = edit(tree / "Makefile",
                "$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt",
                command)
    assert ("Makefile", line, "supply.unlocked-install") in codes(tree)


def test_an_install_in_a_workflow_is_checked_too(tree):
    path = tree / ".github/workflows/links.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      - name: Build the site\n",
        "      - run: pip install mkdocs-material\n      - name: Build the site\n"), encoding="utf-8")
    assert any(f == ".github/workflows/links.yml" and c == "supply.unlocked-install"
               for f, _, c in codes(tree))


@pytest.mark.parametrize("old,new", [("package-ecosystem: npm", "package-ecosystem: yarn"),
                                     ('directory: "/benchmarks"', 'directory: "/"'),
                                     ("interval: weekly", "interval: monthly"),
                                     ("    groups:\n      python:\n        patterns: [\"*\"]\n", "")])
def test_dependabot_needs_the_three_ecosystems_weekly_in_groups(tree, old, new):
    edit(tree / ".github/dependabot.yml", old, new)
    assert any(c == "supply.dependabot" for _, _, c in codes(tree))


def test_broken_dependabot_yaml_is_reported_not_raised(tree):
    (tree / ".github/dependabot.yml").write_text("updates: [\n", encoding="utf-8")
    assert [c for _, _, c in codes(tree)] == ["supply.dependabot"]


def test_messages_are_bilingual_with_file_and_line(tree):
    edit(tree / "requirements.in", "mkdocs==1.6.1", "mkdocs>=1.6")
    done = subprocess.run([sys.executable, str(SCRIPT), "--root", str(tree)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "requirements.in:" in done.stdout and "Lỗi:" in done.stdout and "Fix:" in done.stdout
    assert "make lock" in done.stdout


def test_a_missing_root_is_misuse(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--root", str(tmp_path / "nope")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
