"""How the learned classifier's spans and the rules' spans are combined.

The rules keep precedence where they are certain: weapon designations, people cued by an honorific
or a title, known organisations, Korean three-part names. The classifier decides the rest:

* its spans outrank gazetteer matches that they overlap and contain ("George Washington Bridge" over
  "Washington"), while a span with exactly a gazetteer entry's extent stays the gazetteer's (which
  knows the coordinates);
* it vetoes weak rule decisions: a gazetteer place that begins a two- or three-word name the
  classifier reads as a person ("Regina Jones", "Alvin Irving"), or that a person span overlaps; a
  rule organisation "X of the Y Party" whose X it reads as a person ("Wu Chi-wai of the Democratic
  Party" → "Wu Chi-wai" + "Democratic Party"), or that it reads as no name while finding names inside;
  the weak "given name + capitalised word" person rule where it overlaps the classifier's spans or
  the classifier reads it as no name.

A person span grows over the particles that continue a name ("Osama bin Laden", "Abu Bakr
al-Baghdadi", "Charles de Gaulle"). A lone capitalised word opening a sentence, never capitalised
elsewhere in the document, is weak evidence: the classifier's span is kept only when it is very sure
(:data:`WEAK_KEEP`). A span ending in a nationality adjective (``ner_features.DEMONYMS``), a lone
compass word ("the North": the rules know which one) and a "person" after "the" are dropped.

A given name addressed or signing off (:func:`addressed_people`: "Hi Kevin,", "Thanks, Martin", a
line opening "Kevin, please ...") is a person, whatever a gazetteer or the classifier says of the word.

A list of names has one reading (:func:`harmonise_lists`): in "in Svendborg or Faaborg" the
classifier's "Faaborg" takes the person-or-not reading of the surest member, here a gazetteer place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import NamedTuple

from workbook.extract.entity_bounds import common_opener_of, join_particle_names, split_person_of
from workbook.extract.family_names import GIVEN_KINDS
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.ner_model import CLASSES, ScoredSpan
from workbook.extract.vocabulary import FACILITY_HEADS, GIVEN_NAMES, ORG_HEADS

__all__ = [
    "GIVEN_FIRST",
    "LIST_GAP",
    "LIST_TYPES",
    "NAMED_PERSON_VETO",
    "PERSON_RESCUE",
    "PERSON_VETO",
    "PERSON_VETO_EXACT",
    "SPEAKER_KEEP",
    "SPLIT_VETO",
    "WEAK_KEEP",
    "RuleSpan",
    "addressed_people",
    "extend_particles",
    "harmonise_lists",
    "merge_learned",
    "speaking_acronyms",
    "speaking_openers",
]

#: A person span at least this probable vetoes a gazetteer place it overlaps.
PERSON_VETO = 0.5
#: A person span with exactly a gazetteer match's extent vetoes it from this probability, when the
#: word is a common given name ("Ann said"); a later surname of a person is handled by the caller.
PERSON_VETO_EXACT = 0.85
#: A two- or three-word span opening with a gazetteer word is a person when P(person) reaches this
#: and person is its most probable name class ("Regina Jones").
PERSON_RESCUE = 0.15
#: A rule span whose own P(none) under the classifier exceeds this may be split by it.
SPLIT_VETO = 0.9
#: A head-word organisation or facility of the rules ("Tom Hall") with exactly the extent of a
#: classifier person this probable is that person.
NAMED_PERSON_VETO = 0.9
#: A weak rule person survives unless the classifier's P(none) for it is at least this.
WEAK_VETO = 0.9
#: A lone word that opens a sentence (and is never capitalised mid-sentence) needs this probability.
WEAK_KEEP = 0.9

#: The types a list of names shares ("Svendborg or Faaborg"): a person, or a place or organisation.
LIST_TYPES: frozenset[str] = frozenset({"person", "place", "organization", "facility"})
#: What separates the members of a list of names: a comma, "and", "or", "&" (", and").
LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+")

_COMPASS = frozenset({"north", "south", "east", "west"})
_PERSON = CLASSES.index("person")
_PARTICLE_TAIL = re.compile(
    r"(?:\s(?:(?:al|el|bin|ibn|bint|ben|de|da|del|della|di|du|dos|das|van|von|der|den|le|la)\s|(?:al|el|ad|as)-)"
    r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?)+"
)
#: A name after a greeting or sign-off ("Hi Kevin,", "Dear Ms Lee", "Thanks, Martin"; group 1), or
#: alone at the start of a line before a comma ("Kevin, please send ..."; group 2): words of
#: address, read in e-mail and letters. Searched in "\n" + text: the newline or punctuation mark before
#: the words is part of the match (a line start is the newline before it), so that ``re`` skips in C
#: to the next of these characters instead of trying the pattern at every character.
_ADDRESS = re.compile(
    r"[\n.!?:;](?:[ \t]*"
    r"(?i:hi|hello|hey|dear|thanks|thank\s+you|many\s+thanks|regards|best\s+regards|kind\s+regards|best\s+wishes"
    r"|cheers|sincerely|good\s+(?:morning|afternoon|evening))[ \t]*,?[ \t]+"
    r"([A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+)?)[ \t]*(?=[,.!:;\n]|$)"
    r"|(?<=\n)[ \t]*([A-Z][a-z'’-]+)(?=,[ \t]))",
    re.M,
)
_OF_THE = re.compile(r"\s+of(?:\s+the)?\s+")
_HEADS = ORG_HEADS | FACILITY_HEADS
#: Words that open place names ("County Durham", "Port Victoria", "Lake Jackson").
_PLACE_OPENERS = frozenset(
    [
        "county",
        "lake",
        "mount",
        "mt",
        "port",
        "cape",
        "saint",
        "st",
        "san",
        "santa",
        "fort",
        "glen",
        "new",
        "old",
        "upper",
        "lower",
        "greater",
        "little",
        "great",
    ]
)
_TITLE_LIKE = TITLE_WORDS | _HEADS | _COMPASS | _PLACE_OPENERS
_OPENERS = frozenset(".!?:;\"“‘'(\n")  # what stands before a word that opens a sentence


class RuleSpan(NamedTuple):
    start: int
    end: int
    kind: str  # certain | named | gazetteer | weak


def extend_particles(text: str, span: ScoredSpan) -> ScoredSpan:
    """A person span continued by name particles ("Osama bin Laden", "al-Baghdadi") takes them in."""
    if span.type != "person":
        return span
    m = _PARTICLE_TAIL.match(text, span.end)
    if m is None:
        return span
    return replace(span, end=m.end(), words=tuple(text[span.start : m.end()].split()))


def addressed_people(
    text: str,
    names: Mapping[str, str],
    common: frozenset[str] = frozenset(),
    gaz_type: Callable[[str], str | None] | None = None,
) -> list[ScoredSpan]:
    """People addressed or signing off (see :data:`_ADDRESS`), as person spans. After a greeting the
    first word must be a given name in ``names`` (the model's name lexicon) or
    ``vocabulary.GIVEN_NAMES``; a bare line opening ("Kevin, please") must also be a US census given
    name, no word usually written in lower case (``common``) and no gazetteer name ("Jordan, ...")."""
    out = []
    for m in _ADDRESS.finditer("\n" + text):  # offsets in text are one less
        k = 1 if m.start(1) >= 0 else 2
        words = tuple(m.group(k).split())
        w0 = words[0].casefold()
        kind = names.get(w0, "")
        if w0 not in GIVEN_NAMES and kind not in GIVEN_KINDS:
            continue
        if k == 2 and (
            not (w0 in GIVEN_NAMES or kind[:1] == "g")
            or w0 in common
            or (gaz_type is not None and gaz_type(words[0]) is not None)
        ):
            continue
        out.append(ScoredSpan(m.start(k) - 1, m.end(k) - 1, "person", 1.0, 0.0, words, ""))
    return out


#: An acronym (not after a capitalised word) as the subject of a verb of saying: "USPS said", "NASA
#: declined to comment", "FIFA told reporters".
#: (The look-behinds come after the first capital, so that ``re`` skips in C to the next capital.)
_SPEAKS = re.compile(
    r"([A-Z](?<![\w'’.&-][A-Z])(?<![A-Z][\w'’-] [A-Z])[A-Z&]*[A-Z])(?= (?:said|says|told|tells|announced|declined"
    r"|confirmed|denied|added|stated|warned)\b)"
)


#: One capitalised word opening a sentence as the subject of a verb of saying ("Google said").
#: (Line start, ``^`` with re.M, is "no character but a newline before the capital".)
_OPENS_SPEAKING = re.compile(
    r"([A-Z](?:(?<![^\n][A-Z])|(?<=[.!?] [A-Z])|(?<=[.!?][\"”’] [A-Z]))[\w&-]*[A-Za-z])"
    r"(?= (?:said|says|told|tells|announced|declined|confirmed|denied|added|stated|warned)\b)"
)
#: The classifier's probability a sentence-opening speaker needs (a lone opener otherwise needs WEAK_KEEP).
SPEAKER_KEEP = 0.5


def speaking_openers(text: str, probs: Mapping[tuple[int, int], Sequence[float]]) -> list[ScoredSpan]:
    """A lone word opening a sentence before "said", "told", ... ("Google said it would appeal"),
    which the classifier reads as a name with probability :data:`SPEAKER_KEEP` or more: a lone
    sentence opener is otherwise kept only at :data:`WEAK_KEEP`, and the verb says it is a name."""
    out = []
    for m in _OPENS_SPEAKING.finditer(text):
        row = probs.get((m.start(1), m.end(1)))
        if row is None:
            continue
        k = max(range(1, 4), key=lambda c: row[c])  # person, organization, place
        if row[k] >= SPEAKER_KEEP:
            out.append(ScoredSpan(m.start(1), m.end(1), CLASSES[k], row[k], row[0], (m.group(1),), ""))
    return out


def speaking_acronyms(
    text: str,
    common: frozenset[str],
    gaz_type: Callable[[str], str | None],
    never: frozenset[str] = frozenset(),
) -> list[ScoredSpan]:
    """Organisations that speak (:data:`_SPEAKS`): an acronym subject of "said", "told", "declined" ...
    that is no common word, no word that never opens a name (``never``), no title ("the UN") and no
    gazetteer name ("UK said": the gazetteer types it). A capitalised word that is no acronym is left
    to the classifier: before "said" it cannot tell "Twitter" from "Musharraf" (tried: typed by the
    name lists, it made "Valero" a person and "Musharraf" an organisation, and helped no held-out set)."""
    out = []
    for m in _SPEAKS.finditer(text):
        word = m.group(1)
        w = word.casefold()
        if w in common or w in never or w in _TITLE_LIKE or gaz_type(word) is not None:
            continue
        out.append(ScoredSpan(m.start(1), m.end(1), "organization", 0.9, 0.1, (word,), ""))
    return out


def _best_is_person(row: Sequence[float], floor: float) -> bool:
    names = row[1:]
    return row[_PERSON] >= floor and row[_PERSON] == max(names)


def _split_of(text: str, r: RuleSpan, probs: Mapping[tuple[int, int], Sequence[float]]) -> list[ScoredSpan]:
    """ "Wu Chi-wai of the Democratic Party" → the person and the organisation, when the classifier
    reads the part before "of" as a person and the part after holds a head word ("Amit Mehta of the
    U.S. District Court for the District of Columbia")."""
    m = _OF_THE.search(text, r.start, r.end)
    if m is None:
        return []
    left, right = (r.start, m.start()), (m.end(), r.end)
    row = probs.get(left)
    left_words = tuple(text[left[0] : left[1]].split())
    right_words = tuple(text[right[0] : right[1]].split())
    if row is None or not right_words or any(w.casefold() in _HEADS for w in left_words):
        return []
    heads = [w.casefold() for w in right_words if w.casefold() in _HEADS]  # the last head decides
    if not heads or not _best_is_person(row, 0.05):
        return []
    head = "organization" if heads[-1] in ORG_HEADS else "facility"
    return [
        ScoredSpan(left[0], left[1], "person", row[_PERSON], row[0], left_words, ""),
        ScoredSpan(right[0], right[1], head, 1.0, 0.0, right_words, "the"),
    ]


def _mask(n: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    out = bytearray(n + 1)
    for a, b in spans:
        out[a:b] = b"\x01" * (b - a)
    return out


def merge_learned(
    text: str,
    rules: Sequence[RuleSpan],
    learned: Sequence[ScoredSpan],
    probs: Mapping[tuple[int, int], Sequence[float]],
    common: frozenset[str] = frozenset(),
    names: Mapping[str, str] | None = None,
    gaz_type: Callable[[str], str | None] | None = None,
) -> tuple[set[int], list[ScoredSpan]]:
    """Indices of the rule spans the classifier vetoes, and the spans to add (see the module
    docstring). ``probs`` gives the classifier's class probabilities of the candidate spans it scored;
    ``common`` the words usually written in lower case (never the surname of a rescued person);
    ``names`` the name lexicon and ``gaz_type`` the gazetteer, for a person whose surname is a place
    (:func:`_surname_place`).
    Overlaps are looked up in character masks: the work grows linearly with the text."""
    n = len(text)
    vetoed: set[int] = set()
    added = [extend_particles(text, s) for s in learned if _plausible(s)]
    added = [t for s in added if (t := common_opener_of(text, s, probs, common)) is not None]
    if gaz_type is not None:  # "Tom Dart of Cook County": the person and the place
        added = [t for s in added for t in split_person_of(text, s, probs, gaz_type)]
    if names is not None:  # "Marine" + "Le Pen"
        added = join_particle_names(text, added, names)
    if names is not None and gaz_type is not None:
        added = [_given_name_first(s, names, common, gaz_type) for s in added]
    people = {(s.start, s.end): s for s in added if s.type == "person" and s.prob >= PERSON_VETO}
    people_mask = _mask(n, people)
    added_mask = _mask(n, ((s.start, s.end) for s in added))
    added_extents = {(s.start, s.end) for s in added}
    sure_mask = _mask(n, ((r.start, r.end) for r in rules if r.kind in ("named", "certain")))
    by_start: dict[int, list[tuple[int, Sequence[float]]]] = {}
    for (b, e), scores in probs.items():
        by_start.setdefault(b, []).append((e, scores))
    replaced: list[ScoredSpan] = []  # spans the rescues and splits put in place of what overlaps them
    for k, r in enumerate(rules):
        extent = (r.start, r.end)
        if r.kind == "weak":
            row = probs.get(extent)
            if (row is not None and row[0] >= WEAK_VETO) or added_mask.find(1, r.start, r.end) >= 0:
                vetoed.add(k)
        elif r.kind == "gazetteer":
            if people_mask.find(1, r.start, r.end) >= 0:
                exact = people.get(extent)  # decoded spans never overlap: an exact one is the only one
                if exact is None or (exact.prob >= PERSON_VETO_EXACT and _given_name(exact)):
                    vetoed.add(k)
                    continue
            if sure_mask.find(1, r.start, r.end) >= 0:
                continue  # inside a name the rules are sure of ("Pyongyang International Airport")
            rescue = _rescue(text, r, by_start.get(r.start, ()), common)
            if rescue is None and names is not None and gaz_type is not None:
                rescue = _surname_place(text, r, probs, names, common, gaz_type)
            if rescue is not None:
                vetoed.add(k)
                replaced.append(rescue)
        elif r.kind == "named":
            split = _split_of(text, r, probs)
            row = probs.get(extent)
            if split:
                vetoed.add(k)
                replaced += split
            elif row is not None and extent in people and row[_PERSON] >= NAMED_PERSON_VETO:
                vetoed.add(k)  # "Tom Hall": the classifier is sure the head-word name is a person
            elif (
                row is not None
                and row[0] > SPLIT_VETO
                and added_mask.find(1, r.start, r.end) >= 0
                and extent not in added_extents
            ):
                vetoed.add(k)
    if replaced:
        region = _mask(n, ((s.start, s.end) for s in replaced))
        added = [s for s in added if region.find(1, s.start, s.end) < 0] + replaced
    kept = _mask(n, ((r.start, r.end) for k, r in enumerate(rules) if r.kind == "gazetteer" and k not in vetoed))
    gaz_extents = {(r.start, r.end) for r in rules if r.kind == "gazetteer"}
    added = [  # a gazetteer name holds its words: "Pyongyang" inside "Pyongyang International Airport"
        s for s in added if (s.start, s.end) in gaz_extents or kept.find(0, s.start, s.end) >= 0
    ]
    return vetoed, added


def _rescue(
    text: str, r: RuleSpan, starting: Sequence[tuple[int, Sequence[float]]], common: frozenset[str]
) -> ScoredSpan | None:
    """A person opening with a one-word gazetteer name ("Regina Jones"), as the classifier reads it."""
    best: ScoredSpan | None = None
    if len(text[r.start : r.end].split()) != 1:
        return None
    s = r.start
    for e, row in starting:
        if e <= r.end or not _best_is_person(row, PERSON_RESCUE):
            continue
        words = tuple(text[s:e].split())
        if not 2 <= len(words) <= 3 or any(w.casefold() in _HEADS or w.casefold() in common for w in words[1:]):
            continue
        if best is None or row[_PERSON] > best.prob:
            best = ScoredSpan(s, e, "person", row[_PERSON], row[0], words, "")
    return best


#: A capitalised word and the space right before a span, not itself after a capitalised word.
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z'’-]+) \Z")
_CAPITALISED_END = re.compile(r"[A-Z][\w'’-]*\.? \Z")


def _surname_place(
    text: str,
    r: RuleSpan,
    probs: Mapping[tuple[int, int], Sequence[float]],
    names: Mapping[str, str],
    common: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> ScoredSpan | None:
    """ "Haruki Murakami", "Alvin Irving": a one-word gazetteer place that is also a listed surname,
    right after a capitalised word that is a given name or no listed name at all, no place, title or
    common word, in a name of exactly those two words, is a person's surname."""
    word = text[r.start : r.end]
    if " " in word or "s" not in names.get(word.casefold(), "") or re.match(r" [A-Z]", text[r.end : r.end + 2]):
        return None
    m = _WORD_BEFORE.search(text, max(0, r.start - 40), r.start)
    if m is None:
        return None
    first = m.group(1)
    f = first.casefold()
    kind = names.get(f)
    if (kind is not None and "g" not in kind) or f in common or f in _TITLE_LIKE or gaz_type(first) is not None:
        return None
    if _CAPITALISED_END.search(text, max(0, m.start(1) - 40), m.start(1)):
        return None  # "Eduardo Gil Pinto": a longer name, not this rule's two words
    before = text[max(0, m.start(1) - 3) : m.start(1)].rstrip(" \t")
    if kind is None and (not before or before[-1] in _OPENERS):
        return None  # "Returning America ...": an unknown word opening a sentence is no given name
    row = probs.get((m.start(1), r.end))
    p_none = row[0] if row is not None else 0.5
    return ScoredSpan(m.start(1), r.end, "person", 1.0 - p_none, p_none, (first, word), "")


#: A two-word place or organisation of the classifier opening with a given name is a person below this.
GIVEN_FIRST = 0.8


def _given_name_first(
    s: ScoredSpan, names: Mapping[str, str], common: frozenset[str], gaz_type: Callable[[str], str | None]
) -> ScoredSpan:
    """ "François Truffaut", "Wim Wenders" read as places: two words, the first a listed given name
    (and no common word, unless only a given name: "Al"), neither a gazetteer name nor a head word,
    the second no common word, are a person unless the classifier is sure (:data:`GIVEN_FIRST`)."""
    if s.type not in LIST_TYPES or s.type == "person" or len(s.words) != 2 or s.prob >= GIVEN_FIRST:
        return s
    first, last = s.words
    kind = names.get(first.casefold(), "")
    if "g" not in kind or not (first.isalpha() and last.replace("-", "").isalpha()):
        return s
    if kind != "g" and first.casefold() in common:
        return s  # "Winter Olympics": a common word that is also a name
    if last.casefold() in common or last.casefold() in _TITLE_LIKE or first.casefold() in _TITLE_LIKE:
        return s
    if gaz_type(first) is not None or gaz_type(last) is not None or gaz_type(" ".join(s.words)) is not None:
        return s
    return replace(s, type="person")


def _given_name(s: ScoredSpan) -> bool:
    return len(s.words) == 1 and s.words[0].casefold() in GIVEN_NAMES


def _plausible(s: ScoredSpan) -> bool:
    if s.weak and s.prob < WEAK_KEEP:
        return False
    if s.words[-1].casefold() in DEMONYMS or (len(s.words) == 1 and s.words[0].casefold() in _COMPASS):
        return False
    return not (s.type == "person" and s.left == "the")


def harmonise_lists(
    text: str, learned: Sequence[ScoredSpan], rules: Sequence[tuple[int, int, str, float]]
) -> list[ScoredSpan]:
    """Document consistency within a list of names: a classifier span listed beside other names
    ("in Svendborg or Faaborg", "Edgewater and Weehawken docks") takes the person-or-not reading of
    the list's most confident member when that member is surer than it. A list has a conjunction
    ("and", "or", "&") or at least three members. ``rules`` are the rule spans as (start, end, type,
    confidence); a rule span's type is never changed. Spans of other types (weapons, other) are no
    members."""
    items = sorted(
        [(s.start, s.end, s.type, s.prob, k) for k, s in enumerate(learned) if s.type in LIST_TYPES]
        + [(a, b, t, conf, -1) for a, b, t, conf in rules if t in LIST_TYPES],
        key=lambda x: (x[0], x[1]),
    )
    out = list(learned)
    group: list[tuple[int, int, str, float, int]] = []
    conjoined = False  # the group has an "and", "or" or "&" link
    for item in [*items, (len(text) + 1, len(text) + 1, "", 0.0, -1)]:
        gap = LIST_GAP.fullmatch(text, group[-1][1], item[0]) if group and item[0] >= group[-1][1] else None
        if gap is not None:
            group.append(item)
            conjoined = conjoined or gap.group().strip() != ","
            continue
        # two names joined by a bare comma are often a name and its apposition ("in Dandong City, Shen
        # Qingsong, chairman of ..."): a list needs a conjunction or three members
        if len(group) > 2 or (len(group) == 2 and conjoined):
            lead = max(group, key=lambda x: x[3])
            for _, _, type_, conf, k in group:
                if k >= 0 and conf < lead[3] and (type_ == "person") != (lead[2] == "person"):
                    out[k] = replace(out[k], type=lead[2])
        group = [item]
        conjoined = False
    return out
