"""Merge suggestions: pairs of entities that may be one, ranked, with the reasons in words.

:func:`merge_suggestions` is a pure function of a Book and the curation log. A pair is a candidate
when the names are alike once honorifics and titles are dropped ("Mr Kim Jong Un" ~ "Kim Jong Un"),
in another romanisation ("Kim Jong-un", "Choe"/"Choi", "Ri"/"Lee", "Sinpo"/"Sinpho",
"Hwasong"/"Hwaseong"), with initials ("J. Lewis" ~ "Jeffrey Lewis"), as an acronym ("KCNA" ~ "Korean
Central News Agency"), as a part of the other ("Lewis" ~ "Jeffrey Lewis"), or close by edit
distance (rapidfuzz, at least 88% alike). The score mixes that name similarity (3/4) with the co-occurrence context
(1/4): how many of the entities each is named alongside they share (Jaccard), so two spellings of
one leader, both named with the same ministers and places, rank above two namesakes.

Pairs an analyst rejected (:func:`reject_suggestion`) or split apart never come back; accepting one
(:func:`accept_suggestion`) records a merge.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from workbook import names
from workbook.book import Book
from workbook.curation.entities import append_decision, entity_id_map, find_entity, merge
from workbook.curation.log import active_records, default_author
from workbook.errors import CurationError
from workbook.extract.vocabulary import HONORIFICS, ROLE_NOUNS, TITLES

__all__ = [
    "SUGGESTION_COLUMNS",
    "accept_suggestion",
    "merge_suggestions",
    "name_key",
    "reject_suggestion",
    "romanisation_key",
]

SUGGESTION_COLUMNS = [
    "entity_id_a",
    "name_a",
    "entity_id_b",
    "name_b",
    "type",
    "score",
    "name_score",
    "context_score",
    "shared_docs",
    "reasons",
    "n_mentions_a",
    "n_mentions_b",
    "type_b",
]
_MAX_BLOCK = 200
#: Edit similarity (rapidfuzz token_sort_ratio) that alone makes two names a candidate pair.
_CLOSE = 0.88
_LEADING = {w for t in TITLES for w in t} | set(HONORIFICS) | set(ROLE_NOUNS) | {"the", "comrade", "marshal"}
_STOP = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "de", "la"}


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name without accents, punctuation, honorifics and leading titles: "Mr Kim Jong-un" → "kim jong un"
    (:func:`workbook.names.name_key` with the extractor's titles, honorifics and role nouns)."""
    return names.name_key(name, _LEADING)


def romanisation_key(name: str) -> str:
    """A spelling-blind key: Korean surnames to one form, aspirated and voiced consonants and vowel
    digraphs folded, spaces dropped ("Kim Jong-un", "Kim Jong Un", "Gim Jeong Eun" → the same key):
    :func:`workbook.names.romanisation_key` (``loose``) of the :func:`name_key`."""
    return names.romanisation_key(name_key(name), loose=True)


def _acronym(key: str) -> str:
    words = [w for w in key.split() if w not in _STOP]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _initials_match(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b) or len(a) < 2 or a == b:
        return False
    initial = False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            initial = True
            continue
        return False
    return initial


def _name_similarity(a: str, b: str, contained_in: Mapping[str, int]) -> tuple[float, list[str]]:
    ka, kb = name_key(a), name_key(b)
    reasons: list[str] = []
    if re.findall(r"\d+", ka) != re.findall(r"\d+", kb):
        return 0.0, []  # "Hwasong-14" and "Hwasong-15" are two missiles, however alike the names
    fuzzy = fuzz.token_sort_ratio(ka, kb) / 100.0
    scores = [fuzzy if fuzzy >= _CLOSE else fuzzy * 0.85]  # short names look alike: "Kim Jong Un", "Kim Yo Jong"
    if ka == kb:
        scores.append(1.0)
        reasons.append("the same name once honorifics, titles and punctuation are dropped")
    elif romanisation_key(a) == romanisation_key(b):
        scores.append(0.95)
        reasons.append("the same name in another romanisation, spelling or spacing")
    ta, tb = ka.split(), kb.split()
    if _initials_match(ta, tb):
        scores.append(0.9)
        reasons.append("the same name with initials")
    ca, cb = ka.replace(" ", ""), kb.replace(" ", "")
    if (len(ta) == 1 and ca == _acronym(kb)) or (len(tb) == 1 and cb == _acronym(ka)):
        scores.append(0.9)
        reasons.append("one is the acronym of the other")
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if short and short != long_ and set(short) <= set(long_) and all(len(w) > 1 for w in short):
        n = max(contained_in.get(" ".join(short), 1), 1)
        scores.append(0.8 / n)
        reasons.append("one name is part of the other" + (f" (as of {n} entities)" if n > 1 else ""))
    best = max(scores)
    if not reasons and fuzzy >= _CLOSE:
        reasons.append(f"names {fuzzy:.0%} alike")
    return best, reasons


def _rejected(decisions: Sequence[Mapping[str, Any]]) -> set[frozenset[str]]:
    mapping = entity_id_map(decisions)
    out: set[frozenset[str]] = set()
    for d in active_records(list(decisions)):
        if d.get("op") == "reject":
            ids = [mapping.get(str(e), str(e)) for e in d.get("entities", [])]
        elif d.get("op") == "split":
            ids = [mapping.get(str(d[k]), str(d[k])) for k in ("entity_id", "new_id")]
        else:
            continue
        out.update(frozenset(p) for p in itertools.combinations(sorted(set(ids)), 2))
    return out


def _candidates(names: Sequence[str]) -> set[tuple[int, int]]:
    """Row pairs sharing a blocking key: a token of the romanisation-folded name, the whole folded
    name, or an acronym (a one-word name and the initials of a longer one)."""
    blocks: dict[str, list[int]] = {}
    acronyms: dict[str, tuple[list[int], list[int]]] = {}
    for i, name in enumerate(names):
        key = name_key(name)
        words = key.split()
        keys = {f"t:{romanisation_key(w)}" for w in words if len(w) > 1 and w not in _STOP}
        keys.add(f"r:{romanisation_key(name)}")
        for k in keys:
            blocks.setdefault(k, []).append(i)
        acro = _acronym(key)
        if acro:
            acronyms.setdefault(acro, ([], []))[1].append(i)
        elif len(words) == 1:
            acronyms.setdefault(words[0], ([], []))[0].append(i)
    pairs: set[tuple[int, int]] = set()
    for k, rows in blocks.items():
        if len(rows) < 2 or (len(rows) > _MAX_BLOCK and not k.startswith("r:")):
            continue
        pairs.update(itertools.combinations(rows, 2))
    for short, long_ in acronyms.values():
        if len(short) * len(long_) <= _MAX_BLOCK * _MAX_BLOCK:
            pairs.update((min(a, b), max(a, b)) for a in short for b in long_)
    return pairs


def merge_suggestions(
    book: Book,
    decisions: Sequence[Mapping[str, Any]] = (),
    *,
    limit: int | None = 50,
    min_name_score: float = 0.75,
) -> pd.DataFrame:
    """Entity pairs that may be one entity, best first: ``score`` (name similarity 3/4, shared
    co-mention context 1/4), ``name_score``, ``context_score``, ``shared_docs`` and ``reasons`` (a
    list of sentences). ``entity_id_a`` is the one with more mentions, the natural ``into`` of a
    merge. Pairs of different types come only when the names are the same. ``decisions`` are the
    curation log's records: rejected and split pairs are left out."""
    ents = book.entities
    if len(ents) < 2:
        return pd.DataFrame(columns=SUGGESTION_COLUMNS)
    ids = [str(x) for x in ents["entity_id"]]
    names = [str(x) for x in ents["name"]]
    types = [str(x) for x in ents["type"]]
    counts = [int(x) for x in ents["n_mentions"]]
    skip = _rejected(decisions)
    docs_of = {str(k): set(map(str, g)) for k, g in book.mentions.groupby("entity_id")["doc_id"]}
    ents_of_doc = {str(k): set(map(str, g)) for k, g in book.mentions.groupby("doc_id")["entity_id"]}
    neighbours: dict[str, set[str]] = {}

    def around(eid: str) -> set[str]:
        if eid not in neighbours:
            neighbours[eid] = set().union(*(ents_of_doc.get(d, set()) for d in docs_of.get(eid, set())))
        return neighbours[eid]

    contained_in: dict[str, int] = {}
    for name in names:
        words = name_key(name).split()
        for n in range(1, len(words)):
            for part in {" ".join(words[:n]), " ".join(words[-n:])}:
                contained_in[part] = contained_in.get(part, 0) + 1
    rows = []
    for i, j in _candidates(names):
        ida, idb = ids[i], ids[j]
        same_type = types[i] == types[j]
        if not same_type and name_key(names[i]) != name_key(names[j]):
            continue
        if frozenset((ida, idb)) in skip:
            continue
        score, reasons = _name_similarity(names[i], names[j], contained_in)
        if score < min_name_score:
            continue
        da, db = docs_of.get(ida, set()), docs_of.get(idb, set())
        na, nb = around(ida) - {ida, idb}, around(idb) - {ida, idb}
        context = len(na & nb) / len(na | nb) if na | nb else 0.0
        if na & nb:
            reasons.append(f"named alongside {len(na & nb)} of the same entities (Jaccard {context:.2f})")
        if da & db:
            reasons.append(f"both named in {len(da & db)} document(s)")
        if not same_type:
            reasons.append(f"typed {types[i]} and {types[j]}: one type is probably wrong")
        if counts[j] > counts[i]:
            i, j = j, i
        rows.append(
            {
                "entity_id_a": ids[i],
                "name_a": names[i],
                "entity_id_b": ids[j],
                "name_b": names[j],
                "type": types[i],
                "score": round(0.75 * score + 0.25 * context, 4),
                "name_score": round(score, 4),
                "context_score": round(context, 4),
                "shared_docs": len(da & db),
                "reasons": reasons,
                "n_mentions_a": counts[i],
                "n_mentions_b": counts[j],
                "type_b": types[j],
            }
        )
    out = pd.DataFrame(rows, columns=SUGGESTION_COLUMNS)
    out = out.sort_values(
        ["score", "n_mentions_a", "entity_id_a", "entity_id_b"], ascending=[False, False, True, True], kind="stable"
    ).reset_index(drop=True)
    return out.head(limit) if limit is not None else out


def accept_suggestion(
    book: Book, a: str, b: str, *, into: str | None = None, name: str | None = None, author: str | None = None
) -> str:
    """Accept a suggestion: merge ``b`` into ``a`` (or both into ``into``); returns the decision id."""
    target = find_entity(book, into or a)
    others = [e for e in (find_entity(book, a), find_entity(book, b)) if e != target]
    return merge(book, others, into=target, name=name, author=author, via="suggestion")


def reject_suggestion(book: Book, a: str, b: str, *, author: str | None = None) -> str:
    """Record that ``a`` and ``b`` are not the same entity: the pair is never suggested again."""
    ida, idb = find_entity(book, a), find_entity(book, b)
    if ida == idb:
        raise CurationError(f"{a!r} and {b!r} are the same entity ({ida}); nothing to reject.")
    pair = sorted((ida, idb))
    names = dict(zip(book.entities["entity_id"], book.entities["name"], strict=True))
    rec = {
        "op": "reject",
        "entities": pair,
        "author": author or default_author(),
        "anchor": {e: {"name": str(names[e])} for e in pair},
    }

    def same(active: list[dict[str, Any]]) -> str | None:
        hits = [d for d in active if d.get("op") == "reject" and sorted(d.get("entities", [])) == pair]
        return str(hits[-1]["id"]) if hits else None

    return append_decision(book, rec, same)
