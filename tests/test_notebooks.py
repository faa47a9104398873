"""Notebook tier: every notebook in notebooks/ runs start to finish, and is committed clean.

Each notebook runs in a copy of the project layout in a temporary folder (``notebooks/`` beside
``seeds/``), so that what the notebooks build (``seeds.workbook/``) lands there and not in the
checkout, while the notebooks keep their natural relative paths (``wb.open("../seeds")``). The kernel
is ``python3`` resolved to this very Python (see ``browser_support.isolated_jupyter_env``).
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from tests.browser_support import NOTEBOOKS, copy_project, isolated_jupyter_env
from tests.conftest import SHARED_DATA

NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
CELL_TIMEOUT = 600  # seconds: the first cell may build the seed workspace (and load spaCy)


def _needs_shared_data(path: Path) -> bool:
    """Notebooks on ../shared/data say so in their metadata: {"workbook": {"requires": ["shared-data"]}}."""
    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    return "shared-data" in meta.get("workbook", {}).get("requires", [])


def _run_params(paths: list[Path]) -> list[object]:
    return [pytest.param(p, id=p.name, marks=[pytest.mark.realdata] if _needs_shared_data(p) else []) for p in paths]


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


@pytest.mark.notebooks
@pytest.mark.unit
def test_there_are_notebooks() -> None:
    assert NOTEBOOK_PATHS, f"no notebooks in {NOTEBOOKS}"
    assert NOTEBOOKS.joinpath("01_quickstart.ipynb") in NOTEBOOK_PATHS


@pytest.mark.notebooks
@pytest.mark.unit
@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=_ids(NOTEBOOK_PATHS))
def test_notebook_is_committed_clean(path: Path) -> None:
    """No outputs, no execution counts and no saved widget state (which would carry plotly.js)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    nb = nbformat.reads(json.dumps(raw), as_version=4)
    nbformat.validate(nb)
    dirty = [
        f"cell {i} ({cell.get('id')}): "
        + ", ".join(
            what
            for what, bad in (
                ("outputs", bool(cell.get("outputs"))),
                ("execution_count", cell.get("execution_count") is not None),
            )
            if bad
        )
        for i, cell in enumerate(raw["cells"])
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]
    assert not dirty, f"{path.name} was committed with outputs; clear them (Edit > Clear Outputs of All Cells):\n" + (
        "\n".join(dirty)
    )
    assert "widgets" not in raw.get("metadata", {}), f"{path.name} holds saved widget state: clear it before commit"
    assert raw["metadata"].get("kernelspec", {}).get("name") == "python3", f"{path.name}: kernel should be python3"


@pytest.mark.notebooks
@pytest.mark.slow
@pytest.mark.parametrize("path", _run_params(NOTEBOOK_PATHS))
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    if _needs_shared_data(path):  # the copy is not beside ../shared/data: tell the kernel where it is
        if not SHARED_DATA.is_dir():
            pytest.skip(f"real data not available: {SHARED_DATA} is absent (it sits beside the clone in CI)")
        monkeypatch.setenv("WORKBOOK_SHARED_DATA", str(SHARED_DATA))
    project = copy_project(tmp_path / "project")
    for key, value in isolated_jupyter_env(tmp_path / "jupyter").items():
        if key != "HOME":
            monkeypatch.setenv(key, value)
    nb_path = project / "notebooks" / path.name
    nb = nbformat.read(nb_path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        startup_timeout=120,
        allow_errors=False,
        resources={"metadata": {"path": str(nb_path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        pytest.fail(f"{path.name} failed:\n{exc}", pytrace=False)
    finally:
        nbformat.write(nb, tmp_path / f"executed-{path.name}")
    errors = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert not errors
    if path.name == "01_quickstart.ipynb":
        _check_quickstart(nb, project)


def _check_quickstart(nb: nbformat.NotebookNode, project: Path) -> None:
    """The quickstart built the seed workspace beside the copied corpus and displayed the explorer."""
    assert (project / "seeds.workbook").is_dir(), "the seed workspace was not built beside the copied seeds"
    widget_views = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in out.get("data", {})
    ]
    assert len(widget_views) >= 2, "the explorer and the figures should be displayed as widgets"


# -- the `workbook lab` command (what the notebooks are opened with) -------------------------------------


@pytest.mark.unit
def test_lab_command_has_the_offline_settings_and_the_options(tmp_path: Path) -> None:
    from workbook.lab import SETTINGS_DIR, lab_command

    cmd = lab_command(
        tmp_path, port=9999, no_browser=True, token="abc", ip="127.0.0.1", allow_root=True, extra_args=["--foo=1"]
    )
    assert cmd[1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in cmd
    assert f"--LabApp.app_settings_dir={SETTINGS_DIR}" in cmd
    for flag in (
        "--ServerApp.port=9999",
        "--ServerApp.ip=127.0.0.1",
        "--no-browser",
        "--IdentityProvider.token=abc",
        "--allow-root",
        "--LabApp.news_url=None",
        "--ServerApp.tornado_settings=compress_response=True",
    ):
        assert flag in cmd
    assert cmd[-1] == "--foo=1"
    plain = lab_command(tmp_path, allow_root=False, settings_dir=None, compress=False)
    assert not any(
        a.startswith(
            ("--allow-root", "--LabApp.app_settings_dir", "--IdentityProvider.token", "--ServerApp.tornado_settings")
        )
        for a in plain
    )


@pytest.mark.unit
def test_lab_overrides_name_real_jupyterlab_settings() -> None:
    """Every override in the packaged overrides.json names a JupyterLab plugin and a property it declares."""
    from workbook.lab import SETTINGS_DIR

    overrides = json.loads((SETTINGS_DIR / "overrides.json").read_text(encoding="utf-8"))
    try:
        from jupyterlab.commands import get_app_dir
    except ImportError:
        pytest.skip("jupyterlab is not installed")
    schemas = Path(get_app_dir()) / "schemas"
    if not schemas.is_dir():
        pytest.skip(f"no JupyterLab schemas at {schemas}")
    for plugin_id, values in overrides.items():
        package, plugin = plugin_id.split(":")
        schema = json.loads((schemas / package / f"{plugin}.json").read_text(encoding="utf-8"))
        assert set(values) <= set(schema["properties"]), plugin_id


@pytest.mark.unit
def test_cli_lab_starts_jupyterlab_with_the_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import workbook.lab
    from workbook.cli import main

    started: list[list[str]] = []

    class FakeProcess:
        def __init__(self, cmd: list[str]) -> None:
            started.append(cmd)

        def __enter__(self) -> FakeProcess:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def wait(self) -> int:
            return 0

    monkeypatch.setattr(workbook.lab.subprocess, "Popen", FakeProcess)
    args = ["lab", str(tmp_path), "--no-browser", "--port", "9123", "--token", "tok", "--jupyter-arg=--x=1"]
    assert main(args) == 0
    (cmd,) = started
    assert "--no-browser" in cmd and "--ServerApp.port=9123" in cmd and "--IdentityProvider.token=tok" in cmd
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in cmd and cmd[-1] == "--x=1"
    assert ("--allow-root" in cmd) == workbook.lab.is_root()


@pytest.mark.unit
def test_cli_lab_on_a_missing_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workbook.cli import main

    assert main(["lab", str(tmp_path / "nope"), "--no-browser"]) == 1
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.unit
def test_default_notebook_dir_is_the_checkouts_notebooks(tmp_path: Path) -> None:
    from workbook.lab import default_notebook_dir

    assert default_notebook_dir(NOTEBOOKS.parent) == NOTEBOOKS.resolve()
    assert default_notebook_dir(NOTEBOOKS.parent / "workbook") == NOTEBOOKS.resolve()
    assert default_notebook_dir(NOTEBOOKS) == NOTEBOOKS.resolve()
    assert default_notebook_dir(tmp_path) == tmp_path.resolve()
