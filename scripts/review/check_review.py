"""Check every page's review date: fails on a page without a valid `reviewed:`, with one in the
future, or whose review is overdue; warns about pages due within `warn_days` (mkdocs.yml
`extra.review`). Prints each page's dates so editors can plan.

    python scripts/review/check_review.py [--today YYYY-MM-DD] [--format text|json|github] [docs]
    exit 0 clean (warnings allowed), 1 problems, 2 misuse
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Problem, Text  # noqa: E402
from scripts.review import review  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TOOL = "check_review"


def check_page(path: Path, policy: review.ReviewPolicy, today: date) -> tuple[list[Problem], list[Problem], str]:
    """(problems, warnings, one line of figures) for one Markdown page."""
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


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog="check_review.py",
                                     description="Check the review dates of every page.")
    parser.add_argument("docs", nargs="?", default=str(ROOT / "docs"))
    parser.add_argument("--today", default=None, help="the day to check against (YYYY-MM-DD)")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--quiet", action="store_true", help="do not print each page's dates")
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
    problems, warnings, figures = [], [], []
    for path in sorted(docs.rglob("*.md")):
        p, w, f = check_page(path, policy, today)
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
    return checkkit.emit(problems, args.format, TOOL, checked=f"{len(figures)} trang / pages")


if __name__ == "__main__":
    sys.exit(main())
