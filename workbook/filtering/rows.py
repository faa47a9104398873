"""Row sets over a :class:`~workbook.filtering.index.FilterIndex`: the numpy steps of :func:`compute_masks`.

Every step reads the fewest rows it can. A filter that picks a few entities reaches their claims, events
and documents through the index's lists from entity to rows (CSR: ``rows[ptr[e]:ptr[e + 1]]``) and visits
only those, instead of testing every row of the exploded ``entity_ids``; it switches to one pass over every
row once the rows it would reach are more than :data:`SPARSE_SHARE` of them. Rows of a table sorted by
document (a workspace's tables are) follow the documents' bitmap by one ``np.repeat`` over their runs.
Mentions and the recomputed counts are visited from the smaller side: the kept documents' rows, or the
dropped documents' rows subtracted from per-entity totals (or one pass over everything when mentions are
not sorted by document and neither side is small). Lookups of codes in
a small set compare codes (a few passes at memory speed) instead of indexing a lookup table per row.

``-1`` codes ("refers to nothing") read the trailing slot of a lookup table (``lut[-1]``), always False.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from workbook.filtering.index import FilterIndex

__all__ = [
    "SPARSE_SHARE",
    "bitmap",
    "docs_mentioning",
    "ext",
    "grouped",
    "member",
    "mentions",
    "mentions_complement",
    "mentions_dense",
    "mentions_sparse",
    "ranges",
    "spread",
    "touching",
]

BoolArray = np.ndarray[Any, np.dtype[np.bool_]]
IntArray = np.ndarray[Any, np.dtype[np.int64]]
Codes = np.ndarray[Any, Any]
Counts = tuple[BoolArray, IntArray, IntArray]

#: Rows reached through a CSR are gathered when they are fewer than this share of the rows a whole pass reads.
SPARSE_SHARE = 0.2
#: Up to this many codes, a set of codes is tested by comparisons, above it by a lookup table.
_COMPARE_AT_MOST = 3


def ext(mask: BoolArray) -> BoolArray:
    """``mask`` with the trailing False slot that code -1 reads."""
    return np.concatenate([mask, np.zeros(1, dtype=bool)])


def bitmap(codes: Codes, n: int) -> BoolArray:
    """A bitmap of length ``n`` with ``codes`` set (code -1 ignored)."""
    out = np.zeros(n + 1, dtype=bool)
    out[codes] = True
    return out[:n]


def ranges(starts: Codes, ends: Codes) -> IntArray:
    """The concatenation of ``arange(s, e)`` for every pair, without a Python loop."""
    lens = ends - starts
    total = int(lens.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lens) - lens
    return np.repeat(starts - offsets, lens) + np.arange(total, dtype=np.int64)


def grouped(order: Codes | None, ptr: IntArray, keys: Codes) -> IntArray:
    """Rows of the CSR (order, ptr) under ``keys`` (in no particular order)."""
    rows = ranges(ptr[keys], ptr[keys + 1])
    return rows if order is None else np.asarray(np.take(order, rows), dtype=np.int64)


def member(lut: BoolArray, codes: Codes) -> BoolArray:
    """``lut[codes]`` (``lut`` over codes 0..n-1 plus the -1 slot): by comparisons when few codes are set."""
    hits = np.flatnonzero(lut)
    if len(hits) > _COMPARE_AT_MOST:
        return np.asarray(np.take(lut, codes), dtype=bool)
    out = np.zeros(len(codes), dtype=bool)
    last = len(lut) - 1
    for h in hits:
        out |= codes == (-1 if h == last else h)
    return out


def spread(docs: BoolArray, codes: Codes, order: Codes | None, ptr: IntArray) -> BoolArray:
    """Per row of a table whose rows name documents by ``codes`` (grouped by the CSR (order, ptr)): whether
    its document is set in ``docs``. Rows sorted by document: one ``repeat`` over their runs."""
    if order is None:
        out = np.zeros(len(codes), dtype=bool)
        out[ptr[0] : ptr[-1]] = np.repeat(docs, np.diff(ptr))
        return out
    return np.asarray(np.take(ext(docs), codes), dtype=bool)


def touching(by_ent: Codes, ptr: IntArray, rows: Codes | None, ents: Codes, ent_mask: BoolArray, n: int) -> BoolArray:
    """Rows (of ``n``) naming an entity set in ``ent_mask`` (over the universe plus the -1 slot): the table's
    (``rows``, ``ents``) pairs, ``rows`` None when row i names ``ents[i]``; ``(by_ent, ptr)`` the same pairs
    as a CSR from entity to rows. Few rows reached: through the CSR; otherwise one pass over the pairs."""
    codes = np.flatnonzero(ent_mask[:-1])
    starts, ends = ptr[codes], ptr[codes + 1]
    if int((ends - starts).sum()) < SPARSE_SHARE * len(ents):
        return bitmap(np.take(by_ent, ranges(starts, ends)), n)
    hit = member(ent_mask, ents)
    return hit if rows is None else bitmap(rows[hit], n)


def docs_mentioning(ix: FilterIndex, ent_codes: Codes) -> BoolArray:
    """Bitmap of documents mentioning any entity in ``ent_codes``: through the entity -> documents CSR when
    their (entity, document) pairs are few, otherwise one pass over every pair in document order."""
    starts, ends = ix.pair_ptr[ent_codes], ix.pair_ptr[ent_codes + 1]
    n_pairs = len(ix.pd_ent)
    if int((ends - starts).sum()) < SPARSE_SHARE * n_pairs:
        return bitmap(np.take(ix.pair_doc, ranges(starts, ends)), ix.n_docs)
    ent_mask = np.zeros(ix.n_universe + 1, dtype=bool)
    ent_mask[ent_codes] = True
    hit = member(ent_mask, ix.pd_ent)
    if n_pairs == 0:
        return np.zeros(ix.n_docs, dtype=bool)
    ptr = ix.pair_doc_ptr
    # per document, any of its run of pairs; one False past the end keeps every start a valid index, so the
    # empty runs of the last documents do not cut the last run short (reduceat reads one element for an
    # empty run: masked out)
    padded = np.append(hit, False)
    return np.asarray(np.logical_or.reduceat(padded, ptr[:-1]) & (ptr[1:] > ptr[:-1]), dtype=bool)


def _counts(ix: FilterIndex, positions: IntArray, pair_positions: IntArray) -> tuple[IntArray, IntArray]:
    """(mentions, documents) per entities row among the mentions and (entity, document) pairs at these
    positions of the index's document order."""
    nu, ne = ix.n_universe, ix.n_entity_rows
    n_mentions = np.bincount(np.take(ix.md_ent, positions), minlength=nu)[:ne]
    n_docs = np.bincount(np.take(ix.pd_ent, pair_positions), minlength=nu)[:ne]
    return n_mentions.astype(np.int64), n_docs.astype(np.int64)


def _lens(ent_ok: BoolArray | None, ne: int, *counts: IntArray) -> list[IntArray]:
    """``counts`` with the entities outside ``ent_ok`` (None: none) at zero."""
    return list(counts) if ent_ok is None else [np.where(ent_ok[:ne], c, 0) for c in counts]


def mentions_sparse(ix: FilterIndex, kept: Codes, ent_ok: BoolArray | None) -> Counts:
    """:func:`mentions` visiting the rows of the ``kept`` documents only."""
    nm = len(ix.m_doc)
    positions = ranges(ix.m_ptr[kept], ix.m_ptr[kept + 1])
    n_mentions, n_docs = _counts(ix, positions, ranges(ix.pair_doc_ptr[kept], ix.pair_doc_ptr[kept + 1]))
    n_mentions, n_docs = _lens(ent_ok, ix.n_entity_rows, n_mentions, n_docs)
    if ix.m_order is None and ent_ok is None and len(positions) * 8 > nm:  # many runs: one repeat, no scatter
        return spread(bitmap(kept, ix.n_docs), ix.m_doc, None, ix.m_ptr), n_mentions, n_docs
    rows = positions if ix.m_order is None else np.take(ix.m_order, positions)
    if ent_ok is not None:
        rows = rows[np.take(ent_ok, np.take(ix.md_ent, positions))]
    return bitmap(rows, nm), n_mentions, n_docs


def mentions_complement(ix: FilterIndex, dropped: Codes, ent_ok: BoolArray | None) -> Counts:
    """:func:`mentions` visiting the rows of the ``dropped`` documents only: every mention of an entity in
    ``ent_ok`` but theirs, and the per-entity totals minus what they held."""
    ne = ix.n_entity_rows
    positions = ranges(ix.m_ptr[dropped], ix.m_ptr[dropped + 1])
    less_m, less_d = _counts(ix, positions, ranges(ix.pair_doc_ptr[dropped], ix.pair_doc_ptr[dropped + 1]))
    n_mentions, n_docs = ix.ent_mentions[:ne] - less_m, ix.ent_docs[:ne] - less_d
    if ix.m_order is None:  # sorted by document: the kept documents' runs
        keep = np.ones(ix.n_docs, dtype=bool)
        keep[dropped] = False
        out = spread(keep, ix.m_doc, None, ix.m_ptr)
    else:
        out = np.ones(len(ix.m_doc), dtype=bool)
        out[ix.m_orphans] = False  # rows of no document (or of no entities row)
        out[np.take(ix.m_order, positions)] = False
    if ent_ok is not None:
        out &= member(ent_ok, ix.m_ent)
    n_mentions, n_docs = _lens(ent_ok, ne, n_mentions, n_docs)
    return out, n_mentions, n_docs


def mentions_dense(ix: FilterIndex, docs: BoolArray, ent_ok: BoolArray | None) -> Counts:
    """:func:`mentions` by whole-array passes, avoiding random access and irregular gathers."""
    nu, ne = ix.n_universe, ix.n_entity_rows
    in_docs = np.repeat(docs, ix.m_len)  # the mentions in document order (no orphan), kept or not
    if ix.m_order is None:
        out = np.zeros(len(ix.m_doc), dtype=bool)
        out[ix.m_ptr[0] : ix.m_ptr[-1]] = in_docs
    else:
        out = np.asarray(np.take(ext(docs), ix.m_doc), dtype=bool)
    n_mentions = np.bincount(ix.md_ent[ix.m_ptr[0] : ix.m_ptr[-1]][in_docs], minlength=nu)[:ne].astype(np.int64)
    pair_ents = ix.pd_ent[ix.pair_doc_ptr[0] : ix.pair_doc_ptr[-1]][np.repeat(docs, np.diff(ix.pair_doc_ptr))]
    n_docs = np.bincount(pair_ents, minlength=nu)[:ne].astype(np.int64)
    if ent_ok is not None:
        out &= member(ent_ok, ix.m_ent)
    n_mentions, n_docs = _lens(ent_ok, ne, n_mentions, n_docs)
    return out, n_mentions, n_docs


def mentions(ix: FilterIndex, docs: BoolArray, ent_ok: BoolArray | None) -> Counts:
    """Surviving mentions (in surviving documents, of an entity in ``ent_ok`` unless None) and the
    per-entity-row counts of mentions and of distinct documents, from the smaller side: the kept documents'
    runs of mentions or the dropped ones' (mentions sorted by document: their rows are runs); mentions in
    another order, unless one side is small, by whole-array passes (their rows would be scattered)."""
    kept, dropped = np.flatnonzero(docs), np.flatnonzero(~docs)
    n_kept, n_dropped = int(ix.m_len[kept].sum()), int(ix.m_len[dropped].sum())
    if ix.m_order is None or min(n_kept, n_dropped) < SPARSE_SHARE * len(ix.m_doc):
        return mentions_sparse(ix, kept, ent_ok) if n_kept <= n_dropped else mentions_complement(ix, dropped, ent_ok)
    return mentions_dense(ix, docs, ent_ok)
