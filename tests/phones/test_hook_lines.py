"""The build names the Markdown line of a wrong tel: link, counting the front matter
(scripts/phones/hook_phones.py; MkDocs hands hooks the page without its front matter)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from conftest import ROOT
from scripts.phones import hook_phones

PAGE = ROOT / "docs/vi/gioi-thieu/index.md"
TEXT = ("---\ntitle: Thử\ndescription: Trang thử số điện thoại.\nsources:\n  - title: Nguồn\n---\n\n"
        "# Thử\n\nĐoạn một.\n\nGọi [111](tel:111) hoặc [112](tel:112).\n")


def run_hook(text: str) -> str:
    markdown, _ = get_data(text)                 # what MkDocs passes to on_page_markdown
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(PAGE), content_string=text, locale="vi"))
    return hook_phones.on_page_markdown(markdown, page, SimpleNamespace(extra={}), None)


def test_wrong_tel_is_reported_at_its_line_in_the_md_file():
    line = TEXT.splitlines().index("Gọi [111](tel:111) hoặc [112](tel:112).") + 1
    assert line == 12
    with pytest.raises(PluginError) as err:
        run_hook(TEXT)
    assert f"docs/vi/gioi-thieu/index.md:{line}: " in str(err.value)
    # The number as text and as a tel: link: both problems, both at the Markdown line.
    problems = str(err.value).splitlines()
    assert problems and all(p.startswith(f"docs/vi/gioi-thieu/index.md:{line}: ") for p in problems)
    assert any("tel:112" in p for p in problems)


def test_registered_tel_passes_and_the_page_is_unchanged():
    good = TEXT.replace(" hoặc [112](tel:112)", "")
    assert run_hook(good) == get_data(good)[0]
