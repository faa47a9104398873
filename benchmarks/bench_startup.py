"""What a fresh process pays before its first document is extracted, piece by piece, in CPU seconds.

Each run is a new Python process that measures, in order, with ``time.process_time``:

* the third-party libraries ``import workbook`` pulls in (numpy, pyarrow, pandas), imported first;
* ``import workbook`` (the rest of it);
* ``import workbook.extract.pipeline`` (the extractor's modules, their word lists and patterns);
* the built-in gazetteer (:func:`workbook.extract.gazetteer.builtin_gazetteer`);
* the entity model's weights (:func:`workbook.extract.ner_model.default_entity_model`);
* ``DefaultExtractor()``;
* the first document extracted, then the same document again (the difference is what is built lazily
  on first use: caches, the featurizer's first words);

and, across all of those, the CPU spent compiling regular expressions (``re`` and the ``regex``
module's compile calls, timed where they are made), in the garbage collector (a full collection, about
0.05 s, lands in whichever piece allocates past the threshold) and the whole process's CPU (``getrusage``, the
interpreter's own start included), with bytecode cached as in an installed package (a first run per
tree writes it and is not counted). With ``--trees`` the runs alternate between source trees (e.g. main
exported by ``git archive`` beside the working copy), a fresh process each, and the table shows each
piece's median per tree.

    .venv/bin/python benchmarks/bench_startup.py                                  # this tree, 5 runs
    .venv/bin/python benchmarks/bench_startup.py --trees main=/tmp/main branch=. --runs 7
    .venv/bin/python benchmarks/bench_startup.py --trees main=/tmp/main branch=. --build kcna-2024 --runs 3

``--build CORPUS`` also times ``workbook build`` of a corpus of ``corpora.py`` in a fresh process per
tree (process CPU of the child, alternating), as a user runs it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "000_835897a5739e6757.txt"

PIECES = (
    "numpy, pyarrow, pandas imported",
    "import workbook (the rest)",
    "import workbook.extract.pipeline",
    "built-in gazetteer",
    "entity model weights",
    "DefaultExtractor()",
    "first document",
    "same document again (warm)",
    "regular expressions compiled (within the above)",
    "garbage collection (within the above)",
    "whole process (getrusage, interpreter included)",
)


def _timed_compiles(total: list[float]) -> None:
    """Add the CPU of every ``re``/``regex`` pattern compiled from now on to ``total[0]``."""
    import re

    def wrap(module: Any, name: str) -> None:
        inner = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                total[0] += time.process_time() - t

        setattr(module, name, timed)

    wrap(re, "_compile")
    try:
        import regex

        wrap(regex.regex, "_compile")
    except ImportError:
        pass


def one_run(doc: Path) -> dict[str, float]:
    """The pieces of one fresh process (this one), CPU seconds."""
    regex_cpu = [0.0]
    _timed_compiles(regex_cpu)
    gc_cpu = [0.0, 0.0]  # total, start of the current collection

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_cpu[1] = time.process_time()
        else:
            gc_cpu[0] += time.process_time() - gc_cpu[1]

    gc.callbacks.append(on_gc)
    out: dict[str, float] = {}
    clock = time.process_time

    t = clock()
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    out[PIECES[0]] = clock() - t
    t = clock()
    import workbook  # noqa: F401

    out[PIECES[1]] = clock() - t
    t = clock()
    from workbook.extract.base import DocumentInput
    from workbook.extract.pipeline import DefaultExtractor

    out[PIECES[2]] = clock() - t
    t = clock()
    from workbook.extract.gazetteer import builtin_gazetteer

    builtin_gazetteer()
    out[PIECES[3]] = clock() - t
    t = clock()
    from workbook.extract.ner_model import default_entity_model

    default_entity_model()
    out[PIECES[4]] = clock() - t
    t = clock()
    extractor = DefaultExtractor()
    out[PIECES[5]] = clock() - t
    text = doc.read_text(encoding="utf-8")
    t = clock()
    extractor.extract(DocumentInput("first", text))
    out[PIECES[6]] = clock() - t
    t = clock()
    extractor.extract(DocumentInput("again", text))
    out[PIECES[7]] = clock() - t
    out[PIECES[8]] = regex_cpu[0]
    out[PIECES[9]] = gc_cpu[0]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out[PIECES[10]] = usage.ru_utime + usage.ru_stime
    return out


def _env(tree: Path) -> dict[str, str]:
    """The child's environment: ``tree`` first on the path, and bytecode written and read as in an
    installed package (with ``PYTHONDONTWRITEBYTECODE`` set, a tree without ``__pycache__`` compiles
    every module from source in every process: 0.1-0.3 CPU-s that no user pays)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    return env


def _child(tree: Path, doc: Path) -> dict[str, float]:
    env = _env(tree)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", "--doc", str(doc)]
    done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _build_cpu(tree: Path, name: str) -> float:
    """Process CPU of ``workbook build`` of corpus ``name`` run from ``tree`` in a fresh process."""
    sys.path.insert(0, str(HERE))
    from corpora import corpus

    c = corpus(name)
    if c is None:
        raise SystemExit(f"corpus {name} is absent (see benchmarks/corpora.py)")
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "workbook.cli", "build", *map(str, c.paths), "--out", out, "-q", "--force"]
        if c.mapping is not None:
            cmd += ["--mapping", c.mapping.name]
        env = _env(tree)
        proc = subprocess.Popen(cmd, cwd=tree, env=env, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"build failed in {tree}: exit {proc.returncode}")
        return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--one", action="store_true", help="(internal) measure this process and print JSON")
    ap.add_argument("--doc", type=Path, default=SEED, help="the document extracted (default: the seed)")
    ap.add_argument("--trees", nargs="+", default=[f"here={HERE.parent}"], metavar="NAME=PATH")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--build", metavar="CORPUS", help="also time `workbook build CORPUS` per tree")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(args.doc)))
        return
    trees = {k: Path(v).resolve() for k, v in (t.split("=", 1) for t in args.trees)}
    with open("/proc/loadavg") as fh:
        print("load before:", fh.read().strip())
    runs: dict[str, list[dict[str, float]]] = {k: [] for k in trees}
    for tree in trees.values():  # a first run per tree, not counted: its bytecode written
        _child(tree, args.doc.resolve())
    for _ in range(args.runs):
        for name, tree in trees.items():
            runs[name].append(_child(tree, args.doc.resolve()))
    width = max(map(len, PIECES))
    print(f"\nCPU seconds, median of {args.runs} fresh processes (min in brackets)\n")
    print(f"| {'piece':<{width}} | " + " | ".join(f"{k:>14}" for k in trees) + " |")
    print(f"|{'-' * (width + 2)}|" + "|".join("-" * 15 + ":" for _ in trees) + "|")
    for piece in PIECES:
        cells = []
        for k in trees:
            xs = [r[piece] for r in runs[k]]
            cells.append(f"{statistics.median(xs):6.3f} ({min(xs):5.3f})")
        print(f"| {piece:<{width}} | " + " | ".join(f"{c:>14}" for c in cells) + " |")
    if args.build:
        sys.path.insert(0, str(HERE))
        from bench_extract_speed import tokenizer_seconds
        from corpora import default_data_dir
        from profile_extract import documents

        first: dict[str, str] = {}
        for d in documents(args.build, default_data_dir(), None):  # each distinct text once, as the build
            first.setdefault(d.text.strip(), d.text)
        texts = list(first.values())
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        builds: dict[str, list[float]] = {k: [] for k in trees}
        tok: list[float] = []
        for _ in range(args.runs):
            tok.append(tokenizer_seconds(texts))
            for name, tree in trees.items():
                builds[name].append(_build_cpu(tree, args.build))
        tok_s = statistics.median(tok)
        print(f"\n`workbook build {args.build}` ({len(texts)} distinct texts, {mb:.2f} MB), process CPU s per run:")
        for name, xs in builds.items():
            med = statistics.median(xs)
            print(
                f"  {name}: " + " / ".join(f"{x:.2f}" for x in xs) + f"  (median {med:.2f}: {mb / med:.3f} MB/cpu-s, "
                f"{tok_s / med:.3f} x the tokenizer)"
            )
        print(
            "  spaCy blank('en') tokenizer, same text: "
            + " / ".join(f"{x:.2f}" for x in tok)
            + f" ({mb / tok_s:.2f} MB/cpu-s)"
        )
    with open("/proc/loadavg") as fh:
        print("load after:", fh.read().strip())


if __name__ == "__main__":
    main()
