"""Check every page's review date: fails on a page without a valid `reviewed:`, with one in the
future, or whose review is overdue; warns about pages due within `warn_days` (mkdocs.yml
`extra.review`). Prints each page's dates so editors can plan.

    python scripts/review/check_review.py [--today YYYY-MM-DD] [--format text|json|github]
                                          [--issue-body FILE] [docs]
    exit 0 clean (warnings allowed), 1 problems, 2 misuse

`--issue-body FILE` also writes the pages that are overdue or due soon as a Markdown issue body
(the weekly workflow .github/workflows/review.yml opens or updates one issue with it); when no
page is due, FILE is not written (an old one is removed) and the command says so.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Problem, Text  # noqa: E402
from scripts.review import review  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TOOL = "check_review"
CONTRIBUTING_ANCHOR = "CONTRIBUTING.md#check-review"


@dataclass(frozen=True)
class Due:
    """A page whose review is overdue (days_left < 0) or due within warn_days."""
    page: str
    line: int
    reviewed: date
    due: date
    days_left: int


def check_page(path: Path, policy: review.ReviewPolicy, today: date,
               due_list: list[Due] | None = None) -> tuple[list[Problem], list[Problem], str]:
    """(problems, warnings, one line of figures) for one Markdown page; a page that is overdue or
    due soon is also appended to `due_list` when one is given."""
    src = checkkit.read_source(path)
    # the value as written (YAML would turn 2026-11-30 into a date and refuse 2026-02-30)
    written = re.search(r"^reviewed:[ \t]*['\"]?([^'\"\n#]*?)['\"]?[ \t]*(?:#.*)?$",
                        "\n".join(src.lines[: src.fm_end]), re.M) if src.has_front_matter else None
    raw = written.group(1) if written else None
    if src.problem and not (raw is not None and review.parse_reviewed(raw) is None):
        return [src.problem], [], ""
    shown = src.shown
    line = src.key_line("reviewed") if written else 1
    example = today.isoformat()
    if raw is None:
        return [Problem(
            shown, line, "review.missing",
            Text("Trang chưa ghi ngày rà soát ('reviewed:' ở đầu trang).",
                 "The page does not say when it was last reviewed ('reviewed:' in the front matter)."),
            Text(f"Đọc lại trang, kiểm tra nguồn, rồi thêm dòng 'reviewed: {example}' vào phần đầu trang.",
                 f"Read the page again, check its sources, then add 'reviewed: {example}' to the front matter."))], [], ""
    reviewed = review.parse_reviewed(raw)
    if reviewed is None:
        return [Problem(
            shown, line, "review.invalid",
            Text(f"Ngày rà soát '{raw}' không phải một ngày có thật dạng NĂM-THÁNG-NGÀY.",
                 f"The review date '{raw}' is not a real date written YEAR-MONTH-DAY."),
            Text(f"Viết ví dụ 'reviewed: {example}'.", f"Write for example 'reviewed: {example}'."))], [], ""
    if reviewed > today:
        return [Problem(
            shown, line, "review.future",
            Text(f"Ngày rà soát {reviewed.isoformat()} ở tương lai (hôm nay {today.isoformat()}).",
                 f"The review date {reviewed.isoformat()} is in the future (today is {today.isoformat()})."),
            Text("Ghi ngày trang thực sự được rà soát.", "Write the day the page was actually reviewed."))], [], ""
    text = src.text
    months = review.page_policy_months(text, policy)
    due = review.add_months(reviewed, months)
    legal = review.is_legal_or_phone(text)
    kind_vi = "có nội dung pháp luật hoặc số điện thoại" if legal else "thông thường"
    kind_en = "legal or phone content" if legal else "ordinary page"
    figures = f"{shown}: reviewed {reviewed.isoformat()}, next due {due.isoformat()} ({months} months, {kind_en})"
    left = (due - today).days
    fix = Text(f"Rà soát lại trang (nội dung, nguồn, số điện thoại) rồi đổi thành 'reviewed: {example}'.",
               f"Review the page again (content, sources, phone numbers), then change it to 'reviewed: {example}'.")
    if left <= policy.warn_days and due_list is not None:
        due_list.append(Due(shown, line, reviewed, due, left))
    if left < 0:
        return [Problem(
            shown, line, "review.overdue",
            Text(f"Đã quá hạn rà soát {-left} ngày: rà soát lần cuối {reviewed.isoformat()}, hạn "
                 f"{due.isoformat()} (trang {kind_vi}: {months} tháng).",
                 f"The review is {-left} days overdue: last reviewed {reviewed.isoformat()}, due "
                 f"{due.isoformat()} ({kind_en}: every {months} months)."), fix)], [], figures
    if left <= policy.warn_days:
        return [], [Problem(
            shown, line, "review.due-soon",
            Text(f"Sắp đến hạn rà soát: còn {left} ngày (hạn {due.isoformat()}).",
                 f"Review due soon: {left} days left (due {due.isoformat()})."), fix)], figures
    return [], [], figures


def _cell(text: str) -> str:
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`"


def _pages(n: int) -> str:
    return f"{n} page" if n == 1 else f"{n} pages"


def markdown_report(entries: list[Due], today: date, policy: review.ReviewPolicy) -> str:
    """The pages that are overdue or due soon, as a bilingual Markdown issue body ("" when none)."""
    if not entries:
        return ""
    overdue = sorted((e for e in entries if e.days_left < 0), key=lambda e: (e.due, e.page))
    soon = sorted((e for e in entries if e.days_left >= 0), key=lambda e: (e.due, e.page))
    out = [f"Hôm nay / Today: {today.isoformat()}. Trang có nội dung pháp luật hoặc số điện thoại "
           f"rà soát {policy.legal_months} tháng một lần, trang khác {policy.months} tháng / pages with "
           f"legal or phone content are reviewed every {policy.legal_months} months, others every "
           f"{policy.months}.", ""]
    sections = (
        (overdue, f"Quá hạn rà soát ({len(overdue)} trang) / Review overdue ({_pages(len(overdue))})",
         lambda e: f"quá {-e.days_left} ngày / {-e.days_left} days overdue"),
        (soon, f"Sắp đến hạn, trong {policy.warn_days} ngày ({len(soon)} trang) / Due within "
               f"{policy.warn_days} days ({_pages(len(soon))})",
         lambda e: f"còn {e.days_left} ngày / {e.days_left} days left"),
    )
    for rows, heading, left in sections:
        if not rows:
            continue
        out += [f"## {heading}", "",
                "| Trang / Page | Rà soát lần cuối / Last reviewed | Hạn / Due | Còn lại / Left |",
                "|---|---|---|---|"]
        out += [f"| {_cell(f'{e.page}:{e.line}')} | {e.reviewed.isoformat()} | {e.due.isoformat()} | {left(e)} |"
                for e in rows]
        out.append("")
    out += ["## Cách sửa / How to fix", "",
            "Đọc lại từng trang (cả bản tiếng Anh), kiểm tra nguồn và số điện thoại, rồi đổi "
            "`reviewed:` ở đầu trang thành ngày rà soát, trong một yêu cầu hợp nhất. Xem "
            f"`{CONTRIBUTING_ANCHOR}`.",
            "",
            "Read each page again (and its English twin), check its sources and phone numbers, then "
            "set `reviewed:` in its front matter to the day you reviewed it, in a pull request. See "
            f"`{CONTRIBUTING_ANCHOR}`.", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog="check_review.py",
                                     description="Check the review dates of every page.")
    parser.add_argument("docs", nargs="?", default=str(ROOT / "docs"))
    parser.add_argument("--today", default=None, help="the day to check against (YYYY-MM-DD)")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--quiet", action="store_true", help="do not print each page's dates")
    parser.add_argument("--issue-body", metavar="FILE", default=None,
                        help="also write the overdue and due-soon pages to FILE as a Markdown issue "
                             "body (FILE is removed when no page is due)")
    checkkit.add_format_option(parser)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    docs = Path(args.docs)
    if not docs.is_dir():
        return checkkit.misuse(TOOL, Text(f"{docs}: không phải thư mục.", f"{docs}: not a folder."))
    today = date.today()
    if args.today:
        today = review.parse_reviewed(args.today)
        if today is None:
            return checkkit.misuse(TOOL, Text(f"--today '{args.today}' không phải ngày NĂM-THÁNG-NGÀY.",
                                              f"--today '{args.today}' is not a YEAR-MONTH-DAY date."))
    try:
        policy = review.ReviewPolicy.from_config(checkkit.load_mkdocs_config(Path(args.config)).get("extra"))
    except (ValueError, OSError) as exc:
        return checkkit.misuse(TOOL, Text(str(exc), str(exc)))
    problems, warnings, figures, due = [], [], [], []
    for path in sorted(docs.rglob("*.md")):
        p, w, f = check_page(path, policy, today, due)
        problems += p
        warnings += w
        if f:
            figures.append(f)
    if args.format == "text" and not args.quiet:
        print(f"Ngày rà soát / review dates (hôm nay / today {today.isoformat()}; "
              f"{policy.legal_months} tháng / months for legal or phone content, "
              f"{policy.months} for others):")
        for line in figures:
            print("  " + line)
    for w in warnings:
        if args.format == "github":
            print(f"::warning file={w.file},line={w.line}::{w.what.vi} / {w.what.en}")
        elif args.format == "text":
            print(f"{w.file}:{w.line}: [{w.code}] cảnh báo / warning\n    {w.what.vi}\n    {w.what.en}\n"
                  f"    {w.fix.vi}\n    {w.fix.en}")
    if args.issue_body:
        body = Path(args.issue_body)
        report = markdown_report(due, today, policy)
        try:
            if report:
                body.write_text(report, encoding="utf-8")
            else:
                body.unlink(missing_ok=True)
        except OSError as exc:
            return checkkit.misuse(TOOL, Text(
                f"--issue-body {body}: không ghi được ({exc.strerror}). Chọn một tên tệp trong thư mục đã có.",
                f"--issue-body {body}: cannot write it ({exc.strerror}). Give a file name in a folder that exists."))
        # on stderr: stdout stays the chosen --format
        print(f"{body}: {len(due)} trang đến hạn rà soát / pages due for review." if report else
              f"Không có trang nào đến hạn rà soát / No page is due for review ({body} không ghi / not written).",
              file=sys.stderr)
    return checkkit.emit(problems, args.format, TOOL, checked=f"{len(figures)} trang / pages")


if __name__ == "__main__":
    sys.exit(main())
