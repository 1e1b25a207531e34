"""scripts/i18n/check_i18n.py, scripts/i18n/translation.py and the mark command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from fixture_project import line_of, run_script
from scripts.i18n import check_i18n
from scripts.i18n import translation

CONFIG = """\
site_name: Thử
docs_dir: docs
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: vi
          default: true
          name: Tiếng Việt
        - locale: en
          name: English
          nav_translations:
            Hỏi đáp: Questions
repo_url: !ENV [REPO_URL, null]
nav:
  - index.md
  - Hỏi đáp:
      - hoi-dap/cha-me/index.md
"""
VI_HOME = "---\ntitle: Trang chủ\ndescription: Trang chủ thử.\n---\n\n# Trang chủ\n\nĐoạn một.\n"
EN_HOME = "---\ntitle: Home\ndescription: A test home.\n---\n\n# Home\n\nParagraph one.\n"
VI_FAQ = "---\ntitle: Hỏi đáp\ndescription: Câu hỏi.\n---\n\n# Hỏi đáp\n\n## Câu một? {#cau-mot}\n\nTrả lời.\n"
EN_FAQ = "---\ntitle: FAQ\ndescription: Questions.\n---\n\n# FAQ\n\n## Question one? {#cau-mot}\n\nAnswer.\n"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=t@example.org",
                           *args], check=True, capture_output=True, text=True).stdout


def make(root: Path, pages: dict[str, str] | None = None, config: str = CONFIG) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    defaults = {"vi/index.md": VI_HOME, "en/index.md": EN_HOME,
                "vi/hoi-dap/cha-me/index.md": VI_FAQ, "en/hoi-dap/cha-me/index.md": EN_FAQ}
    for rel, text in {**defaults, **(pages or {})}.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def check(root: Path, *args: str) -> tuple[int, list[dict], str]:
    done = run_script("i18n/check_i18n.py", "--root", str(root), "--format", "json", *args)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, (json.loads(done.stdout)["problems"] if done.stdout.startswith("{") else []), done.stderr


def mark_all(root: Path) -> None:
    done = run_script("i18n/check_i18n.py", "mark", "--all", "--root", str(root))
    assert done.returncode == 0, done.stdout + done.stderr


def test_clean_project_passes_after_mark_all(tmp_path):
    root = make(tmp_path)
    code, problems, _ = check(root)
    assert code == 1 and {p["code"] for p in problems} == {"i18n.no-marker"}
    assert {p["file"] for p in problems} == {"docs/en/index.md", "docs/en/hoi-dap/cha-me/index.md"}
    assert all(p["line"] == 1 and "check_i18n.py mark docs/en/" in p["fix"]["en"] for p in problems)
    mark_all(root)
    assert check(root) == (0, [], "")


def test_mark_writes_a_quoted_hash_and_keeps_the_rest(tmp_path):
    root = make(tmp_path)
    run_script("i18n/check_i18n.py", "mark", str(root / "docs/en/index.md"), "--root", str(root))
    text = (root / "docs/en/index.md").read_text(encoding="utf-8")
    digest = translation.file_hash(root / "docs/vi/index.md")
    assert text == EN_HOME.replace("description: A test home.\n",
                                   f'description: A test home.\ntranslation:\n  source_hash: "{digest}"\n')
    # Marking again replaces the marker instead of adding a second one.
    (root / "docs/vi/index.md").write_text(VI_HOME + "\nĐoạn hai.\n", encoding="utf-8")
    run_script("i18n/check_i18n.py", "mark", str(root / "docs/vi/index.md"), "--root", str(root))
    again = (root / "docs/en/index.md").read_text(encoding="utf-8")
    assert again.count("translation:") == 1
    assert f'source_hash: "{translation.file_hash(root / "docs/vi/index.md")}"' in again


def test_an_all_digit_hash_survives_yaml():
    text = translation.with_marker(EN_HOME, "012345670123")
    meta = yaml.safe_load(text.split("---")[1])
    assert translation.read_marker(meta).source_hash == "012345670123"
    assert translation.read_marker({"translation": {"source_hash": 12345670123}}).state == "invalid"


def test_hash_ignores_line_endings_and_bom():
    assert translation.content_hash(b"a\nb\n") == translation.content_hash(b"\xef\xbb\xbfa\r\nb\r\n")
    assert translation.content_hash(b"a\nb\n") != translation.content_hash(b"a\nc\n")


def test_missing_page_in_the_other_language(tmp_path):
    root = make(tmp_path, {"vi/bao-tin/index.md": VI_HOME})
    mark_all(root)
    code, problems, _ = check(root)
    assert code == 1
    assert [(p["code"], p["file"], p["line"]) for p in problems] == [
        ("i18n.missing-page", "docs/vi/bao-tin/index.md", 1)]
    assert "docs/en/bao-tin/index.md" in problems[0]["message"]["en"]


def test_exception_list_allows_a_one_language_page(tmp_path):
    root = make(tmp_path, {"vi/bao-tin/index.md": VI_HOME})
    mark_all(root)
    project = check_i18n.load_project(root)
    assert check_i18n.run_check(project, {"vi/bao-tin/index.md": "a Vietnamese-only form"}) == []
    stale = check_i18n.run_check(project, {"vi/bao-tin/index.md": "x", "vi/khong-co.md": "gone"})
    assert [p.code for p in stale] == ["i18n.stale-exception"]


def test_nav_pages_and_section_titles(tmp_path):
    config = CONFIG.replace("      - hoi-dap/cha-me/index.md\n",
                            "      - hoi-dap/cha-me/index.md\n  - Tài liệu:\n      - tai-lieu/index.md\n")
    root = make(tmp_path, {"vi/tai-lieu/index.md": VI_HOME}, config=config)
    mark_all(root)
    code, problems, _ = check(root)
    found = {(p["code"], p["file"], p["line"]) for p in problems}
    assert ("i18n.nav-untranslated", "mkdocs.yml", line_of(config, "Tài liệu:")) in found
    assert ("i18n.nav-missing-page", "mkdocs.yml", line_of(config, "tai-lieu/index.md")) in found
    assert ("i18n.missing-page", "docs/vi/tai-lieu/index.md", 1) in found


def test_stale_translation_shows_the_git_diff(tmp_path):
    root = make(tmp_path)
    mark_all(root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "first")
    (root / "docs/vi/index.md").write_text(VI_HOME.replace("Đoạn một.", "Đoạn một, đã sửa."), encoding="utf-8")
    _git(root, "commit", "-qam", "vi changed")
    code, problems, _ = check(root)
    assert code == 1 and [p["code"] for p in problems] == ["i18n.stale"]
    en_text = (root / "docs/en/index.md").read_text(encoding="utf-8")
    assert problems[0]["file"] == "docs/en/index.md"
    assert problems[0]["line"] == line_of(en_text, "translation:")
    assert "-Đoạn một." in problems[0]["details"] and "+Đoạn một, đã sửa." in problems[0]["details"]
    first = _git(root, "rev-list", "--max-parents=0", "HEAD").strip()
    assert f"git diff {first[:12]}" in problems[0]["details"]
    # Uncommitted edits count too: the diff runs against the working tree.
    (root / "docs/vi/index.md").write_text(VI_HOME + "Thêm dòng.\n", encoding="utf-8")
    assert "+Thêm dòng." in check(root)[1][0]["details"]
    # After updating the translation, mark makes the page current again.
    run_script("i18n/check_i18n.py", "mark", str(root / "docs/en/index.md"), "--root", str(root))
    assert check(root)[0] == 0


def test_stale_without_history_and_in_a_shallow_clone(tmp_path):
    root = make(tmp_path / "plain")
    mark_all(root)
    (root / "docs/vi/index.md").write_text(VI_HOME + "Mới.\n", encoding="utf-8")
    code, problems, _ = check(root)
    assert code == 1 and "No git history" in problems[0]["details"]

    origin = make(tmp_path / "origin")
    mark_all(origin)
    _git(origin, "init", "-q")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-qm", "first")
    (origin / "docs/vi/index.md").write_text(VI_HOME + "Mới.\n", encoding="utf-8")
    _git(origin, "commit", "-qam", "second")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow)], check=True)
    code, problems, _ = check(shallow)
    assert code == 1 and [p["code"] for p in problems] == ["i18n.stale"]
    assert "shallow" in problems[0]["details"] and "git fetch --unshallow" in problems[0]["details"]


def test_invalid_marker_and_broken_front_matter(tmp_path):
    root = make(tmp_path, {"en/index.md": EN_HOME.replace("description: A test home.\n",
                                                           "description: A test home.\ntranslation: abc\n"),
                           "en/hoi-dap/cha-me/index.md": "---\ntitle: FAQ\ndescription: [broken\n---\n\n# FAQ\n"})
    code, problems, _ = check(root)
    found = {(p["code"], p["file"], p["line"]) for p in problems}
    assert found == {("i18n.bad-marker", "docs/en/index.md", 4),
                     ("front-matter.yaml", "docs/en/hoi-dap/cha-me/index.md", 3)}
    refused = run_script("i18n/check_i18n.py", "mark", str(root / "docs/en/hoi-dap/cha-me/index.md"), "--root", str(root))
    assert refused.returncode == 1 and "YAML" in refused.stdout and "Traceback" not in refused.stderr
    assert "[broken" in (root / "docs/en/hoi-dap/cha-me/index.md").read_text(encoding="utf-8")


def test_mark_misuse(tmp_path):
    root = make(tmp_path)
    assert run_script("i18n/check_i18n.py", "mark", "--root", str(root)).returncode == 2
    missing = run_script("i18n/check_i18n.py", "mark", str(root / "docs/en/none.md"), "--root", str(root))
    assert missing.returncode == 2 and "No such file" in missing.stderr
    (root / "docs/en/only-en.md").write_text(EN_HOME, encoding="utf-8")
    orphan = run_script("i18n/check_i18n.py", "mark", str(root / "docs/en/only-en.md"), "--root", str(root))
    assert orphan.returncode == 1 and "does not exist" in orphan.stdout
    assert run_script("i18n/check_i18n.py", "--root", str(tmp_path / "nowhere")).returncode == 2


def test_github_format(tmp_path):
    root = make(tmp_path, {"vi/bao-tin/index.md": VI_HOME})
    mark_all(root)
    done = run_script("i18n/check_i18n.py", "--root", str(root), "--format", "github")
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=docs/vi/bao-tin/index.md,line=1,title=check_i18n%3A i18n.missing-page::")


def test_the_real_site_passes():
    done = run_script("i18n/check_i18n.py")
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("text", ["", "no front matter\n", "---\ntitle: x\ntranslation:\n  source_hash: \"aaaaaaaaaaaa\"\n"
                                  "  old: 1\n\nother: 2\n---\nbody\n"])
def test_with_marker_on_odd_files(text):
    out = translation.with_marker(text, "0123456789ab")
    assert out.count("translation:") == 1 and 'source_hash: "0123456789ab"' in out
    if "other: 2" in text:
        assert "other: 2" in out and "old: 1" not in out and out.endswith("---\nbody\n")
