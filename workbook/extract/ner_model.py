"""The learned entity classifier: one decision per candidate span, scored in batches with numpy.

The model is a multinomial logistic regression over hashed features (candidates from
:mod:`workbook.extract.ner_features`, their feature ids from :mod:`workbook.extract.ner_featurize`,
made from a table of the words seen, remembered by the model): a weight matrix of ``2**bits`` rows and
one column per class (``none``, ``person``, ``organization``, ``place``, ``other``) plus a bias. All
candidates of a batch of documents are found, featurized and scored at once (:meth:`EntityModel.score_batch`):
their feature columns are gathered from the matrix and summed per candidate (``numpy.add.reduceat``),
then a softmax; a candidate's probabilities do not depend on the batch it is scored in. Pooling mixes
only a document's own candidates and decoding keeps each document's spans, but their numpy work is done
once per batch (:meth:`EntityModel.predict_batch`); only the choice of non-overlapping spans walks each
document's kept candidates in Python.
:meth:`EntityModel.decode` keeps the most probable non-overlapping spans whose best class is not
``none`` and whose P(none) is below the threshold of the span's shape and reading: by default
:attr:`EntityModel.threshold`; two or more words read as an organisation or other
(:attr:`EntityModel.threshold_multi_org`: "Search Engine Optimization", "Breaking News Alert"); one
word in capitals, an acronym or designation (:attr:`EntityModel.threshold_acronym`: "SEO", "ISO");
a person whose words are all the model's common words (:attr:`EntityModel.threshold_common`: "Green" of
a "Green Tea Or White Tea?" heading; round nineteen): the classifier's P(none) is not equally calibrated
for them (chosen on the held-out split, see ``benchmarks/RESULTS.md``).

The shipped weights (``workbook/data/ner/entities-v1.npz``, with ``LICENSE.md`` and ``card.json``
beside them) were trained by ``benchmarks/train_entities.py`` on GUM and UniversalNER English-EWT
(CC BY-SA 4.0); the file also carries the model's word lists (common lower-case words; given names
and surnames from the US Census 1990 lists, public domain). They are read once per extractor from
package data; nothing is downloaded.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import islice

import numpy as np

from workbook.errors import EntityModelError
from workbook.extract.ner_features import Candidate, Tokens, tokens
from workbook.extract.ner_featurize import BatchCandidates, Featurizer, id_index

__all__ = ["CLASSES", "MODEL_FILE", "EntityModel", "ScoredSpan", "default_entity_model", "load_entity_model"]

CLASSES: tuple[str, ...] = ("none", "person", "organization", "place", "other")
MODEL_FILE = "entities-v1.npz"


@dataclass(frozen=True)
class ScoredSpan:
    start: int
    end: int
    type: str
    prob: float  # probability of ``type``
    p_none: float
    words: tuple[str, ...]
    left: str  # the word before the span, lower case ("" at the start)
    weak: bool = False  # one word opening a sentence, never seen capitalised mid-sentence, no acronym


@dataclass(frozen=True, eq=False)
class EntityModel:
    """Weights ``(2**bits, len(classes))`` and ``bias``; ``version`` names the weights."""

    weights: np.ndarray
    bias: np.ndarray
    classes: tuple[str, ...]
    bits: int
    version: str
    common: frozenset[str] = frozenset()  # words usually written in lower case (a feature)
    names: Mapping[str, str] = field(default_factory=dict)  # given names and surnames → kind (a feature)
    threshold: float = 0.5  # a span is kept when P(none) is below this, unless one of the next two says otherwise
    threshold_multi_org: float | None = None  # two or more words read as an organisation or other (None: ``threshold``)
    threshold_acronym: float | None = None  # the same for one word in capitals, "NASA", "F-16" (None: ``threshold``)
    threshold_common: float | None = None  # every word a common word in Title Case, "White Tea" (None: no own limit)
    pooling: float = 0.5  # weight of the document-wide mean of a spelling's probabilities
    consistency: float = 0.0  # then the weight of the spelling's most confident reading in the document
    _featurizer: Featurizer = field(init=False, repr=False, compare=False)  # per-word feature ids

    def __post_init__(self) -> None:
        if self.weights.shape != (1 << self.bits, len(self.classes)) or self.bias.shape != (len(self.classes),):
            raise EntityModelError(
                f"Entity model {self.version!r}: weights {self.weights.shape} and bias {self.bias.shape} do not fit "
                f"{len(self.classes)} classes and {self.bits} feature bits; retrain with benchmarks/train_entities.py."
            )
        object.__setattr__(self, "_featurizer", Featurizer(self.bits, self.common, self.names))

    def probabilities(self, ids: np.ndarray) -> np.ndarray:
        """Class probabilities ``(n, len(classes))`` of a feature id matrix (:meth:`Featurizer.matrix`)."""
        if not len(ids):
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        return self._softmax(*id_index(ids, self._featurizer.absent))

    def _softmax(self, cols: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        # the weights' rows by ``take``: the same rows as ``weights[cols]``, a tenth of its cost for rows of 5 floats
        scores = np.add.reduceat(np.take(self.weights, cols, axis=0), offsets[:-1], axis=0) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def score_batch(
        self,
        docs: Sequence[tuple[str, bytearray | None]],
        gaz_type: Callable[[str], str | None],
        words: Sequence[Tokens | None] | None = None,
    ) -> list[tuple[Tokens, list[Candidate], np.ndarray]]:
        """Tokens, candidates and their class probabilities for each ``(text, skip)`` of a batch, featurized
        and scored in one pass. Candidates overlapping a character marked in ``skip`` (spans the rules
        are sure of) are not scored. ``words``: each text's :func:`~workbook.extract.ner_features.tokens`
        when the caller has them already (None: made here). Each document is read on its own: the
        result for a text is the same whatever else is in the batch."""
        toks, found, probs = self._scored(docs, gaz_type, words)
        new = tuple.__new__
        rows = [new(Candidate, c) for c in found.cands.tolist()]
        out: list[tuple[Tokens, list[Candidate], np.ndarray]] = []
        at = 0
        for t, m in zip(toks, found.per_doc, strict=True):
            out.append((t, rows[at : at + m], probs[at : at + m]))
            at += m
        return out

    def _scored(
        self,
        docs: Sequence[tuple[str, bytearray | None]],
        gaz_type: Callable[[str], str | None],
        words: Sequence[Tokens | None] | None,
    ) -> tuple[list[Tokens], BatchCandidates, np.ndarray]:
        """Each document's tokens, the batch's candidates (:meth:`Featurizer.candidates_and_ids`) and their
        class probabilities."""
        toks = [
            w if w is not None else tokens(text) for (text, _), w in zip(docs, words or [None] * len(docs), strict=True)
        ]
        texts = [text for text, _ in docs]
        found = self._featurizer.candidates_and_ids(texts, toks, [s for _, s in docs], gaz_type)
        return toks, found, self.probabilities(found.ids)

    def score_text(
        self, text: str, gaz_type: Callable[[str], str | None], skip: bytearray | None = None
    ) -> tuple[Tokens, list[Candidate], np.ndarray]:
        """Tokens, candidates and their class probabilities for ``text`` (:meth:`score_batch` of one)."""
        return self.score_batch([(text, skip)], gaz_type)[0]

    def pool(self, toks: Tokens, cands: Sequence[Candidate], probs: np.ndarray) -> np.ndarray:
        """One reading per document: each candidate's probabilities are mixed (weight :attr:`pooling`)
        with the mean over every candidate spelled the same way in the document, so "Higuchi" opening
        a sentence reads as the "Higuchi" of mid-sentence; then (weight :attr:`consistency`) with the
        spelling's most confident reading there (the lowest P(none) after the mean), so a name keeps
        the type of the mention whose context says most ("Faaborg" after "in Svendborg or")."""
        if self.pooling <= 0 and self.consistency <= 0:
            return probs
        return self._pool(*_spellings([toks], [(c[0], c[1]) for c in cands], [len(cands)]), probs)

    def _pool(self, key: np.ndarray, n_keys: int, probs: np.ndarray) -> np.ndarray:
        """:meth:`pool` of candidates by their spelling's number ``key`` (``n_keys`` spellings; a
        spelling of another document is another number)."""
        out = probs.astype(np.float64)
        if self.pooling > 0:
            # per class, the sums in candidate order (as ``np.add.at`` adds them, at a tenth of its cost)
            sums = np.column_stack([np.bincount(key, weights=out[:, c], minlength=n_keys) for c in range(out.shape[1])])
            counts = np.bincount(key, minlength=n_keys)[:, None]
            out = (1 - self.pooling) * out + self.pooling * (sums / counts)[key]
        if self.consistency > 0:
            order = np.lexsort((out[:, 0], key))  # by spelling, then P(none); stable: the first wins ties
            keys = key[order]
            first = order[np.r_[True, keys[1:] != keys[:-1]]]
            best = np.empty(n_keys, dtype=np.int64)
            best[key[first]] = first
            out = (1 - self.consistency) * out + self.consistency * out[best[key]]
        return out.astype(np.float32)

    def decode(self, toks: Tokens, cands: Sequence[Candidate], probs: np.ndarray) -> list[ScoredSpan]:
        """The most probable non-overlapping spans whose best class is not ``none``, in text order."""
        if not len(cands):
            return []
        found = np.array(cands, dtype=np.int64).reshape(-1, 6)
        acronym = np.array([len(w) > 1 and w.isupper() for w in (toks.text[c[0]] for c in cands)], dtype=bool)
        pooled = self.pool(toks, cands, probs)
        return self._decode_pooled([toks], found, [len(cands)], pooled, _weak(toks, cands), acronym)[0]

    def _decode_pooled(
        self,
        toks: Sequence[Tokens],
        cands: np.ndarray,
        per_doc: Sequence[int],
        probs: np.ndarray,
        weak: np.ndarray,
        acronym: np.ndarray,
    ) -> list[list[ScoredSpan]]:
        """:meth:`decode` of each document of a batch (``per_doc`` of the rows of ``cands``, of the pooled
        ``probs``, of ``weak`` and of ``acronym`` each: see :class:`ScoredSpan` and
        :class:`~workbook.extract.ner_featurize.BatchCandidates`), the numpy work done once for the batch."""
        n = len(cands)
        best = probs[:, 1:].argmax(axis=1) + 1
        p_best = probs[np.arange(n), best]
        doc = np.repeat(np.arange(len(per_doc)), per_doc)
        one, multi, short = self.threshold, self.threshold_multi_org, self.threshold_acronym
        multi = one if multi is None else multi
        short = one if short is None else short
        if multi != one or short != one:  # by shape: several words read as an organisation, an acronym
            org = np.array([c in _ORG_READINGS for c in self.classes], dtype=bool)[best]
            limit = np.where(cands[:, 1] - cands[:, 0] > 1, np.where(org, multi, one), np.where(acronym, short, one))
            keep = np.flatnonzero(probs[:, 0] < limit)
        else:
            keep = np.flatnonzero(probs[:, 0] < one)
        order = keep[np.lexsort((probs[keep, 0], doc[keep]))]  # by document, then P(none); stable
        ends = np.searchsorted(doc[order], np.arange(1, len(per_doc) + 1)).tolist()
        classes = self.classes
        plain, common = self.threshold_common, self.common
        # the kept candidates' fields, column by column (no Python object per candidate that is not kept)
        picked = cands[order]
        i_of, j_of, start_of, end_of = (picked[:, c].tolist() for c in (0, 1, 4, 5))
        type_of = [classes[b] for b in best[order].tolist()]
        p_best_of, p_none_of, weak_of = p_best[order].tolist(), probs[order, 0].tolist(), weak[order].tolist()
        out: list[list[ScoredSpan]] = []
        at = 0
        for t, stop in zip(toks, ends, strict=True):
            txt, lows = t.text, t.lower
            taken = bytearray(len(t) + 1)  # tokens of spans already decoded
            found: list[ScoredSpan] = []
            for k in range(at, stop):
                i, j = i_of[k], j_of[k]
                if taken.find(1, i, j) >= 0:
                    continue
                if (
                    plain is not None
                    and p_none_of[k] >= plain
                    and type_of[k] == "person"
                    and _common_words_only(lows, i, j, common)
                ):
                    continue  # "White Tea", "Living Social": common words in Title Case need a surer reading
                taken[i:j] = b"\x01" * (j - i)
                left = lows[i - 1] if i > 0 else ""
                span = (
                    start_of[k],
                    end_of[k],
                    type_of[k],
                    p_best_of[k],
                    p_none_of[k],
                    tuple(txt[i:j]),
                    left,
                    weak_of[k],
                )
                found.append(ScoredSpan(*span))
            out.append(sorted(found, key=_start_of))
            at = stop
        return out

    def predict(self, text: str, gaz_type: Callable[[str], str | None]) -> list[ScoredSpan]:
        """Decoded entity spans of ``text``."""
        return self.decode(*self.score_text(text, gaz_type))

    def predict_with_probs(
        self, text: str, gaz_type: Callable[[str], str | None], skip: bytearray | None = None
    ) -> tuple[list[ScoredSpan], dict[tuple[int, int], tuple[float, ...]]]:
        """Decoded entity spans of ``text`` and the (pooled) class probabilities of every candidate
        span, by offsets, in the order of :attr:`classes` (``skip`` as in :meth:`score_batch`)."""
        return self.predict_batch([(text, skip)], gaz_type)[0]

    def predict_batch(
        self,
        docs: Sequence[tuple[str, bytearray | None]],
        gaz_type: Callable[[str], str | None],
        words: Sequence[Tokens | None] | None = None,
    ) -> list[tuple[list[ScoredSpan], dict[tuple[int, int], tuple[float, ...]]]]:
        """:meth:`predict_with_probs` of each ``(text, skip)`` of a batch, scored, pooled and decoded in one
        pass (``words`` as in :meth:`score_batch`)."""
        toks, found, probs = self._scored(docs, gaz_type, words)
        cands, per_doc = found.cands, found.per_doc
        if not len(cands):
            return [([], {}) for _ in docs]
        if self.pooling > 0 or self.consistency > 0:  # pooled once, for the decision and for the caller
            probs = self._pool(found.spelling, int(found.spelling.max()) + 1, probs)
        decoded = self._decode_pooled(toks, cands, per_doc, probs, found.weak, found.acronym)
        offsets = zip(cands[:, 4].tolist(), cands[:, 5].tolist(), strict=True)
        pooled = zip(*(probs[:, c].tolist() for c in range(probs.shape[1])), strict=True)
        pairs = zip(offsets, pooled, strict=True)  # each document's candidates taken in turn
        return [(spans, dict(islice(pairs, m))) for spans, m in zip(decoded, per_doc, strict=True)]

    def save(self, path: str, card: dict[str, object] | None = None) -> None:
        """Write the model as ``.npz`` (float16 weights, compressed)."""
        arrays: dict[str, np.ndarray] = {
            "weights": self.weights.astype(np.float16),
            "bias": self.bias.astype(np.float32),
            "classes": np.array(self.classes),
            "bits": np.array(self.bits),
            "version": np.array(self.version),
            "common": np.array("\n".join(sorted(self.common))),
            "names": np.array("\n".join(f"{w}\t{k}" for w, k in sorted(self.names.items()))),
            "threshold": np.array(self.threshold),
            "pooling": np.array(self.pooling),
            "consistency": np.array(self.consistency),
            "card": np.array(json.dumps(card or {})),
        }
        for name, value in (
            ("threshold_multi_org", self.threshold_multi_org),
            ("threshold_acronym", self.threshold_acronym),
            ("threshold_common", self.threshold_common),
        ):
            if value is not None:  # absent: the file reads back with one threshold, as older files do
                arrays[name] = np.array(value)
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


#: The readings whose spans of two or more words need :attr:`EntityModel.threshold_multi_org`.
_ORG_READINGS = frozenset({"organization", "other"})


def _common_words_only(lows: Sequence[str], i: int, j: int, common: frozenset[str]) -> bool:
    """Are the words of tokens ``i:j`` (lower case) all common words of the model, none a capital alone
    or an initial, with at least one word of letters?"""
    letters = [w for w in lows[i:j] if w.isalpha()]
    return bool(letters) and all(len(w) > 1 and w in common for w in letters)


def _start_of(span: ScoredSpan) -> int:
    return span.start


def _weak(toks: Tokens, cands: Sequence[Candidate]) -> np.ndarray:
    """Per candidate of a document: one word opening a sentence, not in capitals, never seen capitalised
    mid-sentence in the document (what :meth:`Featurizer.candidates_and_ids` says of a batch's)."""
    mid = {low for low, cap, ini in zip(toks.lower, toks.cap, toks.initial, strict=True) if cap and not ini}
    txt, lows, initial = toks.text, toks.lower, toks.initial
    return np.array(
        [c[1] - c[0] == 1 and initial[c[0]] and lows[c[0]] not in mid and not txt[c[0]].isupper() for c in cands],
        dtype=bool,
    )


def _spellings(
    toks: Sequence[Tokens], spans: Sequence[tuple[int, int] | list[int]], per_doc: Sequence[int]
) -> tuple[np.ndarray, int]:
    """A number per candidate (token offsets ``spans``, ``per_doc`` of them per document), the same for
    candidates of a document spelled alike in lower case, and how many numbers there are."""
    ids: dict[tuple[str, ...], int] = {}  # a spelling's words (no token holds a space)
    key: list[int] = []
    at = base = 0
    for t, m in zip(toks, per_doc, strict=True):
        lows = t.lower
        setdefault = ids.setdefault
        key += [setdefault(tuple(lows[i:j]), base + len(ids)) for i, j in spans[at : at + m]]
        at += m
        base += len(ids)
        ids = {}
    return np.array(key, dtype=np.int64), base


def _name_kinds(text: str) -> dict[str, str]:
    """The ``word<TAB>kind`` lines of :meth:`EntityModel.save` as a dict, split in one C call each way
    (75k names: a tenth of the time of a split per line)."""
    cells = text.replace("\t", "\n").split("\n") if text else []
    if len(cells) % 2 or text.count("\t") != len(cells) // 2:
        raise ValueError("the model's name list is not one word<TAB>kind pair per line")
    it = iter(cells)
    return dict(zip(it, it, strict=True))


def load_entity_model(data: bytes) -> EntityModel:
    """An :class:`EntityModel` from the bytes of an ``.npz`` written by :meth:`EntityModel.save`."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            return EntityModel(
                weights=z["weights"].astype(np.float32),
                bias=z["bias"].astype(np.float32),
                classes=tuple(str(c) for c in z["classes"]),
                bits=int(z["bits"]),
                version=str(z["version"]),
                common=frozenset(str(z["common"]).split("\n")) if "common" in z else frozenset(),
                names=_name_kinds(str(z["names"])) if "names" in z else {},
                threshold=float(z["threshold"]) if "threshold" in z else 0.5,
                threshold_multi_org=float(z["threshold_multi_org"]) if "threshold_multi_org" in z else None,
                threshold_acronym=float(z["threshold_acronym"]) if "threshold_acronym" in z else None,
                threshold_common=float(z["threshold_common"]) if "threshold_common" in z else None,
                pooling=float(z["pooling"]) if "pooling" in z else 0.0,
                consistency=float(z["consistency"]) if "consistency" in z else 0.0,
            )
    except (OSError, KeyError, ValueError) as exc:
        raise EntityModelError(
            f"The entity model is not a readable .npz ({exc}); reinstall workbook or retrain with "
            "benchmarks/train_entities.py."
        ) from exc


@lru_cache(maxsize=1)
def default_entity_model() -> EntityModel:
    """The shipped model, read once from package data."""
    ref = resources.files("workbook").joinpath("data", "ner", MODEL_FILE)
    if not ref.is_file():
        raise EntityModelError(
            f"The entity model workbook/data/ner/{MODEL_FILE} is missing from the installed package; "
            "reinstall workbook or train it with `python -m benchmarks.train_entities`."
        )
    return load_entity_model(ref.read_bytes())
