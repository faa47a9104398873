"""A person of common words only needs a surer reading (issue 12, round nineteen: ``threshold_common``)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from workbook.extract.ner_model import CLASSES, EntityModel, default_entity_model

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "common_word", "name"),
    [
        ("Green or white? Maria Kowalski tried both teas.", "Green", "Maria Kowalski"),  # a review's heading
        ("Final: Rovers beat Leeds, said Tomas Berg.", "Final", "Tomas Berg"),  # sport
        ("Court: the jury heard Aisha Bello speak.", "Court", "Aisha Bello"),  # courts
        ("Market: shares rose, said Kenji Sato.", "Market", "Kenji Sato"),  # business
        ("News: a comet was seen by Priya Nair.", "News", "Priya Nair"),  # science
        ("Road: Elm Lane shuts, said Owen Price.", "Road", "Owen Price"),  # local news
        ("Watch: the frigate sailed, said Ruth Cole.", "Watch", "Ruth Cole"),  # defence
    ],
)
def test_a_person_of_common_words_needs_a_surer_reading(text: str, common_word: str, name: str) -> None:
    model = dataclasses.replace(
        default_entity_model(), threshold=0.6, threshold_common=0.4, pooling=0.0, consistency=0.0
    )
    assert common_word.casefold() in model.common and not {w.casefold() for w in name.split()} <= model.common
    toks, cands, _ = model.score_text(text, lambda s: None)
    words = np.array([c[1] - c[0] for c in cands])

    def decoded(p_none: float, reading: str, m: EntityModel = model) -> set[str]:
        probs = np.zeros((len(cands), len(CLASSES)), np.float32)
        probs[:, 0] = p_none - 0.01 * words  # a longer span a little surer, so that it wins its words
        probs[:, CLASSES.index(reading)] = 1 - p_none
        return {text[s.start : s.end] for s in m.decode(toks, cands, probs)}

    unsure = decoded(0.5, "person")  # below the one-word threshold, above the common words' one
    assert common_word not in unsure and name in unsure
    assert common_word in decoded(0.3, "person")  # sure enough
    assert common_word in decoded(0.5, "organization")  # only a person reading needs it
    assert common_word in decoded(0.5, "person", dataclasses.replace(model, threshold_common=None))


def test_the_shipped_model_carries_the_threshold() -> None:
    assert default_entity_model().threshold_common == 0.4
