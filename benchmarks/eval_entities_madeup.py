"""Typed entities in made-up paragraphs of many publishers' styles (issue 12, round nine).

``benchmarks/data/entities_madeup_styles.json`` holds two halves of paragraphs written for it (allied
ministry statements, coast-guard and police releases, court reports, business wire, sport, local
council, science press releases), annotated with every person, place, organisation and weapon span
before the extractor was run on them (how, in its ``about``). ``tune`` was read while fixing rules;
``check`` is kept unread and scored blind. Scored as ``eval_entities`` scores GUM news: typed overlap,
one to one, place and organisation one class, ``other`` spans neither right nor wrong.

    python -m benchmarks.eval_entities_madeup                  # both halves, default extractor
    python -m benchmarks.eval_entities_madeup --half tune --errors
    python -m benchmarks.eval_entities_madeup --gold world     # round ten's set of other countries' prose

``--gold world`` scores ``benchmarks/data/entities_world.json`` (round ten: ministries and news of
countries no earlier set has, names of many shapes), made and split the same way; ``--gold topics``
scores ``benchmarks/data/entities_topics.json`` (round eleven: sport, business, science and health, courts,
culture, local news, travel and weather, regions of many countries), made and split the same way;
``--gold people`` scores ``benchmarks/data/entities_people.json`` (round thirteen: people in defence and
government releases, courts, sport, business and local news, names of many cultures), made and split the
same way; ``--gold news14`` scores ``benchmarks/data/entities_news14.json`` (round thirteen: reports
in GUM news's Wikinews-like style, a title-case headline line each, on politics, science, sport, disasters,
courts); ``--gold people2`` scores ``benchmarks/data/entities_people2.json`` (round fifteen: lists of people,
names after a rank or title opening a sentence, particles and compound family names, family names the
gazetteer knows as towns, firms named like people; obituaries, sport, courts, science); ``--gold orgs`` scores
``benchmarks/data/entities_orgs.json`` (round fifteen: council notices, press releases with signature blocks
and addresses, court reports, company results, clubs, science news and charity appeals), made and split the
same way; ``--gold people3`` scores ``benchmarks/data/entities_people3.json`` (round seventeen: obituaries,
court reports, council minutes, match reports, science releases and business wire; given names that are
also countries or cities, "the city of X", bodies named after people), made and split the same way;
``--gold orgs2`` scores ``benchmarks/data/entities_orgs2.json`` (round seventeen: regulator notices,
charity appeals, transport and utility news, league tables and match previews, university research news, EU and
UN bulletins, trade press), made and split the same way; ``--gold precision`` scores
``benchmarks/data/entities_precision.json`` (round eighteen: Wikinews-like and wire copy full of capitalised
words that are no names: Title Case headlines, captions, bylines, results tables, titles alone, demonyms,
events, products), made and split the same way; ``--gold orgs3`` scores
``benchmarks/data/entities_orgs3.json`` (round eighteen: wire stories with capitalised datelines, stock-market
reports, aid-agency appeals, department notices, tech launches, transport strikes, arts funding news), made and
split the same way; ``--gold people4`` scores
``benchmarks/data/entities_people4.json`` (round eighteen: wedding, birth and death notices, ward results, prize
lists, reviews with casts, police appeals, parliamentary questions, charity news; given names that are also
places, words or months, "X of Town", pairs of given names sharing a family name), made and split the same way;
``--gold people5`` scores ``benchmarks/data/entities_people5.json`` (round nineteen: team sheets, prize shortlists,
court lists, "SURNAME, Given" death notices, candidate lists, festival bills, author lists, appointments, cast
lists; given names that are also places or words, most named once), made and split the same way;
``--gold mixed`` scores ``benchmarks/data/entities_mixed.json`` (round nineteen: university and science press
releases, council notices, product recalls, weather warnings, health alerts, book, film and stage listings, police
appeals, Title Case headline lines followed by a dateline), made and split the same way;
``--gold orgs4`` scores ``benchmarks/data/entities_orgs4.json`` (round nineteen: company results and profit
warnings, airline and rail disruption, energy and mining, charity and advice-service reports, tech earnings,
consumer complaints, contract awards; one-word firms, two-word firms with a given name or a place, bodies named
by common words, lists of firms joined by "and"), made and split the same way;
``--gold people6`` scores ``benchmarks/data/entities_people6.json`` (round twenty: defence and government press
releases and defence wire news of many countries: change-of-command notices, citations, lists of awardees and
delegations, photo captions, names after ranks and titles or before a post-nominal, surnames alone later), made
and split the same way; ``--gold orgs5`` scores
``benchmarks/data/entities_orgs5.json`` (round twenty: business wire, consumer news, transport, public-sector
press releases, regulator notices, charity appeals, tech news; one-word firms with no cue word, names that begin
lower-case or end in punctuation, long body names joined by "for", "and" and commas), made and split the same way;
``--gold orgs6`` scores
``benchmarks/data/entities_orgs6.json`` (round twenty-one: travel and transport, fintech and retail, public services,
local government, sport business, science funding; bodies before verbs other than "said", lists of firms, operators
whose names hold a place, airports after "out of", one-word firms given a firm's act), made and split the same way;
``--gold people7`` scores ``benchmarks/data/entities_people7.json`` (round twenty-one: names of many origins with
hyphens and diacritics in local news, courts, health, education, sport, obituaries, captions and bylines without a
final full stop, defence and government releases; ranks before an initial, long titles, "the X administration"),
made and split the same way.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from benchmarks.eval_entities import CLASSES, Scores, score, workbook_predictor
from benchmarks.ner_data import Doc, GoldSpan

__all__ = ["GOLD", "GOLD_SETS", "madeup_docs", "main"]

GOLD = Path(__file__).resolve().parent / "data" / "entities_madeup_styles.json"
GOLD_SETS = {
    "styles": GOLD,
    "world": GOLD.with_name("entities_world.json"),
    "topics": GOLD.with_name("entities_topics.json"),
    "people": GOLD.with_name("entities_people.json"),
    "news14": GOLD.with_name("entities_news14.json"),
    "people2": GOLD.with_name("entities_people2.json"),
    "orgs": GOLD.with_name("entities_orgs.json"),
    "people3": GOLD.with_name("entities_people3.json"),
    "orgs2": GOLD.with_name("entities_orgs2.json"),
    "precision": GOLD.with_name("entities_precision.json"),
    "orgs3": GOLD.with_name("entities_orgs3.json"),
    "people4": GOLD.with_name("entities_people4.json"),
    "people5": GOLD.with_name("entities_people5.json"),
    "mixed": GOLD.with_name("entities_mixed.json"),
    "orgs4": GOLD.with_name("entities_orgs4.json"),
    "people6": GOLD.with_name("entities_people6.json"),
    "orgs5": GOLD.with_name("entities_orgs5.json"),
    "orgs6": GOLD.with_name("entities_orgs6.json"),
    "people7": GOLD.with_name("entities_people7.json"),
}


def madeup_docs(half: str, gold: Path = GOLD) -> list[Doc]:
    """The paragraphs of ``half`` ("tune" or "check") with their gold spans (offsets checked)."""
    docs = []
    for k, row in enumerate(json.loads(gold.read_text(encoding="utf-8"))[half]):
        text = str(row["text"])
        spans = []
        for start, end, surface, kind in row["spans"]:
            if text[start:end] != surface:
                raise ValueError(f"{half} row {k}: {surface!r} is not at {start}:{end}")
            spans.append(GoldSpan(start, end, kind))
        docs.append(Doc(f"{half}-{k}", text, spans, half))
    return docs


def _line(name: str, scores: Scores) -> str:
    parts = [f"{name:<6}"]
    for cls in CLASSES:
        p, r, f = scores.of(cls)
        parts.append(f"{cls} {p:.2f}/{r:.2f}/{f:.2f}")
    p, r, f = scores.typed()
    parts.append(f"typed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return " | ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", choices=tuple(GOLD_SETS), default="styles", help="which made-up set")
    ap.add_argument("--half", choices=("tune", "check", "both"), default="both")
    ap.add_argument("--rules-only", action="store_true", help="the extractor without the learned stage")
    ap.add_argument("--errors", action="store_true", help="print each missed or wrong span (reads the half)")
    args = ap.parse_args(argv)
    predict = workbook_predictor(use_model=not args.rules_only)
    for half in ("tune", "check") if args.half == "both" else (args.half,):
        docs = madeup_docs(half, GOLD_SETS[args.gold])
        print(_line(half, score(docs, predict)))
        if args.errors:
            for d in docs:
                preds = predict(d.text)
                got = {(p.start, p.end, p.type) for p in preds}
                for g in d.spans:
                    hits = [p for p in preds if p.start < g.end and g.start < p.end]
                    if not any(p.start == g.start and p.end == g.end for p in hits) and g.type != "other":
                        seen = ", ".join(f"{d.text[p.start : p.end]!r} {p.type}" for p in hits) or "nothing"
                        print(f"  {d.doc_id} gold {d.text[g.start : g.end]!r} {g.type}: {seen}")
                for s, e, t in sorted(got):
                    if not any(g.start < e and s < g.end for g in d.spans):
                        print(f"  {d.doc_id} extra {d.text[s:e]!r} {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
