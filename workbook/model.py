"""The workbook's tables, declared once.

Every table the build writes is declared here: its columns, their dtypes, whether they may be null,
and what they mean. Everything else (the build, validation at the boundary, the docs in
``docs/data-model.md``) reads these declarations. Change a table here and bump :data:`SCHEMA_VERSION`.

Provenance: every derived row (mention, claim, event) carries ``doc_id`` and character offsets
``start``/``end`` into that document's ``text``; ``text[start:end]`` is exactly the row's surface.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from workbook.errors import SchemaError
from workbook.labels import labels_series
from workbook.lists import LIST_DTYPE, list_series

__all__ = [
    "ANNOTATION_COLUMN_KINDS",
    "ANNOTATION_KINDS",
    "ANNOTATION_TARGET_KINDS",
    "BUILD_STAGES",
    "CLAIM_STATUSES",
    "CONFIDENCE_BANDS",
    "COORD_SOURCES",
    "CURATION_OPS",
    "DATE_PRECISIONS",
    "DATE_RESOLUTIONS",
    "ENTITY_TYPES",
    "LINK_KINDS",
    "MENTION_RESOLUTIONS",
    "NO_STATUS",
    "QUOTE_KINDS",
    "READABLE_SCHEMA_VERSIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "TABLES_CHANGED_SINCE",
    "UNSTAR_VALUES",
    "Column",
    "Table",
    "conform",
    "data_model_markdown",
    "empty_frame",
    "is_starred",
    "table",
]

SCHEMA_VERSION = "1.4"
#: Older schema versions whose snapshots this workbook still opens → the tables whose declaration changed
#: since: those are read through :func:`conform`, which converts (and checks) them; the others as they are.
#: 1.1 → 1.2: ``annotations.kind`` and ``annotations.target_kind`` became categorical.
#: 1.2 → 1.3: ``list`` columns are Arrow lists in memory (:data:`workbook.lists.LIST_DTYPE`) instead of
#: Python lists; their Parquet storage (a list of strings) is the same, so no table needs converting.
#: 1.3 → 1.4: id-like columns of repeated strings (``doc_id`` of the mentions, claims and events, ``entity_id``,
#: ``surface``, the speakers, ``context``, ...) are declared ``labels``: pandas categoricals in memory, the
#: same strings in Parquet, so no table needs converting (the column reader makes them as it reads).
TABLES_CHANGED_SINCE: dict[str, tuple[str, ...]] = {"1.1": ("annotations",), "1.2": (), "1.3": ()}
#: The schema versions whose snapshots this workbook opens.
READABLE_SCHEMA_VERSIONS: tuple[str, ...] = (*TABLES_CHANGED_SINCE, SCHEMA_VERSION)

ENTITY_TYPES: tuple[str, ...] = (
    "person",
    "organization",
    "place",
    "facility",
    "weapon_system",
    "other",
)
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "unattributed")
#: Estimative bands of ICD 203 (US Intelligence Community Directive 203, "Analytic Standards",
#: 2015), least to most likely, plus ``unhedged`` for statements made without any hedge word.
#: The mapping from hedge words to bands and its justification is in ``workbook.extract.hedges``.
CONFIDENCE_BANDS: tuple[str, ...] = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
    "unhedged",
)
DATE_PRECISIONS: tuple[str, ...] = ("day", "days", "month", "year", "decade")
#: ``absolute``: the text names the date ("January 19, 2019"); ``relative``: resolved against the
#: document's publication date ("last June", "on Thursday"); ``unanchored``: relative, but the
#: document has no publication date, so the expression is kept without a date.
DATE_RESOLUTIONS: tuple[str, ...] = ("absolute", "relative", "unanchored")
#: How a mention was tied to its entity: ``exact`` (the surface is the canonical name or a
#: gazetteer name), ``alias`` (a known alias or a shorter form such as "Mr Lewis"),
#: ``ambiguous`` (several entities fit; the chosen one is the most recent, the others are listed in
#: ``candidates``).
MENTION_RESOLUTIONS: tuple[str, ...] = ("exact", "alias", "ambiguous")
COORD_SOURCES: tuple[str, ...] = ("gazetteer", "dataset", "analyst")
BUILD_STAGES: tuple[str, ...] = ("discover", "read", "decode", "metadata", "parse", "extract", "write")

# --- the analyst's vocabularies (workbook.curation writes them, workbook.filtering reads them) ---------

#: What an analyst can annotate (``annotations.target_kind``), in the order of the filters' integer codes.
ANNOTATION_TARGET_KINDS: tuple[str, ...] = ("document", "entity", "claim", "event")
#: What an annotation says: a tag, a star (or its removal), a note, a claim's status.
ANNOTATION_KINDS: tuple[str, ...] = ("tag", "star", "note", "status")
#: The rows a claim's status links to, as ``annotations`` rows of these kinds (value: the linked row's id).
LINK_KINDS: tuple[str, ...] = ("supports", "contradicts")
#: Every value of ``annotations.kind``: the annotation kinds and the link kinds.
ANNOTATION_COLUMN_KINDS: tuple[str, ...] = (*ANNOTATION_KINDS, *LINK_KINDS)
#: A claim's analyst status (the value of a ``status`` annotation).
CLAIM_STATUSES: tuple[str, ...] = ("unverified", "corroborated", "disputed", "refuted")
#: The effective status of a claim that has no ``status`` annotation; filters may name it.
NO_STATUS = "unreviewed"
#: ``star`` annotation values (compared lower-cased) that *remove* a star; any other value, or null, stars.
UNSTAR_VALUES: tuple[str, ...] = ("0", "false", "no", "off", "unstar", "unstarred")
#: The entity curation decisions of the analyst's curation log (``op`` of a record).
CURATION_OPS: tuple[str, ...] = ("merge", "split", "rename", "alias", "reject")


def is_starred(value: Any) -> bool:
    """Does a target whose latest ``star`` annotation has ``value`` count as starred? Yes for null
    (a plain star) and for any value but the :data:`UNSTAR_VALUES` (compared lower-cased)."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return True
    return str(value).lower() not in UNSTAR_VALUES


_CATEGORIES: dict[str, tuple[str, ...]] = {}


@dataclass(frozen=True)
class Column:
    """One column of a declared table.

    ``dtype`` is a pandas dtype name (``string``, ``Int64``, ``int64``, ``float64``,
    ``datetime64[s]``, ``bool``, ``boolean``), ``category`` (with ``categories``: a closed, declared
    list), ``labels`` (text repeated across rows — ids, names, sentences — held as a pandas categorical
    whose categories are the distinct values present: one int32 per row instead of one string; open, so
    any text is allowed; plain strings in Parquet; see :mod:`workbook.labels` for changing such a column),
    or ``list`` (a list of strings per row: an Arrow list column in memory,
    :data:`workbook.lists.LIST_DTYPE`, whose cells read as Python lists; a Parquet list on disk).
    """

    name: str
    dtype: str
    meaning: str
    nullable: bool = False
    categories: tuple[str, ...] = ()
    ordered: bool = False

    def pandas_dtype(self) -> Any:
        if self.dtype == "category":
            return pd.CategoricalDtype(list(self.categories), ordered=self.ordered)
        if self.dtype == "list":
            return LIST_DTYPE
        if self.dtype == "labels":
            return pd.CategoricalDtype(pd.Index([], dtype="str"))  # open: a column's categories are its values
        if self.dtype == "string":
            return pd.StringDtype()
        return self.dtype


@dataclass(frozen=True)
class Table:
    """A declared table: its name, meaning, key and columns."""

    name: str
    meaning: str
    key: tuple[str, ...]
    columns: tuple[Column, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _c(name: str, dtype: str, meaning: str, nullable: bool = False, **kw: Any) -> Column:
    return Column(name, dtype, meaning, nullable, **kw)


_PROV = (
    _c("doc_id", "labels", "The document the row comes from (documents.doc_id)."),
    _c("start", "int64", "Character offset where the span begins in the document's text."),
    _c("end", "int64", "Character offset where the span ends (exclusive)."),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            "One row per distinct document (by content hash). Duplicates are reported, not stored twice.",
            ("doc_id",),
            (
                _c("doc_id", "string", "Stable id: 'd' + the first 16 hex digits of sha256 of the text."),
                _c("title", "string", "Title from metadata, the document's own heading, or its file name."),
                _c("publisher", "labels", "Publisher or outlet, when known.", True),
                _c(
                    "published",
                    "datetime64[s]",
                    "Publication date from metadata; null when unknown (never the build date).",
                    True,
                ),
                _c(
                    "dateline_place",
                    "labels",
                    "Place of filing from the text's dateline ('Pyongyang, May 26 "
                    "(KCNA) --' gives Pyongyang), when it opens with one.",
                    True,
                ),
                _c(
                    "dateline_source",
                    "labels",
                    "News agency or outlet named in the dateline (KCNA, Reuters, AP).",
                    True,
                ),
                _c("source", "string", "Where it came from: a path relative to the corpus root, or a URL."),
                _c("sha256", "string", "sha256 of the UTF-8 text (hex)."),
                _c("text", "string", "The full plain text. All offsets in other tables index into it."),
                _c("n_chars", "int64", "len(text)."),
                _c("language", "labels", "ISO 639-1 language code, when known.", True),
                _c("format", "labels", "What it was read from: txt, md, html, pdf, docx, json, jsonl."),
                _c(
                    "section",
                    "labels",
                    "Section or topic from metadata (e.g. a KCNA topic); when the same text was filed under "
                    "several sections, all of them, '; '-separated.",
                    True,
                ),
                _c("url", "string", "The document's URL, when known.", True),
                _c("encoding", "labels", "The text encoding detected for text formats.", True),
                _c("meta", "string", "Other metadata fields as a JSON object.", True),
            ),
        ),
        Table(
            "entities",
            "People, organisations, places, facilities and weapon systems found across the corpus.",
            ("entity_id",),
            (
                _c("entity_id", "string", "Stable id: 'e' + a hash of type and normalised canonical name."),
                _c("name", "string", "Canonical name (the fullest form seen)."),
                _c("type", "category", "Entity type.", categories=ENTITY_TYPES),
                _c("aliases", "list", "Other surface forms that refer to it (e.g. 'Mr Lewis')."),
                _c("n_mentions", "int64", "Number of mentions in the corpus."),
                _c("n_docs", "int64", "Number of documents that mention it."),
                _c("origin", "labels", "What found it: rules, gazetteer:<name>, watchlist, spacy, ..."),
            ),
        ),
        Table(
            "mentions",
            "Each place in a document where an entity is named.",
            ("mention_id",),
            (
                _c("mention_id", "string", "Stable id from doc_id and offsets."),
                *_PROV,
                _c("entity_id", "labels", "The entity referred to (entities.entity_id)."),
                _c("surface", "labels", "Exactly text[start:end]."),
                _c("sentence", "int64", "Index of the sentence in the document (0-based)."),
                _c(
                    "resolution",
                    "category",
                    "How the mention was tied to its entity.",
                    categories=MENTION_RESOLUTIONS,
                ),
                _c("candidates", "list", "When ambiguous: every entity id that could be meant."),
            ),
        ),
        Table(
            "claims",
            "Statements: direct and reported quotes with their speaker, and hedged unattributed statements.",
            ("claim_id",),
            (
                _c("claim_id", "string", "Stable id from doc_id and offsets."),
                *_PROV,
                _c("text", "string", "Exactly text[start:end]: the quote or the hedged statement."),
                _c("sentence", "int64", "Index of the sentence where the claim starts."),
                _c("speaker_id", "labels", "The speaker's entity id, when resolved.", True),
                _c(
                    "speaker_text",
                    "labels",
                    "The speaker as shown: the resolved entity's canonical name when resolved, else the words as "
                    "written ('US officials'); null for a pronoun or generic noun nobody could be found for.",
                    True,
                ),
                _c("speaker_as_written", "labels", "The speaker's words as written ('he', 'Mr Lewis').", True),
                _c("quote_kind", "category", "direct, indirect or unattributed.", categories=QUOTE_KINDS),
                _c("cue", "labels", "The reporting cue: 'said', 'according to', 'told', ...", True),
                _c("hedge", "labels", "The hedge word, lower-cased ('may', 'likely', 'believed'), if any.", True),
                _c(
                    "confidence",
                    "category",
                    "ICD 203 band implied by the hedge; 'unhedged' when there is none.",
                    categories=CONFIDENCE_BANDS,
                ),
                _c("entity_ids", "list", "Entities mentioned inside the claim span."),
            ),
        ),
        Table(
            "events",
            "Dated happenings: each date expression, resolved to an interval with its precision.",
            ("event_id",),
            (
                _c("event_id", "string", "Stable id from doc_id and offsets."),
                *_PROV,
                _c("text", "labels", "Exactly text[start:end]: the date expression ('last June')."),
                _c("sentence", "int64", "Index of the sentence holding the expression."),
                _c("context", "labels", "The whole sentence, for display."),
                _c("date_start", "datetime64[s]", "First day of the interval the expression denotes.", True),
                _c("date_end", "datetime64[s]", "Last day of the interval (inclusive).", True),
                _c(
                    "precision",
                    "category",
                    "day (one day), days (several), month, year or decade.",
                    categories=DATE_PRECISIONS,
                ),
                _c("resolution", "category", "absolute, relative or unanchored.", categories=DATE_RESOLUTIONS),
                _c("anchor", "datetime64[s]", "The date a relative expression was resolved against.", True),
                _c("kind", "labels", "What happened, when known (e.g. 'meeting', 'visit', 'launch').", True),
                _c("entity_ids", "list", "Entities named in the same sentence."),
            ),
        ),
        Table(
            "places",
            "Coordinates for place and facility entities, each with its uncertainty and source.",
            ("entity_id",),
            (
                _c("entity_id", "string", "The place or facility (entities.entity_id)."),
                _c("lat", "float64", "Latitude, WGS84 degrees."),
                _c("lon", "float64", "Longitude, WGS84 degrees."),
                _c(
                    "uncertainty_km",
                    "float64",
                    "Radius within which the thing lies: a country centroid is hundreds of km, a city "
                    "centroid ~10 km, a surveyed facility < 1 km.",
                ),
                _c("coord_source", "category", "gazetteer, dataset or analyst.", categories=COORD_SOURCES),
                _c("source_name", "labels", "Which gazetteer or dataset gave the coordinates."),
                _c("admin_area", "labels", "Province, state or country the place lies in.", True),
            ),
        ),
        Table(
            "build_issues",
            "Everything that went wrong in a build, one row per problem; the rest of the build went on.",
            ("path", "stage", "error"),
            (
                _c("path", "string", "The file (relative to the corpus root) or record that failed."),
                _c("stage", "category", "Where it failed.", categories=BUILD_STAGES),
                _c("error", "string", "The error's class name."),
                _c("message", "string", "What went wrong and what to do about it."),
                _c("doc_id", "string", "The document's id, when it got that far.", True),
            ),
        ),
        Table(
            "annotations",
            "Analyst annotations (tags, stars, notes, claim status), kept apart from rebuilt tables.",
            ("annotation_id",),
            (
                _c("annotation_id", "string", "Stable id of the annotation."),
                _c("target_kind", "category", "What is annotated.", categories=ANNOTATION_TARGET_KINDS),
                _c("target_id", "string", "The id of the annotated row."),
                _c(
                    "kind",
                    "category",
                    "tag, star, note or status; supports / contradicts for the rows a status links to.",
                    categories=ANNOTATION_COLUMN_KINDS,
                ),
                _c("value", "string", "The tag, note text or status.", True),
                _c("author", "string", "Who made it.", True),
                _c("created", "datetime64[s]", "When it was made (UTC)."),
            ),
        ),
    )
}


def table(name: str) -> Table:
    """The declaration of table ``name``; raises :class:`SchemaError` for an unknown name."""
    try:
        return TABLES[name]
    except KeyError:
        raise SchemaError(f"Unknown table {name!r}; the tables are: {', '.join(TABLES)}.") from None


def empty_frame(name: str) -> pd.DataFrame:
    """An empty DataFrame with the declared columns and dtypes of table ``name``."""
    t = table(name)
    return pd.DataFrame({c.name: pd.Series([], dtype=c.pandas_dtype()) for c in t.columns})


def conform(name: str, data: pd.DataFrame | Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Return ``data`` as table ``name``: declared columns in order, declared dtypes, checked.

    Raises :class:`SchemaError` naming the table, the column and (up to five) failing rows when a
    required column is missing, a non-nullable column holds nulls, a categorical value is not
    among the declared categories, or a key is duplicated. Extra columns are dropped.
    """
    t = table(name)
    df = pd.DataFrame(list(data)) if not isinstance(data, pd.DataFrame) else data
    if len(df) == 0:
        return empty_frame(name)
    missing = [c.name for c in t.columns if c.name not in df.columns and not c.nullable and c.dtype != "list"]
    if missing:
        raise SchemaError(f"Table {name!r} lacks required column(s) {missing}; it has {list(df.columns)}.")
    out: dict[str, pd.Series] = {}
    for c in t.columns:
        s = pd.Series([None] * len(df), index=df.index, dtype=object) if c.name not in df.columns else df[c.name]
        if c.dtype == "list":
            s = list_series(s, index=df.index)
        elif c.dtype == "labels":
            s = labels_series(s)
        elif c.dtype == "category":
            bad = ~s.isna() & ~s.isin(c.categories)
            if bad.any():
                rows = list(df.index[bad][:5])
                raise SchemaError(
                    f"Table {name!r}, column {c.name!r}: values {sorted(set(s[bad].astype(str)))[:5]} at rows "
                    f"{rows} are not among the declared categories {list(c.categories)}."
                )
            s = s.astype(c.pandas_dtype())
        else:
            try:
                if c.dtype.startswith("datetime64"):
                    s = pd.to_datetime(s).astype(c.pandas_dtype())
                else:
                    s = s.astype(c.pandas_dtype())
            except (TypeError, ValueError) as exc:
                raise SchemaError(f"Table {name!r}, column {c.name!r} cannot be read as {c.dtype}: {exc}") from exc
        if not c.nullable and c.dtype != "list":
            nulls = s.isna()
            if nulls.any():
                rows = list(df.index[nulls][:5])
                raise SchemaError(f"Table {name!r}, column {c.name!r} must not be null; nulls at rows {rows}.")
        out[c.name] = s
    result = pd.DataFrame(out).reset_index(drop=True)
    if t.key:
        dup = result.duplicated(list(t.key), keep=False)
        if dup.any() and name != "build_issues":
            rows = list(result.index[dup][:5])
            raise SchemaError(f"Table {name!r}: key {list(t.key)} is duplicated at rows {rows}.")
    return result


def data_model_markdown() -> str:
    """The data model as Markdown (what ``docs/data-model.md`` holds)."""
    lines = [
        "# The workbook data model",
        "",
        f"Schema version **{SCHEMA_VERSION}**. Generated from `workbook/model.py` by "
        "`python -m workbook.model > docs/data-model.md`; a test checks that the file is current.",
        "",
        "Every derived row (mention, claim, event) keeps its provenance: `doc_id` plus character "
        "offsets `start`/`end` such that `documents.text[start:end]` is exactly the row's surface.",
        "",
        "dtype `labels`: text repeated across rows (ids, names, sentences), held in memory as a pandas "
        "categorical whose categories are the distinct values present, sorted; plain text in Parquet. "
        "`workbook.labels` has the helpers for changing such a column (new values, counts, concatenation).",
        "",
    ]
    for t in TABLES.values():
        lines += [f"## `{t.name}`", "", t.meaning, "", f"Key: `{', '.join(t.key)}`", ""]
        lines += ["| column | dtype | null | meaning |", "|---|---|---|---|"]
        for c in t.columns:
            dtype = c.dtype
            if c.categories:
                dtype += ": " + ", ".join(c.categories)
            lines.append(f"| `{c.name}` | {dtype} | {'yes' if c.nullable else 'no'} | {c.meaning} |")
        lines.append("")
    lines += [
        "## Vocabularies of the analyst's work",
        "",
        "Values of the analyst's logs (`workbook.curation`) that are not columns of their own.",
        "",
        "| name | values | meaning |",
        "|---|---|---|",
    ]
    for name, values, meaning in _VOCABULARIES:
        lines.append(f"| `{name}` | {', '.join(values)} | {meaning} |")
    lines.append("")
    return "\n".join(lines)


_VOCABULARIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("CLAIM_STATUSES", CLAIM_STATUSES, f"A claim's status (a `status` annotation); none shows as `{NO_STATUS}`."),
    ("UNSTAR_VALUES", UNSTAR_VALUES, "`star` values (any case) that remove a star; null or any other value stars."),
    ("CURATION_OPS", CURATION_OPS, "The entity decisions of the curation log."),
)


if __name__ == "__main__":  # pragma: no cover
    print(data_model_markdown(), end="")
