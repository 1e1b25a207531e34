"""Unit tests of scripts/phones/emergency.py: the one emergency order, its lists and the check
that fails when a page's own words contradict it (issue 14)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from scripts.phones import emergency
from scripts.phones.emergency import OrderError, contradictions, fill, load_order, sentences

ORDER = load_order()


def check(md: str, lang: str = "vi") -> list:
    return contradictions(textwrap.dedent(md), ORDER, lang, f"docs/{lang}/x/index.md")


# -- the data -------------------------------------------------------------------------------------

def test_the_order_in_data_is_the_one_the_issue_decided():
    assert [(s.key, s.calls) for s in ORDER] == [
        ("danger-now", ("113",)), ("hurt", ("115",)), ("water-fire", ("114", "115")),
        ("other", ("111",))]
    assert all(s.situation["vi"] and s.situation["en"] for s in ORDER)


GOOD = '''\
- number: "113"
  name: {vi: Công an, en: Police}
  emergency:
    - step: 1
      key: danger-now
      situation: {vi: Nguy hiểm, en: Danger}
      words: {vi: [nguy hiểm], en: [danger]}
- number: "115"
  name: {vi: Cấp cứu, en: Ambulance}
  emergency:
    - step: 1
      also: true
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "phones.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_number_called_as_well_follows_the_number_called_first(tmp_path):
    steps = load_order(write(tmp_path, GOOD))
    assert steps[0].calls == ("113", "115") and steps[0].names["en"] == ("Police", "Ambulance")


@pytest.mark.parametrize("text, line, words", [
    (GOOD.replace("step: 1\n      also", "step: 2\n      also"), 11, "only numbers called as well"),
    (GOOD.replace("also: true", "also: true\n      key: x"), 11, "must not describe"),
    (GOOD.replace("      key: danger-now\n", ""), 4, "needs a 'key:'"),
    (GOOD.replace("en: Danger", "en: ''"), 6, "'situation' needs both"),
    (GOOD.replace("step: 1", "step: 2"), 1, "without gaps"),
    (GOOD.replace("words: {vi: [nguy hiểm], en: [danger]}", "words: {vi: nguy hiểm, en: [danger]}"),
     7, "'words.vi' must be a list"),
    (GOOD + '''- number: "114"
  emergency:
    - step: 1
      key: again
      situation: {vi: A, en: A}
      words: {vi: [a], en: [a]}
''', 15, "described twice"),
    ("- number: [\n", 2, "cannot read"),
])
def test_bad_order_data_is_refused_with_file_line_in_both_languages(tmp_path, text, line, words):
    with pytest.raises(OrderError) as err:
        load_order(write(tmp_path, text))
    message = str(err.value)
    assert f"phones.yml:{line}:" in message and words in message
    assert " / " in message  # Vietnamese / English


# -- the generated list ---------------------------------------------------------------------------

def test_marker_becomes_the_whole_order_in_the_page_language():
    out = fill("Trước\n\n<!-- emergency -->\n\nSau", ORDER, "vi", "x.md")
    lines = [line for line in out.splitlines() if line.startswith(("1.", "2.", "3.", "4."))]
    assert len(lines) == 4 and "tel:113" in lines[0] and "tel:111" in lines[3]
    assert "(tel:114)** – Cứu hỏa, cứu nạn cứu hộ và **[115](tel:115)" in lines[2]
    assert "<!-- emergency" not in out
    english = fill("<!-- emergency -->", ORDER, "en", "x.md")
    assert "A child is in danger right now" in english and ": call **[113](tel:113)** – Police." in english


def test_a_subset_keeps_the_site_order_whatever_order_the_marker_names():
    out = fill("<!-- emergency: other danger-now -->", ORDER, "vi", "x.md")
    assert out.index("tel:113") < out.index("tel:111") and "tel:114" not in out


def test_marker_inside_an_admonition_stays_a_list_inside_it():
    import markdown

    md = '!!! danger "Gấp"\n\n    <!-- emergency -->\n\nSau.\n'
    html = markdown.markdown(fill(md, ORDER, "vi", "x.md"), extensions=["admonition"])
    box = html[html.index('class="admonition danger"'):html.index("</div>")]
    assert box.count("<li>") == 4 and "<ol>" in box and "<p><ol" not in box


@pytest.mark.parametrize("md, words", [
    ("<!-- emergency: fire -->", "unknown step fire"),
    ("<!-- emergency 113 -->", "malformed"),
])
def test_bad_markers_name_their_line(md, words):
    with pytest.raises(ValueError) as err:
        fill(f"# T\n\n{md}\n", ORDER, "vi", "docs/vi/x.md")
    assert "docs/vi/x.md:3:" in str(err.value) and words in str(err.value)


def test_markers_in_code_are_examples_and_left_alone():
    md = "```\n<!-- emergency -->\n```\nViết `<!-- emergency -->` để chèn danh sách."
    assert fill(md, ORDER, "vi", "x.md") == md


# -- the contradiction check ----------------------------------------------------------------------

@pytest.mark.parametrize("md, lang, line, said", [
    # the issue's own examples: drowning -> 114 alone; 111 first for "in danger now"
    ("# Hỏi\n\n- Trẻ bị đuối nước, mắc kẹt hoặc có cháy: gọi **[114](tel:114)**.\n", "vi", 3, "114"),
    ("Text.\n\nIf a child is in danger right now, call 111 or 113.\n", "en", 3, "111, 113"),
    ("A child is drowning: call **[114](tel:114)**.\n", "en", 1, "114"),
    # read under its heading: the drowning topic's "call 115 at once"
    ("## Khi trẻ bị đuối nước\n\n1. Hô to gọi người giúp và **gọi ngay 115**.\n", "vi", 3, "115"),
    ("!!! danger \"Khi trẻ đang gặp nguy hiểm ngay lúc này\"\n\n    - Gọi 111 — Tổng đài.\n", "vi", 3, "111"),
    # a phones list under a danger heading: 111 listed first
    ('!!! danger "When a child is in danger"\n\n    Call now:\n\n    <!-- phones: 111 113 115 -->\n', "en", 5,
     "111, 113, 115"),
    # a stop followed by a footnote mark still ends the sentence before it
    ("Trẻ có quyền sống cùng cha mẹ.[^a] Nếu trẻ bị đuối nước, gọi **114**.\n", "vi", 1, "114"),
    # a sentence over two lines is reported at its first line
    ("Đoạn đầu.\n\nNếu con đang gặp nguy hiểm ngay lúc này,\nhãy gọi **115**.\n", "vi", 3, "115"),
])
def test_a_page_that_says_the_opposite_fails_with_file_line(md, lang, line, said):
    problems = contradictions(md, ORDER, lang, f"docs/{lang}/x/index.md")
    assert len(problems) == 1, problems
    p = problems[0]
    assert (p.file, p.line, p.code) == (f"docs/{lang}/x/index.md", line, "emergency.order")
    assert f"gọi {said};" in p.what.vi and f"calls {said};" in p.what.en
    assert p.fix.vi and p.fix.en


@pytest.mark.parametrize("md, lang", [
    ("- Trẻ bị đuối nước, mắc kẹt hoặc có cháy: gọi **[114](tel:114)** và **[115](tel:115)**.", "vi"),
    ("If a child is in danger right now, call 113. If a child is badly hurt, call 115.", "en"),
    ("Gọi 113 nếu trẻ đang bị đe dọa, 115 nếu trẻ cần cấp cứu.", "vi"),
    ("Sau đó, hoặc khi không cần cấp cứu: gọi 111.", "vi"),   # not "cần cấp cứu" -> 115
    # a follow-up call under a danger heading names its own situation ("afterwards")
    ("## A child is in danger right now\n\nCall 113. After the emergency call, report it to 111.", "en"),
    ("## Khi trẻ bị đuối nước\n\nTổng đài 111 miễn phí.", "vi"),    # describes, does not call
    ("## Báo tin cho ai?\n\n- công an (khẩn cấp: 113);", "vi"),     # "everything else" is no heading's
    ("Drowning kills many children every year.", "en"),          # no number: nothing to check
    ("## Where to get help\n\n<!-- phones: 111 113 -->", "en"),  # a list under no situation
    ("## Khi trẻ bị đuối nước\n\n<!-- phones: 114 115 -->", "vi"),
    ("```\nA child is drowning: call 114.\n```", "en"),          # code is an example
])
def test_pages_that_follow_the_order_pass(md, lang):
    assert not contradictions(md, ORDER, lang, "x.md")


def test_sentences_skip_front_matter_and_footnotes_and_read_phone_lists_as_calls():
    md = "---\ntitle: Gọi 114 khi đuối nước\n---\n\nMột câu. Hai câu!\n\n[^a]: Gọi 114.\n<!-- phones: 114 -->\n"
    got = [(s.line, s.text, s.marker) for s in sentences(md)]
    assert got == [(5, "Một câu.", False), (5, "Hai câu!", False), (8, "114", True)]


def test_the_site_pages_follow_the_order():
    assert emergency.main([]) == 0


def test_command_fails_on_a_docs_folder_with_a_contradicting_page(tmp_path, capsys):
    page = tmp_path / "docs" / "en" / "help" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Help\n\nIf a child is drowning, call 114.\n", encoding="utf-8")
    assert emergency.main([str(tmp_path / "docs")]) == 1
    out = capsys.readouterr().out
    assert "help/index.md:3:" in out and "114 + 115" in out and "Sửa:" in out and "Fix:" in out


def test_command_misuse_is_exit_2(tmp_path, capsys):
    assert emergency.main([str(tmp_path / "missing")]) == 2
    assert "not a folder" in capsys.readouterr().err
