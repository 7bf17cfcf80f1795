"""The environment is the lock: requirements.lock pins every Python package at an exact version (with its
hashes), the Makefile installs exactly it, environment.yml installs the same lock, and pyproject.toml's
dependencies are all in it, within their ranges."""

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import yaml
from packaging.requirements import Requirement

from conftest import ROOT
from nqpf.book.chapters import pages

LOCK = ROOT / "requirements.lock"
# one pin of the lock: `name==version \` followed by its `--hash=sha256:` lines
PIN = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)\s*\\\n((?:\s+--hash=sha256:[0-9a-f]{64}\s*\\?\n)+)", re.MULTILINE
)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(text: str) -> dict[str, str]:
    """The lock's pins, name → version, read independently of the package's own reader."""
    return {normalise(name): v for name, v, _ in PIN.findall(text)}


def mismatches(pins: dict[str, str]) -> dict[str, str]:
    """The pins the running environment does not have: name → what is installed instead."""
    out = {}
    for name, wanted in pins.items():
        try:
            have = version(name)
        except PackageNotFoundError:
            have = "not installed"
        if have != wanted:
            out[name] = f"locked {wanted}, installed {have}"
    return out


def pyproject_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in ("test", "lab"):
        reqs += project["optional-dependencies"][extra]
    return [Requirement(r) for r in reqs]


def test_every_package_the_lock_pins_is_installed_at_exactly_that_version():
    pins = locked(LOCK.read_text(encoding="utf-8"))
    assert len(pins) > 100  # the whole tree, not only the direct dependencies
    assert mismatches(pins) == {}, "the environment is not the lock: run `make` (it reinstalls from requirements.lock)"


def test_the_check_catches_a_package_at_another_version_or_missing():
    assert mismatches({"pandas": "0.0.1", "no-such-package-nqpf": "1.0"}) == {
        "pandas": f"locked 0.0.1, installed {version('pandas')}",
        "no-such-package-nqpf": "locked 1.0, installed not installed",
    }


def test_every_pin_of_the_lock_is_exact_and_hashed():
    text = LOCK.read_text(encoding="utf-8")
    requirement_lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    # every requirement line is a pin the pattern read, with its hashes: pip then installs in hash-checking mode
    assert len(requirement_lines) == len(PIN.findall(text))
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*==\S+ \\", line) for line in requirement_lines)
    assert "-e " not in text and "nqpf==" not in text  # the package itself is installed on its own, with --no-deps


def test_pyprojects_dependencies_are_all_in_the_lock_within_their_ranges():
    pins = locked(LOCK.read_text(encoding="utf-8"))
    for req in pyproject_requirements():
        name = normalise(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in requirements.lock: run `make lock`"
        assert req.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} is outside {req}"


def test_the_lock_has_no_direct_dependency_that_pyproject_dropped():
    # uv names pyproject.toml among a pin's reasons ("# via nqpf (pyproject.toml)") when it is a direct dependency
    direct, current = set(), None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        pin = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==", line)
        current = normalise(pin.group(1)) if pin else current
        if "nqpf (pyproject.toml)" in line:
            direct.add(current)
    assert direct == {normalise(r.name) for r in pyproject_requirements()}, "run `make lock`"


def test_the_reproducibility_page_counts_what_the_test_counts():
    assert pages.locked_versions(LOCK) == locked(LOCK.read_text(encoding="utf-8"))


def test_environment_yml_installs_the_lock_and_nothing_else():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    assert conda == ["python=3.11", "pip"] and pip == [["-r requirements.lock"]]
    # pip refuses an editable install while checking hashes: the file says how to add the package
    assert "pip install --no-deps -e ." in (ROOT / "environment.yml").read_text(encoding="utf-8")


def test_the_makefile_installs_the_lock_then_the_package_without_dependencies():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^\$\(STAMP\):(.*)\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert "requirements.lock" in rule.group(1).split()
    recipe = rule.group(2)
    assert "pip install --quiet -r requirements.lock" in recipe and "pip install --quiet --no-deps -e ." in recipe
    assert recipe.index("-r requirements.lock") < recipe.index("--no-deps -e .")


def test_the_lock_targets_linux_and_every_python_3_11():
    header = LOCK.read_text(encoding="utf-8").split("\n", 3)[:2]
    assert header[1].strip() == "#    make lock"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    # --python-version 3.11 means 3.11.0 and up: Debian 12's Python 3.11.2 installs the lock too
    assert "--python-version 3.11 " in makefile and "--python-platform linux" in makefile
    assert "--generate-hashes" in makefile


def test_jupyter_book_is_pinned_below_2():
    req = next(r for r in pyproject_requirements() if r.name == "jupyter-book")
    assert str(req.specifier) in (">=1.0.4,<2", "<2,>=1.0.4")
    assert locked(LOCK.read_text(encoding="utf-8"))["jupyter-book"].startswith("1.")


def test_the_installed_nqpf_is_this_checkout():
    import nqpf

    assert Path(nqpf.__file__).resolve().is_relative_to(ROOT / "src")


def test_the_citation_names_the_packages_version_and_a_licence_file_exists():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert cff["version"] == version and cff["cff-version"] == "1.2.0" and cff["authors"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
