"""The pre-checks the lead added to round nineteen's firm cues on the merge skip only texts where the
scans cannot match: every match of ``_DEED``, ``_APPOSITION`` and ``_FIRM_PEOPLE`` holds its check's piece,
on made-up texts in several topics and on random texts of the patterns' own words (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import firm_cues
from workbook.extract.firm_cues import FIRM_KIND_WORDS

_TEXTS = (
    "Ryanair cut its profit forecast on Monday. Glencore and Anglo American both cut their output forecasts.",
    "Vattenfall has won a five-year maintenance contract, and Lufthansa grounded flights in Frankfurt.",
    "Verdi, the services union, called a strike. StepChange, a debt charity, said demand rose.",
    "Ticketmaster customers queued for hours; Aviva policyholders were told to wait.",
    "Tesco reports its quarterly results on Thursday after Unilever beat analysts' forecasts.",
    "Halden Rovers, the club, added a striker. The council kept its budget for the harbour works.",
)
_WORDS = [
    "Ryanair",
    "Glencore",
    "Anglo",
    "American",
    "and",
    "both",
    "has",
    "on",
    "Monday",
    "cut",
    "its",
    "their",
    "profit",
    "forecast",
    "won",
    "a",
    "contract",
    "grounded",
    "flights",
    "reports",
    "results",
    "beat",
    "forecasts",
    "the",
    "an",
    ",",
    "customers",
    "passengers",
    "issued",
    "warning",
    "added",
    "trains",
    *sorted(FIRM_KIND_WORDS)[:12],
]


def _holds_check(text: str) -> None:
    for pattern, holds in (
        (firm_cues._DEED, firm_cues._DEED_CHECK.search),
        (firm_cues._APPOSITION, firm_cues._APPOSITION_CHECK.search),
        (firm_cues._FIRM_PEOPLE, lambda t: any(w in t for w in firm_cues._FIRM_PEOPLE_WORDS)),
    ):
        for m in pattern.finditer(text):
            assert holds(m.group(0)), (pattern.pattern[:40], m.group(0))


def test_every_match_of_the_made_up_texts_holds_its_check() -> None:
    for text in _TEXTS:
        _holds_check(text)
    assert firm_cues._DEED.search(_TEXTS[0]) and firm_cues._APPOSITION.search(_TEXTS[2])  # the texts match


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=14), st.sampled_from([" ", "\t", "  "]))
def test_every_match_of_random_texts_holds_its_check(words: list[str], gap: str) -> None:
    _holds_check(gap.join(words).replace(f"{gap},", ","))
