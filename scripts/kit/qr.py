"""QR codes as SVG (segno), and reading the module matrix back out of such an SVG.

The school kit prints a QR code next to each page schools use most. The code encodes the page's
absolute address (site_url + path), so it is made at build time for the address the site is
published at. `matrix_from_svg` reverses the drawing so that a test can prove that the code on
the page is exactly the code of the expected address; `read_codes` does the same for every code
on a picture of a printed page (the PDFs of `make pdf`, rendered by pdftoppm in the tests).

Command line, for a code to one address (for example one FAQ question) to put in a newsletter:

    python scripts/kit/qr.py https://…/hoi-dap/cha-me/#xam-hai-la-gi > qr.svg

exit 0 written, 2 misuse.
"""

from __future__ import annotations

import html
import io
import re
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

import segno

ERROR = "m"        # error correction level M: survives smudges and creases on paper
BORDER = 4         # the quiet zone the QR standard asks for, in modules
DARK, LIGHT = "#000", "#fff"


def make(url: str) -> segno.QRCode:
    """The QR code of `url` (never a Micro QR: phone cameras read only full-size codes)."""
    return segno.make(url, error=ERROR, micro=False)


def svg(url: str, label: str, css_class: str = "qr") -> str:
    """Standalone SVG (with xmlns) of the QR code of `url`, scalable, named for screen readers."""
    out = io.BytesIO()
    make(url).save(out, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True,
                   border=BORDER, dark=DARK, light=LIGHT, title=label, svgclass=css_class,
                   lineclass=None)
    text = out.getvalue().decode("utf-8")
    # role="img" + aria-label: read as one image with its name, not as an unnamed group.
    return text.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)


_PATH = re.compile(r'<path[^>]*\bstroke="[^"]+"[^>]*\bd="([^"]+)"')
_VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')
_CMD = re.compile(r"([MmHhVvZz])([^MmHhVvZz]*)")


def matrix_from_svg(svg_text: str, border: int = BORDER) -> tuple[tuple[bool, ...], ...]:
    """Dark modules of a segno SVG, as rows of booleans (quiet zone removed).

    segno draws each run of dark modules in a row as a horizontal line: "M4 4.5h7m1 0h2…".
    """
    box = _VIEWBOX.search(svg_text)
    path = _PATH.search(svg_text)
    if not box or not path:
        raise ValueError("not a segno QR code SVG (no viewBox or no stroked path)")
    width, height = int(box.group(1)), int(box.group(2))
    grid = [[False] * width for _ in range(height)]
    x = y = 0.0
    for cmd, args in _CMD.findall(path.group(1)):
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if cmd == "M":
            x, y = nums[0], nums[1]
        elif cmd == "m":
            x, y = x + nums[0], y + nums[1]
        elif cmd == "h":
            row = int(y)
            for col in range(int(x), int(x + nums[0])):
                grid[row][col] = True
            x += nums[0]
        else:
            raise ValueError(f"unexpected SVG path command {cmd!r}")
    size = width - 2 * border
    return tuple(tuple(grid[border + r][border:border + size]) for r in range(size))


def matrix_of(url: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix segno makes for `url`, without the quiet zone."""
    return tuple(tuple(bool(v) for v in row) for row in make(url).matrix)


# --- Reading QR codes back out of a picture (tests: the codes on printed PDFs) ------------------
# A page rendered to grey pixels (pdftoppm) holds any number of codes, anywhere. Each is found by
# its three finder patterns (the 7 × 7 squares in three corners: dark 1, light 1, dark 3, light 1,
# dark 1 across the middle in both directions), then its modules are sampled at their centres.
# Codes drawn upright only (a printed page is not rotated); a triple of squares is kept only when
# the size is a QR size (17 + 4k) and both timing patterns (row 6, column 6) alternate, so a stray
# square in the text is not taken for a code.

_DARK = bytes(1 if value < 128 else 0 for value in range(256))
_RUNS = re.compile(rb"\x01+|\x00+")


@dataclass(frozen=True)
class FoundCode:
    """A QR code found in a picture: its outer edges in pixels and its modules (dark = True)."""
    left: float
    top: float
    right: float
    bottom: float
    matrix: tuple[tuple[bool, ...], ...]


def _finder_runs(runs: list[tuple[int, int, bool]], i: int) -> float:
    """Module size if runs i … i+4 read dark-light-dark-light-dark as 1:1:3:1:1, else 0."""
    if not runs[i][2]:
        return 0.0
    lengths = [end - start for start, end, _ in runs[i:i + 5]]
    unit = sum(lengths) / 7
    if unit < 1:
        return 0.0
    for length, modules in zip(lengths, (1, 1, 3, 1, 1)):
        if abs(length - modules * unit) >= modules * unit * 0.5:
            return 0.0
    return unit


def _runs(line: bytes) -> list[tuple[int, int, bool]]:
    return [(m.start(), m.end(), m.group(0)[0] == 1) for m in _RUNS.finditer(line)]


def _finder_centres(dark: bytes, width: int, height: int, min_module: float):
    """(x, y, module size) of each finder pattern in the binarised picture."""
    columns: dict[int, list[tuple[int, int, bool]]] = {}
    hits: list[tuple[float, float, float]] = []
    for y in range(height):
        runs = _runs(dark[y * width:(y + 1) * width])
        for i in range(len(runs) - 4):
            unit = _finder_runs(runs, i)
            if unit < min_module:
                continue
            x = (runs[i + 2][0] + runs[i + 2][1]) // 2
            if x not in columns:
                columns[x] = _runs(dark[x::width])
            col = columns[x]
            j = next(k for k, (start, end, _) in enumerate(col) if start <= y < end)
            if j < 2 or j + 2 >= len(col):
                continue
            vunit = _finder_runs(col, j - 2)
            if vunit and 0.7 < vunit / unit < 1.4:
                hits.append((x, (col[j][0] + col[j][1] - 1) / 2, (unit + vunit) / 2))
    centres: list[list[float]] = []          # x, y, module, count: hits of one pattern merged
    for x, y, unit in hits:
        for c in centres:
            if abs(c[0] - x) < 2 * c[2] and abs(c[1] - y) < 2 * c[2]:
                n = c[3]
                c[0], c[1], c[2], c[3] = ((c[0] * n + x) / (n + 1), (c[1] * n + y) / (n + 1),
                                          (c[2] * n + unit) / (n + 1), n + 1)
                break
        else:
            centres.append([x, y, unit, 1])
    return [(x, y, unit) for x, y, unit, n in centres if n >= 2]


def _sample(dark: bytes, width: int, height: int, tl, tr, bl):
    """The matrix of the code whose finder centres are tl, tr, bl; None if it is not one."""
    unit = (tl[2] + tr[2] + bl[2]) / 3
    span = ((tr[0] - tl[0]) + (bl[1] - tl[1])) / 2
    version = round((span / unit + 7 - 17) / 4)
    if version < 1 or version > 40:
        return None
    size = 17 + 4 * version
    mx, my = (tr[0] - tl[0]) / (size - 7), (bl[1] - tl[1]) / (size - 7)
    dx, dy = (bl[0] - tl[0]) / (size - 7), (tr[1] - tl[1]) / (size - 7)   # a slight skew
    rows = []
    for r in range(size):
        row = []
        for c in range(size):
            x = tl[0] + (c - 3) * mx + (r - 3) * dx
            y = tl[1] + (r - 3) * my + (c - 3) * dy
            px, py = int(round(x)), int(round(y))
            if not (0 <= px < width and 0 <= py < height):
                return None
            row.append(dark[py * width + px] == 1)
        rows.append(tuple(row))
    timing = range(8, size - 8)
    if any(rows[6][i] != (i % 2 == 0) or rows[i][6] != (i % 2 == 0) for i in timing):
        return None
    edges = (tl[0] - 3.5 * mx, tl[1] - 3.5 * my, tr[0] + 3.5 * mx, bl[1] + 3.5 * my)
    return FoundCode(*edges, matrix=tuple(rows))


def read_codes(grey: bytes, width: int, height: int, min_module: float = 2.5) -> list[FoundCode]:
    """Every upright QR code in a `width` × `height` picture of 8-bit grey pixels (dark < 128),
    top to bottom, then left to right. Modules smaller than `min_module` pixels are not looked
    for (render at a higher resolution to read them)."""
    if len(grey) < width * height:
        raise ValueError(f"{len(grey)} pixels for a {width} × {height} picture")
    dark = grey[:width * height].translate(_DARK)
    finders = _finder_centres(dark, width, height, min_module)
    found: list[FoundCode] = []
    used: set[int] = set()

    def beside(a: int, axis: int) -> list[tuple[float, int]]:
        """Finder patterns right of (axis 0) or below (axis 1) pattern a, in line with it and
        of about its module size, nearest first, as (distance, index)."""
        here = finders[a]
        return sorted((f[axis] - here[axis], b) for b, f in enumerate(finders)
                      if b != a and b not in used and f[axis] > here[axis]
                      and abs(f[1 - axis] - here[1 - axis]) < 2 * here[2]
                      and 0.7 < f[2] / here[2] < 1.4)

    for a, tl in enumerate(finders):           # a as the top-left square of a code
        if a in used:
            continue
        below = beside(a, 1)
        for span_x, b in beside(a, 0):
            square = [c for span_y, c in below if abs(span_y - span_x) < 2 * tl[2]]
            code = _sample(dark, width, height, tl, finders[b], finders[square[0]]) if square else None
            if code:
                found.append(code)
                used.update((a, b, square[0]))
                break
    return sorted(found, key=lambda f: (round(f.top), f.left))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or urlsplit(args[0]).scheme not in ("http", "https"):
        print("cách dùng / usage: python scripts/kit/qr.py https://địa-chỉ-trang/ > qr.svg\n"
              "(một địa chỉ đầy đủ, bắt đầu bằng http:// hoặc https:// / "
              "one absolute address starting with http:// or https://)", file=sys.stderr)
        return 2
    sys.stdout.write(svg(args[0], f"QR: {args[0]}") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
