"""Reported speech, round twelve: made-up cases of the round's rules in other words than the dev sets."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of

pytestmark = pytest.mark.unit


# --- "he" after a person whose role is a one-word title ("Millbrook captain Leon Barros") ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            'Cup tie\n\n"We were the better side," said Rovers manager Tom Ashworth.\n\n'
            'Millbrook captain Leon Barros was less happy. "That was never a penalty," he said.',
            "That was never a penalty",
            "Leon Barros",
        ),
        (
            'Hearing\n\n"The evidence is thin," said defence lawyer Amir Haddad.\n\n'
            'Crown Court judge Colin Marsh was unmoved. "The jury will decide," he said.',
            "The jury will decide",
            "Colin Marsh",
        ),
        (
            'Regatta\n\n"The wind dropped early," said race director Ian Moss.\n\n'
            'Harbour Club coach Ben Carter watched from the quay. "We lost it at the first mark," he said.',
            "We lost it at the first mark",
            "Ben Carter",
        ),
    ],
)
def test_he_after_a_sentence_opened_by_a_titled_role(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- adverbs of sequence between the subject and the cue ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Test\n\nThe rocket flew 300 km. Yonhap additionally noted that the rocket might be new.",
            "might be new",
            "Yonhap",
        ),
        (
            "Match\n\nThe Rowing Federation initially announced that the final would be moved.",
            "the final would",
            "Rowing",
        ),
        ("Trial\n\nDr. Ana Ruiz later said that the samples had been stored badly.", "the samples had", "Ana Ruiz"),
    ],
)
def test_adverb_of_sequence_before_the_cue(text: str, snippet: str, speaker: str) -> None:
    shown = speaker_of(text, snippet)
    assert shown is not None and speaker in shown


def test_intensifier_still_keeps_praise_out_of_speech() -> None:
    text = "Visit\n\nThe delegation highly praised the progress made by the workers."
    claim = claim_holding(text, "the progress made")
    assert claim is None or claim.speaker_text is None


# --- "the 24-year-old": the person written of ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Marathon\n\nLuis Ortega won the city marathon on Sunday. The 31-year-old, a teacher from Valencia, "
            "said the wind had made the last ten kilometres hard.",
            "the wind had made",
            "Luis Ortega",
        ),
        (
            "Court\n\nMaya Brandt was fined 400 euros for careless driving. The 45-year-old told the court "
            "that she had not seen the cyclist.",
            "she had not seen the cyclist",
            "Maya Brandt",
        ),
        (
            '"Every day counts," said Dr. Omar Said, who leads the lab. The 52-year-old biologist said the '
            "samples would be ready in May.",
            "the samples would be ready",
            "Omar Said",
        ),
    ],
)
def test_age_noun_is_the_person_written_of(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_age_noun_with_a_sex_skips_a_person_of_the_other() -> None:
    text = (
        "Flood\n\nLuis Ortega opened the shelter on Sunday. The 67-year-old grandmother told reporters "
        "that she had lost her house."
    )
    claim = claim_holding(text, "she had lost her house")
    assert claim is None or claim.speaker_text != "Luis Ortega"


# --- a name with "the" set off by commas after a common noun phrase ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Ruling\n\nThe court ruled for the drivers. The drivers' union, the Independent Workers Union, said "
            "the ruling was fair.",
            "the ruling was fair",
            "Independent Workers Union",
        ),
        (
            "Strike\n\nThe Independent Workers Union backed the strike. The pilots' union, the Northern Pilots "
            "Association, said its members were angry.",
            "its members were angry",
            "Northern Pilots Association",
        ),
        (
            "Deal\n\nIts parent company, the Holt Group, said it would appeal the fine.",
            "it would appeal",
            "Holt Group",
        ),
    ],
)
def test_named_appositive_after_a_common_noun_phrase(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_person_with_a_role_appositive_stays_the_person() -> None:
    text = "Fleet\n\nTom Reed, the fleet commander, said the ships were ready."
    assert speaker_of(text, "the ships were ready") == "Tom Reed"


# --- a titled person "of" an organisation whose head the entity stage cut ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Bees\n\nProfessor Raj Mehta of the Institute of Zoology, who was not involved, said the results "
            "needed to be repeated.",
            "the results needed",
            "Raj Mehta",
        ),
        (
            "Reef\n\nDr. Lena Park of the University of Tasmania said the reef was recovering.",
            "the reef was recovering",
            "Lena Park",
        ),
    ],
)
def test_person_of_an_organisation_with_a_cut_head(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- a time between the subject and the cue; a document named by a nationality adjective ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Grid\n\nThe Ministry of Energy on Monday said that the grid was stable.",
            "the grid was stable",
            "Ministry of Energy",
        ),
        (
            "Club\n\nThe Rowing Federation late on Friday announced that the regatta was cancelled.",
            "the regatta was cancelled",
            "Rowing Federation",
        ),
        (
            "Launch\n\nOn March 24, North Korea launched two missiles. The official North Korean announcement on "
            "March 25 claimed that the missiles had flown 600 km.",
            "the missiles had flown 600 km",
            "North Korea",
        ),
        (
            "Drill\n\nJapan tracked the missiles. A Japanese government statement said the missiles fell outside "
            "its zone.",
            "the missiles fell outside",
            "Japan",
        ),
        (
            "Trade\n\nChina's exports rose in May. A Chinese press release stated that the figures were final.",
            "the figures were final",
            "China",
        ),
    ],
)
def test_time_after_subject_and_nationality_issuer(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_nationality_issuer_needs_the_country_named() -> None:
    """With no France in the document, "A French press release" is shown as written (no country made up)."""
    text = "Drones\n\nA French press release stated that the drones were new."
    shown = speaker_of(text, "the drones were new")
    assert shown is None or "France" not in shown


def test_country_of_adjective() -> None:
    from workbook.extract.base import MentionRecord
    from workbook.extract.speaker_issuers import country_of_adjective

    mentions = [MentionRecord(0, 5, "a", 0), MentionRecord(10, 21, "b", 0), MentionRecord(30, 36, "c", 0)]
    types = {"a": "place", "b": "place", "c": "place"}
    names = {"a": "Japan", "b": "North Korea", "c": "France"}
    assert country_of_adjective("Japanese", mentions, types, names) == "a"
    assert country_of_adjective("North Korean", mentions, types, names) == "b"
    assert country_of_adjective("South Korean", mentions, types, names) is None
    assert country_of_adjective("French", mentions, types, names) is None  # too little shared: left out
    assert country_of_adjective("Jameson", mentions, types, names) is None  # no nationality


# --- a quote opening its paragraph, its speaker named in full in the next sentence ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            'Record\n\n"I knew the time was there if I got the first bend right." Grace Okafor was still catching '
            'her breath after the race. "Nothing is guaranteed," she said.',
            "I knew the time was there",
            "Grace Okafor",
        ),
        (
            'River\n\n"We are doing everything we can to find him." Inspector Gareth Lloyd spoke at the bank '
            'on Sunday. "Please stay away from the water," he said.',
            "We are doing everything we can",
            "Gareth Lloyd",
        ),
        (
            'Harvest\n\n"This is the worst year I can remember." Ruth Adeyemi, a farmer, walked along the dry rows '
            'of maize. "We will plant again," she said.',
            "This is the worst year",
            "Ruth Adeyemi",
        ),
    ],
)
def test_quote_opening_a_paragraph_then_its_speaker(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_quote_before_a_sentence_opened_by_a_place_keeps_no_speaker() -> None:
    text = 'Storm\n\n"The water came so fast," one man said. "Nobody was ready for it." Sandbury flooded in an hour.'
    claim = claim_holding(text, "Nobody was ready")
    assert claim is None or claim.speaker_text != "Sandbury"


# --- a plural's "s" before a full stop ends the sentence ---


def test_plural_s_before_a_full_stop_ends_the_sentence() -> None:
    from workbook.extract.sentences import split_sentences

    text = "The missiles might be KN-23s. The navy flew F-16s. Prices rose in the 1990s. J. Lewis and J.-P. Roy met."
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == [
        "The missiles might be KN-23s.",
        "The navy flew F-16s.",
        "Prices rose in the 1990s.",
        "J. Lewis and J.-P. Roy met.",
    ]


# --- "the company said" after a name that reported of itself as "it" (whatever the entity stage typed) ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Outage\n\nThe Ministry of Digital Affairs fined Corvin Telecom on Monday. Corvin Telecom said it "
            'accepted the fine. "We apologise to every customer," the company said.',
            "We apologise to every customer",
            "Corvin Telecom",
        ),
        (
            "Chips\n\nKaltris Semiconductor said on Tuesday it would build a plant in Ostfeld.\n\nChief executive "
            "Ingrid Baum said the plant would make chips. The company said production would begin in 2029.",
            "production would begin",
            "Kaltris Semiconductor",
        ),
        (
            "Rail\n\nThe Transport Ministry said it would fine Arlo Rail. Arlo Rail said its trains were late "
            "because of the heat. The firm said it had hired more drivers.",
            "it had hired more drivers",
            "Arlo Rail",
        ),
    ],
)
def test_the_company_after_a_name_reporting_of_itself(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_a_person_saying_it_is_no_company() -> None:
    text = "Weather\n\nJohn Smith said it was raining in the hills. The company said the race would go ahead."
    claim = claim_holding(text, "the race would go ahead")
    assert claim is None or claim.speaker_text != "John Smith"


# --- two countries' bodies under one plural head; "speculate" in the present ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Drills\n\nThe South Korean and U.S. militaries said on Monday that the exercise would begin next week.",
            "the exercise would begin",
            "U.S. military",
        ),
        (
            "Talks\n\nThe British and French governments said the fishing talks had failed.",
            "the fishing talks had failed",
            "French government",
        ),
        (
            "Patrol\n\nThe Japanese and Australian navies said the joint patrol had ended without incident.",
            "the joint patrol had ended",
            "Australian navy",
        ),
    ],
)
def test_two_countries_bodies_under_one_plural_head(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_people_under_one_plural_head_stay_as_written() -> None:
    text = "Drills\n\nSouth Korean and U.S. officials said the drills were defensive."
    assert speaker_of(text, "the drills were defensive") == "South Korean and U.S. officials"


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        ("Launch\n\nExperts speculate that the launch tested a new engine.", "the launch tested"),
        ("Transfer\n\nFans speculate that the striker will leave in the summer.", "the striker will leave"),
        ("Crater\n\nScientists theorize that the crater is younger than thought.", "the crater is younger"),
    ],
)
def test_speculate_in_the_present_reports_a_clause(text: str, snippet: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is not None and claim.speaker_key is None


def test_speculate_without_a_clause_is_no_speech() -> None:
    text = "Transfer\n\nFans speculate about the transfer every summer."
    assert claim_holding(text, "about the transfer") is None


def test_paragraphs_joined_by_a_comma_are_sentences() -> None:
    from workbook.extract.sentences import split_sentences

    text = (
        "Kim visited the plant on April 23., The message said it would win., He met officials from the U.S., "
        "Japan and China. Kyocera Corp., of Japan said so. At 9 a.m., Tuesday came."
    )
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == [
        "Kim visited the plant on April 23.",
        "The message said it would win.",
        "He met officials from the U.S., Japan and China.",
        "Kyocera Corp., of Japan said so.",
        "At 9 a.m., Tuesday came.",
    ]


def test_a_speaker_after_joined_paragraphs() -> None:
    text = (
        "Exxon Mobil said its output fell in March., Mayor Lena Berg said the bridge would reopen on May 2., "
        "The choir's director, Anna Vik, said the concert was sold out."
    )
    assert speaker_of(text, "the bridge would reopen") == "Lena Berg"
    assert speaker_of(text, "the concert was sold out") == "Anna Vik"


# --- "in a press statement" between the subject and the cue; an acronym closing an appositive ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Drones\n\nCha Sang Bo, vice-chairman of the General Association of Koreans in China (GAKC), in a press "
            "statement on October 14 said that the Koreans in China are angry.",
            "the Koreans in China are angry",
            "Cha Sang Bo",
        ),
        (
            "Curfew\n\nMayor Lena Berg in a televised address said the curfew would end on Friday.",
            "the curfew would end",
            "Lena Berg",
        ),
        (
            "Fleet\n\nTom Reed, commander of the Pacific Fleet (PACFLT), said the ships were ready.",
            "the ships were ready",
            "Tom Reed",
        ),
    ],
)
def test_where_the_words_were_said_is_no_speaker(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- a quote after a colon, no reporting verb, in a sentence whose subject is a person ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Bridge\n\nFor Jenny Marsh, who runs a bakery across the river, the news was a blow: "
            '"Half my customers come over that bridge every morning."',
            "Half my customers come over",
            "Jenny Marsh",
        ),
        (
            'Rates\n\nBank governor Ruth Adler was blunt: "Rates will not fall this year."',
            "Rates will not fall",
            "Ruth Adler",
        ),
        (
            'Final\n\nCoach Tom Hale had one message for his players: "Play the way we trained all season."',
            "Play the way we trained",
            "Tom Hale",
        ),
    ],
)
def test_quote_after_a_colon_is_the_subjects(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        ('Shop\n\nThe sign on the door read: "Closed until further notice for repairs."', "Closed until further"),
        ('Warning\n\nPolice gave Tom Hale a warning: "Do not come back here again."', "Do not come back"),
    ],
)
def test_quote_after_a_colon_with_no_person_subject_is_nobodys(text: str, snippet: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is None or claim.speaker_text is None


# --- "she" after a titled name the entity stage read whole as a place or an organisation ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Wildfires\n\nOTTAWA - About 350 troops were sent north on Sunday.\n\nBrigadier-General Nadine Okafor, "
            'commander of Joint Task Force West, said the first troops had arrived. "Our job is to get people out '
            'safely," she said.',
            "Our job is to get people out",
            "Nadine Okafor",
        ),
        (
            "Harbour\n\nBrigadier-General Tomas Vidal, head of the engineers, said the pier would reopen. "
            '"We have repaired the worst of the damage," he said.',
            "We have repaired the worst",
            "Tomas Vidal",
        ),
    ],
)
def test_pronoun_after_a_titled_name_read_as_a_place(text: str, snippet: str, speaker: str) -> None:
    shown = speaker_of(text, snippet)
    assert shown is not None and shown.endswith(speaker)


def test_a_long_subject_before_in_a_statement_keeps_its_claim() -> None:
    """A subject of more than eight words is not read; the claim stays, with "a statement" as the words."""
    text = (
        "Statements\n\nThe External Relations Department of the Central Leadership of the Riverside Farmers' "
        "Union in a statement said that the harvest had been the best in ten years."
    )
    claim = claim_holding(text, "the harvest had been the best")
    assert claim is not None and claim.speaker_key is None
