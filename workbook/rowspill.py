"""A build's column batches kept on disk, not in memory, from extraction until their table is made.

A :class:`~workbook.rowbatches.RowCollector` turns every few hundred documents' rows into one column
batch per kind of row. Held in memory, the batches of every kind grow with the corpus through the whole
extraction (about 1.1 GB at 100,000 synthetic articles) and are all still there while the first tables
are linked and merged: that was the build's peak. With a :class:`FrameSpill`, each batch is appended to
its kind's file in a temporary folder of the workspace as soon as it is made and dropped; when the build
makes a kind's table, that kind's batches alone are read back, in order, and their file is removed.

The files hold each DataFrame as pickled (protocol 5: Arrow and numpy buffers written as they are), so
the frames read back are the frames written: same dtypes, same values, and the tables made from them
equal those made from batches held in memory. They are written and read by the same build, in the
workspace it holds the lock of, and removed when it ends (a killed build's folder is removed by the next
build, :func:`workbook.workspace.remove_stale_temp`).
"""

from __future__ import annotations

import contextlib
import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd

from workbook.errors import WorkspaceWriteError
from workbook.workspace import temp_folder

__all__ = ["FrameSpill", "spill_folder"]


class FrameSpill:
    """DataFrames of several kinds appended to one file per kind in ``folder`` as they come
    (:meth:`append`), each kind read back once, in order (:meth:`read`), its file then removed."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._files: dict[str, IO[bytes]] = {}
        self._counts: dict[str, int] = {}

    def _path(self, kind: str) -> Path:
        return self.folder / f"{kind}.frames"

    def append(self, kind: str, frame: pd.DataFrame) -> None:
        """Write ``frame`` at the end of ``kind``'s file."""
        fh = self._files.get(kind)
        try:
            if fh is None:
                if kind in self._counts:
                    raise ValueError(f"The {kind} frames were read already; nothing can be added to them.")
                fh = self._files[kind] = open(self._path(kind), "wb")  # noqa: SIM115 (kept open across calls)
                self._counts[kind] = 0
            pickle.dump(frame, fh, protocol=5)
        except OSError as exc:
            raise WorkspaceWriteError(
                f"Cannot write the build's temporary files to {self.folder} ({exc.strerror or exc}): the "
                "workspace is full or not writable. Free some space, or build into another folder with --out "
                "(out=... in Python)."
            ) from exc
        self._counts[kind] += 1

    def count(self, kind: str) -> int:
        """How many frames of ``kind`` were appended."""
        return self._counts.get(kind, 0)

    def read(self, kind: str) -> list[pd.DataFrame]:
        """Every frame of ``kind``, in the order appended; the file is removed (read each kind once)."""
        n = self._counts.get(kind, 0)
        fh = self._files.pop(kind, None)
        if fh is None:
            if n:
                raise ValueError(f"The {kind} frames were read already; each kind can be read once.")
            return []
        fh.close()
        path = self._path(kind)
        out: list[pd.DataFrame] = []
        with open(path, "rb") as src:
            for _ in range(n):
                frame: Any = pickle.load(src)  # noqa: S301 (this build's own file, written just above)
                out.append(frame)
        path.unlink()
        return out

    def close(self) -> None:
        """Close the files still open (their frames are not read any more)."""
        for fh in self._files.values():
            fh.close()
        self._files = {}


@contextlib.contextmanager
def spill_folder(ws: Path) -> Iterator[FrameSpill | None]:
    """A :class:`FrameSpill` in a temporary folder of workspace ``ws`` for the ``with`` block, removed
    afterwards; None (the batches stay in memory) when the workspace cannot be written: a build that
    finds nothing changed never writes it, and one that does raises its own error when it does."""
    try:
        folder = temp_folder(ws)
    except (WorkspaceWriteError, OSError):
        yield None
        return
    spill = FrameSpill(folder)
    try:
        yield spill
    finally:
        spill.close()
        shutil.rmtree(folder, ignore_errors=True)
