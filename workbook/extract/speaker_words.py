"""The words and patterns a speaker phrase is read with (titles, generic nouns, gendered marks,
organisation anaphors), the :class:`Speaker` record and :func:`speaker_name_pattern`; used by
:mod:`workbook.extract.speakers`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.extract.ranks import ABBREVIATED_RANKS
from workbook.extract.vocabulary import (
    ABBREVIATED_TITLES,
    FEMALE_GIVEN_NAMES,
    HONORIFICS,
    HUMAN_NOUNS,
    MALE_GIVEN_NAMES,
    ORG_HEADS,
    TITLES,
)

__all__ = [
    "AT_PLACE",
    "BODY_HEAD_NAMES",
    "FEMALE_MARKS",
    "FEMALE_NOUNS",
    "FUNCTION_WORD_GIVEN_NAMES",
    "GENERIC_EXTRA",
    "IDENTIFYING_APPOSITIVE",
    "INFORMAL_TITLES",
    "INITIALS_BEFORE",
    "LOWER_ROLE",
    "MALE_MARKS",
    "MALE_NOUNS",
    "NAMED_ROLE",
    "NAME_JOINS",
    "NAME_THEN_ROLE",
    "OF_BODY_TAIL",
    "OF_LOWER_BODY",
    "OPENING_PHRASE",
    "ORDINAL",
    "ORG_ANAPHORS",
    "OWNER_DOCUMENT",
    "PORTFOLIO_NOUNS",
    "POSTMODIFIER",
    "PUBLIC_BODY_HEADS",
    "QUANTIFIERS",
    "QUOTE_MARKS",
    "RELATION_FIRST",
    "ROLE_FIRST",
    "ROLE_GENDER",
    "ROLE_TITLES",
    "SOURCE_OF",
    "SPEAKER_ABBREVIATIONS",
    "SPEAKER_DETERMINERS",
    "SPEAKER_WORD",
    "UNNAMING_MODIFIERS",
    "UNRESOLVED_PRONOUNS",
    "VERDICT_LEAD",
    "Speaker",
    "gender_of_name",
    "is_role_before_name",
    "is_role_noun",
    "is_title",
    "speaker_name_pattern",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Abbreviations written with a full stop inside a speaker phrase ("Sgt. Ana Ruiz", "Lt. Col.").
SPEAKER_ABBREVIATIONS: frozenset[str] = (
    ABBREVIATED_TITLES | HONORIFICS | _words("spc pfc cpl pvt cmdr cdr brig amb hon pres jr sr dr mr mrs ms prof supt")
)
_TITLE_WORDS = (
    frozenset(w for t in TITLES for w in t)
    | SPEAKER_ABBREVIATIONS
    | ABBREVIATED_RANKS
    | _words(
        """chief deputy senior former acting assistant associate executive head spokesperson officer
        staff sergeant private corporal specialist commander commodore brigadier petty first second third class
        army navy air force marine marines defense defence foreign interior state us u.s. company retired
        attorney surgeon inspector prosecutor adviser advisor superintendent sheriff constable detective
        commissioner councillor councilor honourable honorable
        agency ministry department's ministry's"""
    )
)


#: Role nouns a report writes before a name as a title though they are no rank ("Kelby boss Lucia
#: Ferreira", "parish council chair Alan Birkett"); read after a body's name by
#: :mod:`workbook.extract.speaker_roles`.
INFORMAL_TITLES = _words("boss chair gaffer supremo skipper")


def is_title(word: str) -> bool:
    """A title or rank word (lower case), hyphenated ones too ("vice-marshal", "lieutenant-general")."""
    return word in _TITLE_WORDS or ("-" in word and all(p in _TITLE_WORDS for p in word.split("-")))


SPEAKER_DETERMINERS = _words("the a an his her their its our my your this that these those another other each every")
GENERIC_EXTRA = _words("""article articles report reports document documents paper statement statements letter
    release communique commentary editorial newspaper daily it they we i you one someone somebody
    spokesman spokeswoman spokesperson source sources people public side friends friend acquaintances
    fans fan members member users user participants poster posters blogger bloggers critics family families
    relatives panel indictment indictments complaint lawsuit filing filings affidavit""")
QUANTIFIERS = _words("one two three four five six seven eight nine ten several some many few both all most other")
UNRESOLVED_PRONOUNS = _words("they it we i you them us one")
#: Words that, after "the", stand for an organisation named before: "the ministry said", "the Army added".
ORG_ANAPHORS = ORG_HEADS | _words(
    "military ministry agency department government police air guard coast coastguard firm movement"
    # institutions a report names by their kind once named: "the museum said", "the hospital's chief executive"
    " museum gallery hospital hospice theatre orchestra charity library zoo trust"
    # bodies named by what they do (speaker_kind_nouns): "the regulator said", "the watchdog found"
    " regulator watchdog operator"
)
#: Capitalised function words that are also given names (Scandinavian "Per", Korean "An", "So"): after
#: a cue, with a capitalised word after them ('"…," said Per Aune'), they open a person's name.
FUNCTION_WORD_GIVEN_NAMES = _words("per an so")
#: The heads of a public body a news report names by its function, lower-case, with no name: "the defence
#: ministry", "the air force", "the central election commission" (a speaker shown as written, see
#: :func:`workbook.extract.speaker_titles.unresolved_speaker`).
PUBLIC_BODY_HEADS = _words("""ministry commission committee council force army navy police agency department
    coastguard authority guard court command military government cabinet parliament assembly""")
#: A body's anaphor whose head its name need not hold: "the force" for "Thames Valley Police" or "the Royal
#: Constabulary".
BODY_HEAD_NAMES: dict[str, frozenset[str]] = {"force": _words("force police constabulary")}
#: The titles a person named with one of them is later called by a role noun: "the judge said" after "Mr
#: Justice Colton" or "Recorder Ann Whitcombe" (a title of the bench, not "sheriff": an American police office).
ROLE_TITLES: dict[str, tuple[str, ...]] = {"judge": ("judge", "justice", "recorder", "magistrate")}
#: The last word of a government body named by its portfolio alone, capitalised: "National Defence",
#: "Homeland Security", "Veterans Affairs", "Public Health" (no "Ministry of" or "Department of" before it).
PORTFOLIO_NOUNS = _words("defence defense security affairs health justice transport environment treasury education")
#: Modifiers that say which of the bodies named before is meant, not what body it is ("the same ministry"),
#: or a kind of body that has a name of its own ("the news agency" after "The Lao news agency").
UNNAMING_MODIFIERS = _words("same other new former latter whole entire said above following news")
SOURCE_OF = re.compile(
    r"(?:(?:a|an|the|its|their|his|her)\s+)?(?:joint\s+|news\s+|press\s+|written\s+)?(?:statement|release|"
    r"communiqu[eé]|notice|post|report|announcement|bulletin|(?:survey|poll|study)(?=\s+by))\s+(?:from|by|of|issued\s+by)\s+",
    re.IGNORECASE,
)  # "a survey by X" too (not "a survey of 2,300 members": whom it asked)
OWNER_DOCUMENT = re.compile(
    r"(?P<owner>.+?)['’]s?\s+(?:joint\s+|news\s+|press\s+|written\s+)?(?:statement|release|communiqu[eé]|notice|"
    r"post|report|announcement|bulletin|website|account|office|service|campaign)"
)
#: What follows a speaker's head and is not the speaker: "officials familiar with the plans", "a report seen
#: by Reuters".
POSTMODIFIER = re.compile(
    r"\s+(?:familiar\s+with|close\s+to|briefed\s+on|seen\s+by|obtained\s+by|reviewed\s+by|who|speaking)\b"
    r"|(?<=[a-z][a-rt-z]s)\s+(?!during\b|according\b)[a-z]{2,}ing\b"  # "the countries neighboring Australia"
)
#: The body a person speaks for, after the name: " of the Falcons", ", of Halden Athletic", " at Marlow University".
#: Or a body named by its kind, lower case, with "the": " of the force's road policing unit" (:data:`OF_LOWER_BODY`).
OF_LOWER_BODY = re.compile(
    r"\s+(?:of|at|from)\s+the\s+(?:[a-z][\w'’-]*\s+){0,4}(?:"
    + "|".join(sorted((h for h in ORG_HEADS if h.isalpha()), key=len, reverse=True))
    + r")\b"
)
OF_BODY_TAIL = re.compile(
    r",?\s+(?:of|at|from|for)\s+(?:the\s+)?(?:[A-Z][\w'’&.-]*\s*){1,5}|,?" + OF_LOWER_BODY.pattern
)
#: A sentence opening that gives the quote before it to the person it then names: "That was the verdict of",
#: "This is the view of", "That was how", "Such was the message from" (a noun of saying: "That was the end of
#: X's career" names no speaker).
VERDICT_LEAD = re.compile(
    r"\s*(?:That|This|Such)\s+(?:was|is|were)\s+(?:the\s+(?:[a-z]+\s+)?(?:verdict|view|views|message|warning|reaction"
    r"|response|assessment|advice|words?|opinion|conclusion|judge?ment|plea|promise|vow|reply|answer)\s+(?:of|from)\s+"
    r"|how\s+|what\s+)"
)
#: A role opening a sentence before the name set off by commas: "The U.S. ambassador in Manila, "
ROLE_FIRST = re.compile(r"\s*(?:The|A|An|Its|His|Her|Their|[A-Z][\w.-]*['’]s)\s[^,;:!?\n]{1,80},\s*")
#: A possessive and a lower-case relation or role right before a name, opening a sentence: "His former
#: crewmate Alan Robson", "Her coach Tom Lee", "Their lawyer Ann Cole" (no comma: the name is the subject).
RELATION_FIRST = re.compile(r"\s*(?:His|Her|Their)\s+(?:[a-z][\w'’-]*\s+){1,3}")
#: A role in apposition after a name, set off by commas: ", the chief of naval operations,", ", a Republican from
#: Maine,".
IDENTIFYING_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+[^,.;:!?\n]{3,80},")
#: A gendered role noun before a name set off by a comma: "A spokeswoman for the department, Caroline Leclerc".
ROLE_GENDER = re.compile(
    r"\b(?P<role>(?:spokes|chair|congress|business|police)?(?:wo)?man)\b[^,.;:\n]{0,60},\s*(?:[A-Z][a-z]{1,4}\.\s+){0,3}$",
    re.IGNORECASE,
)
#: A sentence opening with a name and its role: "Andy Start, the chief executive of …".
NAME_THEN_ROLE = re.compile(r"(?:^|(?<=\n)|(?<=[.!?]\s))((?:[A-Z][a-z]+\s){1,2}[A-Z][a-z]+),\s+(?:the|a|an)\s", re.M)
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: A place closing a speaker phrase after a preposition: the speaker is the phrase before it.
AT_PLACE = re.compile(r"\s+(?:in|at|from|near)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+(?:and\s+)?)*$")
NAME_JOINS = _words("of for and on at in the de &")
MALE_MARKS = _words("mr mister sir king prince lord herr he")
FEMALE_MARKS = _words("mrs ms miss madam mme mlle dame queen princess lady she")
#: Nouns that give a person's sex ("the 67-year-old grandmother"): lower case.
MALE_NOUNS = _words("man boy father grandfather son husband brother widower uncle sportsman")
FEMALE_NOUNS = _words("woman girl mother grandmother daughter wife sister widow aunt sportswoman")
SPEAKER_WORD = re.compile(r"[\w][\w'’.-]*")
#: What may open a sentence before its subject: an adverbial phrase set off by a comma ("Soon after
#: his arrival, Theodorus …") or a determiner and lower-case adjectives ("The intrepid Ed Wong …").
OPENING_PHRASE = re.compile(
    r"\s*(?:(?:After|Before|Soon|Shortly|Later|Earlier|In|On|At|During|When|While|Since|Following|Upon|Despite"
    r"|Although|Though|Once|Then|Meanwhile|However|Now|Today|Yesterday|Last|For|Under|Within|Back|[A-Z][a-z]+ly)\b"
    r"[^,;:.!?\"“”]{0,60},|(?:The|A|An)(?:\s+[a-z][\w-]*){1,2})\s*"
)
QUOTE_MARKS = re.compile(r"[\"“”]")
#: Up to four words of a role before a person's name, the last one lower-case ("Shiite cleric",
#: "opposition leader", "rebel commander").
LOWER_ROLE = re.compile(r"(?:[\w'’.-]+\s+){0,3}[a-z][a-z-]+\s+")
#: Capitalised words and a lower-case role noun before a person's name, opening a sentence: "Environment
#: Canada meteorologist Jill Marsh", "Pentagon spokesman John Kirby" (the role checked by :func:`is_role_noun`).
NAMED_ROLE = re.compile(r"(?:[A-Z][\w'’.&-]*\s+){1,4}(?P<role>[a-z][a-z-]+)\s+")
_ROLE_SUFFIXES = ("ist", "er", "or", "ian", "ant")  # and their plurals: "teachers", "farmers"
_ROLE_ENDINGS: tuple[str, ...] = (
    _ROLE_SUFFIXES + tuple(f"{x}s" for x in _ROLE_SUFFIXES) + ("man", "men", "person", "people", "chief", "head")
)


def is_role_noun(word: str) -> bool:
    """Is the lower-case ``word`` a noun naming a person's role ("meteorologist", "spokesman",
    "director", "official")? A verb before a name ("met", "ordered", "told") is not."""
    low = word.casefold()
    if low in HUMAN_NOUNS and low not in _NOT_ROLES:
        return True
    return low.endswith(_ROLE_ENDINGS) and not low.endswith(("ed", "ever", "after", "under", "over", "for"))


def is_role_before_name(word: str) -> bool:
    """Is the lower-case ``word`` a role written before a person's name: a role noun
    (:func:`is_role_noun`) or a one-word title of :data:`~workbook.extract.vocabulary.TITLES`
    ("Millbrook captain Leon Barros", "Harbourside coach Tom Ashworth", "Supreme Court judge Ann Lee")?"""
    return is_role_noun(word) or (word.casefold(),) in TITLES


_NOT_ROLES = frozenset({"he", "she", "they", "we", "i", "it", "statement", "report", "study", "survey", "media"})

#: Initials right before a name ("W. W. Rouse Ball", "J. Smith"): the name is a person's.
INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.\s*){1,3}\s*$")


def speaker_name_pattern(limit: int = 80, *, lazy: bool = False) -> str:
    """A regex fragment for a speaker phrase of at most ``limit`` characters: anything but
    punctuation, except the full stop of an abbreviation ("Sgt.") or an initial ("U.S.", "J.")."""
    abbr = "|".join(sorted((w.capitalize() for w in SPEAKER_ABBREVIATIONS), key=len, reverse=True))
    return rf"(?:\b(?:{abbr})\.|\b[A-Z]\.|[^,.;:!?\"“”\n]){{1,{limit}}}" + ("?" if lazy else "")


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker phrase: ``key`` the entity (or None), ``shown`` the speaker text for
    tables (the entity's name, a name or a qualified phrase; None for pronouns and generic
    nouns), ``as_written`` the phrase as written."""

    key: str | None
    shown: str | None
    as_written: str
    is_name: bool = False  # a name the entity rules did not find ("said Sgt. Ana Ruiz")


def gender_of_name(name: str) -> str | None:
    words = [w.casefold() for w in name.split() if not is_title(w.casefold().rstrip("."))]  # "Vice-Admiral Angus …"
    first = words[0] if words else ""
    male, female = first in MALE_GIVEN_NAMES, first in FEMALE_GIVEN_NAMES
    return "m" if male and not female else "f" if female and not male else None
