"""The features of candidate name spans, as hashed bucket ids gathered with numpy over a batch of documents.

A candidate's features (see :mod:`workbook.extract.ner_features` for what they describe) are those of
its first word, its last word, each word inside it, the words around it, the span as a whole
(length, shape, spelling, gazetteer) and its document (the word seen mid-sentence, in lower case,
alone, inside a longer name). A feature is a string such as ``"f:kim"`` or ``"L1R1:in|city"``; its id
is the CRC32 of the string's UTF-8 bytes masked to ``bits`` (:func:`bucket`; stable across runs and
machines).

:class:`Featurizer` keeps a table of the words it has seen (:mod:`workbook.extract.ner_words`: a row
per distinct spelling as written, with the ids of its one-word features, a bit per word list, and the
CRC32 pieces its conjunctions are made of), so a batch of documents costs one dictionary look-up per
token, then numpy gathers over all the batch's candidates at once (:meth:`Featurizer.matrix`; a numpy
call costs about the same for 60 candidates as for 2,000, so documents are featurized in batches). The
ids of conjunctions and of whole spellings ("k:kim jong un", "sh:Xx Xx", "L1R1:in|city") are made
without their strings: CRC32 is linear, so the CRC of ``a + b`` is the CRC of ``a`` advanced over
``len(b)`` zero bytes, XOR the CRC of ``b`` (:func:`~workbook.extract.ner_crc.crc_cat`). Within a batch
each document keeps its own edges (the words around a candidate never come from the next document) and
its own document features, so a candidate's ids do not depend on the batch it is scored in.

The columns of :meth:`Featurizer.matrix` are in the order the features were listed per candidate
(absent ones hold :attr:`Featurizer.absent`), so :func:`id_index` gives each candidate's ids in that
order and the model sums them in that order: the same float32 sums, whatever the batch.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

import numpy as np

from workbook.extract.ner_crc import MAX_BYTES as _MAX_BYTES
from workbook.extract.ner_crc import crc as _crc
from workbook.extract.ner_crc import crc_cat
from workbook.extract.ner_crc import fmix as _fmix
from workbook.extract.ner_features import (
    LOWER_CASE_PLACE,
    MAX_SPAN,
    TokenMarks,
    Tokens,
    candidate_array,
    lower_case_places,
)
from workbook.extract.ner_words import (
    ACRONYM,
    ALL_LOWER,
    ALPHA_FIRST,
    COLUMNS,
    COMMON,
    CONN,
    DEMONYM,
    DIGIT,
    DIGITS_ONLY,
    DOT,
    GIVEN,
    HYPHEN,
    LOWER_ALPHA,
    LOWER_FIRST,
    LOWER_NAME,
    NEVER_FIRST,
    NULL,
    ORG,
    PLACE_AFTER,
    POS,
    TAGGED,
    TITLE,
    UPPER,
    UPPER_FIRST,
    GazType,
    WordTable,
)
from workbook.extract.vocabulary import KNOWN_ORGS

__all__ = ["COLUMNS", "BatchCandidates", "Featurizer", "bucket", "id_index"]

#: a document's tokens and its candidates (an ``(n, 6)`` array of
#: :class:`~workbook.extract.ner_features.Candidate` fields), as :meth:`Featurizer.matrix` reads them
DocCandidates = tuple[Tokens, np.ndarray]
#: the word-table flag of each :class:`~workbook.extract.ner_features.TokenMarks` field, in its order
#: (``name_like`` is then the token's capital and its letter first)
_MARKS = (ALPHA_FIRST, TITLE, DOT, CONN, DIGITS_ONLY, NEVER_FIRST, UPPER, DEMONYM)


class _BatchWords(NamedTuple):
    """The tokens of a batch of documents, one after the other (:meth:`Featurizer._words`)."""

    text: list[str]
    lower: list[str]
    initial: np.ndarray  # opens a sentence (bool)
    cap: np.ndarray  # capitalised (bool)
    lens: np.ndarray  # tokens per document
    rows: np.ndarray  # word-table rows, each document's with two edge rows either side
    doc_of_tok: np.ndarray  # each token's document
    tok_at: np.ndarray  # each token's place in ``rows``
    tok_rows: np.ndarray  # each token's word-table row (``rows[tok_at]``)


class BatchCandidates(NamedTuple):
    """The candidates of a batch of documents (:meth:`Featurizer.candidates_and_ids`)."""

    cands: np.ndarray  # (n, 6) Candidate fields, the documents' rows one after the other
    per_doc: list[int]  # how many candidates each document has
    ids: np.ndarray  # their feature ids (Featurizer.matrix)
    spelling: np.ndarray  # a number per candidate, the same for a document's candidates alike in lower case
    weak: np.ndarray  # one word opening a sentence, not in capitals, never capitalised mid-sentence in its document
    acronym: np.ndarray  # its first word is in capitals, two letters or more ("NATO", "US")


def _member(values: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """``numpy.isin`` for a batch's integer keys: a sort and a binary search (fewer numpy calls than
    ``isin``, whose fixed cost a batch of one document pays several times)."""
    if not len(pool):
        return np.zeros(len(values), dtype=bool)
    pool = np.sort(pool)
    at = np.searchsorted(pool, values)
    np.minimum(at, len(pool) - 1, out=at)
    return pool[at] == values


def _row_numbers(rows: np.ndarray) -> np.ndarray:
    """A number per row of an integer matrix, the same for equal rows (``numpy.unique(axis=0)``'s inverse,
    by one lexical sort). Values from -1 to 2**21 - 2 are packed three to a 64-bit key first (fewer keys
    to sort by, the same order)."""
    if len(rows) and rows.min() >= -1 and rows.max() < (1 << 21) - 1:
        shifted = rows + 1
        width = -(-rows.shape[1] // 3) * 3
        shifted = np.pad(shifted, ((0, 0), (0, width - rows.shape[1]))).reshape(len(rows), -1, 3)
        rows = (shifted[:, :, 0] << 42) | (shifted[:, :, 1] << 21) | shifted[:, :, 2]
    order = np.lexsort(rows.T[::-1])
    ordered = rows[order]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    out = np.empty(len(rows), dtype=np.int64)
    out[order] = np.cumsum(new) - 1
    return out


def _bools(values: list[bool]) -> np.ndarray:
    """A bool array of a list of Python bools (its bytes: a third of ``numpy.array``'s cost)."""
    try:
        return np.frombuffer(bytes(values), dtype=np.uint8) != 0
    except TypeError:  # numpy bools, which ``bytes`` does not take
        return np.array(values, dtype=bool)


def _no_candidates(n_docs: int) -> BatchCandidates:
    empty = np.zeros(0, dtype=np.int64)
    return BatchCandidates(
        np.zeros((0, 6), dtype=np.int64),
        [0] * n_docs,
        np.zeros((0, COLUMNS), dtype=np.int64),
        empty,
        empty.astype(bool),
        empty.astype(bool),
    )


@lru_cache(maxsize=1 << 18)
def bucket(feature: str, bits: int) -> int:
    """The hashed bucket of a feature string (CRC32, masked to ``bits``)."""
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


def id_index(ids: np.ndarray, absent: int) -> tuple[np.ndarray, np.ndarray]:
    """(columns, row offsets) of a :meth:`Featurizer.matrix`: row ``k``'s present ids, in column order,
    are ``columns[offsets[k]:offsets[k + 1]]``; ``offsets`` has one more entry than there are rows."""
    present = ids != absent
    offsets = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(present.sum(axis=1), out=offsets[1:])
    return ids[present], offsets


class Featurizer(WordTable):
    """Feature ids of candidates (see the module docstring). ``common``: words usually written in
    lower case (the model's vocabulary); ``names``: given names and surnames → kind
    (:func:`~workbook.extract.ner_features.name_kind`)."""

    def __init__(self, bits: int, common: frozenset[str] = frozenset(), names: Mapping[str, str] | None = None) -> None:
        self.bits = bits
        self.common = common
        self.names: Mapping[str, str] = names or {}
        self.absent = 1 << bits
        self._mask = np.uint32((1 << bits) - 1)
        self._kinds: dict[str | None, int] = {None: 0}
        for kind in sorted(set(self.names.values())):
            self._kinds[kind] = len(self._kinds)
        kinds = list(self._kinds)
        b = self._b
        self._nfl = np.array(
            [[[b(f"nfl:{x}|{y}|{s}") for s in range(4)] for y in kinds] for x in kinds], dtype=np.int64
        )
        self._ilast = np.array([b(f"ilast:{k}") for k in kinds], dtype=np.int64)
        self._gaz_types: list[str | None] = [None]
        self._gaz_ids = np.array([[self.absent, self.absent]], dtype=np.int64)  # gaz, wg by type code
        self._gaz_owner = None
        self._spelling_gaz: dict[int, int] = {}
        self._known_orgs = np.array(sorted({self._spelling_hash(k.split()) for k in KNOWN_ORGS}), dtype=np.uint64)
        flagged = "acronym digit hyphen org_head_inside known_org lower_elsewhere last_alone gaz_given mid"
        flagged += " title_before next_lower next_cap init_seen_mid last_of_longer first_of_longer"  # by column
        self._flag_ids = np.array([b(f) for f in flagged.split()], dtype=np.int64)
        self._common_ids = np.array([b(f"common:{v}") for v in ("none", "some", "all")], dtype=np.int64)
        self._n_ids = np.array([b(f"n:{k}") for k in range(6)], dtype=np.int64)
        self._init_ids = np.array([b(f"init:{k}") for k in range(4)], dtype=np.int64)
        self._crc = {p: np.uint32(_crc(p)) for p in ("k:", "sh:", "shR1:")}
        self._prefixes = np.array([_crc(p) for p, _ in TAGGED], dtype=np.uint32)
        self._bar = np.uint32(_crc("|"))
        kind_names = list(self._kinds)
        self._nf = np.array([self.absent if k is None else b(f"nf:{k}") for k in kind_names], dtype=np.int64)
        self._nl = np.array([self.absent if k is None else b(f"nl:{k}") for k in kind_names], dtype=np.int64)
        self._run_ids = np.array(  # run length, starts it, ends it
            [[[b(f"run:{k}:{x}{y}") for y in (0, 1)] for x in (0, 1)] for k in range(7)], dtype=np.int64
        )
        self._table = self._new_table()

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the words it has seen: a worker process starts with an empty table."""
        return {"bits": self.bits, "common": self.common, "names": self.names}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["bits"], state["common"], state["names"])  # type: ignore[misc]

    def _b(self, feature: str) -> int:
        return bucket(feature, self.bits)

    def _ids(self, crcs: np.ndarray) -> np.ndarray:
        return (crcs & self._mask).astype(np.int64)

    @staticmethod
    def _spelling_hash(lows: Sequence[str]) -> int:
        """A spelling's identity from its words in lower case (as :meth:`matrix` computes it)."""
        h = np.array([_crc(w) for w in lows], dtype=np.uint64)
        return int(_fmix(np.atleast_1d((h * POS[: len(h)]).sum(dtype=np.uint64) + np.uint64(len(h))))[0])

    def matrix(self, docs: Sequence[DocCandidates], gaz_type: GazType) -> np.ndarray:
        """Feature ids ``(n, COLUMNS)`` of the candidates of a batch of documents, the documents' rows one
        after the other (an absent feature is :attr:`absent`). Each document is read on its own: its
        edges, its words seen mid-sentence or in lower case, its runs."""
        per_doc = [len(c) for _, c in docs]
        if sum(per_doc) == 0:
            return np.zeros((0, COLUMNS), dtype=np.int64)
        batch = self._words([toks for toks, _ in docs])
        return self._matrix(batch, np.concatenate([c for _, c in docs if len(c)]), per_doc, gaz_type)

    def candidates_and_ids(
        self, texts: Sequence[str], toks: Sequence[Tokens], skips: Sequence[bytearray | None], gaz_type: GazType
    ) -> BatchCandidates:
        """The candidates of a batch of documents (as :func:`~workbook.extract.ner_features.candidates`
        finds them) and their :meth:`matrix` (see :class:`BatchCandidates`). Candidates overlapping a
        character marked 1 in a document's ``skip`` are left out. The tokens' word lists are read from the
        word table: no Python step per token."""
        batch = self._words(toks)
        lens = batch.lens
        n_docs = len(toks)
        if not batch.text:
            return _no_candidates(n_docs)
        sizes = np.fromiter(map(len, texts), dtype=np.int64, count=n_docs)
        doc_char = np.zeros(n_docs, dtype=np.int64)
        np.cumsum(sizes[:-1], out=doc_char[1:])
        doc_first = np.zeros(n_docs, dtype=np.int64)
        np.cumsum(lens[:-1], out=doc_first[1:])
        shift = np.repeat(doc_char, lens)
        starts = np.fromiter(chain.from_iterable(t.start for t in toks), dtype=np.int64, count=len(shift)) + shift
        ends = np.fromiter(chain.from_iterable(t.end for t in toks), dtype=np.int64, count=len(shift)) + shift
        doc_of_tok, tok_at, tok_rows = batch.doc_of_tok, batch.tok_at, batch.tok_rows
        fl = self._table.flags[tok_rows]
        cap = batch.cap
        marks = TokenMarks(*(((fl & bit) != 0) for bit in _MARKS))
        name_like = cap & marks.name_like
        chars = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        # a lower-case word the gazetteer knows as a place, after "in", "from", ... ("living in glasgow")
        lower = ((fl & LOWER_NAME) != 0) & ((self._table.flags[batch.rows[tok_at - 1]] & PLACE_AFTER) != 0)
        if lower.any():
            self._check_gazetteer(gaz_type)
            self._word_gaz(tok_rows[lower], gaz_type)
            place = lower & (self._table.gaz[tok_rows] == self._gaz_code(LOWER_CASE_PLACE))
            name_like |= lower_case_places(place, lower, starts, ends, chars)
        marks = marks._replace(name_like=name_like)
        has = lens > 0  # a document without tokens has no first token
        cands, doc = candidate_array(marks, cap, starts, ends, chars, doc_first[has], doc_char[has])
        doc = np.flatnonzero(has)[doc]
        if any(k is not None for k in skips):
            marked = np.zeros(len(chars) + 1, dtype=np.int64)
            joined = b"".join(  # each document's marks cut or padded to its length, one after the other
                bytes(z) if skip is None else bytes(skip[:z]).ljust(z, b"\0")
                for skip, z in zip(skips, sizes.tolist(), strict=True)
            )
            marked[1:] = np.frombuffer(joined, dtype=np.uint8) == 1
            np.cumsum(marked, out=marked)
            a, b = cands[:, 4] + doc_char[doc], cands[:, 5] + doc_char[doc]
            free = marked[b] == marked[a]
            cands, doc = cands[free], doc[free]
        per_doc = np.bincount(doc, minlength=n_docs).tolist()
        if not len(cands):
            return _no_candidates(n_docs)
        # a spelling's number: its words in lower case (their numbers in the table) and its document
        low_id = self._table.low_id[tok_rows]
        first, size = doc_first[doc] + cands[:, 0], cands[:, 1] - cands[:, 0]
        inside = np.arange(MAX_SPAN) < size[:, None]
        words = np.where(inside, low_id[np.minimum(first[:, None] + np.arange(MAX_SPAN), len(low_id) - 1)], -1)
        spelling = _row_numbers(np.column_stack([doc, words]))
        # one word opening a sentence, not in capitals, not seen capitalised mid-sentence in its document
        by_doc = (doc_of_tok << 32) | low_id
        mid = by_doc[cap & ~batch.initial]
        weak = (size == 1) & batch.initial[first] & ((fl[first] & UPPER) == 0)
        weak[weak] = ~_member(by_doc[first[weak]], mid)
        ids = self._matrix(batch, cands, per_doc, gaz_type)
        return BatchCandidates(cands, per_doc, ids, spelling, weak, (fl[first] & ACRONYM) != 0)

    def _words(self, toks: Sequence[Tokens]) -> _BatchWords:
        """The words of a batch of documents, one after the other, and their rows in the word table."""
        lens = np.fromiter(map(len, toks), dtype=np.intp, count=len(toks))
        words: list[str] = []
        lows: list[str] = []
        initial: list[bool] = []
        cap: list[bool] = []
        for t in toks:
            words += t.text
            lows += t.lower
            initial += t.initial
            cap += t.cap
        doc_of_tok = np.repeat(np.arange(len(lens)), lens)
        tok_at = np.arange(len(words)) + 2 + 4 * doc_of_tok  # edge rows between documents
        rows, tok_rows = self._rows(words, lens, tok_at)
        return _BatchWords(words, lows, _bools(initial), _bools(cap), lens, rows, doc_of_tok, tok_at, tok_rows)

    def _matrix(self, batch: _BatchWords, cands: np.ndarray, per_doc: Sequence[int], gaz_type: GazType) -> np.ndarray:
        """:meth:`matrix` of the candidates ``cands`` (``per_doc`` of them per document) of ``batch``."""
        words, lows, ini_all, cap_all, lens, rows, doc_of_tok, _, word_rows = batch
        n = len(cands)
        self._check_gazetteer(gaz_type)
        t = self._table
        s = self.absent
        i, j, rs, re_ = cands[:, 0], cands[:, 1], cands[:, 2], cands[:, 3]  # token offsets in the document
        doc = np.repeat(np.arange(len(lens)), per_doc)
        tok_off = np.repeat(np.cumsum([0, *lens[:-1]]), per_doc)  # the document's first token in the batch
        ip, jp = i + tok_off + 4 * doc, j + tok_off + 4 * doc  # ... in ``rows`` (edge rows between documents)
        it, jt = i + tok_off, j + tok_off  # ... in the batch's token lists
        size = j - i
        longest = int(size.max())
        one, multi = size == 1, size > 1
        # the words of each candidate, "no word" past its end (positions are offset by the two edge rows)
        pos = ip[:, None] + np.arange(2, 2 + longest)
        win = np.where(pos < (jp + 2)[:, None], rows[np.minimum(pos, len(rows) - 1)], NULL)
        if not t.gaz_known[win].all():
            self._word_gaz(win.ravel(), gaz_type)
        w0, wl, l1, l2, r1, r2 = (rows[x] for x in (ip + 2, jp + 1, ip + 1, ip, jp + 2, jp + 3))
        flags, crc, blen = t.flags, t.crc, t.blen
        # spelling ("k:kim jong un") and shape ("Xx Xx Xx") as CRC pieces, once per spelling as written
        pos_mult = POS[:longest]
        as_written = _fmix((win.astype(np.uint64) * pos_mult).sum(axis=1, dtype=np.uint64) + size.astype(np.uint64))
        pieces = self._spelling_pieces(as_written, win, size)
        key_crc, key_len, sh_crc, sh_len = (pieces[:, k] for k in range(4))
        key_crc, sh_crc = key_crc.astype(np.uint32), sh_crc.astype(np.uint32)
        odd = (pieces[:, 4] != 0) | (blen[r1] >= _MAX_BYTES - 1)
        # the conjunctions, in one pass: sh, k, L1f, lR1, L1R1, L1sh, then shR1's first half
        c = self._crc
        conj = crc_cat(
            np.concatenate(
                [
                    np.full(n, c["sh:"]),
                    np.full(n, c["k:"]),
                    crc[l1, 4],
                    crc[wl, 5],
                    crc[l1, 3],
                    crc[l1, 6],
                    np.full(n, c["shR1:"]),
                ]
            ),
            np.concatenate([sh_crc, key_crc, crc[w0, 0], crc[r1, 0], crc[r1, 0], sh_crc, sh_crc]),
            np.minimum(np.concatenate([sh_len, key_len, blen[w0], blen[r1], blen[r1], sh_len, sh_len]), _MAX_BYTES),
        )
        sh_r1 = crc_cat(conj[6 * n :], crc[r1, 2], np.minimum(blen[r1] + 1, _MAX_BYTES))
        conj_ids = self._ids(np.concatenate([conj[: 6 * n], sh_r1])).reshape(7, n)
        low = t.low
        key = _fmix((low[win] * pos_mult).sum(axis=1, dtype=np.uint64) + size.astype(np.uint64))
        fwin = flags[win]
        f_any = np.bitwise_or.reduce(fwin, axis=1)
        n_common = ((fwin & COMMON) != 0).sum(axis=1)
        # the document: capitalised words seen mid-sentence, words written in lower case, runs; a word
        # is told apart per document by its identity (CRC32 in lower case) with the document's number above
        tok_low = low[word_rows] | (doc_of_tok.astype(np.uint64) << np.uint64(32))
        mid_words = tok_low[cap_all & ~ini_all]
        lower_words = tok_low[(flags[word_rows] & ALL_LOWER) != 0]  # written so, in lower case
        run_a, run_b = rs + tok_off, re_ + tok_off
        long_run = run_b - run_a >= 2
        inner_last = tok_low[run_b[long_run] - 1]
        inner_first = tok_low[run_a[long_run & ~ini_all[run_a]]]
        alone = tok_low[run_a[~long_run]]
        cand_doc = doc.astype(np.uint64) << np.uint64(32)
        low0 = low[w0] | cand_doc
        member = _member
        ini = ini_all[it]
        seen_mid = member(low0, mid_words)
        in_inner_last = member(low0, inner_last)
        one_run = one & (re_ - rs == 1)
        span_gaz = t.gaz[w0].copy()
        if multi.any():
            at = np.flatnonzero(multi)
            span_gaz[at] = self._span_gaz(key[at], it[at], jt[at], words, gaz_type)
        kind = t.kind
        wide = np.full((n, MAX_SPAN), s, dtype=np.int64)  # each word; the gazetteer type of each word
        wide[:, :longest] = t.one[win, 0]
        wg = np.full((n, MAX_SPAN), s, dtype=np.int64)
        wg[:, :longest] = np.where(multi[:, None], self._gaz_ids[t.gaz[win], 1], s)
        b = self._b
        flagged = np.column_stack(  # features present or absent by a condition
            [
                one & ((flags[w0] & ACRONYM) != 0),
                (f_any & DIGIT) != 0,
                (f_any & HYPHEN) != 0,
                self._org_inside(fwin, size) if multi.any() else np.zeros(n, dtype=bool),
                member(key, self._known_orgs),
                one & (member(low0, lower_words) | ((flags[w0] & LOWER_FIRST) != 0)),
                multi & member(low[wl] | cand_doc, alone),
                (span_gaz != 0) & ((flags[w0] & GIVEN) != 0),
                ~ini & seen_mid,
                self._title_before(l1, l2, i),
                (flags[r1] & LOWER_ALPHA) != 0,
                (flags[r1] & UPPER_FIRST) != 0,
                ini & one & seen_mid,
                one_run & in_inner_last,
                one_run & member(low0, inner_first),
            ]
        )
        flagged = np.where(flagged, self._flag_ids, s)
        cols = [  # in the order the features of a candidate were always listed (see the module docstring)
            np.full(n, b("bias")),
            self._n_ids[np.minimum(size, 5)],
            conj_ids[0],  # sh
            t.first[w0],
            t.last[wl],
            wide,
            np.where(size <= 3, conj_ids[1], s),  # k
            flagged[:, 0],  # acronym
            self._common_ids[np.where(n_common == size, 2, np.where(n_common == 0, 0, 1))],
            flagged[:, 1:4],  # digit, hyphen, org_head_inside
            flagged[:, 4:5],  # known_org
            self._conn(win, fwin, size) if longest > 2 else np.full(n, s),
            np.where(multi & (kind[w0] != 0) & (kind[wl] != 0), self._nfl[kind[w0], kind[wl], np.minimum(size, 3)], s),
            flagged[:, 5:7],  # lower_elsewhere, last_alone
            wg,
            np.where(one & in_inner_last, self._ilast[kind[w0]], s),
            self._gaz_ids[span_gaz, 0],
            flagged[:, 7],  # gaz_given
            t.one[l1, 1],
            t.one[l2, 2],
            conj_ids[2],  # L1f
            flagged[:, 8:10],  # mid, title_before
            t.one[r1, 3],
            t.one[r2, 4],
            conj_ids[3],  # lR1
            flagged[:, 10],  # next_lower
            np.where(flagged[:, 10] != s, t.one[wl, 6], s),
            flagged[:, 11],  # next_cap
            conj_ids[4],  # L1R1
            conj_ids[5],  # L1sh
            conj_ids[6],  # shR1
            self._run_ids[np.minimum(re_ - rs, 6), (i == rs).astype(np.intp), (j == re_).astype(np.intp)],
            np.where(ini, self._init_ids[np.minimum(size, 3)], s),
            np.where(ini & one, t.one[w0, 5], s),
            flagged[:, 12:],  # init_seen_mid, last_of_longer, first_of_longer
        ]
        out = np.column_stack(cols)
        if odd.any():  # a very long word or spelling, or a shape cut short: hashed from its strings
            ends = np.repeat(np.cumsum(lens), per_doc)
            self._redo(out, np.flatnonzero(odd), lows, words, it, jt, tok_off, ends)
        return out

    def _title_before(self, l1: np.ndarray, l2: np.ndarray, i: np.ndarray) -> np.ndarray:
        """A title or rank before the candidate ("General Kim", "Sgt. Ruiz"; ``i``: its first token)."""
        flags = self._table.flags
        title = (flags & TITLE) != 0
        return title[l1] | (((flags[l1] & DOT) != 0) & (i > 1) & title[l2])

    @staticmethod
    def _org_inside(fwin: np.ndarray, size: np.ndarray) -> np.ndarray:
        """An organisation head word before the last word ("Ministry of Defence")."""
        before_last = np.arange(fwin.shape[1])[None, :] < (size - 1)[:, None]
        return (size > 1) & (((fwin & ORG) != 0) & before_last).any(axis=1)

    def _conn(self, win: np.ndarray, fwin: np.ndarray, size: np.ndarray) -> np.ndarray:
        """The first connector inside a span of three words or more ("of" in "Bank of England")."""
        cols = np.arange(fwin.shape[1])[None, :]
        inner = ((fwin & CONN) != 0) & (cols >= 1) & (cols < (size - 1)[:, None])
        at = inner.argmax(axis=1)
        return np.where(inner.any(axis=1), self._table.one[win[np.arange(len(win)), at], 7], self.absent)
