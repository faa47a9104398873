"""Words of address in e-mail and letters (:func:`workbook.extract.ner_merge.addressed_people`): a
given name after a greeting or a sign-off, or opening a line before a comma, is a person."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_merge import addressed_people
from workbook.extract.ner_model import default_entity_model
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


def addressed(text: str) -> list[str]:
    model = default_entity_model()
    return [
        text[s.start : s.end] for s in addressed_people(text, model.names, model.common, builtin_gazetteer().type_of)
    ]


people = typed_mentions


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hi Kevin, thanks for the note.", ["Kevin"]),
        ("Hello Sara,\nAttached is the draft.", ["Sara"]),
        ("Dear Regina Jones,\nWe write to you about the lease.", ["Regina Jones"]),
        ("The deal is done. Thanks, Martin", ["Martin"]),
        ("See you soon.\nBest regards, Tracy\n", ["Tracy"]),
        ("Vince,\nAre you going to the meeting?", []),  # no comma and space: a heading or a list, not read
        ("Kevin, please send me the file by Friday.", ["Kevin"]),
        ("Regards,\nTom", []),  # a name alone on a line is not read
    ],
)
def test_greetings_sign_offs_and_openings_name_people(text: str, names: list[str]) -> None:
    assert addressed(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "However, the vote was close.",  # no given name
        "Jordan, which borders Syria, closed the crossing.",  # a gazetteer place opening a line
        "The club met in St. Louis, the city of the fair.",  # not at a line start, no greeting
        "And Mr. Kelly, who acts for the firm, agreed.",
        "Hi there, is anyone home?",
    ],
)
def test_other_capitalised_openings_are_no_address(text: str) -> None:
    assert addressed(text) == []


def test_an_addressed_name_is_a_person_over_the_gazetteer(extractor: DefaultExtractor) -> None:
    got = people(extractor, "Thanks, Martin. Best regards, Tracy")
    assert got == [("Martin", "person"), ("Tracy", "person")]
    assert ("Kevin", "person") in people(extractor, "Hi Kevin, I will call you tomorrow about the lease.")


def test_a_cued_person_keeps_its_reading(extractor: DefaultExtractor) -> None:
    text = "Dear President Donald Trump, we write about the tariffs."
    assert [t for s, t in people(extractor, text) if "Trump" in s] == ["person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gazetteer place that is also a listed surname, after an unknown or given first name
        (
            "The novelist Haruki Murakami spoke on Monday. Murakami said he was tired.",
            [("Haruki Murakami", "person"), ("Murakami", "person")],
        ),
        ("The author Haruki Murakami was born in Kyoto.", [("Haruki Murakami", "person"), ("Kyoto", "place")]),
    ],
)
def test_a_full_name_ending_with_a_place_is_a_person(
    extractor: DefaultExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They flew from Fort Washington to Victoria.",  # a surname first word: no given name
        "The collections of County Durham are large.",  # a word that opens place names
        "Returning America to peace is the aim.",  # an unknown word opening a sentence
        "He visited Jordan and Lincoln last year.",
    ],
)
def test_places_after_other_capitalised_words_stay_places(extractor: DefaultExtractor, text: str) -> None:
    assert all(t != "person" for _, t in people(extractor, text))


def test_a_given_name_and_an_unknown_word_read_as_a_place_is_a_person(extractor: DefaultExtractor) -> None:
    text = "The film was directed by François Truffaut; later Wim Wenders (Until the End of the World) hired her."
    got = dict(people(extractor, text))
    assert got["François Truffaut"] == "person"
    assert got["Wim Wenders"] == "person"


@pytest.mark.parametrize(
    "text",
    [
        "He flew to San Jose and then to Santa Monica.",  # gazetteer names
        "The Winter Olympics were held in Sochi.",  # a common word that is also a name
    ],
)
def test_places_and_events_opening_with_a_name_word_are_no_people(extractor: DefaultExtractor, text: str) -> None:
    assert all(t != "person" for _, t in people(extractor, text))


def test_a_persons_words_in_another_order_are_that_person(extractor: DefaultExtractor) -> None:
    text = "Her name was Natsuko Higuchi (樋口 夏子 Higuchi Natsuko). Natsuko Higuchi wrote novels."
    assert [t for s, t in people(extractor, text)] == ["person", "person", "person"]
    # the words of a person's name inside another kind of name do not make it a person
    text = "George Washington crossed the river. Washington State is far away."
    assert dict(people(extractor, text))["Washington State"] != "person"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("USPS said parcels were late.", [("USPS", "organization")]),
        ("FIFA declined to comment. NASA told reporters.", [("FIFA", "organization"), ("NASA", "organization")]),
        ("The UK said no.", [("UK", "place")]),  # the gazetteer's reading
        ("Officials said no. I said yes.", []),  # no acronym
    ],
)
def test_an_acronym_that_speaks_is_an_organisation(
    extractor: DefaultExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert people(extractor, text) == expected


def test_a_head_word_name_the_classifier_is_sure_is_a_person_is_that_person(extractor: DefaultExtractor) -> None:
    assert people(extractor, "Seriously, I talked this morning with Tom Hall and we agreed.") == [
        ("Tom Hall", "person")
    ]
    assert people(extractor, "The concert was at Carnegie Hall in 1984.") == [("Carnegie Hall", "facility")]


def test_a_sentence_opener_that_speaks_keeps_the_classifiers_reading(extractor: DefaultExtractor) -> None:
    # a lone sentence opener needs P >= 0.9 (WEAK_KEEP); before "said" the classifier's 0.8 is enough
    assert people(extractor, "Google said it would appeal.") == [("Google", "organization")]
    assert people(extractor, "Officials said no. He said yes.") == []
