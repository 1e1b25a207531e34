"""`make pdf` (scripts/printing/make_pdf.py) on a fresh build of the real site: every PDF opens,
is A4, carries the hotline and its addresses as real text with embedded fonts, stays within its
size budget, and is linked with its size from its page; without `make pdf` there is no link."""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import TEST_SITE_URL, build_site
from scripts.printing import make_pdf
from test_browser_print import _unembedded_fonts

pytestmark = pytest.mark.browser

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
        assert len(reader.pages) == 1 if poster else len(reader.pages) >= 1, rel
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
