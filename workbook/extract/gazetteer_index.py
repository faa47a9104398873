"""The gazetteer itself: named places and facilities with coordinates, and a fast matcher over text.

A :class:`Gazetteer` is an immutable collection of :class:`GazetteerEntry` values plus an
Aho-Corasick automaton over their folded names and aliases (case-, accent- and punctuation-blind,
one character of text per character of key, so offsets map back to the text exactly).

Matching rules (:meth:`Gazetteer.find`):

* a match must start and end on word boundaries, and the longest match wins (overlaps are dropped);
* the text must be capitalised where the match starts ("Reading" may match, "reading" never does),
  and acronyms ("US", "DPRK", "DMZ") must be written in capitals;
* when several entries share a name or alias, a *name* beats an *alias*, a place beats a facility
  (a bare "Kaesong" in text is the town, not the launch area named after it), a later gazetteer of a
  merge beats an earlier one, and within a gazetteer the earlier entry wins (the built-in one lists
  countries, then continents and regions, then the Korean peninsula, capitals, US states and cities
  by population, so "Washington" is the US capital and "Georgia" the country).

Nothing here touches the disk: the loaders are in :mod:`workbook.extract.gazetteer_builtin` and
:mod:`workbook.extract.gazetteer_tables` (all re-exported by :mod:`workbook.extract.gazetteer`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import ahocorasick

from workbook.errors import GazetteerError
from workbook.model import COORD_SOURCES
from workbook.names import fold, fold_key

__all__ = [
    "GAZETTEER_TYPES",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerIndex",
    "GazetteerMatch",
    "index_entries",
    "merge_gazetteers",
]

GAZETTEER_TYPES = ("place", "facility")


@dataclass(frozen=True)
class GazetteerEntry:
    """A named place or facility with coordinates.

    ``uncertainty_km`` is the radius within which the thing lies (a country centroid: hundreds of
    km; a city: ~10 km; a surveyed facility: ~1 km). ``type`` is ``place`` or ``facility``.
    """

    name: str
    type: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    uncertainty_km: float
    source_name: str
    admin_area: str | None = None
    coord_source: str = "gazetteer"
    population: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        problems = []
        if not self.name.strip():
            problems.append("the name is empty")
        if self.type not in GAZETTEER_TYPES:
            problems.append(f"type {self.type!r} is not one of {list(GAZETTEER_TYPES)}")
        if not (-90.0 <= self.lat <= 90.0) or not (-180.0 <= self.lon <= 180.0):
            problems.append(f"({self.lat}, {self.lon}) is not a latitude in [-90, 90] and longitude in [-180, 180]")
        if not (self.uncertainty_km > 0) or math.isinf(self.uncertainty_km):
            problems.append(f"uncertainty_km {self.uncertainty_km!r} is not a positive number of km")
        if self.coord_source not in COORD_SOURCES:
            problems.append(f"coord_source {self.coord_source!r} is not one of {list(COORD_SOURCES)}")
        if problems:
            raise GazetteerError(f"Gazetteer entry {self.name!r}: " + "; ".join(problems) + ".")


class GazetteerMatch(NamedTuple):
    """A gazetteer name found in text: ``text[start:end]`` is the surface; ``via_alias`` tells
    whether the surface is one of the entry's aliases rather than its name."""

    start: int
    end: int
    entry: GazetteerEntry
    via_alias: bool


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in surface.strip()


class GazetteerIndex(NamedTuple):
    """What a :class:`Gazetteer` matches with, before its automaton is made: the entries (one per
    type and folded name), each folded name or alias → (entry, via an alias, written as an acronym),
    and every spelling the automaton looks for → the folded key it stands for."""

    entries: tuple[GazetteerEntry, ...]
    surfaces: dict[str, tuple[GazetteerEntry, bool, bool]]
    spellings: dict[str, str]


def index_entries(layers: tuple[tuple[GazetteerEntry, ...], ...]) -> GazetteerIndex:
    """The index of layers of entries (the matching rules are in the module's docstring): duplicates
    by type and name merged (a later layer's coordinates win, aliases pooled), each folded surface
    ranked (name before alias, place before facility, later layer first, then entry order)."""
    by_identity: dict[tuple[str, str], tuple[int, GazetteerEntry]] = {}
    for layer_no, layer in enumerate(layers):
        for e in layer:
            ident = (e.type, fold_key(e.name))
            if ident in by_identity:  # the same place twice: a later layer's coordinates win
                old_layer, old = by_identity[ident]
                first, second = (old, e) if old_layer == layer_no else (e, old)
                e = replace(first, aliases=tuple(dict.fromkeys((*first.aliases, *second.aliases))))
            by_identity[ident] = (layer_no, e)
    entries = tuple(e for _, e in by_identity.values())
    ranked: dict[str, tuple[tuple[int, int, int, int], int, bool]] = {}
    acronym: dict[str, bool] = {}
    for index, (layer_no, e) in enumerate(by_identity.values()):
        for is_alias, surface in ((False, e.name), *((True, a) for a in e.aliases)):
            key = fold_key(surface)
            if not key:
                continue
            rank = (int(is_alias), int(e.type != "place"), -layer_no, index)
            if key not in ranked or rank < ranked[key][0]:
                ranked[key] = (rank, index, is_alias)
            acronym[key] = acronym.get(key, True) and _is_acronym(surface)
    surfaces = {k: (entries[i], alias, acronym[k]) for k, (_, i, alias) in ranked.items()}
    spellings: dict[str, str] = {key: key for key in surfaces}
    for e in entries:  # "N. Korea" folds to "n  korea": match that spelling too
        for surface in (e.name, *e.aliases):
            raw = fold(surface).strip()
            if raw and raw not in spellings and fold_key(surface) in surfaces:
                spellings[raw] = fold_key(surface)
    return GazetteerIndex(entries, surfaces, spellings)


class Gazetteer:
    """An immutable set of gazetteer entries with a matcher. Build it from entries (duplicates by
    type and name are merged: the first keeps its coordinates, aliases are pooled), or combine
    several with :func:`merge_gazetteers` (there a later gazetteer's coordinates win)."""

    def __init__(self, entries: Iterable[GazetteerEntry], name: str = "gazetteer") -> None:
        self._name = name
        self._layers: tuple[tuple[GazetteerEntry, ...], ...] = (tuple(entries),)
        self._build()

    @classmethod
    def _from_layers(cls, layers: tuple[tuple[GazetteerEntry, ...], ...], name: str) -> Gazetteer:
        g = cls.__new__(cls)
        g._name = name
        g._layers = layers
        g._build()
        return g

    @classmethod
    def _from_index(cls, index: GazetteerIndex, name: str) -> Gazetteer:
        """A gazetteer from an index made by :func:`index_entries` (as the built-in one is read from
        package data: no folding, ranking or merging of entries, only the automaton is made)."""
        g = cls.__new__(cls)
        g._name = name
        g._layers = (index.entries,)  # deduplicated: merging it again gives the same gazetteer
        g._set_index(index)
        return g

    def _build(self) -> None:
        self._set_index(index_entries(self._layers))

    def _set_index(self, index: GazetteerIndex) -> None:
        self._entries = index.entries
        self._surfaces = index.surfaces
        self._automaton = ahocorasick.Automaton()
        for raw, key in index.spellings.items():  # padded with spaces: only whole words match (see find)
            self._automaton.add_word(f" {raw} ", (len(raw), key))
        if self._surfaces:
            self._automaton.make_automaton()

    @property
    def name(self) -> str:
        return self._name

    @property
    def entries(self) -> tuple[GazetteerEntry, ...]:
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"Gazetteer({self._name!r}, {len(self._entries)} entries)"

    def lookup(self, surface: str) -> GazetteerEntry | None:
        """The entry a name or alias refers to (case- and accent-blind), or None."""
        hit = self._surfaces.get(fold_key(surface))
        return hit[0] if hit else None

    def type_of(self, surface: str) -> str | None:
        """The type of the entry ``surface`` refers to, or None (a stable callable for the entity
        classifier's features: the bound method of one gazetteer compares equal across documents)."""
        entry = self.lookup(surface)
        return entry.type if entry is not None else None

    def find(self, text: str) -> list[GazetteerMatch]:
        """Every gazetteer name in ``text``, longest first, without overlaps, in text order."""
        if not self._surfaces or not text:
            return []
        # Keys are " name " and the text is folded (non-alphanumerics are spaces) and padded the same
        # way, so the automaton reports only matches at word boundaries, not names inside words.
        padded = f" {fold(text)} "
        n = len(text)
        candidates: list[tuple[int, int, str]] = []
        for end_index, (length, key) in self._automaton.iter(padded):
            end = end_index - 1  # the closing space is at end_index; in ``text`` coordinates, minus one pad
            start = end - length
            first = text[start]
            if not (first.isupper() or first.isdigit()):
                continue
            _, _, acronym = self._surfaces[key]
            if acronym:
                if not all(c.isupper() for c in text[start:end] if c.isalpha()):
                    continue
                if end < n and text[end] == "." and end - start >= 3 and text[end - 2] == ".":
                    end += 1  # "U.S." keeps its final full stop
            candidates.append((start, end, key))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(n + 1)
        chosen: list[GazetteerMatch] = []
        for start, end, key in candidates:
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            entry, alias, _ = self._surfaces[key]
            chosen.append(GazetteerMatch(start, end, entry, alias))
        chosen.sort(key=lambda m: m.start)
        return chosen


def merge_gazetteers(*gazetteers: Gazetteer, name: str | None = None) -> Gazetteer:
    """One gazetteer from several; later ones take precedence (their coordinates win for the same
    type and name, and their names and aliases win ties with earlier aliases)."""
    layers = tuple(layer for g in gazetteers for layer in g._layers)
    return Gazetteer._from_layers(layers, name or "+".join(g.name for g in gazetteers))
