"""Safe names for exported files, folders and zip members.

A title typed by an analyst (or taken from a hostile document) becomes a file name only through
:func:`safe_filename`: Unicode-normalised (NFKC), every character that is not a letter, a digit, ``-``,
``_`` or ``.`` replaced by ``-``, no leading dot (no hidden files, never ``.`` or ``..``), no Windows
device names, and at most :data:`MAX_NAME_CHARS` characters and :data:`MAX_NAME_BYTES` UTF-8 bytes.
The result never holds a path separator, so ``folder / safe_filename(anything)`` stays in ``folder``.

Collisions never overwrite: :func:`candidate_names` yields ``name``, ``name-2``, ``name-3``, ... and
the writers in :mod:`workbook.export.base` claim the first free one atomically.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from workbook.errors import ExportError

__all__ = [
    "MAX_NAME_BYTES",
    "MAX_NAME_CHARS",
    "candidate_names",
    "safe_filename",
    "safe_member_name",
    "split_suffix",
]

#: Longest stem (before any suffix such as ``-2.csv``) :func:`safe_filename` returns, in characters.
MAX_NAME_CHARS = 80
#: ... and in UTF-8 bytes (file systems allow 255 bytes per name; room is left for suffixes).
MAX_NAME_BYTES = 160
_DASHES = re.compile(r"-{2,}")
_DOTS = re.compile(r"\.{2,}")
_MEMBER_PART_BYTES = 255
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
#: The multi-part suffixes :func:`split_suffix` keeps whole.
_DOUBLE_SUFFIXES = (".tar.gz",)


def _clip(text: str, max_chars: int, max_bytes: int) -> str:
    text = text[:max_chars]
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


def _sanitise(title: object, max_chars: int, max_bytes: int = MAX_NAME_BYTES) -> str:
    """The sanitised stem of ``title``; may be empty."""
    text = unicodedata.normalize("NFKC", str(title))
    # Letters and digits of any script stay (a Korean title stays readable), as do "-", "_" and "."; every
    # other character, controls, bidi marks, slashes, separators and whitespace included, becomes a dash.
    text = "".join(ch if unicodedata.category(ch)[0] in "LN" or ch in "-_." else "-" for ch in text)
    text = _DOTS.sub(".", _DASHES.sub("-", text)).strip("-. ")
    text = _clip(text, max_chars, max_bytes).rstrip("-. ")
    if text and text.split(".", 1)[0].lower() in _WINDOWS_DEVICES:
        text = "_" + text
    return text


def safe_filename(title: object, default: str = "export", max_chars: int = MAX_NAME_CHARS) -> str:
    """``title`` as a safe, non-empty file name stem (see the module docstring).

    ``default`` (itself sanitised) is used when nothing usable is left, e.g. for ``"../.."`` or a title
    made only of punctuation; ``"export"`` when that is empty too. ``max_chars`` lowers the length limit.
    """
    if max_chars < 1:
        raise ExportError(f"max_chars must be at least 1 (got {max_chars}).")
    return _sanitise(title, max_chars) or _sanitise(default, max_chars) or "export"


def split_suffix(name: str) -> tuple[str, str]:
    """``("report", ".tar.gz")`` for ``"report.tar.gz"``; ``("claims", ".csv")``; ``("notes", "")``."""
    lower = name.lower()
    for double in _DOUBLE_SUFFIXES:
        if lower.endswith(double) and len(name) > len(double):
            return name[: -len(double)], name[-len(double) :]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return name, ""
    return stem, "." + ext


def candidate_names(name: str, limit: int = 10_000) -> Iterator[str]:
    """``name``, then ``stem-2.ext``, ``stem-3.ext``, ... (``limit`` names in all)."""
    stem, ext = split_suffix(name)
    yield name
    for i in range(2, limit + 1):
        yield f"{stem}-{i}{ext}"


def safe_member_name(member: str) -> str:
    """A zip member name checked and normalised: relative, ``/``-separated, no ``..``, no empty or hidden
    part, every part a :func:`safe_filename`. Raises :class:`ExportError` for a name that is not."""
    if not member or "\\" in member or "\x00" in member or member.startswith("/"):
        raise ExportError(f"Zip member name {member!r} is not a safe relative path.")
    parts = member.split("/")
    for part in parts:
        # a safe part is its own sanitised form (suffixes such as "-2.zip" may pass the length limit)
        if part in ("", ".", "..") or _sanitise(part, _MEMBER_PART_BYTES, _MEMBER_PART_BYTES) != part:
            raise ExportError(f"Zip member name {member!r} has an unsafe part {part!r}.")
    return member
