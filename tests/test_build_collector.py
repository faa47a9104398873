"""The build's CPU around the extractor: the garbage collector held back and put back as it was, and
the default extractor sent to worker processes by name (they read the package data themselves)
while a user's gazetteer or watchlist still reaches them."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from workbook.book import TABLE_NAMES
from workbook.build import build
from workbook.collector import YOUNG_OBJECTS, paused_collector, quiet_collector
from workbook.curation.watchlist import Watchlist, WatchlistEntry
from workbook.extract.base import DocumentInput
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_model import default_entity_model
from workbook.extract.pipeline import DefaultExtractor
from workbook.workspace import read_book

pytestmark = pytest.mark.unit

TEXT = (
    "Coach Dana Whitfield said on Tuesday that Harbourside United would play at Kelmar Arena in Bristol. "
    "The Kelmar Arena owners, Norland Leisure Ltd, told the court the lease ran to 2031. "
    "Judge Ana Ruiz said the hearing in Cardiff would resume on Friday."
)


@pytest.fixture
def collector_as_found() -> Iterator[None]:
    """Whatever a test does to the collector, the next test finds Python's own settings."""
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.set_threshold(*threshold)
    if gc.get_freeze_count():
        gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


def test_quiet_collector_puts_everything_back(collector_as_found: None) -> None:
    gc.set_threshold(700, 10, 10)
    kept = [[i] for i in range(100)]
    with quiet_collector():
        assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)
        assert gc.get_freeze_count() >= len(kept)  # what was alive is set aside
        with quiet_collector():  # nested: nothing frozen or unfrozen twice
            assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_quiet_collector_still_collects_cycles(collector_as_found: None) -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    with quiet_collector():
        for _ in range(50):
            Node()
        assert gc.collect() >= 50  # cycles made inside are garbage as ever


def test_quiet_collector_leaves_the_callers_frozen_objects_and_raises_no_lower_threshold(
    collector_as_found: None,
) -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    gc.set_threshold(50_000, 10, 10)
    with quiet_collector():
        assert gc.get_threshold() == (50_000, 10, 10)
    # nothing unfrozen (the count would drop to 0) and nothing more frozen; the count itself may fall a little
    # when a frozen object dies meanwhile (another thread of the test process: CI saw 625,067 -> 625,065)
    assert 0 < gc.get_freeze_count() <= frozen and gc.get_threshold() == (50_000, 10, 10)


def test_paused_collector_enables_only_what_was_enabled(collector_as_found: None) -> None:
    with paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with paused_collector():
        pass
    assert not gc.isenabled()


def test_the_default_extractor_travels_by_name_and_extracts_the_same() -> None:
    ex = DefaultExtractor()
    sent = pickle.dumps(ex)
    assert len(sent) < 2_000  # was 14.5 MB: the gazetteer and the model are read from package data
    back = pickle.loads(sent)
    assert back == ex and back.gazetteer is builtin_gazetteer() and back.entity_model is default_entity_model()
    doc = DocumentInput("d1", TEXT, published=date(2024, 5, 2))
    assert back.extract(doc) == ex.extract(doc)
    without = pickle.loads(pickle.dumps(DefaultExtractor(entity_model=None)))
    assert without.entity_model is None


def test_a_users_gazetteer_and_watchlist_travel_with_the_extractor(tmp_path: Path) -> None:
    table = tmp_path / "venues.csv"
    table.write_text("name,lat,lon,type\nKelmar Arena,51.45,-2.58,facility\n", encoding="utf-8")
    watch = Watchlist((WatchlistEntry("Norland Leisure Ltd", "organization", ("Norland Leisure",)),))
    mine = DefaultExtractor.from_options(gazetteers=[table])
    mine = DefaultExtractor(gazetteer=mine.gazetteer, sources=mine.sources, watchlist=watch, name="mine")
    back = pickle.loads(pickle.dumps(mine))
    assert back.gazetteer is not builtin_gazetteer() and len(back.gazetteer) == len(mine.gazetteer)
    assert back.settings() == mine.settings() and back.name == "mine" and back.watchlist is not None
    assert back.watchlist.entries == watch.entries
    doc = DocumentInput("d1", TEXT)
    found = back.extract(doc)
    assert found == mine.extract(doc)
    assert any(e.name == "Kelmar Arena" and e.type == "facility" for e in found.entities)


class Tagged(DefaultExtractor):
    """A subclass: its fields are unknown to the default extractor's short form."""


def test_a_subclass_travels_whole() -> None:
    assert type(pickle.loads(pickle.dumps(Tagged()))) is Tagged


def test_workers_with_a_users_gazetteer_give_the_serial_tables(tmp_path: Path) -> None:
    table = tmp_path / "venues.csv"
    table.write_text("name,lat,lon,type\nKelmar Arena,51.45,-2.58,facility\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"d{i}.txt").write_text(TEXT.replace("Tuesday", f"day {i}"), encoding="utf-8")
    mine = DefaultExtractor.from_options(gazetteers=[table])
    build([corpus], tmp_path / "serial", extractor=mine, progress=False)
    build([corpus], tmp_path / "workers", extractor=mine, progress=False, workers=2)
    serial, workers = read_book(tmp_path / "serial"), read_book(tmp_path / "workers")
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(serial.table(name), workers.table(name), obj=name)
    assert "Kelmar Arena" in set(serial.entities["name"])
