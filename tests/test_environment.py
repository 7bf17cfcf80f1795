"""environment.yml (conda-forge) and pyproject.toml list the same dependencies."""

import re
import tomllib

import yaml

from conftest import ROOT

NOT_PYTHON_PACKAGES = {"python", "pip"}


def _split(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    return dict(_split(r) for r in reqs)


def conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "conda-forge" in env["channels"]
    deps = [d for d in env["dependencies"] if isinstance(d, str)]
    return {n: s for n, s in map(_split, deps) if n not in NOT_PYTHON_PACKAGES}


def test_environment_yml_and_pyproject_list_the_same_packages_and_versions():
    assert conda_requirements() == pyproject_requirements()


def test_jupyter_book_is_pinned_below_2():
    assert pyproject_requirements()["jupyter-book"] == ">=1.0.4,<2"


def test_environment_installs_the_package_itself():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert any(line.endswith("-e .") for line in pip)


def test_the_citation_names_the_packages_version_and_a_licence_file_exists():
    import tomllib

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert cff["version"] == version and cff["cff-version"] == "1.2.0" and cff["authors"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
