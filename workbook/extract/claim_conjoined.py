"""Reported speech that goes on after an inverted cue: "The ships did not enter territorial waters, the
ministry said, but a destroyer had followed them for eight hours."

Wire copy puts the cue in the middle of a sentence and joins a second reported clause with ", and" or ", but":
the second clause is the same speaker's, as "…, adding that …" is (``claim_quotes.adding_claims``). It is
read only when the words after the conjunction open a clause of their own — a determiner, a pronoun, a
number or a capitalised word as its subject ("and the first firings would …", "but it had …") — and hold no
cue of another speaker; "…, the ministry said, and called for calm" (a second verb of the speaker, no
subject) is not content.
"""

from __future__ import annotations

import re

from workbook.extract.base import ClaimRecord
from workbook.extract.claim_context import ClaimContext, strip_span
from workbook.extract.claim_phrases import CUE
from workbook.extract.speaker_words import Speaker

__all__ = ["conjoined_after", "conjoined_claims"]

#: After the cue (and at most a time or channel: "on Tuesday", "in a statement"): ", and" / ", but", then a
#: subject's first word.
_CONJOINED = re.compile(
    r"(?:\s+(?:on|in|at|late|early|last|this|earlier)\b(?:\s+[\w-]+){0,3})?\s*,\s*(?:and|but)\s+"
    r"(?=(?:the|a|an|its|it|their|they|his|he|her|she|this|that|these|those|some|no|all|[A-Z0-9])[\w'’-]*\s)"
)
_MIN_WORDS = 4


def conjoined_after(text: str, cue_end: int, sent_end: int) -> bool:
    """Does ", and" / ", but" and a clause's subject follow the cue ending at ``cue_end`` (after at most a
    time or channel: "said on Monday, and its crew …")?"""
    return _CONJOINED.match(text, cue_end, sent_end) is not None


def conjoined_claims(ctx: ClaimContext, cue_end: int, sent_end: int, speaker: Speaker, cue: str) -> list[ClaimRecord]:
    """The clause after ", and" / ", but" that follows an inverted cue ending at ``cue_end``, as a claim of
    the same ``speaker``; none when no such clause follows or it holds a cue of its own."""
    text = ctx.text
    m = _CONJOINED.match(text, cue_end, sent_end)
    if m is None:
        return []
    s, e = strip_span(text, m.end(), sent_end, '.!?;:,"“”')
    if len(text[s:e].split()) < _MIN_WORDS or CUE.search(text, s, e) is not None or ctx.is_taken(s, e):
        return []
    ctx.take(m.start(), e)
    return [ctx.claim(s, e, "indirect", speaker, cue)]
