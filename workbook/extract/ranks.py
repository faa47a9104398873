"""Military and civil ranks written before a name, abbreviated or spelled out.

Press releases and defence news name people by rank: "Sgt. 1st Class Maria Delgado-Ruiz", "Lt. Cmdr.
Aaron Pike", "Chief Master Sgt. Lorraine Okafor", "Master Chief Petty Officer of the Navy James
Honea", "Army Maj. Daniel Cho", "Senior Airman Tyler Brooks". :func:`rank_spans` finds each rank
phrase (a run of declared rank words, with a grade such as "1st Class" or "3" and an "of the Navy");
the entity rules read the capitalised name right after it as a person and never make the rank words
an entity of their own ("Cmdr", "Petty Officer", "Lance" of "Lance Cpl.").

Words that are ranks only next to a rank word ("Master", "Chief", "Senior", "Staff", "Command",
"Vice", "Rear") never make a rank alone, and spelled-out ranks that are ordinary words or names
("General", "Major", "Private", "Specialist", "Captain") count only beside a rank word ("Lieutenant
General", "Staff Sergeant"), in a declared phrase ("Major General", "Private First Class") or,
abbreviated, with their full stop ("Maj.", "Pvt.", "Spc."). Alone, they are a rank before a name every
word of which is a listed given or family name, no common word and no English word unless a most frequent
name (:func:`spelled_ranks`): "Major Baker
said", "Major Ellen Baker, a spokeswoman, said", "General Kim said", "Specialist Kim Anderson"; not
"Major League Baseball", "General Motors", "Private Eye".
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from typing import NamedTuple

from workbook.extract.shared_scans import capital_matches, literal_matches

__all__ = [
    "ABBREVIATED_RANKS",
    "AMBIGUOUS_RANKS",
    "RANK_CORES",
    "RANK_MODIFIERS",
    "RANK_WORDS",
    "RankSpan",
    "rank_spans",
    "spelled_ranks",
]

#: Rank words that make a rank by themselves. Abbreviations end with "." where the full stop is
#: required (otherwise the bare word is an ordinary word or a name: "Rep", "Det", "Spec").
RANK_CORES: tuple[str, ...] = (
    # abbreviated (US, UK, NATO and police styles); "Lt" and "Col" without a full stop are British style
    "Gen.",
    "Gen",
    "Lt.",
    "Lt",
    "Col.",
    "Col",
    "Maj.",
    "Capt.",
    "Capt",
    "Cpt.",
    "Cmdr.",
    "Cdr.",
    "Cdr",
    "Adm.",
    "Brig.",
    "Brig",
    "Sgt.",
    "Sgt",
    "Cpl.",
    "Cpl",
    "LCpl.",
    "LCpl",
    "Pvt.",
    "Pte.",
    "Pte",
    "Pfc.",
    "PFC",
    "Spc.",
    "Spec.",
    "Ens.",
    "Amn.",
    "SrA.",
    "SrA",
    "SSgt.",
    "SSgt",
    "TSgt.",
    "TSgt",
    "MSgt.",
    "MSgt",
    "SMSgt.",
    "SMSgt",
    "CMSgt.",
    "CMSgt",
    "CWO",
    "CWO2",
    "CWO3",
    "CWO4",
    "CWO5",
    "WO1",
    "WO2",
    # British and Commonwealth abbreviations without a full stop ("Maj Tom Reed", "CPO Bree Hallett", "Sqn Ldr
    # Ana Ruiz", "Gnr Lee Cole"), and US ranks in capitals as unit releases write them ("SFC Ray Dunn", "CPT Ana Ruiz")
    "Maj",
    "CPO",
    "PO1",
    "PO2",
    "PO3",
    "Cdre",
    "CSgt",
    "Sqn Ldr",
    "Wg Cdr",
    "Gp Capt",
    "Flt Sgt",
    "Gnr",
    "Spr",
    "Tpr",
    "Rfn",
    "Gdsm",
    "SGT",
    "SSG",
    "SFC",
    "1SG",
    "CPT",
    "1LT",
    "2LT",
    "LTC",
    "LCDR",
    "LTJG",
    "Cmdt.",
    "Insp.",
    "Supt.",
    "Det.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Amb.",
    # spelled out, unambiguous before a name
    "Lieutenant",
    "Colonel",
    "Sergeant",
    "Corporal",
    "Admiral",
    "Brigadier",
    "Commodore",
    "Ensign",
    "Airman",
    "Seaman",
    "Marshal",
    "Petty Officer",
    "Warrant Officer",
    "Flight Lieutenant",
    "Squadron Leader",
    "Wing Commander",
    "Group Captain",
    "Air Commodore",
    "Air Marshal",
    "Lance Corporal",
    "Gunnery Sergeant",
    "Field Marshal",
    "Crown Prince",
    "Major General",
    "Master Chief",
    "Senior Chief",
    "Private First Class",
    "Private 1st Class",
    "Seaman Apprentice",
    "Seaman Recruit",
    "Airman Basic",
    "Hospital Corpsman",
)

#: Words that are ranks only joined to a rank word before or after them ("Chief Master Sgt.",
#: "Major General", "Private First Class", "Lt. Cmdr.", "Sgt. Maj.").
RANK_MODIFIERS: tuple[str, ...] = (
    "Master",
    "Chief",
    "Senior",
    "Staff",
    "Command",
    "Tech.",
    "Technical",
    "Vice",
    "Rear",
    "First",
    "1st",
    "2nd",
    "Lance",
    "Major",
    "Maj.",
    "General",
    "Gen.",
    "Private",
    "Specialist",
    "Captain",
    "Commander",
    "Cmdr.",
    "Cmdr",
    "Cdr.",
    "Lt.",
    "Lt",
    "Flight",
    "Flt",
    "Staff",
    "Deputy",
    "Sub",
    "Second",
)

#: Every word of a rank, lower case, without its full stop ("sgt", "petty", "officer").
RANK_WORDS: frozenset[str] = frozenset(w.rstrip(".").lower() for r in RANK_CORES + RANK_MODIFIERS for w in r.split())

#: Short words of spelled-out ranks that are ordinary words too ("Air Commodore", "Wing Commander", "Vice").
_SHORT_WORDS = frozenset({"air", "wing", "sub", "rear", "vice"})
#: The abbreviated rank words, lower case without their full stop ("sgt", "cpo", "sqn", "flt", "sfc", "po2"):
#: title words of a speaker phrase ("said CPO Bree Hallett"), never part of the name.
ABBREVIATED_RANKS: frozenset[str] = frozenset(
    w.rstrip(".").lower()
    for r in RANK_CORES + RANK_MODIFIERS
    for w in r.split()
    if w.endswith(".") or w[1:] != w[1:].lower() or (len(w) <= 4 and w.lower() not in _SHORT_WORDS)
)

#: The service a rank may be written with ("Army Maj.", "Marine Corps Cpl.", "Navy Lt."): kept out of
#: the rank span (the service is an organisation mention of its own), but read as part of the cue.
_SERVICES = r"(?:Army|Navy|Air\s+Force|Marine\s+Corps|Marines?|Coast\s+Guard|Space\s+Force|National\s+Guard|RAF)"
#: A grade after a rank: "Sgt. 1st Class", "PO 2", "Lt. (j.g.)", and the British "Warrant Officer Class 1".
_GRADE = r"(?:\s+(?:1st|2nd|3rd|First|Second|Third)\s+Class|\s+Class\s+[12]\b|\s+[1-5]\b|\s+\(j\.?g\.?\)|\s+j\.g\.)"
_OF_SERVICE = r"(?:\s+of\s+the\s+" + _SERVICES + r")"


def _alternation(words: tuple[str, ...]) -> str:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(x) for x in w.split())
        # a word without its full stop must not run on into a longer word ("Colonel" is not "Col")
        parts.append(body + (r"" if w.endswith(".") else r"(?![\w.'’-])"))
    return "(?:" + "|".join(parts) + ")"


_CORE = _alternation(RANK_CORES)
_MOD = _alternation(RANK_MODIFIERS)
_UNIT = rf"(?:(?:{_MOD}\s+)*{_CORE}{_GRADE}?(?:\s+{_MOD}(?=\s))*)"
_RANK = re.compile(
    rf"(?<![\w.'’-])(?=[A-Z12])(?:(?P<service>{_SERVICES})\s+)?(?P<rank>{_UNIT}(?:\s+{_UNIT})*{_OF_SERVICE}?"
    rf"(?:\s+{_UNIT})?)(?=\s+[^\W\d_])"
)


_SPACES = re.compile(r"\s*")
#: A rank's core word: every rank phrase holds one, and most texts none (a cheap search before the scan).
_CORE_CUE = re.compile(_CORE)


class RankSpan(NamedTuple):
    """A rank phrase: ``text[start:end]`` (the service before it, if any, is not in the span); ``name_at`` is
    where the word after it starts."""

    start: int
    end: int
    name_at: int


def rank_spans(text: str) -> list[RankSpan]:
    """Every rank phrase followed by a word, in text order (see the module docstring)."""
    out: list[RankSpan] = []
    if _CORE_CUE.search(text) is None:
        return out
    for m in capital_matches(_RANK, text, "12"):  # _RANK.finditer(text), from the word-start capitals, 1 and 2
        a, b = m.span("rank")
        spaces = _SPACES.match(text, b)  # the spaces after the rank (always a match), without copying the text
        name_at = spaces.end() if spaces else b
        out.append(RankSpan(a, b, name_at))
    return out


#: Spelled-out ranks that are also ordinary words ("major", "general", "private", "specialist"): a rank
#: alone only before a person's name (:func:`spelled_ranks`).
AMBIGUOUS_RANKS: tuple[str, ...] = ("Major", "General", "Private", "Specialist")
_AMBIGUOUS = re.compile(r"(?<![\w.'’-])(?:" + "|".join(AMBIGUOUS_RANKS) + r")(?=[ \t]+[A-Z])")
#: One to three capitalised words, one space or tab apart, then no capitalised word.
_NAME_AFTER = re.compile(r"[ \t]+((?:[A-Z][a-z'’-]+)(?:[ \t]+[A-Z][a-z'’-]+){0,2})(?![\w'’-]|[ \t]+[A-Z])")


def spelled_ranks(
    text: str,
    ranks: Sequence[RankSpan],
    names: Mapping[str, str],
    common: frozenset[str],
    english: Container[str],
    heads: Container[str] = frozenset(),
) -> list[RankSpan]:
    """The ambiguous spelled-out ranks (:data:`AMBIGUOUS_RANKS`) standing alone, outside ``ranks``,
            before a name each word of which is a listed given or family name of ``names`` (the classifier's
            name lexicon), no word of ``common``, and a word of ``english`` (the built-in English word list) only when
        among the most frequent names, and no word of ``heads`` (organisation and facility head words: "General
    Bureau of ..."): "Major Baker said", "General Kim said"."""
    out = []
    for m in literal_matches(_AMBIGUOUS, text, AMBIGUOUS_RANKS):  # _AMBIGUOUS.finditer(text), from the words
        if any(r.start <= m.start() < r.end or r.start <= m.end() - 1 < r.end for r in ranks):
            continue  # "Major General", "Sergeant Major"
        name = _NAME_AFTER.match(text, m.end())
        if name is None:
            continue
        words = [w.casefold() for w in name.group(1).split()]
        if all(_name_word(w, names, common, english) and w not in heads for w in words):
            out.append(RankSpan(m.start(), m.end(), name.start(1)))
    return out


def _name_word(word: str, names: Mapping[str, str], common: frozenset[str], english: Container[str]) -> bool:
    """A listed given or family name, no common word; an English word only when it is among the most
    frequent names ("Baker", "Grant", "Young"; not "League", "Eye", "Crimes")."""
    kind = names.get(word, "")
    if word in common or not ("g" in kind or "s" in kind):
        return False
    return kind.endswith("0") or word not in english
