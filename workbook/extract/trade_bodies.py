"""Organisations with no head word: a place and a trade's word, departments named "X and Y" and a
country, names an acronym in brackets defines, firms whose shares trade, the UK's "Of" regulators, bodies
named with a UK nation, and runs a Title Case organisation's word ends (issue 12, round eighteen).

Passes over one document's candidates (both stages', before selection), after
:mod:`workbook.extract.body_names`, in the order of :func:`trade_bodies` (each pass's own rules in its
docstring: :func:`share_firms`, :func:`office_regulators`, :func:`nation_bodies`, :func:`end_word_bodies`);
the three larger ones:

* :func:`place_trade_bodies`: a place, a nationality or compass word, "National" or a firm's own word,
  then a word of a trade or a public service ("Water", "Rail", "Power", "Gas", "Energy", "Airways",
  "Police", "Grid", "Mail" ...) is one organisation: "Welsh Water", "Thames Water", "Scottish Power",
  "British Gas", "National Grid", "Kenya Railways", "Hitachi Rail"; a place right after it belongs to it
  ("Hitachi Rail Europe", "Arriva Rail London"). Not when the words before are common words ("Light
  Rail", "Solar Power", "Drinking Water", "High Speed Rail"), when the whole is a gazetteer place (a
  lake "X Water"), when another capitalised word follows ("National Rail Enquiries": the run rules'
  ground) or over a person a cue gave. Every other mention of the name in the document is the same
  organisation;
* :func:`country_departments`: one to three capitalised words, "and" (or a comma list "A, B and C"),
  one to three more and a country, a first-level region or a UK nation is one organisation:
  "Fisheries and Oceans Canada", "Environment and Climate Change Canada", "Agriculture and Agri-Food
  Canada", "Innovation, Science and Economic Development Canada". Not after another capitalised word,
  nor when a word is a place or an organisation's head ("Antigua and Barbuda", "the Environment Agency
  and Natural England": two names);
* :func:`bracket_defined_bodies`: a run of capitalised words (with "of", "and", "for", "the", "&"
  inside) right before an acronym in brackets ("Korea Exchange (KRX)", "World Food Programme (WFP)",
  "Fisheries and Oceans Canada (DFO)") is one organisation and so is the acronym, here and wherever the
  document uses it, when the acronym opens with the run's first initial or spells at least two of its
  initials in order, and the run holds a place, a nationality or a word of a body's kind
  ("Programme", "Exchange", ...). Not when the run is a gazetteer place ("Democratic Republic of the
  Congo (DRC)"), names a person or a weapon, or is all words usually written in lower case ("Gross
  Domestic Product (GDP)", "Chief Executive Officer (CEO)").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbook.extract.entity_runs import CUED_PERSON, NAMED, Candidate
from workbook.extract.longer_org_names import ORG_END_WORDS, not_a_name_word
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.place_org_extents import (
    COUNTRY_SUFFIXES,
    PLACE_MODIFIERS,
    TOWN_KM,
    mark_organisations,
)
from workbook.extract.reporting_words import CLAUSE_REPORTING_VERBS, REPORTING_VERBS
from workbook.extract.shared_scans import capital_matches, capital_pair_matches, literal_matches
from workbook.extract.trade_body_scans import (
    RUN_FUNCTION_WORDS,
    bracketed_acronyms,
    department_may_match,
    run_word_may_end,
)
from workbook.extract.vocabulary import NEVER_NAME_START, ORG_HEADS

__all__ = [
    "BRACKET_BODY_WORDS",
    "OF_REGULATORS",
    "TRADE_WORDS",
    "bracket_defined_bodies",
    "country_departments",
    "end_word_bodies",
    "nation_bodies",
    "office_regulators",
    "place_trade_bodies",
    "share_firms",
    "trade_bodies",
]

#: Words of a trade or a public service that end a firm's or a body's name after a place or a firm's own
#: word ("Welsh Water", "Network Rail", "Scottish Power", "Kenya Airways", "Thames Valley Police").
TRADE_WORDS: frozenset[str] = frozenset(
    [
        "water",
        "rail",
        "railway",
        "railways",
        "power",
        "gas",
        "energy",
        "electric",
        "electricity",
        "airways",
        "airlines",
        "police",
        "grid",
        "mail",
        "buses",
        "trains",
        "ferries",
        "telecom",
        "telecoms",
        "broadband",
    ]
)
#: Last words of a body's name an acronym in brackets confirms, beside the organisation heads
#: ("World Food Programme (WFP)", "Korea Exchange (KRX)", "National Grid (NG)").
BRACKET_BODY_WORDS: frozenset[str] = TRADE_WORDS | frozenset(
    ["programme", "program", "exchange", "advice", "action", "aid", "relief", "rescue", "canada"]
)
_SURNAME_TRADES = frozenset({"power", "mail"})
_QUALIFIERS = frozenset({"national", "north", "south", "east", "west", "northern", "southern", "eastern", "western"})

_CAP = r"[A-Z][\w'’-]*"
_TRADE_RUN = re.compile(
    rf"(?<![\w'’.&-])((?:{_CAP}[ \t]+){{1,3}})({_CAP})(?:[ \t]+({_CAP}))?(?![\w'’&-])(?![ \t]+[A-Z])"
)
_CAP_BEFORE = re.compile(rf"({_CAP})[ \t]+\Z")
#: A trade's word after a space or tab, its capital as written and the rest in any case: every run
#: ``place_trade_bodies`` keeps holds one (a word whose case-folded form is a trade's word; no trade's word holds
#: the letters a ligature or "ß" folds to, and ``re`` folds the one-letter cases such as the Kelvin sign itself).
_TRADE_WORD = "(?:" + "|".join(f"{w[0].upper()}(?i:{re.escape(w[1:])})" for w in sorted(TRADE_WORDS)) + r")(?![\w'’-])"
_TRADE_CUE = re.compile("[ \t]" + _TRADE_WORD)
#: :data:`_TRADE_CUE` after a space and after a tab: ``re`` skips to a literal far faster than to a class
_TRADE_CUES = (re.compile(" " + _TRADE_WORD), re.compile("\t" + _TRADE_WORD))


def _cued_person_inside(cands: list[Candidate], start: int, end: int) -> bool:
    return any(c.start < end and c.end > start and c.strength >= CUED_PERSON for c in cands)


def _common(word: str, common: frozenset[str]) -> bool:
    """A word usually written in lower case, or the plural of one ("Fisheries", "Oceans")."""
    low = word.casefold()
    return (
        low in common
        or (low.endswith("s") and low[:-1] in common)
        or (low.endswith("ies") and low[:-3] + "y" in common)
    )


def _place(words: str, place_type: Callable[[str], str | None]) -> bool:
    return words in COUNTRY_SUFFIXES or place_type(words) == "place"


def _qualifies(words: list[str], trade: str, common: frozenset[str], place_type: Callable[[str], str | None]) -> bool:
    """Words before a trade word that make a firm's name: a place, a nationality, a compass word, "National",
    an acronym or words usually written with a capital ("Hitachi", "Drax"); before a word that is also a
    family name ("Power"), a nationality, a compass word, "National", an acronym or two words ("Jordan
    Power scored" is a person)."""
    if trade.casefold() in _SURNAME_TRADES and len(words) == 1:
        w = words[0]
        return w.casefold() in DEMONYMS or w.casefold() in _QUALIFIERS or (w.isupper() and len(w) > 1)
    if _place(" ".join(words), place_type):
        return True
    for w in words:
        low = w.casefold()
        if low in NEVER_NAME_START or low in TITLE_WORDS or not_a_name_word(w) or low.endswith(("'s", "’s")):
            return False  # "People's Power": a possessive, not a firm's word
        if low.endswith("ing"):
            return False  # "Drinking Water", "Flying Trains": a verb's form, not a firm's word
        if low in DEMONYMS or low in _QUALIFIERS or (w.isupper() and len(w) > 1) or _place(w, place_type):
            continue
        if not common or low in common:
            return False
    return True


def place_trade_bodies(
    text: str, cands: list[Candidate], common: frozenset[str], place_type: Callable[[str], str | None]
) -> list[Candidate]:
    """A place or a firm's word and a trade's word as one organisation (see the module docs)."""
    if all(cue.search(text) is None for cue in _TRADE_CUES):  # _TRADE_CUE.search(text) is None
        return cands
    names: set[str] = set()
    for m in capital_pair_matches(_TRADE_RUN, text):
        spans = [(w.start(), w.group(0)) for w in re.finditer(r"\S+", m.group(0))]
        trades = [i for i, (_, w) in enumerate(spans) if w.casefold() in TRADE_WORDS and i > 0]
        if not trades or len(spans) - trades[-1] > 2:
            continue
        i, j = trades[-1], 0
        while j < i and spans[j][1].casefold() in NEVER_NAME_START:
            j += 1  # "The Welsh Water board": not "The"
        before, offset = [w for _, w in spans[j:i]], spans[j][0]
        after = [w for _, w in spans[i + 1 :]]
        if not before or len(before) > 3 or not _qualifies(before, spans[i][1], common, place_type):
            continue
        cap_before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if j == 0 and cap_before is not None and cap_before.group(1).casefold() not in NEVER_NAME_START:
            continue  # inside a longer capitalised run: the run rules' ground
        if after and not _place(after[0], place_type):
            continue
        name = " ".join([*before, spans[i][1], *after])
        if place_type(name) == "place" or place_type(" ".join([*before, spans[i][1]])) == "place":
            continue  # a lake "Kielder Water" the gazetteer knows
        if _cued_person_inside(cands, m.start() + offset, m.end()):
            continue
        names.add(name)
    return mark_organisations(text, cands, names) if names else cands


_DEPARTMENT = re.compile(
    rf"(?<![\w'’.&-])((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?,?[ \t]+){{1,3}}and[ \t]+(?:{_CAP}[ \t]+){{1,3}})({_CAP})"
    r"(?![\w'’&-])(?![ \t]+[A-Z])"
)


def _country_at(
    cands: list[Candidate], start: int, end: int, place: str, place_type: Callable[[str], str | None]
) -> bool:
    """``place`` at ``start:end`` is a place the gazetteer knows and no town there: a country or a first-level
    region (the classifier may have taken the gazetteer's reading away: "Oceans Canada" a person)."""
    if place_type(place) != "place":
        return False
    sizes = [c.gaz.entry.uncertainty_km for c in cands if c.gaz is not None and c.start <= start and c.end >= end]
    return not sizes or max(sizes) >= TOWN_KM


def country_departments(
    text: str, cands: list[Candidate], common: frozenset[str], place_type: Callable[[str], str | None]
) -> list[Candidate]:
    """Capitalised words, "and" and a country as one organisation (see the module docs)."""
    if not common or " and " not in text or not department_may_match(text):
        return cands
    names: set[str] = set()
    for m in capital_matches(_DEPARTMENT, text):
        if m.group(2) not in COUNTRY_SUFFIXES and not _country_at(cands, m.start(2), m.end(2), m.group(2), place_type):
            continue  # "... and Hope Martinez": a town the gazetteer knows, not a country
        if re.search(r",[ \t]+and\b", m.group(1)):
            continue  # "Bill Young, and Hope ...": a list's last comma, not one name
        words = [w.rstrip(",") for w in m.group(1).split() if w != "and"]
        first = words[0]
        if not_a_name_word(first) or first.casefold() in NEVER_NAME_START:
            continue
        if any(not_a_name_word(w) or _place(w, place_type) or w.casefold() in ORG_HEADS for w in words):
            continue  # "Britain and Ireland", "the Environment Agency and Natural England": two names
        before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue
        if any(c.start < m.end() and c.end > m.start() and c.type == "person" and c.strength >= NAMED for c in cands):
            continue  # a person the rules read there ("Tom and Jerry Hall Canada")
        names.add(" ".join(text[m.start() : m.end()].split()))
    return mark_organisations(text, cands, names) if names else cands


_RUN_WORD = re.compile(rf"(?<![\w'’&.-])({_CAP}|of|and|for|the|&),?[ \t]*\Z")


def _initials_match(short: str, initials: str) -> bool:
    """The acronym opens with the run's first initial, or at least two of its letters are the run's
    initials in order ("DFO" for "Fisheries and Oceans Canada")."""
    if short[0] == initials[0]:
        return True
    found, pos = 0, 0
    for ch in short:
        k = initials.find(ch, pos)
        if k >= 0:
            found, pos = found + 1, k + 1
    return found >= 2


def bracket_defined_bodies(
    text: str, cands: list[Candidate], common: frozenset[str], place_type: Callable[[str], str | None]
) -> list[Candidate]:
    """A capitalised run an acronym in brackets follows, and the acronym, as one organisation each (see
    the module docs)."""
    if "(" not in text:
        return cands
    names: set[str] = set()
    for bracket, short in bracketed_acronyms(text):
        words: list[str] = []
        start = bracket
        while len(words) < 8:
            w = _RUN_WORD.search(text, max(0, start - 40), start) if run_word_may_end(text, start) else None
            if w is None:
                break
            words.insert(0, w.group(1))
            start = w.start()
        while words and (words[0] in RUN_FUNCTION_WORDS or words[0].casefold() in NEVER_NAME_START):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip(" \t,"))
            words = words[1:]
        content = [w for w in words if w not in RUN_FUNCTION_WORDS]
        if len(content) < 2:
            continue
        if not _initials_match(short, "".join(w[0] for w in content)):
            continue
        run = " ".join(text[start:bracket].split())
        low = [w.casefold() for w in content]
        if place_type(run) == "place" or any(not_a_name_word(w) or w in TITLE_WORDS for w in low):
            continue
        if not (
            low[-1] in BRACKET_BODY_WORDS
            or any(w in DEMONYMS or _place(c, place_type) for w, c in zip(low, content, strict=True))
        ):
            continue
        if common and all(w in common for w in low) and low[-1] not in BRACKET_BODY_WORDS:
            continue
        inside = [c for c in cands if c.start < bracket and c.end > start]
        if any(c.end == bracket and c.type == "organization" for c in inside):
            names.add(short)  # the run is read whole already: its acronym is that organisation too
            continue
        if any(c.end == bracket and c.type in ("place", "facility") for c in inside):
            continue  # "Korean People's Army (KPA)", "... of Korea (DPRK)": read already (link_acronyms' ground)
        if any(c.type in ("person", "weapon_system") and c.strength >= NAMED for c in inside):
            continue
        if any(c.type == "place" and c.start <= start and c.end >= bracket for c in inside):
            continue
        names.update((run, short))
    return mark_organisations(text, cands, names) if names else cands


_SHARES_IN = re.compile(rf"\b[Ss]hares[ \t]+(?:in|of)[ \t]+({_CAP}(?:[ \t]+{_CAP}){{0,2}})(?![\w'’&-])(?![ \t]+[A-Z])")
_SHARES_AFTER = re.compile(rf"(?<![\w'’.&-])({_CAP}(?:[ \t]+{_CAP}){{0,2}})(?:['’]s)?[ \t]+shares\b")


#: Words before "shares" that name a market's sector, not a firm ("Tech shares fell").
_SECTOR_WORDS = frozenset({"tech", "biotech", "fintech", "blue-chip", "penny", "growth", "value"})


def _firm_words(words: list[str], common: frozenset[str], place_type: Callable[[str], str | None]) -> bool:
    """Words that can name a firm alone: none usually written in lower case, no nationality, no place."""
    if not common or _place(" ".join(words), place_type):
        return False
    return all(
        not _common(w, common)
        and w.casefold() not in DEMONYMS
        and w.casefold() not in _SECTOR_WORDS
        and w.casefold() not in NEVER_NAME_START
        and w.casefold() not in TITLE_WORDS
        and not not_a_name_word(w)
        and not _place(w, place_type)
        and len(w) > 1
        for w in words
    )


def share_firms(
    text: str, cands: list[Candidate], common: frozenset[str], place_type: Callable[[str], str | None]
) -> list[Candidate]:
    """A name whose shares are traded ("shares in Rolls-Royce", "Sasol shares fell") as a firm (see the
    module docs)."""
    if "shares" not in text and "Shares" not in text:
        return cands
    names: set[str] = set()
    for m in [*literal_matches(_SHARES_IN, text, ("Shares", "shares")), *capital_matches(_SHARES_AFTER, text)]:
        words = m.group(1).split()
        before = _CAP_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1))
        if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue  # inside a longer capitalised run
        if not _firm_words(words, common, place_type) or _cued_person_inside(cands, m.start(1), m.end(1)):
            continue
        names.add(" ".join(words))
    return mark_organisations(text, cands, names) if names else cands


#: The UK's regulators named "Of" and their field, a closed set ("Ofwat", "Ofgem", "Ofcom", "Ofsted").
OF_REGULATORS: frozenset[str] = frozenset({"Ofwat", "Ofgem", "Ofcom", "Ofsted", "Ofqual", "Oftel", "Ofreg"})
_OF_REGULATOR = re.compile(r"(?<![\w'’.&-])Of[a-z]{3,4}(?![\w'’-])")


def office_regulators(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A UK regulator's one-word name (:data:`OF_REGULATORS`) as an organisation, over a person or a
    place the classifier read there."""
    if "Of" not in text:
        return cands
    names = {m.group(0) for m in capital_matches(_OF_REGULATOR, text) if m.group(0) in OF_REGULATORS}
    return mark_organisations(text, cands, names) if names else cands


_NATION_BODY = re.compile(
    rf"(?<![\w'’.&-])((?:{_CAP}[ \t]+){{1,3}})(England|Scotland|Wales|Northern Ireland|UK)(?![\w'’&-])"
    r"[ \t]+(?:(?:has|had|have|will|would|also|later|then|is|was)[ \t]+)?([a-z]+)"
)


def nation_bodies(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Capitalised words and one of the UK's nations or "UK" before a verb ("Natural Resources Wales said", "NHS
    England had refused", "Food Standards Scotland has recalled", "Age UK said") as one organisation. Not after a
    compass or place modifier ("Northern England has"), a nationality, a title or a month."""
    if "UK" not in text and not any(n in text for n in COUNTRY_SUFFIXES):
        return cands
    names: set[str] = set()
    for m in capital_matches(_NATION_BODY, text):
        words = m.group(1).split()
        while words and words[0].casefold() in NEVER_NAME_START:
            words = words[1:]
        low = [w.casefold() for w in words]
        if not words or any(
            w in PLACE_MODIFIERS or w in DEMONYMS or w in TITLE_WORDS or not_a_name_word(o)
            for w, o in zip(low, words, strict=True)
        ):
            continue
        verb = m.group(3)
        if (
            verb not in REPORTING_VERBS
            and verb not in CLAUSE_REPORTING_VERBS
            and m.group(0).split()[-2]
            not in (
                "has",
                "had",
                "have",
                "will",
                "would",
            )
        ):
            continue
        start = m.start(1) + m.group(1).index(words[0])
        before = _CAP_BEFORE.search(text, max(0, start - 40), start)
        if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue
        if _cued_person_inside(cands, start, m.end(2)):
            continue
        names.add(" ".join([*words, m.group(2)]))
    return mark_organisations(text, cands, names) if names else cands


_END_WORD_RUN = re.compile(rf"(?<![\w'’.&-])((?:{_CAP}[ \t]+){{1,3}})({_CAP})(?![\w'’&-])(?![ \t]+[A-Z])")
#: Last words of an organisation's name that are no head word of the run rules ("Stock Exchange", "Wildlife
#: Trust", "Hallé Orchestra").
_TITLE_CASE_ENDS = ORG_END_WORDS - ORG_HEADS


def end_word_bodies(text: str, cands: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """Two to four capitalised words that nothing read and that end in a word only an organisation's name
    ends with in Title Case ("National Stock Exchange", "Kent Wildlife Trust") as one organisation; not
    a run of words usually written in lower case alone ("Mobile Phone Exchange", "Foreign Exchange"), nor
    one with a month, a weekday or a title inside."""
    folded = text.casefold()  # a match's end word, folded, is in the folded text: most texts have none
    if not any(word in folded for word in _TITLE_CASE_ENDS):
        return cands
    names: set[str] = set()
    for m in capital_pair_matches(_END_WORD_RUN, text):
        if m.group(2).casefold() not in _TITLE_CASE_ENDS:
            continue
        words = m.group(1).split()
        while words and words[0].casefold() in NEVER_NAME_START:
            words = words[1:]
        if not words or any(not_a_name_word(w) or w.casefold() in TITLE_WORDS for w in words):
            continue
        if all(_common(w, common) and w.casefold() not in _QUALIFIERS for w in words):
            continue  # "Mobile Phone Exchange": common words in Title Case, no name, place or "National"
        start = text.index(words[0], m.start(1))
        before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if start == m.start() and before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue
        if any(c.start < m.end() and c.end > start for c in cands):
            continue  # read already: the other rules' ground
        opens = not text[max(0, start - 3) : start].strip(" \t\"“‘'(") or text[:start].rstrip()[-1:] in ".!?:;\n"
        if opens and _common(words[0], common) and len(words) == 1:
            continue  # "Foreign Exchange rates ...": a common word opening a sentence
        names.add(" ".join([*words, m.group(2)]))
    return mark_organisations(text, cands, names) if names else cands


def trade_bodies(
    text: str, cands: list[Candidate], common: frozenset[str], place_type: Callable[[str], str | None]
) -> list[Candidate]:
    """The passes of this module over one document's candidates, in order (``common``: the learned
    model's common words; ``place_type``: the gazetteer's type of a name)."""
    cands = country_departments(text, cands, common, place_type)
    cands = place_trade_bodies(text, cands, common, place_type)
    cands = nation_bodies(text, office_regulators(text, share_firms(text, cands, common, place_type)))
    cands = end_word_bodies(text, cands, common)
    return bracket_defined_bodies(text, cands, common, place_type)
