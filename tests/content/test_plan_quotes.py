"""scripts/content/plan_quotes.py: quotes of the plan in the plan-quote box match the site's text
of the plan word for word (one word off fails, with the nearest plan sentence); quotes that name
the plan outside the box fail; names, short terms, footnotes and code are left alone."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from fixture_project import ROOT
from scripts.content import plan_quotes

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "plan_quotes"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    return tmp_path


def problems_of(root: Path, lang: str, page: str):
    plan = plan_quotes.load_plan(root, lang)
    return plan_quotes.check_page(root / "docs" / lang / page, lang, plan, root)


def test_plan_text_is_the_full_text_section_only(project):
    plan = plan_quotes.load_plan(project, "vi")
    text = " ".join(p.text for p in plan.paragraphs)
    assert "Nâng cao nhận thức" in text and "Giao Ủy ban nhân dân huyện" in text
    assert "Phần giới thiệu" not in text and "ghi chú biên tập" not in text      # before / after
    assert "Nhiệm vụ II.4" not in text and ".assignment" not in text            # site's own links
    en = plan_quotes.load_plan(project, "en")
    assert "footnote" not in " ".join(p.text for p in en.paragraphs)
    assert plan_quotes._fold("Toàn dân chăm sóc, giáo dục và bảo vệ trẻ em") in plan.names


@pytest.mark.parametrize("lang, page", [("vi", "chu-de/dung/index.md"), ("en", "chu-de/good/index.md")])
def test_exact_quotes_pieces_names_and_footnotes_pass(project, lang, page):
    assert problems_of(project, lang, page) == []


@pytest.mark.parametrize("lang, page, line, differs", [
    ("vi", "chu-de/sai-mot-chu/index.md", 10, "«có hại» ≠ «không có lợi»"),
    ("en", "chu-de/one-word/index.md", 10, "«—» ≠ «online and»"),
])
def test_a_quote_one_word_off_fails_with_the_nearest_sentence(project, lang, page, line, differs):
    found = problems_of(project, lang, page)
    assert [(p.code, p.line) for p in found] == [("plan-quotes.mismatch", line)]
    problem = found[0]
    assert f"docs/{lang}/ke-hoach/index.md:" in problem.details
    assert differs in problem.details
    assert "trẻ em khuyết tật" in problem.details or "children with disabilities" in problem.details
    assert problem.what.vi and problem.what.en and problem.fix.vi and problem.fix.en
    assert "…" in problem.fix.en                      # tells how to leave words out


def test_the_nearest_sentence_names_its_line_in_the_plan(project):
    problem = problems_of(project, "vi", "chu-de/sai-mot-chu/index.md")[0]
    assert "(docs/vi/ke-hoach/index.md:17):" in problem.details


@pytest.mark.parametrize("lang, page, lines", [
    ("vi", "chu-de/khong-danh-dau/index.md", [8, 10]),
    ("en", "chu-de/unmarked/index.md", [8]),
])
def test_quotes_naming_the_plan_outside_the_box_fail(project, lang, page, lines):
    found = problems_of(project, lang, page)
    assert [(p.code, p.line) for p in found] == [("plan-quotes.unmarked", n) for n in lines]
    assert 'quote "Kế hoạch nói gì"' in found[0].fix.vi and 'quote "What the plan says"' in found[0].fix.en


def test_ellipsis_pieces_must_keep_the_plans_order(project):
    plan = plan_quotes.load_plan(project, "vi")
    assert plan_quotes.match("nâng cao nhận thức … bảo vệ trẻ em", plan)[0]
    assert not plan_quotes.match("bảo vệ trẻ em, trẻ em khuyết tật … Nâng cao nhận thức", plan)[0]
    assert not plan_quotes.match("nâng cao nhận thức … một câu không có", plan)[0]


def test_normalisation_nfc_spaces_and_quotation_marks(project):
    plan = plan_quotes.load_plan(project, "en")
    nfd = "care for,\n   educate and protect children"          # line break, curly marks
    assert plan_quotes.match(f"the movement “All people {nfd}”", plan)[0]
    vi = plan_quotes.load_plan(project, "vi")
    import unicodedata
    assert plan_quotes.match(unicodedata.normalize("NFD", "trẻ em khuyết tật"), vi)[0]
    assert not plan_quotes.match("trẻ em khuyết tât", vi)[0]              # a missing tone mark


def test_command_line_exit_codes_and_formats(project, capsys):
    assert plan_quotes.main(["--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert "docs/vi/chu-de/sai-mot-chu/index.md:10: [plan-quotes.mismatch]" in out
    assert "Lỗi:" in out and "Problem:" in out and "Sửa:" in out and "Fix:" in out
    assert plan_quotes.main(["--root", str(project), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {p["code"] for p in data["problems"]} == {"plan-quotes.mismatch", "plan-quotes.unmarked"}
    for bad in ("sai-mot-chu", "khong-danh-dau"):
        shutil.rmtree(project / "docs" / "vi" / "chu-de" / bad)
    for bad in ("one-word", "unmarked"):
        shutil.rmtree(project / "docs" / "en" / "chu-de" / bad)
    assert plan_quotes.main(["--root", str(project)]) == 0


def test_missing_plan_is_misuse_without_traceback(project, capsys):
    (project / "docs" / "en" / "ke-hoach" / "index.md").unlink()
    assert plan_quotes.main(["--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert "Không đọc được" in err and "Cannot read" in err and "Traceback" not in err


def test_a_page_that_is_not_utf8_is_one_problem_not_a_traceback(project):
    page = project / "docs" / "vi" / "chu-de" / "dung" / "index.md"
    page.write_bytes("Kế hoạch".encode("utf-16"))
    found = problems_of(project, "vi", "chu-de/dung/index.md")
    assert [p.code for p in found] == ["file.encoding"]
    assert found[0].file.endswith("chu-de/dung/index.md") and "UTF-8" in found[0].fix.en


def test_figures_print_for_each_language(project, capsys):
    plan_quotes.main(["--root", str(project), "--figures"])
    out = capsys.readouterr().out
    for lang in ("vi", "en"):
        assert re.search(rf"docs/{lang}/ke-hoach/index.md \(toàn văn / full text\): \d+ câu / sentences, "
                         r"trung bình / mean \d+\.\d, dài nhất / longest \d+ \(dòng / line \d+\), "
                         r"trên 30 / over 30: 0", out), lang


def test_the_sites_quotes_match_the_sites_plan():
    problems, count = plan_quotes.check(ROOT, ("vi", "en"))
    assert count > 20
    assert problems == [], "\n".join(f"{p.file}:{p.line} {p.what.en}" for p in problems)
