"""A4 posters of the communication kit, generated from data/communication_kit/*.yml.

One poster per topic and language: a standalone SVG in millimetres (A4 portrait, 210 × 297 mm;
vector, so it prints as cleanly on A3), written into the built site next to the kit page
(/tai-lieu/<topic>/ap-phich-a4.svg, /en/tai-lieu/<topic>/ap-phich-a4.svg) by
scripts/kit/hook_comm_kit.py. From top to bottom:

- the headline, bold, and the lines, at the largest pair of SIZES_MM that fits (the poster is
  read from two metres; the usual signage rule, about 3 mm of letter height per metre, asks for
  6 mm: body type of 8–10 mm has capitals of 5.6–7 mm, the headline's 8–10 mm; long texts go
  down to 6.5 mm, i.e. capitals of about 4.5 mm, and the benchmark line says which did);
- the poster's lines, then its footer (topic-specific numbers);
- the 111 band: the hotline's number, name and "free, 24/7" from data/phones.yml;
- a QR code of the topic page's address, the address printed beside it, and the sources line.

Colours: black on white, and white on the hotline red (#a3140f, luminance 0.08): in greyscale
that red is a dark grey, still over 7:1 against the white type (`greyscale_contrast`).
Type is the printer's sans-serif (an SVG cannot carry a web font here); lines are wrapped and
sized from a deliberately wide estimate of glyph width, so they fit with any common font.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from scripts.kit import qr
from scripts.phones import Phone

WIDTH, HEIGHT, MARGIN = 210, 297, 14           # mm
FILE_NAME = "ap-phich-a4.svg"
RED, INK, PAPER, GREY = "#a3140f", "#000000", "#ffffff", "#333333"
FONT = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif"
EM_BOLD, EM_REGULAR = 0.58, 0.52               # wide estimates of average glyph width, in em
# (headline, body) type sizes in mm, tried in turn until the text fits above the band.
SIZES_MM = ((14, 10), (14, 9), (13, 9), (13, 8), (12, 8), (12, 7.5), (11, 7), (11, 6.5))
FOOTER_MM = 6.5
BAND_TOP, BAND_HEIGHT = 170, 52
QR_MM = 40
SOURCE_MM, SOURCE_LINES = 3, 6

TEXT = {
    "vi": {"call": "Gọi", "scan": "Quét mã để đọc thêm:", "sources": "Nguồn",
           "title": "Áp phích"},
    "en": {"call": "Call", "scan": "Scan the code to read more:", "sources": "Sources",
           "title": "Poster"},
}


def wrap(text: str, size: float, width: float, em: float) -> list[str]:
    """`text` in lines that fit `width` mm at `size` mm type (estimated); long words break."""
    limit = max(1, int(width / (size * em)))
    lines, line = [], ""
    for word in text.split():
        while len(word) > limit:                    # an address: break anywhere
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:limit])
            word = word[limit:]
        candidate = f"{line} {word}".strip()
        if len(candidate) <= limit:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _text(x: float, y: float, text: str, size: float, *, bold: bool = False,
          fill: str = INK, anchor: str = "start") -> str:
    weight = ' font-weight="700"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}"{weight} fill="{fill}" '
            f'text-anchor="{anchor}">{html.escape(text)}</text>')


def topic_url(site_url: str, lang: str, topic: str, section: str = "tuyen-truyen") -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, ("" if lang == "vi" else f"{lang}/") + f"{section}/{topic}/")


def _body(headline: str, lines: list[str], footer: str, bottom: float) -> tuple[list[str], float]:
    """The headline, lines and footer between the top margin and `bottom` (mm)."""
    inner = WIDTH - 2 * MARGIN
    for head, body in SIZES_MM:
        out: list[str] = []
        y = MARGIN
        for row in wrap(headline, head, inner, EM_BOLD):
            y += head * 1.15
            out.append(_text(MARGIN, y, row, head, bold=True))
        y += body * 0.6
        bullet = body * 0.9
        for item in lines:
            y += body * 0.35
            for i, row in enumerate(wrap(item, body, inner - bullet, EM_REGULAR)):
                y += body * 1.25
                if i == 0:
                    out.append(f'<rect x="{MARGIN}" y="{y - body * 0.62:.1f}" width="{body * 0.45:.1f}" '
                               f'height="{body * 0.45:.1f}" fill="{RED}"/>')
                out.append(_text(MARGIN + bullet, y, row, body))
        y += FOOTER_MM * 0.8
        for row in wrap(footer, FOOTER_MM, inner, EM_BOLD):
            y += FOOTER_MM * 1.3
            out.append(_text(MARGIN, y, row, FOOTER_MM, bold=True))
        if y <= bottom:
            return out, body
    raise ValueError(f"the poster text does not fit A4 even at {SIZES_MM[-1][1]} mm type; "
                     "shorten the headline or the lines")


def svg(item, lang: str, hotline: Phone, site_url: str, sources: list[str]) -> str:
    """The A4 poster of one kit item (scripts.kit.comm_kit.KitItem) in `lang`."""
    t = TEXT[lang]
    poster = item.poster[lang]
    body, _ = _body(poster.headline, list(poster.lines), poster.footer, BAND_TOP - 6)
    band_mid = WIDTH / 2
    band = [
        f'<rect x="0" y="{BAND_TOP}" width="{WIDTH}" height="{BAND_HEIGHT}" fill="{RED}"/>',
        _text(band_mid, BAND_TOP + 28, f"{t['call']} {hotline.number}", 27, bold=True,
              fill=PAPER, anchor="middle"),
        _text(band_mid, BAND_TOP + 41, hotline.name[lang], 6.5, bold=True, fill=PAPER, anchor="middle"),
        _text(band_mid, BAND_TOP + 48.5, hotline.short[lang], 5.5, fill=PAPER, anchor="middle"),
    ]
    url = topic_url(site_url, lang, item.topic)
    qr_top = BAND_TOP + BAND_HEIGHT + 3
    code = qr.svg(url, f"{t['scan']} {url}", css_class="poster-qr")
    code = code.replace("<svg ", f'<svg x="{MARGIN - 3}" y="{qr_top}" width="{QR_MM}" '
                                 f'height="{QR_MM}" ', 1)
    right = MARGIN + QR_MM + 2
    right_w = WIDTH - MARGIN - right
    foot = [_text(right, qr_top + 8, t["scan"], 4.5, bold=True)]
    y = qr_top + 8
    for row in wrap(url, 4.2, right_w, EM_REGULAR):
        y += 5.5
        foot.append(_text(right, y, row, 4.2, bold=True))
    source_line = f"{t['sources']}: " + "; ".join(sources)
    rows = wrap(source_line, SOURCE_MM, WIDTH - 2 * MARGIN, EM_REGULAR)
    if len(rows) > SOURCE_LINES:
        raise ValueError(f"the sources line takes {len(rows)} lines on the poster, at most "
                         f"{SOURCE_LINES}; shorten the kit page's sources")
    y = qr_top + QR_MM + 1
    for row in rows:
        y += SOURCE_MM * 1.25
        foot.append(_text(MARGIN, y, row, SOURCE_MM, fill=GREY))
    label = html.escape(f"{t['title']}: {poster.headline}")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}mm" height="{HEIGHT}mm" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="title" lang="{lang}">'
            f'<title id="title">{label}</title>'
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>'
            f'<g font-family="{html.escape(FONT)}">{"".join(body)}{"".join(band)}{"".join(foot)}</g>'
            f"{code}</svg>\n")


def colours(svg_text: str) -> set[str]:
    """Every fill colour the poster uses."""
    return set(re.findall(r'fill="(#[0-9a-fA-F]{6})"', svg_text))


def grey(colour: str) -> float:
    """Relative luminance (WCAG) of `colour` printed in greyscale: the luminance itself, since a
    greyscale printer keeps a colour's lightness."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i:i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def greyscale_contrast(fg: str, bg: str) -> float:
    a, b = sorted((grey(fg), grey(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def sources_of(meta: dict) -> list[str]:
    """The `sources:` of a page's front matter as short strings (title, or the text itself)."""
    out = []
    for entry in meta.get("sources") or []:
        if isinstance(entry, dict):
            # a `legal:` source without a title is shown by its document number
            keys = ("title", "note") if entry.get("title") else ("legal", "note")
            entry = " ".join(str(entry.get(k, "")) for k in keys if entry.get(k))
        out.append(" ".join(str(entry).split()))
    return out


FIGURE = {
    "vi": {"alt": "Xem trước áp phích A4: {headline}",
           "download": "Tải áp phích A4 (SVG, {kb} KB)",
           "note": "In khổ A4 hoặc A3 (hình vector, phóng to không vỡ); in đen trắng vẫn rõ."},
    "en": {"alt": "Preview of the A4 poster: {headline}",
           "download": "Download the A4 poster (SVG, {kb} KB)",
           "note": "Print on A4 or A3 (vector, it scales without blurring); clear in black and white too."},
}


def figure(item, lang: str, size_bytes: int) -> str:
    """The poster's preview and download link on the kit page (the file sits next to it)."""
    t = FIGURE[lang]
    headline = item.poster[lang].headline
    kb = max(1, round(size_bytes / 1024))
    return (f'<figure class="kit-poster-file">\n'
            f'<a href="{FILE_NAME}"><img class="kit-poster-file__image" src="{FILE_NAME}" '
            f'width="210" height="297" alt="{html.escape(t["alt"].format(headline=headline))}"></a>\n'
            f'<figcaption><a href="{FILE_NAME}" download="ap-phich-{item.topic}-{lang}.svg">'
            f'{html.escape(t["download"].format(kb=kb))}</a>'
            # The PDF's link, with its size, once `make pdf` has printed it (scripts/printing/make_pdf.py).
            f'<!-- pdf-link: ap-phich-a4.pdf --><br>{html.escape(t["note"])}'
            f'</figcaption>\n</figure>')
