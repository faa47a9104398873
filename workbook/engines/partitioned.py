"""A partitioned copy of a snapshot's tables, for engines that read Parquet in parallel.

Layout, inside the snapshot folder (``snapshots/<build_id>/``)::

    partitioned/
      _layout.json                       {"buckets": 16, "by": "doc_id", ...}
      documents/bucket=0/part-0.parquet   the rows of documents whose doc_id falls in bucket 0
      mentions/bucket=0/part-0.parquet
      claims/...  events/...             (the same for every per-document table)
      entities/part-0.parquet            corpus-wide tables: one file
      places/part-0.parquet  build_issues/part-0.parquet

Buckets are Hive-style folders (``bucket=N``), so DuckDB (``read_parquet(..., hive_partitioning =
true)``), Dask (``dask.dataframe.read_parquet``) and Spark (``spark.read.parquet``) read a table's folder
as one table with a ``bucket`` column (every part of a table has the same schema), and skip buckets a
filter on ``bucket`` excludes. A document and all its mentions, claims and events share a bucket:
:func:`bucket_of` is the first 8 hex digits of the doc id (itself a prefix of the text's sha256) modulo
the number of buckets, so the same document lands in the same bucket in every build. Rows keep the
order of the snapshot's tables.

The folder is written beside the tables after the snapshot went live and appears in one rename, so a
reader sees it whole or not at all.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workbook.model import SCHEMA_VERSION
from workbook.workspace import replace_folder

__all__ = ["DEFAULT_BUCKETS", "PARTITIONED_DIR", "PER_DOCUMENT_TABLES", "bucket_of", "write_partitioned"]

PARTITIONED_DIR = "partitioned"
DEFAULT_BUCKETS = 16
#: Tables with a ``doc_id`` on every row: partitioned by the document's bucket.
PER_DOCUMENT_TABLES: tuple[str, ...] = ("documents", "mentions", "claims", "events")


def bucket_of(doc_ids: pd.Series, buckets: int) -> np.ndarray:
    """The bucket (0 .. buckets-1) of each doc id: int(hex digits 1..8) % buckets."""
    codes, uniques = pd.factorize(doc_ids.astype(str))
    values = np.array([int(str(d)[1:9] or "0", 16) % buckets for d in uniques], dtype=np.int32)
    return np.asarray(values[codes], dtype=np.int32)


def _schema(df: pd.DataFrame) -> pa.Schema:
    """One Arrow schema for every part of a table: the whole table's, with lists of strings where a
    list column holds only empty lists (a part must not be read as ``list<null>`` beside ``list<string>``)."""
    schema = pa.Schema.from_pandas(df, preserve_index=False)
    for i, f in enumerate(schema):
        if pa.types.is_list(f.type) and pa.types.is_null(f.type.value_type):
            schema = schema.set(i, pa.field(f.name, pa.list_(pa.string()), f.nullable))
    return schema


def _write(df: pd.DataFrame, path: Path, schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(df, schema=schema, preserve_index=False)
    pq.write_table(table, path, compression="zstd")


def write_partitioned(snapshot: Path, tables: Mapping[str, pd.DataFrame], buckets: int = DEFAULT_BUCKETS) -> Path:
    """Write the partitioned copy of ``tables`` into ``snapshot/partitioned`` (see the module
    docstring); tables whose name starts with ``_`` are left out. Returns the folder."""
    if buckets < 1:
        raise ValueError(f"buckets must be at least 1; got {buckets}")
    snapshot = Path(snapshot)
    tmp = Path(tempfile.mkdtemp(prefix=".partitioned-", dir=snapshot))
    try:
        written: dict[str, list[int]] = {}
        for name, df in tables.items():
            if name.startswith("_"):
                continue
            schema = _schema(df)
            if name in PER_DOCUMENT_TABLES:
                bucket = bucket_of(df["doc_id"], buckets) if len(df) else np.zeros(0, dtype=np.int32)
                present = sorted(set(bucket.tolist()))
                for b in present:
                    part = df.iloc[np.flatnonzero(bucket == b)]
                    _write(part, tmp / name / f"bucket={b}" / "part-0.parquet", schema)
                if not present:  # an empty table still has its schema on disk
                    _write(df, tmp / name / "bucket=0" / "part-0.parquet", schema)
                written[name] = present
            else:
                _write(df, tmp / name / "part-0.parquet", schema)
        layout = {
            "schema_version": SCHEMA_VERSION,
            "buckets": buckets,
            "by": "doc_id",
            "bucket": "int(doc_id[1:9], 16) % buckets",
            "partitioned_tables": {k: len(v) for k, v in written.items()},
        }
        (tmp / "_layout.json").write_text(json.dumps(layout, indent=2), encoding="utf-8")
        final = replace_folder(tmp, snapshot / PARTITIONED_DIR)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final
