"""Hostile input, round two (issue 16), on the output side: formulas in CSV cells, read-only output
folders, and a workspace whose stored text was changed behind its back.

Read-only folders: the tests run as root, and ``chmod`` does not stop root from writing. So a read-only
file system is *simulated*: the operating-system calls that create, open for writing, rename or remove
files under the folder raise ``OSError(EROFS)`` (the error a read-only mount gives), as the hostile corpus
simulates a permission problem for ``secret.txt``.
"""

from __future__ import annotations

import builtins
import csv
import errno
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import workbook as wb
from tests.hostile.conftest import BuildCorpus
from tests.hostile.hostile_data import write_files
from workbook.cli import main
from workbook.errors import ExportWriteError, WorkspaceIntegrityError, WorkspaceWriteError
from workbook.export import export_report, export_table
from workbook.workspace import TEXT_FILE, verify_workspace

pytestmark = pytest.mark.unit

FORMULAS = ('=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)")
GOOD = 'Kim Jong Un visited the Sinpho shipyard on Monday, KCNA said.\n\n"The missile may fly far," said Jeffrey Lewis.'


# --- case 9: formula injection in every CSV ---------------------------------------------------------------------


def _csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def test_report_bundle_csvs_guard_formulas_and_xlsx_parquet_keep_raw_values(
    build_corpus: BuildCorpus, tmp_path: Path
) -> None:
    files: dict[str, str | bytes] = {}
    for i, formula in enumerate(FORMULAS):
        files[f"d{i}.txt"] = GOOD + f" Story {i}."
        files[f"d{i}.txt.meta.json"] = json.dumps({"title": formula, "publisher": formula, "section": "=1+1"})
    book, _ = build_corpus(files)
    assert set(book.documents["title"]) == set(FORMULAS)
    result = export_report(
        book, tables=("claims", "documents"), charts=(), formats="csv,xlsx,parquet", out=tmp_path / "out"
    )
    csvs = sorted(result.path.rglob("*.csv"))
    assert {p.name for p in csvs} >= {"citations.csv", "01-claims.csv", "02-documents.csv"}
    for path in csvs:
        cells = _csv_cells(path)
        bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        assert not bad, (path.name, bad)
    assert "'" + FORMULAS[0] in _csv_cells(result.path / "tables" / "02-documents.csv")
    raw = pd.read_parquet(result.path / "tables" / "02-documents.parquet")
    assert set(raw["title"]) == set(FORMULAS)
    xlsx = pd.read_excel(result.path / "tables" / "tables.xlsx", sheet_name=None)
    assert set(next(df for name, df in xlsx.items() if "documents" in name)["title"]) == set(FORMULAS)


def test_csv_guard_leaves_numbers_alone_and_can_be_turned_off(tmp_path: Path) -> None:
    when = pd.to_datetime(["2019-01-02"] * 2)
    df = pd.DataFrame({"n": [-5, 3], "x": [-1.5, 2.0], "text": ["-5", "=A1"], "when": when})
    cells = _csv_cells(export_table(df, tmp_path / "t.csv"))
    assert cells == ["n", "x", "text", "when", "-5", "-1.5", "'-5", "2019-01-02", "3", "2.0", "'=A1", "2019-01-02"]
    exact = _csv_cells(export_table(df, tmp_path / "exact.csv", formula_guard=False))
    assert exact[6] == "-5" and exact[10] == "=A1"


def test_watchlist_csv_written_by_the_cli_is_guarded_and_reads_back(tmp_path: Path) -> None:
    from workbook.curation.watchlist import Watchlist, WatchlistEntry, load_watchlist, write_watchlist

    entry = WatchlistEntry(name="=Evil Corp", type="organization", aliases=("+Evil", "@evil"), note="-check")
    path = write_watchlist(Watchlist((entry,)), tmp_path / "w.csv")
    assert not [c for c in _csv_cells(path) if c[:1] in ("=", "+", "-", "@")]
    (back,) = load_watchlist(path).entries
    assert (back.name, back.aliases, back.note) == ("=Evil Corp", ("+Evil", "@evil"), "-check")


# --- case 11: read-only output folders --------------------------------------------------------------------------


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Folders appended to the yielded list behave as on a read-only file system (see the module docs)."""
    folders: list[Path] = []

    def under(path: Any) -> bool:
        try:
            p = os.path.abspath(os.fsdecode(path))
        except TypeError:  # a file descriptor
            return False
        return any(p == str(f) or p.startswith(str(f) + os.sep) for f in folders)

    def refuse(path: Any) -> None:
        if under(path):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    real = {
        "open": builtins.open,
        "os_open": os.open,
        "mkdir": os.mkdir,
        "replace": os.replace,
        "rename": os.rename,
        "link": os.link,
        "unlink": os.unlink,
        "rmdir": os.rmdir,
    }

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(c in mode for c in "wax+"):
            refuse(file)
        return real["open"](file, mode, *args, **kwargs)

    def fake_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            refuse(path)
        return real["os_open"](path, flags, *args, **kwargs)

    def one(name: str) -> Any:
        def fake(path: Any, *args: Any, **kwargs: Any) -> Any:
            if name == "mkdir" and os.path.exists(path):  # a read-only file system still says "exists"
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), os.fsdecode(path))
            refuse(path)
            return real[name](path, *args, **kwargs)

        return fake

    def two(name: str) -> Any:
        def fake(src: Any, dst: Any, *args: Any, **kwargs: Any) -> Any:
            refuse(src)
            refuse(dst)
            return real[name](src, dst, *args, **kwargs)

        return fake

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    for name in ("mkdir", "unlink", "rmdir"):
        monkeypatch.setattr(os, name, one(name))
    for name in ("replace", "rename", "link"):
        monkeypatch.setattr(os, name, two(name))
    yield folders


def test_build_into_a_read_only_workspace_is_a_named_error(
    tmp_path: Path, read_only: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_files(tmp_path / "corpus", {"a.txt": GOOD})
    ws = tmp_path / "ws"
    assert main(["build", str(corpus), "--out", str(ws), "-q"]) == 0
    write_files(corpus, {"b.txt": GOOD + " More."})
    read_only.append(ws)
    with pytest.raises(WorkspaceWriteError, match="read-only"):
        wb.build([corpus], ws, progress=False)
    capsys.readouterr()
    assert main(["build", str(corpus), "--out", str(ws), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("workbook: error: ") and "--out" in err and "Traceback" not in err


def test_export_into_a_read_only_folder_is_a_named_error(
    tmp_path: Path, read_only: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_files(tmp_path / "corpus", {"a.txt": GOOD})
    ws = tmp_path / "ws"
    assert main(["build", str(corpus), "--out", str(ws), "-q"]) == 0
    out = tmp_path / "exports"
    out.mkdir()
    read_only.append(out)
    with pytest.raises(ExportWriteError, match="read-only"):
        export_report(wb.open(ws), charts=(), formats="csv", out=out)
    with pytest.raises(ExportWriteError):
        export_table(pd.DataFrame({"a": [1]}), out / "t.csv")
    capsys.readouterr()
    code = main(["export", "none", "--workspace", str(ws), "--out", str(out), "--format", "csv,md"])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("workbook: error: ") and "--out" in err


# --- case 12: one flipped byte in the stored text ------------------------------------------------------------------


def _flip(ws: Path, old: bytes, new: bytes) -> None:
    snap = ws / "snapshots" / (ws / "CURRENT").read_text().strip()
    path = snap / TEXT_FILE
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))


def test_verify_finds_documents_whose_stored_text_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_files(tmp_path / "corpus", {"a.txt": GOOD, "b.txt": "Pyongyang said nothing else today."})
    ws = tmp_path / "ws"
    assert main(["build", str(corpus), "--out", str(ws), "-q"]) == 0
    assert verify_workspace(ws) == []
    assert wb.open(ws, verify=True).counts()["documents"] == 2
    assert main(["info", str(ws), "--verify"]) == 0
    assert "text of all 2 documents matches" in capsys.readouterr().out
    _flip(ws, b"Pyongyang", b"Xyongyang")
    book = wb.open(ws)  # without verify the changed text is not noticed (reading stays fast)
    changed = book.documents.loc[book.documents["source"] == "b.txt", "doc_id"].iloc[0]
    assert verify_workspace(ws) == [changed]
    with pytest.raises(WorkspaceIntegrityError, match=changed) as err:
        wb.open(ws, verify=True)
    assert "b.txt" in str(err.value) and "rebuild" in str(err.value).lower()
    assert main(["info", str(ws), "--verify"]) == 1
    assert changed in capsys.readouterr().err


def test_verify_reads_text_files_that_are_not_arrow(tmp_path: Path) -> None:
    corpus = write_files(tmp_path / "corpus", {"a.txt": GOOD})
    ws = tmp_path / "ws"
    wb.build([corpus], ws, progress=False)
    snap = ws / "snapshots" / (ws / "CURRENT").read_text().strip()
    (snap / TEXT_FILE).write_bytes(b"not arrow at all")
    with pytest.raises(WorkspaceIntegrityError, match="cannot be read"):
        verify_workspace(ws)
