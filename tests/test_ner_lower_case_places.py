"""Lower-case place names of informal text as candidates of the learned entity stage (round fifteen, the
learned side): a word in lower case the gazetteer knows as a place, after "in", "from", "to", ... ("living
in glasgow"), is proposed; a common noun ("roast turkey", "the best china"), a given name, an English word
and a word inside an address are not. The same from one document (``candidates`` with a gazetteer) and
from a batch read from the word table; and the default extractor types them as places in several topics."""

from __future__ import annotations

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_features import candidates, lower_case_name_word, tokens
from workbook.extract.ner_featurize import Featurizer
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


def _gaz_type(s: str) -> str | None:
    e = builtin_gazetteer().lookup(s)
    return e.type if e is not None else None


#: made-up sentences of informal text, by topic, and the lower-case place names each holds
PLACES = [
    ("the match was played in manchester and the fans flew home from madrid on sunday", {"manchester", "madrid"}),
    ("my cousin was sentenced by a court in houston last week", {"houston"}),
    ("the startup moved its offices from london to berlin in march", {"london", "berlin"}),
    ("researchers in nairobi collected samples from lakes near mombasa", {"nairobi", "mombasa"}),
    ("the council in leeds closed two libraries", {"leeds"}),
    ("troops were sent to kabul and the base near kandahar was closed", {"kabul", "kandahar"}),
]
#: lower-case words the gazetteer knows as places, used as common nouns or inside an address
NOT_PLACES = [
    "We had roast turkey, cranberry sauce and the best china my grandmother owned.",
    "The buffalo herd crossed the river while a phoenix tattoo covered his arm.",
    "He met his waterloo at the derby, then opened a bottle of bordeaux.",
    "Send it to kent.shoemaker@example.com or see www.nola.com/sports for the scores.",
    "She wrote to sara about the fixture.",
]


def _lower_spans(text: str, gaz: bool) -> set[str]:
    toks = tokens(text)
    found = candidates(text, toks, _gaz_type if gaz else None)
    return {text[c.start : c.end] for c in found if text[c.start].islower()}


def test_a_lower_case_name_word_is_letters_no_english_word_no_given_name() -> None:
    assert lower_case_name_word("glasgow") and lower_case_name_word("kandahar")
    assert not lower_case_name_word("Glasgow")  # capitalised: a candidate anyway
    assert not lower_case_name_word("reading")  # an English word
    assert not lower_case_name_word("sara")  # a given name
    assert not lower_case_name_word("oslo-based") and not lower_case_name_word("b2b")  # letters only
    assert not lower_case_name_word("may") and not lower_case_name_word("nice")  # a month, an English word


@pytest.mark.parametrize(("text", "places"), PLACES)
def test_a_place_after_in_or_from_is_a_candidate(text: str, places: set[str]) -> None:
    assert _lower_spans(text, gaz=True) == places
    assert _lower_spans(text, gaz=False) == set()  # without a gazetteer: capitalised candidates only


@pytest.mark.parametrize("text", NOT_PLACES)
def test_a_common_noun_or_an_address_is_no_candidate(text: str) -> None:
    assert _lower_spans(text, gaz=True) == set()


def test_a_batch_read_from_the_word_table_finds_the_same_lower_case_candidates() -> None:
    texts = [t for t, _ in PLACES] + NOT_PLACES + ["in glasgow", "glasgow in", "In leeds. in\nleeds"]
    found = Featurizer(18).candidates_and_ids(texts, [tokens(t) for t in texts], [None] * len(texts), _gaz_type)
    rows = [tuple(r) for r in found.cands.tolist()]
    at = 0
    for text, m in zip(texts, found.per_doc, strict=True):
        assert rows[at : at + m] == [tuple(c) for c in candidates(text, tokens(text), _gaz_type)], text
        at += m
    # the word before is read within its document: "glasgow" opening the next text follows no "in"
    texts = ["we live in", "glasgow is wet"]
    found = Featurizer(18).candidates_and_ids(texts, [tokens(t) for t in texts], [None, None], _gaz_type)
    assert found.per_doc == [0, 0]


@pytest.mark.parametrize(("text", "places"), PLACES)
def test_the_default_extractor_types_them_as_places(text: str, places: set[str]) -> None:
    doc = DefaultExtractor().extract(DocumentInput("lower", text))
    types = {e.key: e.type for e in doc.entities}
    got = {text[m.start : m.end]: types[m.entity_key] for m in doc.mentions if text[m.start].islower()}
    assert got == dict.fromkeys(places, "place")


@pytest.mark.parametrize("text", NOT_PLACES)
def test_the_default_extractor_makes_no_entity_of_a_common_noun(text: str) -> None:
    doc = DefaultExtractor().extract(DocumentInput("lower", text))
    assert not [m for m in doc.mentions if text[m.start].islower()]
