"""Capitalised words that are no names, whichever stage read them (round thirteen, ner14): weekdays of
opening hours, plurals of nationality words, a person's title at the start of an organisation. Every
text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.entity_runs import NAMED, Candidate
from workbook.extract.not_names import group_plural, names_only, opening_hours_word, review_heading, title_cut
from workbook.extract.pipeline import DefaultExtractor


def _at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(
    ("text", "word", "hours"),
    [
        ("Store hours: Mon-Fri 08:30 am - 7 pm, Sat 08:30 am - 06:30 pm.", "Mon", True),  # local shops
        ("Store hours: Mon-Fri 08:30 am - 7 pm, Sat 08:30 am - 06:30 pm.", "Fri", True),
        ("Store hours: Mon-Fri 08:30 am - 7 pm, Sat 08:30 am - 06:30 pm.", "Sat", True),
        ("The clinic opens Tue & Thu from 9.", "Tue", True),  # health
        ("Training: Wed 18:30, Sun 10:00 at the club ground.", "Sun", True),  # sport
        ("Court sits Mon to Thu, 10 am.", "Thu", True),  # courts
        ("The Mon State government said the dam was safe.", "Mon", False),  # a region of Myanmar
        ("The Sun reported the sale on Tuesday.", "Sun", False),  # a newspaper
        ("He met Sun Yat-sen's grandson at 3 pm.", "Sun", False),
    ],
)
def test_a_weekday_of_opening_hours_is_no_name(text: str, word: str, hours: bool) -> None:
    assert opening_hours_word(text, *_at(text, word)) is hours


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("Argentineans", True),
        ("Mexicans", True),
        ("Brazilians", True),
        ("Kenyans", True),
        ("Colombians", True),
        ("Republicans", False),  # a party's members
        ("Democrats", False),
        ("Athens", False),
        ("Orleans", False),
        ("Kansans", False),
        ("Germany", False),
    ],
)
def test_a_plural_of_a_nationality_word_is_a_group(word: str, plural: bool) -> None:
    assert group_plural(word) is plural


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Great Service", True),  # a shop's review
        ("Poor Service After", True),
        ("GREAT Store GREAT Service", True),
        ("Excellent Staff", True),  # a hospital's review
        ("Bad Food", True),  # a restaurant's
        ("Friendly Team", True),  # a garage's
        ("Great Western Railway", False),  # a railway company
        ("Great Britain", False),
        ("Best Buy", False),  # a firm
        ("Good Samaritan Hospital", False),
        ("Great Ormond Street Hospital", False),
        ("Fast Company", False),  # a magazine: a company is not what a review judges
    ],
)
def test_a_reviews_heading_is_no_organisation(text: str, heading: bool) -> None:
    assert review_heading(text, 0, len(text)) is heading


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Counsel for the Crown Prosecution Service told the jury", "Crown Prosecution Service"),  # courts
        ("President of the European Commission", "European Commission"),  # politics
        ("Director of the National Institutes of Health", "National Institutes of Health"),  # science
        ("Chairman of the Federal Reserve Board", "Federal Reserve Board"),  # business
        ("Commander of the Pacific Fleet", "Pacific Fleet"),  # defence
        ("Manager of the Madrid Club", "Madrid Club"),  # sport
        ("Deputy Director of the CIA", "CIA"),
        ("Chief Justice of the United States", "United States"),
        ("Secretary of State", "Secretary of State"),  # a title, whole
        ("King of the Hill", "King of the Hill"),  # a title of a show: one word after "the"
        ("Queen of the South", "Queen of the South"),  # a club
        ("Bank of the West", "Bank of the West"),  # no title
        ("Friends of the Earth", "Friends of the Earth"),
    ],
)
def test_a_persons_title_is_cut_from_an_organisation(text: str, name: str) -> None:
    end = text.index(" told") if " told" in text else len(text)
    c = title_cut(text, Candidate(0, end, "organization", NAMED, text[:end]))
    assert text[c.start : c.end] == name
    assert c.name == name


def test_names_only_leaves_people_and_gazetteer_alone() -> None:
    text = "Mon-Fri 9 am. Argentineans cheered."
    person = Candidate(0, 3, "person", NAMED, "Mon")
    place = Candidate(0, 3, "place", NAMED, "Mon")
    group = Candidate(14, 26, "organization", NAMED, "Argentineans")
    assert names_only(text, [person, place, group]) == [person]


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        (  # local news
            "The new library on Bridge Street is open Mon-Fri 9 am - 6 pm and Sat 10 am - 1 pm, the council said.",
            {"Mon", "Sat", "Fri"},
            set(),
        ),
        (  # business: a review
            "Great Service. The staff at Harbour Motors in Leeds fixed my car in a day.",
            {"Great Service"},
            {("Leeds", "place")},
        ),
        (  # sport
            "Argentineans packed the stands in Doha as Lionel Messi lifted the trophy.",
            {"Argentineans"},
            {("Lionel Messi", "person")},
        ),
        (  # courts
            "Counsel for the Crown Prosecution Service, Sarah Whitlock, told Leeds Crown Court the case was strong.",
            {"Counsel for the Crown Prosecution Service"},
            {("Crown Prosecution Service", "organization"), ("Sarah Whitlock", "person")},
        ),
        (  # politics
            "Ursula von der Leyen, President of the European Commission, spoke by video.",
            {"President of the European Commission"},
            {("European Commission", "organization")},
        ),
        (  # defence
            "Admiral Samuel Paparo, Commander of the Indo-Pacific Command, visited Manila.",
            {"Commander of the Indo-Pacific Command"},
            set(),
        ),
    ],
)
def test_the_extractor_reads_no_name_in_these_words(
    extractor: DefaultExtractor, text: str, gone: set[str], kept: set[tuple[str, str]]
) -> None:
    found = set(typed_mentions(extractor, text))
    assert not {s for s, _ in found} & gone
    assert kept <= found
