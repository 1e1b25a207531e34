"""`make pdf` cost: the time Chromium takes to print every PDF of a fresh build, their total
bytes, and the largest poster and page PDF against the budgets the tests hold
(tests/printing/test_make_pdf.py: poster ≤ 300 KB, other PDFs ≤ 500 KB).

    .venv/bin/python benchmarks/pdf.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, build, machine_note

sys.path.insert(0, str(ROOT))
from scripts.printing import make_pdf  # noqa: E402

POSTER_BUDGET, PAGE_BUDGET = 300 * 1024, 500 * 1024


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        site = Path(tmp)
        built = build(site, "https://example.org/tre-em/")
        start = time.perf_counter()
        made = make_pdf.make_pdfs(site, log=lambda line: None)
        seconds = time.perf_counter() - start
        sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in made}
    posters = {k: v for k, v in sizes.items() if k.endswith(make_pdf.POSTER_PDF)}
    pages = {k: v for k, v in sizes.items() if k not in posters}
    print(f"make pdf: {len(made)} PDFs in {seconds:.1f} s (after a {built:.1f} s build), "
          f"{sum(sizes.values()) / 1024:.0f} KB in all")
    for name, group, budget in (("poster", posters, POSTER_BUDGET), ("page", pages, PAGE_BUDGET)):
        largest = max(group, key=group.get)
        print(f"  {len(group):>2} {name} PDFs: {sum(group.values()) / 1024:6.0f} KB, largest "
              f"{group[largest] / 1024:.0f} KB of {budget // 1024} KB ({largest})")
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
