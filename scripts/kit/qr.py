"""QR codes as SVG (segno), and reading the module matrix back out of such an SVG.

The school kit prints a QR code next to each page schools use most. The code encodes the page's
absolute address (site_url + path), so it is made at build time for the address the site is
published at. `matrix_from_svg` reverses the drawing so that a test can prove that the code on
the page is exactly the code of the expected address.

Command line, for a code to one address (for example one FAQ question) to put in a newsletter:

    python scripts/kit/qr.py https://…/hoi-dap/cha-me/#xam-hai-la-gi > qr.svg

exit 0 written, 2 misuse.
"""

from __future__ import annotations

import html
import io
import re
import sys
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
