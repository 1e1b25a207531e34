"""The ONE phone rule set (scripts/phones/phone_text.py): every written form of a number, a named
service with its own number, reading cues, and no false alarms on dates or document numbers."""

from __future__ import annotations

import pytest

from scripts.phones import check_text, find_numbers, load_phones
from scripts.phones.registry import Phone

REGISTRY = load_phones()


def codes(text: str) -> list[tuple[str, str]]:
    """(code, the text where the finding starts) for each finding."""
    return [(f.code, text[f.start:f.start + 6]) for f in check_text(text, REGISTRY)]


# Every written form of an unregistered number is found, in both languages.
UNREGISTERED = {
    "Cần tư vấn: gọi 112, miễn phí, 24/7.": "112",
    "Advice: call 112, free.": "112",
    "Gọi 1-1-2 ngay khi trẻ gặp nguy hiểm.": "1-1-2",
    "Call 1 – 1 – 2 now.": "1 – 1 – 2",
    "số 111 [đọc: một – một – hai]": "một – một – hai",
    "gọi một một hai": "một một hai",
    "on 111 [read: one – one – two]": "one – one – two",
    "call one one two": "one one two",
    "Nhắn tin [tại đây](sms:112?body=Gi%C3%BAp).": "sms:112?body=Gi%C3%BAp",
    '<a href="tel:0912345678">gọi</a>': "tel:0912345678",
    "Tổng đài 1800 1567 đã ngừng.": "1800 1567",
    "Đường dây nóng của huyện 0225 3 876 123.": "0225 3 876 123",
    "báo công an 112": "112",
    "Police: 999": "999",
    "gọi 1111 ngay": "1111",
    "Con cần biết – 111 bảo vệ trẻ em · 112 công an · 114 cứu hỏa": "112",
    "Gọi 1.1.2 ngay": "1.1.2",
    "gọi một.một.hai": "một.một.hai",
    "Hãy gọi số: hai hai ba": "hai hai ba",
    '<a href="tel:111" aria-label="Gọi 112">111</a>': "112",
    '<a href="tel:%31%31%32">gọi</a>': "tel:%31%31%32",
    '![Áp phích: gọi 112](poster.png)': "112",
}


@pytest.mark.parametrize("text", sorted(UNREGISTERED))
def test_every_written_form_of_an_unregistered_number_is_refused(text):
    found = [f for f in check_text(text, REGISTRY) if f.code == "phones.unregistered"]
    assert len(found) == 1, found
    assert text[found[0].start:].startswith(UNREGISTERED[text])
    assert "data/phones.yml" in found[0].what.vi and "data/phones.yml" in found[0].what.en
    assert "111" in found[0].fix.vi and "111" in found[0].fix.en


GOOD = [
    "Khi con bị dụ dỗ, hãy gọi Tổng đài quốc gia bảo vệ trẻ em, số 111 [đọc: một – một – một], "
    "miễn phí. Nếu có người đe dọa con, hãy báo công an, số 113.",
    "call the National Child Protection Hotline on 111 [read: one – one – one], free. Report it to "
    "the police on 113.",
    "Cần tư vấn gọi 111 (miễn phí, 24/7) – Bị đe dọa báo công an 113",
    "Advice 111 (free, 24/7) – Threats or blackmail: police 113",
    "Cấp cứu gọi 115 – Cứu nạn, cứu hộ gọi 114",
    "Gọi 113 (công an) hoặc 115 (cấp cứu).",
    "Báo cho công an xã hoặc gọi 111.",
    "Công an huyện An Lão phối hợp với các xã.",
    "[Gọi 111](tel:111) hoặc [nhắn tin](sms:111).",
    "Xin nhắc lại số: Một – một – một. Một lần nữa: một – một – một.",
]
NOT_PHONES = [
    "Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị",
    "Nghị định 80/2017/NĐ-CP; Decree 80/2017/ND-CP", "trước ngày 15/12 hằng năm", "before 15/12 each year",
    "năm 2024 và các năm tiếp theo", "in the third quarter of 2024", "trẻ em dưới 16 tuổi",
    "children aged 11 to 15", "tài liệu dày 112 trang", "a 112-page report", "see page 112",
    "Điều 113 Bộ luật Hình sự", "Article 115 of the Penal Code", "có 115 trẻ em được hỗ trợ",
    "mục 1.1.2 của Kế hoạch", "II.4.7", "ii-4-3", "Kế hoạch số 365-KH/TU", "24/7", "1.000.000 đồng",
    "Một là, hãy cùng con đặt quy tắc. Hai là, dạy con.", "một năm hai lần", "ba bốn năm tuổi",
    "hai mươi bốn giờ mỗi ngày", "One: agree on rules. Two: teach your child.",
    "https://tongdai111.vn/1800123456", "{#goi-112}", "có 150 trẻ em", "với số 150 trẻ em", "số 1000 trẻ em",
    "Bước 1. Hai. Ba.", "Gọi cho cô giáo vào các ngày thứ hai, ba, tư.", "Kế hoạch 2024 Công an huyện", "Police 2025 report", '<span class="x-112" id="goi-112">a</span>',
    '<img src="poster-112.png" alt="Áp phích">',
]


@pytest.mark.parametrize("text", GOOD + NOT_PHONES)
def test_registered_numbers_dates_and_document_numbers_pass(text):
    assert check_text(text, REGISTRY) == []


@pytest.mark.parametrize("text", NOT_PHONES)
def test_dates_and_document_numbers_are_not_numbers_at_all(text):
    assert find_numbers(text, REGISTRY) == []


@pytest.mark.parametrize("text,number", [
    ("báo công an 115", "115"),
    ("Bị đe dọa, tống tiền: báo công an, số 114.", "114"),
    ("report it to the police on 115.", "115"),
    ("gọi 115 (công an)", "115"),
    ("gọi Tổng đài quốc gia bảo vệ trẻ em, số 113, miễn phí", "113"),
    ("call the hotline on 113", "113"),
    ("Cần cứu nạn, cứu hộ, gọi số 115.", "115"),
    ("For an ambulance, call 114.", "114"),
    ("Con cần biết – 111 bảo vệ trẻ em · 115 công an · 114 cứu hỏa", "115"),
    ("Advice 113 – National Child Protection Hotline – free, 24/7", "113"),
])
def test_a_named_service_must_give_its_own_number(text, number):
    found = check_text(text, REGISTRY)
    assert [f.code for f in found] == ["phones.wrong-service"], found
    assert text[found[0].start:].startswith(number)
    assert number in found[0].what.vi and number in found[0].what.en


def test_service_words_come_from_the_registry_not_from_a_list_in_the_code():
    text = "Gọi Trung tâm Công tác xã hội, số 113."
    assert check_text(text, REGISTRY) == []
    social = Phone(number="1900", id="ctxh", name={"vi": "Trung tâm Công tác xã hội", "en": "Social work centre"},
                   short={"vi": "a", "en": "a"}, when={"vi": "a", "en": "a"}, source={"vi": "a", "en": "a"})
    found = check_text(text, REGISTRY + [social])
    assert [f.code for f in found] == ["phones.wrong-service"]


@pytest.mark.parametrize("text,cue", [
    ("số 111 [đọc: một – một – ba]", "một – một – ba"),
    ("on 113 [read: one – one – one]", "one – one – one"),
])
def test_a_reading_cue_must_read_the_number_before_it(text, cue):
    found = check_text(text, REGISTRY)
    assert [f.code for f in found] == ["phones.cue-mismatch"]
    assert text[found[0].start:].startswith(cue)


@pytest.mark.parametrize("text", ["gọi **11**2 ngay", "gọi 1<b>1</b>2", "gọi 11\u200b2", "gọi &#49;&#49;&#50;"])
def test_digits_hidden_from_the_rules_are_refused(text):
    found = check_text(text, REGISTRY)
    assert [f.code for f in found] == ["phones.hidden-digits"], found


@pytest.mark.parametrize("text,number", [
    ("Cần tư vấn: gọi 113, miễn phí, 24/7.", "113"),
    ("Advice: call 115 (free, 24/7)", "115"),
])
def test_the_hotlines_own_promise_on_another_number_is_refused(text, number):
    """`short` "miễn phí, 24/7" is only the hotline's: "113, miễn phí, 24/7" promises what 113 is not."""
    found = check_text(text, REGISTRY)
    assert [f.code for f in found] == ["phones.wrong-service"]
    assert text[found[0].start:].startswith(number) and "111" in found[0].fix.en
