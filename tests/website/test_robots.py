"""scripts/website/robots.py and the robots.txt of the built site."""

from __future__ import annotations

import pytest

from conftest import TEST_SITE_URL
from scripts.website.robots import robots_txt


def test_points_crawlers_at_the_absolute_sitemap():
    assert robots_txt("https://example.org/tre-em/").splitlines() == [
        "User-agent: *", "Allow: /", "", "Sitemap: https://example.org/tre-em/sitemap.xml"]


def test_site_url_without_trailing_slash():
    assert "Sitemap: https://example.org/tre-em/sitemap.xml" in robots_txt("https://example.org/tre-em")


@pytest.mark.parametrize("bad", ["", None, "/tre-em/", "example.org"])
def test_relative_or_missing_site_url_is_refused_with_a_bilingual_message(bad):
    with pytest.raises(ValueError, match="site_url.*is not an absolute address"):
        robots_txt(bad)


def test_built_site_has_one_robots_txt_at_its_root(built_site):
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == robots_txt(TEST_SITE_URL)
    assert not (built_site / "en" / "robots.txt").exists()
