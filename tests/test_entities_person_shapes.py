"""People the shape of the words names (round twelve, people13): initials inside or opening a name, a
person "of" an organisation, a title before a street's word, plural honorifics. Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import people_in, typed_mentions
from workbook.extract.person_shapes import initialled_people, people_by_document, person_before_of, titled_streets
from workbook.extract.pipeline import DefaultExtractor


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The study was led by Gregor J. M. Weber of the University of Leeds.", "Gregor J. M. Weber"),  # science
        ("M. S. Dhoni hit three sixes as the visitors won by five wickets.", "M. S. Dhoni"),  # sport
        ("Judge Lewis A. Kaplan sentenced the man on Friday.", "Lewis A. Kaplan"),  # courts
        ("Shares rose after Priya R. Natarajan took over as finance chief.", "Priya R. Natarajan"),  # business
        ("Councillor Ada B. Okafor said the library would stay open.", "Ada B. Okafor"),  # local news
        ("The order was signed by Marcus T. Hale, the base commander.", "Marcus T. Hale"),  # defence
        ("A paper by W. W. Rouse Ball on the history of mathematics was reprinted.", "W. W. Rouse Ball"),
    ],
)
def test_a_name_with_initials_is_one_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


def test_the_organisation_after_an_initialled_name_is_read_apart(extractor: DefaultExtractor) -> None:
    typed = set(typed_mentions(extractor, "The study was led by Gregor J. M. Weber of the University of Leeds."))
    assert ("University of Leeds", "organization") in typed


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Republican Party met in Ohio.",  # initials without a space: an abbreviation
        "The firm Michael L. Beatty & Associates filed the claim.",
        "She joined the Becky A. Stephens Litigation Unit last year.",
        "They flew into John F. Kennedy International Airport.",
        "Plan B. Smith and others were not consulted.",
        "Take vitamin D. Researchers say it helps.",
    ],
)
def test_initials_in_other_names_make_no_person(text: str) -> None:
    spans = initialled_people(text, {}, frozenset({"plan", "researchers", "others"}), frozenset())
    assert spans == [], [text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Local MLA Paul Frew of the Democratic Unionist Party said the road would reopen.",
            "Paul Frew",
            "Democratic Unionist Party",
        ),
        (
            "Coach Maria Lopez of the Riverside Athletic Club praised the squad.",
            "Maria Lopez",
            "Riverside Athletic Club",
        ),
        ("Analyst Thomas Berg of the Nordic Investment Bank expects a cut.", "Thomas Berg", "Nordic Investment Bank"),
    ],
)
def test_a_person_before_of_and_an_organisation_are_two_names(
    extractor: DefaultExtractor, text: str, person: str, org: str
) -> None:
    typed = set(typed_mentions(extractor, text))
    assert (person, "person") in typed
    assert (org, "organization") in typed


def test_person_before_of_needs_a_given_name_and_a_head_after() -> None:
    def never(_: str) -> str | None:
        return None

    text = "Friends of the Otley Library met."
    assert person_before_of(text, 0, len("Friends of the Otley Library"), {}, frozenset(), never) is None
    text = "Paul Frew of the Democratic Unionist Party"
    assert person_before_of(text, 0, len(text), {}, frozenset(), never) == (0, 9, 17)
    text = "The International Summer Sports Contest of University Students"
    assert person_before_of(text, 4, len(text), {"summer": "g"}, frozenset({"sports", "contest"}), never) is None


def test_a_classifier_person_of_an_unknown_name_is_split_after_its_given_name(extractor: DefaultExtractor) -> None:
    typed = set(typed_mentions(extractor, "Lando Norris of McLaren took pole in Monza. Norris said the car felt fast."))
    assert ("McLaren", "organization") in typed
    assert not any(" of " in s for s, _ in typed)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("The fire started in a shop on Queen Street on Monday.", "Queen Street"),  # local news
        ("Police closed King Road after the crash.", "King Road"),  # courts, local
        ("The new office on President Avenue opened on Tuesday.", "President Avenue"),  # business
        ("The parade will pass along Bishop Lane.", "Bishop Lane"),
    ],
)
def test_a_title_and_a_street_word_are_a_street_no_person(extractor: DefaultExtractor, text: str, street: str) -> None:
    typed = set(typed_mentions(extractor, text))
    assert (street, "place") in typed
    assert not people_in(extractor, text)
    assert [text[a:b] for a, b in titled_streets(text)] == [street]


def test_plural_honorifics_announce_a_person(extractor: DefaultExtractor) -> None:
    assert "Drs. Ali" in people_in(extractor, "We saw Drs. Ali and Chen at the clinic.")
    assert "Messrs. Patel" in people_in(extractor, "The contract was signed by Messrs. Patel and Osei.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tracy said the match was close. Tracy has coached the side for a decade.", "Tracy"),  # sport
        ("Regina, who runs the bakery on the corner, said flour prices rose.", "Regina"),  # local news
        ("I went with Mercedes and Dan to the new place downtown. Mercedes loved the fish.", "Mercedes"),  # review
        ("Irving told the jury he had never seen the contract.", "Irving"),  # courts
    ],
)
def test_a_given_name_the_gazetteer_knows_is_a_person_with_a_persons_verb(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    typed = set(typed_mentions(extractor, text))
    assert (name, "person") in typed
    assert (name, "place") not in typed


@pytest.mark.parametrize(
    "text",
    [
        "The team flew to Tracy on Monday.",  # no person's verb: the town
        "Houston said the launch was delayed.",  # a city of millions: its agency
        "Jordan said the border would stay closed.",  # a country
    ],
)
def test_a_town_stays_a_place_without_a_persons_context(extractor: DefaultExtractor, text: str) -> None:
    assert not people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Salman Rushdie spoke at the festival about his new novel. Rushdie said he writes every morning.",
            "Salman Rushdie",
        ),
        ("Torvald Kessing won the stage in the rain. Kessing said his legs were gone.", "Torvald Kessing"),  # sport
        (
            "Orla Breheny opened the new wing on Friday. Breheny, who chairs the trust, thanked her staff.",
            "Orla Breheny",
        ),
        (
            "Dmitar Velkov founded the start-up in 2019 and sold his stake. Velkov told investors it was time.",
            "Dmitar Velkov",
        ),
    ],
)
def test_two_words_the_document_names_as_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


def test_people_by_document_needs_a_persons_verb_and_a_pronoun() -> None:
    def no_place(_: str) -> str | None:
        return None

    never = frozenset({"the"})
    firm = "Velmora Sachs said profits rose. Velmora Sachs said it would hire."  # "it": an organisation
    assert people_by_document(firm, bytearray(len(firm) + 1), frozenset(), never, no_place) == []
    quiet = "Torvald Kessing won the stage. He was tired."  # no person's verb after the family name
    assert people_by_document(quiet, bytearray(len(quiet) + 1), frozenset(), never, no_place) == []
    text = "Torvald Kessing won the stage. Kessing said he was tired."
    assert people_by_document(text, bytearray(len(text) + 1), frozenset(), never, no_place) == [(0, 15)]
