"""Where a name begins and ends: the classifier's spans cut at "of" when they hold two names.

The classifier scores candidate spans of up to a few words and sometimes takes two names joined by
"of" as one, or a capitalised common noun opening a sentence as the first word of a name:

* "Sheriff Tom Dart of Cook County", "Coach Ana Ruiz of Real Betis", "Alexander Gordon of
  Auchintoul": a person span whose part after "of" is a place the gazetteer knows or a name with an
  organisation or facility head is the person and that place or organisation
  (:func:`split_person_of`);
* "Shares of Tesla fell", "Residents of Springfield said": a span opening a sentence with a word
  usually written in lower case, then "of", is the name after "of" alone, typed as the classifier
  reads that part, or as the whole when it reads no name there and the whole is no person
  (:func:`common_opener_of`).

Both work on :class:`~workbook.extract.ner_model.ScoredSpan` and the classifier's probabilities of the
sub-spans it scored; nothing is looked up outside the document but the gazetteer's types.

A given name read apart from the particle-led family name after it ("Marine" + "Le Pen") is one
person (:func:`join_particle_names`). Names joined by "&" are one organisation ("Ernst & Young",
"Procter & Gamble", "Holland & Hart", "Michael L. Beatty & Associates"), unless they are authors cited
with a year ("Dye & Bavelier, 2010"; :func:`ampersand_names`). A town with a sports club's opening
or closing word is the club ("Real Madrid", "Manchester United"; :func:`club_names`), not the town.
A listed given name and a family name that nothing else read ("Tim Cook said", "Erik ten Hag") is a
person (:func:`given_name_pairs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.ner_model import CLASSES, ScoredSpan
from workbook.extract.org_names import CLUB_PREFIXES, CLUB_SUFFIXES, DEFENCE_ORGS
from workbook.extract.shared_scans import capital_matches, shared_finditer
from workbook.extract.vocabulary import FACILITY_HEADS, KNOWN_ORGS, NAME_CONNECTORS, NEVER_NAME_START, ORG_HEADS

__all__ = [
    "LINE_PLACE_TAILS",
    "PLACE_OPENERS",
    "PLACE_TAILS",
    "ampersand_names",
    "capitalised_particle_start",
    "club_names",
    "common_opener_len",
    "common_opener_of",
    "given_name_pairs",
    "join_particle_names",
    "particle_orgs",
    "place_of_name",
    "split_person_of",
]

_OF = re.compile(r"[ \t]+of(?:[ \t]+the)?[ \t]+")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w'’-]*[a-z])[ \t]+$")
_HEADS = ORG_HEADS | FACILITY_HEADS
_PERSON = CLASSES.index("person")
#: The first word of a place named "X of Y" that the gazetteer need not know ("Gulf of Mexico", "Bay of
#: Bengal", "Isle of Wight", "Strait of Hormuz"); "Line" only before "Control" or "Contact" ("Line of
#: Control", "Line of Actual Control", "Line of Contact").
PLACE_OPENERS: frozenset[str] = frozenset({"gulf", "bay", "sea", "strait", "straits", "isle", "isles", "cape", "lake"})
#: The last words after which "Line of ..." is a place (a ceasefire or border line).
LINE_PLACE_TAILS: frozenset[str] = frozenset({"control", "contact"})
#: The last word of a place name that the gazetteer need not know ("Cook County", "Hubei Province").
PLACE_TAILS: frozenset[str] = frozenset(
    {
        "county",
        "province",
        "state",
        "city",
        "district",
        "region",
        "island",
        "islands",
        "parish",
        "borough",
        "township",
        "prefecture",
        "oblast",
        "governorate",
        "municipality",
        "shoal",
        "shoals",
        "reef",
        "atoll",
        "strait",
        "peninsula",
    }
)
_NAME_TYPES = frozenset({"person", "organization", "place", "facility"})
#: What stands before a word that opens a sentence (or a line).
_OPENERS = frozenset(".!?:;\"“‘'(\n")


def _words(text: str, a: int, b: int) -> tuple[str, ...]:
    return tuple(text[a:b].split())


def _type_of_rest(words: Sequence[str], gaz_type: Callable[[str], str | None]) -> str | None:
    """The type of the name after "of": a name with a head word (the last head decides: "District
    Court for the District of Columbia" is an organisation), a place ending in a place word ("Cook
    County") or a place the gazetteer knows."""
    heads = [w.casefold() for w in words if w.casefold() in _HEADS]
    if heads:
        return "organization" if heads[-1] in ORG_HEADS else "facility"
    if words[-1].casefold() in PLACE_TAILS:
        return "place"
    found = gaz_type(" ".join(words))
    return "place" if found == "place" else None


def split_person_of(
    text: str,
    span: ScoredSpan,
    probs: Mapping[tuple[int, int], Sequence[float]],
    gaz_type: Callable[[str], str | None],
) -> list[ScoredSpan]:
    """A classifier person "Tom Dart of Cook County" → "Tom Dart" (person) and "Cook County" (place),
    when the words after "of" are a gazetteer place or a head-word name and the words before are a
    name of two to four capitalised words, no title or head word ("Duke of Sussex", "Bank of
    England", "Joan of Arc", "Joan Marsh of Nowhere Special" stay whole). After a capitalised word the
    classifier left out, one word before "of" is a family name, and one or two capitalised words after it
    that are no place name the person's organisation ("Lando" + "Norris of McLaren" → "Norris", "McLaren").
    The person keeps the classifier's reading of its part when it scored it.
    A first part ending in a place word ("Mangyongdae District of Pyongyang") is a place.
    Otherwise ``[span]``."""
    if span.type != "person" or len(span.words) < 3:
        return [span]
    m = _OF.search(text, span.start, span.end)
    if m is None:
        return [span]
    left = _words(text, span.start, m.start())
    right = _words(text, m.end(), span.end)
    if not (1 <= len(left) <= 4 and right) or not all(w[:1].isupper() for w in (*left, right[0])):
        return [span]
    if any(w.casefold().rstrip(".") in TITLE_WORDS or w.casefold() in _HEADS for w in left):
        return [span]
    rest = _type_of_rest(right, gaz_type)
    if len(left) == 1 and not _given_name_before(text, span.start):
        return [span]  # one word is a family name only after its given name: "Joan of Arc" stays whole
    if rest is None and len(left) == 1 and len(right) <= 2 and all(w[:1].isupper() for w in right):
        rest = "organization"  # "(Lando) Norris of McLaren": who a person is with, when no place
    if rest is None:
        return [span]
    row = probs.get((span.start, m.start()))
    prob, p_none = (row[_PERSON], row[0]) if row is not None else (span.prob, span.p_none)
    first = "place" if left[-1].casefold() in PLACE_TAILS else "person"  # "Mangyongdae District of Pyongyang"
    return [
        ScoredSpan(span.start, m.start(), first, prob, p_none, left, span.left),
        ScoredSpan(m.end(), span.end, rest, 1.0, 0.0, right, "of"),
    ]


def _given_name_before(text: str, start: int) -> bool:
    """A capitalised word, no sentence opener ("The Duke of ..."), stands right before ``start``."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).casefold() not in NEVER_NAME_START


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in _OPENERS


def common_opener_of(
    text: str,
    span: ScoredSpan,
    probs: Mapping[tuple[int, int], Sequence[float]],
    common: frozenset[str],
) -> ScoredSpan | None:
    """A classifier span opening a sentence with a word usually written in lower case (``common``),
    then "of" ("Shares of Tesla", "Residents of Springfield"): the name after "of", typed as the
    classifier reads that part when it scored it and finds a name there. A head word,
    title or place word first ("University of Leeds", "Secretary of State", "Mount of Olives") keeps
    the span; so does a span that opens no sentence. A part the classifier did not score or reads as
    no name keeps the span's type, unless a person ("Shares of Tesla" is no person: no span).
    Otherwise ``span`` unchanged."""
    if len(span.words) < 3 or span.words[1] != "of" or span.type not in _NAME_TYPES:
        return span  # "Song of National Defence" (a work: other) stays whole
    if not _opens_sentence(text, span.start):
        return span
    first = span.words[0].casefold()
    if first not in common or first in _HEADS or first in TITLE_WORDS or not first.isalpha():
        return span
    m = _OF.match(text, span.start + len(span.words[0]))
    if m is None:
        return span
    words = _words(text, m.end(), span.end)
    row = probs.get((m.end(), span.end))
    if row is None or row[0] >= max(row[1:]):  # no name read there: a place or organisation keeps its
        # type ("Northeast of Temescal"), a person is none ("Shares of Tesla")
        if span.type == "person":
            return None
        return ScoredSpan(m.end(), span.end, span.type, span.prob, span.p_none, words, "of")
    k = max(range(1, len(CLASSES)), key=lambda c: row[c])
    return ScoredSpan(m.end(), span.end, CLASSES[k], row[k], row[0], words, "of")


_CAP_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*\.?"
_CAP_GOES_ON = _CAP_WORD + r"(?<![a-z]{2}\.)"  # a word that no sentence's full stop ends ("Monday. Ernst & Young")
#: 1-3 capitalised words, " & ", 1-3 capitalised words; no comma before the "&" ("Li, Polat, & Bavelier").
_AMPERSAND = re.compile(
    rf"(?<![\w&'’.-])(?:{_CAP_GOES_ON}[ \t]){{0,2}}{_CAP_WORD}[ \t]&[ \t](?:{_CAP_GOES_ON}[ \t]){{0,2}}{_CAP_WORD}"
)
#: What makes the names after "&" cited authors: a year (after a comma or in brackets) or "et al".
_CITED_AFTER = re.compile(r",?[ \t]*\(?[ \t]*(?:1[5-9]|20)\d\d\b|[ \t]+et[ \t]+al\b")
#: Words that open a sentence or a clause and so are no part of a name before "&".
_NOT_FIRST = frozenset({"The", "A", "An", "And", "But", "Or", "In", "On", "At", "By", "For", "From", "With", "To"})


def ampersand_names(text: str) -> list[tuple[int, int, str]]:
    """Organisations named by names joined by "&" ("Ernst & Young", "Procter & Gamble", "Michael L.
    Beatty & Associates"), as (start, end, name): one to three capitalised words either side, no year
    or "et al" after them (cited authors: "Dye & Bavelier, 2010"), no comma before the "&". A leading
    "The" or "And" is no part of the name, nor a trailing full stop."""
    out: list[tuple[int, int, str]] = []
    if "&" not in text:  # every match holds one: a text without it is not scanned
        return out
    for m in _AMPERSAND.finditer(text):
        if _CITED_AFTER.match(text, m.end()):
            continue
        a, b = m.start(), m.end()
        first = text[a:b].split()[0]
        if first in _NOT_FIRST:
            a += len(first) + 1
            while text[a : a + 1] in (" ", "\t"):
                a += 1
        if text[b - 1] == "." and text[b - 3 : b - 1] not in ("Co", "Jr", "Sr") and not text[b - 3 : b - 1].isupper():
            b -= 1
        words = text[a:b].split()
        at = words.index("&")
        if at == 0 or min(len(words[at - 1].strip(".")), len(words[at + 1].strip("."))) < 2:
            continue  # "Q & A"
        out.append((a, b, " ".join(text[a:b].split())))
    return out


#: Capitalised particles that open a family name ("Le Pen", "Da Silva", "Van Dijk", "Ten Hag").
_CAP_PARTICLES: frozenset[str] = frozenset(
    {
        "Le",
        "La",
        "De",
        "Da",
        "Di",
        "Du",
        "Dos",
        "Das",
        "Del",
        "Della",
        "Van",
        "Von",
        "Der",
        "Den",
        "Ten",
        "Ter",
    }
)


def join_particle_names(text: str, spans: Sequence[ScoredSpan], names: Mapping[str, str]) -> list[ScoredSpan]:
    """A one-word span that is a listed given name (``names``: the model's name lexicon), followed
    after one space by a person span opening with a capitalised particle ("Marine" + "Le Pen", "Maria"
    + "Da Silva"), is one person with the person's probabilities."""
    by_start = {s.start: s for s in spans}
    joined: dict[int, ScoredSpan] = {}
    skip: set[int] = set()
    for s in spans:
        nxt = by_start.get(s.end + 1)
        if (
            nxt is None
            or text[s.end] != " "
            or nxt.type != "person"
            or len(s.words) != 1
            or nxt.words[0] not in _CAP_PARTICLES
            or len(nxt.words) < 2
            or "g" not in names.get(s.words[0].casefold(), "")
        ):
            continue
        joined[s.start] = ScoredSpan(s.start, nxt.end, "person", nxt.prob, nxt.p_none, (*s.words, *nxt.words), s.left)
        skip.add(nxt.start)
    return [joined.get(s.start, s) for s in spans if s.start not in skip]


#: Particles inside known organisation names that the tokens do not keep ("al-Sham", "-e-").
_ORG_PARTICLES = frozenset({"al", "e", "ahl"})


#: Known organisations whose names hold a particle, longest first.
_PARTICLE_ORG_NAMES = sorted(
    (n for n in KNOWN_ORGS | DEFENCE_ORGS if len(n.split()) > 1 and _ORG_PARTICLES & set(n.split())),
    key=len,
    reverse=True,
)


def _particle_org_pattern() -> re.Pattern[str]:
    alternatives = ("[ \t-]+".join(re.escape(w) for w in n.split()) for n in _PARTICLE_ORG_NAMES)
    return re.compile(r"(?<![\w-])(?i:" + "|".join(alternatives) + r")(?![\w-])")


_PARTICLE_ORG = _particle_org_pattern()
#: One word of each of those names (its longest): a text whose case-folded form holds none of them holds
#: no such name. Exact: the only characters ``re.IGNORECASE`` matches to an ASCII letter that do not
#: case-fold to it are "İ" and "ı", and a text holding either is searched anyway.
_PARTICLE_ORG_WORDS = frozenset(max(n.split(), key=len) for n in _PARTICLE_ORG_NAMES)


def particle_orgs(text: str) -> list[tuple[int, int, str]]:
    """Known organisations whose names hold a lower-case or hyphenated particle ("Hayat Tahrir
    al-Sham", "al-Shabaab", "Lashkar-e-Taiba"), found in the text as written, as (start, end, name):
    the rule tokens drop "al-Sham", so the token rules cannot see the whole name. A match must hold a
    capital letter ("hayat tahrir al sham" in lower case is left alone)."""
    if "İ" not in text and "ı" not in text:
        folded = text.casefold()
        if not any(w in folded for w in _PARTICLE_ORG_WORDS):
            return []
    return [
        (m.start(), m.end(), " ".join(m.group().split()))
        for m in _PARTICLE_ORG.finditer(text)
        if any(c.isupper() for c in m.group())
    ]


_NOT_POSSESSIVE = r"(?<!'s)(?<!’s)"
_TOWN_WORD = r"[A-Z][\w'’-]+" + _NOT_POSSESSIVE
_TOWN = r"(?!(?:" + "|".join(sorted(_NOT_FIRST)) + r")[ \t])" + _TOWN_WORD + r"(?:[ \t]" + _TOWN_WORD + r")?"
_CLUB_PREFIX = "|".join(sorted(CLUB_PREFIXES))
_CLUB_SUFFIX = "|".join(sorted(CLUB_SUFFIXES))
_CLUB = re.compile(  # every name opens with a capital: checked first, before the look-behind
    rf"(?=[A-Z])(?<![\w'’.-])"
    rf"(?:(?P<pre>{_CLUB_PREFIX})[ \t]+(?P<town1>{_TOWN})|(?P<town2>{_TOWN})[ \t]+(?P<suf>{_CLUB_SUFFIX}))"
    r"(?=['’]s\b|(?![\w'’-]|[ \t][A-Z]))"
)
#: What every match of ``_CLUB`` holds: a club word, not running on into a longer word (a cheap search).
_CLUB_CUE = re.compile(rf"(?:{_CLUB_PREFIX}|{_CLUB_SUFFIX})(?![\w-])")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+\Z")


def club_names(text: str, gaz_type: Callable[[str], str | None]) -> list[tuple[int, int, str]]:
    """Sports clubs named by a town and a club word ("Real Madrid", "Bayern Munich", "Manchester
    United", "Blackburn Rovers"; ``org_names.CLUB_PREFIXES`` and ``CLUB_SUFFIXES``), as (start, end,
    name): the town must be a name the gazetteer knows and the whole none ("Cape Town", "George Town"
    stay places), with no capitalised word right before it but "The" and its like or a possessive
    ("West Ham United" is left alone; "Alonso's Real Madrid" is read)."""
    out: list[tuple[int, int, str]] = []
    if _CLUB_CUE.search(text) is None:
        return out
    for m in capital_matches(_CLUB, text):  # _CLUB.finditer(text), from the word-start capitals
        town = m.group("town1") or m.group("town2")
        a, b = m.start(), m.end()
        if gaz_type(town) is None or gaz_type(text[a:b]) is not None:
            continue
        before = _WORD_BEFORE.search(text, max(0, a - 40), a)
        if before is not None and before.group(1) not in _NOT_FIRST and not before.group(1).endswith(("'s", "’s")):
            continue
        out.append((a, b, " ".join(text[a:b].split())))
    return out


#: A capitalised word, lower-case particles, a capitalised word (a possessive allowed), with no
#: capitalised word right before or after: "Tim Cook said", "Erik ten Hag's side".
_PAIR_PARTICLES = "ten|ter|van|von|der|den|de|da|del|di|du|dos|das|los|las|le|la|bin|ibn|al"
#: A given name, particles, a family name; or a given name, one more name word and a particle before the
#: family name ("Abdel Fattah al-Sisi", "Hassan Nasrallah" has none, "Ali Akbar bin Yusuf").
_PAIR = re.compile(  # the capital first, the look-behind after it: re skips in C from capital to capital
    r"([A-Z](?<![\w'’.&-][A-Z])[a-z\u00c0-\u024f'’-]+(?:-[A-Z][a-z\u00c0-\u024f'’]+)?)"
    rf"((?:[ \t][A-Z][a-z\u00c0-\u024f'’]+)?(?:(?:[ \t](?:{_PAIR_PARTICLES}))+[ \t]|[ \t](?:al|el)-)"
    rf"|(?:[ \t](?:{_PAIR_PARTICLES}))*[ \t])"
    r"([A-Z][a-z\u00c0-\u024f'’-]*[a-z\u00c0-\u024f])(?<!['’]s)(?=['’]s\b|(?![\w'’-]|[ \t]+[A-Z\d]))"
)
#: "Abd" and its spellings open an Arabic compound given name ("Abdel Fattah", "Abdul Rahman").
_ABD = re.compile(r"Abd(?:el|ul|al|ol|ur)?")
#: Words that open a sentence and never a name, and words that are no family name.
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+\Z")
_NO_PAIR_WORDS = frozenset(w.casefold() for w in _NOT_FIRST) | PLACE_TAILS | _HEADS | TITLE_WORDS | DEMONYMS


#: Lower-case particles of European family names ("ten Hag", "ter Stegen", "van Dijk", "de la Fuente",
#: "de los Santos").
_FAMILY_PARTICLES = re.compile(r"(?:[ \t](?:ten|ter|van|von|der|den|de|da|del|di|du|dos|das|los|las|le|la))+[ \t]")
#: Dutch and German particles and Spanish "de los"/"de las", which open no place name after a given name:
#: after one, a gazetteer name is a family name ("ter Stegen", "de los Santos"); "Marina di Ragusa" and
#: "Santa Maria da Feira" are places.
_MIDDLE_NAME = re.compile(r"\A[ \t][A-Z][^ \t]*(?=[ \t])")
_GERMANIC_PARTICLES = re.compile(r"(?:[ \t](?:ten|ter|van|von|der|den))+[ \t]|[ \t]de[ \t]l[ao]s[ \t]")


def place_of_name(words: Sequence[str], common: frozenset[str], known: Callable[[], object | None]) -> bool:
    """Folded words that name a place as a place word, "of", then at most three words without a head
    word: "Gulf of Mexico", "Isle of Wight", "Line of (Actual) Control" ("Line" only before "Control" or
    "Contact"). After a place word other than "Line", words usually written in lower case (``common``, the
    model's list) are not enough unless the gazetteer knows them (``known``, called last): "Sea of Blood"
    (an opera) and "Cape of Good Hope" are not read."""
    if not 3 <= len(words) <= 5 or words[1] != "of" or any(w in _HEADS for w in words[2:]):
        return False
    if words[0] == "line":
        return words[-1] in LINE_PLACE_TAILS
    named = [w for w in words[2:] if w not in NAME_CONNECTORS]
    if words[0] not in PLACE_OPENERS or not named:
        return False
    return not all(w in common for w in named) or known() is not None


def common_opener_len(text: str, start: int, words: Sequence[str], common: frozenset[str]) -> int:
    """How many words open a rules' head-word name with a sentence's common word, "of" or "for", and
    "the" ("Counsel for the Police Service of Northern Ireland", "Soldiers of the Infantry Division"): 3,
    so the name is read after them; 0 when the first word is a head, title or uncommon word, opens no
    sentence, or no head word follows ("Friends of the Earth" stays whole)."""
    if len(words) < 5 or words[1] not in ("of", "for") or words[2] != "the" or not _opens_sentence(text, start):
        return 0
    first = words[0]
    if first not in common or first in _HEADS or first in TITLE_WORDS or not first.isalpha():
        return 0
    return 3 if any(w in _HEADS for w in words[3:]) else 0


#: A capitalised family-name particle right before a span ("Ten" of "Ten Hag, who ...").
_CAP_PARTICLE_BEFORE = re.compile(r"\b(Ten|Ter|Van|Von|Der|Den|De|Da|Di|Du|Dos|Das|La|Le)[ \t]+\Z")


def capitalised_particle_start(text: str, start: int, end: int) -> int:
    """Where a family name at ``start:end`` starts when a capitalised particle stands right before it and
    the document writes the particle in lower case before the same name elsewhere ("Ten Hag, who ..."
    after "Erik ten Hag"; "Van Dijk said" after "Virgil van Dijk"): at the particle; ``start`` otherwise."""
    m = _CAP_PARTICLE_BEFORE.search(text, max(0, start - 6), start)
    if m is None:
        return start
    return m.start(1) if f" {m.group(1).lower()} {text[start:end]}" in text else start


def _after_opener(text: str, m: re.Match[str], common: frozenset[str]) -> re.Match[str]:
    """The pair that starts at the second word when the first is a title or common word and a name word
    follows it ("Manager Erik ten Hag", "Forward Robin van Persie"); ``m`` otherwise."""
    first = m.group(1).casefold()
    if (first in TITLE_WORDS or first in common) and m.group(2)[1:2].isupper():
        inner = _PAIR.match(text, m.start(2) + 1)
        if inner is not None and inner.end() == m.end():
            return inner
    return m


def given_name_pairs(
    text: str,
    names: Mapping[str, str],
    common: frozenset[str],
    gaz_type: Callable[[str], str | None],
    never: frozenset[str],
    taken: bytearray,
    *,
    particles_only: bool = False,
) -> list[ScoredSpan]:
    """People written as a listed given name and a family name where nothing else was read
    (``taken``: a character mask of what the rules and the classifier found): "Tim Cook said", "Bruno
    Fernandes scored", "Erik ten Hag's side" (with lower-case particles between). The first word is a
    given name of ``names`` (the model's name lexicon), no common word unless only a given name, no
    gazetteer name ("Victoria Cross", "Lincoln Park") and nothing in ``never`` (months, days); the last
    is a listed family name or no listed name, and no common word unless a listed family name ("Tim
    Cook"), no gazetteer name, title or head word; neither is upper case; no capitalised word stands
    right before or after, and "the" does not precede ("the Rose Bowl"). A hyphenated given name
    ("Marc-André") counts when its first part is a listed given name.

    ``particles_only``: only names with a European family-name particle between the two ("Marc-André
    ter Stegen", "Luis de la Fuente"), whose family name may also be a gazetteer name after a Dutch or
    German particle (it makes it a family name: "Stegen" is a German village). A capitalised common word
    or title opening the sentence may stand before ("Manager Erik ten Hag")."""
    out = []
    for found in shared_finditer(_PAIR, text):  # _PAIR.finditer(text), made once for both kinds of call
        if particles_only and found.group(2).isspace():
            continue  # no particle, nor a pair after an opener inside it (below): most pairs ("Tim Cook")
        m = _after_opener(text, found, common) if particles_only else found
        a, b = m.start(), m.end()
        if taken.find(1, a, b) >= 0:
            continue
        particles = _MIDDLE_NAME.sub("", m.group(2))  # "Maria Cristina de los Santos": after the middle name
        particle = _FAMILY_PARTICLES.fullmatch(particles) is not None
        germanic = _GERMANIC_PARTICLES.fullmatch(particles) is not None
        if particles_only and not particle:
            continue
        first, last = m.group(1), m.group(3)
        f, la = first.casefold(), last.casefold()
        kind, last_kind = names.get(f, "") or names.get(f.split("-")[0], ""), names.get(la)
        if _ABD.fullmatch(first) and m.group(2).strip():
            kind = "g"  # "Abdel Fattah al-Sisi": a compound given name
        if "g" not in kind or (kind != "g" and f in common) or f in never or f in _NO_PAIR_WORDS:
            continue
        if la in _NO_PAIR_WORDS or la in never or (last_kind is not None and "s" not in last_kind):
            continue
        if la in common and last_kind is None:
            continue
        if gaz_type(first) is not None or (gaz_type(last) is not None and not (particles_only and germanic)):
            continue
        before = _WORD_BEFORE.search(text, max(0, a - 40), a)
        if before is not None and particles_only and _opens_sentence(text, before.start(1)):
            before = None if before.group(1).casefold() in common | TITLE_WORDS else before  # "Manager Erik ten Hag"
        if (before is not None and before.group(1) not in _NOT_FIRST) or _THE_BEFORE.search(text, max(0, a - 5), a):
            continue
        words = tuple(text[a:b].split())
        out.append(ScoredSpan(a, b, "person", 0.5, 0.5, words, ""))
    return out
