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
