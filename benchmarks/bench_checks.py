"""How long the editor checks take: the full link check next to lychee alone, and all checks.

    .venv/bin/python benchmarks/bench_checks.py            # builds the site into a temp folder
    .venv/bin/python benchmarks/bench_checks.py --site site --runs 3

Prints, for each run: the wall time of `scripts/links/check_links.py SITE` (lychee plus our own checks
and the mapping back to Markdown), of lychee alone with exactly the command check_links.py
gives it, their ratio (from the same run), and the time of all three checks one after the other
(check_content.py, check_i18n.py, check_links.py), as `make check` runs them after the build.
Numbers, not a test: they depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.links import check_links  # noqa: E402

PYTHON = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True)
    return time.perf_counter() - start, done.returncode


def build(dest: Path) -> float:
    env = dict(ENV, SITE_URL="https://example.org/tre-em/")
    start = time.perf_counter()
    done = subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(dest)], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"build failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="an already built site (default: build one in a temp folder)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.site:
            site = Path(args.site).resolve()
        else:
            site = Path(tmp) / "site"
            print(f"build (mkdocs --strict):         {build(site):6.2f} s")
        lychee = check_links.find_lychee()
        if not lychee:
            sys.exit("lychee not found: .venv/bin/pip install -r requirements-test.txt")
        loaded = check_links.load_site(site, ROOT / "docs", ROOT)
        plain = check_links.lychee_command(lychee, loaded, external=False, edit_prefixes=[])
        pages = len(loaded.pages)
        print(f"site: {site} ({pages} HTML pages)")
        full_cmd = [PYTHON, str(ROOT / "scripts/links/check_links.py"), str(site)]
        all_cmds = [[PYTHON, str(ROOT / "scripts/content/check_content.py")],
                    [PYTHON, str(ROOT / "scripts/i18n/check_i18n.py")], full_cmd]
        fulls, plains, ratios, alls = [], [], [], []
        for run in range(1, args.runs + 1):
            full, code = timed(full_cmd)
            alone, _ = timed(plain)
            together = sum(timed(cmd)[0] for cmd in all_cmds)
            fulls.append(full), plains.append(alone), ratios.append(full / alone), alls.append(together)
            print(f"run {run}: check_links.py {full:6.2f} s (exit {code}) | lychee alone {alone:6.2f} s | "
                  f"ratio {full / alone:5.1f}x | all three checks {together:6.2f} s")
        if args.runs > 1:
            print(f"median: check_links.py {statistics.median(fulls):.2f} s, lychee alone "
                  f"{statistics.median(plains):.2f} s, ratio {statistics.median(ratios):.1f}x, "
                  f"all checks {statistics.median(alls):.2f} s")
        print(f"per page: check_links.py {1000 * statistics.median(fulls) / max(pages, 1):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
