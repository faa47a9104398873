"""Firms and bodies the words around them name, when their own words do not (issue 12, round nineteen).

A one-word firm whose name is no dictionary word ("Ryanair", "Vattenfall", "Glencore") has no head word
for the run rules and is often unknown to the classifier; a body named by common words ("Network Rail",
"Citizens Advice", "Transport Focus") looks like a phrase in Title Case. What the sentence says about
them is what only a firm or a body does. Passes over one document's candidates (both stages', before
selection), run last in :func:`workbook.extract.body_names.body_names`, in the order of
:func:`firm_cues`:

* :func:`firm_deeds`: capitalised words (or two joined by "and") before what only a firm does — cut or
  raised its (or their) forecast, outlook, dividend, profit ...; beat or missed forecasts; won a ...
  contract; issued a profit warning; reported a ... profit, loss, rise or fall; grounded or cancelled
  flights, trains or services ("Ryanair cut its profit forecast", "Glencore and Anglo American both cut
  their output forecasts", "Vattenfall has won a contract", "Lufthansa grounded flights");
* :func:`firm_appositions`: a name and an apposition whose last word is a firm's or a body's kind
  ("Verdi, the services union,", "StepChange, the debt charity,", "Arcadium, a lithium producer,") or such a
  kind right before the name ("the airline Qantas", "the regulator Ofgem"), and a name before a firm's
  possessive role ("Sainsbury's chief executive", "Centrica's shareholders");
* :func:`firm_forms`: a name the classifier read as a person whose last word is a firm's form or trade
  ("Toyota Motor", "Anglo Mining", "Acme Holdings") or whose first is a foreign language's firm word
  ("Deutsche Bahn", "Banco Santander"); an organisation "A Group and B" of two firms split at "and" when
  the word before "and" is a legal form ("SoftBank Group and Tokyo Electron");
* :func:`said_bodies`: two or three Title Case words usually written in lower case before a reporting verb
  (or a body's act: :data:`~workbook.extract.body_verbs.SAID_BODY_VERBS`),
  nothing read there and no given name first ("Network Rail said", "Citizens Advice said", "Energy Saving
  Trust warned");
* :func:`listed_firms`: in a list ("A, B and C", "A and B") holding an organisation, the other members of one
  or two capitalised words nothing read (or one word the classifier alone read as a person) are organisations
  ("Vodafone, Virgin Media and TalkTalk", "Exxaro and Thungela"); not a given name alone, nor in a list
  with a pronoun ("Collins College, Isabel and I"), a place or a place's plural after it ("Usi, Kyongsong and
  Kumya counties").

Each name found is an organisation at every other mention in the document. Never over a place the
gazetteer knows, a person a cue gave, a title, a month or a weekday, nor from inside a longer capitalised
run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from workbook.extract.body_verbs import SAID_BODY_VERBS
from workbook.extract.entity_runs import CUED_PERSON, LEARNED, NAMED, Candidate
from workbook.extract.longer_org_names import not_a_name_word
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.new_firm_kinds import NEW_FIRM_KINDS
from workbook.extract.org_names import about_business
from workbook.extract.place_org_extents import COUNTRY_SUFFIXES, mark_organisations
from workbook.extract.shared_scans import capital_matches, capital_pair_matches, literal_matches
from workbook.extract.vocabulary import NEVER_NAME_START

__all__ = [
    "FIRM_FORM_WORDS",
    "FIRM_KIND_WORDS",
    "FOREIGN_FIRM_WORDS",
    "LEGAL_FORMS",
    "firm_appositions",
    "firm_cues",
    "firm_deeds",
    "firm_forms",
    "listed_firms",
    "said_bodies",
]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


#: Last words of an apposition or a phrase before a name that say the name is a firm's or a body's
#: ("Verdi, the services union", "the airline Qantas", "BHP, the world's biggest miner").
FIRM_KIND_WORDS: frozenset[str] = (
    _words(
        """airline carrier utility charity watchdog regulator union chipmaker carmaker drugmaker automaker
    planemaker steelmaker retailer supermarket grocer lender insurer firm company conglomerate broadcaster
    manufacturer supplier producer operator miner"""
    )
    | NEW_FIRM_KINDS
)  # "Brixtel, the Leeds payments start-up,"
#: Kind words a person can be called too: only after a modifier ("the train operator", "a lithium producer";
#: "miner" only after "the"), and not after these modifiers ("a crane operator", "a film producer").
_PERSON_KINDS = frozenset({"producer", "operator", "miner", "supplier"})
_PERSON_KIND_MODIFIERS = _words(
    """film record music tv television movie theatre theater executive line radio camera crane machine
    forklift sound tour coal former retired"""
)
#: Last words of a firm's name that no person's name ends with ("Toyota Motor", "Rio Holdings").
FIRM_FORM_WORDS: frozenset[str] = _words(
    """motor motors chemical chemicals electronics pharma pharmaceuticals petroleum mining minerals
    resources logistics semiconductor semiconductors robotics therapeutics biosciences brewing breweries
    holdings plc inc ltd ag sa nv se gmbh spa oyj asa ab"""
)
#: First words of firms' names in other languages ("Deutsche Bahn", "Banco Santander", "Groupe Renault").
FOREIGN_FIRM_WORDS: frozenset[str] = _words(
    """deutsche deutscher française francaise nederlandse svenska norske danske schweizerische
    österreichische banco banca groupe grupo compagnie société societe"""
)
#: A firm's legal form before "and" that ends one firm's name ("SoftBank Group and Tokyo Electron").
LEGAL_FORMS: frozenset[str] = _words("group holdings inc plc ltd corp corporation limited llc ag sa nv se")

_CAP = r"[A-Z][\w'’-]*"
_NAME = rf"{_CAP}(?:[ \t]+{_CAP}){{0,2}}"
_CAP_BEFORE = re.compile(rf"({_CAP})[ \t]+\Z")
_W = r"[\w.,%'’-]+[ \t]+"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DEED = re.compile(
    rf"(?<![\w'’.&-])({_NAME})(?:[ \t]+and[ \t]+({_NAME}))?[ \t]+"
    rf"(?:(?:has|have|had|also|both|again|on[ \t]+{_DAY})[ \t]+){{0,2}}(?:"
    r"(?:cut|raised|lifted|lowered|trimmed|slashed|kept|maintained|reaffirmed|narrowed|withdrew|scrapped)[ \t]+"
    rf"(?:its|their)[ \t]+(?:{_W}){{0,3}}?(?:forecasts?|outlook|guidance|dividends?|targets?|profits?|revenue"
    r"|sales|output|production|stake)"
    r"|cut[ \t]+(?:power|electricity|gas|water)[ \t]+(?:supplies[ \t]+)?to"
    rf"|reports?(?:[ \t]+(?:its|their|quarterly|annual|half-year|full-year|results|earnings|figures))*[ \t]+"
    rf"(?:on[ \t]+{_DAY}|next[ \t]+week|tomorrow)"
    rf"|(?:beat|missed|topped)[ \t]+(?:{_W}){{0,2}}?(?:forecasts|expectations|estimates)"
    rf"|(?:won|secured|landed)[ \t]+a[ \t]+(?:{_W}){{0,4}}?contract"
    rf"|issued[ \t]+(?:a|another|its)[ \t]+(?:{_W}){{0,2}}?profit[ \t]+warning"
    rf"|(?:reported|posted|booked)[ \t]+(?:a|an)[ \t]+(?:{_W}){{0,5}}?(?:profit|loss|revenue|rise|fall|drop|jump"
    r"|increase|decline)"
    rf"|(?:grounded|cancelled|canceled|axed|added)[ \t]+(?:{_W}){{0,3}}?(?:flights?|trains?|services|sailings)"
    r")(?![\w'’-])"
)
#: A piece every ``_DEED`` match holds (a blank, one of its verbs, a blank): texts without it skip the scan
#: (most texts; the scan tries the pattern at every word-start capital).
_DEED_CHECK = re.compile(
    r"[ \t](?:cut|raised|lifted|lowered|trimmed|slashed|kept|maintained|reaffirmed|narrowed|withdrew|scrapped"
    r"|reports?|beat|missed|topped|won|secured|landed|issued|reported|posted|booked|grounded|cancelled|canceled"
    r"|axed|added)[ \t]"
)
#: ``_DEED_CHECK`` with a space before the verb: a search that opens with a literal ``re`` skips to (the class of
#: two blanks is ten times slower); a text with a tab is searched with ``_DEED_CHECK`` too.
_DEED_CHECK_SPACE = re.compile(" " + _DEED_CHECK.pattern.removeprefix("[ \\t]"))
_KIND = "|".join(sorted(FIRM_KIND_WORDS))
_APPOSITION = re.compile(
    rf"(?<![\w'’.&-])({_NAME}),[ \t]+(the|a|an)[ \t]+((?:[\w'’-]+[ \t]+){{0,3}}?)({_KIND})"
    r"(?=[ \t]*[,.;:)]|[ \t]+(?:which|that|and)\b)"  # not "in County Durham, the company said": a clause
)
#: A piece every ``_APPOSITION`` match holds: texts without it skip the scan.
_APPOSITION_CHECK = re.compile(rf",[ \t]+(?:the|a|an)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?(?:{_KIND})")
_KIND_BEFORE = re.compile(
    rf"\b(?:the|The)[ \t]+((?:[a-z][\w'’-]*[ \t]+){{0,2}}?)({_KIND})(?:[ \t]+|(,)[ \t]+)({_NAME})(?![\w'’&-])"
)
#: A market report's verbs of a share price ("Anglo American fell after ...", "Severn Trent slipped 2 percent").
_MARKET_MOVE = re.compile(
    rf"(?<![\w'’.&-])({_NAME})(?:[ \t]+and[ \t]+({_NAME}))?[ \t]+(?:rose|fell|slipped|jumped|gained|climbed|dropped"
    r"|slid|tumbled|surged|rallied|sank|plunged|soared|eased)(?=[ \t]+(?:\d|after\b|as\b)|[,.])"
)
#: The people only a firm has ("Ticketmaster customers", "Aviva policyholders").
_FIRM_PEOPLE_WORDS = ("customers", "passengers", "shareholders", "subscribers", "bondholders", "policyholders")
_FIRM_PEOPLE = re.compile(rf"(?<![\w'’.&-])({_NAME})[ \t]+(?:{'|'.join(_FIRM_PEOPLE_WORDS)})\b")
_POSSESSIVE = re.compile(
    rf"(?<![\w'’.&-])({_NAME})['’]s[ \t]+(?:chief[ \t]+executive|chief[ \t]+financial[ \t]+officer|chairman"
    r"|chairwoman|shareholders|share[ \t]+price|(?:annual|full-year|quarterly|half-year|pre-tax|underlying)[ \t]+"
    r"(?:profits?|revenue|earnings|results))\b"
)
#: A piece every ``_POSSESSIVE`` match holds ("'s" or "’s", blanks and the first word of a role): texts
#: without it skip the scan (one search per quote mark, each opening with a literal ``re`` skips to).
_POSSESSIVE_CHECKS = tuple(
    re.compile(rf"{mark}s[ \t]+(?:chief|chair|share|annual|full-year|quarterly|half-year|pre-tax|underlying)")
    for mark in "'’"
)
#: A piece every ``_KIND_BEFORE`` match holds, searched in the reversed text: a blank, a kind word and a blank or
#: a comma and a blank after it (reversed, so that the search opens with a literal blank ``re`` skips to, rather
#: than with the kind words' many first letters); the second form for a tab after the kind word or its comma.
_KIND_REVERSED = "|".join(sorted(k[::-1] for k in FIRM_KIND_WORDS))
_KIND_BEFORE_CHECKS = (
    re.compile(rf" ,?(?:{_KIND_REVERSED})[ \t]"),
    re.compile(rf"[ \t],?(?:{_KIND_REVERSED})[ \t]"),
)
_NOT_MODIFIERS = frozenset({"of", "for", "at", "in", "on", "with", "to", "from", "by", "whose", "who"})
_SAID = re.compile(rf"(?<![\w'’.&-])((?:{_CAP}[ \t]+){{1,2}}{_CAP})[ \t]+(?:has[ \t]+|had[ \t]+)?([a-z]+)\b")
_LIST = re.compile(
    rf"(?<![\w'’.&-])({_NAME}(?:,[ \t]+{_NAME}){{0,5}},?[ \t]+and[ \t]+{_NAME})(?![\w'’&-])(?![ \t]+[A-Z])"
)
#: A piece every ``_LIST`` match holds: "and" between blanks and a capital after it; the first form (a space
#: before "and") opens with a literal ``re`` skips to, the second is for a text with a tab.
_LIST_CHECKS = (re.compile(r" and[ \t]+[A-Z]"), re.compile(r"[ \t]and[ \t]+[A-Z]"))
_MEMBER_SPLIT = re.compile(r",?[ \t]+and[ \t]+|,[ \t]+")
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)")
_NOT_AFTER_FIRMS = frozenset(
    ["of", "for", "counties", "provinces", "districts", "cities", "towns", "villages", "regions", "states", "islands"]
)


def _common(word: str, common: frozenset[str]) -> bool:
    low = word.casefold()
    return low in common or (low.endswith("s") and low[:-1] in common) or (low.endswith("ing") and low[:-3] in common)


def _place(words: str, place_type: Callable[[str], str | None]) -> bool:
    return words in COUNTRY_SUFFIXES or place_type(words) == "place"


def _name_words(words: list[str], common: frozenset[str], place_type: Callable[[str], str | None]) -> bool:
    """Words that can be a firm's name: the first no common word, nationality, title or place; none a
    month, a weekday, a title or a word that never opens a name."""
    if not words or not common or _place(" ".join(words), place_type):
        return False
    first = words[0].casefold()
    if _common(words[0], common) or first in DEMONYMS or _place(words[0], place_type) or len(words[0]) < 2:
        return False
    return not any(not_a_name_word(w) or w.casefold() in TITLE_WORDS for w in words)


def _run_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a capitalised run (no capitalised word but a sentence opener before it)."""
    before = _CAP_BEFORE.search(text, max(0, start - 40), start)
    return before is None or before.group(1).casefold() in NEVER_NAME_START


def _trimmed(text: str, start: int, name: str) -> tuple[int, list[str]]:
    """The name's words past openers ("On", "The") and where they start."""
    words = name.split()
    while words and words[0].casefold() in NEVER_NAME_START:
        words = words[1:]
    return (text.index(words[0], start) if words else start), words


def _person_cued(cands: list[Candidate], start: int, end: int) -> bool:
    return any(c.start < end and c.end > start and c.strength >= CUED_PERSON for c in cands)


def firm_deeds(
    text: str, cands: list[Candidate], common: frozenset[str], place_type: Callable[[str], str | None]
) -> list[Candidate]:
    """Names before what only a firm does, one or two joined by "and" (see the module docs)."""
    names: set[str] = set()
    found = capital_matches(_DEED, text) if _deed_may_match(text) else []
    if any(word in text for word in _FIRM_PEOPLE_WORDS):
        found += capital_matches(_FIRM_PEOPLE, text)
    if about_business(text):
        found += capital_matches(_MARKET_MOVE, text)
    for m in found:
        if not _run_start(text, m.start()):
            continue
        for k in (1, 2):
            if k > (m.re.groups or 0) or m.group(k) is None:
                continue
            start, words = _trimmed(text, m.start(k), m.group(k))
            end = start + len(" ".join(words)) if words else start
            if _name_words(words, common, place_type) and not _person_cued(cands, start, end):
                names.add(" ".join(words))
    return mark_organisations(text, cands, names, possessive_after=True) if names else cands


def _deed_may_match(text: str) -> bool:
    """Whether ``text`` holds the piece of ``_DEED_CHECK`` (a necessary condition of a ``_DEED`` match)."""
    return _DEED_CHECK_SPACE.search(text) is not None or ("\t" in text and _DEED_CHECK.search(text) is not None)


def _kind_ok(article: str, modifiers: list[str], kind: str) -> bool:
    if any(w.casefold() in _NOT_MODIFIERS for w in modifiers):
        return False
    if kind in _PERSON_KINDS:  # "the train operator", "a lithium producer"; not "a film producer", "a miner"
        if kind == "miner" and article.casefold() != "the":
            return False
        if kind == "supplier" and article.casefold() == "the":
            return True  # "The supplier, Bakkavor, said"
        return bool(modifiers) and modifiers[-1].casefold() not in _PERSON_KIND_MODIFIERS
    return True


def firm_appositions(
    text: str, cands: list[Candidate], common: frozenset[str], place_type: Callable[[str], str | None]
) -> list[Candidate]:
    """Names an apposition, a kind word before them or a firm's possessive role calls a firm or a body
    (see the module docs); a body of common words ("Transport Focus, the passenger watchdog") too."""
    names: set[str] = set()
    found: list[tuple[int, str, bool]] = []  # start, name, common words allowed
    if "," in text and _APPOSITION_CHECK.search(text):
        for m in capital_matches(_APPOSITION, text):
            if _run_start(text, m.start()) and _kind_ok(m.group(2), m.group(3).split(), m.group(4)):
                found.append((m.start(1), m.group(1), True))
    if ("the " in text or "The " in text) and _kind_before_may_match(text):
        for m in literal_matches(_KIND_BEFORE, text, ("the", "The")):
            if m.group(3) is not None and not text.startswith(",", m.end()):
                continue  # "The supplier, Bakkavor, said": an apposition closes with a comma
            if _kind_ok("the", m.group(1).split(), m.group(2)) and not re.match(r"[ \t]+[A-Z]", text[m.end() :]):
                found.append((m.start(4), m.group(4), True))
    if ("'s " in text or "’s " in text) and any(check.search(text) for check in _POSSESSIVE_CHECKS):
        for m in capital_matches(_POSSESSIVE, text):
            if _run_start(text, m.start()):
                found.append((m.start(1), m.group(1), False))
    for at, name, commons in found:
        start, words = _trimmed(text, at, name)
        if not words or _person_cued(cands, start, start + len(" ".join(words))):
            continue
        if (
            commons
            and not _place(" ".join(words), place_type)
            and not any(not_a_name_word(w) or w.casefold() in TITLE_WORDS or w.casefold() in DEMONYMS for w in words)
        ) or _name_words(words, common, place_type):
            names.add(" ".join(words))
    return mark_organisations(text, cands, names, possessive_after=True) if names else cands


def _kind_before_may_match(text: str) -> bool:
    """Whether ``text`` holds the piece of :data:`_KIND_BEFORE_CHECKS` (a necessary condition of a match)."""
    backwards = text[::-1]
    return _KIND_BEFORE_CHECKS[0].search(backwards) is not None or (
        "\t" in text and _KIND_BEFORE_CHECKS[1].search(backwards) is not None
    )


def firm_forms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A person the classifier read that is a firm's form ("Toyota Motor", "Deutsche Bahn"), and an
    organisation "A Group and B" split in two (see the module docs)."""
    out: list[Candidate] = []
    for c in cands:
        words = text[c.start : c.end].split()
        if (
            c.type == "person"
            and c.strength < CUED_PERSON
            and len(words) > 1
            and (words[-1].casefold() in FIRM_FORM_WORDS or words[0].casefold() in FOREIGN_FIRM_WORDS)
        ):
            out.append(Candidate(c.start, c.end, "organization", NAMED, c.name))
            continue
        if c.type == "organization" and " and " in text[c.start : c.end]:
            at = text.index(" and ", c.start)
            left, right = text[c.start : at].split(), text[at + 5 : c.end].split()
            if len(left) > 1 and left[-1].casefold() in LEGAL_FORMS and 0 < len(right) <= 3 and right[0][:1].isupper():
                right_start = at + 5
                out += [
                    Candidate(c.start, at, "organization", NAMED, " ".join(left)),
                    Candidate(right_start, c.end, "organization", NAMED, " ".join(right)),
                ]
                continue
        out.append(c)
    return out


def said_bodies(text: str, cands: list[Candidate], common: frozenset[str], names: Mapping[str, str]) -> list[Candidate]:
    """Two or three Title Case common words before a reporting verb as a body (see the module docs)."""
    if not common:
        return cands
    found: set[str] = set()
    for m in capital_pair_matches(_SAID, text):
        if m.group(2) not in SAID_BODY_VERBS:
            continue
        start, words = _trimmed(text, m.start(1), m.group(1))
        if len(words) < 2 or not _run_start(text, m.start()):
            continue
        last = words[-1].casefold()
        if last.endswith("s") and last[:-1] in common:
            continue  # "Human Rights Groups said": a plural of common words, no body's name
        if "g" in names.get(words[0].casefold(), "") or any(
            not _common(w, common) or not_a_name_word(w) or w.casefold() in TITLE_WORDS or w.casefold() in DEMONYMS
            for w in words
        ):
            continue
        end = start + len(" ".join(words))
        if any(c.start < end and c.end > start for c in cands):
            continue  # read already: the other rules' ground
        found.add(" ".join(words))
    return mark_organisations(text, cands, found, possessive_after=True) if found else cands


def listed_firms(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    place_type: Callable[[str], str | None],
    names: Mapping[str, str],
) -> list[Candidate]:
    """The other members of a list that holds an organisation (see the module docs)."""
    if " and " not in text or not _list_may_match(text):
        return cands
    found: set[str] = set()
    for m in capital_matches(_LIST, text):
        if not _run_start(text, m.start()):
            continue
        members, pos = [], m.start(1)
        for part in _MEMBER_SPLIT.split(m.group(1)):
            at = text.index(part, pos)
            members.append((at, at + len(part), part))
            pos = at + len(part)
        if any(not_a_name_word(part) for _, _, part in members):
            continue  # "Collins College, Isabel and I": people with a pronoun, no list of firms
        after = _WORD_AFTER.match(text, m.end())
        if after is not None and after.group(1) in _NOT_AFTER_FIRMS:
            continue  # "Usi, Kyongsong and Kumya counties", "Towers and Cemeteries of ...": no list of firms
        if any(c.type == "place" and c.start < m.end() and c.end > m.start() for c in cands):
            continue  # a list holding a place: places, or a firm's towns
        spans = {(c.start, c.end): c for c in cands}
        if not any((s, e) in spans and spans[(s, e)].type == "organization" for s, e, _ in members):
            continue
        for s, e, part in members:
            words = part.split()
            if len(words) > 2 or not _name_words(words, common, place_type):
                continue
            if len(words) == 1 and "g" in names.get(words[0].casefold(), ""):
                continue  # a given name alone ("Isabel") is a person's
            inside = [c for c in cands if c.start < e and c.end > s]
            if not inside or (len(words) == 1 and all(c.type == "person" and c.strength <= LEARNED for c in inside)):
                found.add(part)
    return mark_organisations(text, cands, found, possessive_after=True) if found else cands


def _list_may_match(text: str) -> bool:
    """Whether ``text`` holds the piece of ``_LIST_CHECKS`` (a necessary condition of a ``_LIST`` match)."""
    return _LIST_CHECKS[0].search(text) is not None or ("\t" in text and _LIST_CHECKS[1].search(text) is not None)


def firm_cues(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    place_type: Callable[[str], str | None],
    names: Mapping[str, str],
) -> list[Candidate]:
    """The passes of this module over one document's candidates, in order (``common``: the learned
    model's common words; ``place_type``: the gazetteer's type of a name; ``names``: the model's given
    names and surnames)."""
    cands = firm_appositions(text, firm_deeds(text, cands, common, place_type), common, place_type)
    cands = said_bodies(text, firm_forms(text, cands), common, names)
    return listed_firms(text, cands, common, place_type, names)
