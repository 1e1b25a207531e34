"""Unit tests of scripts/kit/comm_kit.py: reading time, kit data checks, markers, command line."""

from __future__ import annotations

import math
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from scripts.kit import comm_kit as ck
from scripts.kit import hook_comm_kit
from scripts.phones.registry import DataError, load_phones

PHONES = {p.number for p in load_phones()}
GOOD = ck.KIT_DIR / "phong-chong-xam-hai.yml"


# ---------------------------------------------------------------------------------------------
# Counting and reading time
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("Kính thưa bà con!", "vi", 4),
    ("Trẻ em là người dưới mười sáu tuổi.", "vi", 8),
    ("vắc-xin", "vi", 2),                       # a hyphenated loanword: one unit per syllable
    ("Gọi 111 ngay", "vi", 5),                  # digits are read one by one
    ("[Nhạc hiệu.] Xin chào [đọc chậm] bà con", "vi", 4),   # directions are not read
    ("Good day to everyone listening.", "en", 5),
    ("well-being of a child's mind", "en", 5),  # compounds and possessives are one word
    ("Call 115 now", "en", 5),
    ("", "vi", 0),
    ("   \n\n  ", "en", 0),
    ("… – ! ? , ;", "vi", 0),                   # punctuation alone is silent
    ("[only a direction]", "en", 0),
])
def test_count_units(text, lang, expected):
    assert ck.count_units(text, lang) == expected


def test_count_units_is_the_same_for_nfd_and_nfc_input():
    nfc = "Tổng đài quốc gia bảo vệ trẻ em"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert ck.count_units(nfd, "vi") == ck.count_units(nfc, "vi") == 8


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        ck.count_units("xin chào", "fr")
    with pytest.raises(ValueError):
        ck.reading_time("hello", "de")


def test_reading_time_uses_the_documented_speeds():
    assert ck.WORDS_PER_MINUTE == {"vi": 180, "en": 150}
    rt = ck.reading_time(" ".join(["tiếng"] * 180), "vi")
    assert (rt.units, rt.seconds, rt.rounded, rt.iso) == (180, 60.0, 60, "PT1M0S")
    rt = ck.reading_time(" ".join(["word"] * 300), "en")
    assert (rt.units, rt.seconds, rt.rounded) == (300, 120.0, 120)


@pytest.mark.parametrize("units,wpm,rounded,iso", [
    (0, 180, 0, "PT0M0S"),
    (1, 180, 0, "PT0M0S"),        # 0.33 s rounds down
    (7, 60, 5, "PT0M5S"),         # 7 s -> 5 s
    (8, 60, 10, "PT0M10S"),       # 8 s -> 10 s
    (15, 120, 10, "PT0M10S"),     # 7.5 s: halves round up
    (449, 180, 150, "PT2M30S"),   # 149.67 s
    (541, 180, 180, "PT3M0S"),    # 180.33 s
])
def test_rounding_to_five_seconds(units, wpm, rounded, iso):
    rt = ck.ReadingTime(units=units, lang="vi", wpm=wpm)
    assert rt.rounded == rounded and rt.iso == iso


def test_custom_speed_and_bad_speeds():
    assert ck.reading_time("a b c d", "en", wpm=240).seconds == 1.0
    for bad in (0, -5, 1.5, "150"):
        with pytest.raises(ValueError, match="positive whole number"):
            ck.reading_time("a", "en", wpm=bad)


@pytest.mark.parametrize("seconds,vi,en", [
    (0, "0 giây", "0 s"),
    (5, "5 giây", "5 s"),
    (60, "1 phút", "1 min"),
    (125, "2 phút 5 giây", "2 min 5 s"),
    (180, "3 phút", "3 min"),
    (-3, "0 giây", "0 s"),
])
def test_format_duration(seconds, vi, en):
    assert ck.format_duration(seconds, "vi") == vi
    assert ck.format_duration(seconds, "en") == en


def test_labels_and_unit_names():
    rt = ck.ReadingTime(units=451, lang="vi", wpm=180)
    assert rt.label() == "khoảng 2 phút 30 giây" and rt.unit_name() == "tiếng"
    one = ck.ReadingTime(units=1, lang="en", wpm=150)
    assert one.unit_name() == "word" and ck.ReadingTime(2, "en", 150).unit_name() == "words"
    assert ck.ReadingTime(units=344, lang="en", wpm=150).label() == "about 2 min 20 s"


def test_share_length_counts_nfc_characters_of_the_trimmed_text():
    assert ck.share_length("  Gọi 111  ") == 7
    assert ck.share_length(unicodedata.normalize("NFD", "Gọi")) == 3


# ---------------------------------------------------------------------------------------------
# The real kit
# ---------------------------------------------------------------------------------------------

def test_the_real_kit_is_valid_and_complete():
    items = ck.load_kit()
    assert len(items) >= 10
    assert [i.order for i in items] == sorted(i.order for i in items)
    for item in items:
        for lang in ck.LANGS:
            seconds = item.radio_time(lang).seconds
            assert 120 <= seconds <= 180, (item.topic, lang, seconds)
            assert ck.share_length(item.share[lang]) <= 500, (item.topic, lang)
            poster = item.poster[lang]
            assert poster.headline and poster.footer, (item.topic, lang)
            assert 2 <= len(poster.lines) <= 5, (item.topic, lang)


def test_every_kit_names_a_number_to_call_in_every_text():
    for item in ck.load_kit():
        for lang in ck.LANGS:
            for text in (item.radio[lang], item.share[lang], item.poster[lang].footer):
                assert any(n in text for n in PHONES), (item.topic, lang, text[:60])


# ---------------------------------------------------------------------------------------------
# Bad kit data: a clear error naming the file (and the line)
# ---------------------------------------------------------------------------------------------

def _write(tmp_path: Path, data: dict, name: str | None = None) -> Path:
    path = tmp_path / f"{name or data.get('topic', 'x')}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _good() -> dict:
    return yaml.safe_load(GOOD.read_text(encoding="utf-8"))


def test_missing_language_is_named(tmp_path):
    data = _good()
    del data["radio"]["en"]
    path = _write(tmp_path, data)
    with pytest.raises(DataError) as err:
        ck.load_kit_file(path, PHONES)
    msg = str(err.value)
    assert str(path) in msg and "'radio'" in msg and "en" in msg and "vi" in msg


def test_over_long_share_text_is_named_with_its_length_and_line(tmp_path):
    data = _good()
    data["share"]["vi"] = "Gọi 111. " + "x" * 600
    path = _write(tmp_path, data)
    with pytest.raises(DataError) as err:
        ck.load_kit_file(path, PHONES)
    msg = str(err.value)
    lines = path.read_text(encoding="utf-8").splitlines()
    share = lines.index("share:")
    line = next(i for i in range(share + 1, len(lines)) if lines[i].strip().startswith("vi:")) + 1
    assert msg.startswith(f"{path}:{line}:"), msg
    assert "609" in msg and "500" in msg


def test_share_text_of_exactly_500_characters_is_accepted(tmp_path):
    data = _good()
    data["share"]["en"] = ("Call 111. " + "y" * 500)[:500]
    assert ck.share_length(data["share"]["en"]) == 500
    ck.load_kit_file(_write(tmp_path, data), PHONES)
    data["share"]["en"] += "z"
    with pytest.raises(DataError, match="501"):
        ck.load_kit_file(_write(tmp_path, data), PHONES)


@pytest.mark.parametrize("words,ok", [(299, False), (300, True), (450, True), (451, False)])
def test_radio_length_limits(tmp_path, words, ok):
    data = _good()
    data["radio"]["en"] = " ".join(["word"] * words)
    path = _write(tmp_path, data)
    if ok:
        ck.load_kit_file(path, PHONES)
    else:
        with pytest.raises(DataError, match=r"needs 300 to 450 words"):
            ck.load_kit_file(path, PHONES)


def test_numbers_other_than_phone_numbers_must_be_words(tmp_path):
    data = _good()
    data["radio"]["vi"] = data["radio"]["vi"].replace("mười sáu tuổi", "16 tuổi")
    with pytest.raises(DataError, match="'16'"):
        ck.load_kit_file(_write(tmp_path, data), PHONES)


def test_abbreviations_must_be_spelled_out(tmp_path):
    data = _good()
    data["radio"]["vi"] = data["radio"]["vi"].replace("Ủy ban nhân dân xã", "UBND xã")
    with pytest.raises(DataError, match="'UBND'"):
        ck.load_kit_file(_write(tmp_path, data), PHONES)


def test_poster_checks(tmp_path):
    data = _good()
    data["poster"]["en"]["lines"] = ["only one line"]
    with pytest.raises(DataError, match="2 to 5"):
        ck.load_kit_file(_write(tmp_path, data), PHONES)
    data = _good()
    data["poster"]["vi"]["headline"] = "Một tiêu đề rất dài " * 5
    with pytest.raises(DataError, match="headline"):
        ck.load_kit_file(_write(tmp_path, data), PHONES)
    data = _good()
    del data["poster"]["vi"]["footer"]
    with pytest.raises(DataError, match="poster.vi.footer"):
        ck.load_kit_file(_write(tmp_path, data), PHONES)


def test_unknown_language_entry_is_refused(tmp_path):
    data = _good()
    data["share"]["fr"] = "Bonjour"
    with pytest.raises(DataError, match="'fr'"):
        ck.load_kit_file(_write(tmp_path, data), PHONES)


def test_nfd_text_is_refused(tmp_path):
    data = _good()
    data["share"]["vi"] = unicodedata.normalize("NFD", data["share"]["vi"])
    with pytest.raises(DataError, match="NFC"):
        ck.load_kit_file(_write(tmp_path, data), PHONES)


def test_file_name_must_match_topic(tmp_path):
    path = _write(tmp_path, _good(), name="ten-khac")
    with pytest.raises(DataError, match="phong-chong-xam-hai.yml"):
        ck.load_kit_file(path, PHONES)


@pytest.mark.parametrize("content,needle", [
    ("topic: [unclosed\n", "YAML"),
    ("- a list\n- not a mapping\n", "topic, order"),
    ("", "topic, order"),
])
def test_broken_files_give_a_message_not_a_traceback(tmp_path, content, needle):
    path = tmp_path / "hong.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as err:
        ck.load_kit_file(path, PHONES)
    assert str(path) in str(err.value) and needle in str(err.value)


def test_bad_bytes_give_a_message(tmp_path):
    path = tmp_path / "bytes.yml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DataError, match="cannot read"):
        ck.load_kit_file(path, PHONES)


def test_duplicate_order_and_missing_pages(tmp_path):
    shutil.copy(GOOD, tmp_path / GOOD.name)
    other = _good()
    other["topic"] = "chu-de-khac"
    _write(tmp_path, other)
    with pytest.raises(DataError, match="order: 1"):
        ck.load_kit(tmp_path, docs=None, phones=PHONES)
    other["order"] = 2
    _write(tmp_path, other)
    assert len(ck.load_kit(tmp_path, docs=None, phones=PHONES)) == 2
    with pytest.raises(DataError, match="docs/vi/tuyen-truyen/chu-de-khac/index.md"):
        ck.load_kit(tmp_path, docs=ck.DOCS_DIR, phones=PHONES)


def test_missing_or_empty_folder(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        ck.load_kit(tmp_path / "khong-co", docs=None, phones=PHONES)
    with pytest.raises(DataError, match="no .yml"):
        ck.load_kit(tmp_path, docs=None, phones=PHONES)


# ---------------------------------------------------------------------------------------------
# Markers
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kit():
    return ck.load_kit(), load_phones()


def test_kit_marker_renders_the_three_texts_with_the_computed_time(kit):
    items, phones = kit
    out = ck.expand_markers("# T\n\n<!-- kit: phong-chong-xam-hai -->\n", "vi", items, phones, "x.md")
    rt = items[0].radio_time("vi")
    assert f'datetime="{rt.iso}"' in out and rt.label() in out
    assert 'id="phat-thanh"' not in out and "{#phat-thanh}" in out and "{#tin-nhan}" in out
    # The only comment left is where `make pdf` puts the radio script's PDF link, by its time.
    assert out.count("<!--") == 1 and "</time>" in out.split("<!-- pdf-link: phat-thanh-a4.pdf -->")[0]
    assert 'class="kit-poster"' in out
    assert '<span class="kit-direction">[đọc: một – một – một]</span>' in out


def test_markers_keep_indentation_inside_admonitions(kit):
    items, phones = kit
    src = '!!! note "X"\n\n    Đọc:\n\n    <!-- kit-speed -->\n\nSau.\n'
    out = ck.expand_markers(src, "vi", items, phones, "x.md")
    body = out.split("Đọc:\n\n", 1)[1].split("\nSau.", 1)[0]
    assert body.strip() and all(line.startswith("    ") for line in body.splitlines() if line.strip())
    assert out.endswith("\nSau.\n")


def test_marker_errors_name_the_page_and_line(kit):
    items, phones = kit
    with pytest.raises(DataError, match=r"^docs/vi/x\.md:3: .*khong-co"):
        ck.expand_markers("a\n\n<!-- kit: khong-co -->\n", "vi", items, phones, "docs/vi/x.md")
    with pytest.raises(DataError, match=r"^p\.md:2: .*own line"):
        ck.expand_markers("a\nText <!-- kit-index --> inline\n", "en", items, phones, "p.md")


def test_other_comments_are_left_alone(kit):
    items, phones = kit
    src = "<!-- an editor's note -->\ntext\n"
    assert ck.expand_markers(src, "vi", items, phones, "x.md") == src


def test_index_and_speed_markers(kit):
    items, phones = kit
    table = ck.expand_markers("<!-- kit-index -->\n", "en", items, phones, "x.md")
    assert table.count("<li markdown>") == len(items) and "PT2M" in table
    assert "180 syllables a minute" in ck.speed_sentence("en")
    assert "150 từ mỗi phút" in ck.speed_sentence("vi")
    topics = ck.expand_markers("<!-- topic-index -->\n", "vi", items, phones, "x.md")
    assert topics.count("<li markdown>") == len(items) and "Trong Kế hoạch: mục II.5" in topics


# ---------------------------------------------------------------------------------------------
# The build hook and the command line
# ---------------------------------------------------------------------------------------------

def test_hook_turns_bad_data_into_a_build_error_naming_the_file(tmp_path, monkeypatch):
    data = _good()
    data["share"]["en"] = "x" * 700
    path = _write(tmp_path, data)
    monkeypatch.setattr(ck, "KIT_DIR", tmp_path)
    monkeypatch.setattr(ck, "DOCS_DIR", ck.ROOT / "docs")
    with pytest.raises(PluginError) as err:
        hook_comm_kit.on_config(object())
    assert str(path) in str(err.value) and "700" in str(err.value)


def test_hook_without_a_marked_hotline_says_which_entry_to_mark(monkeypatch):
    from dataclasses import replace
    unmarked = [replace(p, hotline=False) for p in hook_comm_kit.load_phones()]
    monkeypatch.setattr(hook_comm_kit, "load_phones", lambda: unmarked)
    with pytest.raises(PluginError) as err:
        hook_comm_kit.on_config(object())
    assert "hotline: true" in str(err.value) and "thêm dòng" in str(err.value)


def test_hook_names_the_page_with_a_bad_marker(monkeypatch):
    hook_comm_kit.on_config(object())

    class File:
        locale = "en"
        abs_src_path = str(ck.ROOT / "docs/en/tai-lieu/index.md")

    class Page:
        file = File()

    with pytest.raises(PluginError, match=r"docs/en/tai-lieu/index\.md:1: .*nope"):
        hook_comm_kit.on_page_markdown("<!-- kit: nope -->\n", Page(), {"theme": {}}, None)


def test_main_exit_codes(tmp_path, capsys):
    assert ck.main([]) == 0
    out = capsys.readouterr().out
    assert "phong-chong-xam-hai" in out and "all valid" in out
    assert ck.main(["--help"]) == 2
    assert ck.main(["a", "b"]) == 2
    data = _good()
    data["share"]["vi"] = "x" * 501
    path = _write(tmp_path, data)
    assert ck.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err


def test_documented_speeds_match_two_to_three_minutes():
    low, high = ck.RADIO_SECONDS
    assert (low, high) == (120, 180)
    assert math.ceil(low * ck.WORDS_PER_MINUTE["vi"] / 60) == 360
    assert math.floor(high * ck.WORDS_PER_MINUTE["en"] / 60) == 450
