"""Capitalised spans whose words are titles or common words (round eighteen, ner19): a title alone, a
portfolio before a title, a headline's words read as a person, common nouns in Title Case read as an
organisation. Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.common_word_spans import (
    common_noun_phrase,
    common_words_person,
    portfolio_before_title,
    title_alone,
)
from workbook.extract.ner_model import default_entity_model
from workbook.extract.pipeline import DefaultExtractor
from workbook.ingest.normalise import builtin_words

_NAMES = {"rich": "gs0", "king": "gs0", "bill": "g", "young": "gs0", "mark": "gs1", "green": "s0"}


@pytest.mark.parametrize(
    ("text", "span", "alone"),
    [
        ("The Mayor, Jules Radich, opened the library.", "Mayor", True),  # local news
        ("She served as Mayor of Dunedin for nine years.", "Mayor", True),
        ("Former Mayor Dies At 88", "Former Mayor", True),  # an obituary headline
        ("Detectives said the Chief Inspector had retired.", "Chief Inspector", True),  # police
        ("Sport in brief\nDefence: Navy Orders New Frigates", "Defence", True),  # a line's label (defence news)
        ("Coach: Ana Ruiz", "Coach", True),  # a team sheet's label (sport)
        ("The King said the treaty was signed.", "King", False),  # a given name and a surname
        ("Later the Major told the court he had left.", "Major", False),  # a word of "John Major"
        ("Bishop said the club would appeal.", "Bishop", False),  # a surname, no article before it
        ("Mayor Radich said.", "Mayor Radich", False),
    ],
)
def test_a_title_alone_is_no_person(text: str, span: str, alone: bool) -> None:
    start = text.index(span)
    assert title_alone(text, start, start + len(span), _NAMES, {"john", "major"}) is alone


@pytest.mark.parametrize(
    ("text", "word", "portfolio"),
    [
        ("The Defence Secretary said five frigates would be built.", "Defence", True),  # defence
        ("Transport Minister Clara Ode visited the depot.", "Transport", True),  # local news
        ("The Finance Director of the club resigned.", "Finance", True),  # sport and business
        ("Health Commissioner Ana Ruiz warned of measles.", "Health", True),  # health
        ("Mark Secretary of the union said.", "Mark", False),  # a given name
        ("Ellison said the Mayor would speak.", "Ellison", False),  # no title after it
    ],
)
def test_a_portfolio_before_a_title_is_no_person(text: str, word: str, portfolio: bool) -> None:
    start = text.index(word)
    assert portfolio_before_title(text, start, start + len(word), _NAMES) is portfolio


@pytest.fixture(scope="module")
def vocabulary() -> frozenset[str]:
    return builtin_words() | default_entity_model().common


@pytest.mark.parametrize(
    ("words", "common"),
    [
        (["wins", "confidence", "vote"], True),  # a politics headline
        (["dies", "at"], True),  # an obituary headline
        (["rich", "young"], False),  # a given name
        (["bin", "laden"], False),  # a name particle
        (["mayor"], False),  # one word: the title test's
    ],
)
def test_a_person_of_common_words_is_none(words: list[str], common: bool, vocabulary: frozenset[str]) -> None:
    assert common_words_person(words, vocabulary, _NAMES) is common


@pytest.mark.parametrize(
    ("words", "phrase"),
    [
        (["interest", "rates"], False),  # a plural is no sign ("Garage Pros", "Premier Foods")
        (["sales", "promotion"], True),  # business
        (["air", "pollution"], True),  # science
        (["business", "promotion"], True),  # adverts
        (["search", "engine", "optimization"], True),
        (["armed", "forces"], False),  # an organisation's head
        (["town", "hall"], False),  # a facility's head
        (["wall", "street"], False),  # a street
        (["garage"], False),  # one word
        (["live", "nation"], False),  # a body's noun (a concert promoter)
        (["world", "service"], False),  # an organisation's head
    ],
)
def test_a_common_noun_phrase_is_no_organisation(words: list[str], phrase: bool, vocabulary: frozenset[str]) -> None:
    assert common_noun_phrase(words, vocabulary) is phrase


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        (  # local news
            "Margaret Ellison, the first woman to serve as Mayor of Dunedin, has died. The Mayor, Jules "
            "Radich, said flags would fly at half-mast.",
            {"Mayor"},
            {("Margaret Ellison", "person"), ("Jules Radich", "person")},
        ),
        (  # defence
            "The Defence Secretary, Grant Shapps, said the Royal Navy needed ships that can go anywhere.",
            {"Defence", "Defence Secretary"},
            {("Royal Navy", "organization")},
        ),
        (  # politics headline
            "Prime Minister Wins Confidence Vote\nThe government survived by 12 votes on Tuesday, said Tom Reed.",
            {"Wins Confidence Vote"},
            {("Tom Reed", "person")},
        ),
        (  # business
            "Shares of Exxon Mobil fell. Analysts at Goldman Sachs said Air Pollution had cut sales and "
            "the firm would spend more on Business Promotion in June.",
            {"Air Pollution", "Business Promotion"},
            {("Goldman Sachs", "organization")},
        ),
        (  # sport
            "The Finance Director of Harlow Town, Dean Marsh, said the club would sell its ground.",
            {"Finance", "Finance Director"},
            {("Dean Marsh", "person")},
        ),
        (  # courts: a cued person and a surname that is a title word stay
            "John Major spoke first. Later Major told the court he had not seen the letter, said Judge Ann Cole.",
            set(),
            {("John Major", "person"), ("Ann Cole", "person")},
        ),
    ],
)
def test_the_extractor_reads_no_name_in_titles_and_common_words(
    extractor: DefaultExtractor, text: str, gone: set[str], kept: set[tuple[str, str]]
) -> None:
    found = set(typed_mentions(extractor, text))
    assert not {s for s, _ in found} & gone
    assert kept <= found
