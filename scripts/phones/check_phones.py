"""Phone numbers in the data files that become pages: every text of data/**/*.yml, of
mkdocs.yml (the site's description and the menu titles are on every page) and the words written
by hand in the theme's templates (overrides/**/*.html).

    python scripts/phones/check_phones.py                   # data/ of this repository
    python scripts/phones/check_phones.py data/communication_kit/an-toan-tren-mang.yml
    python scripts/phones/check_phones.py --format github

The rules are those of scripts/phones/phone_text.py, the ONE phone rule set: every phone-like
number (digits, "1-1-2", "một – một – hai", "one one two", tel:/sms: links) must be in
data/phones.yml, a text that names a service gives that service's own number, and a reading cue
reads the number it follows. Markdown pages get the same rules from
scripts/content/check_content.py; the build runs this check too (scripts/phones/hook_phones.py),
so a wrong number in the communication kit, a `when` text, the school kit or a task title stops
the build. Each message names the file and line, in Vietnamese and English, with the fix.
Exit codes: 0 clean, 1 problems found, 2 misuse.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Misuse, Problem, Text  # noqa: E402
from scripts.core.data_text import DataTextError, data_files, texts_of  # noqa: E402
from scripts.phones.phone_text import check_text  # noqa: E402
from scripts.phones.registry import PHONES_FILE, DataError, Phone, load_phones  # noqa: E402

TOOL = "check_phones"


def check_data_file(path: Path, registry: list[Phone], root: Path = ROOT) -> list[Problem]:
    """Phone problems in one data file, each at its source line."""
    shown = checkkit.display_path(path, root)
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [Problem(shown, 0, "file.encoding",
                        Text(f"Tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start}).",
                             f"The file is not UTF-8 (bad byte at offset {exc.start})."),
                        Text("Lưu lại tệp với bảng mã UTF-8.", "Save the file again as UTF-8."))]
    except OSError as exc:
        return [Problem(shown, 0, "file.unreadable",
                        Text(f"Không đọc được tệp: {exc.strerror or exc}.", f"Cannot read the file: {exc.strerror or exc}."),
                        Text("Kiểm tra tệp còn tồn tại và có quyền đọc.", "Check that the file exists and is readable."))]
    try:
        texts = texts_of(source)
    except DataTextError as exc:
        return [exc.problem(shown)]
    problems = []
    for text in texts:
        for f in check_text(text.value, registry):
            problems.append(Problem(shown, text.line_at(f.start), f.code,
                                    Text(f"{f.what.vi} (trường '{text.field}')", f"{f.what.en} (field '{text.field}')"),
                                    f.fix))
    return problems


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_LINK_FROM_DATA = re.compile(r"(?:tel|sms|callto):\s", re.IGNORECASE)


def check_template(path: Path, registry: list[Phone], root: Path = ROOT) -> list[Problem]:
    """Numbers written by hand in a theme template (overrides/**/*.html); what the template takes
    from data ({{ config.extra.hotline.number }}) comes from the registry and is left out."""
    shown = checkkit.display_path(path, root)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(shown, 0, "file.unreadable",
                        Text(f"Không đọc được tệp: {exc}.", f"Cannot read the file: {exc}."),
                        Text("Lưu lại tệp với bảng mã UTF-8.", "Save the file again as UTF-8."))]
    text = _JINJA.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), source)
    problems = []
    for f in check_text(text, registry):
        if f.code == "phones.unregistered" and _LINK_FROM_DATA.match(text, f.start):
            continue                                   # tel:{{ … }}: the number comes from data
        problems.append(Problem(shown, text.count("\n", 0, f.start) + 1, f.code, f.what, f.fix))
    return problems


def templates(root: Path = ROOT) -> list[Path]:
    folder = root / "overrides"
    return sorted(p for p in folder.rglob("*.html") if p.is_file()) if folder.is_dir() else []


def page_data_files(root: Path = ROOT) -> list[Path]:
    """The data files whose texts become pages, mkdocs.yml and the theme's templates."""
    config = root / "mkdocs.yml"
    return data_files(root) + ([config] if config.is_file() else []) + templates(root)


def check_data(paths: list[Path], registry: list[Phone], root: Path = ROOT) -> list[Problem]:
    problems: list[Problem] = []
    for path in paths:
        if path.suffix == ".html":
            problems += check_template(path, registry, root)
        else:
            problems += check_data_file(path, registry, root)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog="check_phones.py",
                                     description="Check the phone numbers in the data files (data/**/*.yml).")
    parser.add_argument("paths", nargs="*", help="data files or folders (default: data/)")
    parser.add_argument("--root", default=None, help="project root (default: this repository)")
    parser.add_argument("--phones", default=None, help="phone registry (default: data/phones.yml)")
    checkkit.add_format_option(parser)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve() if args.root else ROOT
    try:
        files: list[Path] = []
        for given in args.paths:
            path = Path(given)
            if path.is_dir():
                files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".yml", ".html"))
            elif path.is_file():
                files.append(path)
            else:
                raise Misuse(Text(f"Không có tệp hay thư mục '{path}'.", f"No such file or folder '{path}'."))
        if not args.paths:
            files = page_data_files(root)
        phones_file = Path(args.phones) if args.phones else (
            root / "data" / "phones.yml" if (root / "data" / "phones.yml").is_file() else PHONES_FILE)
        try:
            registry = load_phones(phones_file)
        except DataError as exc:
            raise Misuse(Text(f"Danh bạ số điện thoại hỏng: {exc}", f"The phone registry is broken: {exc}")) from None
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    problems = check_data(files, registry, root)
    return checkkit.emit(problems, args.format, TOOL, f"{len(files)} tệp / files")


if __name__ == "__main__":
    sys.exit(main())
