"""Why a search ranks its pages as it does: the real site, Material's search worker, Chromium.

For each query, prints the first result pages with the worker's score and the query terms each
matched (as Material reports them), so an editor can see which words carried a page.

    .venv/bin/python benchmarks/search_explain.py [--site DIR] [--en] [--top N] QUERY...
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _common import CHROMIUM, CHROMIUM_ARGS, serve
from bench_relevance import built_site, worker_page

ASK = """async q => {
  const data = await new Promise(done => {
    __bench.waiting.push(done); __bench.asking = true
    __bench.worker.postMessage({type: 2, data: q}); __bench.asking = false
  })
  return data.items.map(group => group.map(item => ({
    location: item.location, title: item.title, score: item.score,
    terms: Object.keys(item.terms || {}).filter(t => item.terms[t])})))
}"""


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="+")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--en", action="store_true", help="search the English site")
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = built_site(args.site, tmp)
        with serve(site) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            _, page = worker_page(browser, url + ("en/" if args.en else ""))
            for query in args.queries:
                print(f"\n{query!r}")
                for i, group in enumerate(page.evaluate(ASK, query)[:args.top], 1):
                    for k, item in enumerate(group[:3]):
                        lead = f"{i:>3}." if k == 0 else "    "
                        print(f"{lead} {item['score']:>10.2f}  {item['location'] or '/':<48} "
                              f"{', '.join(item['terms'])}  | {item['title'][:40]}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
