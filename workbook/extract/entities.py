"""Entities and their mentions, found by rules and a gazetteer.

:func:`extract_entities` combines, in order of precedence when spans overlap:

1. weapon-system designations ("Hwasong-14", "Hwasongpho-19" → Hwasong-19, "KN-23", and the "-15"
   of "Hwasong-14 and -15");
2. people announced by an honorific ("Mr Lewis"; the honorific is part of a partial mention's
   surface) or a title or role ("President Donald Trump", "leader Kim Jong Un", "his colleague David
   Schmerler"; the title is not part of the name and is kept as a cue for coreference), or a military
   or civil rank ("Sgt. 1st Class Maria Delgado-Ruiz", "Lt. Cmdr. Aaron Pike";
   :mod:`workbook.extract.ranks`: no entity holds a rank's words), with particles inside the name
   ("Mohammed bin Salman", "Abdel Fattah el-Sisi");
3. organisations and facilities: capitalised phrases holding a head word ("Middlebury Institute of
   International Studies", "Straits Times", "Sinpho Shipyard", "86th Airlift Wing") or known names
   ("KCNA", "Rodong Sinmun", and defence organisations: "Raytheon", "Hezbollah",
   :mod:`workbook.extract.org_names`); a leading "The" is never part of the name, so one newspaper
   has one name everywhere; Korean three-part names ("Kim Yong Chol", "Choe Son Hui");
4. gazetteer places and facilities, with their coordinates (a rule span with exactly the same
   extent yields to the gazetteer, which knows where it is); "the North" is North Korea when the
   document names North Korea (``vocabulary.SHORT_PLACE_NAMES``; :mod:`workbook.extract.place_short_names`);
5. weaker person evidence: two or three capitalised words starting with a common given name, or
   ending with a surname seen after an honorific elsewhere in the document.

With the learned classifier, a named storm ("Hurricane Katrina", and a later bare "Katrina") is one
event, type ``other``, and an author cited with a year ("(Brieber 2014; Heidenreich & Turano
2011)") a person (:mod:`workbook.extract.ner_document`), over what else was read there.

Longer spans win ties. Capitalised words that open sentences ("The", "But", "Since") and phrases
nothing classifies are not entities. Person mentions are resolved by :mod:`workbook.extract.coref`
("Mr Kim" → the right Kim, marked ``ambiguous`` when several fit). Entity keys are local to the
document: ``f"{type}:{normalise_name(name)}"``. Every mention satisfies ``text[start:end] ==``
its surface.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from workbook.extract.base import EntityRecord, MentionRecord, PlaceRecord
from workbook.extract.body_names import body_names
from workbook.extract.coref import Person, PersonSpan, ResolvedMention, resolve_people, surname_of
from workbook.extract.entity_bounds import (
    ampersand_names,
    capitalised_particle_start,
    club_names,
    given_name_pairs,
    particle_orgs,
)
from workbook.extract.entity_runs import (
    CUED_PERSON,
    GAZETTEER,
    LEARNED,
    NAME_PARTICLES,
    NAMED,
    WEAK,
    Candidate,
    RunContext,
    capitalised_runs,
    classify_run,
    quick_key,
)
from workbook.extract.family_names import family_first_words
from workbook.extract.gazetteer import Gazetteer, fold_key
from workbook.extract.longer_org_names import longer_org_names
from workbook.extract.ner_document import cited_authors, named_events
from workbook.extract.ner_features import Tokens
from workbook.extract.ner_features import tokens as ner_tokens
from workbook.extract.ner_merge import (
    RuleSpan,
    addressed_people,
    harmonise_lists,
    merge_learned,
    speaking_acronyms,
    speaking_openers,
)
from workbook.extract.ner_model import EntityModel, ScoredSpan
from workbook.extract.not_names import names_only
from workbook.extract.person_context import people_in_context
from workbook.extract.person_firms import trade_firms
from workbook.extract.person_forms import (
    company_after_rank,
    family_name_towns,
    name_edges,
    o_family_people,
    people_by_form,
    person_before_particle,
    person_candidate,
    saint_institutions,
    suffixed_people,
)
from workbook.extract.person_lists import given_names_in_lists
from workbook.extract.person_shapes import (
    capitalised_particle_people,
    given_name_town_person,
    given_name_towns,
    initialled_candidates,
    people_by_document,
    person_apart,
    titled_streets,
)
from workbook.extract.person_vietnamese import vietnamese_family_words, vietnamese_people
from workbook.extract.place_org_extents import place_org_extents, signature_names
from workbook.extract.place_phrases import place_phrases
from workbook.extract.place_short_names import short_place_names
from workbook.extract.rank_people import ranked_people
from workbook.extract.ranks import RankSpan, rank_spans, spelled_ranks
from workbook.extract.release_readings import decorations, lone_word_readings
from workbook.extract.rule_tokens import Token, tokenize
from workbook.extract.sentences import Sentence
from workbook.extract.span_fixes import (
    hyphen_part,
    outside_ranks,
    particle_surname,
    town_before_state,
    weapon_in_sentence,
)
from workbook.extract.team_plurals import plural_teams
from workbook.extract.vocabulary import (
    FACILITY_HEADS,
    MONTHS,
    NEVER_NAME_START,
    ORG_HEADS,
    TITLES,
    WEEKDAYS,
    find_weapons,
)
from workbook.ids import normalise_name
from workbook.ingest.normalise import builtin_words

__all__ = [
    "Token",
    "entity_key",
    "extract_entities",
    "extract_entities_batch",
    "tokenize",
]

_NEVER_NAME = NEVER_NAME_START | MONTHS | WEEKDAYS
#: the classifier's decoded spans of a document and its probabilities by span (``EntityModel.predict_batch``)
_Learned = tuple[list[ScoredSpan], dict[tuple[int, int], tuple[float, ...]]]
_NON_WORD = re.compile(r"[^\w]+")
_HEADS = ORG_HEADS | FACILITY_HEADS


def entity_key(type_: str, name: str) -> str:
    """The document-local key of an entity."""
    return f"{type_}:{normalise_name(name)}"


def _select(cands: list[Candidate], n: int) -> list[Candidate]:
    gaz_spans = {(c.start, c.end) for c in cands if c.gaz is not None}
    cands = [c for c in cands if c.gaz is not None or c.strength >= CUED_PERSON or (c.start, c.end) not in gaz_spans]
    cands.sort(key=lambda c: (-c.strength, c.start - c.end, c.gaz is None, c.start))
    taken = bytearray(n + 1)
    out = []
    for c in cands:
        if c.start >= c.end or taken.find(1, c.start, c.end) >= 0:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    return sorted(out, key=lambda c: c.start)


def _rule_kind(c: Candidate) -> str:
    if c.gaz is not None:
        return "gazetteer"
    if c.strength == WEAK:
        return "weak"
    return "named" if c.splittable else "certain"


#: How sure each kind of rule span is, against the classifier's probabilities, when a list of names
#: takes one reading (:func:`~workbook.extract.ner_merge.harmonise_lists`).
LIST_RULE_CONFIDENCE: dict[str, float] = {"certain": 1.0, "named": 1.0, "gazetteer": 0.9, "weak": 0.5}


def _names_person(words: tuple[str, ...], people: set[str], surnames: set[str], name_words: set[str]) -> bool:
    """The words name a person of the document: the same name, a lone surname, or the same words in
    another order ("Higuchi Natsuko" beside "Natsuko Higuchi")."""
    if quick_key(words) in people or (len(words) == 1 and words[0].casefold() in surnames):
        return True
    return 2 <= len(words) <= 3 and all(w.casefold() in name_words for w in words)


def _char_mask(n: int, spans: Iterable[tuple[int, int]], into: bytearray | None = None) -> bytearray:
    out = bytearray(n + 1) if into is None else into
    for a, b in spans:
        out[a:b] = b"\x01" * (b - a)
    return out


def _certain(text: str, cands: list[Candidate], titles: Sequence[tuple[int, int]] = ()) -> bytearray:
    """The characters of spans the rules are sure of, and of the titles that cued their people
    ("Minister for Foreign Affairs" of "... Penny Wong"): the classifier need not score them."""
    certain = _char_mask(len(text), titles)
    for c in cands:
        if c.strength >= CUED_PERSON or (c.strength == NAMED and not c.splittable):
            certain[c.start : c.end] = b"\x01" * (c.end - c.start)
    return certain


def _learned(
    text: str, cands: list[Candidate], gazetteer: Gazetteer, model: EntityModel, learned: _Learned
) -> list[Candidate]:
    """The rules' candidates combined with the classifier's (:mod:`workbook.extract.ner_merge`)."""
    spans, probs = learned
    rules = [RuleSpan(c.start, c.end, _rule_kind(c)) for c in cands]
    vetoed, added = merge_learned(text, rules, spans, probs, model.common, model.names, gazetteer.type_of)
    full_names = [s.words for s in added if s.type == "person" and len(s.words) > 1]
    full_names += [c.person.words for c in cands if c.person is not None and len(c.person.words) > 1]
    surnames = {surname_of(w).casefold() for w in full_names}
    people = {quick_key(w) for w in full_names}
    name_words = {x.casefold() for w in full_names for x in w if x[:1].isupper() or x in NAME_PARTICLES}
    added = [  # one reading per person: "Truffaut" or "François Truffaut" typed a place elsewhere is the person
        dataclasses.replace(s, type="person")
        if s.type != "person" and _names_person(s.words, people, surnames, name_words)
        else s
        for s in added
    ]
    added = lone_word_readings(text, added, surnames)  # "customers in Wales", "Tesco's results": no person
    out = [  # a lone surname of someone the classifier found is that person, not a gazetteer place
        c
        for k, c in enumerate(cands)
        if k not in vetoed and not (c.gaz is not None and fold_key(text[c.start : c.end]) in surnames)
    ]
    added = harmonise_lists(text, added, [(c.start, c.end, c.type, LIST_RULE_CONFIDENCE[_rule_kind(c)]) for c in out])
    out = given_names_in_lists(text, out, added, model.names, model.common)  # "Tracy and Ann Holbrook"
    address = addressed_people(text, model.names, model.common, gazetteer.type_of)
    if address:  # "Hi Kevin,", "Thanks, Martin": the person, over what else was read there (not a cued one)
        sure = _char_mask(len(text), ((c.start, c.end) for c in out if c.strength >= CUED_PERSON))
        address = [s for s in address if sure.find(1, s.start, s.end) < 0]
        mask = _char_mask(len(text), ((s.start, s.end) for s in address))
        out = [c for c in out if mask.find(1, c.start, c.end) < 0]
        added = [s for s in added if mask.find(1, s.start, s.end) < 0] + address
    speakers = speaking_acronyms(text, model.common, gazetteer.type_of, _NEVER_NAME) + speaking_openers(text, probs)
    if speakers:  # "USPS said", "FIFA declined": an organisation where nothing else was read
        taken = _char_mask(len(text), [(c.start, c.end) for c in out] + [(s.start, s.end) for s in added])
        added += [  # not a word of a person's name in the document, which coreference resolves
            s
            for s in speakers
            if taken.find(1, s.start, s.end) < 0 and s.words[0].casefold() not in name_words | surnames
        ]
    # "Tim Cook said", "Abdel Fattah al-Sisi met": over nothing read, or over a classifier's unsure guess inside
    taken = _char_mask(len(text), [(c.start, c.end) for c in out] + [(s.start, s.end) for s in added if s.prob >= 0.5])
    pairs = given_name_pairs(text, model.names, model.common, gazetteer.type_of, _NEVER_NAME, taken)
    # "Marc-André ter Stegen", "Manager Erik ten Hag": a particle name over a gazetteer place or a classifier's
    # reading of a part ("Stegen" a place, "Erik" a person); never over the rules' other names
    firm = [(c.start, c.end) for c in out if c.gaz is None and not person_before_particle(text, c)]
    firm += [(s.start, s.end) for s in pairs]
    firm_mask = _char_mask(len(text), firm)
    particle_people = given_name_pairs(
        text, model.names, model.common, gazetteer.type_of, _NEVER_NAME, firm_mask, particles_only=True
    )
    particle_people += [  # "Marine Le Pen": a capitalised particle
        ScoredSpan(a, b, "person", 0.5, 0.5, tuple(text[a:b].split()), "")
        for a, b in capitalised_particle_people(
            text, model.names, model.common, _NEVER_NAME, gazetteer.type_of, firm_mask
        )
    ]
    if particle_people:
        inside = _char_mask(len(text), ((s.start, s.end) for s in particle_people))
        out = [c for c in out if inside.find(1, c.start, c.end) < 0]
        pairs += particle_people
    taken = _char_mask(len(text), [(s.start, s.end) for s in pairs], taken)  # "Salman Rushdie ... Rushdie said"
    pairs += [
        ScoredSpan(a, b, "person", 0.5, 0.5, tuple(text[a:b].split()), "")
        for a, b in people_by_document(text, taken, model.common, _NEVER_NAME, gazetteer.type_of)
        + suffixed_people(text, taken, model.names, model.common, _NEVER_NAME)  # "Gilberto Teodoro Jr."
        + o_family_people(text, taken, model.names, model.common, _NEVER_NAME)  # "Aingeal O'Donoghue"
    ]
    if pairs:
        mask = _char_mask(len(text), ((s.start, s.end) for s in pairs))
        added = [s for s in added if mask.find(1, s.start, s.end) < 0] + pairs
    added = _document_pass(text, out, added)
    added = [  # "Ten Hag, who ..." after "Erik ten Hag": the particle is part of the family name
        dataclasses.replace(s, start=at, words=(text[at : s.start].strip(), *s.words))
        if s.type == "person" and (at := capitalised_particle_start(text, s.start, s.end)) != s.start
        else s
        for s in added
    ]
    taken = _char_mask(len(text), [(c.start, c.end) for c in out] + [(s.start, s.end) for s in added])
    # "Lando Norris": the given name nothing read before a classifier's family name; "Harlan Motors" a firm
    added = people_by_form(text, added, taken, model.names, model.common, _NEVER_NAME, gazetteer.type_of)
    for s in added:
        name = " ".join(s.words)
        if s.type == "person":
            title = s.left if (s.left,) in TITLES else None
            out.append(Candidate(s.start, s.end, "person", LEARNED, name, PersonSpan(s.start, s.end, s.words, title)))
        else:
            out.append(Candidate(s.start, s.end, s.type, LEARNED, name))
    return out


def _document_pass(text: str, out: list[Candidate], added: list[ScoredSpan]) -> list[ScoredSpan]:
    """The document pass (:mod:`workbook.extract.ner_document`): authors cited with a year are people
    and named storms are events, over what the rules (``out``, changed in place; not a rule's name
    other than a gazetteer's) and the classifier (``added``, returned; not its people) read there."""
    cited = cited_authors(text, _NEVER_NAME)
    if cited:  # "(Brieber 2014; Heidenreich & Turano 2011)": people, over a place or nothing read there
        sure = _char_mask(len(text), ((c.start, c.end) for c in out if c.strength >= NAMED and c.gaz is None))
        sure = _char_mask(len(text), ((s.start, s.end) for s in added if s.type == "person"), sure)
        cited = [(a, b) for a, b in cited if sure.find(1, a, b) < 0]  # "Filippini Fantoni et al." stays whole
        mask = _char_mask(len(text), cited)
        out[:] = [c for c in out if mask.find(1, c.start, c.end) < 0]
        added = [s for s in added if mask.find(1, s.start, s.end) < 0]
        added += [ScoredSpan(a, b, "person", 0.9, 0.1, (text[a:b],), "") for a, b in cited]
    events = named_events(text)
    if events:  # "Hurricane Katrina" and a later "Katrina": the storm, over a person or a place read there
        sure = _char_mask(len(text), ((c.start, c.end) for c in out if c.strength >= CUED_PERSON))
        events = [e for e in events if sure.find(1, e.start, e.end) < 0]
        mask = _char_mask(len(text), ((e.start, e.end) for e in events))
        out[:] = [c for c in out if mask.find(1, c.start, c.end) < 0]
        added = [s for s in added if mask.find(1, s.start, s.end) < 0]
        added += [ScoredSpan(e.start, e.end, "other", 1.0, 0.0, tuple(e.name.split()), "") for e in events]
    return added


class _Rules(NamedTuple):
    """A document after the entity rules, before the classifier (:func:`extract_entities_batch`)."""

    tokens: list[Token]
    words: Tokens | None  # the learned stage's tokens of the text (with a model), read by both stages
    cands: list[Candidate]
    blocked: set[int]
    ranks: list[RankSpan]
    titles: list[tuple[int, int]]  # the titles that cued a person (``RunContext.titles``)


def extract_entities(
    text: str, sentences: list[Sentence], gazetteer: Gazetteer, model: EntityModel | None = None
) -> tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]:
    """Entities, mentions and place coordinates of one document (see the module docstring). With
    a ``model``, the learned classifier adds and vetoes spans (:mod:`workbook.extract.ner_merge`)."""
    return extract_entities_batch([(text, sentences)], gazetteer, model)[0]


def extract_entities_batch(
    docs: Sequence[tuple[str, list[Sentence]]], gazetteer: Gazetteer, model: EntityModel | None = None
) -> list[tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]]:
    """:func:`extract_entities` of each ``(text, sentences)``, the classifier run once over the batch:
    each document's rules first (the classifier skips what they are sure of), then one featurizing
    and scoring pass over every document's candidates, then each document's merge. Each document is
    read on its own: its result does not depend on the rest of the batch."""
    rules = [_entity_rules(text, gazetteer, model) for text, _ in docs]
    if model is None:
        return [_finish(text, sents, gazetteer, None, r, None) for (text, sents), r in zip(docs, rules, strict=True)]
    learned = model.predict_batch(
        [(text, _certain(text, r.cands, r.titles)) for (text, _), r in zip(docs, rules, strict=True)],
        gazetteer.type_of,
        [r.words for r in rules],
    )
    return [
        _finish(text, sents, gazetteer, model, r, found)
        for (text, sents), r, found in zip(docs, rules, learned, strict=True)
    ]


def _entity_rules(text: str, gazetteer: Gazetteer, model: EntityModel | None) -> _Rules:
    """The rules' candidates of one document (weapons, runs, ranks, gazetteer). With a model, the text
    is tokenised once for the rules and the model (:func:`~workbook.extract.rule_tokens.tokenize`)."""
    words = ner_tokens(text) if model is not None else None
    tokens = tokenize(text, words)
    doc = RunContext(text, tokens, gazetteer, model.common if model is not None else frozenset())
    cands = [weapon_in_sentence(text, s, e, name) for s, e, name in find_weapons(text)]
    names = model.names if model is not None else {}
    cands += initialled_candidates(text, cands, names, doc.common, _NEVER_NAME)
    cands += [Candidate(a, b, "organization", NAMED, text[a:b]) for a, b in saint_institutions(text)]
    cands += [person_candidate(text, a, b) for a, b in vietnamese_people(text, doc.common, gazetteer.type_of)]
    cands += [Candidate(a, b, "organization", NAMED, n) for a, b, n in signature_names(text, names)]
    starts = [t.start for t in tokens]
    blocked: set[int] = set()
    for c in cands:
        blocked.update(range(bisect.bisect_left(starts, c.start), bisect.bisect_left(starts, c.end)))
    for run in capitalised_runs(doc, blocked):
        found_run = [c for c in classify_run(doc, run) if not company_after_rank(c, names, doc.common)]
        cands += [p for c in found_run for p in person_apart(text, c, names, doc.common, gazetteer)]
    named_orgs = ampersand_names(text) + particle_orgs(text) + club_names(text, gazetteer.type_of)
    named_orgs += trade_firms(text, names, doc.common, builtin_words())  # "Ostrava Logistics"
    cands += [Candidate(a, b, "organization", NAMED, n) for a, b, n in named_orgs]
    cands += [Candidate(a, b, "place", NAMED, text[a:b]) for a, b in titled_streets(text)]  # "Queen Street"
    ranks = rank_spans(text)
    ranks += spelled_ranks(text, ranks, names, doc.common, builtin_words(), _HEADS)  # "Major Baker said"
    cands += [c for c in ranked_people(doc, ranks) if not company_after_rank(c, names, doc.common)]  # "General Motors"
    cands = [particle_surname(text, c) if c.person is not None else c for c in cands]
    surnames = {surname_of(c.person.words).casefold() for c in cands if c.person and len(c.person.words) > 1}
    surnames |= doc.hon_surnames
    found = gazetteer.find(text)
    towns = given_name_towns(text, found, names)  # "Tracy said": the person, wherever "Tracy" stands
    family = family_name_towns(text, found, names, doc.common, _NEVER_NAME, gazetteer.type_of)  # "Hope Martinez"
    given_towns = {a for a, _ in family.values()}  # "Tracy" of "Tracy Ames": inside the person
    for m in found:  # a lone surname of someone in the document is that person
        if hyphen_part(text, m, gazetteer, names, surnames):
            continue
        if m.start in family:
            cands.append(person_candidate(text, *family[m.start], NAMED))
            continue
        if m.start in given_towns:
            continue
        if (town_person := given_name_town_person(text, m, towns)) is not None:
            cands.append(town_person)
        elif " " in text[m.start : m.end].strip() or fold_key(text[m.start : m.end]) not in surnames:
            cands.append(Candidate(m.start, m.end, m.entry.type, GAZETTEER, m.entry.name, gaz=m))
    return _Rules(tokens, words, cands, blocked, ranks, doc.titles)


def _finish(
    text: str,
    sentences: list[Sentence],
    gazetteer: Gazetteer,
    model: EntityModel | None,
    rules: _Rules,
    learned: _Learned | None,
) -> tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]:
    """One document's rules and classifier combined, then its selection, short names and coreference."""
    tokens, _, cands, blocked, ranks, _ = rules
    if model is not None and learned is not None:
        cands = _learned(text, cands, gazetteer, model, learned)
    cands = longer_org_names(text, place_org_extents(text, names_only(text, cands, model), model))
    cands = body_names(text, cands, model, gazetteer.type_of)
    cands = decorations(text, place_phrases(text, plural_teams(text, cands)))  # "Bronze Star Medal": no body
    rank_mask = _char_mask(len(text), ((r.start, r.end) for r in ranks))
    if ranks:
        cands = outside_ranks(text, cands, rank_mask)
    cands = [name_edges(text, particle_surname(text, c)) if c.type == "person" else c for c in cands]
    cands = town_before_state(text, cands)
    if model is not None:  # "the city of Austin said", 'Marjorie "Madge" Pettigrew', "Kenya's Faith Chepkoech"
        cands = people_in_context(text, cands, model.names, model.common, gazetteer.type_of)
    chosen = _select(cands, len(text))
    covered = bytearray(len(text) + 1)
    for c in chosen:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    short = short_place_names(text, tokens, chosen, covered)
    for c in short:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    chosen += short
    bare = [  # "Ten Hag" after "Erik ten Hag": the mention starts at the particle
        (capitalised_particle_start(text, t.start, t.end), t.end, t.text)
        for i, t in enumerate(tokens)
        if t.cap and i not in blocked and covered.find(1, t.start, t.end) < 0 and not rank_mask[t.start]
    ]
    spans = [c.person for c in chosen if c.person]
    family = family_first_words(text, spans, model.names, model.common) if model is not None else frozenset()
    family |= vietnamese_family_words(spans)  # "Nguyen Thi Lan", then "Nguyen said"
    persons, resolved = resolve_people(spans, bare, family)
    return _records(text, sentences, chosen, persons, resolved)


def _records(
    text: str,
    sentences: Sequence[Sentence],
    chosen: list[Candidate],
    persons: Sequence[Person],
    resolved: Sequence[ResolvedMention],
) -> tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]:
    sent_starts = [s.start for s in sentences]
    norm = lru_cache(maxsize=None)(normalise_name)  # per call: names repeat within a document

    def sentence_of(offset: int) -> int:
        return max(bisect.bisect_right(sent_starts, offset) - 1, 0)

    names: dict[str, tuple[str, str, str]] = {}  # key -> (name, type, origin)
    places: dict[str, PlaceRecord] = {}
    mentions: list[MentionRecord] = []
    for p in persons:
        names[p.key] = (p.name, "person", "rules")
    for r in resolved:
        mentions.append(MentionRecord(r.start, r.end, r.key, sentence_of(r.start), r.resolution, r.candidates))
    for c in chosen:
        if c.person is not None:
            continue
        key = f"{c.type}:{norm(c.name)}"
        surface = text[c.start : c.end]
        if c.gaz is not None:
            e = c.gaz.entry
            names.setdefault(key, (e.name, e.type, f"gazetteer:{e.source_name}"))
            places.setdefault(
                key, PlaceRecord(key, e.lat, e.lon, e.uncertainty_km, e.coord_source, e.source_name, e.admin_area)
            )
        else:
            old = names.get(key)
            if old is None or len(c.name) > len(old[0]):
                names[key] = (c.name, c.type, "rules")
        exact = norm(surface) == norm(names[key][0])
        mentions.append(MentionRecord(c.start, c.end, key, sentence_of(c.start), "exact" if exact else "alias"))
    mentions.sort(key=lambda m: m.start)
    aliases: dict[str, dict[str, None]] = {}
    for m in mentions:
        surface = " ".join(text[m.start : m.end].split())
        if norm(surface) != norm(names[m.entity_key][0]):
            aliases.setdefault(m.entity_key, {})[surface] = None
    used = {m.entity_key for m in mentions}
    entities = [
        EntityRecord(k, n, t, tuple(aliases.get(k, {})), origin) for k, (n, t, origin) in names.items() if k in used
    ]
    return entities, mentions, [p for k, p in places.items() if k in used]
