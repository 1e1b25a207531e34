"""`make check` runs every tool and reports all problems before failing (scripts/core/run_checks.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from fixture_project import make_project

RUNNER = ROOT / "scripts" / "core" / "run_checks.py"


def runner(*steps: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(RUNNER), *steps], cwd=cwd, capture_output=True, text=True)


def py(code: str) -> str:
    return f"{sys.executable} -c \"{code}\""


def test_every_tool_runs_after_a_failure_and_each_gets_a_summary_line():
    done = runner(f"first={py('print(1234); raise SystemExit(1)')}",
                  f"second={py('print(5678)')}",
                  f"third={py('import sys; print(91011, file=sys.stderr); raise SystemExit(2)')}")
    assert done.returncode == 1
    out = done.stdout + done.stderr
    assert "1234" in out and "5678" in out and "91011" in out       # all three ran
    summary = done.stdout.split("Summary", 1)[1].splitlines()
    assert any(l.startswith("FAIL first") and "exit 1" in l for l in summary)
    assert any(l.startswith("ok   second") and "exit 0" in l for l in summary)
    assert any(l.startswith("FAIL third") and "exit 2" in l for l in summary)
    assert "2/3" in done.stdout


def test_all_passing_exits_0():
    done = runner(f"a={py('pass')}", f"b@a={py('pass')}")
    assert done.returncode == 0 and "all 2 tools passed" in done.stdout


def test_a_step_that_needs_a_failed_step_is_skipped_and_counted():
    done = runner(f"build={py('raise SystemExit(1)')}", f"on_site@build={py('print(4242)')}",
                  f"source={py('print(777)')}")
    assert done.returncode == 1
    assert "4242" not in done.stdout and "777" in done.stdout
    assert any(l.startswith("SKIP on_site") and "'build' failed" in l for l in done.stdout.splitlines())


def test_misuse_of_the_runner_exits_2():
    assert runner().returncode == 2
    assert runner("no equals sign").returncode == 2
    assert runner(f"a@later={py('pass')}", f"later={py('pass')}").returncode == 2
    done = runner("missing=/no/such/program")
    assert done.returncode == 1 and "FAIL missing" in done.stdout and "Traceback" not in done.stderr


def test_make_check_reports_the_problems_of_every_tool_in_one_run(tmp_path):
    """The Makefile's own recipe on a broken copy: an FAQ question without its id (the build and
    check_faq fail) and a placeholder on another page (check_content fails). Both tools'
    messages appear, the checks of the built site are skipped, and make fails."""
    project = make_project(tmp_path / "p")
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    faq = project / "docs/vi/hoi-dap/cha-me/index.md"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace(" {#tre-em-la-ai}", "", 1), encoding="utf-8")
    about = project / "docs/vi/gioi-thieu/index.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nTODO viết tiếp.\n", encoding="utf-8")
    done = subprocess.run(["make", "--no-print-directory", "run-checks", f"BIN={Path(sys.executable).parent}"],
                          cwd=project, capture_output=True, text=True, timeout=600)
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    assert "question has no stable id" in out                              # check_faq
    assert "docs/vi/gioi-thieu/index.md" in out and "content.placeholder" in out   # check_content
    lines = out.splitlines()
    for name in ("build", "check_faq", "check_content"):
        assert any(l.startswith(f"FAIL {name}") for l in lines), out[-3000:]
    for name in ("check_links", "check_urls", "search_index", "check_deadlines"):
        assert any(l.startswith(f"SKIP {name}") for l in lines), out[-3000:]
    assert any(l.startswith("ok   comm_kit") for l in lines)
    assert "Traceback" not in out
