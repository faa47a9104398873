"""A small reader of R data files (``.rda``: bzip2-, gzip- or xz-compressed XDR serialisation, format 2 or 3)
holding one data frame of character, integer, double or logical columns: enough to read the KCNA 2012
stories of ``../shared/data/kcna-headlines_xmarquez/KCNA_2012.rda`` without ``pyreadr``. Other R objects
(environments, closures, S4 objects, bytecode) are refused with a ValueError."""

from __future__ import annotations

import bz2
import gzip
import lzma
import struct
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["KCNA_2012", "kcna_2012_story", "read_data_frame"]

KCNA_2012 = Path("kcna-headlines_xmarquez") / "KCNA_2012.rda"
_NIL, _SYMBOL, _PAIRLIST, _REF, _CHARS = 254, 1, 2, 255, 9
_VECTORS = {16, 19, 20}  # character vector, list, expression
_INTEGERS = {10, 13}  # logical, integer


class _Reader:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.pos = 0
        self.refs: list[Any] = []

    def int32(self) -> int:
        (value,) = struct.unpack_from(">i", self.raw, self.pos)
        self.pos += 4
        return int(value)

    def item(self) -> Any:
        flags = self.int32()
        kind, has_attr, has_tag = flags & 0xFF, flags & (1 << 9), flags & (1 << 10)
        if kind == _NIL:
            return None
        if kind == _REF:
            return self.refs[(flags >> 8) - 1]
        if kind == _SYMBOL:
            symbol = ("symbol", self.item())
            self.refs.append(symbol)
            return symbol
        if kind == _PAIRLIST:
            if has_attr:
                self.item()
            tag = self.item() if has_tag else None
            head = [(tag, self.item())]
            rest = self.item()
            return head + (rest or [])
        if kind == _CHARS:
            n = self.int32()
            if n == -1:
                return None
            text = self.raw[self.pos : self.pos + n].decode("utf-8", "replace")
            self.pos += n
            return text
        n = self.int32()
        values: list[Any]
        if kind in _VECTORS:
            values = [self.item() for _ in range(n)]
        elif kind in _INTEGERS:
            values = list(struct.unpack_from(f">{n}i", self.raw, self.pos))
            self.pos += 4 * n
        elif kind == 14:
            values = list(struct.unpack_from(f">{n}d", self.raw, self.pos))
            self.pos += 8 * n
        else:
            raise ValueError(f"R object of type {kind} at byte {self.pos}")
        attributes = self.item() if has_attr else None
        return ("vector", values, attributes)


def _decompress(raw: bytes) -> bytes:
    if raw[:3] == b"BZh":
        return bz2.decompress(raw)
    if raw[:2] == b"\x1f\x8b":
        return gzip.decompress(raw)
    if raw[:6] == b"\xfd7zXZ\x00":
        return lzma.decompress(raw)
    return raw


def read_data_frame(path: Path) -> dict[str, list[Any]]:
    """The first object of the R data file ``path``, a data frame, as its columns by name."""
    raw = _decompress(path.read_bytes())
    if raw[:5] not in (b"RDX2\n", b"RDX3\n") or raw[5:7] != b"X\n":
        raise ValueError(f"{path} is not an XDR R data file")
    reader = _Reader(raw)
    reader.pos = 7
    version = reader.int32()
    reader.pos += 8  # the writer's and the minimal reader's R versions
    if version == 3:
        reader.pos += 4 + reader.int32()  # the native encoding's name
    top = reader.item()
    if not isinstance(top, list) or not top:
        raise ValueError(f"{path} holds no named object")
    frame = top[0][1]
    attributes = frame[2] or []
    names = next((v[1] for tag, v in attributes if tag == ("symbol", "names")), None)
    if names is None:
        raise ValueError(f"{path}: the object has no column names")
    return {name: column[1] for name, column in zip(names, frame[1], strict=True)}


@cache
def _kcna_2012_stories(data: Path) -> tuple[str, ...]:
    return tuple(s or "" for s in read_data_frame(data / KCNA_2012)["story"])


def kcna_2012_story(data: Path, row: int) -> str:
    """The story text of row ``row`` (0-based) of the KCNA 2012 table in the shared data folder ``data``."""
    return _kcna_2012_stories(data)[row]
