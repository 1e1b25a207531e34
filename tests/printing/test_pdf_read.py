"""The PDF reading of test_browser_print.py (pypdf) on a PDF made here: size, text, and a font
that is not embedded (the standard Helvetica every reader is assumed to have) is reported."""

from __future__ import annotations

import pytest
from pypdf.errors import PdfReadError

from test_browser_print import read_pdf


def _pdf(content: bytes, width: int = 595, height: int = 842) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % (width, height),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_size_text_and_unembedded_font():
    pages = read_pdf(_pdf(b"BT /F1 24 Tf 72 700 Td (Call 111) Tj ET", 612, 792))
    assert len(pages) == 1
    page = pages[0]
    assert (page.number, page.width, page.height) == (1, 612.0, 792.0)
    assert page.text.strip() == "Call 111"
    assert page.unembedded_fonts == ("/Helvetica",)


def test_a_broken_file_is_an_error_not_an_empty_result():
    with pytest.raises(PdfReadError):
        read_pdf(b"%PDF-1.4\nthis is not a PDF")
