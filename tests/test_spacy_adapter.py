"""The spaCy adapter, with a pipeline built here from spacy.blank and an entity_ruler (no model)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import SEEDS
from workbook.errors import ExtractionError
from workbook.extract.base import DocumentInput, Extraction, Extractor
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.spacy_adapter import DEFAULT_LABELS, SpacyExtractor, require_spacy
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES, MENTION_RESOLUTIONS, QUOTE_KINDS

spacy = pytest.importorskip("spacy", reason="spaCy is an optional dependency: pip install workbook[spacy]")

pytestmark = pytest.mark.unit

SEED = (SEEDS / "000_835897a5739e6757.txt").read_text(encoding="utf-8")
PATTERNS: list[dict[str, Any]] = [
    {"label": "PERSON", "pattern": "Jeffrey Lewis"},
    {"label": "PERSON", "pattern": "David Schmerler"},
    {"label": "PERSON", "pattern": "Kim Jong Un"},
    {"label": "PERSON", "pattern": "Kim Yong Chol"},
    {"label": "PERSON", "pattern": [{"TEXT": "Lewis"}]},
    {"label": "PERSON", "pattern": [{"TEXT": "Kim"}]},
    {"label": "ORG", "pattern": "Middlebury Institute of International Studies"},
    {"label": "GPE", "pattern": [{"LOWER": "seoul"}]},
    {"label": "GPE", "pattern": "North Korea"},
    {"label": "GPE", "pattern": "Monterey"},
    {"label": "PRODUCT", "pattern": [{"TEXT": {"REGEX": r"^Hwasong-\d+$"}}]},
    {"label": "DATE", "pattern": "Thursday"},
]


@pytest.fixture
def nlp() -> Any:
    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    return pipeline


def _extract(extractor: SpacyExtractor, text: str = SEED) -> Extraction:
    return extractor.extract(DocumentInput("d0000000000000001", text))


def test_it_is_an_extractor_with_json_settings(nlp: Any) -> None:
    x = SpacyExtractor(nlp, gazetteer=builtin_gazetteer())
    assert isinstance(x, Extractor) and x.name == "spacy"
    settings = json.loads(json.dumps(x.settings()))
    assert settings["pipeline"] == ["entity_ruler"] and settings["labels"]["GPE"] == "place"
    assert settings["gazetteer"].startswith("builtin:") and settings["claims"] is True


def test_entities_and_mentions_from_doc_ents(nlp: Any) -> None:
    ex = _extract(SpacyExtractor(nlp))
    types = {e.name: e.type for e in ex.entities}
    assert (
        types["Jeffrey Lewis"] == "person" and types["Middlebury Institute of International Studies"] == "organization"
    )
    assert types["North Korea"] == "place" and types["Hwasong-14"] == "other"  # PRODUCT is "other" by default
    assert "Thursday" not in types  # DATE is not an entity type
    assert all(e.origin == "spacy" and e.type in ENTITY_TYPES for e in ex.entities)
    keys = {e.key for e in ex.entities}
    for m in ex.mentions:
        assert 0 <= m.start < m.end <= len(SEED) and m.entity_key in keys and m.resolution in MENTION_RESOLUTIONS


def test_surnames_resolve_through_coreference(nlp: Any) -> None:
    ex = _extract(SpacyExtractor(nlp))
    names = {e.key: e.name for e in ex.entities}
    lewis = [m for m in ex.mentions if SEED[m.start : m.end] == "Lewis"]
    assert len(lewis) == 3 and {names[m.entity_key] for m in lewis} == {"Jeffrey Lewis"}
    kims = [m for m in ex.mentions if SEED[m.start : m.end] == "Kim"]
    assert kims and all(m.resolution == "ambiguous" and names[m.entity_key] == "Kim Jong Un" for m in kims)


def test_gazetteer_gives_places_coordinates(nlp: Any) -> None:
    ex = _extract(SpacyExtractor(nlp, gazetteer=builtin_gazetteer()))
    names = {e.key: e.name for e in ex.entities}
    places = {names[p.entity_key]: p for p in ex.places}
    assert set(places) == {"Seoul", "North Korea", "Monterey"}
    assert abs(places["Seoul"].lat - 37.57) < 0.2 and places["Seoul"].uncertainty_km > 0
    assert any(SEED[m.start : m.end] == "SEOUL" and names[m.entity_key] == "Seoul" for m in ex.mentions)


def test_claims_ride_on_the_spacy_entities(nlp: Any) -> None:
    ex = _extract(SpacyExtractor(nlp))
    names = {e.key: e.name for e in ex.entities}
    direct = [c for c in ex.claims if c.quote_kind == "direct"]
    assert [names.get(c.speaker_key or "") for c in direct] == ["Jeffrey Lewis"] * 3
    assert [c.hedge for c in direct] == ["may", "may", "likely"]
    assert all(c.quote_kind in QUOTE_KINDS and c.confidence in CONFIDENCE_BANDS for c in ex.claims)
    assert _extract(SpacyExtractor(nlp, claims=False)).claims == []


def test_label_map_overrides_the_defaults(nlp: Any) -> None:
    ex = _extract(SpacyExtractor(nlp, label_map={**DEFAULT_LABELS, "PRODUCT": "weapon_system"}))
    assert {e.name: e.type for e in ex.entities}["Hwasong-15"] == "weapon_system"
    with pytest.raises(ExtractionError, match="unknown entity types"):
        SpacyExtractor(nlp, label_map={"PRODUCT": "missile"})


def test_rejects_objects_that_are_not_pipelines() -> None:
    with pytest.raises(ExtractionError, match="spaCy Language object"):
        SpacyExtractor("en_core_web_sm")


def test_a_failing_pipeline_names_the_document(nlp: Any) -> None:
    @spacy.Language.component("explode")
    def explode(doc: Any) -> Any:
        raise RuntimeError("boom")

    nlp.add_pipe("explode")
    with pytest.raises(ExtractionError, match="d0000000000000001: RuntimeError: boom"):
        _extract(SpacyExtractor(nlp), "Some text.")


def test_missing_model_and_missing_spacy_say_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExtractionError, match="is not installed"):
        SpacyExtractor.from_model("xx_workbook_no_such_model")

    def no_spacy(name: str) -> Any:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr("workbook.extract.spacy_adapter.importlib.import_module", no_spacy)
    with pytest.raises(ExtractionError, match=r"pip install workbook\[spacy\]"):
        require_spacy()
