"""Search relevance on readers' own words: the real site, Material's own search worker, Chromium.

Builds the real site (or takes a built one with --site), serves it like a static host, opens the
Vietnamese and the English home page in Debian's Chromium and sends every query of
benchmarks/search_queries.yml to the search worker Material started on that page (the worker
a reader's search box talks to, with the index it loaded). Vietnamese queries run three times:
as written, without diacritics, and with partial diacritics (tone marks dropped, ă â ê ô ơ ư đ
kept). For each mode it prints success@1, success@3 (an expected page among the first 1 or 3
result pages), mean reciprocal rank, whether every question about reporting or the hotline
has /bao-tin/ first, the misses, the worker's answer time (median, p95: message to the worker
until its answer, on the full index) and the gzip size of each language's index.

    .venv/bin/python benchmarks/bench_relevance.py [--site DIR] [--misses N] [--json FILE]
        [--queries FILE [--figures-only]]     (benchmarks/search_queries_later.yml: the later sets)

Goal (issue 13): success@3 >= 95 % and success@1 >= 80 % in every mode, /bao-tin/ first for
every reporting question; exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from _common import CHROMIUM, CHROMIUM_ARGS, ROOT, build, machine_note, serve

import yaml
from scripts.core.checkkit import display_path  # noqa: E402
from scripts.search.search_index import measure  # noqa: E402
from scripts.vietnamese.text import fold  # noqa: E402

QUERIES = ROOT / "benchmarks" / "search_queries.yml"
REPORT_PAGE = "bao-tin/"
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}   # huyền, sắc, ngã, hỏi, nặng

# Keeps the search worker Material starts on the page; answers are matched to queries by order
# (the worker answers one message at a time; answers to the page's own queries are skipped).
# Registered before Material's own listener.
KEEP_WORKER = """(() => {
  const Native = window.Worker
  const bench = window.__bench = {worker: null, ready: false, waiting: [], asking: false}
  window.Worker = function (url, options) {
    const worker = new Native(url, options)
    const post = worker.postMessage.bind(worker)
    worker.postMessage = message => {       // the page's own queries: their answers are skipped
      if (message && message.type === 2 && !bench.asking) bench.waiting.push(() => {})
      post(message)
    }
    worker.addEventListener("message", ev => {
      if (ev.data.type === 1) bench.ready = true
      if (ev.data.type === 3 && bench.waiting.length) bench.waiting.shift()(ev.data.data)
    })
    return bench.worker = worker
  }
  window.Worker.prototype = Native.prototype
})()"""

ASK = """async queries => {
  const out = []
  for (const q of queries) {
    const start = performance.now()
    const data = await new Promise(done => {
      __bench.waiting.push(done)
      __bench.asking = true
      __bench.worker.postMessage({type: 2, data: q})
      __bench.asking = false
    })
    const ms = performance.now() - start
    const pages = data.items.map(group => group[0].location.split("#")[0])
    out.push({q, ms, pages: [...new Set(pages)]})
  }
  return out
}"""


def drop_tones(text: str) -> str:
    """Partial diacritics: the tone marks go, the letters with their own shape stay (ê, ơ, đ)."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", text) if c not in TONES))


MODES = {  # mode -> (language, how the query is typed)
    "vi accented": ("vi", lambda q: q),
    "vi unaccented": ("vi", lambda q: fold(q)),
    "vi partial": ("vi", drop_tones),
    "en": ("en", lambda q: q),
}


@dataclass
class Score:
    n: int = 0
    at1: int = 0
    at3: int = 0
    rr: float = 0.0
    report_n: int = 0
    report_first: int = 0
    ms: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def rank(pages: list[str], expected: list[str]) -> int | None:
    for i, page in enumerate(pages, 1):
        if page in expected:
            return i
    return None


def worker_page(browser, url: str, errors: list[str] | None = None):
    """(context, page): `url` opened with Material's search worker kept for the benchmark and its
    index loaded (search opened with "/", as lazy-search.js waits for). Errors go to `errors`."""
    context = browser.new_context()
    context.add_init_script(KEEP_WORKER)
    page = context.new_page()
    if errors is not None:
        page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.keyboard.press("/")
    page.wait_for_function("() => window.__bench.ready", timeout=60_000)
    return context, page


def built_site(site: Path | None, tmp: str) -> Path:
    """`site` if given, else the real site built into `tmp`."""
    if site is not None:
        return site
    build(Path(tmp) / "site", "http://127.0.0.1/")
    return Path(tmp) / "site"


def run(site: Path, queries: dict) -> dict[str, Score]:
    from playwright.sync_api import sync_playwright

    scores = {mode: Score() for mode in MODES}
    with serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in ("vi", "en"):
            errors: list[str] = []
            context, page = worker_page(browser, url + ("" if lang == "vi" else "en/"), errors)
            page.evaluate(ASK, ["bảo vệ trẻ em", "bao ve tre em"])      # warm up
            for mode, (mode_lang, typed) in MODES.items():
                if mode_lang != lang:
                    continue
                items = queries[lang]
                answers = page.evaluate(ASK, [typed(item["q"]) for item in items])
                score = scores[mode]
                for item, answer in zip(items, answers):
                    r = rank(answer["pages"], item["pages"])
                    score.n += 1
                    score.ms.append(answer["ms"])
                    score.at1 += r == 1
                    score.at3 += r is not None and r <= 3
                    score.rr += 1 / r if r else 0
                    if item.get("report"):
                        score.report_n += 1
                        first = answer["pages"][0] if answer["pages"] else None
                        score.report_first += first == REPORT_PAGE
                    if r != 1 or (item.get("report") and answer["pages"][:1] != [REPORT_PAGE]):
                        got = ", ".join(p or "/" for p in answer["pages"][:3]) or "nothing"
                        score.misses.append(f"{'@' + str(r) if r else 'miss':>5}  {answer['q']!r} "
                                            f"-> {got}   (want {', '.join(p or '/' for p in item['pages'])})")
            if errors:
                print(f"JavaScript errors on the {lang} page: {errors}", file=sys.stderr)
            context.close()
        browser.close()
    return scores


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--misses", type=int, default=40, help="misses to print per mode")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--queries", type=Path, default=QUERIES,
                        help="another query set in the same format (e.g. a held-out set)")
    parser.add_argument("--figures-only", action="store_true",
                        help="print the figures, exit 0 whatever they are (sets that carry no goal)")
    args = parser.parse_args(argv)
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    queries = {lang: [dict(item) for item in queries[lang]] for lang in ("vi", "en")}

    with tempfile.TemporaryDirectory() as tmp:
        site = built_site(args.site, tmp)
        scores = run(site, queries)
        sizes = {lang: measure((site / rel).read_bytes(), lang, rel) for lang, rel in
                 (("vi", "search/search_index.json"), ("en", "en/search/search_index.json"))}

    if args.json:
        args.json.write_text(json.dumps({
            "modes": {m: {"n": s.n, "success@1": s.at1 / s.n, "success@3": s.at3 / s.n,
                          "mrr": s.rr / s.n, "report_first": [s.report_first, s.report_n],
                          "median_ms": statistics.median(s.ms), "p95_ms": p95(s.ms),
                          "misses": s.misses} for m, s in scores.items()},
            "index_gzip": {lang: size.gzip_size for lang, size in sizes.items()},
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"Search relevance: {len(queries['vi'])} Vietnamese and {len(queries['en'])} English "
          f"queries ({display_path(args.queries)}), Material's search worker in Chromium")
    print(machine_note())
    print(f"\n{'mode':<15}{'queries':>8}{'success@1':>11}{'success@3':>11}{'MRR':>7}"
          f"{'bao-tin first':>15}{'median ms':>11}{'p95 ms':>8}")
    ok = True
    for mode, s in scores.items():
        at1, at3 = s.at1 / s.n, s.at3 / s.n
        ok &= at1 >= 0.80 and at3 >= 0.95 and s.report_first == s.report_n
        print(f"{mode:<15}{s.n:>8}{at1:>10.1%}{at3:>11.1%}{s.rr / s.n:>7.3f}"
              f"{f'{s.report_first}/{s.report_n}':>15}{statistics.median(s.ms):>11.1f}{p95(s.ms):>8.1f}")
    every = [ms for s in scores.values() for ms in s.ms]
    print(f"{'all':<15}{len(every):>8}{'':>44}{statistics.median(every):>11.1f}{p95(every):>8.1f}")
    print("\nIndex files (bytes, gzip -9):")
    for lang, size in sizes.items():
        print(f"  {lang}: {size.docs} entries, {size.size:,} B, gzip {size.gzip_size:,} B".replace(",", " "))
    for mode, s in scores.items():
        if s.misses:
            print(f"\nNot first ({mode}): {len(s.misses)}")
            for line in s.misses[:args.misses]:
                print("  " + line)
    if args.figures_only:
        print("\nfigures only: this set carries no goal")
    else:
        print("\n" + ("all goals met" if ok else "goal missed: success@3 >= 95 %, success@1 >= 80 % "
                      "in every mode, /bao-tin/ first for every reporting question"))
    return 0 if ok or args.figures_only else 1


if __name__ == "__main__":
    sys.exit(main())
