"""Weapon systems and military platforms named in text, declared once for the whole package.

:func:`find_weapons` finds, in text order and without overlaps:

* **family designations** "Family-N" (:data:`WEAPON_FAMILY_ORIGINS`: "Hwasong-18", "Hwasongpho-11Da-4.5"
  → "Hwasong-11Da-4.5", "Minuteman-3", "Minuteman III", "Shahed-136", "Leopard 2A6"), with KCNA's
  "Hwasong-14 and -15" giving both;
* **letter designations** "PREFIX-N" ("KN-23", "DF-41", "AIM-120", "MQ-9", "F-35A", "B-52H", "S-400",
  "SM-3 Block IIA", "F/A-18E/F"), with a nickname that follows ("MQ-9 Reaper", "F-16 Fighting Falcons")
  or a system name that comes before ("Patriot PAC-3", "Bayraktar TB2") in the span; the entity
  name is the designation. A one-letter prefix ("F-1", "A-1", "H-1B", "K-12") needs a weapon word
  in the sentence (:data:`WEAPON_CONTEXT`) unless it is one of the common unambiguous shapes
  ("F-16", "B-52H", "S-400");
* **named systems** (:data:`WEAPON_NAMES`: "THAAD", "Iron Dome", "Storm Shadow"), and names that are
  also ordinary words or surnames (:data:`WEAPON_NAMES_IN_CONTEXT`: "Patriot", "Bradley",
  "Apache", "Typhoon") only beside a weapon word and not followed by another capitalised word
  ("Patriot Act", "Bradley County", "Typhoon Haishen" are not weapons);
* **ships**: a navy prefix and the ship's name ("USS Ronald Reagan", "HMS Queen Elizabeth", "ROKS
  Sejong the Great"), ship classes ("Arleigh Burke-class destroyer", "Type 055");
* **rocket artillery by calibre** ("240mm-calibre MRLS", "600mm-calibre super-large MRLS", "240mm
  multiple rocket launcher") and systems KCNA names "new-type ..." ("new-type tactical ballistic
  missile system").

Generic classes ("cruise missiles", "fighter jets") are not names and are left out here; the KCNA case
study (:mod:`workbook.casestudy.rules`) adds its own classes on top of the same family list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbook.names import (
    NORTH_KOREAN_FAMILIES,
    WEAPON_FAMILIES,
    WEAPON_FAMILY_ALIASES,
    WEAPON_FAMILY_ORIGINS,
)

__all__ = [
    "NORTH_KOREAN_FAMILIES",
    "SHIP_PREFIXES",
    "WEAPON_CONTEXT",
    "WEAPON_FAMILIES",
    "WEAPON_FAMILY_ALIASES",
    "WEAPON_FAMILY_ORIGINS",
    "WEAPON_HEAD_NOUNS",
    "WEAPON_LETTER_PREFIXES",
    "WEAPON_NAMES",
    "WEAPON_NAMES_IN_CONTEXT",
    "WEAPON_PREFIXES_IN_CONTEXT",
    "WEAPON_PREFIX_DESIGNATIONS",
    "find_weapons",
]


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(";") if p.strip())


#: Letter prefixes of designations written "PREFIX-N" that name nothing but weapons and platforms
#: ("KN-23", "DF-41", "AIM-120", "MQ-9", "Su-27", "AH-64", "KC-135").
WEAPON_PREFIX_DESIGNATIONS: tuple[str, ...] = _split(
    "KN DF JL SM SS Su MiG Tu Kh AGM AIM RIM BGM UGM LGM MIM FIM RS MQ RQ AH UH CH MH HH KC EA EC AV HQ YJ CJ PL "
    "Il Ka Mi Yak PAC BM TB KF MV CV EP WC RC BMP BTR BMD"
)
#: One-letter prefixes ("F-16", "B-52H", "S-400", "C-130", "J-20", "H-6K", "P-8A", "E-2D", "T-90"): they
#: also write grades, visas and school years ("A-1", "F-1 visa", "K-12"), so they need a weapon word
#: nearby, except the shapes :func:`find_weapons` knows to be unambiguous.
WEAPON_LETTER_PREFIXES: tuple[str, ...] = _split("F B S C E P J H Y T A K M V")
#: Weapon systems named by a word or phrase that means nothing else (case-sensitive as written).
WEAPON_NAMES: tuple[str, ...] = _phrases(
    """THAAD; HIMARS; ATACMS; GMLRS; NASAMS; AMRAAM; JASSM; LRASM; Tomahawk; Iskander; Kinzhal; Kalibr;
    Sarmat; Avangard; Zircon; Tsirkon; Oreshnik; Bulava; Burevestnik; Oniks; Pantsir; Storm Shadow; SCALP;
    Iron Dome; David's Sling; Aegis; Aegis Ashore; Minuteman III; Trident II; NLAW; Exocet; Brimstone;
    Eurofighter Typhoon; Eurofighter; Rafale; Gripen; Stratofortress; Stratotanker; Super Hornet; Growler;
    Global Hawk; Bayraktar TB2; Bayraktar; Shahed; Naval Strike Missiles; Naval Strike Missile; Sea Sparrow;
    Humvee; Haeil; Musudan"""
)
#: Names that are also ordinary words, places or surnames: weapons only beside a weapon word
#: (:data:`WEAPON_CONTEXT`) and not followed by another capitalised word.
WEAPON_NAMES_IN_CONTEXT: tuple[str, ...] = _phrases(
    """Patriot; Bradley; Abrams; Stryker; Leopard; Challenger; Apache; Black Hawk; Chinook; Osprey; Reaper;
    Predator; Typhoon; Tornado; Lightning II; Raptor; Hornet; Poseidon; Hawkeye; Stinger; Hellfire; Harpoon;
    Javelin; Lancet; Caesar; Grad; Excalibur; Trident; Arrow; Meteor; Taurus; Spike; Switchblade; Paladin;
    Warthog; Harrier; Tiger; Gepard; Krab"""
)
#: Letter prefixes that also write other things ("OH-12", a congressional district): weapons only beside
#: a weapon word, like the one-letter ones.
WEAPON_PREFIXES_IN_CONTEXT: tuple[str, ...] = _split("OH SH TH")
#: Head nouns that make a bare family name a weapon when they follow it ("Scud missiles", "Leopard tanks").
WEAPON_HEAD_NOUNS: tuple[str, ...] = _split(
    """missile missiles rocket rockets launcher launchers interceptor interceptors drone drones tank tanks
    howitzer howitzers system systems battery batteries jet jets fighter fighters bomber bombers helicopter
    helicopters submarine submarines"""
)
#: The characters written between a designation's prefix and number: the hyphen and its Unicode
#: look-alikes (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en dash), which
#: word processors and web pages put there ("KN‑25"); the entity's name is written with the plain hyphen.
_HYPHENS = "-\u2010\u2011\u2012\u2013"
_DASH = f"[{_HYPHENS}]"
_PLAIN_HYPHEN = str.maketrans(dict.fromkeys(_HYPHENS[1:], "-"))
#: Words that make a designation or an ambiguous name a weapon when they stand in the same sentence.
WEAPON_CONTEXT: tuple[str, ...] = _split(
    """missile missiles rocket rockets launcher launchers drone drones uav uavs jet jets aircraft airframe fighter
    fighters bomber bombers helicopter helicopters tank tanks destroyer destroyers frigate frigates submarine
    submarines warship warships carrier cruiser corvette vessel ship ships system systems battery batteries
    interceptor interceptors howitzer howitzers artillery weapon weapons munition munitions ammunition squadron
    sortie sorties fired launched deployed intercepted armoured armored vehicle vehicles infantry warhead radar
    navy naval army military troops refueled refuelled flight flew torpedo torpedoes airborne"""
)
#: Navy prefixes written before a ship's name ("USS Ronald Reagan", "HMS Queen Elizabeth").
SHIP_PREFIXES: tuple[str, ...] = _split("USS HMS HMCS HMAS HMNZS INS ROKS JS HNLMS ESPS TCG KRI BRP PNS RFS NRP HDMS")
_SHIP_TYPES = (
    r"(?:(?:guided-missile|nuclear-powered|ballistic-missile|attack|aircraft|amphibious(?: assault)?|fast attack|"
    r"stealth|missile|air-defen[cs]e|anti-submarine)\s+)*"
    r"(?:destroyer|frigate|submarine|cruiser|carrier|corvette|assault ship|landing ship|patrol vessel|"
    r"icebreaker|warship|battleship|tank)s?"
)
#: Families whose name is also a common word or name ("Arrow 3", "Tor-M2", "Leopard 2"): weapons only
#: beside a weapon word.
_CONTEXT_FAMILIES = frozenset(_split("Tor Wing Arrow Barak Tamir Leopard Challenger Tornado Lancet Emad Arash Buk"))
_NUMBER_WORDS = frozenset(_split("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Several Both All"))
#: Families never named alone: "Wing" is "Wing Loong", and "the 8th Fighter Wing jets" are no weapon.
_NOT_BARE_FAMILIES = frozenset(("Wing",))
_NOT_NICKNAME = frozenset(
    _split(
        "The A An In On At To From For And Or But Of With By As After Before During Since Until Over Under Near "
        "January February March April May June July August September October November December "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Block"
    )
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    num = rf"\d+(?:[A-Za-z]{{1,3}}\d{{0,2}})?(?:{_DASH}[A-Z][a-z]?)?(?:{_DASH}\d+(?:\.\d+)?)?"
    context = "|".join(sorted(WEAPON_CONTEXT, key=len, reverse=True))
    letters = alt(WEAPON_LETTER_PREFIXES)
    return {
        "family": re.compile(
            rf"(?P<family>{alt(WEAPON_FAMILIES)})"
            rf"(?:{_DASH}(?P<num>{num})|{_DASH}(?P<mod>[A-Z]\d?)|[{_HYPHENS} ](?P<roman>II|III|IV)"
            r"|\s(?P<num2>\d+(?:[A-Z]{1,2}\d{0,2})?))"
            r"(?![\w-])"
        ),
        "more": re.compile(rf"\s*(?:,|and|or|&|/)\s*(?P<num>{_DASH}{num})(?![\w-])"),
        "prefixed": re.compile(
            rf"(?P<family>{alt(WEAPON_PREFIX_DESIGNATIONS + WEAPON_PREFIXES_IN_CONTEXT)}|F/A|{letters})"
            rf"{_DASH}(?P<num>\d{{1,3}}[A-Z]{{0,2}}(?:/[A-Z])?)(?![\w-])(?P<block>\s+Block\s+[IVX]+[A-Z]?\b)?"
        ),
        "mark": re.compile(r"(?:Mk|Mark)\.?\s?\d{1,3}(?![\w-])"),
        "bare": re.compile(r"(?:M\d{1,3}(?:A\d)?|K\d{1,3}(?:A\d)?)(?=\s+[A-Z][a-z])"),
        "named": re.compile(rf"(?:{alt(WEAPON_NAMES)})(?![\w-])"),
        "ambiguous": re.compile(
            rf"(?P<name>{alt(WEAPON_NAMES_IN_CONTEXT + tuple(n.upper() for n in WEAPON_NAMES_IN_CONTEXT))})"
            r"(?![\w'’-])(?:\s+Block\s+[IVX]+[A-Z]?\b|\s+(?!(?:19|20)\d\d\b)(?P<model>\d{2,4}[A-Z]?)(?![\w'’-]))?"
        ),
        "ship": re.compile(
            rf"(?:{alt(SHIP_PREFIXES)})\s+[A-Z][\w'’.-]*(?:(?:\s+(?:of|the|de|del)\s+|\s+)[A-Z][\w'’.-]*){{0,3}}"
        ),
        "class": re.compile(
            rf"(?<![\w-])(?P<head>(?P<lead>[A-Z][\w'’]*\s+)?[A-Z][\w'’]*-class\s+{_SHIP_TYPES})(?![\w-])"
            r"(?:\s+(?P<ship>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?![\w-]))?"
        ),
        "type": re.compile(rf"Type\s+(?:0\d{{2}}[A-Z]?|\d{{2,3}}[A-Z]?(?=\s+{_SHIP_TYPES}))(?![\w-])"),
        "calibre": re.compile(
            r"\d(?<![\w-]\d)\d{1,2}\s?mm(?:-calibre|-caliber|\s+calibre|\s+caliber)?\s+"
            r"(?:(?:super-large|large-calibre|self-propelled|guided|new-type|multiple-barrel)\s+)*"
            r"(?:MRLS?|multiple(?:-|\s)rocket\s+launch(?:ers?|ing\s+systems?)|rocket\s+launchers?)(?![\w-])"
        ),
        "new_type": re.compile(
            r"[Nn](?<![\w-][Nn])ew-type\s+(?:[\w-]+\s+){0,5}?"
            r"(?:missiles?|rockets?|launchers?|torpedo(?:es)?|drones?|submarines?|destroyers?|tanks?|howitzers?|"
            r"MRLS?|ICBMs?|IRBMs?|SLBMs?|warships?|weapon systems?)(?:\s+(?:launchers?|launching systems?|systems?))?"
            r"(?![\w-])"
        ),
        "bare_family": re.compile(rf"(?P<family>{alt(WEAPON_FAMILIES)})(?=\s+(?:{alt(WEAPON_HEAD_NOUNS)})(?![\w-]))"),
        "context": re.compile(rf"\b(?:{context}|air defen[cs]e|air force)\b", re.IGNORECASE),
        "nickname": re.compile(r"\s+(?P<w>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?s?|[A-Z]{3,}|II|III|IV)(?![\w-])"),
    }


#: Literal cues a text must hold before the pattern of that name is run over it (a cheap prefilter).
#: ("calibre" and "new_type" check the word start behind their first character, ``\d(?<![\w-]\d)`` for
#: ``(?<![\w-])\d``, so that ``re`` skips in C to the next digit or N.)
_CUES: dict[str, str] = {"class": "-class", "type": "Type ", "calibre": "mm", "new_type": "ew-type"}


def _word_start(text: str, i: int) -> bool:
    """Does a word start at ``i`` (not inside a word, a hyphenated word or "F/A")? Checked here rather
    than by a look-behind, which would stop the regex engine skipping ahead to a possible first letter."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_/" or text[i - 1] in _HYPHENS)


def _has_context(text: str, start: int, end: int) -> bool:
    """A weapon word in the sentence around ``text[start:end]`` (at most 150 characters each side)."""
    lo, hi = max(0, start - 150), min(len(text), end + 150)
    left = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    right_dot, right_nl = text.find(". ", end, hi), text.find("\n", end, hi)
    rights = [r for r in (right_dot, right_nl) if r != -1]
    window = text[left + 1 if left != -1 else lo : min(rights) if rights else hi]
    return _patterns()["context"].search(window) is not None


def _letter_ok(prefix: str, number: str) -> bool:
    """One-letter designations that never need context: "F-16", "F-35A", "B-52H", "B-21", "S-400"."""
    digits = re.match(r"\d+", number)
    n = len(digits.group()) if digits else 0
    return (prefix in ("F", "B") and n == 2) or (prefix == "S" and n == 3)


def _nickname_end(text: str, end: int) -> int:
    """The end of up to three capitalised words right after a designation ("MQ-9 Reaper", "UH-60 Black
    Hawk", "AIM-120 AMRAAM"), or ``end``."""
    pat = _patterns()["nickname"]
    out = end
    for _ in range(3):
        m = pat.match(text, out)
        if m is None or m.group("w").rstrip("s") in _NOT_NICKNAME or m.group("w") in _NOT_NICKNAME:
            break
        out = m.end()
    return out


def _designations(text: str, out: list[tuple[int, int, str]]) -> None:
    p = _patterns()
    for m in p["family"].finditer(text):
        if not _word_start(text, m.start()):
            continue
        fam = WEAPON_FAMILY_ALIASES.get(m.group("family").casefold(), m.group("family"))
        if fam in _CONTEXT_FAMILIES and not _has_context(text, m.start(), m.end()):
            continue
        if m.group("num") or m.group("mod"):
            name = f"{fam}-{m.group('num') or m.group('mod')}"
        else:  # "Minuteman III", "Leopard 2A6": written with a space
            name = f"{fam}{text[m.end('family') : m.start('roman') if m.group('roman') else m.start('num2')]}"
            name += m.group("roman") or m.group("num2")
        out.append((m.start(), m.end(), name.translate(_PLAIN_HYPHEN)))
        pos = m.end()
        while (c := p["more"].match(text, pos)) is not None:
            out.append((c.start("num"), c.end("num"), f"{fam}{c.group('num')}".translate(_PLAIN_HYPHEN)))
            pos = c.end()
    for m in p["bare_family"].finditer(text):  # "Scud missiles", "Leopard tanks": the family alone
        if _word_start(text, m.start()) and m.group() not in _NOT_BARE_FAMILIES:
            out.append((m.start(), m.end(), WEAPON_FAMILY_ALIASES.get(m.group().casefold(), m.group())))
    for m in p["prefixed"].finditer(text):
        if not _word_start(text, m.start()):
            continue
        prefix, number = m.group("family"), m.group("num")
        start, end = m.start(), _nickname_end(text, m.end())
        needs_context = prefix in WEAPON_PREFIXES_IN_CONTEXT or (
            prefix in WEAPON_LETTER_PREFIXES and not _letter_ok(prefix, number) and end == m.end()
        )
        if needs_context and not _has_context(text, m.start(), m.end()):
            continue  # "F-1 visa", "A-1 grades"; but "C-17 Globemaster" names itself
        before = re.search(r"(?:Patriot|Bayraktar|Aegis)\s+$", text[max(0, start - 12) : start])
        if before is not None:
            start -= len(before.group())
        out.append((start, end, f"{prefix}-{number}"))
    for key in ("mark", "bare"):
        for m in p[key].finditer(text):
            if _word_start(text, m.start()) and _has_context(text, m.start(), m.end()):
                out.append((m.start(), _nickname_end(text, m.end()), " ".join(m.group().split())))


def _class_word(word: str) -> bool:
    """Can ``word`` be the first word of a two-word class name ("Arleigh Burke-class")? Not an article,
    a number ("Two Ohio-class submarines") or a nationality ("Russian Borei-class": a word in -an, -ese
    or -ish; "Arleigh", "Ivan" and other given names pass)."""
    if word in _NOT_NICKNAME or word in _NUMBER_WORDS:
        return False
    return not (word.endswith(("ese", "ish")) or (word.endswith("an") and word[:-2].endswith(("i", "e", "c"))))


def _ambiguous_name(m: re.Match[str]) -> str:
    """The listed spelling of a name written in capitals ("CAESAR" → "Caesar"), with its model number
    ("Switchblade 600") or block ("Patriot Block II") as written."""
    name = m.group("name")
    listed = next((n for n in WEAPON_NAMES_IN_CONTEXT if n.upper() == name), name) if name.isupper() else name
    return " ".join((listed + m.group()[len(name) :]).split())


def find_weapons(text: str) -> list[tuple[int, int, str]]:
    """Weapon systems and platforms in ``text`` as (start, end, canonical name), in text order, no
    overlaps (the longer span wins at one start); see the module docs."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    _designations(text, out)
    out += [(m.start(), m.end(), m.group()) for m in p["named"].finditer(text) if _word_start(text, m.start())]
    for m in p["ambiguous"].finditer(text):
        if not _word_start(text, m.start()):
            continue
        follows = re.match(r"\s+(?!Block\b)[A-Z][a-z]", text[m.end() : m.end() + 8])
        if follows is None and _has_context(text, m.start(), m.end()):
            out.append((m.start(), m.end(), _ambiguous_name(m)))
    for m in p["class"].finditer(text) if _CUES["class"] in text else ():
        if _word_start(text, m.start()):  # "the Yasen-class submarine Kazan": the class, then the ship
            lead, ship = m.group("lead"), m.group("ship")
            start = m.end("lead") if lead and not _class_word(lead.strip()) else m.start()
            out.append((start, m.end("head"), " ".join(text[start : m.end("head")].split())))
            if ship and ship.split()[0] not in _NOT_NICKNAME:  # the ship is an entity of its own
                out.append((m.start("ship"), m.end("ship"), ship))
    for key in ("ship", "type", "calibre", "new_type"):
        if key in _CUES and _CUES[key] not in text:
            continue
        out += [
            (m.start(), m.end(), " ".join(m.group().split()))
            for m in p[key].finditer(text)
            if _word_start(text, m.start())
        ]
    out.sort(key=lambda w: (w[0], -w[1]))
    kept: list[tuple[int, int, str]] = []
    for w in out:
        if not kept or w[0] >= kept[-1][1]:
            kept.append(w)
    return kept
