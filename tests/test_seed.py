"""The seed document end to end, against expectations written by reading it.

seeds/000_835897a5739e6757.txt: The Straits Times, print edition of 2019-01-19 (a Saturday).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import workbook as wb
from tests.conftest import SEEDS
from workbook.book import Book

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def seed_book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    corpus = tmp_path_factory.mktemp("seed") / "seeds"
    shutil.copytree(SEEDS, corpus)
    return wb.open(corpus, progress=False)


def _entity(book: Book, name: str) -> pd.Series:
    hits = book.entities[book.entities["name"] == name]
    assert len(hits) == 1, f"expected one entity named {name!r}; entities are {sorted(book.entities['name'])}"
    return hits.iloc[0]


def test_document_metadata_comes_from_the_sidecar(seed_book: Book) -> None:
    doc = seed_book.documents.iloc[0]
    assert len(seed_book.documents) == 1
    assert doc["title"] == "US analysts locate 6 factories possibly linked to North Korea's missile programme"
    assert doc["publisher"] == "The Straits Times"
    assert doc["published"] == pd.Timestamp("2019-01-19")
    assert doc["language"] == "en"
    assert doc["n_chars"] == len(doc["text"])


@pytest.mark.parametrize(
    ("name", "type_"),
    [
        ("Jeffrey Lewis", "person"),
        ("David Schmerler", "person"),
        ("Mike Pompeo", "person"),
        ("Kim Yong Chol", "person"),
        ("Donald Trump", "person"),
        ("Kim Jong Un", "person"),
        ("Middlebury Institute of International Studies", "organization"),
        ("Seoul", "place"),
        ("Monterey", "place"),
        ("California", "place"),
        ("Singapore", "place"),
        ("North Korea", "place"),
        ("Hwasong-14", "weapon_system"),
        ("Hwasong-15", "weapon_system"),
    ],
)
def test_entities_are_found_with_their_types(seed_book: Book, name: str, type_: str) -> None:
    assert _entity(seed_book, name)["type"] == type_


def test_no_sentence_openers_or_honorifics_become_entities(seed_book: Book) -> None:
    names = set(seed_book.entities["name"])
    for junk in ("The", "But", "Since", "Now", "Their", "Instead", "Mr", "Mr Lewis", "Mr Kim", "Kim", "Lewis"):
        assert junk not in names


def test_every_mention_slices_to_its_surface(seed_book: Book) -> None:
    text = seed_book.documents.iloc[0]["text"]
    for m in seed_book.mentions.itertuples():
        assert text[m.start : m.end] == m.surface


def test_mr_lewis_is_jeffrey_lewis(seed_book: Book) -> None:
    lewis = _entity(seed_book, "Jeffrey Lewis")["entity_id"]
    m = seed_book.mentions
    mr_lewis = m[m["surface"] == "Mr Lewis"]
    assert len(mr_lewis) >= 2
    assert set(mr_lewis["entity_id"]) == {lewis}


def test_mr_kim_is_kim_jong_un_with_the_ambiguity_recorded(seed_book: Book) -> None:
    kju = _entity(seed_book, "Kim Jong Un")["entity_id"]
    kyc = _entity(seed_book, "Kim Yong Chol")["entity_id"]
    m = seed_book.mentions
    mr_kim = m[m["surface"] == "Mr Kim"]
    assert len(mr_kim) == 4
    assert set(mr_kim["entity_id"]) == {kju}
    assert set(mr_kim["resolution"]) == {"ambiguous"}
    for cands in mr_kim["candidates"]:
        assert {kju, kyc} <= set(cands)


def test_direct_quotes_are_attributed_to_lewis_with_their_hedges(seed_book: Book) -> None:
    lewis = _entity(seed_book, "Jeffrey Lewis")["entity_id"]
    direct = seed_book.claims[seed_book.claims["quote_kind"] == "direct"].sort_values("start")
    assert len(direct) == 3
    assert set(direct["speaker_id"]) == {lewis}
    assert list(direct["hedge"]) == ["may", "may", "likely"]
    assert direct.iloc[0]["text"].lstrip('"“').startswith("North Korea may be reluctant")
    assert direct.iloc[2]["cue"] == "said"
    assert list(direct["confidence"])[2] == "likely"


def test_reported_and_unattributed_hedged_claims(seed_book: Book) -> None:
    c = seed_book.claims
    officials = c[c["speaker_text"].astype(object).fillna("").str.contains("intelligence officials")]
    assert len(officials) == 1
    assert officials.iloc[0]["quote_kind"] == "indirect"
    assert officials.iloc[0]["hedge"] == "believed"
    unattributed = c[c["quote_kind"] == "unattributed"]
    hedges = set(unattributed["hedge"])
    assert {"believed", "suspected", "possibly"} <= hedges
    assert unattributed["speaker_id"].isna().all()


def test_relative_and_absolute_dates_resolve_against_publication(seed_book: Book) -> None:
    ev = seed_book.events.set_index("text")
    last_june = ev.loc["last June"]
    assert (last_june["date_start"], last_june["date_end"]) == (pd.Timestamp("2018-06-01"), pd.Timestamp("2018-06-30"))
    assert last_june["precision"] == "month"
    assert last_june["resolution"] == "relative"
    thursday = seed_book.events[seed_book.events["text"].str.contains("Thursday")].iloc[0]
    assert thursday["date_start"] == thursday["date_end"] == pd.Timestamp("2019-01-17")
    assert thursday["precision"] == "day"
    y2017 = seed_book.events[seed_book.events["text"].str.contains("2017")].iloc[0]
    assert (y2017["date_start"].date(), y2017["date_end"].date()) == (date(2017, 1, 1), date(2017, 12, 31))
    assert y2017["precision"] == "year"


def test_places_have_coordinates_with_uncertainty(seed_book: Book) -> None:
    places = seed_book.places.merge(seed_book.entities[["entity_id", "name"]], on="entity_id")
    seoul = places[places["name"] == "Seoul"].iloc[0]
    assert abs(seoul["lat"] - 37.57) < 0.2 and abs(seoul["lon"] - 126.98) < 0.2
    assert seoul["uncertainty_km"] > 0
    assert (places["uncertainty_km"] > 0).all()


def test_ids_are_stable_across_rebuilds(seed_book: Book, tmp_path: Path) -> None:
    corpus = tmp_path / "again"
    shutil.copytree(SEEDS, corpus)
    again = wb.open(corpus, progress=False)
    for name in ("documents", "entities", "mentions", "claims", "events"):
        key = {
            "documents": "doc_id",
            "entities": "entity_id",
            "mentions": "mention_id",
            "claims": "claim_id",
            "events": "event_id",
        }[name]
        assert sorted(again.table(name)[key]) == sorted(seed_book.table(name)[key]), name
