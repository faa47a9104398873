"""Why reported speech is missed: the first stage of the claim extractor that loses a gold instance.

Used by ``benchmarks/eval_claims.py --stages``. The stages, in the order the extractor runs them:

1. ``no cue`` — none of the extractor's cue words (reporting verbs and phrases of
   :mod:`workbook.extract.vocabulary`, verbs that attribute a quote, "according to", a possessive
   report noun, a participle such as "saying") stands in the instance's sentence or the sentence
   before or after it, outside the reported words themselves: the vocabulary does not know how the
   speech is reported ("forbade", "projects", "goes on to say", a colon, a quote with no verb).
2. ``cue, no claim`` — a cue is there, but no claim overlaps the instance at all (a rule refused the
   cue: no subject found, no clause after it, a pattern not covered).
3. ``claim, wrong span`` — a claim overlaps the instance but covers less than half of it.
4. ``speaker wrong`` — found, but with another speaker or none (also a name where the gold names
   nobody).
5. ``pronoun unresolved`` — found, the speaker written as a pronoun or a lower-case noun phrase that
   was not resolved to the gold name.

For the second stage :func:`refusal_near` names the rule that saw the cue and refused it (the
extractor's trace, ``extract_claims(..., refusals=[])``): a passive, no subject, a subject refused as a
speaker, a clause verb with no clause, one claim per sentence already made, a quote with no
attribution next to it, ….

The breakdown makes the biggest general cause a number. For the first two stages
:func:`cue_word` gives the word that reports the speech as written (the verb before the reported
words), so that the missing cues can be counted by word.
"""

from __future__ import annotations

import re
from collections import Counter

from workbook.extract.claim_phrases import CUE
from workbook.extract.phrase_regex import phrase_alternation
from workbook.extract.sentences import Sentence, sentence_index
from workbook.extract.vocabulary import AS_QUOTE_VERBS, QUOTE_VERBS

__all__ = [
    "NO_RULE",
    "STAGES",
    "WRONG_CAUSES",
    "cue_near",
    "cue_word",
    "refusal_near",
    "stage_of",
    "top_words",
    "wrong_cause",
]

STAGES = ("no cue", "cue, no claim", "claim, wrong span", "speaker wrong", "pronoun unresolved")

_OTHER_CUES = re.compile(
    rf"\b(?:{phrase_alternation(sorted(QUOTE_VERBS | AS_QUOTE_VERBS, key=len, reverse=True))})\b"
    r"|['’]s\s+(?:claims?|assertions?|warnings?|pledges?|promises?|statements?|announcements?|comments?|remarks?)\b"
    r"|,\s*(?:saying|insisting|arguing|warning|charging|alleging|demanding|announcing|complaining|suggesting)\b"
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SKIP = frozenset({"that", "the", "a", "an", "uh", "um", "quote", "and", "to"})


def cue_near(text: str, sentences: list[Sentence], start: int, end: int) -> bool:
    """Does an extractor cue stand in the sentences from the one before ``start`` to the one after
    ``end``, outside ``[start, end)``?"""
    if not sentences:
        lo, hi = 0, len(text)
    else:
        first = max(0, sentence_index(sentences, start) - 1)
        last = min(len(sentences) - 1, sentence_index(sentences, max(start, end - 1)) + 1)
        lo, hi = sentences[first].start, sentences[last].end
    for pattern in (CUE, _OTHER_CUES):
        for m in pattern.finditer(text, lo, hi):
            if m.end() <= start or m.start() >= end:
                return True
    return False


def cue_word(text: str, start: int) -> str:
    """The word that reports the instance as written: the last word before the reported words in
    their sentence, past "that", articles and fillers (lower-cased; ``"(none)"`` when the instance
    opens its sentence)."""
    lo = max(0, start - 120)
    head = text[lo:start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
    words = [w.casefold() for w in _WORD.findall(head[cut + 1 :] if cut >= 0 else head)]
    words = [w for w in words if w not in _SKIP]
    return words[-1] if words else "(none)"


def stage_of(cue: bool, overlap: bool, found: bool, miss_kind: str) -> str:
    """The first stage that loses a missed instance (see the module docstring): ``cue`` is
    :func:`cue_near`; ``overlap``: a claim overlaps it; ``found``: one covers half of it;
    ``miss_kind``: :func:`benchmarks.eval_claims.miss_kind`."""
    if not found:
        if overlap:
            return "claim, wrong span"
        return "cue, no claim" if cue else "no cue"
    return "pronoun unresolved" if miss_kind == "unresolved" else "speaker wrong"


def top_words(words: list[str], n: int = 12) -> str:
    """``n`` most frequent words with their counts, "said 4, asked 2"."""
    return ", ".join(f"{w} {k}" for w, k in Counter(words).most_common(n))


#: The reason given when no rule traced a refusal near the instance.
NO_RULE = "no rule traced a refusal near it (a cue of another rule: participle, 'as', possessive …)"


def refusal_near(refusals: list[tuple[int, str]], sentences: list[Sentence], start: int, end: int) -> str:
    """The refusal that most plausibly lost the instance ``[start, end)``: the nearest one (by
    offset) in the instance's own sentences, else in the sentence before or after; :data:`NO_RULE`
    when there is none."""
    if not sentences:
        return NO_RULE
    first = sentence_index(sentences, start)
    last = sentence_index(sentences, max(start, end - 1))
    for lo_i, hi_i in ((first, last), (max(0, first - 1), min(len(sentences) - 1, last + 1))):
        lo, hi = sentences[lo_i].start, sentences[hi_i].end
        near = [(min(abs(at - start), abs(at - end)), why) for at, why in refusals if lo <= at < hi]
        if near:
            return min(near)[1]
    return NO_RULE


#: Why a found instance has the wrong speaker (``--stages``, the fourth and fifth stages), from the
#: gold name, the speaker shown and the words written.
WRONG_CAUSES = (
    "no speaker: a quote or clause standing with no attribution of its own (the speaker named before)",
    "no speaker: a noun phrase not resolved to the organisation or person named before",
    "pronoun resolved to another antecedent",
    "pronoun left unresolved",
    "part of the name shown (a surname, a given name, a title read as a name)",
    "a title or role phrase shown, or the organisation inside it, not the person",
    "another name in the phrase taken (a place, a date, a source)",
    "a name shown where the text names nobody",
    "another speaker",
)
_PRONOUN_WORDS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her"})
_NAME_WORDS = re.compile(r"[\w]+(?:[.'’-][\w]+)*")


def _words(name: str | None) -> list[str]:
    drop = ("the", "a", "an")
    return [w for w in _NAME_WORDS.findall((name or "").casefold().replace("’", "'")) if w not in drop]


def wrong_cause(gold: str | None, shown: str | None, written: str | None) -> str:
    """The cause (one of :data:`WRONG_CAUSES`) of a found instance whose speaker is wrong."""
    w = _words(written)
    pronoun = len(w) <= 2 and bool(w) and w[-1] in _PRONOUN_WORDS
    if gold is None:
        return WRONG_CAUSES[7]
    if not shown:
        if pronoun:
            return WRONG_CAUSES[3]
        return WRONG_CAUSES[0] if not written else WRONG_CAUSES[1]
    if pronoun:
        return WRONG_CAUSES[2]
    g, s = _words(gold), _words(shown)
    if s and set(s) < set(g):
        return WRONG_CAUSES[4]
    if written and any(x[:1].islower() for x in written.split()[1:]) and len(w) > len(s):
        return WRONG_CAUSES[5]
    if len(w) > len(s):
        return WRONG_CAUSES[6]
    return WRONG_CAUSES[8]
