"""Check that every legal document a page names links to its full text.

    python scripts/legal/check_legal.py [--registry data/legal_texts.yml] [--format text|json|github] [docs]
    exit 0 clean, 1 problems, 2 misuse

For every page (docs/vi and docs/en): each document named by number ("Nghị định 56/2017/NĐ-CP",
"Decree 56/2017", "Chỉ thị 28-CT/TW", "Decision 23") or by name ("Luật Trẻ em", "Law on
Children", any "Luật X" / "Law on X" / "X Code") must be in data/legal_texts.yml, and the page
must list it in `sources:` as `- legal: <id>`; the build then shows the link to the full text
and its label (official, unofficial copy, or why there is none). A `legal:` source names a
registered id and carries no `url:` of its own (the registry is the one place for it). The
registry itself is checked too: number, type, year, titles, and full text (kind, https address
and site, or the reason for none). The data texts that become pages (data/*.yml) are read the
same way: every document they name must be registered, and a communication-kit file's
documents must be cited by its topic page (docs/<lang>/tai-lieu/<topic>/) in both languages. A
source on a summary or advice site (`secondary_sites:` of the registry) must say
`secondary: true`.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Problem, Text  # noqa: E402
from scripts.core.data_text import DataTextError, data_files, texts_of  # noqa: E402
from scripts.legal.legal_texts import (LegalText, find_citations, fold, load_registry,  # noqa: E402
                                       on_secondary_site, secondary_sites)

ROOT = Path(__file__).resolve().parents[2]
TOOL = "check_legal"
HOW = Text("(CONTRIBUTING.md, mục \"Văn bản pháp luật\")", "(CONTRIBUTING.md, \"Legal texts\")")


def _fix(vi: str, en: str) -> Text:
    return Text(f"{vi} {HOW.vi}", f"{en} {HOW.en}")


def legal_sources(src: checkkit.Source, secondary: tuple[str, ...] = (),
                  full_texts: frozenset = frozenset()) -> tuple[dict[str, int], list[Problem]]:
    """The page's `- legal: <id>` sources (folded id → line) and their own problems; a source on a
    summary or advice site (`secondary`, unless it is a registered full text) must say
    `secondary: true`."""
    out: dict[str, int] = {}
    problems: list[Problem] = []
    sources = src.meta.get("sources")
    if not isinstance(sources, list):
        return out, problems
    start = src.key_line("sources")
    for item in sources:
        if not isinstance(item, dict):
            continue
        url = str(item.get("url") or "")
        if ("legal" not in item and url and on_secondary_site(url, secondary) and url not in full_texts
                and item.get("secondary") is not True):
            line = checkkit.line_of(src.text, url, start) or start
            problems.append(Problem(src.shown, line, "legal.unlabelled-secondary",
                                    Text(f"Nguồn '{item.get('title')}' là trang tóm tắt hoặc tư vấn, không phải "
                                         "toàn văn, nhưng không ghi 'secondary: true'.",
                                         f"The source '{item.get('title')}' is a summary or advice page, not the "
                                         "full text, but does not say 'secondary: true'."),
                                    _fix("Thêm dòng 'secondary: true' vào nguồn này (người đọc sẽ thấy nhãn "
                                         "\"nguồn thứ cấp\"), và dẫn bản toàn văn bằng '- legal: <số hiệu>'.",
                                         "Add 'secondary: true' to this source (readers then see \"secondary "
                                         "source\"), and cite the full text with '- legal: <id>'.")))
        if "legal" not in item:
            continue
        value = str(item.get("legal") or "").strip()
        line = (checkkit.line_of(src.text, value, start) or start) if value else start
        if not value:
            problems.append(Problem(src.shown, line, "legal.empty-source",
                                    Text("Nguồn 'legal:' để trống.", "A 'legal:' source is empty."),
                                    _fix("Ghi số hiệu văn bản như trong data/legal_texts.yml, ví dụ 'legal: 56/2017/NĐ-CP'.",
                                         "Write the document's id as in data/legal_texts.yml, e.g. 'legal: 56/2017/NĐ-CP'.")))
            continue
        if item.get("url"):
            problems.append(Problem(src.shown, line, "legal.url-in-page",
                                    Text(f"Nguồn 'legal: {value}' có 'url:' riêng.",
                                         f"The source 'legal: {value}' has its own 'url:'."),
                                    _fix("Xóa 'url:': địa chỉ bản toàn văn chỉ ghi ở data/legal_texts.yml.",
                                         "Remove 'url:': the full-text address is written only in data/legal_texts.yml.")))
        out.setdefault(fold(value), line)
    return out, problems


def check_page(path: Path, registry: dict[str, LegalText], root: Path = ROOT,
               secondary: tuple[str, ...] = ()) -> list[Problem]:
    src = checkkit.read_source(path, root)
    if src.problem is not None:
        return []                      # check_content reports unreadable pages and broken front matter
    full_texts = frozenset(d.url for d in registry.values() if d.url)
    cited, problems = legal_sources(src, secondary, full_texts)
    for key, line in cited.items():
        if key not in registry:
            problems.append(Problem(src.shown, line, "legal.unknown-source",
                                    Text(f"Nguồn 'legal:' nêu văn bản không có trong data/legal_texts.yml ({key}).",
                                         f"A 'legal:' source names a document not in data/legal_texts.yml ({key})."),
                                    _fix("Sửa số hiệu cho khớp 'id:' trong sổ, hoặc thêm văn bản vào sổ.",
                                         "Make the id match an 'id:' of the registry, or add the document to it.")))
    missing: dict[str, tuple[int, str, LegalText]] = {}
    for c in find_citations(src.text, registry):
        if c.doc is None:
            if c.reason == "ambiguous":
                problems.append(Problem(src.shown, c.line, "legal.ambiguous",
                                        Text(f"'{c.text}' có thể là nhiều văn bản trong sổ.",
                                             f"'{c.text}' could be several documents of the registry."),
                                        _fix("Ghi thêm năm hoặc số hiệu đầy đủ (ví dụ 'Quyết định 23/QĐ-TTg').",
                                             "Add the year or the full number (e.g. 'Decision 23/QD-TTg').")))
            else:
                problems.append(Problem(src.shown, c.line, "legal.unregistered",
                                        Text(f"Trang nhắc tới văn bản '{c.text}' nhưng văn bản này không có trong "
                                             "data/legal_texts.yml.",
                                             f"The page names the document '{c.text}', which is not in "
                                             "data/legal_texts.yml."),
                                        _fix("Thêm văn bản vào sổ với địa chỉ bản toàn văn (hoặc kind: none và lý do), "
                                             "rồi thêm '- legal: <id>' vào sources: của trang.",
                                             "Add the document to the registry with its full-text address (or kind: none "
                                             "and the reason), then add '- legal: <id>' to the page's sources:.")))
            continue
        key = fold(c.doc.id)
        if key not in cited and key not in missing:
            missing[key] = (c.line, c.text, c.doc)
    for line, text, doc in missing.values():
        problems.append(Problem(src.shown, line, "legal.no-full-text-link",
                                Text(f"Trang nhắc tới '{text}' ({doc.id}) nhưng không dẫn bản toàn văn.",
                                     f"The page names '{text}' ({doc.id}) but does not cite its full text."),
                                _fix(f"Thêm vào 'sources:' ở đầu trang một mục '- legal: {doc.id}' "
                                     "(có thể thêm note: Điều …).",
                                     f"Add a '- legal: {doc.id}' item to the page's 'sources:' "
                                     "(note: Article … is optional).")))
    return problems


KIT_FOLDER = ("communication_kit", "tai-lieu")   # data/communication_kit/<topic>.yml → docs/<lang>/tai-lieu/<topic>/


def check_data(data_dir: Path, docs: Path, registry: dict[str, LegalText], root: Path = ROOT) -> list[Problem]:
    """Citations in the data texts that become pages: each document must be registered, and a
    communication-kit file's documents must be cited by its topic page in each language."""
    problems: list[Problem] = []
    for path in data_files(data_dir.parent):
        if path.name == "legal_texts.yml":
            continue
        shown = checkkit.display_path(path, root)
        try:
            texts = texts_of(path.read_text(encoding="utf-8"))
        except (DataTextError, OSError, UnicodeDecodeError):
            continue                   # the content and phone checks report unreadable data files
        pages = []
        if path.parent.name == KIT_FOLDER[0]:
            pages = [(lang, docs / lang / KIT_FOLDER[1] / path.stem / "index.md") for lang in ("vi", "en")]
        cited_by = {}
        for lang, page in pages:
            src = checkkit.read_source(page, root)
            cited_by[lang, page] = legal_sources(src)[0] if src.problem is None and page.is_file() else None
        for text in texts:
            for c in find_citations(text.value, registry):
                line = text.line_at(c.offset)
                if c.doc is None:
                    problems.append(Problem(shown, line, "legal.unregistered",
                                            Text(f"Dữ liệu ({text.field}) nhắc tới văn bản '{c.text}', không có trong "
                                                 "data/legal_texts.yml.",
                                                 f"The data ({text.field}) names the document '{c.text}', which is "
                                                 "not in data/legal_texts.yml."),
                                            _fix("Thêm văn bản vào sổ (địa chỉ bản toàn văn, hoặc kind: none và lý do).",
                                                 "Add the document to the registry (its full-text address, or kind: "
                                                 "none and the reason).")))
                    continue
                for (lang, page), cited in cited_by.items():
                    if text.lang not in (None, lang):
                        continue               # a Vietnamese text is shown on the Vietnamese page only
                    if cited is not None and fold(c.doc.id) not in cited:
                        where = checkkit.display_path(page, root)
                        problems.append(Problem(shown, line, "legal.no-full-text-link",
                                                Text(f"Dữ liệu ({text.field}) nhắc tới '{c.text}' ({c.doc.id}), nhưng "
                                                     f"trang {where} hiện chữ này lại không dẫn bản toàn văn.",
                                                     f"The data ({text.field}) names '{c.text}' ({c.doc.id}), but "
                                                     f"the page {where} that shows it does not cite the full text."),
                                                _fix(f"Thêm '- legal: {c.doc.id}' vào 'sources:' của {where}.",
                                                     f"Add '- legal: {c.doc.id}' to the 'sources:' of {where}.")))
    return problems


def check(docs: Path, registry_path: Path, root: Path = ROOT) -> tuple[list[Problem], int]:
    registry, problems = load_registry(registry_path, root)
    pages = sorted(docs.rglob("*.md"))
    secondary = secondary_sites(registry_path)
    for path in pages:
        problems += check_page(path, registry, root, secondary)
    if registry:
        problems += check_data(registry_path.parent, docs, registry, root)
    return problems, len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog="check_legal.py",
                                     description="Check that every legal document a page names links to its full text.")
    parser.add_argument("docs", nargs="?", default=str(ROOT / "docs"))
    parser.add_argument("--registry", default=str(ROOT / "data" / "legal_texts.yml"))
    checkkit.add_format_option(parser)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    docs, registry = Path(args.docs), Path(args.registry)
    if not docs.is_dir():
        return checkkit.misuse(TOOL, Text(f"{docs}: không phải thư mục.", f"{docs}: not a folder."))
    if not registry.is_file():
        return checkkit.misuse(TOOL, Text(f"{registry}: không có tệp sổ văn bản pháp luật.",
                                          f"{registry}: no legal texts registry file."))
    root = ROOT if docs.resolve().is_relative_to(ROOT) else docs.resolve().parent
    problems, pages = check(docs, registry, root)
    problems = sorted(checkkit.merge_duplicates(problems), key=lambda p: p.sort_key)
    return checkkit.emit(problems, args.format, TOOL, f"{pages} trang / pages")


if __name__ == "__main__":
    sys.exit(main())
