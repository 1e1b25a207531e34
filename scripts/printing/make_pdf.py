"""`make pdf`: A4 PDFs of the built site, printed by Chromium from the site's own pages.

Run after the build, on the built site folder (default: site/); writes each PDF next to the page
it comes from, and adds to that page a link with the PDF's size ("Tải PDF, A4, 120 KB"):

- every A4 poster of the communication kit (…/tai-lieu/<topic>/ap-phich-a4.svg, made by the
  build) → ap-phich-a4.pdf beside it, linked from the kit page where the poster's
  `<!-- pdf-link: ap-phich-a4.pdf -->` placeholder is;
- every topic's radio script, one A4 page in large type with its reading time at the top
  (radio_sheet below: the radio-script section of the built kit page /tai-lieu/<topic>/, as
  published, with the site's stylesheet, the hotline and the kit page's address) →
  phat-thanh-a4.pdf beside the kit page, linked next to the script's reading time where the
  `<!-- pdf-link: phat-thanh-a4.pdf -->` placeholder is; the type is the largest of
  SHEET_SIZES_PT that keeps the script on one page;
- the pages in PAGES, both languages (study guide, school kit, parents' FAQ), printed with the
  site's print stylesheet (A4, link addresses on paper) → <name>.pdf in the page's folder,
  linked under the page's title.

Why a separate step: printing needs a browser, and `make serve` must work without one. Without
`make pdf` the placeholders stay HTML comments, so a preview simply has no PDF links (nothing
broken, nothing pointing to a file that is not there). `make test` and the publishing workflow
run it after the build.

    python scripts/printing/make_pdf.py [SITE_DIR]      exit 0 done, 1 failed, 2 misuse

Needs Chromium (CHROMIUM, default /usr/bin/chromium) and Playwright (requirements-test.txt).
Prints each PDF's size, the total and the time taken.
"""

from __future__ import annotations

import html
import io
import mimetypes
import os
import re
import sys
import time
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LANG_PREFIX = {"vi": "", "en": "en/"}
# Pages printed whole: site path (without language) -> PDF file name.
PAGES = {"hoc-tap/": "hoc-tap.pdf", "nha-truong/": "nha-truong.pdf",
         "hoi-dap/cha-me/": "hoi-dap-cha-me.pdf"}
POSTER_SVG, POSTER_PDF = "ap-phich-a4.svg", "ap-phich-a4.pdf"
SHEET_PDF = "phat-thanh-a4.pdf"
SHEET_SIZES_PT = (18, 17, 16, 15, 14, 13, 12)     # radio script type, largest first
SHEET_PAGE = "phat-thanh-a4.print.html"        # served to Chromium only, never written
KIT_SECTION = "tai-lieu"
SITE_CSS = "assets/stylesheets/site.css"
PLACEHOLDER = re.compile(r"<!-- pdf-link: ([a-z0-9.-]+) -->")
LABEL = {"vi": "Tải PDF, A4, {kb} KB", "en": "Download PDF, A4, {kb} KB"}


class PdfError(RuntimeError):
    """A problem the reader can fix; the message says what and how (vi / en)."""


def size_label(lang: str, size: int) -> str:
    return LABEL[lang].format(kb=max(1, round(size / 1024)))


def link_html(lang: str, name: str, size: int) -> str:
    return (f'<a class="pdf-link" href="{html.escape(name)}" type="application/pdf">'
            f"{html.escape(size_label(lang, size))}</a>")


def page_lang(html_text: str) -> str:
    match = re.search(r'<html[^>]*\blang="([a-z]+)', html_text)
    return match.group(1) if match and match.group(1) in LANG_PREFIX else "vi"


def fill_placeholders(page: Path) -> int:
    """Replace each `<!-- pdf-link: NAME -->` whose PDF exists beside `page` by its link."""
    text = page.read_text(encoding="utf-8")
    lang, count = page_lang(text), 0

    def replace(match: re.Match) -> str:
        nonlocal count
        pdf = page.parent / match.group(1)
        if not pdf.is_file():
            return match.group(0)
        count += 1
        return "<br>" + link_html(lang, match.group(1), pdf.stat().st_size)

    new = PLACEHOLDER.sub(replace, text)
    if new != text:
        page.write_text(new, encoding="utf-8")
    return count


def add_title_link(page: Path, name: str, size: int) -> None:
    """Put the PDF's link under the page's title (once; a second run updates it)."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<p class="pdf-link-line">.*?</p>\n', "", text, flags=re.S)
    head = re.search(r"</h1>", text)
    if not head:
        raise PdfError(f"{page}: không có tiêu đề <h1> để đặt liên kết PDF / no <h1> to put "
                       "the PDF link under")
    line = f'\n<p class="pdf-link-line">{link_html(page_lang(text), name, size)}</p>\n'
    page.write_text(text[:head.end()] + line + text[head.end():], encoding="utf-8")


def site_url_of(site: Path) -> str:
    """The address the site was built for (its home page's canonical link)."""
    text = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', text)
    if not match:
        raise PdfError(f"{site / 'index.html'}: không có địa chỉ trang (site_url); dựng lại với "
                       "SITE_URL / no canonical address (site_url); build again with SITE_URL set")
    return match.group(1)


_SHEET_TEXT = {
    "vi": {"hotline": "Cần giúp đỡ, gọi {number}: {name} ({short}).", "page": "Trang tài liệu"},
    "en": {"hotline": "For help, call {number}: {name} ({short}).", "page": "Kit page"},
}


def _no_permalink(fragment: str) -> str:
    return re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", fragment, flags=re.S)


def _strip_tags(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def radio_sheet(page_html: str, address: str, site_url: str, hotline, size_pt: float) -> str:
    """The print document of one kit page's radio script: its title, the section "## Bài phát
    thanh" as the built page has it (reading time first, then the script), the hotline and
    the kit page's address, with the site's stylesheet (.radio-sheet rules)."""
    lang = page_lang(page_html)
    section = re.search(r'<h2 id="phat-thanh">(.*?)</h2>(.*?)(?=<h2[\s>])', page_html, re.S)
    title = re.search(r"<h1[^>]*>(.*?)</h1>", page_html, re.S)
    if not section or not title or 'class="kit-script"' not in section.group(2):
        raise PdfError(f"{address}: trang tài liệu không có mục bài phát thanh (<!-- kit: … -->) / "
                       "the kit page has no radio-script section (<!-- kit: … -->)")
    body = section.group(2)
    body = re.sub(r'<br><a class="pdf-link"[^>]*>.*?</a>', "", body)      # a previous run's link
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    t = _SHEET_TEXT[lang]
    heading = f"{_strip_tags(_no_permalink(section.group(1)))}: {_strip_tags(_no_permalink(title.group(1)))}"
    call = t["hotline"].format(number=hotline.number, name=hotline.name[lang],
                               short=hotline.short[lang])
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(heading)}</title>"
            f'<link rel="stylesheet" href="{html.escape(site_url + SITE_CSS)}"></head>\n'
            f'<body class="radio-sheet" style="font-size: {size_pt}pt">\n'
            f"<h1>{html.escape(heading)}</h1>\n{body.strip()}\n"
            f'<p class="radio-sheet__foot"><span class="radio-sheet__hotline">{html.escape(call)}'
            f"</span><br>{t['page']}: {html.escape(site_url + address)}</p>\n</body></html>\n")


def _pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def _serve_from_folder(context, site: Path, site_url: str, extra: dict | None = None) -> None:
    """Answer the site's own addresses from the built folder (and `extra`: site-relative
    address -> HTML made here); refuse everything else.
    The pages are opened at their published address, so the links in the PDFs are too."""

    def handle(route):
        url = route.request.url.split("#")[0].split("?")[0]
        if not url.startswith(site_url):
            return route.abort()
        rel = unquote(url[len(site_url):])
        if extra and rel in extra:
            return route.fulfill(status=200, body=extra[rel], content_type="text/html; charset=utf-8")
        path = (site / rel).resolve()
        if path.is_dir():
            path = path / "index.html"
        if site.resolve() not in path.parents or not path.is_file():
            return route.fulfill(status=404, body="not found")
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), content_type=ctype)

    context.route("**/*", handle)


def jobs(site: Path) -> list[tuple[str, Path, str]]:
    """(kind, PDF path, site-relative address) of every PDF to make."""
    out = []
    for svg in sorted(site.rglob(POSTER_SVG)):
        out.append(("poster", svg.with_name(POSTER_PDF), svg.relative_to(site).as_posix()))
    for lang, prefix in LANG_PREFIX.items():
        for kit in sorted((site / prefix / KIT_SECTION).glob("*/index.html")):
            if 'id="phat-thanh"' in kit.read_text(encoding="utf-8"):
                out.append(("sheet", kit.with_name(SHEET_PDF),
                            kit.parent.relative_to(site).as_posix() + "/"))
        for path, name in PAGES.items():
            page = site / prefix / path / "index.html"
            if not page.is_file():
                raise PdfError(f"{page}: trang chưa được dựng; chạy `make build` trước / the page "
                               "is not built; run `make build` first")
            out.append(("page", page.with_name(name), prefix + path))
    return out


def _print_sheet(page, site: Path, base: str, address: str, sheets: dict) -> tuple[bytes, float]:
    """The radio script of the kit page at `address` on one A4 page, in the largest type that
    fits (SHEET_SIZES_PT). Returns the PDF and that size."""
    from scripts.phones import DataError, load_phones

    try:
        hotline = next(p for p in load_phones() if p.hotline)
    except (DataError, StopIteration) as exc:
        raise PdfError(f"data/phones.yml: không có số đường dây nóng (hotline: true) / no hotline "
                       f"number (hotline: true): {exc}") from exc
    source = (site / address / "index.html").read_text(encoding="utf-8")
    virtual = address + SHEET_PAGE
    for size in SHEET_SIZES_PT:
        sheets[virtual] = radio_sheet(source, address, base, hotline, size)
        response = page.goto(base + virtual, wait_until="load")
        if not response or response.status != 200:
            raise PdfError(f"{virtual}: không mở được / could not be opened")
        data = page.pdf(format="Letter", prefer_css_page_size=True, print_background=True)
        if _pages(data) == 1:
            return data, size
    raise PdfError(f"{address}: bài phát thanh không vừa một trang A4 kể cả ở cỡ chữ "
                   f"{SHEET_SIZES_PT[-1]} pt; hãy rút ngắn bài trong data/communication_kit/ / the "
                   f"radio script does not fit one A4 page even at {SHEET_SIZES_PT[-1]} pt type; "
                   "shorten it in data/communication_kit/")


def make_pdfs(site: Path, log=print, browser=None) -> list[Path]:
    """Every PDF of the built site in `site`, with the links to them. Returns the PDFs.
    `browser`: a Playwright Chromium already running (tests share theirs), else one is started."""
    if not (site / "index.html").is_file():
        raise PdfError(f"{site}: chưa có trang đã dựng; chạy `make build` trước / no built site "
                       "here; run `make build` first")
    if browser is None:
        if not os.path.exists(CHROMIUM):
            raise PdfError(f"{CHROMIUM}: không có Chromium; chạy `make browser-deps` / Chromium "
                           "not found; run `make browser-deps` (or set CHROMIUM)")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return make_pdfs(site, log, own)
            finally:
                own.close()

    todo = jobs(site)
    base = site_url_of(site)
    made: list[Path] = []
    context = browser.new_context(java_script_enabled=False)
    sheets: dict[str, str] = {}
    try:
        _serve_from_folder(context, site, base, sheets)
        page = context.new_page()
        for kind, pdf, address in todo:
            if kind == "sheet":
                data, size = _print_sheet(page, site, base, address, sheets)
                pdf.write_bytes(data)
                made.append(pdf)
                log(f"{len(data) // 1024:>6} KB  {pdf.relative_to(site).as_posix()} ({size} pt)")
                continue
            response = page.goto(base + address, wait_until="load")
            if not response or response.status != 200:
                raise PdfError(f"{address}: không mở được ({response and response.status}) / "
                               "could not be opened")
            if kind == "poster":
                data = page.pdf(width="210mm", height="297mm", print_background=True,
                                margin={"top": "0", "right": "0", "bottom": "0", "left": "0"})
            else:
                # Letter on purpose: the stylesheet's @page rule makes it A4.
                data = page.pdf(format="Letter", prefer_css_page_size=True, print_background=True)
            pdf.write_bytes(data)
            made.append(pdf)
            if kind == "page":
                add_title_link(pdf.with_name("index.html"), pdf.name, len(data))
            log(f"{len(data) // 1024:>6} KB  {pdf.relative_to(site).as_posix()}")
    finally:
        context.close()
    for index in sorted(site.rglob("index.html")):
        fill_placeholders(index)
    return made


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or any(a.startswith("-") for a in args):
        print("cách dùng / usage: python scripts/printing/make_pdf.py [SITE_DIR]", file=sys.stderr)
        return 2
    site = Path(args[0]) if args else ROOT / "site"
    start = time.monotonic()
    try:
        made = make_pdfs(site)
    except PdfError as exc:
        print(f"LỖI / ERROR: {exc}", file=sys.stderr)
        return 1
    total = sum(p.stat().st_size for p in made)
    print(f"make pdf: {len(made)} tệp PDF / PDFs, {total // 1024} KB, "
          f"{time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
