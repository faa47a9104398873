"""Where places and organisations start and end, after both stages (issue 12, round fifteen).

The rules and the classifier read a name's parts well but not always its whole. Each pass here looks
at the candidates of one document (rules' and classifier's, before selection) and puts one name where
they read parts, or the right type on a shape they misread:

* :func:`county_places`: "County Antrim", "County Durham" (the Irish and British "County" before a
  name) is a place, not an organisation ("County Hall", "County Council" left alone);
* :func:`street_places`: capitalised words and a street's word ("Mile End Road", "Victoria Avenue",
  "Telegraph Avenue") are one place, over a gazetteer town or a given name read inside;
* :func:`team_names`: a town the gazetteer knows and a capitalised plural after it ("Kansas City
  Chiefs", "Baltimore Ravens", "Toronto Blue Jays") are one organisation, a sports team, and the
  document's later bare "Chiefs" / "Ravens" is that organisation, not a place;
* :func:`country_suffixed_orgs`: a firm's or charity's name ending in a country ("Leather UK",
  "Persimmon Homes UK", "Oxfam Ireland", "Microsoft Ireland") is one organisation, not the country
  alone; the words before the country must read as a name (an organisation's words, a head word, or
  no common word outside a sentence's first position or in business news);
* :func:`of_the_names`: an institution named "Head of X" and "of the" a place or an organisation
  after it ("Court of Justice of the European Union", "Court of Appeal of the Supreme Court") is one
  organisation, as the run rules read "Ministry of Defence of the Russian Federation";
* :func:`org_short_forms`: in business news, the first word of an organisation named in full, alone
  elsewhere in the document ("Persimmon" after "Persimmon Homes UK"), is that organisation;
* :func:`signature_names`: institutions written one after another in a signature or an address whose
  line breaks were lost ("Sheridan Titman Department of Finance College of Business Administration
  University of Texas Austin") are one organisation each, starting at each "Department of", "College
  of", "University of" ... A head word after "of the" ("Institute of Physics of the State Academy of
  Sciences"), after a modifier ("... of Michigan National Institute of ...") or after "and" starts no
  new name; a name after a person's ("Max Planck Institute for Astronomy") is left to the other rules;
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from workbook.extract.entity_runs import CUED_PERSON, NAMED, Candidate
from workbook.extract.family_names import GIVEN_KINDS
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.ner_model import EntityModel
from workbook.extract.org_names import about_business
from workbook.extract.shared_scans import literal_matches
from workbook.extract.vocabulary import (
    FACILITY_HEADS,
    MONTHS,
    NEVER_NAME_START,
    ORG_HEADS,
    STREET_WORDS,
    WEEKDAYS,
)

__all__ = [
    "COUNTRY_SUFFIXES",
    "NOT_TEAM_PLURALS",
    "PLACE_MODIFIERS",
    "TOWN_KM",
    "country_suffixed_orgs",
    "county_places",
    "mark_organisations",
    "of_the_names",
    "org_short_forms",
    "place_org_extents",
    "put_inside",
    "read_between",
    "replace_inside",
    "signature_names",
    "street_places",
    "team_names",
]

_CAP = r"[A-Z][\w'’&-]*"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CAP_BEFORE = re.compile(rf"({_CAP})[ \t]+\Z")


def read_between(cands: list[Candidate], start: int, end: int) -> list[Candidate]:
    """The candidates that overlap ``start``..``end``."""
    return [c for c in cands if c.start < end and c.end > start]


def put_inside(cands: list[Candidate], new: Candidate) -> list[Candidate]:
    """:func:`replace_inside`, or ``cands`` as they were when it leaves the reading alone."""
    done = replace_inside(cands, new)
    return cands if done is None else done


def replace_inside(cands: list[Candidate], new: Candidate) -> list[Candidate] | None:
    """``cands`` with ``new`` in place of what was read inside it; ``None`` when a candidate crosses
    its edge or a cued person stands inside it (the reading is left as it was)."""
    out = []
    for c in cands:
        if c.end <= new.start or c.start >= new.end:
            out.append(c)
        elif c.start < new.start or c.end > new.end or c.strength >= CUED_PERSON:
            return None
    out.append(new)
    return out


def mark_organisations(
    text: str, cands: list[Candidate], names: set[str], *, possessive_after: bool = False
) -> list[Candidate]:
    """Every mention of ``names`` in ``text`` as an organisation, over what was read inside it (not where a
    capitalised word follows, nor inside a longer word; ``possessive_after``: also before "'s", "Sainsbury's")."""
    after = r"(?![\w&-])" if possessive_after else r"(?![\w'’&-])"
    for name in sorted(names):
        spelled = r"[ \t]+".join(re.escape(w) for w in name.split())
        for m in re.finditer(rf"(?<![\w'’.&-]){spelled}{after}(?![ \t]+[A-Z])", text):
            if any(c.type == "organization" and c.start <= m.start() and c.end >= m.end() for c in cands):
                continue
            done = replace_inside(cands, Candidate(m.start(), m.end(), "organization", NAMED, name))
            if done is not None:
                cands = done
    return cands


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:;\n"


# -- "County Antrim" --------------------------------------------------------------------------------

_COUNTY = re.compile(rf"County(?:[ \t]+{_CAP}){{1,2}}\Z")
_COUNTY_IN_TEXT = re.compile(rf"(?<![\w'’.-])County((?:[ \t]+{_CAP}[a-z]){{1,2}})(?![\w'’-])(?![ \t]+[A-Z])")


def county_places(text: str, cands: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """Candidates read as "County" and one or two uncommon capitalised words ("County Antrim", "County
    Durham", "County Tyrone") typed a place, and such words a place where nothing was read ("across
    County Kerry"); "County Hall", "County Council", "County Court" keep their type (a common word or a
    head word follows "County")."""
    if "County " not in text:
        return cands
    out = []
    taken = bytearray(len(text) + 1)
    for c in cands:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    for m in _COUNTY_IN_TEXT.finditer(text):  # "across County Kerry": a place where nothing was read
        rest = [w.casefold() for w in _WORD.findall(m.group(1))]
        if taken.find(1, m.start(), m.end()) < 0 and not any(w in common or w in NEVER_NAME_START for w in rest):
            out.append(Candidate(m.start(), m.end(), "place", NAMED, " ".join(m.group().split())))
    for c in cands:
        if c.type in ("organization", "facility") and _COUNTY.match(text, c.start, c.end):
            rest = [w.casefold() for w in _WORD.findall(text[c.start : c.end])[1:]]
            if not any(w in common or w in ORG_HEADS or w in FACILITY_HEADS for w in rest):
                c = Candidate(c.start, c.end, "place", c.strength, c.name, c.person, c.gaz, c.splittable)
        out.append(c)
    return out


# -- "Mile End Road" --------------------------------------------------------------------------------

#: Street words after which capitalised words are a street; "lane", "drive" and "alley" are left out
#: ("Nathan Lane", "Test Drive": a family name and a common noun as often as a street).
_STREET_HEADS = STREET_WORDS - {"lane", "drive", "alley"}
_STREET = re.compile(
    rf"(?<![\w'’.-])((?:{_CAP}[ \t]+){{1,3}})({'|'.join(sorted(w.capitalize() for w in _STREET_HEADS))})(?![\w'’-])"
)


def street_places(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Capitalised words and a street's word as one place ("Mile End Road", "Victoria Avenue"), over
    what was read inside them; the words before the name ("The", "In") are no part of it."""
    if not any(w.capitalize() in text for w in _STREET_HEADS):
        return cands
    for m in _STREET.finditer(text):
        before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue  # "Pothong Riverside Terraced Residential District Street": longer than its last words
        words = m.group(1).split()
        start = m.start()
        for w in words:  # "In Mile End Road": the street starts after "In"
            if w.casefold() not in NEVER_NAME_START and w.casefold() not in MONTHS | WEEKDAYS:
                break
            start = text.index(w, start) + len(w)
            start += len(text[start:]) - len(text[start:].lstrip(" \t"))
        if start >= m.start(2):
            continue
        name = " ".join(text[start : m.end()].split())
        done = replace_inside(cands, Candidate(start, m.end(), "place", NAMED, name))
        if done is not None:
            cands = done
    return cands


# -- "Kansas City Chiefs" ---------------------------------------------------------------------------

#: Plurals after a town that name a place, an event or a group, not a team ("Golan Heights",
#: "Falkland Islands", "Tokyo Olympics", "Panama Papers", "Yorkshire Dales").
NOT_TEAM_PLURALS: frozenset[str] = frozenset(
    _WORD.findall(
        """islands isles heights hills mountains falls springs lakes plains keys rocks flats woods downs
        dales wolds fens moors marshes sands gardens docks docklands highlands lowlands borders glens
        valleys towers apartments games olympics paralympics championships talks accords agreements
        protests riots attacks bombings trials papers files tales chronicles times news"""
    )
)
#: The largest uncertainty of a town in the gazetteer (a country's is hundreds of km).
TOWN_KM = 100
_TEAM_AFTER = re.compile(rf"[ \t]+((?:{_CAP}[ \t]+)?[A-Z][a-z'’-]*[a-z]s)(?![\w'’-])(?![ \t]+[A-Z])")


def _group_plural(word: str) -> bool:
    low = word.casefold()
    return low[:-1] in DEMONYMS or low[:-2] in DEMONYMS or low.endswith(("ss", "'s", "’s"))


def team_names(text: str, cands: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """A gazetteer town and a capitalised plural after it as one organisation (see the module docs),
    and the plural alone elsewhere in the document as that organisation."""
    nicknames: dict[str, str] = {}
    for c in list(cands):
        if c.gaz is None or c.type != "place" or c.gaz.entry.uncertainty_km >= TOWN_KM:
            continue  # a town, not a country ("the U.S.-ROK Guidelines")
        before = _CAP_BEFORE.search(text, max(0, c.start - 40), c.start)
        if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue  # "New Kansas City ...": the town is part of a longer name
        m = _TEAM_AFTER.match(text, c.end)
        if m is None:
            continue
        words = m.group(1).split()
        last = words[-1].casefold()
        if last in NOT_TEAM_PLURALS or last in common or _group_plural(last):
            continue
        if any(w.casefold() in NEVER_NAME_START or w.casefold() in TITLE_WORDS for w in words):
            continue
        name = " ".join(text[c.start : m.end()].split())
        done = replace_inside(cands, Candidate(c.start, m.end(), "organization", NAMED, name))
        if done is not None:
            cands = done
            nicknames[" ".join(words)] = name
    for nick in nicknames:
        spelled = r"[ \t]+".join(re.escape(w) for w in nick.split())
        for m in re.finditer(rf"(?<![\w'’-]){spelled}(?![\w-])(?![ \t]+[A-Z])", text):
            before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
                continue  # "Kansas City Chiefs", "Guards Hero ...": part of another name
            inside = [c for c in cands if c.start < m.end() and c.end > m.start()]
            if any(c.type == "organization" and c.start <= m.start() and c.end >= m.end() for c in inside):
                continue  # the whole name, read above
            done = replace_inside(cands, Candidate(m.start(), m.end(), "organization", NAMED, nick))
            if done is not None:
                cands = done
    return cands


# -- "Leather UK" -----------------------------------------------------------------------------------

#: The four nations of the United Kingdom, which the gazetteer leaves to the classifier (round eleven),
#: as a firm's or charity's last word ("Shelter Scotland", "Visit Wales").
COUNTRY_SUFFIXES: frozenset[str] = frozenset({"England", "Scotland", "Wales", "Northern Ireland"})
#: Words before a country that make a larger place or a people, not a firm ("Northern Ireland",
#: "Greater London", "rural Wales").
PLACE_MODIFIERS = frozenset(
    _WORD.findall(
        """north south east west northern southern eastern western central greater upper lower new old
        great little rural continental mainland modern ancient"""
    )
)
_WORDS_BEFORE = re.compile(rf"((?:{_CAP}[ \t]+){{1,3}})\Z")


def _country(text: str, c: Candidate) -> bool:
    if c.type != "place":
        return False
    if c.gaz is not None:
        e = c.gaz.entry
        return e.admin_area is None and e.uncertainty_km >= TOWN_KM and c.gaz.end == c.end
    return " ".join(text[c.start : c.end].split()) in COUNTRY_SUFFIXES


def country_suffixed_orgs(text: str, cands: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """A name ending in a country as one organisation (see the module docs)."""
    business: bool | None = None
    for c in [c for c in cands if _country(text, c)]:
        if re.match(r"[ \t]+[A-Z]", text[c.end : c.end + 2]):
            continue  # "UK Government", "Ireland Fund": the run goes on; left to the run rules
        k = c.start - 1  # most countries follow "the", "of", "in": no capitalised word right before
        if (
            k < 1
            or text[k] not in " \t"
            or not text[max(text.rfind(" ", 0, k), text.rfind("\n", 0, k)) + 1 : k][:1].isupper()
        ):
            continue
        m = _WORDS_BEFORE.search(text, max(0, c.start - 80), c.start)
        if m is None:
            continue
        start, words = m.start(), m.group(1).split()
        while words and words[0].casefold() in NEVER_NAME_START:  # "In Leather UK": after "In"
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip(" \t"))
            words = words[1:]
        low = [w.casefold().rstrip(".") for w in words]
        if len(words) == 1 and words[0].isupper():
            continue  # "the EU China summit": an acronym beside a country (known firms: the run rules)
        if not words or any(
            w in DEMONYMS or w in TITLE_WORDS or w in MONTHS or w in WEEKDAYS or w in PLACE_MODIFIERS for w in low
        ):
            continue
        inside = [d for d in cands if d.start < c.start and d.end > start and d is not c]
        if any(d.type in ("person", "place") or d.person is not None for d in inside):
            continue  # "Boris Johnson UK", "London UK": a person or a place before the country
        org_read = any(d.type == "organization" for d in inside)
        if not org_read and low[-1] not in ORG_HEADS:
            if any(w in common for w in low[:1] if _opens_sentence(text, start)):
                continue  # "Yesterday UK inflation", "Across Europe": a common word opening a sentence
            if _opens_sentence(text, start) or any(w in common for w in low):
                business = about_business(text) if business is None else business
                if not business or low[0] in common:
                    continue
        name = " ".join(text[start : c.end].split())
        done = replace_inside(cands, Candidate(start, c.end, "organization", NAMED, name))
        if done is not None:
            cands = done
    return cands


_OF_THE = re.compile(r"[ \t]+of[ \t]+the[ \t]+")
_HEAD_FIRST = re.compile(r"([A-Z][a-z]+)[ \t]+of[ \t]+[A-Z]")


def of_the_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """An institution "Head of X" and "of the" a place or an organisation after it as one organisation
    (see the module docs)."""
    if " of the " not in text:
        return cands
    starts = {c.start: c for c in cands if c.type in ("place", "organization")}
    for c in [c for c in cands if c.type == "organization" and c.person is None]:
        head = _HEAD_FIRST.match(text, c.start, c.end)
        link = _OF_THE.match(text, c.end)
        if head is None or head.group(1).casefold() not in ORG_HEADS or link is None:
            continue
        after = starts.get(link.end())
        if after is None or re.match(r"[ \t]+[A-Z]", text[after.end : after.end + 2]):
            continue
        name = " ".join(text[c.start : after.end].split())
        done = replace_inside(cands, Candidate(c.start, after.end, "organization", NAMED, name))
        if done is not None:
            cands = done
    return cands


_FIRST_WORD = re.compile(r"[A-Z][a-z]{2,}(?=[ \t]+[A-Z])")


def org_short_forms(
    text: str, cands: list[Candidate], common: frozenset[str], names: Mapping[str, str]
) -> list[Candidate]:
    """In business news, the first word of an organisation the document names in full, written alone
    elsewhere ("Persimmon" after "Persimmon Homes UK", "Hitachi" after "Hitachi Rail Europe"), as that
    organisation, where nothing, a place or an event was read (never over a person); not a word usually in lower case, a
    given name, a head word, a town the gazetteer knows or a nationality word ("Max Planck Institute",
    "Leeds United", "National Grid" give none)."""
    if not about_business(text):
        return cands  # a firm's short name is business news's habit ("Palestine" in a list of countries is none)
    towns = {text[c.start : c.end] for c in cands if c.gaz is not None}  # "Leeds" of "Leeds United"
    firsts = {}
    for c in cands:
        if c.type != "organization" or c.gaz is not None or c.person is not None:
            continue
        m = _FIRST_WORD.match(text, c.start, c.end)
        if m is None:
            continue
        w = m.group().casefold()
        if w in common or w in ORG_HEADS or w in NEVER_NAME_START or w in DEMONYMS or w in _HEAD_MODIFIERS:
            continue
        if (
            names.get(w, "") in GIVEN_KINDS
            or m.group() in towns
            or any(d.gaz is not None and d.start == c.start for d in cands)
        ):
            continue
        firsts[m.group()] = c
    for word in firsts:
        for m in re.finditer(rf"(?<![\w'’.&-]){word}(?![\w'’&-])(?![ \t]+[A-Z])", text):
            before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
                continue
            inside = [c for c in cands if c.start < m.end() and c.end > m.start()]
            if any(c.type in ("organization", "person") for c in inside):
                continue
            done = replace_inside(cands, Candidate(m.start(), m.end(), "organization", NAMED, word))
            if done is not None:
                cands = done
    return cands


def place_org_extents(text: str, cands: list[Candidate], model: EntityModel | None) -> list[Candidate]:
    """The passes of this module over one document's candidates, in order (the word lists of the
    learned ``model``, when there is one)."""
    common = model.common if model is not None else frozenset()
    cands = of_the_names(text, county_places(text, cands, common))
    cands = street_places(text, cands)
    cands = team_names(text, cands, common)
    cands = country_suffixed_orgs(text, cands, common)
    return org_short_forms(text, cands, common, model.names) if model is not None else cands


# -- "Department of Finance College of Business Administration" -----------------------------------

#: Head words that open an institution's name before "of" or "for" ("Department of Finance").
_HEADS_BEFORE_OF = re.findall(
    r"\S+",
    "Department Dept. College School Faculty University Institute Division Office Ministry Bureau Centre "
    "Center Academy Directorate Board Laboratory",
)
_HEAD_OF = re.compile(
    rf"(?<![\w'’.-])(?:{'|'.join(re.escape(h) for h in _HEADS_BEFORE_OF)})[ \t]+(?:of|for)[ \t]+(?=[A-Z])"
)
_BODY_WORD = re.compile(r"[ \t]*([A-Z][\w'’-]*(?:\.[\w'’-]+)*|and|&)(?![\w'’-])")
_PERSON_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]+[A-Z][\w'’-]*[a-z][ \t]+\Z")
#: Words that modify the head word after them ("National Institute of ...", "Royal College of ..."):
#: the institution before them does not end there.
_HEAD_MODIFIERS = frozenset(
    re.findall(
        r"\S+",
        "national royal state central general federal international regional provincial municipal city county "
        "joint graduate medical technical polytechnic",
    )
)


def _body_end(text: str, at: int, heads: set[int]) -> int:
    """Where the capitalised words after a "Head of" end: before another "Head of", a lower-case word
    (but "and" or "&" before a capitalised word) or punctuation."""
    end = pos = at
    while (m := _BODY_WORD.match(text, pos)) is not None and m.start(1) not in heads:
        pos = m.end()
        if m.group(1)[0].isupper():
            end = pos
    return end


def _ends_name(text: str, a: int, b: int) -> bool:
    """May a chain's name ``text[a:b]`` end where the next "Head of" starts (no "and", no possessive, no
    modifier of the next head as its last word)?"""
    words = text[a:b].split()
    last = words[-1].casefold()
    return (
        "and" not in words
        and "&" not in words
        and not any(w.endswith(("'s", "’s")) for w in words)
        and (last not in _HEAD_MODIFIERS and last not in DEMONYMS)
    )


def _chain_may_start(text: str, start: int, names: Mapping[str, str]) -> bool:
    """Does a chain start a name at ``start``: after no capitalised word, or after a person's two-word
    name ("Sheridan Titman Department of Finance ...", not "Nano Science and Technology Institute of ...")?"""
    if _CAP_BEFORE.search(text, max(0, start - 40), start) is None:
        return True
    person = _PERSON_BEFORE.search(text, max(0, start - 60), start)
    return person is not None and names.get(person.group(1).casefold(), "") in GIVEN_KINDS


def signature_names(text: str, names: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Institutions written one after another (see the module docs), as (start, end, name)."""
    if " of " not in text and " for " not in text:
        return []
    found = literal_matches(_HEAD_OF, text, _HEADS_BEFORE_OF)
    if len(found) < 2:
        return []
    heads = {m.start() for m in found}
    segments = []
    for m in found:
        end = _body_end(text, m.end(), heads)
        if end > m.end():
            segments.append((m.start(), end))
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(segments):
        chain = [segments[k]]
        while k + len(chain) < len(segments):
            (a, b), c = chain[-1], segments[k + len(chain)][0]
            if text[b:c].strip(" \t") or "\n" in text[b:c] or not _ends_name(text, a, b):
                break
            chain.append(segments[k + len(chain)])
        if len(chain) >= 2 and _chain_may_start(text, chain[0][0], names):
            out += [(a, b, " ".join(text[a:b].split())) for a, b in chain]
        k += len(chain)
    return out
