"""Annotations coded for the filters: tags, starred flags and the latest status of every claim.

:func:`annotation_marks` reads a Book's ``annotations`` table against the ids of the four target tables
(documents, entities, claims, events, as Arrow arrays: a target's code is its position there) and returns
the arrays :class:`~workbook.filtering.index.FilterIndex` keeps (its ``annotations`` part).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from workbook.filtering.columns import CodeArray, codes_in
from workbook.model import ANNOTATION_TARGET_KINDS, is_starred

__all__ = ["AnnotationMarks", "annotation_marks"]

BoolArray = np.ndarray[Any, np.dtype[np.bool_]]


class AnnotationMarks(NamedTuple):
    """Tags (one row per tag annotation: target kind, target code, value code; ``tag_values`` the
    values), starred flags per target table (with the trailing -1 slot) and the latest status per claim
    (-1 for none; ``statuses`` the values)."""

    tag_kind: CodeArray
    tag_target: CodeArray
    tag_value: CodeArray
    tag_values: pd.Index
    starred: tuple[BoolArray, BoolArray, BoolArray, BoolArray]
    c_status: CodeArray
    statuses: pd.Index


def _kind_codes(values: pd.Series) -> CodeArray:
    return codes_in(values, pa.array(ANNOTATION_TARGET_KINDS, type=pa.large_string()))


def annotation_marks(ann: pd.DataFrame, targets: tuple[pa.Array, pa.Array, pa.Array, pa.Array]) -> AnnotationMarks:
    """Tags, starred flags per target table, latest status per claim (see :class:`AnnotationMarks`).
    "Latest" is by ``created``, ties going to the later row."""
    kind_code = _kind_codes(ann["target_kind"])
    target = np.full(len(ann), -1, dtype=np.int32)
    for k, ids in enumerate(targets):
        rows = np.flatnonzero(kind_code == k)
        if len(rows):
            target[rows] = codes_in(ann["target_id"].iloc[rows], ids)
    valid = (kind_code >= 0) & (target >= 0)

    def kind_is(which: str) -> BoolArray:
        return np.asarray((ann["kind"] == which).fillna(False).to_numpy(dtype=bool), dtype=bool)

    is_tag = valid & kind_is("tag") & ann["value"].notna().to_numpy()
    tag_value, tag_values = pd.factorize(ann["value"][is_tag])

    # latest first: sort by creation time, later rows winning ties (stable sort keeps table order)
    order = np.argsort(ann["created"].to_numpy(dtype="datetime64[s]"), kind="stable")

    def latest(which: str) -> tuple[CodeArray, CodeArray, pd.Series]:
        rows = order[(valid & kind_is(which))[order]]
        frame = pd.DataFrame({"k": kind_code[rows], "t": target[rows], "row": rows})
        last = frame.drop_duplicates(["k", "t"], keep="last")
        return (
            last["k"].to_numpy(dtype=np.int32),
            last["t"].to_numpy(dtype=np.int32),
            ann["value"].iloc[last["row"].to_numpy()],
        )

    starred_list: list[BoolArray] = []
    sk, st, sv = latest("star")
    on = np.fromiter((is_starred(v) for v in sv.astype(object)), dtype=bool, count=len(sv))
    for k, ids in enumerate(targets):
        flags = np.zeros(len(ids) + 1, dtype=bool)
        sel = (sk == k) & on
        flags[st[sel]] = True
        starred_list.append(flags)

    qk, qt, qv = latest("status")
    claims_k = qk == ANNOTATION_TARGET_KINDS.index("claim")
    status_codes, statuses = pd.factorize(qv[claims_k])
    c_status = np.full(len(targets[2]), -1, dtype=np.int32)
    c_status[qt[claims_k]] = status_codes
    return AnnotationMarks(
        tag_kind=kind_code[is_tag],
        tag_target=target[is_tag],
        tag_value=np.asarray(tag_value, dtype=np.int32),
        tag_values=pd.Index(tag_values),
        starred=(starred_list[0], starred_list[1], starred_list[2], starred_list[3]),
        c_status=c_status,
        statuses=pd.Index(statuses),
    )
