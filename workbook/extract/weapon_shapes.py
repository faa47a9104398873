"""Weapons named by the shape of the sentence around them rather than by a list.

:func:`find_weapon_shapes` finds, as (start, end, name):

* **unlisted designations before a weapon noun**: a capitalised word, a hyphen and a number, a Roman
  numeral or one to three capital letters, then up to three lower-case modifiers and a weapon noun that ends
  the phrase ("an Agni-V missile", "the Fatah-II guided rocket system", "Fath-360 close-range ballistic
  missiles", "the Yasen-M submarine", "the CAMM-ER missile"); a capitalised word, a space and a number or a
  Roman numeral the same way ("an Aster 30 missile", "the Skyranger 30 air defence turret", "the Chien Feng
  IV missile"; not a year, nor after a word that numbers a thing of its own: "Group 3 drones", "Phase 2
  interceptors", "World War II bombers"); an Army model number too ("M113
  armored personnel carriers", "K2 tanks"); a noun
  that also names civilian things ("rocket", "system", "jet", "helicopter", "vehicle", "carrier") needs a
  weapon modifier before it ("Soyuz-2 rocket" and "Windows-10 systems" are none);
* **a name in apposition to a weapon noun**: "the Ababeel, a medium-range ballistic missile", "a hypersonic
  missile, the Fattah,", "a drone called the Mohajer", "the Long-Range Hypersonic Weapon, known as Dark Eagle"
  (one or two capitalised words; not a name that
  goes on with a verb of saying: "a missile, the Pentagon said"; not after a noun that also names civilian
  things: "a building control system dubbed "Sinrok"");
* **programme names before a lower-case "system"**: capitalised words ending in "Defense", "Defence" or
  "Capability" with an air, missile, strike, rocket, artillery or drone word and a word that is no generic
  class among them ("the Maneuver-Short Range Air Defense system"; not "the Air Defense system" nor "the
  Wildfire Defense system");
* and each name found so **again elsewhere in the text** ("Agni-V" alone after "an Agni-V missile").

:mod:`workbook.extract.weapons` merges these with its listed names (the longer span wins at one start).
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbook.extract.reporting_words import QUOTE_VERBS, REPORTING_VERBS
from workbook.extract.shared_scans import literal_matches
from workbook.extract.weapon_words import (
    GENERIC_WEAPON_WORDS,
    HYPHENS,
    NOT_MODIFIER_WORDS,
    NOT_NAME_WORDS,
    WEAPON_CONTEXT,
    WEAPON_HEAD_NOUNS,
    has_ew_word,
    has_model_number,
    word_start,
)

__all__ = ["find_weapon_shapes"]

#: Weapon nouns that also name civilian things ("a Falcon-9 rocket", "the Windows-10 system", "Boeing-737
#: jets", "the Pixel 8 battery", "a Doppler 2 radar"): after an unlisted designation they need a weapon
#: modifier before them.
CIVILIAN_HEADS = frozenset(
    {"rocket", "rockets", "system", "systems", "jet", "jets", "helicopter", "helicopters"}
    | {"vehicle", "vehicles", "carrier", "carriers", "battery", "batteries", "turret", "turrets", "radar", "radars"}
)
#: Head nouns after an unlisted designation: the weapon heads and turrets and radars ("the Skyranger 30 air
#: defence turret"), which are civilian heads (:data:`CIVILIAN_HEADS`).
_SHAPE_HEADS = (*WEAPON_HEAD_NOUNS, "turret", "turrets", "radar", "radars")
#: Words that end a noun phrase after its head ("an Agni-V missile with ...", "the missile that ...").
PHRASE_END = (
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:with|that|which|from|to|at|in|on|and|or|for|of|by|near|over|into|against|across"
    r"|after|during|was|were|is|are"
    r"|has|have|had|will|would|can|could|capable|took|struck|hit|flew|built|made|sent|bought|sold|shot|won|lost|began"
    r"|became|[a-z]+ed)\b)"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Capitalised first words that are never an unlisted weapon's ("Project", months, articles).
_NOT_FAMILY = NOT_NAME_WORDS | frozenset(("Project", "Phase", "Stage", "Tier", "Model", "Route", "Class", "Type"))
#: Words that number a thing of their own before a spaced number ("Group 3 drones", "Lot 17 jets", "Section 5
#: systems", "Squadron 617 jets"): never an unlisted weapon's name there.
_NOT_SPACED_FAMILY = _NOT_FAMILY | _words(
    """Group Category Level Lot Batch Increment Flight Version Generation Tranche Block Mark Article Section
    Chapter Page Figure Table Annex War Squadron Wing Division Brigade Regiment Battalion Corps Fleet Unit Team Task
    Force Day Week Year Windows Covid Gate Terminal Platform Pier Berth Building Hangar Zone Sector Area Camp
    Base Station Number No"""
)
#: Words a programme name before "system" must hold one of ("Air Defense", "Indirect Fire", "Missile").
_PROGRAMME_WORDS = frozenset(("Air", "Missile", "Strike", "Rocket", "Artillery", "Drone"))
#: Words that do not make a programme's name by themselves ("the Air Defense system" is a class).
_PROGRAMME_GENERIC = GENERIC_WEAPON_WORDS | frozenset(("Defense", "Defence", "Capability", "Range", "Short", "Long"))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    heads = "|".join(sorted(_SHAPE_HEADS, key=len, reverse=True))
    weapon_heads = "|".join(sorted(set(WEAPON_HEAD_NOUNS) - CIVILIAN_HEADS, key=len, reverse=True))
    dash = f"[{HYPHENS}]"
    name = r"[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?"
    tail = rf"(?P<mods>(?:\s+[a-z][a-z]*(?:{dash}[a-z]+)*){{0,3}}?)\s+(?P<head>{heads})(?![\w-]){PHRASE_END}"
    # Each pattern opens with a literal or a short character class (a cue) so that ``re`` skips ahead in C;
    # the name before the cue is then read backwards from it.
    return {
        "dash_cue": re.compile(rf"{dash}(?=\d|[A-Z])"),
        "space_cue": re.compile(r" (?=\d{1,4} [a-z]|[IVX]{1,4} [a-z])"),
        # the same spaces in a text of ASCII characters only, found from the digit or numeral after them:
        # ``re`` skips to those (far fewer than spaces) in C
        "ascii_space_cue": re.compile(
            r"[0-9IVX](?<= [0-9IVX])(?=(?<=[0-9])[0-9]{0,3} [a-z]|(?<=[IVX])[IVX]{0,3} [a-z])"
        ),
        "designation": re.compile(
            rf"(?P<name>(?P<family>[A-Z][A-Za-z]{{1,11}})"
            rf"(?:{dash}(?:\d{{1,4}}[A-Za-z]{{0,2}}|[IVX]{{1,4}}|[A-Z]{{1,3}}\d?)"
            r"|(?P<space> )(?:(?!(?:19|20)\d\d\b)\d{1,4}|[IVX]{1,4}(?= ))))"
            rf"{tail}"
        ),
        "model": re.compile(rf"(?P<name>[MK]\d{{1,3}}(?:A\d)?){tail}"),
        "apposed_noun": re.compile(
            rf",\s+an?\s+(?:[a-z][a-z]*(?:-[a-z]+)*\s+){{0,4}}(?:{weapon_heads})(?![\w-])"
            r"(?=\s*[.,;]|\s+(?:that|which|with|capable|designed|developed|built|made)\b)"
        ),
        "the_name_before": re.compile(rf"\bthe\s+(?P<name>{name})$"),
        "apposed_name": re.compile(rf",\s+the\s+(?P<name>{name})(?=,)"),
        "called": re.compile(rf"(?:called|dubbed|named|known\s+as)\s+(?:the\s+)?[\"“'‘]?(?P<name>{name})"),
        "head_before": re.compile(rf"\b(?:{weapon_heads}|weapons?)[\s,]*$", re.IGNORECASE),
        "programme_cue": re.compile(r"(?:Defen[cs]e|Capability) systems?\b"),
        "programme": re.compile(
            r"(?P<name>(?:[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*\s+){1,6}(?:Defense|Defence|Capability))\s+systems?\b"
        ),
    }


#: Modifiers that make a civilian-looking noun a weapon's besides the weapon words ("guided rocket", "hypersonic
#: glide vehicle", "stealth jet", "attack helicopter").
_MODIFIERS = _words(
    "guided defence defense hypersonic ballistic cruise attack combat stealth strike tactical assault long-range "
    "kamikaze loitering one-way"
)


#: The words every match of the "called" pattern opens with (the places ``literal_matches`` tries).
_CALLED_WORDS = ("called", "dubbed", "named", "known")


def weapon_modifier(mods: str) -> bool:
    """Does a modifier make a civilian-looking noun a weapon's ("guided rocket", "anti-armor systems",
    "air defence system", "hypersonic glide vehicle")?"""
    words = mods.lower().split()
    return any(w in WEAPON_CONTEXT or w.startswith("anti-") or w in _MODIFIERS for w in words)


def _designation_matches(text: str) -> list[re.Match[str]]:
    """Matches of the designation pattern at the word before each hyphen followed by a digit or a capital
    ("Agni-V", "Fath-360"), and of the model pattern ("M113")."""
    p = _patterns()
    out, seen = [], -1
    if text.isascii():  # no digit but 0-9 (the space cue's digit class matches others)
        spaces = [m.start() - 1 for m in p["ascii_space_cue"].finditer(text)]
    else:
        spaces = [m.start() for m in p["space_cue"].finditer(text)]
    cues = sorted([*(m.start() for m in p["dash_cue"].finditer(text)), *spaces])
    for at in cues:  # the hyphen or the space
        start = at
        while start > 0 and text[start - 1].isalpha() and at - start < 12:
            start -= 1
        if start < at and start > seen and (m := p["designation"].match(text, start)) is not None:
            out.append(m)
            seen = start
    return out + list(p["model"].finditer(text)) if has_model_number(text) else out


def _designations(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _designation_matches(text):
        family = m.groupdict().get("family") or ""
        if not word_start(text, m.start()) or family in (
            _NOT_SPACED_FAMILY if m.groupdict().get("space") else _NOT_FAMILY
        ):
            continue
        if NOT_MODIFIER_WORDS.intersection(m.group("mods").split()):
            continue  # "Minsk-2 and two tanks": the noun is not the designation's
        civilian = m.group("head") in CIVILIAN_HEADS and not weapon_modifier(m.group("mods"))
        if civilian and not has_ew_word(text, m.start(), m.end()):
            continue  # "the Model-3 system", but "jamming from the Pole-21 system"
        start = m.start()
        if m.groupdict().get("space"):  # "Chien Feng IV": a two-word name before a spaced number
            before = re.search(r"(?<![\w'’.-])([A-Z][a-z]+)\s$", text[max(0, start - 16) : start])
            start -= len(before.group()) if before and before.group(1) not in _NOT_SPACED_FAMILY else 0
        out.append((start, m.end("name"), " ".join(text[start : m.end("name")].split())))
    return out


def _appositions(text: str) -> list[tuple[int, int, str]]:
    p = _patterns()
    out = []
    for m in p["apposed_noun"].finditer(text):  # "the Ababeel, a medium-range ballistic missile"
        before = p["the_name_before"].search(text, max(0, m.start() - 40), m.start())
        if before is not None:
            out.append((before.start("name"), before.end("name"), before.group("name")))
    for key in ("apposed_name", "called"):  # "a missile, the Fattah,", "a drone dubbed the Mohajer"
        for m in p[key].finditer(text) if key == "apposed_name" else literal_matches(p[key], text, _CALLED_WORDS):
            if (key == "apposed_name" or word_start(text, m.start())) and p["head_before"].search(
                text, max(0, m.start() - 16), m.start()
            ) is not None:
                out.append((m.start("name"), m.end("name"), m.group("name")))
    kept = []
    for start, end, name in out:
        after = re.match(r"[\"”'’]?,?\s+([a-z]+)", text[end : end + 20])
        if name.split()[0] in NOT_NAME_WORDS or name.endswith("s"):
            continue
        if after is not None and (after.group(1) in REPORTING_VERBS or after.group(1) in QUOTE_VERBS):
            continue
        kept.append((start, end, name))
    return kept


def _programmes(text: str) -> list[tuple[int, int, str]]:
    out = []
    p = _patterns()
    cued = " system" in text and p["programme_cue"].search(text) is not None  # every cue holds " system"
    for m in p["programme"].finditer(text) if cued else ():
        words = m.group("name").split()
        while words and words[0] in NOT_NAME_WORDS:
            words = words[1:]
        parts = {p for w in words for p in w.split("-")}
        if len(words) < 2 or not parts & _PROGRAMME_WORDS or parts <= _PROGRAMME_GENERIC:
            continue
        start = text.index(words[0], m.start())
        out.append((start, m.end("name"), " ".join(words)))
    return out


def find_weapon_shapes(text: str) -> list[tuple[int, int, str]]:
    """Weapons found by their shape (see the module docs) as (start, end, name), unsorted, possibly
    overlapping; each name again wherever else it stands alone in the text."""
    found = _designations(text) + _appositions(text) + _programmes(text)
    again = []
    for name in {n for _, _, n in found}:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            again.append((m.start(), m.end(), name))
    return found + again
