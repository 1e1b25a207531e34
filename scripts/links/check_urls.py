"""Published addresses never break: check the built site against the URL registry.

data/urls.yml lists every address this site has published (both languages) and, on the pages
people link into (FAQ questions, task rows, glossary entries), every anchor. A page or anchor
that disappears without a redirect (data/redirects.yml) breaks a school's or a newsletter's
link, so the check fails and says how to add the redirect or keep the anchor.

    python scripts/links/check_urls.py [SITE_DIR]        check (default site/)
    python scripts/links/check_urls.py add [SITE_DIR]    register new pages and anchors (never removes)
    python scripts/links/check_urls.py --base REF [SITE_DIR]   compare with data/urls.yml at REF

The registry is append-only, and that is checked, not only asked: the check compares
data/urls.yml with its version on the branch a pull request will merge into, and fails when an
entry (page or anchor) that was there has gone and no redirect in data/redirects.yml covers its
page. The version compared with is, in order: --base REF; the pull request's target branch
(GITHUB_BASE_REF, as origin/<branch> or <branch>); origin/main or main; the last release tag.
With none of these (no git repository, a fresh clone without history) the comparison is skipped
and the output says so.

Exit codes: 0 clean, 1 problems found, 2 misuse (missing site, unreadable registry, unknown REF).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core.sitepages import REDIRECT_GENERATOR  # noqa: E402
from scripts.links.redirects import RedirectError, load_redirects  # noqa: E402

REGISTRY = ROOT / "data" / "urls.yml"
ANCHOR_TAGS = {"h2", "h3", "h4", "dt", "tr"}
_REFRESH = re.compile(r"url=([^\"'>]+)", re.I)

HEADER = """\
# Every address this site has published, in both languages, and the anchors people link to.
# Do not edit by hand and never delete a line: a school, a newsletter or a QR code may point at it.
# Add new pages after building:   python scripts/links/check_urls.py add
# Moved a page? Keep its line here and add a redirect in data/redirects.yml.
"""


class UsageError(Exception):
    pass


@dataclass(frozen=True)
class Registry:
    anchor_pages: list[str]            # patterns: "hoi-dap/" matches every page under it
    pages: list[str]                   # "", "gioi-thieu/", "en/gioi-thieu/"
    anchors: dict[str, list[str]]      # page -> ids
    lines: dict[str, int]              # "page" or "page#id" -> line in the registry file


class _Anchors(HTMLParser):
    """Ids of headings, definition terms and table rows inside the article."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ids: list[str] = []
        self.refresh: str | None = None
        self.generator: str = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ANCHOR_TAGS and a.get("id"):
            self.ids.append(a["id"])
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.search(a.get("content") or "")
            self.refresh = match.group(1).strip() if match else None
        if tag == "meta" and (a.get("name") or "").lower() == "generator":
            self.generator = a.get("content") or ""

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def read_page(site: Path, url: str) -> _Anchors | None:
    path = site / url / "index.html" if url.endswith("/") or url == "" else site / url
    if not path.is_file():
        return None
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    if parser.generator != REDIRECT_GENERATOR:
        parser.refresh = None   # only our redirect hook's stubs forward (scripts/core/sitepages.py)
    return parser


def follow(site: Path, url: str, hops: int = 5) -> tuple[str, _Anchors | None, str]:
    """(final url, its anchors, fragment of the redirect) after following redirect stubs."""
    import posixpath

    page, fragment = read_page(site, url), ""
    while page is not None and page.refresh and hops:
        target, _, frag = page.refresh.partition("#")
        fragment = frag or fragment
        url = posixpath.normpath(posixpath.join(url or ".", target)).lstrip("./") + "/"
        url = "" if url == "/" else url
        page, hops = read_page(site, url), hops - 1
    return url, page, fragment


def _line_numbers(text: str) -> dict[str, int]:
    """Line of each entry: "page" for pages, "page#id" for anchors (for file:line messages)."""
    lines: dict[str, int] = {}
    section, page = "", ""
    for number, line in enumerate(text.splitlines(), 1):
        if line and not line.startswith((" ", "#")):
            section = line.split(":", 1)[0]
            continue
        item = line.strip()
        if section == "pages" and item.startswith("- "):
            lines[item[2:].strip('"')] = number
        elif section == "anchors" and item.endswith(":"):
            page = item[:-1].strip('"')
        elif section == "anchors" and item.startswith("- "):
            lines[f"{page}#{item[2:].strip(chr(34))}"] = number
    return lines


def load_registry(path: Path = REGISTRY) -> Registry:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{_rel(path)}: tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start}); lưu lại bằng "
                         f"UTF-8 hoặc lấy lại bản cũ (git checkout -- {_rel(path)}) / the URL registry is not "
                         f"UTF-8 (bad byte at offset {exc.start}); save it as UTF-8 or restore it "
                         f"(git checkout -- {_rel(path)})") from None
    except OSError as exc:
        raise UsageError(f"{_rel(path)}: không đọc được sổ địa chỉ / cannot read the URL registry: "
                         f"{exc.strerror or exc}") from None
    return parse_registry(text, _rel(path))


def parse_registry(text: str, where: str) -> Registry:
    """The registry in `text` (shown as `where` in messages). Raises UsageError when it is not
    the shape `add` writes: mappings anchor_pages (list), pages (list), anchors (page -> list)."""
    fix = (f"lấy lại bản đúng (git checkout -- data/urls.yml) rồi chạy `python scripts/links/check_urls.py add` / "
           f"restore it (git checkout -- data/urls.yml) and run `python scripts/links/check_urls.py add`")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or "YAML"
        raise UsageError(f"{where}{line}: không đọc được sổ địa chỉ, YAML hỏng ({reason}) / cannot read the URL "
                         f"registry, broken YAML ({reason}); {fix}") from None
    except (ValueError, RecursionError) as exc:   # a date like 2024-02-31; "[[[[…" thousands deep
        reason = str(exc) if isinstance(exc, ValueError) else "lồng quá sâu / nested too deeply"
        raise UsageError(f"{where}: giá trị không đọc được ({reason}) / unreadable value ({reason}); {fix}") from None
    raw = {} if raw is None else raw
    lists = {key: raw.get(key) if isinstance(raw, dict) else None for key in ("anchor_pages", "pages")}
    anchors = raw.get("anchors") if isinstance(raw, dict) else None
    bad = (not isinstance(raw, dict)
           or any(v is not None and not isinstance(v, list) for v in lists.values())
           or (anchors is not None and not isinstance(anchors, dict))
           or any(v is not None and not isinstance(v, list) for v in (anchors or {}).values()))
    if bad:
        raise UsageError(f"{where}: sổ địa chỉ không đúng dạng (cần anchor_pages:, pages: là danh sách và "
                         f"anchors: là bảng trang → danh sách neo) / the URL registry is not in its shape "
                         f"(anchor_pages: and pages: lists, anchors: a mapping of page to list of anchors); {fix}")
    return Registry(anchor_pages=[str(p) for p in lists["anchor_pages"] or []],
                    pages=[str(p) for p in lists["pages"] or []],
                    anchors={str(k): [str(i) for i in v or []] for k, v in (anchors or {}).items()},
                    lines=_line_numbers(text))


# ----------------------------------------------------------------------------------------------
# Append-only: compare with the registry on the target branch (or the last release)
# ----------------------------------------------------------------------------------------------

def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None


def _ref_exists(cwd: Path, ref: str) -> bool:
    done = _git(cwd, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return bool(done and done.returncode == 0)


def base_candidates(cwd: Path) -> list[str]:
    """Refs to compare with, best first: the PR's target branch, main, the last release tag."""
    candidates = []
    target = os.environ.get("GITHUB_BASE_REF", "").strip()
    if target:
        candidates += [f"origin/{target}", target]
    candidates += ["origin/main", "main"]
    done = _git(cwd, "describe", "--tags", "--abbrev=0")
    if done and done.returncode == 0 and done.stdout.strip():
        candidates.append(done.stdout.strip())
    return candidates


def registry_at(registry_path: Path, requested: str | None) -> tuple[str | None, str | None, str]:
    """(ref, registry text at that ref, note). ref None: nothing to compare with (note says why).
    Raises UsageError when `requested` is given but is not a commit of this repository."""
    cwd = registry_path.resolve().parent
    top = _git(cwd, "rev-parse", "--show-toplevel")
    if not top or top.returncode != 0:
        if requested:
            raise UsageError(f"--base {requested}: {_rel(registry_path)} không nằm trong kho git / "
                             f"is not inside a git repository")
        return None, None, ("không có kho git: bỏ qua việc so với nhánh đích / no git repository: "
                            "comparison with the target branch skipped")
    try:
        rel = registry_path.resolve().relative_to(Path(top.stdout.strip()).resolve()).as_posix()
    except ValueError:
        return None, None, (f"{_rel(registry_path)} nằm ngoài kho git: bỏ qua việc so sánh / is outside the git "
                            "repository: comparison skipped")
    if requested:
        if not _ref_exists(cwd, requested):
            raise UsageError(f"--base {requested}: không có nhánh, thẻ hay commit này trong kho git (thử "
                             f"`git fetch origin {requested}`) / no such branch, tag or commit in this "
                             f"repository (try `git fetch origin {requested}`)")
        ref = requested
    else:
        ref = next((c for c in base_candidates(cwd) if _ref_exists(cwd, c)), None)
        if ref is None:
            return None, None, ("không thấy nhánh đích (GITHUB_BASE_REF, origin/main, main) hay thẻ phát hành "
                                "nào: bỏ qua việc so sánh; dùng --base REF / no target branch (GITHUB_BASE_REF, "
                                "origin/main, main) or release tag found: comparison skipped; use --base REF")
    done = _git(cwd, "show", f"{ref}:{rel}")
    if not done or done.returncode != 0:
        return ref, None, (f"{rel} chưa có ở {ref}: không có gì để so / {rel} does not exist at {ref}: "
                           "nothing to compare with")
    return ref, done.stdout, f"so với / compared with {rel} at {ref}"


def dropped(base: Registry, current: Registry, redirected: set[str], ref: str,
            where: str) -> list[str]:
    """Entries of the registry at `ref` missing from the current one, with no redirect of their
    page (`redirected`: the `from:` paths of data/redirects.yml, without language prefix)."""
    def covered(url: str) -> bool:
        return (url[3:] if url.startswith("en/") else url) in redirected

    gone = [(url, base.lines.get(url, 1)) for url in base.pages
            if url not in current.pages and not covered(url)]
    gone += [(f"{url}#{anchor}", base.lines.get(f"{url}#{anchor}", base.lines.get(url, 1)))
             for url, ids in base.anchors.items() for anchor in ids
             if anchor not in current.anchors.get(url, []) and not covered(url)]
    problems = []
    for entry, line in gone:
        page = entry.split("#", 1)[0]
        short = (page[3:] if page.startswith("en/") else page) or "<đường-dẫn-cũ>/"
        problems.append(
            f"{where}:{line}: '/{entry}' có trong sổ địa chỉ ở {ref} (dòng {line}) nhưng đã bị xóa. Địa chỉ đã "
            f"công bố không bao giờ được bỏ: khôi phục dòng đó (`git checkout {ref} -- {where}` rồi chạy "
            f"`python scripts/links/check_urls.py add`); nếu trang đã chuyển, giữ dòng đó và thêm vào "
            f"data/redirects.yml:\n      - from: {short}\n        to: <đường-dẫn-mới>/\n        since: <YYYY-MM-DD>\n"
            f"    '/{entry}' is in the registry at {ref} (line {line}) but has been deleted. A published address "
            f"is never dropped: restore the line (`git checkout {ref} -- {where}`, then run "
            f"`python scripts/links/check_urls.py add`); if the page moved, keep the line and add the redirect "
            f"above to data/redirects.yml (CONTRIBUTING.md#chuyen-trang).")
    return problems


def _rel(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def check(site: Path, registry: Registry, registry_path: Path = REGISTRY) -> list[str]:
    problems = []
    where = _rel(registry_path)
    for url in registry.pages:
        final, page, _ = follow(site, url)
        if page is None:
            short = url[3:] if url.startswith("en/") else url
            problems.append(
                f"{where}:{registry.lines.get(url, 1)}: /{url} không còn tồn tại. Địa chỉ đã công bố không "
                f"được hỏng: nếu bạn chuyển hoặc đổi tên trang, thêm vào data/redirects.yml:\n"
                f"      - from: {short or '<đường-dẫn-cũ>/'}\n        to: <đường-dẫn-mới>/\n        since: <YYYY-MM-DD>\n"
                f"    /{url} no longer exists. Published addresses must keep working: if you moved or renamed "
                f"the page, add the lines above to data/redirects.yml (CONTRIBUTING.md#chuyen-trang).")
    for url, ids in registry.anchors.items():
        final, page, _ = follow(site, url)
        if page is None:
            continue  # reported above as a missing page
        for anchor in ids:
            if anchor not in page.ids:
                at = f"{where}:{registry.lines.get(url + '#' + anchor, registry.lines.get(url, 1))}: "
                origin = data_anchor_origin(final, anchor, registry_path.resolve().parent)
                if origin:
                    problems.append(at + origin)
                    continue
                problems.append(
                    f"{at}/{final}#{anchor} không còn. Trường học có thể đang liên kết tới đây: giữ nguyên mã neo "
                    f"bằng cách viết tiêu đề là `## Tiêu đề mới {{#{anchor}}}`.\n"
                    f"    /{final}#{anchor} is gone. Schools may link to it: keep the anchor by writing the "
                    f"heading as `## New wording {{#{anchor}}}` (CONTRIBUTING.md#them-cau-hoi).")
    pages, anchors = discover(site, registry)
    new = [f"/{u}" for u in pages if u not in registry.pages]
    new += [f"/{u}#{a}" for u, ids in anchors.items() for a in ids if a not in registry.anchors.get(u, [])]
    if new:
        problems.append(
            f"{where}:1: {len(new)} địa chỉ mới chưa được đăng ký: {', '.join(new[:8])}"
            f"{' …' if len(new) > 8 else ''}. Chạy `python scripts/links/check_urls.py add` rồi commit data/urls.yml.\n"
            f"    {len(new)} new addresses are not registered yet. Run `python scripts/links/check_urls.py add` and "
            f"commit data/urls.yml, so that they are protected from now on (CONTRIBUTING.md#check-urls).")
    return problems


DATA_MARKER = re.compile(r"<!--\s*tasks:")


def data_anchor_origin(url: str, anchor: str, data_dir: Path) -> str | None:
    """The message for a lost anchor that a page gets from data (the task tables: one row per
    task of data/tasks.yml, one section per body of data/bodies.yml), or None when the anchor is
    the page's own (a heading in its Markdown). A heading id is no fix for those."""
    for name, what_vi, what_en in (("tasks.yml", "nhiệm vụ", "task"), ("bodies.yml", "cơ quan", "body")):
        path = data_dir / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        entry = re.compile(rf"^\s*(?:-\s+)?id:\s*[\"']?{re.escape(anchor)}[\"']?\s*(?:#.*)?$")
        line = next((n for n, text in enumerate(lines, 1) if entry.match(text)), 0)
        if line:
            shown = _rel(path)
            return (f"/{url}#{anchor} không còn, dù {what_vi} '{anchor}' vẫn có trong {shown}:{line}. Neo này "
                    f"không phải tiêu đề: trang dựng nó từ dữ liệu qua dấu chèn `<!-- tasks:… -->`. Giữ dấu chèn "
                    f"đó trong trang (docs/…/{url.removeprefix('en/')}index.md) và giữ nguyên mã `id: {anchor}`.\n"
                    f"    /{url}#{anchor} is gone, though the {what_en} '{anchor}' is still in {shown}:{line}. "
                    f"This anchor is not a heading: the page builds it from the data through a "
                    f"`<!-- tasks:… -->` marker. Keep that marker in the page and keep `id: {anchor}` as it is.")
    lang, rest = ("en", url[3:]) if url.startswith("en/") else ("vi", url)
    page = data_dir.parent / "docs" / lang / rest / "index.md"
    try:
        source = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if DATA_MARKER.search(source) and f"{{#{anchor}" not in source:
        tasks = _rel(data_dir / "tasks.yml")
        return (f"/{url}#{anchor} không còn. Neo này đến từ dữ liệu, không phải từ một tiêu đề: mỗi nhiệm vụ "
                f"trong {tasks} (và mỗi cơ quan trong data/bodies.yml) có một neo bằng mã `id:` của nó. Mã đó "
                f"đã bị đổi hoặc xóa: mã không bao giờ thay đổi — khôi phục `id: {anchor}` (nhiệm vụ bỏ khỏi "
                f"kế hoạch vẫn giữ mục của nó, ghi trạng thái).\n"
                f"    /{url}#{anchor} is gone. This anchor comes from data, not from a heading: every task in "
                f"{tasks} (and every body in data/bodies.yml) has an anchor made of its `id:`. That id has "
                f"been changed or deleted; ids never change: restore `id: {anchor}` (a task dropped from the "
                f"plan keeps its entry, with its status).")
    return None


def _matches(url: str, patterns: list[str]) -> bool:
    bare = url[3:] if url.startswith("en/") else url
    return any(bare.startswith(p) for p in patterns)


def discover(site: Path, registry: Registry) -> tuple[list[str], dict[str, list[str]]]:
    """Content pages (not 404s, not redirect stubs) and the anchors on anchor pages."""
    pages, anchors = [], {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        parsed = read_page(site, url)
        if parsed is None or parsed.refresh or url.startswith(("assets/", "search/")):
            continue
        pages.append(url)
        if _matches(url, registry.anchor_pages) and parsed.ids:
            anchors[url] = parsed.ids
    return pages, anchors


def add(site: Path, registry: Registry, path: Path = REGISTRY) -> tuple[int, int]:
    pages, anchors = discover(site, registry)
    all_pages = sorted(set(registry.pages) | set(pages))
    merged = {k: list(v) for k, v in registry.anchors.items()}
    new_anchors = 0
    for url, ids in anchors.items():
        known = merged.setdefault(url, [])
        for anchor in ids:
            if anchor not in known:
                known.append(anchor)
                new_anchors += 1
    out = [HEADER, "# Pages whose anchors are registered (every page under these paths, both languages).",
           "anchor_pages:"]
    out += [f'  - "{p}"' for p in registry.anchor_pages]
    out += ["", "pages:"] + [f'  - "{p}"' for p in all_pages]
    out += ["", "anchors:"]
    for url in sorted(merged):
        out.append(f'  "{url}":')
        out += [f'    - "{a}"' for a in merged[url]]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return len(all_pages) - len(registry.pages), new_anchors


def _option(args: list[str], name: str) -> tuple[str | None, str | None]:
    """Remove `name VALUE` from args: (value, None) or (None, error message)."""
    if name not in args:
        return None, None
    i = args.index(name)
    if i + 1 >= len(args) or args[i + 1].startswith("-"):
        return None, f"{name} cần một giá trị / {name} needs a value"
    value = args[i + 1]
    del args[i:i + 2]
    return value, None


def redirected_sources(path: Path) -> set[str]:
    """The `from:` paths of data/redirects.yml. Raises UsageError (file:line) when it is broken."""
    if not path.is_file():
        return set()
    try:
        return {r.source for r in load_redirects(path)}
    except RedirectError as exc:
        raise UsageError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{_rel(path)}: không đọc được (lưu bằng UTF-8) / cannot read it (save it as "
                         f"UTF-8): {exc}") from None


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    registry_arg, error = _option(args, "--registry")
    base, error2 = _option(args, "--base")
    if error or error2:
        print(error or error2, file=sys.stderr)
        return 2
    registry_path = Path(registry_arg) if registry_arg else REGISTRY
    command = args.pop(0) if args and args[0] in ("add", "check") else "check"
    if len(args) > 1 or any(a.startswith("-") for a in args):
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(args[0] if args else "site")
    if not (site / "index.html").is_file():
        print(f"{site}: không thấy trang đã dựng; chạy `make build` trước / no built site here; "
              f"run `make build` first", file=sys.stderr)
        return 2
    try:
        registry = load_registry(registry_path)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    if command == "add":
        pages, anchors = add(site, registry, registry_path)
        print(f"{_rel(registry_path)}: thêm {pages} trang, {anchors} neo / added {pages} pages, {anchors} anchors")
        return 0
    try:
        ref, base_text, note = registry_at(registry_path, base)
        problems = []
        if base_text is not None:
            base_registry = parse_registry(base_text, f"{_rel(registry_path)} @ {ref}")
            redirected = redirected_sources(registry_path.parent / "redirects.yml")
            problems += dropped(base_registry, registry, redirected, ref, _rel(registry_path))
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    problems += check(site, registry, registry_path)
    for problem in problems:
        print(problem)
    print(f"({note})")
    if problems:
        print(f"\n{len(problems)} địa chỉ hỏng / broken published addresses")
        return 1
    print(f"{_rel(registry_path)}: {len(registry.pages)} trang và {sum(map(len, registry.anchors.values()))} "
          f"neo vẫn hoạt động / pages and anchors all resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
