"""Check that the two languages stay together: pages, navigation and translations.

    python scripts/i18n/check_i18n.py                      # check (text; --format json|github)
    python scripts/i18n/check_i18n.py mark docs/en/<path>/index.md   # after updating a translation
    python scripts/i18n/check_i18n.py mark --all           # mark every English page current (setup)

Checks:
- every page exists in both languages (docs/vi/<path> and docs/en/<path>), unless it is on
  ONE_LANGUAGE_ONLY below, with its reason;
- every page in mkdocs.yml's `nav:` exists in both languages, and every nav section title (and
  any title written in the nav) has its English in the i18n plugin's `nav_translations`;
  a language with a `nav:` of its own lists the same pages as the main one;
- every English page records which version of its Vietnamese original it translates
  (front matter `translation: {source_hash: …}`, see scripts/i18n/translation.py). When the
  Vietnamese file has changed since, the page is listed as stale with what changed: the version
  that was translated is found by hashing each version of the Vietnamese file in `git log`, and
  `git diff <that commit> -- <file>` is shown. Without git history (a shallow clone, a copy
  outside git) the page is still reported stale, with a note on how to see the changes.

The built site shows readers the same staleness: scripts/i18n/hook_i18n.py puts a notice linking to
the Vietnamese original on every stale English page.
Exit codes: 0 clean, 1 problems found, 2 misuse.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import checkkit  # noqa: E402

from scripts.i18n import translation  # noqa: E402
from scripts.core.checkkit import Misuse, Problem, Text  # noqa: E402

TOOL = "check_i18n"
MARK_COMMAND = "python scripts/i18n/check_i18n.py mark"

# Pages that exist in one language only, on purpose. Key: the page's path under docs/, with its
# language folder ("vi/ke-hoach/ban-goc/index.md"); value: why it has no counterpart.
# Keep this list short: every reader deserves every page in their language.
ONE_LANGUAGE_ONLY: dict[str, str] = {}


# ----------------------------------------------------------------------------------------------
# Git: find the translated version of a Vietnamese file and what changed since
# ----------------------------------------------------------------------------------------------

def _git(cwd: Path, *args: str, binary: bool = False) -> bytes | str | None:
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True,
                              text=not binary, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


@dataclass(frozen=True)
class Changes:
    commit: str = ""           # the commit whose version of the file was translated
    diff: str = ""             # git diff from that version to the file as it is now
    note: Text | None = None   # why the changes cannot be shown


def find_changes(source: Path, recorded: str, max_commits: int = 500) -> Changes:
    folder = source.parent
    top = _git(folder, "rev-parse", "--show-toplevel")
    if not top:
        return Changes(note=Text(
            "Không có lịch sử git ở đây nên không hiện được phần đã thay đổi; so sánh hai bản bằng mắt.",
            "No git history here, so the changes cannot be shown; compare the two versions by eye."))
    top_dir = Path(top.strip()).resolve()
    rel = source.resolve().relative_to(top_dir).as_posix()
    shallow = (_git(top_dir, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    log = _git(top_dir, "log", f"--max-count={max_commits}", "--format=%H", "--", rel) or ""
    for commit in log.split():
        blob = _git(top_dir, "show", f"{commit}:{rel}", binary=True)
        if isinstance(blob, bytes) and translation.content_hash(blob) == recorded:
            diff = _git(top_dir, "diff", "--no-color", commit, "--", rel) or ""
            return Changes(commit=commit, diff=str(diff))
    if shallow:
        return Changes(note=Text(
            "Bản sao git này là bản nông (shallow) nên không tìm được phiên bản đã dịch. "
            "Chạy 'git fetch --unshallow' để xem phần đã thay đổi.",
            "This git clone is shallow, so the translated version cannot be found. "
            "Run 'git fetch --unshallow' to see what changed."))
    return Changes(note=Text(
        f"Không tìm thấy phiên bản có mã {recorded} trong lịch sử git của {rel} "
        "(có thể chưa từng được commit); so sánh bản dịch với bản tiếng Việt hiện tại.",
        f"No version with hash {recorded} in the git history of {rel} (it may never have been "
        "committed); compare the translation with the current Vietnamese page."))


# ----------------------------------------------------------------------------------------------
# The checks
# ----------------------------------------------------------------------------------------------

@dataclass
class Project:
    root: Path
    docs_dir: Path
    config_path: Path
    config: dict
    default_lang: str
    langs: tuple[str, ...]

    def shown(self, path: Path) -> str:
        return checkkit.display_path(path, self.root)


def load_project(root: Path, docs_dir: Path | None = None, config_path: Path | None = None) -> Project:
    config_path = config_path or root / "mkdocs.yml"
    config = checkkit.load_mkdocs_config(config_path)
    docs = docs_dir or (config_path.parent / str(config.get("docs_dir") or "docs"))
    if not docs.is_dir():
        raise Misuse(Text(f"Không có thư mục nội dung '{docs}'.", f"No content folder '{docs}'."))
    default, langs = checkkit.site_languages(config)
    return Project(root, docs.resolve(), config_path, config, default, langs)


def _pages(project: Project, lang: str) -> set[str]:
    base = project.docs_dir / lang
    return {p.relative_to(base).as_posix() for p in base.rglob("*.md")} if base.is_dir() else set()


def check_pairs(project: Project, exceptions: dict[str, str]) -> list[Problem]:
    problems = []
    pages = {lang: _pages(project, lang) for lang in project.langs}
    for lang in project.langs:
        for rel in sorted(pages[lang]):
            for other in project.langs:
                if other == lang or rel in pages[other] or f"{lang}/{rel}" in exceptions:
                    continue
                have = project.docs_dir / lang / rel
                want = project.docs_dir / other / rel
                problems.append(Problem(
                    project.shown(have), 1, "i18n.missing-page",
                    Text(f"Trang này chưa có bản {other}: thiếu {project.shown(want)}.",
                         f"This page has no {other} version: {project.shown(want)} is missing."),
                    Text(f"Tạo {project.shown(want)} (cùng đường dẫn, bản dịch đầy đủ), hoặc nếu trang chỉ "
                         "có một ngôn ngữ là có chủ ý, thêm nó vào ONE_LANGUAGE_ONLY trong "
                         "scripts/i18n/check_i18n.py kèm lý do.",
                         f"Create {project.shown(want)} (same path, a full translation), or if the page is "
                         "one-language on purpose, add it to ONE_LANGUAGE_ONLY in scripts/i18n/check_i18n.py "
                         "with the reason.")))
    for key in sorted(exceptions):
        if key.split("/", 1)[0] not in project.langs or not (project.docs_dir / key).is_file():
            problems.append(Problem(
                "scripts/i18n/check_i18n.py", 0, "i18n.stale-exception",
                Text(f"ONE_LANGUAGE_ONLY có '{key}' nhưng không có tệp docs/{key}.",
                     f"ONE_LANGUAGE_ONLY lists '{key}' but there is no docs/{key}."),
                Text("Xóa mục đó khỏi danh sách.", "Remove that entry from the list.")))
    return problems


def walk_nav(items):
    """Yield ("page", path, explicit_title) and ("section", title, None) from a nav list."""
    for item in items or []:
        if isinstance(item, str):
            yield ("page", item, None)
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    yield ("section", str(title), None)
                    yield from walk_nav(value)
                elif isinstance(value, str):
                    yield ("page", value, str(title))


def _nav_line(project: Project, needle: str) -> int:
    try:
        text = project.config_path.read_text(encoding="utf-8")
    except OSError:
        return 0
    start = checkkit.line_of(text, "nav:") or 1
    return checkkit.line_of(text, needle, start) or checkkit.line_of(text, needle)


def check_nav(project: Project, exceptions: dict[str, str]) -> list[Problem]:
    problems = []
    config_shown = project.shown(project.config_path)
    translations: dict[str, dict] = {}
    language_navs: dict[str, list] = {}
    for plugin in project.config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for lang in plugin["i18n"].get("languages") or []:
                if isinstance(lang, dict) and lang.get("locale"):
                    translations[str(lang["locale"])] = lang.get("nav_translations") or {}
                    if lang.get("nav"):
                        language_navs[str(lang["locale"])] = lang["nav"]
    entries = list(walk_nav(project.config.get("nav")))
    for kind, value, title in entries:
        if kind == "page" and not value.startswith(("http://", "https://")):
            for lang in project.langs:
                if not (project.docs_dir / lang / value).is_file() and f"{lang}/{value}" not in exceptions:
                    problems.append(Problem(
                        config_shown, _nav_line(project, value), "i18n.nav-missing-page",
                        Text(f"Mục '{value}' của nav không có tệp docs/{lang}/{value}.",
                             f"The nav entry '{value}' has no file docs/{lang}/{value}."),
                        Text(f"Tạo docs/{lang}/{value}, hoặc sửa đường dẫn trong nav (tính từ thư mục ngôn ngữ).",
                             f"Create docs/{lang}/{value}, or fix the path in nav (relative to the language folder).")))
        label = value if kind == "section" else title
        if label:
            for lang in project.langs:
                if lang != project.default_lang and label not in translations.get(lang, {}):
                    problems.append(Problem(
                        config_shown, _nav_line(project, label), "i18n.nav-untranslated",
                        Text(f"Tiêu đề '{label}' trong nav chưa có bản dịch {lang}.",
                             f"The nav title '{label}' has no {lang} translation."),
                        Text(f"Thêm '{label}: <bản dịch>' vào nav_translations của ngôn ngữ {lang} "
                             "(plugins → i18n → languages trong mkdocs.yml).",
                             f"Add '{label}: <translation>' under the {lang} language's nav_translations "
                             "(plugins → i18n → languages in mkdocs.yml).")))
    main_pages = {v for k, v, _ in entries if k == "page"}
    for lang, nav in language_navs.items():
        own = {v for k, v, _ in walk_nav(nav) if k == "page"}
        for missing in sorted(main_pages ^ own):
            problems.append(Problem(
                config_shown, _nav_line(project, missing), "i18n.nav-mismatch",
                Text(f"Nav riêng của ngôn ngữ {lang} và nav chung khác nhau ở '{missing}'.",
                     f"The {lang} language's own nav and the main nav differ on '{missing}'."),
                Text("Cho hai nav cùng danh sách trang (hoặc bỏ nav riêng, dùng nav_translations).",
                     "Give both navs the same pages (or drop the language's own nav and use nav_translations).")))
    return problems


def check_translations(project: Project, show_diff: bool = True) -> list[Problem]:
    problems = []
    for lang in project.langs:
        if lang == project.default_lang:
            continue
        for rel in sorted(_pages(project, lang)):
            page = project.docs_dir / lang / rel
            original = project.docs_dir / project.default_lang / rel
            src = checkkit.read_source(page, project.root)
            if src.problem:
                problems.append(src.problem)
                continue
            state = translation.status(src.meta, original)
            shown, original_shown = project.shown(page), project.shown(original)
            mark = f"{MARK_COMMAND} {shown}"
            if state.state == "no-source":
                continue                    # reported by check_pairs
            if state.state == "missing":
                problems.append(Problem(
                    shown, 1, "i18n.no-marker",
                    Text(f"Trang dịch không ghi nó dịch từ phiên bản nào của {original_shown}.",
                         f"The translation does not record which version of {original_shown} it translates."),
                    Text(f"Kiểm tra bản dịch khớp với bản tiếng Việt hiện tại, rồi chạy: {mark}",
                         f"Check that it matches the current Vietnamese page, then run: {mark}")))
            elif state.state == "invalid":
                marker = translation.read_marker(src.meta)
                problems.append(Problem(
                    shown, src.key_line(translation.MARKER_KEY), "i18n.bad-marker",
                    Text(f"Dấu phiên bản dịch không hợp lệ ({marker.problem}).",
                         f"The translation marker is invalid ({marker.problem})."),
                    Text(f"Đừng sửa tay dấu này; chạy: {mark}", f"Do not edit the marker by hand; run: {mark}")))
            elif state.state == "stale":
                changes = find_changes(original, state.recorded) if show_diff else Changes()
                details = ""
                if changes.commit:
                    details = (f"Thay đổi từ phiên bản đã dịch / changes since the translated version "
                               f"(git diff {changes.commit[:12]} -- {original_shown}):\n{changes.diff}")
                elif changes.note:
                    details = f"{changes.note.vi}\n{changes.note.en}"
                problems.append(Problem(
                    shown, src.key_line(translation.MARKER_KEY), "i18n.stale",
                    Text(f"Bản tiếng Việt {original_shown} đã thay đổi sau khi trang này được dịch "
                         f"(mã đã dịch {state.recorded}, mã hiện tại {state.current}). Trang tiếng Anh "
                         "đang hiện thông báo 'bản dịch chưa cập nhật' cho người đọc.",
                         f"The Vietnamese original {original_shown} has changed since this page was "
                         f"translated (translated {state.recorded}, now {state.current}). The English page "
                         "shows readers an 'out-of-date translation' notice."),
                    Text(f"Dịch lại những phần đã thay đổi (xem bên dưới), rồi chạy: {mark}",
                         f"Translate the changes (shown below), then run: {mark}"),
                    details=details))
    return problems


def run_check(project: Project, exceptions: dict[str, str] | None = None,
              show_diff: bool = True) -> list[Problem]:
    exceptions = ONE_LANGUAGE_ONLY if exceptions is None else exceptions
    return (check_pairs(project, exceptions) + check_nav(project, exceptions)
            + check_translations(project, show_diff))


# ----------------------------------------------------------------------------------------------
# mark
# ----------------------------------------------------------------------------------------------

def mark(project: Project, page: Path) -> tuple[bool, str]:
    """Record in `page` that it translates the current version of its original."""
    page = page.resolve()
    try:
        rel = page.relative_to(project.docs_dir)
    except ValueError:
        return False, (f"{page}: không nằm trong {project.docs_dir} / is not under {project.docs_dir}")
    lang, _, rest = rel.as_posix().partition("/")
    if lang == project.default_lang:
        # Given the original: mark its translations.
        results = [mark(project, project.docs_dir / other / rest)
                   for other in project.langs if other != lang]
        return all(ok for ok, _ in results), "\n".join(msg for _, msg in results)
    shown = project.shown(page)
    original = project.docs_dir / project.default_lang / rest
    if lang not in project.langs or not rest:
        return False, f"{shown}: không phải trang của một ngôn ngữ / is not a page of a language folder"
    if not page.is_file():
        return False, f"{shown}: không có tệp này / no such file"
    if not original.is_file():
        return False, (f"{shown}: không có bản gốc {project.shown(original)} / "
                       f"its original {project.shown(original)} does not exist")
    src = checkkit.read_source(page, project.root)
    if src.problem:
        return False, f"{shown}:{src.problem.line}: {src.problem.what.vi} / {src.problem.what.en}"
    digest = translation.file_hash(original)
    try:
        updated = translation.with_marker(src.text, digest)
    except ValueError:
        return False, f"{shown}: phần đầu trang chưa đóng / front matter is not closed"
    page.write_text(updated, encoding="utf-8")
    check_again = checkkit.read_source(page, project.root)
    if translation.read_marker(check_again.meta).source_hash != digest:   # never leave it broken
        page.write_text(src.text, encoding="utf-8")
        return False, f"{shown}: không ghi được dấu / could not write the marker"
    return True, f"đã đánh dấu / marked: {shown} ({translation.HASH_KEY}: {digest})"


def main_mark(argv: list[str]) -> int:
    parser = checkkit.ArgumentParser(
        prog="check_i18n.py mark",
        description="Record that English pages translate the current Vietnamese versions.")
    parser.add_argument("pages", nargs="*", help="docs/en/<path>/index.md (or the docs/vi/ original)")
    parser.add_argument("--all", action="store_true", help="every English page (first setup only)")
    parser.add_argument("--root", default=None, help="project root (default: this repository)")
    parser.add_argument("--docs-dir", default=None, help="content folder (default: docs_dir of mkdocs.yml)")
    args = parser.parse_args(argv)
    if bool(args.pages) == bool(args.all):
        parser.error("give the pages to mark, or --all / cho biết trang cần đánh dấu, hoặc --all")
    root = Path(args.root).resolve() if args.root else ROOT
    try:
        project = load_project(root, Path(args.docs_dir) if args.docs_dir else None)
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    if args.all:
        pages = [project.docs_dir / lang / rel for lang in project.langs if lang != project.default_lang
                 for rel in sorted(_pages(project, lang))
                 if (project.docs_dir / project.default_lang / rel).is_file()]
    else:
        pages = [Path(p) for p in args.pages]
        missing = [str(p) for p in pages if not p.is_file()]
        if missing:
            return checkkit.misuse(TOOL, Text(f"Không có tệp: {', '.join(missing)}",
                                              f"No such file: {', '.join(missing)}"))
    failed = False
    for page in pages:
        ok, message = mark(project, page)
        print(message)
        failed |= not ok
    return checkkit.EXIT_PROBLEMS if failed else checkkit.EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["mark"]:
        return main_mark(argv[1:])
    parser = checkkit.ArgumentParser(
        prog="check_i18n.py",
        description="Check that every page exists in both languages and translations are current. "
                    "Subcommand: 'mark PAGE…' / 'mark --all' records a translation as current.")
    parser.add_argument("--docs-dir", default=None, help="content folder (default: docs_dir of mkdocs.yml)")
    parser.add_argument("--config", default=None, help="mkdocs.yml (default: the project's)")
    parser.add_argument("--root", default=None, help="project root (default: this repository)")
    parser.add_argument("--no-diff", action="store_true", help="do not look up what changed in git")
    checkkit.add_format_option(parser)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve() if args.root else ROOT
    try:
        project = load_project(root, Path(args.docs_dir) if args.docs_dir else None,
                               Path(args.config) if args.config else None)
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    problems = run_check(project, show_diff=not args.no_diff)
    pages = sum(len(_pages(project, lang)) for lang in project.langs)
    return checkkit.emit(problems, args.format, TOOL, f"{pages} trang / pages")


if __name__ == "__main__":
    sys.exit(main())
