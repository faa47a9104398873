"""Where places and organisations start and end (round fifteen, ner15): counties, streets, sports teams
named by a town and a plural, names ending in a country, institutions one after another in a signature,
and the lines of a signature or an address block. Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions
from workbook.extract.place_org_extents import signature_names
from workbook.extract.rule_tokens import headline_tokens, tokenize


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Police in County Antrim arrested two men after the match.", "County Antrim", "place"),  # courts
        ("Trains will be built in County Durham, the company said.", "County Durham", "place"),  # business
        ("Flooding closed roads across County Kerry on Sunday.", "County Kerry", "place"),  # weather
    ],
)
def test_county_and_a_name_is_a_place(text: str, name: str, type_: str) -> None:
    assert (name, type_) in _read(text)


def test_county_before_a_head_word_keeps_its_type() -> None:
    read = dict(_read("The meeting is at County Hall, and County Council officers will attend."))
    assert read.get("County Hall") != "place" or "County Hall" not in read  # a building, left as it was read
    assert "County" not in read


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Residents of Mile End Road complained about the noise.", "Mile End Road"),  # local news
        ("The shop on Victoria Avenue reopened after the fire.", "Victoria Avenue"),  # a given name inside
        ("A crash on Telegraph Avenue closed two lanes.", "Telegraph Avenue"),  # traffic
        ("Protesters marched down Whitehall Street to the ministry.", "Whitehall Street"),  # politics
        ("The barracks on Marlborough Road were sold to a developer.", "Marlborough Road"),  # defence
    ],
)
def test_capitalised_words_and_a_street_word_are_one_place(text: str, street: str) -> None:
    assert (street, "place") in _read(text)


def test_a_street_word_after_a_long_name_takes_no_part_of_it() -> None:
    text = "He said the name - the Pothong Riverside Terraced Residential District Street - was too long."
    assert ("Terraced Residential District Street", "place") not in _read(text)


@pytest.mark.parametrize(
    ("text", "team", "later"),
    [
        (
            "The Kansas City Chiefs beat the Baltimore Ravens 27-20. The Ravens travel next.",
            "Kansas City Chiefs",
            "Ravens",
        ),
        (
            "The Dallas Cowboys beat Philadelphia 24-17. The Cowboys are top of the division.",
            "Dallas Cowboys",
            "Cowboys",
        ),
        ("The Leeds Rhinos beat Castleford at Headingley. The Rhinos won last year too.", "Leeds Rhinos", "Rhinos"),
        ("The Chicago Bulls lost to the Sacramento Kings on Friday.", "Chicago Bulls", None),
    ],
)
def test_a_town_and_a_plural_are_a_team(text: str, team: str, later: str | None) -> None:
    read = _read(text)
    assert (team, "organization") in read
    if later is not None:
        assert (later, "organization") in read


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Tourists visited the Golan Heights and the Falkland Islands.", "Golan Heights"),  # places
        ("The U.S.-ROK Guidelines for Nuclear Deterrence were announced.", None),  # a country: no team
        ("Fans of the Tokyo Olympics queued for hours.", None),  # an event
    ],
)
def test_a_place_or_an_event_after_a_town_is_no_team(text: str, kept: str | None) -> None:
    read = _read(text)
    assert not any(t == "organization" and n.endswith(("Heights", "Islands", "Guidelines")) for n, t in read)
    if kept is not None:
        assert (kept, "place") in read


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Shares in Leather UK fell 6% after the results.", "Leather UK"),  # business
        ("Persimmon Homes UK said completions fell and profit margins narrowed.", "Persimmon Homes UK"),
        ("The charity Oxfam Ireland criticised the ruling.", "Oxfam Ireland"),  # a charity
        ("Microsoft Ireland said it would cut 200 jobs in Dublin.", "Microsoft Ireland"),
    ],
)
def test_a_name_ending_in_a_country_is_one_organisation(text: str, org: str) -> None:
    assert (org, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Yesterday UK inflation rose to 4%, and shares fell.", "UK"),  # a common word opening a sentence
        ("Greater London and rural Ireland voted differently.", "Ireland"),
        ("He flew from London to Dublin, Ireland, on Monday.", "Ireland"),
    ],
)
def test_a_country_after_other_words_stays_a_place(text: str, place: str) -> None:
    assert (place, "place") in _read(text)


def test_institutions_one_after_another_are_cut_apart() -> None:
    text = (
        "Sheridan Titman Department of Finance College of Business Administration University of Texas Austin, "
        "Texas 78712-1179"
    )
    names = [n for _, _, n in signature_names(text, default_extractor().entity_model.names)]  # type: ignore[union-attr]
    assert names == ["Department of Finance", "College of Business Administration", "University of Texas Austin"]
    read = _read(text)
    assert ("College of Business Administration", "organization") in read
    assert ("University of Texas Austin", "organization") in read


@pytest.mark.parametrize(
    "text",
    [
        "He works at the Institute of Physics of the State Academy of Sciences in Minsk.",  # after "of the"
        "The Nano Science and Technology Institute of Kim Chaek University of Technology opened a lab.",
        "Researchers at the University of Michigan and Ecuador's National Institute of Biodiversity agreed.",
        "Scientists at the Max Planck Institute for Astronomy in Heidelberg reported the find.",
    ],
)
def test_a_name_inside_a_longer_name_is_no_signature(text: str) -> None:
    assert signature_names(text, default_extractor().entity_model.names) == []  # type: ignore[union-attr]


def test_the_lines_of_a_signature_are_no_headline() -> None:
    text = (
        "The study appears in Animal Behaviour.\n"
        "Prof Lars Chittka\n"
        "School of Biological and Behavioural Sciences\n"
        "Queen Mary University of London\n"
        "Mile End Road, London E1 4NS"
    )
    assert not headline_tokens(text, tokenize(text))
    read = _read(text)
    assert ("School of Biological and Behavioural Sciences", "organization") in read
    assert ("Queen Mary University of London", "organization") in read
    assert ("Mile End Road", "place") in read


def test_a_first_line_in_title_case_is_still_a_headline() -> None:
    text = "Council Approves New Arena Plans For Docks\nShort line\nAnother short line\nThe council met on Monday."
    tokens = tokenize(text)
    assert {tokens[i].text for i in headline_tokens(text, tokens)} >= {"Council", "Approves", "Arena"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "The Court of Justice of the European Union in Luxembourg upheld the fine.",
            "Court of Justice of the European Union",
        ),
        (
            "The Ministry of Defence of the Russian Federation said the drills were over.",
            "Ministry of Defence of the Russian Federation",
        ),
        (
            "The Department of Health of the Republic of Ireland issued guidance.",
            "Department of Health of the Republic of Ireland",
        ),
    ],
)
def test_a_head_first_name_and_of_the_a_place_are_one_organisation(text: str, org: str) -> None:
    assert (org, "organization") in _read(text)


def test_a_person_of_a_party_stays_apart() -> None:
    read = _read("Wu Chi-wai of the Democratic Party spoke at the rally.")
    assert ("Democratic Party", "organization") in read
    assert not any(n.startswith("Wu") and t == "organization" for n, t in read)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The Employment Appeal Tribunal in London overturned the ruling.", "Employment Appeal Tribunal"),  # courts
        ("The Upper Tribunal agreed with the council's decision.", "Upper Tribunal"),  # local government
        ("The Court of Arbitration for Sport banned the sprinter for two years.", "Court of Arbitration for Sport"),
    ],
)
def test_tribunals_are_organisations(text: str, org: str) -> None:
    assert (org, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "short"),
    [
        (
            "Persimmon Homes UK said completions fell and profit margins narrowed. Dean Finch, chief executive "
            "of Persimmon, said mortgage rates were easing.",
            "Persimmon",
        ),
        (
            "Fortescue Metals Group said profit rose 12% as exports recovered. Andrew Forrest, chairman of "
            "Fortescue, told analysts the shares were cheap.",
            "Fortescue",
        ),
    ],
)
def test_a_firms_first_word_alone_is_that_firm_in_business_news(text: str, short: str) -> None:
    assert (short, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "word", "not_type"),
    [
        (
            "Leeds United beat Leeds Rhinos' neighbours, and fans in Leeds celebrated; shares rose.",
            "Leeds",
            "organization",
        ),
        (
            "Scientists at the Max Planck Institute for Astronomy said Max was right about the revenue.",
            "Max",
            "organization",
        ),
        (
            "The Palestine Liberation Democratic Front met envoys from Palestine, Iraq and Iran.",
            "Palestine",
            "organization",
        ),
    ],
)
def test_a_town_a_given_name_or_a_country_alone_is_no_short_form(text: str, word: str, not_type: str) -> None:
    assert (word, not_type) not in _read(text)
