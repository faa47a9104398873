"""Weapon systems and military platforms named in text, declared once for the whole package.

:func:`find_weapons` finds, in text order and without overlaps:

* **family designations** "Family-N" (:data:`WEAPON_FAMILY_ORIGINS`: "Hwasong-18", "Hwasongpho-11Da-4.5"
  → "Hwasong-11Da-4.5", "Minuteman-3", "Minuteman III", "Shahed-136", "Leopard 2A6"), with KCNA's
  "Hwasong-14 and -15" giving both;
* **mark numbers** after a name ("CAESAR Mk II", "LCA Tejas Mk1A", "Merlin Mk2") beside a weapon word;
* **letter designations** "PREFIX-N" ("KN-23", "DF-41", "AIM-120", "MQ-9", "F-35A", "B-52H", "S-400",
  "SM-3 Block IIA", "F/A-18E/F", "F-16s"), with a nickname that follows ("MQ-9 Reaper", "F-16 Fighting Falcons")
  or a system name that comes before ("Patriot PAC-3", "Bayraktar TB2") in the span; the entity
  name is the designation. A one-letter prefix ("F-1", "A-1", "H-1B", "K-12") needs a weapon word
  in the sentence (:data:`WEAPON_CONTEXT`) unless it is one of the common unambiguous shapes
  ("F-16", "B-52H", "S-400");
* **named systems** (:data:`WEAPON_NAMES`: "THAAD", "Iron Dome", "Storm Shadow"), and names that are
  also ordinary words or surnames (:data:`WEAPON_NAMES_IN_CONTEXT`: "Patriot", "Bradley",
  "Apache", "Typhoon") only beside a weapon word and not followed by another capitalised word
  ("Patriot Act", "Bradley County", "Typhoon Haishen" are not weapons); a plural names the system
  ("Typhoons", "Tomahawks"), but not after a capitalised word ("New England Patriots"); a letter suffix
  ("Rafale-M", "SCALP-EG") and capitalised words after a name that hold a weapon head ("Harpoon Coastal
  Defense Systems", "Bradley Infantry Fighting Vehicles") are in the span;
* **ships**: a navy prefix and the ship's name ("USS Ronald Reagan", "HMS Queen Elizabeth", "ROKS
  Sejong the Great"), with its hull number in brackets in the span ("USS Ralph Johnson (DDG 114)"); the
  name again without the prefix is the same ship ("Ralph Johnson is forward-deployed", "the Truman's
  crew"), but not after a title or "named for"; a name after a warship noun ("the landing ship Minsk",
  the frigate "Admiral Gorshkov" in quotation marks; :data:`WARSHIP_NOUNS`); ship classes ("Arleigh
  Burke-class destroyer", "Virginia-class fast-attack submarine", "Type 055");
* **long names** ending in a weapon head (:data:`WEAPON_NAME_HEADS`: "Precision Strike Missile",
  "Standard Missile-6"), unless every other word is a generic class word ("Intercontinental Ballistic
  Missile") or an organisation's name goes on ("Missile Defense Agency"); after a designation the long
  name is part of its span ("AIM-120D Advanced Medium-Range Air-to-Air Missiles"), and so is a block
  ("Standard Missile-3 Block IB"); "Aircraft" ends a programme's name with a role word ("Future Attack
  Reconnaissance Aircraft");
* **rocket artillery by calibre** ("240mm-calibre MRLS", "600mm-calibre super-large MRLS", "240mm
  multiple rocket launcher") and systems KCNA names "new-type ..." ("new-type tactical ballistic
  missile system");
* names no list holds, by their shape in the sentence (:mod:`workbook.extract.weapon_shapes`: "an Agni-V
  missile", "the Ababeel, a medium-range ballistic missile") or the phrase around them
  (:mod:`workbook.extract.weapon_phrases`: "a Typhon launcher", "Shahed and Gerbera drones"), and their
  bare mentions and acronyms elsewhere in the document (:mod:`workbook.extract.weapon_mentions`).

The words are declared in :mod:`workbook.extract.weapon_words`. Generic classes ("cruise missiles") are no
names; the KCNA case study (:mod:`workbook.casestudy.rules`) adds its own classes on the same family list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from workbook.extract.phrase_regex import literal_alternation
from workbook.extract.ranks import RANK_CORES
from workbook.extract.reporting_words import QUOTE_VERBS, REPORTING_VERBS
from workbook.extract.shared_scans import literal_matches
from workbook.extract.weapon_mentions import document_weapons
from workbook.extract.weapon_phrases import coordinated_weapons, find_phrase_weapons
from workbook.extract.weapon_shapes import find_weapon_shapes
from workbook.extract.weapon_words import (
    AIRCRAFT_ROLE_WORDS,
    COMPANY_WORDS,
    GENERIC_WEAPON_WORDS,
    HYPHENS,
    NOT_MODIFIER_WORDS,
    NOT_NAME_WORDS,
    NOT_SHIP_NAME_WORDS,
    NUMBER_WORDS,
    SHIP_PREFIXES,
    SHIP_PREFIXES_IN_CONTEXT,
    WARSHIP_NOUNS,
    WEAPON_FAMILIES_IN_CONTEXT,
    WEAPON_HEAD_NOUNS,
    WEAPON_LETTER_PREFIXES,
    WEAPON_NAME_HEADS,
    WEAPON_NAMES,
    WEAPON_NAMES_IN_CONTEXT,
    WEAPON_PREFIX_DESIGNATIONS,
    WEAPON_PREFIXES_IN_CONTEXT,
    has_model_number,
    has_weapon_word,
    word_start,
)
from workbook.names import (
    NORTH_KOREAN_FAMILIES,
    WEAPON_FAMILIES,
    WEAPON_FAMILY_ALIASES,
    WEAPON_FAMILY_ORIGINS,
)

__all__ = [
    "NORTH_KOREAN_FAMILIES",
    "WEAPON_FAMILIES",
    "WEAPON_FAMILY_ALIASES",
    "WEAPON_FAMILY_ORIGINS",
    "find_weapons",
]


_DASH = f"[{HYPHENS}]"
#: Words joined to a listed name by a hyphen that leave the name a weapon ("Kalibr-carrying ships").
_COMPOUNDS = "(?:carrying|armed|equipped|capable|launched|firing|based|made|built|like|type|class)"
#: Heads of long names that need a role word before them (:data:`AIRCRAFT_ROLE_WORDS`).
_ROLE_HEADS = frozenset(("Aircraft",))
#: The words of the long names' heads ("Missile", "System", "Vehicle" ...) and "Defense": capitalised words
#: after a listed name holding one of them are part of its span.
_HEAD_RUN_WORDS = frozenset({w.rstrip("s") for h in WEAPON_NAME_HEADS for w in h.split()} | {"Defense", "Defence"})
_PLAIN_HYPHEN = str.maketrans(dict.fromkeys(HYPHENS[1:], "-"))
_SHIP_TYPES = (
    r"(?:Block\s+[IVX]+\s+)?(?:[a-z][a-z]*(?:-[a-z]+)*\s+){0,3}?"
    r"(?:destroyer|frigate|submarine|cruiser|carrier|corvette|assault ship|landing ship|patrol vessel|vessel|boat|"
    r"ship|icebreaker|warship|battleship|tank)s?"
)


def _plain_alternation(words: tuple[str, ...]) -> str:
    """The words longest first, one branch each (the reference of :func:`_factored_alternation`)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _factored_alternation(words: tuple[str, ...]) -> str:
    """The same alternation by shared prefixes (``re`` tries a few branches per position, not all)."""
    return literal_alternation(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return _compiled_patterns(_factored_alternation)


def _compiled_patterns(alt: Callable[[tuple[str, ...]], str]) -> dict[str, re.Pattern[str]]:
    """The finders' patterns, their word lists written by ``alt``."""
    num = rf"\d+(?:[A-Za-z]{{1,3}}\d{{0,2}})?(?:{_DASH}[A-Z][a-z]?)?(?:{_DASH}\d+(?:\.\d+)?)?"
    return {
        "family": re.compile(
            rf"(?P<family>{alt(WEAPON_FAMILIES)})"
            rf"(?:{_DASH}(?P<num>{num})|{_DASH}(?P<mod>[A-Z]\d?)|[{HYPHENS} ](?P<roman>II|III|IV)"
            r"|\s(?P<num2>\d+(?:[A-Z]{1,2}\d{0,2})?))"
            r"s?(?![\w-])"
        ),
        "any_family": re.compile(alt(WEAPON_FAMILIES)),
        "more": re.compile(rf"\s*(?:,|and|or|&|/)\s*(?P<num>{_DASH}{num})(?![\w-])"),
        "prefixed": re.compile(
            # plain branches: a group first (the factored form) would hide their first letters from ``re``
            rf"(?P<family>{_plain_alternation(WEAPON_PREFIX_DESIGNATIONS + WEAPON_PREFIXES_IN_CONTEXT)}"
            rf"|F/A|AN/[A-Z]{{3}}|{_plain_alternation(WEAPON_LETTER_PREFIXES)})"
            rf"{_DASH}(?P<num>\d{{1,4}}(?:[A-Z]{{1,3}}\d?)?(?:/[A-Z])?)(?P<plural>s)?(?![\w-])(?P<block>\s+Block\s+[IVX]+[A-Z]?\b)?"
        ),
        "mark": re.compile(r"(?:Mk\.?\s?(?:\d{1,3}[A-Z]?|[IVX]{1,4})|Mark\s?(?:\d{1,3}|II|III|IV|V|VI))(?![\w'’-])"),
        "bare": re.compile(r"(?:M\d{1,3}(?:A\d)?|K\d{1,3}(?:A\d)?)(?=\s+[A-Z][a-z])"),
        "named": re.compile(
            rf"(?P<name>{alt(WEAPON_NAMES)})(?P<plural>s)?(?:-(?P<suffix>[A-Z]{{1,3}}\d?)(?![\w-]))?"
            rf"(?!\w|-(?!{_COMPOUNDS}\b))(?:[ -](?P<roman>II|III|IV)\b)?"
        ),
        "ambiguous": re.compile(
            rf"(?P<name>{alt(WEAPON_NAMES_IN_CONTEXT + tuple(n.upper() for n in WEAPON_NAMES_IN_CONTEXT))})"
            r"(?P<plural>s)?(?![\w'’-])"
            r"(?:\s+Block\s+[IVX]+[A-Z]?\b|\s+(?!(?:19|20)\d\d\b)(?P<model>\d{2,4}[A-Z]?)s?(?![\w'’-]))?"
        ),
        "ship": re.compile(
            rf"(?P<prefix>{alt(SHIP_PREFIXES + SHIP_PREFIXES_IN_CONTEXT)})\s+"
            rf"(?P<name>[A-Z][\w'’.-]*(?:(?:\s+(?:of|the|de|del)\s+|\s+)[A-Z][\w'’.-]*){{0,3}})"
            rf"(?P<hull>\s*\((?:T-)?[A-Z]{{1,5}}[{HYPHENS} ]?\d{{1,4}}\))?"
        ),
        "warship": re.compile(
            rf"\b(?:{alt(WARSHIP_NOUNS)})\s+(?P<quote>[\"“‘«])?"
            r"(?P<name>[A-Z][\w'’]*(?:-[\w'’]+)*(?:(?:\s+(?:of|the|de|del)\s+|\s+)[A-Z][\w'’]*(?:-[\w'’]+)*){0,3})"
        ),
        "long_name": re.compile(
            rf"(?P<words>(?:[A-Z][A-Za-z]*(?:-[A-Za-z]+)*\s+){{1,6}})(?P<head>{alt(WEAPON_NAME_HEADS)})"
            rf"(?:{_DASH}\d{{1,2}})?(?![\w-])(?:\s+Block\s+(?:[IVX]+|\d{{1,2}})[A-Z]?\b)?"
        ),
        "name_tail": re.compile(
            rf"(?:\s+[A-Z][A-Za-z]*(?:-[A-Za-z]+)*){{0,6}}\s+(?:{alt(WEAPON_NAME_HEADS)})(?![\w-])"
        ),
        "class": re.compile(
            rf"(?<![\w-])(?P<head>(?P<lead>[A-Z][\w'’]*\s+)?[A-Z][\w'’]*-class\s+{_SHIP_TYPES})(?![\w-])"
            r"(?:\s+(?P<ship>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?![\w-]))?"
        ),
        "type": re.compile(
            rf"Type\s+(?:0\d{{2}}[A-Z]?|\d{{2,3}}[A-Z]{{0,2}}(?=\s+{_SHIP_TYPES}|(?:\s+[a-z]+(?:-[a-z]+)*){{0,3}}"
            r"\s+(?:missiles?|rockets?|launchers?|howitzers?|torpedo(?:es)?|vehicles?)(?![\w-])))(?![\w-])"
        ),
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
        "bare_family": re.compile(
            rf"(?P<family>{alt(WEAPON_FAMILIES)})(?P<mods>(?:\s+[a-z]+(?:-[a-z]+)*){{0,3}}?)"
            rf"(?=\s+(?:{alt(WEAPON_HEAD_NOUNS)})(?![\w-]))"
        ),
        "head_run": re.compile(r"(?:\s+[A-Z][A-Za-z]*(?:-(?:[A-Z][A-Za-z]*|\d{1,2}))*){1,6}(?![\w-])"),
        "nickname": re.compile(r"\s+(?P<w>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?s?|[A-Z]{3,}|II|III|IV)(?![\w-])"),
    }


#: Literal cues a text must hold before the pattern of that name is run over it (a cheap prefilter).
#: ("calibre" and "new_type" check the word start behind their first character, ``\d(?<![\w-]\d)`` for
#: ``(?<![\w-])\d``, so that ``re`` skips in C to the next digit or N.)
_CUES: dict[str, str] = {"class": "-class", "type": "Type ", "calibre": "mm", "new_type": "ew-type"}
#: The warship nouns' last words: a text holds one of them before the warship pattern is run over it.
_WARSHIP_CUES = tuple(dict.fromkeys(n.split()[-1] for n in WARSHIP_NOUNS))
#: The head words' first words: a text holds one of them before the long-name pattern is run over it.
_LONG_NAME_CUES = tuple(dict.fromkeys(h.split()[0].rstrip("s") for h in WEAPON_NAME_HEADS))
#: Capitalised words after which a long name belongs to an organisation ("Missile Defense Agency").
_ORG_CONTINUATION = re.compile(r"\s*(?:&|and\s+[A-Z][a-z]|of\s+[A-Z]|[A-Z])")


def _calibre_cue(text: str) -> bool:
    """Is a digit, or a digit and one white space, right before an "mm" of ``text`` ("240mm", "600 mm")? Every
    calibre holds one; "mm" alone is in "committee" and "command"."""
    at = text.find("mm")
    while at >= 0:
        if text[at - 1 : at].isdigit() or (text[at - 1 : at].isspace() and text[at - 2 : at - 1].isdigit()):
            return True
        at = text.find("mm", at + 1)
    return False


def _letter_ok(prefix: str, number: str) -> bool:
    """One-letter designations that never need context: "F-16", "F-35A", "B-52H", "B-21", "S-400"."""
    digits = re.match(r"\d+", number)
    n = len(digits.group()) if digits else 0
    return not number.endswith("s") and ((prefix in ("F", "B") and n == 2) or (prefix == "S" and n == 3))


def _nickname_end(text: str, end: int) -> int:
    """The end of up to three capitalised words right after a designation ("MQ-9 Reaper", "UH-60 Black
    Hawk", "AIM-120 AMRAAM"), or ``end``."""
    pat = _patterns()["nickname"]
    out = end
    for _ in range(3):
        m = pat.match(text, out)
        if m is None or m.group("w").rstrip("s") in NOT_NAME_WORDS or m.group("w") in NOT_NAME_WORDS:
            break
        out = m.end()
    return out


def _designations(text: str, out: list[tuple[int, int, str]]) -> None:
    p = _patterns()
    # every match of "family" and "bare_family" opens with a listed family: most texts hold none
    families = p["any_family"].search(text) is not None
    for m in p["family"].finditer(text) if families else ():
        if not word_start(text, m.start()):
            continue
        fam = WEAPON_FAMILY_ALIASES.get(m.group("family").casefold(), m.group("family"))
        if fam in WEAPON_FAMILIES_IN_CONTEXT and not has_weapon_word(text, m.start(), m.end()):
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
    for m in p["bare_family"].finditer(text) if families else ():  # "Scud missiles", "Leopard tanks": the family alone
        mods = m.group("mods").split()  # "Chunmoo multiple rocket launchers", not "Tornado early warning systems"
        if mods and (m.group("family") in WEAPON_FAMILIES_IN_CONTEXT or NOT_MODIFIER_WORDS.intersection(mods)):
            continue
        if word_start(text, m.start()):
            family = m.group("family")
            out.append((m.start(), m.end("family"), WEAPON_FAMILY_ALIASES.get(family.casefold(), family)))
    for m in p["prefixed"].finditer(text):
        if not word_start(text, m.start()):
            continue
        prefix, number = m.group("family"), m.group("num") + (m.group("plural") or "")  # "F-16s": context
        start, end = m.start(), _nickname_end(text, m.end())
        tail = p["name_tail"].match(text, m.end())  # "AIM-120D Advanced Medium-Range Air-to-Air Missiles"
        if tail is not None and not _ORG_CONTINUATION.match(text, tail.end()):
            end = max(end, tail.end())
        named = end > m.end() and has_weapon_word(text, 0, len(text))  # not "F-150 Lightning" in car news
        one_letter = prefix in WEAPON_LETTER_PREFIXES and not _letter_ok(prefix, number) and not named
        needs_context = prefix in WEAPON_PREFIXES_IN_CONTEXT or one_letter
        if needs_context and not has_weapon_word(text, m.start(), m.end()):
            continue  # "F-1 visa", "A-1 grades"; but "C-17 Globemaster" names itself
        before = re.search(r"(?:Patriot|Bayraktar|Aegis)\s+$", text[max(0, start - 12) : start])
        if before is not None:
            start -= len(before.group())
        out.append((start, end, f"{prefix}-{number.rstrip('s')}"))
    for key in ("mark", "bare"):
        if key == "bare" and not has_model_number(text):
            continue
        for m in p[key].finditer(text):
            if word_start(text, m.start()) and has_weapon_word(text, m.start(), m.end()):
                start = m.start() - (_name_before_mark(text, m.start()) if key == "mark" else 0)
                out.append((start, _nickname_end(text, m.end()), " ".join(text[start : m.end()].split())))


def _name_before_mark(text: str, start: int) -> int:
    """The length of the one or two capitalised words and white space right before a mark number at
    ``start`` ("CAESAR Mk II", "LCA Tejas Mk1A"; not "The" or a month), or 0."""
    lo = max(0, start - 30)
    m = re.search(r"(?<![\w'’.-])((?:[A-Z][A-Za-z]+\s+){1,2})$", text[lo:start])
    words = list(re.finditer(r"\S+", m.group(1))) if m else []
    while words and words[0].group() in NOT_NAME_WORDS:
        words = words[1:]
    return start - (lo + m.start(1) + words[0].start()) if m and words else 0


def _head_run_end(text: str, end: int) -> int:
    """The end of the capitalised words after a listed name at ``end`` when they hold a weapon head word
    ("Harpoon Coastal Defense Systems", "Patriot Advanced Capability-3 Missile Segment Enhancement",
    "Bradley Infantry Fighting Vehicles") and no company word ("Patriot Missile Systems Inc"), else 0."""
    m = _patterns()["head_run"].match(text, end)
    if m is None:
        return 0
    words = {w.split("-")[0].rstrip("s") for w in m.group().split()}
    if not words & _HEAD_RUN_WORDS or words & COMPANY_WORDS or _ORG_CONTINUATION.match(text, m.end()):
        return 0
    return m.end()


def _with_head_run(text: str, start: int, end: int, name: str) -> tuple[int, int, str]:
    """A listed name's span, with the capitalised words after it that hold a weapon head word
    (:func:`_head_run_end`): the name is then the words as written."""
    run_end = _head_run_end(text, end)
    return (start, run_end, " ".join(text[start:run_end].split())) if run_end else (start, end, name)


def _class_word(word: str) -> bool:
    """Can ``word`` be the first word of a two-word class name ("Arleigh Burke-class")? Not an article,
    a number ("Two Ohio-class submarines"), a possessive ("Japan's Izumo-class") or a nationality ("Russian
    Borei-class": a word in -an, -ese or -ish; "Arleigh", "Ivan" and other given names pass)."""
    if word in NOT_NAME_WORDS or word in NUMBER_WORDS or word.endswith(("'s", "’s")):
        return False
    return not (word.endswith(("ese", "ish")) or (word.endswith("an") and word[:-2].endswith(("i", "e", "c"))))


def _ambiguous_name(m: re.Match[str]) -> str:
    """The listed spelling of a name written in capitals ("CAESAR" → "Caesar"), with its model number
    ("Switchblade 600") or block ("Patriot Block II") as written."""
    name = m.group("name")
    listed = next((n for n in WEAPON_NAMES_IN_CONTEXT if n.upper() == name), name) if name.isupper() else name
    rest = m.group()[m.end("plural") - m.start() if m.group("plural") else len(name) :]
    return re.sub(r"(\d[A-Z]?)s$", r"\1", " ".join((listed + rest).split()))  # "Switchblade 600s": the 600


#: Words that make a capitalised word before a surname a title ("Gen. Abrams", "Sgt. Bradley", "Mr
#: Stryker", "President Tiger"): the last words of the ranks of :data:`~workbook.extract.ranks.RANK_CORES`
#: ("General" of "Brigadier General"; "Sen", "Gov", "Amb" are there too), lower-case and without their
#: full stop, and the honorifics (the vocabulary's cannot be read here: it imports this module's lists).
_PERSON_TITLES: frozenset[str] = frozenset(
    {c.split()[-1].rstrip(".").lower() for c in RANK_CORES} | {"mr", "mrs", "ms", "dr", "president"}
)
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][A-Za-z]*)\.?\s+$")
_WORD_AFTER = re.compile(r"\s*,?\s+([a-z]+)\b")


def _person_cue(text: str, start: int, end: int) -> bool:
    """Does a title come before ``text[start:end]`` or a verb of saying after it ("Abrams said",
    :data:`~workbook.extract.reporting_words.REPORTING_VERBS` and ``QUOTE_VERBS``)? A surname that is also a
    weapon's name is the person there."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is not None and before.group(1).lower() in _PERSON_TITLES:
        return True
    after = _WORD_AFTER.match(text, end)
    return after is not None and (after.group(1) in REPORTING_VERBS or after.group(1) in QUOTE_VERBS)


def _after_title_word(text: str, start: int) -> bool:
    """Is the word before ``start`` a capitalised word in title case, not at a sentence start ("New England
    Patriots", "Italian Typhoons")? A plural name after one is read as part of another name."""
    m = re.search(r"([.!?]\s+)?\b([A-Z][a-z]+)\s+$", text[max(0, start - 30) : start])
    return m is not None and m.group(1) is None and start - len(m.group()) > 0


def _ships(text: str, out: list[tuple[int, int, str]]) -> None:
    """Ships: a navy prefix and the ship's name, with its hull number in brackets in the span ("USS Ralph
    Johnson (DDG 114)"; the name without it); the name again without the prefix ("Ralph Johnson is ...", and
    the last word after "the": "the Truman's deployment"); a name after a warship noun ("the landing ship
    Minsk")."""
    p = _patterns()
    names: dict[str, str] = {}
    for m in p["ship"].finditer(text):
        if not word_start(text, m.start()):
            continue
        if m.group("prefix") in SHIP_PREFIXES_IN_CONTEXT and not has_weapon_word(text, m.start(), m.end()):
            continue
        name = re.sub(r"['’]s$", "", m.group("name").rstrip("."))  # "HMS Queen Elizabeth's crew": the ship
        full = f"{m.group('prefix')} {' '.join(name.split())}"
        out.append((m.start(), m.end() if m.group("hull") else m.start("name") + len(name), full))
        names.setdefault(" ".join(name.split()), full)
    warships = any(noun in text for noun in _WARSHIP_CUES)  # "ship" is in "leadership": the nouns' starts then
    for m in literal_matches(p["warship"], text, WARSHIP_NOUNS) if warships else ():
        name = m.group("name").rstrip(".")
        first = name.split()[0]
        if m.group("quote"):  # the landing ship "Novocherkassk", the frigate "Admiral Gorshkov": a name
            if re.match(r"[\"”’»]", text[m.start("name") + len(name) :]):
                out.append((m.start("name"), m.start("name") + len(name), " ".join(name.split())))
            continue
        if first in NOT_NAME_WORDS or first in NOT_SHIP_NAME_WORDS or first in SHIP_PREFIXES + SHIP_PREFIXES_IN_CONTEXT:
            continue
        if m.group().startswith("carrier") and COMPANY_WORDS.intersection(name.split()):
            continue
        if re.match(r"\s*[,(]?\s*[A-Z]{2,}\b", text[m.start("name") + len(name) :]) is None:
            out.append((m.start("name"), m.start("name") + len(name), " ".join(name.split())))
    for bare, full in names.items():
        for m in re.finditer(rf"(?<![\w-])(?P<the>the\s+)?{re.escape(bare)}(?![\w-])", text):
            start = m.start() + len(m.group("the") or "")
            if m.group("the") or _bare_ship_name(text, start, m.end(), full):
                out.append((start, m.end(), full))
        words = bare.split()
        if len(words) > 1 and len(words[-1]) > 2:  # "the Truman's deployment"
            for m in re.finditer(rf"\bthe\s+(?P<last>{re.escape(words[-1])})(?![\w-])", text):
                out.append((m.start("last"), m.end("last"), full))


def _bare_ship_name(text: str, start: int, end: int, full: str) -> bool:
    """Is ``text[start:end]``, a ship's name without its prefix, the ship? Not the prefixed mention itself,
    not after a title or another name ("President Ronald Reagan"), not after "named for" (the person the
    ship is named after), and a one-word name not before ", State" ("Mobile, Alabama")."""
    if text[max(0, start - 8) : start].rstrip().endswith(full.split()[0]):
        return False
    before = re.search(r"([A-Z][\w.]*)\s+$", text[max(0, start - 30) : start])
    sentence_end = before is not None and before.group(1).endswith(".") and len(before.group(1)) > 5
    if before is not None and not sentence_end and before.group(1) not in ("The", "A"):
        return False
    if re.search(r"\b(?:named|renamed)\s+(?:for|after)\s+$|\bhonou?r(?:s|ing)?\s+$", text[max(0, start - 25) : start]):
        return False
    return " " in full.split(maxsplit=1)[1] or re.match(r",\s+[A-Z]", text[end : end + 3]) is None


def _long_names(text: str, out: list[tuple[int, int, str]]) -> None:
    """Long names of systems ending in a weapon head ("Precision Strike Missile", "Standard Missile-6",
    "M2A3 Bradley Fighting Vehicles" is found by its designation); not a generic class in capitals
    ("Intercontinental Ballistic Missile") nor the start of an organisation's name ("Missile Defense Agency",
    "Raytheon Missiles & Defense")."""
    if not any(head in text for head in _LONG_NAME_CUES):
        return
    for m in _patterns()["long_name"].finditer(text):
        spans = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.group("words"))]
        while spans and spans[0][1] in NOT_NAME_WORDS:  # "The", "In": not part of the name
            spans = spans[1:]
        start = m.start() + spans[0][0] if spans else m.end()
        words = [w for _, w in spans]
        if not words or all(w in GENERIC_WEAPON_WORDS for w in words) or not word_start(text, start):
            continue
        if m.group("head") in _ROLE_HEADS and not AIRCRAFT_ROLE_WORDS.intersection(w.split("-")[-1] for w in words):
            continue  # "Future Attack Reconnaissance Aircraft", not "Piper Aircraft"
        if _ORG_CONTINUATION.match(text, m.end()) and not re.match(r"\s*[A-Z]{2,}\b", text[m.end() :]):
            continue
        out.append((start, m.end(), " ".join(text[start : m.end()].split())))


def find_weapons(text: str) -> list[tuple[int, int, str]]:
    """Weapon systems and platforms in ``text`` as (start, end, canonical name), in text order, no
    overlaps (the longer span wins at one start); see the module docs."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    _designations(text, out)
    for m in p["named"].finditer(text):
        if word_start(text, m.start()):
            name = m.group("name") + (f"-{m.group('suffix')}" if m.group("suffix") else "")
            out.append(
                _with_head_run(text, m.start(), m.end(), name + (f" {m.group('roman')}" if m.group("roman") else ""))
            )
    for m in p["ambiguous"].finditer(text):
        if not word_start(text, m.start()) or (m.group("plural") and _after_title_word(text, m.start())):
            continue
        follows = re.match(r"\s+(?!Block\b)[A-Z][a-z]", text[m.end() : m.end() + 8])
        if follows is not None and not _head_run_end(text, m.end()):
            continue  # "Patriot Act", but "Bradley Infantry Fighting Vehicles"
        if not _person_cue(text, m.start(), m.end()) and has_weapon_word(text, m.start(), m.end()):
            out.append(_with_head_run(text, m.start(), m.end(), _ambiguous_name(m)))
    out += find_weapon_shapes(text) + find_phrase_weapons(text)
    for m in p["class"].finditer(text) if _CUES["class"] in text else ():
        if word_start(text, m.start()):  # "the Yasen-class submarine Kazan": the class, then the ship
            lead, ship = m.group("lead"), m.group("ship")
            start = m.end("lead") if lead and not _class_word(lead.strip()) else m.start()
            out.append((start, m.end("head"), " ".join(text[start : m.end("head")].split())))
            if ship and ship.split()[0] not in NOT_NAME_WORDS:  # the ship is an entity of its own
                out.append((m.start("ship"), m.end("ship"), ship))
    _ships(text, out)
    _long_names(text, out)
    for key in ("type", "calibre", "new_type"):
        if (key in _CUES and _CUES[key] not in text) or (key == "calibre" and not _calibre_cue(text)):
            continue
        out += [
            (m.start(), m.end(), " ".join(m.group().split()))
            for m in p[key].finditer(text)
            if word_start(text, m.start())
        ]
    out += coordinated_weapons(text, out)
    out += document_weapons(text, out)
    out.sort(key=lambda w: (w[0], -w[1]))
    kept: list[tuple[int, int, str]] = []
    for w in out:
        if not kept or w[0] >= kept[-1][1]:
            kept.append(w)
    return kept
