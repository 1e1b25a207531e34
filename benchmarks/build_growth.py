"""Build time as the site grows: synthetic sites of 100, 400 and 1,600 pages per language
(made from the real pages, see synthetic.py), timed through `mkdocs build --strict` and every
check script in scripts/ (*/check_*.py, discovered). Prints seconds per page and the growth
ratio; the goal is linear growth: 16× the pages in at most 20× the time.

    .venv/bin/python benchmarks/build_growth.py [--sizes 100 400 1600] [--profile] [--sections]

Every synthetic site must pass every check before its times count (editors register the new
addresses first, as they would: `check_urls.py add`, not timed).
--profile also runs the largest build under cProfile and prints where the time goes.
--sections builds with Material's navigation.sections instead of navigation.prune, the site's
earlier config, for comparison: with it Material renders every section's pages into every page,
so each page grows with the site and the build grows with its square (measured on 30/11/2026:
100 → 400 pages per language took 5.7× the build time and 10× the HTML).
"""

from __future__ import annotations

import argparse
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import RESULTS, machine_note
from synthetic import make_repo

GOAL_RATIO = 20 / 16          # time ratio allowed per page ratio


def _timed(cmd: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """(wall s, CPU s of the child, exit code, last lines of output)"""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-3:])
    return wall, cpu, done.returncode, tail


def run_size(workdir: Path, pages: int, sections: bool = False) -> dict:
    repo = workdir / f"site-{pages}"
    start = time.perf_counter()
    config = make_repo(repo, pages, sections=sections)
    made = time.perf_counter() - start
    wall, cpu, code, tail = _timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                                    "-f", str(config), "-d", str(repo / "site")], repo)
    if code != 0:
        sys.exit(f"build of {pages} pages per language failed:\n{tail}")
    html = sum(1 for _ in (repo / "site").rglob("*.html"))
    site_bytes = sum(p.stat().st_size for p in (repo / "site").rglob("*.html"))
    _, _, code, tail = _timed([sys.executable, "scripts/links/check_urls.py", "add"], repo)
    if code != 0:
        sys.exit(f"check_urls.py add failed on the synthetic site of {pages} pages:\n{tail}")
    checks = {}
    for script in sorted((repo / "scripts").glob("*/check_*.py")):
        checks[script.name] = _timed([sys.executable, str(script)], repo)
        if checks[script.name][2] != 0:
            # A check that stops on errors times nothing: the generator must be fixed.
            sys.exit(f"{script.name} failed on the synthetic site of {pages} pages per language "
                     f"(fix benchmarks/synthetic.py):\n{checks[script.name][3]}")
    return {"pages": pages, "made": made, "build": (wall, cpu), "html": html,
            "html_mb": site_bytes / 1e6, "checks": checks, "repo": repo, "config": config}


def profile_build(result: dict, top: int = 8) -> None:
    out = result["repo"] / "build.prof"
    repo = result["repo"]
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build",
                    "--strict", "-q", "-f", str(result["config"]), "-d", str(repo / "site-prof")],
                   cwd=repo, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True,
                   capture_output=True)
    stats = pstats.Stats(str(out))
    total = stats.total_tt
    print(f"\nWhere the time goes, {result['pages']} pages per language (cProfile, {total:.0f} s "
          f"profiled; cumulative seconds per part):")
    parts = {
        "all templates (Jinja render)": ("jinja2/environment.py", "render"),
        "  the nav in each page (partials/nav.html)": ("partials/nav.html", "root"),
        "  the table of contents (partials/toc.html)": ("partials/toc.html", "root"),
        "Markdown to HTML": ("mkdocs/structure/pages.py", "render"),
        "search index (search plugin)": ("plugins/search/plugin.py", "on_post_build"),
        "our hooks: on_page_context": ("scripts/website/hook_website.py", "on_page_context"),
        "our hooks: on_config (git dates, phones)": ("scripts/website/hook_website.py", "on_config"),
        "  git_dates.last_changed": ("scripts/core/git_dates.py", "last_changed"),
        "our hooks: a11y on_post_page": ("scripts/a11y/hook_a11y.py", "on_post_page"),
        "static-i18n: page context": ("mkdocs_static_i18n/plugin.py", "on_page_context"),
        "static-i18n: nav": ("mkdocs_static_i18n/plugin.py", "on_nav"),
        "writing files": ("mkdocs/utils/__init__.py", "write_file"),
    }
    for label, (file_part, func) in parts.items():
        cum = sum(v[3] for k, v in stats.stats.items() if file_part in k[0] and k[2] == func)
        calls = sum(v[1] for k, v in stats.stats.items() if file_part in k[0] and k[2] == func)
        print(f"  {label:46} {cum:7.1f} s  ({calls} calls)")
    print("  other hooks in scripts/ (cumulative, top):")
    ours = sorted(((v[3], k) for k, v in stats.stats.items()
                   if "/scripts/" in k[0] and not k[2].startswith("<")), reverse=True)[:top]
    for cum, (file, line, func) in ours[:8]:
        print(f"    {cum:7.2f} s  {Path(file).name}:{line} {func}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sections", action="store_true")
    args = parser.parse_args(argv)
    print(machine_note())
    if args.sections:
        print("variant: navigation.sections instead of navigation.prune (the earlier config)")
    results = []
    with tempfile.TemporaryDirectory(prefix="growth-") as tmp:
        for n in args.sizes:
            r = run_size(Path(tmp), n, sections=args.sections)
            results.append(r)
            wall, cpu = r["build"]
            print(f"{n:5} pages/language ({r['html']} HTML files, {r['html_mb']:.0f} MB): "
                  f"mkdocs build {wall:7.1f} s wall, {cpu:7.1f} s CPU, "
                  f"{1000 * wall / (2 * n):6.1f} ms per page", flush=True)
            for name, (cwall, ccpu, code, tail) in r["checks"].items():
                print(f"{'':22}{name:28} {cwall:7.1f} s wall, {ccpu:7.1f} s CPU, "
                      f"{1000 * cwall / (2 * n):6.1f} ms per page", flush=True)
        if not results[0]["checks"]:
            print(f"{'':22}(no scripts/*/check_*.py in this tree yet)")
        if args.profile:
            profile_build(results[-1])

    first, last = results[0], results[-1]
    page_ratio = last["pages"] / first["pages"]
    ok = True
    print(f"\nGrowth from {first['pages']} to {last['pages']} pages per language "
          f"({page_ratio:.0f}× the pages; linear allows {page_ratio * GOAL_RATIO:.0f}× the time):")
    rows = [("mkdocs build", first["build"], last["build"])]
    rows += [(name, first["checks"][name][:2], last["checks"][name][:2]) for name in last["checks"]]
    for name, (w0, c0), (w1, c1) in rows:
        ratio_wall, ratio_cpu = w1 / max(w0, 1e-9), c1 / max(c0, 1e-9)
        verdict = "linear" if ratio_cpu <= page_ratio * GOAL_RATIO else "SUPER-LINEAR"
        ok = ok and verdict == "linear"
        print(f"  {name:28} {ratio_wall:5.1f}× wall, {ratio_cpu:5.1f}× CPU  → {verdict}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
