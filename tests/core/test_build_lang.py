"""scripts/core/build_lang.py: a page's folder as the site addresses it."""

from __future__ import annotations

from types import SimpleNamespace

from scripts.core.build_lang import page_folder


def _page(path):
    return SimpleNamespace(file=SimpleNamespace(abs_src_path=str(path)))


def test_page_folder_is_the_address_under_the_language(tmp_path):
    config = SimpleNamespace(docs_dir=str(tmp_path))
    assert page_folder(_page(tmp_path / "vi" / "index.md"), config, "vi") == ""
    assert page_folder(_page(tmp_path / "vi" / "bao-tin" / "index.md"), config, "vi") == "bao-tin/"
    assert page_folder(_page(tmp_path / "en" / "hoi-dap" / "cha-me" / "index.md"), config, "en") == "hoi-dap/cha-me/"
