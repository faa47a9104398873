"""A fingerprint of the entity model's feature definition, so that weights and features cannot drift apart
unnoticed.

The shipped weights (``workbook/data/ner/entities-v1.npz``) only mean what they were trained to mean while
the featurizer gives every candidate the same feature ids it gave at training time. Those ids depend on
code (the candidates, the feature templates, the hashing) and on data the package declares elsewhere: the
word lists the featurizer reads (titles, given names, organisation heads, demonyms, ...) and the built-in
gazetteer's type of each name. A new region in the gazetteer or a new organisation head word changes the
features of every candidate that meets it (round twenty found 36 of the 17,261 training candidates
changed since the weights were last trained: "Darfur", "West Bank" and "Jiangsu" had become gazetteer
places, "Airways" an organisation head), so retraining with today's script no longer gave the shipped
weights.

:func:`feature_fingerprint` hashes three parts, each a SHA-256 in hex, and their combination:

* ``word_lists``: every word list the candidates and features read (:data:`FEATURE_WORD_LISTS`), sorted;
* ``gazetteer``: each name and alias of the built-in gazetteer with the type the featurizer reads for it
  (:meth:`~workbook.extract.gazetteer_index.Gazetteer.type_of`), sorted;
* ``templates``: the candidates and feature ids of fixed probe texts (:data:`PROBE_TEXTS`) with a fixed
  lexicon and gazetteer, through both the training path (``candidates`` and ``Featurizer.matrix``) and the
  extractor's path (``Featurizer.candidates_and_ids``): a change of templates, hashing, tokens or
  candidates that the probe meets changes it.

``benchmarks/train_entities.py`` writes the fingerprint into ``card.json``; ``tests/test_ner_fingerprint.py``
fails when today's differs, so a change of features lands only with retrained weights or with a recorded
decision to keep the old ones (``train_entities --accept-features REASON``). A new word list the features
read belongs in :data:`FEATURE_WORD_LISTS`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np

from workbook.extract import ner_features, vocabulary
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_featurize import Featurizer
from workbook.extract.ner_words import COLUMNS
from workbook.ingest.normalise import builtin_words

__all__ = ["FEATURE_WORD_LISTS", "PROBE_TEXTS", "feature_fingerprint", "word_list_digests"]

#: The word lists the candidates and features read, by the name they are declared under.
FEATURE_WORD_LISTS: dict[str, Iterable[object]] = {
    "vocabulary.ABBREVIATED_TITLES": vocabulary.ABBREVIATED_TITLES,
    "vocabulary.FACILITY_HEADS": vocabulary.FACILITY_HEADS,
    "vocabulary.GIVEN_NAMES": vocabulary.GIVEN_NAMES,
    "vocabulary.HONORIFICS": vocabulary.HONORIFICS,
    "vocabulary.KNOWN_ORGS": vocabulary.KNOWN_ORGS,
    "vocabulary.MONTHS": vocabulary.MONTHS,
    "vocabulary.NEVER_NAME_START": vocabulary.NEVER_NAME_START,
    "vocabulary.ORG_HEADS": vocabulary.ORG_HEADS,
    "vocabulary.SURNAME_FIRST": vocabulary.SURNAME_FIRST,
    "vocabulary.TITLES": vocabulary.TITLES,
    "vocabulary.WEEKDAYS": vocabulary.WEEKDAYS,
    "ner_features.CONNECTORS": ner_features.CONNECTORS,
    "ner_features.DEMONYMS": ner_features.DEMONYMS,
    "ner_features.LOWER_CASE_PLACE_AFTER": ner_features.LOWER_CASE_PLACE_AFTER,
    "ner_features.RANK_ABBREVIATIONS": ner_features.RANK_ABBREVIATIONS,
    "ner_features.TITLE_WORDS": ner_features.TITLE_WORDS,
}

#: Made-up texts every feature template meets: titles and ranks, given names and surnames, connectors,
#: organisation and facility heads, acronyms and designations, digits and hyphens, demonyms, months,
#: sentence openers, a name alone after its full form, lower-case places after "in", possessives.
PROBE_TEXTS: tuple[str, ...] = (
    "Gen. Tomasz Varga-Okafor met Minister Leila Haddad of the Ministry of Defence in Rivermouth on Monday. "
    "Varga-Okafor said the KX-17 launcher had been tested twice in March.",
    "The Bank of Norland and Ostrava Airways agreed a deal. Ostrava's chief, Mrs. Ines de la Cruz, flew in "
    "from Lakeport; a Brazilian fund, Selva Capital, holds 12 percent.",
    "BREAKING: Floods hit Kessel Valley. Residents living in lakeport and near rivermouth were moved to "
    "Saint Anne Hospital, the Red Crescent Society said. Green tea, they said, helped.",
    "Dr. Wei Zhang-Holm, a Korean author, wrote to the United Nations Development Programme about "
    "the Port of Ostrava Authority and Kessel Valley Medical Centre.",
)
_PROBE_COMMON = frozenset(["tea", "green", "deal", "fund", "floods", "launcher", "port"])
_PROBE_NAMES = {"tomasz": "g", "leila": "g", "haddad": "s1", "ines": "xg", "zhang": "xs", "wei": "xgs"}
_PROBE_GAZ = {"rivermouth": "place", "lakeport": "place", "ostrava": "place", "kessel valley": "place"}


def _sha(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return h.hexdigest()


def _word_lists() -> str:
    return _sha(f"{name}={sorted(map(repr, words))!r}" for name, words in sorted(FEATURE_WORD_LISTS.items()))


def word_list_digests() -> dict[str, str]:
    """Each feature word list's own SHA-256 (its first 16 hex digits), by name: which list changed when the
    ``word_lists`` part of :func:`feature_fingerprint` did."""
    return {name: _sha(sorted(map(repr, words)))[:16] for name, words in sorted(FEATURE_WORD_LISTS.items())}


def _gazetteer() -> str:
    gaz = builtin_gazetteer()
    pairs = {(n, gaz.type_of(n) or "") for e in gaz for n in (e.name, *e.aliases)}
    return _sha(f"{n}\t{t}" for n, t in sorted(pairs))


def _probe_gaz(surface: str) -> str | None:
    return _PROBE_GAZ.get(surface.lower())


def _templates() -> str:
    featurizer = Featurizer(18, _PROBE_COMMON, _PROBE_NAMES)
    parts = [f"columns={COLUMNS}", f"english_words={_sha(sorted(builtin_words()))}"]
    toks = [ner_features.tokens(t) for t in PROBE_TEXTS]
    for text, tk in zip(PROBE_TEXTS, toks, strict=True):
        cands = np.array(ner_features.candidates(text, tk), dtype=np.int64).reshape(-1, 6)
        ids = featurizer.matrix([(tk, cands)], _probe_gaz)
        parts += [cands.astype("<i8").tobytes().hex(), ids.astype("<i8").tobytes().hex()]
    batch = Featurizer(18, _PROBE_COMMON, _PROBE_NAMES).candidates_and_ids(
        PROBE_TEXTS, toks, [None] * len(PROBE_TEXTS), _probe_gaz
    )
    parts += [batch.cands.astype("<i8").tobytes().hex(), batch.ids.astype("<i8").tobytes().hex()]
    return _sha(parts)


def feature_fingerprint() -> dict[str, str]:
    """SHA-256 (hex) of the feature definition's parts (see the module docstring) and of all of them
    together (``"all"``)."""
    parts = {"word_lists": _word_lists(), "gazetteer": _gazetteer(), "templates": _templates()}
    return {"all": _sha(f"{k}={v}" for k, v in sorted(parts.items())), **parts}
