"""The `workbook` command: build and info, and the README's commands."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from workbook.cli import main

pytestmark = pytest.mark.unit


def test_build_then_info_print_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    assert main(["build", str(corpus), "-q"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"documents\s+1\b", out)
    assert "build issues: none" in out
    assert (tmp_path / "seeds.workbook" / "CURRENT").is_file()

    assert main(["info", str(tmp_path / "seeds.workbook")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"mentions\s+\d+", out)
    assert "claims by confidence" in out


def test_info_on_a_missing_workspace_is_an_error_with_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert "workbook build" in err


def test_the_console_script_is_installed() -> None:
    exe = Path(sys.executable).parent / "workbook"
    if not exe.exists():
        pytest.skip("the workbook console script is not installed in this environment")
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True).stdout
    assert out.startswith("workbook ")


def test_readme_gives_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", setup, flags=re.S)
    assert len(blocks) == 2
    assert "workbook build seeds/" in blocks[0]
    assert "pytest" in blocks[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci


def test_a_plain_install_has_the_explorer_and_the_readme_says_what_to_run_next() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {re.split(r"[<>=\[ ]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    assert {"jupyterlab", "ipywidgets", "plotly", "anywidget", "duckdb"} <= core
    assert not {"kaleido", "followthemoney", "dask"} & core  # heavy or compiled: extras
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first = re.findall(r"```bash\n(.*?)```", readme.split("## Set up", 1)[1], flags=re.S)[0]
    assert "pip install -e . " in first
    assert first.rstrip().endswith('"') and "workbook lab" in first.split("&&")[-1]
