"""Speed round seven's trial featurizer (``benchmarks/vector_features.py``): integer ids per word, gathered
per candidate, must be the buckets of the package's feature strings, whatever the table remembers."""

from __future__ import annotations

import random
import zlib
from collections import Counter
from collections.abc import Callable

import numpy as np
import pytest

from benchmarks.vector_crc import crc_cat
from benchmarks.vector_features import COLUMNS, VectorFeaturizer
from workbook.extract.ner_features import candidates, doc_context, tokens
from workbook.extract.ner_featurize import bucket, featurize

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


def _ids(vec: VectorFeaturizer, text: str, gaz_type: GazType) -> np.ndarray:
    toks = tokens(text)
    return vec.matrix(toks, np.array(candidates(text, toks), dtype=np.int64), gaz_type)[0]


def _same(ids: np.ndarray, strings: list[list[str]], vec: VectorFeaturizer) -> bool:
    return len(ids) == len(strings) and all(
        Counter(int(x) for x in row if x != vec.absent) == Counter(bucket(f, vec.bits) for f in strs)
        for row, strs in zip(ids, strings, strict=True)
    )


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
def test_ids_are_the_buckets_of_the_package_feature_strings(text: str) -> None:
    strings = _strings(text, gaz)
    vec = VectorFeaturizer(12, COMMON, NAMES)
    first = _ids(vec, text, gaz)
    assert first.shape == (len(strings), COLUMNS)
    assert _same(first, strings, vec)
    assert _same(_ids(vec, text, gaz), strings, vec)  # again, from the remembered words and spellings
    for other in TEXTS:  # after other documents
        _ids(vec, other, gaz)
    assert _same(_ids(vec, text, gaz), strings, vec)


def test_a_full_word_table_starts_afresh_with_the_same_features(monkeypatch: pytest.MonkeyPatch) -> None:
    import benchmarks.vector_words as vf

    text, other = "Ann Smith met Taro Higuchi in Kyoto. Smith said the talks went well.", TEXTS[1]
    vec = VectorFeaturizer(12)
    before = _ids(vec, text, gaz)
    monkeypatch.setattr(vf, "_WORD_LIMIT", 8)
    assert np.array_equal(_ids(vec, text, gaz), before)  # every word known: nothing added
    # new words do not fit: the table starts afresh, with every word of the document
    assert np.array_equal(_ids(vec, other, gaz), _ids(VectorFeaturizer(12), other, gaz))
    assert "Ann" not in vec._table.index and "Reed" in vec._table.index
    assert np.array_equal(_ids(vec, text, gaz), before)


def test_remembered_words_follow_the_document_and_the_gazetteer() -> None:
    def places(s: str) -> str | None:
        return "place" if s in ("Kyoto", "Rose Park") else None

    def orgs(s: str) -> str | None:
        return "organization" if s in ("Kyoto", "Rose Park") else None

    plain = "Rose Park spoke in Kyoto. Rose Park said so."
    lower = "Rose Park spoke in Kyoto. The rose was red and the park was green."
    vec = VectorFeaturizer(12)
    first = _ids(vec, plain, places)
    assert np.array_equal(_ids(vec, lower, places), _ids(VectorFeaturizer(12), lower, places))
    with_orgs = _ids(vec, plain, orgs)  # another gazetteer: nothing remembered from the first is reused
    assert np.array_equal(with_orgs, _ids(VectorFeaturizer(12), plain, orgs))
    assert not np.array_equal(with_orgs, first)
    assert np.array_equal(_ids(vec, plain, places), first)


def test_documents_joined_for_timing_keep_each_candidates_words() -> None:
    from benchmarks.vector_features_trial import batched

    prepared = []
    for text in TEXTS[:2]:
        toks = tokens(text)
        cands = candidates(text, toks)
        prepared.append((toks, cands, np.array(cands, dtype=np.int64)))
    [(joined, cands, arr)] = batched(prepared, 2)
    assert len(joined) == sum(len(t) for t, _, _ in prepared) and len(arr) == sum(len(c) for _, c, _ in prepared)
    words = [joined.text[i:j] for i, j in arr[:, :2].tolist()]
    assert words == [t.text[c.i : c.j] for t, cs, _ in prepared for c in cs]
    assert VectorFeaturizer(12).matrix(joined, arr, gaz)[0].shape == (len(cands), COLUMNS)
