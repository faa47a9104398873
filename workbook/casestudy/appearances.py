"""The leader's appearances, one per KCNA article of his "Revolutionary Activities": activity, date,
places, site, weapon systems, each with the character offsets it was read from.

Per article (rules in :mod:`workbook.casestudy.rules` and :mod:`workbook.casestudy.places`):

* the **dateline** ("Pyongyang, July 16 (KCNA) --", read by the extractor's
  :func:`~workbook.extract.dateline.parse_dateline`) is set aside: its town is where KCNA files from,
  not where the leader went;
* the **lead** is the first sentence after it that names Kim Jong Un (or "he") with an activity verb;
* the **date** is the first event date in a sentence naming him (not after a preposition: "gifts sent by
  Kim Jong Un") or in the lead, else the first in a sentence saying when the event "was held"/"took
  place", else the first in the first three sentences ("The Missile Administration ... conducted
  test-fires ... on Wednesday"); for a message only his own sentences count; all within
  :data:`MAX_REPORT_LAG_DAYS` before publication. ``date_stated`` is then True. Otherwise the date is
  inferred from the publication date: KCNA reports the leader's activities 0-2 days later (in our
  expectation set, of 43 dated appearances 34 were reported the next day, 8 two days later and 1 the same
  day), so the interval is [published - 2, published] and ``date_best`` is published - 1;
* **places** are read in the headline (when it names him and his activity), the lead and, after the verb,
  the first sentences where he "goes round"/"arrives at" or where the event "was held in"/"took place
  in", and resolved with their coordinates and uncertainty; a message sent is not a visit, so messages
  have no places. When none of these names a known place, a named landmark no gazetteer lists ("the
  Monument to ...") is the place, at the town the report is filed from
  (:func:`~workbook.casestudy.places.find_landmarks`);
* **weapon systems** are read in the whole text.

Articles that tell the same story (filed twice, often under the same URL; or two reports of one test-fire)
share a ``story_id``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from workbook.book import Book
from workbook.casestudy.places import PlaceHit, find_landmarks, prune_provinces, resolve_places
from workbook.casestudy.rules import (
    APPEARANCE_ACTIVITIES,
    LEADER_NAME,
    DateHit,
    classify_activity,
    find_kcna_dates,
    find_weapon_systems,
    headline_activity,
    lead_activity,
    nagix_missile_key,
)
from workbook.extract.dateline import parse_dateline
from workbook.extract.gazetteer import Gazetteer
from workbook.extract.sentences import split_sentences
from workbook.labels import as_text

__all__ = [
    "LEADER_TOPIC",
    "MAX_REPORT_LAG_DAYS",
    "Appearance",
    "AppearanceTables",
    "extract_appearance",
    "extract_appearances",
    "leader_documents",
    "unglue",
]

LEADER_TOPIC = "WPK General Secretary Kim Jong Un's Revolutionary Activities"
#: A stated date more than this many days before publication is not the date of the reported activity.
MAX_REPORT_LAG_DAYS = 10
#: What may follow a dateline before the body (:func:`~workbook.extract.dateline.parse_dateline` stops
#: before a dash glued to the next word: "(KCNA) --Kim Jong Un").
_AFTER_DATELINE = re.compile(r"\s*(?:--|—|–|-)?\s*")
_EVENT = re.compile(r"\b(?:(?:was|were) held|took place|(?:was|were) given (?:at|in|before)|(?:was|were) conducted)\b")
_MOVEMENT = re.compile(
    r"\b(?:[Gg]o(?:ing|es)? round|went round|arriv(?:ed|ing) at|visited|[Ll]ooking round|(?:was|were) held (?:in|at)"
    r"|took place (?:in|at)|(?:was|were) given (?:at|in|before)"
    # the event named with where it was: "the meeting in Pyongyang", "the ceremony held at ..."
    r"|(?:meeting|ceremony|rally|reception|banquet|performance|celebrations?|parade)(?: (?:held|given))? (?:in|at)"
    # a sentence opening on the venue: "The plaza of the April 25 House of Culture, where ..."
    r"|^\s*The (?:plaza|venue|grounds|square|courtyard|site|compound|premises) of)\b",
    re.MULTILINE,
)
#: A speaker's "here in North Phyongan Province" is where the speech is made (read in the whole text: a
#: speech names its place anywhere).
_HERE = re.compile(r"\b[Hh]ere in\b")
#: The unnamed thing the leader visited ("visited the lodging quarters to meet ..."): where it is may be
#: said before ("They arrived in Pyongyang ... and came to the lodging quarters").
_VISITED_THING = re.compile(
    r"\b(?:visited|inspected|toured|went round|looked round|arrived at|came to)\s+the\s+"
    r"(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})"
)
_NP_STOP = frozenset({"to", "in", "at", "of", "and", "on", "for", "with", "from", "under", "where", "which", "that"})
#: A message or gift received: the sentence saying when it was delivered dates the leader's receipt
#: ("The message of sympathy ... was conveyed to the Foreign Ministry ... on the evening of August 3").
_DELIVERED = re.compile(
    r"\b(?:message|letter|greetings|congratulations|gifts?|wreath|floral basket)\b[^.;]{0,120}?"
    r"\b(?:was|were) (?:conveyed|delivered|received|handed|forwarded)\b"
)
#: The leader named as the object of a preposition ("gifts sent by", "the name of the respected Comrade"):
#: the sentence tells someone else's act.
_NOT_ACTOR = re.compile(
    r"\b(?:by|of|to|for|before|toward|towards)\s*(?:the\s+)?(?:respected\s+|great\s+|dear\s+)?"
    r"(?:General\s*Secretary\s*|Comrade\s*|Marshal\s*)?$"
)
_HEAD_PREFIX = re.compile(r"^(?:Respected Comrade |WPK General Secretary )?Kim Jong Un\S*\s+")
_HEAD_VERB = re.compile(
    r"^(?:Gives (?:On-site|Field) Guidance (?:over|at|to|on)|Pays (?:Congratulatory )?Visit to|Visits|Inspects"
    r"|Oversees|Tours|Guides|Receives|Meets|Convenes|Makes (?:Important )?Speech(?: at| on)?|Sends \w+(?: \w+)? to"
    r"|Watches|Attends)\s+"
)


@dataclass(frozen=True)
class Appearance:
    """What one article says the leader did. Offsets index into the document's text."""

    doc_id: str
    title: str
    published: date
    activity: str | None
    date_start: date
    date_end: date
    date_best: date
    date_stated: bool
    date_span: tuple[int, int]
    lead_span: tuple[int, int]
    site: str | None = None
    places: tuple[PlaceHit, ...] = ()
    weapons: tuple[tuple[int, int, str], ...] = ()
    notes: tuple[str, ...] = field(default=())


def _site(title: str) -> str | None:
    head = _HEAD_PREFIX.sub("", title.split("\n")[0].strip(), count=1)
    if head == title.split("\n")[0].strip():
        return None
    rest = _HEAD_VERB.sub("", head, count=1).strip()
    return rest or None


def _lead(text: str, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    named = [(s, e) for s, e in sentences if _leader_acts(text, s, e) or text.startswith("He ", s)]
    for s, e in named:
        if lead_activity(unglue(text[s:e]))[0] is not None:
            return s, e
    return named[0] if named else (sentences[0] if sentences else (0, 0))


def _pick_date(
    text: str, published: date, sentences: list[tuple[int, int]], lead: tuple[int, int], own_only: bool = False
) -> DateHit | None:
    """The first date within the report lag in: the sentences naming the leader (and the lead); then
    the first sentences that say where and when the event was held; then the first three sentences.
    ``own_only`` (messages) stops after the first step: another sentence's date is someone else's act."""
    lo = published - timedelta(days=MAX_REPORT_LAG_DAYS)

    def first(spans: list[tuple[int, int]]) -> DateHit | None:
        for s, e in spans:
            for hit in find_kcna_dates(text, published, s, e):
                if lo <= hit.first <= hit.last <= published:
                    return hit
        return None

    kim = [(s, e) for s, e in sentences if (s, e) == lead or _leader_acts(text, s, e)]
    if own_only:
        return first(kim) or first([(s, e) for s, e in sentences[:6] if _DELIVERED.search(text, s, e)])
    events = [(s, e) for s, e in sentences[:12] if _EVENT.search(text, s, e)]
    return first(kim) or first(events) or first(sentences[:3])


def _leader_acts(text: str, start: int, end: int) -> bool:
    """Whether the sentence names the leader other than after a preposition ("gifts sent by Kim Jong Un",
    "a ribbon bearing the name of Kim Jong Un"): the date of such a sentence is someone else's act."""
    names = LEADER_NAME.finditer(text, start, end)
    return any(not _NOT_ACTOR.search(text, max(start, m.start() - 50), m.start()) for m in names)


def unglue(text: str) -> str:
    """KCNA's text glues the name to the next word ("Kim Jong Ungave", "ComradeKim"): put the spaces back
    (for classifying only: offsets into the result are not offsets into the text)."""
    return re.sub(r"(?<=[a-z])(?=Kim Jong Un)|(?<=Kim Jong Un)(?=[a-z])", " ", text)


def extract_appearance(doc_id: str, text: str, title: str, published: date, gazetteer: Gazetteer) -> Appearance:
    """The appearance one article reports (see the module docs)."""
    dl = parse_dateline(text)
    body = m.end() if dl is not None and (m := _AFTER_DATELINE.match(text, dl.end)) else 0
    at = text.find(dl.date_text, dl.start, dl.end) if dl is not None and dl.date_text else -1
    dateline_date = (at, at + len(dl.date_text)) if dl is not None and dl.date_text and at >= 0 else (0, 0)
    sentences = [(max(s.start, body), s.end) for s in split_sentences(text) if s.end > body]
    lead = _lead(text, sentences)
    activity = classify_activity(title, unglue(text[lead[0] : lead[1]]))
    hit = _pick_date(text, published, sentences, lead, own_only=activity == "message")
    notes: list[str] = []
    if hit is not None:
        start, end, best, stated, span = hit.first, hit.last, hit.first, True, (hit.start, hit.end)
    else:
        start, end, best, stated = published - timedelta(days=2), published, published - timedelta(days=1), False
        span = dateline_date
        notes.append("date not stated: inferred from the publication date (KCNA reports 0-2 days later)")
    places: list[PlaceHit] = []
    if activity in APPEARANCE_ACTIVITIES:
        # in the other sentences, the place comes after the verb: "took place in Pyongyang", not the brigade's
        # destination before it
        regions = [lead] + [(m.start(), e) for s, e in sentences[:12] if (m := _MOVEMENT.search(text, s, e))]
        if activity == "speech":
            regions += [(m.start(), min(e, m.end() + 60)) for s, e in sentences if (m := _HERE.search(text, s, e))]
        in_text = resolve_places(text, regions, gazetteer, exclude=[(dl.start, dl.end)] if dl else [])
        if not in_text:  # the thing he visited, where an earlier sentence says where it is
            earlier = _antecedent_sentences(text, sentences, lead)
            in_text = resolve_places(text, earlier, gazetteer, exclude=[(dl.start, dl.end)] if dl else [])
        if not in_text:  # an unlisted landmark says where only when nothing else does ("before the Monument to ...")
            in_text = find_landmarks(text, regions, [], gazetteer.lookup(dl.place) if dl is not None else None)
        names = {p.entry.name for p in in_text}
        # a headline about someone else ("Flood Victims ... Arrive in Pyongyang", "Ceremony of ... Departure for
        # North Phyongan") names their places, not his destination
        named = headline_activity(title) is not None and LEADER_NAME.search(title) is not None
        in_title = resolve_places(title, [(0, len(title))], gazetteer) if named else []
        headline = [_in_text(text, body, p) for p in in_title]
        places = prune_provinces([p for p in headline if p.entry.name not in names] + in_text)
    weapons = tuple(find_weapon_systems(title + "\n" + text))
    return Appearance(
        doc_id,
        title,
        published,
        activity,
        start,
        end,
        best,
        stated,
        span,
        lead,
        _site(title),
        tuple(places),
        weapons,
        tuple(notes),
    )


def _antecedent_sentences(text: str, sentences: list[tuple[int, int]], lead: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentences before the lead that name the thing the lead says the leader visited without saying
    where ("visited the lodging quarters" ← "They arrived in Pyongyang ... and came to the lodging
    quarters"), from the mention on."""
    m = _VISITED_THING.search(text, *lead)
    if m is None:
        return []
    words: list[str] = []
    for w in m["np"].split():
        if w in _NP_STOP:
            break
        words.append(w)
    if not words or (len(words) == 1 and len(words[0]) < 5):
        return []
    phrase = re.compile(r"\bthe\s+" + r"\s+".join(map(re.escape, words)) + r"\b")
    out = []
    for s, e in sentences:
        if s >= lead[0]:
            break
        if phrase.search(text, s, e):
            out.append((s, e))
    return out


def _in_text(text: str, body: int, hit: PlaceHit) -> PlaceHit:
    """A place named in the headline, at its first mention in the text (offsets -1 when the text never
    names it): the headline is the document's title, not part of its text."""
    i = text.find(hit.surface, body)
    if i < 0:
        return PlaceHit(-1, -1, hit.surface, hit.entry)
    return PlaceHit(i, i + len(hit.surface), hit.surface, hit.entry)


def leader_documents(book: Book, topic: str = LEADER_TOPIC) -> pd.DataFrame:
    """The Book's documents filed under ``topic`` (also when filed under several topics)."""
    docs = book.documents
    mask = as_text(docs["section"]).fillna("").astype(str).str.split("; ").map(lambda parts: topic in parts)
    return docs[mask.astype(bool)].reset_index(drop=True)


def _archive_index(source: Any) -> int | None:
    m = re.search(r"#(\d+)$", str(source or ""))
    return int(m.group(1)) if m else None


def _stories(df: pd.DataFrame) -> list[str]:
    """A story id per row: the first doc_id of its group (same URL; or same publication day, activity and a
    similar title; or same stated dates and activity and a weapon or place in common)."""
    ids: list[str] = []
    recs: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in df.to_dict("records")]
    for i, row in enumerate(recs):
        story = str(row["doc_id"])
        for j in range(i):
            other = recs[j]
            same_url = bool(row["url"]) and row["url"] == other["url"]
            similar = (
                row["published"] == other["published"]
                and row["activity"] == other["activity"]
                and fuzz.token_set_ratio(str(row["title"]), str(other["title"])) >= 80
            )
            shared = set(row["weapons"]) & set(other["weapons"]) or set(row["places"]) & set(other["places"])
            same_event = (
                row["date_stated"]
                and other["date_stated"]
                and row["activity"] == other["activity"]
                and row["date_start"] == other["date_start"]
                and row["date_end"] == other["date_end"]
                and bool(shared)
            )
            if same_url or similar or same_event:
                story = ids[j]
                break
        ids.append(story)
    return ids


@dataclass(frozen=True)
class AppearanceTables:
    """``appearances``: one row per article (doc_id, story_id, archive_index, published, title, url, site,
    activity, is_appearance, date_start, date_end, date_best, date_stated, date_text, date_span_start,
    date_span_end, places, weapons, nagix_missiles, notes). ``places``: one row per article and place
    (doc_id, surface, start, end (-1 when named only in the headline), place, place_type, lat, lon,
    uncertainty_km, coord_source, source_name, admin_area)."""

    appearances: pd.DataFrame
    places: pd.DataFrame


def extract_appearances(book: Book, gazetteer: Gazetteer, topic: str = LEADER_TOPIC) -> AppearanceTables:
    """The appearances reported by the Book's articles under ``topic`` (see :class:`AppearanceTables`)."""
    docs = leader_documents(book, topic)
    rows: list[dict[str, Any]] = []
    place_rows: list[dict[str, Any]] = []
    for d in docs.to_dict("records"):
        published = pd.Timestamp(d["published"]).date()
        a = extract_appearance(str(d["doc_id"]), str(d["text"]), str(d["title"]), published, gazetteer)
        s, e = a.date_span
        rows.append(
            {
                "doc_id": a.doc_id,
                "archive_index": _archive_index(d["source"]),
                "published": pd.Timestamp(published),
                "title": a.title.split("\n")[0].strip(),
                "url": d["url"],
                "site": a.site,
                "activity": a.activity,
                "is_appearance": a.activity in APPEARANCE_ACTIVITIES,
                "date_start": pd.Timestamp(a.date_start),
                "date_end": pd.Timestamp(a.date_end),
                "date_best": pd.Timestamp(a.date_best),
                "date_stated": a.date_stated,
                "date_text": str(d["text"])[s:e],
                "date_span_start": s,
                "date_span_end": e,
                "places": [p.entry.name for p in a.places],
                "weapons": list(dict.fromkeys(w for _, _, w in a.weapons)),
                "nagix_missiles": sorted({k for _, _, w in a.weapons if (k := nagix_missile_key(w))}),
                "notes": list(a.notes),
            }
        )
        for p in a.places:
            e_ = p.entry
            place_rows.append(
                {
                    "doc_id": a.doc_id,
                    "surface": p.surface,
                    "start": p.start,
                    "end": p.end,
                    "place": e_.name,
                    "place_type": e_.type,
                    "lat": e_.lat,
                    "lon": e_.lon,
                    "uncertainty_km": e_.uncertainty_km,
                    "coord_source": e_.coord_source,
                    "source_name": e_.source_name,
                    "admin_area": e_.admin_area,
                }
            )
    place_cols = [
        "doc_id",
        "surface",
        "start",
        "end",
        "place",
        "place_type",
        "lat",
        "lon",
        "uncertainty_km",
        "coord_source",
        "source_name",
        "admin_area",
    ]
    places = pd.DataFrame(place_rows, columns=place_cols)
    out = pd.DataFrame(rows)
    if out.empty:
        return AppearanceTables(out, places)
    out.insert(1, "story_id", _stories(out))
    for col in ("date_start", "date_end", "date_best", "published"):
        out[col] = out[col].astype("datetime64[s]")
    out = out.sort_values(["date_best", "doc_id"], kind="stable").reset_index(drop=True)
    return AppearanceTables(out, places)
