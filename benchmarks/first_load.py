"""First-load weight of every page: all requests of a first visit (empty cache, 360×740, until
the network is idle), in gzip bytes as a static host sends them, next to Material's default
site built from the same docs/ (plain Material: no overrides, no hooks, no site.css, no i18n).

    .venv/bin/python benchmarks/first_load.py [--pages N]

--pages N measures a synthetic site of N pages per language made from the real pages
(benchmarks/synthetic.py) instead: how the weights grow with the site.

The budget itself (no page over 100 KiB) is a test: tests/website/test_browser_pages.py.
Material's default theme also loads Roboto from Google Fonts; this machine cannot reach other
origins, so those requests are counted but their bytes are not (the default's real weight is
higher than printed).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from _common import CHROMIUM, CHROMIUM_ARGS, RESULTS, ROOT, build, machine_note, page_urls, serve

BUDGET = 100 * 1024


def default_material_config(folder: Path, site_url: str, docs_dir: Path = ROOT / "docs") -> Path:
    """A config building the same docs/ with plain Material: only what the pages need to
    render (the same Markdown extensions), nothing of ours."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        real = yaml_load(f)
    config = {
        "site_name": real["site_name"],
        "site_url": site_url,
        "docs_dir": str(docs_dir),
        "theme": {"name": "material"},
        "plugins": ["search"],
        "markdown_extensions": real.get("markdown_extensions", []),
    }
    path = folder / "mkdocs-default.yml"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return path


def measure(browser, base_url: str, urls: list[str]) -> dict[str, dict]:
    """{url: {"bytes": gzip bytes, "requests": n, "html": bytes, "offsite": n}}"""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    out = {}
    for url in urls:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        offsite: list[str] = []

        def block(route):
            offsite.append(route.request.url)
            route.abort()

        context.route(lambda u: not u.startswith(origin) and not u.startswith(("data:", "blob:")), block)
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda r: finished.append(r))
        page.goto(base_url + url, wait_until="networkidle")
        sizes = {r.url: r.sizes()["responseBodySize"] for r in finished if r.url.startswith(origin)}
        out[url] = {"bytes": sum(sizes.values()), "requests": len(sizes),
                    "html": sizes.get(base_url + url, 0), "offsite": len(offsite),
                    "by_url": sizes}
        context.close()
    return out


def counterpart_in_default(url: str) -> str | None:
    """Where Material's default build (no i18n plugin) puts the same page."""
    if url == "404.html":
        return url
    if url.endswith("404.html"):
        return None
    return url if url.startswith("en/") else "vi/" + url


def kib(n: int) -> str:
    return f"{n / 1024:6.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, help="synthetic site of N pages per language")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(machine_note())
    with tempfile.TemporaryDirectory() as tmp:
        config, docs, cwd = ROOT / "mkdocs.yml", ROOT / "docs", ROOT
        if args.pages:
            from synthetic import make_repo

            cwd = Path(tmp, "repo")
            config, docs = make_repo(cwd, args.pages), cwd / "docs"
            print(f"synthetic site: {args.pages} pages per language, made from the real pages")
        ours_dir, default_dir = Path(tmp, "ours"), Path(tmp, "default")
        ours_dir.mkdir()
        default_dir.mkdir()
        with serve(ours_dir) as ours_url, serve(default_dir) as default_url, \
                sync_playwright() as pw:
            build(ours_dir, ours_url, config=config, cwd=cwd)
            build(default_dir, default_url, strict=False,
                  config=default_material_config(Path(tmp), default_url, docs))
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            urls = page_urls(ours_dir)
            ours = measure(browser, ours_url, urls)
            pairs = {u: counterpart_in_default(u) for u in urls}
            default = measure(browser, default_url, [d for d in pairs.values() if d])
            browser.close()

    print(f"\nFirst load at 360×740, empty cache, all requests until network idle, gzip KiB "
          f"(budget {BUDGET // 1024} KiB)")
    print(f"{'page':34} {'ours':>7} {'req':>4} {'html':>6}   {'Material default':>16} {'req':>4}")
    worst = max(v["bytes"] for v in ours.values())
    shown = urls if len(urls) <= 30 else sorted(urls, key=lambda u: -ours[u]["bytes"])[:12]
    if shown is not urls:
        print(f"(the {len(shown)} heaviest of {len(urls)} pages)")
    for url in shown:
        o = ours[url]
        d = default.get(pairs[url] or "")
        dtext = (f"{kib(d['bytes']):>16} {d['requests']:>4}" + (f" +{d['offsite']} offsite" if d["offsite"] else "")
                 if d else f"{'—':>16} {'':>4}")
        flag = "  OVER BUDGET" if o["bytes"] > BUDGET else ""
        print(f"/{url:33} {kib(o['bytes'])} {o['requests']:>4} {kib(o['html'])}   {dtext}{flag}")
    n = len(urls)
    avg_ours = sum(v["bytes"] for v in ours.values()) / n
    avg_default = sum(v["bytes"] for v in default.values()) / max(1, len(default))
    print(f"\n{n} pages. Ours: average {avg_ours / 1024:.1f} KiB, largest {worst / 1024:.1f} KiB. "
          f"Material default, same docs: average {avg_default / 1024:.1f} KiB "
          f"(+ Google Fonts, not reachable here).")
    heaviest = max(ours.values(), key=lambda v: v["bytes"])
    print("Largest requests of the heaviest page: " + ", ".join(
        f"{urlsplit(u).path} {b / 1024:.1f}" for u, b in sorted(heaviest["by_url"].items(), key=lambda kv: -kv[1])[:6]))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "first_load.json").write_text(json.dumps({"ours": ours, "default": default}, indent=1))
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
