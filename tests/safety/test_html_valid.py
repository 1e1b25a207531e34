"""Valid HTML on every page (scripts/safety/check_html.py): html-validate on every built page of
the real site, Material's known markup (scripts/safety/html_exceptions.yml) the only exception.
html-validate is installed by `make test` (npm ci in scripts/safety/)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from scripts.core.checkkit import Misuse
from scripts.safety import check_html
from scripts.safety.check_html import Allowed, check, load_exceptions, run_validator

MATERIAL_TOGGLES = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
                    '<input class="md-toggle" type="checkbox" id="__search" autocomplete="off">')


@pytest.fixture(scope="module")
def validator():
    try:
        return check_html.find_validator()
    except Misuse as exc:
        pytest.fail(f"{exc} — `make test` installs it")


def _page(site, rel, body, source="docs/vi/thu/index.md"):
    """A small page with Material's two toggles' markup or not (as `body` says), footer included."""
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>Thử</title></head>\n'
                    f"<body>\n{body}\n"
                    f'<aside class="page-facts"><p>Tệp nguồn: <code>{source}</code></p></aside>\n</body>\n</html>\n',
                    encoding="utf-8")
    return path


def test_every_page_of_the_real_site_is_valid_html(built_site, validator):
    problems = check(built_site, load_exceptions(), run_validator(built_site, validator), require_all_used=True)
    assert not problems, "\n".join(f"{p.file}:{p.line}: {p.what.en}" for p in problems[:20])


def test_a_paragraph_around_a_list_is_reported_with_the_page_and_its_source(tmp_path, validator):
    _page(tmp_path, "tuyen-truyen/index.html", f"{MATERIAL_TOGGLES}\n<p>Gọi ngay:</p>\n<p><ul>\n<li>111</li>\n</ul></p>")
    problems = check(tmp_path, load_exceptions(), run_validator(tmp_path, validator))
    assert [(p.code, p.line) for p in problems] == [("html.close-order", 9)]
    assert "docs/vi/thu/index.md" in problems[0].what.vi and "docs/vi/thu/index.md" in problems[0].what.en
    assert problems[0].file.endswith("tuyen-truyen/index.html")


def test_material_markup_is_excepted_only_where_listed(tmp_path, validator):
    _page(tmp_path, "index.html", MATERIAL_TOGGLES + '\n<input type="checkbox" id="mine" autocomplete="off">')
    problems = check(tmp_path, load_exceptions(), run_validator(tmp_path, validator))
    assert [(p.code, p.line) for p in problems] == [("html.valid-autocomplete", 6)]


def test_an_exception_no_page_needs_is_reported(tmp_path, validator):
    _page(tmp_path, "index.html", "<p>Không có gì của Material.</p>")
    assert check(tmp_path, load_exceptions(), run_validator(tmp_path, validator)) == []
    problems = check(tmp_path, load_exceptions(), run_validator(tmp_path, validator), require_all_used=True)
    assert {p.code for p in problems} == {"html.unused-exception"}
    assert {p.line for p in problems} == {e.line for e in load_exceptions()}


def test_every_exception_gives_its_reason():
    exceptions = load_exceptions()
    assert exceptions and all(len(e.reason.split()) >= 10 for e in exceptions)
    assert all(isinstance(e, Allowed) for e in exceptions)


def test_an_exception_matches_its_rule_selector_and_message_only():
    edit = next(e for e in load_exceptions() if e.rule == "attribute-misuse")
    error = {"ruleId": "attribute-misuse", "selector": "html > body > div:nth-child(8) > main > article > a",
             "message": '<a> does not allow rel="edit"'}
    assert edit.matches(error)
    assert not edit.matches(dict(error, selector="html > body > article > aside > p > a"))
    assert not edit.matches(dict(error, message='<a> does not allow rel="x-other"'))
    assert not edit.matches(dict(error, ruleId="valid-autocomplete"))


def test_missing_validator_says_how_to_install(tmp_path):
    with pytest.raises(Misuse) as caught:
        check_html.find_validator(tmp_path / "html-validate")
    assert "npm ci" in caught.value.text.vi and "npm ci" in caught.value.text.en


def test_command_exit_codes(tmp_path, validator):
    script = ROOT / "scripts" / "safety" / "check_html.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "none")], capture_output=True, text=True)
    assert done.returncode == 2 and "make build" in done.stderr and "Traceback" not in done.stderr
    _page(tmp_path, "index.html", MATERIAL_TOGGLES + "\n<p><div>x</div></p>")
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 1 and "index.html:6" in done.stdout and "Lỗi: HTML không hợp lệ" in done.stdout
