"""People in defence and government press releases (round twenty, people21): civic and Commonwealth titles
before a name ("Chair", "Vice-chair", "Convener", "the Hon", "Rt Hon": the title is no part of the name and
no entity), and a lone word the classifier alone read as a person that the grammar around it calls a place
("customers in Wales") or a firm ("Tesco's results"; `lone_word_readings`). Every text is made up (the people
are invented)."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions
from workbook.extract.entity_runs import NAMED, Candidate
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.release_readings import decorations, firm_possessive, lone_word_readings, place_after_in
from workbook.extract.vocabulary import TITLES


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


def _span(text: str, word: str, prob: float = 0.3, kind: str = "person") -> ScoredSpan:
    at = text.index(word)
    left = text[:at].split()[-1].lower() if text[:at].split() else ""
    return ScoredSpan(at, at + len(word), kind, prob, 1 - prob, (word,), left)


@pytest.mark.parametrize("title", ["chair", "vice-chair", "convener", "hon", "undersecretary"])
def test_civic_and_commonwealth_titles_are_titles(title: str) -> None:
    assert tuple(title.split()) in TITLES


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chair Nkechi Albright said the decision followed three public meetings.", "Nkechi Albright"),
        ("Chair Amara Quist said the board would meet again.", "Amara Quist"),
        ("Convener Audrey Niven MSP asked about response times.", "Audrey Niven"),
        ("The motion was seconded by the Hon Claire Whitby MP on Tuesday.", "Claire Whitby"),
        ("The Defence Secretary, Rt Hon Callum Brierley MP, visited the base on Tuesday.", "Callum Brierley"),
        ("The Hon Felicity Marchbanks MP welcomed the vote.", "Felicity Marchbanks"),
        ("Rt. Hon. Daniel Ferris visited the base.", "Daniel Ferris"),
        ("Undersecretary Cristina Dizon-Reyes led the delegation.", "Cristina Dizon-Reyes"),
    ],
)
def test_a_name_after_a_civic_or_commonwealth_title_is_the_person_without_it(text: str, name: str) -> None:
    found = _read(text)
    assert (name, "person") in found
    assert not any(kind == "person" and n != name for n, kind in found)  # "Rt Hon" or "Hon Claire" no person


def test_a_title_alone_in_lower_case_is_no_name() -> None:
    assert _read("The chair of the committee said the vote would wait.") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The company said customers in Wales would see lower bills.", "Wales"),
        ("Flooding across Cumbria closed roads on Sunday.", "Cumbria"),
        ("Prices rose throughout Kerrowan last year.", "Kerrowan"),
    ],
)
def test_a_lone_unsure_person_after_in_is_a_place(text: str, word: str) -> None:
    s = _span(text, word)
    assert place_after_in(text, s, set())
    assert lone_word_readings(text, [s], set())[0].type == "place"


@pytest.mark.parametrize(
    ("text", "word", "prob", "surnames"),
    [
        ("Voters said they had lost confidence in Mbeki after the vote.", "Mbeki", 0.3, set()),  # belief
        ("Few believed in Ostrander until the final.", "Ostrander", 0.3, set()),  # belief verb
        ("The change was set out in Whitby's report.", "Whitby", 0.3, set()),  # possessive
        ("The vote in Santa Clara was close.", "Santa", 0.3, set()),  # a longer name
        ("Lena Varga spoke first; the room was quiet as in Varga we trust.", "Varga", 0.3, {"varga"}),  # surname
        ("The prize went to a player in Dorrance last week.", "Dorrance", 0.9, set()),  # the classifier is sure
        ("The prize was handed over by Okonjo in a short ceremony.", "Okonjo", 0.3, set()),  # not after "in"
    ],
)
def test_a_person_after_in_stays_a_person_when_grammar_or_the_document_says_so(
    text: str, word: str, prob: float, surnames: set[str]
) -> None:
    s = _span(text, word, prob)
    assert not place_after_in(text, s, surnames)
    assert lone_word_readings(text, [s], surnames)[0].type == "person"


def test_a_lone_word_before_a_firms_possession_in_business_news_is_a_firm() -> None:
    text = "Analysts drew on figures from Tesco's results to judge the market."
    s = _span(text, "Tesco")
    assert firm_possessive(text, s, set())
    assert lone_word_readings(text, [s], set())[0].type == "organization"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The coach drew on figures from Hartley's results at the trials.", "Hartley"),  # no business document
        ("Analysts read Hartley's memoir as a defence of his record.", "Hartley"),  # no firm's possession
    ],
)
def test_a_possessive_without_business_or_a_firms_possession_stays_a_person(text: str, word: str) -> None:
    assert lone_word_readings(text, [_span(text, word)], set())[0].type == "person"


def test_the_surname_of_a_person_the_document_names_stays_a_person_before_a_possession() -> None:
    text = "Investors studied Marsh's results closely."
    assert not firm_possessive(text, _span(text, "Marsh"), {"marsh"})


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The company said customers in Wales would see lower bills.", "Wales", "place"),
        ("Analysts drew on figures from Tesco's results to judge the market.", "Tesco", "organization"),
    ],
)
def test_the_extractor_reads_the_lone_word_by_its_grammar(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _read(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lt. Col. Jan de Vries inspected the troops.", "Jan de Vries"),
        ("Lt. Col. Jan Kowalski inspected the troops.", "Jan Kowalski"),
        ("Minister Jan Novak said the talks would resume.", "Jan Novak"),
    ],
)
def test_a_given_name_spelled_as_a_months_abbreviation_opens_a_name_after_a_rank_or_title(text: str, name: str) -> None:
    assert (name, "person") in _read(text)


@pytest.mark.parametrize("text", ["Col. Jan 5 was the date of the parade.", "The parade on Jan. 5 was short."])
def test_a_months_abbreviation_before_a_date_is_no_name(text: str) -> None:
    assert not any(kind == "person" for _, kind in _read(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Warrant Officer Class 1 Sinead Carr and Corporal Ben Ashdown were commended.", "Sinead Carr"),
        ("Warrant Officer Class 2 Amir Haddad said the course was full.", "Amir Haddad"),
    ],
)
def test_a_british_warrant_officers_class_is_part_of_the_rank(text: str, name: str) -> None:
    found = _read(text)
    assert (name, "person") in found
    assert ("Class", "person") not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He received the Purple Heart and the Meritorious Service Medal.", "Meritorious Service Medal"),
        ("He received the Purple Heart and the Meritorious Service Medal.", "Purple Heart"),
        ("She was awarded the Navy and Marine Corps Commendation Medal.", "Navy and Marine Corps Commendation Medal"),
        ("She was awarded the Bronze Star Medal on Friday.", "Bronze Star Medal"),
    ],
)
def test_a_decoration_is_a_name_of_another_kind(text: str, name: str) -> None:
    found = _read(text)
    assert (name, "other") in found
    assert not any(kind in ("organization", "place", "person") for _, kind in found)


def test_decorations_leave_a_cued_person_and_other_names_alone() -> None:
    found = _read("Bronze Star recipient Capt. Ana Ruiz spoke at the Royal Mint in Cardiff.")
    assert ("Ana Ruiz", "person") in found
    assert not any(n.startswith("Ana") and kind == "other" for n, kind in found)


def test_decorations_retype_only_names_of_medals() -> None:
    text = "The Star Alliance and Heart Foundation met."
    cands = [
        Candidate(4, 17, "organization", NAMED, "Star Alliance"),
        Candidate(22, 38, "organization", NAMED, "Heart Foundation"),
    ]
    assert [c.type for c in decorations(text, cands)] == ["organization", "organization"]
    medal = "the Bronze Star Medal"
    assert decorations(medal, [Candidate(4, 15, "organization", NAMED, "Bronze Star")])[0] == Candidate(
        4, 21, "other", NAMED, "Bronze Star Medal"
    )


def test_under_is_no_title_word() -> None:
    assert ("under", "secretary") not in TITLES  # "organizations under Chongryon": "under" cues no name
