"""The URL registry keeps published addresses working (scripts/links/check_urls.py, data/redirects.yml).

Each defect is made on a modified copy of the real site's sources, built for real."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from scripts.links import check_urls
from scripts.links.redirects import RedirectError, load_redirects

FAQ_VI = "---\ntitle: Hỏi thử\ndescription: Trang hỏi đáp dùng trong kiểm thử sổ địa chỉ.\n---\n\n# Hỏi thử\n\n{heading}\n\nTrả lời.\n"
FAQ_EN = "---\ntitle: Test questions\ndescription: A question page used by the URL registry tests.\n---\n\n# Test questions\n\n{heading}\n\nAnswer.\n"


def run(copy: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(copy / "scripts/links/check_urls.py"), *args],
                          cwd=copy, capture_output=True, text=True)


@pytest.fixture
def copy(tmp_path) -> Path:
    """The repository's sources (no git history, no venv) with one extra FAQ page."""
    dest = tmp_path / "repo"
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".git", ".venv", "site", "__pycache__",
                                                              "node_modules", ".pytest_cache"))
    for lang, text in (("vi", FAQ_VI), ("en", FAQ_EN)):
        page = dest / f"docs/{lang}/hoi-dap/thu/index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text.format(heading="## Câu hỏi một? {#cau-hoi-mot}"), encoding="utf-8")
    nav = (dest / "mkdocs.yml").read_text(encoding="utf-8").replace("\nnav:\n", "\nnav:\n  - hoi-dap/thu/index.md\n", 1)
    (dest / "mkdocs.yml").write_text(nav, encoding="utf-8")
    assert build(dest).returncode == 0
    assert run(dest, "add", "site").returncode == 0
    assert run(dest, "site").returncode == 0
    return dest


def build(copy: Path):
    done = build_site(copy / "site", config=copy / "mkdocs.yml")
    return done


def remove_page(copy: Path, path: str):
    for lang in ("vi", "en"):
        shutil.rmtree(copy / f"docs/{lang}/{path}")
    cfg = copy / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(f"  - {path}/index.md\n", ""), encoding="utf-8")


def test_real_site_passes_and_every_page_is_registered(built_site):
    done = subprocess.run([sys.executable, "scripts/links/check_urls.py", str(built_site)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_removed_page_fails_with_how_to_redirect(copy):
    remove_page(copy, "hoi-dap/thu")
    assert build(copy).returncode == 0
    done = run(copy, "site")
    assert done.returncode == 1
    assert "/hoi-dap/thu/ không còn tồn tại" in done.stdout
    assert "/en/hoi-dap/thu/ no longer exists" in done.stdout
    assert "data/redirects.yml" in done.stdout and "from: hoi-dap/thu/" in done.stdout
    assert "data/urls.yml:" in done.stdout


def test_redirect_makes_the_moved_page_resolve(copy):
    remove_page(copy, "hoi-dap/thu")
    (copy / "data/redirects.yml").write_text(
        "- from: hoi-dap/thu/\n  to: gioi-thieu/\n  since: 2026-11-29\n", encoding="utf-8")
    assert build(copy).returncode == 0
    stub = (copy / "site/en/hoi-dap/thu/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in stub and 'url=../../gioi-thieu/' in stub
    # The anchor registered on the old page no longer exists at the new address: still caught.
    done = run(copy, "site")
    assert done.returncode == 1 and "#cau-hoi-mot" in done.stdout


def test_removed_faq_anchor_fails_and_explicit_id_fixes_it(copy):
    for lang in ("vi", "en"):
        page = copy / f"docs/{lang}/hoi-dap/thu/index.md"
        page.write_text(page.read_text(encoding="utf-8").replace(" {#cau-hoi-mot}", " đã sửa"), encoding="utf-8")
    assert build(copy).returncode == 0
    done = run(copy, "site")
    assert done.returncode == 1
    assert "/hoi-dap/thu/#cau-hoi-mot không còn" in done.stdout
    assert "{#cau-hoi-mot}" in done.stdout
    line = int(done.stdout.split("data/urls.yml:")[1].split(":")[0])
    assert "cau-hoi-mot" in (copy / "data/urls.yml").read_text(encoding="utf-8").splitlines()[line - 1]
    for lang in ("vi", "en"):
        page = copy / f"docs/{lang}/hoi-dap/thu/index.md"
        page.write_text(page.read_text(encoding="utf-8").replace(" đã sửa", " đã sửa {#cau-hoi-mot}"), encoding="utf-8")
    assert build(copy).returncode == 0
    assert run(copy, "site").returncode == 0


def test_new_page_must_be_registered_by_the_command(copy):
    for lang in ("vi", "en"):
        page = copy / f"docs/{lang}/hoi-dap/moi/index.md"
        page.parent.mkdir(parents=True)
        page.write_text((FAQ_VI if lang == "vi" else FAQ_EN).format(heading="## Mới {#moi}")
                        .replace("Hỏi thử", "Hỏi mới").replace("Test questions", "New questions"), encoding="utf-8")
    cfg = copy / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("\nnav:\n", "\nnav:\n  - hoi-dap/moi/index.md\n", 1), encoding="utf-8")
    assert build(copy).returncode == 0
    done = run(copy, "site")
    assert done.returncode == 1 and "check_urls.py add" in done.stdout and "/en/hoi-dap/moi/" in done.stdout
    assert run(copy, "add", "site").returncode == 0
    assert run(copy, "site").returncode == 0


def test_misuse_exits_2(tmp_path):
    done = subprocess.run([sys.executable, "scripts/links/check_urls.py", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 2 and "make build" in done.stderr and "Traceback" not in done.stderr
    bad = tmp_path / "urls.yml"
    bad.write_text("pages: [unclosed\n", encoding="utf-8")
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    done = subprocess.run([sys.executable, "scripts/links/check_urls.py", "--registry", str(bad), str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and "URL registry" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("text,message", [
    ("- from: Hoi-Dap/\n  to: gioi-thieu/\n  since: 2026-11-29\n", "'from' must be a path"),
    ("- from: a/\n  to: gioi-thieu\n  since: 2026-11-29\n", "'to' must be a path"),
    ("- from: a/\n  to: b/\n", "'since' must be a date"),
    ("- from: a/\n  to: b/\n  since: 2026-11-29\n- from: a/\n  to: c/\n  since: 2026-11-29\n", "redirected twice"),
    ("- from: a/\n  to: b/\n  since: 2026-11-29\n- from: b/\n  to: c/\n  since: 2026-11-29\n", "another moved page"),
    ("- from: [a/\n", "broken YAML"),
])
def test_bad_redirect_data_is_refused_with_file_and_line(tmp_path, text, message):
    path = tmp_path / "redirects.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RedirectError) as err:
        load_redirects(path)
    assert message in str(err.value) and f"{path}:" in str(err.value)


def test_registry_line_numbers_point_at_the_entry(tmp_path):
    path = tmp_path / "urls.yml"
    path.write_text('anchor_pages:\n  - "hoi-dap/"\n\npages:\n  - ""\n  - "a/"\n\nanchors:\n  "a/":\n    - "x"\n',
                    encoding="utf-8")
    registry = check_urls.load_registry(path)
    assert registry.lines["a/"] == 6 and registry.lines["a/#x"] == 10 and registry.pages == ["", "a/"]
