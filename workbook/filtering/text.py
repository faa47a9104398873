"""Case-insensitive literal substring search over a text column, vectorised, without a lower-cased copy.

:class:`TextColumn` keeps the column's text as it is given (the Book's own Arrow buffers, zero-copy)
and, for the few rows whose Unicode lower-casing is not plain ASCII lower-casing (rows holding an
upper-case letter outside ASCII, such as ``"É"``, ``"Ω"`` or the Kelvin sign), a lower-cased copy of
those rows alone. :meth:`TextColumn.contains` finds a needle with numpy: it compares the text against
the needle's *rarest* byte (an ASCII letter in either case), keeps the candidate positions, checks the
other bytes at those positions (rarest first), and maps the surviving positions to rows (a match may
not straddle two rows). When even the rarest byte is common, so that candidates would be many, it
hands over to Arrow's RE2 matcher with every ASCII letter written as ``[xX]``, which stops at the first
hit in each row. Matching bytes of UTF-8 is exact: UTF-8 is self-synchronising, so a valid needle
cannot match across character boundaries.

Case-insensitivity: the needle is lower-cased with Arrow's ``utf8_lower`` (Unicode simple
lower-casing) and the text is matched as if lower-cased the same way, so ``"MISSILE"`` finds
``"missile"``; it is not full case folding (``"ß"`` does not find ``"ss"``). A row whose
``utf8_lower`` equals its ASCII lower-casing is scanned in place with ASCII letters folded; every
other row is scanned in its kept lower-cased copy. Either way the rows found are exactly those whose
``utf8_lower`` contains the lower-cased needle.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook.filtering.columns import strings_of

__all__ = ["BoolArray", "TextColumn", "literal_regex", "lower"]

BoolArray = np.ndarray[Any, np.dtype[np.bool_]]
ByteArray = np.ndarray[Any, np.dtype[np.uint8]]
_RE2_SPECIAL = frozenset("\\.+*?()|[]{}^$")
#: Above this share of the text, the rarest needle byte is too common for the numpy scan.
_COMMON_BYTE = 0.02
#: Bytes compared at a time by the scan and the byte count (bounds the temporary arrays).
_SCAN_BYTES = 8 * 1024 * 1024
#: Rows lower-cased at a time (when the column is built, and when lower-cased text is asked for).
_LOWER_ROWS = 10_000
_UPPER = np.arange(ord("A"), ord("Z") + 1)


def lower(text: str) -> str:
    """``text`` lower-cased exactly as the haystack is."""
    out: str = pc.utf8_lower(pa.scalar(text, type=pa.large_string())).as_py()
    return out


def literal_regex(needle: str) -> str:
    """``needle`` as an RE2 expression matching exactly that text."""
    return "".join("\\" + ch if ch in _RE2_SPECIAL else ch for ch in needle)


def _folded_regex(low: str) -> str:
    """An RE2 expression matching the text whose ASCII lower-casing is ``low`` (lower-cased)."""
    return "".join(f"[{ch}{ch.upper()}]" if "a" <= ch <= "z" else literal_regex(ch) for ch in low)


def _lower_block(block: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """``block`` lower-cased: ASCII text by the byte-for-byte kernel (same result, no over-allocation)."""
    ascii_only = pc.all(pc.string_is_ascii(block)).as_py()
    return pc.ascii_lower(block) if ascii_only in (True, None) else pc.utf8_lower(block)


def _bool(values: pa.Array | pa.ChunkedArray) -> BoolArray:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    return np.asarray(values.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


@dataclass(frozen=True)
class _Segment:
    """Bytes of some rows as one buffer: ``offsets`` (``len(rows) + 1``, positions in ``data``) and the
    row number of each; ``folded``: the bytes are the text as given (ASCII letters match either case),
    else they are lower-cased already."""

    data: ByteArray
    offsets: np.ndarray[Any, Any]
    rows: np.ndarray[Any, np.dtype[np.int64]]
    folded: bool


def _segment(arr: pa.Array, rows: np.ndarray[Any, Any], folded: bool) -> _Segment:
    """The buffers of a (large) string array as a segment, zero-copy."""
    bufs = arr.buffers()
    width = np.int64 if pa.types.is_large_string(arr.type) else np.int32
    offsets = np.frombuffer(bufs[1], dtype=width)[arr.offset : arr.offset + len(arr) + 1] if bufs[1] else None
    if offsets is None or not len(offsets):
        offsets = np.zeros(len(arr) + 1, dtype=width)
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, dtype=np.uint8)
    return _Segment(data, offsets, np.asarray(rows, dtype=np.int64), folded)


def _byte_counts(segments: list[_Segment]) -> np.ndarray[Any, np.dtype[np.int64]]:
    """How often each byte value occurs in the text as lower-cased (ASCII capitals counted as their
    lower case), counted in chunks: one bincount over all of a corpus's text casts it to int64 first."""
    counts = np.zeros(256, dtype=np.int64)
    for seg in segments:
        lo, hi = int(seg.offsets[0]), int(seg.offsets[-1])
        for start in range(lo, hi, _SCAN_BYTES):
            counts += np.bincount(seg.data[start : min(start + _SCAN_BYTES, hi)], minlength=256)
    counts[_UPPER + 32] += counts[_UPPER]
    counts[_UPPER] = 0
    return counts


def _equal(values: ByteArray, byte: int, folded: bool) -> BoolArray:
    if folded and ord("a") <= byte <= ord("z"):
        out: BoolArray = (values | 0x20) == byte  # byte or byte - 32, and no other value
        return out
    return values == byte


def _scan(seg: _Segment, pattern: ByteArray, order: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.int64]]:
    """Row numbers of ``seg`` holding ``pattern`` (lower-cased bytes), rarest byte first."""
    size, first = len(pattern), int(order[0])
    lo, last = int(seg.offsets[0]), int(seg.offsets[-1]) - size  # the last position a match may start at
    found = []
    for begin in range(lo, last + 1, _SCAN_BYTES):
        end = min(begin + _SCAN_BYTES, last + 1)
        starts = np.flatnonzero(_equal(seg.data[begin + first : end + first], int(pattern[first]), seg.folded))
        starts += begin
        for j in order[1:]:
            if not len(starts):
                break
            starts = starts[_equal(seg.data[starts + j], int(pattern[j]), seg.folded)]
        found.append(starts)
    if not found:
        return np.zeros(0, dtype=np.int64)
    starts = np.concatenate(found)
    local = np.searchsorted(seg.offsets, starts, side="right") - 1
    inside = (local >= 0) & (local < len(seg.rows))
    local, starts = local[inside], starts[inside]
    local = local[starts + size <= seg.offsets[local + 1]]
    return seg.rows[np.unique(local)]


@dataclass(frozen=True, eq=False)
class TextColumn:
    """A text column searched case-insensitively in place (see the module docstring)."""

    #: The text as given (not copied when it is Arrow already).
    source: pa.ChunkedArray
    #: Rows whose ``utf8_lower`` is not their ASCII lower-casing, and their lower-cased text.
    kept_rows: np.ndarray[Any, np.dtype[np.int64]]
    kept: pa.LargeStringArray
    #: Rows scanned in ``source`` (not null, not kept).
    in_place: BoolArray
    valid: BoolArray
    #: Indexes built from this column on first use (the search syntax's word index, the byte counts).
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, values: pd.Series | pa.Array | pa.ChunkedArray) -> TextColumn:
        """Index ``values`` (strings; nulls never match). The column is read as Arrow (zero-copy when
        it is Arrow-backed); only rows that Unicode lower-casing changes beyond ASCII are copied, lower-cased."""
        source = strings_of(values)
        n = len(source)
        valid = np.ones(n, dtype=bool)
        kept_rows: list[np.ndarray[Any, Any]] = []
        kept: list[pa.Array] = []
        row = 0
        for chunk in source.chunks:
            if chunk.null_count:
                valid[row : row + len(chunk)] = _bool(chunk.is_valid())
            for start in range(0, len(chunk), _LOWER_ROWS):
                block = chunk.slice(start, _LOWER_ROWS)
                other = np.flatnonzero(~_bool(pc.fill_null(pc.string_is_ascii(block), True)))
                if len(other):
                    sub = block.take(pa.array(other))
                    low = pc.utf8_lower(sub)
                    differs = np.flatnonzero(_bool(pc.not_equal(low, pc.ascii_lower(sub))))
                    if len(differs):
                        kept_rows.append(other[differs] + row + start)
                        kept.append(low.take(pa.array(differs)).cast(pa.large_string()))
            row += len(chunk)
        rows = np.concatenate(kept_rows) if kept_rows else np.zeros(0, dtype=np.int64)
        lowered = pa.concat_arrays(kept) if kept else pa.array([], type=pa.large_string())
        in_place = valid.copy()
        in_place[rows] = False
        return cls(source, rows.astype(np.int64), lowered, in_place, valid)

    def __repr__(self) -> str:
        return f"<TextColumn: {len(self)} rows, {self.source.nbytes} bytes, {len(self.kept)} rows lower-cased>"

    def __len__(self) -> int:
        return len(self.valid)

    @property
    def nbytes(self) -> int:
        """Bytes this column holds beyond the text it was given."""
        return int(self.kept.nbytes + self.kept_rows.nbytes + self.in_place.nbytes + self.valid.nbytes)

    def _segments(self) -> list[_Segment]:
        out, row = [], 0
        for chunk in self.source.chunks:
            out.append(_segment(chunk, np.arange(row, row + len(chunk)), folded=True))
            row += len(chunk)
        out.append(_segment(self.kept, self.kept_rows, folded=False))
        return out

    def _byte_count(self) -> np.ndarray[Any, np.dtype[np.int64]]:
        cached = self.cache.get("byte_count")
        if not isinstance(cached, np.ndarray):
            cached = _byte_counts(self._segments())
            self.cache["byte_count"] = cached
        return cached

    def lowered(self, rows: np.ndarray[Any, Any] | None = None) -> pa.Array:
        """The lower-cased text (``utf8_lower``) of ``rows`` (all rows when None), made now."""
        if rows is None:
            return pa.concat_arrays([b.cast(pa.large_string()) for b in self.lowered_blocks()] or [self.kept])
        rows = np.asarray(rows, dtype=np.int64)
        chunks = self.source.chunks
        if len(chunks) == 1:
            return _lower_block(chunks[0].take(pa.array(rows)))
        # chunk by chunk (a chunked take may concatenate every chunk first: a copy of all the text)
        first = np.cumsum([0] + [len(c) for c in chunks])
        which = np.searchsorted(first, rows, side="right") - 1
        cuts = np.flatnonzero(np.diff(which)) + 1
        parts = [
            chunks[int(which[run[0]])].take(pa.array(rows[run] - first[which[run[0]]])).cast(pa.large_string())
            for run in np.split(np.arange(len(rows)), cuts)
            if len(run)
        ]
        return _lower_block(pa.concat_arrays(parts) if parts else pa.array([], type=pa.large_string()))

    def lowered_blocks(self, rows: int = _LOWER_ROWS) -> Iterator[pa.Array]:
        """The lower-cased text, ``rows`` rows at a time (each made when asked for)."""
        for chunk in self.source.chunks:
            for start in range(0, len(chunk), rows):
                yield _lower_block(chunk.slice(start, rows))

    def contains(self, needle: str, method: str = "auto") -> BoolArray:
        """Rows whose text contains ``needle`` case-insensitively (a literal; "" matches every row).

        ``method`` is ``auto`` (choose by the rarest byte), ``scan`` (numpy) or ``re2`` (Arrow);
        all three give the same answer, the choice is only about speed."""
        if method not in ("auto", "scan", "re2"):
            raise ValueError(f"method must be 'auto', 'scan' or 're2', not {method!r}")
        n_rows = len(self)
        low = lower(needle)
        pattern = np.frombuffer(low.encode("utf-8"), dtype=np.uint8)
        if len(pattern) == 0:
            return self.valid.copy()
        counts = self._byte_count()
        total = int(counts.sum())
        if len(pattern) > total:
            return np.zeros(n_rows, dtype=bool)
        order = np.argsort(counts[pattern], kind="stable")
        common = counts[pattern[int(order[0])]] > _COMMON_BYTE * total
        out = np.zeros(n_rows, dtype=bool)
        if method == "re2" or (method == "auto" and common):
            row = 0
            for chunk in self.source.chunks:
                out[row : row + len(chunk)] = _bool(pc.match_substring_regex(chunk, _folded_regex(low)))
                row += len(chunk)
            out[self.kept_rows] = _bool(pc.match_substring_regex(self.kept, literal_regex(low)))
            return out & self.valid
        segments = self._segments()
        for seg in segments[:-1]:
            out[_scan(seg, pattern, order)] = True
        out &= self.in_place
        out[_scan(segments[-1], pattern, order)] = True
        return out & self.valid
