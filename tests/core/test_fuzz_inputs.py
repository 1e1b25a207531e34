"""Fuzz-style: whatever an editor saves, every check and loader answers with a clean message.

Each data file (data/*.yml, a communication-kit file) and two pages are replaced, one at a time,
by seeded random bytes, empty content, a 1 MB value, wrong types (a list where a mapping is
expected and the reverse, numbers for texts, nulls), an impossible date and nesting
thousands deep, in a copy of the project. Then:

- the check commands that read that file run as an editor runs them (subprocesses): no
  "Traceback", exit code 1 or 2 for bad input, and the file is named in the output;
- the loaders the build hooks call run in-process: they raise only their own error type (which
  the hooks turn into a clean MkDocs error), whose message names the file.

A 1 MB value may be valid data: then a clean exit 0 is fine too, but it must not crash or hang.
Seeded, a few cases per file, no builds: a few tens of seconds.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from fixture_project import make_project

SEED = 18
KIT = "data/communication_kit/an-toan-tren-mang.yml"
FAQ_PAGE = "docs/vi/hoi-dap/cha-me/index.md"
PAGE = "docs/en/bao-tin/index.md"

# Which editor commands read which file, and whether bad content must make each fail ("reject")
# or only be handled cleanly ("clean": check_faq has nothing to say about a page that is no
# longer an FAQ page, the marker check nothing about an empty page).
REJECT, CLEAN = True, False
COMMANDS = {
    "data/phones.yml": [("kit/comm_kit.py", REJECT), ("phones/phone_markers.py", REJECT),
                        ("content/check_content.py", REJECT)],
    "data/tasks.yml": [("tasks/check_deadlines.py", REJECT)],
    "data/bodies.yml": [("tasks/check_deadlines.py", REJECT)],
    KIT: [("kit/comm_kit.py", REJECT)],
    "data/urls.yml": [("links/check_urls.py site", REJECT)],
    "data/school_links.yml": [],             # read by the build only: its loader is the gate
    "data/redirects.yml": [],                # idem
    FAQ_PAGE: [("content/check_content.py", REJECT), ("faq/check_faq.py", CLEAN),
               ("phones/phone_markers.py", CLEAN), ("i18n/check_i18n.py", CLEAN)],
    PAGE: [("content/check_content.py", REJECT), ("faq/check_faq.py", CLEAN),
           ("phones/phone_markers.py", CLEAN), ("i18n/check_i18n.py", CLEAN)],
}
# data/redirects.yml is empty until a page moves: fuzz a file with one redirect instead.
SAMPLES = {"data/redirects.yml": "- from: hoi-dap/\n  to: hoi-dap/cha-me/\n  since: 2027-01-15\n"}
# Valid on purpose: no redirects at all is an empty file.
MAY_PASS = {("data/redirects.yml", "empty"), ("data/redirects.yml", "null")}


# ---------------------------------------------------------------------------------------------
# The bad contents
# ---------------------------------------------------------------------------------------------

def _walk(value, leaf):
    if isinstance(value, dict):
        return {k: _walk(v, leaf) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, leaf) for v in value]
    return leaf(value)


def _swap_containers(value, depth=0):
    """Every mapping below the top becomes a list of its values, every list a mapping."""
    if isinstance(value, dict):
        inner = {k: _swap_containers(v, depth + 1) for k, v in value.items()}
        return list(inner.values()) if depth else inner
    if isinstance(value, list):
        inner = [_swap_containers(v, depth + 1) for v in value]
        return {f"k{i}": v for i, v in enumerate(inner)} if depth else inner
    return value


def _one_mb(data):
    """The first text value of the data made 1 MB long."""
    done = []

    def grow(v):
        if isinstance(v, str) and not done:
            done.append(1)
            return (v + " ") * (1_000_000 // (len(v) + 1) + 1)
        return v
    return _walk(data, grow)


def yaml_cases(original: str, rnd: random.Random) -> dict[str, bytes]:
    data = yaml.safe_load(original)
    dump = lambda d: yaml.safe_dump(d, allow_unicode=True, sort_keys=False).encode("utf-8")  # noqa: E731
    top_swapped = {"k": ["a", "b"]} if isinstance(data, list) else ["a", "b"]
    return {
        "random-bytes": bytes(rnd.randrange(256) for _ in range(400)),
        "empty": b"",
        "null": b"null\n",
        "one-mb": dump(_one_mb(data)),
        "top-type": dump(top_swapped),
        "nested-types": dump(_swap_containers(data)),
        "numbers-for-texts": dump(_walk(data, lambda v: 7 if isinstance(v, str) else v)),
        "nulls": dump(_walk(data, lambda v: None)),
        "deep-nesting": b"[" * 5000 + b"]" * 5000 + b"\n",     # the YAML parser recurses
        # PyYAML turns 2024-02-31 into a date while loading, and raises a bare ValueError.
        "impossible-date": (original.rstrip("\n") + ("\n- 2024-02-31\n" if isinstance(data, list)
                                                      else "\nwhen: 2024-02-31\n")).encode("utf-8"),
    }


def page_cases(original: str, rnd: random.Random) -> dict[str, bytes]:
    _, front, body = original.split("---\n", 2)
    meta = yaml.safe_load(front)
    dump = lambda m: ("---\n" + yaml.safe_dump(m, allow_unicode=True, sort_keys=False) + "---\n" + body)  # noqa: E731
    return {
        "random-bytes": bytes(rnd.randrange(256) for _ in range(400)),
        "latin-1": original.encode("utf-8")[:200] + "\nCà phê é".encode("latin-1"),
        "empty": b"",
        "one-mb": (original + "\n" + "Trẻ em cần được bảo vệ. " * 42_000 + "\n").encode("utf-8"),
        "front-matter-list": ("---\n- a\n- b\n---\n" + body).encode("utf-8"),
        "numbers-for-texts": dump({**meta, "title": 5, "description": 6, "sources": 7, "faq": [1]}).encode("utf-8"),
        "nulls": dump({k: None for k in meta}).encode("utf-8"),
        "impossible-date": original.replace("---\n", "---\nupdated: 2024-02-31\n", 1).encode("utf-8"),
        "deep-nesting": ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + body).encode("utf-8"),
    }


def cases(rel: str) -> list[tuple[str, str, bytes]]:
    rnd = random.Random(f"{SEED}:{rel}")
    original = SAMPLES.get(rel) or (ROOT / rel).read_text(encoding="utf-8")
    made = page_cases(original, rnd) if rel.endswith(".md") else yaml_cases(original, rnd)
    return [(rel, name, content) for name, content in made.items()]


ALL_CASES = [c for rel in COMMANDS for c in cases(rel)]


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("fuzz") / "p")
    (root / "site").mkdir()                          # check_urls reads the registry before the site
    (root / "site/index.html").write_text("<html><body><article></article></body></html>", encoding="utf-8")
    return root


def run_command(root: Path, command: str) -> subprocess.CompletedProcess:
    script, *args = command.split()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("GITHUB_BASE_REF", None)
    return subprocess.run([sys.executable, f"scripts/{script}", *args], cwd=root, capture_output=True,
                          text=True, errors="replace", env=env, timeout=120)


def loader_errors(root: Path, rel: str) -> list[str]:
    """Call the loaders the build hooks use on the file; return their messages (empty: loaded).
    Any exception other than the loader's own error type fails the test."""
    from scripts.faq.questions import check_all
    from scripts.kit.comm_kit import load_kit_file
    from scripts.kit.school_links import DataError as LinksError, load_links
    from scripts.links.check_urls import UsageError, load_registry
    from scripts.links.redirects import RedirectError, load_redirects
    from scripts.phones import DataError, load_phones
    from scripts.tasks.model import check as check_tasks
    from scripts.website.hook_inputs import input_problems

    path = root / rel
    messages: list[str] = []
    if rel.endswith(".md"):
        messages += input_problems(root / "docs", root / "data/phones.yml", root)
        messages += check_all(root / "docs")
        return messages
    try:
        if rel == "data/phones.yml":
            messages += input_problems(root / "docs", path, root)
            load_phones(path)
        elif rel in ("data/tasks.yml", "data/bodies.yml"):
            _, problems = check_tasks(root / "data/tasks.yml", root / "data/bodies.yml")
            messages += [str(p) for p in problems]
        elif rel == KIT:
            load_kit_file(path, {"111", "113", "114", "115"})
        elif rel == "data/school_links.yml":
            load_links(path, root / "docs")
        elif rel == "data/redirects.yml":
            load_redirects(path)
        elif rel == "data/urls.yml":
            load_registry(path)
    except (DataError, LinksError, RedirectError, UsageError) as exc:
        messages.append(str(exc))
    return messages


@pytest.mark.parametrize("rel,case,content", ALL_CASES, ids=[f"{r}:{c}" for r, c, _ in ALL_CASES])
def test_bad_input_gets_a_clean_message_naming_the_file(project, rel, case, content):
    path = project / rel
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        name = Path(rel).name if rel.startswith("data/") else rel
        may_pass = case == "one-mb" or (rel, case) in MAY_PASS
        for command, reject in COMMANDS[rel]:
            done = run_command(project, command)
            out = done.stdout + done.stderr
            assert "Traceback" not in out, f"{command}:\n{out[-3000:]}"
            allowed = (1, 2) if reject and not may_pass else (0, 1, 2)
            assert done.returncode in allowed, f"{command} exit {done.returncode}:\n{out[-3000:]}"
            if done.returncode:
                assert name in out, f"{command} does not name {name}:\n{out[-3000:]}"
        messages = loader_errors(project, rel)
        if not may_pass and not any(reject for _, reject in COMMANDS[rel]):
            assert messages, f"the loaders accepted {case} in {rel}, and no check reads it"
        for message in messages:
            assert "Traceback" not in message
        if messages and rel.startswith("data/"):
            assert any(name in m for m in messages), messages[:3]
        if rel.endswith(".md") and case in ("random-bytes", "latin-1"):
            assert any(rel in m and "UTF-8" in m for m in messages), messages[:3]
        if rel.endswith(".md") and case in ("impossible-date", "deep-nesting"):   # the build's gate stops it
            assert any(m.startswith(f"{rel}:2: ") for m in messages), messages[:3]
    finally:
        path.write_bytes(original)
