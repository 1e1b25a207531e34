"""Lighthouse 12.2.3 (benchmarks/node_modules, `make bench` installs it) with Debian's
Chromium, mobile emulation and simulated slow 4G (Lighthouse's defaults), on the real site
served like a static host (gzip): the home page, an English page and, when they exist, the
plan (/ke-hoach/), /bao-tin/ and an FAQ (/hoi-dap/…). Prints the four category scores, LCP,
TBT and total bytes per page (median of --runs runs), and every audit that lost points.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--url PATH ...]

Goal: 100 in accessibility, best practices and SEO; at least 98 in performance.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import CHROMIUM, RESULTS, ROOT, build, machine_note, page_urls, serve

LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
# (label, candidates in order of preference): the first that the built site has is used.
WANTED = [
    ("home", [""]),
    ("plan", ["ke-hoach/"]),
    ("report abuse", ["bao-tin/"]),
    ("FAQ", ["hoi-dap/cha-me/", "hoi-dap/nha-truong/", "hoi-dap/"]),
    ("English", ["en/ke-hoach/", "en/bao-tin/", "en/gioi-thieu/", "en/"]),
]


def choose_pages(available: list[str]) -> list[tuple[str, str]]:
    chosen, have = [], set(available)
    for label, candidates in WANTED:
        found = next((c for c in candidates if c in have), None)
        if found is None:
            print(f"  ({label}: none of {', '.join('/' + c for c in candidates)} exists yet; skipped)")
        else:
            chosen.append((label, found))
    return chosen


def run_lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
           "--only-categories=" + ",".join(CATEGORIES),
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def summarise(report: dict) -> dict:
    audits = report["audits"]
    lost = []
    for cat in report["categories"].values():
        for ref in cat["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"{cat['id']}: {ref['id']} ({audit['score']:.2f}) "
                            f"{audit.get('displayValue') or audit['title']}")
    return {
        "scores": {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "lost": lost,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is printed")
    parser.add_argument("--url", nargs="*", help="site-relative paths instead of the usual pages")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `make bench` (or `cd benchmarks && npm ci`).",
              file=sys.stderr)
        return 2
    print(machine_note())
    RESULTS.mkdir(parents=True, exist_ok=True)
    failed_goal = False
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        site.mkdir()
        with serve(site) as base:
            build(site, base)
            pages = ([(p or "home", p) for p in args.url] if args.url is not None
                     else choose_pages(page_urls(site, include_404=False)))
            print(f"Lighthouse 12.2.3, mobile, simulated throttling, median of {args.runs} "
                  f"run(s)\n{'page':26} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} "
                  f"{'LCP ms':>7} {'TBT ms':>7} {'KiB':>6}")
            for label, path in pages:
                runs = []
                for i in range(args.runs):
                    out = RESULTS / f"lighthouse-{(path.strip('/').replace('/', '_') or 'home')}-{i + 1}.json"
                    runs.append(summarise(run_lighthouse(base + path, out)))
                by_perf = sorted(runs, key=lambda r: r["scores"]["performance"])
                mid = by_perf[len(by_perf) // 2]          # the median run, whole
                s = mid["scores"]
                misses = [c for c in CATEGORIES if s[c] < GOALS[c]]
                failed_goal = failed_goal or bool(misses)
                spread = ""
                if len(runs) > 1:
                    perf = [r["scores"]["performance"] for r in runs]
                    spread = f"  (perf {min(perf)}–{max(perf)}, TBT median {statistics.median(r['tbt'] for r in runs):.0f})"
                print(f"{label + ' /' + path:26} {s['performance']:>4} {s['accessibility']:>4} "
                      f"{s['best-practices']:>4} {s['seo']:>4} {mid['lcp']:>7.0f} {mid['tbt']:>7.0f} "
                      f"{mid['bytes'] / 1024:>6.1f}{spread}", flush=True)
                for line in mid["lost"]:
                    print(f"{'':28}lost points: {line}")
    print("goal met on every page" if not failed_goal else
          "goal NOT met on every page (100 a11y / best practices / SEO, ≥98 performance)")
    return 1 if failed_goal else 0


if __name__ == "__main__":
    raise SystemExit(main())
