"""The school kit's list of pages (data/school_links.yml -> scripts/kit/school_links.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.kit import school_links as sl

GOOD = """\
- id: hoi-dap-cha-me
  path: hoi-dap/cha-me/
  use:
    vi: Cho cha mẹ.
    en: For parents.
- id: trang-chu
  path: ""
  use:
    vi: Trang chủ.
    en: Home.
"""


@pytest.fixture
def docs(tmp_path) -> Path:
    for lang, title in (("vi", "Hỏi đáp cho cha mẹ"), ("en", "Questions from parents")):
        page = tmp_path / "docs" / lang / "hoi-dap/cha-me/index.md"
        page.parent.mkdir(parents=True)
        page.write_text(f"---\ntitle: {title}\n---\n\n# x\n", encoding="utf-8")
        (tmp_path / "docs" / lang / "index.md").write_text(f"---\ntitle: Home {lang}\n---\n",
                                                            encoding="utf-8")
    return tmp_path / "docs"


def data(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "school_links.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_data_loads_with_titles_from_the_pages(tmp_path, docs):
    links = sl.load_links(data(tmp_path, GOOD), docs)
    assert [l.id for l in links] == ["hoi-dap-cha-me", "trang-chu"]
    assert links[0].title("vi", docs) == "Hỏi đáp cho cha mẹ"
    assert links[0].title("en", docs) == "Questions from parents"
    assert links[1].path == ""


@pytest.mark.parametrize("site_url", ["https://example.org/tre-em/", "https://example.org/tre-em"])
def test_absolute_addresses_per_language(tmp_path, docs, site_url):
    home, faq = sl.load_links(data(tmp_path, GOOD), docs)[::-1]
    assert faq.url(site_url, "vi") == "https://example.org/tre-em/hoi-dap/cha-me/"
    assert faq.url(site_url, "en") == "https://example.org/tre-em/en/hoi-dap/cha-me/"
    assert home.url(site_url, "vi") == "https://example.org/tre-em/"
    assert home.url(site_url, "en") == "https://example.org/tre-em/en/"


@pytest.mark.parametrize("bad,expected", [
    (GOOD.replace("id: trang-chu", "id: Trang_Chu"), "invalid id 'Trang_Chu'"),
    (GOOD.replace("path: hoi-dap/cha-me/", "path: hoi-dap/cha-me"), "invalid path"),
    (GOOD.replace("path: hoi-dap/cha-me/", "path: /hỏi-đáp/"), "invalid path"),
    (GOOD.replace("path: hoi-dap/cha-me/", "path: bao-tin/"), "does not exist yet"),
    (GOOD.replace("    en: For parents.\n", ""), "'use' needs both"),
    (GOOD.replace("id: trang-chu", "id: hoi-dap-cha-me"), "duplicate id"),
])
def test_bad_data_is_refused_with_file_line_and_fix(tmp_path, docs, bad, expected):
    path = data(tmp_path, bad)
    with pytest.raises(sl.DataError) as err:
        sl.load_links(path, docs)
    assert expected in str(err.value)
    assert str(path) in str(err.value)


def test_error_names_the_line_of_the_bad_entry(tmp_path, docs):
    path = data(tmp_path, GOOD.replace("id: trang-chu", "id: Trang_Chu"))
    with pytest.raises(sl.DataError) as err:
        sl.load_links(path, docs)
    assert f"{path}:6" in str(err.value)


@pytest.mark.parametrize("text", ["", "not: a list\n", "- just a string\n", "- [unclosed\n"])
def test_unreadable_or_wrong_shape_is_refused(tmp_path, docs, text):
    with pytest.raises(sl.DataError):
        sl.load_links(data(tmp_path, text), docs)


def test_render_links_each_page_relatively_so_mkdocs_checks_them(tmp_path, docs):
    links = sl.load_links(data(tmp_path, GOOD), docs)
    out = sl.render(links, "vi", "https://example.org/x/", "nha-truong/", docs)
    assert "**[Hỏi đáp cho cha mẹ](../hoi-dap/cha-me/index.md)**" in out
    assert "**[Home vi](../index.md)**" in out
    assert 'data-url="https://example.org/x/hoi-dap/cha-me/"' in out
    assert 'download="qr-hoi-dap-cha-me-vi.svg"' in out
    assert out.count("<svg ") == 2


def test_fill_requires_the_marker_and_known_ids(tmp_path, docs):
    links = sl.load_links(data(tmp_path, GOOD), docs)
    with pytest.raises(sl.DataError, match="is missing"):
        sl.fill("no marker", "vi", "https://e.org/", "nha-truong/", "kit.md", links)
    text = f"a\n\n{sl.MARKER}\n\nSee <!-- school-url:trang-chu -->."
    out = sl.fill(text, "en", "https://e.org/", "nha-truong/", "kit.md", links)
    assert "See [https://e.org/en/](../index.md)." in out and sl.MARKER not in out
    with pytest.raises(sl.DataError, match=r"kit.md:4: 'nope'"):
        sl.fill(f"{sl.MARKER}\n\n\n<!-- school-url:nope -->", "vi", "https://e.org/",
                "nha-truong/", "kit.md", links)
    with pytest.raises(sl.DataError, match=r"kit.md:9: 'nope'"):
        sl.fill(f"{sl.MARKER}\n\n\n<!-- school-url:nope -->", "vi", "https://e.org/",
                "nha-truong/", "kit.md", links, first_line=6)


def test_the_real_data_file_loads():
    links = sl.load_links()
    assert len(links) >= 3
    assert {"hoi-dap/cha-me/", "hoi-dap/nha-truong/"} <= {l.path for l in links}
