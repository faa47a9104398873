"""CPU of the claims stage and of the rule passes around the learned entity model, one tree at a time.

Each pass runs over the distinct texts of a corpus (KCNA 2024: 1,300), three times; the middle CPU time
(``time.process_time``) is printed as one JSON line, with the tree the package came from and the load.
Run it once per tree, alternating, for figures side by side (round nine, ``benchmarks/RESULTS.md``):

    PYTHONPATH=<main export> .venv/bin/python benchmarks/bench_rule_passes.py
    PYTHONPATH=.             .venv/bin/python benchmarks/bench_rule_passes.py

``written_full_name`` replays the claims stage's calls with its per-word patterns compiled afresh each
time (as in a build's fresh process). The claims stage gets each text's sentences and entities, made once
before the timing; the run classifier each text's runs (nothing blocked), made once too. The passes that
take more than the text get what costs nothing (no name lexicon, no classifier probabilities, no
gazetteer), so that their patterns are what is timed; ``given_name_pairs`` gets the shipped model's
name lists and the gazetteer's types, as in extraction, and nothing read before it (so do
``initialled_people``, ``people_by_document`` and ``club_names``). Each pass runs over every text before
the next starts, so a scan that extraction makes once per text and shares between passes
(``workbook.extract.shared_scans``) is made again by each pass here, except by the two calls of
``given_name_pairs`` timed together.

Round fifteen (speed21) adds ``trade_firms``, ``and_inside_org`` (no candidates: its scan and what it
reads of each match), ``spelled_ranks`` (each text's ``rank_spans`` made before), ``about_business``
asked twice per text as extraction asks it, ``names_only`` and ``given_names_in_lists`` over each text's
run classifier and gazetteer candidates (made once, before the timing; no classifier spans).

Round sixteen (speed22) adds round seventeen's passes over the same candidates: ``people_in_context``,
``plural_teams``, ``place_phrases``, ``body_names`` (each with the model's lists and the gazetteer's types as
in extraction), and ``short_place_names`` (the candidates as the chosen ones, nothing covered).

Round seventeen (speed23) adds ``names_only`` with the shipped model's given names and common words, as
extraction calls it (round eighteen's common-word tests run only with them), and ``trade_bodies`` (its six
passes in order), ``end_word_bodies`` and ``bracket_defined_bodies`` over the same candidates, with the model's
common words and the gazetteer's types.

Round eighteen (speed24) adds the four passes that run from cues (``people_in_context``, ``plural_teams``,
``place_phrases``, ``body_names``) each text's in turn, as extraction runs them: a scan shared by the passes
of one text is made once per text there, but again by each pass when each runs over every text first; and
the whole-text checks it made one pattern per character: ``as_double_quotes``, ``tokenize`` from the learned
stage's tokens, ``has_model_number`` and ``place_trade_bodies``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import re

from corpora import default_data_dir
from profile_extract import documents

import workbook
from workbook.extract import (
    body_names,
    claim_single_quotes,
    entity_bounds,
    longer_org_names,
    ner_document,
    ner_features,
    ner_merge,
    org_names,
    person_context,
    person_firms,
    person_forms,
    person_lists,
    person_shapes,
    person_vietnamese,
    place_phrases,
    place_short_names,
    ranks,
    speaker_memory,
    speaker_titles,
    speakers,
    team_plurals,
    trade_bodies,
    weapon_shapes,
    weapon_words,
    weapons,
)
from workbook.extract.claim_context import ClaimContext
from workbook.extract.claims import extract_claims
from workbook.extract.entities import extract_entities
from workbook.extract.entity_runs import GAZETTEER, Candidate, RunContext, capitalised_runs, classify_run
from workbook.extract.hedges import find_hedges
from workbook.extract.not_names import names_only
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.rule_tokens import tokenize
from workbook.extract.sentences import split_sentences
from workbook.ingest.normalise import builtin_words


def passes(texts: list[str]) -> dict[str, Callable[[], object]]:
    ex = DefaultExtractor()
    model = ex.entity_model
    assert model is not None
    blank = [bytearray(len(t) + 1) for t in texts]  # given_name_pairs: nothing read before it
    made = []
    docs, runs = [], []
    for t in texts:
        sentences = split_sentences(t)
        entities, mentions, _ = extract_entities(t, sentences, ex.gazetteer)
        made.append((t, sentences, entities, mentions))
        docs.append(RunContext(t, tokenize(t), ex.gazetteer))
        runs += [(docs[-1], run) for run in capitalised_runs(docs[-1], set())]
    names = _full_name_calls(made)
    cands: list[list[Candidate]] = [[] for _ in texts]  # each text's run and gazetteer candidates
    for k, d in enumerate(docs):
        cands[k] += [c for run in capitalised_runs(d, set()) for c in classify_run(d, run)]
        cands[k] += [
            Candidate(m.start, m.end, m.entry.type, GAZETTEER, m.entry.name, gaz=m) for m in ex.gazetteer.find(d.text)
        ]
    ranked = [ranks.rank_spans(t) for t in texts]
    learned_tokens = [ner_features.tokens(t) for t in texts]
    english = builtin_words()
    return {
        "capitalised_runs": lambda: [capitalised_runs(d, set()) for d in docs],
        "classify_run (every run)": lambda: [classify_run(doc, run) for doc, run in runs],
        "find_hedges (every sentence)": lambda: [find_hedges(t, s.start, s.end) for t, ss, _, _ in made for s in ss],
        "claims stage (extract_claims)": lambda: [extract_claims(*m) for m in made],
        "ClaimContext (speaker memory)": lambda: [ClaimContext(*m, None) for m in made],
        "cited_authors": lambda: [ner_document.cited_authors(t) for t in texts],
        "named_events": lambda: [ner_document.named_events(t) for t in texts],
        "ampersand_names": lambda: [entity_bounds.ampersand_names(t) for t in texts],
        "particle_orgs": lambda: [entity_bounds.particle_orgs(t) for t in texts],
        "rank_spans": lambda: [ranks.rank_spans(t) for t in texts],
        "find_weapons": lambda: [weapons.find_weapons(t) for t in texts],
        "find_weapon_shapes (inside find_weapons)": lambda: [weapon_shapes.find_weapon_shapes(t) for t in texts],
        "written_full_name (the claims stage's calls, patterns compiled afresh)": lambda: _cold_full_names(names),
        "given_name_pairs": lambda: [
            entity_bounds.given_name_pairs(t, model.names, model.common, ex.gazetteer.type_of, frozenset(), taken)
            for t, taken in zip(texts, blank, strict=True)
        ],
        "given_name_pairs (both calls, as in extraction)": lambda: [
            entity_bounds.given_name_pairs(
                t, model.names, model.common, ex.gazetteer.type_of, frozenset(), taken, particles_only=only
            )
            for t, taken in zip(texts, blank, strict=True)
            for only in (False, True)
        ],
        "given_name_pairs (particle names only, its scan made again)": lambda: [
            entity_bounds.given_name_pairs(
                t, model.names, model.common, ex.gazetteer.type_of, frozenset(), taken, particles_only=True
            )
            for t, taken in zip(texts, blank, strict=True)
        ],
        "about_business": lambda: [org_names.about_business(t) for t in texts],
        "titled_streets": lambda: [person_shapes.titled_streets(t) for t in texts],
        "initialled_people": lambda: [
            person_shapes.initialled_people(t, model.names, model.common, frozenset()) for t in texts
        ],
        "people_by_document": lambda: [
            person_shapes.people_by_document(t, taken, model.common, frozenset(), ex.gazetteer.type_of)
            for t, taken in zip(texts, blank, strict=True)
        ],
        "club_names": lambda: [entity_bounds.club_names(t, ex.gazetteer.type_of) for t in texts],
        "suffixed_people": lambda: [
            person_forms.suffixed_people(t, taken, model.names, model.common, frozenset())
            for t, taken in zip(texts, blank, strict=True)
        ],
        "o_family_people": lambda: [
            person_forms.o_family_people(t, taken, model.names, model.common, frozenset())
            for t, taken in zip(texts, blank, strict=True)
        ],
        "saint_institutions": lambda: [person_forms.saint_institutions(t) for t in texts],
        "vietnamese_people": lambda: [
            person_vietnamese.vietnamese_people(t, model.common, ex.gazetteer.type_of) for t in texts
        ],
        "addressed_people": lambda: [ner_merge.addressed_people(t, {}) for t in texts],
        "trade_firms": lambda: [person_firms.trade_firms(t, model.names, model.common, english) for t in texts],
        "and_inside_org (no candidates)": lambda: [longer_org_names.and_inside_org(t, []) for t in texts],
        "spelled_ranks": lambda: [
            ranks.spelled_ranks(t, r, model.names, model.common, english) for t, r in zip(texts, ranked, strict=True)
        ],
        "about_business (twice per text)": lambda: [org_names.about_business(t) for t in texts for _ in (1, 2)],
        "names_only": lambda: [names_only(t, c) for t, c in zip(texts, cands, strict=True)],
        "names_only (the model's lists)": lambda: [names_only(t, c, model) for t, c in zip(texts, cands, strict=True)],
        "trade_bodies (all six)": lambda: [
            trade_bodies.trade_bodies(t, c, model.common, ex.gazetteer.type_of)
            for t, c in zip(texts, cands, strict=True)
        ],
        "end_word_bodies": lambda: [
            trade_bodies.end_word_bodies(t, c, model.common) for t, c in zip(texts, cands, strict=True)
        ],
        "bracket_defined_bodies": lambda: [
            trade_bodies.bracket_defined_bodies(t, c, model.common, ex.gazetteer.type_of)
            for t, c in zip(texts, cands, strict=True)
        ],
        "given_names_in_lists": lambda: [
            person_lists.given_names_in_lists(t, c, [], model.names, model.common)
            for t, c in zip(texts, cands, strict=True)
        ],
        "speaking_openers": lambda: [ner_merge.speaking_openers(t, {}) for t in texts],
        "speaking_acronyms": lambda: [ner_merge.speaking_acronyms(t, frozenset(), lambda w: None) for t in texts],
        "people_in_context": lambda: [
            person_context.people_in_context(t, c, model.names, model.common, ex.gazetteer.type_of)
            for t, c in zip(texts, cands, strict=True)
        ],
        "plural_teams": lambda: [team_plurals.plural_teams(t, c) for t, c in zip(texts, cands, strict=True)],
        "place_phrases": lambda: [place_phrases.place_phrases(t, c) for t, c in zip(texts, cands, strict=True)],
        "body_names": lambda: [
            body_names.body_names(t, c, model.common, ex.gazetteer.type_of) for t, c in zip(texts, cands, strict=True)
        ],
        "short_place_names": lambda: [
            place_short_names.short_place_names(d.text, d.tokens, c, bytearray(len(d.text) + 1))
            for d, c in zip(docs, cands, strict=True)
        ],
        "as_double_quotes": lambda: [claim_single_quotes.as_double_quotes(t) for t in texts],
        "tokenize (from the learned stage's tokens)": lambda: [
            tokenize(t, w) for t, w in zip(texts, learned_tokens, strict=True)
        ],
        "has_model_number": lambda: [weapon_words.has_model_number(t) for t in texts],
        "place_trade_bodies": lambda: [
            trade_bodies.place_trade_bodies(t, c, model.common, ex.gazetteer.type_of)
            for t, c in zip(texts, cands, strict=True)
        ],
        "cued passes, each text's in turn": lambda: [
            (
                person_context.people_in_context(t, c, model.names, model.common, ex.gazetteer.type_of),
                team_plurals.plural_teams(t, c),
                place_phrases.place_phrases(t, c),
                body_names.body_names(t, c, model.common, ex.gazetteer.type_of),
            )
            for t, c in zip(texts, cands, strict=True)
        ],
    }


def _full_name_calls(made: list[tuple[Any, ...]]) -> list[tuple[str, str, int]]:
    """The arguments of every ``written_full_name`` call of the claims stage over ``made``."""
    calls: list[tuple[str, str, int]] = []
    plain = speaker_titles.written_full_name

    def recorded(text: str, word: str, at: int) -> str | None:
        calls.append((text, word, at))
        return plain(text, word, at)

    for module in (speakers, speaker_memory):
        setattr(module, "written_full_name", recorded)  # noqa: B010
    try:
        for m in made:
            extract_claims(*m)
    finally:
        for module in (speakers, speaker_memory):
            setattr(module, "written_full_name", plain)  # noqa: B010
    return calls


def _cold_full_names(calls: list[tuple[str, str, int]]) -> list[str | None]:
    """The calls as in a fresh process: the per-word patterns compiled again (a build compiles them once)."""
    speaker_titles._name_pattern.cache_clear()
    re.purge()
    return [speaker_titles.written_full_name(*c) for c in calls]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", default="kcna-2024")
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--only", nargs="*", default=[], help="only the passes whose names hold one of these")
    args = ap.parse_args(argv)
    texts = list(dict.fromkeys(d.text for d in documents(args.corpus, args.data, None)))
    fns = {k: f for k, f in passes(texts).items() if not args.only or any(o in k for o in args.only)}
    timed: dict[str, list[float]] = {}
    for _ in range(args.repeats):
        for name, run in fns.items():
            start = time.process_time()
            run()
            timed.setdefault(name, []).append(time.process_time() - start)
    middle = {k: round(sorted(v)[len(v) // 2], 3) for k, v in timed.items()}
    print(json.dumps({"package": workbook.__file__, "texts": len(texts), "load": os.getloadavg()[0], **middle}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
