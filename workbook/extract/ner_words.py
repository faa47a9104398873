"""The word table of the entity featurizer (:mod:`workbook.extract.ner_featurize`): a row per word seen, made
once (the ids of its one-word features, its word-list bits, its CRC pieces), and the gazetteer types of
words and spellings, remembered per gazetteer."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from itertools import repeat

import numpy as np

from workbook.extract.ner_crc import MAX_BYTES as _MAX_BYTES
from workbook.extract.ner_crc import crc as _crc
from workbook.extract.ner_crc import crc_cat
from workbook.extract.ner_features import (
    CONNECTORS,
    DEMONYMS,
    LOWER_CASE_PLACE_AFTER,
    MAX_SPAN,
    TITLE_WORDS,
    lower_case_name_word,
    shape_of,
)
from workbook.extract.vocabulary import (
    FACILITY_HEADS,
    GIVEN_NAMES,
    MONTHS,
    NEVER_NAME_START,
    ORG_HEADS,
    SURNAME_FIRST,
    WEEKDAYS,
)

__all__ = [
    "ACRONYM",
    "ALL_LOWER",
    "ALPHA_FIRST",
    "COL",
    "COLUMNS",
    "COMMON",
    "CONN",
    "DEMONYM",
    "DIGIT",
    "DIGITS_ONLY",
    "DOT",
    "GIVEN",
    "HYPHEN",
    "LOWER_ALPHA",
    "LOWER_FIRST",
    "LOWER_NAME",
    "NEVER_FIRST",
    "NULL",
    "ORG",
    "PLACE_AFTER",
    "POS",
    "SHAPE_CHARS",
    "SPELLING_LIMIT",
    "TAGGED",
    "TITLE",
    "UPPER",
    "UPPER_FIRST",
    "GazType",
    "WordTable",
]

GazType = Callable[[str], "str | None"]
SHAPE_CHARS = 24  # a span's shape is cut to this many characters

# bits of a word's flags
COMMON, TITLE, GIVEN, _SURFIRST, _NEVER, _DATE, ORG, _FAC, DEMONYM, CONN = (1 << k for k in range(10))
DIGIT, HYPHEN, ACRONYM, LOWER_ALPHA, UPPER_FIRST, LOWER_FIRST, DOT, ALL_LOWER = (1 << k for k in range(10, 18))
# bits the candidates read (:func:`~workbook.extract.ner_features.candidate_array`): a letter first, digits
# only, written in capitals (one letter too)
ALPHA_FIRST, DIGITS_ONLY, UPPER = (1 << k for k in range(18, 21))
#: a lower-case word that is a candidate when the gazetteer knows it as a place
#: (:func:`~workbook.extract.ner_features.lower_case_name_word`)
LOWER_NAME = 1 << 21
#: a word a lower-case place name follows (:data:`~workbook.extract.ner_features.LOWER_CASE_PLACE_AFTER`)
PLACE_AFTER = 1 << 22
#: a word that opens no name, in the flags
NEVER_FIRST = _NEVER | _DATE
_FIRST_FLAGS = (
    ("first_common", COMMON),
    ("title_first", TITLE),
    ("given", GIVEN),
    ("surname_first", _SURFIRST),
    ("never_start", _NEVER),
    ("date_word", _DATE),
)
_LAST_FLAGS = (("last_common", COMMON), ("org_head", ORG), ("fac_head", _FAC), ("demonym", DEMONYM))
_ONE = ("w", "L1", "L2", "R1", "R2", "init1", "next_lower", "conn")  # one-word features by column
# CRC32 pieces of each word, by column: the word, " word", "|word", "L1R1:word|", "L1f:word|",
# "lR1:word|", "L1sh:word|", its shape, " shape"
_PIECES = ("{}", " {}", "|{}", "L1R1:{}|", "L1f:{}|", "lR1:{}|", "L1sh:{}|")
#: prefix and value (0 word, 1 its first three letters, 2 last three, 3 last two, 4 last four, 5 shape) of
#: the CRCs made per new word: 15 features, then the pieces " word", "|word", "L1R1:word", "L1f:word",
#: "lR1:word", "L1sh:word" (then "|" is added to these four) and " shape"
TAGGED = (
    ("f:", 0),
    ("p3:", 1),
    ("fs3:", 2),
    ("l:", 0),
    ("s3:", 2),
    ("s2:", 3),
    ("s4:", 4),
    ("w:", 0),
    ("L1:", 0),
    ("L2:", 0),
    ("R1:", 0),
    ("R2:", 0),
    ("init1:", 0),
    ("next_lower:", 2),
    ("conn:", 0),
    (" ", 0),
    ("|", 0),
    ("L1R1:", 0),
    ("L1f:", 0),
    ("lR1:", 0),
    ("L1sh:", 0),
    (" ", 5),
)
_LONG_WORD = 200  # longer words (characters or bytes) are hashed from strings
#: columns of :meth:`Featurizer.matrix` made from CRC pieces (remade from strings in rare cases)
COL = {"sh": 2, "k": 27, "L1f": 48, "lR1": 53, "L1R1": 57, "L1sh": 58, "shR1": 59}
COLUMNS = 66  # columns of :meth:`Featurizer.matrix`
_WORD_LIMIT = 1 << 18  # distinct words remembered (about 50 MB) before a featurizer starts afresh
SPELLING_LIMIT = 1 << 18  # remembered gazetteer types of spellings of several words
_START, _STOP, NULL = 0, 1, 2
#: a random odd multiplier per word position: a spelling's identity is the mix of its words' values times these
POS = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93, 0xA0761D6478BD642F],
    dtype=np.uint64,
)[:MAX_SPAN]  # the table's rows for "before the text", "after the text" and "no word"


@lru_cache(maxsize=8)
def _list_bits(common: frozenset[str]) -> dict[str, int]:
    """The word-list bits of :func:`_flags` (bits 0-9) of every word on a list, by the word in lower case."""
    lists: tuple[frozenset[str], ...] = (common, TITLE_WORDS, GIVEN_NAMES, SURNAME_FIRST, NEVER_NAME_START)
    lists += (MONTHS | WEEKDAYS, ORG_HEADS, FACILITY_HEADS, DEMONYMS, CONNECTORS)
    bits: dict[str, int] = {}
    for k, words in enumerate(lists):
        for w in words:
            bits[w] = bits.get(w, 0) | 1 << k
    return bits


def _flags(texts: list[str], lows: list[str], common: frozenset[str]) -> np.ndarray:
    """The bits of words as written (``texts``) and in lower case (``lows``), one column of bits at a
    time (``map`` over the words: no Python step per word); the word lists' bits in one look-up."""
    m = len(texts)

    def col(values: Iterable[object]) -> np.ndarray:
        return np.fromiter(values, dtype=bool, count=m).astype(np.int64)

    heads = [t[:1] for t in texts]
    lower_first, upper_first = col(map(str.islower, heads)), col(map(str.isupper, heads))
    alpha, upper = col(map(str.isalpha, texts)), col(map(str.isupper, texts))
    # a digit anywhere (str.isdigit of each character); a word of letters only holds none
    digit = col(any(map(str.isdigit, w)) if not w.isalpha() else False for w in lows)
    long = col(map(int.__gt__, map(len, texts), repeat(1)))
    return (
        np.fromiter(map(_list_bits(common).get, lows, repeat(0)), dtype=np.int64, count=m)
        | digit << 10
        | col(map(str.__contains__, lows, repeat("-"))) << 11
        | (upper & long) << 12
        | (lower_first & alpha) << 13
        | upper_first << 14
        | lower_first << 15
        | col(map(".".__eq__, texts)) << 16
        | (lower_first & col(map(str.__eq__, texts, lows))) << 17
        | col(map(str.isalpha, heads)) << 18
        | col(map(str.isdigit, texts)) << 19
        | upper << 20
        | col(map(lower_case_name_word, texts)) << 21
        | col(map(LOWER_CASE_PLACE_AFTER.__contains__, lows)) << 22
    )


class _Table:
    """The words seen so far, a row each (rows 0-2 are the text's edges and "no word")."""

    def __init__(self, absent: int) -> None:
        self.index: dict[str, int] = {}
        self.text: list[str] = []
        self.low = np.zeros(0, dtype=np.uint64)  # CRC32 of the word in lower case (its identity)
        self.low_index: dict[str, int] = {}  # a number per word in lower case
        self.low_id = np.zeros(0, dtype=np.int64)  # ... of each row's word
        self.flags = np.zeros(0, dtype=np.int64)
        self.kind = np.zeros(0, dtype=np.intp)  # code of the name-list kind, 0 when none
        self.gaz = np.zeros(0, dtype=np.intp)  # code of the gazetteer type of the word alone, 0 when none
        self.gaz_known = np.zeros(0, dtype=bool)  # gaz looked up with the current gazetteer
        self.first = np.zeros((0, 3 + len(_FIRST_FLAGS) + 1), dtype=np.int64)  # ids of the first-word group
        self.last = np.zeros((0, 4 + len(_LAST_FLAGS) + 1), dtype=np.int64)  # ids of the last-word group
        self.one = np.zeros((0, len(_ONE)), dtype=np.int64)
        self.crc = np.zeros((0, len(_PIECES) + 2), dtype=np.uint32)  # _PIECES, then shape and " shape"
        self.blen = np.zeros(0, dtype=np.intp)  # bytes of the word in lower case
        self.slen = np.zeros(0, dtype=np.intp)  # bytes of its shape
        self.schars = np.zeros(0, dtype=np.intp)  # characters of its shape
        self.absent = absent

    def __len__(self) -> int:
        return len(self.text)

    def append(self, n0: int, **columns: np.ndarray) -> None:
        """Write rows from ``n0`` on, each column's room doubled when it is full (no copy per document)."""
        for name, values in columns.items():
            arr: np.ndarray = getattr(self, name)
            need = n0 + len(values)
            if len(arr) < need:
                grown = np.zeros((max(need, 2 * len(arr)), *arr.shape[1:]), dtype=arr.dtype)
                grown[:n0] = arr[:n0]
                arr = grown
                setattr(self, name, arr)
            arr[n0:need] = values

    def add_words(self, words: list[str], lows: list[str], **columns: np.ndarray) -> None:
        """Rows for new ``words`` (as written; ``lows``: in lower case): their places in ``index``, their
        text and ``columns``; no gazetteer type read yet."""
        n0 = len(self)
        m = len(words)
        self.index.update(zip(words, range(n0, n0 + m), strict=True))
        self.text += words
        low_index = self.low_index  # a number per new lower-case form, in the order they first appear
        fresh = [w for w in dict.fromkeys(lows) if w not in low_index]
        low_index.update(zip(fresh, range(len(low_index), len(low_index) + len(fresh)), strict=True))
        low_id = np.fromiter(map(low_index.__getitem__, lows), dtype=np.int64, count=m)
        self.append(n0, gaz=np.zeros(m, dtype=np.intp), gaz_known=np.zeros(m, dtype=bool), low_id=low_id, **columns)


class WordTable:
    """The word-table half of :class:`~workbook.extract.ner_featurize.Featurizer` (it sets the
    attributes these methods read: ``absent``, ``common``, ``names``, the id tables)."""

    bits: int
    absent: int
    common: frozenset[str]
    names: Mapping[str, str]
    _kinds: dict[str | None, int]
    _gaz_types: list[str | None]
    _gaz_ids: np.ndarray
    _gaz_owner: object
    _spelling_gaz: dict[int, int]
    _spellings: dict[int, int]
    _spelling_store: np.ndarray
    _spellings_stored: int
    _prefixes: np.ndarray
    _bar: np.uint32
    _nf: np.ndarray
    _nl: np.ndarray
    _table: _Table

    def _b(self, feature: str) -> int:
        raise NotImplementedError

    def _ids(self, crcs: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _new_table(self) -> _Table:
        t = _Table(self.absent)
        self._table = t
        self._spellings = {}  # keyed by rows of the table: the row of _spelling_store
        self._spelling_store = np.zeros((64, 5), dtype=np.int64)  # _chain's row of each spelling remembered
        self._spellings_stored = 0  # rows of the store in use
        self._add(["<s>", "</s>", ""])
        t.index.clear()  # the edges are no words of a text
        t.first[NULL] = t.last[NULL] = t.one[NULL] = self.absent
        t.flags[:3] = 0
        t.gaz_known[:3] = True
        return t

    def _gaz_code(self, g: str | None) -> int:
        if g not in self._gaz_types:
            self._gaz_types.append(g)
            row = [[self._b(f"gaz:{g}"), self._b(f"wg:{g}")]]
            self._gaz_ids = np.concatenate([self._gaz_ids, np.array(row, dtype=np.int64)])
        return self._gaz_types.index(g)

    def _add(self, words: list[str]) -> None:
        """Rows for new words (as written): their one-word feature ids and CRC pieces. Per word, only
        the CRCs of the word, its affixes and its shape are taken; every "tag:value" id and piece is
        then made from them in one vectorised pass (words too long for the CRC tables: from strings)."""
        if max(map(len, words), default=0) > _LONG_WORD // 4:  # a word of 50 characters has 200 bytes at most
            long = [w for w in words if len(w) > _LONG_WORD or len(w.encode("utf-8")) > _LONG_WORD]
            if long:
                self._add_from_strings(long)
                words = [w for w in words if not (len(w) > _LONG_WORD or len(w.encode("utf-8")) > _LONG_WORD)]
        if not words:
            return
        names, kinds = self.names, self._kinds
        lows = list(map(str.casefold, words))
        shapes = list(map(shape_of, words))
        m = len(words)
        c = np.empty((6, m), dtype=np.uint32)  # CRC32 of the word, p3, s3, s2, s4, shape
        n = np.empty((6, m), dtype=np.intp)  # ... and their bytes
        parts = (lows, [w[:3] for w in lows], [w[-3:] for w in lows], [w[-2:] for w in lows], [w[-4:] for w in lows])
        for k, values in enumerate((*parts, shapes)):
            encoded = list(map(str.encode, values))
            c[k] = np.fromiter(map(zlib.crc32, encoded), dtype=np.uint32, count=m)
            n[k] = np.fromiter(map(len, encoded), dtype=np.intp, count=m)
        use = np.array([v for _, v in TAGGED], dtype=np.intp)
        made = crc_cat(np.repeat(self._prefixes, m), c[use].ravel(), n[use].ravel()).reshape(len(TAGGED), m)
        bars = crc_cat(made[-5:-1].ravel(), np.full(4 * m, self._bar, dtype=np.uint32), np.ones(4 * m, dtype=np.intp))
        ids = self._ids(made[: len(TAGGED) - 7])  # "tag:value" features, by TAGGED
        fl = _flags(words, lows, self.common)
        kd = np.fromiter(map(kinds.get, map(names.get, lows), repeat(0)), dtype=np.intp, count=m)
        s = self.absent
        on = [np.where(fl & bit, self._b(tag), s) for tag, bit in (*_FIRST_FLAGS, *_LAST_FLAGS)]
        first = np.column_stack([ids[0], ids[1], ids[2], *on[:6], self._nf[kd]])
        last = np.column_stack([ids[3], ids[4], ids[5], ids[6], *on[6:], self._nl[kd]])
        one = ids[7:15].T
        pieces = np.column_stack([c[0], made[-7], made[-6], bars.reshape(4, m).T, c[5], made[-1]])
        t = self._table
        t.add_words(
            words,
            lows,
            low=c[0].astype(np.uint64),
            flags=fl,
            kind=kd,
            first=first,
            last=last,
            one=one,
            crc=pieces,
            blen=n[0].astype(np.intp),
            slen=n[5].astype(np.intp),
            schars=np.fromiter(map(len, shapes), dtype=np.intp, count=m),
        )

    def _add_from_strings(self, words: list[str]) -> None:
        """Rows for new words (as written), each feature id hashed from its string (words too long for the tables)."""
        t = self._table
        names, b, kinds = self.names, self._b, self._kinds
        lows = [w.casefold() for w in words]
        flags = _flags(words, lows, self.common)
        first, last, one, pieces, kind, blen, slen, schars = [], [], [], [], [], [], [], []
        for text, f in zip(words, flags.tolist(), strict=True):
            w = text.casefold()
            shape = shape_of(text)
            k = names.get(w)
            kind.append(kinds.get(k, 0))
            first.append([b(f"f:{w}"), b(f"p3:{w[:3]}"), b(f"fs3:{w[-3:]}")])
            first[-1] += [b(tag) if f & bit else self.absent for tag, bit in _FIRST_FLAGS]
            first[-1].append(self.absent if k is None else b(f"nf:{k}"))
            last.append([b(f"l:{w}"), b(f"s3:{w[-3:]}"), b(f"s2:{w[-2:]}"), b(f"s4:{w[-4:]}")])
            last[-1] += [b(tag) if f & bit else self.absent for tag, bit in _LAST_FLAGS]
            last[-1].append(self.absent if k is None else b(f"nl:{k}"))
            one.append([b(f"{tag}:{w[-3:] if tag == 'next_lower' else w}") for tag in _ONE])
            pieces.append([_crc(p.format(w)) for p in _PIECES] + [_crc(shape), _crc(" " + shape)])
            blen.append(len(w.encode("utf-8")))
            slen.append(len(shape.encode("utf-8")))
            schars.append(len(shape))
        t.add_words(
            words,
            lows,
            low=np.array([p[0] for p in pieces], dtype=np.uint64),
            flags=flags,
            kind=np.array(kind, dtype=np.intp),
            first=np.array(first, dtype=np.int64),
            last=np.array(last, dtype=np.int64),
            one=np.array(one, dtype=np.int64),
            crc=np.array(pieces, dtype=np.uint32),
            blen=np.array(blen, dtype=np.intp),
            slen=np.array(slen, dtype=np.intp),
            schars=np.array(schars, dtype=np.intp),
        )

    def _rows(self, words: list[str], lens: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The table rows of the tokens of a batch of documents (``words``, ``lens`` of them per
        document), each document's with two rows of text edge either side: no word sees another
        document (``at``: each token's place among them); and the tokens' rows alone."""
        index = self._table.index
        known = np.fromiter(map(index.get, words, repeat(-1)), dtype=np.int64, count=len(words))  # -1: a new word
        new_at = np.flatnonzero(known < 0)
        if len(new_at):  # new words: their rows first, in the order they first appear
            new = list(dict.fromkeys(map(words.__getitem__, new_at.tolist())))
            if len(self._table) + len(new) > _WORD_LIMIT and len(self._table) > NULL + 1:
                self._new_table()  # full: start afresh with every word of the batch
                self._add(list(dict.fromkeys(words)))
                index = self._table.index
                known = np.fromiter(map(index.__getitem__, words), dtype=np.int64, count=len(words))
            else:
                self._add(new)
                made = map(index.__getitem__, map(words.__getitem__, new_at.tolist()))
                known[new_at] = np.fromiter(made, dtype=np.int64, count=len(new_at))
        out = np.full(len(words) + 4 * len(lens), _START, dtype=np.int64)
        ends = np.cumsum(lens + 4)  # the last two rows of each document's are the text's end
        out[ends - 1] = _STOP
        out[ends - 2] = _STOP
        out[at] = known
        return out, known

    def _redo(
        self,
        out: np.ndarray,
        at: np.ndarray,
        lows: list[str],
        txt: list[str],
        it: np.ndarray,
        jt: np.ndarray,
        first: np.ndarray,
        ends: np.ndarray,
    ) -> None:
        """The string-made ids of the columns the featurizer's ``matrix`` makes from CRC pieces, for rows ``at``
        (tokens ``it``-``jt`` of the batch's lists; each document's tokens from ``first`` to ``ends``)."""
        b = self._b
        for k in at.tolist():
            i, j, n0, n = int(it[k]), int(jt[k]), int(first[k]), int(ends[k])
            shape = " ".join([shape_of(x) for x in txt[i:j]])[:SHAPE_CHARS]
            l1 = lows[i - 1] if i > n0 else "<s>"
            r1 = lows[j] if j < n else "</s>"
            out[k, COL["sh"]] = b(f"sh:{shape}")
            out[k, COL["k"]] = b(f"k:{' '.join(lows[i:j])}") if j - i <= 3 else self.absent
            out[k, COL["L1f"]] = b(f"L1f:{l1}|{lows[i]}")
            out[k, COL["lR1"]] = b(f"lR1:{lows[j - 1]}|{r1}")
            out[k, COL["L1R1"]] = b(f"L1R1:{l1}|{r1}")
            out[k, COL["L1sh"]] = b(f"L1sh:{l1}|{shape}")
            out[k, COL["shR1"]] = b(f"shR1:{shape}|{r1}")

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
        odd = (both_len[:m] > _MAX_BYTES) | (sh_chars > SHAPE_CHARS) | (blen[win].max(axis=1) >= _MAX_BYTES - 1)
        lens = np.minimum(both_len, _MAX_BYTES)
        return np.column_stack([both[:m], lens[:m], both[m:], lens[m:], odd])

    def _check_gazetteer(self, gaz_type: GazType) -> None:
        if gaz_type != self._gaz_owner:  # a bound method of one gazetteer compares equal across documents
            t = self._table
            t.gaz_known[3:] = False
            t.gaz[3:] = 0
            self._spelling_gaz.clear()
            self._gaz_owner = gaz_type

    def _word_gaz(self, rows: np.ndarray, gaz_type: GazType) -> None:
        """Look up (once per word and gazetteer) the gazetteer type of the words in ``rows``."""
        t = self._table
        todo = np.unique(rows[~t.gaz_known[rows]])
        for r in todo.tolist():
            t.gaz[r] = self._gaz_code(gaz_type(t.text[r]))
        t.gaz_known[todo] = True

    def _span_gaz(
        self, keys: np.ndarray, firsts: np.ndarray, ends: np.ndarray, txt: list[str], gaz_type: GazType
    ) -> np.ndarray:
        """The gazetteer type code of spans of several words (tokens ``firsts`` to ``ends`` of ``txt``),
        looked up once per spelling and gazetteer: only a spelling not met before is joined and looked up."""
        if len(self._spelling_gaz) > SPELLING_LIMIT:
            self._spelling_gaz.clear()
        memo = self._spelling_gaz
        codes = np.fromiter(map(memo.get, keys.tolist(), repeat(-1)), dtype=np.intp, count=len(keys))
        for k in np.flatnonzero(codes < 0).tolist():
            h = int(keys[k])
            code = memo.get(h)  # met earlier in this batch
            if code is None:
                code = memo[h] = self._gaz_code(gaz_type(" ".join(txt[int(firsts[k]) : int(ends[k])])))
            codes[k] = code
        return codes

    def _spelling_pieces(self, as_written: np.ndarray, win: np.ndarray, size: np.ndarray) -> np.ndarray:
        """:meth:`_chain`'s row of each candidate (its identity as written ``as_written``, its words' rows
        ``win``, ``size`` words), made once per spelling: the spellings met are rows of a store, found by
        their identity."""
        memo = self._spellings
        n = len(as_written)
        got = np.fromiter(map(memo.get, as_written.tolist(), repeat(-1)), dtype=np.int64, count=n)
        pieces = self._spelling_store[np.maximum(got, 0)]
        at = np.flatnonzero(got < 0)
        if len(at):
            made = self._chain(win[at], size[at])
            pieces[at] = made
            if self._spellings_stored + len(at) > SPELLING_LIMIT:
                memo.clear()
                self._spellings_stored = 0
            base = self._spellings_stored  # the store's rows from here on are free
            self._spellings_stored += len(at)
            rows = range(base, base + len(at))
            store = self._spelling_store
            if len(store) < base + len(at):
                grown = np.zeros((max(base + len(at), 2 * len(store)), store.shape[1]), dtype=np.int64)
                grown[:base] = store[:base]
                self._spelling_store = store = grown
            store[base : base + len(at)] = made
            memo.update(zip(as_written[at].tolist(), rows, strict=True))
        return pieces
