"""Trial (speed round seven): the entity classifier's features as integer ids made once per distinct
word and gathered per candidate with numpy, measured against the package's featurizer
(``workbook/extract/ner_featurize.py``) by ``benchmarks/vector_features_trial.py``; not used by the
package (per document it is slower: see RESULTS.md, "Speed round seven").

A candidate's features (see :mod:`workbook.extract.ner_features` for what they describe) are those of
its first word, its last word, each word inside it, the words around it, the span as a whole
(length, shape, spelling, gazetteer) and the document (the word seen mid-sentence, in lower case,
alone, inside a longer name). A feature is a string such as ``"f:kim"`` or ``"L1R1:in|city"``; its id
is the CRC32 of the string's UTF-8 bytes masked to ``bits`` (``workbook.extract.ner_featurize.bucket``).

:class:`VectorFeaturizer` keeps a table of the words it has seen (``benchmarks/vector_words.py``: a
row per distinct spelling as written, with the ids of its one-word features, a bit per word list, and
the CRC32 pieces its conjunctions are made of), so a document costs one dictionary look-up per
token, then numpy gathers over the document's candidates. The ids of conjunctions and of whole
spellings ("k:kim jong un", "sh:Xx Xx", "L1R1:in|city") are made without their strings: CRC32 is
linear, so the CRC of ``a + b`` is the CRC of ``a`` advanced over ``len(b)`` zero bytes, XOR the CRC
of ``b`` (``crc_cat``, vectorised with tables, ``benchmarks/vector_crc.py``). No string is made or
hashed per candidate; the ids are those of the package's feature strings, so the shipped weights
score them unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress

import numpy as np

from benchmarks.vector_crc import MAX_BYTES as _MAX_BYTES
from benchmarks.vector_crc import crc as _crc
from benchmarks.vector_crc import crc_cat
from benchmarks.vector_crc import fmix as _fmix
from benchmarks.vector_words import (
    _ACRONYM,
    _ALL_LOWER,
    _COL,
    _COMMON,
    _CONN,
    _DIGIT,
    _DOT,
    _GIVEN,
    _HYPHEN,
    _LOWER_ALPHA,
    _LOWER_FIRST,
    _NULL,
    _ORG,
    _POS,
    _SHAPE_CHARS,
    _SPELLING_LIMIT,
    _TAGGED,
    _TITLE,
    _UPPER_FIRST,
    COLUMNS,
    WordTable,
    _GazType,
)
from workbook.extract.ner_features import MAX_SPAN, Tokens, shape_of
from workbook.extract.ner_featurize import bucket
from workbook.extract.vocabulary import KNOWN_ORGS

__all__ = ["COLUMNS", "VectorFeaturizer"]


class VectorFeaturizer(WordTable):
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
        self._gaz_owner: object = None
        self._spelling_gaz: dict[int, int] = {}
        self._spellings: dict[int, tuple[int, ...]] = {}  # by the rows of its words: _chain
        self._known_orgs = {self._spelling_hash(k.split()) for k in KNOWN_ORGS}
        self._flag_ids = np.array(
            [
                b(f)
                for f in [
                    "acronym",
                    "digit",
                    "hyphen",
                    "org_head_inside",
                    "known_org",
                    "lower_elsewhere",
                    "last_alone",
                    "gaz_given",
                    "mid",
                    "title_before",
                    "next_lower",
                    "next_cap",
                    "init_seen_mid",
                    "last_of_longer",
                    "first_of_longer",
                ]
            ],
            dtype=np.int64,
        )
        self._common_ids = np.array([b(f"common:{v}") for v in ("none", "some", "all")], dtype=np.int64)
        self._n_ids = np.array([b(f"n:{k}") for k in range(6)], dtype=np.int64)
        self._init_ids = np.array([b(f"init:{k}") for k in range(4)], dtype=np.int64)
        self._crc = {p: np.uint32(_crc(p)) for p in ("k:", "sh:", "shR1:")}
        self._prefixes = np.array([_crc(p) for p, _ in _TAGGED], dtype=np.uint32)
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
        return int(_fmix(np.atleast_1d((h * _POS[: len(h)]).sum(dtype=np.uint64) + np.uint64(len(h))))[0])

    def matrix(self, toks: Tokens, cands: np.ndarray, gaz_type: _GazType) -> tuple[np.ndarray, np.ndarray]:
        """Feature ids ``(n, columns)`` of the candidates ``cands`` (an ``(n, 6)`` array of
        :class:`~workbook.extract.ner_features.Candidate` fields; an absent feature is
        :attr:`absent`) and the identity of each one's spelling (its words in lower case)."""
        rows = self._rows(toks.text)
        n = len(cands)
        if n == 0:
            return np.zeros((0, COLUMNS), dtype=np.int64), np.zeros(0, dtype=np.uint64)
        self._check_gazetteer(gaz_type)
        t = self._table
        s = self.absent
        i, j, rs, re_ = cands[:, 0], cands[:, 1], cands[:, 2], cands[:, 3]
        size = j - i
        longest = int(size.max())
        one, multi = size == 1, size > 1
        # the words of each candidate, "no word" past its end (positions are offset by the two edge rows)
        pos = i[:, None] + np.arange(2, 2 + longest)
        win = np.where(pos < (j + 2)[:, None], rows[np.minimum(pos, len(rows) - 1)], _NULL)
        if not t.gaz_known[win].all():
            self._word_gaz(win.ravel(), gaz_type)
        w0, wl, l1, l2, r1, r2 = (rows[x] for x in (i + 2, j + 1, i + 1, i, j + 2, j + 3))
        flags, crc, blen = t.flags, t.crc, t.blen
        # spelling ("k:kim jong un") and shape ("Xx Xx Xx") as CRC pieces, once per spelling as written
        pos_mult = _POS[:longest]
        as_written = _fmix((win.astype(np.uint64) * pos_mult).sum(axis=1, dtype=np.uint64) + size.astype(np.uint64))
        memo = self._spellings
        got = list(map(memo.get, as_written.tolist()))
        if None in got:
            at = np.flatnonzero(np.fromiter((g is None for g in got), dtype=bool, count=n))
            made = self._chain(win[at], size[at]).tolist()
            if len(memo) + len(at) > _SPELLING_LIMIT:
                memo.clear()
            for k, h, row in zip(at.tolist(), as_written[at].tolist(), made, strict=True):
                got[k] = memo[h] = tuple(row)
        pieces = np.array(got, dtype=np.int64)
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
        n_common = ((fwin & _COMMON) != 0).sum(axis=1)
        # the document: capitalised words seen mid-sentence, words written in lower case, runs
        tok_low = low[rows[2:-2]].tolist()
        initial = toks.initial
        mid_words = {w for w, cap, ini in zip(tok_low, toks.cap, initial, strict=True) if cap and not ini}
        lower_words = set(compress(tok_low, (flags[rows[2:-2]] & _ALL_LOWER).tolist()))  # written so, in lower case
        inner_last: set[int] = set()
        inner_first: set[int] = set()
        alone: set[int] = set()
        for a_, b_ in set(zip(rs.tolist(), re_.tolist(), strict=True)):
            if b_ - a_ >= 2:
                inner_last.add(tok_low[b_ - 1])
                if not initial[a_]:
                    inner_first.add(tok_low[a_])
            else:
                alone.add(tok_low[a_])
        low0 = low[w0].tolist()

        def member(words: list[int], pool: set[int]) -> np.ndarray:
            return np.fromiter(map(pool.__contains__, words), dtype=bool, count=n)

        ini = np.array(initial, dtype=bool)[i]
        seen_mid = member(low0, mid_words)
        in_inner_last = member(low0, inner_last)
        one_run = one & (re_ - rs == 1)
        span_gaz = t.gaz[w0].copy()
        if multi.any():
            at = np.flatnonzero(multi)
            spans = list(zip(i[at].tolist(), j[at].tolist(), strict=True))
            span_gaz[at] = self._span_gaz(key[at], spans, toks.text, gaz_type)
        kind = t.kind
        wide = np.full((n, MAX_SPAN), s, dtype=np.int64)  # each word; the gazetteer type of each word
        wide[:, :longest] = t.one[win, 0]
        wg = np.full((n, MAX_SPAN), s, dtype=np.int64)
        wg[:, :longest] = np.where(multi[:, None], self._gaz_ids[t.gaz[win], 1], s)
        b = self._b
        flagged = np.column_stack(  # features present or absent by a condition
            [
                one & ((flags[w0] & _ACRONYM) != 0),
                (f_any & _DIGIT) != 0,
                (f_any & _HYPHEN) != 0,
                self._org_inside(fwin, size) if multi.any() else np.zeros(n, dtype=bool),
                member(key.tolist(), self._known_orgs),
                one & (member(low0, lower_words) | ((flags[w0] & _LOWER_FIRST) != 0)),
                multi & member(low[wl].tolist(), alone),
                (span_gaz != 0) & ((flags[w0] & _GIVEN) != 0),
                ~ini & seen_mid,
                self._title_before(l1, l2, i),
                (flags[r1] & _LOWER_ALPHA) != 0,
                (flags[r1] & _UPPER_FIRST) != 0,
                ini & one & seen_mid,
                one_run & in_inner_last,
                one_run & member(low0, inner_first),
            ]
        )
        flagged = np.where(flagged, self._flag_ids, s)
        cols = [
            np.full(n, b("bias")),
            self._n_ids[np.minimum(size, 5)],
            conj_ids[0],  # sh
            t.first[w0],
            t.last[wl],
            wide,
            np.where(size <= 3, conj_ids[1], s),  # k
            self._common_ids[np.where(n_common == size, 2, np.where(n_common == 0, 0, 1))],
            flagged[:, :4],  # acronym, digit, hyphen, org_head_inside
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
            self._redo(out, np.flatnonzero(odd), toks, cands)
        return out, key

    def _redo(self, out: np.ndarray, at: np.ndarray, toks: Tokens, cands: np.ndarray) -> None:
        """The string-made ids of the columns :meth:`matrix` makes from CRC pieces, for rows ``at``."""
        lows, txt, n = toks.lower, toks.text, len(toks)
        b = self._b
        for k in at.tolist():
            i, j = int(cands[k, 0]), int(cands[k, 1])
            shape = " ".join([shape_of(x) for x in txt[i:j]])[:_SHAPE_CHARS]
            l1 = lows[i - 1] if i > 0 else "<s>"
            r1 = lows[j] if j < n else "</s>"
            out[k, _COL["sh"]] = b(f"sh:{shape}")
            out[k, _COL["k"]] = b(f"k:{' '.join(lows[i:j])}") if j - i <= 3 else self.absent
            out[k, _COL["L1f"]] = b(f"L1f:{l1}|{lows[i]}")
            out[k, _COL["lR1"]] = b(f"lR1:{lows[j - 1]}|{r1}")
            out[k, _COL["L1R1"]] = b(f"L1R1:{l1}|{r1}")
            out[k, _COL["L1sh"]] = b(f"L1sh:{l1}|{shape}")
            out[k, _COL["shR1"]] = b(f"shR1:{shape}|{r1}")

    def _chain(self, win: np.ndarray, size: np.ndarray) -> np.ndarray:
        """Per spelling (its words' rows ``win``): CRC and length of its words joined by spaces, the same
        of its shape, and whether it must be hashed from strings (too long, or a shape cut short)."""
        t = self._table
        crc, blen, w0 = t.crc, t.blen, win[:, 0]
        m = len(win)
        both = np.concatenate([crc[w0, 0], crc[w0, 7]])
        both_len = np.concatenate([blen[w0], t.slen[w0]])
        sh_chars = t.schars[w0].copy()
        for k in range(1, win.shape[1]):
            wk = win[:, k]
            more = np.tile(k < size, 2)
            piece_len = np.concatenate([blen[wk], t.slen[wk]]) + 1
            grown = crc_cat(both, np.concatenate([crc[wk, 1], crc[wk, 8]]), np.minimum(piece_len, _MAX_BYTES))
            both = np.where(more, grown, both)
            both_len += np.where(more, piece_len, 0)
            sh_chars += np.where(k < size, t.schars[wk] + 1, 0)
        odd = (both_len[:m] > _MAX_BYTES) | (sh_chars > _SHAPE_CHARS) | (blen[win].max(axis=1) >= _MAX_BYTES - 1)
        lens = np.minimum(both_len, _MAX_BYTES)
        return np.column_stack([both[:m], lens[:m], both[m:], lens[m:], odd])

    def _title_before(self, l1: np.ndarray, l2: np.ndarray, i: np.ndarray) -> np.ndarray:
        """A title or rank before the candidate ("General Kim", "Sgt. Ruiz")."""
        flags = self._table.flags
        title = (flags & _TITLE) != 0
        return title[l1] | (((flags[l1] & _DOT) != 0) & (i > 1) & title[l2])

    @staticmethod
    def _org_inside(fwin: np.ndarray, size: np.ndarray) -> np.ndarray:
        """An organisation head word before the last word ("Ministry of Defence")."""
        before_last = np.arange(fwin.shape[1])[None, :] < (size - 1)[:, None]
        return (size > 1) & (((fwin & _ORG) != 0) & before_last).any(axis=1)

    def _conn(self, win: np.ndarray, fwin: np.ndarray, size: np.ndarray) -> np.ndarray:
        """The first connector inside a span of three words or more ("of" in "Bank of England")."""
        cols = np.arange(fwin.shape[1])[None, :]
        inner = ((fwin & _CONN) != 0) & (cols >= 1) & (cols < (size - 1)[:, None])
        at = inner.argmax(axis=1)
        return np.where(inner.any(axis=1), self._table.one[win[np.arange(len(win)), at], 7], self.absent)
