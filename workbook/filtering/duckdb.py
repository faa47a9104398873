"""The DuckDB executor: a FilterSpec evaluated by DuckDB over a workspace's Parquet files.

For workspaces too large to hold comfortably in pandas (millions of mentions), the same
:class:`~workbook.filtering.spec.FilterSpec` is answered in SQL over the live snapshot's Parquet files:
DuckDB reads only the columns and row groups it needs, and only the filtered slice becomes pandas
DataFrames. The result is a :class:`~workbook.book.Book` holding the same rows, in the same order and
with the same dtypes, as ``workbook.filtering.apply(read_book(ws), spec)`` (the semantics are documented in
:mod:`workbook.filtering.apply`; tests compare both executors on random specs)::

    from workbook.filtering.duckdb import DuckDBExecutor, apply_duckdb
    view = apply_duckdb("kcna.workbook", FilterSpec(entity_ids=(kim,)))  # one question
    with DuckDBExecutor("kcna.workbook") as ex:                           # several: one connection
        counts = ex.counts(spec)
        view = ex.apply(spec)

What differs from the pandas path: the snapshot is read as built (``read_book(ws)``), without the
analyst's curation log (entity merges); annotations come from the snapshot, or from ``annotations=``
(e.g. ``wb.open(ws).annotations``). A ``text`` query (the search syntax of :mod:`workbook.filtering.query`)
is matched by the same Python code as the pandas path, over the ``text`` columns of documents and claims
only (read once per executor); the other tables stay in DuckDB.

What is the same, by construction: the constants are apply's own (``FILTERED_TABLES``,
``ANNOTATION_TARGETS``, ``NO_STATUS``, ``UNSTAR_VALUES``), the rules both executors state are generated
from :mod:`workbook.filtering.rules`, and the snapshot is opened by
:func:`workbook.workspace.live_snapshot`, the schema-version check ``read_book`` uses.
"""

# ruff: noqa: S608 - every value from a spec or a file is a bound parameter ($name); the SQL text only
# interpolates table and column names of this module and numbers of a validated bbox.
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from workbook.book import TABLE_NAMES, Book
from workbook.errors import DuckDBExecError, WorkbookError
from workbook.filtering import rules
from workbook.filtering.apply import FILTERED_TABLES
from workbook.filtering.index import ANNOTATION_TARGETS
from workbook.filtering.query import match_query
from workbook.filtering.spec import NO_STATUS, UNSTAR_VALUES, FilterSpec
from workbook.filtering.text import TextColumn, lower
from workbook.model import table as declared_table
from workbook.workspace import book_manifest, live_snapshot, table_from_arrow

__all__ = ["DuckDBExecError", "DuckDBExecutor", "apply_duckdb"]

_ROW = "file_row_number"


def _lit(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _duck_type(dtype: str) -> str:
    return {"int64": "BIGINT", "float64": "DOUBLE", "datetime64[s]": "TIMESTAMP", "list": "VARCHAR[]"}.get(
        dtype, "VARCHAR"
    )


@dataclass
class _Query:
    """SQL conditions being assembled, with their named parameters."""

    params: dict[str, Any] = field(default_factory=dict)

    def param(self, name: str, value: Any) -> str:
        self.params[name] = value
        return f"${name}"

    def window(
        self, rule: tuple[tuple[str, str, str], ...], bounds: dict[str, str], lo: Any, hi: Any, prefix: str
    ) -> list[str]:
        """SQL conditions of a date window ``rule`` (see :mod:`workbook.filtering.rules`) over the SQL
        expressions ``bounds``; an open side (None) compares nothing."""
        limits = {"lo": lo, "hi": hi}
        return [
            f"{bounds[side]} {op} {self.param(f'{prefix}_{limit}', limits[limit])}"
            for side, op, limit in rule
            if limits[limit] is not None
        ]

    def run(self, con: duckdb.DuckDBPyConnection, sql: str) -> None:
        used = {k: v for k, v in self.params.items() if f"${k}" in sql}
        con.execute(sql, used)

    def arrow(self, con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
        used = {k: v for k, v in self.params.items() if f"${k}" in sql}
        table: pa.Table = con.sql(sql, params=used or None).to_arrow_table()
        return table


def _all(conds: list[str]) -> str:
    return " AND ".join(f"coalesce({c}, false)" for c in conds) if conds else "true"


def _rows_where(source: str, alias: str, conds: list[str]) -> str:
    """SQL: (row number, doc_id) of the rows of ``source`` passing every condition."""
    return f"SELECT {alias}.{_ROW} AS rn, {alias}.doc_id FROM {source} WHERE {_all(conds)}"


def _num(v: float) -> str:
    """A float as a SQL literal (infinities included)."""
    return repr(float(v)) if math.isfinite(v) else f"'{float(v)!r}'::DOUBLE"


def _inside(bbox: tuple[float, float, float, float], lon: str, lat: str) -> str:
    """SQL for "(lon, lat) lies in bbox" that is false for NaN (DuckDB orders NaN above every number)."""
    in_lon = " OR ".join(f"{lon} BETWEEN {_num(low)} AND {_num(high)}" for low, high in rules.lon_ranges(bbox))
    in_lat = f"{lat} BETWEEN {_num(bbox[1])} AND {_num(bbox[3])}"
    return f"(NOT isnan({lat}) AND NOT isnan({lon}) AND {in_lat} AND ({in_lon}))"


class DuckDBExecutor:
    """One DuckDB connection over the live snapshot of ``workspace`` (see the module docstring).

    ``annotations`` replaces the snapshot's annotations table (for the analyst's tags, stars and
    statuses as ``wb.open`` loads them). ``threads`` caps DuckDB's threads. Raises
    :class:`DuckDBExecError` when the workspace cannot be read."""

    def __init__(
        self, workspace: str | Path, *, annotations: pd.DataFrame | None = None, threads: int | None = None
    ) -> None:
        self.workspace = Path(workspace)
        try:
            self.snapshot, stored = live_snapshot(self.workspace)
            self.manifest = book_manifest(stored)  # the manifest its Books carry, as read_book's
        except WorkbookError as exc:
            raise DuckDBExecError(str(exc)) from exc
        self._valid_mentions = False
        self._whole_tables: dict[str, pd.DataFrame] = {}
        self._text_columns: dict[str, tuple[Any, TextColumn]] = {}
        self.con = duckdb.connect(":memory:")
        if threads is not None:
            self.con.execute(f"SET threads = {int(threads)}")
        for name in TABLE_NAMES:
            if name == "annotations" and annotations is not None:
                arrow = pa.Table.from_pandas(annotations.reset_index(drop=True), preserve_index=False)
                self.con.register("annotations_given", arrow)
                self.con.execute(
                    f"CREATE TEMP TABLE annotations AS SELECT *, (row_number() OVER () - 1) AS {_ROW} "
                    "FROM annotations_given"
                )
                continue
            path = self.snapshot / f"{name}.parquet"
            if path.exists():
                self.con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_lit(path)}, {_ROW} = true)")
            else:
                cols = ", ".join(f'"{c.name}" {_duck_type(c.dtype)}' for c in declared_table(name).columns)
                self.con.execute(f"CREATE TEMP TABLE {name} ({cols}, {_ROW} BIGINT)")

    def __repr__(self) -> str:
        return f"<DuckDBExecutor on {self.snapshot}>"

    def close(self) -> None:
        """Close the DuckDB connection."""
        self.con.close()

    def __enter__(self) -> DuckDBExecutor:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- evaluation -------------------------------------------------------------------------------

    def _prepare(self, spec: FilterSpec) -> tuple[_Query, dict[str, str]]:
        """Create the temp tables a spec needs; return the SQL of the six filtered tables."""
        con, q = self.con, _Query()
        marks = self._marks(spec, q)
        if spec.text:  # the search syntax is evaluated by the same code as apply(), over the text columns only
            self._text_rows(spec.text, "documents", "text_docs")
            self._text_rows(spec.text, "claims", "text_claims")
        sel = q.param("sel", list(spec.entity_ids)) if spec.entity_ids else ""

        def marked(mark: str, kind: str) -> str:
            return f"(SELECT target_id FROM {mark} WHERE target_kind = '{kind}')"

        def marked_list(mark: str) -> str:
            return f"(SELECT coalesce(list(target_id), []::VARCHAR[]) FROM {mark} WHERE target_kind = 'entity')"

        def reached(mark: str, table: str, alias: str) -> str:
            """SQL: the row of ``table`` is marked by ``mark`` (rules.MARK_REACH)."""
            own = {"claims": ("claim", "claim_id"), "events": ("event", "event_id")}[table]
            parts = []
            for via in rules.MARK_REACH[table]:
                if via == "entity_ids":
                    parts.append(f"list_has_any({alias}.entity_ids, {marked_list(mark)})")
                else:
                    kind, column = own if via == "self" else ("document" if via == "doc_id" else "entity", via)
                    parts.append(f"{alias}.{column} IN {marked(mark, kind)}")
            return "(" + " OR ".join(parts) + ")"

        def listed(table: str, alias: str) -> list[str]:
            """SQL: the rows of ``table`` whose column is listed by a set field (rules.LISTED_FIELDS)."""
            return [
                f"list_contains({q.param(name, list(getattr(spec, name)))}, CAST({alias}.{column} AS VARCHAR))"
                for name, (of, column) in rules.LISTED_FIELDS.items()
                if of == table and getattr(spec, name)
            ]

        if not self._valid_mentions:  # mentions of an existing document and entities row: the same for every spec
            con.execute(
                f"CREATE TEMP TABLE vm AS SELECT {_ROW} AS rn, doc_id, entity_id FROM mentions "
                "WHERE doc_id IN (SELECT doc_id FROM documents) AND entity_id IN (SELECT entity_id FROM entities)"
            )
            self._valid_mentions = True
        # claims and events passing their own rules (their document's survival aside)
        claim = listed("claims", "c")
        if spec.speakers:
            ids = q.param("speakers", list(spec.speakers))
            texts = q.param("speaker_texts", [lower(s) for s in spec.speakers])
            claim.append(f"(list_contains({ids}, c.speaker_id) OR list_contains({texts}, lower(c.speaker_text)))")
        status_join = ""
        if spec.claim_statuses:
            self._latest(q, "claim_status", "status")
            status_join = "LEFT JOIN claim_status s ON s.target_kind = 'claim' AND s.target_id = c.claim_id"
            statuses, none = q.param("statuses", list(spec.claim_statuses)), q.param("no_status", NO_STATUS)
            claim.append(f"list_contains({statuses}, coalesce(s.value, {none}))")
        if spec.text:
            claim.append(f"c.{_ROW} IN (SELECT rn FROM text_claims)")
        if spec.entity_ids:
            claim.append(f"(list_contains({sel}, c.speaker_id) OR list_has_any(c.entity_ids, {sel}))")
        claim += [reached(m, "claims", "c") for m in marks]
        q.run(con, f"CREATE OR REPLACE TEMP TABLE c_ok AS {_rows_where('claims c ' + status_join, 'c', claim)}")
        event = []
        window = rules.has_event_window(spec)
        if window:
            start = "coalesce(CAST(v.date_start AS DATE), CAST(v.date_end AS DATE))"
            end = "coalesce(CAST(v.date_end AS DATE), CAST(v.date_start AS DATE))"
            event.append(f"{start} IS NOT NULL")
            event += q.window(
                rules.DATE_MATCH_RULES[spec.date_match],
                {"start": start, "end": end},
                spec.date_from,
                spec.date_to,
                "event",
            )
        if spec.entity_ids:
            event.append(f"list_has_any(v.entity_ids, {sel})")
        event += [reached(m, "events", "v") for m in marks]
        q.run(con, f"CREATE OR REPLACE TEMP TABLE e_ok AS {_rows_where('events v', 'v', event)}")

        # the entity lens
        lens = rules.has_lens(spec)
        if lens:
            types = q.param("types", list(spec.entity_types)) if spec.entity_types else ""
            type_ok = f"list_contains({types}, CAST(e.type AS VARCHAR))" if spec.entity_types else "true"
            geo = "(p.entity_id IS NOT NULL AND NOT isnan(p.lat) AND NOT isnan(p.lon))"
            box_ok = f"(NOT {geo} OR {_inside(spec.bbox, 'p.lon', 'p.lat')})" if spec.bbox is not None else "true"
            q.run(
                con,
                "CREATE OR REPLACE TEMP TABLE lens AS SELECT e.entity_id, "
                f"coalesce({type_ok}, false) AS type_ok, coalesce({type_ok} AND {box_ok}, false) AS ok, "
                f"coalesce({geo}, false) AS geo FROM entities e LEFT JOIN places p USING (entity_id)",
            )

        def mentioning(entity_filter: str) -> str:
            return f"d.doc_id IN (SELECT doc_id FROM vm WHERE {entity_filter})"

        doc = listed("documents", "d")
        if spec.text:
            doc.append(f"d.{_ROW} IN (SELECT rn FROM text_docs)")
        if rules.has_publication_window(spec):
            day = "CAST(d.published AS DATE)"
            doc.append(f"{day} IS NOT NULL")
            doc += q.window(rules.PUBLICATION_RULES, {"day": day}, spec.published_from, spec.published_to, "pub")
        if spec.entity_ids:
            doc.append(mentioning(f"list_contains({sel}, entity_id)"))
        if spec.entity_types:
            doc.append(mentioning("entity_id IN (SELECT entity_id FROM lens WHERE type_ok)"))
        if spec.bbox is not None:
            doc.append(mentioning("entity_id IN (SELECT entity_id FROM lens WHERE ok AND geo)"))
        if rules.narrows_claims(spec):
            doc.append("d.doc_id IN (SELECT doc_id FROM c_ok)")
        if window:
            doc.append("d.doc_id IN (SELECT doc_id FROM e_ok)")
        for m in marks:
            doc.append(
                f"(d.doc_id IN {marked(m, 'document')} OR {mentioning('entity_id IN ' + marked(m, 'entity'))} "
                "OR d.doc_id IN (SELECT doc_id FROM c_ok) OR d.doc_id IN (SELECT doc_id FROM e_ok))"
            )
        q.run(con, f"CREATE OR REPLACE TEMP TABLE d_ok AS {_rows_where('documents d', 'd', doc)}")

        visible = ["true"]
        if lens:
            visible = ["entity_id IN (SELECT entity_id FROM lens WHERE ok)"]
            if spec.entity_ids:
                visible.append(f"list_contains({sel}, entity_id)")
            visible += [f"entity_id IN {marked(m, 'entity')}" for m in marks]
        q.run(
            con,
            "CREATE OR REPLACE TEMP TABLE fm AS SELECT rn, doc_id, entity_id FROM vm "
            f"WHERE doc_id IN (SELECT doc_id FROM d_ok) AND ({' OR '.join(f'coalesce({v}, false)' for v in visible)})",
        )
        in_docs = "doc_id IN (SELECT doc_id FROM d_ok)"
        box = f" AND {_inside(spec.bbox, 'lon', 'lat')}" if spec.bbox is not None else ""
        sql = {
            "documents": f"SELECT * EXCLUDE ({_ROW}) FROM documents WHERE {_ROW} IN (SELECT rn FROM d_ok)",
            "mentions": f"SELECT * EXCLUDE ({_ROW}) FROM mentions WHERE {_ROW} IN (SELECT rn FROM fm)",
            "claims": f"SELECT * EXCLUDE ({_ROW}) FROM claims WHERE {_ROW} IN (SELECT rn FROM c_ok WHERE {in_docs})",
            "events": f"SELECT * EXCLUDE ({_ROW}) FROM events WHERE {_ROW} IN (SELECT rn FROM e_ok WHERE {in_docs})",
            "entities": f"SELECT e.* EXCLUDE ({_ROW}) REPLACE (k.n AS n_mentions, k.nd AS n_docs) FROM entities e "
            "JOIN (SELECT entity_id, count(*) AS n, count(DISTINCT doc_id) AS nd FROM fm GROUP BY entity_id) k "
            "USING (entity_id)",
            "places": f"SELECT * EXCLUDE ({_ROW}) FROM places WHERE entity_id IN (SELECT entity_id FROM fm){box}",
        }
        order = {name: f" ORDER BY {'e.' if name == 'entities' else ''}{_ROW}" for name in sql}
        return q, {name: sql[name] + order[name] for name in sql}

    def _text_rows(self, query: str, table: str, name: str) -> None:
        """Temp view ``name``: the row numbers of ``table`` whose ``text`` matches ``query`` (read the text
        column once per executor, then matched by :func:`workbook.filtering.query.match_query`)."""
        if table not in self._text_columns:
            arrow = self.con.sql(f"SELECT {_ROW} AS rn, text FROM {table} ORDER BY {_ROW}").to_arrow_table()
            rows = arrow.column("rn").to_numpy()
            self._text_columns[table] = (rows, TextColumn.build(arrow.column("text")))  # Arrow as it is
        rows, column = self._text_columns[table]
        hits = pa.table({"rn": pa.array(rows[match_query(query, column)], type=pa.int64())})
        self.con.register(name, hits)

    def _latest(self, q: _Query, name: str, kind: str) -> None:
        """Temp table ``name``: per target, the latest annotation of ``kind`` (by ``created``, ties going
        to the later row)."""
        q.run(
            self.con,
            f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT target_kind, target_id, value FROM ("
            f"SELECT *, row_number() OVER (PARTITION BY target_kind, target_id ORDER BY created DESC, {_ROW} DESC) "
            f"AS r FROM annotations WHERE kind = '{kind}' AND target_kind IN {tuple(ANNOTATION_TARGETS)}) "
            "WHERE r = 1",
        )

    def _marks(self, spec: FilterSpec, q: _Query) -> list[str]:
        """Temp tables of the targets each requested mark (tags, stars) marks."""
        out = []
        if spec.tags:
            tags = q.param("tags", list(spec.tags))
            q.run(
                self.con,
                "CREATE OR REPLACE TEMP TABLE mark_tags AS SELECT DISTINCT target_kind, target_id FROM annotations "
                f"WHERE kind = 'tag' AND target_kind IN {tuple(ANNOTATION_TARGETS)} AND list_contains({tags}, value)",
            )
            out.append("mark_tags")
        if spec.stars_only:
            self._latest(q, "latest_star", "star")
            unstar = q.param("unstar", list(UNSTAR_VALUES))
            q.run(
                self.con,
                "CREATE OR REPLACE TEMP TABLE mark_stars AS SELECT target_kind, target_id FROM latest_star "
                f"WHERE value IS NULL OR NOT list_contains({unstar}, lower(value))",
            )
            out.append("mark_stars")
        return out

    def _whole(self, name: str) -> pd.DataFrame:
        """A table read whole (kept: the snapshot does not change under the executor)."""
        if name not in self._whole_tables:
            arrow = self.con.sql(f"SELECT * EXCLUDE ({_ROW}) FROM {name} ORDER BY {_ROW}").to_arrow_table()
            self._whole_tables[name] = table_from_arrow(name, arrow)
        return self._whole_tables[name]

    def apply(self, spec: FilterSpec) -> Book:
        """The workspace narrowed to ``spec``: the Book ``workbook.filtering.apply`` would return for the
        snapshot's Book (see the module docstring)."""
        tables: dict[str, pd.DataFrame] = {}
        if spec.is_empty:
            for name in TABLE_NAMES:
                tables[name] = self._whole(name)
        else:
            q, sql = self._prepare(spec)
            for name in FILTERED_TABLES:
                tables[name] = table_from_arrow(name, q.arrow(self.con, sql[name]))
            for name in ("build_issues", "annotations"):
                tables[name] = self._whole(name)
        return Book(**tables, manifest=self.manifest, workspace=self.workspace)

    def copy_parquet(self, spec: FilterSpec, table: str, path: str | Path) -> Path:
        """Every row of ``table`` under ``spec`` written to the Parquet file ``path`` by DuckDB, streamed
        (no DataFrame is made, so no row cap and little memory); the same rows, in the same order, as
        ``apply(book, spec).table(table)``. Raises :class:`DuckDBExecError` for a table it does not filter
        or a file that exists."""
        if table not in FILTERED_TABLES:
            raise DuckDBExecError(f"copy_parquet writes one of {', '.join(FILTERED_TABLES)}, not {table!r}.")
        dest = Path(path)
        if dest.exists():
            raise DuckDBExecError(f"{dest} exists; choose another name (exports never overwrite).")
        if spec.is_empty:
            q, sql = _Query(), f"SELECT * EXCLUDE ({_ROW}) FROM {table} ORDER BY {_ROW}"
        else:
            q, queries = self._prepare(spec)
            sql = queries[table]
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.tmp")
        q.run(self.con, f"COPY ({sql}) TO {_lit(tmp)} (FORMAT parquet)")
        tmp.replace(dest)
        return dest

    def counts(self, spec: FilterSpec) -> dict[str, int]:
        """Surviving rows per filtered table, without fetching them."""
        if spec.is_empty:
            sql = {name: f"SELECT * FROM {name}" for name in FILTERED_TABLES}
            q = _Query()
        else:
            q, sql = self._prepare(spec)
        out = {}
        for name in FILTERED_TABLES:
            row = q.arrow(self.con, f"SELECT count(*) AS n FROM ({sql[name]})")
            out[name] = int(row.column("n")[0].as_py())
        return out


def apply_duckdb(workspace: str | Path, spec: FilterSpec, *, annotations: pd.DataFrame | None = None) -> Book:
    """``spec`` evaluated by DuckDB over the Parquet files of ``workspace`` (one connection, closed after)."""
    with DuckDBExecutor(workspace, annotations=annotations) as ex:
        return ex.apply(spec)
