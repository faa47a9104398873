"""Cheap tests that tell where :mod:`workbook.extract.trade_bodies`' scans can match, so that they run only
there (speed23; each is tested against the plain scan in ``tests/test_speed23_filters.py``).

* :func:`department_may_match`: "and" between a lower-case letter and a capital ("Fisheries and Oceans
  Canada"), which every department run holds;
* :func:`bracketed_acronyms`: the acronyms in brackets after spaces, found from the opening brackets;
* :func:`run_word_may_end`: whether a run's word ("Oceans", "of", "&") can end before a bracket.
"""

from __future__ import annotations

import re

__all__ = ["RUN_FUNCTION_WORDS", "bracketed_acronyms", "department_may_match", "run_word_may_end"]

#: The function words inside a capitalised run before an acronym ("Fisheries and Oceans Canada (DFO)").
RUN_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&"})
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Z&]{1,6})\)")
_AND_CAPITAL = re.compile(r"and[ \t]+[A-Z]")


def department_may_match(text: str) -> bool:
    """Does "and" stand between a lower-case letter (and a comma) and a capital, with spaces or tabs around
    it? Every match of ``trade_bodies``' department pattern holds one ("Fisheries and Oceans"); most texts'
    "and"s join lower-case words, and the look-behind-first scan is not needed there."""
    for m in _AND_CAPITAL.finditer(text):
        k = m.start()
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == m.start():
            continue  # "band", "Rwanda": no space before
        if k > 0 and text[k - 1] == ",":
            k -= 1
        if k > 0 and "a" <= text[k - 1] <= "z":
            return True
    return False


def bracketed_acronyms(text: str) -> list[tuple[int, str]]:
    """Each acronym in brackets after spaces or tabs ("Fisheries and Oceans Canada (DFO)"): where its spaces
    start and the acronym, as ``re.finditer(r"[ \\t]+\\(([A-Z][A-Z&]{1,6})\\)", text)`` finds them, found from the
    text's opening brackets (a text has few; that pattern's spaces made ``re`` try it at every space)."""
    out: list[tuple[int, str]] = []
    at = text.find("(")
    while at >= 0:
        if at > 0 and text[at - 1] in " \t" and (m := _ACRONYM_IN_BRACKETS.match(text, at)) is not None:
            start = at - 1
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            out.append((start, m.group(1)))
            at = m.end() - 1  # the next bracket may open right after this one
        at = text.find("(", at + 1)
    return out


def run_word_may_end(text: str, at: int) -> bool:
    """Can a match of ``trade_bodies``' run-word pattern end at ``at``? Past spaces and one comma, the word
    before must be "&", "of", "and", "for", "the", or open with a capital: the word is the whole run of word
    characters, apostrophes and hyphens there, as the pattern's look-behind asks. Most brackets follow a number ("May
    26 (KCNA)"), where no search is needed."""
    j = at
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j > 0 and text[j - 1] == ",":
        j -= 1
    if j > 0 and text[j - 1] == "&":
        return True
    r = j
    while r > 0 and (text[r - 1].isalnum() or text[r - 1] in "_'’-"):
        r -= 1
    return r < j and ("A" <= text[r] <= "Z" or text[r:j] in RUN_FUNCTION_WORDS)
