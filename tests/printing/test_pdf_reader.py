"""tests/printing/pdf_reader.py, the small PDF reader the print tests use, on PDFs built by hand."""

from __future__ import annotations

import zlib

import pytest

from pdf_reader import PdfError, main, parse_cmap, read_pdf

# A ToUnicode map for a two-byte (Identity-H) font: 0001 "T", 0002 "ổ", 0003 " ",
# 0004..0006 "1", "2", "3" (a range), 0007 "đ".
CMAP = b"""/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
4 beginbfchar
<0001> <0054>
<0002> <1ED5>
<0003> <0020>
<0007> <0111>
endbfchar
1 beginbfrange
<0004> <0006> <0031>
endbfrange
endcmap
end"""


def build_pdf(objects: dict[int, bytes | tuple[bytes, bytes]], root: int = 1) -> bytes:
    """A PDF from numbered objects: bytes for a plain object, (dict, data) for a stream."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    for num, body in objects.items():
        out += b"%d 0 obj\n" % num
        if isinstance(body, tuple):
            info, data = body
            out += b"<</Length %d " % len(data) + info[2:]
            out += b"\nstream\n" + data + b"\nendstream\n"
        else:
            out += body + b"\n"
        out += b"endobj\n"
    out += b"trailer\n<</Size %d /Root %d 0 R>>\nstartxref\n0\n%%%%EOF\n" % (len(objects) + 1, root)
    return bytes(out)


def sample(page2: bytes = b"0 0 10 10 re f", compress: bool = True) -> bytes:
    page1 = (b"BT /F1 12 Tf 1 0 0 -1 10 20 Tm <0001000200030004> Tj ET\n"
             b"BT /F1 12 Tf 1 0 0 -1 10 40 Tm [<0005> -600 <0006>] TJ ET\n"
             b"/X1 Do")
    form = b"BT /F1 12 Tf 1 0 0 -1 10 60 Tm <0007> Tj ET"
    flate = b"<</Filter /FlateDecode>>" if compress else b"<<>>"
    pack = zlib.compress if compress else (lambda d: d)
    return build_pdf({
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595.28 841.89]>>",
        3: b"<</Type /Page /Parent 2 0 R /Contents 5 0 R /Resources <</Font <</F1 7 0 R>> "
           b"/XObject <</X1 9 0 R>>>>>>",
        4: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [6 0 R] "
           b"/Resources <<>>>>",
        5: (flate, pack(page1)),
        6: (flate, pack(page2)),
        7: b"<</Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 8 0 R>>",
        8: (b"<<>>", CMAP),
        9: (b"<</Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources <</Font <</F1 7 0 R>>>>>>",
            form),
    })


@pytest.mark.parametrize("compress", [True, False])
def test_reads_sizes_and_text_in_page_order(compress):
    first, second = read_pdf(sample(compress=compress))
    assert (first.number, round(first.width, 2), round(first.height, 2)) == (1, 595.28, 841.89)
    assert (second.width, second.height) == (612, 792)   # the page's own box beats the parent's
    assert first.text == "Tổ 1\n2 3\nđ"                   # TJ gap -> space; form XObject text read
    assert not first.is_blank


def test_a_page_that_only_draws_shapes_is_blank():
    assert read_pdf(sample())[1].is_blank


def test_undecodable_text_and_empty_pages_count_as_blank():
    # Text in a font the page does not define cannot be read: treated as blank, so a print
    # test fails loudly instead of passing on text it could not check.
    assert read_pdf(sample(page2=b"BT /F9 9 Tf (x) Tj ET"))[1].is_blank
    assert read_pdf(sample(page2=b""))[1].is_blank


def test_simple_font_without_map_reads_literal_strings_with_escapes():
    content = rb"BT /F2 10 Tf 1 0 0 1 0 0 Tm (a\(b\) \\ c\101) Tj ET"
    pdf = build_pdf({
        1: b"<</Type /Catalog /Pages 2 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        3: b"<</Type /Page /MediaBox [0 0 100 100] /Contents 4 0 R "
           b"/Resources <</Font <</F2 5 0 R>>>>>>",
        4: (b"<<>>", content),
        5: b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
    })
    assert read_pdf(pdf)[0].text == "a(b) \\ cA"


def test_cmap_ranges_with_arrays_and_code_length():
    size, mapping = parse_cmap(b"1 begincodespacerange <00> <FF> endcodespacerange\n"
                               b"1 beginbfrange <41> <42> [<0066006C> <1EA1>] endbfrange")
    assert size == 1
    assert mapping == {b"A": "fl", b"B": "ạ"}


@pytest.mark.parametrize("data,message", [
    (b"", "not a PDF"),
    (b"<html>not a pdf</html>", "not a PDF"),
    (b"%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\n", "no trailer"),
    (b"%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\ntrailer\n<</Size 2>>\n",
     "no /Root"),
    (b"%PDF-1.4\n1 0 obj\n<</Length 999>>\nstream\nabc\nendstream\nendobj\n", "bad /Length"),
    (b"%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R\nendobj\n", "object 1"),
    (b"%PDF-1.5\n1 0 obj\n<</Type /XRef>>\nendobj\n", "cross-reference streams"),
])
def test_bad_files_raise_a_clear_error(data, message):
    with pytest.raises(PdfError, match=message) as info:
        read_pdf(data, "broken.pdf")
    assert "broken.pdf" in str(info.value)


def test_a_pdf_without_pages_is_refused():
    pdf = build_pdf({1: b"<</Type /Catalog /Pages 2 0 R>>", 2: b"<</Type /Pages /Kids []>>"})
    with pytest.raises(PdfError, match="no pages"):
        read_pdf(pdf)


def test_encrypted_files_are_refused():
    pdf = sample().replace(b"/Root 1 0 R>>", b"/Root 1 0 R /Encrypt 1 0 R>>")
    with pytest.raises(PdfError, match="encrypted"):
        read_pdf(pdf)


def test_main_exit_codes(tmp_path, capsys):
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(sample())
    bad.write_bytes(b"nope")
    assert main([str(good)]) == 0
    assert "Tổ 1" in capsys.readouterr().out
    assert main([str(bad)]) == 1
    assert "bad.pdf" in capsys.readouterr().err
    assert main([]) == 2
    assert main([str(tmp_path / "missing.pdf")]) == 1
