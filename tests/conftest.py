"""Shared fixtures: one strict build of the real site per test session, parsed once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.sitepages import iter_pages

ROOT = Path(__file__).resolve().parent.parent
# Built under a sub-path on purpose: root-relative links that ignore site_url show up as bugs.
TEST_SITE_URL = "https://example.org/tre-em/"
TEST_REPO_URL = "https://github.com/example/tre-em"


def build_site(dest: Path, site_url: str = TEST_SITE_URL, repo_url: str | None = TEST_REPO_URL,
               config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    env.pop("REPO_URL", None)
    if repo_url:
        env["REPO_URL"] = repo_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    done = build_site(dest)
    assert done.returncode == 0, f"strict build failed:\n{done.stdout}\n{done.stderr}"
    return dest


@pytest.fixture(scope="session")
def pages(built_site):
    return list(iter_pages(built_site))


@pytest.fixture(scope="session")
def content_pages(pages):
    """Real pages: not the 404s and not redirect stubs."""
    return [p for p in pages if not p.is_404 and not p.is_redirect]
