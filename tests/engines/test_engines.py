"""ProperDocs, the maintained fork of MkDocs 1.6, builds exactly the site MkDocs builds: the only
allowed difference is the `generator` meta tag. One extra build per test run; the comparison
itself is shown to fail, naming the first differing file and line, on deliberately different
output."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from scripts.engines.compare_builds import compare, report

SCRIPT = ROOT / "scripts/engines/compare_builds.py"


def test_properdocs_builds_the_same_site(built_site, tmp_path):
    """Same addresses, same build date as the session's MkDocs build (built_site)."""
    tasks = (built_site / "ke-hoach/nhiem-vu/index.html").read_text(encoding="utf-8")
    as_of = re.search(r'data-as-of="([0-9-]+)"', tasks).group(1)
    done = build_site(tmp_path / "properdocs", engine="properdocs", extra_env={"TASKS_TODAY": as_of})
    assert done.returncode == 0, f"ProperDocs strict build failed:\n{done.stdout}\n{done.stderr}"
    generator = re.search(r'<meta name="generator" content="([^"]*)"',
                          (tmp_path / "properdocs/index.html").read_text(encoding="utf-8")).group(1)
    assert "ProperDocs" in generator                        # it really was the other engine
    diffs = compare(built_site, tmp_path / "properdocs")
    assert diffs == [], report(diffs, "mkdocs", "properdocs")


# --- the comparison, on small made-up sites ------------------------------------------------------

PAGE = ('<!doctype html>\n<html>\n<head>\n  <meta name="generator" content="{engine}, mkdocs-material">\n'
        "</head>\n<body>\n<p>Gọi 111</p>\n</body>\n</html>\n")


def make_site(root: Path, engine: str = "mkdocs-1.6.1", body: str = "Gọi 111") -> Path:
    (root / "en").mkdir(parents=True)
    (root / "index.html").write_text(PAGE.format(engine=engine).replace("Gọi 111", body), encoding="utf-8")
    (root / "en/index.html").write_text(PAGE.format(engine=engine), encoding="utf-8")
    (root / "sitemap.xml.gz").write_bytes(b"\x1f\x8b binary")
    return root


def test_only_the_generator_tag_may_differ(tmp_path):
    a = make_site(tmp_path / "a")
    b = make_site(tmp_path / "b", engine="mkdocs-ProperDocs 1.6.7")
    assert compare(a, b) == []


def test_a_different_line_is_named_with_file_and_line(tmp_path):
    a = make_site(tmp_path / "a")
    b = make_site(tmp_path / "b", engine="mkdocs-ProperDocs 1.6.7", body="Gọi 112")
    [diff] = compare(a, b)
    assert (diff.file, diff.line) == ("index.html", 7)
    assert "Gọi 111" in diff.a and "Gọi 112" in diff.b
    assert "index.html:7" in report([diff], "a", "b")


def test_other_changes_on_the_generator_line_still_count(tmp_path):
    a = make_site(tmp_path / "a")
    b = make_site(tmp_path / "b")
    page = b / "en/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        '<meta name="generator"', '<meta charset="x"><meta name="generator"'), encoding="utf-8")
    assert [(d.file, d.line) for d in compare(a, b)] == [("en/index.html", 4)]


def test_missing_extra_and_binary_files_are_reported_in_order(tmp_path):
    a = make_site(tmp_path / "a")
    b = make_site(tmp_path / "b")
    (a / "404.html").write_text("x", encoding="utf-8")
    (b / "search").mkdir()
    (b / "search/index.json").write_text("{}", encoding="utf-8")
    (b / "sitemap.xml.gz").write_bytes(b"\x1f\x8b other")
    found = [(d.file, d.line) for d in compare(a, b)]
    assert found == [("404.html", 0), ("search/index.json", 0), ("sitemap.xml.gz", 0)]
    text = report(compare(a, b), "A", "B")
    assert "404.html: chỉ có trong A / only in A" in text and "3 file(s)" in text


def test_a_shorter_file_is_a_difference(tmp_path):
    a = make_site(tmp_path / "a")
    b = make_site(tmp_path / "b")
    (b / "index.html").write_text(PAGE.format(engine="x").rsplit("</body>", 1)[0], encoding="utf-8")
    [diff] = compare(a, b)
    assert diff.file == "index.html" and diff.line == 8


def test_command_line_exit_codes(tmp_path):
    a = make_site(tmp_path / "a")
    b = make_site(tmp_path / "b", body="Gọi 113")
    run = lambda *args: subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], cwd=ROOT,  # noqa: E731
                                       capture_output=True, text=True)
    same, differ, bad = run(a, a), run(a, b), run(a, tmp_path / "nothing")
    assert same.returncode == 0
    assert differ.returncode == 1 and "index.html:7" in differ.stdout
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "index.html" in bad.stderr
