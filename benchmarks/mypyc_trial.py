"""Would compiling the extractor with mypyc pay? A side-by-side trial on a scratch copy.

Copies the package (``workbook/``, ``benchmarks/``, ``seeds/``, ``pyproject.toml``) to a temporary
folder, compiles the extractor's hot modules there with mypyc (timing the compilation), checks that the
compiled copy's output is identical to this checkout's (``fingerprint_extract.py``), then runs
``bench_extract_speed.py`` on this checkout (pure Python) and on the compiled copy, alternately, so that
the ratios of one run can be compared on a busy machine. Nothing in this checkout changes.

    .venv/bin/python benchmarks/mypyc_trial.py                # 2 pairs of bench runs, 3 repeats each
    .venv/bin/python benchmarks/mypyc_trial.py --pairs 3 --keep

Needs mypy (a test dependency, it includes mypyc), a C compiler and the Python headers. mypyc cannot
build ``workbook/extract/gazetteer.py`` (its ``cls.__new__(cls)`` constructor), so it is not in the list.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import SHARED_DATA, load_average

ROOT = Path(__file__).resolve().parents[1]

#: The hot modules: the rules' tokens and runs, the learned stage, claims and speakers, dates, events,
#: acronyms and the assembly (every extract module the default extractor runs, but the gazetteer).
MODULES: tuple[str, ...] = (
    "workbook/assemble.py",
    *(
        f"workbook/extract/{m}.py"
        for m in [
            "acronyms",
            "claim_clauses",
            "claim_context",
            "claim_fallbacks",
            "claim_phrases",
            "claim_turns",
            "claims",
            "coref",
            "date_context",
            "date_ranges",
            "date_relative",
            "date_tense",
            "date_words",
            "dateline",
            "dates",
            "entities",
            "entity_runs",
            "events",
            "hedges",
            "ner_features",
            "ner_featurize",
            "ner_merge",
            "ner_model",
            "phrase_regex",
            "reporting_words",
            "rule_tokens",
            "sentences",
            "speaker_nearby",
            "speaker_titles",
            "speaker_words",
            "speakers",
            "weapons",
        ]
    ),
)


def _run(cmd: list[str], cwd: Path) -> tuple[str, float, float]:
    """Output, wall seconds and CPU seconds (of the child) of a command run in ``cwd`` on its own path."""
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    before, t = os.times(), time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    after = os.times()
    cpu = after.children_user + after.children_system - before.children_user - before.children_system
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} … failed in {cwd}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout, time.perf_counter() - t, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pairs", type=int, default=2, help="pure/compiled bench runs, alternating")
    ap.add_argument("--repeats", type=int, default=3, help="repeats inside each bench run")
    ap.add_argument("--keep", action="store_true", help="keep the compiled copy (its folder is printed)")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="workbook-mypyc-"))
    copy = tmp / "copy"
    copy.mkdir()
    for name in ("workbook", "benchmarks", "seeds"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
    (tmp / "shared").symlink_to(SHARED_DATA.parent)  # the benchmarks find ../shared/data beside the copy
    py = sys.executable
    try:
        print(f"compiling {len(MODULES)} modules in {copy} (load {load_average()}) …", flush=True)
        _, wall, cpu = _run([py, "-m", "mypyc", *MODULES], copy)
        print(f"mypyc: {wall:.0f} s wall, {cpu:.0f} CPU-s (type check, C generation, gcc)")
        fp = tmp / "fp.json"
        _run([py, "benchmarks/fingerprint_extract.py", "--save", str(fp)], ROOT)
        out, _, _ = _run([py, "benchmarks/fingerprint_extract.py", "--check", str(fp)], copy)
        print("fingerprint of the compiled copy:", out.strip().splitlines()[-1])
        for i in range(args.pairs):
            for side, where in (("pure", ROOT), ("compiled", copy)):
                out, _, _ = _run([py, "benchmarks/bench_extract_speed.py", "--repeats", str(args.repeats)], where)
                print(f"\n=== {side}, pair {i + 1}\n{out.strip()}", flush=True)
    finally:
        if args.keep:
            print(f"\ncompiled copy kept in {copy}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
