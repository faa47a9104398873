"""Where the leader went: place names in the lead of an article, resolved through the gazetteers.

:func:`site_gazetteer` merges, in increasing precedence: the built-in gazetteer (cities, provinces,
launch sites), the DPRK administrative divisions (counties with an uncertainty of about their width),
Pyongyang landmarks KCNA names as destinations (placed at the Pyongyang city point with the city's
uncertainty: we have no surveyed coordinates for them, and do not pretend to) and the nagix launch
facilities (surveyed sites, 1 km). A bare town name still resolves to the town, not to the launch site
named after it (the gazetteer ranks places above facilities for the same surface).

:func:`resolve_places` keeps what lies in North Korea (a box around it) and is finer than a country
(uncertainty under :data:`MAX_UNCERTAINTY_KM`), and drops a province when a place inside it is named
("Sinpho, South Hamgyong Province" → Sinpho).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from workbook.extract.date_words import FULL_MONTH
from workbook.extract.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    builtin_gazetteer,
    load_nagix_facilities,
    merge_gazetteers,
)
from workbook.names import romanisation_key
from workbook.tables.admin import admin_gazetteer, haversine_km

__all__ = [
    "DPRK_BOX",
    "IN_TEXT_LANDMARK",
    "LANDMARK_HEADS",
    "LANDMARK_SOURCE",
    "MAX_UNCERTAINTY_KM",
    "PYONGYANG_LANDMARKS",
    "PlaceHit",
    "find_landmarks",
    "landmark_gazetteer",
    "prune_provinces",
    "reconcile",
    "resolve_places",
    "site_gazetteer",
]

#: (south, north, west, east) in degrees: North Korea and its coastal waters.
DPRK_BOX = (37.6, 43.1, 124.0, 130.8)
#: Places vaguer than this (countries, seas, the peninsula) are not sites.
MAX_UNCERTAINTY_KM = 150.0
LANDMARK_SOURCE = "workbook:pyongyang-landmarks (at the Pyongyang city point)"
#: Destinations in Pyongyang that KCNA names without a town: (name, aliases).
PYONGYANG_LANDMARKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Friendship Tower", ()),
    ("Liberation Tower", ()),
    (
        "Revolutionary Martyrs Cemetery on Mt Taesong",
        ("Mt Taesong", "Mount Taesong", "Taesongsan", "Revolutionary Martyrs Cemetery on Mount Taesong"),
    ),
    ("Fatherland Liberation War Martyrs Cemetery", ()),
    ("Patriotic Martyrs Cemetery", ("Sinmiri Patriotic Martyrs Cemetery",)),
    ("Kumsusan Palace of the Sun", ()),
    ("Kim Il Sung Square", ()),
    ("Mansu Hill", ("Mansudae", "Mansudae Hill")),
    ("May Day Stadium", ("Rungrado May Day Stadium",)),
    ("April 25 House of Culture", ()),
    ("Victorious Fatherland Liberation War Museum", ()),
)


@dataclass(frozen=True)
class PlaceHit:
    """A place named in a document: ``text[start:end]`` is ``surface``; ``entry`` gives its coordinates."""

    start: int
    end: int
    surface: str
    entry: GazetteerEntry


def landmark_gazetteer(city: GazetteerEntry) -> Gazetteer:
    """:data:`PYONGYANG_LANDMARKS` at ``city``'s point, with its uncertainty."""
    admin = "Pyongyang, North Korea"
    entries = [
        GazetteerEntry(name, "place", aliases, city.lat, city.lon, city.uncertainty_km, LANDMARK_SOURCE, admin)
        for name, aliases in PYONGYANG_LANDMARKS
    ]
    return Gazetteer(entries, name="pyongyang-landmarks")


def reconcile(base: Gazetteer, extra: Gazetteer) -> Gazetteer:
    """``extra`` with its entries renamed to the name ``base`` uses for the same place (same type, same
    :func:`~workbook.names.romanisation_key` without "City", points closer than their
    uncertainties), so that merging the two pools their spellings instead of keeping two entries:
    "North Pyongan" (admin divisions) becomes "North Phyongan" (built-in), "Sinpho City" → "Sinpo"."""
    by_key: dict[tuple[str, str], GazetteerEntry] = {}
    for e in base:
        by_key.setdefault((e.type, romanisation_key(e.name)), e)
    out = []
    for e in extra:
        twin = by_key.get((e.type, romanisation_key(e.name)))
        if twin is not None and twin.name != e.name:
            gap = float(haversine_km(e.lat, e.lon, twin.lat, twin.lon))
            if gap <= max(e.uncertainty_km, twin.uncertainty_km) + 10.0:
                e = replace(e, name=twin.name, aliases=tuple(dict.fromkeys((e.name, *e.aliases))))
        out.append(e)
    return Gazetteer(out, name=extra.name)


def site_gazetteer(admin_dir: str | Path | None = None, nagix_dir: str | Path | None = None) -> Gazetteer:
    """The merged gazetteer of the case study (see the module docs); the admin divisions and the nagix
    facilities are added when their folders are given."""
    layers = [builtin_gazetteer()]
    if admin_dir is not None:
        layers.append(reconcile(layers[0], admin_gazetteer(admin_dir)))
    merged = merge_gazetteers(*layers)
    city = merged.lookup("Pyongyang")
    if city is not None:
        layers.append(landmark_gazetteer(city))
    if nagix_dir is not None:
        layers.append(load_nagix_facilities(Path(nagix_dir) / "facility.en.json"))
    return merge_gazetteers(*layers, name="site-visits")


#: A place name followed by these words names an organisation ("Paektusan Hero Youth Shock Brigade").
_ORGANISATION_AFTER = re.compile(r"[ \u00a0]+(?:Hero|Prize|Revolutionary School|University|Youth League)\b")


def _in_dprk(e: GazetteerEntry) -> bool:
    s, n, w, east = DPRK_BOX
    return s <= e.lat <= n and w <= e.lon <= east and e.uncertainty_km < MAX_UNCERTAINTY_KM


def _province_key(e: GazetteerEntry) -> str | None:
    """The romanisation key of the province ``e`` lies in, from its admin area ("South Hamgyong, North Korea")."""
    if not e.admin_area or "," not in e.admin_area:
        return None
    return romanisation_key(e.admin_area.split(",")[0])


def prune_provinces(hits: Sequence[PlaceHit]) -> list[PlaceHit]:
    """``hits`` without the provinces that hold another, more precisely placed hit ("Sinpho, South Hamgyong
    Province" → Sinpho). A landmark placed at its city's point says no more than the city: both stay
    ("the April 25 House of Culture" in "the capital city of Pyongyang")."""

    def holds_another(h: PlaceHit) -> bool:
        key = romanisation_key(h.entry.name)
        return any(
            g is not h and _province_key(g.entry) == key and g.entry.uncertainty_km < h.entry.uncertainty_km
            for g in hits
        )

    return [h for h in hits if not holds_another(h)]


#: Head words of a named landmark: "the Monument to the Victorious Fatherland Liberation War", "the Kaeson
#: Youth Park", "the Central Hall of ...".
LANDMARK_HEADS: tuple[str, ...] = (
    "Monument",
    "Memorial",
    "Museum",
    "Tower",
    "Cemetery",
    "Square",
    "Stadium",
    "House of Culture",
    "Theatre",
    "Theater",
    "Palace",
    "Park",
    "Arch",
    "Statues",
    "Hall",
)
_CAP = r"[A-Z0-9][\w'’-]*"
_TAIL_WORD = rf"(?!{FULL_MONTH}\b)[A-Z][\w'’-]*"  # "the Friendship Tower on July 26": a date, not a name
_LANDMARK = re.compile(
    rf"\bthe\s+(?P<name>(?:{_CAP}\s+){{0,6}}?(?:{'|'.join(LANDMARK_HEADS)})\b"
    rf"(?:\s+(?:to|of|on)\s+(?:the\s+)?{_TAIL_WORD}(?:\s+(?:of\s+(?:the\s+)?)?{_TAIL_WORD})*)?)"
)
IN_TEXT_LANDMARK = "workbook:landmark named in the text (at the place named with it)"


def find_landmarks(
    text: str, spans: Iterable[tuple[int, int]], known: Sequence[PlaceHit], fallback: GazetteerEntry | None
) -> list[PlaceHit]:
    """Named landmarks no gazetteer lists ("the Monument to the Victorious Fatherland Liberation War",
    capitalised, a :data:`LANDMARK_HEADS` word), in the ``spans`` of ``text``, outside the places already
    ``known``. Each is placed at the first known place of its span (a town named with it or in it), else at
    ``fallback`` (the town the report is filed from), with that place's uncertainty: we know which town a
    landmark is in, not where in it it is. None without either."""
    out: list[PlaceHit] = []
    seen = {romanisation_key(h.entry.name) for h in known}
    for lo, hi in spans:
        for m in _LANDMARK.finditer(text, lo, hi):
            start, end = m.start("name"), m.end("name")
            # a known place inside the name is the landmark's town ("Pyongyang Indoor Stadium"); one that
            # overlaps it otherwise, or is all of it, is already the place
            inside = [h for h in known if start <= h.start and h.end <= end and h.end - h.start < end - start]
            if any(h.start < end and start < h.end and h not in inside for h in known):
                continue
            if romanisation_key(m["name"]) in seen:
                continue
            town = next(
                (h.entry for h in known if lo <= h.start < hi and h.entry.source_name != IN_TEXT_LANDMARK), fallback
            )
            if town is None:
                continue
            seen.add(romanisation_key(m["name"]))
            admin = f"{town.name}, North Korea"
            entry = GazetteerEntry(
                m["name"], "place", (), town.lat, town.lon, town.uncertainty_km, IN_TEXT_LANDMARK, admin
            )
            out.append(PlaceHit(start, end, m["name"], entry))
    return out


def resolve_places(
    text: str, spans: Iterable[tuple[int, int]], gazetteer: Gazetteer, exclude: Sequence[tuple[int, int]] = ()
) -> list[PlaceHit]:
    """The places named in the ``spans`` of ``text`` (outside ``exclude``), one hit per place, in order
    of first appearance (not yet pruned of provinces: see :func:`prune_provinces`)."""
    hits: list[PlaceHit] = []
    seen: set[tuple[str, str]] = set()
    for lo, hi in spans:
        for m in gazetteer.find(text[lo:hi]):
            start, end = lo + m.start, lo + m.end
            if any(a <= start < b for a, b in exclude) or not _in_dprk(m.entry) or _ORGANISATION_AFTER.match(text, end):
                continue
            ident = (m.entry.type, romanisation_key(m.entry.name))
            if ident in seen:
                continue
            seen.add(ident)
            hits.append(PlaceHit(start, end, text[start:end], m.entry))
    return hits
