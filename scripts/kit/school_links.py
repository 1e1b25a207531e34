"""The pages schools use most (data/school_links.yml), rendered for the school kit (/nha-truong/).

One list in data drives both the links and their QR codes: each entry names a page by its path;
the link text is that page's own title (its front matter), and the QR code encodes the page's
absolute address in the language being built. Adding a page to the kit = adding an entry.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import yaml

from scripts.kit import qr
from scripts.core.escaping import markdown_text
from scripts.core.front_matter import split_front_matter

ROOT = Path(__file__).resolve().parents[2]
LINKS_FILE = ROOT / "data" / "school_links.yml"
DOCS = ROOT / "docs"
LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
MARKER = "<!-- school-links -->"
# "<!-- school-url:hoi-dap-cha-me -->" in a kit page becomes that entry's absolute address, so
# that ready-to-paste texts (newsletter) carry the real published address.
_URL_MARKER = re.compile(r"<!-- school-url:([a-z0-9-]+) -->")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PATH = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*$")    # "" (home) or "hoi-dap/cha-me/"

TEXT = {
    "vi": {"qr": "Mã QR tới trang", "download": "Tải mã QR (tệp SVG)", "address": "Địa chỉ"},
    "en": {"qr": "QR code for the page", "download": "Download the QR code (SVG file)",
           "address": "Address"},
}


class DataError(ValueError):
    """Invalid data file; the message names the file and line and says how to fix it (vi / en)."""


@dataclass(frozen=True)
class SchoolLink:
    id: str
    path: str                      # site path without language prefix: "" or "hoi-dap/cha-me/"
    use: dict[str, str]            # what a school uses the page for, per language
    line: int

    def source(self, lang: str, docs: Path = DOCS) -> Path:
        return docs / lang / self.path / "index.md"

    def title(self, lang: str, docs: Path = DOCS) -> str:
        page = self.source(lang, docs)
        try:
            meta, _, _ = split_front_matter(page.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError) as exc:
            reason = str(exc).splitlines()[0]
            raise DataError(f"{page}: không đọc được phần đầu trang ({reason}); sửa theo check_content.py / "
                            f"cannot read the page's front matter ({reason}); fix it as "
                            f"scripts/content/check_content.py says") from None
        return str(meta.get("title") or "").strip()

    def url(self, site_url: str, lang: str) -> str:
        """Absolute address of the page in `lang` (English lives under /en/)."""
        prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
        base = site_url if site_url.endswith("/") else site_url + "/"
        return urljoin(base, prefix + self.path)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping (for error messages)."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_links(path: Path = LINKS_FILE, docs: Path = DOCS) -> list[SchoolLink]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start}); lưu lại bằng UTF-8 / "
                        f"the file is not UTF-8 (bad byte at offset {exc.start}); save it as UTF-8") from None
    except (OSError, yaml.YAMLError, ValueError, RecursionError) as exc:  # a date like 2024-02-31; [[[[…
        raise DataError(f"{path}: không đọc được tệp / cannot read the file: {exc}") from exc
    if not isinstance(raw, list) or not raw:
        raise DataError(f"{path}: cần một danh sách các trang / expected a non-empty list of pages")
    links: list[SchoolLink] = []
    for item in raw:
        if not isinstance(item, dict):
            raise DataError(f"{path}: mỗi mục cần id, path, use / each entry needs id, path, use")
        line = item.get("__line__", 0)
        where = f"{path}:{line}"
        lid, page = str(item.get("id", "")), item.get("path")
        if not _ID.match(lid):
            raise DataError(f"{where}: id '{lid}' không hợp lệ — chữ thường không dấu, số, gạch "
                            f"ngang / invalid id '{lid}' — lower-case ASCII letters, digits, hyphens")
        page = "" if page in (None, "", "/") else str(page)
        if not _PATH.match(page):
            raise DataError(f"{where} ({lid}): path '{page}' không hợp lệ — viết như "
                            f"'hoi-dap/cha-me/' (không dấu, kết thúc bằng /) / invalid path — write "
                            f"it like 'hoi-dap/cha-me/' (ASCII, ending with /), '' for the home page")
        use = item.get("use")
        if not isinstance(use, dict) or any(not str(use.get(lang) or "").strip() for lang in LANGS):
            raise DataError(f"{where} ({lid}): thiếu 'use' tiếng Việt hoặc tiếng Anh / "
                            f"'use' needs both 'vi' and 'en' text")
        link = SchoolLink(id=lid, path=page, use={k: str(use[k]).strip() for k in LANGS}, line=line)
        for lang in LANGS:
            if not link.source(lang, docs).is_file():
                raise DataError(
                    f"{where} ({lid}): trang {link.source(lang, docs).relative_to(docs.parent)} "
                    f"chưa có — tạo trang trước hoặc bỏ mục này / that page does not exist yet — "
                    f"create it first or leave the entry out")
            if not link.title(lang, docs):
                raise DataError(f"{where} ({lid}): trang {link.source(lang, docs)} thiếu 'title' / "
                                f"the page has no title in its front matter")
        links.append(link)
    ids = [l.id for l in links]
    paths = [l.path for l in links]
    for name, values in (("id", ids), ("path", paths)):
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            raise DataError(f"{path}: {name} bị lặp / duplicate {name}: {', '.join(dupes)}")
    return links


def _relative_link(from_path: str, to_path: str) -> str:
    """Markdown link from the page at site path `from_path` to the page at `to_path`
    (both relative to the language folder), so MkDocs checks it at build time."""
    depth = len([p for p in from_path.split("/") if p])
    return "../" * depth + to_path + "index.md"


def render(links: list[SchoolLink], lang: str, site_url: str, page_path: str,
           docs: Path = DOCS) -> str:
    """The kit's list of stable links with their QR codes, as Markdown with inline SVG.
    Titles and uses are text: escaped where they enter the Markdown (scripts/core/escaping.py)."""
    t = TEXT[lang]
    parts = ['<ul class="school-links" markdown>']
    for link in links:
        title = link.title(lang, docs)
        url = link.url(site_url, lang)
        code = qr.svg(url, f"{t['qr']}: {title}")
        data = base64.b64encode(code.encode("utf-8")).decode("ascii")
        parts.append(
            f'<li class="school-link" id="lien-ket-{link.id}" markdown="block">\n\n'
            f"**[{markdown_text(title)}]({_relative_link(page_path, link.path)})**\n\n"
            f"{markdown_text(link.use[lang])}\n\n"
            f'<figure class="school-link__qr" data-url="{html.escape(url)}">{code}'
            f'<figcaption>{t["address"]}: <code>{html.escape(url)}</code></figcaption></figure>\n\n'
            f'<a class="school-link__download" href="data:image/svg+xml;base64,{data}" '
            f'download="qr-{link.id}-{lang}.svg">{t["download"]}</a>\n\n'
            "</li>"
        )
    parts.append("</ul>")
    return "\n".join(parts)


def fill(markdown: str, lang: str, site_url: str, page_path: str, source: str,
         links: list[SchoolLink] | None = None, first_line: int = 1) -> str:
    """Put the rendered list where the page has MARKER (a kit page without it is an error),
    and each entry's absolute address where the page has <!-- school-url:ID -->.
    `first_line`: the line of the source file where `markdown` starts (after front matter)."""
    if MARKER not in markdown:
        raise DataError(f"{source}: thiếu dòng {MARKER} (chỗ đặt danh sách liên kết) / "
                        f"the line {MARKER} (where the list of links goes) is missing")
    links = load_links() if links is None else links
    by_id = {link.id: link for link in links}

    def address(m: re.Match) -> str:
        link = by_id.get(m.group(1))
        if link is None:
            line = markdown.count("\n", 0, m.start()) + first_line
            raise DataError(f"{source}:{line}: '{m.group(1)}' không có trong {LINKS_FILE.name} / "
                            f"no entry '{m.group(1)}' in {LINKS_FILE.name} — use one of: "
                            f"{', '.join(by_id)}")
        url = link.url(site_url, lang)
        return f"[{url}]({_relative_link(page_path, link.path)})"

    markdown = _URL_MARKER.sub(address, markdown)
    return markdown.replace(MARKER, render(links, lang, site_url, page_path), 1)
