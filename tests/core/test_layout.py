"""The layout of scripts/ (scripts/README.md): one folder per feature and a small shared core.

Rules, checked on the real tree and shown to catch each kind of bad tree:
- scripts/core/ imports no feature;
- a feature imports the core, its own modules, and from another feature only the names that
  feature's __init__.py lists in __all__ (`from scripts.phones import load_phones`);
- no module sits directly in scripts/ (it belongs to a feature folder);
- every hook file is listed in mkdocs.yml, and every listed hook is in a feature folder;
- scripts/README.md's table names every folder, and every path it names exists;
- tests/ mirrors the feature folders.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT
from scripts.core.checkkit import load_mkdocs_config

CORE = "core"


def _public_names(package_dir: Path) -> set[str]:
    """The names a feature's __init__.py lists in __all__ (read, not imported)."""
    init = package_dir / "__init__.py"
    if not init.is_file():
        return set()
    for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets):
            return {elt.value for elt in node.value.elts if isinstance(elt, ast.Constant)}
    return set()


def _imports(tree: ast.AST):
    """(line, module, names) for every import; names is None for `import x`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            module = ("." * node.level) + (node.module or "")
            yield node.lineno, module, [a.name for a in node.names]


def layout_problems(scripts: Path) -> list[str]:
    """Every break of the layout rules under `scripts`, as 'file:line: vi / en (how to fix)'."""
    problems = []
    features = {p.name for p in scripts.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    public = {f: _public_names(scripts / f) for f in features}
    root = scripts.parent
    for path in sorted(scripts.glob("*.py")):
        if path.name != "__init__.py":
            problems.append(
                f"{path.relative_to(root)}:1: mô-đun nằm thẳng trong scripts/; hãy chuyển vào thư mục "
                f"của tính năng / module directly in scripts/: move it into its feature's folder "
                f"(scripts/README.md)")
    for path in sorted(scripts.glob("*/*.py")):
        own = path.parent.name
        shown = path.relative_to(root)
        for line, module, names in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if module.startswith(".."):
                problems.append(f"{shown}:{line}: import tương đối ra ngoài thư mục / relative import out of "
                                f"the folder: write `from scripts.<feature> import name`")
                continue
            parts = module.split(".")
            if parts[0] != "scripts":
                continue
            if len(parts) == 1:  # from scripts import x
                targets = [(n, None) for n in names or []]
            else:
                targets = [(parts[1], parts[2:] or None)]
            for feature, deeper in targets:
                if feature in (own, CORE):
                    continue
                if own == CORE:
                    problems.append(
                        f"{shown}:{line}: core dùng tính năng '{feature}'; core không được phụ thuộc tính "
                        f"năng nào / the core imports feature '{feature}': move what it needs into "
                        f"scripts/core/ or the code that needs it into the feature")
                elif deeper or len(parts) == 1 or names is None:
                    problems.append(
                        f"{shown}:{line}: dùng mô-đun bên trong của '{feature}' / imports the internals of "
                        f"'{feature}' ({module}): import its public names instead, "
                        f"`from scripts.{feature} import …` (its __all__: {sorted(public.get(feature, ()))})")
                else:
                    for name in names:
                        if name not in public.get(feature, set()):
                            problems.append(
                                f"{shown}:{line}: '{name}' không nằm trong __all__ của scripts/{feature}/ / "
                                f"'{name}' is not public in scripts/{feature}/: add it to __all__ in "
                                f"scripts/{feature}/__init__.py, or keep the code in one feature")
    return problems


def hook_problems(root: Path, hooks: list[str]) -> list[str]:
    problems = []
    listed = set(hooks)
    for hook in hooks:
        parts = Path(hook).parts
        if len(parts) != 3 or parts[0] != "scripts" or not (root / hook).is_file():
            problems.append(f"mkdocs.yml: hook '{hook}' phải là scripts/<tính-năng>/hook_*.py có thật / must "
                            f"be an existing scripts/<feature>/hook_*.py")
    for path in sorted((root / "scripts").rglob("hook_*.py")):
        rel = path.relative_to(root).as_posix()
        if rel not in listed:
            problems.append(f"{rel}:1: hook không có trong mkdocs.yml nên không bao giờ chạy / hook not listed "
                            f"in mkdocs.yml `hooks:`, so it never runs: add it there")
    return problems


def readme_problems(root: Path) -> list[str]:
    readme = root / "scripts" / "README.md"
    text = readme.read_text(encoding="utf-8")
    rows = [l for l in text.splitlines() if l.startswith("| ") and not l.startswith("| Feature")]
    problems = []
    named = set()
    for number, line in enumerate(text.splitlines(), 1):
        if line not in rows:
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        folder = re.fullmatch(r"`(scripts/[\w]+/)`", cells[1])
        if not folder:
            problems.append(f"scripts/README.md:{number}: cột thư mục phải là `scripts/<tên>/` / folder "
                            f"column must be `scripts/<name>/`")
            continue
        named.add(folder.group(1).split("/")[1])
        base = root / folder.group(1)
        for hook in re.findall(r"`([\w.]+\.py)`", cells[2]):
            if not (base / hook).is_file():
                problems.append(f"scripts/README.md:{number}: {folder.group(1)}{hook} không tồn tại / does not exist")
        for script in re.findall(r"python (scripts/[\w/]+\.py)", cells[3]):
            if not (root / script).is_file():
                problems.append(f"scripts/README.md:{number}: {script} không tồn tại / does not exist")
        for path in re.findall(r"`((?:tests|data|docs|overrides)/[^`*<]*)`", cells[4] + cells[5]):
            if not (root / path).exists():
                problems.append(f"scripts/README.md:{number}: {path} không tồn tại / does not exist")
    for folder in sorted(p.name for p in (root / "scripts").iterdir() if (p / "__init__.py").is_file()):
        if folder not in named:
            problems.append(f"scripts/README.md: thiếu dòng cho scripts/{folder}/ / no row for scripts/{folder}/")
    return problems


# --- the real tree -------------------------------------------------------------------------------

def test_the_real_scripts_folder_follows_the_import_rules():
    assert layout_problems(ROOT / "scripts") == []


def test_every_hook_is_listed_in_mkdocs_yml_and_lives_in_a_feature_folder():
    hooks = load_mkdocs_config(ROOT / "mkdocs.yml")["hooks"]
    assert len(hooks) >= 10
    assert hook_problems(ROOT, hooks) == []


def test_the_readme_table_names_every_folder_and_every_path_exists():
    assert readme_problems(ROOT) == []


def test_tests_mirror_the_feature_folders():
    features = {p.name for p in (ROOT / "scripts").iterdir() if (p / "__init__.py").is_file()}
    tests = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and list(p.glob("test_*.py"))}
    assert features <= tests, f"no tests/<feature>/ for {sorted(features - tests)}"
    assert tests <= features, f"tests/ folders with no scripts/ feature: {sorted(tests - features)}"


def test_public_names_exist():
    import importlib
    for init in sorted((ROOT / "scripts").glob("*/__init__.py")):
        module = importlib.import_module(f"scripts.{init.parent.name}")
        for name in _public_names(init.parent):
            assert hasattr(module, name), f"scripts/{init.parent.name}: __all__ names missing '{name}'"


# --- bad trees are caught ------------------------------------------------------------------------

def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    scripts = tmp_path / "scripts"
    base = {"__init__.py": "", "core/__init__.py": "", "core/yamlish.py": "",
            "phones/__init__.py": "from scripts.phones.registry import load_phones\n__all__ = ['load_phones']\n",
            "phones/registry.py": "def load_phones(): ...\nPRIVATE = 1\n",
            "kit/__init__.py": "", "kit/comm_kit.py": "from scripts.phones import load_phones\n"
                                                     "from scripts.core.yamlish import x\n"}
    for rel, text in {**base, **files}.items():
        (scripts / rel).parent.mkdir(parents=True, exist_ok=True)
        (scripts / rel).write_text(text, encoding="utf-8")
    return scripts


def test_a_good_small_tree_has_no_problems(tmp_path):
    assert layout_problems(_tree(tmp_path, {})) == []


@pytest.mark.parametrize("rel,text,expected", [
    ("core/yamlish.py", "import os\nfrom scripts.phones import load_phones\n", "core/yamlish.py:2: core dùng tính năng 'phones'"),
    ("kit/comm_kit.py", "from scripts.phones.registry import load_phones\n", "kit/comm_kit.py:1: dùng mô-đun bên trong của 'phones'"),
    ("kit/comm_kit.py", "\nfrom scripts import phones\n", "kit/comm_kit.py:2: dùng mô-đun bên trong của 'phones'"),
    ("kit/comm_kit.py", "import scripts.phones.registry\n", "kit/comm_kit.py:1: dùng mô-đun bên trong của 'phones'"),
    ("kit/comm_kit.py", "from scripts.phones import PRIVATE\n", "kit/comm_kit.py:1: 'PRIVATE' không nằm trong __all__"),
    ("kit/comm_kit.py", "from ..phones import registry\n", "kit/comm_kit.py:1: import tương đối ra ngoài"),
    ("helpers.py", "x = 1\n", "scripts/helpers.py:1: mô-đun nằm thẳng trong scripts/"),
])
def test_each_kind_of_bad_import_is_reported_with_its_line(tmp_path, rel, text, expected):
    problems = layout_problems(_tree(tmp_path, {rel: text}))
    assert len(problems) == 1, problems
    assert expected in problems[0]
    assert " / " in problems[0]  # Vietnamese, then English with how to fix


def test_an_unlisted_or_misplaced_hook_is_reported(tmp_path):
    (tmp_path / "scripts/tasks").mkdir(parents=True)
    (tmp_path / "scripts/tasks/hook_tasks.py").write_text("", encoding="utf-8")
    (tmp_path / "scripts/tasks/hook_orphan.py").write_text("", encoding="utf-8")
    problems = hook_problems(tmp_path, ["scripts/tasks/hook_tasks.py", "scripts/hook_gone.py"])
    assert any("hook 'scripts/hook_gone.py'" in p for p in problems)
    assert any(p.startswith("scripts/tasks/hook_orphan.py:1: hook không có trong mkdocs.yml") for p in problems)
    assert len(problems) == 2


def test_a_readme_row_with_a_missing_path_or_folder_is_reported(tmp_path):
    (tmp_path / "scripts/tasks").mkdir(parents=True)
    (tmp_path / "scripts/tasks/__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "scripts/kit").mkdir()
    (tmp_path / "scripts/kit/__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "scripts/README.md").write_text(
        "| Feature | Folder | Hook | Check | Tests | Data |\n|---|---|---|---|---|---|\n"
        "| Tasks | `scripts/tasks/` | `hook_tasks.py` | `python scripts/tasks/check_deadlines.py` "
        "| `tests/tasks/` | `data/tasks.yml` |\n", encoding="utf-8")
    problems = readme_problems(tmp_path)
    assert "scripts/README.md:3: scripts/tasks/hook_tasks.py không tồn tại / does not exist" in problems
    assert "scripts/README.md:3: scripts/tasks/check_deadlines.py không tồn tại / does not exist" in problems
    assert "scripts/README.md:3: tests/tasks/ không tồn tại / does not exist" in problems
    assert "scripts/README.md:3: data/tasks.yml không tồn tại / does not exist" in problems
    assert any("no row for scripts/kit/" in p for p in problems)


# --- every path editors and developers are told about exists ------------------------------------

NAMED_IN = ("README.md", "CONTRIBUTING.md", "DEPLOY.md", "Makefile", "benchmarks/README.md",
            ".github/**/*", "scripts/**/*", "tests/**/*.py", "benchmarks/*.py", "data/**/*.yml",
            "overrides/**/*.html", "docs/**/*.md", "docs/**/*.js", "mkdocs.yml")
_PATH = re.compile(r"(?<![\w/.-])((?:scripts|tests)/[\w./-]*[\w/])(?![\w*<])")
_JOINED = re.compile(r"\"scripts\"\s*/\s*\"([\w./-]+\.\w+)\"")  # ROOT / "scripts" / "x.py" in Python


def named_paths(root: Path) -> dict[str, list[str]]:
    """Every scripts/… or tests/… path written in the files above, with where it is written."""
    found: dict[str, list[str]] = {}
    for pattern in NAMED_IN:
        for path in sorted(root.glob(pattern)):
            if (not path.is_file() or path.suffix in {".png", ".svg", ".txt", ".pyc"}
                    or "__pycache__" in path.parts or "node_modules" in path.parts):   # installed by npm ci
                continue
            if path.resolve() == Path(__file__).resolve():  # this file names bad paths on purpose
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                names = [m.group(1).rstrip(".") for m in _PATH.finditer(line)]
                names += ["scripts/" + m.group(1) for m in _JOINED.finditer(line)]
                for name in names:
                    found.setdefault(name, []).append(f"{path.relative_to(root)}:{number}")
    return found


def missing_paths(root: Path) -> list[str]:
    return [f"{where[0]}: {name} không tồn tại / does not exist (the layout moved it? see scripts/README.md)"
            for name, where in sorted(named_paths(root).items())
            if not (root / name).exists() and "node_modules" not in Path(name).parts]  # installed, not kept


def test_every_scripts_or_tests_path_named_in_docs_messages_and_comments_exists():
    named = named_paths(ROOT)
    assert "scripts/links/check_urls.py" in named and "scripts/tasks/check_deadlines.py" in named
    assert missing_paths(ROOT) == []


def test_a_stale_path_in_the_docs_is_reported_with_its_line(tmp_path):
    (tmp_path / "scripts/links").mkdir(parents=True)
    (tmp_path / "scripts/links/check_urls.py").write_text("", encoding="utf-8")
    (tmp_path / "CONTRIBUTING.md").write_text(
        "Chạy `python scripts/links/check_urls.py add`.\n\nRun `python scripts/check_urls.py add`.\n",
        encoding="utf-8")
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "benchmarks/bench.py").write_text('hooks = [ROOT / "scripts" / "hook_search.py"]\n',
                                                  encoding="utf-8")
    assert missing_paths(tmp_path) == [
        "CONTRIBUTING.md:3: scripts/check_urls.py không tồn tại / does not exist "
        "(the layout moved it? see scripts/README.md)",
        "benchmarks/bench.py:1: scripts/hook_search.py không tồn tại / does not exist "
        "(the layout moved it? see scripts/README.md)"]
