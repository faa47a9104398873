"""Patterns whose every match opens with a capital check the capital before their look-behind
(``(?=[A-Z])`` first: a lower-case word start fails on one character test, not on the whole pattern;
``_PAIR`` consumes the capital first, its look-behind after it, so that ``re`` skips to the next capital).
The fast form is the plain one with that check in front; both find the same on random texts of the
patterns' own words at every start offset."""

from __future__ import annotations

import random
import re

import pytest

from workbook.extract import entity_bounds

_CAPITAL_FIRST = "(?=[A-Z])"
_WORDS = {
    "_CLUB": [
        "Real",
        "Madrid",
        "Bayern",
        "Munich",
        "Manchester",
        "United",
        "Rovers",
        "Blackburn",
        "FC",
        "City",
        "The",
        "the",
        "Cape",
        "Town",
        "West",
        "Ham",
        "Alonso's",
        "Atlético",
        "Inter",
        "Milan",
        "real",
    ],
    "_PAIR": [
        "Tim",
        "Jean-Luc",
        "Cook",
        "Erik",
        "ten",
        "Hag's",
        "van",
        "der",
        "Berg",
        "Bruno",
        "the",
        "Rose",
        "Bowl",
        "tim",
        "Élan",
        "O’Neil",
        "McDonald",
        "bin",
        "Salman",
        "1",
        "AB",
    ],
}
_SEPARATORS = [" ", " ", "  ", "\n", "", "\t", ". ", ", ", "-", "'", "’", "&", "("]


def _texts(words: list[str], n: int = 300, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        toks = [rng.choice(words) for _ in range(rng.randint(1, 16))]
        out.append("".join(t + rng.choice(_SEPARATORS) for t in toks))
    return out


def _found(pattern: re.Pattern[str], text: str, start: int = 0) -> list[tuple[object, ...]]:
    return [(m.span(), *(m.span(k) for k in range(1, pattern.groups + 1))) for m in pattern.finditer(text, start)]


#: ``_PAIR`` opens with its capital, its look-behind after it (``re`` skips from capital to capital):
#: the plain form has the look-behind first.
_PAIR_FAST_START = r"([A-Z](?<![\w'’.&-][A-Z])"
_PAIR_PLAIN_START = r"(?<![\w'’.&-])([A-Z]"


def _plain_form(name: str, fast: re.Pattern[str]) -> re.Pattern[str]:
    if name == "_PAIR":
        assert fast.pattern.startswith(_PAIR_FAST_START)
        return re.compile(_PAIR_PLAIN_START + fast.pattern.removeprefix(_PAIR_FAST_START), fast.flags)
    assert fast.pattern.startswith(_CAPITAL_FIRST)
    return re.compile(fast.pattern.removeprefix(_CAPITAL_FIRST), fast.flags)


@pytest.mark.parametrize("name", sorted(_WORDS))
def test_capital_checked_first_finds_what_the_plain_form_finds(name: str) -> None:
    fast: re.Pattern[str] = getattr(entity_bounds, name)
    plain = _plain_form(name, fast)
    texts = _texts(_WORDS[name])
    for text in texts:
        assert _found(fast, text) == _found(plain, text), text
    for text in texts[:80]:
        for start in range(len(text) + 1):
            assert _found(fast, text, start) == _found(plain, text, start), (text, start)
    assert any(_found(plain, t) for t in texts)  # the texts do hold names
