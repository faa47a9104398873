"""Reported speech, round fifteen: made-up cases of the round's rules in other topics than its set (sport, courts,
business, science, local news, defence)."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of

pytestmark = pytest.mark.unit


# --- a nameless spokesperson speaks for the body; "the spokesman", "he", "she" after it too ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # sport: a club named before, its capitalised name before the noun
            "Derby fine\n\nHarlow Athletic were fined 10,000 pounds on Friday. A Harlow spokesman said the club "
            "would appeal.",
            "the club would appeal",
            "Harlow Athletic",
        ),
        (  # local news: a body after "for", named by its function only
            "Bridge shut\n\nThe bridge will close for repairs in May, a spokesman for the county council said on "
            "Monday.",
            "The bridge will close for repairs in May",
            "county council",
        ),
        (  # local news: the same, with the council named before
            "Bins\n\nMarston Borough Council will collect bins every two weeks, a spokesperson for the council "
            "said. The change would save money, the spokesperson added.",
            "The change would save money",
            "Marston Borough Council",
        ),
        (  # diplomacy: a lower-case body with no name, as written
            "Envoy summoned\n\nSweden summoned Finland's ambassador on Tuesday, a foreign ministry spokeswoman "
            'said. "We expect an answer," the spokeswoman told reporters.',
            "We expect an answer,",
            "foreign ministry",
        ),
        (  # travel: a body written before with a modifier ("The Irish embassy")
            "Warning\n\nThe Irish embassy in Nairobi has advised citizens to avoid the border, an embassy spokesman "
            "said.",
            "The Irish embassy in Nairobi has advised citizens to avoid the border",
            "Irish embassy",
        ),
        (  # defence: "he" in the next sentence is the spokesman
            "Drill\n\nThe navy will hold live-fire drills next week, a spokesman for the defence ministry said. "
            "The drills would last three days, he said.",
            "The drills would last three days",
            "defence ministry",
        ),
        (  # courts: "She" opening the next sentence is the spokeswoman
            "Arrests\n\nPolice in Leeds arrested two men after a raid, a police spokeswoman said. She said both "
            "were aged 30.",
            "both were aged 30",
            None,  # no police named: "a police spokeswoman" names no body (one word, not a public body's phrase)
        ),
    ],
)
def test_nameless_spokesperson_speaks_for_the_body(text: str, snippet: str, speaker: str | None) -> None:
    assert speaker_of(text, snippet) == speaker


def test_a_person_named_between_keeps_the_pronoun() -> None:
    """ "he" after a spokesman, with a man named in between, is that man (the person rules as before)."""
    text = (
        "Match\n\nThe final was moved to Sunday, a spokesman for the league said. Coach Tom Hale was angry. "
        "The players were tired, he said."
    )
    assert speaker_of(text, "The players were tired") == "Tom Hale"


def test_a_named_spokesperson_is_the_person() -> None:
    text = "Recall\n\nThe firm recalled 500 cars, a company spokesman, Ian Moss, said on Monday."
    assert speaker_of(text, "The firm recalled 500 cars") == "Ian Moss"


# --- 'called it "…"': the quoted phrase is the subject's words ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            'Cup\n\nCoach Dana Price called it "the best night in our history".',
            "the best night in our history",
            "Dana Price",
        ),
        (
            'Profits\n\nShares fell 9 per cent. Analyst Ruth Park called it "a warning in all but name".',
            "a warning in all but name",
            "Ruth Park",
        ),
    ],
)
def test_called_it_quote(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_called_it_a_name_without_a_speaker_is_no_claim() -> None:
    """ "Locals called it "the Swamp"": a plural common noun names nobody; no claim is shown with a speaker."""
    claim = claim_holding('Marsh\n\nLocals called it "the Swamp" for decades.', "the Swamp")
    assert claim is None or claim.speaker_text is None


# --- a legal document speaks for the party that brought it ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # business: a regulator the entity stage may not find
            "Fund\n\nThe Federal Trade Commission on Monday sued Brightway Toys. The complaint says the adverts "
            "misled parents.",
            "the adverts misled parents",
            "Federal Trade Commission",
        ),
        (  # courts: "According to the lawsuit" after "X sued"
            "Tenants\n\nOakridge Homes was sued by its tenants last year. Harbour Council sued the landlord on "
            "Friday. According to the lawsuit, 40 flats were damp.",
            "40 flats were damp",
            "Harbour Council",
        ),
        (  # a department that announced the charges
            "Smuggling\n\nTwo men were charged with smuggling engines, the Justice Department said on Friday. "
            "The complaint alleges that the men lied to customs.",
            "the men lied to customs",
            "Justice Department",
        ),
    ],
)
def test_legal_document_speaks_for_its_filer(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_the_defendant_is_not_the_filer() -> None:
    """ "X was charged": X is the defendant; "the complaint" names nobody."""
    text = "Fraud\n\nPeter Lund was charged with fraud on Monday. The complaint alleges that he moved funds."
    assert speaker_of(text, "he moved funds") is None


def test_an_indictment_names_nobody() -> None:
    """An indictment is a grand jury's: "The indictment alleges" after the prosecutors spoke names nobody."""
    text = (
        "Bribes\n\nA grand jury indicted Tom Reed on Monday, the Justice Department said. The indictment alleges "
        "that Reed took bribes."
    )
    assert speaker_of(text, "Reed took bribes") is None


# --- "the ministry" after a minister titled by portfolio ---


def test_ministry_of_the_minister_named_before() -> None:
    text = (
        "Clinic\n\nHealth Minister Ana Ruiz opened the clinic in Leon on Monday. The ministry said 40 staff "
        "would work there."
    )
    assert speaker_of(text, "40 staff would work there") == "health ministry"


def test_ministry_after_two_portfolios_or_a_prime_minister_is_unshown() -> None:
    two = "Talks\n\nFinance Minister Ana Ruiz met Trade Minister Tom Hale. The ministry said the talks went well."
    assert speaker_of(two, "the talks went well") is None
    prime = "Clinic\n\nPrime Minister Ana Ruiz opened the clinic. The ministry said 40 staff would work there."
    assert speaker_of(prime, "40 staff would work there") is None


def test_a_long_body_named_after_the_role_is_the_body() -> None:
    """ "A spokesman for the <long name> announced that": the body, even when the phrase runs past eight words
    (a longer phrase is otherwise read as a titled person "of" a body)."""
    text = (
        "Drills\n\n- A spokesman for the Kestrel Ministry of National Defence announced that the army would "
        "hold drills along the coast."
    )
    claim = claim_holding(text, "the army would hold drills along the coast")
    assert claim is not None and claim.speaker_text is not None and "Ministry of National Defence" in claim.speaker_text
