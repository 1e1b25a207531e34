"""Readability (issue 14): sentence lengths per audience in check_content; children's pages fail
over the limit, other pages warn; every page's figures are printed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from scripts.content import readability
from scripts.content.readability import count_words, sentences
from scripts.core.checkkit import read_source
from test_check_content import run_script

LONG_VI = " ".join(["trẻ"] * 30) + "."          # 30 syllables
OK_VI = "Gọi một một một khi cần giúp."


def write(tmp_path: Path, rel: str, audience: str | None, body: str) -> Path:
    path = tmp_path / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    front = f"audience: {audience}\n" if audience else ""
    path.write_text(f"---\ntitle: T\ndescription: Mô tả.\n{front}---\n\n# T\n\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("text, n", [
    ("Trẻ em có quyền được bảo vệ.", 7),
    ("Gọi **[111](tel:111)** – miễn phí, 24/7.", 6),   # 24/7 is read "24 trên 7"
    ("You're not alone; call 111.", 5),
    ("Chuyện gì[^a] cũng được {#ma}", 4),
])
def test_words_are_counted_like_a_reader_reads(text, n):
    assert count_words(readability.clean(text)) == n


def test_sentences_split_at_stops_list_items_headings_and_cells():
    lines = list(enumerate([
        "## Tiêu đề dài", "Câu một. Câu hai dài hơn",
        "vẫn câu hai! Câu ba?", "- Mục một", "- Mục hai. Câu sau mục", "| Ô một | Ô hai |",
        "<!-- phones: 111 -->", "", "[^a]: Chú thích không tính.",
    ], 1))
    got = [(s.line, s.text) for s in sentences(lines)]
    assert got == [(1, "Tiêu đề dài"), (2, "Câu một."), (2, "Câu hai dài hơn vẫn câu hai!"),
                   (3, "Câu ba?"), (4, "Mục một"), (5, "Mục hai."), (5, "Câu sau mục"),
                   (6, "Ô một"), (6, "Ô hai")]


def test_a_childrens_page_fails_on_a_long_sentence_with_file_line_and_the_sentence(tmp_path):
    write(tmp_path, "vi/tre/index.md", "children", f"{OK_VI}\n\n{LONG_VI}\n")
    done = run_script("content/check_content.py", str(tmp_path / "docs"), "--root", str(tmp_path),
                      "--format", "json")
    assert done.returncode == 1, done.stdout
    problems = json.loads(done.stdout)["problems"]
    assert [(p["code"], p["line"]) for p in problems] == [("content.readability", 11)]
    assert "30" in problems[0]["message"]["en"] and "trẻ trẻ" in problems[0]["message"]["vi"]
    assert problems[0]["fix"]["vi"] and problems[0]["fix"]["en"]


def test_a_childrens_page_fails_when_its_mean_is_too_high(tmp_path):
    twenty = " ".join(["em"] * 20) + "."
    write(tmp_path, "vi/tre/index.md", "children", "\n\n".join([twenty] * 3))
    done = run_script("content/check_content.py", str(tmp_path / "docs"), "--root", str(tmp_path),
                      "--format", "json")
    problems = json.loads(done.stdout)["problems"]
    assert [p["code"] for p in problems] == ["content.readability"]
    assert "average" in problems[0]["message"]["en"] and problems[0]["line"] == 4


def test_other_audiences_only_warn_and_figures_are_printed(tmp_path):
    forty = " ".join(["con"] * 40) + "."
    write(tmp_path, "vi/cha-me/index.md", "parents", f"{OK_VI}\n\n{forty}\n")
    write(tmp_path, "en/cha-me/index.md", "parents", "Call 111 when you need help.\n")
    done = run_script("content/check_content.py", str(tmp_path / "docs"), "--root", str(tmp_path),
                      "--readability")
    assert done.returncode == 0, done.stdout
    assert re.search(r"docs/vi/cha-me/index.md: parents, 3 câu / sentences, trung bình / mean "
                     r"[\d.]+, dài nhất / longest 40 \(dòng / line 11\)", done.stdout), done.stdout
    assert "docs/en/cha-me/index.md: parents, 2" in done.stdout
    warning = next(l for l in done.stdout.splitlines() if l.startswith("docs/vi/cha-me/index.md:11: cảnh báo / warning [content.readability] "))
    assert "[content.readability] Câu dài 40 " in warning     # Vietnamese first,
    assert " / A sentence of 40 " in warning                    # then English


def test_an_unknown_audience_is_an_error_at_its_line(tmp_path):
    write(tmp_path, "vi/x/index.md", "kids", OK_VI)
    done = run_script("content/check_content.py", str(tmp_path / "docs"), "--root", str(tmp_path),
                      "--format", "json")
    problems = json.loads(done.stdout)["problems"]
    assert [(p["code"], p["line"]) for p in problems] == [("content.audience", 4)]
    assert "children" in problems[0]["fix"]["en"]


def test_every_real_page_declares_its_audience():
    pages = sorted((ROOT / "docs").rglob("*.md"))
    missing = [str(p) for p in pages if read_source(p).meta.get("audience") not in readability.AUDIENCES]
    assert not missing
    kids = [p for p in pages if read_source(p).meta.get("audience") == "children"]
    assert {p.parent.name for p in kids} == {"danh-cho-tre-em"} and len(kids) == 2


def test_the_childrens_pages_pass_the_limit():
    """The check itself (test_the_real_docs_pass) fails otherwise; here the figures are shown."""
    for lang in ("vi", "en"):
        page = ROOT / "docs" / lang / "bao-tin/danh-cho-tre-em/index.md"
        done = run_script("content/check_content.py", str(page), "--readability")
        assert done.returncode == 0, done.stdout


def test_a_footnote_mark_or_bold_after_a_full_stop_still_ends_the_sentence():
    got = [s.text for s in sentences([(1, "Trẻ có quyền sống cùng cha mẹ.[^lte-22] **Có.** Luật bảo vệ trẻ.")])]
    assert got == ["Trẻ có quyền sống cùng cha mẹ.", "Có.", "Luật bảo vệ trẻ."]
