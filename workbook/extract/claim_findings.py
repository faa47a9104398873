"""Findings that speak for whoever published them: "Figures published by the Home Office show that …", "Data
from the statistics office showed that …".

Decision (round twenty-five): a finding reported with a verb of showing after published numbers is a claim —
it is what a body puts on record, the way a statement is — and its speaker is the body that published the
numbers, named after the data noun with "published / released / issued / compiled by" or "from". "Show" is no
reporting verb of its own (a photo shows, a match shows): only this shape makes it one, with "that" after it.
A finding with no body named ("Studies find that …", "Surveys show that …") is left to the readers before
(a claim with no speaker when its verb is a cue, as the ``quotes_fresh22`` and ``quotes_fresh24`` golds
annotate it).

:func:`findings_claims` runs only on a text that holds a data noun followed by "published", "released",
"issued", "compiled", "collected" or "from" (a literal pre-check), and then only from each such noun.
"""

from __future__ import annotations

import re

from workbook.extract.base import ClaimRecord
from workbook.extract.claim_context import ClaimContext, strip_span
from workbook.extract.shared_scans import literal_matches

__all__ = ["DATA_NOUNS", "findings_claims", "source_named_after", "survey_head"]

#: Nouns of published numbers a body puts on record.
DATA_NOUNS = ("figures", "data", "statistics", "numbers", "estimates")
_NOUN = r"(?i:figures|data|statistics|numbers|estimates)"
#: Each data noun's tail and a space (case-blind at its first letter): a text with none of them has no finding.
_LITERALS = ("igures ", "ata ", "tatistics ", "umbers ", "stimates ")
#: The data nouns as :data:`_CHECK` opens with them, capitalised or not (the places a match can start).
_NOUN_WORDS = tuple(w for noun in DATA_NOUNS for w in (noun.capitalize(), noun))
_CHECK = re.compile(
    r"(?:[Ff]igures|[Dd]ata|[Ss]tatistics|[Nn]umbers|[Ee]stimates) "
    r"(?:published|released|issued|compiled|collected|produced|from)\s"
)
#: The data noun after at most three words opening the sentence ("Official crime figures", "The latest
#: data"), its publisher after "published / released (on Tuesday) by" or "from", a verb of showing and "that".
_FINDING = re.compile(
    rf"(?:[\w'’-]+[ \t]+){{0,3}}?{_NOUN}\s+"
    r"(?:(?:published|released|issued|compiled|collected|produced)\s+(?:[\w,]+\s+){0,3}?by|from)\s+"
    r"(?P<agent>(?:the\s+)?[A-Z][^,;:.!?\"“”()\n]{0,120}?)\s+"
    r"(?P<cue>show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated|reveal|reveals"
    r"|revealed|find|found)\s+that\s+"
)


def findings_claims(ctx: ClaimContext) -> list[ClaimRecord]:
    """ "Figures published by X show that …" opening a sentence: the clause after "that" is X's claim."""
    text, out = ctx.text, list[ClaimRecord]()
    if not any(noun in text for noun in _LITERALS):  # a literal pre-check before any pattern runs
        return out
    for hit in literal_matches(_CHECK, text, _NOUN_WORDS):  # from each data noun, not every position
        sent = ctx.sentences[ctx.sentence_of(hit.start())]
        lead = sent.start + len(text[sent.start : hit.start()]) - len(text[sent.start : hit.start()].lstrip(" \"“'‘("))
        m = _FINDING.match(text, lead, sent.end)
        if m is None or m.start("agent") < hit.end() - 1 or ctx.is_taken(m.start(), sent.end):
            continue
        speaker = ctx.speaker(m.start("agent"), m.end("agent"), at_end=True)
        if speaker is None or speaker.shown is None:
            continue
        s, e = strip_span(text, m.end(), sent.end, '.!?,;:"“”')
        if text.count(" ", s, e) < 2:
            continue
        out.append(ctx.claim(s, e, "indirect", speaker, m.group("cue")))
        ctx.take(m.start(), e)
    return out


#: A survey's or a study's noun phrase with what it was of ("A survey of 2,300 members", "The poll of voters"):
#: the survey is the subject, not the members it asked.
_SURVEY_OF = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Tt]his|[Ii]ts|[Tt]heir)\s+(?:[a-z]+\s+)?(?:survey|poll|study|census|audit|questionnaire)"
    r"(?=\s+of\s)"
)


def survey_head(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The span of the survey's own noun phrase when the speaker phrase ``text[s:e]`` is "<a survey> of …"
    ("A survey of 2,300 members": "A survey"); else None."""
    m = _SURVEY_OF.match(text, s, e)
    return (s, m.end()) if m is not None else None


#: ", according to a survey by X" later in the sentence (a source with a capitalised name in its first words).
_HEAD = re.compile(r"\b[a-z][a-z-]*[^s\W]s\b(?=(?:\s+(?:in|at|from|across)\s+.*)?$)")
_SOURCE_AFTER = re.compile(r",\s+according\s+to\s+(?:[\w'’-]+\s+){0,4}?[A-Z]")


def source_named_after(text: str, subject: tuple[int, int], cue_end: int, sent_end: int) -> bool:
    """Does the sentence name its source after a generic subject's cue ("Most nurses say they are tired,
    according to a survey by the Royal College of Nursing")? Then the nurses' saying is the survey's finding:
    the sentence is the source's claim, read at "according to", not the nurses' with nobody named."""
    head = _HEAD.search(text, *subject)  # the subject is people in general: a plural common noun as its head
    return head is not None and _SOURCE_AFTER.search(text, cue_end, sent_end) is not None
