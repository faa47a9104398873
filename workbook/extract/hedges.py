"""Hedge words and the ICD 203 band each one implies.

ICD 203 (US Intelligence Community Directive 203, "Analytic Standards", 2015) fixes seven
expressions of likelihood, each a band of probability:

===================  ====================================  ===========
band                 ICD 203 words                         probability
===================  ====================================  ===========
almost no chance     almost no chance, remote              01-05 %
very unlikely        very unlikely, highly improbable      05-20 %
unlikely             unlikely, improbable                  20-45 %
roughly even chance  roughly even chance / odds            45-55 %
likely               likely, probable                      55-80 %
very likely          very likely, highly probable          80-95 %
almost certain       almost certain(ly), nearly certain    95-99 %
===================  ====================================  ===========

News writers rarely use these words exactly; the mapping below puts each common news hedge in the
band a reader most plausibly takes it to mean. The justification, word by word:

* **ICD 203's own words** (and their adverbs: *probably*, *improbably*, *almost certainly*,
  *nearly certainly*) map to their own band. *Remote* counts only in "remote chance/possibility"
  (otherwise it is a place word); *highly likely* is read as ICD's *very likely*, *most likely*
  likewise.
* **may, might, could, possibly, possible, perhaps, maybe** → *roughly even chance*. They assert
  only that something is possible and commit to no probability; the middle band is the least
  committal one, and reader studies of "may/might/could" (e.g. Mandel 2015, Barnes 2016) put their
  median reading near 50 %. *could not* and *couldn't* are not hedges (they state inability), nor
  is *May* written with a capital inside a sentence (the month or a name), nor *possible* in
  set phrases ("as soon as possible", "if possible").
* **believed, thought, it is believed, it is thought** → *likely*: the writer reports a belief held
  by sources, i.e. something they hold more likely than not but do not present as fact. *thought*
  counts only as a verb of belief ("is thought to", "was widely thought"), not as a noun.
* **suspected** → *roughly even chance*: a suspicion has grounds but is weaker than a belief; it
  marks something worth checking rather than something held likely.
* **reportedly, allegedly, alleged, purportedly, is/are/was said to** → *roughly even chance*: the
  writer relays someone else's account without vouching for it; nothing is implied either way.
* **apparently, apparent, appears, appeared, seems, seemed** → *likely*: an inference from visible
  evidence, presented as more likely than not.
* **expected** (as "is expected to", "expected to") → *likely*: a forecast the writer presents as
  more likely than not.
* **it is feared, feared** → *roughly even chance*: a worry that something is possible, not an
  estimate that it is probable.
* **unlikely, doubtful, improbable** → *unlikely*; **very/highly unlikely** → *very unlikely*.
* **certainly, definitely, undoubtedly, almost certainly, nearly certain** → *almost certain*:
  ICD 203 has no band above 95-99 %, and a writer's "certainly" is an assertion of near certainty.
* **impossible, no chance** → *almost no chance*.

**Negation.** A hedge right after *not*, *n't* or *never* ("not likely", "is not believed") is
reported with the negation ("not likely") and moves band: *likely* and *very likely* become
*unlikely*; *almost certain* becomes *roughly even chance* ("not certain" means uncertain, not
impossible); *unlikely*, *very unlikely* and *almost no chance* become *roughly even chance*
("not unlikely"). Possibility words keep their band ("may not" still says "possibly").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from workbook.extract.phrase_regex import CaseBlindSearch, phrase_alternation

__all__ = ["HEDGE_BANDS", "NEGATED_BANDS", "Hedge", "band_of", "find_hedges"]

_EVEN = "roughly even chance"

#: Hedge word or phrase (lower case, single spaces) → ICD 203 band. See the module docstring.
HEDGE_BANDS: dict[str, str] = {
    # ICD 203 words
    "almost no chance": "almost no chance",
    "remote chance": "almost no chance",
    "remote possibility": "almost no chance",
    "no chance": "almost no chance",
    "impossible": "almost no chance",
    "very unlikely": "very unlikely",
    "highly unlikely": "very unlikely",
    "highly improbable": "very unlikely",
    "extremely unlikely": "very unlikely",
    "unlikely": "unlikely",
    "improbable": "unlikely",
    "improbably": "unlikely",
    "doubtful": "unlikely",
    "roughly even chance": _EVEN,
    "roughly even odds": _EVEN,
    "even chance": _EVEN,
    "likely": "likely",
    "probable": "likely",
    "probably": "likely",
    "very likely": "very likely",
    "highly likely": "very likely",
    "most likely": "very likely",
    "highly probable": "very likely",
    "almost certain": "almost certain",
    "almost certainly": "almost certain",
    "nearly certain": "almost certain",
    "nearly certainly": "almost certain",
    "certainly": "almost certain",
    "definitely": "almost certain",
    "undoubtedly": "almost certain",
    # possibility
    "may": _EVEN,
    "might": _EVEN,
    "could": _EVEN,
    "possibly": _EVEN,
    "possible": _EVEN,
    "perhaps": _EVEN,
    "maybe": _EVEN,
    # belief held by others
    "believed": "likely",
    "it is believed": "likely",
    "thought": "likely",
    "it is thought": "likely",
    "suspected": _EVEN,
    # hearsay
    "reportedly": _EVEN,
    "allegedly": _EVEN,
    "alleged": _EVEN,
    "purportedly": _EVEN,
    "is said to": _EVEN,
    "are said to": _EVEN,
    "was said to": _EVEN,
    "were said to": _EVEN,
    # inference
    "apparently": "likely",
    "apparent": "likely",
    "appears": "likely",
    "appeared": "likely",
    "appear": "likely",
    "seems": "likely",
    "seemed": "likely",
    "seem": "likely",
    "expected": "likely",
    # worry
    "it is feared": _EVEN,
    "feared": _EVEN,
}

#: Band of a negated hedge ("not likely"), by the band of the hedge itself.
NEGATED_BANDS: dict[str, str] = {
    "likely": "unlikely",
    "very likely": "unlikely",
    "almost certain": _EVEN,
    "unlikely": _EVEN,
    "very unlikely": _EVEN,
    "almost no chance": _EVEN,
    _EVEN: _EVEN,
}

_POSSIBILITY = frozenset({"may", "might", "could", "possibly", "possible", "perhaps", "maybe"})
_BE = r"(?:is|are|was|were|be|been|being|'s|’s)"
_NEGATION = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+$", re.IGNORECASE)
_NEGATABLE_FOLLOW = re.compile(r"\s+(?:not\b|n['’]t)", re.IGNORECASE)
_SET_PHRASES_BEFORE = re.compile(
    r"(?:\bas\s+(?:\w+\s+){1,2}as|\bif|\bwhere|\bwhenever|\bmade|\beverything|\ball|\bbest|\bwherever"
    r"|\b(?:make|makes|made|making)\s+(?:it|this|that|them)|\bwhenever|\bimpossible)\s+$",
    re.IGNORECASE,
)
_NOUN_BEFORE = re.compile(
    r"\b(?:the|its|our|their|his|her|my|your|military|nuclear|full|all|with|of|economic|great|national)\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\]\"”—–]|$|(?:of|and|or|is|was|are|were|has|had|to|in|for|that|which|with|against|on)\b)",
    re.IGNORECASE,
)
_MONTH_AFTER = re.compile(r"\s+(?:\d|(?:and|to|through|until)\s+[A-Z])")
_NEGATED_IMPOSSIBLE = re.compile(
    r"\b(?:nothing|none|no\s+\w+|never)\s+(?:\w+\s+){0,2}(?:is|was|are|were|be|seems?|seemed|looks?)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_NOMINAL_BEFORE = re.compile(r"\b(?:the|an?)\s+$", re.IGNORECASE)
_SENTENCE_OPENERS = frozenset('.!?:;"“‘(\n•—')
_THOUGHT_CONTEXT = re.compile(rf"\b{_BE}\s+(?:\w+ly\s+)?$", re.IGNORECASE)


class Hedge(NamedTuple):
    """A hedge found in text: ``text[start:end]`` is the hedge as written (with any negation)."""

    start: int
    end: int
    word: str
    band: str


_ING_BEFORE = re.compile(r"\w\w+ing\s+$")
_TO_AFTER = re.compile(r"\s+to\b")
_SEEM_AFTER = re.compile(r"\s+(?:to|that|as\s+if|likely)\b")


@lru_cache(maxsize=1)
def _search() -> CaseBlindSearch:
    phrases = sorted(HEDGE_BANDS, key=len, reverse=True)  # longer first: "almost certainly" before "certainly"
    return CaseBlindSearch.of(rf"(?<![\w'’-]){phrase_alternation(phrases, ignore_case=True)}(?![\w-])")


def _folded(surface: str) -> str:
    """A hedge as written, as the key of :data:`HEDGE_BANDS`: case-folded, single spaces, and the letters
    the case-blind search reads as "i" ("ı", "İ") read as "i" ("possıbly" is "possibly")."""
    return " ".join(surface.casefold().replace("ı", "i").replace("i\u0307", "i").split())


def band_of(word: str) -> str:
    """The ICD 203 band of a hedge word or phrase ("not likely" included); ``unhedged`` if unknown."""
    w = _folded(word)
    negated = w.startswith("not ")
    band = HEDGE_BANDS.get(w[4:] if negated else w)
    if band is None:
        return "unhedged"
    return NEGATED_BANDS[band] if negated else band


def _keep(text: str, start: int, end: int, word: str, lo: int) -> bool:
    """Is ``text[start:end]`` a hedge, rather than a homograph or a set phrase?"""
    before = text[max(lo, start - 40) : start]
    after = text[end : end + 12]
    surface = text[start:end]
    prev = before.rstrip(" \t")
    if (
        word == "may"
        and surface[0] == "M"
        and ((prev and prev[-1] not in _SENTENCE_OPENERS) or _MONTH_AFTER.match(after))
    ):
        return False  # "in May", "Theresa May", "May 26 marks ..."
    if word == "impossible" and (_NEGATED_IMPOSSIBLE.search(before) or _NOMINAL_BEFORE.search(before)):
        return False  # "Nothing is impossible" (a slogan, no estimate), "made the impossible possible"
    if word == "could" and _NEGATABLE_FOLLOW.match(after):
        return False  # "could not" states inability
    if word == "might" and (_NOUN_BEFORE.search(before) or _NOUN_AFTER.match(after) or _ING_BEFORE.search(before)):
        return False  # "the might of the army", "surging might", "our might is growing"
    if word == "possible" and _SET_PHRASES_BEFORE.search(before):
        return False  # "as soon as possible", "if possible"
    if word == "thought" and not (_THOUGHT_CONTEXT.search(before) or _TO_AFTER.match(after)):
        return False  # "Juche thought", "a thought"
    if word == "expected" and not (_THOUGHT_CONTEXT.search(before) or _TO_AFTER.match(after)):
        return False  # "the expected result"
    if word.startswith(("appear", "seem")):  # "appeared in the print edition" is no hedge
        return bool(_SEEM_AFTER.match(after)) or before.rstrip().casefold().endswith("it")
    return True


def find_hedges(text: str, start: int = 0, end: int | None = None) -> list[Hedge]:
    """Hedges in ``text[start:end]``, in order, as (start, end, word, band).

    Multi-word hedges ("almost certainly", "is said to") are matched before single words; a
    negation right before a hedge ("not likely") is included in its span and changes its band
    (see :data:`NEGATED_BANDS`). ``word`` is lower case with single spaces.
    """
    hi = len(text) if end is None else min(end, len(text))
    lo = max(0, start)
    out: list[Hedge] = []
    for s, e, _ in _search().spans(text, lo, hi):
        word = _folded(text[s:e])
        band = HEDGE_BANDS.get(word)
        if band is None or not _keep(text, s, e, word, lo):  # None: a spelling no fold makes a key (never raise)
            continue
        first = s
        neg = _NEGATION.search(text, max(lo, s - 12), s)
        if neg and word not in _POSSIBILITY:
            first = neg.start()
            band = NEGATED_BANDS[band]
            word = "not " + word
        out.append(Hedge(first, e, word, band))
    return out
