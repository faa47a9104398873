"""Weapons a document names again, or by letters, where no weapon word stands beside the mention.

A report calls a system a weapon once ("the KAAN fighter", "Arrow 3 interceptors", "the Armored Multi-Purpose
Vehicle (AMPV)") and then names it bare ("KAAN is to replace the F-16", "Arrow 3 made its first
interceptions", "the AMPV mortar carrier"). The entity stage resolves a lone surname to the person the
document named in full; :func:`document_weapons` does the same for weapons, from what
:func:`~workbook.extract.weapons.find_weapons` already found in the document:

* **the same name again**: every other whole-word mention of a found weapon's name ("Pole-21", "Liutyi"),
  of a designation without its nickname ("M1A2 SEPv3" of "M1A2 SEPv3 Abrams") and of the nickname
  without its designation ("Sentry" of "E-3A Sentry"); not inside a longer capitalised name ("Patriot
  Parkway", "Tampa Bay Lightning", "Omar Bradley") and not before a verb of saying ("Sentinel said");
* **acronyms of a found long name**: capitals spelt by the initials (or first letters) of a found name's
  words ("AMPV" of "Armored Multi-Purpose Vehicles", "LRHW" of "Long Range Hypersonic Weapon");
* **long names the document also writes in capitals**: a capitalised run ending in a system's noun and
  holding a military word, with capitals elsewhere in the document that spell it ("Lower Tier Air and Missile
  Defense Sensor ... LTAMDS", "Very Short Range Air Defence System, or VSHORADS"): both are weapons, the
  capitals wherever they stand ("Global Positioning System ... GPS" holds no military word);
* **capitals after a singular weapon noun** ("the national fighter KAAN"), and a model designation written
  before a found name ("M1A2 SEPv3" before "Abrams"), which then counts as the name's own form;
* **a long "System" name with a strong military word** and no acronym ("Integrated Battle Command System");
* **names after a verb of firing and an article** ("fired the Toufan and the Quds-4"; after "launch" only
  in a sentence with a word of war: "launched the Bronco" is none), never a class ("fired a SRBM");
* **a block, increment or flight** after capitals or a found name, in its span ("ESSM Block 2");
* **names that are also ordinary words** ("Patriot", "Igla-S") and **a name before "programme"** ("the Narew
  programme") within 200 characters of a found weapon.

Every pass runs from what was found or from a literal (a system noun, a weapon noun, a verb of firing,
"Block"), never from every capital; the document's capitals are read only once one long military name is
there. KCNA 2024's 1,300 distinct texts: about 0.09 CPU-seconds for the whole pass.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from workbook.extract.phrase_regex import literal_alternation
from workbook.extract.reporting_words import QUOTE_VERBS, REPORTING_VERBS
from workbook.extract.shared_scans import literal_matches
from workbook.extract.weapon_phrases import nationality
from workbook.extract.weapon_words import (
    CLASS_ACRONYMS,
    HYPHENS,
    NOT_NAME_WORDS,
    WEAPON_NAMES_IN_CONTEXT,
    has_war_word,
    word_start,
)

__all__ = ["acronym_of", "document_weapons"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Nouns that end the long name of a system an acronym abbreviates ("... Air Defence System (VSHORADS)").
_SYSTEM_HEADS = _words(
    """System Systems Sensor Sensors Radar Radars Vehicle Vehicles Missile Missiles Weapon Weapons Programme
    Program Aircraft Fighter Fighters Launcher Launchers Interceptor Interceptors Projectile Projectiles Jammer
    Jammers Munition Munitions Howitzer Howitzers Vessel Vessels Ship Ships Submarine Submarines"""
)
#: The system nouns' stems: every one opens with one (the places :func:`_spelled_names` looks behind).
_HEAD_STEMS = tuple(sorted({h.removesuffix("s") for h in _SYSTEM_HEADS} - {"Programme"}))
#: Words that make such a long name military ("Air Defence", "Battle Command", "Strike"): without one it is
#: civilian ("Global Positioning System", "Advanced Driver Assistance System").
_MILITARY_WORDS = _words(
    """Air Defence Defense Missile Missiles Battle Combat Strike Weapon Weapons Armored Armoured Artillery Rocket
    Rockets Tactical Hypersonic Ballistic Cruise Fighter Attack Warfare Fire Fires Launch Interceptor Aegis
    Anti-Ship Anti-Tank Anti-Aircraft Infantry Assault Mortar Torpedo Naval Warning Bomber Precision Guided"""
)
#: Function words that an acronym may skip ("Lower Tier Air and Missile Defense Sensor" is "LTAMDS").
#: Singular weapon nouns before a name in capitals or a designation ("the national fighter KAAN").
_NOUNS = ("fighter", "jet", "drone", "tank", "missile", "interceptor", "helicopter", "bomber", "jammer", "radar")
#: How near a found weapon a name that is also an ordinary word must stand to be the weapon ("... NASAMS in
#: Lithuania, and CAMM in Poland. The Wisla programme instead buys Patriot.").
_NEAR = 200
#: Words before "programme" that name a body, a budget or a kind of work, not a system.
_NOT_PROGRAMME_NAMES = _words(
    "Army Navy Air Marine Space Defence Defense Missile Nuclear Research Procurement Modernisation Modernization"
)
#: Verbs of firing: one name or a list of names after them and an article ("the", "its", "their") are weapons
#: ("fired the Toufan and the Quds-4"; a person fired takes no article: "fired Comey"), after "launch" only
#: in a sentence with a word of war ("launch the Lyutyi and the Beaver", not "launched the Bronco").
_FIRING_VERBS = ("fired", "fires", "fire", "test-fired", "launched", "launches", "launch", "test-launched")
_ONE_NAME = r"(?![A-Z][a-z]*['’])[A-Z][A-Za-z]*(?:-[A-Za-z0-9]+)*(?!\s+[A-Z])(?![\w'’-])"
#: Words that make a long name ending in "System" a weapon's without an acronym ("Integrated Battle Command
#: System"); "Air" needs "Defence" beside it ("Air Defence System", not "Air Traffic Control System").
_STRONG_WORDS = _words("Battle Combat Missile Missiles Weapon Weapons Strike Artillery Rocket Rockets Torpedo Warfare")
_SKIPPABLE = frozenset(("and", "of", "for", "the", "to", "&"))
_SPLIT = re.compile(rf"[/\s{re.escape(HYPHENS)}]+")
_SAYING = frozenset(REPORTING_VERBS) | frozenset(QUOTE_VERBS)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    long_word = r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*"
    return {
        "head": re.compile(rf"(?:{'|'.join(sorted(_SYSTEM_HEADS, key=len, reverse=True))})\b"),
        "run": re.compile(rf"(?<![\w-])(?:{long_word}\s+(?:(?:and|of|for|the)\s+)?){{1,8}}$"),
        "capitals": re.compile(r"(?<![\w-])[A-Z][A-Z]{1,7}s?(?![\w-])"),
        "models_before": re.compile(r"(?<![\w-])(?:[A-Z][A-Za-z]*\d[\w/-]*\s+){1,2}$"),
        "after_noun": re.compile(
            rf"(?:{'|'.join(_NOUNS)})\s+(?P<name>[A-Z]{{3,}}|[A-Z][A-Za-z]*-?\d[\w-]*)(?![\w'’-])(?!\s+[A-Z])"
        ),
        "fired": re.compile(
            rf"(?:{'|'.join(_FIRING_VERBS)})\s+(?P<article>the\s+|its\s+|their\s+)(?P<names>{_ONE_NAME}"
            rf"(?:(?:\s*,\s*|,?\s+(?:and|or)\s+)(?:the\s+|an?\s+)?{_ONE_NAME})*)"
            r"(?=\s*[.,;:]|\s+(?:and|or|at|against|from|on|into|over|toward|towards|in|across)\b)"
        ),
        "block": re.compile(
            r"(?:Block|Increment)\s+(?:[IVX]{1,4}[A-Z]?|\d{1,2}[A-Z]?)(?![\w-])|Flight\s+[IVX]{1,4}[A-Z]?(?![\w-])"
        ),
        "in_context": re.compile(
            rf"(?<![\w'’-]){literal_alternation(WEAPON_NAMES_IN_CONTEXT)}(?:-[A-Z0-9]{{1,3}})?(?![\w'’-])"
        ),
        "programme": re.compile(r"(?<![\w'’-])[Tt]he\s+(?P<name>[A-Z][a-z]{2,}|[A-Z]{3,})\s+program(?:me)?s?\b"),
        "before": re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*)\s+$"),
        "after": re.compile(r"['’]?s?\s+([A-Z][\w-]*|[a-z]+)"),
    }


def acronym_of(acro: str, name: str) -> bool:
    """Do the capitals ``acro`` spell ``name``, each word giving its first letter or first few letters and a
    function word giving none ("AMPV": "Armored Multi-Purpose Vehicle", "VSHORADS": "Very Short Range Air
    Defence System", "LTAMDS": "Lower Tier Air and Missile Defense Sensor")? The last word must give a letter."""
    words = [w for w in _SPLIT.split(name) if w]
    letters = acro.upper()
    if len(letters) < 2 or len(words) < 2 or letters[0] != words[0][0].upper():
        return False
    if words[-1][0].upper() not in letters[1:]:
        return False

    @cache
    def spell(i: int, j: int) -> bool:  # letters[i:] from words[j:]
        if j == len(words):
            return i == len(letters)
        word = words[j].upper()
        if words[j].lower() in _SKIPPABLE and spell(i, j + 1):
            return True
        k = 0
        while k < len(word) and i + k < len(letters) and word[k] == letters[i + k]:
            k += 1
            if spell(i + k, j + 1):
                return True
        return False

    return spell(0, 0)


def _bare(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a name on its own: not inside a longer capitalised name and not a speaker?"""
    p = _patterns()
    before = p["before"].search(text, max(0, start - 24), start)
    word = before.group(1) if before is not None else "The"
    compound = re.search(r"-[a-z]+$", word) is not None  # "the Russian-made Igla-S", "US-supplied"
    if word not in NOT_NAME_WORDS and not word.isupper() and not compound:
        return False  # "Omar Bradley", "Tampa Bay Lightning" (but "the Army's AMPV", "USAF E-7A" pass)
    after = p["after"].match(text, end)
    if after is None:
        return True
    word = after.group(1)
    return not (word[0].isupper() and word not in NOT_NAME_WORDS) and word not in _SAYING


def _surfaces(text: str, start: int, end: int, name: str) -> set[str]:
    """The forms of a found weapon the document may repeat: its text, its name, a designation without its
    nickname ("M1A2 SEPv3" of "M1A2 SEPv3 Abrams") and the nickname without it ("Sentry" of "E-3A Sentry")."""
    surface = " ".join(text[start:end].split())
    out = {surface, name}
    words = surface.split()
    if len(words) > 1 and words[-1].isalpha() and words[-1][:1].isupper() and words[-1][1:].islower():
        head = " ".join(words[:-1])
        if any(c.isdigit() for c in head):
            out.add(head)
            if len(words[-1]) > 3:
                out.add(words[-1])
    return {s for s in out if len(s) > 2 and s.split()[0] not in NOT_NAME_WORDS}


def _spelled_names(text: str) -> list[tuple[int, int, str]]:
    """Long system names the document also writes as capitals, with those capitals' first mention (see the
    module docs): from each system noun, the capitalised run before it and the acronyms that spell it."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    acronyms: dict[str, re.Match[str]] | None = None
    for h in literal_matches(p["head"], text, _HEAD_STEMS):
        spaced = text[h.start() - 1 : h.start()] == " "
        run = p["run"].search(text, max(0, h.start() - 120), h.start()) if spaced else None
        if run is None or not set(_SPLIT.split(run.group())) & _MILITARY_WORDS:
            continue
        if acronyms is None:
            acronyms = {m.group().removesuffix("s"): m for m in p["capitals"].finditer(text) if len(m.group()) > 2}
        words = (run.group() + h.group()).split()
        for k in range(len(words) - 1):  # the longest tail of the capitalised run an acronym spells
            tail = " ".join(words[k:])
            acro = next((a for a in acronyms if acronym_of(a, tail)), None)
            if words[k] in NOT_NAME_WORDS or acro is None:
                continue
            if set(_SPLIT.split(tail)) & _MILITARY_WORDS:
                start = h.end() - len(tail) if text[h.end() - len(tail) : h.end()] == tail else run.start()
                a = acronyms[acro]
                out += [(start, h.end(), tail), (a.start(), a.start() + len(acro), acro)]
            break
        else:
            out += _system_name(text, words, h)
    return out


def _system_name(text: str, words: list[str], head: re.Match[str]) -> list[tuple[int, int, str]]:
    """A capitalised run ending in "System" with a strong military word, no acronym needed ("Integrated
    Battle Command System", "Air Defence System"); not the plural, which firms write, nor a longer name."""
    while words and words[0] in NOT_NAME_WORDS:
        words = words[1:]
    parts = {p for w in words for p in _SPLIT.split(w)}
    air = "Air" in parts and bool(parts & {"Defence", "Defense"})
    if len(words) < 3 or head.group() != "System" or not (air or parts & _STRONG_WORDS):
        return []  # "Kongsberg Defence Systems", a firm, writes the plural
    if re.match(r"\s*(?:&|and\s+[A-Z]|of\s+[A-Z]|[A-Z])", text[head.end() : head.end() + 8]):
        return []  # "Javelin Missile System Inc", "... System of Systems"
    name = " ".join(words)
    start = head.end() - len(name)
    return [(start, head.end(), name)] if text[start : head.end()] == name else []


def _fired(text: str) -> list[tuple[int, int, str]]:
    """Names after a verb of firing in a sentence with a word of war (see :data:`_FIRING_VERBS`)."""
    out = []
    p = _patterns()
    for m in literal_matches(p["fired"], text, ("fire", "launch", "test-")):
        if not word_start(text, m.start()):
            continue
        war = has_war_word(text, m.start(), m.end(), (m.start(), m.start("names")))
        shot = m.group().startswith(("fire", "test-fire"))  # "fired the Toufan": a person fired takes no article
        for n in re.finditer(_ONE_NAME, m.group("names")):
            name = n.group()
            if not war and not (shot and not name.isupper()):
                continue  # "launched the Bronco", "fired the CEO"
            if name not in NOT_NAME_WORDS and name.rstrip("s") not in CLASS_ACRONYMS:
                out.append((m.start("names") + n.start(), m.start("names") + n.end(), name))
    return out


def _near_weapons(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names that are also ordinary words (:data:`WEAPON_NAMES_IN_CONTEXT`: "Patriot", "Igla-S") within
    :data:`_NEAR` characters of a weapon found in the document, standing on their own (:func:`_bare`)."""
    if not found:
        return []
    starts = sorted(start for start, _, _ in found)
    out = []
    for m in _patterns()["in_context"].finditer(text):
        k = bisect.bisect_left(starts, m.start() - _NEAR)
        if k < len(starts) and starts[k] <= m.end() + _NEAR and _bare(text, m.start(), m.end()):
            out.append((m.start(), m.end(), m.group()))
    return out


def _programmes(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One name before "programme" within :data:`_NEAR` characters of a found weapon ("the Narew programme",
    "The Wisla programme" beside "NASAMS"): a programme named for the system it buys; not a nationality
    ("the Polish programme") nor a word that is no name ("The Army programme")."""
    if not found or "program" not in text:
        return []
    starts = sorted(start for start, _, _ in found)
    out = []
    for m in _patterns()["programme"].finditer(text):
        name = m.group("name")
        if name in NOT_NAME_WORDS or nationality(name) or name in _NOT_PROGRAMME_NAMES:
            continue
        k = bisect.bisect_left(starts, m.start() - _NEAR)
        if k < len(starts) and starts[k] <= m.end() + _NEAR:
            out.append((m.start("name"), m.end("name"), name))
    return out


def _blocks(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A block, increment or flight after a found name or capitals ("ESSM Block 2", "PrSM Increment 1",
    "Tomahawk Block V"), the name and its block as one span."""
    out = []
    ends = {end: start for start, end, _ in found}
    for m in literal_matches(_patterns()["block"], text, ("Block", "Increment", "Flight")):
        before = re.search(r"(?<![\w-])([A-Z][\w-]*)\s+$", text[max(0, m.start() - 24) : m.start()])
        if before is None:
            continue
        end = m.start() - len(before.group()) + len(before.group(1))
        start = ends.get(end, end - len(before.group(1)))
        if end in ends or (before.group(1).isupper() and len(before.group(1)) > 2):
            out.append((start, m.end(), " ".join(text[start : m.end()].split())))
    return out


def _models_before(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Found names with the model designations written before them ("M1A2 SEPv3 Abrams" of "Abrams")."""
    out = []
    for start, end, _ in found:
        m = _patterns()["models_before"].search(text, max(0, start - 24), start)
        if m is not None and any(c.isupper() for c in m.group()):
            out.append((m.start(), end, " ".join(text[m.start() : end].split())))
    return out


def _after_nouns(text: str) -> list[tuple[int, int, str]]:
    """Capitals or a designation after a singular weapon noun ("the national fighter KAAN flew")."""
    p = _patterns()
    return [
        (m.start("name"), m.end("name"), m.group("name"))
        for m in literal_matches(p["after_noun"], text, _NOUNS)
        if word_start(text, m.start()) and m.group("name") not in NOT_NAME_WORDS | CLASS_ACRONYMS
    ]


def document_weapons(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Mentions of weapons ``found`` in ``text`` that hold no weapon word of their own, and acronyms a long
    weapon name spells (see the module docs), as (start, end, name), unsorted. A found name with the model
    designation before it is given again with it (the longer span wins); nothing else overlaps ``found``."""
    models = _models_before(text, found) + _blocks(text, found)
    taken = bytearray(len(text) + 1)
    for start, end, _ in found:
        taken[start:end] = b"\x01" * (end - start)
    new = _after_nouns(text) + _spelled_names(text) + _fired(text)
    new += _near_weapons(text, found + new) + _programmes(text, found + new)
    out = [w for w in new if taken.find(1, w[0], w[1]) < 0]
    names: dict[str, str] = {}
    for start, end, name in found + models + out:
        for s in _surfaces(text, start, end, name):
            names.setdefault(s, name)
    long_names = [n for n in names if len(_SPLIT.split(n)) > 2 or (" " in n and not any(c.isdigit() for c in n))]
    if long_names:
        for m in _patterns()["capitals"].finditer(text):
            acro = m.group().removesuffix("s")
            if (
                len(acro) > 2
                and acro not in names
                and acro not in CLASS_ACRONYMS
                and any(acronym_of(acro, n) for n in long_names)
            ):
                names[acro] = acro
    for start, end, _ in out:
        taken[start:end] = b"\x01" * (end - start)
    for surface, name in names.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(surface)}(?:s|es)?(?![\w-])", text):
            if taken.find(1, m.start(), m.end()) < 0 and _bare(text, m.start(), m.end()):
                out.append((m.start(), m.end(), name))
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return models + out
