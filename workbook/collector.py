"""Python's cyclic garbage collector held back while a build or a large load runs, then put back.

A build makes millions of small objects (tokens, candidates, row dicts) that die young by reference
counting, and keeps everything loaded before it alive throughout (pandas, the gazetteer's 21,876
entries, the entity model's word table). The collector does not know that: with its default
thresholds it ran about 1,000 young and 7 full collections in a build of the KCNA 2024 archive, each
full one walking every object the process holds, 0.5 CPU-s of a 9 s build; reading the built-in
gazetteer spent 0.05 of its 0.2 CPU-s collecting objects it had just made and was keeping.

* :func:`quiet_collector` — for a build: the objects alive when it starts are set aside
  (``gc.freeze``) so that full collections do not walk them, and a young collection waits for
  :data:`YOUNG_OBJECTS` new objects instead of 700; on the way out both are put back as they were
  (``gc.unfreeze``: the set-aside objects return to the oldest generation, where they were). Garbage
  cycles are still collected during the build, only less often.
* :func:`paused_collector` — for a load that makes many objects and keeps them all: no collection
  until it is done.

Both leave the collector as they found it, so a notebook that builds keeps its own settings; when the
caller has frozen objects itself (``gc.get_freeze_count()``), nothing is frozen or unfrozen here. Only
CPU changes: every object is freed as before, the same tables come out.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["YOUNG_OBJECTS", "paused_collector", "quiet_collector"]

#: New container objects (net of those freed) before a young collection while a build runs (Python's
#: default is 700). A young collection then walks at most this many objects, a few MB.
YOUNG_OBJECTS = 20_000


@contextlib.contextmanager
def quiet_collector(young: int = YOUNG_OBJECTS) -> Iterator[None]:
    """The collector set aside what is alive now and collect young objects less often inside the
    block; as it was afterwards (see the module docstring)."""
    before = gc.get_threshold()
    freeze = gc.isenabled() and gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.set_threshold(max(young, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if freeze:
            gc.unfreeze()


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """No cyclic collection inside the block (objects are still freed by reference counting); the
    collector enabled again afterwards if it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
