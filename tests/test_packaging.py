"""Packaging: every package and resource reaches the wheel, resources are found, the dependencies are the right ones."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from hotline import paths

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
#: What pip prints when it cannot reach an index for the build requirements (setuptools, wheel).
OFFLINE_SIGNS = (
    "Could not find a version that satisfies the requirement",
    "No matching distribution found",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ConnectTimeoutError",
    "ReadTimeoutError",
)
#: Left out of the copy the wheel is built from (caches, environments, earlier builds that could leak into it).
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache",
    ".hypothesis", "*.sqlite3*",
)  # fmt: skip


def package_folder(package: str) -> Path:
    """The source folder of a dotted package name, following ``[tool.setuptools.package-dir]``."""
    mapping = SETUPTOOLS.get("package-dir", {})
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in mapping:
            return ROOT / mapping[prefix] / Path(*parts[cut:])
    return ROOT / Path(*parts)


def shipped_data_files() -> dict[str, Path]:
    """Path inside the wheel → source file, for every file a package-data pattern matches."""
    shipped = {}
    for package, patterns in SETUPTOOLS.get("package-data", {}).items():
        folder = package_folder(package)
        for pattern in patterns:
            for source in folder.glob(pattern):
                if source.is_file() and not source.name.startswith("."):
                    inside = Path(*package.split("."), source.relative_to(folder)).as_posix()
                    shipped[inside] = source
    return shipped


def test_every_package_folder_is_listed():
    """Each folder under hotline/ with an __init__.py is in [tool.setuptools] packages (else the wheel lacks it)."""
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "hotline").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    listed = set(SETUPTOOLS["packages"])
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    for package in listed:
        assert package_folder(package).is_dir(), f"{package} is listed but has no folder"


def test_every_resource_file_matches_a_package_data_pattern():
    """Each file under resources/ is matched by a package-data pattern, so an installed program has it too."""
    resources = package_folder("hotline.resources")
    shipped = set(shipped_data_files().values())
    unmatched = [
        path.relative_to(ROOT).as_posix()
        for path in resources.rglob("*")
        if path.is_file() and not path.name.startswith(".") and "__pycache__" not in path.parts
    ]
    unmatched = [name for name in unmatched if ROOT / name not in shipped]
    assert unmatched == [], "add a pattern to [tool.setuptools.package-data] in pyproject.toml"


def test_taxonomy_resource_exists():
    """resource_path('taxonomy.json') points at a file (source checkout)."""
    assert paths.resource_path("taxonomy.json").is_file()


def test_dependencies_are_the_pyside6_parts_not_the_meta_package():
    """The dependencies name PySide6-Essentials and PySide6-Addons, never `pyside6` (280 MB of WebEngine)."""
    requirements = list(PYPROJECT["project"]["dependencies"])
    for extra in PYPROJECT["project"].get("optional-dependencies", {}).values():
        requirements += extra
    names = {canonicalize_name(Requirement(text).name) for text in requirements}
    assert {"pyside6-essentials", "pyside6-addons"} <= names
    assert "pyside6" not in names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by pip from a clean copy of the checkout; skips only when the build tools cannot be fetched."""
    work = tmp_path_factory.mktemp("wheel")
    source, out = work / "source", work / "out"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    env = {**os.environ, "PIP_DEFAULT_TIMEOUT": "30", "PIP_RETRIES": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-w", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        output = done.stdout + done.stderr
        if any(sign in output for sign in OFFLINE_SIGNS):
            pytest.skip("cannot build a wheel here: the build tools cannot be fetched (offline?)")
        pytest.fail(f"pip wheel failed:\n{output[-4000:]}")
    built = sorted(out.glob("hotline-*.whl"))
    assert len(built) == 1, f"expected one wheel, found {built}"
    return built[0]


@pytest.mark.slow
def test_wheel_ships_code_and_resources(wheel):
    """The wheel holds every module under hotline/, resources/taxonomy.json and every file package-data ships."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "hotline/resources/taxonomy.json" in names
    missing_data = sorted(set(shipped_data_files()) - names)
    assert missing_data == []
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "hotline").rglob("*.py")}
    assert sorted(modules - names) == []


@pytest.mark.slow
def test_installed_wheel_finds_its_resources(wheel, tmp_path):
    """Installed from the wheel (no checkout beside it), hotline.paths finds taxonomy.json inside the package."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        capture_output=True,
        check=True,
    )
    probe = (
        "import hotline, hotline.paths as p; print(hotline.__file__); print(p.resource_path('taxonomy.json').is_file())"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    module_file, found = done.stdout.split()
    assert Path(module_file).is_relative_to(target), "the installed copy, not the checkout, must be imported"
    assert found == "True"
