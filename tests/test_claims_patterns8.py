"""Statement blocks, round eight: a "X said:" block goes on until a paragraph that is the reporter's,
not at any paragraph holding a reporting word (the speaker's own "as I have said" is still theirs).
Made-up text in other words than the KCNA archive."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding
from workbook.extract.claim_phrases import narrates

pytestmark = pytest.mark.unit

_BLOCK = (
    "Anna Keller opened the new port in Easthaven on Monday.\n"
    "She said:\n"
    "This port will serve the whole coast for fifty years and more.\n"
    "As I have already said, the fishing fleet comes first in every plan we make.\n"
    "We must say clearly that more berths are needed before the winter storms.\n"
    "She then toured the new quay and praised the builders.\n"
    "Dock workers say the cranes arrived late.\n"
)


@pytest.mark.parametrize(
    "snippet",
    [
        "This port will serve the whole coast",
        "the fishing fleet comes first in every plan",
        "more berths are needed before the winter storms",
    ],
)
def test_a_statement_block_keeps_the_speakers_own_paragraphs(snippet: str) -> None:
    claim = claim_holding(_BLOCK, snippet)
    assert claim is not None and claim.speaker_text == "Anna Keller", snippet


def test_a_statement_block_ends_at_the_reporters_paragraph() -> None:
    assert claim_holding(_BLOCK, "toured the new quay") is None  # "She then toured": the reporter's
    claim = claim_holding(_BLOCK, "the cranes arrived late")
    assert claim is None or claim.speaker_text != "Anna Keller"


@pytest.mark.parametrize(
    ("paragraph", "reporters"),
    [
        ("He referred to the harbour's history and continued:", True),
        ("Officials said the port cost 40 million euros.", True),
        ("She then toured the new quay.", True),
        ("As I have already said, the fleet comes first.", False),
        ("We must say clearly that more berths are needed.", False),
        ("The old quay was built by our grandfathers.", False),
    ],
)
def test_narrates(paragraph: str, reporters: bool) -> None:
    assert narrates(paragraph, 0, len(paragraph)) is reporters


@pytest.mark.parametrize(
    "paragraph",
    [
        "They left a record that will go down in the history of the fleet.",  # the speaker on others
        "He has devoted his whole life to the people of the coast.",  # present perfect: the speaker's
    ],
)
def test_a_third_person_paragraph_of_the_speaker_is_not_narration(paragraph: str) -> None:
    assert not narrates(paragraph, 0, len(paragraph))
