"""Links between dataset names (facilities, places) and the Book's entities, confirmed by the analyst.

Names are compared through :func:`workbook.names.romanisation_key`, which folds case, accents and punctuation, drops
administrative words (City, County, Province, District) and the aspirating h of DPRK romanisation
(Sinpho → sinpo, Phyongan → pyongan) and KCNA's "pho" of weapon names (Hwasongpho-19 → hwasong 19).
"-ri"/"-dong" are kept: Tongchang-ri (the village of the Sohae launch site) is not Tongchang County.
Sites known under unrelated names are declared in :data:`ALIAS_GROUPS` (Sohae = Tongchang-ri).

:func:`suggest_links` proposes entities for each name, best first, with a score and the method that
found it (``exact`` 100, ``alias`` 100, ``romanisation`` 95, ``curated`` 90, ``contains`` 85 when one
name is the other plus words, as "Sinpo Shipyard" and "Sinpo", ``fuzzy``: rapidfuzz's token-sort ratio).
Nothing is linked until the analyst confirms: :class:`LinkStore` appends each decision (confirmed or
rejected) as one record (``op`` ``link``) of the analyst's log ``<workspace>/analyst/links.jsonl``, an
:class:`~workbook.durable.AppendLog` like the curation and annotation logs (locked, versioned, stamped
with author and time), so concurrent writers never interleave and a crash leaves at worst one
unreadable last line (reported in :attr:`LinkStore.problems`, never fatal). The decisions of an older
workspace, kept one JSON line each in ``<workspace>/links.jsonl``, are read too, before the log's.
The latest decision for a (source, key, entity) wins. :func:`apply_links` re-applies the confirmed
links to a table whenever it is called: on every opening of the workspace, the links are there again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.durable import AppendLog, active_records, analyst_dir, default_author, new_record_id
from workbook.errors import AnalystLogError, LinkStoreError
from workbook.names import fold_key, romanisation_key

__all__ = [
    "ALIAS_GROUPS",
    "DECISIONS",
    "LEGACY_LINKS_FILE",
    "LINKS_FILE",
    "LinkDecision",
    "LinkStore",
    "apply_links",
    "pending_suggestions",
    "romanisation_key",
    "suggest_links",
]

#: The analyst's log of link decisions, in the workspace's ``analyst/`` folder.
LINKS_FILE = "links.jsonl"
#: Where workspaces made before the decisions moved to ``analyst/`` kept them (at the workspace root).
LEGACY_LINKS_FILE = "links.jsonl"
DECISIONS: tuple[str, ...] = ("confirmed", "rejected")
#: Names of the same site that no spelling rule relates (first the name most sources use).
ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "Sohae Satellite Launching Station",
        "Sohae Satellite Launching Ground",
        "Sohae",
        "Tongchang-ri",
        "Tongchang-dong",
    ),
    ("Tonghae Satellite Launching Ground", "Tonghae", "Musudan-ri"),
    ("Pyongyang International Airport", "Sunan", "Sunan airport", "Pyongyang Sunan International Airport"),
    ("Wonsan Kalma International Airport", "Kalma", "Wonsan Kalma"),
    ("Sinpo Shipyard", "Sinpo South Shipyard", "Sinpho shipyard"),
)
_METHOD_SCORE = {"exact": 100.0, "alias": 100.0, "romanisation": 95.0, "curated": 90.0, "contains": 85.0}


def _contains(a: str, b: str) -> bool:
    """Whether one key is the other plus trailing words ("sinpo shipyard" / "sinpo"), the shorter being a
    real name (at least 4 letters)."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    return bool(short) and len(" ".join(short)) >= 4 and len(long_) > len(short) and long_[: len(short)] == short


def _curated(groups: Iterable[Sequence[str]]) -> dict[str, int]:
    return {romanisation_key(n): i for i, g in enumerate(groups) for n in g}


def _surfaces(entities: pd.DataFrame, types: Sequence[str]) -> pd.DataFrame:
    ents = entities[entities["type"].astype(str).isin(types)] if types else entities
    rows = []
    for e in ents.to_dict("records"):
        aliases = [] if e["aliases"] is None else [str(a) for a in e["aliases"]]
        name = str(e["name"])
        for surface, is_alias in ((name, False), *((a, True) for a in aliases)):
            rows.append((str(e["entity_id"]), name, str(e["type"]), surface, is_alias, romanisation_key(surface)))
    return pd.DataFrame(rows, columns=["entity_id", "entity_name", "entity_type", "surface", "is_alias", "key"])


def suggest_links(
    names: Iterable[str],
    entities: pd.DataFrame,
    *,
    types: Sequence[str] = ("place", "facility"),
    limit: int = 3,
    score_cutoff: float = 80.0,
    alias_groups: Sequence[Sequence[str]] = ALIAS_GROUPS,
) -> pd.DataFrame:
    """For each distinct name, up to ``limit`` entities of ``types`` that may be the same thing:
    columns name, entity_id, entity_name, entity_type, score (0-100), method, best first."""
    from rapidfuzz import fuzz, process

    cols = ["name", "entity_id", "entity_name", "entity_type", "score", "method"]
    surf = _surfaces(entities, types)
    if surf.empty:
        return pd.DataFrame(columns=cols)
    curated = _curated(alias_groups)
    folded = [fold_key(str(s)) for s in surf["surface"]]
    keys = [str(k) for k in surf["key"]]
    eids = [str(e) for e in surf["entity_id"]]
    is_alias = [bool(a) for a in surf["is_alias"]]
    rows: list[tuple[str, str, str, str, float, str]] = []
    for name in dict.fromkeys(str(n) for n in names if n is not None and str(n).strip()):
        best: dict[str, tuple[float, str]] = {}

        def offer(i: int, score: float, method: str, best: dict[str, tuple[float, str]] = best) -> None:
            eid = eids[i]
            if eid not in best or score > best[eid][0]:
                best[eid] = (score, method)

        fk, rk = fold_key(name), romanisation_key(name)
        group = curated.get(rk)
        for i, (f, k) in enumerate(zip(folded, keys, strict=True)):
            if f == fk:
                method = "alias" if is_alias[i] else "exact"
                offer(i, _METHOD_SCORE[method], method)
            elif k == rk:
                offer(i, _METHOD_SCORE["romanisation"], "romanisation")
            elif group is not None and curated.get(k) == group:
                offer(i, _METHOD_SCORE["curated"], "curated")
            elif _contains(rk, k):
                offer(i, _METHOD_SCORE["contains"], "contains")
        for _, score, i in process.extract(
            rk, keys, scorer=fuzz.token_sort_ratio, limit=limit * 4, score_cutoff=score_cutoff
        ):
            if eids[int(i)] not in best:  # a rule that matched says more than a similarity score
                offer(int(i), min(round(float(score), 1), 94.9), "fuzzy")
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        first = surf.drop_duplicates("entity_id").set_index("entity_id")
        for eid, (score, method) in ranked:
            row = first.loc[eid]
            rows.append((name, eid, str(row["entity_name"]), str(row["entity_type"]), score, method))
    return pd.DataFrame(rows, columns=cols)


@dataclass(frozen=True)
class LinkDecision:
    """One decision of the analyst: the dataset record (``source`` + ``key``, shown as ``name``) is or is
    not the entity ``entity_id``."""

    source: str
    key: str
    name: str
    entity_id: str
    entity_name: str
    decision: str
    score: float | None = None
    method: str | None = None
    author: str | None = None
    at: str = ""

    def __post_init__(self) -> None:
        if self.decision not in DECISIONS:
            raise LinkStoreError(f"decision {self.decision!r} is not one of {list(DECISIONS)}.")
        for field_name in ("source", "key", "entity_id"):
            if not str(getattr(self, field_name)).strip():
                raise LinkStoreError(f"a link decision needs a non-empty {field_name}.")


class LinkStore:
    """The confirmed and rejected links of one workspace: records of an append-only analyst log
    (:class:`~workbook.durable.AppendLog`), plus the decisions of an older workspace's ``links.jsonl``."""

    def __init__(self, path: str | Path, *, legacy: str | Path | None = None) -> None:
        self.path = Path(path)
        self.legacy = Path(legacy) if legacy is not None else None
        self.log = AppendLog(self.path)
        self.problems: list[str] = []

    @classmethod
    def for_workspace(cls, workspace: str | Path) -> LinkStore:
        """The store of a workspace folder (``<workspace>/analyst/links.jsonl``; an older workspace's
        ``<workspace>/links.jsonl`` is read too)."""
        ws = Path(workspace)
        if not ws.is_dir():
            raise LinkStoreError(f"{ws} is not a folder; give the workspace (the folder that `workbook build` made).")
        return cls(analyst_dir(ws) / LINKS_FILE, legacy=ws / LEGACY_LINKS_FILE)

    def append(self, decision: LinkDecision) -> LinkDecision:
        """Write one decision as one record of the log (stamped with the time, and with the author when it
        has none); returns the decision as written."""
        stamp = {
            "at": decision.at or datetime.now(UTC).isoformat(timespec="seconds"),
            "author": decision.author or default_author(),
        }
        decision = LinkDecision(**{**asdict(decision), **stamp})
        record = {"id": new_record_id("l"), "op": "link", **asdict(decision)}
        try:
            self.log.append([record])
        except AnalystLogError as exc:
            raise LinkStoreError(f"cannot append to {self.path}: {exc}") from exc
        return decision

    def decide(
        self, row: Mapping[str, Any], decision: str, *, source: str, key: str | None = None, author: str | None = None
    ) -> LinkDecision:
        """Record the analyst's decision on a suggestion row (from :func:`suggest_links`)."""
        return self.append(
            LinkDecision(
                source=source,
                key=str(key if key is not None else row["name"]),
                name=str(row["name"]),
                entity_id=str(row["entity_id"]),
                entity_name=str(row.get("entity_name", "")),
                decision=decision,
                score=None if row.get("score") is None else float(row["score"]),
                method=row.get("method"),
                author=author,
            )
        )

    def _legacy_rows(self) -> list[dict[str, Any]]:
        """The decisions of the old per-workspace file (one LinkDecision as JSON a line), oldest first."""
        if self.legacy is None or not self.legacy.is_file() or self.legacy == self.path:
            return []
        try:
            lines = self.legacy.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise LinkStoreError(f"cannot read {self.legacy}: {exc}.") from exc
        rows = []
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                rows.append(asdict(LinkDecision(**json.loads(line))))
            except (json.JSONDecodeError, TypeError, LinkStoreError) as exc:
                self.problems.append(f"{self.legacy} line {n} skipped: {exc}")
        return rows

    def decisions(self) -> pd.DataFrame:
        """Every current decision: the latest for each (source, key, entity_id)."""
        self.problems = []
        cols = [f.name for f in fields(LinkDecision)]
        rows = self._legacy_rows()
        try:
            contents = self.log.read()
        except AnalystLogError as exc:
            raise LinkStoreError(f"cannot read {self.path}: {exc}") from exc
        self.problems += [f"{self.path.name} line {p.line} skipped: {p.reason}" for p in contents.problems]
        for rec in active_records(contents.records):  # an undo record cancels a decision, as in the other logs
            if rec.get("op") != "link":
                continue
            try:
                rows.append(asdict(LinkDecision(**{c: rec[c] for c in cols if c in rec})))
            except (TypeError, LinkStoreError) as exc:
                self.problems.append(f"{self.path.name} record {rec.get('id')} skipped: {exc}")
        df = pd.DataFrame(rows, columns=cols)
        return df.drop_duplicates(["source", "key", "entity_id"], keep="last").reset_index(drop=True)

    def confirmed(self, source: str | None = None) -> pd.DataFrame:
        """The confirmed links (of ``source`` when given)."""
        d = self.decisions()
        d = d[d["decision"] == "confirmed"]
        return (d[d["source"] == source] if source is not None else d).reset_index(drop=True)


def apply_links(table: pd.DataFrame, store: LinkStore, *, source: str, key_column: str) -> pd.DataFrame:
    """``table`` with ``entity_ids`` (every confirmed entity, oldest first) and ``entity_id`` (the latest)
    for each row whose ``key_column`` value has confirmed links in ``store`` under ``source``."""
    if key_column not in table.columns:
        raise LinkStoreError(f"apply_links: no column {key_column!r}; the columns are {list(table.columns)}.")
    conf = store.confirmed(source)
    by_key: dict[str, list[str]] = {}
    for row in conf.itertuples(index=False):
        by_key.setdefault(str(row.key), []).append(str(row.entity_id))
    out = table.copy()
    out["entity_ids"] = [by_key.get(str(k), []) for k in table[key_column]]
    out["entity_id"] = pd.Series(
        [ids[-1] if ids else None for ids in out["entity_ids"]], index=out.index, dtype="string"
    )
    return out


def pending_suggestions(
    suggestions: pd.DataFrame, store: LinkStore, *, source: str, keys: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The suggestions the analyst has not decided on yet (``keys`` maps a suggestion's name to its record
    key when they differ)."""
    decided = store.decisions()
    mine = decided[decided["source"] == source]
    done = {(str(k), str(e)) for k, e in zip(mine["key"], mine["entity_id"], strict=True)}
    keys = keys or {}
    pairs = zip(suggestions["name"], suggestions["entity_id"], strict=True)
    keep = [(str(keys.get(n, n)), str(e)) not in done for n, e in pairs]
    return suggestions[keep].reset_index(drop=True)
