"""The explorer's views out of sight and its filter index, built while the kernel is idle after the first draw.

The first draw shows the whole Book and needs no :class:`~workbook.filtering.FilterIndex`; the index builds
its parts on first use, so the analyst's first filter used to pay for them (at 100,000 documents about
1 CPU-second for an entity: the entities, mentions, claims' and events' documents, speakers). Once the page
has drawn the first views, :func:`warm_when_idle` builds those parts one at a time, each a callback of the
kernel's event loop scheduled ``delay_s`` after the previous one ended, so that a click arriving meanwhile
waits for one part at most. Before the index, the explorer builds the figures of the views out of sight
the same way, one a callback (sent, and drawn by the page when scrolled to), so that a view first scrolled
to is drawn at once. The parts that lower-case and count every text (a text search's) are left to the
first text search: they are the index's memory (see ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from workbook.errors import WorkbookError
from workbook.filtering import FilterIndex
from workbook.filtering.index import PARTS

__all__ = ["IDLE_DELAY_S", "WARM_ATTRIBUTES", "warm_when_idle"]

#: Seconds between the first draw (or a part built) and the next part.
IDLE_DELAY_S = 1.0

#: One attribute of each part built in idle time (a structured filter's parts; not the texts').
WARM_ATTRIBUTES: tuple[str, ...] = (
    "m_doc",  # mentions (an entity filter)
    "universe",  # entities and places
    "c_doc",  # claims' documents
    "v_doc",  # events' documents
    "c_speaker",  # speakers
    "v_start",  # events' days
    "doc_day",  # publication days
    "c_kind",  # quote kinds and confidence bands
    "doc_pub",  # publishers
)


def warm_when_idle(
    index: Callable[[], FilterIndex], first: Callable[[], bool] | None = None, delay_s: float | None = None
) -> bool:
    """Build the parts of ``index()`` named by :data:`WARM_ATTRIBUTES` in the running event loop, one a
    callback, the first ``delay_s`` (default :data:`IDLE_DELAY_S`) from now and each next ``delay_s`` after the
    previous ended; before them, ``first()`` a callback as long as it returns True (it did some work: the
    explorer builds one view out of sight a call). False (nothing scheduled) outside an event loop (a script
    or a test, where a filter builds what it needs)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return False
    todo = [name for name in WARM_ATTRIBUTES if name in PARTS]
    delay = IDLE_DELAY_S if delay_s is None else delay_s
    before = [first] if first is not None else []

    def step() -> None:
        if before:
            if before[0]():
                loop.call_later(delay, step)
                return
            before.clear()
        if todo:
            try:
                getattr(index(), todo.pop(0))  # built on first access (thread-safe, once)
            except WorkbookError:
                return  # e.g. duplicate keys: the first filter reports it, with its message
            loop.call_later(delay, step)

    loop.call_later(delay, step)
    return True
