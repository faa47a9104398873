"""Formula injection in CSV: one guard for every CSV the workbook writes.

Excel and LibreOffice run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, after a tab or
carriage return, what follows) as a formula: a document title such as ``=HYPERLINK("http://…")`` in a
CSV becomes a live link or command when an analyst opens it. :func:`guard_formula` prefixes such text
cells with ``'`` (the spreadsheet convention for "this is text"); :func:`unguard_formula` takes the
prefix off again when the workbook reads its own CSV back. Numbers are not text cells: callers guard
only text columns, so ``-5`` stays a number. XLSX and Parquet keep the raw values (they store types).
"""

from __future__ import annotations

__all__ = ["FORMULA_START", "guard_formula", "unguard_formula"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula, else unchanged."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unguard_formula(text: str) -> str:
    """The inverse of :func:`guard_formula` (``"'=A1"`` gives ``"=A1"``; other text is unchanged)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text
