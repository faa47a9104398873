"""The learned entity recogniser's document-level steps of round four: other countries' given names
and surnames in the name lexicon, one reading per spelling in a document (the model's consistency
step), and one reading per list of names (:func:`workbook.extract.ner_merge.harmonise_lists`)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from benchmarks.train_entities import name_lexicon
from workbook.extract.base import DocumentInput
from workbook.extract.ner_features import candidates, tokens
from workbook.extract.ner_merge import harmonise_lists
from workbook.extract.ner_model import CLASSES, EntityModel, ScoredSpan
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


def mention_list(extractor: DefaultExtractor, text: str) -> list[tuple[str, str, str]]:
    ex = extractor.extract(DocumentInput("t", text))
    names = {e.key: (e.name, e.type) for e in ex.entities}
    return [(text[m.start : m.end], *names[m.entity_key]) for m in ex.mentions]


def _span(text: str, surface: str, type_: str, prob: float = 0.9) -> ScoredSpan:
    i = text.index(surface)
    return ScoredSpan(i, i + len(surface), type_, prob, 1 - prob, tuple(surface.split()), "")


def test_other_countries_names_are_added_where_the_census_lacks_them() -> None:
    census = name_lexicon(world=None)
    names = name_lexicon()
    assert all(names[w] == k for w, k in census.items())  # what the census says is unchanged
    added = {w: k for w, k in names.items() if w not in census}
    assert len(added) > 20_000 and set(added.values()) <= {"xg", "xs", "xgs"}
    assert names["ferragni"] == "xs" and names["chiara"].startswith("xg") and names["murakami"].startswith("s")


def test_document_consistency_gives_a_spelling_its_most_confident_reading() -> None:
    text = "Faaborg is small. We cycled from Svendborg to Faaborg. Jones stayed."
    toks = tokens(text)
    cands = candidates(text, toks)
    at = {text[c.start : c.end]: k for k, c in enumerate(cands)}
    first, second = [k for k, c in enumerate(cands) if text[c.start : c.end] == "Faaborg"]
    probs = np.full((len(cands), len(CLASSES)), 0.2, dtype=np.float32)
    probs[first] = [0.5, 0.4, 0.0, 0.1, 0.0]  # opening a sentence: unsure, leaning person
    probs[second] = [0.1, 0.1, 0.0, 0.8, 0.0]  # after "to": a place
    probs[at["Jones"]] = [0.3, 0.7, 0.0, 0.0, 0.0]
    model = EntityModel(np.zeros((16, 5), np.float32), np.zeros(5, np.float32), CLASSES, 4, "t", pooling=0.0)
    assert np.array_equal(model.pool(toks, cands, probs), probs)  # neither pooling nor consistency
    pooled = dataclasses.replace(model, consistency=1.0).pool(toks, cands, probs)
    assert np.allclose(pooled[first], probs[second]) and np.allclose(pooled[second], probs[second])
    assert np.allclose(pooled[at["Jones"]], probs[at["Jones"]])  # another spelling keeps its own
    half = dataclasses.replace(model, pooling=0.5, consistency=0.5).pool(toks, cands, probs)
    mean = (probs[first] + probs[second]) / 2
    assert np.allclose(half[first], 0.5 * (0.5 * probs[first] + 0.5 * mean) + 0.5 * (0.5 * probs[second] + 0.5 * mean))
    decoded = {(s.start, s.type) for s in dataclasses.replace(model, consistency=1.0).decode(toks, cands, probs)}
    assert (cands[first].start, "place") in decoded


def test_a_list_of_names_takes_the_reading_of_its_surest_member() -> None:
    text = "In Svendborg or Faaborg. Ferries leave Edgewater, Tåsinge and Weehawken. See Moran and Pyle."
    learned = [
        _span(text, "Faaborg", "person", 0.6),
        _span(text, "Edgewater", "place", 0.95),
        _span(text, "Tåsinge", "person", 0.4),
        _span(text, "Weehawken", "person", 0.9),
        _span(text, "Moran", "person", 0.9),
        _span(text, "Pyle", "place", 0.5),
    ]
    svendborg = text.index("Svendborg")
    rules = [(svendborg, svendborg + len("Svendborg"), "place", 0.9)]
    got = {text[s.start : s.end]: s.type for s in harmonise_lists(text, learned, rules)}
    assert got == {
        "Faaborg": "place",
        "Edgewater": "place",
        "Tåsinge": "place",
        "Weehawken": "place",
        "Moran": "person",
        "Pyle": "person",
    }
    # a name and its apposition, joined by a bare comma, are no list; three members or a conjunction are
    appos = "A trader in Dandong City, Shen Qingsong, spoke. We saw Oslo, Bergen, Tromsø."
    city = appos.index("Dandong City")
    three = [(appos.index(w), appos.index(w) + len(w), "place", 0.9) for w in ("Oslo", "Bergen")]
    shen = _span(appos, "Shen Qingsong", "person", 0.6)
    tromso = _span(appos, "Tromsø", "person", 0.6)
    got_appos = harmonise_lists(appos, [shen, tromso], [(city, city + len("Dandong City"), "place", 0.9), *three])
    assert [s.type for s in got_appos] == ["person", "place"]
    # a rule span is never changed, and a classifier span surer than every other member keeps its type
    assert harmonise_lists(text, [_span(text, "Faaborg", "person", 0.95)], rules)[0].type == "person"
    alone = "We met Ana Ruiz. Oslo was cold."  # no list: nothing changes
    assert harmonise_lists(alone, [_span(alone, "Ana Ruiz", "person", 0.5), _span(alone, "Oslo", "place")], []) == [
        _span(alone, "Ana Ruiz", "person", 0.5),
        _span(alone, "Oslo", "place"),
    ]
    weapon = "Ana Ruiz and Hwasong-17"  # other types neither join nor break a list
    assert (
        harmonise_lists(weapon, [_span(weapon, "Ana Ruiz", "person", 0.5)], [(13, 23, "weapon_system", 1.0)])[0].type
        == "person"
    )


def test_names_from_other_countries_are_people(extractor: DefaultExtractor) -> None:
    text = "The blogger Chiara Ferragni met the minister in Milan on Monday. Ferragni said the talks went well."
    got = mention_list(extractor, text)
    assert ("Chiara Ferragni", "Chiara Ferragni", "person") in got and ("Milan", "Milan", "place") in got, got
    assert ("Ferragni", "Chiara Ferragni", "person") in got, got


def test_a_place_listed_with_known_places_is_a_place(extractor: DefaultExtractor) -> None:
    text = "Bikes can be rented in Svendborg or Faaborg, or you can walk. Ferries leave from Edgewater and Weehawken."
    got = {surface: type_ for surface, _, type_ in mention_list(extractor, text)}
    assert got.get("Faaborg") == "place" and got.get("Weehawken") == "place", got
