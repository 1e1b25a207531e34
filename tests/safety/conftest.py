"""The planted project (tests/safety/planted.py), built once per test process for the address it
is served from, so that the build tests and the browser tests look at the same pages."""

from __future__ import annotations

import pytest

from fixture_project import build
from planted import make_planted_project
from static_server import serve


@pytest.fixture(scope="session")
def planted_site(tmp_path_factory):
    """(base URL, site folder, tags planted) of the project with markup in every field."""
    dest = tmp_path_factory.mktemp("planted")
    project, tags = make_planted_project(dest / "project")
    site = dest / "site"
    site.mkdir()
    with serve(site) as base_url:
        done = build(project, dest=site, site_url=base_url)
        assert done.returncode == 0, f"the planted project does not build:\n{done.stderr[-3000:]}"
        yield base_url, site, tags
