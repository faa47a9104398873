"""The faster scans of :mod:`workbook.extract.weapon_shapes` find what the scans they replace find: the
spaced designation's cue from its digit or numeral (in a text of ASCII characters) the spaces the space
cue finds, and the "called" pattern from its opening words what ``finditer`` finds; on made-up texts and
random texts of the patterns' own pieces (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import weapon_shapes as ws
from workbook.extract.shared_scans import literal_matches

_TEXTS = (
    "The Chien Feng IV missile and Group 3 drones; a Skyranger 30 air defence turret, the Pixel 8 battery.",
    "a drone dubbed the Mohajer, a missile named Fattah, known as the Shahed, renamed Arash, called  Toufan",
    "In 2024 the army fired 12 rockets, VI units, X 1 a, IVX 12345 b and 7 drones at 9 pm.",
)
_PIECES = [" ", " ", "1", "12", "2024", "12345", "I", "IV", "XVI", "V", "a", "drones", "Group", "A", "-", ".", "\t"]
_PIECES += ["called", "dubbed", "named", "renamed", "known", "as", "the", "Fattah", "\n", '"', "“"]
_RANDOM = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


def _same(text: str) -> None:
    p = ws._patterns()
    if text.isascii():
        assert [m.start() - 1 for m in p["ascii_space_cue"].finditer(text)] == [
            m.start() for m in p["space_cue"].finditer(text)
        ]
    called = literal_matches(p["called"], text, ws._CALLED_WORDS)
    assert [(m.span(), m.group("name")) for m in called] == [
        (m.span(), m.group("name")) for m in p["called"].finditer(text)
    ]


def test_made_up_texts() -> None:
    for text in _TEXTS:
        _same(text)
    spaces = [m.start() - 1 for m in ws._patterns()["ascii_space_cue"].finditer(_TEXTS[0])]
    assert [_TEXTS[0][s + 1 : s + 3] for s in spaces] == ["IV", "3 ", "30", "8 "]
    names = [m.group("name") for m in literal_matches(ws._patterns()["called"], _TEXTS[1], ws._CALLED_WORDS)]
    assert names == ["Mohajer", "Fattah", "Shahed", "Arash", "Toufan"]


def test_other_digits_not_ascii() -> None:
    text = "the Group ٣ drones"  # an Arabic-Indic digit: the space cue's class matches it, the ASCII cue's not
    assert [m.start() for m in ws._patterns()["space_cue"].finditer(text)] == [9]
    assert not re.search("[0-9]", text) and not text.isascii()


@settings(max_examples=300, deadline=None)
@given(_RANDOM)
def test_random_texts(text: str) -> None:
    _same(text)
