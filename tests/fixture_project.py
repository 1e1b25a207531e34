"""Small copies of this project for the check tests: the real configuration, chosen pages.

`make_project(tmp, pages)` copies mkdocs.yml, scripts/, overrides/, data/ and docs/ into `tmp`,
adds or replaces the given pages, and writes `fixture.yml`, which INHERITs the real mkdocs.yml
and only turns strict mode off (so that a page with a deliberate broken link still builds and
the checks, not the build, have to catch it). `build(project)` builds it like the real site:
under a sub-path, so that the checks see root-absolute links with a base path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/tre-em/"
COPIED = ("mkdocs.yml", "scripts", "overrides", "data", "docs")


def _config_hooks() -> list[str]:
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and friends
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["hooks"]


def make_project(dest: Path, pages: dict[str, str] | None = None, docs: bool = True,
                 skip_hooks: tuple[str, ...] = ()) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules")
    for name in COPIED:
        source = ROOT / name
        if name == "docs" and not docs:
            shutil.copytree(source / "assets", dest / "docs" / "assets", ignore=ignore)
            continue
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, dest / name)
    for rel, text in (pages or {}).items():
        path = dest / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = "INHERIT: mkdocs.yml\nstrict: false\n"
    if skip_hooks:   # INHERIT replaces lists: write the real hook list minus the skipped ones
        config += "hooks:\n" + "".join(f"  - {h}\n" for h in _config_hooks() if h not in skip_hooks)
    (dest / "fixture.yml").write_text(config, encoding="utf-8")
    return dest


def build(project: Path, dest: Path | None = None, strict: bool = False,
          site_url: str = SITE_URL) -> subprocess.CompletedProcess:
    dest = dest or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    env.pop("REPO_URL", None)
    config = "mkdocs.yml" if strict else "fixture.yml"
    # No -q: it raises the log level above WARNING, so strict mode would count no warning at all.
    args = [sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", str(dest)]
    if strict:
        args.insert(4, "--strict")
    return subprocess.run(args, cwd=project, env=env, capture_output=True, text=True)


def run_script(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run scripts/<script> as an editor would, in a subprocess."""
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], cwd=cwd,
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def line_of(text: str, needle: str) -> int:
    """Line number (1-based) of the first line of `text` containing `needle`."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the fixture text")
