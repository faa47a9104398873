"""phrase_alternation matches exactly what the plain alternation of the same phrases matches."""

from __future__ import annotations

import random
import re

import pytest

from workbook.extract.hedges import HEDGE_BANDS
from workbook.extract.phrase_regex import phrase_alternation
from workbook.extract.vocabulary import QUOTE_VERBS, REPORTING_VERBS


def _plain(phrases: list[str]) -> str:
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) + ")"


def _texts(phrases: list[str], n: int = 300, seed: int = 3) -> list[str]:
    """Random texts of the phrases' words, their pieces, case variants and other words."""
    rng = random.Random(seed)
    words = [w for p in phrases for w in p.split()]
    pieces = words + [w[: rng.randint(1, len(w))] for w in words] + ["the", "x", "-", "'s", ",", "MAY", "Likely"]
    out = []
    for _ in range(n):
        toks = [rng.choice(pieces) for _ in range(rng.randint(1, 30))]
        seps = [rng.choice([" ", "  ", "\n", "", "-", "’"]) for _ in toks]
        out.append("".join(t + s for t, s in zip(toks, seps, strict=True)))
    return out


@pytest.mark.parametrize(
    ("phrases", "flags"),
    [
        (sorted(HEDGE_BANDS, key=len, reverse=True), re.IGNORECASE),
        (sorted(set(REPORTING_VERBS) | QUOTE_VERBS, key=len, reverse=True), 0),
        (["likely to", "likely", "likely so", "very"], 0),  # a phrase before a longer form: kept flat
        (["ab", "a", "abc", "b c", "b  cd"], re.IGNORECASE),
    ],
)
def test_same_matches_as_the_plain_alternation(phrases: list[str], flags: int) -> None:
    fold = bool(flags & re.IGNORECASE)
    edge = r"(?<![\w'’-]){}(?![\w-])"
    plain = re.compile(edge.format(_plain(phrases)), flags)
    tree = re.compile(edge.format(phrase_alternation(phrases, ignore_case=fold)), flags)
    for text in _texts(phrases):
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_prefix_tree_is_factored() -> None:
    assert phrase_alternation(["almost certainly", "almost certain"]) == r"(?:almost\s+certain(?:ly|))"


def test_case_sensitive_branches_are_not_merged() -> None:
    pattern = re.compile(phrase_alternation(["Said", "said"]))
    assert [m.group() for m in pattern.finditer("said Said")] == ["said", "Said"]


def test_rejects_empty_and_non_ascii_folding() -> None:
    with pytest.raises(ValueError, match="empty"):
        phrase_alternation(["a", " "])
    with pytest.raises(ValueError, match="ASCII"):
        phrase_alternation(["straße"], ignore_case=True)


@pytest.mark.parametrize(
    "words",
    [
        ["Hwasong", "Hwasongpho", "Haeil", "HIMARS", "Iron Dome", "Iron", "F/A", "KN", "K"],
        ["ab", "a", "abc", "b c", "b  c", "A", "a"],  # a word before its longer form, a repeated word
        ["x.y", "x*y", "(", "[a-z]"],  # characters re reads as syntax are escaped
    ],
)
def test_literal_alternation_matches_as_the_plain_alternation(words: list[str]) -> None:
    from workbook.extract.phrase_regex import literal_alternation

    plain = re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")(?P<after>\w*)")
    tree = re.compile(literal_alternation(words) + r"(?P<after>\w*)")
    pieces = [*words, "the", " ", "-", "ho", "pho"]
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  ", "-"]) for _ in range(rng.randint(1, 12)))
        assert [m.span("after") for m in tree.finditer(text)] == [m.span("after") for m in plain.finditer(text)]
        for pos in range(len(text)):
            a, b = tree.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


def test_literal_alternation_rejects_empty_words() -> None:
    from workbook.extract.phrase_regex import literal_alternation

    with pytest.raises(ValueError, match="empty"):
        literal_alternation(["a", ""])
    with pytest.raises(ValueError, match="empty"):
        literal_alternation([])
