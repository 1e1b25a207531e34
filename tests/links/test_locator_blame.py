"""A problem link that is not in the page's Markdown is traced to the file where it is really
written (check_links.py Locator), never to a template that merely contains its letters."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from scripts.core.sitepages import Link, Page
from scripts.links.check_links import Locator, Site, Target


def project(tmp_path: Path, data: str) -> Site:
    root = tmp_path / "p"
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "data").mkdir()
    (root / "data/phones.yml").write_text(data, encoding="utf-8")
    page = root / "docs/vi/gioi-thieu/index.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Giới thiệu\n---\n\n# Giới thiệu\n\nChữ.\n", encoding="utf-8")
    (root / "site/gioi-thieu").mkdir(parents=True)
    (root / "site/gioi-thieu/index.html").write_text("<p>built</p>\n", encoding="utf-8")
    return Site(dir=root / "site", docs_dir=root / "docs", root=root)


def locate(site: Site, value: str, url: str = "gioi-thieu/"):
    page = Page(path=site.dir / url / "index.html", url=url)
    link = Link("img", "src", value, 40, {"src": value}, 6)
    return Locator(site).locate(page, link, Target("internal", url=value, file=value, exists=False))


def test_img_planted_in_data_is_traced_to_the_data_line_not_to_the_404_template(tmp_path):
    site = project(tmp_path, '- number: "111"\n  name:\n    vi: Tổng đài <img src=x onerror=alert(1)>\n')
    assert "x" in (ROOT / "overrides/404.html").read_text(encoding="utf-8")   # the letters are there
    located = locate(site, "x")
    assert (located.file, located.line) == ("data/phones.yml", 3)


def test_img_written_nowhere_is_reported_on_the_built_page(tmp_path):
    site = project(tmp_path, '- number: "111"\n')
    for value in ("x", "a", "page", "images/logo.png"):
        located = locate(site, value)
        assert located.file == "site/gioi-thieu/index.html" and not located.from_source, value
        assert located.line == 40 and located.column == 7


def test_link_written_in_a_template_is_still_found_there(tmp_path):
    site = project(tmp_path, '- number: "111"\n')
    partial = site.root / "overrides/partials/hotline.html"
    partial.write_text(partial.read_text(encoding="utf-8") + '\n<img src="assets/images/missing.png" alt="">\n',
                       encoding="utf-8")
    located = locate(site, "assets/images/missing.png")
    assert located.file == "overrides/partials/hotline.html"
    assert located.line == len(partial.read_text(encoding="utf-8").splitlines())
