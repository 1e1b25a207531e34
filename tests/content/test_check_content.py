"""scripts/content/check_content.py and scripts/vietnamese/orthography.py: each rule catches its defect at the
right line, and leaves correct text alone (tested on real words and real legal text)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from fixture_project import ROOT, line_of, run_script
from scripts.content import check_content
from scripts.vietnamese import orthography as vi_orthography

SEED = Path("/work/shared/seeds/000_2872c238142d1585.txt")
GOOD_FRONT = "---\ntitle: Trang thử\ndescription: Một trang để thử kiểm tra nội dung.\n---\n\n# Trang thử\n\n"


# ---------------------------------------------------------------------------------------------
# Tone placement and typos, word by word
# ---------------------------------------------------------------------------------------------

OLD_STYLE = {   # found -> what the plan's style writes
    "hoá": "hóa", "hoà": "hòa", "oà": "òa", "oá": "óa", "hoạ": "họa", "toà": "tòa", "xoá": "xóa",
    "goá": "góa", "khoẻ": "khỏe", "loè": "lòe", "uỷ": "ủy", "Uỷ": "Ủy", "UỶ": "ỦY", "thuỷ": "thủy",
    "Thuỷ": "Thủy", "tuỳ": "tùy", "Tuỳ": "Tùy", "huỷ": "hủy", "luỹ": "lũy", "thuý": "thúy",
    "nguỵ": "ngụy", "HOÁ": "HÓA", "Hoà": "Hòa",
    "quí": "quý", "Quí": "Quý", "quì": "quỳ", "quĩ": "quỹ", "quỉ": "quỷ", "qui": "quy",
    "cuả": "của", "muà": "mùa", "chuà": "chùa", "nghiã": "nghĩa", "kiá": "kía", "mưá": "mứa",
}
CORRECT = (
    "hóa hòa òa họa tòa xóa góa khỏe lòe ủy Ủy thủy Thủy tùy hủy lũy thúy ngụy quý Quý quỳ quỹ quỷ "
    "quy quyền quyết quả quá quà quạ của mùa chùa nghĩa kìa mưa lửa cửa giữa giá già giả gia khuya "
    "khuỷu xoáy ngoài hoàng hoạch khoảng toán thuyền huyền khuyết tuyệt huỳnh toét khoét oái hoa "
    "khoa thuở người mười được kỹ lý mì lì tỉ mỉ Tùy tuổi chuyển chuẩn nguyện vọng"
).split()
ENGLISH = "Noel café quit quite quiz equip aqua quay Huy Thuy Hoa Ngoc".split()


@pytest.mark.parametrize("word,expected", sorted(OLD_STYLE.items()))
def test_old_tone_placement_is_caught_with_the_right_suggestion(word, expected):
    result = vi_orthography.check_word(word)
    assert result is not None and result[0] == expected


@pytest.mark.parametrize("word", CORRECT)
def test_correct_words_are_left_alone(word):
    assert vi_orthography.check_word(word) is None
    assert vi_orthography.check_typos(word) == []


@pytest.mark.parametrize("word", ENGLISH)
def test_english_and_unaccented_words_are_left_alone(word):
    assert vi_orthography.check_word(word, strict_qui=False) is None
    assert vi_orthography.check_typos(word, vietnamese=False) == []


TYPOS = {   # text -> (found, suggestion)
    "Hoàn thành trong qúy III năm 2024.": ("qúy", "quý"),
    "chỉ đạo thực hiện chủ trưong của Đảng": ("trưong", "trương"),
    "Trưòng học an toàn": ("Trưòng", "Trường"),
    "lành mạnh, phù họp, có chất lượng": ("phù họp", "phù hợp"),
    "triển khai Chỉ thị sổ 28-CT/TW": ("sổ", "số"),
    "các cơ quan phối họp giải quyết": ("phối họp", "phối hợp"),
    "các nghành, đoàn thể": ("nghành", "ngành"),
    "tổ chức ngiên cứu, học tập": ("ngiên", "nghiên"),
    "Sử lý nghiêm các hành vi": ("Sử lý", "Xử lý"),
    "cập nhập thông tin": ("cập nhập", "cập nhật"),
    "nâng cao trách nghiệm": ("trách nghiệm", "trách nhiệm"),
    "Qủa thật": ("Qủa", "Quả"),
}
NOT_TYPOS = [
    "Nhà trường họp phụ huynh vào cuối tuần.", "cuộc họp của chi bộ", "phù hợp với lứa tuổi",
    "sổ tay tuyên truyền", "sổ theo dõi sức khỏe", "ngành y tế", "nghiên cứu", "nghe và hiểu",
    "người, ngày, nghĩa, nghỉ", "xử lý", "sử dụng", "lịch sử", "chủ trương", "Trường", "quý III",
]


@pytest.mark.parametrize("text", sorted(TYPOS))
def test_typos_are_caught(text):
    found = vi_orthography.check_typos(unicodedata.normalize("NFC", text))
    assert [(f.found, f.suggestion) for f in found] == [TYPOS[text]]


@pytest.mark.parametrize("text", NOT_TYPOS)
def test_correct_phrases_are_not_typos(text):
    assert vi_orthography.check_typos(text) == []
    assert vi_orthography.check_tone(text) == []


@pytest.mark.skipif(not SEED.is_file(), reason="the plan's text is not on this machine")
def test_the_plans_text_has_exactly_its_known_typos():
    found = []
    for number, line in enumerate(SEED.read_text(encoding="utf-8").splitlines(), 1):
        line = unicodedata.normalize("NFC", line)
        found += [(f.found, f.suggestion) for f in vi_orthography.check_tone(line) + vi_orthography.check_typos(line)]
    assert sorted(found) == sorted([("qúy", "quý"), ("trưong", "trương"), ("phù họp", "phù hợp"),
                                    ("phù họp", "phù hợp"), ("sổ", "số")])


# ---------------------------------------------------------------------------------------------
# Phone numbers in text
# ---------------------------------------------------------------------------------------------

PHONES = {
    "Gọi 112 để được tìm kiếm cứu nạn.": "112", "Call 112 for search and rescue.": "112",
    "gọi số 0912 345 678 ngay": "0912 345 678", "Đường dây 18001567 đã ngừng.": "18001567",
    "hotline 1800 1567": "1800 1567", "liên hệ 0225.3876.123": "0225.3876.123",
    "+84 912 345 678": "+84 912 345 678", "Tổng đài 1022 của thành phố": "1022",
    "điện thoại 0225 3876 123": "0225 3876 123",
}
NOT_PHONES = [
    "Nghị định 56/2017/NĐ-CP, Điều 22 và 23.", "Kế hoạch số 365-KH/TU ngày 31/5/2024", "24/7",
    "Chỉ thị số 28-CT/TW ngày 25/12/2023", "năm 2024 và các năm tiếp theo", "trước ngày 15/12 hằng năm",
    "Quyết định số 496/QĐ-TTg, ngày 30/3/2021", "Luật số 102/2016/QH13", "trong vòng 12 giờ",
    "Điều 113 Bộ luật Hình sự", "gọi theo khoản 1 Điều 119", "có 115 trẻ em được hỗ trợ",
    "1.000.000 đồng", "4,5%", "(Điều 1 Thông tư số 23/2017/TT-BYT ngày 15/05/2017)",
    "Điều 8.1.LQ.1. Trẻ em", "dưới 16 tuổi", "Quyết định 1183/QĐ-TTg ngày 14/10/2024",
    "Nghị quyết 1669/NQ-UBTVQH15 (16/06/2025)", "source_hash 15f3d2f36230", "05.04.2016",
    "năm 1800 và 1900", "ii-4-3", "Decree 130/2021/ND-CP", "the 2021–2030 programme",
    "the line started in 2004", "call before 15/12", "Resolution 203/2025/QH15", "call page 112",
    "xem mục 112", "{#goi-112}", "Phone: see https://tongdai111.vn/1800123456",
]


@pytest.mark.parametrize("text", sorted(PHONES))
def test_phone_numbers_are_recognised(text):
    found = check_content.find_phone_numbers(check_content._mask_urls(text))
    assert [written for _, written in found] == [PHONES[text]]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_dates_years_and_document_numbers_are_not_phone_numbers(text):
    assert check_content.find_phone_numbers(check_content._mask_urls(text)) == []


# ---------------------------------------------------------------------------------------------
# Whole pages: one defect each, found at its line
# ---------------------------------------------------------------------------------------------

PAGES = {
    # name -> (path under docs/, text, code, text on the line to report)
    "nfd": ("vi/a/index.md", GOOD_FRONT + "Đoạn đầu.\n\n" + unicodedata.normalize("NFD", "Trẻ em cần được bảo vệ.") + "\n",
            "content.nfc", "Tre"),
    "tone": ("vi/b/index.md", GOOD_FRONT + "Một đoạn.\n\nỦy ban nhân dân và Uỷ ban Mặt trận.\n", "content.tone", "Uỷ ban Mặt"),
    "typo": ("vi/c/index.md", GOOD_FRONT + "Hoàn thành trong qúy III năm 2024.\n", "content.typo", "qúy"),
    "placeholder": ("vi/d/index.md", GOOD_FRONT + "Nội dung.\n\nPhần này sẽ cập nhật.\n", "content.placeholder", "sẽ cập nhật"),
    "todo": ("en/d/index.md", GOOD_FRONT.replace("Trang thử", "Test page") + "Text.\n\nTODO: write this.\n",
             "content.placeholder", "TODO"),
    "empty-link": ("en/e/index.md", GOOD_FRONT + "See [the report]() later.\n", "content.placeholder", "[the report]"),
    "phone": ("vi/e/index.md", GOOD_FRONT + "Gọi 111.\n\nTìm kiếm cứu nạn: gọi 112.\n", "phones.unregistered", "112."),
    "tel-link": ("vi/f/index.md", GOOD_FRONT + "Gọi [số này](tel:0912345678).\n", "phones.unregistered", "tel:"),
    # issue 18: every written form, a named service with another number, front matter, line breaks
    "phone-spelled": ("vi/q/index.md", GOOD_FRONT + "Chữ.\n\nNhớ gọi một một hai.\n", "phones.unregistered", "một một hai"),
    "phone-dashed": ("en/q/index.md", GOOD_FRONT.replace("Trang thử", "Test page") + "Text.\n\nCall 1-1-2 now.\n",
                     "phones.unregistered", "1-1-2"),
    "phone-sms": ("vi/r/index.md", GOOD_FRONT + "Nhắn [tin](sms:112?body=x).\n", "phones.unregistered", "sms:"),
    "phone-service": ("vi/s/index.md", GOOD_FRONT + "Chữ.\n\nBị đe dọa, hãy báo công an, số 115.\n",
                      "phones.wrong-service", "số 115"),
    "phone-front": ("vi/t/index.md", "---\ntitle: Trang\ndescription: Gọi 1 – 1 – 2 khi cần.\n---\n\n# Trang\n",
                    "phones.unregistered", "description:"),
    "phone-next-line": ("vi/u/index.md", GOOD_FRONT + "Khi trẻ gặp nguy hiểm, hãy gọi\n112 ngay.\n",
                        "phones.unregistered", "112 ngay"),
    "heading": ("vi/g/index.md", GOOD_FRONT + "## Phần một\n\nChữ.\n\n#### Chi tiết\n", "content.heading-skip", "#### Chi"),
    "first-heading": ("vi/h/index.md", "---\ntitle: T\ndescription: Mô tả trang.\n---\n\nChữ.\n\n### Bắt đầu sai\n",
                      "content.heading-skip", "### Bắt"),
    "alt-md": ("vi/i/index.md", GOOD_FRONT + "Chữ.\n\n![](../assets/images/logo.svg)\n", "content.image-alt", "![]"),
    "alt-html": ("vi/j/index.md", GOOD_FRONT + "Chữ.\n\n<img src=\"a.png\">\n", "content.image-alt", "<img"),
    "alt-filename": ("vi/k/index.md", GOOD_FRONT + "![logo.svg](logo.svg)\n", "content.image-alt", "![logo.svg]"),
    "no-description": ("vi/l/index.md", "---\ntitle: Trang không mô tả\n---\n\n# Trang\n", "front-matter.no-description", "---"),
    "empty-title": ("vi/m/index.md", "---\ntitle:\ndescription: Có mô tả.\n---\n\n# Trang\n", "front-matter.no-title", "title:"),
    "no-front-matter": ("vi/n/index.md", "# Trang không có phần đầu\n", "front-matter.missing", "# Trang"),
    "broken-yaml": ("vi/o/index.md", "---\ntitle: Trang\ndescription: Mô tả: có dấu hai chấm: sai\n---\n\n# T\n",
                    "front-matter.yaml", "description"),
    "unclosed": ("vi/p/index.md", "---\ntitle: Trang\ndescription: Mô tả.\n\n# T\n", "front-matter.unclosed", "---"),
    "no-sources": ("vi/bao-tin/index.md", GOOD_FRONT + "Gọi 111.\n", "front-matter.no-sources", "---"),
    "bad-sources": ("en/hoi-dap/cha-me/index.md",
                    "---\ntitle: FAQ\ndescription: Questions.\nsources:\n  - link: https://example.org\n---\n\n# FAQ\n",
                    "front-matter.bad-sources", "sources:"),
}


@pytest.fixture(scope="module")
def content_project(tmp_path_factory):
    root = tmp_path_factory.mktemp("content")
    (root / "data").mkdir()
    (root / "data" / "phones.yml").write_text((ROOT / "data" / "phones.yml").read_text(encoding="utf-8"), encoding="utf-8")
    for rel, text, _, _ in PAGES.values():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def content_report(content_project):
    done = run_script("content/check_content.py", "--root", str(content_project), "--format", "json")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)["problems"]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_defect_is_caught_at_its_line(content_report, name):
    rel, text, code, needle = PAGES[name]
    found = [p for p in content_report if p["file"] == f"docs/{rel}"]
    assert [p["code"] for p in found] == [code], found
    assert found[0]["line"] == line_of(text, needle)
    for part in ("message", "fix"):
        assert found[0][part]["vi"] and found[0][part]["en"]


def test_code_is_exempt(tmp_path):
    text = (GOOD_FRONT + "Bản gốc viết `qúy` và `chủ trưong`; ta sửa thành quý.\n\n"
            "```\nTODO qúy Uỷ 0912345678\n```\n\n~~~text\nsẽ cập nhật\n~~~\n\n``phù họp` nằm trong mã``\n")
    path = tmp_path / "docs/vi/x/index.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    done = run_script("content/check_content.py", str(path), "--root", str(tmp_path), "--format", "json")
    assert done.returncode == 0, done.stdout


def test_sources_in_the_accepted_forms_pass(tmp_path):
    text = ("---\ntitle: Báo tin\ndescription: Cách báo tin.\nsources:\n  - Nghị định 56/2017/NĐ-CP, Điều 22\n"
            "  - title: Luật Trẻ em 2016\n    url: https://example.org/luat\n    note: Điều 51\n---\n\n# Báo tin\n\n"
            "Gọi [111](tel:111) hoặc 113.\n")
    path = tmp_path / "docs/vi/bao-tin/index.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    done = run_script("content/check_content.py", str(tmp_path / "docs"), "--root", str(tmp_path))
    assert done.returncode == 0, done.stdout


def test_github_and_text_formats(content_project):
    github = run_script("content/check_content.py", "--root", str(content_project), "--format", "github")
    assert github.returncode == 1
    rel, text, _, needle = PAGES["typo"]
    assert f"::error file=docs/{rel},line={line_of(text, needle)}," in github.stdout
    plain = run_script("content/check_content.py", "--root", str(content_project))
    assert f"docs/{rel}:{line_of(text, needle)}:" in plain.stdout and "[content.typo]" in plain.stdout


def test_fix_nfc_rewrites_the_file(tmp_path):
    path = tmp_path / "docs/vi/a/index.md"
    path.parent.mkdir(parents=True)
    path.write_text(GOOD_FRONT + unicodedata.normalize("NFD", "Trẻ em\n"), encoding="utf-8")
    assert run_script("content/check_content.py", str(path), "--root", str(tmp_path)).returncode == 1
    assert run_script("content/check_content.py", "--fix-nfc", str(path), "--root", str(tmp_path)).returncode == 0
    assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))
    assert run_script("content/check_content.py", str(path), "--root", str(tmp_path)).returncode == 0


def test_bad_input_gives_clear_messages(tmp_path):
    missing = run_script("content/check_content.py", str(tmp_path / "none.md"))
    assert missing.returncode == 2 and "No such file" in missing.stderr
    bad = tmp_path / "docs/vi/bad/index.md"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"---\ntitle: x\n---\n\xff\xfe broken")
    done = run_script("content/check_content.py", str(bad), "--root", str(tmp_path), "--format", "json")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert [p["code"] for p in json.loads(done.stdout)["problems"]] == ["file.encoding"]
    registry = tmp_path / "phones.yml"
    registry.write_text("- number: abc\n", encoding="utf-8")
    broken = run_script("content/check_content.py", str(bad), "--phones", str(registry))
    assert broken.returncode == 2 and "phone registry" in broken.stderr


def test_the_real_docs_pass():
    done = run_script("content/check_content.py")
    assert done.returncode == 0, done.stdout
