"""Issue 13, part B: each analyst vocabulary declared once (in workbook.model) and read everywhere, one
``is_starred``, categorical annotation columns (schema 1.2, a 1.1 workspace still opens), every exception
class in workbook.errors (re-exported under its old names), no import cycle between the curation modules
nor from storage up into curation, and one atomic-write helper."""

from __future__ import annotations

import ast
import importlib
import json
import os
from pathlib import Path

import pandas as pd
import pytest

import workbook.errors as errors_module
from tests.conftest import make_tiny_book
from workbook import curation as cur
from workbook import model
from workbook.book import TABLE_NAMES
from workbook.durable import atomic_write_bytes, atomic_write_text
from workbook.errors import AnalystLogWarning, SchemaError, WorkspaceError
from workbook.workspace import read_book, write_snapshot

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parents[1] / "workbook"


def test_the_vocabularies_are_the_ones_declared_in_the_model() -> None:
    from workbook.curation import annotations, entities
    from workbook.filtering import index, spec

    assert annotations.TARGET_KINDS is model.ANNOTATION_TARGET_KINDS
    assert index.ANNOTATION_TARGETS is model.ANNOTATION_TARGET_KINDS
    assert annotations.CLAIM_STATUSES is model.CLAIM_STATUSES is cur.CLAIM_STATUSES
    assert annotations.ANNOTATION_KINDS is model.ANNOTATION_KINDS
    assert annotations.LINK_KINDS is model.LINK_KINDS
    assert spec.NO_STATUS is model.NO_STATUS and spec.UNSTAR_VALUES is model.UNSTAR_VALUES
    assert entities.CURATION_OPS is model.CURATION_OPS
    assert model.NO_STATUS not in model.CLAIM_STATUSES  # "no status" is never a status one can set


def test_no_module_restates_a_vocabulary() -> None:
    """The tuples are written once: no other module spells out the target kinds, statuses or unstar values."""
    spelled = {
        name: repr(values)
        for name, values in (
            ("ANNOTATION_TARGET_KINDS", model.ANNOTATION_TARGET_KINDS),
            ("CLAIM_STATUSES", model.CLAIM_STATUSES),
            ("UNSTAR_VALUES", model.UNSTAR_VALUES),
            ("CURATION_OPS", model.CURATION_OPS),
            ("ANNOTATION_KINDS", model.ANNOTATION_KINDS),
        )
    }
    for path in PACKAGE.rglob("*.py"):
        if path.name == "model.py" and path.parent == PACKAGE:
            continue
        source = path.read_text(encoding="utf-8")
        for name, text in spelled.items():
            assert text not in source, f"{path.relative_to(PACKAGE.parent)} restates {name}"


@pytest.mark.parametrize(
    ("value", "starred"),
    [
        (None, True),
        (float("nan"), True),
        (pd.NA, True),
        ("", True),
        ("1", True),
        ("yes", True),
        ("unstar", False),
        ("OFF", False),
        ("False", False),
        ("0", False),
        ("Unstarred", False),
    ],
)
def test_is_starred(value: object, starred: bool) -> None:
    assert model.is_starred(value) is starred


def test_the_four_readers_of_a_star_agree(tmp_path: Path) -> None:
    """The log (idempotent star), the summary, the pandas filter and its index all call is_starred."""
    import workbook as wb
    from workbook.filtering import FilterSpec, apply

    book = make_tiny_book()
    tables = {name: book.table(name) for name in TABLE_NAMES}
    write_snapshot(tmp_path / "ws", "b1", tables, {"schema_version": model.SCHEMA_VERSION, "build_id": "b1"})
    book = wb.open(tmp_path / "ws")
    d0, d1 = book.documents["doc_id"].iloc[0], book.documents["doc_id"].iloc[1]
    first = cur.star(book, "document", d0)
    assert cur.star(book, "document", d0) == first  # already starred: nothing written
    cur.star(book, "document", d1)
    cur.unstar(book, "document", d1)
    book = cur.refresh_annotations(book)
    summary = cur.annotation_summary(book, "document", [d0, d1]).set_index("target_id")["starred"]
    assert summary.to_dict() == {d0: True, d1: False}
    assert apply(book, FilterSpec(stars_only=True)).documents["doc_id"].tolist() == [d0]


def test_annotation_columns_are_categorical_and_checked() -> None:
    ann = make_tiny_book().annotations
    assert isinstance(ann["kind"].dtype, pd.CategoricalDtype)
    assert list(ann["target_kind"].cat.categories) == list(model.ANNOTATION_TARGET_KINDS)
    assert list(ann["kind"].cat.categories) == [*model.ANNOTATION_KINDS, *model.LINK_KINDS]
    row = {
        "annotation_id": "a1",
        "target_kind": "widget",
        "target_id": "x",
        "kind": "tag",
        "value": "v",
        "created": "2024-01-01",
    }
    with pytest.raises(SchemaError, match="target_kind"):
        model.conform("annotations", [row])
    with pytest.raises(SchemaError, match="'kind'"):
        model.conform("annotations", [{**row, "target_kind": "claim", "kind": "like"}])


def test_a_hand_edited_annotation_of_an_unknown_kind_is_reported_not_fatal(tmp_path: Path) -> None:
    import workbook as wb

    book = make_tiny_book()
    tables = {name: book.table(name) for name in TABLE_NAMES}
    write_snapshot(tmp_path / "ws", "b1", tables, {"schema_version": model.SCHEMA_VERSION, "build_id": "b1"})
    book = wb.open(tmp_path / "ws")
    cur.tag(book, "document", str(book.documents["doc_id"].iloc[0]), "keep")
    log = tmp_path / "ws" / "analyst" / "annotations.jsonl"
    odd = {
        "v": 1,
        "id": "a-hand",
        "op": "annotate",
        "target_kind": "widget",
        "target_id": "w",
        "kind": "tag",
        "value": "x",
        "author": "me",
        "created": "2024-01-01T00:00:00Z",
    }
    with log.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(odd) + "\n")
    with pytest.warns(AnalystLogWarning, match="1 annotation"):
        reopened = wb.open(tmp_path / "ws")
    assert reopened.annotations["value"].tolist() == ["keep"]


def test_a_workspace_of_schema_1_1_still_opens(tmp_path: Path) -> None:
    """1.1 stored annotations.kind and target_kind as plain strings: they are read as the categories."""
    book = make_tiny_book()
    tables = {name: book.table(name) for name in TABLE_NAMES}
    ann = model.conform(
        "annotations",
        [
            {
                "annotation_id": "a1",
                "target_kind": "document",
                "target_id": str(book.documents["doc_id"].iloc[0]),
                "kind": "star",
                "value": None,
                "author": "me",
                "created": "2024-01-01",
            },
        ],
    )
    tables["annotations"] = ann.astype({"kind": "string", "target_kind": "string"})
    write_snapshot(tmp_path / "old", "b1", tables, {"schema_version": "1.1", "build_id": "b1"})
    got = read_book(tmp_path / "old")
    pd.testing.assert_frame_equal(got.annotations, ann)
    pd.testing.assert_frame_equal(got.documents, book.documents)
    write_snapshot(tmp_path / "older", "b1", tables, {"schema_version": "1.0", "build_id": "b1"})
    with pytest.raises(WorkspaceError, match=r"1\.0.*Rebuild"):
        read_book(tmp_path / "older")


# --- exceptions ------------------------------------------------------------------------------------

_MOVED = {
    "workbook.filtering.index": "FilterIndexError",
    "workbook.filtering": "FilterIndexError",
    "workbook.filtering.duckdb": "DuckDBExecError",
    "workbook.engines.base": "EngineError",
    "workbook.explore.state": "ExploreError",
    "workbook.explore.table": "TableError",
    "workbook.widgets.assets": "AssetError",
    "workbook.widgets.plot_host": "FigureViewError",
    "workbook.lab": "LabError",
}


def test_every_public_exception_class_lives_in_errors() -> None:
    outside = []
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                bases = [ast.unparse(b) for b in node.bases]
                if node.name.endswith(("Error", "Exception", "Warning")) or any(
                    b.endswith(("Error", "Exception")) for b in bases
                ):
                    outside.append(f"{path.relative_to(PACKAGE.parent)}: {node.name}")
    assert outside == []
    for name in errors_module.__all__:
        assert issubclass(getattr(errors_module, name), Exception | Warning)


@pytest.mark.parametrize(("module", "name"), sorted(_MOVED.items()))
def test_moved_exceptions_keep_their_old_import_path(module: str, name: str) -> None:
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:  # an optional dependency of the widgets
        pytest.skip(f"{module} cannot be imported here: {exc}")
    assert getattr(mod, name) is getattr(errors_module, name)
    assert issubclass(getattr(errors_module, name), errors_module.WorkbookError)


# --- imports ---------------------------------------------------------------------------------------


def _imports(module: str) -> set[str]:
    """Every workbook module ``module`` imports, at the top or inside a function."""
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / module.replace(".", "/") / "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.startswith("workbook")}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("workbook.curation.annotations", "workbook.curation.entities"),
        ("workbook.workspace", "workbook.curation.attach"),
        ("workbook.extract.watchlist", "workbook.curation.ftm"),
    ],
)
def test_the_former_cycles_are_gone(a: str, b: str) -> None:
    assert not (b in _imports(a) and a in _imports(b))


def test_storage_imports_nothing_of_the_analyst_layer() -> None:
    for module in ("workbook.workspace", "workbook.durable", "workbook.model", "workbook.tables.linking"):
        upward = {
            m
            for m in _imports(module)
            if m.startswith(("workbook.curation", "workbook.export", "workbook.explore", "workbook.widgets"))
        }
        assert upward == set(), module


def test_no_private_name_crosses_modules_in_curation_and_storage() -> None:
    modules = [
        "workbook.workspace",
        "workbook.durable",
        "workbook.filtering.duckdb",
        "workbook.tables.linking",
        "workbook.api",
        *(f"workbook.curation.{p.stem}" for p in (PACKAGE / "curation").glob("*.py")),
    ]
    crossing = []
    for module in modules:
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workbook"):
                crossing += [f"{module}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert crossing == []


# --- atomic writes ---------------------------------------------------------------------------------


def test_an_atomic_write_that_fails_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sub" / "f.json"
    atomic_write_text(target, "old")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["f.json"]


def test_watchlists_are_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.curation.watchlist import WatchlistEntry, load_watchlist, write_watchlist

    entries = [WatchlistEntry("Sohae Satellite Launching Station", "facility", ("Sohae",), 39.66, 124.705, 1.0)]
    for suffix in (".csv", ".tsv", ".json", ".yaml"):
        p = write_watchlist(entries, tmp_path / f"w{suffix}")
        assert load_watchlist(p).entries[0].name == entries[0].name
    before = (tmp_path / "w.csv").read_bytes()
    monkeypatch.setattr(os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OSError):
        write_watchlist([*entries, WatchlistEntry("Kim Jong Un", "person")], tmp_path / "w.csv")
    monkeypatch.undo()
    assert (tmp_path / "w.csv").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert b"\r\n" in before  # CSV rows end as the csv module ends them, as before the move
