"""The :class:`Exporter` base shared by every format, and the atomic, no-overwrite publishing it relies on.

An exporter (in the style of followthemoney's exporters) is made for one destination, takes items with
:meth:`Exporter.write` (tables, figures, report parts; as often as the format allows) and writes its
output with :meth:`Exporter.finalize`, which returns the path actually written. Used as a context
manager it finalizes on success and cleans up on error.

Safety rules, the same for every format:

- **Atomic**: output is written to a hidden temporary file (or folder) beside the destination and only
  then moved into place, so a reader never sees half a file and a crash leaves nothing behind but a
  ``.tmp`` entry that is ignored.
- **Never overwrite**: with ``if_exists="suffix"`` (the default) an existing ``claims.csv`` makes the
  exporter write ``claims-2.csv`` (then ``-3``, ...); with ``if_exists="error"`` it raises
  :class:`~workbook.errors.ExportExistsError`. The name is claimed atomically (``link`` for files,
  ``mkdir`` + ``rename`` onto the empty folder for folders), so two exports racing for one name get two
  names. Read :attr:`Exporter.path` (or the return value of ``finalize``) for the name chosen.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from workbook.durable import temp_dir_beside, temp_file_beside
from workbook.errors import ExportError, ExportExistsError, ExportWriteError
from workbook.export.names import candidate_names

__all__ = [
    "IF_EXISTS",
    "Exporter",
    "IfExists",
    "check_if_exists",
    "file_sha256",
    "iter_files",
    "publish_dir",
    "publish_file",
    "temp_dir",
    "temp_file",
    "write_error",
]

IfExists = Literal["suffix", "error"]
IF_EXISTS: tuple[str, ...] = ("suffix", "error")


def check_if_exists(if_exists: str) -> None:
    """Raise :class:`ExportError` unless ``if_exists`` is ``"suffix"`` or ``"error"``."""
    if if_exists not in IF_EXISTS:
        raise ExportError(f"if_exists={if_exists!r} is not supported; use 'suffix' (new name) or 'error'.")


def write_error(folder: Path, exc: OSError) -> ExportWriteError:
    """The named error for an export that cannot write into ``folder``."""
    return ExportWriteError(
        f"Cannot write into {folder} ({exc.strerror or exc}): the folder is read-only, full or not writable "
        "by you. Choose a writable folder (out=... in Python, --out on the command line)."
    )


def _mkparent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(path.parent, exc) from exc


def temp_file(dest: Path) -> Path:
    """A new, empty hidden temporary file beside ``dest`` (same file system, so the final move is atomic)."""
    _mkparent(dest)
    try:
        return temp_file_beside(dest)
    except OSError as exc:
        raise write_error(dest.parent, exc) from exc


def temp_dir(dest: Path) -> Path:
    """A new, empty hidden temporary folder beside ``dest``."""
    _mkparent(dest)
    try:
        return temp_dir_beside(dest)
    except OSError as exc:
        raise write_error(dest.parent, exc) from exc


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _exists_error(dest: Path) -> ExportExistsError:
    return ExportExistsError(
        f"{dest} already exists and exports never overwrite: remove it, choose another name, "
        "or pass if_exists='suffix' to get a new name such as "
        f"{next(iter(list(candidate_names(dest.name, 2))[1:]))}."
    )


def publish_file(tmp: Path, dest: Path, if_exists: IfExists = "suffix") -> Path:
    """Move the finished temporary file ``tmp`` to ``dest`` (or the first free suffixed name) without ever
    replacing an existing file; returns the path written. ``tmp`` is gone afterwards either way."""
    check_if_exists(if_exists)
    try:
        _fsync(tmp)
        names = candidate_names(dest.name) if if_exists == "suffix" else iter([dest.name])
        for name in names:
            final = dest.with_name(name)
            try:
                os.link(tmp, final)  # atomic, and fails if ``final`` exists: no clobbering, no race
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links: claim the name, then replace it
                try:
                    fd = os.open(final, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                except FileExistsError:
                    continue
                os.close(fd)
                os.replace(tmp, final)
            return final
        raise _exists_error(dest)
    except ExportError:
        raise
    except OSError as exc:
        raise write_error(dest.parent, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def publish_dir(tmp: Path, dest: Path, if_exists: IfExists = "suffix") -> Path:
    """Move the finished temporary folder ``tmp`` to ``dest`` (or the first free suffixed name) without ever
    replacing an existing file or folder; returns the folder written. On failure ``tmp`` is removed."""
    check_if_exists(if_exists)
    try:
        for f in tmp.rglob("*"):
            if f.is_file():
                _fsync(f)
        names = candidate_names(dest.name) if if_exists == "suffix" else iter([dest.name])
        for name in names:
            final = dest.with_name(name)
            try:
                final.mkdir()  # claim the name; rename() then replaces only this empty folder
            except FileExistsError:
                continue
            except OSError as exc:
                raise write_error(dest.parent, exc) from exc
            try:
                os.rename(tmp, final)
            except OSError as exc:
                with contextlib.suppress(OSError):
                    final.rmdir()
                raise ExportError(f"Could not move the finished export into {final} ({exc.strerror}).") from exc
            return final
        raise _exists_error(dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def file_sha256(path: Path) -> str:
    """sha256 (hex) of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Exporter(ABC):
    """Writes items to one destination file: :meth:`write` them, then :meth:`finalize`.

    Subclasses implement :meth:`write` and :meth:`_write_output` (called once by ``finalize`` with the
    temporary path to fill); the base class does the temporary file, the atomic no-overwrite move and
    the clean-up. :attr:`path` is None until finalized, then the path written.
    """

    #: The file suffix of the format (``.csv``); used by callers that name files from titles.
    suffix: str = ""

    def __init__(self, dest: str | Path, *, if_exists: IfExists = "suffix") -> None:
        check_if_exists(if_exists)
        self.dest = Path(dest)
        self.if_exists: IfExists = if_exists
        self.path: Path | None = None
        self._finalized = False

    @abstractmethod
    def write(self, item: Any, **options: Any) -> None:
        """Add ``item`` to the export (see each subclass for what an item is)."""

    @abstractmethod
    def _write_output(self, tmp: Path) -> None:
        """Write the whole output into ``tmp`` (an existing empty file, or a folder for folder exporters)."""

    def _check_open(self) -> None:
        if self._finalized:
            raise ExportError(f"{type(self).__name__} for {self.dest} is already finalized; make a new one.")

    def finalize(self) -> Path:
        """Write the output atomically and return the path written (``dest`` or a suffixed name)."""
        self._check_open()
        self._finalized = True
        tmp = temp_file(self.dest)
        try:
            self._write_output(tmp)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        self.path = publish_file(tmp, self.dest, self.if_exists)
        return self.path

    def abort(self) -> None:
        """Give up: nothing is written (items written so far are dropped)."""
        self._finalized = True

    def __enter__(self) -> Exporter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None and not self._finalized:
            self.finalize()
        elif exc_type is not None:
            self.abort()


def iter_files(folder: Path) -> Iterator[Path]:
    """Every file under ``folder``, sorted by relative path."""
    return iter(sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix()))
