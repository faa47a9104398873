"""Reported speech, round thirteen: made-up cases of the round's rules in other topics than its set (sport, courts,
business, science, local news, defence)."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of

pytestmark = pytest.mark.unit


# --- a quote opening its paragraph, its speaker named in the next sentence, wins over the speaker above ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            'Farm raid\n\nThe farmer, Tom Ellis, said he had seen nothing. "I sleep at the back," he said.\n\n'
            '"We have recovered eleven vehicles so far." Inspector Gareth Lloyd spoke to reporters outside the farm.',
            "We have recovered eleven vehicles so far",
            "Gareth Lloyd",
        ),
        (
            'Derby\n\n"We were the better side," said Rovers manager Tom Ashworth.\n\n'
            '"It was a sending-off and everyone saw it." Rangers coach Maria Santos was furious at the whistle.',
            "It was a sending-off and everyone saw it",
            "Maria Santos",
        ),
        (
            'Trial\n\n"My client is innocent," said defence lawyer Amir Haddad.\n\n'
            '"The evidence against him is overwhelming." Prosecutor Helen Carr told the jury on Monday.',
            "The evidence against him is overwhelming",
            "Helen Carr",
        ),
        (
            'Results\n\nAnalyst Peter Lang said the shares were cheap. "The market has overreacted," he said.\n\n'
            '"We will beat our targets this year." Chief executive Ruth Okafor was speaking on Tuesday.',
            "We will beat our targets this year",
            "Ruth Okafor",
        ),
        (
            'Lab\n\n"The data are clear," said Dr Ian Moss.\n\n"We did not expect the effect to be this large." '
            "That was how Professor Anna Weiss of Tarn University described the result.",
            "We did not expect the effect to be this large",
            "Anna Weiss",
        ),
        (
            'Drills\n\nThe ministry said the drills would go ahead. "They are routine," a spokesman said.\n\n'
            '"Our ships will stay in the area." Rear Admiral Tom Reed spoke aboard the carrier on Friday.',
            "Our ships will stay in the area",
            "Tom Reed",
        ),
    ],
)
def test_quote_first_speaker_named_next_wins_over_the_speaker_above(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_quote_paragraph_with_nobody_named_next_goes_on_with_the_speaker_above() -> None:
    text = 'Council\n\nCouncillor Jane Hill said the plan was flawed.\n\n"It will close the library and the pool." '
    text += "Residents packed the hall on Monday."
    assert speaker_of(text, "It will close the library and the pool") == "Jane Hill"


# --- a document named before speaks for the body that issued it ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "A study published on Friday by researchers at Marlow University found plastic in rivers. "
            "The study said that most of it came from tyres.",
            "most of it came from tyres",
            "Marlow University",
        ),
        (
            "Halden Energy Group will shut two plants. In a press release issued to the stock exchange, the company "
            "blamed higher gas prices. The press release stated that staff would be offered other jobs.",
            "staff would be offered other jobs",
            "Halden Energy Group",
        ),
        (
            "A report published on Monday by the charity Food Bridge counted the cost of winter. The report said "
            "that energy bills were the main cause. It warned that the number could double by 2028.",
            "the number could double by 2028",
            "Food Bridge",
        ),
    ],
)
def test_document_named_before_speaks_for_its_issuer(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_document_with_no_agent_names_nobody() -> None:
    text = "The report, which Kim Wood read out on Monday, was short. The report said the bridge was safe."
    claim = claim_holding(text, "the bridge was safe")
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None


# --- a person of a body, a role of a body with the name in apposition, a person and companions ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        ("Coach Dana Price of the Falcons said the team would rest on Sunday.", "the team would rest", "Dana Price"),
        ("Manager Leo Brandt of Halden Athletic said the striker was fit.", "the striker was fit", "Leo Brandt"),
        (
            '"Nobody should go hungry," said Hartwell Foods\' chief executive, Amira Haddad.',
            "Nobody should go",
            "Amira Haddad",
        ),
        (
            "In a paper out on Wednesday, Varga and her colleagues reported that the bees could count.",
            "the bees could count",
            "Varga",
        ),
        (
            'Ashcombe\'s captain, Jonah Pike, said his side lacked discipline. "You cannot win like that," he said.',
            "You cannot win like that",
            "Jonah Pike",
        ),
        (
            "The health minister, Ruth Adeyemi, told parliament that waiting lists had fallen. The shadow health "
            "secretary, Colin Marsh, disagreed. The minister said the figures would be published in May.",
            "the figures would be published in May",
            "Ruth Adeyemi",
        ),
    ],
)
def test_person_of_a_body_and_named_roles(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_appositive_name_after_a_role_keeps_no_full_stop() -> None:
    claim = claim_holding(
        '"Prices will rise," said Corvin Telecom\'s finance director, Nadia Hale.', "Prices will rise"
    )
    assert claim is not None and claim.speaker_as_written == "Nadia Hale"


def test_unnamed_neighbour_is_a_claim_with_nobody_named() -> None:
    text = "A neighbour, who did not want to be named, said the lorries had come and gone at night."
    claim = claim_holding(text, "the lorries had come and gone at night")
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None
    assert claim.speaker_as_written == "A neighbour"


def test_a_lead_of_no_saying_gives_the_quote_to_nobody_named_next() -> None:
    text = (
        'Relegation\n\n"We were simply not good enough this season." That was the end of Tom Reed\'s time as manager.'
    )
    claim = claim_holding(text, "We were simply not good enough this season")
    assert claim is None or claim.speaker_text != "Tom Reed"
    text = 'Relegation\n\n"We were simply not good enough this season." That was the reaction of Tom Reed, the manager.'
    assert speaker_of(text, "We were simply not good enough this season") == "Tom Reed"
