"""What makes a report readable beside a story: human column headers, a title from the filter, a summary.

The data files of a bundle (CSV, XLSX, Parquet, ``citations.csv``) keep the field names of the data model,
so that :func:`workbook.open_report` and other tools read them back; the pages show what this module makes
of them: headers such as "Speaker", "Quote kind", "Document" (the title, not the id), "From character".
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from workbook.book import Book
from workbook.filtering.spec import FilterSpec

__all__ = ["COLUMN_LABELS", "DEFAULT_TITLES", "TITLE_CHARS", "counts_frame", "readable_table", "report_title"]

#: How the pages head a data-model column.
COLUMN_LABELS: Mapping[str, str] = {
    "ref": "Citation",
    "doc_id": "Document",
    "title": "Title",
    "publisher": "Publisher",
    "published": "Published",
    "source": "Source file",
    "n_chars": "Characters",
    "name": "Name",
    "type": "Type",
    "n_mentions": "Mentions",
    "n_docs": "Documents",
    "origin": "Found by",
    "surface": "As written",
    "entity_id": "Entity",
    "start": "From character",
    "end": "To character",
    "resolution": "Resolution",
    "speaker_text": "Speaker",
    "quote_kind": "Quote kind",
    "hedge": "Hedge",
    "confidence": "Confidence (ICD 203)",
    "text": "Text",
    "date_start": "From",
    "date_end": "To",
    "precision": "Precision",
    "kind": "Kind",
    "lat": "Latitude",
    "lon": "Longitude",
    "uncertainty_km": "Uncertainty (km)",
    "coord_source": "Coordinates from",
    "source_name": "Source",
    "admin_area": "Area",
    "url": "Link",
    "sha256": "Text sha256",
}
#: Titles that mean "no title given": the report is then titled after its filter.
DEFAULT_TITLES: tuple[str, ...] = ("", "report")
#: A title made from a filter is cut to this many characters.
TITLE_CHARS = 90


def report_title(title: str | None, spec: FilterSpec, book: Book) -> str:
    """``title``, or when none was given (None, blank, "Report") one made from the filter: its description
    with names for ids ("Entities: Kim Jong Un; published 2024-07-01 to 2024-11-30"), or "Everything in
    <workspace>" for no filter."""
    if title is not None and title.strip().lower() not in DEFAULT_TITLES:
        return title.strip()
    if spec.is_empty:
        where = book.workspace.name if book.workspace is not None else "the Book"
        return f"Everything in {where}"
    text = spec.describe(book)
    text = text[:1].upper() + text[1:]
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def readable_table(df: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """``df`` (a page's table) with human headers; given ``documents``, a ``doc_id`` column shows the
    document's title (without, it stays the id, headed "Document id")."""
    out = df.copy()
    if documents is None:
        return out.rename(
            columns={c: "Document id" if c == "doc_id" else COLUMN_LABELS.get(str(c), str(c)) for c in out.columns}
        )
    if "doc_id" in out.columns:
        titles = dict(zip(documents["doc_id"].astype(str), documents["title"].astype(object), strict=True))
        out["doc_id"] = [titles.get(str(d)) or str(d) for d in out["doc_id"]]
    return out.rename(columns={c: COLUMN_LABELS.get(str(c), str(c)) for c in out.columns})


def counts_frame(counts: Mapping[str, tuple[int, int]]) -> pd.DataFrame:
    """The summary's counts: one row per table, in view and in the whole workspace."""
    return pd.DataFrame(
        {
            "": [name.capitalize() for name in counts],
            "In this report": [f"{shown:,}" for shown, _ in counts.values()],
            "In the workspace": [f"{total:,}" for _, total in counts.values()],
        }
    )
