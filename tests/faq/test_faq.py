"""FAQ pages: stable question ids (unit tests of scripts/faq/questions.py) and the real pages as built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.faq import questions as faq

ROOT = Path(__file__).resolve().parents[2]
FAQS = {"hoi-dap/cha-me": 15, "hoi-dap/nha-truong": 12}    # page -> minimum number of questions


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


PAGE = """---
title: T
faq: true
---

# T

Intro.

## Thế nào là xâm hại? {#xam-hai-la-gi}

Answer.[^a]

```
## not a heading inside a fence
```

## Gọi ai? {#goi-ai}

Answer.
"""


# --- parsing -------------------------------------------------------------------------------

def test_questions_are_read_with_their_ids_and_lines(tmp_path):
    page = write(tmp_path / "vi/x/index.md", PAGE)
    questions, problems = faq.parse_questions(page)
    assert problems == []
    assert [(q.id, q.text) for q in questions] == [("xam-hai-la-gi", "Thế nào là xâm hại?"),
                                                   ("goi-ai", "Gọi ai?")]
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[questions[0].line - 1].startswith("## Thế nào")
    assert lines[questions[1].line - 1].startswith("## Gọi ai")


@pytest.mark.parametrize("heading,expected", [
    ("## Câu hỏi không có mã?", "thiếu mã ổn định"),
    ("## Câu hỏi? {#Có-Dấu}", "không hợp lệ"),
    ("## Câu hỏi? {#with_underscore}", "invalid id"),
])
def test_bad_headings_are_reported_with_file_and_line(tmp_path, heading, expected):
    page = write(tmp_path / "vi/x/index.md", f"---\nfaq: true\n---\n\n{heading}\n\nA.\n")
    _, problems = faq.parse_questions(page)
    assert len(problems) == 1
    assert f"{page}:5:" in problems[0] and expected in problems[0]


def test_duplicate_ids_are_reported(tmp_path):
    page = write(tmp_path / "vi/x/index.md",
                 "---\nfaq: true\n---\n\n## A? {#a}\n\nx\n\n## B? {#a}\n\ny\n")
    _, problems = faq.parse_questions(page)
    assert len(problems) == 1 and "already used on line 5" in problems[0]
    assert f"{page}:9:" in problems[0]


def test_a_page_without_questions_is_reported(tmp_path):
    page = write(tmp_path / "vi/x/index.md", "---\nfaq: true\n---\n\nNo questions.\n")
    _, problems = faq.parse_questions(page)
    assert problems and "no questions" in problems[0]


# --- the two languages ---------------------------------------------------------------------

def test_identical_ids_in_both_languages_pass(tmp_path):
    vi = write(tmp_path / "vi/x/index.md", PAGE)
    en = write(tmp_path / "en/x/index.md", PAGE.replace("Thế nào là xâm hại?", "What is abuse?"))
    assert faq.check_pair(vi, en) == []
    assert faq.check_all(tmp_path) == []


def test_an_untranslated_question_is_named_on_both_sides(tmp_path):
    vi = write(tmp_path / "vi/x/index.md", PAGE)
    en = write(tmp_path / "en/x/index.md", PAGE.replace("{#goi-ai}", "{#who-to-call}"))
    problems = faq.check_pair(vi, en)
    assert any("'goi-ai' is missing from the English page" in p for p in problems)
    assert any("'who-to-call' is not in the Vietnamese page" in p for p in problems)


def test_a_different_order_is_reported(tmp_path):
    vi = write(tmp_path / "vi/x/index.md", PAGE)
    swapped = ("---\nfaq: true\n---\n\n## Gọi ai? {#goi-ai}\n\nA.\n\n"
               "## Xâm hại? {#xam-hai-la-gi}\n\nB.\n")
    en = write(tmp_path / "en/x/index.md", swapped)
    problems = faq.check_pair(vi, en)
    assert len(problems) == 1 and "different order" in problems[0]


def test_a_missing_translation_is_reported(tmp_path):
    write(tmp_path / "vi/x/index.md", PAGE)
    (tmp_path / "en").mkdir()
    problems = faq.check_all(tmp_path)
    assert len(problems) == 1 and "English version is missing" in problems[0]


def test_pages_without_faq_flag_are_not_checked(tmp_path):
    write(tmp_path / "vi/x/index.md", "---\ntitle: T\n---\n\n## No id here\n")
    (tmp_path / "en").mkdir()
    assert faq.check_all(tmp_path) == []


def test_main_exit_codes(capsys):
    assert faq.main([]) == 0                 # the real pages are clean
    assert faq.main(["unexpected"]) == 2
    assert "usage" in capsys.readouterr().err


# --- the "link to this question" control ---------------------------------------------------

def test_question_links_replace_the_hover_only_permalink():
    html = ('<h2 id="goi-ai">Gọi <em>ai</em>?<a class="headerlink" href="#goi-ai" '
            'title="Permanent link">#</a></h2>\n<p>A.</p>\n'
            '<h2 id="other">Not matched: no headerlink</h2>')
    out = faq.add_question_links(html, "vi")
    assert '<h2 id="goi-ai">Gọi <em>ai</em>?</h2>' in out
    assert 'class="headerlink"' not in out
    assert ('<a class="faq-link__a" href="#goi-ai" data-copy-link>'
            '<span class="faq-link__label">Liên kết tới câu hỏi này</span>'
            '<span class="visually-hidden"> — Gọi ai?</span></a>') in out
    assert '<h2 id="other">Not matched: no headerlink</h2>' in out
    assert "Link to this question" in faq.add_question_links(html, "en")


# --- the real pages, source and built ------------------------------------------------------

@pytest.mark.parametrize("page,minimum", FAQS.items())
def test_real_faq_pages_have_enough_questions_with_identical_ids(page, minimum):
    vi, _ = faq.parse_questions(ROOT / "docs/vi" / page / "index.md")
    en, _ = faq.parse_questions(ROOT / "docs/en" / page / "index.md")
    assert len(vi) >= minimum
    assert [q.id for q in vi] == [q.id for q in en]
    ids = [q.id for q in vi]
    assert len(set(ids)) == len(ids)
    assert all(i.isascii() and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def _sections(html: str) -> dict[str, str]:
    """Question id -> the HTML of its answer (up to the next question or the footnotes)."""
    article = html[html.index("<article"):]
    article = article.split('<div class="footnote">')[0]
    parts = re.split(r'<h2 id="([^"]+)">', article)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("page,minimum", FAQS.items())
def test_every_built_answer_cites_or_links_and_has_its_copy_link(built_site, lang, page, minimum):
    html = (built_site / lang / page / "index.html").read_text(encoding="utf-8")
    sections = _sections(html)
    questions = [i for i in sections if f'href="#{i}" data-copy-link' in sections[i]]
    assert len(questions) >= minimum
    label = "Link to this question" if lang else "Liên kết tới câu hỏi này"
    for qid in questions:
        answer = sections[qid]
        assert label in answer
        without_control = re.sub(r'<p class="faq-link">.*?</p>', "", answer, flags=re.S)
        cites = 'class="footnote-ref"' in without_control
        links = re.search(r'<a [^>]*href="(?!#fn)[^"]+"', without_control)
        assert cites or links, f"{lang}{page}#{qid}: answer has no source and no link"


@pytest.mark.parametrize("page,minimum", FAQS.items())
def test_built_question_ids_are_identical_across_languages(pages, page, minimum):
    by_url = {p.url: p for p in pages}
    vi, en = by_url[page + "/"], by_url["en/" + page + "/"]
    q_vi = [i for i in vi.ids if any(l.value == f"#{i}" and "data-copy-link" in l.attrs
                                     for l in vi.links)]
    q_en = [i for i in en.ids if any(l.value == f"#{i}" and "data-copy-link" in l.attrs
                                     for l in en.links)]
    assert q_vi == q_en and len(q_vi) >= minimum
