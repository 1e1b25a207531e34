"""Published addresses never break: check the built site against the URL registry.

data/urls.yml lists every address this site has published (both languages) and, on the pages
people link into (FAQ questions, task rows, glossary entries), every anchor. A page or anchor
that disappears without a redirect (data/redirects.yml) breaks a school's or a newsletter's
link, so the check fails and says how to add the redirect or keep the anchor.

    python scripts/links/check_urls.py [SITE_DIR]        check (default site/)
    python scripts/links/check_urls.py add [SITE_DIR]    register new pages and anchors (never removes)

Exit codes: 0 clean, 1 problems found, 2 misuse (missing site, unreadable registry).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core.sitepages import REDIRECT_GENERATOR  # noqa: E402

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
        raw = yaml.safe_load(text) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"{path}: không đọc được sổ địa chỉ / cannot read the URL registry: {exc}")
    lines = _line_numbers(text)
    return Registry(anchor_pages=list(raw.get("anchor_pages") or []),
                    pages=[str(p) for p in raw.get("pages") or []],
                    anchors={str(k): [str(i) for i in v or []] for k, v in (raw.get("anchors") or {}).items()},
                    lines=lines)


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
                problems.append(
                    f"{where}:{registry.lines.get(url + '#' + anchor, registry.lines.get(url, 1))}: "
                    f"/{final}#{anchor} không còn. Trường học có thể đang liên kết tới đây: giữ nguyên mã neo "
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


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    registry_path = REGISTRY
    if "--registry" in args:
        i = args.index("--registry")
        if i + 1 >= len(args):
            print("--registry cần một đường dẫn tệp / --registry needs a file path", file=sys.stderr)
            return 2
        registry_path = Path(args[i + 1])
        del args[i:i + 2]
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
    problems = check(site, registry, registry_path)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} địa chỉ hỏng / broken published addresses")
        return 1
    print(f"{_rel(registry_path)}: {len(registry.pages)} trang và {sum(map(len, registry.anchors.values()))} "
          f"neo vẫn hoạt động / pages and anchors all resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
