"""The entity featurizer (``workbook/extract/ner_featurize.py``): integer ids per word, gathered per
candidate over a batch of documents, must be the buckets of the feature strings (``tests/ner_feature_strings.py``,
the way they were made before) in their order, whatever the table remembers and whatever the batch."""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ner_feature_strings import doc_context, featurize
from workbook.extract.ner_crc import crc_cat
from workbook.extract.ner_features import candidates, tokens
from workbook.extract.ner_featurize import COLUMNS, Featurizer, bucket, id_index

pytestmark = pytest.mark.unit

GazType = Callable[[str], "str | None"]
NAMES = {"ann": "g", "smith": "s0", "kyoto": "s2", "tom": "g", "reed": "s1"}
COMMON = frozenset({"office", "art"})
TEXTS = [
    "Dr. Ann Smith met Taro Higuchi in Kyoto. Smith said the Kyoto talks went well.\n"
    "HIGUCHI'S office and the Ministry of Foreign Affairs of Japan agreed; al-Baghdadi did not.",
    "Maj. Gen. Tom Reed, commander of U.S. Pacific Fleet, met Wu Chi-wai of the Democratic Party in Hong Kong.",
    "Supercalifragilisticexpialidocious Extraordinarily Unbelievably Longwinded Namesake spoke; "
    + "Q" * 300
    + " Corp and "
    + "Ab" * 130
    + " Ltd replied. München Ost, 평양 and the KN-23 F-16s.",
    "The museum was a pittsburgh of art. Pittsburgh, New York City and New York met at the United Nations.",
    "  \n",
]


def gaz(s: str) -> str | None:
    return {"kyoto": "place", "japan": "place", "new york": "place", "hong kong": "place"}.get(s.casefold())


def _strings(text: str, gaz_type: GazType) -> list[list[str]]:
    toks = tokens(text)
    cands = candidates(text, toks)
    return featurize(toks, cands, doc_context(text, toks, cands), gaz_type, COMMON, NAMES)


def _doc(text: str) -> tuple[object, np.ndarray]:
    toks = tokens(text)
    return toks, np.array(candidates(text, toks), dtype=np.int64).reshape(-1, 6)


def _ids(vec: Featurizer, text: str, gaz_type: GazType) -> np.ndarray:
    return vec.matrix([_doc(text)], gaz_type)  # type: ignore[list-item]


def _same(ids: np.ndarray, strings: list[list[str]], vec: Featurizer) -> bool:
    """Each row's present ids are the buckets of its strings, in the same order (so sums are the same)."""
    cols, offsets = id_index(ids, vec.absent)
    rows = [cols[a:b].tolist() for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)]
    return rows == [[bucket(f, vec.bits) for f in strs] for strs in strings]


def test_crc_of_a_concatenation_is_made_from_the_crcs_of_its_parts() -> None:
    rng = random.Random(12)
    alphabet = "abcXYZ 019|:-'’평양éß"
    pairs = [
        ("".join(rng.choices(alphabet, k=rng.randrange(0, 9))), "".join(rng.choices(alphabet, k=rng.randrange(0, 40))))
        for _ in range(300)
    ]
    pairs += [("L1R1:of|", "</s>"), ("k:", "münchen ost"), ("", ""), ("sh:", "x" * 200)]
    a = np.array([zlib.crc32(x.encode()) for x, _ in pairs], dtype=np.uint32)
    b = np.array([zlib.crc32(y.encode()) for _, y in pairs], dtype=np.uint32)
    n = np.array([len(y.encode()) for _, y in pairs])
    assert crc_cat(a, b, n).tolist() == [zlib.crc32((x + y).encode()) for x, y in pairs]


@pytest.mark.parametrize("text", TEXTS)
def test_ids_are_the_buckets_of_the_feature_strings_in_order(text: str) -> None:
    strings = _strings(text, gaz)
    vec = Featurizer(12, COMMON, NAMES)
    first = _ids(vec, text, gaz)
    assert first.shape == (len(strings), COLUMNS)
    assert _same(first, strings, vec)
    assert _same(_ids(vec, text, gaz), strings, vec)  # again, from the remembered words and spellings
    for other in TEXTS:  # after other documents
        _ids(vec, other, gaz)
    assert _same(_ids(vec, text, gaz), strings, vec)


def test_a_full_word_table_starts_afresh_with_the_same_features(monkeypatch: pytest.MonkeyPatch) -> None:
    import workbook.extract.ner_words as vf

    text, other = "Ann Smith met Taro Higuchi in Kyoto. Smith said the talks went well.", TEXTS[1]
    vec = Featurizer(12)
    before = _ids(vec, text, gaz)
    monkeypatch.setattr(vf, "_WORD_LIMIT", 8)
    assert np.array_equal(_ids(vec, text, gaz), before)  # every word known: nothing added
    # new words do not fit: the table starts afresh, with every word of the document
    assert np.array_equal(_ids(vec, other, gaz), _ids(Featurizer(12), other, gaz))
    assert "Ann" not in vec._table.index and "Reed" in vec._table.index
    assert np.array_equal(_ids(vec, text, gaz), before)


def test_remembered_words_follow_the_document_and_the_gazetteer() -> None:
    def places(s: str) -> str | None:
        return "place" if s in ("Kyoto", "Rose Park") else None

    def orgs(s: str) -> str | None:
        return "organization" if s in ("Kyoto", "Rose Park") else None

    plain = "Rose Park spoke in Kyoto. Rose Park said so."
    lower = "Rose Park spoke in Kyoto. The rose was red and the park was green."
    vec = Featurizer(12)
    first = _ids(vec, plain, places)
    assert np.array_equal(_ids(vec, lower, places), _ids(Featurizer(12), lower, places))
    with_orgs = _ids(vec, plain, orgs)  # another gazetteer: nothing remembered from the first is reused
    assert np.array_equal(with_orgs, _ids(Featurizer(12), plain, orgs))
    assert not np.array_equal(with_orgs, first)
    assert np.array_equal(_ids(vec, plain, places), first)


EDGES = [  # documents whose edges touch capitalised words, lower-case words and the same spellings
    "Kyoto",
    "Smith said so. Ann Smith",
    "Rose Park met Ann Smith in Kyoto",
    "the rose and the park. Park Rose spoke; Smith",
    "Taro Higuchi of the Ministry of Foreign Affairs",
    "",
]


def _batch(vec: Featurizer, texts: list[str]) -> list[np.ndarray]:
    docs = [_doc(t) for t in texts]
    ids = vec.matrix(docs, gaz)  # type: ignore[arg-type]
    bounds = np.cumsum([0] + [len(c) for _, c in docs])
    return [ids[a:b] for a, b in pairwise(bounds.tolist())]


def test_a_batch_gives_each_document_its_own_ids() -> None:
    texts = TEXTS + EDGES
    alone = [_ids(Featurizer(12, COMMON, NAMES), t, gaz) for t in texts]
    for got, want, text in zip(_batch(Featurizer(12, COMMON, NAMES), texts), alone, texts, strict=True):
        assert got.shape == (len(want), COLUMNS) and np.array_equal(got, want)
        assert _same(got, _strings(text, gaz), Featurizer(12, COMMON, NAMES))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(TEXTS[:2] + EDGES), min_size=1, max_size=7), st.data())
def test_any_split_into_batches_gives_the_same_ids(texts: list[str], data: st.DataObject) -> None:
    vec = Featurizer(12, COMMON, NAMES)
    cuts = sorted(data.draw(st.sets(st.integers(1, len(texts) - 1), max_size=3)) if len(texts) > 1 else set())
    got: list[np.ndarray] = []
    for a, b in zip([0, *cuts], [*cuts, len(texts)], strict=True):
        got += _batch(vec, texts[a:b])
    for ids, text in zip(got, texts, strict=True):
        assert np.array_equal(ids, _ids(Featurizer(12, COMMON, NAMES), text, gaz))


def test_an_empty_batch_and_documents_without_candidates() -> None:
    vec = Featurizer(12)
    assert vec.matrix([], gaz).shape == (0, COLUMNS)
    assert [x.shape for x in _batch(vec, ["", "no names here.", "Kyoto"])] == [(0, COLUMNS), (0, COLUMNS), (1, COLUMNS)]
