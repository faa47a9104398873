"""The learned entity stage over batches of documents (speed round eight): a document's entities, and
its whole extraction, are the same whether it is extracted alone or with others, however the
documents are split into batches; a build hands the extractor batches and a bad document still
fails alone."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.assemble import extraction_rows
from workbook.engines import ExtractFailure, extract_batch
from workbook.engines.base import EXTRACT_DOCS
from workbook.extract.base import DocumentInput, Extraction
from workbook.extract.entities import extract_entities, extract_entities_batch
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_model import default_entity_model
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.sentences import split_sentences

pytestmark = pytest.mark.unit

#: made-up documents whose edges touch names, and which share spellings read differently in each
TEXTS = [
    'Pyongyang, May 26 (KCNA) -- Kim Jong Un inspected the Sinpho Shipyard. "We will win," said Kim.',
    "Ann Smith met Taro Higuchi in Kyoto. Smith said the talks went well. Higuchi",
    "Kyoto officials said the rose and the park were green. Park Rose spoke; Smith",
    "Maj. Gen. Tom Reed, commander of U.S. Pacific Fleet, met Wu Chi-wai of the Democratic Party in Hong Kong.",
    "NASA and Google signed; FIFA declined. The Ministry of Foreign Affairs of Japan agreed.",
    "Hurricane Katrina hit New Orleans. Katrina left. (Brieber 2014; Heidenreich & Turano 2011)",
    "",
    "smith and higuchi in lower case, kyoto too.",
    "Higuchi",
]


@lru_cache(maxsize=1)
def _extractor() -> DefaultExtractor:
    return DefaultExtractor()


def _docs(texts: list[str]) -> list[DocumentInput]:
    return [DocumentInput(f"d{k}", t, published=date(2024, 5, 26)) for k, t in enumerate(texts)]


def _rows(doc: DocumentInput, ex: Extraction) -> dict[str, Any]:
    return dataclasses.asdict(extraction_rows(doc.doc_id, doc.text, ex))


def test_entities_of_a_batch_are_those_of_each_document_alone() -> None:
    gaz, model = builtin_gazetteer(), default_entity_model()
    docs = [(t, split_sentences(t)) for t in TEXTS]
    alone = [extract_entities(t, s, gaz, model) for t, s in docs]
    assert extract_entities_batch(docs, gaz, model) == alone
    assert extract_entities_batch(list(reversed(docs)), gaz, model) == list(reversed(alone))
    assert extract_entities_batch(docs, gaz, None) == [extract_entities(t, s, gaz) for t, s in docs]
    assert extract_entities_batch([], gaz, model) == []


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=8), st.data())
def test_any_split_into_batches_gives_each_document_its_rows(texts: list[str], data: st.DataObject) -> None:
    extractor = _extractor()
    docs = _docs(texts)
    cuts = sorted(data.draw(st.sets(st.integers(1, len(docs) - 1), max_size=3)) if len(docs) > 1 else set())
    got: list[Extraction] = []
    for a, b in zip([0, *cuts], [*cuts, len(docs)], strict=True):
        got += extractor.extract_many(docs[a:b])
    for d, ex in zip(docs, got, strict=True):
        assert _rows(d, ex) == _rows(d, extractor.extract(d))


class _Choking(DefaultExtractor):
    """Fails in the batch call whenever a document says BOOM (as a bad document would)."""

    def extract_many(self, docs: Any) -> list[Extraction]:
        if any("BOOM" in d.text for d in docs):
            raise ValueError("the extractor choked on BOOM")
        return super().extract_many(docs)


def test_a_bad_document_fails_alone_in_a_batch() -> None:
    ex = _Choking()
    docs = _docs([*TEXTS[:3], "BOOM goes Kim Jong Un", *TEXTS[3:5]])
    got = extract_batch(ex, docs)
    assert [type(r) for r in got] == [type(got[0])] * 3 + [ExtractFailure] + [type(got[0])] * 2
    failure = got[3]
    assert isinstance(failure, ExtractFailure) and failure.error == "ValueError" and "BOOM" in failure.message
    plain = DefaultExtractor()
    for d, r in zip(docs[:3] + docs[4:], got[:3] + got[4:], strict=True):
        assert r == extraction_rows(d.doc_id, d.text, plain.extract(d))


def test_an_extractor_that_overrides_extract_is_called_per_document() -> None:
    calls: list[str] = []

    class Counting(DefaultExtractor):
        def extract(self, doc: DocumentInput) -> Extraction:
            calls.append(doc.doc_id)
            return super().extract(doc)

    docs = _docs(TEXTS[:4])
    got = extract_batch(Counting(), docs)
    assert calls == [d.doc_id for d in docs]
    assert got == extract_batch(DefaultExtractor(), docs)  # the same rows either way


def test_a_build_extracts_in_batches_with_the_same_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pandas.testing import assert_frame_equal

    from workbook.build import build
    from workbook.workspace import read_book

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k, t in enumerate(TEXTS * 5):  # more documents than one batch
        (corpus / f"{k:03d}.txt").write_text(t + f" Story {k}.", encoding="utf-8")
    sizes: list[int] = []
    real = DefaultExtractor.extract_many

    def counted(self: DefaultExtractor, docs: Any) -> list[Extraction]:
        sizes.append(len(docs))
        return real(self, docs)

    monkeypatch.setattr(DefaultExtractor, "extract_many", counted)
    build([corpus], tmp_path / "batched", progress=False)
    assert max(sizes) == min(EXTRACT_DOCS, len(TEXTS) * 5) and sum(sizes) == len(TEXTS) * 5
    monkeypatch.setattr(DefaultExtractor, "extract_many", real)

    class OneByOne(DefaultExtractor):
        def extract(self, doc: DocumentInput) -> Extraction:
            return super().extract(doc)

    build([corpus], tmp_path / "single", extractor=OneByOne(), progress=False)
    a, b = read_book(tmp_path / "batched"), read_book(tmp_path / "single")
    assert len(a.mentions) > 20
    for name in ("documents", "entities", "mentions", "claims", "events", "places"):
        assert_frame_equal(getattr(a, name), getattr(b, name))
