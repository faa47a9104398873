"""A build's column batches kept on disk, not in memory, from extraction until their table is made.

A :class:`~workbook.rowbatches.RowCollector` turns every few hundred documents' rows into one column
batch per kind of row. Held in memory, the batches of every kind grow with the corpus through the whole
extraction (about 1.1 GB at 100,000 synthetic articles) and are all still there while the first tables
are linked and merged: that was the build's peak. With a :class:`FrameSpill`, each batch is written to a file
in a temporary folder of the workspace as soon as it is made, and dropped; when the build makes a kind's
table, that kind's batches alone are read back, in order, and their files are removed.

Each batch is one Arrow IPC file (``<kind>-<n>.arrow``), encoded column by column by
:mod:`workbook.framecodec` so that the frame read back is the frame written (same dtypes, same values,
None and NaN kept apart), and read back memory-mapped, each column copied out once (a column left on the
file's pages would keep the whole file mapped while its table lives). Nothing is pickled: a file is data,
whoever wrote it. A frame the codec cannot encode exactly (no build makes one; an extractor of one's own
could, with Python objects of other types in a private table) stays in memory in its place among the files.
The files are written and read by the same build, in the workspace it holds the lock of, and removed when
it ends (a killed build's folder is removed by the next build, :func:`workbook.workspace.remove_stale_temp`).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.ipc as ipc

from workbook.errors import WorkspaceWriteError
from workbook.framecodec import frame_from_arrow, frame_to_arrow
from workbook.workspace import temp_folder

__all__ = ["FrameSpill", "spill_folder"]


class FrameSpill:
    """DataFrames of several kinds written to ``folder`` as they come (:meth:`append`), one Arrow IPC
    file each; each kind read back once, in order (:meth:`read`), its files then removed."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._counts: dict[str, int] = {}
        self._held: dict[str, dict[int, pd.DataFrame]] = {}  # frames the codec cannot encode, by position
        self._read: set[str] = set()

    def _path(self, kind: str, n: int) -> Path:
        return self.folder / f"{kind}-{n:06d}.arrow"

    def append(self, kind: str, frame: pd.DataFrame) -> None:
        """Write ``frame`` as the next frame of ``kind``."""
        if kind in self._read:
            raise ValueError(f"The {kind} frames were read already; nothing can be added to them.")
        n = self._counts.get(kind, 0)
        batch = frame_to_arrow(frame)
        if batch is None:
            self._held.setdefault(kind, {})[n] = frame
        else:
            try:
                with pa.OSFile(str(self._path(kind, n)), "wb") as sink, ipc.new_file(sink, batch.schema) as writer:
                    writer.write_batch(batch)
            except OSError as exc:
                raise WorkspaceWriteError(
                    f"Cannot write the build's temporary files to {self.folder} ({exc.strerror or exc}): the "
                    "workspace is full or not writable. Free some space, or build into another folder with --out "
                    "(out=... in Python)."
                ) from exc
        self._counts[kind] = n + 1

    def count(self, kind: str) -> int:
        """How many frames of ``kind`` were appended."""
        return self._counts.get(kind, 0)

    def read(self, kind: str) -> list[pd.DataFrame]:
        """Every frame of ``kind``, in the order appended; the files are removed (read each kind once)."""
        n = self._counts.get(kind, 0)
        if kind in self._read:
            if n:
                raise ValueError(f"The {kind} frames were read already; each kind can be read once.")
            return []
        self._read.add(kind)
        held = self._held.pop(kind, {})
        out: list[pd.DataFrame] = []
        for i in range(n):
            if i in held:
                out.append(held.pop(i))
                continue
            path = self._path(kind, i)
            source = pa.memory_map(str(path), "r")
            try:
                out.append(frame_from_arrow(ipc.open_file(source).get_batch(0)))
            finally:
                source.close()  # the frame holds copies: the mapping goes with the table read
            with contextlib.suppress(OSError):  # a mapped file cannot be removed on Windows: the folder goes later
                path.unlink()
        return out

    def close(self) -> None:
        """Forget the frames not read (their files go with the folder)."""
        self._held = {}


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
