"""Check that everything the site installs or runs is pinned, so a build today and a build next
year use the same code, and a changed package or action cannot slip in unnoticed.

- requirements*.in: what we ask for, each pinned exactly (`name==version`);
- requirements*.txt: generated from the .in files by `make lock` (pip-compile --generate-hashes):
  every package pinned exactly with its sha256 hashes, matching its .in file, and each package at
  the same version in every locked file;
- every `pip install` in Makefile, .ci/run, the workflows and the README installs a locked file
  with `--require-hashes`;
- every `uses:` in .github/workflows/ names a full 40-character commit SHA with the version in a
  comment (`actions/checkout@<sha> # v4.3.1`), never a tag or a branch;
- .github/dependabot.yml updates pip, npm (benchmarks/) and github-actions weekly, in groups.

    python scripts/supply/check_supply.py [--root DIR] [--format text|json|github]
    exit 0 clean, 1 problems found (each with file:line and how to fix it), 2 misuse
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from scripts.core import checkkit  # noqa: E402
from scripts.core.checkkit import Misuse, Problem, Text  # noqa: E402

TOOL = "check_supply.py"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9.!+_-]+)$")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$")
SHA_REF = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^v?\d+(\.\d+){1,2}\b")
INSTALL_FILES = ("Makefile", ".ci/run", "README.md")
DEPENDABOT = ".github/dependabot.yml"
WANTED_UPDATES = (("pip", "/"), ("npm", "/benchmarks"), ("github-actions", "/"))


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _problem(root: Path, path: Path, line: int, code: str, what: Text, fix: Text) -> Problem:
    return Problem(checkkit.display_path(path, root), line, f"supply.{code}", what, fix)


def logical_lines(text: str):
    """(first line number, joined text) for each requirement line, comments removed; a
    trailing backslash continues the line."""
    start, parts = None, []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #", 1)[0] if not raw.lstrip().startswith("#") else ""
        line = line.strip()
        if start is None:
            start = number
        if line.endswith("\\"):
            parts.append(line[:-1].strip())
            continue
        parts.append(line)
        joined = " ".join(p for p in parts if p)
        if joined:
            yield start, joined
        start, parts = None, []


# --- requirement files ---------------------------------------------------------------------------

def read_pins(root: Path, path: Path, locked: bool) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """{canonical name: (version, line)} from one requirements file, and its problems."""
    pins, problems = {}, []
    kind = Text("tệp khóa (có mã băm)", "locked file (with hashes)") if locked else \
        Text("tệp yêu cầu", "requirements file")
    for line, text in logical_lines(path.read_text(encoding="utf-8")):
        words = text.split()
        if not locked and words[0] in ("-r", "--requirement") and len(words) == 2 \
                and words[1].endswith(".in"):
            continue
        match = PIN.match(words[0])
        if not match:
            problems.append(_problem(root, path, line, "unpinned", Text(
                f"'{text[:80]}' không ghim đúng một phiên bản ({kind.vi}).",
                f"'{text[:80]}' is not pinned to one exact version ({kind.en})."), Text(
                "Ghi dạng tên==phiên-bản trong requirements*.in rồi chạy `make lock`; không sửa "
                "tay tệp .txt.",
                "Write name==version in requirements*.in, then run `make lock`; never edit the "
                ".txt by hand.")))
            continue
        name = canonical(match.group("name"))
        rest = words[1:]
        if locked:
            hashes = [w for w in rest if HASH.fullmatch(w)]
            if not hashes or len(hashes) != len(rest):
                problems.append(_problem(root, path, line, "no-hash", Text(
                    f"'{match.group(0)}' thiếu mã băm sha256 (--hash=sha256:…).",
                    f"'{match.group(0)}' has no sha256 hash (--hash=sha256:…)."), Text(
                    "Tạo lại tệp bằng `make lock` (pip-compile --generate-hashes).",
                    "Regenerate the file with `make lock` (pip-compile --generate-hashes).")))
        elif rest:
            problems.append(_problem(root, path, line, "unpinned", Text(
                f"'{text[:80]}': tệp .in chỉ ghi tên==phiên-bản.",
                f"'{text[:80]}': a .in file holds only name==version."), Text(
                "Bỏ phần thêm; mã băm do `make lock` ghi vào tệp .txt.",
                "Remove the extra words; `make lock` writes the hashes into the .txt file.")))
        pins[name] = (match.group("version"), line)
    return pins, problems


def check_requirements(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    ins = sorted(root.glob("requirements*.in"))
    locks = sorted(root.glob("requirements*.txt"))
    if not (root / "requirements.txt").is_file() or not (root / "requirements-test.txt").is_file():
        problems.append(_problem(root, root / "requirements.txt", 0, "missing-lock", Text(
            "Thiếu requirements.txt hoặc requirements-test.txt (tệp khóa).",
            "requirements.txt or requirements-test.txt (locked files) is missing."), Text(
            "Chạy `make lock`.", "Run `make lock`.")))
    locked_pins = {}
    for path in locks:
        pins, found = read_pins(root, path, locked=True)
        problems += found
        locked_pins[path.name] = pins
        if "pip-compile" not in path.read_text(encoding="utf-8")[:400]:
            problems.append(_problem(root, path, 1, "not-generated", Text(
                "Tệp không do pip-compile tạo (thiếu dòng đầu của pip-compile).",
                "The file was not written by pip-compile (its header is missing)."), Text(
                "Tạo lại bằng `make lock`.", "Regenerate it with `make lock`.")))
    for path in ins:
        pins, found = read_pins(root, path, locked=False)
        problems += found
        lock = path.with_suffix(".txt")
        if lock.name not in locked_pins:
            problems.append(_problem(root, path, 0, "missing-lock", Text(
                f"{path.name} chưa có tệp khóa {lock.name}.",
                f"{path.name} has no locked file {lock.name}."), Text(
                "Chạy `make lock`.", "Run `make lock`.")))
            continue
        for name, (version, line) in pins.items():
            got = locked_pins[lock.name].get(name)
            if got is None or got[0] != version:
                shown = got[0] if got else "không có / absent"
                problems.append(_problem(root, path, line, "stale-lock", Text(
                    f"{name}=={version} nhưng {lock.name} khóa {shown}.",
                    f"{name}=={version} but {lock.name} locks {shown}."), Text(
                    "Chạy `make lock` để tạo lại tệp khóa.",
                    "Run `make lock` to regenerate the locked file.")))
    seen: dict[str, tuple[str, str]] = {}
    for file, pins in sorted(locked_pins.items()):
        for name, (version, line) in pins.items():
            if name in seen and seen[name][0] != version:
                problems.append(_problem(root, root / file, line, "version-split", Text(
                    f"{name}=={version} ở đây nhưng {seen[name][0]} trong {seen[name][1]}.",
                    f"{name}=={version} here but {seen[name][0]} in {seen[name][1]}."), Text(
                    "Mọi tệp khóa phải dùng cùng phiên bản: sửa tệp .in rồi chạy `make lock`.",
                    "All locked files must agree: fix the .in files, then run `make lock`.")))
            seen.setdefault(name, (version, file))
    return problems


# --- install commands ---------------------------------------------------------------------------

def install_lines(root: Path):
    """(path, line number, text) of each line that runs `pip install`."""
    paths = [root / f for f in INSTALL_FILES] + sorted((root / ".github/workflows").glob("*.yml"))
    for path in paths:
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith("#") or not re.search(r"\bpip3?\s+install\b", stripped):
                continue
            yield path, number, stripped


def check_installs(root: Path) -> list[Problem]:
    problems = []
    for path, number, line in install_lines(root):
        files = re.findall(r"(?:-r|--requirement)\s+(\S+)", line)
        extra = re.sub(r"(?:-r|--requirement)\s+\S+", "", line.split("install", 1)[1])
        packages = [w for w in extra.split() if not w.startswith("-") and not w.startswith("$")]
        if "--require-hashes" in line and files and all(re.fullmatch(r"requirements[\w-]*\.txt", f)
                                                         for f in files) and not packages:
            continue
        problems.append(_problem(root, path, number, "unlocked-install", Text(
            f"Lệnh cài không dùng tệp khóa có mã băm: `{line[:100]}`.",
            f"An install that does not use a hash-locked file: `{line[:100]}`."), Text(
            "Cài bằng `pip install --require-hashes -r requirements….txt`; thêm gói vào "
            "requirements*.in rồi chạy `make lock`.",
            "Install with `pip install --require-hashes -r requirements….txt`; add packages to "
            "requirements*.in and run `make lock`.")))
    return problems


# --- GitHub Actions and Dependabot --------------------------------------------------------------

def check_actions(root: Path) -> list[Problem]:
    problems = []
    for path in sorted((root / ".github/workflows").glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = USES.match(line)
            if not match or match.group("ref").startswith("./"):
                continue
            ref, comment = match.group("ref"), (match.group("comment") or "").strip()
            if SHA_REF.match(ref) and VERSION_COMMENT.match(comment):
                continue
            problems.append(_problem(root, path, number, "action-not-pinned", Text(
                f"`{ref}` không ghim vào mã commit đầy đủ kèm chú thích phiên bản.",
                f"`{ref}` is not pinned to a full commit SHA with a version comment."), Text(
                "Viết `chủ/kho@<mã commit 40 ký tự> # vX.Y.Z` (mã của đúng thẻ phiên bản đó).",
                "Write `owner/repo@<40-character commit SHA> # vX.Y.Z` (the SHA that tag "
                "points to).")))
    return problems


def check_dependabot(root: Path) -> list[Problem]:
    path = root / DEPENDABOT
    fix = Text("Xem mẫu trong CONTRIBUTING.md (Khóa phiên bản).",
               "See CONTRIBUTING.md (Locked requirements) for the expected file.")
    if not path.is_file():
        return [_problem(root, path, 0, "dependabot", Text(
            "Thiếu .github/dependabot.yml.", ".github/dependabot.yml is missing."), fix)]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        return [_problem(root, path, line, "dependabot", Text(
            "YAML không đọc được.", "The YAML cannot be read."), fix)]
    updates = data.get("updates") if isinstance(data, dict) else None
    updates = [u for u in updates if isinstance(u, dict)] if isinstance(updates, list) else []
    problems = []
    for ecosystem, directory in WANTED_UPDATES:
        found = [u for u in updates if u.get("package-ecosystem") == ecosystem
                 and str(u.get("directory", "")).rstrip("/") == directory.rstrip("/")]
        if not found:
            problems.append(_problem(root, path, 0, "dependabot", Text(
                f"Không có mục cập nhật '{ecosystem}' cho thư mục '{directory}'.",
                f"No '{ecosystem}' update for the directory '{directory}'."), fix))
            continue
        entry = found[0]
        if (entry.get("schedule") or {}).get("interval") != "weekly" or not entry.get("groups"):
            problems.append(_problem(root, path, 0, "dependabot", Text(
                f"Mục '{ecosystem}' phải chạy hằng tuần (interval: weekly) và gộp nhóm (groups).",
                f"The '{ecosystem}' update must run weekly (interval: weekly) in groups (groups)."),
                fix))
    return problems


def check(root: Path) -> list[Problem]:
    return (check_requirements(root) + check_installs(root) + check_actions(root)
            + check_dependabot(root))


def main(argv: list[str] | None = None) -> int:
    parser = checkkit.ArgumentParser(prog=TOOL, description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=None, help="project root (default: this repository)")
    checkkit.add_format_option(parser)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve() if args.root else ROOT
    if not root.is_dir():
        return checkkit.misuse(TOOL, Text(f"Không có thư mục {root}.", f"No folder {root}."))
    try:
        problems = check(root)
    except Misuse as exc:
        return checkkit.misuse(TOOL, exc.text)
    return checkkit.emit(problems, args.format, TOOL)


if __name__ == "__main__":
    sys.exit(main())
