"""Firms named like people or places: a name and the word of a trade (issue 12, round fifteen).

"Ostrava Logistics", "Harrison Fabrication", "Dawson Haulage", "Keller Analytics", "Moreno Aviation",
"Lindgren Brewery": one or two capitalised name words (a family name, a town, a word no list knows)
and a *trade word* are a firm, never a person or a place. A trade word is a class of nouns known by
their form, not a list of firms: a word of six letters or more ending like the name of a trade or an
industry (:data:`TRADE_ENDINGS`: "-ics", "-tion(s)", "-age", "-ware", "-ery"/"-eries"), no listed
given or family name ("Savage", "Marion", "Avery", "Emery" are names), and no everyday word (the
classifier's common words and the built-in English word list: "Village", "Station", "Passage",
"Mission", "Image" name places and things) nor a place, facility or organisation head word.
Organisation head words may follow ("Ostrava Logistics Group"). The words of finance
(:data:`FINANCE_WORDS`: "Capital", "Ventures", "Securities", "Investments", "Advisors") are everyday
words and are listed: "Lowell Capital", "Harlan Ventures" (round sixteen).

Not on a title-case line (a headline: "Smith Nomination Fails"), not after another capitalised word
(the name is longer: "New Holland Machinery" is left to the other rules), and never a name word that is
common ("Global Logistics") or a title, rank or month.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from workbook.extract.entity_bounds import PLACE_TAILS
from workbook.extract.ranks import RANK_WORDS
from workbook.extract.shared_scans import capital_pair_matches
from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS, TITLES

__all__ = ["FINANCE_WORDS", "TRADE_ENDINGS", "is_trade_word", "trade_firms"]

#: How the English names of trades and industries end: "Logistics", "Analytics", "Fabrication",
#: "Aviation", "Communications", "Haulage", "Brokerage", "Software", "Brewery", "Fisheries".
TRADE_ENDINGS: tuple[str, ...] = ("ics", "tion", "tions", "age", "ware", "ery", "eries")
#: The words of finance that name a firm after a name ("Lowell Capital", "Harlan Ventures", "Moss
#: Securities", "Ortiz Investments"): everyday words, so they are listed, not known by their form.
FINANCE_WORDS: frozenset[str] = frozenset({"capital", "ventures", "securities", "investments", "advisors", "advisers"})

_WORD = r"[A-Z][a-z\u00c0-\u024f]+(?:['’-][A-Z][a-z\u00c0-\u024f]+)?"  # "O'Hara", no possessive
#: One or two name words, one trade word, organisation head words; no capitalised word right after.
_FIRM = re.compile(rf"(?<![\w'’.&-])((?:{_WORD}[ \t]+){{1,2}})([A-Z][a-z]+)((?:[ \t]+[A-Z][a-z]+)*)(?![\w'’-])")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+\Z")
_TITLE_WORDS = frozenset(t[0] for t in TITLES if len(t) == 1)


def is_trade_word(word: str, names: Mapping[str, str], common: Container[str], english: Container[str]) -> bool:
    """``word`` (as written) names a trade or an industry (see the module docstring)."""
    w = word.casefold()
    if word[:1].isupper() and w in FINANCE_WORDS:
        return True
    if not word[:1].isupper() or len(w) < 6 or not w.endswith(TRADE_ENDINGS):
        return False
    kind = names.get(w, "")
    if "g" in kind or "s" in kind or w in common or w in english:
        return False
    return w not in ORG_HEADS and w not in FACILITY_HEADS and w not in PLACE_TAILS


def _everyday(word: str, names: Mapping[str, str], english: Container[str]) -> bool:
    """An English word that is no listed name ("Global", "General"; "Baker" and "Young" are names)."""
    kind = names.get(word, "")
    return word in english and "g" not in kind and "s" not in kind


def _title_case_line(text: str, at: int) -> bool:
    """The line holding ``at`` is a title-case line: most of its words (four or more) capitalised."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[start : end if end >= 0 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def trade_firms(
    text: str, names: Mapping[str, str], common: Container[str], english: Container[str]
) -> list[tuple[int, int, str]]:
    """Firms named by a name and a trade word (see the module docstring), as (start, end, name)."""
    out = []
    for m in capital_pair_matches(_FIRM, text):  # _FIRM.finditer(text), from two capitalised words' starts
        name_words, trade = m.group(1).split(), m.group(2)
        if not is_trade_word(trade, names, common, english):
            continue
        heads = m.group(3).split()
        if any(h.casefold() not in ORG_HEADS for h in heads):
            continue  # "Harrison Fabrication Works Council": a longer name
        folded = [w.casefold() for w in name_words]
        if any(w in common or w in RANK_WORDS or w in _TITLE_WORDS or _everyday(w, names, english) for w in folded):
            continue  # "Global Logistics", "General Aviation", "Senator Smith Nomination"
        if any(w in ORG_HEADS or w in FACILITY_HEADS for w in folded):
            continue
        a, b = m.start(), m.end()
        if _CAPITALISED_BEFORE.search(text, max(0, a - 40), a) or _title_case_line(text, a):
            continue
        out.append((a, b, " ".join(text[a:b].split())))
    return out
