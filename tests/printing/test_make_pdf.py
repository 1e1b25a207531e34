"""`make pdf` (scripts/printing/make_pdf.py) on a fresh build of the real site: every PDF opens,
is A4, carries the hotline and its addresses as real text with embedded fonts, stays within its
size budget, and is linked with its size from its page; without `make pdf` there is no link."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT, TEST_SITE_URL, build_site
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


# --- The QR codes in the PDFs, read back from the printed pages ---------------------------------
# pdftoppm (Debian poppler-utils) renders each page of a PDF in grey; qr.read_codes finds every QR
# code on it, wherever it is, and samples its modules; those must be exactly segno's matrix for
# the address the code stands for: the code a phone reads is that address. On the school kit,
# the address a code stands for is the one printed under it ("Địa chỉ: …"), read with its
# position by pdftotext -bbox-layout, and those addresses are the pages of data/school_links.yml.

PDFTOPPM, PDFTOTEXT = shutil.which("pdftoppm"), shutil.which("pdftotext")
POSTER_DPI = 100                   # a poster's modules are large
KIT_DPI = 300                      # the school kit's codes are 9rem wide: about 7 px a module
CAPTION = {"vi": "Địa chỉ:", "en": "Address:"}
XHTML = "{http://www.w3.org/1999/xhtml}"


def _need_poppler():
    if not (PDFTOPPM and PDFTOTEXT):
        pytest.skip("pdftoppm/pdftotext are not installed (Debian: apt-get install poppler-utils); "
                    "the QR codes in the PDFs cannot be rendered to be read back")


def _page_pictures(pdf: Path, dpi: int, tmp: Path) -> list[tuple[int, int, bytes]]:
    """Every page of `pdf` as (width, height, 8-bit grey pixels)."""
    subprocess.run([PDFTOPPM, "-gray", "-r", str(dpi), str(pdf), str(tmp / "page")],
                   capture_output=True, check=True, timeout=120)
    out = []
    for path in sorted(tmp.glob("page-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        data = path.read_bytes()
        head = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
        assert head, f"pdftoppm did not write a PGM image for {pdf}"
        out.append((int(head.group(1)), int(head.group(2)), data[head.end():]))
        path.unlink()
    return out


def _codes_by_page(pdf: Path, dpi: int, tmp: Path) -> list[list[qr.FoundCode]]:
    return [qr.read_codes(pixels, width, height) for width, height, pixels in
            _page_pictures(pdf, dpi, tmp)]


def _captions_by_page(pdf: Path, label: str) -> list[list[tuple[float, float, float, str]]]:
    """Per page, each printed "label address" as (left, top, right in points, address). The
    address runs to the end of its text block, so one that wraps is read whole."""
    done = subprocess.run([PDFTOTEXT, "-bbox-layout", str(pdf), "-"], capture_output=True,
                          check=True, timeout=60)
    key = squash(label)
    pages = []
    for page in ET.fromstring(done.stdout).iter(f"{XHTML}page"):
        found = []
        for block in page.iter(f"{XHTML}block"):
            lines = list(block.iter(f"{XHTML}line"))
            for n, line in enumerate(lines):
                text = squash("".join(w.text or "" for w in line.iter(f"{XHTML}word")))
                if text.startswith(key):
                    rest = "".join(squash("".join(w.text or "" for w in later.iter(f"{XHTML}word")))
                                   for later in lines[n + 1:])
                    found.append((float(line.get("xMin")), float(line.get("yMin")),
                                  float(line.get("xMax")), text[len(key):] + rest))
                    break
        pages.append(found)
    return pages


def school_kit_codes(pdf: Path, lang: str, tmp: Path) -> list[tuple[str, qr.FoundCode]]:
    """Each QR code of a school-kit PDF with the address printed under it, in reading order.
    A code with no address under it, or an address with no code above it, fails."""
    codes, captions = _codes_by_page(pdf, KIT_DPI, tmp), _captions_by_page(pdf, CAPTION[lang])
    assert len(codes) == len(captions), (pdf, "pdftoppm and pdftotext disagree on the pages")
    scale = 72 / KIT_DPI                                    # pixels to points
    pairs = []
    for number, (on_page, texts) in enumerate(zip(codes, captions), 1):
        unclaimed = list(texts)
        for code in on_page:
            left, right, bottom = code.left * scale, code.right * scale, code.bottom * scale
            under = [t for t in unclaimed if t[1] >= bottom - 2 and t[0] < right and t[2] > left
                     and t[1] - bottom < (right - left)]
            assert under, (pdf.name, f"page {number}: no address printed under the code at "
                                     f"({left:.0f}, {bottom:.0f}) pt")
            caption = min(under, key=lambda t: t[1])
            unclaimed.remove(caption)
            pairs.append((caption[3], code))
        assert not unclaimed, (pdf.name, f"page {number}: addresses with no code: {unclaimed}")
    return pairs


def _school_addresses(prefix: str) -> list[str]:
    """The addresses the kit names: data/school_links.yml read here, not by the code under test."""
    entries = yaml.safe_load((ROOT / "data" / "school_links.yml").read_text(encoding="utf-8"))
    return [TEST_SITE_URL + prefix + (e.get("path") or "") for e in entries]


def test_each_poster_qr_code_is_its_topic_page_address(pdf_site, tmp_path):
    _need_poppler()
    site, made, _ = pdf_site
    posters = [p for p in made if p.name == "ap-phich-a4.pdf"]
    assert len(posters) == 20
    for pdf in posters:
        rel = pdf.relative_to(site).as_posix()
        lang = "en" if rel.startswith("en/") else "vi"
        [[code]] = _codes_by_page(pdf, POSTER_DPI, tmp_path)          # one page, one code
        assert code.matrix == qr.matrix_of(kit_poster.topic_url(TEST_SITE_URL, lang, pdf.parent.name)), rel
        # The reading is exact enough to tell one address from another (the test can fail).
        other = "an-toan-tren-mang" if pdf.parent.name != "an-toan-tren-mang" else "lao-dong-tre-em"
        assert code.matrix != qr.matrix_of(kit_poster.topic_url(TEST_SITE_URL, lang, other)), rel


@pytest.mark.parametrize("lang,prefix", [("vi", ""), ("en", "en/")])
def test_each_school_kit_qr_code_is_the_address_printed_under_it(pdf_site, tmp_path, lang, prefix):
    _need_poppler()
    site, _, _ = pdf_site
    pdf = site / prefix / "nha-truong" / make_pdf.PAGES["nha-truong/"]
    pairs = school_kit_codes(pdf, lang, tmp_path)
    expected = _school_addresses(prefix)
    assert [address for address, _ in pairs] == expected      # every entry, in order, once
    for address, code in pairs:
        assert code.matrix == qr.matrix_of(address), f"{pdf.name}: the code above {address} is not it"
        for other in expected:                                # no code reads as another entry's
            if other != address:
                assert code.matrix != qr.matrix_of(other), (address, other)


def test_a_code_printed_above_the_wrong_address_is_caught(pdf_site, browser, tmp_path):
    """The school kit with its first two codes swapped, printed like `make pdf` prints it:
    every code is still found and read, and the two swapped ones do not match their addresses."""
    _need_poppler()
    site, _, _ = pdf_site
    page = (site / "nha-truong" / "index.html").read_text(encoding="utf-8")
    svgs = list(re.finditer(r'(<figure class="school-link__qr"[^>]*>)(<svg .*?</svg>)', page, re.S))
    assert len(svgs) >= 2
    first, second = svgs[0], svgs[1]
    swapped = (page[:first.start(2)] + second.group(2) + page[first.end(2):second.start(2)]
               + first.group(2) + page[second.end(2):])
    context = browser.new_context(java_script_enabled=False)
    try:
        make_pdf._serve_from_folder(context, site, TEST_SITE_URL, {"nha-truong/swapped.html": swapped})
        tab = context.new_page()
        assert tab.goto(TEST_SITE_URL + "nha-truong/swapped.html").status == 200
        data = tab.pdf(format="Letter", prefer_css_page_size=True, print_background=True)
    finally:
        context.close()
    pdf = tmp_path / "swapped.pdf"
    pdf.write_bytes(data)
    pairs = school_kit_codes(pdf, "vi", tmp_path)
    expected = _school_addresses("")
    assert [address for address, _ in pairs] == expected
    wrong = [address for address, code in pairs if code.matrix != qr.matrix_of(address)]
    assert wrong == expected[:2]
    assert pairs[0][1].matrix == qr.matrix_of(expected[1]) and pairs[1][1].matrix == qr.matrix_of(expected[0])
