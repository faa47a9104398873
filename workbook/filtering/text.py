"""Case-insensitive literal substring search over a text column, vectorised.

:class:`TextColumn` holds a column's text lower-cased once, as one UTF-8 byte buffer with row
offsets, plus the frequency of every byte value. :meth:`TextColumn.contains` then finds a needle
with numpy alone: it compares the whole buffer against the needle's *rarest* byte, keeps the
candidate positions, checks the other bytes at those positions (rarest first), and maps the
surviving positions to rows (a match may not straddle two rows). When even the rarest byte is
common, so that candidates would be many, it hands over to Arrow's RE2 matcher, which stops at the
first hit in each row. Matching bytes of UTF-8 is exact: UTF-8 is self-synchronising, so a valid
needle cannot match across character boundaries.

Case-insensitivity: haystack and needle are both lower-cased with Arrow's ``utf8_lower`` (Unicode
simple lower-casing), so ``"MISSILE"`` finds ``"missile"``; it is not full case folding
(``"ß"`` does not find ``"ss"``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook.filtering.columns import strings_of

__all__ = ["BoolArray", "TextColumn", "literal_regex", "lower"]

BoolArray = np.ndarray[Any, np.dtype[np.bool_]]
_RE2_SPECIAL = frozenset("\\.+*?()|[]{}^$")
#: Above this share of the buffer, the rarest needle byte is too common for the numpy scan.
_COMMON_BYTE = 0.02


def lower(text: str) -> str:
    """``text`` lower-cased exactly as the haystack is."""
    out: str = pc.utf8_lower(pa.scalar(text, type=pa.large_string())).as_py()
    return out


def literal_regex(needle: str) -> str:
    """``needle`` as an RE2 expression matching exactly that text."""
    return "".join("\\" + ch if ch in _RE2_SPECIAL else ch for ch in needle)


_COUNT_CHUNK = 8 * 1024 * 1024


def _byte_counts(data: np.ndarray) -> np.ndarray:
    """How often each byte value occurs in ``data``, counted in 8 MB chunks: one bincount over all of
    a corpus's text casts it to int64 first (1.4 GB for 172 MB of text)."""
    counts = np.zeros(256, dtype=np.int64)
    for start in range(0, len(data), _COUNT_CHUNK):
        counts += np.bincount(data[start : start + _COUNT_CHUNK], minlength=256)
    return counts


#: Rows lower-cased at a time by :meth:`TextColumn.build`.
_LOWER_ROWS = 10_000


def _lower_block(block: pa.Array) -> pa.Array:
    """``block`` lower-cased: ASCII text by the byte-for-byte kernel (same result, no over-allocation)."""
    ascii_only = pc.all(pc.string_is_ascii(block)).as_py()
    return pc.ascii_lower(block) if ascii_only in (True, None) else pc.utf8_lower(block)


def _lowered(arr: pa.ChunkedArray) -> tuple[np.ndarray[Any, np.dtype[np.uint8]], np.ndarray[Any, Any], BoolArray]:
    """(bytes, int64 row offsets into them, validity) of ``arr`` lower-cased, written block by block
    into one buffer sized from the input (lower-casing rarely changes a text's length in bytes; the
    buffer grows when it does)."""
    n = len(arr)
    data = np.empty(max(int(arr.nbytes), 1), dtype=np.uint8)
    offsets = np.zeros(n + 1, dtype=np.int64)
    valid = np.ones(n, dtype=bool)
    used = row = 0
    for chunk in arr.chunks:
        for start in range(0, len(chunk), _LOWER_ROWS):
            low = _lower_block(chunk.slice(start, _LOWER_ROWS))
            m, bufs = len(low), low.buffers()
            width = np.int64 if pa.types.is_large_string(low.type) else np.int32
            offs = np.frombuffer(bufs[1], dtype=width)[low.offset : low.offset + m + 1].astype(np.int64)
            size = int(offs[-1] - offs[0])
            if used + size > len(data):
                grown = np.empty(max(2 * len(data), used + size), dtype=np.uint8)
                grown[:used] = data[:used]
                data = grown
            if size:
                data[used : used + size] = np.frombuffer(bufs[2], dtype=np.uint8)[offs[0] : offs[-1]]
            offsets[row + 1 : row + m + 1] = offs[1:] - offs[0] + used
            if low.null_count:
                valid[row : row + m] = np.asarray(low.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
            used += size
            row += m
    return (data[:used] if used * 10 >= len(data) * 9 else data[:used].copy()), offsets, valid


@dataclass(frozen=True, eq=False)
class TextColumn:
    """A text column lower-cased into one byte buffer (see the module docstring)."""

    arrow: pa.LargeStringArray
    data: np.ndarray[Any, np.dtype[np.uint8]]
    offsets: np.ndarray[Any, np.dtype[np.int64]]
    byte_count: np.ndarray[Any, np.dtype[np.int64]]
    valid: BoolArray
    #: Indexes built from this column on first use (the search syntax's word index).
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, values: pd.Series | pa.Array | pa.ChunkedArray) -> TextColumn:
        """Index ``values`` (strings; nulls never match). The column is read as Arrow (zero-copy when
        it is Arrow-backed) and lower-cased block by block into one buffer: the only copy of the text
        this keeps, and at most one block more while it is made."""
        data, offsets, valid = _lowered(strings_of(values))
        n = len(valid)
        bitmap = None if valid.all() else pa.py_buffer(np.packbits(valid, bitorder="little"))
        arrow = pa.LargeStringArray.from_buffers(
            n, pa.py_buffer(offsets), pa.py_buffer(data), bitmap, null_count=int(n - np.count_nonzero(valid))
        )
        return cls(arrow, data, offsets, _byte_counts(data), valid)

    def __repr__(self) -> str:
        return f"<TextColumn: {len(self)} rows, {len(self.data)} bytes>"

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def contains(self, needle: str, method: str = "auto") -> BoolArray:
        """Rows whose text contains ``needle`` case-insensitively (a literal; "" matches every row).

        ``method`` is ``auto`` (choose by the rarest byte), ``scan`` (numpy) or ``re2`` (Arrow);
        all three give the same answer, the choice is only about speed."""
        if method not in ("auto", "scan", "re2"):
            raise ValueError(f"method must be 'auto', 'scan' or 're2', not {method!r}")
        n_rows = len(self)
        pattern = np.frombuffer(lower(needle).encode("utf-8"), dtype=np.uint8)
        size = len(pattern)
        if size == 0:
            return self.valid.copy()
        if size > len(self.data):
            return np.zeros(n_rows, dtype=bool)
        order = np.argsort(self.byte_count[pattern], kind="stable")
        first = int(order[0])
        common = self.byte_count[pattern[first]] > _COMMON_BYTE * len(self.data)
        if method == "re2" or (method == "auto" and common):
            hit = pc.match_substring_regex(self.arrow, literal_regex(lower(needle))).fill_null(False)
            return np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)
        window = self.data[first : len(self.data) - size + 1 + first]
        starts = np.flatnonzero(window == pattern[first])
        for j in order[1:]:
            if not len(starts):
                break
            starts = starts[self.data[starts + j] == pattern[j]]
        rows = np.searchsorted(self.offsets, starts, side="right") - 1
        inside = (rows >= 0) & (rows < n_rows)
        rows, starts = rows[inside], starts[inside]
        rows = rows[starts + size <= self.offsets[rows + 1]]
        out = np.zeros(n_rows, dtype=bool)
        out[rows] = True
        return out & self.valid
