"""Run every check, show every tool's problems, then fail once: what `make check` runs.

    python scripts/core/run_checks.py NAME=COMMAND [NAME@NEEDS=COMMAND ...]

Each COMMAND is one tool's own command line (split like a shell would, run without a shell),
run in the order given with its output passed through unchanged, whatever the earlier ones
returned: an editor sees the problems of all tools in one run instead of one tool at a time.
`NAME@NEEDS` runs only if the step NEEDS succeeded (the checks of the built site need the build:
after a failed build they would report a missing or half-written site, not the editor's mistake).

At the end, one line per tool (its name, its exit code, what that means) and the exit code:
0 when every tool returned 0, 1 otherwise. Standard library only.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass

_STEP = re.compile(r"^(?P<name>[\w.-]+)(?:@(?P<needs>[\w.-]+))?=(?P<command>.+)$", re.S)
MEANING = {0: ("không có lỗi", "no problems"), 1: ("có lỗi, xem ở trên", "problems found, see above"),
           2: ("dùng sai hoặc thiếu đầu vào", "misuse or missing input")}


@dataclass
class Step:
    name: str
    command: list[str]
    needs: str | None = None
    code: int | None = None         # None: not run
    seconds: float = 0.0
    note: str = ""


def parse(args: list[str]) -> list[Step]:
    steps = []
    for arg in args:
        match = _STEP.match(arg.strip())
        if not match:
            raise ValueError(f"'{arg}': cần dạng TÊN=LỆNH / expected NAME=COMMAND")
        steps.append(Step(match["name"], shlex.split(match["command"]), match["needs"]))
    names = [s.name for s in steps]
    for step in steps:
        if step.needs and step.needs not in names[: names.index(step.name)]:
            raise ValueError(f"'{step.name}@{step.needs}': '{step.needs}' phải là một bước chạy trước / "
                             f"must be an earlier step")
    return steps


def run(steps: list[Step], out=None) -> int:
    out = out or sys.stdout
    by_name = {s.name: s for s in steps}
    for step in steps:
        if step.needs and by_name[step.needs].code != 0:
            step.note = (f"bỏ qua vì '{step.needs}' lỗi / skipped: '{step.needs}' failed")
            continue
        out.write(f"\n=== {step.name}: {shlex.join(step.command)}\n")
        out.flush()
        start = time.monotonic()
        try:
            step.code = subprocess.run(step.command).returncode
        except OSError as exc:
            step.code = 2
            out.write(f"{step.name}: không chạy được lệnh / cannot run the command: {exc}\n")
        step.seconds = time.monotonic() - start
    return summarize(steps, out)


def summarize(steps: list[Step], out) -> int:
    width = max(len(s.name) for s in steps)
    out.write("\n=== Tóm tắt / Summary\n")
    failed = 0
    for step in steps:
        if step.code is None:
            mark, text = "SKIP", step.note
            failed += 1
        else:
            vi, en = MEANING.get(step.code, ("lỗi", "failed"))
            mark = "ok  " if step.code == 0 else "FAIL"
            text = f"exit {step.code}: {vi} / {en} ({step.seconds:.1f} s)"
            failed += step.code != 0
        out.write(f"{mark} {step.name:<{width}}  {text}\n")
    if failed:
        out.write(f"{failed}/{len(steps)} công cụ không đạt / tool(s) did not pass.\n")
        return 1
    out.write(f"Cả {len(steps)} công cụ đều đạt / all {len(steps)} tools passed.\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        steps = parse(sys.argv[1:] if argv is None else argv)
    except ValueError as exc:
        print(f"run_checks.py: {exc}", file=sys.stderr)
        return 2
    if not steps:
        print("run_checks.py: không có lệnh nào / no commands given: NAME=COMMAND …", file=sys.stderr)
        return 2
    return run(steps)


if __name__ == "__main__":
    sys.exit(main())
