"""The entity classifier's features as strings, the way the package made them before speed round eight:
the reference the package's id featurizer (:mod:`workbook.extract.ner_featurize`) is tested against
(each candidate's ids must be the buckets of these strings, in this order). Test code only.

A candidate's features fall in groups: those of its first word, of its last word, of each word inside
it, of the words around it, conjunctions of two of these, and a few that look at the span as a whole
or at the document (:class:`DocContext`). Each group of a word is built once and kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import and_, itemgetter, not_
from typing import Generic, TypeVar

from workbook.extract.ner_features import (
    CONNECTORS,
    DEMONYMS,
    TITLE_WORDS,
    Candidate,
    Tokens,
    shape_of,
)
from workbook.extract.vocabulary import (
    FACILITY_HEADS,
    GIVEN_NAMES,
    KNOWN_ORGS,
    MONTHS,
    NEVER_NAME_START,
    ORG_HEADS,
    SURNAME_FIRST,
    WEEKDAYS,
)

__all__ = ["DocContext", "Featurizer", "doc_context", "featurize"]

F = TypeVar("F", int, str)
_CACHE_LIMIT = 1 << 17  # remembered spellings and conjunctions (about 40 MB) before a featurizer starts afresh
#: remembered context and document rows (_left, _right, _own; about 15 MB; KCNA 2024 needs about 48k)
_CONTEXT_CACHE_LIMIT = 1 << 16


@dataclass(frozen=True)
class DocContext:
    """What the rest of the document says about words."""

    lower_words: frozenset[str]  # words written in lower case
    mid_sentence: frozenset[str]  # capitalised words seen not opening a sentence
    inner_last: frozenset[str]  # last words of longer runs
    inner_first: frozenset[str]  # first words of longer runs
    alone: frozenset[str]  # words that make a one-word run by themselves ("Smith said")


def doc_context(text: str, toks: Tokens, cands: Sequence[Candidate]) -> DocContext:
    txt, lows, initial = toks.text, toks.lower, toks.initial
    lower = frozenset(compress(txt, map(str.islower, map(itemgetter(slice(0, 1)), txt))))
    mid = frozenset(compress(lows, map(and_, toks.cap, map(not_, initial))))
    runs = {(c.run_start, c.run_end) for c in cands}
    last = frozenset([lows[b - 1] for a, b in runs if b - a >= 2])
    first = frozenset([lows[a] for a, b in runs if b - a >= 2 and not initial[a]])
    alone = frozenset([lows[a] for a, b in runs if b - a == 1])
    return DocContext(lower, mid, last, first, alone)


class Featurizer(Generic[F]):
    """Features of candidates, each passed through ``intern`` (a string → bucket id, or the string
    itself); per-word groups and conjunctions are built once and remembered. ``common`` and
    ``names`` as in :func:`featurize`."""

    def __init__(
        self, intern: Callable[[str], F], common: frozenset[str] = frozenset(), names: Mapping[str, str] | None = None
    ) -> None:
        self._intern: Callable[[str], F] = intern
        self.common = common
        self.names: Mapping[str, str] = names or {}
        self._first: dict[str, list[F]] = {}
        self._last: dict[str, list[F]] = {}
        self._one: dict[tuple[str, str], F] = {}
        self._two: dict[tuple[str, str, str], F] = {}
        self._consts: dict[str, F] = {}  # not ``_const``: compiled (mypyc), that is C's ``__const``
        self._spans: dict[tuple[str, ...], tuple[list[F], str, str]] = {}
        self._owns: dict[tuple[tuple[str, ...], tuple[bool, bool, bool]], list[F]] = {}  # _own, same gazetteer
        self._owns_gaz: object = None  # the gaz_type _owns was built with
        self._lefts: dict[tuple[str, str, str, bool], list[F]] = {}  # _left by its words and "mid"
        self._rights: dict[tuple[str, str, str], list[F]] = {}  # _right by its words
        self._runs: dict[tuple[int, bool, bool], F] = {  # run length, starts it, ends it
            (k, a, b): self._intern(f"run:{k}:{int(a)}{int(b)}")
            for k in range(1, 7)
            for a in (False, True)
            for b in (False, True)
        }

    def __getstate__(self) -> dict[str, object]:
        """Pickled without what it remembered: a worker process starts with empty caches."""
        return {"intern": self._intern, "common": self.common, "names": self.names}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["intern"], state["common"], state["names"])  # type: ignore[misc]

    def _c(self, feature: str) -> F:
        out = self._consts.get(feature)
        if out is None:
            out = self._consts[feature] = self._intern(feature)
        return out

    def _o(self, tag: str, value: str) -> F:
        key = (tag, value)
        out = self._one.get(key)
        if out is None:
            out = self._one[key] = self._intern(f"{tag}:{value}")
        return out

    def _t(self, tag: str, a: str, b: str) -> F:
        key = (tag, a, b)
        out = self._two.get(key)
        if out is None:
            out = self._two[key] = self._intern(f"{tag}:{a}|{b}")
        return out

    def _first_group(self, w: str) -> list[F]:
        f = [f"f:{w}", f"p3:{w[:3]}", f"fs3:{w[-3:]}"]
        if w in self.common:
            f.append("first_common")
        if w in TITLE_WORDS:
            f.append("title_first")
        if w in GIVEN_NAMES:
            f.append("given")
        if w in SURNAME_FIRST:
            f.append("surname_first")
        if w in NEVER_NAME_START:
            f.append("never_start")
        if w in MONTHS or w in WEEKDAYS:
            f.append("date_word")
        kind = self.names.get(w)
        if kind is not None:
            f.append(f"nf:{kind}")
        return [self._intern(s) for s in f]

    def _last_group(self, w: str) -> list[F]:
        f = [f"l:{w}", f"s3:{w[-3:]}", f"s2:{w[-2:]}", f"s4:{w[-4:]}"]
        if w in self.common:
            f.append("last_common")
        if w in ORG_HEADS:
            f.append("org_head")
        if w in FACILITY_HEADS:
            f.append("fac_head")
        if w in DEMONYMS:
            f.append("demonym")
        kind = self.names.get(w)
        if kind is not None:
            f.append(f"nl:{kind}")
        return [self._intern(s) for s in f]

    def _clear_if_full(self) -> None:
        if len(self._one) + len(self._two) + len(self._spans) > _CACHE_LIMIT:
            self._first.clear()
            self._last.clear()
            self._one.clear()
            self._two.clear()
            self._spans.clear()
        # the context and spelling rows hold ids, not references to the caches above: cleared on their own
        if len(self._lefts) + len(self._rights) + len(self._owns) > _CONTEXT_CACHE_LIMIT:
            self._lefts.clear()
            self._rights.clear()
            self._owns.clear()

    def rows(
        self,
        toks: Tokens,
        cands: Sequence[Candidate],
        ctx: DocContext,
        gaz_type: Callable[[str], str | None],
    ) -> list[list[F]]:
        """The features of each candidate (see :mod:`workbook.extract.ner_features`)."""
        self._clear_if_full()
        c_, t_ = self._c, self._t
        lows, txt, initial = toks.lower, toks.text, toks.initial
        spans: dict[tuple[str, ...], tuple[list[F], str]] = {}  # a spelling's own features, once per document
        lefts: dict[int, list[F]] = {}  # what stands before a candidate starting at token i, once per i
        rights: dict[int, list[F]] = {}  # what follows a candidate ending before token j, once per j
        word_gaz: dict[str, str | None] = {}  # gazetteer type of each word, looked up once per document
        n = len(toks)
        runs = self._runs
        out: list[list[F]] = []
        two = self._two
        mid, inner_last, inner_first = ctx.mid_sentence, ctx.inner_last, ctx.inner_first
        for i, j, run_start, run_end, _, _ in cands:
            texts = tuple(txt[i:j])
            own: tuple[list[F], str] | None = spans.get(texts)
            if own is None:
                own = self._own(texts, lows[i:j], ctx, gaz_type, word_gaz)
                spans[texts] = own
            left: list[F] | None = lefts.get(i)
            if left is None:
                left = self._left(lows, i, initial[i], ctx)
                lefts[i] = left
            right: list[F] | None = rights.get(j)
            if right is None:
                right = self._right(lows, txt, j)
                rights[j] = right
            own_ids, shape = own
            l1 = lows[i - 1] if i > 0 else "<s>"
            r1 = lows[j] if j < n else "</s>"
            # the three conjunctions, looked up inline (_t when new)
            lr = two.get(("L1R1", l1, r1))
            if lr is None:
                lr = t_("L1R1", l1, r1)
            ls = two.get(("L1sh", l1, shape))
            if ls is None:
                ls = t_("L1sh", l1, shape)
            sr = two.get(("shR1", shape, r1))
            if sr is None:
                sr = t_("shR1", shape, r1)
            row: list[F] = own_ids + left
            row += right
            row += [lr, ls, sr, runs[(min(run_end - run_start, 6), i == run_start, j == run_end)]]
            if initial[i]:
                row.append(c_(f"init:{min(j - i, 3)}"))
                if j - i == 1:
                    row.append(self._o("init1", lows[i]))
                    if lows[i] in mid:
                        row.append(c_("init_seen_mid"))
            if j - i == 1 and run_end - run_start == 1:
                if lows[i] in inner_last:
                    row.append(c_("last_of_longer"))
                if lows[i] in inner_first:
                    row.append(c_("first_of_longer"))
            out.append(row)
        return out

    def _left(self, lows: Sequence[str], i: int, initial: bool, ctx: DocContext) -> list[F]:
        """The features of the words before token ``i`` (and their conjunction with it); they depend
        only on those words and on "mid", so they are built once per such key."""
        w0 = lows[i]
        l1 = lows[i - 1] if i > 0 else "<s>"
        l2 = lows[i - 2] if i > 1 else "<s>"  # "<s>" is no token: the key holds i > 1
        mid = not initial and w0 in ctx.mid_sentence
        key = (w0, l1, l2, mid)
        row = self._lefts.get(key)
        if row is not None:
            return row
        row = [self._o("L1", l1), self._o("L2", l2), self._t("L1f", l1, w0)]
        if mid:
            row.append(self._c("mid"))
        if l1 in TITLE_WORDS or (l1 == "." and i > 1 and l2 in TITLE_WORDS):
            row.append(self._c("title_before"))
        self._lefts[key] = row
        return row

    def _right(self, lows: Sequence[str], txt: Sequence[str], j: int) -> list[F]:
        """The features of the words from token ``j`` on (and their conjunction with token ``j - 1``)."""
        n = len(lows)
        wl = lows[j - 1]
        r2 = lows[j + 1] if j + 1 < n else "</s>"
        nxt = txt[j] if j < n else ""
        key = (wl, nxt, r2)  # r1 is nxt in lower case ("</s>" when nxt is "")
        cached = self._rights.get(key)
        if cached is not None:
            return cached
        r1 = lows[j] if j < n else "</s>"
        row = [self._o("R1", r1), self._o("R2", r2), self._t("lR1", wl, r1)]
        self._rights[key] = row
        if nxt[:1].islower() and nxt.isalpha():
            row.append(self._c("next_lower"))  # "North Korean leaders": a modifier, often no name
            row.append(self._o("next_lower", wl[-3:]))
        elif nxt[:1].isupper():
            row.append(self._c("next_cap"))
        return row

    def _own(
        self,
        texts: tuple[str, ...],
        words: list[str],
        ctx: DocContext,
        gaz_type: Callable[[str], str | None],
        word_gaz: dict[str, str | None],
    ) -> tuple[list[F], str]:
        """The features of a spelling wherever it stands in the document, and its shape. They depend
        on the spelling, three facts about the document and the gazetteer: with the same ``gaz_type``
        as the previous document (a bound method such as ``Gazetteer.type_of`` compares equal), a
        spelling seen before with the same facts reuses its features."""
        c_, o_ = self._c, self._o
        fixed = self._spans.get(texts)
        if fixed is None:
            fixed = self._spans[texts] = self._spelling(texts, words)
        ids, shape, key = fixed
        size = len(words)
        w0, wl = words[0], words[-1]
        lower = ctx.lower_words
        if size == 1:
            facts = (texts[0] in lower or w0 in lower, False, w0 in ctx.inner_last)
        else:
            facts = (key in lower, wl in ctx.alone, False)
        if gaz_type != self._owns_gaz:
            self._owns.clear()
            self._owns_gaz = gaz_type
        memo_key = (texts, facts)
        known = self._owns.get(memo_key)
        if known is not None:
            return known, shape
        row = list(ids)
        if facts[0]:
            row.append(c_("lower_elsewhere"))
        if size > 1:
            if facts[1]:
                row.append(c_("last_alone"))  # "John Smith ... Smith said"
            for t in texts:
                wg = word_gaz[t] if t in word_gaz else word_gaz.setdefault(t, gaz_type(t))
                if wg is not None:
                    row.append(o_("wg", wg))
        elif facts[2]:
            row.append(c_(f"ilast:{self.names.get(w0)}"))
        g = gaz_type(texts[0] if size == 1 else " ".join(texts))
        if g is not None:
            row.append(o_("gaz", g))
            if w0 in GIVEN_NAMES:
                row.append(c_("gaz_given"))
        self._owns[memo_key] = row
        return row, shape

    def _spelling(self, texts: Sequence[str], words: Sequence[str]) -> tuple[list[F], str, str]:
        """The features of a spelling (its words as written and in lower case) that neither its document
        nor the gazetteer change; its shape and key."""
        c_, o_ = self._c, self._o
        size = len(words)
        w0, wl = words[0], words[-1]
        shape = " ".join([shape_of(t) for t in texts])[:24]
        key = " ".join(words)
        if w0 not in self._first:
            self._first[w0] = self._first_group(w0)
        if wl not in self._last:
            self._last[wl] = self._last_group(wl)
        row = [c_("bias"), c_(f"n:{min(size, 5)}"), o_("sh", shape)]
        row += self._first[w0]
        row += self._last[wl]
        row += [o_("w", w) for w in words]
        if size <= 3:
            row.append(o_("k", key))
        if size == 1 and texts[0].isupper() and len(texts[0]) > 1:
            row.append(c_("acronym"))
        n_common = sum(map(self.common.__contains__, words))
        row.append(c_(f"common:{'all' if n_common == size else 'none' if not n_common else 'some'}"))
        if any(map(str.isdigit, key)):
            row.append(c_("digit"))
        if "-" in key:
            row.append(c_("hyphen"))
        if size > 1 and any(map(ORG_HEADS.__contains__, words[:-1])):
            row.append(c_("org_head_inside"))
        if key in KNOWN_ORGS:
            row.append(c_("known_org"))
        if size > 2:
            inner = [w for w in words[1:-1] if w in CONNECTORS]
            if inner:
                row.append(o_("conn", inner[0]))
        k_first = self.names.get(w0)
        if size > 1:
            k_last = self.names.get(wl)
            if k_first is not None and k_last is not None:
                row.append(c_(f"nfl:{k_first}|{k_last}|{min(size, 3)}"))
        return row, shape, key


def featurize(
    toks: Tokens,
    cands: Sequence[Candidate],
    ctx: DocContext,
    gaz_type: Callable[[str], str | None],
    common: frozenset[str] = frozenset(),
    names: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """The feature strings of each candidate. ``common`` holds words usually written in lower case
    (the model's vocabulary): a name is mostly made of other words. ``names`` maps given names and
    surnames to their kind (:func:`~workbook.extract.ner_features.name_kind`)."""
    return Featurizer(str, common, names).rows(toks, cands, ctx, gaz_type)
