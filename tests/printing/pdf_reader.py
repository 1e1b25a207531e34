"""Read the pages of a PDF printed by Chromium: each page's size and its text.

The test machines have no PDF library (no pypdf) and no poppler-utils (no pdftotext), so this
is a small reader for what the print tests need, standard library only. It understands the
PDF that Chromium (Skia) writes: uncompressed or Flate-compressed streams, a page tree,
Type0/TrueType/Type3 fonts with a ToUnicode map, text shown with Tj, TJ, ' and ", and text
inside form XObjects. It does not try to handle encryption, object streams or cross-reference
streams; such a file is refused with a clear error rather than read wrongly.

    python tests/printing/pdf_reader.py file.pdf      # print each page's size and text
"""

from __future__ import annotations

import re
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path


class PdfError(ValueError):
    """The file is not a PDF this reader can read; the message says why (vi / en)."""


@dataclass(frozen=True)
class Ref:
    num: int


@dataclass(frozen=True)
class Name:
    value: str


@dataclass
class Stream:
    info: dict
    raw: bytes


@dataclass
class PdfPage:
    number: int                 # 1-based
    width: float                # points (1/72 inch)
    height: float
    text: str                   # NFC, lines separated by "\n"

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


# ------------------------------------------------------------------------------------------
# Tokens and objects
# ------------------------------------------------------------------------------------------

_WS = b" \t\r\n\f\x00"
_DELIM = b"()<>[]{}/%"
_NUMBER = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)$")
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b",
            ord("f"): b"\f", ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}


class _Op(str):
    """A content-stream operator or a bare keyword (obj, R, true…)."""


def _tokens(data: bytes, pos: int = 0):
    """Yield (token, end) pairs: numbers, Name, bytes (strings), "[", "]", "<<", ">>", _Op."""
    n = len(data)
    while pos < n:
        c = data[pos]
        if c in _WS:
            pos += 1
        elif c == 0x25:  # % comment
            end = data.find(b"\n", pos)
            pos = n if end < 0 else end + 1
        elif c == 0x2F:  # /Name
            end = pos + 1
            while end < n and data[end] not in _WS and data[end] not in _DELIM:
                end += 1
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                          data[pos + 1:end])
            yield Name(name.decode("latin-1")), end
            pos = end
        elif data.startswith(b"<<", pos) or data.startswith(b">>", pos):
            yield data[pos:pos + 2].decode(), pos + 2
            pos += 2
        elif c == 0x3C:  # <hex string>
            end = data.find(b">", pos)
            if end < 0:
                raise PdfError("chuỗi hex không đóng / unterminated hex string")
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", data[pos + 1:end])
            if len(digits) % 2:
                digits += b"0"
            yield bytes.fromhex(digits.decode()), end + 1
            pos = end + 1
        elif c == 0x28:  # (literal string)
            out, depth, i = bytearray(), 1, pos + 1
            while i < n and depth:
                ch = data[i]
                if ch == 0x5C and i + 1 < n:  # backslash
                    nxt = data[i + 1]
                    if nxt in _ESCAPES:
                        out += _ESCAPES[nxt]
                        i += 2
                    elif 0x30 <= nxt <= 0x37:
                        octal = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4]).group(0)
                        out.append(int(octal, 8) & 0xFF)
                        i += 1 + len(octal)
                    elif nxt in b"\r\n":
                        i += 3 if data[i + 1:i + 3] == b"\r\n" else 2
                    else:
                        out.append(nxt)
                        i += 2
                    continue
                if ch == 0x28:
                    depth += 1
                elif ch == 0x29:
                    depth -= 1
                    if not depth:
                        break
                out.append(ch)
                i += 1
            if depth:
                raise PdfError("chuỗi không đóng / unterminated string")
            yield bytes(out), i + 1
            pos = i + 1
        elif c in b"[]{}":
            yield chr(c), pos + 1
            pos += 1
        else:
            end = pos
            while end < n and data[end] not in _WS and data[end] not in _DELIM:
                end += 1
            if end == pos:  # a stray ")" or ">": skip it
                pos += 1
                continue
            word = data[pos:end]
            if _NUMBER.match(word):
                yield (float(word) if b"." in word else int(word)), end
            else:
                yield _Op(word.decode("latin-1")), end
            pos = end


def _refs(items: list) -> list:
    """Fold "12 0 R" triples inside an array into Ref(12)."""
    out: list = []
    for item in items:
        if isinstance(item, _Op) and item == "R" and len(out) >= 2 \
                and isinstance(out[-1], int) and isinstance(out[-2], int):
            gen = out.pop()  # noqa: F841 (generation number, not needed)
            out.append(Ref(out.pop()))
        else:
            out.append(item)
    return out


def _build(tok, tokens):
    """The object that starts with token `tok`; "N G R" triples become Ref(N)."""
    if tok == "<<":
        flat: list = []
        for t, _ in tokens:
            if t == ">>":
                break
            flat.append(_build(t, tokens))
        else:
            raise PdfError("từ điển không đóng / unterminated dictionary")
        flat = _refs(flat)
        if len(flat) % 2:
            raise PdfError("từ điển lẻ phần tử / dictionary with a key and no value")
        result = {}
        for key, value in zip(flat[0::2], flat[1::2]):
            if not isinstance(key, Name):
                raise PdfError("khóa của từ điển không phải tên / dictionary key is not a name")
            result[key.value] = value
        return result
    if tok == "[":
        items = []
        for t, _ in tokens:
            if t == "]":
                return _refs(items)
            items.append(_build(t, tokens))
        raise PdfError("mảng không đóng / unterminated array")
    return tok


# ------------------------------------------------------------------------------------------
# The file: objects, streams, page tree
# ------------------------------------------------------------------------------------------

_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")


class PdfFile:
    def __init__(self, data: bytes, name: str = "<pdf>"):
        self.name = name
        if not data.startswith(b"%PDF-"):
            raise PdfError(f"{name}: không phải tệp PDF / not a PDF file (no %PDF- header)")
        self.objects: dict[int, object] = {}
        self._read_objects(data)
        self.trailer = self._read_trailer(data)
        if "Encrypt" in self.trailer:
            raise PdfError(f"{name}: PDF được mã hóa / encrypted PDFs are not supported")

    def _fail(self, what: str) -> PdfError:
        return PdfError(f"{self.name}: {what}")

    def _read_objects(self, data: bytes) -> None:
        pos = 0
        while True:
            m = _OBJ.search(data, pos)
            if not m:
                break
            num = int(m.group(1))
            tokens = _tokens(data, m.end())
            try:
                tok, end = next(tokens)
                value = _build(tok, tokens)
            except StopIteration:
                raise self._fail(f"đối tượng {num} bị cắt cụt / object {num} is truncated")
            except PdfError as exc:
                raise self._fail(f"đối tượng {num} / object {num}: {exc}") from None
            # What follows the value: "stream" or "endobj".
            rest = re.compile(rb"\s*(stream\r?\n|endobj)").match(data, self._end_of_value(data, m.end()))
            if rest and rest.group(1).startswith(b"stream") and isinstance(value, dict):
                start = rest.end()
                length = value.get("Length")
                if isinstance(length, Ref):
                    length = self._late_length(data, length.num)
                if not isinstance(length, int) or start + length > len(data):
                    raise self._fail(f"luồng {num} có /Length sai / stream {num} has a bad /Length")
                value = Stream(value, data[start:start + length])
                pos = start + length
            else:
                pos = m.end() + 1
            self.objects[num] = value
            end_obj = data.find(b"endobj", pos)
            pos = pos if end_obj < 0 else end_obj + 6

    @staticmethod
    def _end_of_value(data: bytes, pos: int) -> int:
        tokens = _tokens(data, pos)
        tok, end = next(tokens)
        depth = 1 if tok in ("<<", "[") else 0
        while depth:
            tok, end = next(tokens)
            if tok in ("<<", "["):
                depth += 1
            elif tok in (">>", "]"):
                depth -= 1
        return end

    def _late_length(self, data: bytes, num: int) -> int | None:
        m = re.search(rb"\b%d\s+0\s+obj\s+(\d+)\s+endobj" % num, data)
        return int(m.group(1)) if m else None

    def _read_trailer(self, data: bytes) -> dict:
        at = data.rfind(b"trailer")
        if at < 0:
            if b"/Type /XRef" in data or b"/Type/XRef" in data:
                raise self._fail("dùng luồng tham chiếu chéo, chưa hỗ trợ / cross-reference "
                                 "streams are not supported")
            raise self._fail("không có trailer / no trailer found")
        tokens = _tokens(data, at + len(b"trailer"))
        tok, _ = next(tokens)
        trailer = _build(tok, tokens)
        if not isinstance(trailer, dict) or not isinstance(trailer.get("Root"), Ref):
            raise self._fail("trailer không có /Root / the trailer has no /Root")
        return trailer

    def get(self, value):
        seen = 0
        while isinstance(value, Ref):
            value = self.objects.get(value.num)
            seen += 1
            if seen > 32:
                raise self._fail("vòng lặp tham chiếu / reference loop")
        return value

    def data(self, stream: Stream) -> bytes:
        filters = self.get(stream.info.get("Filter"))
        if filters is None:
            return stream.raw
        if isinstance(filters, Name):
            filters = [filters]
        out = stream.raw
        for f in filters:
            f = self.get(f)
            if f.value != "FlateDecode":
                raise self._fail(f"bộ lọc {f.value} chưa hỗ trợ / filter {f.value} is not supported")
            try:
                out = zlib.decompress(out)
            except zlib.error as exc:
                raise self._fail(f"luồng nén hỏng / broken Flate stream: {exc}") from None
        return out

    # Page tree --------------------------------------------------------------------------

    def page_dicts(self) -> list[tuple[dict, dict]]:
        """Each page's dictionary with its inherited attributes, in reading order."""
        root = self.get(self.trailer["Root"])
        if not isinstance(root, dict) or "Pages" not in root:
            raise self._fail("danh mục không có /Pages / the catalog has no /Pages")
        pages: list[tuple[dict, dict]] = []

        def walk(node_ref, inherited: dict, depth: int) -> None:
            node = self.get(node_ref)
            if depth > 64 or not isinstance(node, dict):
                raise self._fail("cây trang hỏng / broken page tree")
            here = dict(inherited)
            for key in ("MediaBox", "Resources", "CropBox"):
                if key in node:
                    here[key] = node[key]
            if self.get(node.get("Type")) == Name("Pages") or "Kids" in node:
                for kid in self.get(node.get("Kids")) or []:
                    walk(kid, here, depth + 1)
            else:
                pages.append((node, here))

        walk(root["Pages"], {}, 0)
        return pages


# ------------------------------------------------------------------------------------------
# Fonts and text
# ------------------------------------------------------------------------------------------

@dataclass
class _Font:
    code_bytes: int
    to_unicode: dict[bytes, str]

    def decode(self, raw: bytes) -> str:
        out = []
        step = self.code_bytes
        for i in range(0, len(raw) - step + 1, step):
            code = raw[i:i + step]
            out.append(self.to_unicode.get(code, ""))
        return "".join(out)


def _utf16(raw: bytes) -> str:
    return raw.decode("utf-16-be", errors="replace")


def parse_cmap(data: bytes) -> tuple[int, dict[bytes, str]]:
    """A ToUnicode CMap: (code length in bytes, code -> text)."""
    mapping: dict[bytes, str] = {}
    code_bytes = 0
    text = data
    m = re.search(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>", text)
    if m:
        code_bytes = len(m.group(1)) // 2
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        pairs = re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block)
        for src, dst in pairs:
            mapping[bytes.fromhex(src.decode())] = _utf16(bytes.fromhex(dst.decode()))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            width = len(lo) // 2
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if rest.startswith(b"["):
                dsts = re.findall(rb"<([0-9A-Fa-f]*)>", rest)
                for k, dst in enumerate(dsts[: hi_i - lo_i + 1]):
                    mapping[(lo_i + k).to_bytes(width, "big")] = _utf16(bytes.fromhex(dst.decode()))
            else:
                base = bytes.fromhex(rest[1:-1].decode())
                for k in range(hi_i - lo_i + 1):
                    dst = base[:-2] + (int.from_bytes(base[-2:], "big") + k).to_bytes(2, "big") \
                        if len(base) >= 2 else base
                    mapping[(lo_i + k).to_bytes(width, "big")] = _utf16(dst)
    if not code_bytes:
        code_bytes = len(next(iter(mapping))) if mapping else 1
    return code_bytes, mapping


class _TextCollector:
    def __init__(self, pdf: PdfFile):
        self.pdf = pdf
        self._fonts: dict[int, _Font] = {}
        self.parts: list[str] = []
        self._last_y: float | None = None

    def font(self, ref_or_dict) -> _Font:
        key = ref_or_dict.num if isinstance(ref_or_dict, Ref) else id(ref_or_dict)
        if key in self._fonts:
            return self._fonts[key]
        font = self.pdf.get(ref_or_dict) or {}
        code_bytes = 2 if self.pdf.get(font.get("Subtype")) == Name("Type0") else 1
        mapping: dict[bytes, str] = {}
        cmap = self.pdf.get(font.get("ToUnicode"))
        if isinstance(cmap, Stream):
            code_bytes, mapping = parse_cmap(self.pdf.data(cmap))
        elif code_bytes == 1:  # a simple font without a map: assume Latin-1 codes
            mapping = {bytes([i]): chr(i) for i in range(32, 256)}
        self._fonts[key] = _Font(code_bytes, mapping)
        return self._fonts[key]

    def _emit(self, text: str, y: float | None) -> None:
        if y is not None and self._last_y is not None and abs(y - self._last_y) > 0.5:
            self.parts.append("\n")
        if y is not None:
            self._last_y = y
        self.parts.append(text)

    def run(self, content: bytes, resources: dict, depth: int = 0) -> None:
        if depth > 16:
            raise self.pdf._fail("XObject lồng quá sâu / form XObjects nested too deeply")
        resources = self.pdf.get(resources) or {}
        fonts = self.pdf.get(resources.get("Font")) or {}
        xobjects = self.pdf.get(resources.get("XObject")) or {}
        font: _Font | None = None
        operands: list = []
        y: float | None = None
        tokens = _tokens(content)
        for tok, _ in tokens:
            if tok in ("[", "<<"):
                operands.append(_build(tok, tokens))
                continue
            if not isinstance(tok, _Op):
                operands.append(tok)
                continue
            op = str(tok)
            if op == "BI":  # inline image: skip its data up to EI
                for t, _ in tokens:
                    if isinstance(t, _Op) and t == "EI":
                        break
            elif op == "Tf" and len(operands) >= 2 and isinstance(operands[-2], Name):
                ref = fonts.get(operands[-2].value)
                font = self.font(ref) if ref is not None else None
            elif op == "Tm" and len(operands) >= 6:
                y = float(operands[-1])
            elif op in ("Td", "TD") and len(operands) >= 2:
                y = (y or 0.0) + float(operands[-1])
            elif op == "T*":
                y = (y or 0.0) - 1.0
            elif op in ("Tj", "'", '"') and operands and isinstance(operands[-1], bytes):
                if font:
                    self._emit(font.decode(operands[-1]), y)
            elif op == "TJ" and operands and isinstance(operands[-1], list):
                if font:
                    pieces = []
                    for item in operands[-1]:
                        if isinstance(item, bytes):
                            pieces.append(font.decode(item))
                        elif isinstance(item, (int, float)) and item < -250:
                            pieces.append(" ")
                    self._emit("".join(pieces), y)
            elif op == "Do" and operands and isinstance(operands[-1], Name):
                xobject = self.pdf.get(xobjects.get(operands[-1].value))
                if isinstance(xobject, Stream) and \
                        self.pdf.get(xobject.info.get("Subtype")) == Name("Form"):
                    inner = xobject.info.get("Resources", resources)
                    self.run(self.pdf.data(xobject), inner, depth + 1)
            elif op == "ET":
                pass
            operands = []

    def text(self) -> str:
        return unicodedata.normalize("NFC", "".join(self.parts))


def read_pdf(data: bytes, name: str = "<pdf>") -> list[PdfPage]:
    """Every page of the PDF, in order, with its size in points and its text."""
    pdf = PdfFile(data, name)
    pages = []
    for number, (page, inherited) in enumerate(pdf.page_dicts(), 1):
        box = pdf.get(inherited.get("MediaBox"))
        if not (isinstance(box, list) and len(box) == 4):
            raise pdf._fail(f"trang {number} không có /MediaBox / page {number} has no /MediaBox")
        x0, y0, x1, y1 = (float(pdf.get(v)) for v in box)
        contents = pdf.get(page.get("Contents"))
        streams = contents if isinstance(contents, list) else [contents] if contents else []
        collector = _TextCollector(pdf)
        for stream in streams:
            stream = pdf.get(stream)
            if isinstance(stream, Stream):
                collector.run(pdf.data(stream), inherited.get("Resources") or {})
        pages.append(PdfPage(number, abs(x1 - x0), abs(y1 - y0), collector.text()))
    if not pages:
        raise pdf._fail("không có trang nào / the PDF has no pages")
    return pages


def read_pdf_file(path: Path) -> list[PdfPage]:
    return read_pdf(Path(path).read_bytes(), str(path))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("Cách dùng / usage: python tests/printing/pdf_reader.py FILE.pdf", file=sys.stderr)
        return 2
    try:
        pages = read_pdf_file(Path(args[0]))
    except (OSError, PdfError) as exc:
        print(exc, file=sys.stderr)
        return 1
    for page in pages:
        print(f"--- trang / page {page.number}: {page.width:.1f} x {page.height:.1f} pt")
        print(page.text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
