"""workbook: turn documents and datasets into tables an investigator explores in JupyterLab.

    >>> import workbook as wb
    >>> book = wb.open("seeds/")          # builds the workspace when needed
    >>> book.claims[["speaker_text", "hedge", "confidence", "text"]]

The public surface is small: :func:`open`, :func:`build`, :class:`Book`, the data model in
:mod:`workbook.model` and the named errors in :mod:`workbook.errors`. The explorer, filters,
charts and exports are imported lazily so that ``import workbook`` stays light.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from workbook.book import Book
from workbook.errors import WorkbookError
from workbook.model import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Book",
    "BuildReport",
    "FilterSpec",
    "WorkbookError",
    "__version__",
    "apply",
    "build",
    "explore",
    "open",
]

_LAZY = {
    "open": ("workbook.api", "open"),
    "build": ("workbook.build", "build"),
    "BuildReport": ("workbook.build", "BuildReport"),
    "FilterSpec": ("workbook.filters", "FilterSpec"),
    "apply": ("workbook.filters", "apply"),
    "explore": ("workbook.widgets", "explore"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'workbook' has no attribute {name!r}")
