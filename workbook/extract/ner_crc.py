"""CRC32 of concatenations from the CRCs of their parts, vectorised (the entity featurizer,
:mod:`workbook.extract.ner_featurize`).

CRC32 is linear: the CRC of ``x + y`` is the CRC of ``x`` advanced over ``len(y)`` zero bytes, XOR the
CRC of ``y`` (what zlib's ``crc32_combine`` does). Advancing a register over ``n`` zero bytes is a
linear map of its 32 bits, so it is four table look-ups, one per byte of the register.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import numpy as np

__all__ = ["MAX_BYTES", "crc", "crc_cat", "fmix"]

MAX_BYTES = 255  # longest piece the tables advance over


def crc(s: str) -> int:
    """CRC32 of the UTF-8 bytes of ``s``."""
    return zlib.crc32(s.encode("utf-8"))


@lru_cache(maxsize=1)
def _tables() -> np.ndarray:
    """``T[n, b, v]`` (flattened): the CRC register holding byte ``v`` at byte position ``b``, advanced over ``n``
    zero bytes (a linear map, so a register advances as the XOR of its four bytes' entries)."""
    n = np.arange(MAX_BYTES + 1)
    basis = np.array(
        [[zlib.crc32(bytes(k), 1 << bit) ^ zlib.crc32(bytes(k), 0) for bit in range(32)] for k in n.tolist()],
        dtype=np.uint32,
    )
    bits = ((np.arange(256)[:, None] >> np.arange(8)) & 1).astype(bool)
    out = np.empty((len(n), 4, 256), dtype=np.uint32)
    for b in range(4):
        out[:, b, :] = np.bitwise_xor.reduce(np.where(bits[None, :, :], basis[:, None, 8 * b : 8 * b + 8], 0), axis=2)
    return out.reshape(-1)  # flat: entry (n, b, v) at n * 1024 + b * 256 + v


def crc_cat(a: np.ndarray, b: np.ndarray, b_len: np.ndarray) -> np.ndarray:
    """CRC32 of each concatenation ``x + y`` from CRC32 ``a`` of ``x``, ``b`` of ``y`` and the byte
    length of ``y`` (at most :data:`MAX_BYTES`; arrays of equal shape)."""
    t = _tables()
    base = b_len.astype(np.intp) * 1024
    a = a.astype(np.intp)
    return (
        t[base + (a & 255)]
        ^ t[base + 256 + ((a >> 8) & 255)]
        ^ t[base + 512 + ((a >> 16) & 255)]
        ^ t[base + 768 + (a >> 24)]
        ^ b.astype(np.uint32)
    )


def fmix(h: np.ndarray) -> np.ndarray:
    """A 64-bit mix (a spelling's identity within and across documents, not a feature id)."""
    h = h ^ (h >> np.uint64(33))
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return h
