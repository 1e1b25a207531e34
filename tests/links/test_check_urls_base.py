"""data/urls.yml is append-only, checked against the registry on the target branch (check_urls.py).

Each case is a small temporary git repository: a registry committed on `main`, then changed on a
work branch the way an editor would, and a tiny built site that matches the change."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from scripts.links import check_urls
from scripts.links.redirects import Redirect, render_stub

PAGE = "<!doctype html><html lang=\"vi\"><body><article><h1>Trang</h1>{ids}</article></body></html>"


def registry(pages: list[str], anchors: dict[str, list[str]] | None = None) -> str:
    out = ["anchor_pages:", '  - "a/"', "", "pages:"] + [f'  - "{p}"' for p in pages] + ["", "anchors:"]
    for page, ids in (anchors or {}).items():
        out += [f'  "{page}":'] + [f'    - "{i}"' for i in ids]
    return "\n".join(out) + "\n"


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout


def write_site(site: Path, pages: dict[str, list[str]], stubs: dict[str, str] = {}) -> Path:
    """pages: url -> heading ids; stubs: moved url -> target, written by our redirect template."""
    for url, ids in pages.items():
        path = site / url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(ids="".join(f'<h2 id="{i}">{i}</h2>' for i in ids)), encoding="utf-8")
    for source, target in stubs.items():
        path = site / source / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        stub = render_stub(Redirect(source, target, "2026-11-30", 1), "vi", "", "https://example.org/", "111")
        path.write_text(stub, encoding="utf-8")
    return site


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """main: pages "", a/ (anchor #x) and b/; the test continues on branch `work`."""
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "data/urls.yml").write_text(registry(["", "a/", "b/"], {"a/": ["x"]}), encoding="utf-8")
    (repo / "data/redirects.yml").write_text("[]\n", encoding="utf-8")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "published")
    git(repo, "checkout", "-q", "-b", "work")
    return repo


def run(repo: Path, capsys, *args: str) -> tuple[int, str]:
    code = check_urls.main([*args, "--registry", str(repo / "data/urls.yml"), str(repo / "site")])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_unchanged_registry_passes_and_says_what_it_compared_with(repo, capsys):
    write_site(repo / "site", {"": [], "a/": ["x"], "b/": []})
    code, out = run(repo, capsys)
    assert code == 0, out
    assert "compared with data/urls.yml at main" in out


def test_removed_line_fails_with_the_line_on_the_target_branch(repo, capsys):
    # The page b/ was deleted, its line removed from the registry, and `add` run: all consistent
    # with the new site, so only the comparison with main can see the published address go.
    (repo / "data/urls.yml").write_text(registry(["", "a/"], {"a/": ["x"]}), encoding="utf-8")
    write_site(repo / "site", {"": [], "a/": ["x"]})
    assert check_urls.main(["add", "--registry", str(repo / "data/urls.yml"), str(repo / "site")]) == 0
    capsys.readouterr()
    code, out = run(repo, capsys)
    assert code == 1, out
    base_line = registry(["", "a/", "b/"]).splitlines().index('  - "b/"') + 1
    assert f"urls.yml:{base_line}: '/b/' có trong sổ địa chỉ ở main" in out
    assert "'/b/' is in the registry at main" in out and "data/redirects.yml" in out
    assert "from: b/" in out and "Traceback" not in out


def test_removed_line_with_a_redirect_passes(repo, capsys):
    (repo / "data/urls.yml").write_text(registry(["", "a/"], {"a/": ["x"]}), encoding="utf-8")
    (repo / "data/redirects.yml").write_text("- from: b/\n  to: a/\n  since: 2026-11-30\n", encoding="utf-8")
    write_site(repo / "site", {"": [], "a/": ["x"]}, stubs={"b/": "a/"})
    code, out = run(repo, capsys)
    assert code == 0, out


def test_removed_anchor_line_fails(repo, capsys):
    (repo / "data/urls.yml").write_text(registry(["", "a/", "b/"], {"a/": []}), encoding="utf-8")
    write_site(repo / "site", {"": [], "a/": [], "b/": []})
    code, out = run(repo, capsys)
    assert code == 1 and "'/a/#x' is in the registry at main" in out, out


def test_target_branch_from_github_base_ref_and_explicit_base(repo, capsys, monkeypatch):
    git(repo, "branch", "release")                      # same registry as main
    (repo / "data/urls.yml").write_text(registry(["", "a/"], {"a/": ["x"]}), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "drop b/")
    git(repo, "branch", "-f", "main")                   # main already lost b/ ...
    git(repo, "checkout", "-q", "-b", "pr")
    write_site(repo / "site", {"": [], "a/": ["x"]})
    assert run(repo, capsys)[0] == 0                    # ... so against main nothing is dropped
    monkeypatch.setenv("GITHUB_BASE_REF", "release")   # but the PR targets `release`
    code, out = run(repo, capsys)
    assert code == 1 and "at release" in out, out
    monkeypatch.delenv("GITHUB_BASE_REF")
    assert run(repo, capsys, "--base", "release")[0] == 1
    code, out = run(repo, capsys, "--base", "no-such-branch")
    assert code == 2 and "no such branch" in out


def test_last_release_tag_when_there_is_no_main(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "trunk")
    (repo / "data/urls.yml").write_text(registry(["", "a/", "b/"]), encoding="utf-8")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "v1")
    git(repo, "tag", "v1.0")
    (repo / "data/urls.yml").write_text(registry(["", "a/"]), encoding="utf-8")
    write_site(repo / "site", {"": [], "a/": []})
    code, out = run(repo, capsys)
    assert code == 1 and "at v1.0" in out, out


def test_outside_git_the_comparison_is_skipped_with_a_note(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    (tmp_path / "data").mkdir()
    (tmp_path / "data/urls.yml").write_text(registry(["", "a/"]), encoding="utf-8")
    write_site(tmp_path / "site", {"": [], "a/": []})
    code = check_urls.main(["--registry", str(tmp_path / "data/urls.yml"), str(tmp_path / "site")])
    out = capsys.readouterr().out
    assert code == 0 and "comparison with the target branch skipped" in out


def test_add_never_removes_an_entry(tmp_path, capsys):
    (tmp_path / "urls.yml").write_text(registry(["", "a/", "gone/"], {"a/": ["old"]}), encoding="utf-8")
    write_site(tmp_path / "site", {"": [], "a/": ["new"]})
    assert check_urls.main(["add", "--registry", str(tmp_path / "urls.yml"), str(tmp_path / "site")]) == 0
    after = check_urls.load_registry(tmp_path / "urls.yml")
    assert after.pages == ["", "a/", "gone/"]
    assert after.anchors["a/"] == ["old", "new"]


# --- a lost anchor that comes from data/tasks.yml is not a heading to fix ---------------------

def tasks_project(tmp_path: Path, tasks: str) -> Path:
    root = tmp_path / "p"
    (root / "data").mkdir(parents=True)
    (root / "data/tasks.yml").write_text(tasks, encoding="utf-8")
    for lang, prefix in (("vi", ""), ("en", "en/")):
        md = root / f"docs/{lang}/ke-hoach/nhiem-vu/index.md"
        md.parent.mkdir(parents=True)
        md.write_text("---\ntitle: Nhiệm vụ\n---\n\n# Nhiệm vụ\n\n<!-- tasks:table -->\n\n## Cách đọc {#cach-doc}\n",
                      encoding="utf-8")
    pages = {"": [], "ke-hoach/nhiem-vu/": ["cach-doc"], "hoi-dap/": []}
    write_site(root / "site", pages)
    (root / "data/urls.yml").write_text(
        'anchor_pages:\n  - "ke-hoach/nhiem-vu/"\n  - "hoi-dap/"\n\npages:\n  - ""\n  - "ke-hoach/nhiem-vu/"\n'
        '  - "hoi-dap/"\n\nanchors:\n  "ke-hoach/nhiem-vu/":\n    - "cach-doc"\n    - "ii-1"\n'
        '  "hoi-dap/":\n    - "cau-mot"\n', encoding="utf-8")
    return root


def check_messages(root: Path) -> str:
    registry_path = root / "data/urls.yml"
    return "\n".join(check_urls.check(root / "site", check_urls.load_registry(registry_path), registry_path))


def test_lost_task_row_names_the_task_in_tasks_yml_not_a_heading(tmp_path):
    root = tasks_project(tmp_path, "tasks:\n  - id: ii-1\n    title: x\n")
    out = check_messages(root)
    task_lines = [l for l in out.split("data/urls.yml:") if "#ii-1" in l]
    assert len(task_lines) == 1
    assert "data/tasks.yml:2. " in task_lines[0] and "vẫn có trong " in task_lines[0]
    assert "<!-- tasks:… -->" in task_lines[0] and "## New wording" not in task_lines[0]
    faq = [l for l in out.split("data/urls.yml:") if "#cau-mot" in l]
    assert len(faq) == 1 and "## New wording {#cau-mot}" in faq[0]      # a heading anchor: heading fix


def test_lost_task_row_whose_id_was_changed_says_ids_never_change(tmp_path):
    root = tasks_project(tmp_path, "tasks:\n  - id: ii-1-renamed\n    title: x\n")
    out = check_messages(root)
    task = [l for l in out.split("data/urls.yml:") if "#ii-1 " in l][0]
    assert "comes from data, not from a heading" in task and "restore `id: ii-1`" in task
    assert "## New wording" not in task and "## Tiêu đề mới" not in task
