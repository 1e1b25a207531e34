"""scripts/core/data_text.py: the texts of a data file, each character at its source line."""

from __future__ import annotations

import pytest

from conftest import ROOT
from scripts.core.data_text import DataTextError, data_files, texts_of

SOURCE = """\
# a comment with 112
id: hotline
number: "111"
name: {vi: Tổng đài, en: Hotline}
source: cap-huyen-2025
radio:
  vi: |
    Dòng một.

    Dòng ba có số 112.
  en: >-
    First line
    second line with 112.
poster:
  lines:
    - "Quoted 112"
    - plain 112
when:
  source: {vi: Nghị định 56, en: Decree 56}
order: 3
"""


def by_field(texts):
    return {t.field: t for t in texts}


def test_every_prose_value_and_only_prose():
    texts = by_field(texts_of(SOURCE))
    assert sorted(texts) == ["name.en", "name.vi", "poster.lines.0", "poster.lines.1", "radio.en",
                             "radio.vi", "when.source.en", "when.source.vi"]
    assert texts["radio.vi"].lang == "vi" and texts["poster.lines.0"].lang is None


@pytest.mark.parametrize("field,line", [
    ("radio.vi", 10), ("radio.en", 13), ("poster.lines.0", 16), ("poster.lines.1", 17), ("name.en", 4),
])
def test_each_character_has_its_source_line(field, line):
    text = by_field(texts_of(SOURCE))[field]
    assert text.line_at(text.value.index("112") if "112" in text.value else 0) == line


def test_the_first_line_of_a_block_and_a_folded_line():
    texts = by_field(texts_of(SOURCE))
    assert texts["radio.vi"].line_at(0) == 8
    assert texts["radio.en"].line_at(texts["radio.en"].value.index("second")) == 13


def test_bad_yaml_names_its_line():
    with pytest.raises(DataTextError) as info:
        texts_of("a: 1\nb: [\n")
    assert info.value.line == 3


def test_the_real_data_files_exclude_the_address_lists():
    names = {p.name for p in data_files(ROOT)}
    assert {"phones.yml", "tasks.yml", "bodies.yml", "school_links.yml", "an-toan-tren-mang.yml"} <= names
    assert not names & {"urls.yml", "redirects.yml"}
