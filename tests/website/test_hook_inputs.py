"""The build's first hook (scripts/website/hook_inputs.py): unreadable inputs stop the build with
a bilingual message naming the file, never a Python traceback from deeper in the build."""

from __future__ import annotations

import pytest

from fixture_project import build, make_project


@pytest.mark.parametrize("rel,content,expected", [
    ("data/phones.yml", b"", "data/phones.yml: "),
    ("data/phones.yml", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe binary", "data/phones.yml: "),
    ("docs/vi/bao-tin/index.md", "---\ntitle: Cà phê\n---\n".encode("latin-1"), "docs/vi/bao-tin/index.md:1: "),
    ("docs/en/bao-tin/index.md", b"---\ntitle: Report\nupdated: 2024-02-31\n---\n\n# Report\n",
     "docs/en/bao-tin/index.md:3: "),
    ("docs/en/gioi-thieu/index.md", b"---\ntitle: [About\n---\n\n# About\n", "docs/en/gioi-thieu/index.md:"),
])
def test_unreadable_input_stops_the_build_with_a_clean_message(tmp_path, rel, content, expected):
    project = make_project(tmp_path / "p")
    (project / rel).write_bytes(content)
    done = build(project)
    out = done.stdout + done.stderr
    assert done.returncode == 1
    assert "Traceback" not in out, out[-3000:]
    message = next(line for line in out.splitlines() if line.startswith(expected))
    assert " / " in message                                  # Vietnamese / English
    assert ("UTF-8" in message) or ("tệp trống" in message and "the file is empty" in message) or \
        ("expected a list" in message) or ("a date that does not exist" in message) or \
        ("not valid YAML" in message), message


def test_readable_inputs_pass_the_gate(tmp_path):
    from scripts.website.hook_inputs import input_problems
    project = make_project(tmp_path / "p")
    assert input_problems(project / "docs", project / "data/phones.yml", project) == []
    (project / "docs/en/extra.md").write_bytes("Caf\xe9".encode("latin-1"))
    problems = input_problems(project / "docs", project / "data/phones.yml", project)
    assert len(problems) == 1 and problems[0].startswith("docs/en/extra.md:1: ")
