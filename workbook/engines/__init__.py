"""Build engines: where a build runs ingest and extraction.

* :class:`SerialEngine` — this process, one document after the other (the default);
* :class:`ProcessEngine` — extraction in local worker processes (``build(..., workers=N)``,
  ``workbook build --workers N``);
* :class:`~workbook.engines.dask_engine.DaskEngine` — ingest and extraction as Dask tasks, on a
  LocalCluster or an existing cluster (``workbook build --engine dask [--scheduler ADDRESS]``).

Every engine gives the same tables (ids come from the text and offsets; results are merged in input
order). :func:`resolve_engine` turns the build's ``engine``/``workers`` arguments into an engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from workbook.engines.base import (
    Engine,
    EngineError,
    ExtractFailure,
    ExtractResult,
    extract_batch,
    extract_one,
    iter_batches,
    split_batches,
)
from workbook.engines.local import BATCH_CHARS, ProcessEngine, SerialEngine, default_workers

__all__ = [
    "BATCH_CHARS",
    "ENGINES",
    "ENGINE_NAMES",
    "Engine",
    "EngineError",
    "ExtractFailure",
    "ExtractResult",
    "ProcessEngine",
    "SerialEngine",
    "default_workers",
    "extract_batch",
    "extract_one",
    "iter_batches",
    "resolve_engine",
    "split_batches",
]


def _local(workers: int | None, scheduler: str | None) -> Engine:
    if scheduler is not None:
        raise EngineError("A scheduler address is only for the Dask engine: add --engine dask.")
    return ProcessEngine(workers) if workers is not None and workers > 1 else SerialEngine()


def _dask(workers: int | None, scheduler: str | None) -> Engine:
    from workbook.engines.dask_engine import DaskEngine  # Dask is optional: imported when asked for

    return DaskEngine(scheduler=scheduler, workers=workers)


#: The build engines by name, each a factory of (workers, scheduler); the first is the default. The
#: build's ``engine=`` and ``workbook build --engine`` accept these names.
ENGINES: Mapping[str, Callable[[int | None, str | None], Engine]] = MappingProxyType({"local": _local, "dask": _dask})
#: Engine names the build and the command line accept.
ENGINE_NAMES: tuple[str, ...] = tuple(ENGINES)


def resolve_engine(
    engine: Engine | str | None = None, workers: int | None = None, scheduler: str | None = None
) -> Engine:
    """The engine for a build: an :class:`Engine` as it is; ``None``/``"local"``: :class:`SerialEngine`,
    or :class:`ProcessEngine` when ``workers`` > 1; ``"dask"``: a
    :class:`~workbook.engines.dask_engine.DaskEngine` on ``scheduler`` (or a LocalCluster of ``workers``).
    Raises :class:`EngineError` for an unknown name, a bad ``workers`` or a scheduler without Dask."""
    if workers is not None and workers < 1:
        raise EngineError(f"workers must be at least 1; got {workers}.")
    if engine is not None and not isinstance(engine, str):
        if workers is not None or scheduler is not None:
            raise EngineError("Give workers and scheduler to the engine itself, not beside an engine object.")
        return engine
    name = engine or ENGINE_NAMES[0]
    if name not in ENGINES:
        raise EngineError(f"Unknown build engine {name!r}; the engines are: {', '.join(ENGINE_NAMES)}.")
    return ENGINES[name](workers, scheduler)
