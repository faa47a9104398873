"""compute_masks against the plain reference of the documented semantics, on random Books big enough for
every path of :mod:`workbook.filtering.rows` to be taken.

The filter visits rows through the index's CSRs when they are few and by whole passes when they are many
(``SPARSE_SHARE``), and follows the documents by runs when a table is sorted by document. Here Books have
up to 30 documents, 12 entities, 240 mentions, 50 claims and 50 events, their rows sorted by document or
shuffled, and every spec is computed with ``SPARSE_SHARE`` at 0 (always the whole passes), at 1 (always
the CSRs) and at its default; each must give the rows ``tests/test_filters.py``'s row-by-row reference
gives, and the same masks and counts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_filters import KEYS, TABLES, reference
from workbook.book import Book
from workbook.filtering import FilterIndex, FilterMasks, FilterSpec, compute_masks
from workbook.filtering import rows as rows_module
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES, QUOTE_KINDS, conform

pytestmark = pytest.mark.unit

_DATES = [None, "2018-01-01", "2018-06-01", "2018-06-30", "2019-12-31", "2024-01-08"]
_SPEAKER_TEXTS = [None, "Jeffrey Lewis", "US officials"]


def _ents(n: int) -> list[str]:
    return [f"e{i}" for i in range(n)]


def _ordered(rows: list[dict[str, Any]], rng: np.random.Generator, by_doc: bool) -> list[dict[str, Any]]:
    """``rows`` sorted by document (as a workspace's tables are) or shuffled."""
    if by_doc:
        return sorted(rows, key=lambda r: r["doc_id"])
    return [rows[i] for i in rng.permutation(len(rows))]


def bigger_book(seed: int, sizes: tuple[int, int, int, int, int], by_doc: bool, dangling: bool | None = None) -> Book:
    """A random Book (numpy's generator from ``seed``): ``sizes`` = documents, entities, mentions, claims,
    events; references to a missing document and to an entity without a row included (mentions of the
    latter when ``dangling``, None: in one Book of two)."""
    rng = np.random.default_rng(seed)
    n_docs, n_ents, n_ment, n_claims, n_events = sizes
    docs = [f"d{i:02d}" for i in range(n_docs)]
    ref_docs = [*docs, "d-missing"]
    ents = _ents(n_ents)
    ref_ents = [*ents, "e-extra"]
    skew = rng.random(len(ref_ents)) ** 3 + 0.01  # a few entities named in most documents, as in news
    skew /= skew.sum()

    def pick(pool: list[Any], p: Any = None) -> Any:
        return pool[int(rng.choice(len(pool), p=p))]

    def ent_list() -> list[str]:
        return [pick(ref_ents, skew) for _ in range(int(rng.integers(0, 4)))]

    documents = [
        {"doc_id": d, "title": d, "publisher": pick([None, "KCNA", "Yonhap"]), "source": d, "sha256": d}
        | {"text": "x", "n_chars": 1, "format": "txt"}
        for d in docs
    ]
    entities = [
        {"entity_id": e, "name": e.upper(), "type": pick(list(ENTITY_TYPES)), "n_mentions": 0, "n_docs": 0}
        | {"origin": "rules"}
        for e in ents
    ]
    # mentions of an entity without a row only in some Books: they are rows of no document, which unsorts
    named = ref_ents if (rng.random() < 0.5 if dangling is None else dangling) else ents or ref_ents
    named_p = skew[: len(named)] / skew[: len(named)].sum()
    mentions = [
        {"mention_id": f"m{i}", "doc_id": pick(ref_docs), "start": 0, "end": 1, "entity_id": pick(named, named_p)}
        | {"surface": "x", "sentence": 0, "resolution": "exact"}
        for i in range(n_ment)
    ]
    claims = [
        {"claim_id": f"c{i}", "doc_id": pick(ref_docs), "start": 0, "end": 1, "text": "x", "sentence": 0}
        | {"speaker_id": pick([None, None, *ref_ents]), "speaker_text": pick(_SPEAKER_TEXTS)}
        | {"quote_kind": pick(list(QUOTE_KINDS)), "confidence": pick(list(CONFIDENCE_BANDS)), "entity_ids": ent_list()}
        for i in range(n_claims)
    ]
    events = []
    for i in range(n_events):
        bounds = [pick(_DATES), pick(_DATES)]
        if bounds[0] is not None and bounds[1] is not None:
            bounds.sort()
        events.append(
            {"event_id": f"v{i}", "doc_id": pick(ref_docs), "start": 0, "end": 1, "text": "t", "sentence": 0}
            | {"context": "", "date_start": bounds[0], "date_end": bounds[1], "precision": "day"}
            | {"resolution": "absolute", "entity_ids": ent_list()}
        )
    targets = {"document": ref_docs, "entity": ref_ents, "claim": [f"c{i}" for i in range(n_claims)] or ["c-x"]}
    targets["event"] = [f"v{i}" for i in range(n_events)] or ["v-x"]
    annotations = [
        {"annotation_id": f"a{i}", "target_kind": (kind := pick(list(targets))), "target_id": pick(targets[kind])}
        | {"kind": pick(["star", "tag"]), "value": pick([None, "review", "0"]), "created": "2024-01-01"}
        for i in range(int(rng.integers(0, 6)))
    ]
    places = [
        {"entity_id": e, "lat": 39.0, "lon": lon, "uncertainty_km": 1.0, "coord_source": "gazetteer"}
        | {"source_name": "t"}
        for e, lon in zip(ents[:3], (125.7, 0.5, 128.0), strict=False)
    ]
    return Book(
        documents=conform("documents", documents),
        entities=conform("entities", entities),
        mentions=conform("mentions", _ordered(mentions, rng, by_doc)),
        claims=conform("claims", _ordered(claims, rng, by_doc)),
        events=conform("events", _ordered(events, rng, by_doc)),
        places=conform("places", places),
        annotations=conform("annotations", annotations),
    )


@st.composite
def book_and_spec(draw: st.DrawFn) -> tuple[Book, FilterSpec]:
    sizes = (
        draw(st.integers(0, 30)),
        draw(st.integers(0, 12)),
        draw(st.integers(0, 240)),
        draw(st.integers(0, 50)),
        draw(st.integers(0, 50)),
    )
    book = bigger_book(draw(st.integers(0, 2**32 - 1)), sizes, draw(st.booleans()))
    pool = [*_ents(max(sizes[1], 1)), "e-extra", "e-nowhere"]
    d1, d2 = sorted(draw(st.sampled_from([d for d in _DATES if d])) for _ in range(2))
    fields = {
        "entity_ids": st.lists(st.sampled_from(pool), min_size=1, max_size=3).map(tuple),
        "entity_types": st.lists(st.sampled_from(ENTITY_TYPES), min_size=1, max_size=4).map(tuple),
        "bbox": st.just((124.0, 37.0, 131.0, 43.0)),
        "date_from": st.just(date.fromisoformat(d1)),
        "date_to": st.just(date.fromisoformat(d2)),
        "publishers": st.lists(st.sampled_from(["KCNA", "Yonhap"]), min_size=1, max_size=1).map(tuple),
        "speakers": st.lists(st.sampled_from([*pool[:3], "us officials"]), min_size=1, max_size=2).map(tuple),
        "quote_kinds": st.lists(st.sampled_from(QUOTE_KINDS), min_size=1, max_size=2).map(tuple),
        "confidence_bands": st.lists(st.sampled_from(CONFIDENCE_BANDS), min_size=1, max_size=5).map(tuple),
        "tags": st.just(("review",)),
        "stars_only": st.just(True),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(fields)), min_size=1, max_size=3, unique=True))  # AND of 1-3
    spec = FilterSpec(**{name: draw(fields[name]) for name in chosen})
    return book, spec


def _ids(book: Book, masks: FilterMasks) -> dict[str, list[Any]]:
    """The surviving rows of ``masks`` as the reference writes them."""
    out: dict[str, list[Any]] = {
        t: [str(x) for x in book.table(t)[KEYS[t]][getattr(masks, t)]] for t in TABLES if t != "entities"
    }
    kept = masks.entities
    out["entities"] = [
        (str(e), int(m), int(d))
        for e, m, d in zip(book.entities["entity_id"][kept], masks.n_mentions[kept], masks.n_docs[kept], strict=True)
    ]
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=book_and_spec())
def test_masks_match_the_reference_by_every_path(case: tuple[Book, FilterSpec]) -> None:
    book, spec = case
    if spec.is_empty:
        return
    expected = reference(book, spec)
    results = []
    for share in (0.0, 1.0, rows_module.SPARSE_SHARE):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(rows_module, "SPARSE_SHARE", share)
            masks = compute_masks(spec, FilterIndex.build(book))
        assert _ids(book, masks) == expected, f"SPARSE_SHARE={share}"
        results.append(masks)
    for other in results[1:]:
        for name in ("documents", "mentions", "claims", "events", "entities", "places", "n_mentions", "n_docs"):
            np.testing.assert_array_equal(getattr(other, name), getattr(results[0], name))


@pytest.mark.parametrize(
    "spec",
    [
        FilterSpec(entity_ids=("e0", "e3")),
        FilterSpec(entity_ids=("e1",), date_from=date(2018, 1, 1)),
        FilterSpec(entity_types=("person", "place")),
        FilterSpec(confidence_bands=("likely",)),
    ],
    ids=str,
)
def test_sorted_and_shuffled_tables_give_the_same_rows(spec: FilterSpec) -> None:
    """The runs (rows sorted by document) and the lookups (shuffled rows) keep the same rows."""
    sizes = (25, 10, 200, 40, 40)
    kept = []
    for by_doc in (True, False):
        book = bigger_book(11, sizes, by_doc, dangling=False)
        index = FilterIndex.build(book)
        assert (index.m_order is None) == by_doc and (index.c_order is None) == by_doc
        got = _ids(book, compute_masks(spec, index))
        assert got == reference(book, spec)
        kept.append({t: sorted(map(str, v)) for t, v in got.items()})
    assert kept[0] == kept[1]
    assert kept[0]["documents"], "the spec keeps documents (else the test shows nothing)"


@pytest.mark.parametrize("by_doc", [True, False])
def test_the_last_documents_run_is_read_whole_when_documents_after_it_mention_nothing(by_doc: bool) -> None:
    """Found by the test above (README's test command, 2026-12-07): with whole passes (``SPARSE_SHARE`` 0),
    the per-document reduction clipped the starts of the trailing documents' empty runs to the last pair,
    which cut the last document's run of pairs to its first pair: a document mentioning an entity outside
    the box first and one inside it after was dropped by a ``bbox`` filter. Seed 256 is such a Book (d04
    mentions e1, outside, then e2, inside; d05 mentions nothing)."""
    book = bigger_book(256, (6, 6, 4, 0, 0), by_doc)
    spec = FilterSpec(bbox=(124.0, 37.0, 131.0, 43.0))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(rows_module, "SPARSE_SHARE", 0.0)
        got = _ids(book, compute_masks(spec, FilterIndex.build(book)))
    assert got == reference(book, spec)
    assert "d04" in got["documents"]
