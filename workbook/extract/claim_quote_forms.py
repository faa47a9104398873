"""Forms of a direct quote the attribution rules of :mod:`workbook.extract.claim_quotes` read besides the
punctuated ones: a quote with its comma left out ('"We will rebuild every house" Lisa Chen said.', 'Chen
replied "we do not know yet"'), a quote whose object is a relative pronoun before the speaker ("what KCNA
described as "…"", "which its chief executive called "…""), and the names a naming verb gives ("dubbed the
frigate "Sea Wolf""), which are no speech."""

from __future__ import annotations

import re

from workbook.extract.speaker_words import UNRESOLVED_PRONOUNS

__all__ = [
    "BARE_QUOTE_VERB",
    "ends_attribution",
    "is_given_name",
    "speaker_after_relative",
    "unpunctuated_quote",
]

#: A verb that attributes only speech, right before a quote with no comma: 'Chen replied "…"'.
BARE_QUOTE_VERB = re.compile(
    r"\b(?P<cue>replied|replies|answered|answers|responded|remarked|commented|quipped|exclaimed|countered|retorted)\s*$"
)
#: What may follow an attribution that ends its sentence: an object of the cue ("told reporters"), an
#: appositive, or a time, a place or a channel; then the stop.
_ENDS_ATTRIBUTION = re.compile(
    r"(?:\s+(?:reporters|journalists|the\s+[a-z]+|[A-Z][\w.]*))?"  # "told reporters", "told the BBC"
    r"(?:,[^.!?\"“”]{1,80}|\s+(?:on|in|at|during|last|this|to|earlier|yesterday|today)\b[^.!?\"“”]{0,80})?\s*[.!?]"
)
#: Words of a title that may be lower-case ("The Wind in the Willows"): a quote with no other lower-case
#: word is a title, not speech.
_TITLE_SMALL_WORDS = frozenset(
    {"the", "a", "an", "of", "in", "on", "and", "to", "for", "with", "at", "by", "or", "from"}
)
#: A determiner before a name a naming verb gives: 'called "the Jungle"'.
_NAME_OPENING = re.compile(r"^(?:the|a|an)\s+")
#: A relative pronoun before the speaker phrase of a quote verb: "what KCNA described as "…"" (the pronoun
#: is the object the quote names, the speaker the words after it).
_RELATIVE_OBJECT = re.compile(r"\b(?:what|which|whom)\s+", re.IGNORECASE)
#: At most this many words make a name a naming verb gives.
_NAME_WORDS = 5


def unpunctuated_quote(text: str, sentence_start: int, open_mark: int, content_end: int) -> bool:
    """Is the quote opening at ``open_mark`` one written without its comma before an attribution ('"We
    will rebuild every house" Lisa Chen said.')? It opens its sentence, ends with a word, not a stop, and
    holds four words or more with a lower-case word a title would not have (not "The Wind in the
    Willows")."""
    if text[sentence_start:open_mark].strip(" \t\n([") or not text[content_end - 1].isalnum():
        return False
    words = text[open_mark + 1 : content_end].split()
    return len(words) >= 4 and any(w[:1].islower() and w not in _TITLE_SMALL_WORDS for w in words)


def ends_attribution(text: str, at: int, end: int) -> bool:
    """Does the attribution ending at ``at`` end its sentence (an appositive, a time, a place or a channel
    may follow it before the stop)?"""
    return _ENDS_ATTRIBUTION.match(text, at, end) is not None


def is_given_name(quoted: str) -> bool:
    """Is ``quoted`` a name (at most five words, each capitalised or a number, past a leading
    determiner): what a naming verb gives ("dubbed the frigate "Sea Wolf"", 'called "the Jungle"')?"""
    words = _NAME_OPENING.sub("", quoted).split()
    return len(words) <= _NAME_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words)


#: The fewest words of a quote attributed through a relative pronoun ("which its chief executive called "a bump
#: in the road""): a shorter one is a term held at a distance ("what it called "provocations"", "what they
#: call "exchange""), as state media write them, not speech.
_RELATIVE_QUOTE_WORDS = 4
#: A pronoun as the speaker phrase after a relative pronoun: 'what it called "…"' sits inside what "it" says
#: around it, which a claim of the phrase alone would cut short.
_PERSONAL_PRONOUNS = UNRESOLVED_PRONOUNS | {"he", "she"}


def speaker_after_relative(
    text: str, np: tuple[int, int], quoted: str, *, relative_cue: bool
) -> tuple[int, int] | None:
    """The speaker phrase ``np`` of a quote verb without the relative pronoun (and what comes before it) that
    opens the quote's object: "what KCNA" → "KCNA", "heard what prosecutors" → "prosecutors". After a
    relative pronoun (in ``np``, or before the subject of a naming verb: ``relative_cue``), None when the
    quote is shorter than four words or the speaker phrase is a pronoun."""
    start, end = np
    found = list(_RELATIVE_OBJECT.finditer(text, start, end))
    if found and found[-1].end() < end:
        start = found[-1].end()
    if (start != np[0] or relative_cue) and (
        len(quoted.split()) < _RELATIVE_QUOTE_WORDS or text[start:end].casefold() in _PERSONAL_PRONOUNS
    ):
        return None
    return start, end
