"""The phone check on the data files that become pages (scripts/phones/check_phones.py), the same
check in the build (scripts/phones/hook_phones.py), and the hotline flag of the registry.

Each planted mistake is one an editor could make; the check must name the file and the line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT
from fixture_project import build, line_of, make_project, run_script
from scripts.phones import DataError, hotline_of, load_phones
from scripts.website import hook_website

KIT = "data/communication_kit/an-toan-tren-mang.yml"


def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    return tmp_path


def replace(root: Path, rel: str, old: str, new: str, count: int = 1) -> str:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {rel}"
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


def report(root: Path, *args: str) -> tuple[int, list[dict]]:
    done = run_script("phones/check_phones.py", "--root", str(root), "--format", "json", *args)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)["problems"] if done.stdout.strip() else []


def test_the_real_data_passes():
    done = run_script("phones/check_phones.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no problems found" in done.stdout


def test_issue_example_wrong_numbers_in_the_online_safety_kit(tmp_path):
    """Issue 18, item 1: "gọi 111" -> "gọi 112" in the share text and the poster footer, and the
    radio cue "một – một – một" -> "một – một – hai": each is refused at its own line."""
    root = data_copy(tmp_path)
    replace(root, KIT, "Cần tư vấn: gọi 111", "Cần tư vấn: gọi 112")
    replace(root, KIT, "Cần tư vấn gọi 111 (miễn phí", "Cần tư vấn gọi 112 (miễn phí")
    text = replace(root, KIT, "[đọc: một – một – một]", "[đọc: một – một – hai]")
    code, problems = report(root)
    assert code == 1
    found = sorted((p["line"], p["code"]) for p in problems)
    assert found == sorted([
        (line_of(text, "Cần tư vấn: gọi 112"), "phones.unregistered"),
        (line_of(text, "Cần tư vấn gọi 112 (miễn phí"), "phones.unregistered"),
        (line_of(text, "[đọc: một – một – hai]"), "phones.unregistered"),
        (line_of(text, "[đọc: một – một – hai]"), "phones.cue-mismatch"),
    ]), problems
    assert {p["file"] for p in problems} == {KIT}
    for p in problems:
        assert p["message"]["vi"] and p["message"]["en"] and p["fix"]["vi"] and p["fix"]["en"]


@pytest.mark.parametrize("rel,old,new,needle,code", [
    # a registered number for the wrong service
    (KIT, "hãy báo công an, số 113.", "hãy báo công an, số 115.", "báo công an, số 115", "phones.wrong-service"),
    (KIT, "report it to the police on 113.", "report it to the police on 114.", "police on 114", "phones.wrong-service"),
    (KIT, "[read: one – one – one]", "[read: one – one – three]", "one – one – three", "phones.cue-mismatch"),
    # unregistered numbers in every data file that becomes a page
    ("data/phones.yml", "Khi tội phạm đang xảy ra", "Gọi 1-1-2 khi tội phạm đang xảy ra", "Gọi 1-1-2",
     "phones.unregistered"),
    ("data/phones.yml", "When a crime is happening", "Call one one two when a crime is happening", "one one two",
     "phones.unregistered"),
    ("data/school_links.yml", "Dán ở phòng giáo viên.", "Dán ở phòng giáo viên, gọi 0912 345 678.", "0912 345 678",
     "phones.unregistered"),
    ("data/tasks.yml", "Study sessions, briefings", "Study sessions (hotline 1800 1567), briefings", "1800 1567",
     "phones.unregistered"),
    ("mkdocs.yml", "(gọi 111).", "(gọi 112).", "(gọi 112)", "phones.unregistered"),
    ("overrides/404.html", "hãy gọi <a", "hãy gọi 112 hoặc <a", "hãy gọi 112", "phones.unregistered"),
    ("data/bodies.yml", "Ban Thường vụ Huyện ủy An Lão\n", "Ban Thường vụ Huyện ủy An Lão (gọi số 112)\n",
     "(gọi số 112)", "phones.unregistered"),
])
def test_each_mistake_in_the_data_is_refused_at_its_line(tmp_path, rel, old, new, needle, code):
    root = data_copy(tmp_path)
    text = replace(root, rel, old, new)
    status, problems = report(root)
    assert status == 1
    assert [(p["file"], p["line"], p["code"]) for p in problems] == [(rel, line_of(text, needle), code)]


def test_one_file_can_be_checked_and_bad_files_give_messages_not_tracebacks(tmp_path):
    root = data_copy(tmp_path)
    broken = root / "data" / "school_links.yml"
    broken.write_text("- id: x\n  use: {vi: [\n", encoding="utf-8")
    binary = root / "data" / "communication_kit" / "an-toan-tren-mang.yml"
    binary.write_bytes(b"topic: \xff\xfe\n")
    status, problems = report(root)
    assert status == 1
    by_file = {p["file"]: p for p in problems}
    assert by_file["data/school_links.yml"]["code"] == "data.yaml" and by_file["data/school_links.yml"]["line"] == 3
    assert by_file[KIT]["code"] == "file.encoding"
    status, problems = report(root, str(root / "data" / "tasks.yml"))
    assert (status, problems) == (0, [])
    missing = run_script("phones/check_phones.py", str(tmp_path / "nowhere.yml"))
    assert missing.returncode == 2 and "No such file" in missing.stderr and "Traceback" not in missing.stderr


def test_a_broken_registry_is_misuse(tmp_path):
    root = data_copy(tmp_path)
    (root / "data" / "phones.yml").write_text("[]\n", encoding="utf-8")
    done = run_script("phones/check_phones.py", "--root", str(root))
    assert done.returncode == 2 and "phone registry" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------------------------------------
# The hotline flag: the bar shows the entry marked `hotline: true`, never "the first"
# ---------------------------------------------------------------------------------------------

NEW_FIRST = """- number: "1900"
  id: tu-van
  name: {vi: Trung tâm Công tác xã hội thử, en: Test social work centre}
  short: {vi: tư vấn, en: counselling}
  when: {vi: Khi cần tư vấn., en: When you need advice.}
  source: {vi: Nguồn thử, en: Test source}

"""


def registry_with(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "phones.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_number_added_at_the_top_keeps_111_in_the_hotline_bar(tmp_path, monkeypatch):
    real = (ROOT / "data" / "phones.yml").read_text(encoding="utf-8")
    path = registry_with(tmp_path, NEW_FIRST + real)
    phones = load_phones(path)
    assert phones[0].number == "1900"
    assert hotline_of(phones).number == "111"
    # the hook that feeds the hotline bar (overrides/partials/hotline.html) takes the same one
    monkeypatch.setattr(hook_website, "load_phones", lambda: load_phones(path))
    monkeypatch.setitem(hook_website._state, "dates", {})
    config = SimpleNamespace(mdx_configs={}, repo_url=None, edit_uri=None, extra={})
    hook_website.on_config(config)
    assert config.extra["hotline"].number == "111"


@pytest.mark.parametrize("change,expected", [
    (lambda t: t.replace("  hotline: true\n", ""), "no entry has 'hotline: true'"),
    (lambda t: t.replace('  id: police\n', '  id: police\n  hotline: true\n'), "2 entries have 'hotline: true' (111, 113)"),
    (lambda t: t.replace("  hotline: true\n", "  hotline: yes please\n"), "'hotline' must be true or false"),
    (lambda t: "# nothing yet\n", "expected a list"),
    (lambda t: "[]\n", "the phone registry is empty"),
])
def test_no_hotline_or_two_hotlines_is_a_clear_error(tmp_path, change, expected):
    real = (ROOT / "data" / "phones.yml").read_text(encoding="utf-8")
    path = registry_with(tmp_path, change(real))
    with pytest.raises(DataError) as info:
        load_phones(path)
    assert expected in str(info.value) and " / " in str(info.value)


def test_the_build_stops_on_a_wrong_number_in_the_data(tmp_path):
    """The build runs the same check before any page is built: "gọi 112" in the kit fails it."""
    project = make_project(tmp_path / "p")
    text = replace(project, KIT, "Cần tư vấn: gọi 111", "Cần tư vấn: gọi 112")
    done = build(project)
    assert done.returncode != 0
    assert f"{KIT}:{line_of(text, 'Cần tư vấn: gọi 112')}: [phones.unregistered]" in done.stderr + done.stdout


def test_a_number_added_at_the_top_keeps_111_in_the_built_hotline_bar(tmp_path):
    """End to end: the guide lets editors add a number anywhere; the bar on every page stays 111."""
    project = make_project(tmp_path / "p")
    registry = project / "data" / "phones.yml"
    text = registry.read_text(encoding="utf-8")
    first = text.index("- number:")
    registry.write_text(text[:first] + NEW_FIRST + text[first:], encoding="utf-8")
    assert load_phones(registry)[0].number == "1900"
    done = build(project)
    assert done.returncode == 0, done.stderr[-2000:]
    for page in ("index.html", "en/index.html", "bao-tin/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        assert 'class="hotline__link" href="tel:111"' in html, page
        assert 'class="hotline__link" href="tel:1900"' not in html, page
