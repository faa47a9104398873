"""Readers of the named-entity gold in ``../shared/data`` for the entity benchmarks and training.

* GUM (CoNLL-U): entity spans and types in the MISC column (``Entity=(12-person-...`` opens entity 12
  on a token, ``12)`` closes it; nested), text rebuilt from the tokens with ``SpaceAfter=No``;
  sentences are joined by a space, paragraphs (``# newpar``) by a blank line. A span is a *proper
  name* when all its tokens are PROPN past a leading determiner (a trailing possessive "'s" is allowed:
  GUM puts it inside the possessor's span).
* UniversalNER (IOB2: ``id<TAB>token<TAB>tag<TAB>...``): PER/ORG/LOC spans; the text is each sentence's
  ``# text =`` line, tokens aligned to it; every span counts as a name.

Types are mapped to the extractor's: ``person``, ``organization``, ``place``, and ``other`` for GUM's
proper-name events, objects, abstracts, animals, ... ; GUM ``time`` spans (days, months) are no names
and are dropped. Offsets are characters of :attr:`Doc.text`; ``text[start:end] == surface`` holds.

The seeded split (:func:`split_docs`) fixes which training documents are held out.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "GUM_FILES",
    "TRAINING_CORPORA",
    "UNER_FILES",
    "Doc",
    "GoldSpan",
    "gum_docs",
    "parse_conllu",
    "parse_iob2",
    "split_docs",
    "training_docs",
    "training_files",
    "uner_docs",
]

_ENTITY_ITEM = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")
_GUM_TYPES = {"person": "person", "organization": "organization", "place": "place", "time": ""}
_CONNECTOR_POS = frozenset({"PROPN", "ADP", "DET", "CCONJ", "PART"})
_UNER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    type: str  # person | organization | place | other
    proper: bool = True  # all PROPN past a leading determiner: the spans the benchmark scores
    named: bool = True  # proper nouns (UPOS PROPN or XPOS NNP/NNPS: GUM's "United" is a VERB/NNP) at
    # both ends, only proper nouns and connectors (ADP, DET, CCONJ, 's) between: the training labels


@dataclass
class Doc:
    doc_id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)
    source: str = ""


def _misc(field_: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if field_ == "_":
        return out
    for item in field_.split("|"):
        k, _, v = item.partition("=")
        out[k] = v
    return out


def _align(text: str, forms: Sequence[str]) -> list[tuple[int, int]]:
    """Offsets of ``forms`` in ``text`` (in order; a form not found there takes an empty span)."""
    at = 0
    out: list[tuple[int, int]] = []
    for form in forms:
        i = text.find(form, at)
        if i < 0 or text[at:i].strip():
            out.append((at, at))
            continue
        out.append((i, i + len(form)))
        at = i + len(form)
    return out


def parse_conllu(lines: Iterable[str], source: str = "gum") -> list[Doc]:
    """Documents of a GUM-style CoNLL-U file (see the module docstring). The text is each sentence's
    ``# text =`` line (GUM does not mark every ``SpaceAfter=No``), tokens aligned to it."""
    docs: list[Doc] = []
    doc_id = ""
    parts: list[str] = []
    open_: dict[str, tuple[str, int]] = {}  # eid -> (type, first token index)
    upos: list[str] = []
    xpos: list[str] = []
    tok_spans: list[tuple[int, int]] = []
    raw: list[tuple[str, int, int]] = []  # type, first token, last token (document token indices)
    sent_text = ""
    sent_forms: list[str] = []
    new_par = False

    def end_sentence() -> None:
        nonlocal sent_text, sent_forms, new_par
        if not sent_forms:
            return
        text = sent_text or " ".join(sent_forms)
        base = sum(len(p) for p in parts)
        sep = ("\n\n" if new_par else " ") if parts else ""
        parts.append(sep + text)
        base += len(sep)
        tok_spans.extend((base + a, base + b) for a, b in _align(text, sent_forms))
        sent_text, sent_forms, new_par = "", [], False

    def flush() -> None:
        end_sentence()
        if not doc_id:
            return
        text = "".join(parts)
        spans = set()
        for t, a, b in raw:
            if not t:
                continue
            k = a
            if k < b and upos[k] == "DET":
                k += 1
            last = b
            if last > k and xpos[last] == "POS":
                last -= 1
            proper = all(upos[i] == "PROPN" for i in range(k, last + 1))
            nnp = [upos[i] == "PROPN" or xpos[i] in ("NNP", "NNPS") for i in range(k, last + 1)]
            named = (
                nnp[0]
                and nnp[-1]
                and all(n or upos[i] in _CONNECTOR_POS for n, i in zip(nnp, range(k, last + 1), strict=True))
            )
            s, e = tok_spans[k][0], tok_spans[last][1]
            if e > s:
                spans.add(GoldSpan(s, e, t, proper, named))
        docs.append(Doc(doc_id, text, sorted(spans, key=lambda g: (g.start, g.end, g.type, g.proper, g.named)), source))

    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("# newdoc id ="):
            flush()
            doc_id = line.split("=", 1)[1].strip()
            parts, open_, upos, xpos, tok_spans, raw = [], {}, [], [], [], []
            continue
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            end_sentence()
            new_par = True
            continue
        if line.startswith("# text ="):
            end_sentence()
            sent_text = line.split("=", 1)[1].strip()
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
            continue
        idx = len(upos)
        sent_forms.append(cols[1])
        upos.append(cols[3])
        xpos.append(cols[4])
        for m in _ENTITY_ITEM.finditer(_misc(cols[9]).get("Entity", "")):
            if m.group(1):
                etype = _GUM_TYPES.get(m.group(2), "other")
                if m.group(3):
                    raw.append((etype, idx, idx))
                else:
                    open_[m.group(1)] = (etype, idx)
            elif m.group(4) in open_:
                etype, a = open_.pop(m.group(4))
                raw.append((etype, a, idx))
    flush()
    return docs


def parse_iob2(lines: Iterable[str], source: str = "uner") -> list[Doc]:
    """Documents of a UniversalNER IOB2 file (see the module docstring)."""
    docs: list[Doc] = []
    cur: Doc | None = None
    sent_text = ""
    toks: list[tuple[str, str]] = []

    def end_sentence() -> None:
        nonlocal sent_text, toks
        if cur is None or not toks:
            sent_text, toks = "", []
            return
        text = sent_text or " ".join(t for t, _ in toks)
        base = len(cur.text) + (1 if cur.text else 0)
        cur.text = f"{cur.text} {text}" if cur.text else text
        at = 0
        offsets: list[tuple[int, int]] = []
        for tok, _ in toks:
            i = text.find(tok, at)
            if i < 0:  # a token the sentence line spells differently: keep the alignment going
                i = at
            offsets.append((base + i, base + i + len(tok) if i >= at else base + at))
            at = i + len(tok)
        span_start = -1
        span_type = ""
        for k, ((_, tag), (s, e)) in enumerate(zip(toks, offsets, strict=True)):
            inside = tag.startswith("I-") and span_start >= 0 and tag[2:] == span_type
            if not inside and span_start >= 0:
                cur.spans.append(GoldSpan(span_start, offsets[k - 1][1], _UNER_TYPES[span_type]))
                span_start = -1
            if tag.startswith("B-") or (tag.startswith("I-") and span_start < 0):
                span_start, span_type = s, tag[2:]
            del e
        if span_start >= 0:
            cur.spans.append(GoldSpan(span_start, offsets[-1][1], _UNER_TYPES[span_type]))
        sent_text, toks = "", []

    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("# newdoc id ="):
            end_sentence()
            cur = Doc(line.split("=", 1)[1].strip(), "", [], source)
            docs.append(cur)
        elif line.startswith("# text ="):
            sent_text = line.split("=", 1)[1].strip()
        elif not line:
            end_sentence()
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cur is None:
                cur = Doc(f"{source}-{len(docs)}", "", [], source)
                docs.append(cur)
            tag = cols[2] if cols[2] in ("O",) or cols[2][2:] in _UNER_TYPES else "O"
            toks.append((cols[1], tag))
    end_sentence()
    for d in docs:
        d.spans = [s for s in d.spans if d.text[s.start : s.end].strip()]
    return [d for d in docs if d.text]


#: the files each corpus's reader reads from its folder
GUM_FILES, UNER_FILES = "*.conllu", "*.iob2"
#: the training corpora under the data folder (:func:`training_docs`), with the files read from each
TRAINING_CORPORA: tuple[tuple[str, str], ...] = (
    ("gum-train_amir-zeldes", GUM_FILES),
    ("uner-ewt_universalner", UNER_FILES),
)


def gum_docs(folder: Path) -> list[Doc]:
    """Every GUM document in ``folder`` (``*.conllu``), in file-name order."""
    out: list[Doc] = []
    for path in sorted(folder.glob(GUM_FILES)):
        with path.open(encoding="utf-8") as fh:
            out += parse_conllu(fh, source=folder.name)
    return out


def uner_docs(folder: Path) -> list[Doc]:
    """Every UniversalNER document in ``folder`` (``*.iob2``), in file-name order."""
    out: list[Doc] = []
    for path in sorted(folder.glob(UNER_FILES)):
        with path.open(encoding="utf-8") as fh:
            out += parse_iob2(fh, source=folder.name)
    return out


def split_docs(docs: Sequence[Doc], held_out: float = 0.2, seed: int = 12) -> tuple[list[Doc], list[Doc]]:
    """(train, held out): a seeded shuffle of the document ids, the last ``held_out`` share held out."""
    ids = sorted(d.doc_id for d in docs)
    random.Random(seed).shuffle(ids)
    n_out = round(len(ids) * held_out)
    out_ids = set(ids[len(ids) - n_out :])
    return [d for d in docs if d.doc_id not in out_ids], [d for d in docs if d.doc_id in out_ids]


def training_docs(data: Path, seed: int = 12) -> tuple[list[Doc], list[Doc]]:
    """(train, held out) from ``gum-train_amir-zeldes`` and ``uner-ewt_universalner`` under ``data``:
    each corpus split by :func:`split_docs` with the same seed. GUM news is never part of it."""
    train: list[Doc] = []
    held: list[Doc] = []
    (gum, _), (uner, _) = TRAINING_CORPORA
    for docs in (gum_docs(data / gum), uner_docs(data / uner)):
        a, b = split_docs(docs, seed=seed)
        train += a
        held += b
    return train, held


def training_files(data: Path) -> list[Path]:
    """Every file :func:`training_docs` reads under ``data``, in the order it reads them."""
    return [p for folder, pattern in TRAINING_CORPORA for p in sorted((data / folder).glob(pattern))]
