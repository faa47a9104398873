"""The build's CPU around the extractor: the garbage collector held back and put back as it was, and
the default extractor sent to worker processes by name (they read the package data themselves)
while a user's gazetteer or watchlist still reaches them."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from workbook.collector import YOUNG_OBJECTS, paused_collector, quiet_collector

pytestmark = pytest.mark.unit


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
    assert gc.get_freeze_count() == frozen and gc.get_threshold() == (50_000, 10, 10)


def test_paused_collector_enables_only_what_was_enabled(collector_as_found: None) -> None:
    with paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with paused_collector():
        pass
    assert not gc.isenabled()
