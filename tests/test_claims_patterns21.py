"""Reported speech, round twenty-one: made-up cases of the round's rules in other topics than its set (sport,
courts, business, science, local news, defence): advice reported with "advises that" / "recommend that", a quote
whose object is a relative pronoun before the speaker ("what X described as "…"", "which X called "…""), and a
name given by a naming verb, which is no speech."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of

pytestmark = pytest.mark.unit


# --- "advises that", "recommend that": advice is reported speech before its clause ---


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (  # weather and roads
            "Storm warning\n\nHeavy snow is forecast for Friday. The Met Office advises that drivers should avoid the "
            "A9 unless their journey is essential.",
            "drivers should avoid the A9",
            "Met Office",
        ),
        (  # sport
            "Heat rules\n\nThe Football Association advised that clubs should schedule training before 10am during the "
            "heatwave.",
            "clubs should schedule training before 10am",
            "Football Association",
        ),
        (  # business
            "Savings\n\nThe Financial Conduct Authority advises that savers should check whether their bank is covered "
            "by the compensation scheme.",
            "savers should check whether their bank is covered",
            "Financial Conduct Authority",
        ),
    ],
)
def test_advice_before_its_clause_is_the_advisers(text: str, clause: str, speaker: str) -> None:
    assert speaker_of(text, clause) == speaker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The coach advised the players to rest before the final on Sunday.", "the players to rest"),
        ("The firm advises governments on defence procurement and has offices in Oslo.", "governments on defence"),
        ("We recommend the fish soup, which the chef makes every morning.", "the fish soup"),
    ],
)
def test_advise_and_recommend_without_a_clause_report_nothing(text: str, words: str) -> None:
    assert claim_holding(text, words) is None


# --- a relative pronoun before the speaker of a quote verb ---


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # defence
            "Exercise\n\nThe destroyer fired four missiles, striking a target barge with what the Navy Command "
            'described as "precision beyond any earlier test". Observers were not invited.',
            "precision beyond any earlier test",
            "Navy Command",
        ),
        (  # business
            "Results\n\nHarbor Bank lost £40 million in the quarter, which its chief executive, Ana Ruiz, called "
            '"a bump in the road". The shares fell.',
            "a bump in the road",
            "Ana Ruiz",
        ),
        (  # sport
            'Transfer\n\nThe striker, whom Rovers manager Dean Walsh called "the best finisher in the league", '
            "signed a new contract on Monday.",
            "the best finisher in the league",
            "Dean Walsh",
        ),
        (  # courts
            'Appeal\n\nThe levy, which the Court of Appeal described as "unlawful from the start", was scrapped '
            "in March.",
            "unlawful from the start",
            "Court of Appeal",
        ),
    ],
)
def test_a_quote_after_a_relative_pronoun_is_the_following_speakers(text: str, quote: str, speaker: str) -> None:
    assert speaker_of(text, quote) == speaker


def test_the_relative_pronoun_is_not_part_of_the_speaker_phrase() -> None:
    text = 'Trial\n\nThe jury heard what prosecutors called "a campaign of fear" against the tenants.'
    claim = claim_holding(text, "a campaign of fear")
    assert claim is not None
    assert claim.speaker_as_written == "prosecutors"
    assert claim.speaker_key is None  # a generic noun is no speaker entity


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Launch\n\nThe new frigate, which the navy dubbed "Sea Wolf", sailed from Portsmouth on Monday.', "Sea Wolf"),
        ('Housing\n\nThe estate, which locals called "the Jungle", was demolished in 1998.', "the Jungle"),
        ('Derby\n\nThe striker scored twice in what is called "the derby of the north".', "the derby of the north"),
        ('Science\n\nThe team dubbed the new beetle "Stardust" after the band the lab listens to.', "Stardust"),
        ('Defence\n\nThe ministry condemned what it called "provocations" near the border.', "provocations"),
        ('Trade\n\nThe union rejected what the firm described as "restructuring" of the plant.', "restructuring"),
    ],
)
def test_a_name_given_by_a_naming_verb_is_no_speech(text: str, name: str) -> None:
    assert claim_holding(text, name) is None


# --- a quote with its comma left out ---


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # local news
            'Floods\n\n"We will rebuild every house on this street" Mayor Lisa Chen said on Monday.',
            "We will rebuild every house on this street",
            "Lisa Chen",
        ),
        (  # sport
            'Derby\n\n"We were the better side for an hour" said Rovers manager Dean Walsh, who was booked.',
            "We were the better side for an hour",
            "Dean Walsh",
        ),
        (  # science
            'Telescope\n\n"The images are sharper than anything we expected" Dr Mira Shah told reporters in Geneva.',
            "The images are sharper than anything we expected",
            "Mira Shah",
        ),
        (  # courts
            'Sentencing\n\nAsked whether he would appeal, defence barrister Simon Leary replied "we are considering '
            'every option" outside the court.',
            "we are considering every option",
            "Simon Leary",
        ),
        (  # business
            'Results\n\nWhen an analyst asked about job cuts, chief executive Sandra Kim answered "there will be none '
            'this year".',
            "there will be none this year",
            "Sandra Kim",
        ),
    ],
)
def test_a_quote_with_its_comma_left_out_is_attributed(text: str, quote: str, speaker: str) -> None:
    assert speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('Books\n\n"The Wind in the Willows" Kenneth Grahame wrote in 1908, a year after he left the bank.', "Willows"),
        ('Cinema\n\nThe film "Night Train to Lisbon" director Ana Ruiz said was made in six weeks.', "Night Train"),
        ('Match\n\nFans sang "we want our club back" while owner Tom Hale said nothing.', "our club back"),
    ],
)
def test_a_title_or_a_chant_before_a_cue_is_not_attributed(text: str, words: str) -> None:
    claim = claim_holding(text, words)
    assert claim is None or claim.speaker_key is None
