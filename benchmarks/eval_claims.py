"""Quote and speaker quality: the share of reported speech found with the right speaker.

Gold: ``tests/data/quotes_gold.json`` (how it was made: ``benchmarks/RESULTS.md``, "Extraction
quality — quotes and speakers"). Each instance is a passage of reported speech in a GUM document
(``dev``: the Wikinews interviews of ``gum-train_amir-zeldes``; ``heldout``: the Wikinews news
articles of ``gum-news_amir-zeldes``), given as a snippet of the quote or reported content with
its offsets in the text rebuilt from the CoNLL-U tokens (:func:`conllu_text`), the speaker's full
name (``null`` when the text names none: "officials", "the report", an unnamed poster) and its kind
(direct or indirect). ``--others`` adds ``benchmarks/data/quotes_dev_others.json``: real text by others
(GUM biographies, court and academic texts; English Web Treebank weblogs, newsgroups and e-mails of
``uner-ewt_universalner``), split by document into a tuning part and a part not looked at. ``--fresh``
adds ``benchmarks/data/quotes_fresh6.json``: a never-read set of round six (GUM court transcripts and
papers, EWT newsgroups); ``--fresh8`` round eight's (``quotes_fresh8.json``: unused CSIS descriptions,
two Wikinews interviews); ``--fresh9`` round nine's (``quotes_fresh9.json``: other unused CSIS
descriptions, five unused Wikinews interviews); ``--fresh10`` round ten's
(``quotes_fresh10.json``: 50 more unused CSIS descriptions, 20 made-up
press-release and wire paragraphs); ``--fresh11`` round eleven's (``quotes_fresh11.json``: the last
unused CSIS descriptions with reported speech, eight KCNA 2012 stories of ``kcna-headlines_xmarquez``
read with :mod:`benchmarks.rdata`, 22 made-up paragraphs by publishers no set had); ``--fresh12`` round
twelve's (``quotes_fresh12.json``: 20 made-up paragraphs weighted to direct quotes and eight launch
descriptions of ``nk-missile-tests_nagix``, in a tuning part ``fresh12`` and a part ``fresh12-check`` not
read until the round's end); ``--fresh13`` round thirteen's (``quotes_fresh13.json``: 15 made-up
features, obituaries, parliamentary, NGO and sport paragraphs, in a tuning part ``fresh13`` and a part
``fresh13-check`` not read until the round's end); ``--fresh14`` round fourteen's (``quotes_fresh14.json``:
20 made-up wire and government-release paragraphs — quotes over paragraphs, lists of reactions, speakers
named by role, bodies and documents that speak, briefings —, in a tuning part ``fresh14`` and a part
``fresh14-check`` not read until the round's end); ``--fresh15`` round fifteen's (``quotes_fresh15.json``: 12
made-up news and release paragraphs — spokesmen of bodies, documents after their issuer, "called it", "X's office
said" —, in a tuning part ``fresh15`` and a part ``fresh15-check`` not read until the round's end); ``--fresh16``
round sixteen's (``quotes_fresh16.json``: 12 made-up news and interview paragraphs on sport, courts, health,
science, local politics and culture — speakers after the quote, appositives before the cue, split quotes, roles
named later —, in a tuning part ``fresh16`` and a part ``fresh16-check`` not read until the round's end);
``--fresh17`` round eighteen's (``quotes_fresh17.json``: 14 made-up court, council, regulator, family, university,
hospital, sports-club and foreign-ministry paragraphs, in a tuning part ``fresh17`` and a part ``fresh17-check`` not
read until the round's end);
``--fresh18`` round nineteen's (``quotes_fresh18.json``: 12 made-up features, reviews, sketches, science, results-call
and post-match paragraphs — quoted phrases inside sentences, gerund cues, passive speech with an agent, quotes over
paragraphs —, in a tuning part ``fresh18`` and a part ``fresh18-check`` not read until the round's end);
``--fresh19`` round twenty's (``quotes_fresh19.json``: 13 made-up match reports, union, farming, fisheries, earnings,
planning, aid-agency and wire paragraphs — titles before a name, long attributions, departments named by "and" —, in
a tuning part ``fresh19`` and a part ``fresh19-check`` not read until the round's end);
``--fresh20`` round twenty-one's (``quotes_fresh20.json``: 11 made-up interview write-ups with question-and-answer
turns, press conferences with several speakers, obituaries, court verdicts, health advice and consumer pieces, in a
tuning part ``fresh20`` and a part ``fresh20-check`` not read until the round's end);
``--fresh21`` round twenty-two's (``quotes_fresh21.json``: 8 made-up British and Irish court, council, sport, business,
science, local and health stories quoted in single quotation marks, with apostrophes everywhere, in a tuning part
``fresh21`` and a part ``fresh21-check`` not read until the round's end);
``--fresh22`` round twenty-three's (``quotes_fresh22.json``: 10 made-up features quoting one person over several
paragraphs, council and Commons committee reports, court reports quoting unnamed lawyers and relatives, science news
quoting surveys and studies, statements read out, in a tuning part ``fresh22`` and a part ``fresh22-check``);
``--fresh23`` round twenty-four's (``quotes_fresh23.json``: 11 made-up ministry, armed-forces, coast guard, police, NATO
and UN releases, a briefing transcript, a base-newspaper feature and a contract release, ranks and units around
names, in a tuning part ``fresh23`` and a part ``fresh23-check`` not read until the round's end);
``--fresh24`` round twenty-five's (``quotes_fresh24.json``: 11 made-up defence, ministry, corporate, NGO and court
texts — bodies named again by their kind, surveys and figures that speak, statement blocks, U+2011 hyphens —, in a
tuning part ``fresh24`` and a part ``fresh24-check`` not read until the round's end);
``--fresh25`` round twenty-one's quotes26 (``quotes_fresh25.json``: 11 made-up council, police, charity, regulator,
union, EU and UN body, defence ministry, club and research texts — bodies named again by a kind noun that is not a
legal form, "Its lead researcher, X of Y, said:" —, in a tuning part ``fresh25`` and a part ``fresh25-check``).
``--csis`` adds ``benchmarks/data/quotes_csis.json``: a
never-read set in the hidden set's domain (defence and security prose by others: CSIS descriptions of
North Korean launches, read from ``../shared/data``). ``--stages`` counts each missed instance by the
first stage of the extractor that loses it (:mod:`benchmarks.quote_stages`) and, for a cue that gave no
claim, the rule that refused it (the extractor's refusal trace); ``--tune-parts`` scores only the sets
rules may be written from.

Scoring: an instance is *found* when a claim of the default extractor covers at least half of the
snippet; its speaker is *right* when the claim's speaker as shown (the entity's name, else the
speaker text) holds every word of the gold name (titles may be extra: "Adm. Tom Reed" for "Tom
Reed"), or is a gold alias ("KCNA"), or, for a name of two words or more, is a tail of it ("State
Department" for "US State Department"). A gold ``null`` is right when the claim has no speaker
entity. Run::

    PYTHONPATH=. python benchmarks/eval_claims.py [--data ../shared/data] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from benchmarks.corpora import CSIS_TABLE, csis_rows, nagix_descriptions
from benchmarks.quote_stages import STAGES, cue_near, cue_word, refusal_near, stage_of, top_words, wrong_cause
from benchmarks.rdata import kcna_2012_story
from workbook.extract.base import ClaimRecord, DocumentInput, Extraction
from workbook.extract.claims import extract_claims
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.sentences import Sentence, split_sentences
from workbook.extract.speaker_fullname import fuller_name
from workbook.ingest.normalise import normalise_text

__all__ = [
    "as_built",
    "conllu_text",
    "document_text",
    "evaluate",
    "load_gold",
    "main",
    "miss_kind",
    "shown_speaker",
    "speaker_right",
]

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "quotes_gold.json"
PRESS_GOLD = ROOT / "tests" / "data" / "quotes_dev_pressreleases.json"
WIRE_GOLD = ROOT / "tests" / "data" / "quotes_dev_wire.json"
NEWS_GOLD = ROOT / "tests" / "data" / "quotes_dev_news.json"
OTHERS_GOLD = ROOT / "benchmarks" / "data" / "quotes_dev_others.json"
FRESH_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh6.json"
FRESH8_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh8.json"
FRESH9_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh9.json"
FRESH10_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh10.json"
FRESH11_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh11.json"
FRESH12_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh12.json"
FRESH13_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh13.json"
FRESH14_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh14.json"
FRESH15_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh15.json"
FRESH16_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh16.json"
FRESH17_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh17.json"
FRESH18_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh18.json"
FRESH19_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh19.json"
FRESH20_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh20.json"
FRESH21_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh21.json"
FRESH22_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh22.json"
FRESH23_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh23.json"
FRESH24_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh24.json"
FRESH25_GOLD = ROOT / "benchmarks" / "data" / "quotes_fresh25.json"
CSIS_GOLD = ROOT / "benchmarks" / "data" / "quotes_csis.json"
MISS_KINDS = ("not found", "no speaker", "unresolved", "wrong speaker")
#: The gold files scored on request, in load order around the real-text set: (name of their flags,
#: file, the part ``--only-NAME`` scores or None for the whole file, what the file is).
DEV_FILES: tuple[tuple[str, Path, str | None, str], ...] = (
    ("press", PRESS_GOLD, None, "the press-release dev set"),
    ("wire", WIRE_GOLD, None, "the wire dev set"),
    ("news", NEWS_GOLD, None, "the news dev set"),
)
FRESH_FILES: tuple[tuple[str, Path, str | None, str], ...] = (
    ("fresh", FRESH_GOLD, None, "the never-read round-six set"),
    ("fresh8", FRESH8_GOLD, None, "the never-read round-eight set"),
    ("fresh9", FRESH9_GOLD, None, "the never-read round-nine set"),
    ("fresh10", FRESH10_GOLD, None, "the never-read round-ten set"),
    ("fresh11", FRESH11_GOLD, None, "the never-read round-eleven set"),
    ("fresh12", FRESH12_GOLD, "fresh12", "the round-twelve set's tuning part (not its check part)"),
    ("fresh13", FRESH13_GOLD, "fresh13", "the round-thirteen set's tuning part (not its check part)"),
    ("fresh14", FRESH14_GOLD, "fresh14", "the round-fourteen set's tuning part (not its check part)"),
    ("fresh15", FRESH15_GOLD, "fresh15", "the round-fifteen set's tuning part (not its check part)"),
    ("fresh16", FRESH16_GOLD, "fresh16", "the round-sixteen set's tuning part (not its check part)"),
    ("fresh17", FRESH17_GOLD, "fresh17", "the round-eighteen set's tuning part (not its check part)"),
    ("fresh18", FRESH18_GOLD, "fresh18", "the round-nineteen set's tuning part (not its check part)"),
    ("fresh19", FRESH19_GOLD, "fresh19", "the round-twenty set's tuning part (not its check part)"),
    ("fresh20", FRESH20_GOLD, "fresh20", "the round-twenty-one set's tuning part (not its check part)"),
    ("fresh21", FRESH21_GOLD, "fresh21", "the round-twenty-two set's tuning part (not its check part)"),
    ("fresh22", FRESH22_GOLD, "fresh22", "the round-twenty-three set's tuning part (not its check part)"),
    ("fresh23", FRESH23_GOLD, "fresh23", "the round-twenty-four set's tuning part (not its check part)"),
    ("fresh24", FRESH24_GOLD, "fresh24", "the round-twenty-five set's tuning part (not its check part)"),
    ("fresh25", FRESH25_GOLD, "fresh25", "round twenty-one quotes26's set's tuning part (not its check part)"),
    ("csis", CSIS_GOLD, None, "the never-read CSIS set"),
)
#: Every fresh set's scored parts in load order (a set with a tuning part also has its "-check" part).
_FRESH_SETS = tuple(
    part
    for name, _, tune, _ in FRESH_FILES
    if name != "csis"
    for part in ((name, f"{name}-check") if tune else (name,))
)
SETS = ("press", "wire", "news", "others-tune", "others-check", "dev", *_FRESH_SETS, "csis", "heldout")
#: The sets never read: only their scores are printed, rules are not written from them.
NEVER_READ = ("others-check", *_FRESH_SETS, "csis", "heldout")
FOLDERS = {"dev": "gum-train_amir-zeldes", "heldout": "gum-news_amir-zeldes"}
UNER_FOLDER = "uner-ewt_universalner"
_WORDS = re.compile(r"[\w]+(?:[.'’-][\w]+)*")


def conllu_text(path: Path) -> str:
    """The text of a GUM CoNLL-U file: surface tokens (multi-word tokens as written) joined by the
    SpaceAfter marks, sentences of a paragraph by one space, paragraphs by a blank line."""
    paras: list[str] = []
    cur: list[str] = []
    sent: list[str] = []
    skip_to = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            if cur:
                paras.append(" ".join(cur))
                cur = []
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if sent:
                cur.append("".join(sent).strip())
                sent = []
        else:
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            space = "" if "SpaceAfter=No" in cols[9] else " "
            if "-" in cols[0]:
                skip_to = int(cols[0].split("-")[1])
                sent.append(cols[1] + space)
                continue
            if int(cols[0]) <= skip_to:
                continue
            skip_to = 0
            sent.append(cols[1] + space)
    if sent:
        cur.append("".join(sent).strip())
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)


def document_text(data: Path, set_name: str, doc: str, uner: dict[Path, dict[str, str]] | None = None) -> str:
    """The text a gold instance's offsets index: a GUM document rebuilt from its CoNLL-U tokens
    (:func:`conllu_text`; ``GUM_*`` documents of the other sets are in ``gum-train_amir-zeldes``), or
    an English Web Treebank document of UniversalNER (its sentences' ``# text =`` lines joined by a
    space, :func:`benchmarks.ner_data.uner_docs`). ``uner``: the caller's cache of the UniversalNER
    texts per folder, so that the files are read once."""
    if set_name in FOLDERS:
        return conllu_text(data / FOLDERS[set_name] / f"{doc}.conllu")
    if set_name == "csis":
        return csis_description(data, int(doc))
    if doc.startswith("csis-"):
        return csis_description(data, int(doc.removeprefix("csis-")))
    if doc.startswith("nagix-"):
        return nagix_descriptions(data)[int(doc.removeprefix("nagix-"))]
    if doc.startswith("kcna2012-"):
        return kcna_2012_story(data, int(doc.removeprefix("kcna2012-")))
    if doc.startswith("GUM_"):
        return conllu_text(data / FOLDERS["dev"] / f"{doc}.conllu")
    folder = data / UNER_FOLDER
    cache = {} if uner is None else uner
    if folder not in cache:
        from benchmarks.ner_data import uner_docs

        cache[folder] = {d.doc_id: d.text for d in uner_docs(folder)}
    return cache[folder][doc]


def csis_description(data: Path, row: int) -> str:
    """The description of row ``row`` (0-based) of the CSIS provocations table in ``data``."""
    rows = csis_rows(data)
    if not 0 <= row < len(rows):
        raise SystemExit(f"{CSIS_TABLE} has no row {row}")
    return rows[row]["description"]


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The instances of a gold file; a gold that carries its own texts (``documents``: made-up press
    releases) gives each instance its document's text under ``doc_text``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    instances: list[dict[str, Any]] = data["instances"]
    documents: dict[str, str] = data.get("documents", {})
    for g in instances:
        if g["doc"] in documents:
            g["doc_text"] = documents[g["doc"]]
    return instances


def _norm(name: str) -> list[str]:
    return [w for w in _WORDS.findall(name.casefold().replace("’", "'")) if w not in ("the", "a", "an")]


def speaker_right(gold: str | None, aliases: list[str], key: str | None, shown: str | None) -> bool:
    """Is the predicted speaker (entity ``key``, ``shown`` text) the gold speaker?"""
    if gold is None:
        return key is None
    if not shown:
        return False
    g, p = _norm(gold), _norm(shown)
    if set(g) <= set(p) or any(_norm(a) == p for a in aliases):
        return True
    return len(p) >= 2 and set(p) <= set(g) and p[-1] == g[-1]


def shown_speaker(claim: ClaimRecord, names: dict[str, str]) -> str | None:
    """The speaker a claims table shows: the entity's name, or the fuller name the document writes
    for that person (``workbook.assemble`` keeps it the same way), else the speaker text."""
    if claim.speaker_key is None:
        return claim.speaker_text
    return fuller_name(names.get(claim.speaker_key, claim.speaker_text), claim.speaker_text)


def as_built(text: str) -> tuple[str, Callable[[int], int]]:
    """The text a build extracts from (``text`` through the ingest normaliser,
    :func:`workbook.ingest.normalise.normalise_text`: U+2011 hyphens made plain, doubled quotes undone,
    glued words split) and a map of an offset of ``text`` to the same place in it."""
    seen = normalise_text(text).text
    if seen == text:
        return text, lambda i: i
    starts: list[int] = []  # per block of ``text`` that the normaliser kept, where it starts in each text
    shift: list[int] = []
    for tag, i1, _, j1, _ in SequenceMatcher(None, text, seen, autojunk=False).get_opcodes():
        if tag == "equal":
            starts.append(i1)
            shift.append(j1 - i1)

    def where(i: int) -> int:
        k = bisect_right(starts, i) - 1
        return min(len(seen), max(0, i + (shift[k] if k >= 0 else 0)))

    return seen, where


def _extract(doc: str, text: str, extractor: DefaultExtractor) -> Extraction:
    return extractor.extract(DocumentInput(doc_id=doc, text=text))


Counts = dict[str, dict[str, tuple[int, int, int]]]


def miss_kind(found: bool, gold: str | None, claim: ClaimRecord | None, shown: str | None) -> str:
    """Why an instance was missed: no claim covers it (``not found``); the claim has no speaker at
    all (``no speaker``); the speaker was written ("he", "the spokesman") but not resolved to a name
    (``unresolved``); or another speaker was chosen (``wrong speaker``, also a name given where the
    gold names nobody)."""
    if not found or claim is None:
        return "not found"
    if gold is not None and claim.speaker_key is None:
        if claim.speaker_as_written and (not shown or _norm(shown) == _norm(claim.speaker_as_written)):
            written = _norm(claim.speaker_as_written)
            if claim.speaker_as_written[:1].islower() or (written and written[0] in _PRONOUNS):
                return "unresolved"
        if not shown:
            return "no speaker"
    return "wrong speaker"


_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})


def evaluate(
    data: Path,
    gold: list[dict[str, Any]],
    *,
    show: bool = False,
    misses: dict[str, dict[str, int]] | None = None,
    stages: dict[str, list[tuple[str, str, str]]] | None = None,
) -> Counts:
    """Per set and kind (and "all"): (instances, found, found with the right speaker). ``misses``,
    when given, is filled with the count of each :func:`miss_kind` per set; ``stages`` with each
    missed instance's (stage, cue word, the rule that refused the cue) per set
    (:mod:`benchmarks.quote_stages`)."""
    extractor = DefaultExtractor()
    by_doc: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_doc[(g["set"], g["doc"])].append(g)
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    uner: dict[Path, dict[str, str]] = {}
    for (set_name, doc), items in sorted(by_doc.items()):
        text = items[0].get("doc_text") or document_text(data, set_name, doc, uner)
        seen, where = as_built(text)
        ex = _extract(doc, seen, extractor)
        names = {e.key: e.name for e in ex.entities}
        sentences: list[Sentence] = []  # split once per document, when a miss needs them
        refusals: list[tuple[int, str]] | None = None  # the claim rules traced, when a miss needs it
        for g in items:
            s, e = g["start"], g["end"]
            if text[s:e] != g["text"]:
                raise SystemExit(f"gold offsets of {doc} do not match the rebuilt text: {g['text']!r}")
            s, e = where(s), where(e)
            best = max(ex.claims, key=lambda c: min(c.end, e) - max(c.start, s), default=None)
            overlap = best is not None and min(best.end, e) - max(best.start, s) > 0
            found = best is not None and min(best.end, e) - max(best.start, s) >= (e - s) / 2
            shown = None
            right = False
            if found and best is not None:
                shown = shown_speaker(best, names)
                right = speaker_right(g["speaker"], g.get("aliases", []), best.speaker_key, shown)
            for kind in (g["kind"], "all"):
                row = counts[set_name][kind]
                row[0] += 1
                row[1] += int(found)
                row[2] += int(right)
            why = miss_kind(found, g["speaker"], best if found else None, shown)
            if misses is not None and not right:
                misses.setdefault(set_name, {}).setdefault(why, 0)
                misses[set_name][why] += 1
            stage = refused = ""
            if stages is not None and not right:
                sentences = sentences or split_sentences(seen)
                stage = stage_of(cue_near(seen, sentences, s, e), overlap, found, why)
                if stage == STAGES[1]:
                    if refusals is None:
                        refusals = []
                        extract_claims(seen, sentences, ex.entities, ex.mentions, refusals=refusals)
                    refused = refusal_near(refusals, sentences, s, e)
                elif stage in STAGES[3:]:  # found, the speaker wrong: why
                    refused = wrong_cause(g["speaker"], shown, best.speaker_as_written if best else None)
                stages.setdefault(set_name, []).append((stage, cue_word(seen, s), refused))
            if show and not right:
                print(
                    f"  miss {set_name} {doc} {stage}{' / ' + refused if refused else ''}: {g['text'][:60]!r} "
                    f"gold={g['speaker']!r} "
                    f"found={found} shown={shown!r}"
                    f" written={best.speaker_as_written if found and best else None!r}"
                    + ("" if found and shown else f"\n    before: {' '.join(seen[max(0, s - 160) : s].split())!r}")
                )
    return {k: {kind: (r[0], r[1], r[2]) for kind, r in v.items()} for k, v in counts.items()}


def kcna_speakers(data: Path, top: int = 25, *, as_ingested: bool = True) -> list[tuple[str, int]]:
    """The ``top`` speakers as shown (``speaker_text``, the entity's name when resolved) of the claims
    found in the KCNA 2024 archive, with their claim counts. ``as_ingested``: the story texts as a
    build reads them (glued words split, :func:`workbook.ingest.normalise.normalise_text`); else as
    they are in the file (how rounds one and two measured)."""
    stories = json.loads((data / "kcna-archive_stiles" / "headlines_2024-11-11.json").read_text(encoding="utf-8"))
    extractor = DefaultExtractor()
    counts: dict[str, int] = defaultdict(int)
    for n, story in enumerate(stories):
        text = story.get("story_text") or ""
        if not text.strip():
            continue
        if as_ingested:
            text = normalise_text(text).text
        ex = _extract(f"kcna-{n}", text, extractor)
        names = {e.key: e.name for e in ex.entities}
        for c in ex.claims:
            shown = shown_speaker(c, names)
            if shown:
                counts[shown] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def _requested(args: argparse.Namespace, files: tuple[tuple[str, Path, str | None, str], ...]) -> list[dict[str, Any]]:
    """The instances of each file asked for by ``--NAME`` (all of it) or ``--only-NAME`` (its named part)."""
    gold: list[dict[str, Any]] = []
    for name, path, part, _ in files:
        whole, only = getattr(args, name), getattr(args, f"only_{name}")
        if whole or only:
            gold += [g for g in load_gold(path) if whole or part is None or g["set"] == part]
    return gold


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--gold", type=Path, default=GOLD)
    for name, path, _, what in DEV_FILES + FRESH_FILES:
        parser.add_argument(f"--{name}", action="store_true", help=f"also score {path.name}")
        parser.add_argument(f"--only-{name}", action="store_true", help=f"score only {what}")
    parser.add_argument("--others", action="store_true", help=f"also score {OTHERS_GOLD.name} (real text)")
    parser.add_argument("--only-others", action="store_true", help="score only the real-text dev set")
    parser.add_argument("--only-tune", action="store_true", help="of the real-text set, score only its tuning part")
    parser.add_argument("--no-heldout", action="store_true", help="skip the held-out set (while developing)")
    parser.add_argument(
        "--tune-parts",
        action="store_true",
        help="score only the sets rules may be written from: press, wire, news, the real-text tuning part, GUM dev",
    )
    parser.add_argument("--miss-kinds", action="store_true", help="count the misses per kind")
    parser.add_argument(
        "--stages", action="store_true", help="count the misses by the first stage that loses them (quote_stages)"
    )
    parser.add_argument("--kcna-raw", action="store_true", help="KCNA story texts as in the file (not normalised)")
    parser.add_argument("--show", action="store_true", help="print every instance missed")
    parser.add_argument("--kcna", action="store_true", help="also print the top 25 speakers of the KCNA archive")
    args = parser.parse_args(argv)
    if args.kcna:
        print(f"KCNA 2024, top 25 speakers as shown ({'texts as in the file' if args.kcna_raw else 'as ingested'}):")
        print("; ".join(f"{name} {n}" for name, n in kcna_speakers(args.data, as_ingested=not args.kcna_raw)))
    files = DEV_FILES + FRESH_FILES
    only = args.only_others or args.only_tune or any(getattr(args, f"only_{name}") for name, *_ in files)
    gold = [] if only else load_gold(args.gold)
    if args.no_heldout or args.tune_parts:
        gold = [g for g in gold if g["set"] != "heldout"]
    if args.tune_parts:
        args.press = args.wire = args.news = args.only_tune = True
    gold += _requested(args, DEV_FILES)
    if args.others or args.only_others or args.only_tune:
        gold += [g for g in load_gold(OTHERS_GOLD) if not args.only_tune or g["set"] == "others-tune"]
    gold += _requested(args, FRESH_FILES)
    misses: dict[str, dict[str, int]] = {}
    stages: dict[str, list[tuple[str, str, str]]] = {}
    result = evaluate(args.data, gold, show=args.show, misses=misses, stages=stages if args.stages else None)
    print(f"{'set':12} {'kind':9} {'n':>4} {'found':>7} {'right speaker':>14}")
    for set_name in SETS:
        for kind in ("direct", "indirect", "all"):
            n, found, right = result.get(set_name, {}).get(kind, (0, 0, 0))
            if n:
                print(f"{set_name:12} {kind:9} {n:4d} {found / n:7.0%} {right / n:14.0%}")
    if args.miss_kinds:
        print(
            "misses by kind: "
            + "; ".join(
                f"{set_name}: " + ", ".join(f"{k} {misses[set_name].get(k, 0)}" for k in MISS_KINDS)
                for set_name in SETS
                if set_name in misses
            )
        )

    if args.stages:
        _print_stages(stages)


def _print_stages(stages: dict[str, list[tuple[str, str, str]]]) -> None:
    """The misses per set by first lost stage; over the tuning parts (every set but the check,
    fresh and held-out ones) the words that report the instances of the first two stages; for each
    set the rules that refused the cue of the instances of the second stage ("cue, no claim") and
    the causes of a wrong speaker (:func:`benchmarks.quote_stages.wrong_cause`)."""
    print("misses by first lost stage: " + " | ".join(STAGES))
    tune: list[tuple[str, str, str]] = []
    for set_name in SETS:
        rows = stages.get(set_name, [])
        if not rows:
            continue
        counts = [sum(1 for st, _, _ in rows if st == stage) for stage in STAGES]
        print(f"  {set_name:12} " + " | ".join(f"{c:3d}" for c in counts) + f"   ({len(rows)} missed)")
        if set_name not in NEVER_READ:
            tune += rows
    if tune:
        counts = [sum(1 for st, _, _ in tune if st == stage) for stage in STAGES]
        print(f"  {'tune parts':12} " + " | ".join(f"{c:3d}" for c in counts) + f"   ({len(tune)} missed)")
        for stage in STAGES[:2]:
            words = [w for st, w, _ in tune if st == stage]
            if words:
                print(f"  tune parts, {stage}: word before the reported words: {top_words(words)}")
    groups = [("tune parts", tune)] + [(n, stages[n]) for n in NEVER_READ if n in stages]
    for name, rows in groups:
        reasons = [why for st, _, why in rows if st == STAGES[1]]
        if reasons:
            print(f"  {name}, {STAGES[1]}, by the rule that refused the cue:")
            for why, k in Counter(reasons).most_common():
                print(f"    {k:3d}  {why}")
        causes = [why for st, _, why in rows if st in STAGES[3:]]
        if causes:
            print(f"  {name}, found with the wrong speaker ({STAGES[3]} + {STAGES[4]}), by cause:")
            for why, k in Counter(causes).most_common():
                print(f"    {k:3d}  {why}")


if __name__ == "__main__":
    main()
