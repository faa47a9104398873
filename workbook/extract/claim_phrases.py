"""The phrases around a reporting cue: the speaker's noun phrase before it ("Adm. Tom Reed, commander of the
fleet, said") and the reported content after it ("said on Tuesday that …", "told reporters …", a statement block
after "said:" over the following unquoted paragraphs), each searched at most :data:`WINDOW` characters away."""

from __future__ import annotations

import re

from workbook.extract.claim_context import WINDOW, ClaimContext, strip_span
from workbook.extract.claim_person_of import person_of_body
from workbook.extract.phrase_regex import phrase_alternation
from workbook.extract.speaker_appositives import honoured_name, person_before_appositives
from workbook.extract.speaker_issuers import IN_A_STATEMENT, TIME_AFTER_SUBJECT
from workbook.extract.speaker_words import SPEAKER_DETERMINERS, is_role_noun
from workbook.extract.speakers import SPEAKER_ABBREVIATIONS
from workbook.extract.vocabulary import (
    CLAUSE_REPORTING_VERBS,
    FEMALE_GIVEN_NAMES,
    HUMAN_NOUNS,
    MALE_GIVEN_NAMES,
    ORG_HEADS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
)
from workbook.extract.word_start_scan import WordStartPattern

__all__ = [
    "BE",
    "CLAUSE_FOLLOWS",
    "CUE",
    "GERUND_FOLLOWS",
    "GERUND_REPORTING_VERBS",
    "block_paragraphs",
    "content_after",
    "narrates",
    "np_before",
    "source_phrase_ends",
]

_VERBS = phrase_alternation(
    sorted(set(REPORTING_VERBS) | REPORTING_PHRASES | CLAUSE_REPORTING_VERBS, key=len, reverse=True)
)
CUE = WordStartPattern(  # searched from the characters before words (see workbook.extract.word_start_scan)
    re.compile(
        rf"\b(?:{_VERBS})\b|\b[Aa]ccording to\b"
        r"|\b(?:issued|released|made)\s+(?:the\s+following|this|a|the)\s+(?:\w+\s+)?statement(?=\s*:)"
        r"|\bquoted\s+(?:by\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,4}?\s+)?as\s+saying\b"  # "quoted by state media as saying"
    )
)
_NONSPACE = re.compile(r"\S")
#: After a verb of :data:`~workbook.extract.vocabulary.CLAUSE_REPORTING_VERBS`: the clause it needs to report
#: speech, after at most a short adjunct ("maintained throughout the trial that", "responded to reporters that",
#: "cautioned, however, that", "asked why") or an object pronoun ("informed me that"); or a clause without "that"
#: opened by a pronoun and an auxiliary ("Hamas has indicated it will take part", "she admitted it was late"), or
#: by a short noun phrase and an auxiliary ("confirmed the bridge was closed", "recalled the winter had been hard":
#: at most four words, none a relative pronoun, so "observed the test which was held" is no clause); "if" opens an
#: indirect question ("asked if", "wondered if"); a colon opens a statement ("replied: the results were not final").
CLAUSE_FOLLOWS = re.compile(
    r"\s*(?:,?\s*(?:in|on|at|during|throughout|after|before|to|from|again|also|repeatedly|however|publicly|me|us|him|her|them"
    r"|(?:the\s+)?[a-z]{2,}[a-rt-z]s(?=\s+that\b)"
    r"|later|earlier|yesterday|today|last|this|[A-Z]\w+day)\b(?:\s+[\w'’.-]+){0,5}?\s*,?)?"
    r"\s+(?:that|whether|why|how|if)\b"
    r"|(?:\s+in\s+(?:a|an|its|their|his|her|the)\s+(?:statement|report|briefing|release|message|letter|speech|post)\s*,?)?"
    r"(?:\s+(?:it|he|she|they|we|I|there)\s+(?:will|would|was|were|is|are|had|has|have|could|can|should|might|may"
    r"|must|did|does)\b"
    r"|\s+(?:the|a|an|his|her|its|their|our|this|these|those|some|no|all|[A-Z][\w'’.-]*|[a-z][a-z-]+[a-rt-z]s)"
    r"(?:\s+(?!(?:that|which|who|whom|whose|where|when|to|of|for|with|and|or)\b)[\w'’.-]+){0,3}"
    r"\s+(?:(?:would|was|were|is|are|had|has|have|could|should|might)\s+(?=\S)"
    r"|(?:will|can|may|must)\s+(?!(?:of|and|or|to|the|a|an|in|for|as)\b)(?=[a-z])))"  # "the firm will of": a noun
    r"|\s*:\s+(?=\S)"
    r"|\s+(?:the|a|an|his|her|its|their|this|these|those)(?:\s+(?!(?:that|which|who|to|of|and)\b)[\w'’.-]+){1,3}"
    r"\s+as\s+(?=(?:a|an|the|being|[a-z]+(?:ful|ous|ive|al|ed|ic))\b)"
)


#: A gerund after a verb whose object can be an act reported ("confirmed detecting launches",
#: "denied firing first", "proposed building a rest room"): read as speech only after
#: :data:`GERUND_REPORTING_VERBS`, so that "posted rising profits" or "signalled growing concern" is not.
GERUND_FOLLOWS = re.compile(
    r"\s+(?:also\s+|separately\s+)?(?!(?:during|nothing|something|anything|everything|morning|evening|being"
    r"|according)\b)[a-z]{2,}ing\s+(?=\S)"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GERUND_REPORTING_VERBS = _words(
    """confirmed confirms admitted admits denied denies recalled recalls acknowledged acknowledges proposed
    proposes suggested suggests recommended recommends mentioned mentions disclosed discloses reported reports"""
)


BE = _words("is are was were be been being am 's ’s")
_SUBJECT_PRONOUNS = _words("he she they we I it")
_DETERMINERS = _words("the a an his her their its our my your these those such this that any no")
_AUX = _words(
    """has have had also previously repeatedly publicly once again later earlier then recently reportedly
    frequently often would will did does do still already further now long generally widely privately
    initially openly separately jointly subsequently consistently usually"""
)
_NP_STOP = _words(
    """that which who whom whose but and or while when if because since as although though after before where so
    than then until unless whether despite with for to in on at by from into over about not"""
)
_TOLD_THAT = re.compile(r"(?:\s+[\w'’-]+){1,5}?\s+that\b")
_TOLD_NAME = re.compile(r"(?:\s+(?:The\s+)?[A-Z][\w'’-]*){1,4}(?=[\s,])")
_TOLD_NOUN = re.compile(r"\s+(?:(?:the|a|an|his|her|their)\s+)?[\w'’-]+(?=[\s,])")
#: What may stand between a cue and its content: "said on Tuesday that", "said in a statement".
_CUE_ADJUNCT = re.compile(
    r"(?:\s*,?\s+(?:in|on|at|during|throughout|after|before|via|through|from|last|this|earlier|later|late|yesterday"
    r"|today|however|also|again|me|us|him|her|them)"
    r"\b(?:\s+[\w'’.-]+){0,5}?(?=\s*,?\s+that\b|\s*:)|\s+in\s+an?\s+(?:\w+\s+)?"
    r"(?:statement|release|speech|interview|report|post|tweet|letter|message|briefing|address)\b"
    r"|\s+(?:on\s+)?(?:yesterday|today|on\s+\w+day|[A-Z]\w+day|last\s+\w+)\b)"
)
#: A name set off by commas after a role: "the ministry's spokesperson, Lt. Col. Owen Brandt, said".
_NAME_APPOSITIVE = re.compile(r"\s*(?:(?:retired|former|then|acting)\s+)?(?:[A-Z][\w'’-]*\.?\s+){0,5}[A-Z][\w'’-]+\s*")
#: A name with "the" set off by commas after a common noun phrase: "The drivers' union, the Independent
#: Workers Union, said" (the name speaks, not the union named before).
_THE_NAME_APPOSITIVE = re.compile(r"\s*the\s+(?P<name>(?:[A-Z][\w'’&.-]*\s+){0,6}[A-Z][\w'’-]+)\s*")
#: An age set off by commas after a name: "Marchenko, 34, said", "Stubb, 56, a former prime minister, told".
_AGE = re.compile(r",\s*\d{1,3}\s*$")
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\w[\w'’-]*")  # "2,300 members": one word with its thousands
# compiled once: per-document speaker and acronym patterns would push them out of re's cache
_COLON = re.compile(r"\s*:[ \t]*")
_THAT = re.compile(r"\s*,?\s*that\b")
_CONJUNCTION = re.compile(r"(?:and|but|or|adding)\b")
_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the|who|whose|his|her|its|their)\s|[a-z]|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:of|for|at)\s)"
)  # ", a spokesman for", ", who", ", commander of", ", Director of Force Generation,"
_APPOSITIVE_TAIL = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}\s+(?:of|at|for|from|with|in|to)\s+(?:the\s+)?$"
)


#: A person and the people around them as one subject: "Varga and her colleagues", "Okafor and his team";
#: the person speaks for them (``who``: the companions' phrase).
_AND_COMPANIONS = re.compile(
    r"\s+and\s+(?P<who>(?:his|her|their)\s+(?:colleagues|co-authors|coauthors|collaborators|team|teammates"
    r"|researchers|staff|students|lawyers|advisers|advisors))$"
)


def _np_words(ctx: ClaimContext, lo: int, end: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``end`` (at most six words, not crossing punctuation except the
    full stop of an abbreviation or initial: "Adm. Tom Reed", "U.S. officials")."""
    text = ctx.text
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, max(lo, end - 120), end)]
    np: list[tuple[int, int, str]] = []
    for s, e, w in reversed(words):
        gap = text[e:end].strip()
        if gap == "." and np and (w.casefold() in SPEAKER_ABBREVIATIONS or (len(w) == 1 and w.isupper())):
            gap = ""
        if gap or w.casefold() in _NP_STOP or w.casefold() in BE or len(np) == 6:
            break
        np.insert(0, (s, e, w))
        end = s
    if not np:
        return None
    if np[-1][2].casefold() in _DETERMINERS or np[-1][2].endswith(("'s", "’s", "s'", "s’")):
        return None  # "Mr Trump's claims", "the report": the cue is a noun here
    if len(np) > 1 and np[-1][2] in _SUBJECT_PRONOUNS and _adverbial_before(text, np[0][0]):
        return np[-1][0], np[-1][1]  # "in a pre-season interview he admitted", "Last year they said": the pronoun
    return np[0][0], np[-1][1]


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Oo]n|[Dd]uring|[Aa]fter|[Bb]efore|[Ff]rom|[Tt]hrough|[Ss]ince|[Ww]ith|[Uu]nder|[Oo]ver)\s+$"
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]['\"”’)]?\s+|\n\s*)$")


def _adverbial_before(text: str, start: int) -> bool:
    """Are the words from ``start`` up to a pronoun an adverbial before the subject: the object of a
    preposition ("in a pre-season interview he", "at the meeting she") or a phrase opening the sentence
    ("Last year they", "There he"), not a verb's object ("never check it")?"""
    lead = text[max(0, start - 16) : start]
    return _PREPOSITION_BEFORE.search(lead) is not None or _SENTENCE_OPENING.search(lead) is not None


_HEAD_AT_PLACE = re.compile(r"(?P<head>\b[A-Za-z][a-z-]+)\s+(?:in|at|from|near)\s+(?:the\s+)?(?:[A-Z][a-z]+ and\s+)?$")
_PLACE_HEADS = ORG_HEADS | HUMAN_NOUNS


def _head_at_place(word: str) -> bool:
    """A noun that a place after "in / at / from" qualifies: an organisation or human noun ("embassy",
    "officials"), or a person's role ("a teacher from Ohio", "fishermen in Easthaven"), or any plural common
    noun ("nurses in Scotland say": the place after the preposition is never the subject)."""
    low = word.casefold()
    return low in _PLACE_HEADS or is_role_noun(low) or (word[0].islower() and low.endswith("s") and low[-2:] != "ss")


#: A nameless spokesperson before the body spoken for: "a spokesman for the council said" (the phrase is
#: the whole, not "the council").
_SPOKESPERSON_FOR = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:spokes(?:wo)?man|spokesperson)\s+(?:for|of|at)\s+$")
_FAMILIAR = re.compile(r"(?P<head>\b\w+)\s+(?:familiar\s+with|close\s+to|briefed\s+on)\s+$")
_LEAD_CONNECTORS = re.compile(r"(?:(?:of|for|the|in|and)\s+)+(?=[A-Z])")
_NAME_CONNECTORS = _words("of for in and on at the de du des la le von van del al &")
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'’.-]*")


def _whole_name(ctx: ClaimContext, lo: int, np: tuple[int, int] | None) -> tuple[int, int] | None:
    """A speaker phrase that is the tail of a longer capitalised name ("Space Technology" in "the
    Korean Committee for Space Technology said", "Noble Traits" in "The Second National Meeting of
    Young Frontrunners in Noble Traits tells") grows to the whole name, from its first capitalised
    word (and a leading "The"); the resolver then reads the whole name or, when it is too long to be
    a speaker, nobody. A phrase ending in a person's name grows only up to eight words ("Secretary of the
    Navy Carlos Del Toro"; not "President of the Republic of Korea Yoon Suk Yeol")."""
    if np is None:
        return None
    text = ctx.text
    s, e = np
    place = _HEAD_AT_PLACE.search(text, max(lo, s - 60), s)
    if (
        place is not None
        and _head_at_place(place.group("head"))
        and any(m.end == e and ctx.speakers.types.get(m.entity_key) == "place" for m in ctx.speakers.inside(s, e))
    ):
        head = _np_words(ctx, lo, place.end("head"))  # "China's embassy in Washington", "officials in Kyiv"
        if head is not None and head[1] == place.end("head"):
            return head[0], e
    lead = _LEAD_CONNECTORS.match(text, s, e)  # "of the Navy Carlos Del Toro": a name cut at six words
    if not (text[s].isupper() or lead is not None):
        return np
    personal = any(
        m.end == e and ctx.speakers.types.get(m.entity_key) == "person" for m in ctx.speakers.inside(s, e)
    ) or any(w.casefold() in MALE_GIVEN_NAMES or w.casefold() in FEMALE_GIVEN_NAMES for w in text[s:e].split())
    words = list(_WORD.finditer(text, max(lo, s - 160), s))
    start, pending = s, 0
    for w in reversed(words):
        if text[w.end() : start].strip():
            break  # punctuation between the words: the name ends here
        if w.group().casefold() in _NAME_CONNECTORS and not w.group()[:1].isupper():
            pending = pending or start
            start = w.start()
            continue
        if not _CAPITALISED_WORD.fullmatch(w.group()):
            break
        start, pending = w.start(), 0
    if pending:  # the run ended on connectors: they are not part of the name
        start = pending
    if personal and len(text[start:e].split()) > 8:  # "President of the Republic of Korea Yoon Suk Yeol"
        return np
    return (start, e) if start < s else np


#: An acronym in brackets right after a speaker's name, before the cue: "The Defence Research and
#: Development Organisation (DRDO) said", "The Philippine Coast Guard (PCG) also said".
_ACRONYM_BEFORE_CUE = re.compile(
    r"\s*\((?:[A-Z][A-Za-z0-9.&-]{0,2}[A-Z0-9][A-Za-z0-9.&-]{0,8})\)(?:\s+(?:also|has|have|had|further|separately"
    r"|officially|later|then|now))*\s*$"
)


def np_before(ctx: ClaimContext, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker phrase before a cue, the whole of a longer capitalised name (:func:`_whole_name`);
    an acronym in brackets between the name and the cue is passed over ("The Armed Forces of the
    Philippines (AFP) said": the phrase is the name before the bracket)."""
    lo = max(lo, cue_start - 300)
    bracket = _ACRONYM_BEFORE_CUE.search(ctx.text, max(lo, cue_start - 60), cue_start)
    if bracket is not None and bracket.start() > lo:
        cue_start = bracket.start()
    time = TIME_AFTER_SUBJECT.search(ctx.text, max(lo, cue_start - 40), cue_start)
    if time is not None and time.start() > lo:  # "The official announcement on March 25 claimed"
        cue_start = time.start()
    np = None
    where = IN_A_STATEMENT.search(ctx.text, max(lo, cue_start - 50), cue_start)
    if where is not None and where.start() > lo:  # "X, vice-chairman of Y, in a press statement said"
        np = _whole_name(ctx, lo, _np_before(ctx, lo, where.start()))
        if np is not None and len(ctx.text[np[0] : np[1]].split()) > 8:
            np = None  # a subject too long to read: "a statement" stays the speaker phrase, as before
    if np is None:
        np = _whole_name(ctx, lo, _np_before(ctx, lo, cue_start))
    spokes = _SPOKESPERSON_FOR.search(ctx.text, max(lo, np[0] - 40), np[0]) if np is not None else None
    if np is not None and spokes is not None and spokes.start() >= lo:  # "a spokesman for the council said"
        return spokes.start(), np[1]
    if np is not None:  # "Two officials familiar with the matter said": from the head noun
        post = _FAMILIAR.search(ctx.text, max(lo, np[0] - 40), np[0])
        head = _np_words(ctx, lo, post.end("head")) if post is not None else None
        if head is not None:
            return head[0], np[1]
    return np


#: Adverbs of attribution, manner and sequence between a speaker and the cue ("the group allegedly
#: declared", "she bluntly said", "the agency additionally noted", "the ministry initially reported"),
#: and of judgement and time ("the court correctly concluded", "he rightly said", "the board then announced");
#: intensifiers ("highly praised", "warmly welcomed") are not skipped: with them the verb praises or
#: welcomes more than it reports.
_ATTRIBUTION_ADVERBS = _words(
    """allegedly apparently purportedly reputedly supposedly bluntly flatly angrily quietly formally
    officially explicitly categorically emphatically briefly simply candidly frankly tersely curtly
    additionally initially subsequently separately publicly privately repeatedly independently
    previously earlier later further correctly incorrectly rightly wrongly mistakenly falsely accurately
    openly plainly clearly recently again then now once first finally ultimately eventually"""
)


def _skipped(word: str) -> bool:
    """A word between the speaker phrase and its cue: an auxiliary or an adverb of attribution
    ("has also", "allegedly", "bluntly")."""
    low = word.casefold()
    return low in _AUX or low in _ATTRIBUTION_ADVERBS


def _np_before(ctx: ClaimContext, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker phrase right before a cue (skipping "has", "also", ...), as (start, end). An
    appositive between the name and the cue is skipped: "Tom Reed, commander of the fleet, said" and
    "Tom Reed, commander of U.S. Pacific Fleet said" give "Tom Reed"."""
    text = ctx.text
    lo = max(lo, cue_start - 300)
    words = list(_WORD.finditer(text, max(lo, cue_start - 60), cue_start))  # enough to skip "has also"
    while words and _skipped(words[-1].group()) and not text[words[-1].end() : cue_start].strip():
        cue_start = words.pop().start()
    gap_start = words[-1].end() if words else lo
    if text[gap_start:cue_start].strip() in (",", "),"):  # "Tom Reed, commander of the fleet (PF), said"
        comma = text.rfind(",", gap_start, cue_start)
        honoured = honoured_name(text, lo, comma)  # "Minister for Sport, the Hon Claire Whitby MP, said"
        if honoured is not None:
            return honoured
        person = person_before_appositives(ctx, lo, comma)  # "X, Commanding Officer of 1st Battalion, The Rifles,"
        if person is not None:
            return _np_words(ctx, lo, person)
        opening = text.rfind(",", max(lo, comma - 200), comma)
        if opening >= 0 and _NAME_APPOSITIVE.fullmatch(text, opening + 1, comma):
            return strip_span(text, opening + 1, comma)  # "Schmidt's lawyer, Ellen Park, said"
        if opening >= 0 and (person_of := person_of_body(ctx, opening + 1, comma)) is not None:
            return person_of  # "Its lead author, Dr Henrik Osei of the University of Bergen, said"
        named = _THE_NAME_APPOSITIVE.fullmatch(text, opening + 1, comma) if opening >= 0 else None
        if named is not None and _common_noun_phrase(ctx, lo, opening):
            return named.span("name")  # "The pilots' union, the Northern Pilots Association, said"
        if opening >= 0 and text[opening + 1 : comma].strip().isdigit():  # "Marchenko, 34, said"
            return _np_words(ctx, lo, opening)
        if opening < 0 or not _APPOSITIVE.match(text, opening):
            return None
        age = _AGE.search(text, max(lo, opening - 8), opening)
        return _np_words(ctx, lo, age.start() if age is not None else opening)
    np = _np_words(ctx, lo, cue_start)
    if np is None:
        return None
    companions = _AND_COMPANIONS.search(text, max(lo, np[0] - 60), np[1])
    if companions is not None and companions.start("who") == np[0]:  # "Varga and her colleagues reported"
        lead = _np_words(ctx, lo, companions.start())
        if lead is not None and any(
            ctx.speakers.types.get(m.entity_key) == "person" and m.end == lead[1] for m in ctx.speakers.inside(*lead)
        ):
            return lead
    tail = _APPOSITIVE_TAIL.search(text, max(lo, np[0] - 120), np[0])
    if tail is None and text[np[0]].islower():  # ", commander of U.S. Pacific Fleet said"
        tail = _APPOSITIVE.match(text, text.rfind(",", max(lo, np[0] - 3), np[0]))
    if tail is not None:
        head = _np_words(ctx, lo, tail.start())
        if head is not None and any(
            ctx.speakers.types.get(m.entity_key) == "person" and m.end == head[1] for m in ctx.speakers.inside(*head)
        ):
            return head
    return np


def _common_noun_phrase(ctx: ClaimContext, lo: int, end: int) -> bool:
    """Is the noun phrase ending at ``end`` a determiner or possessive and lower-case words only ("The
    drivers' union", "its parent company", "The boats' maker")?"""
    np = _np_words(ctx, lo, end)
    if np is None:
        return False
    words = ctx.text[np[0] : np[1]].split()
    first = words[0].casefold()
    return len(words) >= 2 and first in SPEAKER_DETERMINERS and all(w[:1].islower() for w in words[1:])


def _block_after(ctx: ClaimContext, pos: int) -> tuple[int, int] | None:
    """``X said:`` with no quote mark after it: the claim is the rest of the paragraph or, when the
    colon ends the paragraph, the next paragraph."""
    text = ctx.text
    colon = _COLON.match(text, pos, pos + 40)
    if colon is None:
        return None
    start = colon.end()
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if not text[start:line_end].strip():  # the block is the next paragraph
        nxt = _NONSPACE.search(text, line_end, min(len(text), line_end + 16))
        if nxt is None:
            return None
        start = nxt.start()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
    if text[start] in '"“':
        return None  # a quote: the direct rules read it
    s, e = strip_span(text, start, line_end)
    return (s, e) if len(text[s:e].split()) >= 3 else None


#: First- and second-person words before a cue: the speaker's own words ("As I have already said", "we
#: must say"), not the reporter's.
_SPEAKERS_OWN = frozenset({"i", "we", "you", "us", "me", "our", "my"})
_WORD_BEFORE = re.compile(r"[A-Za-z]+")
#: "He then toured", "She clearly reaffirmed": a paragraph opening with the speaker's past deeds, told by the
#: reporter (the speaker's own "He has devoted his life …" about someone else is in the present perfect).
_THIRD_PERSON_OPENING = re.compile(
    r"(?:He|She)\s+(?:[a-z]+ly\s+|then\s+|also\s+|again\s+|later\s+){0,2}"
    r"(?:[a-z]+ed|went|gave|made|took|saw|met|left|sent|held|told|said|spoke|wrote|came|led|set|put)\b"
)


def narrates(text: str, s: int, e: int) -> bool:
    """Is the paragraph ``text[s:e]`` the reporter's, not a statement block's speaker's? It opens
    with "He"/"She" and a verb in the past ("She then toured"), or it holds a reporting cue (within
    :data:`WINDOW` of its start) whose three words before are not the speaker's own first or second
    person ("He referred to …, and continued:" is the reporter's; "As I have already said, …" and "we
    must say that" are the speaker's)."""
    if _THIRD_PERSON_OPENING.match(text, s, e):
        return True
    for m in CUE.finditer(text, s, min(e, s + WINDOW)):
        before = _WORD_BEFORE.findall(text, max(s, m.start() - 40), m.start())[-3:]
        if not any(w.casefold() in _SPEAKERS_OWN for w in before):
            return True
    return False


def block_paragraphs(ctx: ClaimContext, end: int, limit: int = 6) -> list[tuple[int, int]]:
    """The paragraphs after a statement block's first one that go on with it: up to ``limit``
    paragraphs, each without quote marks and not the reporter's (:func:`narrates`: a paragraph
    opening with "He"/"She" and a past verb, or a reporting cue with no first-person word before it)."""
    text, out = ctx.text, []
    pos = end
    for _ in range(limit):
        nxt = _NONSPACE.search(text, pos, min(len(text), pos + 16))
        if nxt is None or "\n" not in text[pos : nxt.start()]:
            break
        line_end = text.find("\n", nxt.start())
        line_end = len(text) if line_end < 0 else line_end
        s, e = strip_span(text, nxt.start(), line_end)
        if (
            s >= e
            or len(text[s:e].split()) < 3
            or any(ch in text[s:e] for ch in '"“”')
            or narrates(text, s, e)
            or ctx.is_taken(s, e)
        ):
            break
        out.append((s, e))
        pos = line_end
    return out


def content_after(ctx: ClaimContext, pos: int, sent_end: int, cue: str) -> tuple[int, int] | None:
    text = ctx.text
    rest_end = min(sent_end, pos + WINDOW)
    if cue.startswith(("told", "tell", "assure", "remind")):  # skip the person told: "told reporters (that)"
        m = (
            _TOLD_THAT.match(text, pos, rest_end)
            or _TOLD_NAME.match(text, pos, rest_end)
            or _TOLD_NOUN.match(text, pos, rest_end)
        )
        if not m:
            return None
        pos = m.end()
    adjunct = _CUE_ADJUNCT.match(text, pos, rest_end)
    if adjunct:
        pos = adjunct.end()
    block = _block_after(ctx, pos)
    if block is not None:
        return block
    m = _THAT.match(text, pos, rest_end)
    if m:
        pos = m.end()
    s, e = strip_span(text, pos, sent_end, '.!?;:,"“”')
    if s >= e or text.count(" ", s, min(e, s + 40)) < 1 or CUE.match(text, s) or _CONJUNCTION.match(text, s, e):
        return None
    return s, e


#: Where the source of "according to" may end inside a longer run of words: before a parenthetical
#: acronym ("the ROK Joint Chiefs of Staff (JCS), …"), before a determiner opening the clause with no
#: comma ("According to the South Korean military the missile flew …"), or before a preposition or
#: participle going on past the source ("according to the Korean Central News Agency without
#: disclosing …").
_SOURCE_END = re.compile(
    r"\s+(?=\()|\s+(?=(?:the|a|an|its|their|this|these|both|all)\s)"
    r"|\s+(?=(?:without|on|in|at|after|before|when|while|as|for|from|with|during|citing|quoting)\s)"
)
_PARENTHETICAL = re.compile(r"\s*\([^()]{1,40}\)")


def source_phrase_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Shorter readings of the words ``text[start:end]`` after "according to", left to right: each
    (where the source ends, where the words after it begin), a parenthetical acronym after the source
    skipped ("(JCS)"). The first word is always the source's."""
    first = text.find(" ", start, end)
    out = []
    for m in _SOURCE_END.finditer(text, first if first > 0 else end, end):
        after = m.end()
        paren = _PARENTHETICAL.match(text, m.start(), end)
        if paren is not None:
            after = paren.end()
        out.append((m.start(), after))
    return out
