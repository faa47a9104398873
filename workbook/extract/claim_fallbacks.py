"""Reported speech the main claim rules leave out: generic subjects and quotes that go on.

Two general rules of English reporting, used by :mod:`workbook.extract.claims`:

* :func:`generic_subject` — a subject that is a common noun phrase with no name in it ("The farmers
  said the rain came too late", "Teachers told reporters that …", "the leaders of both unions
  said …") reports speech as much as "officials said" does. Its claim is kept with no speaker entity
  and nothing shown as speaker; the words as written stay (``speaker_as_written``), as for other
  generic speakers. Only a human or plural head counts ("the plan said" is no speaker), or a court's
  decision ("The ruling says the levy …", "the judgment states"), and only before a clause ("The
  attacks claimed 30 lives" is no speech).
* :func:`continued_quotes` — a quote that is a sentence (or sentences) of its own, with no
  attribution, right after a sentence that reports someone's words ("Holt said the budget was a
  disaster. "We will fight it."", also when the quote opens the next paragraph) continues that
  speaker's words: news, press releases and biographies write the attribution once and let the
  next quote follow it.

* :func:`research_finding` — what studies and surveys suggest, with "that" left out ("Surveys suggest many
  gardeners still use pesticides", "Recent studies suggest most patients recover within a week"): a finding with nobody
  named, kept as a generic subject's claim. Only after a plural research noun opening its sentence and before a
  quantifier, determiner or number opening the finding ("Studies show promise" is no finding).

* :func:`quotes_before_subject` — a quote opening its paragraph as a sentence of its own, with no
  attribution, followed in the same paragraph by a sentence whose subject is a person named in full
  (""I knew the time was there." Grace Okafor was still catching her breath …") is that person's:
  features open with the words and name the speaker next.

All are bounded: a speaker phrase of at most eight words, one sentence back or on for a quote.
"""

from __future__ import annotations

import re

from workbook.extract.base import ClaimRecord
from workbook.extract.claim_context import ClaimContext, find_quotes, strip_span
from workbook.extract.claim_phrases import CLAUSE_FOLLOWS
from workbook.extract.speaker_unnamed import RELATION_NOUNS
from workbook.extract.speaker_words import SPEAKER_DETERMINERS, Speaker, is_title
from workbook.extract.vocabulary import HUMAN_NOUNS

__all__ = ["continued_quotes", "coordinated_subject", "generic_subject", "quotes_before_subject", "research_finding"]

#: Words after which a noun phrase's head has been passed: "the leaders of both unions".
_POSTHEAD = frozenset({"of", "in", "from", "at", "across", "on", "with", "near", "for", "to"})
#: A clause (or a quote, or a block) right after a cue: what a generic subject must report.
_CLAUSE_START = re.compile(
    r"\s*(?:[,:]|[\"“]|(?:that|the|a|an|it|he|she|they|there|this|these|those|his|her|their|its|we|i|no|some"
    r"|all|more|most|many|nothing|everything|only|not|to\s+[a-z]+)\b)",
    re.IGNORECASE,
)
#: A word before a noun phrase that makes it an object, not a subject: "talked on major issues and
#: confirmed that …" (the subject is further back).
_OBJECT_BEFORE = re.compile(
    r"\b(?:of|on|in|at|for|with|by|from|to|about|into|over|under|between|among|against|during|through|after|before"
    r"|than|like|as)\s*$",
    re.IGNORECASE,
)
#: Cues that report speech before any clause; the others ("concluded an agreement", "noted the
#: date") need "that", a colon, a quote or "to" + verb after a generic subject.
_LOOSE_CUES = frozenset(
    re.findall(
        r"\w+",
        """said says say told tells tell warned warns warn insisted insist argued argue argues believe believed
        believes think thinks thought expect expects fear fears feared""",
    )
)
_STRICT_START = re.compile(r"\s*(?:[,:]|[\"“]|that\b|to\s+[a-z]+\b)")
_TOLD_THAT = re.compile(r"\s+(?:the\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?\s+that\b")
_WORD = re.compile(r"[\w'’.-]+")
_PLURAL_NOT = ("ss", "us", "is", "'s", "’s")
_PLURAL_IRREGULAR = ("men", "people", "women", "children", "police", "staff", "clergy", "media", "public")


def _participle(before: str, word: str) -> bool:
    """Does ``word`` open a participle phrase after the plural ``before`` ("countries neighboring")?"""
    return len(word) > 5 and word.endswith("ing") and word.isalpha() and _head_is_generic(before)


#: A court's decision, which speaks for the court: "The ruling says the levy …", "the judgment states that".
_COURT_DECISIONS = frozenset({"ruling", "judgment", "judgement", "verdict"})


def _head_is_generic(head: str) -> bool:
    """A human noun ("minister", "authority"), a title ("mayor"), a plural common noun ("farmers",
    "clerics"), a court's decision ("ruling") or a relative or lawyer of someone ("mother", "solicitor")."""
    if not head.isalpha() and not head.replace("-", "").isalpha():
        return False
    if (
        head in HUMAN_NOUNS
        or head in _COURT_DECISIONS
        or head in RELATION_NOUNS
        or is_title(head)
        or head.endswith(_PLURAL_IRREGULAR)
    ):
        return True
    return len(head) > 3 and head.endswith("s") and not head.endswith(_PLURAL_NOT)


#: A sentence-opening noun phrase up to a preposition: "Workers at", "The nurses from", "Many
#: doctors in" (a determiner or quantifier, at most two more words, the head, the preposition).
_HEAD_THEN_PREP = re.compile(
    r"\s*(?:(?:[Tt]he|[Mm]any|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]ost|[Aa]ll|[Oo]ther)\s+)?"
    r"(?P<np>[A-Za-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})\s+(?:at|in|from|on|near|across|with)\s*$"
)


def _head_before_preposition(ctx: ClaimContext, s: int) -> int | None:
    """Where the subject starts when the phrase at ``s`` is the object of a preposition after a
    sentence-opening generic noun phrase ("Workers at the plant said", "Doctors in Leeds said"): the
    start of the sentence; None when something else stands before the preposition."""
    sent_start = ctx.sentences[ctx.sentence_of(s)].start if ctx.sentences else 0
    m = _HEAD_THEN_PREP.fullmatch(ctx.text, sent_start, s)
    if m is None or not _head_is_generic(m.group("np").split()[-1].casefold()):
        return None
    return m.start() + len(ctx.text[m.start() : s]) - len(ctx.text[m.start() : s].lstrip())


_AND = re.compile(r"\s+(?:and|&)\s+")


def coordinated_subject(ctx: ClaimContext, s: int, e: int) -> Speaker | None:
    """Two named speakers as one subject ("South Korea's Joint Chiefs of Staff and U.S. Forces Korea
    reported", "The Hanover Rowing Club and the Elbe Canoe Association said"): a claim has one speaker,
    so the last one speaks, as "Lena Fischer and Marc Dubois said" shows the last name. Both sides
    must be names of people, organisations or countries of at most eight words each ("Youths in …
    counties of Jagang Province vowed" names nobody; "Friendship and Solidarity Committee" is one
    name, not two); else None."""
    text = ctx.text
    joins = list(_AND.finditer(text, s, e))
    if not joins:
        return None
    last = joins[-1]
    sides = [strip_span(text, s, last.start(), " ,"), strip_span(text, last.end(), e)]
    speakers = []
    for a, b in sides:
        if a >= b or len(text[a:b].split()) > 8:
            return None
        spk = ctx.speaker(a, b, at_end=True)
        if spk is None or spk.key is None or ctx.speakers.types.get(spk.key) not in _NAMED_SPEAKER_TYPES:
            return None
        speakers.append(spk)
    return speakers[-1]


_NAMED_SPEAKER_TYPES = frozenset({"person", "organization", "country"})


#: A sentence opening with research as its subject and a verb of showing: "Surveys suggest", "Recent studies
#: show", "Several polls have indicated" (then the finding, see :func:`research_finding`).
_RESEARCH_SUBJECT = re.compile(
    r"(?:(?:[Rr]ecent|[Nn]ew|[Ss]everal|[Mm]any|[Oo]ther|[Ee]arlier|[Pp]revious|[Ss]ome)\s+)?"
    r"(?:[Ss]urveys|[Ss]tudies|[Pp]olls|[Ff]igures|[Tt]rials|[Rr]esearch|[Ee]vidence|[Dd]ata)"
    r"(?:\s+(?:have|has|also|now|consistently))?\s*$"
)
_FINDING_VERBS = frozenset({"suggest", "suggests", "suggested", "indicates", "indicated"})  # cues of ``CUE``
#: The opening of a finding after the verb: a quantifier, a determiner or a number.
_FINDING_START = re.compile(
    r"\s+(?:many|most|more|fewer|few|some|about|around|nearly|almost|over|under|half|one|two|three|four|five|only"
    r"|the|a|an|people|\d[\d,.]*%?)\s+\w+\s+\w+"
)


def research_finding(text: str, sent_start: int, cue: tuple[int, int]) -> bool:
    """Is the cue at ``cue`` (start, end) a verb of showing after a research subject opening its sentence, with
    a finding after it that "that" does not open (see the module docstring)?"""
    if text[cue[0] : cue[1]].casefold() not in _FINDING_VERBS:
        return False
    lead = text[sent_start : cue[0]].lstrip(" \"“'‘(")
    return _RESEARCH_SUBJECT.fullmatch(lead) is not None and _FINDING_START.match(text, cue[1]) is not None


def generic_subject(ctx: ClaimContext, s: int, e: int, cue: tuple[int, int], sent_end: int) -> Speaker | None:
    """The generic speaker of the phrase ``text[s:e]`` before the ``cue`` (start, end), when the
    phrase is a common noun phrase with a human or plural head and no capitalised word (but the
    sentence's first), not the object of a preposition (but before "who": "the views of
    philologists who maintain that"), and a clause follows the cue; else None (see the module
    docstring)."""
    text = ctx.text
    words = _WORD.findall(text, s, e)
    if not words or len(words) > 8:
        return None
    lows = [w.casefold() for w in words]
    cut = next(  # the head ends before "of …" or a participle ("the countries neighboring X")
        (i for i, w in enumerate(lows) if w in _POSTHEAD or (i > 0 and _participle(lows[i - 1], w))), len(lows)
    )
    relative = text[e : cue[0]].strip(" ,") == "who"
    if not relative and _OBJECT_BEFORE.search(text, max(0, s - 12), s):
        head = _head_before_preposition(ctx, s)
        if head is None:
            return None  # the object of a preposition: "talks on major issues and confirmed"
        return generic_subject(ctx, head, e, cue, sent_end)  # "Workers at the plant said": the workers
    if cut == 0:
        return None
    sent_start = ctx.sentences[ctx.sentence_of(s)].start if ctx.sentences else 0
    initial = not text[sent_start:s].strip(" \"“”'‘’([")
    plural = cut > 1 and lows[cut - 1].endswith("s") and words[cut - 1].islower()
    for i, w in enumerate(words[:cut]):
        if w[:1].isupper() and not (i == 0 and initial) and not (plural and w.isalpha()):
            return None  # a name or a title (but "Southeast Asian countries"): the speaker rules' business
    if len(words[:cut]) == 1 and not initial and lows[0] not in HUMAN_NOUNS:
        return None  # a bare word inside a sentence: "…, reports said" is the speaker rules' business
    if cut > 1 and lows[cut - 2] not in SPEAKER_DETERMINERS and not lows[cut - 2].isalpha():
        return None
    if not _head_is_generic(lows[cut - 1]):
        return None
    loose = text[cue[0] : cue[1]].casefold() in _LOOSE_CUES
    if not (
        text.endswith(" that", cue[0], cue[1])  # a cue that holds its "that": "write that", "made clear that"
        or CLAUSE_FOLLOWS.match(text, cue[1], sent_end)
        or (_CLAUSE_START if loose else _STRICT_START).match(text, cue[1], sent_end)
        or _TOLD_THAT.match(text, cue[1], sent_end)
        or research_finding(text, sent_start, cue)
    ):
        return None
    return Speaker(None, None, " ".join(text[s:e].split()))


def continued_quotes(ctx: ClaimContext, claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """``claims`` (the document's claims so far) with the quotes that continue the speaker of the
    sentence before (see the module docstring): new claims for the quotes no rule took, and that
    speaker for the quotes kept with no attribution at all."""
    text = ctx.text
    if not claims or not ctx.sentences:
        return claims
    by_sentence: dict[int, ClaimRecord] = {}
    bare: dict[int, int] = {}  # quote content start -> index of its claim kept with no attribution
    for i, c in enumerate(claims):
        if c.speaker_key or c.speaker_text:
            by_sentence[ctx.sentence_of(max(c.start, c.end - 1))] = c
        elif c.quote_kind == "direct" and c.cue is None and c.speaker_as_written is None:
            bare[c.start] = i
    out = list(claims)
    for q in find_quotes(text):
        cs, ce = strip_span(text, q.open + q.open_w, q.close)
        if cs >= ce or len(text[cs:ce].split()) < 3 or (cs not in bare and ctx.is_taken(q.open, q.after)):
            continue
        k = ctx.sentence_of(q.open)
        last = ctx.sentences[ctx.sentence_of(max(q.open, q.after - 1))]
        if k == 0 or text[ctx.sentences[k].start : q.open].strip() or text[q.after : last.end].strip(" .!?”\"'’"):
            continue  # not sentences of their own
        before = by_sentence.get(k - 1)
        gap = text[ctx.sentences[k - 1].end : q.open]
        if before is None or gap.count("\n") > 2 or gap.strip():
            continue  # no speaker reported in the sentence right before (or the paragraph before)
        if any(m in text[before.end : q.open].lstrip(",.!?;:\"”’' ") for m in '"“”'):
            continue  # another quote stands between
        speaker = Speaker(before.speaker_key, before.speaker_text, before.speaker_as_written or "")
        claim = ctx.claim(cs, ce, "direct", speaker, before.cue)
        if cs in bare:
            out[bare[cs]] = claim
        else:
            out.append(claim)
            ctx.take(q.open, q.after)
    return out


def quotes_before_subject(ctx: ClaimContext, claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """``claims`` with each quote kept with no attribution at all that opens its paragraph as a
    sentence (or sentences) of its own given to the person named in full opening the next sentence
    of the same paragraph (see the module docstring); the other claims as they are."""
    text = ctx.text
    out = list(claims)
    for i, c in enumerate(claims):
        if c.quote_kind != "direct" or c.speaker_key or c.speaker_text or c.cue or c.speaker_as_written:
            continue
        first, last = ctx.sentence_of(c.start), ctx.sentence_of(max(c.start, c.end - 1))
        if last + 1 >= len(ctx.sentences):
            continue
        sent, nxt = ctx.sentences[first], ctx.sentences[last + 1]
        if text[text.rfind("\n", 0, sent.start) + 1 : sent.start].strip():
            continue  # not the paragraph's opening
        if text[sent.start : c.start].strip(" \"“‘'") or text[c.end : ctx.sentences[last].end].strip(" .!?,\"”’'"):
            continue  # the quote is not its sentences' whole
        if "\n" in text[ctx.sentences[last].end : nxt.start]:
            continue  # the next sentence is in another paragraph
        person = ctx.speakers.person_opening(nxt.start, nxt.end)
        if person is None:
            continue
        written = " ".join(text[person.start : person.end].split())
        speaker = Speaker(person.entity_key, ctx.speakers.shown(person.entity_key, written), written)
        out[i] = ctx.claim(c.start, c.end, "direct", speaker, None)
    return out
