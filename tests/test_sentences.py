"""Sentence spans: breaks where news prose breaks, never inside 'Mr Lewis' or 'U.S.'."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.extract.sentences import sentence_index, split_sentences

pytestmark = pytest.mark.unit


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_after_full_stops_and_quotes() -> None:
    text = 'He left. "It may rain," she said. Then it rained!'
    assert _texts(text) == ["He left.", '"It may rain," she said.', "Then it rained!"]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Dr. Smith met the U.S. envoy J. Lewis on Jan. 5. They talked."
    assert _texts(text) == ["Dr. Smith met the U.S. envoy J. Lewis on Jan. 5.", "They talked."]


def test_line_breaks_end_sentences_and_headlines() -> None:
    text = "A headline without a full stop\n\nThe body starts here. It goes on."
    assert _texts(text) == ["A headline without a full stop", "The body starts here.", "It goes on."]


def test_lower_case_after_a_stop_does_not_split() -> None:
    assert _texts("It was 3 p.m. on the dot. Fine.") == ["It was 3 p.m. on the dot.", "Fine."]


def test_sentence_index_finds_the_sentence_of_an_offset() -> None:
    text = "One. Two. Three."
    sents = split_sentences(text)
    assert [sentence_index(sents, text.index(w)) for w in ("One", "Two", "Three")] == [0, 1, 2]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"'AB")), max_size=200))
def test_spans_are_ordered_disjoint_stripped_and_cover_all_non_space(text: str) -> None:
    sents = split_sentences(text)
    prev_end = 0
    for i, s in enumerate(sents):
        assert s.index == i
        assert prev_end <= s.start < s.end <= len(text)
        chunk = text[s.start : s.end]
        assert chunk == chunk.strip()
        assert text[prev_end : s.start].strip() == ""
        prev_end = s.end
    assert text[prev_end:].strip() == ""
