"""Weapons named by the phrase around them, where neither a list nor a designation's shape finds them.

:func:`find_phrase_weapons` finds, as (start, end, name):

* **one name before a weapon-only noun**: an article or a possessive, one or two capitalised words, up to
  three lower-case modifiers and a noun that names nothing but weapons or warships ("a Typhon launcher",
  "the Barak interceptors", "the Dark Eagle hypersonic missile", "the Ivanovets corvette") or a noun that
  also names civilian things after a weapon modifier ("the Skynex air defence system"); not a nationality or
  a group written like one ("the Houthi missile", "an Iranian missile", "the North Korean launcher"), not an
  army, a government or a region ("the Army missile", "the Middle East missile"), and not a name that stands
  elsewhere in the text as a person or a body does (before "'s" or a verb of saying: "Hamas said ... a Hamas
  missile");
* **a ship before its group**: "the Shandong carrier group", "the Carl Vinson carrier strike group", "the
  Ford strike group" (not a nationality: "the French carrier group");
* **a name after "aboard" or "on board"** in a sentence with a weapon word ("Rafale jets aboard the Charles
  de Gaulle", "helicopters on board the Mistral");
  not a station, an airline or a flight;
* **Russian index designations**: a digit, one or two capitals and two to four digits ("9M729", "3M22",
  "9K720") in a sentence with a weapon word (not a flight number: "flight 9W123");
* **a designation before a reporting name in quotation marks** ("SSC-8 'Screwdriver'", "SS-N-22 'Sunburn'"),
  in a sentence with a weapon word.

:func:`coordinated_weapons` adds a capitalised word joined by "and" or "or" to a weapon already found when
the two share a weapon noun ("Shahed and Gerbera drones", "Gerbera and Shahed drones").

:mod:`workbook.extract.weapons` merges these with its own (the longer span wins at one start). Every pass
runs from a literal or a cue, never from every capital.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbook.extract.reporting_words import QUOTE_VERBS, REPORTING_VERBS
from workbook.extract.shared_scans import literal_matches
from workbook.extract.weapon_shapes import CIVILIAN_HEADS, PHRASE_END, weapon_modifier
from workbook.extract.weapon_words import (
    COMPANY_WORDS,
    NOT_NAME_WORDS,
    NOT_SHIP_NAME_WORDS,
    WEAPON_HEAD_NOUNS,
    has_war_word,
    has_weapon_word,
    word_start,
)

__all__ = ["coordinated_weapons", "find_phrase_weapons", "nationality"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Nouns that name nothing but weapons and warships: one capitalised word before them is a weapon's or a
#: ship's name ("a Typhon launcher", "the Ivanovets corvette").
_WEAPON_ONLY_HEADS = (
    *("missile", "missiles", "launcher", "launchers", "interceptor", "interceptors"),
    *("howitzer", "howitzers", "torpedo", "torpedoes"),
    *("destroyer", "destroyers", "frigate", "frigates", "corvette", "corvettes", "submarine", "submarines"),
)
#: Drones are civilian too ("a DJI drone", "Zipline drones"): one name before them is a weapon's after a
#: weapon modifier ("its Liutyi long-range drones") or in a sentence with another weapon word.
_DRONE_HEADS = ("drone", "drones")
#: The heads' stems: every head opens with one (the places :func:`_names_before_heads` looks behind).
_HEAD_STEMS = tuple(
    sorted(
        {
            h[:-3] if h.endswith("ies") else h.rstrip("s").removesuffix("e")
            for h in (*_WEAPON_ONLY_HEADS, *CIVILIAN_HEADS, *_DRONE_HEADS)
        }
    )
)
#: Capitalised words that are an army, a government or a place's adjective before a weapon noun, not a name
#: ("the Army missile", "the Pentagon launcher", "the Western interceptors").
_NOT_WEAPON_NAMES = NOT_NAME_WORDS | _words(
    """Army Navy Marine Marines Force Guard Corps Pentagon Kremlin Ministry Government State States Defense
    Defence Air Space Coast National Federal Royal Imperial Allied Soviet Western Eastern Northern Southern
    Regime Militia Rebel Enemy Station Airlines Airways Flight Base Group Union Republic Kingdom North South
    East West Middle Far Near Gulf Sea Strait Bay Coast Island Islands Peninsula Valley River City County"""
)
#: The modifiers and the group noun of a ship's group ("carrier strike group", "amphibious ready group").
_GROUPS = r"(?:carrier\s+strike|carrier\s+battle|carrier|strike|amphibious\s+ready|expeditionary\s+strike)\s+group"
_NAME = r"[A-Z][a-z]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+){0,3}"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    heads = "|".join(sorted({*_WEAPON_ONLY_HEADS, *CIVILIAN_HEADS, *_DRONE_HEADS}, key=len, reverse=True))
    return {
        "head": re.compile(rf"(?:{heads})\b"),
        "end": re.compile(PHRASE_END),
        "name_before": re.compile(
            r"(?<![\w-])(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[A-Za-z]+['’]s)\s+(?:[a-z]+-[a-z]+\s+)?(?P<name>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]{2,})?)"
            r"(?P<mods>(?:\s+[a-z][a-z]*(?:-[a-z]+)*){0,3})\s+$"
        ),
        "group": re.compile(rf"\b[Tt]he\s+(?P<name>{_NAME})\s+{_GROUPS}\b"),
        "aboard": re.compile(
            r"\b(?:aboard|on\s+board|onboard)\s+(?:the\s+)?(?P<name>[A-Z][\w'’]*[a-z][\w'’]*(?:(?:\s+(?:de|of|the)\s+|\s+)[A-Z][\w'’]*){0,3})"
        ),
        "designation_cue": re.compile(r"\d(?=[A-Z]{1,2}-?\d|[A-Z]?\s+['‘\"“][A-Z])"),
        "index": re.compile(r"[1-9][A-Z]{1,2}-?\d{2,4}[A-Z]?(?![\w-])"),
        "reporting": re.compile(
            r"(?P<des>[A-Z]{1,4}(?:-[A-Z])?-\d{1,3}[A-Z]?)\s+(?P<q>['‘\"“])[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)?['’\"”]"
        ),
        "coordinated_after": re.compile(
            rf"\s+(?:and|or)\s+(?P<name>[A-Z][a-z]{{2,}})(?P<mods>(?:\s+[a-z][a-z]*(?:-[a-z]+)*){{0,2}})"
            rf"\s+(?P<head>{'|'.join(WEAPON_HEAD_NOUNS)})\b"
        ),
        "coordinated_before": re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z]{2,})\s+(?:and|or)\s+$"),
        "shared_head": re.compile(
            rf"(?P<mods>(?:\s+[a-z][a-z]*(?:-[a-z]+)*){{0,2}})\s+(?P<head>{'|'.join(WEAPON_HEAD_NOUNS)})\b"
        ),
    }


#: Nationalities that no ending of :func:`nationality` gives ("the German missile", "a Greek frigate").
_IRREGULAR_NATIONALITIES = _words("German French Dutch Greek Czech Swiss Thai Arab Afghan Kazakh Uzbek")


def nationality(word: str) -> bool:
    """Is ``word`` a nationality or a group written like one ("Iranian", "Korean", "American", "Chinese",
    "Turkish", "Houthi", "Israeli", "German")? "Toufan", "Burkan" and "Liutyi" (no nationality ends in "yi") are
    not."""
    return (word.endswith(("ian", "ean", "can", "ese", "ish", "i")) and not word.endswith("yi")) or (
        word in _IRREGULAR_NATIONALITIES
    )


def _named_elsewhere(text: str, name: str) -> bool:
    """Does ``name`` stand somewhere in ``text`` as a person or a body does, before "'s" or a verb of saying
    ("Hamas said", "Hezbollah's leader")?"""
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?:['’]s\b|\s+([a-z]+))", text):
        if m.group(1) is None or m.group(1) in REPORTING_VERBS or m.group(1) in QUOTE_VERBS:
            return True
    return False


def _names_before_heads(text: str) -> list[tuple[int, int, str]]:
    p = _patterns()
    out = []
    for h in literal_matches(p["head"], text, _HEAD_STEMS):
        if not word_start(text, h.start()):
            continue
        m = p["name_before"].search(text, max(0, h.start() - 70), h.start())
        if m is None or p["end"].match(text, h.end()) is None:
            continue
        name, mods = m.group("name"), m.group("mods")
        words = name.split()
        if any(w in _NOT_WEAPON_NAMES or w in NOT_SHIP_NAME_WORDS for w in words) or nationality(words[-1]):
            continue
        if h.group() in CIVILIAN_HEADS and not weapon_modifier(mods):
            continue
        if h.group() in _DRONE_HEADS and not weapon_modifier(mods) and not has_war_word(text, h.start(), h.end()):
            continue
        if not _named_elsewhere(text, name):
            out.append((m.start("name"), m.end("name"), name))
    return out


def _group_ships(text: str) -> list[tuple[int, int, str]]:
    out = []
    cued = any(f"{w} group" in text for w in ("carrier", "strike", "battle", "ready"))
    for m in _patterns()["group"].finditer(text) if cued else ():
        words = m.group("name").split()
        if any(w in _NOT_WEAPON_NAMES or w in NOT_SHIP_NAME_WORDS for w in words) or nationality(words[0]):
            continue
        out.append((m.start("name"), m.end("name"), " ".join(words)))
    return out


def _aboard(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _patterns()["aboard"].finditer(text) if "board" in text else ():
        name = m.group("name").rstrip(".")
        words = name.split()
        if words[0] in NOT_NAME_WORDS or set(words) & (COMPANY_WORDS | _NOT_WEAPON_NAMES):
            continue
        if re.match(r"['’]s\b", text[m.start("name") + len(name) :]) is None and has_weapon_word(
            text, m.start(), m.end()
        ):
            out.append((m.start("name"), m.start("name") + len(name), " ".join(words)))
    return out


def _designations(text: str) -> list[tuple[int, int, str]]:
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    if p["designation_cue"].search(text) is None:  # a digit before a capital or a quoted name
        return out
    for m in p["index"].finditer(text):  # "9M729", "3M-14"
        flight = re.search(r"\b(?:[Ff]light|No\.?)\s+$", text[max(0, m.start() - 8) : m.start()])
        if word_start(text, m.start()) and flight is None and has_weapon_word(text, m.start(), m.end()):
            out.append((m.start(), m.end(), m.group()))
    for m in p["reporting"].finditer(text):  # "SSC-8 'Screwdriver'"
        if word_start(text, m.start()) and has_weapon_word(text, m.start(), m.end()):
            out.append((m.start(), m.end(), m.group()))
    return out


def find_phrase_weapons(text: str) -> list[tuple[int, int, str]]:
    """Weapons found by the phrase around them (see the module docs) as (start, end, name), unsorted,
    possibly overlapping."""
    return _names_before_heads(text) + _group_ships(text) + _aboard(text) + _designations(text)


def coordinated_weapons(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Capitalised words joined by "and" or "or" to a weapon of ``found`` when the two share a weapon noun
    after them ("Shahed and Gerbera drones", "Gerbera and Shahed drones"); not a nationality or an army, and
    a noun that also names civilian things only after a weapon modifier ("F-16s and Boeing jets" is none)."""
    p = _patterns()
    out = []
    for start, end, _ in found:
        after = p["coordinated_after"].match(text, end)
        if after is not None and (after.group("head") not in CIVILIAN_HEADS or weapon_modifier(after.group("mods"))):
            out.append((after.start("name"), after.end("name"), after.group("name")))
        before = p["coordinated_before"].search(text, max(0, start - 24), start)
        head = p["shared_head"].match(text, end)
        if (
            before is not None
            and head is not None
            and (head.group("head") not in CIVILIAN_HEADS or weapon_modifier(head.group("mods")))
        ):
            out.append((before.start("name"), before.end("name"), before.group("name")))
    return [
        (s, e, n)
        for s, e, n in out
        if n not in _NOT_WEAPON_NAMES and not nationality(n) and not _named_elsewhere(text, n)
    ]
