"""The Vietnamese deadline parser: every form the plan uses, and what it must refuse."""

from datetime import date

import pytest

from scripts.tasks import deadline_words as words
from scripts.tasks.deadline_words import Worded, parse


@pytest.mark.parametrize("text,kind,day", [
    ("Hoàn thành trong quý III năm 2024", words.ONCE, date(2024, 9, 30)),
    ("hoàn thành trong quý I năm 2025", words.ONCE, date(2025, 3, 31)),
    ("Hoàn thành trong quý II năm 2024.", words.ONCE, date(2024, 6, 30)),
    ("trong quý IV năm 2024", words.ONCE, date(2024, 12, 31)),
    ("trong quý 3 năm 2024", words.ONCE, date(2024, 9, 30)),
    ("Hoàn thành trước ngày 30/9/2024", words.ONCE, date(2024, 9, 30)),
    ("trước ngày 05/01/2025", words.ONCE, date(2025, 1, 5)),
    ("Hoàn thành trong tháng 2 năm 2024", words.ONCE, date(2024, 2, 29)),     # leap year
    ("trong tháng 11/2025", words.ONCE, date(2025, 11, 30)),
    ("Hoàn thành trong năm 2025", words.ONCE, date(2025, 12, 31)),
])
def test_one_off_deadlines(text, kind, day):
    meaning = parse(text)
    assert meaning is not None and meaning.kind == kind and meaning.date == day


def test_quarter_keeps_the_editors_words_for_messages():
    assert parse("Hoàn thành trong quý III năm 2024").form == "quý III năm 2024"


def test_yearly_date_the_plans_report():
    meaning = parse("Gửi báo cáo định kỳ trước ngày 15/12 hằng năm hoặc khi có yêu cầu")
    assert meaning == Worded(words.YEARLY_DATE, month=12, day=15, form="trước ngày 15/12 hằng năm")


def test_yearly_date_with_hang_nam_spelling():
    assert parse("trước ngày 31/3 hàng năm").kind == words.YEARLY_DATE


@pytest.mark.parametrize("text", [
    "Thực hiện năm 2024 và các năm tiếp theo",
    "lãnh đạo, chỉ đạo thực hiện năm 2024 và các năm tiếp theo.",
    "Thực hiện năm 2024 và cập nhật, bổ sung các năm tiếp theo",
])
def test_yearly_from_a_named_year(text):
    meaning = parse(text)
    assert meaning.kind == words.YEARLY and meaning.year == 2024


@pytest.mark.parametrize("text", ["Thực hiện hằng năm", "thực hiện hàng năm", "Hằng năm"])
def test_yearly_without_a_year(text):
    meaning = parse(text)
    assert meaning.kind == words.YEARLY and meaning.year is None


@pytest.mark.parametrize("text", [
    "Không nêu thời hạn", "Thường xuyên", "Định kỳ sơ kết, tổng kết và báo cáo thành phố theo quy định",
    "không ghi thời hạn",
])
def test_ongoing_or_periodic(text):
    assert parse(text).kind == words.ONGOING


def test_dated_form_wins_over_periodic_words():
    # "định kỳ" alone is undated; with a day and month every year it is a yearly date.
    assert parse("báo cáo định kỳ trước ngày 15/12 hằng năm").kind == words.YEARLY_DATE


def test_decomposed_unicode_is_read_like_composed():
    import unicodedata
    nfd = unicodedata.normalize("NFD", "Hoàn thành trong quý III năm 2024")
    assert parse(nfd).date == date(2024, 9, 30)


@pytest.mark.parametrize("text", ["trước ngày 31/02/2024", "trước ngày 30/2 hằng năm",
                                  "trước ngày 29/2 hằng năm", "trong quý V năm 2024",
                                  "trong tháng 13 năm 2024"])
def test_impossible_dates_and_quarters_are_errors(text):
    with pytest.raises(words.WordsError):
        parse(text)


@pytest.mark.parametrize("text", ["", "sớm nhất có thể", "qúy III năm 2024", "Q3 2024"])
def test_unknown_words_are_not_guessed(text):
    # The source typo "qúy" is not read as "quý": the checker reports it instead.
    assert parse(text) is None


# --- English -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("To be completed in the third quarter of 2024", Worded(words.ONCE, date=date(2024, 9, 30), form="third quarter of 2024")),
    ("by Q1 2025", Worded(words.ONCE, date=date(2025, 3, 31), form="Q1 2025")),
    ("by 30 September 2024", Worded(words.ONCE, date=date(2024, 9, 30), form="30 September 2024")),
    ("before September 30, 2024", Worded(words.ONCE, date=date(2024, 9, 30), form="September 30, 2024")),
    ("before 5/1/2025", Worded(words.ONCE, date=date(2025, 1, 5), form="5/1/2025")),
    ("in February 2024", Worded(words.ONCE, date=date(2024, 2, 29), form="February 2024")),
    ("To be completed in 2025", Worded(words.ONCE, date=date(2025, 12, 31), form="in 2025")),
    ("Periodic report before 15 December every year, or when requested",
     Worded(words.YEARLY_DATE, month=12, day=15, form="before 15 December every year")),
    ("by 31/3 each year", Worded(words.YEARLY_DATE, month=3, day=31, form="by 31/3 each year")),
    ("In 2024 and the following years", Worded(words.YEARLY, year=2024, form="In 2024 and the following years")),
    ("In 2024, updated and extended in the following years",
     Worded(words.YEARLY, year=2024, form="In 2024, updated and extended in the following years")),
    ("Every year", Worded(words.YEARLY, form="Every year")),
    ("No deadline stated", Worded(words.ONGOING, form="No deadline stated")),
    ("Periodic reviews and reports to the city", Worded(words.ONGOING, form="Periodic")),
])
def test_english_forms_mean_what_the_vietnamese_ones_do(text, expected):
    assert words.parse_en(text) == expected


@pytest.mark.parametrize("text", ["by 31 February 2025", "in the fifth quarter of 2024", "before 30/2 every year"])
def test_english_impossible_dates_are_errors_or_unread(text):
    try:
        assert words.parse_en(text) is None
    except words.WordsError:
        pass


@pytest.mark.parametrize("text", ["Soon", "As soon as possible", ""])
def test_english_unknown_words_are_not_guessed(text):
    assert words.parse_en(text) is None
