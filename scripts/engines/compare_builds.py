"""Compare two builds of the site file by file and line by line, ignoring only the `generator`
meta tag (which names the engine). Used to prove that ProperDocs, the maintained fork of
MkDocs 1.6, builds exactly the site MkDocs builds (tests/engines/), and in the runbook in
DEPLOY.md before switching engines.

    python scripts/engines/compare_builds.py SITE_A SITE_B
    exit 0 same site, 1 different (the first differing file and line are named), 2 misuse
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Text  # noqa: E402

TOOL = "compare_builds.py"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
TEXT_SUFFIXES = {".html", ".xml", ".json", ".js", ".css", ".txt", ".ics", ".svg", ".webmanifest"}


@dataclass(frozen=True)
class Difference:
    file: str          # path inside the site, POSIX
    line: int          # 1-based line of the first difference; 0 for a missing file or binary data
    a: str             # what build A has there ("" when absent)
    b: str             # what build B has there

    def describe(self, name_a: str, name_b: str) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.a == "" and self.line == 0:
            return (f"{where}: chỉ có trong {name_b} / only in {name_b}")
        if self.b == "" and self.line == 0:
            return (f"{where}: chỉ có trong {name_a} / only in {name_a}")
        return (f"{where}: khác nhau / differs\n  {name_a}: {self.a[:200]}\n  {name_b}: {self.b[:200]}")


def _normalise(data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator" content="">', data)


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def first_line_difference(a: bytes, b: bytes) -> tuple[int, str, str]:
    lines_a, lines_b = a.split(b"\n"), b.split(b"\n")
    for number, (la, lb) in enumerate(zip(lines_a, lines_b), 1):
        if la != lb:
            return number, la.decode("utf-8", "replace"), lb.decode("utf-8", "replace")
    number = min(len(lines_a), len(lines_b)) + 1
    tail = lambda lines: lines[number - 1].decode("utf-8", "replace") if len(lines) >= number else "(hết tệp / end of file)"  # noqa: E731
    return number, tail(lines_a), tail(lines_b)


def compare(site_a: Path, site_b: Path) -> list[Difference]:
    """Every differing file (missing ones too), in path order; the generator tag is ignored."""
    files_a, files_b = _files(site_a), _files(site_b)
    out = []
    for name in sorted(files_a | files_b):
        if name not in files_b:
            out.append(Difference(name, 0, "present", ""))
            continue
        if name not in files_a:
            out.append(Difference(name, 0, "", "present"))
            continue
        data_a, data_b = (site / name for site in (site_a, site_b))
        a, b = data_a.read_bytes(), data_b.read_bytes()
        if a == b:
            continue
        if Path(name).suffix not in TEXT_SUFFIXES:
            out.append(Difference(name, 0, f"{len(a)} bytes", f"{len(b)} bytes"))
            continue
        a, b = _normalise(a), _normalise(b)
        if a != b:
            out.append(Difference(name, *first_line_difference(a, b)))
    return out


def report(diffs: list[Difference], name_a: str, name_b: str) -> str:
    if not diffs:
        return (f"{TOOL}: hai bản dựng giống nhau (trừ thẻ generator) / the two builds are the "
                f"same (apart from the generator tag): {name_a} = {name_b}\n")
    first = diffs[0].describe(name_a, name_b)
    return (f"{TOOL}: hai bản dựng khác nhau ở {len(diffs)} tệp; tệp đầu tiên / the two builds "
            f"differ in {len(diffs)} file(s); the first:\n{first}\n"
            "Sửa: xem DEPLOY.md (Đổi công cụ dựng trang) / Fix: see DEPLOY.md "
            "(Switching engines).\n")


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog=TOOL, description=__doc__.split("\n\n")[0])
    parser.add_argument("site_a", help="one built site (e.g. site/, built by MkDocs)")
    parser.add_argument("site_b", help="the other (e.g. built by ProperDocs)")
    args = parser.parse_args(argv)
    a, b = Path(args.site_a), Path(args.site_b)
    for site in (a, b):
        if not (site / "index.html").is_file():
            return checkkit.misuse(TOOL, Text(f"'{site}' không phải trang đã dựng (thiếu index.html).",
                                              f"'{site}' is not a built site (no index.html)."))
    diffs = compare(a, b)
    sys.stdout.write(report(diffs, str(a), str(b)))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
