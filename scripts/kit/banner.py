"""The "Call 111" banner for school and commune websites, and the HTML snippet to paste.

Made at build time, never drawn by hand: the number, the hotline's name and "free, 24/7" come
from data/phones.yml (the entry marked `hotline: true`), so the banner changes when the registry
does. Two sizes (SIZES: a wide one for the top of a page, a small one for a sidebar) in both
languages, written as standalone SVG files at stable addresses (/assets/banner/…, see
`file_name`); the snippet is an <a> to the reporting page (/bao-tin/, /en/bao-tin/) around an
<img> of the banner, both absolute from site_url: pasted into another site it loads nothing but
the image from this one (no script, no style, no font).

The SVG uses the reader's own sans-serif font (an image cannot load web fonts) and sizes each
line from a deliberately wide estimate of its width, so that it fits with any common font; the
browser tests measure the lines in Chromium.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urljoin

from scripts.phones import DataError, Phone, hotline_of

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
FOLDER = "assets/banner"                 # under the site root; the addresses must stay stable
REPORT_PATH = "bao-tin/"                 # the page the banner links to (in each language)
BG, FG = "#a3140f", "#ffffff"            # the site's hotline bar colours: 7.1:1
FONT = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif"
# Widest average glyph width of that family, in em, bold and regular (Vietnamese text with its
# diacritics; DejaVu Sans is the widest of the list). A line is never set larger than fits.
EM_BOLD, EM_REGULAR = 0.66, 0.60


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int


SIZES = (Size("wide", 728, 90), Size("small", 300, 120))

TEXT = {
    "vi": {"call": "Gọi", "more": "Cách báo tin khi trẻ em bị xâm hại ›",
           "alt_more": "Bấm để xem cách báo tin khi trẻ em bị xâm hại."},
    "en": {"call": "Call", "more": "How to report child abuse ›",
           "alt_more": "Select to see how to report child abuse."},
}


def hotline(phones: list[Phone]) -> Phone:
    """The number the banner shows: the registry's hotline (`hotline: true`), as on every page."""
    return hotline_of(phones)


def _check(lang: str, size: str) -> Size:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    for s in SIZES:
        if s.name == size:
            return s
    raise ValueError(f"unknown banner size {size!r}; expected one of "
                     f"{', '.join(s.name for s in SIZES)}")


def file_name(lang: str, size: str) -> str:
    s = _check(lang, size)
    return f"goi-111-{lang}-{s.width}x{s.height}.svg"


def alt_text(phone: Phone, lang: str) -> str:
    """"Gọi 111 – Tổng đài quốc gia bảo vệ trẻ em, miễn phí, 24/7. Bấm để xem …"."""
    t = TEXT[lang]
    return f"{t['call']} {phone.number} – {phone.name[lang]}, {phone.short[lang]}. {t['alt_more']}"


MIN_FONT = 12      # px: below this a line is too small to read on a banner


def _fit(text: str, size: float, width: float, em: float) -> float:
    """The font size, at most `size`, at which `text` fits `width` (estimated)."""
    fitted = round(min(size, width / (max(len(text), 1) * em)), 1)
    if fitted < MIN_FONT:
        raise DataError(f"data/phones.yml: '{text}' quá dài cho biểu ngữ (chữ sẽ nhỏ hơn {MIN_FONT} "
                        f"điểm ảnh); hãy rút ngắn / '{text}' is too long for the banner (its type "
                        f"would be under {MIN_FONT} px); shorten it")
    return fitted


def _line(x: float, y: float, text: str, size: float, bold: bool, anchor: str = "start") -> str:
    weight = ' font-weight="700"' if bold else ""
    return (f'<text x="{x}" y="{y}" font-size="{size}"{weight} text-anchor="{anchor}">'
            f"{html.escape(text)}</text>")


def svg(phone: Phone, lang: str, size: str) -> str:
    """The banner as a standalone SVG document with its <title> (the alt text)."""
    s = _check(lang, size)
    t = TEXT[lang]
    call = f"{t['call']} {phone.number}"
    name = phone.name[lang]
    short = f"{phone.short[lang][:1].upper()}{phone.short[lang][1:]}"
    more = f"{short} · {t['more']}"
    pad = 12
    if s.name == "wide":
        left_w = 200
        big = _fit(call, 46, left_w - pad, EM_BOLD)
        right = s.width - left_w - 2 * pad
        lines = [
            _line(pad + (left_w - pad) / 2, s.height / 2 + big * 0.36, call, big, True, "middle"),
            _line(left_w + pad, 40, name, _fit(name, 22, right, EM_BOLD), True),
            _line(left_w + pad, 68, more, _fit(more, 16, right, EM_REGULAR), False),
        ]
        divider = (f'<path d="M{left_w} 14V{s.height - 14}" stroke="{FG}" stroke-width="2" '
                   f'stroke-opacity="0.6"/>')
    else:
        inner = s.width - 2 * pad
        big = _fit(call, 42, inner, EM_BOLD)
        lines = [
            _line(s.width / 2, 50, call, big, True, "middle"),
            _line(s.width / 2, 78, name, _fit(name, 17, inner, EM_BOLD), True, "middle"),
            _line(s.width / 2, 102, short, _fit(short, 15, inner, EM_REGULAR), False, "middle"),
        ]
        divider = ""
    label = html.escape(alt_text(phone, lang))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{s.width}" height="{s.height}" '
            f'viewBox="0 0 {s.width} {s.height}" role="img" aria-labelledby="t" lang="{lang}">'
            f'<title id="t">{label}</title>'
            f'<rect width="{s.width}" height="{s.height}" rx="6" fill="{BG}"/>{divider}'
            f'<g fill="{FG}" font-family="{html.escape(FONT)}">{"".join(lines)}</g></svg>\n')


def image_url(site_url: str, lang: str, size: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, f"{FOLDER}/{file_name(lang, size)}")


def report_url(site_url: str, lang: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, ("" if lang == DEFAULT_LANG else f"{lang}/") + REPORT_PATH)


def snippet(phone: Phone, lang: str, size: str, site_url: str) -> str:
    """The HTML to paste into another website: a link around the banner image, nothing else.
    The inline style only lets the image shrink on a narrow screen (it loads nothing)."""
    s = _check(lang, size)
    return (f'<a href="{html.escape(report_url(site_url, lang))}">'
            f'<img src="{html.escape(image_url(site_url, lang, size))}" width="{s.width}" '
            f'height="{s.height}" style="max-width:100%;height:auto" '
            f'alt="{html.escape(alt_text(phone, lang))}"></a>')


def write_files(site_dir, phones: list[Phone]) -> list[str]:
    """Write every banner (both languages, both sizes) into the built site; their paths."""
    from pathlib import Path

    phone = hotline(phones)
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in LANGS:
        for s in SIZES:
            path = folder / file_name(lang, s.name)
            path.write_text(svg(phone, lang, s.name), encoding="utf-8")
            written.append(f"{FOLDER}/{path.name}")
    return written


# ---------------------------------------------------------------------------------------------
# The banner's section of the school kit page (/nha-truong/): `<!-- school-banner -->`
# ---------------------------------------------------------------------------------------------

MARKER = "<!-- school-banner -->"

PAGE_TEXT = {
    "vi": {"wide": "Khổ rộng, {w} × {h} điểm ảnh (đầu trang)",
           "small": "Khổ nhỏ, {w} × {h} điểm ảnh (cột bên)",
           "code": "Mã HTML để dán", "copy": "Sao chép mã HTML",
           "group": "Sao chép mã HTML của biểu ngữ {size}",
           "done": "Đã sao chép mã HTML. Hãy dán vào phần soạn thảo HTML của trang web."},
    "en": {"wide": "Wide, {w} × {h} pixels (top of a page)",
           "small": "Small, {w} × {h} pixels (sidebar)",
           "code": "HTML to paste", "copy": "Copy the HTML",
           "group": "Copy the HTML of the {size} banner",
           "done": "HTML copied. Paste it into your website's HTML editor."},
}


def render(phones: list[Phone], lang: str, site_url: str, page_path: str) -> str:
    """The two banners of `lang`, each with its preview, its HTML snippet and a copy button."""
    from scripts.kit.comm_kit import render_copy_button

    phone = hotline(phones)
    t = PAGE_TEXT[lang]
    # From the page (docs/<lang>/<page_path>) back to the site root, where the banners are.
    depth = len([p for p in page_path.split("/") if p]) + (0 if lang == DEFAULT_LANG else 1)
    up = "../" * depth
    parts = []
    for s in SIZES:
        code = snippet(phone, lang, s.name, site_url)
        caption = t[s.name].format(w=s.width, h=s.height)
        parts.append(
            # Each block out of the search index (data-search-exclude, one by one: Material's
            # indexer loses track of a wrapper around an <img>): markup answers no question.
            f'<figure class="school-banner" id="bieu-ngu-{s.name}" data-search-exclude>\n'
            f'<img class="school-banner__image" src="{up}{FOLDER}/{file_name(lang, s.name)}" '
            f'width="{s.width}" height="{s.height}" alt="{html.escape(alt_text(phone, lang))}">\n'
            f"<figcaption>{html.escape(caption)}</figcaption>\n</figure>\n"
            f'<p class="school-banner__code-label" data-search-exclude>{t["code"]}:</p>\n'
            f'<pre class="school-banner__code" data-search-exclude><code id="bieu-ngu-{s.name}-ma">{html.escape(code)}'
            f'</code></pre>\n'
            + render_copy_button(f"bieu-ngu-{s.name}-ma", lang, t["group"].format(size=caption.split(",")[0].lower()),
                                 t["copy"], t["done"]) + "\n")
    return "\n".join(parts)


def fill(markdown: str, phones: list[Phone], lang: str, site_url: str, page_path: str) -> str:
    return markdown.replace(MARKER, render(phones, lang, site_url, page_path))
