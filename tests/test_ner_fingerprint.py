"""The entity model's weights and the features they were trained on stay together, and training is reproducible.

``workbook/data/ner/card.json`` records the feature fingerprint the shipped weights are used with
(:func:`workbook.extract.ner_fingerprint.feature_fingerprint`), what trained them (command, file hashes,
commit: :mod:`benchmarks.train_provenance`) and how each decision setting was chosen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from benchmarks import train_entities
from benchmarks.ner_data import training_docs, training_files
from benchmarks.train_entities import DECISION, DECISION_CHOSEN, accept_features
from benchmarks.train_entities import main as train_main
from benchmarks.train_provenance import ROOT, file_sha256, git_state, provenance
from tests.test_ner import CONLLU, IOB2
from workbook.extract import ner_featurize, ner_fingerprint
from workbook.extract.gazetteer import Gazetteer, GazetteerEntry
from workbook.extract.ner_fingerprint import FEATURE_WORD_LISTS, PROBE_TEXTS, feature_fingerprint, word_list_digests
from workbook.extract.ner_model import MODEL_FILE, default_entity_model

pytestmark = pytest.mark.unit

CARD = ROOT / "workbook" / "data" / "ner" / "card.json"


def _card() -> dict[str, object]:
    return json.loads(CARD.read_text(encoding="utf-8"))


def test_the_shipped_card_has_todays_feature_fingerprint() -> None:
    card, now = _card(), feature_fingerprint()
    recorded = card["feature_fingerprint"]
    assert isinstance(recorded, dict)
    changed = sorted(k for k in now if k != "all" and recorded.get(k) != now[k])
    lists = card.get("feature_word_lists", {})
    assert isinstance(lists, dict)
    changed += sorted(name for name, digest in word_list_digests().items() if lists.get(name) != digest)
    assert not changed and recorded == now, (
        f"the entity model's features changed ({', '.join(changed)}) since its weights were trained or last "
        "accepted: retrain (python -m benchmarks.train_entities) and measure, or keep the weights and say why "
        "(python -m benchmarks.train_entities --accept-features 'REASON')"
    )


def test_the_fingerprint_is_the_same_in_another_process_with_another_hash_seed() -> None:
    code = "import json; from workbook.extract.ner_fingerprint import feature_fingerprint as f; print(json.dumps(f()))"
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT)
    assert json.loads(out.stdout) == feature_fingerprint()


def test_a_word_more_on_a_feature_list_changes_only_the_word_lists_part(monkeypatch: pytest.MonkeyPatch) -> None:
    before, before_digests = feature_fingerprint(), word_list_digests()
    lists = dict(FEATURE_WORD_LISTS)
    lists["vocabulary.ORG_HEADS"] = frozenset(lists["vocabulary.ORG_HEADS"]) | {"cooperative"}
    monkeypatch.setattr(ner_fingerprint, "FEATURE_WORD_LISTS", lists)
    after = feature_fingerprint()
    assert after["word_lists"] != before["word_lists"] and after["all"] != before["all"]
    digests = word_list_digests()
    assert [k for k in digests if digests[k] != before_digests[k]] == ["vocabulary.ORG_HEADS"]
    assert (after["gazetteer"], after["templates"]) == (before["gazetteer"], before["templates"])


def test_a_new_gazetteer_type_changes_the_gazetteer_part(monkeypatch: pytest.MonkeyPatch) -> None:
    def tiny(kind: str) -> Gazetteer:
        return Gazetteer([GazetteerEntry("Kessel Valley", kind, (), 0.0, 0.0, 10.0, "test")])

    monkeypatch.setattr(ner_fingerprint, "builtin_gazetteer", lambda: tiny("place"))
    place = feature_fingerprint()
    monkeypatch.setattr(ner_fingerprint, "builtin_gazetteer", lambda: tiny("facility"))
    facility = feature_fingerprint()
    assert place["gazetteer"] != facility["gazetteer"]
    assert (place["word_lists"], place["templates"]) == (facility["word_lists"], facility["templates"])


def test_a_changed_feature_template_changes_the_templates_part(monkeypatch: pytest.MonkeyPatch) -> None:
    before = feature_fingerprint()["templates"]
    # the "title before the name" feature never fires: "Gen. Tomasz", "Minister Leila" of the probe lose it
    monkeypatch.setattr(ner_featurize.Featurizer, "_title_before", lambda self, l1, l2, i: np.zeros(len(i), dtype=bool))
    assert feature_fingerprint()["templates"] != before


def test_the_probe_meets_candidates_of_every_shape_on_both_paths() -> None:
    from workbook.extract.ner_features import candidates, tokens

    spans = {t[c.start : c.end] for t in PROBE_TEXTS for c in candidates(t, tokens(t))}
    assert {"Tomasz Varga-Okafor", "KX-17", "Bank of Norland", "United Nations Development Programme"} <= spans
    assert {"Leila Haddad", "Ines de la Cruz", "Wei Zhang-Holm", "Saint Anne Hospital"} <= spans
    assert not {"tea", "Brazilian", "Korean", "lakeport"} & spans  # common words and demonyms are no candidates
    toks = [tokens(t) for t in PROBE_TEXTS]
    batch = ner_featurize.Featurizer(18).candidates_and_ids(
        PROBE_TEXTS, toks, [None] * len(toks), ner_fingerprint._probe_gaz
    )
    text = PROBE_TEXTS[2]
    at = sum(batch.per_doc[:2])
    found = {text[a:b] for a, b in batch.cands[at : at + batch.per_doc[2], 4:6].tolist()}
    assert {"lakeport", "rivermouth"} <= found  # the extractor's path adds lower-case places after "in", "near"
    assert len(np.unique(batch.ids)) > 500


def test_the_card_says_how_every_decision_setting_was_chosen_and_matches_the_weights() -> None:
    card = _card()
    assert set(DECISION_CHOSEN) == set(DECISION)
    assert card["decision_chosen_on"] == DECISION_CHOSEN
    assert all("held-out split" in how for how in DECISION_CHOSEN.values())  # never GUM news
    hyper = card["hyper_parameters"]
    assert isinstance(hyper, dict)
    model = default_entity_model()
    assert {k: hyper[k] for k in DECISION} == {k: getattr(model, k) for k in DECISION}


def test_the_card_records_what_trained_the_weights() -> None:
    trained = _card()["trained_with"]
    assert isinstance(trained, dict)
    assert trained["command"].startswith("python -m benchmarks.train_entities")
    assert len(trained["code"]["commit"]) == 40
    assert len(trained["training_files"]) == 86  # 84 GUM documents, UNER dev and test
    lexicons = trained["lexicon_files"]
    for rel, digest in lexicons.items():
        assert file_sha256(ROOT / rel) == digest, f"{rel} changed since the weights were trained"
    assert not [w for w in _card_words(_card()) if w.startswith(("/", "~")) or w[1:3] == ":\\"]  # no machine's folder


def _card_words(value: object) -> list[str]:
    """Every blank-separated word of every key and string in the card."""
    if isinstance(value, dict):
        return [w for k, v in value.items() for w in (*str(k).split(), *_card_words(v))]
    if isinstance(value, list):
        return [w for v in value for w in _card_words(v)]
    return str(value).split() if isinstance(value, str) else []


@pytest.mark.realdata
def test_the_training_files_are_the_ones_the_card_names(shared_data: Path) -> None:
    trained = _card()["trained_with"]
    assert isinstance(trained, dict)
    now = {p.relative_to(shared_data).as_posix(): file_sha256(p) for p in training_files(shared_data)}
    assert now == trained["training_files"]


@pytest.mark.realdata
@pytest.mark.slow
def test_training_is_deterministic_for_a_seed(shared_data: Path) -> None:
    docs = training_docs(shared_data)[0][::8]  # every 8th training document: about 70
    common = train_entities.common_words(docs)
    feats, labels, _ = train_entities.examples(docs, common, {"smith": "s0"})

    def weights(seed: int) -> np.ndarray:
        return train_entities.train(feats, labels, bits=14, epochs=1, seed=seed, common=common).weights

    first = weights(12)
    assert np.array_equal(first, weights(12))
    assert not np.array_equal(first, weights(1))  # the seed orders the mini-batches: the test can fail


def _tiny_data(root: Path) -> Path:
    gum, uner = root / "gum-train_amir-zeldes", root / "uner-ewt_universalner"
    gum.mkdir(parents=True)
    uner.mkdir()
    for k in range(3):
        (gum / f"GUM_x_{k}.conllu").write_text(CONLLU.replace("doc1", f"doc{k}"), encoding="utf-8")
    (uner / "tiny.iob2").write_text(IOB2, encoding="utf-8")
    (gum / "notes.txt").write_text("not read", encoding="utf-8")
    return root


def test_training_writes_its_provenance_and_fingerprint_into_the_card(tmp_path: Path) -> None:
    data = _tiny_data(tmp_path / "data")
    out = tmp_path / "out"
    assert train_main(["--data", str(data), "--out", str(out), "--epochs", "1", "--bits", "12"]) == 0
    card = json.loads((out / "card.json").read_text(encoding="utf-8"))
    trained = card["trained_with"]
    assert list(trained["training_files"]) == [
        "gum-train_amir-zeldes/GUM_x_0.conllu",
        "gum-train_amir-zeldes/GUM_x_1.conllu",
        "gum-train_amir-zeldes/GUM_x_2.conllu",
        "uner-ewt_universalner/tiny.iob2",
    ]  # notes.txt is not read
    assert trained["training_files"]["uner-ewt_universalner/tiny.iob2"] == file_sha256(
        data / "uner-ewt_universalner" / "tiny.iob2"
    )
    assert not any(w.startswith("/") for w in trained["command"].split())  # paths relative to the repository
    assert trained["command"].endswith("--epochs 1 --bits 12")
    assert card["feature_fingerprint"] == trained["feature_fingerprint"] == feature_fingerprint()
    assert card["feature_word_lists"] == word_list_digests()
    assert card["decision_chosen_on"] == DECISION_CHOSEN
    # the same command twice: the same weights
    again = tmp_path / "again"
    assert train_main(["--data", str(data), "--out", str(again), "--epochs", "1", "--bits", "12"]) == 0
    with np.load(out / MODEL_FILE) as a, np.load(again / MODEL_FILE) as b:
        assert np.array_equal(a["weights"], b["weights"]) and np.array_equal(a["bias"], b["bias"])


def test_accepting_changed_features_records_the_decision_and_leaves_the_weights(tmp_path: Path) -> None:
    card = {"name": "entities-v1", "feature_fingerprint": {"all": "old", "word_lists": "old"}}
    (tmp_path / "card.json").write_text(json.dumps(card), encoding="utf-8")
    (tmp_path / MODEL_FILE).write_bytes(b"weights")
    assert train_main(["--out", str(tmp_path), "--accept-features", "measured: no worse"]) == 0
    after = json.loads((tmp_path / "card.json").read_text(encoding="utf-8"))
    now = feature_fingerprint()
    assert after["feature_fingerprint"] == now and after["feature_word_lists"] == word_list_digests()
    (entry,) = after["accepted_feature_changes"]
    assert (entry["from"], entry["to"], entry["reason"]) == ("old", now["all"], "measured: no worse")
    assert entry["changed_parts"] == ["gazetteer", "templates", "word_lists"]
    assert (tmp_path / MODEL_FILE).read_bytes() == b"weights"
    accept_features(tmp_path, "again")
    after = json.loads((tmp_path / "card.json").read_text(encoding="utf-8"))
    assert [e["reason"] for e in after["accepted_feature_changes"]] == ["measured: no worse", "again"]
    assert after["accepted_feature_changes"][1]["changed_parts"] == []


def test_git_state_and_provenance_without_git(tmp_path: Path) -> None:
    assert git_state(tmp_path)["commit"] in ("unknown", git_state()["commit"])  # no repository there
    record = provenance(_tiny_data(tmp_path / "data"), ["--seed", "3"], [])
    assert record["command"] == "python -m benchmarks.train_entities --seed 3"
    assert len(record["training_files"]) == 4 and record["lexicon_files"] == {}
