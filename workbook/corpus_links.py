"""One entity per thing across a corpus: acronyms and shorter forms merged into their longer names.

Runs once per build, in :func:`workbook.assemble.assemble_tables`, over the per-document rows; pure
and deterministic, grouped with pandas (no Python loop over mentions). Four kinds of link, applied
in this order:

1. **acronyms** (corpus-wide): an entity whose name is a short form that some document defined
   (the expansion's entity carries it as an alias, see :mod:`workbook.extract.acronyms`) merges into
   the expansion's entity of the same type — "KPA" into "Korean People's Army" everywhere, also in
   documents that never spell it out. A short form defined as two different things of one type
   ("CPV": Communist Party of Vietnam, Chinese People's Volunteers) is left alone;
2. **word order** (corpus-wide): organisations named with a place or another organisation as
   modifier or as "of" complement are one when the names differ only in that: "DPRK Foreign
   Ministry", "Foreign Ministry of the DPRK" and "Foreign Ministry of the Democratic People's Republic
   of Korea" (DPRK and the long name being spellings of one entity in the corpus), "WPK Central
   Committee" and "Central Committee of the Workers' Party of Korea" (:func:`word_order_key`); the
   name found in the most documents wins;
3. **shorter forms within a document**: an organisation or facility whose name (two words or more)
   is the head of exactly one longer name of the same type in the same document — "Central
   Committee" beside "Party Central Committee" or "Central Committee of the WPK" — merges into it;
4. **shorter forms within the corpus**: the same, when exactly one longer name of that type in the
   whole corpus has it as its head, and the two are named side by side in at least
   :data:`MIN_SHARED_DOCS` documents and in at least half of the documents naming the shorter form
   (one Italian "Supreme Court of Cassation" does not make every "Supreme Court" Italian).

The head of "Party Central Committee" and of "Central Committee of the WPK" is "Central Committee":
the capitalised words before "of"/"for", with leading modifiers dropped, two words at least; a name
holding another lower-case word ("Kennedy Space Center on STS-1") has no head.
Merged rows point at the longer entity; the shorter spelling becomes an alias; re-pointed mentions
get resolution ``alias``; claims' ``speaker_id`` and ``entity_ids`` and events' ``entity_ids``
follow. :func:`entity_links` returns what was merged (:class:`Links`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from workbook.extract.acronyms import acronym_matches, is_acronym
from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS
from workbook.ids import normalise_name
from workbook.labels import set_labels
from workbook.lists import list_lengths, python_lists, remap_lists, replace_lists

__all__ = [
    "HEAD_LINK_TYPES",
    "MIN_SHARED_DOCS",
    "MIN_SHARED_SHARE",
    "LinkedTables",
    "Links",
    "apply_links",
    "entity_links",
    "head_forms",
    "link_claims",
    "link_doc_entities",
    "link_doc_places",
    "link_events",
    "link_mentions",
    "most_frequent",
    "with_aliases",
    "word_order_key",
]

#: Entity types whose shorter forms are merged into longer ones (people have their own coreference;
#: places and weapons are named by gazetteers and designations).
HEAD_LINK_TYPES: tuple[str, ...] = ("organization", "facility")
_HEADS = ORG_HEADS | FACILITY_HEADS
_COMPLEMENT = frozenset(("of", "for"))
_MAX_CHAIN = 8
#: A corpus-wide shorter-form merge needs the two names together in this many documents at least, and
#: in at least this share of the documents that name the shorter form.
MIN_SHARED_DOCS, MIN_SHARED_SHARE = 2, 0.5


def most_frequent(df: pd.DataFrame, column: str) -> pd.Series:
    """Per entity id, the most frequent value of ``column`` (ties: the alphabetically first)."""
    counts = df.groupby(["entity_id", column], sort=False).size().reset_index(name="n")
    counts = counts.sort_values(["entity_id", "n", column], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("entity_id").set_index("entity_id")[column]


def with_aliases(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``df`` whose ``aliases`` list is not empty (most are): exploding only those gives the
    same (entity, alias) rows without a row, an index entry and a join per entity row."""
    return df[list_lengths(df["aliases"]) > 0]


def head_forms(name: str) -> list[str]:
    """The shorter names ``name`` is a longer form of (see the module docs): "Party Central Committee"
    → ["Central Committee"]; "Central Committee of the WPK" → ["Central Committee"]; "Korean
    People's Army" → ["People's Army"]."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if not w[:1].isupper()), len(words))
    if cut < len(words) and words[cut] not in _COMPLEMENT:
        return []  # "Kennedy Space Center on STS-1", "Kim and Lee": not a name with a head
    pre = words[:cut]
    first = 0 if cut < len(words) else 1  # a name with "of ..." has its whole front part as a head
    return [" ".join(pre[k:]) for k in range(first, len(pre) - 1)]


@dataclass(frozen=True)
class LinkedTables:
    """The per-document rows after merging, and the merges made (``from_id``, ``to_id``, ``kind``,
    ``doc_id`` — empty for corpus-wide merges)."""

    doc_entities: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    events: pd.DataFrame
    doc_places: pd.DataFrame
    links: pd.DataFrame


def _resolve_chains(mapping: dict[str, str]) -> dict[str, str]:
    """Follow a → b → c to a → c; a cycle (not made by the rules, but never trusted) is dropped."""
    out: dict[str, str] = {}
    for a in mapping:
        b, steps = mapping[a], 0
        while b in mapping and steps < _MAX_CHAIN:
            b, steps = mapping[b], steps + 1
        if b != a and steps < _MAX_CHAIN:
            out[a] = b
    return out


def _acronym_map(de: pd.DataFrame) -> dict[str, str]:
    """Corpus-wide: short-form entity id → expansion entity id (module docs, 1)."""
    spelled = with_aliases(de[["entity_id", "type", "name", "aliases"]]).explode("aliases").dropna(subset=["aliases"])
    if spelled.empty:
        return {}
    spelled = spelled.astype({"aliases": str})
    looks = spelled["aliases"].str.fullmatch(r"[A-Z][A-Za-z&]{1,9}")
    pairs = spelled[looks.to_numpy()].drop_duplicates(["entity_id", "type", "name", "aliases"])
    ok = [is_acronym(a) and acronym_matches(a, n.split()) for a, n in zip(pairs["aliases"], pairs["name"], strict=True)]
    pairs = pairs[np.asarray(ok, dtype=bool)]
    if pairs.empty:
        return {}
    targets = pairs.drop_duplicates(["type", "aliases", "entity_id"])
    unique = targets.groupby(["type", "aliases"])["entity_id"].transform("nunique") == 1
    targets = targets[unique.to_numpy()][["type", "aliases", "entity_id"]].rename(columns={"entity_id": "to_id"})
    shorts = de[["entity_id", "type", "name"]].drop_duplicates("entity_id")
    hits = shorts.merge(targets, left_on=["type", "name"], right_on=["type", "aliases"])
    hits = hits[hits["entity_id"] != hits["to_id"]]
    return dict(zip(hits["entity_id"], hits["to_id"], strict=True))


def _heads(names: pd.DataFrame) -> pd.DataFrame:
    """(entity_id, type, head key) for every head form of every distinct long name."""
    rows = [(eid, t, normalise_name(h)) for eid, t, n in names.itertuples(index=False) for h in head_forms(n)]
    return pd.DataFrame(rows, columns=["long_id", "type", "key"])


def _head_maps(de: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Shorter forms: per document ((doc_id, from_id, to_id) rows) and corpus-wide (module docs, 2–3)."""
    cand = de[de["type"].isin(HEAD_LINK_TYPES)][["doc_id", "entity_id", "type", "name"]]
    empty = pd.DataFrame(columns=["doc_id", "from_id", "to_id"])
    if cand.empty:
        return empty, {}
    names = cand.drop_duplicates("entity_id")[["entity_id", "type", "name"]]
    names = names.assign(key=[normalise_name(n) for n in names["name"]])
    heads = _heads(names[["entity_id", "type", "name"]])
    if heads.empty:
        return empty, {}
    short = names[["entity_id", "type", "key"]].rename(columns={"entity_id": "from_id"})
    # within a document
    present = cand[["doc_id", "entity_id"]].drop_duplicates()
    long_in_doc = present.merge(heads, left_on="entity_id", right_on="long_id")[["doc_id", "long_id", "type", "key"]]
    short_in_doc = present.merge(short, left_on="entity_id", right_on="from_id")[["doc_id", "from_id", "type", "key"]]
    pairs = short_in_doc.merge(long_in_doc, on=["doc_id", "type", "key"])
    pairs = pairs[pairs["from_id"] != pairs["long_id"]].drop_duplicates(["doc_id", "from_id", "long_id"])
    n = pairs.groupby(["doc_id", "from_id"])["long_id"].transform("size")
    per_doc = pairs[(n == 1).to_numpy()].rename(columns={"long_id": "to_id"})[["doc_id", "from_id", "to_id"]]
    # within the corpus
    pairs = short.merge(heads, on=["type", "key"])
    pairs = pairs[pairs["from_id"] != pairs["long_id"]].drop_duplicates(["from_id", "long_id"])
    n = pairs.groupby("from_id")["long_id"].transform("size")
    corpus = pairs[(n == 1).to_numpy()][["from_id", "long_id"]]
    # evidence: the two names side by side in enough of the shorter form's documents
    docs_of = present.groupby("entity_id")["doc_id"].nunique()
    together = (
        corpus.merge(present, left_on="from_id", right_on="entity_id")
        .merge(present, left_on=["long_id", "doc_id"], right_on=["entity_id", "doc_id"])
        .groupby(["from_id", "long_id"])
        .size()
    )
    shared = together.reindex(pd.MultiIndex.from_frame(corpus), fill_value=0).to_numpy()
    total = corpus["from_id"].map(docs_of).to_numpy()
    corpus = corpus[(shared >= MIN_SHARED_DOCS) & (shared >= MIN_SHARED_SHARE * total)]
    return per_doc.reset_index(drop=True), dict(zip(corpus["from_id"], corpus["long_id"], strict=True))


def _sub(ids: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """``ids`` with the ones in ``mapping`` replaced: a hash lookup on the rows that need one. The ids stay
    Arrow strings (no Python string per row: millions of mentions at 100k documents)."""
    out = _arrow_ids(ids)
    if not mapping:
        return out
    hit = out.isin(mapping.keys()).to_numpy()
    if hit.any():
        out = out.copy()
        out[hit] = out[hit].map(mapping).to_numpy(dtype=object)
    return out


def _arrow_ids(ids: pd.Series) -> pd.Series:
    """``ids`` as Arrow-backed strings (a column read back or built as objects is converted once)."""
    return ids if isinstance(ids.dtype, pd.StringDtype) else ids.astype("string")


def _map_ids(
    doc: pd.Series, ids: pd.Series, per_doc: pd.DataFrame, first: dict[str, str], last: dict[str, str]
) -> pd.Series:
    """``ids`` after the corpus-wide map ``first``, the per-document map, then ``last``."""
    out = _sub(ids, first)
    if not per_doc.empty:
        hit = out.isin(set(per_doc["from_id"])).to_numpy()
        if hit.any():
            table = dict(
                zip(per_doc["doc_id"].astype(str) + "\x1f" + per_doc["from_id"], per_doc["to_id"], strict=True)
            )
            keys = doc[hit].astype(str) + "\x1f" + out[hit].astype(str)
            found = keys.map(table)
            out = out.copy()
            out[hit] = np.where(found.isna(), out[hit].to_numpy(), found.to_numpy())
    return _sub(out, last)


def _map_lists(df: pd.DataFrame, column: str, fn: Callable[[pd.Series, pd.Series], pd.Series]) -> pd.Series:
    """A list-of-ids column mapped element-wise by ``fn(doc_ids, ids)`` (only the rows where an id changed
    are rebuilt, sorted and distinct; Arrow throughout, :func:`workbook.lists.remap_lists`)."""
    doc = df["doc_id"].reset_index(drop=True)
    return remap_lists(df[column], lambda pos, ids: fn(doc.take(pos).reset_index(drop=True), ids))


class Links(NamedTuple):
    """The merges of a corpus: corpus-wide ones applied first (``first``: acronyms and word-order
    variants, with their ``kinds``), then the per-document shorter forms (``per_doc`` rows), then the
    corpus-wide shorter forms (``last``)."""

    first: dict[str, str]
    kinds: dict[str, str]
    per_doc: pd.DataFrame
    last: dict[str, str]


def _spellings(de: pd.DataFrame) -> dict[str, str]:
    """Normalised spelling → entity id, from the names and aliases of places and organisations
    ("DPRK", "Democratic People's Republic of Korea" → North Korea); spellings of two entities are dropped."""
    sp = de[de["type"].isin(("place", "organization"))]
    aliases = with_aliases(sp[["entity_id", "aliases"]]).explode("aliases").dropna(subset=["aliases"])
    rows = pd.concat([sp[["entity_id", "name"]], aliases.rename(columns={"aliases": "name"})], ignore_index=True)
    rows = rows.drop_duplicates()
    rows = rows.assign(key=[normalise_name(str(n)) for n in rows["name"]]).drop_duplicates(["key", "entity_id"])
    n = rows.groupby("key")["entity_id"].transform("size")
    rows = rows[(n == 1).to_numpy()]
    return dict(zip(rows["key"], rows["entity_id"], strict=True))


def word_order_key(name: str, spellings: dict[str, str]) -> str | None:
    """A key shared by the word-order variants of an organisation's name that names a place or another
    organisation: "DPRK Foreign Ministry", "Foreign Ministry of the DPRK" and "Foreign Ministry of the
    Democratic People's Republic of Korea" give one key when the corpus knows DPRK as a spelling of the
    same entity as the long name; None for a name without such a part."""
    words = name.split()
    low = [w.casefold() for w in words]
    for i, w in enumerate(low):  # "H of (the) X"
        if w == "of" and 0 < i < len(words) - 1:
            tail = words[i + 1 :]
            tail = tail[1:] if tail[0].casefold() == "the" and len(tail) > 1 else tail
            target = spellings.get(normalise_name(" ".join(tail)))
            if target is not None:
                return f"{normalise_name(' '.join(words[:i]))} of {target}"
    for k in range(len(words) - 1, 0, -1):  # "X H", H holding a head word
        target = spellings.get(normalise_name(" ".join(words[:k])))
        if target is not None and any(w in _HEADS for w in low[k:]):
            return f"{normalise_name(' '.join(words[k:]))} of {target}"
    return None


def _word_order_map(de: pd.DataFrame, spellings: dict[str, str]) -> dict[str, str]:
    """Entities whose names are word-order variants of one another (:func:`word_order_key`) merge
    into the one named in the most documents (ties: the alphabetically first name)."""
    cand = de[de["type"].isin(HEAD_LINK_TYPES)]
    if cand.empty or not spellings:
        return {}
    docs = cand.groupby("entity_id")["doc_id"].nunique()
    names = cand.drop_duplicates("entity_id")[["entity_id", "type", "name"]]
    keys = pd.Series([word_order_key(str(n), spellings) for n in names["name"]], index=names.index, dtype=object)
    names = names.assign(key=keys, docs=names["entity_id"].map(docs).to_numpy())
    names = names[names["key"].notna()]
    names = names[names.groupby(["type", "key"])["entity_id"].transform("size").to_numpy() > 1]
    if names.empty:
        return {}
    names = names.sort_values(["type", "key", "docs", "name"], ascending=[True, True, False, True], kind="stable")
    rep = names.groupby(["type", "key"])["entity_id"].transform("first")
    moved = (rep != names["entity_id"]).to_numpy()
    return dict(zip(names["entity_id"][moved], rep[moved], strict=True))


def entity_links(doc_entities: pd.DataFrame) -> Links:
    """The merges for a corpus (see :class:`Links`; chains resolved)."""
    if doc_entities.empty:
        return Links({}, {}, pd.DataFrame(columns=["doc_id", "from_id", "to_id"]), {})
    de = doc_entities.astype({"entity_id": str, "name": str, "type": str})
    acronyms = _resolve_chains(_acronym_map(de))
    after = de.assign(entity_id=_sub(de["entity_id"], acronyms))
    forms = _word_order_map(after, _spellings(after))
    first = _resolve_chains({**acronyms, **forms})
    kinds = {k: "acronym" if k in acronyms else "word order" for k in first}
    after = de.assign(entity_id=_sub(de["entity_id"], first))
    names = most_frequent(after, "name")
    after = after.assign(name=after["entity_id"].map(names).fillna(after["name"]))
    per_doc, corpus = _head_maps(after)
    return Links(first, kinds, per_doc, _resolve_chains(corpus))


def _links_frame(links: Links) -> pd.DataFrame:
    first, per_doc, corpus = links.first, links.per_doc, links.last
    parts: Iterable[pd.DataFrame] = (
        pd.DataFrame(
            {
                "doc_id": "",
                "from_id": list(first),
                "to_id": list(first.values()),
                "kind": [links.kinds[k] for k in first],
            }
        ),
        per_doc.assign(kind="shorter form in document"),
        pd.DataFrame(
            {"doc_id": "", "from_id": list(corpus), "to_id": list(corpus.values()), "kind": "shorter form in corpus"}
        ),
    )
    out = pd.concat([p for p in parts if not p.empty], ignore_index=True) if any(not p.empty for p in parts) else None
    return out if out is not None else pd.DataFrame(columns=["doc_id", "from_id", "to_id", "kind"])


def apply_links(
    doc_entities: pd.DataFrame,
    mentions: pd.DataFrame,
    claims: pd.DataFrame,
    events: pd.DataFrame,
    doc_places: pd.DataFrame,
) -> LinkedTables:
    """Every per-document table with merged entities re-pointed (module docs). A build applies the
    merges table by table instead (:func:`entity_links`, then :func:`link_doc_entities`,
    :func:`link_mentions`, ...), writing each table before the next is linked."""
    found = entity_links(doc_entities)
    return LinkedTables(
        link_doc_entities(doc_entities, found),
        link_mentions(mentions, found),
        link_claims(claims, found),
        link_events(events, found),
        link_doc_places(doc_places, found),
        _links_frame(found),
    )


def _remapper(found: Links) -> Callable[[pd.Series, pd.Series], pd.Series] | None:
    """The function re-pointing ids (given their documents' ids), or None when nothing is merged."""
    if not found.first and found.per_doc.empty and not found.last:
        return None

    def remap(doc: pd.Series, ids: pd.Series) -> pd.Series:
        return _map_ids(doc, ids, found.per_doc, found.first, found.last)

    return remap


def link_doc_entities(doc_entities: pd.DataFrame, found: Links) -> pd.DataFrame:
    """The per-document entities with the merges ``found`` applied: merged rows take the longer
    entity's id and corpus name, the shorter spelling becomes an alias."""
    remap = _remapper(found)
    if remap is None:
        return doc_entities
    de = doc_entities.copy(deep=False)  # copy-on-write: only the columns changed below are copied
    new_id = remap(de["doc_id"], de["entity_id"].astype(str))
    moved = (new_id != de["entity_id"]).to_numpy()
    if moved.any():
        names = most_frequent(doc_entities.astype({"entity_id": str, "name": str}), "name")
        old_names = de["name"].to_numpy()
        de["entity_id"] = new_id.array
        de.loc[moved, "name"] = de.loc[moved, "entity_id"].map(names).fillna(de.loc[moved, "name"]).to_numpy()
        merged = [
            [*a, o] if o not in a else list(a)
            for a, o in zip(python_lists(de.loc[moved, "aliases"]), old_names[moved], strict=True)
        ]
        de["aliases"] = replace_lists(de["aliases"], dict(zip(de.index[moved], merged, strict=True)))
    return de


def link_mentions(mentions: pd.DataFrame, found: Links) -> pd.DataFrame:
    """The mentions re-pointed; a re-pointed exact mention gets resolution ``alias``."""
    remap = _remapper(found)
    if remap is None:
        return mentions
    ms = mentions.copy(deep=False)
    if not ms.empty:
        new_mid = remap(ms["doc_id"], ms["entity_id"].astype(str))
        changed = (new_mid != ms["entity_id"]).to_numpy()
        ms["entity_id"] = new_mid.array
        ms.loc[changed & (ms["resolution"] == "exact").to_numpy(), "resolution"] = "alias"
        ms["candidates"] = _map_lists(ms, "candidates", remap)
    return ms


def link_claims(claims: pd.DataFrame, found: Links) -> pd.DataFrame:
    """The claims with ``speaker_id`` and ``entity_ids`` re-pointed."""
    remap = _remapper(found)
    if remap is None:
        return claims
    cl = claims.copy(deep=False)
    if not cl.empty:
        speaker = cl["speaker_id"].notna().to_numpy()
        if speaker.any():
            spoken = cl.loc[speaker]
            new = remap(spoken["doc_id"], spoken["speaker_id"].astype(str)).to_numpy()
            cl["speaker_id"] = set_labels(cl["speaker_id"], speaker, new)  # a labels column: new ids allowed
        cl["entity_ids"] = _map_lists(cl, "entity_ids", remap)
    return cl


def link_events(events: pd.DataFrame, found: Links) -> pd.DataFrame:
    """The events with ``entity_ids`` re-pointed."""
    remap = _remapper(found)
    if remap is None:
        return events
    ev = events.copy(deep=False)
    if not ev.empty:
        ev["entity_ids"] = _map_lists(ev, "entity_ids", remap)
    return ev


def link_doc_places(doc_places: pd.DataFrame, found: Links) -> pd.DataFrame:
    """The per-document places re-pointed (one row per document and entity)."""
    remap = _remapper(found)
    if remap is None:
        return doc_places
    dp = doc_places.copy(deep=False)
    if not dp.empty:
        dp["entity_id"] = remap(dp["doc_id"], dp["entity_id"].astype(str)).to_numpy()
        dp = dp.drop_duplicates(["doc_id", "entity_id"])
    return dp
