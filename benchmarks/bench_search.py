"""Search speed and size: this site's search next to Material's default, on the same pages.

Builds the search fixture site (tests/search/search_fixture.py) twice, as this site configures search
(one index per language, Vietnamese folding) and with Material's default search as it was
before (one merged index, lunr's Vietnamese + English support), serves each on 127.0.0.1 and
times, on the Vietnamese home page in Debian's Chromium, the time from the last keystroke to
the results rendered. Then the index sizes, for the fixture and for the real site.

    .venv/bin/python benchmarks/bench_search.py [--runs 7] [--cpu-throttle 4]

Prints numbers; it asserts nothing (the tests do). One run's ratio, not a statistic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "search")]

from scripts.search.search_index import measure  # noqa: E402
from scripts.vietnamese.text import fold  # noqa: E402
from search_fixture import WATCH_WORKER, build_fixture, material_lunr_source  # noqa: E402
from static_server import serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
QUERIES = ["bao ve tre em", "bảo vệ trẻ em", "duong day nong", "xam hai", "111"]

TIMING = """(() => {
  const bench = window.__bench = {keyup: 0, rendered: 0}
  document.addEventListener("keyup", () => { bench.keyup = performance.now() }, true)
  document.addEventListener("DOMContentLoaded", () => {
    new MutationObserver(() => { bench.rendered = performance.now() })
      .observe(document.querySelector(".md-search-result"),
               {childList: true, subtree: true, characterData: true})
  })
})()"""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => done()))"


def _type(page, text: str) -> None:
    page.keyboard.type(text)
    page.keyboard.press("End")          # keyup for characters typed without one (IME)
    page.wait_for_function("q => window.__search.answered === q", arg=text)


def time_queries(browser, url: str, runs: int, throttle: float) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(WATCH_WORKER)
    context.add_init_script(TIMING)
    page = context.new_page()
    if throttle > 1:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(url)
    page.wait_for_function("() => window.__search.ready")
    out = {"ready_ms": page.evaluate("() => window.__search.readyAt")}
    page.keyboard.press("/")
    for query in QUERIES:
        assert query[-1].isascii(), "the last keystroke must be a plain key"
        samples = []
        for _ in range(runs):
            page.locator(".md-search__input").evaluate("el => { el.value = '' }")
            _type(page, query[:-1])
            page.keyboard.press(query[-1])
            page.wait_for_function("q => window.__search.answered === q", arg=query)
            page.evaluate(NEXT_FRAME)
            samples.append(page.evaluate("() => __bench.rendered - __bench.keyup"))
        count = page.locator(".md-search-result__item").count()
        out[query] = (statistics.median(samples), count)
    context.close()
    return out


def lunr_memory(browser, index: dict) -> tuple[tuple[int, int], tuple[int, int]]:
    """(terms, serialized bytes) of a lunr index of `index`'s docs, without and with folding."""
    page = browser.new_page()
    page.set_content("<!doctype html><title>x</title>")
    page.add_script_tag(content=material_lunr_source())
    page.add_script_tag(path=str(ROOT / "docs/assets/javascripts/vietnamese.js"))
    page.add_script_tag(path=str(ROOT / "docs/assets/javascripts/lunr/min/lunr.fold.min.js"))
    sizes = page.evaluate("""({docs, separator}) => [false, true].map(folding => {
      lunr.tokenizer.separator = new RegExp(separator)
      const idx = lunr(function () {
        this.metadataWhitelist = ["position"]
        if (folding) this.use(lunr.fold); else { this.pipeline.reset(); this.searchPipeline.reset() }
        this.ref("location"); this.field("title"); this.field("text")
        docs.forEach(d => this.add({...d, text: d.text.replace(/<[^>]+>/g, " ")}))
      })
      return [Object.keys(idx.invertedIndex).length, JSON.stringify(idx).length]
    })""", {"docs": index["docs"], "separator": index["config"]["separator"]})
    page.close()
    return tuple(sizes[0]), tuple(sizes[1])


def folded_field_cost(data: bytes) -> tuple[int, int]:
    """Bytes (and gzip bytes) a build hook would add by storing a folded copy of title and text."""
    index = json.loads(data)
    for doc in index["docs"]:
        doc["folded"] = fold(re.sub(r"<[^>]+>", " ", f'{doc["title"]} {doc["text"]}')).lower()
    out = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()
    return len(out) - len(data), len(gzip.compress(out, 9, mtime=0)) - len(gzip.compress(data, 9, mtime=0))


def n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _js_size(*paths: Path) -> str:
    data = b"".join(p.read_bytes() for p in paths)
    return f"{n(len(data))} B (gzip {n(len(gzip.compress(data, 9, mtime=0)))} B)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="repetitions per query (median)")
    parser.add_argument("--cpu-throttle", type=float, default=1,
                        help="Chromium CPU slowdown, e.g. 4 for a cheap phone")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        tmp = Path(tmp)
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        timings, sites = {}, {}
        for variant in ("site", "material"):
            site_dir = tmp / variant / "site"
            with serve(site_dir) as url:
                sites[variant] = build_fixture(tmp / variant, url, variant)
                timings[variant] = time_queries(browser, url, args.runs, args.cpu_throttle)
        real = {v: build_fixture(tmp / f"real-{v}", "http://127.0.0.1:8000/", v, pages=None)
                for v in ("site", "material")}

        print(f"Search: last keystroke -> results rendered, Vietnamese home page, Chromium 360x740, "
              f"CPU throttle x{args.cpu_throttle:g}, median of {args.runs}")
        print(f"{'query':<18}{'this site':>11}{'Material':>11}{'ratio':>8}   pages found (this site / Material)")
        ratios = []
        for query in QUERIES:
            (ours, n_ours), (theirs, n_theirs) = timings["site"][query], timings["material"][query]
            ratio = ours / theirs if theirs else float("nan")
            ratios.append(ratio)
            print(f"{query:<18}{ours:>8.1f} ms{theirs:>8.1f} ms{ratio:>8.2f}   {n_ours} / {n_theirs}")
        print(f"{'geometric mean':<40}{statistics.geometric_mean(ratios):>8.2f}")
        print(f"search ready after page load: this site {timings['site']['ready_ms']:.0f} ms, "
              f"Material {timings['material']['ready_ms']:.0f} ms")

        print("\nIndex files (what a reader downloads; bytes, gzip -9):")
        for label, site in (("fixture", sites), ("real site", real)):
            for variant, where in (("material", ["search/search_index.json"]),
                                   ("site", ["search/search_index.json", "en/search/search_index.json"])):
                for rel in where:
                    size = measure((site[variant] / rel).read_bytes(), "", rel)
                    name = "Material (both languages)" if variant == "material" else \
                        f"this site ({'en' if rel.startswith('en/') else 'vi'})"
                    print(f"  {label:<10}{name:<27}{n(size.size):>9} B  gzip {n(size.gzip_size):>7} B")

        js = ROOT / "docs/assets/javascripts"
        lunr_min = Path(__import__("material").__file__).parent / "templates/assets/javascripts/lunr/min"
        print("\nFolding costs no bytes in the index files (the browser folds). Script cost:")
        print(f"  lunr.fold.min.js + vietnamese.js: {_js_size(js / 'lunr/min/lunr.fold.min.js', js / 'vietnamese.js')}")
        print(f"  no longer loaded, lunr.vi + lunr.multi: {_js_size(lunr_min / 'lunr.vi.min.js', lunr_min / 'lunr.multi.min.js')}")
        vi_data = (sites["site"] / "search/search_index.json").read_bytes()
        (terms, ser), (terms_f, ser_f) = lunr_memory(browser, json.loads(vi_data))
        print(f"  in the browser, fixture vi index: {terms} terms -> {terms_f} with folding "
              f"(x{terms_f / terms:.2f}); serialized {n(ser)} -> {n(ser_f)} B (x{ser_f / ser:.2f})")
        added, added_gz = folded_field_cost(vi_data)
        print(f"  for comparison, a folded copy of the text in the file (build-hook approach) "
              f"would add {n(added)} B (+{100 * added / len(vi_data):.0f}%), gzip +{n(added_gz)} B")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
