"""Files that survive a crash: atomic writes and append-only logs, the one place either is coded.

**Atomic writes** (:func:`atomic_write_bytes`, :func:`atomic_write_text`): the data goes to a hidden
temporary file in the destination's folder (same file system), is flushed and fsynced, and only then
renamed over the destination (``os.replace``). A reader sees the old file or the new one, never a part.

**Append-only logs** (:class:`AppendLog`): JSON Lines files, safe for concurrent writers, that hold
the analyst's work in ``WORKSPACE/analyst/`` (see :mod:`workbook.curation.log` for which logs there
are). One JSON object per line, never rewritten: a correction is a new record, and undo is an
``undo`` record naming the record it cancels (undoing an undo redoes). Every record has ``v``
(format version), ``id`` (unique, random), ``op``, ``author``, ``created`` (UTC, seconds, ISO 8601)
and ``ns`` (the same time in nanoseconds, to order records of different logs).

Writing (:meth:`AppendLog.append`): open with ``O_APPEND``, take an exclusive ``flock`` on the log
itself, stamp ``created`` *inside* the lock (so file order and time order agree), write all the
records of one call in a single ``write``, ``fsync``, unlock. A writer killed mid-write can leave a
torn last line; the next writer first ends it with a newline so that its own record stays whole,
and readers report the torn line (:attr:`LogContents.problems`) instead of failing. Readers take a
shared lock, so they never see half a write.

Why JSON Lines and not SQLite: the logs are small (one line per analyst action), must survive
anything (a line is readable by eye, greppable, diffable and mergeable by hand), and live in folders
that may be synced or on network drives, where SQLite's WAL mode (shared memory) is not safe.

This module is storage: it imports nothing of the workbook but :mod:`workbook.errors`, so every
layer (the workspace, the dataset links, the analyst's curation) can use it.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import json
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from workbook.errors import AnalystLogError

__all__ = [
    "ANALYST_DIR",
    "LOG_VERSION",
    "AppendLog",
    "LogContents",
    "LogProblem",
    "active_records",
    "analyst_dir",
    "atomic_write_bytes",
    "atomic_write_text",
    "default_author",
    "fsync_dir",
    "new_record_id",
    "temp_dir_beside",
    "temp_file_beside",
    "utc_now",
]


def temp_file_beside(dest: str | Path) -> Path:
    """A new, empty, hidden temporary file in ``dest``'s folder (same file system, so that moving it onto
    ``dest`` is atomic), named ``.<dest name>.<random>.tmp``; the caller moves or removes it."""
    dest = Path(dest)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name[:60]}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    return Path(tmp)


def temp_dir_beside(dest: str | Path) -> Path:
    """A new, empty, hidden temporary folder in ``dest``'s folder, named as :func:`temp_file_beside` names
    files; the caller moves or removes it."""
    dest = Path(dest)
    return Path(tempfile.mkdtemp(prefix=f".{dest.name[:60]}.", suffix=".tmp", dir=dest.parent))


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a hidden temporary file in the same folder, fsync, rename
    (``os.replace``). The folder is made when missing; on any failure the temporary file is removed and
    ``path`` is left as it was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_file_beside(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically as UTF-8 (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def fsync_dir(folder: str | Path) -> None:
    """fsync a folder, so that a file just created or renamed in it survives a power cut (best effort)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


LOG_VERSION = 1
#: The folder of a workspace that holds the analyst's logs; a build never touches it.
ANALYST_DIR = "analyst"
_REQUIRED = ("id", "op", "created")


def analyst_dir(ws: Path) -> Path:
    """The folder of workspace ``ws`` that holds the analyst's logs."""
    return Path(ws) / ANALYST_DIR


def default_author() -> str:
    """Who is writing: ``$WORKBOOK_AUTHOR``, else the login name, else ``"unknown"``."""
    name = os.environ.get("WORKBOOK_AUTHOR", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "unknown"
    except (KeyError, OSError):
        return "unknown"


def new_record_id(prefix: str) -> str:
    """A fresh record id: ``prefix`` + 16 random hex digits (unique across machines and processes)."""
    return prefix + uuid.uuid4().hex[:16]


def utc_now() -> str:
    """Now, in UTC, to the second, as ISO 8601 with a ``Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class LogProblem:
    """A line of a log that is not a record (a torn write, a hand edit gone wrong); it is ignored."""

    line: int
    reason: str
    text: str


@dataclass(frozen=True)
class LogContents:
    """The records of a log in file order, and the lines that could not be read."""

    records: tuple[dict[str, Any], ...] = ()
    problems: tuple[LogProblem, ...] = field(default_factory=tuple)


def _parse(data: bytes, path: Path) -> LogContents:
    records: list[dict[str, Any]] = []
    problems: list[LogProblem] = []
    lines = data.split(b"\n")
    complete, tail = lines[:-1], lines[-1]
    for no, raw in enumerate(complete, start=1):
        if not raw.strip():
            continue
        text = raw.decode("utf-8", errors="replace")
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(LogProblem(no, f"not JSON ({exc.msg}); probably a write that was interrupted", text[:200]))
            continue
        if not isinstance(rec, dict) or any(k not in rec for k in _REQUIRED):
            problems.append(LogProblem(no, f"not a log record (needs {', '.join(_REQUIRED)})", text[:200]))
            continue
        records.append(rec)
    if tail.strip():
        reason = f"the last line of {path.name} is incomplete (a write was interrupted); it is ignored"
        problems.append(LogProblem(len(complete) + 1, reason, tail.decode("utf-8", errors="replace")[:200]))
    return LogContents(tuple(records), tuple(problems))


@contextlib.contextmanager
def _locked(fh: IO[bytes], mode: int, path: Path) -> Iterator[None]:
    try:
        fcntl.flock(fh.fileno(), mode)
    except OSError as exc:
        raise AnalystLogError(f"Cannot lock the log {path} ({exc.strerror}); is the folder on a local disk?") from exc
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class AppendLog:
    """One append-only JSON Lines log file (see the module docstring for the guarantees)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"AppendLog({str(self.path)!r})"

    def read(self) -> LogContents:
        """Every record in file order (an absent log is empty), and the unreadable lines."""
        try:
            fh = open(self.path, "rb")  # noqa: SIM115 - closed below, after the lock is released
        except FileNotFoundError:
            return LogContents()
        except OSError as exc:
            raise AnalystLogError(f"Cannot read the log {self.path} ({exc.strerror}); check its permissions.") from exc
        with fh, _locked(fh, fcntl.LOCK_SH, self.path):
            data = fh.read()
        return _parse(data, self.path)

    def append(
        self,
        records: Sequence[Mapping[str, Any]],
        *,
        skip_if: Callable[[tuple[dict[str, Any], ...]], bool] | None = None,
    ) -> list[dict[str, Any]]:
        """Append ``records`` atomically (all or none), stamping ``v``, ``created`` and ``author``
        where missing. ``skip_if(existing_records)``, called under the lock, can veto the append
        (to keep an action idempotent); then nothing is written and ``[]`` is returned. Returns the
        records as written."""
        if not records:
            return []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            new_file = not self.path.exists()
            fh = open(self.path, "a+b")  # noqa: SIM115 - closed below, after the lock is released
        except OSError as exc:
            raise AnalystLogError(
                f"Cannot open the log {self.path} for writing ({exc.strerror}); the workspace folder must be writable."
            ) from exc
        with fh, _locked(fh, fcntl.LOCK_EX, self.path):
            if skip_if is not None:
                fh.seek(0)
                if skip_if(_parse(fh.read(), self.path).records):
                    return []
            stamp = utc_now()
            written = [{"v": LOG_VERSION, **dict(r)} for r in records]
            ns = time.time_ns()
            for r in written:
                r.setdefault("created", stamp)
                r.setdefault("ns", ns)  # orders records of different logs made within the same second
                r.setdefault("author", default_author())
            payload = b"".join(
                json.dumps(r, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8") + b"\n" for r in written
            )
            size = fh.seek(0, os.SEEK_END)
            if size:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":  # a torn line from a killed writer: end it, keep our record whole
                    payload = b"\n" + payload
            try:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise AnalystLogError(f"Cannot write to the log {self.path} ({exc.strerror}).") from exc
        if new_file:
            fsync_dir(self.path.parent)
        return written


def active_records(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The records that are in effect, in log order, without the ``undo`` records themselves.

    A record is cancelled by an ``undo`` record (``{"op": "undo", "undoes": id}``) that is itself in
    effect; so undoing an undo brings the original back.
    """
    position = {str(r["id"]): i for i, r in enumerate(records)}
    undone_by: dict[str, list[str]] = {}
    for i, r in enumerate(records):  # an undo counts only after what it undoes: no cycles, even in a hand-edited log
        target = str(r.get("undoes"))
        if r.get("op") == "undo" and position.get(target, i) < i:
            undone_by.setdefault(target, []).append(str(r["id"]))
    memo: dict[str, bool] = {}

    def alive(rid: str) -> bool:
        stack = [rid]
        while stack:  # iterative: chains of undo/redo can be long
            cur = stack[-1]
            if cur in memo:
                stack.pop()
                continue
            pending = [u for u in undone_by.get(cur, []) if u not in memo]
            if pending:
                stack.extend(pending)
                continue
            memo[cur] = not any(memo[u] for u in undone_by.get(cur, []))
            stack.pop()
        return memo[rid]

    return [dict(r) for r in records if r.get("op") != "undo" and alive(str(r["id"]))]
