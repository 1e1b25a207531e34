"""Unit tests of scripts/vietnamese/text.py: folding and heading slugs."""

import unicodedata

import markdown
import pytest

from scripts.vietnamese.text import fold, slugify

from vietnamese_letters import ALL_FORMS


def test_the_table_is_complete():
    assert len(ALL_FORMS) == 72
    assert len({f for f, _ in ALL_FORMS}) == 72


@pytest.mark.parametrize("letter,expected", ALL_FORMS)
def test_fold_every_vowel_and_tone(letter, expected):
    assert fold(letter) == expected
    assert fold(letter.upper()) == expected.upper()
    assert fold(unicodedata.normalize("NFD", letter)) == expected
    assert slugify(letter.upper()) == expected


def test_d_with_stroke_becomes_d():
    assert fold("đ") == "d" and fold("Đ") == "D"
    assert slugify("Đảng ủy") == "dang-uy"
    assert slugify("ĐOÀN THANH NIÊN") == "doan-thanh-nien"


def test_nfd_input_folds_like_nfc():
    text = "Tổng đài quốc gia bảo vệ trẻ em"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "Tong dai quoc gia bao ve tre em"


@pytest.mark.parametrize("heading,slug", [
    ("Ủy ban nhân dân huyện", "uy-ban-nhan-dan-huyen"),
    ("Gọi 111: miễn phí, 24/7", "goi-111-mien-phi-24-7"),
    ("  Hỏi – đáp  ", "hoi-dap"),
    ("Quý III/2024 (hạn chót)", "quy-iii-2024-han-chot"),
    ("Trẻ em & gia đình", "tre-em-gia-dinh"),
    ("“Toàn dân chăm sóc”", "toan-dan-cham-soc"),
])
def test_slugify_is_readable_ascii(heading, slug):
    assert slugify(heading) == slug
    assert slugify(heading).isascii()


def test_slugify_separator_argument():
    assert slugify("Đảng ủy xã", "_") == "dang_uy_xa"


def _ids(source: str) -> list[str]:
    html = markdown.markdown(source, extensions=["toc"], extension_configs={"toc": {"slugify": slugify}})
    return [part.split('"')[0] for part in html.split('id="')[1:]]


def test_duplicate_headings_get_distinct_stable_ids():
    ids = _ids("## Đảng ủy\n\n## Đảng ủy\n\n## Dang uy\n\n## Hỏi đáp\n")
    assert ids == ["dang-uy", "dang-uy_1", "dang-uy_2", "hoi-dap"]


def test_python_markdown_default_would_drop_d():
    # The reason this module exists: the default slug loses the letter Đ.
    from markdown.extensions.toc import slugify as default_slugify
    assert default_slugify("Đảng ủy", "-") == "ang-uy"
    assert slugify("Đảng ủy") == "dang-uy"
