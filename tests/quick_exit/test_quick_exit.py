"""Unit tests of scripts/quick_exit/button.py and the glue in scripts/quick_exit/hook_quick_exit.py."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from scripts.quick_exit import hook_quick_exit
from scripts.quick_exit.button import QuickExitError, from_extra, insert_first_in_body, opted_in

ROOT = Path(__file__).resolve().parents[2]


def test_destination_is_read_from_extra():
    qe = from_extra({"quick_exit": {"url": " https://example.com/weather "}}, "https://site.org/")
    assert qe.url == "https://example.com/weather"


@pytest.mark.parametrize("extra", [{}, {"quick_exit": {}}, {"quick_exit": "https://x.org/"},
                                   {"quick_exit": {"url": ""}}])
def test_missing_destination_is_an_error_in_both_languages(extra):
    with pytest.raises(QuickExitError) as err:
        from_extra(extra, None)
    assert "extra.quick_exit.url" in str(err.value)
    assert "thiếu" in str(err.value) and "missing" in str(err.value)


@pytest.mark.parametrize("url", ["http://example.com/", "example.com", "/thoi-tiet/", "https://"])
def test_destination_must_be_a_full_https_address(url):
    with pytest.raises(QuickExitError, match="https://"):
        from_extra({"quick_exit": {"url": url}}, None)


def test_destination_must_leave_the_site():
    with pytest.raises(QuickExitError, match="another site"):
        from_extra({"quick_exit": {"url": "https://site.org/other/"}}, "https://site.org/tre-em/")


@pytest.mark.parametrize("meta,expected", [(None, False), ({}, False), ({"quick_exit": False}, False),
                                           ({"quick_exit": True}, True)])
def test_pages_opt_in_with_true(meta, expected):
    assert opted_in(meta, "docs/vi/x.md") is expected


@pytest.mark.parametrize("value", ["yes", "true", 1, None, ["true"]])
def test_anything_but_true_or_false_is_an_error_naming_the_file(value):
    with pytest.raises(QuickExitError) as err:
        opted_in({"quick_exit": value}, "docs/vi/bao-tin/index.md")
    assert str(err.value).startswith("docs/vi/bao-tin/index.md: ")


def test_button_goes_first_in_body_before_the_skip_link():
    html = '<html><head></head><body dir="ltr" data-x="1"><a class="md-skip">Skip</a></body></html>'
    out = insert_first_in_body(html, "<div>EXIT</div>")
    assert '<body dir="ltr" data-x="1"><div>EXIT</div><a class="md-skip">' in out


def test_no_body_tag_is_an_error():
    with pytest.raises(QuickExitError, match="<body>"):
        insert_first_in_body("<p>fragment</p>", "<div>EXIT</div>", "docs/vi/x.md")


def test_hook_turns_a_bad_front_matter_value_into_a_build_error_naming_the_file():
    page = SimpleNamespace(meta={"quick_exit": "có"},
                           file=SimpleNamespace(abs_src_path=str(ROOT / "docs/vi/bao-tin/index.md")))
    with pytest.raises(PluginError, match="docs/vi/bao-tin/index.md"):
        hook_quick_exit.on_page_markdown("# x", page=page, config=None, files=None)


def test_hook_refuses_a_bad_destination_at_config_time():
    config = SimpleNamespace(extra={"quick_exit": {"url": "http://insecure.example/"}},
                             site_url="https://site.org/")
    with pytest.raises(PluginError, match="https://"):
        hook_quick_exit.on_config(config)
