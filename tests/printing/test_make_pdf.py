"""`make pdf` (scripts/printing/make_pdf.py) on a fresh build of the real site: every PDF opens,
is A4, carries the hotline and its addresses as real text with embedded fonts, stays within its
size budget, and is linked with its size from its page; without `make pdf` there is no link."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import TEST_SITE_URL, build_site
from scripts.kit import comm_kit, qr
from scripts.kit import poster as kit_poster
from scripts.printing import make_pdf
from test_browser_print import _unembedded_fonts

# One worker builds the site and prints its PDFs once for the whole module (make test: --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("make-pdf")]

POSTER_BUDGET = 300 * 1024         # the aim: a poster within 300 KB,
PAGE_BUDGET = 500 * 1024           # any other PDF within 500 KB
A4 = (595.28, 841.89)


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory, browser):
    dest = tmp_path_factory.mktemp("pdf-site")
    done = build_site(dest)
    assert done.returncode == 0, done.stderr
    lines: list[str] = []
    made = make_pdf.make_pdfs(dest, log=lines.append, browser=browser)
    return dest, made, lines


def test_every_poster_and_page_has_its_pdf(pdf_site):
    site, made, lines = pdf_site
    posters = sorted(site.rglob("ap-phich-a4.svg"))
    assert len(posters) == 20                                 # ten topics, two languages
    expected = {p.with_name("ap-phich-a4.pdf") for p in posters}
    expected |= {p.with_name(make_pdf.SHEET_PDF) for p in posters}  # each kit page's radio script
    for prefix in ("", "en/"):
        for path, name in make_pdf.PAGES.items():
            expected.add(site / prefix / path / name)
    assert set(made) == expected and len(lines) == len(made)


def _read(path: Path):
    reader = PdfReader(io.BytesIO(path.read_bytes()), strict=True)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return reader, squash(text)


def test_each_pdf_is_a4_real_text_fonts_embedded_and_within_budget(pdf_site):
    site, made, _ = pdf_site
    for pdf in made:
        reader, text = _read(pdf)
        rel = pdf.relative_to(site).as_posix()
        poster = pdf.name == "ap-phich-a4.pdf"
        sheet = pdf.name == make_pdf.SHEET_PDF
        assert len(reader.pages) == 1 if poster or sheet else len(reader.pages) >= 1, rel
        for page in reader.pages:
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(w - A4[0]) < 1.5 and abs(h - A4[1]) < 1.5, (rel, w, h)
            assert not _unembedded_fonts(page), rel
        assert "111" in text, rel
        lang = "en" if rel.startswith("en/") else "vi"
        name = {"vi": "Tổngđàiquốcgiabảovệtrẻem", "en": "NationalChildProtectionHotline"}[lang]
        assert name in text, rel
        size = pdf.stat().st_size
        assert size <= (POSTER_BUDGET if poster else PAGE_BUDGET), (rel, size)
        if poster:
            topic = pdf.parent.name
            address = TEST_SITE_URL + ("en/" if lang == "en" else "") + f"tuyen-truyen/{topic}/"
            assert squash(address) in text, rel           # the address under the QR code
        if sheet:
            address = TEST_SITE_URL + pdf.parent.relative_to(site).as_posix() + "/"
            assert squash(address) in text, rel           # the kit page's address at the foot


# --- Each page PDF names its own page --------------------------------------------------------
# A page printed whole says "Bản in từ: <address>" / "Printed from: <address>" under the hotline
# (scripts/printing/print_source.py); a radio script names its kit page at the foot. The address
# expected is derived here from where the PDF lies: site_url + the folder of the page.
OWN_LABEL = {"page": {"vi": "Bản in từ:", "en": "Printed from:"},
             "sheet": {"vi": "Trang tài liệu:", "en": "Kit page:"}}


def _own_address(site: Path, pdf: Path) -> str:
    return TEST_SITE_URL + pdf.parent.relative_to(site).as_posix() + "/"


def _kind(pdf: Path) -> str:
    return "sheet" if pdf.name == make_pdf.SHEET_PDF else "poster" if pdf.name == "ap-phich-a4.pdf" else "page"


def printed_from(reader: PdfReader, label: str) -> list[str]:
    """Every address printed after `label` at the start of a line, on any page. pypdf puts
    stray spaces inside Vietnamese words, so the line is compared without whitespace (an
    address has none)."""
    key = squash(label)
    lines = (squash(line) for page in reader.pages for line in (page.extract_text() or "").splitlines())
    return [line[len(key):] for line in lines if line.startswith(key)]


def test_each_page_pdf_carries_its_own_address_and_no_other(pdf_site):
    site, made, _ = pdf_site
    own = {pdf: _own_address(site, pdf) for pdf in made if _kind(pdf) != "poster"}
    assert sum(_kind(p) == "page" for p in own) == 2 * len(make_pdf.PAGES)
    assert len(set(own.values())) == len(own) and len(own) >= 2
    for pdf, address in own.items():
        rel = pdf.relative_to(site).as_posix()
        lang = "en" if rel.startswith("en/") else "vi"
        reader = PdfReader(str(pdf))
        found = printed_from(reader, OWN_LABEL[_kind(pdf)][lang])
        assert found == [address], (rel, found)
        if _kind(pdf) == "page":                             # on page 1, under the hotline
            first = squash(reader.pages[0].extract_text())
            assert first.index(squash("111")) < first.index(squash(OWN_LABEL["page"][lang] + address))
        # A PDF of one page does not pass as the PDF of any other page.
        for other, other_address in own.items():
            if other != pdf:
                assert other_address not in found, (rel, other.relative_to(site).as_posix())


def test_the_reading_of_the_own_address_is_exact(pdf_site):
    """printed_from reads the whole line: a longer or shorter address is not the same page."""
    site, _, _ = pdf_site
    reader = PdfReader(str(site / "en" / "hoc-tap" / "hoc-tap.pdf"))
    found = printed_from(reader, "Printed from:")
    assert found == [TEST_SITE_URL + "en/hoc-tap/"]
    assert TEST_SITE_URL + "en/" not in found and TEST_SITE_URL + "hoc-tap/" not in found
    assert printed_from(reader, "Bản in từ:") == []          # the English PDF has no Vietnamese line


def test_radio_script_pdf_has_its_reading_time_at_the_top_and_the_whole_script(pdf_site):
    site, made, lines = pdf_site
    items = {i.topic: i for i in comm_kit.load_kit()}
    sheets = [p for p in made if p.name == make_pdf.SHEET_PDF]
    assert len(sheets) == 2 * len(items)
    for pdf in sheets:
        rel = pdf.relative_to(site).as_posix()
        lang = "en" if rel.startswith("en/") else "vi"
        item = items[pdf.parent.name]
        _, text = _read(pdf)
        label = squash(("Thời lượng đọc: " if lang == "vi" else "Reading time: ")
                       + item.radio_time(lang).label())
        first = squash(comm_kit.spoken_text(item.radio[lang]))[:40]
        last = squash(item.radio[lang])[-40:]
        assert label in text and text.index(label) < text.index(first), rel   # time before script
        assert text.index(label) < 300, rel                                   # at the top
        assert last in text, rel                                              # all of it, one page
    assert all(re.search(r"\((1[2-8]) pt\)$", line) for line in lines if make_pdf.SHEET_PDF in line)


def test_radio_sheet_refuses_a_page_without_a_radio_script(pdf_site):
    site, _, _ = pdf_site
    hotline = next(p for p in comm_kit.load_phones() if p.hotline)
    page = (site / "hoc-tap" / "index.html").read_text(encoding="utf-8")
    with pytest.raises(make_pdf.PdfError) as err:
        make_pdf.radio_sheet(page, "hoc-tap/", TEST_SITE_URL, hotline, 16)
    assert "không có mục bài phát thanh" in str(err.value) and "no radio-script section" in str(err.value)
    kit = (site / "tai-lieu" / "phong-chong-xam-hai" / "index.html").read_text(encoding="utf-8")
    sheet = make_pdf.radio_sheet(kit, "tai-lieu/phong-chong-xam-hai/", TEST_SITE_URL, hotline, 16)
    assert 'class="pdf-link"' not in sheet and 'class="headerlink"' not in sheet
    assert 'lang="vi"' in sheet and "font-size: 16pt" in sheet
    assert "gọi 111: Tổng đài quốc gia bảo vệ trẻ em" in sheet


def test_a_radio_script_too_long_for_one_page_stops_with_a_message(pdf_site, browser, monkeypatch):
    site, _, _ = pdf_site
    monkeypatch.setattr(make_pdf, "SHEET_SIZES_PT", (48,))   # as if the script were far longer
    context = browser.new_context(java_script_enabled=False)
    try:
        sheets: dict = {}
        make_pdf._serve_from_folder(context, site, TEST_SITE_URL, sheets)
        with pytest.raises(make_pdf.PdfError) as err:
            make_pdf._print_sheet(context.new_page(), site, TEST_SITE_URL,
                                  "en/tai-lieu/phong-chong-xam-hai/", sheets)
    finally:
        context.close()
    assert "không vừa một trang A4" in str(err.value) and "does not fit one A4 page" in str(err.value)


def test_links_in_page_pdfs_are_the_published_addresses(pdf_site):
    site, _, _ = pdf_site
    reader = PdfReader(str(site / "hoc-tap" / "hoc-tap.pdf"))
    uris = [a.get_object().get("/A", {}).get("/URI") for page in reader.pages
            for a in page.get("/Annots", [])]
    web = [u for u in uris if u and u.startswith("http")]
    assert web, "no clickable web link in the study guide PDF"
    own = [u for u in web if u.startswith("http://127.0.0.1") or u.startswith("http://localhost")]
    assert not own, own
    assert any(u.startswith(TEST_SITE_URL) for u in web)


def test_pages_link_their_pdf_with_its_size(pdf_site):
    site, made, _ = pdf_site
    for pdf in made:
        page = (pdf.parent / "index.html").read_text(encoding="utf-8")
        lang = "en" if pdf.relative_to(site).as_posix().startswith("en/") else "vi"
        label = make_pdf.size_label(lang, pdf.stat().st_size)
        links = re.findall(rf'<a class="pdf-link" href="{re.escape(pdf.name)}" type="application/pdf">'
                           rf"{re.escape(label)}</a>", page)
        assert len(links) == 1, (pdf, label)
        assert "<!-- pdf-link:" not in page


def test_a_second_run_does_not_add_a_second_link(pdf_site, tmp_path):
    site, _, _ = pdf_site
    page = tmp_path / "index.html"
    shutil.copy(site / "hoc-tap" / "index.html", page)
    make_pdf.add_title_link(page, "hoc-tap.pdf", 2048)
    make_pdf.add_title_link(page, "hoc-tap.pdf", 4096)
    text = page.read_text(encoding="utf-8")
    assert text.count('class="pdf-link-line"') == 1 and "Tải PDF, A4, 4 KB" in text


def test_without_make_pdf_the_pages_have_no_pdf_link(built_site):
    kit = (built_site / "tai-lieu" / "phong-chong-xam-hai" / "index.html").read_text(encoding="utf-8")
    assert "<!-- pdf-link: ap-phich-a4.pdf -->" in kit and ".pdf\"" not in kit
    assert "pdf-link-line" not in (built_site / "hoc-tap" / "index.html").read_text(encoding="utf-8")


def test_command_line(tmp_path, capsys):
    assert make_pdf.main(["-h"]) == 2
    assert make_pdf.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "chạy `make build` trước" in err and "run `make build` first" in err


# --- The posters' QR codes, read back from the printed PDF --------------------------------------
# pdftoppm (Debian poppler-utils) renders the part of the page where the poster draws its code
# (scripts/kit/poster.py) in grey; the dark modules sampled at the centre of each module cell must
# be exactly segno's matrix for the topic page's address: the code a phone reads is that address.

PDFTOPPM = shutil.which("pdftoppm")
QR_DPI = 200


def _render_grey(pdf: Path, box_mm: tuple[float, float, float, float]) -> tuple[int, int, bytes]:
    """The area (x, y, width, height, in mm from the top left) of page 1 as 8-bit grey pixels."""
    px = [round(v * QR_DPI / 25.4) for v in box_mm]
    done = subprocess.run([PDFTOPPM, "-gray", "-r", str(QR_DPI), "-f", "1", "-l", "1",
                           "-x", str(px[0]), "-y", str(px[1]), "-W", str(px[2]), "-H", str(px[3]),
                           str(pdf)], capture_output=True, check=True, timeout=60)
    head = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", done.stdout)
    assert head, "pdftoppm did not write a PGM image"
    width, height = int(head.group(1)), int(head.group(2))
    return width, height, done.stdout[head.end():head.end() + width * height]


def _modules(pdf: Path, size: int) -> tuple[tuple[bool, ...], ...]:
    """The `size` × `size` modules of the QR code on the poster PDF, dark = True."""
    slack = 2
    width, height, pixels = _render_grey(pdf, (kit_poster.MARGIN - 3 - slack, kit_poster.BAND_TOP +
                                               kit_poster.BAND_HEIGHT + 3 - slack,
                                               kit_poster.QR_MM + 2 * slack, kit_poster.QR_MM + 2 * slack))
    dark = [(x, y) for y in range(height) for x in range(width) if pixels[y * width + x] < 128]
    assert dark, f"{pdf}: no QR code where the poster draws it"
    left, right = min(x for x, _ in dark), max(x for x, _ in dark) + 1
    top, bottom = min(y for _, y in dark), max(y for _, y in dark) + 1
    assert abs((right - left) - (bottom - top)) <= 2, (pdf, "the code is not square")
    cell = (right - left) / size
    assert cell >= 3, (pdf, "too few pixels a module to read it")
    return tuple(tuple(pixels[int(top + (r + 0.5) * cell) * width + int(left + (c + 0.5) * cell)] < 128
                       for c in range(size)) for r in range(size))


def test_each_poster_qr_code_is_its_topic_page_address(pdf_site):
    if not PDFTOPPM:
        pytest.skip("pdftoppm is not installed (Debian: apt-get install poppler-utils); the posters' "
                    "QR codes cannot be rendered to be read back")
    site, made, _ = pdf_site
    posters = [p for p in made if p.name == "ap-phich-a4.pdf"]
    assert len(posters) == 20
    for pdf in posters:
        rel = pdf.relative_to(site).as_posix()
        lang = "en" if rel.startswith("en/") else "vi"
        expected = qr.matrix_of(kit_poster.topic_url(TEST_SITE_URL, lang, pdf.parent.name))
        read = _modules(pdf, len(expected))
        assert read == expected, rel
        # The reading is exact enough to tell one address from another (the test can fail).
        other = "an-toan-tren-mang" if pdf.parent.name != "an-toan-tren-mang" else "lao-dong-tre-em"
        wrong = qr.matrix_of(kit_poster.topic_url(TEST_SITE_URL, lang, other))
        assert read != wrong, rel
