"""The quoted passages found with one search of the whole text are those found line by line.

:func:`workbook.extract.claim_context.find_quotes` searched the quote marks of each line of a text in
turn; it now searches the whole text once and pairs the marks line by line, with the mark pattern written
set first (``[“”"](?:(?<=")")?`` for ``""|[“”"]``). The line-by-line form and the plain pattern are kept here
as the reference and compared on edge texts and on random texts of marks, line breaks and
words (hypothesis, and 3,000 seeded texts).
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.claim_context import Quote, find_quotes

pytestmark = pytest.mark.unit

_OPEN, _CLOSE = "“", "”"
_MARK = re.compile(r'""|[“”"]')


def _line_by_line(text: str) -> list[Quote]:
    out: list[Quote] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        opened: tuple[int, int] | None = None
        for m in _MARK.finditer(text, pos, end):
            ch, i = m.group(), m.start()
            if ch == _OPEN:
                if opened is None:
                    opened = (i, 1)
            elif ch == _CLOSE:
                if opened is not None:
                    out.append(Quote(opened[0], i, pos, end, opened[1], 1))
                    opened = None
            elif opened is None:
                opened = (i, len(ch))
            else:
                out.append(Quote(opened[0], i, pos, end, opened[1], len(ch)))
                opened = None
        if opened is not None:
            out.append(Quote(opened[0], end, pos, end, opened[1], 0))
        pos = end + 1
    return out


_PIECES = ['"', '""', '"""', "“", "”", "\n", "\n\n", "said", " ", "The coach said, ", "x", "\r\n", "'", "‘", "’"]
_EDGES = [
    "",
    '"',
    "\n",
    '"open\nnext line "closed" and “curly”',
    'He said: ""We will win"" and left.\n""Unclosed',
    '“a” “b\n”c“\n"',
    'line one\n\n"quote at the end"',
    '"""',
    'a"\n"b',
]


@pytest.mark.parametrize("text", _EDGES)
def test_edge_texts(text: str) -> None:
    assert find_quotes(text) == _line_by_line(text)


def test_seeded_random_texts() -> None:
    rng = random.Random(16)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        assert find_quotes(text) == _line_by_line(text), text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(alphabet='ab "“”\n', max_size=60))
def test_random_texts(text: str) -> None:
    assert find_quotes(text) == _line_by_line(text)
