"""Workspaces: snapshots switched atomically, the lock, and clear errors."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import make_tiny_book
from workbook.book import TABLE_NAMES
from workbook.errors import WorkspaceError, WorkspaceLockedError, WorkspaceNotFoundError
from workbook.model import SCHEMA_VERSION
from workbook.workspace import (
    atomic_write_text,
    default_workspace,
    is_workspace,
    read_book,
    workspace_lock,
    write_snapshot,
)

pytestmark = pytest.mark.unit


def _tables() -> dict[str, pd.DataFrame]:
    book = make_tiny_book()
    return {name: book.table(name) for name in TABLE_NAMES}


def _write(ws: Path, build_id: str) -> None:
    write_snapshot(ws, build_id, _tables(), {"schema_version": SCHEMA_VERSION, "build_id": build_id})


def test_snapshot_round_trips_every_table_with_dtypes(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    _write(ws, "b1")
    assert is_workspace(ws)
    book = read_book(ws)
    original = make_tiny_book()
    for name in TABLE_NAMES:
        got, want = book.table(name), original.table(name)
        assert list(got.columns) == list(want.columns), name
        assert list(got.dtypes.astype(str)) == list(want.dtypes.astype(str)), name
        pd.testing.assert_frame_equal(got, want, check_categorical=False)
    assert book.manifest["build_id"] == "b1"
    assert isinstance(book.claims.loc[0, "entity_ids"], list)


def test_new_snapshot_replaces_the_live_one_and_old_ones_are_pruned(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    for i in range(4):
        _write(ws, f"b{i}")
        time.sleep(0.01)
    assert read_book(ws).manifest["build_id"] == "b3"
    assert len([p for p in (ws / "snapshots").iterdir()]) <= 2


def test_a_failed_write_leaves_the_previous_snapshot_live(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    _write(ws, "good")
    bad = _tables()
    bad["mentions"] = pd.DataFrame({"x": [object()]})  # pyarrow cannot write this
    with pytest.raises(Exception):  # noqa: B017 - whatever pyarrow raises, the workspace must survive
        write_snapshot(ws, "bad", bad, {"schema_version": SCHEMA_VERSION, "build_id": "bad"})
    assert read_book(ws).manifest["build_id"] == "good"
    assert not [p for p in (ws / "snapshots").iterdir() if p.name.startswith(".tmp-")]


def test_reading_a_folder_that_is_not_a_workspace_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceNotFoundError, match="workbook build"):
        read_book(tmp_path)
    with pytest.raises(WorkspaceNotFoundError, match="No workspace"):
        read_book(tmp_path / "nope")


def test_a_workspace_of_another_schema_version_asks_for_a_rebuild(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    write_snapshot(ws, "old", _tables(), {"schema_version": "0.1"})
    with pytest.raises(WorkspaceError, match="Rebuild"):
        read_book(ws)


def test_current_pointing_at_a_missing_snapshot_is_a_clear_error(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    _write(ws, "b1")
    (ws / "CURRENT").write_text("gone\n")
    with pytest.raises(WorkspaceError, match="missing"):
        read_book(ws)


def _hold_lock(ws: str, ready: multiprocessing.synchronize.Event, release: multiprocessing.synchronize.Event) -> None:
    with workspace_lock(Path(ws)):
        ready.set()
        release.wait(10)


def test_a_second_build_of_one_workspace_fails_clearly_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ctx = multiprocessing.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=_hold_lock, args=(str(ws), ready, release))
    proc.start()
    try:
        assert ready.wait(10)
        with pytest.raises(WorkspaceLockedError, match=f"pid {proc.pid}"), workspace_lock(ws, wait_seconds=0.2):
            pass
    finally:
        release.set()
        proc.join(10)
    with workspace_lock(ws):  # free again
        pass


def test_atomic_write_text_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "a" / "f.json"
    atomic_write_text(target, json.dumps({"a": 1}))
    atomic_write_text(target, json.dumps({"a": 2}))
    assert json.loads(target.read_text()) == {"a": 2}
    assert os.listdir(target.parent) == ["f.json"]


def test_default_workspace_sits_beside_the_corpus(tmp_path: Path) -> None:
    assert default_workspace(tmp_path / "seeds") == tmp_path / "seeds.workbook"
    assert default_workspace(Path("seeds/")) == Path("seeds.workbook")
    assert default_workspace(tmp_path / "a.json") == tmp_path / "a.json.workbook"
