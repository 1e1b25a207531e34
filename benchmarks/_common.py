"""Shared helpers of the benchmarks: build a site, serve it like a static host (gzip), read
the page list, launch Debian's Chromium, and say how busy the machine was (timings on a
shared machine mean little without that)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"          # git-ignored
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from scripts.core.sitepages import iter_pages  # noqa: E402
from static_server import serve  # noqa: E402,F401  (gzip, /404.html for missing paths)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build(dest: Path, site_url: str, config: Path = ROOT / "mkdocs.yml", strict: bool = True,
          cwd: Path = ROOT) -> float:
    """`mkdocs build` into dest; returns wall seconds. Exits with the build log on failure."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)]
    if strict:
        cmd.append("--strict")
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed ({config}):\n{done.stdout}\n{done.stderr}")
    return seconds


def page_urls(site_dir: Path, include_404: bool = True) -> list[str]:
    """Site-relative URLs of the built site's pages (no redirect stubs)."""
    return [p.url for p in iter_pages(site_dir)
            if not p.is_redirect and (include_404 or not p.is_404)]


def machine_note() -> str:
    load = os.getloadavg()
    return (f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / "
            f"{load[2]:.1f} (1/5/15 min); timings on a busy machine are pessimistic")
