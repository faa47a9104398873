"""Candidates of the learned entity stage made for a whole batch with numpy (speed round ten): the same
spans as the per-token loop they replace (kept below as the reference), for one document
(:func:`~workbook.extract.ner_features.candidates`) and for a batch read from the word table
(:meth:`~workbook.extract.ner_featurize.Featurizer.candidates_and_ids`), with the spans the rules are sure
of left out; and the model's batch pooling and decoding equal to its per-document ones."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.ner_features import (
    CONNECTORS,
    DEMONYMS,
    LOWER_CASE_PLACE_AFTER,
    MAX_SPAN,
    TITLE_WORDS,
    Candidate,
    Tokens,
    candidates,
    lower_case_name_word,
    tokens,
)
from workbook.extract.ner_featurize import Featurizer
from workbook.extract.ner_model import default_entity_model
from workbook.extract.ner_words import _flags
from workbook.extract.vocabulary import (
    FACILITY_HEADS,
    GIVEN_NAMES,
    MONTHS,
    NEVER_NAME_START,
    ORG_HEADS,
    SURNAME_FIRST,
    WEEKDAYS,
)

pytestmark = pytest.mark.unit

#: made-up texts in several topics, with ranks, connectors, demonyms, digits after capitals, glued cues
TEXTS = [
    "Striker Ana Lopez of Real Madrid scored twice; Coach Tom Reed said the Champions League final was won.",
    "Judge Mary O'Neil of the Supreme Court of Ohio ruled. Sgt. Ana Ruiz testified for the State of Texas.",
    "Shares of Acme Corp & Sons rose after CEO Li Wei met the Bank of England. Monday The Hague Group agreed.",
    "Dr. Ada Byrne at the Max Planck Institute for Physics said the Large Hadron Collider 2 ran. NASA agreed.",
    "The Springfield City Council met on Tuesday.\nMayor Joe Quimby of the Democratic Party spoke. North Korean men",
    "Maj. Gen. Tom Reed, commander of U.S. Pacific Fleet, met Wu Chi-wai of the Democratic Party in Hong Kong.",
    "The KN-23 and F-16 flew; al-Baghdadi's men and bin-Laden  fled. Lt.Col. Smith  Jones and Van Der Berg spoke",
    "Kim Jong Un visited Unit 1 and Ward 2 of the Korean People's Army; the Japanese Foreign Ministry of Japan",
    "",
    "  \n ",
    "A",
    "Capt. Capt. Mr. Ann-Marie De La Cruz Of The Year Awards In Rome Italy",
]


def reference_candidates(text: str, toks: Tokens) -> list[Candidate]:
    """The per-token loop :func:`~workbook.extract.ner_features.candidates` was before this round."""
    never_first = NEVER_NAME_START | MONTHS | WEEKDAYS
    runs: list[tuple[int, int]] = []
    n = len(toks)
    starts, ends, txt, lows = toks.start, toks.end, toks.text, toks.lower
    name_like = [c and t[0].isalpha() for c, t in zip(toks.cap, txt, strict=True)]
    cue = [False] * n
    for k in range(n - 1):
        if lows[k] in TITLE_WORDS and txt[k + 1] == "." and starts[k + 1] == ends[k]:
            cue[k] = True
    resume = 0
    for i in range(n):
        if not name_like[i] or i < resume or cue[i]:
            continue
        j = i + 1
        last_cap = i
        while j < n and text[ends[j - 1] : starts[j]] == " ":
            if cue[j]:
                break
            if name_like[j]:
                last_cap = j
            elif lows[j] not in CONNECTORS and not (txt[j].isdigit() and toks.cap[j - 1]):
                break
            j += 1
        if lows[last_cap] not in DEMONYMS:
            runs.append((i, last_cap + 1))
        resume = last_cap + 1
    out: list[Candidate] = []
    for a, b in runs:
        for s in range(a, b):
            if not name_like[s] or (lows[s] in never_first and not txt[s].isupper()):
                continue
            for e in range(s + 1, min(b, s + MAX_SPAN) + 1):
                if name_like[e - 1]:
                    out.append(Candidate(s, e, a, b, starts[s], ends[e - 1]))
    return out


def _skip(text: str, marks: list[tuple[int, int]]) -> bytearray:
    skip = bytearray(len(text) + 1)
    for a, b in marks:
        skip[a:b] = b"\x01" * (b - a)
    return skip


def _batch(vec: Featurizer, texts: list[str], skips: list[bytearray | None]) -> list[list[tuple[int, ...]]]:
    """Each document's candidates from one :meth:`Featurizer.candidates_and_ids` call."""
    cands, per_doc, ids, spelling, weak, acronym = vec.candidates_and_ids(
        texts, [tokens(t) for t in texts], skips, lambda s: None
    )
    assert len(ids) == len(cands) == len(spelling) == len(weak) == len(acronym) == sum(per_doc)
    rows = [tuple(r) for r in cands.tolist()]
    out, at = [], 0
    for text, m in zip(texts, per_doc, strict=True):
        out.append(rows[at : at + m])
        first_words = [tokens(text).text[r[0]] for r in out[-1]]  # in capitals, two letters or more
        assert acronym[at : at + m].tolist() == [len(w) > 1 and w.isupper() for w in first_words]
        at += m
    return out


def _expected(text: str, skip: bytearray | None) -> list[tuple[int, ...]]:
    found = reference_candidates(text, tokens(text))
    return [tuple(c) for c in found if skip is None or skip.find(1, c.start, c.end) < 0]


def test_candidates_are_those_of_the_loop() -> None:
    for text in TEXTS:
        toks = tokens(text)
        assert candidates(text, toks) == reference_candidates(text, toks), text
    spans = {t[c.start : c.end] for t in TEXTS[:2] for c in candidates(t, tokens(t))}
    assert {"Ana Lopez", "Real Madrid", "Mary O'Neil", "Supreme Court of Ohio", "Ana Ruiz"} <= spans
    assert "Sgt" not in spans


def test_a_batch_read_from_the_word_table_finds_each_documents_candidates() -> None:
    vec = Featurizer(18)
    skips: list[bytearray | None] = [None if k % 2 else _skip(t, [(5, 30)]) for k, t in enumerate(TEXTS)]
    assert _batch(vec, TEXTS, skips) == [_expected(t, s) for t, s in zip(TEXTS, skips, strict=True)]
    assert _batch(vec, TEXTS[::-1], [None] * len(TEXTS)) == [_expected(t, None) for t in TEXTS[::-1]]
    assert _batch(vec, ["", " "], [None, None]) == [[], []]


_PIECES = ["Ana", "Lopez", "of", "the", "Bank", "Sgt", ".", "Dr.", "North", "Korean", "KN-23", "2", "Monday", "The"]
_PIECES += ["said", "al-Baghdadi", "'s", "U.S.", "&", "-", "Van", "Der", "Xu", "MAY", "é", "Ü"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", "", "  ", "\n", ", "]))),
        min_size=1,
        max_size=6,
    ),
    st.data(),
)
def test_random_batches_find_the_loops_candidates(docs: list[list[tuple[str, str]]], data: st.DataObject) -> None:
    texts = ["".join(w + gap for w, gap in doc) for doc in docs]
    skips: list[bytearray | None] = []
    for t in texts:
        if data.draw(st.booleans()):
            a = data.draw(st.integers(0, len(t)))
            skips.append(_skip(t, [(a, data.draw(st.integers(a, len(t))))]))
        else:
            skips.append(None)
    for t in texts:
        assert candidates(t, tokens(t)) == reference_candidates(t, tokens(t))
    assert _batch(Featurizer(18), texts, skips) == [_expected(t, s) for t, s in zip(texts, skips, strict=True)]


def test_batch_pooling_and_decoding_are_those_of_each_document() -> None:
    model = default_entity_model()
    texts = [t for t in TEXTS if t.strip()] + ["Reed said. Reed and Lopez met Reed in Madrid. Lopez"]
    texts += ["Marlowe arrived late.\nHastings left. Then Hastings came back; the marlowe theatre closed."]
    batch = model.predict_batch([(t, None) for t in texts], lambda s: None)
    assert any(s.weak for spans, _ in batch for s in spans) and not all(s.weak for spans, _ in batch for s in spans)
    for text, (spans, probs) in zip(texts, batch, strict=True):
        toks, cands, scores = model.score_text(text, lambda s: None)
        assert spans == model.decode(toks, cands, scores)
        pooled = model.pool(toks, cands, scores)
        assert probs == {(c.start, c.end): tuple(p) for c, p in zip(cands, pooled.tolist(), strict=True)}
        assert np.array_equal(pooled, model.pool(toks, cands, scores))


def _reference_flags(text: str, w: str, common: frozenset[str]) -> int:
    """A word's bits as they were made before this round, one word at a time."""
    return (
        (w in common)
        | (w in TITLE_WORDS) << 1
        | (w in GIVEN_NAMES) << 2
        | (w in SURNAME_FIRST) << 3
        | (w in NEVER_NAME_START) << 4
        | (w in MONTHS or w in WEEKDAYS) << 5
        | (w in ORG_HEADS) << 6
        | (w in FACILITY_HEADS) << 7
        | (w in DEMONYMS) << 8
        | (w in CONNECTORS) << 9
        | any(map(str.isdigit, w)) << 10
        | ("-" in w) << 11
        | (text.isupper() and len(text) > 1) << 12
        | (text[:1].islower() and text.isalpha()) << 13
        | text[:1].isupper() << 14
        | text[:1].islower() << 15
        | (text == ".") << 16
        | (text[:1].islower() and text == w) << 17
        | text[:1].isalpha() << 18
        | text.isdigit() << 19
        | text.isupper() << 20
        | lower_case_name_word(text) << 21
        | (w in LOWER_CASE_PLACE_AFTER) << 22
    )


def test_word_flags_made_column_by_column_are_those_of_each_word() -> None:
    words = ["", ".", "A", "a", "MAY", "May", "of", "the", "x²", "²", "KN-23", "F-16s", "3rd", "Straße", "ǅemal"]
    words += ["Ministry", "Smith", "korean", "Dr", "Sgt", "Monday", "and", "Ⅻ", "١٢", "평양", "al-Baghdadi", "ÉCOLE"]
    words += ["glasgow", "sara", "reading", "in", "In", "from", "nairobi"]
    common = frozenset({"art", "may"})
    got = _flags(words, [w.casefold() for w in words], common).tolist()
    assert got == [_reference_flags(w, w.casefold(), common) for w in words]
