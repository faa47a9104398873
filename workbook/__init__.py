"""workbook: turn documents and datasets into tables an investigator explores in JupyterLab.

    >>> import workbook as wb
    >>> book = wb.open("seeds/")          # builds the workspace when needed
    >>> book.claims[["speaker_text", "hedge", "confidence", "text"]]

The public surface is small: :func:`open`, :func:`build`, :class:`Book`, the data model in
:mod:`workbook.model` and the named errors in :mod:`workbook.errors`. The explorer, filters,
charts and exports are imported lazily so that ``import workbook`` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from workbook.api import open
from workbook.book import Book

# ``build`` is both a submodule and the function: importing the submodule anywhere would set the
# package attribute to the module, so the function is bound here, eagerly, once and for all.
from workbook.build import BuildReport, build
from workbook.errors import WorkbookError
from workbook.model import SCHEMA_VERSION
from workbook.version import __version__

# Likewise ``explore``: the pure explorer package ``workbook.explore`` (light: its modules load on first
# use) is imported now, so that the function below, not the package, is ``wb.explore`` from then on.
importlib.import_module("workbook.explore")

__all__ = [
    "SCHEMA_VERSION",
    "Book",
    "BuildReport",
    "FilterSpec",
    "WorkbookError",
    "__version__",
    "apply",
    "apply_curation",
    "build",
    "curation",
    "explore",
    "export_report",
    "load_table",
    "open",
    "open_report",
    "save_view",
    "view",
    "views",
]

_LAZY = {
    "FilterSpec": ("workbook.filtering", "FilterSpec"),
    "apply": ("workbook.filtering", "apply"),
    "export_report": ("workbook.export", "export_report"),
    "open_report": ("workbook.export", "open_report"),
    "load_table": ("workbook.tables", "load_table"),
    "apply_curation": ("workbook.curation.apply", "apply_curation"),
    "save_view": ("workbook.curation.saved_views", "save_view"),
    "view": ("workbook.curation.saved_views", "view"),
    "views": ("workbook.curation.saved_views", "views"),
}
#: Subpackages reachable as attributes without importing them first (``wb.curation.merge(...)``).
_LAZY_MODULES = ("curation",)


if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    import pandas as pd

    from workbook.widgets.explorer import Explorer


def explore(
    book: Book,
    views: Sequence[str] | None = None,
    view_options: Mapping[str, Mapping[str, Any]] | None = None,
    table: str = "claims",
    page_size: int = 25,
    columns: int = 0,
    *,
    export_dir: str | Path = "exports",
    launches: pd.DataFrame | None = None,
) -> Explorer:
    """The explorer widget over ``book`` (in JupyterLab): see :func:`workbook.widgets.explore`."""
    from workbook.widgets import explore as _explore

    return _explore(book, views, view_options, table, page_size, columns, export_dir=export_dir, launches=launches)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    if name in _LAZY_MODULES:
        return importlib.import_module(f"workbook.{name}")
    raise AttributeError(f"module 'workbook' has no attribute {name!r}")
