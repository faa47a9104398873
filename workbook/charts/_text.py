"""Escaping document text for plotly's HTML-like labels, one value at a time or a whole column at once.

Plotly renders hover text, legend names, tick labels, titles and annotations as a small subset of HTML
(``<b>``, ``<br>``, ``<a href>``, ...) and decodes only a few entities (``&amp; &lt; &gt;`` and numeric
ones; not ``&quot;``). Every piece of document-derived text shown in a figure therefore goes through
:func:`hover_escape` / :func:`label` (one value) or :func:`escape_texts` / :func:`label_texts` (an array,
in pyarrow's C++ kernels: no Python per row), which escape exactly ``&``, ``<`` and ``>``. The scalar
and the array functions give the same strings (a test holds them to it).

Wrapping (``width``): whitespace is collapsed, then lines are filled greedily up to ``width`` characters,
breaking at spaces; a word longer than ``width`` starts a new line and is cut every ``width`` characters.
"""

from __future__ import annotations

import html
import re
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "WHITESPACE",
    "arrow_strings",
    "codes_of",
    "collapse",
    "escape_texts",
    "hover_escape",
    "index_in",
    "is_missing",
    "isin",
    "label",
    "label_texts",
]

#: Exactly the characters for which ``str.isspace()`` is true (what ``str.split()`` splits on).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
_WS_RUN = "[" + WHITESPACE + "]+"
_WS_RE = re.compile(_WS_RUN)
_ELLIPSIS = "…"


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA (and False for lists and other containers)."""
    if value is None:
        return True
    if isinstance(value, list | tuple | dict | set):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def collapse(text: str) -> str:
    """``text`` with every run of whitespace turned into one space, and none at either end."""
    return _WS_RE.sub(" ", text).strip(" ")


def _wrap_pattern(width: int) -> str:
    width = min(max(width, 1), 1000)  # RE2 allows at most 1000 repetitions
    # the longest run of at most `width` characters followed by a space or the end; else `width` characters
    return rf"(.{{1,{width}}})(?: |$)|(.{{{width}}})"


def _escape(s: str) -> str:
    return html.escape(s, quote=False)


def hover_escape(text: Any, width: int | None = None, max_chars: int | None = None) -> str:
    """``text`` made safe for plotly hover text and labels: ``&``, ``<`` and ``>`` escaped.

    With ``max_chars`` the text is cut to that many characters (ending in "…"); with ``width`` its
    whitespace is collapsed and it is wrapped into lines joined by ``<br>``. Missing values give "".
    Quotes are left alone on purpose: plotly does not decode ``&quot;``.
    """
    if is_missing(text):
        return ""
    s = str(text)
    if width is not None:
        s = collapse(s)
    if max_chars is not None and len(s) > max_chars:
        s = s[: max(max_chars - 1, 0)].rstrip(WHITESPACE) + _ELLIPSIS
    if width is None:
        return _escape(s)
    lines = [m.group(1) or m.group(2) for m in re.finditer(_wrap_pattern(width), s)]
    return "<br>".join(_escape(line) for line in lines)


def label(text: Any, max_chars: int = 48) -> str:
    """A one-line escaped label (legend name, tick label) of at most ``max_chars`` characters."""
    return hover_escape(collapse(str("" if is_missing(text) else text)), max_chars=max_chars)


def arrow_strings(values: Any, fill: str | None = "") -> pa.Array | pa.ChunkedArray:
    """``values`` (a Series, an array or a list) as an Arrow string array (no copy for pandas' Arrow-backed
    strings); missing values become ``fill`` (stay null when None)."""
    if isinstance(values, pd.Series | pd.Index):
        arr = pa.array(values.array, from_pandas=True) if len(values) else pa.array([], type=pa.string())
    elif not len(values):
        arr = pa.array([], type=pa.string())
    else:
        try:
            arr = pa.array(np.asarray(values, dtype=object), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types: every value as its str()
            arr = pa.array([None if is_missing(v) else str(v) for v in values], type=pa.string())
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(arr.type.value_type)
    if not pa.types.is_string(arr.type):  # large_string and others: plain utf8 (chart texts are small)
        arr = pc.cast(arr, pa.string())
    return arr if fill is None else pc.fill_null(arr, fill)


def codes_of(
    values: Any, mask: np.ndarray[Any, Any] | None = None
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """``values`` (only the rows of ``mask`` when given) factorised as strings, in Arrow: a code per row
    (-1 for a missing value) and the distinct values in order of first appearance (object array of str)."""
    arr = arrow_strings(values, fill=None)
    if mask is not None:
        arr = arr.filter(pa.array(np.asarray(mask, dtype=bool)))
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    enc = pc.dictionary_encode(arr)
    codes = np.asarray(pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
    return codes, np.asarray(enc.dictionary.to_numpy(zero_copy_only=False), dtype=object)


def isin(values: Any, among: Any) -> np.ndarray[Any, Any]:
    """A boolean per value: is it (as a string) one of ``among``? Missing values never are. (pandas'
    ``Series.isin`` on Arrow strings makes a Python object per value of ``among``; this does not.)"""
    arr = arrow_strings(values, fill=None)
    if not len(arr) or not len(among):
        return np.zeros(len(arr), dtype=bool)
    found = pc.fill_null(pc.is_in(arr, value_set=pc.unique(arrow_strings(among, fill=None))), False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def index_in(values: Any, among: Any) -> np.ndarray[Any, Any]:
    """For each value, the position of its first occurrence in ``among`` (both as strings), or -1."""
    arr = arrow_strings(values, fill=None)
    if not len(arr) or not len(among):
        return np.full(len(arr), -1, dtype=np.int64)
    found = pc.fill_null(pc.index_in(arr, value_set=arrow_strings(among, fill=None)), -1)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=np.int64)


def escape_texts(
    values: Any, width: int | None = None, max_chars: int | None = None, collapse_space: bool = False
) -> np.ndarray[Any, Any]:
    """:func:`hover_escape` of every value (``collapse_space``: collapse whitespace even without ``width``),
    as an object array of ``str``; computed in pyarrow, once per distinct value, without Python per value."""
    arr = arrow_strings(values)
    if len(arr) == 0:
        return np.array([], dtype=object)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    enc = pc.dictionary_encode(arr)  # repeated values (titles, names, sentences) are escaped once
    out = _escape_arrow(enc.dictionary, width, max_chars, collapse_space)
    distinct: np.ndarray[Any, Any] = np.asarray(out.to_numpy(zero_copy_only=False), dtype=object)
    return distinct[np.asarray(enc.indices.to_numpy(zero_copy_only=False), dtype=np.int64)]


def _escape_arrow(arr: pa.Array, width: int | None, max_chars: int | None, collapse_space: bool) -> pa.Array:
    if width is not None or collapse_space:
        arr = pc.utf8_trim(pc.replace_substring_regex(arr, pattern=_WS_RUN, replacement=" "), characters=" ")
    if max_chars is not None:
        cut = pc.utf8_rtrim(pc.utf8_slice_codeunits(arr, 0, max(max_chars - 1, 0)), characters=WHITESPACE)
        arr = pc.if_else(
            pc.greater(pc.utf8_length(arr), max_chars), pc.binary_join_element_wise(cut, _ELLIPSIS, ""), arr
        )
    if width is not None:
        # the same lines as _wrap_pattern's groups, but without capture groups, which cost RE2 five times more:
        # a line keeps the space it broke at ("… word \n"), dropped next (whitespace is single spaces here)
        width = min(max(width, 1), 1000)
        arr = pc.replace_substring_regex(arr, pattern=rf".{{1,{width}}}(?: |$)|.{{{width}}}", replacement="\\0\n")
        arr = pc.utf8_rtrim(pc.replace_substring(arr, pattern=" \n", replacement="\n"), characters="\n")
    for raw, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        arr = pc.replace_substring(arr, pattern=raw, replacement=entity)
    if width is not None:
        arr = pc.replace_substring(arr, pattern="\n", replacement="<br>")
    return arr


def label_texts(values: Any, max_chars: int = 48) -> np.ndarray[Any, Any]:
    """:func:`label` of every value, as an object array of ``str`` (see :func:`escape_texts`)."""
    return escape_texts(values, max_chars=max_chars, collapse_space=True)
