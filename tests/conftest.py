"""Shared fixtures: one strict build of the real site per test session, parsed once."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from scripts.core.sitepages import iter_pages

ROOT = Path(__file__).resolve().parent.parent
# Built under a sub-path on purpose: root-relative links that ignore site_url show up as bugs.
TEST_SITE_URL = "https://example.org/tre-em/"
TEST_REPO_URL = "https://github.com/example/tre-em"


def build_site(dest: Path, site_url: str = TEST_SITE_URL, repo_url: str | None = TEST_REPO_URL,
               config: Path = ROOT / "mkdocs.yml", engine: str = "mkdocs",
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A strict build with `engine` ("mkdocs", or "properdocs", its maintained fork)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url, **(extra_env or {}))
    env.pop("REPO_URL", None)
    if repo_url:
        env["REPO_URL"] = repo_url
    # No -q: it raises MkDocs' log level above WARNING, and strict mode then counts no warnings.
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


_default_build: list[Path] = []


def default_build() -> Path:
    """The real site, built strictly with the test addresses, once per test process: the
    built_site fixture and the page discovery of tests/website/test_browser_pages.py (which runs at
    collection time, before fixtures exist) share it."""
    if not _default_build:
        dest = Path(tempfile.mkdtemp(prefix="site-"))
        atexit.register(shutil.rmtree, dest, ignore_errors=True)
        done = build_site(dest)
        if done.returncode != 0:
            raise pytest.UsageError(f"strict build failed:\n{done.stdout}\n{done.stderr}")
        _default_build.append(dest)
    return _default_build[0]


@pytest.fixture(scope="session")
def built_site() -> Path:
    return default_build()


@pytest.fixture(scope="session")
def pages(built_site):
    return list(iter_pages(built_site))


@pytest.fixture(scope="session")
def content_pages(pages):
    """Real pages: not the 404s and not redirect stubs."""
    return [p for p in pages if not p.is_404 and not p.is_redirect]


# ---------------------------------------------------------------------------------------------
# Browser fixtures: the site built for the address it is served from, and Debian's Chromium.
# ---------------------------------------------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """Base URL ("http://127.0.0.1:PORT/") of the real site, built for that address and served
    like a static host: /404.html answers every missing path with status 404."""
    from static_server import serve

    dest = tmp_path_factory.mktemp("served")
    with serve(dest) as base_url:
        done = build_site(dest, site_url=base_url)
        assert done.returncode == 0, f"strict build failed:\n{done.stdout}\n{done.stderr}"
        yield base_url


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser-deps` (or set CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Factory for a fresh page: new_page(width=360, height=740, javascript=True)."""
    contexts = []

    def make(width: int = 360, height: int = 740, javascript: bool = True):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      java_script_enabled=javascript)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
