"""The run classifier's shortcuts (speed round eleven) give what the full steps give.

* :func:`~workbook.extract.entity_runs.classify_run`: a run none of whose words may open a cued person
  (an honorific, a title's first word, a Korean surname), with no title right before it, goes to the
  plain words at once. The full loop is run here by making that test always fail
  (``_CUE_FIRST_WORDS`` whose ``isdisjoint`` says no), so every word goes through it as before.
* ``_classify_plain``: one word left after trimming is one part, already trimmed; it goes to
  ``_classify_part`` at once. The full steps are :func:`_reference_plain` below (the function as it was).
* :func:`~workbook.extract.entity_runs.classify_run` (speed18): one such word that opens no known
  organisation's name (nor names a firm in business news) gives nothing at once; the full loop above
  tests it too.
* ``_classify_part``: one word is never longer than an installation's opening words (the test
  ``len(idx) > installation_len(...) > 0`` cannot hold for one word), so the look-up is skipped for it.
* :func:`~workbook.extract.entity_runs.classify_run` (speed22): the walk back over lower-case words for a
  title before the run ("leader", "chief executive") starts only when the word right before the run ends a
  title (every title it reads ends with that word). The full walk is run here with ``_TITLE_LAST_WORDS``
  holding every word.

Both forms run over made-up texts in several topics and over random texts of the rules' own words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import entity_runs
from workbook.extract.and_joins import continues_complement, fields_before_and
from workbook.extract.entity_runs import Candidate, RunContext, capitalised_runs, classify_run
from workbook.extract.gazetteer_builtin import builtin_gazetteer
from workbook.extract.ner_model import default_entity_model
from workbook.extract.rule_tokens import tokenize

pytestmark = pytest.mark.unit

TEXTS = [
    "Striker Ana Lopez of Real Madrid scored twice; Coach Tom Reed said the Champions League final was won.",
    "Judge Mary O'Neil of the Supreme Court of Ohio ruled. Sgt. Ana Ruiz testified for the State of Texas.",
    "Shares of Acme Corp and Sons rose after CEO Li Wei met the Bank of England. General Dynamics agreed.",
    "Dr. Ada Byrne at the Max Planck Institute for Physics said the Large Hadron Collider ran. NASA agreed.",
    "The Springfield City Council met on Tuesday.\nMayor Joe Quimby of the Democratic Party spoke.",
    "Maj. Gen. Tom Reed, commander of U.S. Pacific Fleet, met Wu Chi-wai of the Democratic Party in Hong Kong.",
    "Respected Comrade Kim Jong Un visited the Ministry of Science and Technology; KCNA and Rodong Sinmun said.",
    "leader Kim Jong Un met Choe Son Hui. The U.S. State Department and RAF Lossiemouth replied. Mr Lewis left.",
    "Minister for Defence Richard Marles and Chief Cabinet Secretary Yoshimasa Hayashi met in Sri Lanka.",
    "Fort Campbell, Camp Lejeune and Joint Base Lewis-McChord; Borno State and Quezon City; Kim Il Sung University",
    "Shares and revenue: Apple said Amazon, the Amazon and Rodong rose; NASA, Gavi, KCNA. Tuesday. General.",
    "The Bundesbank and the European Central Bank agreed; Gavi and the Office for National Statistics did not.",
    "",
    "A",
    "Our chief executive Tim Cook and the vice premier Li Wei met; defence minister Lee spoke, said leader Kim.",
    "the prime minister of the Republic Ann Lee; a spokesman for the Army, Tom Reed; senior judge Mary Poole.",
]

_WORD_TEXT = (
    "Kim Jong Un Choe Son Hui Mr Mrs Dr. President Comrade General Secretary leader minister of the and "
    "for Ministry Science Technology KCNA Rodong Sinmun RAF Lossiemouth Fort Campbell Sri Lanka U.S. "
    "State Department City Quezon University Dynamics Real Madrid Ana Lopez Judge Court Party Tuesday "
    "Acme Corp Lewis Chief Cabinet Korea's People's Bundesbank European Central Bank Office Apple Amazon "
    "shares revenue NASA Gavi chief executive vice premier prime spokesman senior judge defence"
)
_WORDS = _WORD_TEXT.split()
_SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "  "]


class _NeverDisjoint(frozenset[str]):
    """The cue words, but ``isdisjoint`` always false: :func:`classify_run` takes its full loop."""

    def isdisjoint(self, other: object) -> bool:  # type: ignore[override]
        return False


class _Everything(frozenset[str]):
    """Holds every word: :func:`classify_run` walks back for a title before every run."""

    def __contains__(self, word: object) -> bool:
        return True


def _reference_plain(doc: RunContext, idx: list[int]) -> list[Candidate]:
    """``_classify_plain`` without its one-word shortcut: every step, whatever the number of words ("A and
    the B" names two, as in the live form)."""
    idx = entity_runs._trim(doc, idx)
    if not idx:
        return []
    parts: list[list[int]] = [[]]
    for i in idx:
        if doc.tokens[i].lower == "and" and parts[-1]:
            parts.append([])
        parts[-1].append(i)
    apart = [len(p) > 1 and doc.tokens[p[1]].lower == "the" for p in parts]
    parts = [entity_runs._trim(doc, p) for p in parts]
    merged: list[list[int]] = []
    for p, after_the in ((p, t) for p, t in zip(parts, apart, strict=True) if p):
        if merged and not after_the:
            left = merged[-1]
            lh, ph = entity_runs._has_head(doc, left), entity_runs._has_head(doc, p)
            looks = entity_runs._looks_like_name
            words = [doc.tokens[i].lower for i in left]
            joins_after = continues_complement(words, entity_runs._HEADS)  # round twenty-one: and_joins
            joins_before = fields_before_and(words, [doc.tokens[i].lower for i in p], doc.gazetteer.type_of)
            if (lh and not ph and not looks(doc, p) and joins_after) or (
                ph and not lh and not looks(doc, left) and joins_before
            ):
                merged[-1] = list(range(left[0], p[-1] + 1))
                continue
        merged.append(p)
    return [c for p in merged for c in entity_runs._classify_part(doc, p)]


def _classified(text: str) -> tuple[list[list[Candidate]], list[tuple[int, int]]]:
    doc = RunContext(text, tokenize(text), builtin_gazetteer(), _common())
    return [classify_run(doc, run) for run in capitalised_runs(doc, set())], doc.titles


def _common() -> frozenset[str]:
    model = default_entity_model()
    return model.common if model is not None else frozenset()


def _both(text: str) -> tuple[object, object]:
    fast = _classified(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(entity_runs, "_CUE_FIRST_WORDS", _NeverDisjoint(entity_runs._CUE_FIRST_WORDS))
        mp.setattr(entity_runs, "_classify_plain", _reference_plain)
        mp.setattr(entity_runs, "_TITLE_LAST_WORDS", _Everything())
        full = _classified(text)
    return fast, full


@pytest.mark.parametrize("text", TEXTS)
def test_shortcuts_give_what_the_full_steps_give(text: str) -> None:
    fast, full = _both(text)
    assert fast == full


def test_the_texts_reach_every_branch() -> None:
    runs, titles = _classified(" ".join(TEXTS))
    found = [c for cands in runs for c in cands]
    assert titles  # cued people
    assert any(c.type == "organization" for c in found)
    assert any(c.type == "person" for c in found)
    assert any(c.type == "facility" for c in found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=24))
def test_shortcuts_on_random_texts(pieces: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in pieces)
    fast, full = _both(text)
    assert fast == full, text
