"""What Binder builds from the repository: repo2docker's Dockerfile (generated without Docker),
postBuild, and the shipped JupyterLab config that opens the start notebook."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from traitlets.config import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[1]
REPO2DOCKER = Path(sys.executable).parent / "repo2docker"
START = "notebooks/00_start_here.ipynb"


@pytest.fixture(scope="module")
def dockerfile() -> str:
    """The Dockerfile repo2docker would build for this repository (`--no-build --debug`)."""
    result = subprocess.run(
        [str(REPO2DOCKER), "--no-build", "--debug", str(ROOT)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout + result.stderr


def test_no_binder_folder_hides_the_root_config_files():
    assert not (ROOT / "binder").exists()
    assert not (ROOT / ".binder").exists()


def test_repo2docker_builds_the_conda_environment_from_environment_yml(dockerfile):
    assert "Building conda environment for python=3.11" in dockerfile
    assert '--file "environment.yml"' in dockerfile
    assert "requirements.txt" not in dockerfile


def test_repo2docker_runs_postbuild(dockerfile):
    assert "RUN ./postBuild" in dockerfile


@pytest.fixture(scope="module")
def postbuild_run(tmp_path_factory) -> tuple[list[str], Path]:
    """Run postBuild as Binder would, with `python` and `jupyter` replaced by stubs that log
    their arguments; return the logged commands and the stand-in environment prefix."""
    tmp = tmp_path_factory.mktemp("postbuild")
    stubs, prefix, log = tmp / "bin", tmp / "env", tmp / "commands.log"
    stubs.mkdir()
    for name in ("python", "jupyter"):
        stub = stubs / name
        stub.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\n')
        stub.chmod(0o755)
    env = {"PATH": f"{stubs}:/usr/bin:/bin", "NB_PYTHON_PREFIX": str(prefix), "HOME": str(tmp)}
    subprocess.run(["./postBuild"], cwd=ROOT, env=env, check=True, timeout=60)
    return log.read_text().splitlines(), prefix


def test_postbuild_installs_helpers_without_touching_the_pinned_environment(postbuild_run):
    commands, _ = postbuild_run
    assert "python -m pip install --no-cache-dir --no-deps -e ." in commands
    assert not any("lab build" in c or "labextension install" in c for c in commands)


def test_postbuild_switches_off_the_news_popup(postbuild_run):
    commands, _ = postbuild_run
    disable = "labextension disable --level=sys_prefix @jupyterlab/apputils-extension:announcements"
    assert f"jupyter {disable}" in commands


def test_postbuild_trusts_every_notebook_so_saved_widgets_render(postbuild_run):
    commands, _ = postbuild_run
    trusted = next(c for c in commands if c.startswith("jupyter trust ")).split()[2:]
    assert sorted(trusted) == sorted(p.relative_to(ROOT).as_posix()
                                     for p in (ROOT / "notebooks").glob("*.ipynb"))  # fmt: skip


def test_postbuild_installs_the_lab_config_into_the_environment(postbuild_run):
    _, prefix = postbuild_run
    installed = prefix / "etc" / "jupyter" / "jupyter_lab_config.py"
    assert installed.read_text() == (ROOT / "jupyter_lab_config.py").read_text()


def test_shipped_config_opens_the_start_notebook():
    config = PyFileConfigLoader("jupyter_lab_config.py", path=str(ROOT)).load_config()
    assert config.LabApp.default_url == f"/lab/tree/{START}"
    assert (ROOT / START).is_file()
