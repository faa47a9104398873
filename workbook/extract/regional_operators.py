"""A name before a compass region is a firm's or body's name (issue 12, round twenty-one).

Transport operators and the regional arms of firms and bodies are named by one word and a compass
region ("Avanti West Coast", "Go North West", "Labour North West", "BBC South East"); the gazetteer or
the classifier reads the region as a place and leaves the word before it, so the firm is cut at the
place. A region is not qualified by a capitalised name of another kind: one capitalised word right
before a place that opens with a compass word ("North", "West", "Southern", ...), in the same run of
capitalised words, makes one organisation with it (:func:`regional_operators`) when the word is no
place, nationality, direction, title, month or weekday, nor a word that never opens a name ("the",
"In"), no word usually written in lower case ("Across North West England", "Greater North West"; so
"Go North West" is left as read), and nothing but the classifier read it. So is a
place of such a word and a compass region that only the classifier read ("Avanti West Coast" read
whole as a place), with the same tests of its first word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbook.extract.entity_runs import LEARNED, NAMED, Candidate
from workbook.extract.longer_org_names import not_a_name_word
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.place_org_extents import replace_inside
from workbook.extract.unannounced_names import usual_word
from workbook.extract.vocabulary import NEVER_NAME_START

__all__ = ["COMPASS_WORDS", "regional_operators"]

#: The compass words a region's name opens with ("North West", "West Coast", "Southern Highlands").
COMPASS_WORDS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western"])
#: One capitalised word (letters and digits: "Go", "Avanti", "Jet2") and a space, ending where the place starts.
_WORD_BEFORE = re.compile(r"(?<![\w'’.&-])([A-Z][A-Za-z0-9]+)[ \t]+\Z")


def regional_operators(
    text: str, cands: list[Candidate], common: frozenset[str], place_type: Callable[[str], str | None]
) -> list[Candidate]:
    """A capitalised word and the compass region read after it as one organisation (see the module docs)."""
    for c in [c for c in cands if c.type == "place"]:
        words = text[c.start : c.end].split()
        if len(words) > 2 and words[1].casefold() in COMPASS_WORDS and c.strength <= LEARNED:
            if _operator_word(text, c.start, words[0], common, place_type) and place_type(" ".join(words)) is None:
                new = Candidate(c.start, c.end, "organization", NAMED, " ".join(words))
                cands = replace_inside(cands, new) or cands
            continue
        if words[0].casefold() not in COMPASS_WORDS:
            continue
        before = _WORD_BEFORE.search(text, max(0, c.start - 30), c.start)
        if before is None or not _operator_word(text, before.start(1), before.group(1), common, place_type):
            continue
        if any(d.strength > LEARNED for d in cands if d.start < before.end(1) and d.end > before.start(1)):
            continue  # a name read by the rules: "Mayor Ruth West", a known firm
        new = Candidate(before.start(1), c.end, "organization", NAMED, f"{before.group(1)} {' '.join(words)}")
        cands = replace_inside(cands, new) or cands
    return cands


def _operator_word(
    text: str, start: int, word: str, common: frozenset[str], place_type: Callable[[str], str | None]
) -> bool:
    """Can ``word`` at ``start`` name an operator before a compass region (see the module docs)?"""
    low = word.casefold()
    if (
        low in COMPASS_WORDS
        or low in DEMONYMS
        or low in TITLE_WORDS
        or low in NEVER_NAME_START
        or not_a_name_word(word)
        or place_type(word) is not None
    ):
        return False
    return bool(common) and not usual_word(low, common)  # "Across North West", "Greater North West"
