"""Organisations and places the sentence does not announce (issue 12, round twenty).

A firm's or a body's name is often written with no cue word around it, in shapes the run rules and the
classifier do not read: a one-word name that is no dictionary word ("Panasonic said", "Transnet hopes"),
a name that opens in lower case ("eBay", "iRobot", "easyJet") or ends in punctuation ("Which?",
"Yahoo!"), a name after a kind word opening the sentence ("Rival Lidl", "Chipmaker Arm"); places and
bodies named by their shape ("West Coast Main Line", "Age UK", "Department for Work and Pensions") are
:mod:`workbook.extract.unannounced_places`'. Passes over one document's candidates (both stages', before
selection), run after :func:`workbook.extract.firm_cues.firm_cues`, in the order of
:func:`unannounced_names`:

* :func:`camel_case_firms`: a word of one to four lower-case letters and a capitalised rest of two or more
  letters ("eBay", "iRobot", "easyJet", "eToro") is an organisation; not after an article, a possessive or
  "new" ("the iPhone", "its iPad", "Apple's iMac": a product), nor before a digit ("iPhone 16"), a bracket
  (code) or after "@", "#" or "/";
* :func:`punctuated_firms`: one to three capitalised words and "?" or "!" a lower-case word follows (or,
  inside a sentence, a comma: "the consumer group Which?, said"), no
  pronoun or answer word ("Which? has urged", "Yahoo! is selling"; not "Why? he asked", "Really? no"),
  nor a verb and a pronoun ("Miramar? are they ..."), and not read as a place or a person, is an
  organisation, punctuation included;
* :func:`lone_firms`: one capitalised word (or two joined by "and") before a reporting verb or a firm's
  act ("Panasonic said", "Unilever agreed", "Equinor and RWE also said", "Spotify raised") where nothing
  was read, that is no word usually written in lower case (the model's list and the built-in English
  words, or a form of one: "Shoppers", "Expressing hope"), no given name or surname the model knows, no
  place the gazetteer knows, and no word of a person the document names (after "and", one the classifier
  alone read as a person when the word before "and" is such a firm: "Kestravo and Ulmindor also said");
  not after a short capitalised word, a particle ("Ten Hag said"); a word in "s" opening a sentence only
  when the document writes it capitalised inside a sentence too ("Shoppers complained": a plural noun);
  such a word after "fined", "acquired" or "run", "owned", "made", "operated", "supplied", "built",
  "backed" and "by" too ("Ofgem has fined Utilita", "a factory run by Vestel"); and a word of three to six
  capitals nothing read before such a verb ("BHP said", "RATP cancelled"), no word usually written in
  lower case, no title ("CEO", "CFO") and not opening a line in capitals;
* :func:`inner_capital_firms`: a capitalised word with another capitalised word inside ("SoftBank",
  "WashPost") or one capital at the end of four lower-case letters ("TenneT"), nothing read there and no
  capitalised word before or after it ("Kim Il SungUniversity": words run together), is an
  organisation; not a person's prefix ("McAdam", "DeShawn", "MacLeod"), nor letters of an abbreviation
  ("PhD", "StoryID");
* :func:`kind_word_openers`: a name read after a kind word opening a sentence ("Rival SSE Airtricity",
  "Chipmaker Nvidia", "Retailer Currys") loses the kind word and is an organisation (not a given name
  after it: "Rival Tom Hale" stays as read); where nothing was read, the words after the kind word are
  an organisation when the first is an unknown word (as :func:`lone_firms` asks: "Rival Deezer left");
* :func:`acronym_people`: one word of three or more capitals that only the classifier read, as a person, is
  an organisation ("LNER and Grand Central passengers"): a person is not named by an acronym in news
  copy (initials are written with stops or beside a name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from workbook.extract.entity_runs import LEARNED, NAMED, Candidate
from workbook.extract.firm_cues import FIRM_KIND_WORDS
from workbook.extract.longer_org_names import not_a_name_word
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.place_org_extents import mark_organisations, put_inside, read_between
from workbook.extract.reporting_words import CLAUSE_REPORTING_VERBS, REPORTING_VERBS
from workbook.extract.shared_scans import capital_matches, literal_matches
from workbook.extract.vocabulary import NEVER_NAME_START
from workbook.ingest.normalise import builtin_words

__all__ = [
    "FIRM_ACTS",
    "OPENING_KIND_WORDS",
    "acronym_people",
    "camel_case_firms",
    "inner_capital_firms",
    "kind_word_openers",
    "lone_firms",
    "punctuated_firms",
    "unannounced_names",
    "unknown_word",
    "usual_word",
]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


#: Verbs of what a firm does that, after a lone unknown word, say it is a firm ("Spotify raised prices",
#: "Unilever agreed to sell", "Ørsted scrapped plans"); reporting verbs count too.
FIRM_ACTS: frozenset[str] = _words(
    """launched launches unveiled unveils scrapped scraps hired hires raised raises cut cuts sold sells bought
    buys acquired acquires recalled recalls cancelled cancels canceled closed closes opened opens plans planned
    expects expected reported reports posted posts won wins signed signs agreed agrees shipped ships fined
    fines listed lists employs employed invested invests bid bids"""
)
_VERBS = frozenset(REPORTING_VERBS.keys() | CLAUSE_REPORTING_VERBS | FIRM_ACTS)
#: Kind words that open a sentence before a firm's name ("Rival Lidl", "Chipmaker Arm", "Retailer Currys").
OPENING_KIND_WORDS: frozenset[str] = FIRM_KIND_WORDS | _words(
    "rival rivals fellow giant bank brewer housebuilder publisher platform startup maker lender group"
)
_NOT_BEFORE_PRODUCT = _words("the a an its their his her our your my new latest this that these those")
#: Endings of inflected forms, cut to find a word usually written in lower case inside ("Expressing").
_SUFFIXES = ("s", "es", "ies", "ed", "ing", "er", "ers", "ly")
#: Short capitalised words that open a sentence before a name; other short ones there may be particles.
_SHORT_OPENERS = _words("The But And Now Yet So Its")
_ANSWERS = _words("i he she you we they it or and not no yes maybe then so well oh what why how")

_CAMEL = re.compile(r"(?<![\w'’.@#/&-])([a-z]{1,4}[A-Z][a-z]{1,}(?:[A-Z][a-z]+)*)(?![\w'’@-])(?![ \t]*[(\d])")
#: A capital between two lower-case letters, as every match of :data:`_CAMEL` holds: ``re`` skips in C
#: from capital to capital (the letters around it looked at from there) rather than trying every letter.
_CAMEL_CHECK = re.compile(r"[A-Z](?<=[a-z][A-Z])(?=[a-z])")
_WORD_BEFORE = re.compile(r"([\w'’]+)[ \t]+\Z")
_PUNCTUATED = re.compile(
    r"(?<![\w'’.&\"“‘-])([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[?!])(?=[ \t]+([a-z]+)\b|(,)[ \t])"
)
#: :data:`_PUNCTUATED` with its look-behind after the capital, so that ``re`` skips in C from capital to capital.
_PUNCTUATED_FAST = re.compile(
    r"([A-Z](?<![\w'’.&\"“‘-][A-Z])[\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[?!])(?=[ \t]+([a-z]+)\b|(,)[ \t])"
)
_PRONOUN_NEXT = re.compile(r"[ \t]+[a-z]+[ \t]+(?:i|he|she|you|we|they|it|there|this|that)\b")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _by_first_letter(words: frozenset[str]) -> str:
    """An alternation of ``words`` grouped by their first letter (``s(?:aid|ays)|a(?:greed|dded)``): ``re``
    tries each group's letter once rather than every word; the same words match (one at most before a
    word's end)."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in sorted(groups.items(), reverse=True))


_LONE_REST = (
    r"(?:[ \t]+and[ \t]+([A-Z][\w'’-]*))?[ \t]+"
    rf"(?:(?:has|have|had|also|will|would|now|on[ \t]+{_DAY})[ \t]+){{0,2}}({_by_first_letter(_VERBS)})"
    r"(?![\w'’-])"
)
_LONE = re.compile(r"(?<![\w'’.&@#/-])([A-Z][a-zà-ÿ]+\d*|[A-Z]{3,6}|[ØÅÆÖÄÜÉÎ][a-zà-ÿ]+)" + _LONE_REST)
#: :data:`_LONE`'s matches that open with an ASCII capital, found by ``finditer`` alone: the pattern opens
#: with the capital (its look-behind after it), so ``re`` skips in C from capital to capital rather than
#: trying the look-behind at every position or matching from Python at each word-start capital.
_LONE_ASCII = re.compile(r"([A-Z](?<![\w'’.&@#/-][A-Z])(?:[a-zà-ÿ]+\d*|[A-Z]{2,5}))" + _LONE_REST)
#: Capitals outside ASCII a lone firm's name may open with ("Ørsted"): texts without them skip that scan.
_OTHER_CAPITALS = re.compile(r"[ØÅÆÖÄÜÉÎ]")
_KIND_NAME = r"[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})(?![\w'’-])"
_KIND_OPENER = re.compile(
    rf"(?<![\w'’.&-])({'|'.join(sorted(w.capitalize() for w in OPENING_KIND_WORDS))})" + _KIND_NAME
)


def _kind_word_firsts() -> str:
    r"""The kind words capitalised, grouped by their capital, each group's capital first and the look-behind
    after it (``R(?<![\w'’.&-]R)(?:ivals|ival)``): ``re`` skips in C to those capitals."""
    groups: dict[str, list[str]] = {}
    for w in sorted(OPENING_KIND_WORDS, reverse=True):
        groups.setdefault(w[0].upper(), []).append(re.escape(w[1:]))
    return "|".join(f"{c}(?<![\\w'’.&-]{c})(?:{'|'.join(rest)})" for c, rest in sorted(groups.items()))


#: :data:`_KIND_OPENER`'s matches, found by ``finditer`` alone (one kind word at most before the space).
_KIND_OPENER_FAST = re.compile(f"({_kind_word_firsts()})" + _KIND_NAME)
_OBJECT = re.compile(
    r"\b(?:fined|acquired|(?:run|owned|made|operated|supplied|built|backed)[ \t]+by)[ \t]+([A-Z][a-z]+\d*)"
    r"(?![\w'’-])(?![ \t]+[A-Z])"
)
#: The words every match of :data:`_OBJECT` opens with (the places a match can start) and a piece every
#: match after "by" holds (``re`` skips to its literal "by"): texts without both skip the scan.
_OBJECT_WORDS = ("fined", "acquired", "run", "owned", "made", "operated", "supplied", "built", "backed")
_BY_CHECK = re.compile(r"by[ \t]+[A-Z]")
_INNER_CAPITAL = re.compile(
    r"(?<![\w'’.@#/&-])([A-Z][a-z]+(?:[A-Z][a-z]+)+|[A-Z][a-z]{3,}[A-Z])(?![\w'’-])(?![ \t]+[A-Z])"
)
_OFFICER = re.compile(r"C[A-Z]O")  # "CEO", "CFO", "COO", "CTO": a chief officer's title
_UPPER_RUN = re.compile(r"[ \t]+[A-Z]{2,}\b")
_INNER_CHECK = re.compile(r"[A-Z](?<=[a-z][A-Z])")  # a capital after a lower-case letter (as _CAMEL_CHECK)
_PERSON_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "Ja", "Jo")
_CAP_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+\Z")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:;\n"


def camel_case_firms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Words opening in lower case with a capitalised rest as organisations (see the module docs)."""
    if not _CAMEL_CHECK.search(text):
        return cands
    names: set[str] = set()
    starts = {at.start() - 1 - k for at in _CAMEL_CHECK.finditer(text) for k in range(4)}
    for m in (m for at in sorted(starts) if at >= 0 and (m := _CAMEL.match(text, at)) is not None):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and (
            before.group(1).casefold() in _NOT_BEFORE_PRODUCT or before.group(1).endswith(("'s", "’s"))
        ):
            continue  # "the iPhone", "Apple's iMac": a product
        names.add(m.group(1))
    return mark_organisations(text, cands, names, possessive_after=True) if names else cands


def punctuated_firms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Capitalised words ending in "?" or "!" before a lower-case word as an organisation (see the module
    docs)."""
    if "? " not in text and "! " not in text and "?, " not in text and "!, " not in text:
        return cands
    for m in _PUNCTUATED_FAST.finditer(text):
        if m.group(2) in _ANSWERS or (m.group(3) and _opens_sentence(text, m.start())):
            continue  # "Why? he asked"; "Really?, ...": a question opening the sentence
        words = m.group(1)[:-1].split()
        if any(not_a_name_word(w) and w not in ("Which", "What") for w in words[1:]) or (
            len(words) == 1 and words[0].casefold() in _ANSWERS
        ):
            continue  # "Why? he asked": a question word alone
        if any(c.type in ("place", "person") for c in read_between(cands, m.start(1), m.end(1))):
            continue  # "Miramar? are they ...": a place or a person asked about
        if _PRONOUN_NEXT.match(text, m.end(1)):
            continue  # "... Miramar? are they just making these up": a question
        cands = put_inside(cands, Candidate(m.start(1), m.end(1), "organization", NAMED, m.group(1)))
    return cands


def usual_word(low: str, common: frozenset[str]) -> bool:
    """Whether ``low`` is a word usually written in lower case (the model's list, the built-in English
    list) or a form of one ("Expressing", "Shoppers", "Fisheries")."""
    english = builtin_words()
    if low in common or low in english:
        return True
    for end in _SUFFIXES:
        stem = low[: -len(end)]
        if low.endswith(end) and any(w in common or w in english for w in (stem, stem + "e", stem[:-1], stem + "y")):
            return True
    return False


def unknown_word(
    word: str, common: frozenset[str], names: Mapping[str, str], place_type: Callable[[str], str | None]
) -> bool:
    """No word usually written in lower case (the model's and the built-in English lists, a plural of one),
    given name, surname, nationality, title or place."""
    low = word.casefold()
    if len(word) < 3 or usual_word(low, common) or low in names or low in DEMONYMS or low in TITLE_WORDS:
        return False
    if not_a_name_word(word) or low in NEVER_NAME_START:
        return False
    return place_type(word) is None


def _capitalised_elsewhere(text: str, word: str, start: int) -> bool:
    """Whether ``word`` is written capitalised inside a sentence somewhere else in ``text``."""
    for m in re.finditer(rf"(?<![\w'’.&-]){re.escape(word)}(?![\w-])", text):
        if m.start() != start and not _opens_sentence(text, m.start()):
            return True
    return False


def lone_firms(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    names: Mapping[str, str],
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """One unknown capitalised word (or two joined by "and") before a reporting verb or a firm's act as an
    organisation (see the module docs); nothing without the learned model's word lists."""
    if not common:
        return cands
    found: set[str] = set()
    lone = list(_LONE_ASCII.finditer(text))
    if not text.isascii() and _OTHER_CAPITALS.search(text):
        lone += [m for m in _LONE.finditer(text) if not m.group(1)[0].isascii()]
    objects = (
        literal_matches(_OBJECT, text, _OBJECT_WORDS)
        if "fined" in text or "acquired" in text or _BY_CHECK.search(text)
        else []
    )
    if not lone and not objects:
        return cands
    people = {  # the words of the people the document names (not one word only the classifier read)
        w
        for c in cands
        if c.type == "person" and (c.strength > LEARNED or " " in text[c.start : c.end].strip())
        for w in text[c.start : c.end].split()
    }
    for m in lone:
        before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and (
            before.group(1).casefold() not in NEVER_NAME_START
            or (len(before.group(1)) < 4 and before.group(1) not in _SHORT_OPENERS)
        ):
            continue  # inside a longer capitalised run; "Ten Hag said", "Van Dijk": a short word is a particle
        for k in (1, 2):
            word = m.group(k)
            if word is None or word in people:
                continue
            if word.isupper():  # "BHP said", "RATP cancelled": an acronym that speaks or acts
                if k == 2 or read_between(cands, m.start(k), m.end(k)) or usual_word(word.casefold(), common):
                    continue
                if word.casefold() in TITLE_WORDS or _OFFICER.fullmatch(word):
                    continue  # "The CEO said", "the CFO said": an officer's title
                if _opens_sentence(text, m.start(k)) and _UPPER_RUN.match(text, m.end(k)):
                    continue  # a line in capitals
                found.add(word)
                continue
            if not unknown_word(word, common, names, place_type):
                continue
            if k == 2 and not word[1:].islower():
                continue  # "RWE", "BT": acronyms are the other rules' ground
            inside = read_between(cands, m.start(k), m.end(k))
            if k == 2 and m.group(1) in found and all(c.type == "person" and c.strength <= LEARNED for c in inside):
                pass  # "Kestravo and Ulmindor also said": the classifier's person beside a firm
            elif inside:
                continue  # read already: the other rules' and the classifier's ground
            opens = k == 1 and _opens_sentence(text, m.start(k))
            if (
                opens
                and word.endswith("s")
                and not word.endswith("ss")
                and not _capitalised_elsewhere(text, word, m.start(k))
            ):
                continue  # "Shoppers complained", "Campaigners said": a plural noun opening the sentence
            found.add(word)
    for m in objects:  # "fined Utilita", "run by Vestel"
        word = m.group(1)
        if unknown_word(word, common, names, place_type) and word not in people and not read_between(cands, *m.span(1)):
            found.add(word)
    return mark_organisations(text, cands, found, possessive_after=True) if found else cands


def inner_capital_firms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A capitalised word with another capital inside where nothing was read ("TenneT", "SoftBank") as an
    organisation (see the module docs)."""
    found: set[str] = set()
    if not _INNER_CHECK.search(text):
        return cands
    for m in capital_matches(_INNER_CAPITAL, text):
        word = m.group(1)
        if word.startswith(_PERSON_PREFIXES) or read_between(cands, m.start(), m.end()):
            continue
        before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue  # "Kim Il SungUniversity": two words of a longer name run together
        found.add(word)
    return mark_organisations(text, cands, found, possessive_after=True) if found else cands


def kind_word_openers(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    names: Mapping[str, str],
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """A name after a kind word opening a sentence, without the kind word, as an organisation (see the
    module docs)."""
    found: set[str] = set()
    openers = [m for m in _KIND_OPENER_FAST.finditer(text) if _opens_sentence(text, m.start())]
    if not openers:
        return cands
    for m in openers:
        words = m.group(2).split()
        if read_between(cands, m.start(2), m.end(2)) or not unknown_word(words[0], common, names, place_type):
            continue
        found.add(" ".join(words))
    if found:
        cands = mark_organisations(text, cands, found, possessive_after=True)
    starts = {m.start() for m in openers}
    out: list[Candidate] = []
    for c in cands:
        if c.start not in starts:
            out.append(c)
            continue
        words = text[c.start : c.end].split()
        if (
            len(words) > 1
            and c.type in ("person", "organization")
            and c.strength <= NAMED
            and (c.person is None or c.strength <= LEARNED)
            and words[0].casefold() in OPENING_KIND_WORDS
            and _opens_sentence(text, c.start)
            and "g" not in names.get(words[1].casefold(), "")
        ):
            start = text.index(words[1], c.start + len(words[0]))
            out.append(Candidate(start, c.end, "organization", NAMED, " ".join(words[1:])))
            continue
        out.append(c)
    return out


def acronym_people(text: str, cands: list[Candidate]) -> list[Candidate]:
    """One word of three or more capitals only the classifier read as a person as an organisation (see the
    module docs)."""
    out: list[Candidate] = []
    for c in cands:
        word = text[c.start : c.end]
        if c.type == "person" and c.strength <= LEARNED and len(word) >= 3 and word.isalpha() and word.isupper():
            out.append(Candidate(c.start, c.end, "organization", NAMED, word))
        else:
            out.append(c)
    return out


def unannounced_names(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    names: Mapping[str, str],
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """The passes of this module over one document's candidates, in order (``common``, ``names``: the
    learned model's common words and given names and surnames; ``place_type``: the gazetteer's type of a
    name)."""
    cands = punctuated_firms(text, camel_case_firms(text, cands))
    cands = kind_word_openers(text, inner_capital_firms(text, cands), common, names, place_type)
    cands = lone_firms(text, cands, common, names, place_type)
    return acronym_people(text, cands)
