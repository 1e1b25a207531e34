"""Unit tests of scripts/phones/phone_markers.py: markers filled from the registry, bad numbers refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.phones import phone_markers
from scripts.phones.phone_markers import MarkerError, check, fill, render_list
from scripts.phones.registry import Phone, load_phones


def phone(number: str, name_vi: str = "Tên", name_en: str = "Name") -> Phone:
    text = lambda vi, en: {"vi": vi, "en": en}  # noqa: E731
    return Phone(number=number, id=number, name=text(name_vi, name_en),
                 short=text("ngắn", "short"), when=text("Khi nào", "When"),
                 source=text("Nguồn A", "Source A"))


REGISTRY = [phone("111", "Tổng đài", "Hotline"), phone("113", "Công an", "Police"),
            phone("115", "Cấp cứu", "Ambulance")]


def test_render_list_has_a_tel_link_name_when_and_source_per_number():
    html = render_list(REGISTRY[:2], "vi")
    assert html.count('<li class="phone-list__item">') == 2
    assert 'href="tel:111"' in html and 'href="tel:113"' in html
    assert "Tổng đài" in html and "Khi nào" in html and "Nguồn: Nguồn A" in html
    assert '<span class="visually-hidden">Gọi </span>' in html
    assert "\n\n" not in html, "a blank line would end the raw HTML block in Markdown"


def test_render_list_speaks_english_on_english_pages():
    html = render_list(REGISTRY[:1], "en")
    assert "Hotline" in html and "Source: Source A" in html and ">Call <" in html
    assert "Tổng đài" not in html


def test_render_list_escapes_text_from_data():
    html = render_list([phone("111", name_vi="<b>A & B</b>")], "vi")
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in html


def test_fill_replaces_a_marker_with_the_chosen_numbers_in_order():
    md = "Trước\n\n<!-- phones: 115 111 -->\n\nSau"
    out = fill(md, REGISTRY, "vi", "docs/vi/x.md")
    assert "<!-- phones" not in out
    assert out.index("tel:115") < out.index("tel:111")
    assert "tel:113" not in out
    assert out.startswith("Trước") and out.endswith("Sau")


def test_marker_inside_an_admonition_keeps_its_indentation():
    import markdown

    md = '!!! danger "Gấp"\n\n    Gọi ngay:\n\n    <!-- phones: 111 115 -->\n\nSau.\n'
    out = fill(md, REGISTRY, "vi", "x.md")
    listed = [line for line in out.splitlines() if "phone-list" in line]
    assert listed and all(line.startswith("    ") for line in listed)
    html = markdown.markdown(out, extensions=["admonition"])
    box = html.split('<div class="admonition danger">', 1)[1].split("</div>", 1)[0]
    assert 'href="tel:111"' in box and 'href="tel:115"' in box, "the list must stay inside the box"


def test_fill_without_a_list_takes_every_number_of_the_registry():
    out = fill("<!-- phones -->", REGISTRY, "en", "docs/en/x.md")
    assert [n for n in ("111", "113", "115") if f"tel:{n}" in out] == ["111", "113", "115"]


def test_commas_are_accepted_between_numbers():
    out = fill("<!-- phones: 111, 113 -->", REGISTRY, "vi", "x.md")
    assert "tel:111" in out and "tel:113" in out


def test_unknown_number_in_a_marker_names_file_line_and_fix_in_both_languages():
    with pytest.raises(MarkerError) as err:
        fill("a\n<!-- phones: 111 118 -->", REGISTRY, "vi", "docs/vi/bao-tin/index.md")
    message = str(err.value)
    assert message.startswith("docs/vi/bao-tin/index.md:2: ")
    assert "118" in message and "không có trong" in message and "is not in" in message


def test_a_misspelt_marker_is_an_error_not_silently_left_out():
    problems = check("x\n\n<!-- phone: 111 -->\n", REGISTRY, "p.md")
    assert [p.line for p in problems] == [3]
    assert "<!-- phones -->" in problems[0].message


def test_marker_must_be_alone_on_its_line():
    problems = check("Gọi ngay <!-- phones --> nhé", REGISTRY, "p.md")
    assert len(problems) == 1


def test_hand_written_tel_link_to_an_unknown_number_is_refused():
    problems = check("Gọi [112](tel:112) hoặc [111](tel:111).", REGISTRY, "p.md")
    # the link and the number shown on it are both wrong
    assert [p.line for p in problems] == [1, 1]
    assert any("tel:112" in p.message for p in problems)


@pytest.mark.parametrize("markdown,line", [
    ("---\ntitle: T\n---\n\nNhắn tin: [gửi](sms:112).\n", 5),
    ("Đoạn đầu.\n\nGọi\n1-1-2 ngay.\n", 4),
    ("Bài đọc: số 111 [đọc: một – một – hai].\n", 1),
    ("Bị đe dọa thì báo công an, số 115.\n", 1),
])
def test_the_build_applies_every_phone_rule_to_the_page(markdown, line):
    problems = check(markdown, REGISTRY, "p.md")
    assert problems and {p.line for p in problems} == {line}
    assert all(" / " in p.message for p in problems)      # Vietnamese, then English


def test_examples_in_code_are_not_checked_or_filled():
    md = "Viết `<!-- phones: 999 -->` hoặc `tel:999`.\n\n```\n<!-- phones -->\n[x](tel:000)\n```\n"
    assert check(md, REGISTRY, "p.md") == []
    assert fill(md, REGISTRY, "vi", "p.md") == md


def test_real_registry_and_real_pages_are_clean():
    registry = load_phones()
    root = Path(__file__).resolve().parents[2]
    for path in (root / "docs").rglob("*.md"):
        assert check(path.read_text(encoding="utf-8"), registry, str(path)) == []


def test_main_exit_codes(tmp_path, capsys):
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.md").write_text("Gọi [111](tel:111)\n\n<!-- phones: 113 -->\n", encoding="utf-8")
    assert phone_markers.main([str(good)]) == 0

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "b.md").write_text("Gọi [1111](tel:1111)\n", encoding="utf-8")
    assert phone_markers.main([str(bad)]) == 1
    assert "b.md:1:" in capsys.readouterr().out

    assert phone_markers.main([str(tmp_path / "missing")]) == 2
    assert phone_markers.main(["--help"]) == 2
