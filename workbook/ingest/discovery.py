"""Finding the documents of a corpus: files and folders in, sorted candidate files out.

Folders are walked recursively. While walking:

* hidden files and folders (names starting with ``.``), workspace folders (``*.workbook``),
  Office lock files (``~$report.docx``) and ``Thumbs.db`` / ``desktop.ini`` are skipped silently;
* metadata sidecars (``<document>.meta.json`` / ``.meta.yaml`` / ``.meta.yml``) are not documents;
  a sidecar whose document is missing is reported (``MetadataError``);
* **every other file with an unsupported extension, or no extension (``LICENSE``, ``README``), is
  reported** as an :class:`IngestFailure` (``UnsupportedFormatError``, stage ``discover``) naming
  the supported formats, so that nothing an investigator put in the folder disappears without a
  trace. Rename plain-text files to ``.txt`` to have them read;
* **the corpus boundary**: a symbolic link whose target lies outside the corpus root (``notes.txt ->
  /etc/hostname``, ``etc -> /etc``, ``up -> ../..``) is not followed by default; it is reported
  (:class:`~workbook.errors.OutsideCorpusError`, stage ``discover``) naming the link and its target.
  ``follow_links=True`` follows them (the reader then records the real path in ``meta["real_path"]``);
* links inside the corpus are followed; a link back into a folder being walked (a loop) is reported,
  never followed; a folder reached twice through links is walked once; a broken link is reported. A
  file reached under two names (a symbolic or hard link to another corpus file) is listed under both,
  so that the build reports the second as a duplicate of the first instead of dropping it;
* a workspace folder (one holding ``CURRENT`` and ``snapshots/``, whatever its name) and the folders in
  ``exclude`` (the build's own output) are never walked, so a workspace inside its corpus is not read;
* special files (pipes, sockets, devices) and files that cannot be opened are reported (stage
  ``read``) and never opened for reading.

Paths given explicitly are taken as they are (even hidden ones); one with an unsupported extension
is reported. The corpus root is the deepest folder holding every input (a folder input counts
itself, a file input its folder); ``source`` paths are relative to it, with ``/`` separators. The
same path reached twice (a file inside a given folder also given on its own) is listed once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import IngestError, MetadataError, OutsideCorpusError, UnsupportedFormatError
from workbook.ingest.base import IngestFailure
from workbook.ingest.files import NOT_REGULAR
from workbook.ingest.formats import document_of_sidecar, format_of, is_sidecar
from workbook.ingest.formats import failure_from_error as _failure

__all__ = [
    "IGNORED_NAMES",
    "WORKSPACE_SUFFIX",
    "Discovery",
    "discover",
    "is_inside",
    "looks_like_workspace",
    "relative_source",
]

WORKSPACE_SUFFIX = ".workbook"
IGNORED_NAMES: frozenset[str] = frozenset({"thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class Discovery:
    """The result of :func:`discover`: the corpus root, the document files, and what was refused."""

    root: Path
    files: tuple[Path, ...]
    failures: tuple[IngestFailure, ...]


def relative_source(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with ``/`` separators (``..`` steps if it lies outside)."""
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()


def is_inside(path: str, folder: str) -> bool:
    """Whether the (already resolved) ``path`` is ``folder`` or lies under it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def looks_like_workspace(folder: Path) -> bool:
    """Whether ``folder`` holds a built workspace (``CURRENT`` and ``snapshots/``), whatever its name."""
    return os.path.isfile(folder / "CURRENT") and os.path.isdir(folder / "snapshots")


def _corpus_root(paths: Sequence[Path]) -> Path:
    folders = [os.path.abspath(p if p.is_dir() else p.parent) for p in paths]
    return Path(os.path.commonpath(folders))


class _Walk:
    """One discovery run's state (kept per call: there is no module-level state)."""

    def __init__(self, root: Path, follow_links: bool, exclude: frozenset[str]) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.follow_links = follow_links
        self.exclude = exclude
        self.files: dict[str, Path] = {}
        self.failures: list[IngestFailure] = []
        self.seen_dirs: set[tuple[int, int]] = set()

    def leaves_corpus(self, path: Path) -> bool:
        """Is ``path`` a link to be refused (its target is outside the corpus)? Reports it if so."""
        if self.follow_links:
            return False
        target = os.path.realpath(path)
        if is_inside(target, self.real_root):
            return False
        source = relative_source(path, self.root)
        self.fail(
            path,
            OutsideCorpusError(
                f"{source}: a symbolic link to {target}, which is outside the corpus folder; it was not followed "
                "(a link planted in an archive could import your own files). Copy what you need into the corpus, "
                "or build with follow_links=True (--follow-links) if you trust its links."
            ),
            "discover",
        )
        return True

    def fail(self, path: Path, exc: BaseException, stage: str | None = None) -> None:
        self.failures.append(_failure(relative_source(path, self.root), exc, stage))

    def add_file(self, path: Path, st: os.stat_result) -> None:
        source = relative_source(path, self.root)
        if not stat.S_ISREG(st.st_mode):
            self.fail(path, IngestError(f"{source}: {NOT_REGULAR}"), "read")
            return
        try:
            with path.open("rb"):
                pass
        except OSError as exc:
            self.fail(path, exc, "read")
            return
        self.files.setdefault(os.path.abspath(path), path)

    def consider_file(self, path: Path, st: os.stat_result, explicit: bool) -> None:
        name = path.name
        if not explicit and (name.lower() in IGNORED_NAMES or name.startswith("~$")):
            return
        if is_sidecar(path):
            if not document_of_sidecar(path).exists():
                self.fail(
                    path,
                    MetadataError(
                        f"{relative_source(path, self.root)}: metadata sidecar for {document_of_sidecar(path).name}, "
                        "which is not there. Rename the sidecar to <document file name>.meta.json or remove it."
                    ),
                )
            return
        try:
            format_of(path, relative_source(path, self.root))
        except UnsupportedFormatError as exc:
            self.fail(path, exc)
            return
        self.add_file(path, st)

    def skipped_folder(self, folder: Path) -> bool:
        """A workspace (by name or content) or an excluded folder: never walked, silently."""
        return (
            folder.name.lower().endswith(WORKSPACE_SUFFIX)
            or os.path.realpath(folder) in self.exclude
            or looks_like_workspace(folder)
        )

    def walk(self, folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            st = folder.stat()
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                self.fail(
                    folder,
                    IngestError(
                        f"{relative_source(folder, self.root)}: a symbolic link loop (it leads back to a folder that "
                        "contains it); it was not followed. Remove the link or point it elsewhere."
                    ),
                    "discover",
                )
                return
            if key in self.seen_dirs:
                return  # reached before through another link: its files are listed already
            self.seen_dirs.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.fail(folder, exc, "read")
            return
        inner = ancestors | {key}
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            try:
                entry_st = entry.stat(follow_symlinks=True)
            except OSError as exc:
                if entry.is_symlink():
                    self.fail(
                        path,
                        IngestError(
                            f"{relative_source(path, self.root)}: a broken symbolic link (its target is missing)."
                        ),
                        "read",
                    )
                else:
                    self.fail(path, exc, "read")
                continue
            if entry.is_symlink() and self.leaves_corpus(path):
                continue
            if stat.S_ISDIR(entry_st.st_mode):
                if not self.skipped_folder(path):
                    self.walk(path, inner)
            else:
                self.consider_file(path, entry_st, explicit=False)


def _as_paths(paths: Iterable[Path | str] | Path | str) -> list[Path]:
    if isinstance(paths, str | Path):
        return [Path(paths)]
    return [Path(p) for p in paths]


def discover(
    paths: Iterable[Path | str] | Path | str,
    *,
    follow_links: bool = False,
    exclude: Iterable[Path | str] = (),
) -> Discovery:
    """The corpus root, the document files in a deterministic order, and the failures.

    ``paths`` are files and/or folders (see the module docstring for what is skipped and what
    reported). ``follow_links=True`` follows links that leave the corpus; folders in ``exclude`` (a
    build's output folder) are not walked. Never raises for a bad file; raises
    :class:`~workbook.errors.IngestError` only when no path is given.
    """
    inputs = _as_paths(paths)
    if not inputs:
        raise IngestError("Nothing to read: give at least one file or folder.")
    root = _corpus_root(inputs)
    state = _Walk(root, follow_links, frozenset(os.path.realpath(p) for p in exclude))
    for path in inputs:
        try:
            st = path.stat()
        except OSError:
            state.fail(path, IngestError(f"{path}: no such file or folder. Check the path."), "discover")
            continue
        if stat.S_ISDIR(st.st_mode):
            if path.name.lower().endswith(WORKSPACE_SUFFIX) or looks_like_workspace(path):
                state.fail(
                    path,
                    IngestError(
                        f"{path}: this is a workspace (built tables), not a corpus; "
                        "give the folder of documents instead."
                    ),
                    "discover",
                )
                continue
            state.walk(path, frozenset())
        else:
            state.consider_file(path, st, explicit=True)
    files = sorted(state.files.values(), key=lambda p: Path(relative_source(p, root)).parts)
    return Discovery(root=root, files=tuple(files), failures=tuple(state.failures))
