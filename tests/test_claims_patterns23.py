"""Reported speech, round twenty-three: made-up cases of the round's rules in other topics than its set (sport,
courts, business, science, local news, defence): a quote in single marks that runs over several paragraphs (each
paragraph opened again, only the last one closed), and generic speakers — a lawyer or a relative of someone, not
named — whose words are kept with nobody shown."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of

pytestmark = pytest.mark.unit


# --- a quote in single marks over several paragraphs: each later paragraph is the same speaker's ---


@pytest.mark.parametrize(
    ("text", "speaker", "later"),
    [
        (  # sport, straight marks
            "Reyes unhappy after draw\n\nRovers manager Dan Reyes said: 'We were poor in the first half and we "
            "deserved nothing.\n\n'In the second half we showed what this team can do when it plays with courage.\n\n"
            "'I have told the players that the league is not won in October.'\n\nThe club host Ayr on Saturday.",
            "Dan Reyes",
            ["In the second half we showed", "the league is not won in October"],
        ),
        (  # courts, curly marks
            "Fraud trial\n\nProsecutor Helen Graves told the jury the money had been moved through three accounts.\n\n"
            "\u2018The defendant knew where every pound went,\u2019 she said. \u2018He signed every transfer "
            "himself.\n\n\u2018He kept a notebook, which police found in his garage, listing each payment.\n\n"
            "\u2018You will see his handwriting on every page.\u2019\n\nThe trial continues.",
            "Helen Graves",
            ["He signed every transfer", "He kept a notebook", "his handwriting on every page"],
        ),
        (  # defence, a colon before the first paragraph
            "Frigate returns\n\nCommander Ian Probert said: 'The crew have been at sea for seven months and they "
            "have not had a single day off in port.\n\n'They escorted forty merchant ships through the strait "
            "without a loss.'\n\nHMS Dauntless docked at Portsmouth on Friday.",
            "Ian Probert",
            ["They escorted forty merchant ships"],
        ),
    ],
)
def test_a_quote_in_single_marks_over_several_paragraphs_keeps_its_speaker(
    text: str, speaker: str, later: list[str]
) -> None:
    for snippet in later:
        assert speaker_of(text, snippet) == speaker, snippet


def test_an_apostrophe_opening_a_paragraph_after_an_unclosed_mark_is_no_quote() -> None:
    # business: a paragraph that opens with an elision is no quote mark, so the paragraph before stays unread
    text = (
        "Record sales\n\nThe shop sold more vinyl than in any year since the 'eighties, its owner said. "
        "'Tis the season, the sign in the window reads.\n\n'90s records sold best of all."
    )
    assert claim_holding(text, "90s records sold best") is None


# --- a lawyer or a relative of someone, not named: the claim is kept with nobody shown, the words as written ---


@pytest.mark.parametrize(
    ("text", "clause", "written"),
    [
        (  # courts: the name inside the phrase is the client, not the speaker
            "Driver cleared\n\nKieran Doyle, 34, had denied dangerous driving. A lawyer for Mr Doyle said his client "
            "was relieved and wanted to thank the jury.",
            "his client was relieved",
            "A lawyer for Mr Doyle",
        ),
        (  # sport: a relative named by the tie to someone else
            "Jockey in hospital\n\nTrainer Mark Hale said the horse was unhurt. The father of the injured jockey said "
            "the family was grateful to the ambulance crew.",
            "the family was grateful",
            "The father of the injured jockey",
        ),
        (  # local news: a possessive before the relative
            "Fire at flats\n\nThree people were treated for smoke. The victim's sister told reporters that the alarms "
            "had not sounded.",
            "the alarms had not sounded",
            "The victim's sister",
        ),
        (  # business: after a comma opening the sentence
            "Director banned\n\nOutside court, a solicitor for the former director said she would appeal against the "
            "ban.",
            "she would appeal against the ban",
            "a solicitor for the former director",
        ),
    ],
)
def test_a_lawyer_or_relative_of_someone_is_nobody_shown_with_the_words_kept(
    text: str, clause: str, written: str
) -> None:
    claim = claim_holding(text, clause)
    assert claim is not None
    assert claim.speaker_key is None and claim.speaker_text is None
    assert claim.speaker_as_written == written


def test_a_pronoun_after_an_unnamed_relative_is_that_relative_not_a_person_named_later() -> None:
    # courts: "she" is the mother who spoke, not the barrister named in the next paragraph
    text = (
        "Crash verdict\n\nKieran Doyle was cleared by the jury. The mother of one of the injured passengers said the "
        'family was disappointed. "Nobody has been held to account for what happened to my son," she said.\n\n'
        "His barrister, Catherine Hale, said the speed readings were unreliable."
    )
    claim = claim_holding(text, "Nobody has been held to account")
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None
    assert speaker_of(text, "the speed readings were unreliable") == "Catherine Hale"


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (  # science: a relative named in apposition is the speaker
            "Climber missing\n\nMaria Lopez, the mother of the missing climber, said the search had been called off "
            "too soon.",
            "the search had been called off",
            "Maria Lopez",
        ),
        (  # defence: a spokesperson still speaks for the body
            "Exercise\n\nA spokesman for the Ministry of Defence said the exercise would end on Friday.",
            "the exercise would end on Friday",
            "Ministry of Defence",
        ),
    ],
)
def test_named_relatives_and_spokespeople_keep_their_speaker(text: str, clause: str, speaker: str) -> None:
    assert speaker_of(text, clause) == speaker


def test_a_lawyer_for_a_body_speaks_for_it() -> None:
    # business and local government: counsel for a firm or a council speaks for it, as its spokesperson would
    text = (
        "Fines\n\nAcme Freight Ltd was fined £40,000. A lawyer for Acme Freight Ltd said the company would appeal.\n\n"
        "A barrister for Northshire County Council said the council had acted lawfully."
    )
    assert speaker_of(text, "the company would appeal") == "Acme Freight Ltd"
    assert speaker_of(text, "the council had acted lawfully") == "Northshire County Council"


# --- "she told reporters" after a man spoke and a woman was named as the next subject of "said" ---


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # local government: the minister's given name is not known to be a man's, the woman's is
            "Floods briefing\n\nAt a press conference on Monday, the Environment Minister, Gareth Pryce, said the "
            'government had spent £40 million on defences. "Those defences held in Keswick," he said.\n\nBeside him, '
            "the chief executive of the Environment Agency, Dr Sunita Rao, said that river levels had reached a "
            'record. "We had six hours\' warning, not the twelve our models promised," she told reporters.',
            "We had six hours",
            "Sunita Rao",
        ),
        (  # sport: the same with "he" after a woman spoke
            'Cup draw\n\nThe chair of the league, Morwenna Tait, said the draw would be held in Cardiff. "It is the '
            "right venue,\" she said.\n\nAfter her, the club's captain, Mr Dylan Price, said that the squad was fit. "
            '"We have nobody injured for the first time this season," he told reporters.',
            "We have nobody injured",
            "Dylan Price",
        ),
    ],
)
def test_a_pronoun_goes_to_the_latest_speaker_of_its_gender_over_an_earlier_one_of_unknown_gender(
    text: str, quote: str, speaker: str
) -> None:
    assert (speaker_of(text, quote) or "").endswith(speaker)  # shown with the honorific as written ("Dr …")


# --- "X thanked …, adding that …" and findings "surveys suggest …" with "that" left out ---


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (  # local news
            "Hall reopens\n\nParish council chair Alan Birkett thanked donors for their generosity, adding that the "
            "hall would reopen in May.",
            "the hall would reopen in May",
            "Alan Birkett",
        ),
        (  # health regulation
            "Care home fined\n\nKaren Webb, an inspector for the Care Quality Commission, thanked the family for their "
            "patience, adding that the case should be a warning to every provider.",
            "the case should be a warning",
            "Karen Webb",
        ),
    ],
)
def test_adding_that_after_another_verb_is_the_subjects_speech(text: str, clause: str, speaker: str) -> None:
    assert speaker_of(text, clause) == speaker


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Gardens\n\nSurveys suggest many gardeners still use pesticides on flowering plants.", "many gardeners still"),
        ("Colds\n\nRecent studies suggest most patients recover within a week.", "most patients recover"),
        ("Transport\n\nPolls suggest fewer than half of commuters would pay the charge.", "fewer than half"),
    ],
)
def test_what_surveys_and_studies_suggest_without_that_is_a_claim_with_nobody_shown(text: str, finding: str) -> None:
    claim = claim_holding(text, finding)
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None


def test_a_verb_of_showing_with_no_finding_is_no_claim() -> None:
    # science: "suggest" with an object noun after a non-research subject stays no claim
    text = "Menu\n\nThe waiters suggest the fish soup."
    assert claim_holding(text, "the fish soup") is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # courts: a lawyer inside the quote is not the pronoun's antecedent
            'Appeal\n\nJudge Fiona Kerr heard the case on Monday. "The lawyer said nothing for an hour," she said.',
            "The lawyer said nothing",
            "Fiona Kerr",
        ),
        (  # sport: a man named inside the quote is not the pronoun's antecedent
            'Derby\n\nCoach Sam Ortiz spoke after the match. "I told them John said we would win," he said.',
            "I told them John said",
            "Sam Ortiz",
        ),
    ],
)
def test_people_named_inside_the_quote_are_not_the_pronouns_antecedent(text: str, quote: str, speaker: str) -> None:
    assert (speaker_of(text, quote) or "").endswith(speaker)


@pytest.mark.parametrize(
    ("text", "clause", "not_speaker"),
    [
        (  # local government: an attribution closes the clause before "adding that"
            "Stadium\n\nThe stadium plan of Mayor Ruth Kane is sound, he noted, adding that the works would start in "
            "June.",
            "the works would start in June",
            "Ruth Kane",
        ),
        (  # sport: the name is the object of the verb before
            "Derby\n\nFans are mocking Rovers FC as a pub team, adding that the club has lost its soul.",
            "the club has lost its soul",
            "Rovers FC",
        ),
    ],
)
def test_adding_that_is_not_given_to_a_name_that_is_no_subject(text: str, clause: str, not_speaker: str) -> None:
    claim = claim_holding(text, clause)
    assert claim is None or claim.speaker_text != not_speaker
