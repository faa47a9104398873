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

__all__ = ["BoolArray", "TextColumn", "lower"]

BoolArray = np.ndarray[Any, np.dtype[np.bool_]]
_RE2_SPECIAL = frozenset("\\.+*?()|[]{}^$")
#: Above this share of the buffer, the rarest needle byte is too common for the numpy scan.
_COMMON_BYTE = 0.02


def lower(text: str) -> str:
    """``text`` lower-cased exactly as the haystack is."""
    out: str = pc.utf8_lower(pa.scalar(text, type=pa.large_string())).as_py()
    return out


def _literal_regex(needle: str) -> str:
    return "".join("\\" + ch if ch in _RE2_SPECIAL else ch for ch in needle)


_COUNT_CHUNK = 8 * 1024 * 1024


def _byte_counts(data: np.ndarray) -> np.ndarray:
    """How often each byte value occurs in ``data``, counted in 8 MB chunks: one bincount over all of
    a corpus's text casts it to int64 first (1.4 GB for 172 MB of text)."""
    counts = np.zeros(256, dtype=np.int64)
    for start in range(0, len(data), _COUNT_CHUNK):
        counts += np.bincount(data[start : start + _COUNT_CHUNK], minlength=256)
    return counts


@dataclass(frozen=True, eq=False)
class TextColumn:
    """A text column lower-cased into one byte buffer (see the module docstring)."""

    arrow: pa.StringArray | pa.LargeStringArray
    data: np.ndarray[Any, np.dtype[np.uint8]]
    offsets: np.ndarray[Any, np.dtype[np.int64]]
    byte_count: np.ndarray[Any, np.dtype[np.int64]]
    valid: BoolArray
    #: Indexes built from this column on first use (the search syntax's word index).
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, values: pd.Series | pa.Array | pa.ChunkedArray) -> TextColumn:
        """Index ``values`` (strings; nulls never match). The column is read as Arrow (zero-copy when
        it is Arrow-backed) and lower-cased once: the only copy of the text this makes."""
        chunks = [pc.utf8_lower(c) for c in strings_of(values).chunks]
        if not chunks:
            lowered: Any = pa.array([], type=pa.large_string())
        elif len(chunks) == 1:
            lowered = chunks[0]
        else:
            lowered = pa.concat_arrays([c.cast(pa.large_string()) for c in chunks])
        n = len(lowered)
        bufs = lowered.buffers()
        width = np.int64 if pa.types.is_large_string(lowered.type) else np.int32
        if n == 0 or bufs[2] is None:
            offsets = np.zeros(n + 1, dtype=np.int64)
            data = np.zeros(0, dtype=np.uint8)
        else:  # offsets are absolute positions in the data buffer, also for a sliced array
            offsets = np.frombuffer(bufs[1], dtype=width)[lowered.offset : lowered.offset + n + 1].astype(np.int64)
            data = np.frombuffer(bufs[2], dtype=np.uint8)[: int(offsets[-1])]
        valid = np.asarray(lowered.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        return cls(lowered, data, offsets, _byte_counts(data), valid)

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
            hit = pc.match_substring_regex(self.arrow, _literal_regex(lower(needle))).fill_null(False)
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
