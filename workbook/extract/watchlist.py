"""Analyst watchlists: names the extractor must find, with their type, aliases and coordinates.

A watchlist is a plain file the analyst edits (CSV/TSV, JSON or YAML; or FollowTheMoney entities,
see :func:`watchlist_from_ftm`), one entity per row::

    name,type,aliases,lat,lon,uncertainty_km,admin_area,note
    Kim Jong Un,person,Kim Jong-un|Kim Jong-eun,,,,,
    Sohae Satellite Launching Station,facility,Sohae|Tongchang-ri,39.66,124.705,1,North Korea,

``type`` is one of :data:`workbook.model.ENTITY_TYPES`; ``aliases`` are separated by ``|`` or ``;``;
coordinates are optional (``uncertainty_km`` defaults to :data:`DEFAULT_UNCERTAINTY_KM`).

``workbook build --watchlist FILE`` (``DefaultExtractor.from_options(watchlists=[...])``) makes every
watchlist name a guaranteed entity (:meth:`Watchlist.apply`, run after the rules and before claims
and events are found, so they use it):

* every place the text writes a name or alias (case-, accent- and punctuation-blind; capitalised in
  the text; acronyms in capitals) is a mention of the watchlist entity, whatever the rules found
  there — unless a longer name the rules found holds it ("Sohae" inside "Sohae Station Road");
* an entity the rules found whose name or alias is a watchlist name or alias *is* the watchlist
  entity (name, type and aliases from the watchlist; its other mentions, such as "Mr Kim", follow);
* with coordinates, the entity gets a ``places`` row with ``coord_source`` ``analyst``.

Entities it finds have origin ``watchlist``. The file's sha256 is part of the extractor's settings,
so editing the watchlist makes the next build extract every document again.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
import yaml

from workbook.csv_cells import guard_formula, unguard_formula
from workbook.durable import atomic_write_text
from workbook.errors import WatchlistError
from workbook.extract.base import EntityRecord, MentionRecord, PlaceRecord
from workbook.extract.gazetteer import fold, fold_key
from workbook.extract.sentences import Sentence
from workbook.extract.watchlist_entries import (
    COLUMNS,
    DEFAULT_UNCERTAINTY_KM,
    WatchlistEntry,
    entry_from_row,
    merge_duplicates,
)
from workbook.ingest.ftm_entities import clean_values, ftm_model, read_ftm

__all__ = [
    "DEFAULT_UNCERTAINTY_KM",
    "TYPE_OF_SCHEMA",
    "Watchlist",
    "WatchlistEntry",
    "load_watchlist",
    "watchlist_from_ftm",
    "write_watchlist",
]


class WatchMatch(NamedTuple):
    start: int
    end: int
    entry: int
    via_alias: bool


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in surface.strip()


@dataclass(frozen=True, eq=False)
class Watchlist:
    """An immutable set of watchlist entries with a matcher over their names and aliases. When two
    entries share a surface, the first one's name beats any alias, then the earlier entry wins."""

    entries: tuple[WatchlistEntry, ...]
    name: str = "watchlist"
    _surfaces: dict[str, tuple[int, bool, bool]] = field(default_factory=dict, init=False, repr=False)
    _automaton: Any = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        surfaces: dict[str, tuple[tuple[int, int], int, bool, bool]] = {}
        for i, e in enumerate(self.entries):
            for is_alias, s in ((False, e.name), *((True, a) for a in e.aliases)):
                key = fold_key(s)
                rank = (int(is_alias), i)
                if key and (key not in surfaces or rank < surfaces[key][0]):
                    surfaces[key] = (rank, i, is_alias, _is_acronym(s))
        table = {k: (i, alias, acro) for k, (_, i, alias, acro) in surfaces.items()}
        automaton = ahocorasick.Automaton()
        for e in self.entries:
            for s in (e.name, *e.aliases):
                raw, key = fold(s).strip(), fold_key(s)
                if raw and key in table:
                    automaton.add_word(raw, (len(raw), key))
                    automaton.add_word(key, (len(key), key))
        if table:
            automaton.make_automaton()
        object.__setattr__(self, "_surfaces", table)
        object.__setattr__(self, "_automaton", automaton)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, surface: str) -> WatchlistEntry | None:
        """The entry a name or alias refers to (case- and accent-blind), or None."""
        hit = self._surfaces.get(fold_key(surface))
        return self.entries[hit[0]] if hit else None

    def find(self, text: str) -> list[WatchMatch]:
        """Every watchlist name or alias in ``text``: on word boundaries, capitalised in the text,
        acronyms in capitals, longest first without overlaps, in text order."""
        if not self._surfaces or not text:
            return []
        folded, n = fold(text), len(text)
        cands = []
        for end_index, (length, key) in self._automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if (start > 0 and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
                continue
            if not (text[start].isupper() or text[start].isdigit()):
                continue
            entry, alias, acro = self._surfaces[key]
            if acro and not all(c.isupper() for c in text[start:end] if c.isalpha()):
                continue
            cands.append(WatchMatch(start, end, entry, alias))
        cands.sort(key=lambda m: (m.start - m.end, m.start))
        taken = bytearray(n + 1)
        out = []
        for m in cands:
            if not any(taken[m.start : m.end]):
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
                out.append(m)
        return sorted(out)

    def apply(
        self,
        text: str,
        sentences: Sequence[Sentence],
        entities: Sequence[EntityRecord],
        mentions: Sequence[MentionRecord],
        places: Sequence[PlaceRecord],
    ) -> tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]:
        """The rules' entities, mentions and places of one document with the watchlist applied (see
        the module docstring). Pure; keys stay document-local (``type:normalised name``)."""
        remap: dict[str, str] = {}
        for e in entities:
            hit = next((found for s in (e.name, *e.aliases) if (found := self.lookup(s)) is not None), None)
            if hit is not None:
                remap[e.key] = hit.key
        matches = self.find(text)
        if not matches and not remap:
            return list(entities), list(mentions), list(places)
        dropped: set[int] = set()
        kept_matches: list[WatchMatch] = []
        for w in matches:
            wkey = self.entries[w.entry].key
            over = [k for k, m in enumerate(mentions) if m.start < w.end and w.start < m.end]
            longer = [
                k
                for k in over
                if mentions[k].start <= w.start
                and mentions[k].end >= w.end
                and mentions[k].end - mentions[k].start > w.end - w.start
            ]
            if any(remap.get(mentions[k].entity_key) != wkey for k in longer):
                continue  # a longer name holds it ("Sohae" in "Sohae Station Road")
            if over and all(remap.get(mentions[k].entity_key) == wkey for k in over):
                continue  # the rules found it already and it is the watchlist entity
            dropped.update(over)
            kept_matches.append(w)
        starts = [s.start for s in sentences]
        out_mentions: list[MentionRecord] = []
        names = {e.key: fold_key(e.name) for e in self.entries}
        for k, m in enumerate(mentions):
            if k not in dropped:
                r = _remapped(m, remap, tuple(dict.fromkeys(remap.get(c, c) for c in m.candidates)))
                renamed = r.entity_key in names and fold_key(text[m.start : m.end]) != names[r.entity_key]
                if r.resolution == "exact" and renamed:
                    r = MentionRecord(r.start, r.end, r.entity_key, r.sentence, "alias", r.candidates)
                out_mentions.append(r)
        for w in kept_matches:
            entry = self.entries[w.entry]
            exact = fold_key(text[w.start : w.end]) == fold_key(entry.name)
            sentence = max(bisect.bisect_right(starts, w.start) - 1, 0)
            out_mentions.append(MentionRecord(w.start, w.end, entry.key, sentence, "exact" if exact else "alias"))
        out_mentions.sort(key=lambda m: (m.start, m.end))
        used = {m.entity_key for m in out_mentions}
        by_key = {e.key: e for e in self.entries}
        out_entities: list[EntityRecord] = []
        seen: set[str] = set()
        for e in entities:
            if e.key not in remap and e.key in used and e.key not in by_key:
                out_entities.append(e)
                seen.add(e.key)
        for key in sorted(used - seen):
            if key not in by_key:
                continue
            entry = by_key[key]
            said = {" ".join(text[m.start : m.end].split()) for m in out_mentions if m.entity_key == key}
            aliases = tuple(dict.fromkeys([*entry.aliases, *sorted(said)]))
            name_key = fold_key(entry.name)
            out_entities.append(
                EntityRecord(
                    key, entry.name, entry.type, tuple(a for a in aliases if fold_key(a) != name_key), "watchlist"
                )
            )
        present = {e.key for e in out_entities}
        out_mentions = [
            m
            if all(c in present for c in m.candidates)
            else _remapped(m, {}, tuple(c for c in m.candidates if c in present))
            for m in out_mentions
        ]
        out_places: dict[str, PlaceRecord] = {}
        for key in sorted(present & set(by_key)):
            entry = by_key[key]
            if entry.has_coordinates:
                out_places[key] = PlaceRecord(
                    key,
                    float(entry.lat or 0.0),
                    float(entry.lon or 0.0),
                    float(entry.uncertainty_km or DEFAULT_UNCERTAINTY_KM),
                    "analyst",
                    f"watchlist:{self.name}",
                    entry.admin_area,
                )
        for p in places:
            key = remap.get(p.entity_key, p.entity_key)
            if key in present and key not in out_places:
                out_places[key] = _place(p, key)
        return out_entities, out_mentions, list(out_places.values())


def _remapped(m: MentionRecord, remap: Mapping[str, str], cands: tuple[str, ...]) -> MentionRecord:
    return MentionRecord(m.start, m.end, remap.get(m.entity_key, m.entity_key), m.sentence, m.resolution, cands)


def _place(p: PlaceRecord, key: str) -> PlaceRecord:
    return PlaceRecord(key, p.lat, p.lon, p.uncertainty_km, p.coord_source, p.source_name, p.admin_area)


# --- files ------------------------------------------------------------------------------------------


def _rows(path: Path) -> list[Mapping[str, Any]]:
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8-sig")
    if suffix in (".csv", ".tsv", ".txt"):
        rows = csv.DictReader(text.splitlines(), delimiter="\t" if suffix == ".tsv" else ",")
        # a cell guarded against formulas when written ("'=x", see write_watchlist) reads back as written
        return [{k: unguard_formula(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows]
    data = yaml.safe_load(text) if suffix in (".yaml", ".yml") else json.loads(text)
    if isinstance(data, Mapping):
        data = data.get("entities", data.get("watchlist"))
    if not isinstance(data, list) or not all(isinstance(r, Mapping) for r in data):
        raise WatchlistError(
            f"Watchlist {path} must hold a list of entities (objects with name, type, aliases, ...), "
            'or {"entities": [...]}.'
        )
    return data


def _is_ftm(path: Path) -> bool:
    name = path.name.lower()
    if ".ftm." in name or name.endswith(".ftm"):
        return True
    if path.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        return False
    with path.open(encoding="utf-8") as fh:
        first = fh.readline().strip()
    try:
        head = json.loads(first) if first else None
    except json.JSONDecodeError:
        return False
    return isinstance(head, Mapping) and "schema" in head and "properties" in head


def load_watchlist(path: str | Path) -> Watchlist:
    """Read a watchlist file: CSV/TSV, JSON or YAML (see the module docstring), or FollowTheMoney
    entities (``*.ftm.json`` or JSON lines of ``{"schema", "properties"}``). Raises
    :class:`WatchlistError` naming every bad row."""
    p = Path(path)
    if not p.is_file():
        raise WatchlistError(f"Watchlist file {p} does not exist.")
    try:
        if _is_ftm(p):
            return watchlist_from_ftm(p)
        rows = _rows(p)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError, csv.Error) as exc:
        raise WatchlistError(f"Watchlist {p} cannot be read: {exc}.") from exc
    entries, bad = [], []
    for i, row in enumerate(rows, start=2 if p.suffix.lower() in (".csv", ".tsv", ".txt") else 1):
        try:
            entries.append(entry_from_row(row))
        except (WatchlistError, TypeError, ValueError) as exc:
            bad.append(f"{'line' if p.suffix.lower() in ('.csv', '.tsv', '.txt') else 'entry'} {i}: {exc}")
    if bad:
        more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
        raise WatchlistError(f"Watchlist {p} has {len(bad)} bad row(s){more}: " + " | ".join(bad[:5]))
    return Watchlist(tuple(merge_duplicates(entries)), name=p.name)


def write_watchlist(watchlist: Watchlist | Iterable[WatchlistEntry], path: str | Path) -> Path:
    """Write a watchlist as CSV (``.csv``/``.tsv``), JSON or YAML, by the file's suffix (atomically: a
    reader never sees half a file)."""
    p = Path(path)
    entries = watchlist.entries if isinstance(watchlist, Watchlist) else tuple(watchlist)
    rows: list[dict[str, Any]] = [
        {
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "lat": e.lat,
            "lon": e.lon,
            "uncertainty_km": e.uncertainty_km,
            "admin_area": e.admin_area,
            "note": e.note,
        }
        for e in entries
    ]
    suffix = p.suffix.lower()
    if suffix in (".csv", ".tsv"):
        buf = io.StringIO(newline="")
        w = csv.DictWriter(buf, fieldnames=list(COLUMNS), delimiter="\t" if suffix == ".tsv" else ",")
        w.writeheader()
        for r in rows:  # text cells guarded against formulas (workbook.csv_cells); numbers left as they are
            cells = {**r, "aliases": "|".join(r["aliases"])}
            w.writerow({k: guard_formula(v) if isinstance(v, str) else v for k, v in cells.items()})
        atomic_write_text(p, buf.getvalue())
    elif suffix in (".yaml", ".yml"):
        atomic_write_text(p, yaml.safe_dump({"entities": rows}, allow_unicode=True, sort_keys=False))
    elif suffix == ".json":
        atomic_write_text(p, json.dumps({"entities": rows}, ensure_ascii=False, indent=2))
    else:
        raise WatchlistError(f"Cannot write a watchlist as {p.name}: use .csv, .tsv, .json or .yaml.")
    return p


#: FtM schema (or an ancestor) → workbook entity type, most specific first.
TYPE_OF_SCHEMA: tuple[tuple[str, str], ...] = (
    ("Person", "person"),
    ("Vessel", "other"),
    ("Airplane", "other"),
    ("Vehicle", "weapon_system"),
    ("RealEstate", "facility"),
    ("Address", "place"),
    ("Territory", "place"),
    ("LegalEntity", "organization"),
)


def watchlist_from_ftm(source: str | Path | Iterable[Mapping[str, Any]], *, name: str | None = None) -> Watchlist:
    """A watchlist from FtM entities (a file, or entity dicts): people, organisations (any legal
    entity: Company, PublicBody, ...), places (Address, Territory, with latitude/longitude when
    given), facilities (RealEstate) and vehicles (as weapon systems); other schemata (documents,
    mentions, relations) are skipped. All names, aliases, weak aliases and previous names become
    names or aliases."""
    model = ftm_model()
    items = read_ftm(source) if isinstance(source, str | Path) else list(source)
    label = name or (Path(source).name if isinstance(source, str | Path) else "ftm")
    entries: dict[str, WatchlistEntry] = {}
    for data in items:
        schema = model.get(str(data.get("schema")))
        if schema is None:
            continue
        type_ = next((t for s, t in TYPE_OF_SCHEMA if schema.is_a(model.get(s))), None)
        props = data.get("properties", {}) or {}
        names = clean_values(props.get("name", []))
        if type_ is None or not names:
            continue
        aliases = clean_values(
            [*names[1:], *props.get("alias", []), *props.get("weakAlias", []), *props.get("previousName", [])]
        )
        lat, lon = props.get("latitude", []), props.get("longitude", [])
        country = clean_values(props.get("country", []))
        try:
            entry = WatchlistEntry(
                names[0],
                type_,
                tuple(a for a in aliases if a != names[0]),
                float(lat[0]) if lat and lon else None,
                float(lon[0]) if lat and lon else None,
                None,
                country[0].upper() if country else None,
                f"from FtM {schema.name} {data.get('id')}",
            )
        except (WatchlistError, ValueError) as exc:
            raise WatchlistError(
                f"FtM entity {data.get('id')} ({schema.name}) cannot be a watchlist entry: {exc}"
            ) from exc
        old = entries.get(entry.key)
        if old is not None:
            entry = WatchlistEntry(
                old.name,
                old.type,
                tuple(dict.fromkeys((*old.aliases, *entry.aliases))),
                old.lat,
                old.lon,
                old.uncertainty_km,
                old.admin_area,
                old.note,
            )
        entries[entry.key] = entry
    return Watchlist(tuple(entries.values()), name=label)
