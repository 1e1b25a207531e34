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


def test_there_are_the_three_workflows():
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "publish.yml", "links.yml"}


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
