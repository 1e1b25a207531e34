"""No unreviewed behaviour reaches a reader: markup that runs, redirects or embeds.

Pages (Markdown and front matter) and data (YAML) must not contain what would run code, send the
reader elsewhere or embed another site, because none of it is visible in a pull request's text:

- the tags <script>, <meta> (a refresh tag redirects), <iframe>, <frame>, <object>, <embed>,
  <applet> and <base>;
- event attributes (onclick=, onerror=, …) in a tag or in an attribute list `{ … }`;
- javascript:, vbscript: and data: addresses, in a tag, a Markdown link or image, a reference
  definition or a data value (entities and spaces inside the scheme are seen through).

Code in `backticks` and fenced code blocks is shown, not run, and is not checked.

JavaScript comes only from the list in mkdocs.yml (`extra.allowed_javascript`), which maintainers
review (.github/CODEOWNERS): every .js file under docs/ must be on it, every entry must exist, and
`extra_javascript` may only name listed files. Given a built site, every <script> of every page
must load a listed file or one of the theme's own (byte for byte the file Material ships), no
other .js file may be in the site, and the rendered content of every page (its <article>) is read
for the same markup, which catches what hides from the source check (backticks inside a raw
HTML block are no code).

    python scripts/safety/check_markup.py [SITE_DIR] [--format text|json|github]

Exit codes: 0 clean, 1 problems found, 2 misuse. Every problem names the file and the source
line (the Markdown or YAML line, never the rendered one), in Vietnamese and English, with the fix.
"""

from __future__ import annotations

import bisect
import html
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Misuse, Problem, Text  # noqa: E402
from scripts.core.sitepages import iter_pages  # noqa: E402

TOOL = "check_markup"
HELP = "CONTRIBUTING.md#check-markup"

FORBIDDEN_TAGS = {
    "script": Text("chạy mã JavaScript trên máy người đọc", "runs JavaScript on the reader's device"),
    "meta": Text("có thể chuyển người đọc sang trang khác (http-equiv=refresh) hoặc đổi cách trang "
                 "hoạt động", "can send the reader to another site (http-equiv=refresh) or change "
                 "how the page behaves"),
    "iframe": Text("nhúng một trang khác vào trang", "embeds another page"),
    "frame": Text("nhúng một trang khác vào trang", "embeds another page"),
    "frameset": Text("nhúng một trang khác vào trang", "embeds another page"),
    "object": Text("nhúng một chương trình hay trang khác", "embeds another program or page"),
    "embed": Text("nhúng một chương trình hay trang khác", "embeds another program or page"),
    "applet": Text("nhúng một chương trình", "embeds a program"),
    "base": Text("đổi đích của mọi liên kết trên trang", "changes where every link of the page leads"),
}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset",
             "background", "cite", "longdesc", "ping", "codebase", "archive", "manifest", "content"}

_FORBIDDEN = re.compile(r"<\s*(" + "|".join(FORBIDDEN_TAGS) + r")\b", re.I)
# A start tag, quoted attribute values may hold ">" (may span lines).
_TAG = re.compile(r"<([a-zA-Z][\w:.-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*=[^{}\n]*)\}")
_ATTR = re.compile(r"([^\s\"'<>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_MD_REFDEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+)", re.M)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_STRIP = re.compile(r"[\x00-\x20\x7f]+")


def bad_scheme(value: str) -> str | None:
    """The dangerous scheme `value` starts with ("javascript:", …), seen as a browser sees it:
    entities decoded, spaces, tabs, newlines and control characters dropped, any case."""
    url = _STRIP.sub("", html.unescape(value)).lower()
    return next((s for s in BAD_SCHEMES if url.startswith(s)), None)


# ----------------------------------------------------------------------------------------------
# Finding markup in a text
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    offset: int            # where in the text
    code: str
    what: Text
    fix: Text


def _attr_value(raw: str | None) -> str:
    if raw is None:
        return ""
    return raw[1:-1] if raw[:1] in "\"'" else raw


def _attributes(text: str, start: int, where: Text) -> list[Finding]:
    found = []
    for m in _ATTR.finditer(text):
        name, value = m.group(1).lower(), _attr_value(m.group(2))
        if name.startswith("on") and len(name) > 2 and m.group(2) is not None:
            found.append(Finding(
                start + m.start(), "markup.event-attribute",
                Text(f"Thuộc tính '{name}=' {where.vi} chạy mã JavaScript khi người đọc thao tác.",
                     f"The attribute '{name}=' {where.en} runs JavaScript when the reader acts."),
                Text("Xóa thuộc tính này. Một tính năng cần JavaScript phải được người bảo trì duyệt "
                     f"({HELP}).", f"Remove the attribute. A feature that needs JavaScript must be "
                     f"reviewed by the maintainers ({HELP}).")))
        elif name in URL_ATTRS or name.endswith(":href"):
            values = [v.strip().split(" ")[0] for v in value.split(",")] if name == "srcset" else [value]
            if name == "content":   # <meta content="0;url=…">: the address after "url="
                values = [v.split("=", 1)[1] for v in re.split(r"[;,]", value) if "=" in v]
            for v in values:
                scheme = bad_scheme(v)
                if scheme:
                    found.append(_scheme_finding(start + m.start(), scheme))
    return found


def _scheme_finding(offset: int, scheme: str) -> Finding:
    return Finding(
        offset, "markup.url-scheme",
        Text(f"Địa chỉ '{scheme}…' chạy mã hoặc chứa nội dung không ai duyệt được trong tệp nguồn.",
             f"A '{scheme}…' address runs code or carries content nobody can review in the source."),
        Text("Dùng địa chỉ https://…, liên kết tới một trang .md của trang web, hoặc một tệp trong "
             f"docs/assets/ ({HELP}).", "Use an https://… address, a link to a .md page of the "
             f"site, or a file under docs/assets/ ({HELP})."))


def find_markup(text: str, data: bool = False) -> list[Finding]:
    """Everything in `text` that would run, redirect or embed. `data`: a YAML value (plain text;
    the whole value is also checked as an address)."""
    kind = (Text("trong dữ liệu", "in data") if data else Text("trong trang", "in a page"))
    found: list[Finding] = []
    for m in _FORBIDDEN.finditer(text):
        tag = m.group(1).lower()
        fix_vi, fix_en = "Xóa thẻ này.", "Remove the tag."
        if tag == "meta":
            fix_vi += " Trang đã chuyển chỗ: thêm một dòng vào data/redirects.yml (CONTRIBUTING.md#chuyen-trang)."
            fix_en += " A page that moved: add an entry to data/redirects.yml (CONTRIBUTING.md#moving-a-page)."
        elif tag == "script":
            fix_vi += (" Tính năng cần JavaScript: tệp .js trong docs/assets/javascripts/, ghi vào "
                       f"extra.allowed_javascript (mkdocs.yml), người bảo trì duyệt ({HELP}).")
            fix_en += (" A feature that needs JavaScript: a .js file in docs/assets/javascripts/, listed "
                       f"in extra.allowed_javascript (mkdocs.yml), reviewed by the maintainers ({HELP}).")
        else:
            fix_vi += " Đặt một liên kết thường tới trang hay tệp đó."
            fix_en += " Put an ordinary link to that page or file instead."
        if data:
            fix_vi += " Dữ liệu là chữ, không phải HTML."
            fix_en += " Data is text, not HTML."
        reason = FORBIDDEN_TAGS[tag]
        found.append(Finding(m.start(), f"markup.{tag}",
                             Text(f"Thẻ <{tag}> {kind.vi}: {reason.vi}.", f"A <{tag}> tag {kind.en}: {reason.en}."),
                             Text(fix_vi, fix_en)))
    for m in _TAG.finditer(text):
        found += _attributes(m.group(2), m.start(2), Text(f"trong thẻ <{m.group(1)}>", f"in a <{m.group(1)}> tag"))
    for m in _ATTR_LIST.finditer(text):
        found += _attributes(m.group(1), m.start(1), Text("trong danh sách thuộc tính { … }",
                                                          "in an attribute list { … }"))
    for pattern in (_MD_LINK, _MD_REFDEF):
        for m in pattern.finditer(text):
            scheme = bad_scheme(m.group(1))
            if scheme:
                found.append(_scheme_finding(m.start(1), scheme))
    if data:
        scheme = bad_scheme(text)
        if scheme and not any(f.offset == 0 for f in found):
            found.append(_scheme_finding(0, scheme))
    return sorted(found, key=lambda f: f.offset)


# ----------------------------------------------------------------------------------------------
# Sources: Markdown pages (front matter and body) and YAML data
# ----------------------------------------------------------------------------------------------

def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each `code span`: a run of backticks up to the next run of the same length,
    within one paragraph (a span never crosses a blank line). Linear in the text's length."""
    spans = []
    start = 0
    for block_end in [m.start() for m in _BLANK_LINE.finditer(text)] + [len(text)]:
        runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start, block_end)]
        by_length: dict[int, list[int]] = {}
        for index, (s, e) in enumerate(runs):
            by_length.setdefault(e - s, []).append(index)
        i = 0
        while i < len(runs):
            s, e = runs[i]
            same = by_length[e - s]
            j = bisect.bisect_right(same, i)
            if j < len(same):
                spans.append((s, runs[same[j]][1]))
                i = same[j] + 1
            else:
                i += 1
        start = block_end
    return spans


def mask_code(body: str) -> str:
    """The Markdown body with fenced code blocks and `code spans` blanked out: shown, not run.
    (Inside a raw HTML block neither is code; the check of the built site, which reads the
    rendered article, catches markup hidden that way.)"""
    lines = body.split("\n")
    inside, fence = False, ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if m and not inside:
            inside, fence = True, m.group(1)[0] * len(m.group(1))
            lines[i] = " " * len(line)
        elif inside:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                inside = False
            lines[i] = " " * len(line)
    masked = "\n".join(lines)
    out, last = [], 0
    for s, e in _code_spans(masked):
        out += [masked[last:s], re.sub(r"[^\n]", " ", masked[s:e])]
        last = e
    return "".join(out) + masked[last:]


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def yaml_findings(text: str, shown: str, first_line: int = 1) -> list[Problem]:
    """Markup in every string of a YAML document (keys and values, after YAML's own escapes such
    as "\\x3c" are decoded). `first_line`: the file line the document starts on."""
    try:
        root = yaml.compose(text)
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        return [Problem(shown, line, "markup.yaml",
                        Text("YAML không hợp lệ, không kiểm tra được.", "Invalid YAML: it cannot be checked."),
                        Text("Sửa YAML ở dòng này (thụt lề, dấu ':' trong ngoặc kép).",
                             "Fix the YAML on this line (indentation, quote values that contain ':')."))]
    problems = []
    stack = [root] if root is not None else []
    seen: set[int] = set()           # an alias is the same node: visit it once (no alias bombs)
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += [key, value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            start = first_line + node.start_mark.line + (1 if node.style in ("|", ">") else 0)
            for f in find_markup(node.value, data=True):
                line = start + (_line_at(node.value, f.offset) if node.style == "|" else 0)
                problems.append(Problem(shown, line, f.code, f.what, f.fix))
    return sorted(problems, key=lambda p: p.line)


def check_page(path: Path, root: Path = ROOT) -> list[Problem]:
    src = checkkit.read_source(path, root)
    if src.problem and src.problem.code.startswith("file."):
        return [src.problem]
    lines = src.text.split("\n")
    problems = []
    body_start = 0
    if src.has_front_matter and src.fm_end:
        problems += yaml_findings("\n".join(lines[1:src.fm_end - 1]), src.shown, first_line=2)
        body_start = src.fm_end
    body = "\n".join(lines[body_start:])
    masked = mask_code(body)
    for f in find_markup(masked):
        problems.append(Problem(src.shown, body_start + 1 + _line_at(masked, f.offset), f.code, f.what, f.fix))
    return problems


def check_data_file(path: Path, root: Path = ROOT) -> list[Problem]:
    shown = checkkit.display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(shown, 0, "file.unreadable",
                        Text(f"Không đọc được tệp như văn bản UTF-8 ({exc}).",
                             f"Cannot read the file as UTF-8 text ({exc})."),
                        Text("Lưu lại tệp với bảng mã UTF-8.", "Save the file again as UTF-8."))]
    return yaml_findings(text, shown)


# ----------------------------------------------------------------------------------------------
# JavaScript: only the files listed in mkdocs.yml
# ----------------------------------------------------------------------------------------------

def _config_line(config_text: str, needle: str) -> int:
    return checkkit.line_of(config_text, needle) or 1


def allowed_javascript(config: dict, key: str = "allowed_javascript") -> list[str]:
    extra = config.get("extra") or {}
    listed = extra.get(key) if isinstance(extra, dict) else None
    return [str(x) for x in listed] if isinstance(listed, list) else []


def site_javascript(config: dict) -> list[str]:
    """What a built site may hold: the reviewed files of docs/ (extra.allowed_javascript) and the
    files a hook writes from reviewed code (extra.generated_javascript, never under docs/)."""
    return allowed_javascript(config) + allowed_javascript(config, "generated_javascript")


def check_javascript_sources(root: Path = ROOT, config_path: Path | None = None) -> list[Problem]:
    config_path = config_path or root / "mkdocs.yml"
    config = checkkit.load_mkdocs_config(config_path)
    config_text = config_path.read_text(encoding="utf-8")
    shown_config = checkkit.display_path(config_path, root)
    docs = root / str(config.get("docs_dir") or "docs")
    allowed = allowed_javascript(config)
    problems = []
    if "allowed_javascript" not in (config.get("extra") or {}):
        problems.append(Problem(
            shown_config, 1, "js.no-list",
            Text("mkdocs.yml không có danh sách extra.allowed_javascript.",
                 "mkdocs.yml has no extra.allowed_javascript list."),
            Text("Thêm danh sách các tệp JavaScript được phép dưới extra: (mỗi tệp một dòng, kèm lý do).",
                 "Add the list of allowed JavaScript files under extra: (one file a line, with its reason).")))
    for entry in allowed:
        if not (docs / entry).is_file():
            problems.append(Problem(
                shown_config, _config_line(config_text, entry), "js.listed-missing",
                Text(f"'{entry}' có trong extra.allowed_javascript nhưng không có tệp docs/{entry}.",
                     f"'{entry}' is in extra.allowed_javascript but docs/{entry} does not exist."),
                Text("Xóa dòng đó khỏi danh sách, hoặc sửa đường dẫn.", "Remove the line from the list, or fix the path.")))
    for entry in allowed_javascript(config, "generated_javascript"):
        if (docs / entry).exists():
            problems.append(Problem(
                shown_config, _config_line(config_text, entry), "js.generated-in-docs",
                Text(f"'{entry}' có trong extra.generated_javascript (tệp do hook tạo ra) nhưng lại có "
                     f"tệp docs/{entry}.",
                     f"'{entry}' is in extra.generated_javascript (written by a hook) but docs/{entry} "
                     "exists too."),
                Text("Xóa tệp trong docs/ (hook tạo ra nó khi dựng trang), hoặc chuyển dòng sang "
                     "extra.allowed_javascript.",
                     "Delete the file under docs/ (the hook writes it at build time), or move the line to "
                     "extra.allowed_javascript.")))
    for path in sorted(docs.rglob("*")):
        if path.suffix.lower() not in (".js", ".mjs") or not path.is_file():
            continue
        rel = path.relative_to(docs).as_posix()
        if rel not in allowed:
            problems.append(Problem(
                checkkit.display_path(path, root), 1, "js.not-allowed",
                Text(f"Tệp JavaScript {rel} không có trong danh sách được phép (extra.allowed_javascript "
                     "trong mkdocs.yml): mã chạy trên máy người đọc phải được người bảo trì duyệt.",
                     f"The JavaScript file {rel} is not on the allowed list (extra.allowed_javascript in "
                     "mkdocs.yml): code that runs on readers' devices must be reviewed by the maintainers."),
                Text(f"Xóa tệp, hoặc thêm '{rel}' vào extra.allowed_javascript kèm lý do và ghi rõ trong "
                     f"yêu cầu hợp nhất để người bảo trì duyệt ({HELP}).",
                     f"Delete the file, or add '{rel}' to extra.allowed_javascript with its reason and say "
                     f"so in the pull request for the maintainers to review ({HELP}).")))
    for item in config.get("extra_javascript") or []:
        entry = str(item.get("path") if isinstance(item, dict) else item)
        if entry not in allowed:
            problems.append(Problem(
                shown_config, _config_line(config_text, entry), "js.extra-not-allowed",
                Text(f"extra_javascript nạp '{entry}', tệp không có trong extra.allowed_javascript.",
                     f"extra_javascript loads '{entry}', which is not in extra.allowed_javascript."),
                Text(f"Thêm nó vào danh sách (người bảo trì duyệt) hoặc bỏ nó khỏi extra_javascript ({HELP}).",
                     f"Add it to the list (maintainers review) or remove it from extra_javascript ({HELP}).")))
    return problems


def theme_javascript() -> dict[str, bytes]:
    """The theme's own scripts: path inside the site -> the bytes Material ships."""
    import material

    base = Path(material.__file__).resolve().parent / "templates"
    return {p.relative_to(base).as_posix(): p.read_bytes()
            for p in base.rglob("*.js") if p.is_file()}


_EXECUTABLE = ("", "text/javascript", "application/javascript", "module")


class _Article(HTMLParser):
    """What runs, redirects or embeds inside a built page's <article> (the page's own content and
    what hooks wrote into it; the theme's scripts and head are outside)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[tuple[int, str, str]] = []     # (built line, code, what: "<iframe", "onclick")

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        line = self.getpos()[0]
        a = {k.lower(): v or "" for k, v in attrs}
        if tag in FORBIDDEN_TAGS:
            self.found.append((line, f"markup.{tag}", f"<{tag}"))
        for name, value in a.items():
            if name.startswith("on") and len(name) > 2:
                self.found.append((line, "markup.event-attribute", name))
            elif name in URL_ATTRS and bad_scheme(value):
                # The school kit's QR codes are offered as data:image/… downloads (scripts/kit/).
                if bad_scheme(value) == "data:" and _is_image(value) and (tag == "img" or "download" in a):
                    continue
                self.found.append((line, "markup.url-scheme", bad_scheme(value) or ""))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def _is_image(url: str) -> bool:
    return _STRIP.sub("", html.unescape(url)).lower().startswith("data:image/")


def _source_line(source: Path, needle: str) -> int:
    """First line of the Markdown source that contains `needle` (any case), else 0."""
    try:
        lines = source.read_text(encoding="utf-8", errors="replace").lower().splitlines()
    except OSError:
        return 0
    return next((n for n, line in enumerate(lines, 1) if needle.lower() in line), 0)


def check_rendered(site: Path, root: Path = ROOT) -> list[Problem]:
    """Markup that runs, redirects or embeds in the rendered content of every built page, named
    at the Markdown file and line it most likely comes from: catches what the source check cannot
    see (a `code span` inside a raw HTML block is no code, an entity-encoded heading…)."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        parser = _Article()
        parser.feed(text)
        if not parser.found:
            continue
        facts = text.rfind("page-facts")
        match = re.search(r"(docs/[^\s<>\"]+\.md)", text[facts:]) if facts >= 0 else None
        source = match.group(1) if match else ""
        built = checkkit.display_path(path, root)
        for line, code, what in parser.found:
            where = Text(f" (trang đã dựng {built}, dòng {line})", f" (built page {built}, line {line})")
            shown, source_line = (source, _source_line(root / source, what)) if source else (built, line)
            problems.append(Problem(
                shown, source_line, code,
                Text(f"Nội dung trang có '{what}': chạy mã, chuyển trang hay nhúng trang khác{where.vi}.",
                     f"The page's content has '{what}': it runs code, redirects or embeds{where.en}."),
                Text("Xóa nó khỏi tệp Markdown (kể cả bên trong khối HTML, nơi dấu ` không tạo ra mã) "
                     f"hoặc khỏi dữ liệu mà hook đưa vào trang ({HELP}).",
                     "Remove it from the Markdown file (also inside an HTML block, where backticks make "
                     f"no code) or from the data a hook puts into the page ({HELP}).")))
    return problems


def check_site(site: Path, allowed: list[str], root: Path = ROOT) -> list[Problem]:
    """Every <script> of the built site loads a listed file or the theme's own; no other .js."""
    theme = theme_javascript()
    problems = []

    def ok_file(rel: str) -> bool:
        path = site / rel
        if rel in allowed:
            return path.is_file()
        return rel in theme and path.is_file() and path.read_bytes() == theme[rel]

    for path in sorted(site.rglob("*")):
        if path.suffix.lower() in (".js", ".mjs") and path.is_file():
            rel = path.relative_to(site).as_posix()
            if not ok_file(rel):
                problems.append(Problem(
                    checkkit.display_path(path, root), 0, "js.site-not-allowed",
                    Text(f"Trang đã dựng có tệp JavaScript {rel} không nằm trong danh sách được phép và "
                         "không phải của giao diện Material.",
                         f"The built site has a JavaScript file {rel} that is neither on the allowed list "
                         "nor the Material theme's own."),
                    Text(f"Tìm xem hook hay thư mục nào chép nó vào; thêm vào extra.allowed_javascript chỉ "
                         f"khi người bảo trì đã duyệt ({HELP}).",
                         f"Find which hook or folder copies it there; add it to extra.allowed_javascript only "
                         f"once the maintainers have reviewed it ({HELP}).")))
    for page in iter_pages(site):
        page_dir = page.path.parent.relative_to(site).as_posix()
        for link in page.links:
            if link.tag != "script":
                continue
            value = link.value
            parts = urlsplit(value)
            rel = None
            if not parts.scheme and not parts.netloc:
                joined = parts.path if parts.path.startswith("/") else f"{page_dir}/{parts.path}"
                rel = normpath(joined).lstrip("/")
                # served under a sub-path: "/tre-em/assets/…" — match on the part under the site
                if rel not in allowed and rel not in theme and "assets/" in rel:
                    rel = rel[rel.index("assets/"):]
            if rel is None or not ok_file(rel):
                problems.append(Problem(
                    checkkit.display_path(page.path, root), link.line, "js.script-src",
                    Text(f"Trang nạp <script src=\"{value}\">: không phải tệp trong extra.allowed_javascript "
                         "hay tệp của giao diện Material.",
                         f"The page loads <script src=\"{value}\">, which is neither a file of "
                         "extra.allowed_javascript nor the Material theme's own."),
                    Text(f"Bỏ thẻ này khỏi mẫu giao diện (overrides/) hay hook đã thêm nó ({HELP}).",
                         f"Remove the tag from the template (overrides/) or the hook that adds it ({HELP}).")))
        for code in page.inline_scripts:
            problems.append(Problem(
                checkkit.display_path(page.path, root), 0, "js.inline",
                Text(f"Trang có mã JavaScript viết thẳng trong <script>: {code.strip()[:60]!r}.",
                     f"The page has JavaScript written inside a <script> tag: {code.strip()[:60]!r}."),
                Text("Đưa mã vào một tệp trong extra.allowed_javascript (người bảo trì duyệt).",
                     "Move the code into a file on extra.allowed_javascript (maintainers review).")))
    return problems


# ----------------------------------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------------------------------

def check_sources(root: Path = ROOT) -> list[Problem]:
    problems = []
    for path in sorted((root / "docs").rglob("*.md")):
        problems += check_page(path, root)
    for path in sorted((root / "data").rglob("*")):
        if path.suffix in (".yml", ".yaml") and path.is_file():
            problems += check_data_file(path, root)
    problems += check_javascript_sources(root)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(
        prog="check_markup.py",
        description="Markup that runs, redirects or embeds, in pages and data; JavaScript only "
                    "from extra.allowed_javascript.")
    parser.add_argument("site", nargs="?", help="a built site to check too (its <script> tags and .js files)")
    checkkit.add_format_option(parser)
    args = parser.parse_args(argv)
    try:
        problems = check_sources(ROOT)
        if args.site:
            site = Path(args.site)
            if not site.is_dir():
                raise Misuse(Text(f"{site}: không có thư mục trang đã dựng (chạy `make build` trước).",
                                  f"{site}: no built site there (run `make build` first)."))
            config = checkkit.load_mkdocs_config(ROOT / "mkdocs.yml")
            problems += check_site(site, site_javascript(config), ROOT)
            problems += check_rendered(site, ROOT)
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    return checkkit.emit(problems, args.format, TOOL, "docs/, data/, mkdocs.yml" + (f", {args.site}" if args.site else ""))


if __name__ == "__main__":
    sys.exit(main())
