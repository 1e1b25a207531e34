"""The GitHub Actions workflows parse, and every command they run exists in this repository."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
# Official actions only, each pinned to a full commit SHA (its version in a comment; the comment
# is checked by scripts/supply/check_supply.py, which reads the raw file).
ALLOWED_ACTIONS = {"actions/checkout", "actions/setup-python", "actions/cache", "actions/configure-pages",
                   "actions/upload-pages-artifact", "actions/deploy-pages"}


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z0-9_.\-/$()]+):(?!=)", text, re.M))
    return {t.replace("$(VENV)", ".venv") for t in targets}


def run_lines(workflow: dict):
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            for line in (step.get("run") or "").splitlines():
                yield job_name, line.strip()


def test_there_are_the_four_workflows():
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "publish.yml", "links.yml", "review.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_well_formed(path):
    wf = load(path)
    assert wf.get("name") and wf["on"] and wf["jobs"]
    for name, job in wf["jobs"].items():
        assert job.get("runs-on") == "ubuntu-latest", name
        assert job.get("steps"), name
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{name}: a step needs exactly one of uses/run"
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                assert action in ALLOWED_ACTIONS, step["uses"]
                assert re.fullmatch(r"[0-9a-f]{40}", version), f"{step['uses']}: pin a commit SHA"


def test_triggers():
    wfs = {p.name: load(p) for p in WORKFLOWS}
    assert "pull_request" in wfs["ci.yml"]["on"]
    assert wfs["publish.yml"]["on"]["push"]["branches"] == ["main"]
    assert wfs["links.yml"]["on"]["schedule"][0]["cron"]
    perms = wfs["publish.yml"]["permissions"]
    assert perms["pages"] == "write" and perms["id-token"] == "write"


def test_pull_requests_run_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\nmake test\n" in readme
    lines = [line for _, line in run_lines(load(ROOT / ".github/workflows/ci.yml"))]
    assert "make test" in lines


def test_make_targets_used_exist():
    targets = make_targets()
    for path in WORKFLOWS:
        for job, line in run_lines(load(path)):
            for target in re.findall(r"(?:^|&&|;)\s*make\s+([\w./-]+)", line):
                assert target in targets, f"{path.name}/{job}: make {target} is not a Makefile target"


def test_scripts_used_exist_and_accept_their_options():
    seen = 0
    for path in WORKFLOWS:
        for job, line in run_lines(load(path)):
            for match in re.finditer(r"(scripts/[\w/]+\.py)([^|;&]*)", line):
                script, rest = match.group(1), match.group(2)
                assert (ROOT / script).is_file(), f"{path.name}/{job}: {script} does not exist"
                usage = subprocess.run([sys.executable, script, "--help"], cwd=ROOT, capture_output=True,
                                       text=True, timeout=60)
                assert usage.returncode == 0, f"{script} --help failed: {usage.stderr}"
                for option in [w for w in shlex.split(rest) if w.startswith("--")]:
                    assert option in usage.stdout, f"{path.name}: {script} has no option {option}"
                seen += 1
    assert seen, "expected the link workflow to call scripts/links/check_links.py"


def daily_crons(workflow: dict) -> list[str]:
    """The schedule entries that fire once every day: 'M H * * *' with a single minute and hour."""
    entries = (workflow["on"] or {}).get("schedule") or []
    return [e["cron"] for e in entries
            if re.fullmatch(r"([0-5]?\d) ([01]?\d|2[0-3]) \* \* \*", str(e.get("cron", "")).strip())]


def test_publishing_runs_daily_and_on_push():
    """The task pages compute "overdue" and "days left" from the build date: a daily build keeps
    them true between commits, and the build's "today" is the date in Viet Nam."""
    wf = load(ROOT / ".github/workflows/publish.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert daily_crons(wf), "publish.yml needs a daily `schedule:` cron ('M H * * *')"
    build_steps = [s for s in wf["jobs"]["build"]["steps"] if "make check" in (s.get("run") or "")]
    assert build_steps and all(s["env"]["TZ"] == "Asia/Ho_Chi_Minh" for s in build_steps)


@pytest.mark.parametrize("cron,daily", [("5 17 * * *", True), ("0 2 * * 1", False),
                                        ("*/5 * * * *", False), ("0 0 1 * *", False)])
def test_daily_cron_reader(cron, daily):
    assert bool(daily_crons({"on": {"schedule": [{"cron": cron}]}})) == daily
    assert daily_crons({"on": {"push": {}}}) == []


# -- the weekly review-date issue (review.yml, issue 14) -------------------------------------------

REVIEW = ROOT / ".github/workflows/review.yml"
LINKS = ROOT / ".github/workflows/links.yml"


def weekly_crons(workflow: dict) -> list[str]:
    """The schedule entries that fire once a week: 'M H * * D' with a single minute, hour and day."""
    entries = (workflow["on"] or {}).get("schedule") or []
    return [e["cron"] for e in entries
            if re.fullmatch(r"([0-5]?\d) ([01]?\d|2[0-3]) \* \* [0-7]", str(e.get("cron", "")).strip())]


@pytest.mark.parametrize("cron,weekly", [("0 2 * * 1", True), ("5 17 * * *", False),
                                         ("0 2 * * 1-5", False), ("0 0 1 * *", False)])
def test_weekly_cron_reader(cron, weekly):
    assert bool(weekly_crons({"on": {"schedule": [{"cron": cron}]}})) == weekly


def review_steps() -> tuple[dict, dict, dict]:
    """(the workflow, the step that runs the check, the step that opens or updates the issue)."""
    wf = load(REVIEW)
    steps = wf["jobs"]["review-dates"]["steps"]
    check = [s for s in steps if "scripts/review/check_review.py" in (s.get("run") or "")]
    issue = [s for s in steps if "gh issue" in (s.get("run") or "")]
    assert len(check) == 1 and len(issue) == 1, "one check step and one issue step"
    return wf, check[0], issue[0]


def test_review_workflow_runs_weekly_like_the_link_workflow_with_the_same_pinned_actions():
    wf, _, _ = review_steps()
    links = load(LINKS)
    assert weekly_crons(wf) and weekly_crons(links)
    assert wf["on"]["schedule"] == links["on"]["schedule"] and "workflow_dispatch" in wf["on"]
    assert wf["permissions"] == {"contents": "read", "issues": "write"} == links["permissions"]
    pins = {s["uses"] for s in wf["jobs"]["review-dates"]["steps"] if "uses" in s}
    used_elsewhere = {s["uses"] for p in WORKFLOWS if p != REVIEW
                      for job in load(p)["jobs"].values() for s in job["steps"] if "uses" in s}
    assert pins and pins <= used_elsewhere, "reuse the exact SHAs already pinned in the other workflows"


def test_review_workflow_installs_only_the_locked_requirements_and_runs_the_check():
    _, check, _ = review_steps()
    lines = [line.strip() for line in check["run"].splitlines()]
    assert "make .venv/.test-deps" in lines and not any("pip install" in line for line in lines)
    assert check["env"]["TZ"] == "Asia/Ho_Chi_Minh"
    command = next(line for line in lines if "check_review.py" in line)
    words = shlex.split(command.split("||")[0])
    assert words[:2] == [".venv/bin/python", "scripts/review/check_review.py"]
    assert words[words.index("--issue-body") + 1] == "review-issue.md"
    # a misuse (exit 2) stops the job before any issue is touched; 0 and 1 go on to the issue step
    assert "test \"$status\" -le 1" in lines


def check_options() -> list[str]:
    _, check, _ = review_steps()
    command = next(line for line in check["run"].splitlines() if "check_review.py" in line)
    return shlex.split(command.split("||")[0])[2:]


@pytest.mark.parametrize("today, code, heading", [
    ("2026-12-01", 0, None),                     # nothing due: no issue body
    ("2027-05-20", 0, "Due within 30 days"),     # legal pages due 2027-05-30
    ("2027-06-01", 1, "Review overdue"),
])
def test_the_workflow_command_writes_the_issue_body_for_the_real_pages(tmp_path, capsys, today, code, heading):
    from scripts.review import check_review

    options = check_options()
    body = tmp_path / "review-issue.md"
    options[options.index("--issue-body") + 1] = str(body)
    assert check_review.main(options + ["--today", today]) == code
    if heading is None:
        assert not body.exists() and "No page is due for review" in capsys.readouterr().err
    else:
        text = body.read_text(encoding="utf-8")
        assert heading in text and "`docs/vi/index.md:" in text and "CONTRIBUTING.md#check-review" in text


def run_issue_step(tmp_path: Path, open_issues: list[dict], report: str | None) -> tuple[list[list[str]], Path]:
    """Run the issue step's shell script with a stand-in `gh` that logs its arguments and answers
    `gh issue list` with `open_issues` through the step's own --jq filter."""
    import json
    import os
    import shutil

    if not shutil.which("jq") or not shutil.which("bash"):
        pytest.skip("needs bash and jq (both on GitHub's ubuntu-latest runners)")
    _, _, step = review_steps()
    values = {"github.token": "token", "github.server_url": "https://github.com",
              "github.repository": "owner/site", "github.run_id": "42",
              "github.event.repository.default_branch": "main"}

    def expand(text: str) -> str:
        def one(match):
            assert match.group(1) in values, f"unknown expression {match.group(1)}"
            return values[match.group(1)]
        return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", one, text)

    work, bin_dir = tmp_path / "work", tmp_path / "bin"
    work.mkdir(parents=True)
    bin_dir.mkdir()
    (tmp_path / "issues.json").write_text(json.dumps(open_issues), encoding="utf-8")
    log = tmp_path / "gh.log"
    fake = bin_dir / "gh"
    fake.write_text(f"""#!{sys.executable}
import json, subprocess, sys
args = sys.argv[1:]
with open({str(log)!r}, "a", encoding="utf-8") as f:
    f.write(json.dumps(args) + "\\n")
if args[:2] == ["issue", "list"]:
    assert "--state" in args and args[args.index("--state") + 1] == "open"
    out = subprocess.run(["jq", "-r", args[args.index("--jq") + 1], {str(tmp_path / "issues.json")!r}],
                         capture_output=True, text=True, check=True).stdout
    sys.stdout.write(out)
""", encoding="utf-8")
    fake.chmod(0o755)
    if report is not None:
        (work / "review-issue.md").write_text(report, encoding="utf-8")
    env = {**os.environ, **{k: expand(str(v)) for k, v in step["env"].items()},
           "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", expand(step["run"])], cwd=work, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    return calls, work


REPORT = "## Quá hạn rà soát (1 trang) / Review overdue (1 page)\n\n| `docs/vi/index.md:4` |\n"


def test_review_issue_title_is_bilingual_and_fixed_like_the_link_issue():
    _, _, step = review_steps()
    title = step["env"]["TITLE"]
    vi, sep, en = title.partition(" / ")
    assert sep and vi and en and "$" not in title, "'tiếng Việt / English', no date: one issue is updated"
    links_title = re.search(r'gh issue create --title "([^"]+)"', load(LINKS)["jobs"]["external-links"]
                            ["steps"][-1]["run"]).group(1)
    assert " / " in links_title  # the same "Vietnamese / English" form as the link workflow's issue
    assert "gh issue close" not in step["run"]


def test_the_first_report_opens_one_issue(tmp_path):
    calls, work = run_issue_step(tmp_path, [{"number": 7, "title": "Liên kết ngoài hỏng / Broken external links"}],
                                 REPORT)
    title = review_steps()[2]["env"]["TITLE"]
    creates = [c for c in calls if c[:2] == ["issue", "create"]]
    assert len(creates) == 1 and creates[0][creates[0].index("--title") + 1] == title
    assert not [c for c in calls if c[:2] in (["issue", "edit"], ["issue", "comment"], ["issue", "close"])]
    body = (work / "issue.md").read_text(encoding="utf-8")
    assert REPORT in body
    assert "https://github.com/owner/site/blob/main/CONTRIBUTING.md#check-review" in body
    assert "https://github.com/owner/site/actions/runs/42" in body
    assert '<a id="check-review"></a>' in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_a_later_report_updates_the_open_issue_with_exactly_that_title(tmp_path):
    title = review_steps()[2]["env"]["TITLE"]
    calls, _ = run_issue_step(tmp_path, [{"number": 3, "title": title + " (old)"},
                                         {"number": 9, "title": title}], REPORT)
    assert [c[:3] for c in calls if c[0] == "issue" and c[1] != "list"] == [["issue", "edit", "9"]]


def test_nothing_due_closes_nothing_and_says_so_on_the_open_issue(tmp_path):
    title = review_steps()[2]["env"]["TITLE"]
    calls, _ = run_issue_step(tmp_path, [{"number": 9, "title": title}], None)
    others = [c for c in calls if c[:2] != ["issue", "list"]]
    assert [c[:3] for c in others] == [["issue", "comment", "9"]]
    assert "No page is due for review any more" in others[0][others[0].index("--body") + 1]
    calls, _ = run_issue_step(tmp_path / "none", [], None)
    assert [c[:2] for c in calls] == [["issue", "list"]], "no open issue and nothing due: nothing to do"
