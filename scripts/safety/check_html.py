"""Valid HTML on every page: html-validate on the built site, Material's known markup excepted.

html-validate (npm, pinned in scripts/safety/package.json and package-lock.json, installed by
`make test` with `npm ci`) checks every built page against the HTML standard (its "standard"
preset, scripts/safety/htmlvalidate.json). The only errors accepted are the Material theme's own
markup listed with their reasons in scripts/safety/html_exceptions.yml (rule + CSS selector); an
exception that no page needs any more is reported too (--unused; the test suite does this on
its build, which has every feature on). Each problem names the built page and
line and the Markdown file the page is made from.

    python scripts/safety/check_html.py [SITE_DIR] [--format text|json|github]

Exit codes: 0 clean, 1 problems found, 2 misuse (no site, html-validate not installed).
Only `make test` needs it (and Node.js); `make serve` and `make build` do not.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Misuse, Problem, Text  # noqa: E402

TOOL = "check_html"
HERE = Path(__file__).resolve().parent
VALIDATOR = HERE / "node_modules" / ".bin" / "html-validate"
CONFIG = HERE / "htmlvalidate.json"
EXCEPTIONS = HERE / "html_exceptions.yml"
HELP = "CONTRIBUTING.md#check-html"
# The page footer names the Markdown file (overrides/partials/source-file.html).
_SOURCE = re.compile(r"(docs/[^\s<>\"]+\.md)")


@dataclass(frozen=True)
class Allowed:
    rule: str
    selector: str       # a regular expression matched at the end of html-validate's selector
    reason: str
    line: int
    message: str = ""   # when given, the error's message must contain it

    def matches(self, error: dict) -> bool:
        return (error.get("ruleId") == self.rule
                and re.search(f"(?:{self.selector})$", error.get("selector") or "") is not None
                and self.message in (error.get("message") or ""))


def load_exceptions(path: Path = EXCEPTIONS) -> list[Allowed]:
    shown = checkkit.display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.safe_load(text) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise Misuse(Text(f"{shown}: không đọc được danh sách ngoại lệ ({exc}).",
                          f"{shown}: cannot read the list of exceptions ({exc}).")) from None
    if not isinstance(raw, list):
        raise Misuse(Text(f"{shown}: cần một danh sách các mục rule, selector, reason.",
                          f"{shown}: expected a list of entries with rule, selector, reason."))
    out = []
    for item in raw:
        ok = isinstance(item, dict) and all(isinstance(item.get(k), str) and item[k].strip()
                                            for k in ("rule", "selector", "reason"))
        line = checkkit.line_of(text, f'"{item.get("selector")}"') if isinstance(item, dict) else 0
        if not ok:
            raise Misuse(Text(f"{shown}:{line or 1}: mỗi ngoại lệ cần rule, selector và reason (lý do).",
                              f"{shown}:{line or 1}: every exception needs rule, selector and reason."))
        try:
            re.compile(item["selector"])
        except re.error:
            raise Misuse(Text(f"{shown}:{line or 1}: selector không phải biểu thức chính quy hợp lệ.",
                              f"{shown}:{line or 1}: the selector is not a valid regular expression.")) from None
        out.append(Allowed(item["rule"], item["selector"], item["reason"], line or 1,
                           str(item.get("message") or "")))
    return out


def find_validator(validator: Path = VALIDATOR) -> Path:
    if validator.is_file():
        return validator
    how_vi = "chạy `make test`, hoặc `cd scripts/safety && npm ci` (cần gói Debian nodejs và npm)"
    how_en = "run `make test`, or `cd scripts/safety && npm ci` (needs Debian's nodejs and npm packages)"
    if not shutil.which("npm"):
        how_vi = "cài Node.js: `apt-get install nodejs npm`, rồi " + how_vi
        how_en = "install Node.js: `apt-get install nodejs npm`, then " + how_en
    raise Misuse(Text(f"Chưa cài html-validate ({checkkit.display_path(validator)}): {how_vi}.",
                      f"html-validate is not installed ({checkkit.display_path(validator)}): {how_en}."))


def run_validator(site: Path, validator: Path = VALIDATOR) -> list[dict]:
    """html-validate's JSON report for every .html file of `site` (one entry per file with messages)."""
    files = sorted(str(p) for p in site.rglob("*.html"))
    if not files:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        # A file, not stdout: Node may exit before a large report is flushed into a pipe.
        out = Path(tmp) / "report.json"
        done = subprocess.run([str(find_validator(validator)), "--config", str(CONFIG),
                               "--formatter", f"json={out}", *files], capture_output=True, text=True)
        try:
            report = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else None
        except ValueError:
            report = None
    if done.returncode not in (0, 1) or not isinstance(report, list):
        raise Misuse(Text(f"html-validate dừng bất thường (mã {done.returncode}): {done.stderr.strip()[:500]}",
                          f"html-validate failed (exit {done.returncode}): {done.stderr.strip()[:500]}"))
    return report


def source_of(page: Path) -> str:
    """The Markdown file a built page is made from, as its footer names it ("" if none)."""
    try:
        text = page.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    facts = text.rfind("page-facts")
    match = _SOURCE.search(text, facts if facts >= 0 else 0)
    return match.group(1) if match else ""


def check(site: Path, exceptions: list[Allowed], report: list[dict],
          require_all_used: bool = False) -> list[Problem]:
    """Problems of the report, less the exceptions. `require_all_used`: an exception no page needs
    is a problem too (the test suite's build has every feature on, an edit link included)."""
    used: set[Allowed] = set()
    problems = []
    for result in report:
        page = Path(result["filePath"])
        shown = checkkit.display_path(page)
        source = source_of(page)
        for m in result.get("messages") or []:
            match = next((e for e in exceptions if e.matches(m)), None)
            if match:
                used.add(match)
                continue
            src_vi = f" Trang này dựng từ {source}." if source else ""
            src_en = f" This page is made from {source}." if source else ""
            problems.append(Problem(
                shown, int(m.get("line") or 0), f"html.{m.get('ruleId')}",
                Text(f"HTML không hợp lệ: {m.get('message')} (ở {m.get('selector') or 'trang'}).{src_vi}",
                     f"Invalid HTML: {m.get('message')} (at {m.get('selector') or 'the page'}).{src_en}"),
                Text("Sửa HTML viết tay trong tệp Markdown (thẻ đóng mở đúng cặp, không đặt <ul>, <div> "
                     "trong <p>), hoặc mẫu giao diện / hook đã sinh ra nó. Quy tắc: "
                     f"{m.get('ruleUrl', '')} ({HELP})",
                     "Fix the hand-written HTML in the Markdown file (tags opened and closed in pairs, no "
                     "<ul> or <div> inside <p>), or the template / hook that produced it. The rule: "
                     f"{m.get('ruleUrl', '')} ({HELP})"),
                column=m.get("column")))
    if require_all_used:
        shown = checkkit.display_path(EXCEPTIONS)
        for e in exceptions:
            if e not in used:
                problems.append(Problem(
                    shown, e.line, "html.unused-exception",
                    Text(f"Ngoại lệ {e.rule} {e.selector} không còn trang nào cần.",
                         f"The exception {e.rule} {e.selector} is no longer needed by any page."),
                    Text("Xóa mục này khỏi danh sách ngoại lệ.", "Remove the entry from the list of exceptions.")))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog="check_html.py",
                                     description="Validate every page of a built site with html-validate.")
    parser.add_argument("site", nargs="?", default="site", help="the built site (default: site)")
    parser.add_argument("--unused", action="store_true",
                        help="also report exceptions that no page needs (for a build with REPO_URL set)")
    checkkit.add_format_option(parser)
    args = parser.parse_args(argv)
    site = Path(args.site)
    try:
        if not site.is_dir():
            raise Misuse(Text(f"{site}: không có thư mục trang đã dựng (chạy `make build` trước).",
                              f"{site}: no built site there (run `make build` first)."))
        problems = check(site, load_exceptions(), run_validator(site), require_all_used=args.unused)
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    return checkkit.emit(problems, args.format, TOOL, str(site))


if __name__ == "__main__":
    sys.exit(main())
