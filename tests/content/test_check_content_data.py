"""The content rules (NFC, tone placement, typos, placeholders) on the data texts that become pages
(issue 18, item 8): scripts/content/check_content.py on data/**/*.yml, each defect at its line."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from fixture_project import ROOT, line_of, run_script

KIT = "data/communication_kit/an-toan-tren-mang.yml"
NFD_SHARE = unicodedata.normalize("NFD", "đặt quy tắc dùng điện thoại")

DEFECTS = {
    # name -> (file, old, new, code, text on the line to report)
    "nfd-share": (KIT, "đặt quy tắc dùng điện thoại", NFD_SHARE, "content.nfc", NFD_SHARE),
    "tone-body": ("data/bodies.yml", "vi: Ban Thường vụ Huyện ủy An Lão\n", "vi: Ban Thường vụ Huyện uỷ An Lão\n",
                  "content.tone", "Huyện uỷ An Lão"),
    "typo-school": ("data/school_links.yml", "Dán ở phòng giáo viên.", "Dán ở phòng giáo viên mỗi qúy.",
                    "content.typo", "mỗi qúy"),
    "placeholder-when": ("data/phones.yml", "Khi có cháy, hoặc khi cần cứu nạn, cứu hộ.",
                         "Khi có cháy (sẽ cập nhật).", "content.placeholder", "sẽ cập nhật"),
    "todo-poster": (KIT, "- Never meet someone you know only online", "- TODO write a line on meeting strangers",
                    "content.placeholder", "TODO write"),
    "lorem-radio": (KIT, "Xin bà con lưu ý mấy điều sau.", "Lorem ipsum dolor sit amet.",
                    "content.placeholder", "Lorem ipsum"),
    "task-title": ("data/tasks.yml", "vi: Tổ chức nghiên cứu, học tập", "vi: Tổ chức nghiên cứu (đang cập nhật), học tập",
                   "content.placeholder", "đang cập nhật"),
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """One copy of the project's data and docs per defect (each file holds one defect)."""
    out = {}
    for name, (rel, old, new, code, needle) in DEFECTS.items():
        root = tmp_path_factory.mktemp(name)
        shutil.copytree(ROOT / "data", root / "data")
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
        path.write_bytes(text.encode("utf-8"))
        done = run_script("content/check_content.py", str(root / "data"), "--root", str(root), "--format", "json")
        assert "Traceback" not in done.stderr, done.stderr
        out[name] = (done.returncode, json.loads(done.stdout)["problems"], text)
    return out


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_each_defect_in_the_data_is_caught_at_its_line(planted, name):
    rel, _, _, code, needle = DEFECTS[name]
    status, problems, text = planted[name]
    assert status == 1
    assert [(p["file"], p["code"]) for p in problems] == [(rel, code)], problems
    assert problems[0]["line"] == line_of(text, needle)
    for part in ("message", "fix"):
        assert problems[0][part]["vi"] and problems[0][part]["en"]
    assert "(field '" in problems[0]["message"]["en"] and "(trường '" in problems[0]["message"]["vi"]


def test_quoted_typos_in_code_spans_and_non_text_values_are_left_alone(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "school_links.yml"
    text = path.read_text(encoding="utf-8").replace("Dán ở phòng giáo viên.", "Dán ở phòng giáo viên (không viết `qúy`).", 1)
    text = text.replace("- id: bao-tin\n", "- id: TODO\n", 1)        # an id, not text a reader sees
    path.write_text(text, encoding="utf-8")
    done = run_script("content/check_content.py", str(path), "--root", str(tmp_path), "--format", "json")
    assert done.returncode == 0, done.stdout


def test_broken_data_files_give_messages_not_tracebacks(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "tasks.yml").write_text("tasks:\n  - id: x\n    title: {vi: [\n", encoding="utf-8")
    (data / "bodies.yml").write_bytes(b"bodies: \xff\xfe\n")
    (data / "urls.yml").write_text("not: [checked\n", encoding="utf-8")   # addresses, not page text
    done = run_script("content/check_content.py", str(data), "--root", str(tmp_path), "--format", "json")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    found = {(p["file"], p["code"]) for p in json.loads(done.stdout)["problems"]}
    assert found == {("data/tasks.yml", "data.yaml"), ("data/bodies.yml", "file.encoding")}


def test_the_real_data_passes():
    done = run_script("content/check_content.py", str(ROOT / "data"))
    assert done.returncode == 0, done.stdout
    assert "không có lỗi / no problems found" in done.stdout
