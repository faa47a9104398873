"""Ingest normalisation: glued words split only when both halves are known, CSV-doubled quotes
undone when consistent, each fix recorded in meta; linear time on hostile-ish input."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbook.ingest import iter_documents
from workbook.ingest.base import RawDocument
from workbook.ingest.normalise import builtin_words, normalise_document, normalise_text

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected", "n"),
    [
        (
            "The respected ComradeKim Jong Unvisited the farm. Kim Jong Un said so.",
            "The respected Comrade Kim Jong Un visited the farm. Kim Jong Un said so.",
            2,
        ),
        (
            "General SecretaryKim Jong Un gave advice. Kim Jong Un left.",
            "General Secretary Kim Jong Un gave advice. Kim Jong Un left.",
            1,
        ),
        (
            "Kim Jong Unbestowed on the Paektusan Hero Youth Shock Brigade the title. Kim Jong Un smiled. "
            "Titles were bestowed.",
            "Kim Jong Un bestowed on the Paektusan Hero Youth Shock Brigade the title. Kim Jong Un smiled. "
            "Titles were bestowed.",
            1,
        ),
        # the name is never written apart, but glued to two different known words
        (
            "Kim Jong Unvisited the farm. Later Kim Jong Unsaid that it was fine.",
            "Kim Jong Un visited the farm. Later Kim Jong Un said that it was fine.",
            2,
        ),
        (
            "PresidentKim Il Sungmet farmers. Kim Il Sung was there.",
            "President Kim Il Sung met farmers. Kim Il Sung was there.",
            2,
        ),
        (
            "They wishedKim Jong Un good health. Kim Jong Un thanked them.",
            "They wished Kim Jong Un good health. Kim Jong Un thanked them.",
            1,
        ),
        (
            "the International Kim Il SungPrize Council. Kim Il Sung was born.",
            "the International Kim Il Sung Prize Council. Kim Il Sung was born.",
            1,
        ),
        # a Korean name written surname first, never standalone in the document: the extractor's rule
        (
            "He praised Kim Jong Ilwho founded the army.",
            "He praised Kim Jong Il who founded the army.",
            1,
        ),
        (  # both glues at once, the surname glued to a title: seen in KCNA 2024
            "the great President ComradeKim Il Sungand Leader ComradeKim Jong Ilwho are always alive",
            "the great President Comrade Kim Il Sung and Leader Comrade Kim Jong Il who are always alive",
            4,
        ),
        (
            "The party of Kim Dae Jungand its allies; Secretary Ri Pyong Cholsaid so.",
            "The party of Kim Dae Jung and its allies; Secretary Ri Pyong Chol said so.",
            2,
        ),
    ],
)
def test_glued_words_are_split(text: str, expected: str, n: int) -> None:
    r = normalise_text(text)
    assert r.text == expected
    assert r.report["glued_words"] == n
    assert r.report["examples"]


@pytest.mark.parametrize(
    "text",
    [
        "I bought an iPhone at McDonald near the MacArthur park. DeSantis watched YouTube on PlayStation.",
        "He watched YouTube. The Tube was closed. You know it. Play Station Two.",
        "BlackRock, LinkedIn, JavaScript, WhatsApp, FedEx, SpaceX, HarperCollins and PowerPoint.",
        "Boris Johnson met Johnson and John. Robertson, Jackson and Newcastle. Anyway, it is fine.",
        "McDonald's Donald met MacArthur and Arthur; DeSantis and Santis; LaGuardia and Guardia.",
        "Kim Jong Un. Understanding grew. Kim Jong Un visited the Unification Hall.",
        "Plain text with nothing glued at all.",
        "Kim Jong Unbestowed the title. Kim Jong Un smiled.",  # "bestowed": not a known word here
        "Boris Johnson spoke. Boris Johnson left. Boris John was not there.",
        # not a Korean name (unknown surname, or a last word that is not a syllable plus a glued word)
        "Ludwig Van Beethoven wrote. Park Chung Hee met Han Duck Sooand. Lee Jae Myung spoke.",
        "Kim Jong Unbestowed the title.",  # "bestowed" is not a word the extractor splits off either
        "",
    ],
)
def test_camel_case_and_names_are_left_alone(text: str) -> None:
    r = normalise_text(text)
    assert r.text == text and r.report == {}


def test_a_split_never_makes_a_glued_entity() -> None:
    from datetime import date

    from workbook.extract.base import DocumentInput
    from workbook.extract.pipeline import DefaultExtractor

    text = normalise_text(
        "The respected ComradeKim Jong Unvisited a farm in Sinpho City. Kim Jong Un said it "
        "was good and ComradeKim Jong Ungave advice."
    ).text
    ex = DefaultExtractor().extract(DocumentInput("d", text, "t", date(2024, 5, 1)))
    names = {e.name for e in ex.entities}
    assert "Kim Jong Un" in names
    assert not any(any(a.islower() and b.isupper() for a, b in itertools.pairwise(n)) for n in names)
    assert not any("Unvisited" in n or "Ungave" in n for n in names)


def test_doubled_quotes_are_undone_when_consistent() -> None:
    r = normalise_text('""We will stay,"" Omar told reporters. ""It is our home,"" he said.')
    assert r.text == '"We will stay," Omar told reporters. "It is our home," he said.'
    assert r.report == {"doubled_quotes": 4}
    wrapped = normalise_text('"He said ""no"" and ""yes"" twice."')
    assert wrapped.text == 'He said "no" and "yes" twice.'
    field = normalise_text('"""We will stay,"" Omar told them. ""We will."""')
    assert field.text == '"We will stay," Omar told them. "We will."'
    assert normalise_text('He said """" and """"').text == 'He said "" and ""'  # escaped empty quotes


@pytest.mark.parametrize(
    "text",
    [
        'He said "no" and ""yes"" twice.',  # mixed: not the CSV pattern
        'An empty string "" in code.',  # once only
        'She said "fine." Nothing doubled.',
    ],
)
def test_doubled_quotes_left_when_not_consistent(text: str) -> None:
    assert normalise_text(text).text == text


def test_quotes_are_found_after_undoubling() -> None:
    from workbook.extract.claims import extract_claims
    from workbook.extract.entities import extract_entities
    from workbook.extract.gazetteer import builtin_gazetteer
    from workbook.extract.sentences import split_sentences

    raw = '""We will stay here,"" Omar Ali told reporters on Monday. ""This is our home,"" he said.'
    counts = []
    for text in (raw, normalise_text(raw).text):
        sentences = split_sentences(text)
        entities, mentions, _ = extract_entities(text, sentences, builtin_gazetteer())
        claims = extract_claims(text, sentences, entities, mentions)
        counts.append(sum(c.quote_kind == "direct" for c in claims))
    # claims read the doubled form too (a second line of defence); after undoubling both quotes are found
    assert counts[1] >= 2 and counts[1] >= counts[0]
    assert '""' not in normalise_text(raw).text


def test_meta_records_the_fix_and_other_meta_stays() -> None:
    raw = RawDocument(
        text="ComradeKim Jong Un spoke. Kim Jong Un left.", source="a.txt", format="txt", meta={"topic": "x"}
    )
    out = normalise_document(raw)
    assert out.text == "Comrade Kim Jong Un spoke. Kim Jong Un left."
    assert out.meta == {"topic": "x", "normalised": {"glued_words": 1, "examples": ["ComradeKim -> Comrade Kim"]}}
    clean = RawDocument(text="Nothing to do.", source="b.txt", format="txt")
    assert normalise_document(clean) is clean


def test_iter_documents_normalises_and_build_hashes_the_stored_text(tmp_path: Path) -> None:
    from workbook.build import build
    from workbook.ids import sha256_text
    from workbook.workspace import read_book

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Report\n\nThe respected ComradeKim Jong Un spoke. Kim Jong Un left.\n", encoding="utf-8"
    )
    (docs,) = [d for d in iter_documents([corpus]) if isinstance(d, RawDocument)]
    assert "Comrade Kim Jong Un" in docs.text and docs.meta["normalised"]["glued_words"] == 1
    build([corpus], tmp_path / "ws")
    row = read_book(tmp_path / "ws").documents.iloc[0]
    assert "ComradeKim" not in row["text"]
    assert row["sha256"] == sha256_text(row["text"])
    assert '"glued_words": 1' in row["meta"]


def test_the_word_list_is_built_in_and_compact() -> None:
    words = builtin_words()
    assert 5_000 < len(words) < 30_000
    assert {"visited", "gave", "met", "and"} <= words
    assert all(w.islower() and w.isalpha() for w in words)


@pytest.mark.parametrize(
    "text",
    [
        "aA" * 200_000,
        "Kim Jong " + "Unvisited " * 50_000,
        "ComradeKim " * 50_000,
        '""' * 200_000,
        "x" * 400_000,
        ("Aa " * 100_000) + "Kim Jong Un.",
    ],
)
def test_hostile_input_is_linear(text: str) -> None:
    t0 = time.process_time()  # this process's CPU: other work on a busy machine does not count
    r = normalise_text(text)
    assert time.process_time() - t0 < 3.0
    assert len(r.text) >= len(text) // 2


_HASH_SEED_PROBE = """
import json, sys
from workbook.ingest.normalise import normalise_text
print(json.dumps([normalise_text(t).text for t in json.loads(sys.stdin.read())]))
"""


def test_glued_words_split_the_same_way_whatever_the_hash_seed() -> None:
    # Two readings compete for "Unwas" after "Jong": "Un" + "was" and "Unw" + "as" ("as" and "ho" are known
    # words, "ho" from "Ri Song Ho"). The choice once followed a set's iteration order, which changes with
    # PYTHONHASHSEED: the same archive gave other texts, so other doc_ids, from one run to the next.
    texts = [
        "Kim Jong Unwas greeted at the site by Ri Song Ho.\nAt the post,Kim Jong Unwas briefed on the plan.\n"
        "Kim Jong Unsaid that the work went well.\nThey waved toKim Jong Unwho guided the test.\n"
    ]
    outputs = set()
    for seed in ("1", "2", "3", "4", "5", "6", "7", "8"):
        done = subprocess.run(
            [sys.executable, "-c", _HASH_SEED_PROBE],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    (text,) = json.loads(outputs.pop())
    assert "Kim Jong Un was greeted" in text and "Kim Jong Un who guided" in text


# The patterns as first written (a look-behind first): the module's faster forms must match the same.
_PLAIN_PATTERNS = {
    "_PAIR": r"(?<![A-Za-z])([A-Z][a-z]*) (?=([A-Z][a-z]+)(?![A-Za-z]))",
    "_KOREAN_TRIPLE": r"(?:(?<![A-Za-z])|(?<=[a-z]))([A-Z][a-z]+) (?=([A-Z][a-z]+) ([A-Z][a-z]+)(?![A-Za-z'’-]))",
}
_EDGE_TEXTS = [
    "Kim Jong Ilwho met",
    "XKim Jong Ilwho met",
    "toKim Jong Ilwho met",
    "ComradeKim Jong Un",
    "A Kim Jong Un",
    "é Kim Jong Un",
    "éKim Jong Un",
    "1Kim Jong Un",
    "AB Cd Ef Gh",
    "ABc De Fg Hi",
    "Jong Unvisited. Jong Un. Ri Song-Ho Lee Kim's Jong Un-",
    "",
]


@pytest.mark.parametrize("name", sorted(_PLAIN_PATTERNS))
def test_reordered_look_behinds_match_the_plain_patterns(name: str) -> None:
    import re

    from workbook.ingest import normalise

    fast, plain = getattr(normalise, name), re.compile(_PLAIN_PATTERNS[name])
    for text in _EDGE_TEXTS:
        for start in range(len(text) + 1):
            got = [(m.span(), m.groups()) for m in fast.finditer(text, start)]
            assert got == [(m.span(), m.groups()) for m in plain.finditer(text, start)], (text, start)


@pytest.mark.parametrize(
    "text",
    ["no glued word here", "theKim Jong Un", "é1aKim Jong Un", "Jong Un saidKim", "x" * 50 + "AbcDef Ghi", "aA"],
)
def test_glued_tokens_are_searched_from_the_first_lower_upper_boundary(text: str) -> None:
    from workbook.ingest import normalise

    got = [(m.span(), m.groups()) for m in normalise._glued_tokens(text)]
    assert got == [(m.span(), m.groups()) for m in normalise._GLUED.finditer(text)]


def test_the_normaliser_searches_a_text_read_again_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.ingest import normalise

    texts = [
        "The respected ComradeKim Jong Unvisited the farm. Kim Jong Un said so.",
        'x ""We will stay,"" Omar told ""them"" here',
        "Nothing glued here.",
    ]
    expected = [normalise_text(t) for t in texts]
    calls: list[str] = []
    search = normalise._split_points
    monkeypatch.setattr(normalise, "_split_points", lambda t, w: calls.append(t) or search(t, w))
    normaliser = normalise.Normaliser()
    for _ in range(3):
        for text, want in zip(texts, expected, strict=True):
            got = normaliser.text(text)
            assert (got.text, got.report) == (want.text, want.report)
    assert len(calls) == len(texts)  # each distinct text searched once
    raw = RawDocument(source="a.txt", text=texts[0], format="text")
    assert normaliser.item(raw) == normalise_document(raw)


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("Kim Jong\u2011un said the test succeeded.", "Kim Jong-un said the test succeeded."),
        ("Jean\u2010Pierre Moreau resigned.", "Jean-Pierre Moreau resigned."),
        ("a long\u2011range drone hit the Al\u2011Shifa hospital", "a long-range drone hit the Al-Shifa hospital"),
    ],
)
def test_word_hyphens_are_written_plain_and_counted(raw: str, plain: str) -> None:
    r = normalise_text(raw)
    assert r.text == plain and len(r.text) == len(raw)  # one character for one: no offset moves
    assert r.report == {"unicode_hyphens": raw.count("\u2011") + raw.count("\u2010")}
    assert normalise_text("an en dash \u2013 and a minus \u2212 stay").report == {}


def test_a_name_written_with_a_non_breaking_hyphen_is_one_speaker() -> None:
    from tests.extraction_support import claim_holding, speaker_of

    raw = RawDocument(
        text="Kim Jong\u2011un said the new missile would deter attacks. He oversaw the launch on Tuesday.",
        source="t.txt",
        format="txt",
    )
    doc = normalise_document(raw)
    assert doc.meta["normalised"] == {"unicode_hyphens": 1}
    assert speaker_of(doc.text, "deter attacks") == "Kim Jong-un"
    assert claim_holding(raw.text, "deter attacks") is None  # what the extractor made of the text as written
