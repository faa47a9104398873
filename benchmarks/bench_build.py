"""Build throughput against a bare spaCy tokenizer pass over the same text, at growing corpus sizes.

For each corpus (synthetic 1k / 10k / 100k articles, the KCNA 2024 archive, the KCNA 2012 stories;
see ``corpora.py``), each measurement runs in a fresh child process (so that its peak memory is its
own) and prints one line:

* ``reference``: ``spacy.blank("en")``'s tokenizer (the reference: about 5 MB/s per core on this kind of
  machine) and the default extractor (rules and gazetteer, plus turning its records into rows) over the
  same documents (the first ``--reference-docs``), interleaved in chunks of 50 documents so that both see
  the same load, each timed in CPU seconds;
* ``build``: ``workbook build`` of the corpus into a fresh workspace with the default extractor, one
  process; its stages (ingest, extract, assemble, write) are timed by the build itself; ``rss`` is the
  peak resident memory of the process when the build returns (before the workspace is read back),
  and the memory before the build (interpreter, libraries, the extractor's gazetteer) is printed beside it;
* ``build -w N``: the same with extraction in N worker processes (``--workers``);
* ``build dask``: the same on a Dask LocalCluster of N processes (``--dask``).

Throughput is MB of UTF-8 text per second and documents per second, of wall time and of CPU time (this
process and its worker processes: CPU seconds are what a core does, and are much less disturbed than wall
time by other jobs on a shared machine). ``ext/tok`` is the extractor's MB per CPU second over the
tokenizer's on the same text (goal: >= 1, per core); ``growth`` is the build's docs per CPU second over
that of the first synthetic corpus (goal: 1.00, linear cost). Run from the repository root::

    .venv/bin/python benchmarks/bench_build.py                       # all corpora, serial + 2 workers
    .venv/bin/python benchmarks/bench_build.py --corpora synth-1k synth-10k --dask
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpus, default_data_dir, load_average

CORPORA = ("synth-1k", "synth-5k", "synth-10k", "synth-20k", "synth-100k", "kcna-2024", "kcna-2012")


def _texts(name: str, data: Path) -> list[str]:
    from workbook.ingest import RawDocument, iter_documents

    c = corpus(name, data)
    assert c is not None
    seen: set[str] = set()
    out = []
    for item in iter_documents(list(c.paths), mapping=c.mapping):
        if isinstance(item, RawDocument) and item.text not in seen:  # the build stores each text once
            seen.add(item.text)
            out.append(item.text)
    return out


def _peak_mb() -> float:
    """Peak resident memory of this process (VmHWM: not carried over from the parent, as ru_maxrss is)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    """Resident memory of this process now (VmRSS)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _cpu() -> float:
    """CPU seconds of this process and of its finished child processes (build workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(name: str, mode: str, data: Path, workers: int, reference_docs: int) -> dict[str, Any]:
    """One measurement, in this process (the parent runs each in a child process)."""
    out: dict[str, Any] = {"corpus": name, "mode": mode}
    if mode == "reference":
        import spacy

        from workbook.assemble import extraction_rows
        from workbook.extract.base import DocumentInput
        from workbook.extract.pipeline import DefaultExtractor

        texts = _texts(name, data)[:reference_docs]
        tokenizer, extractor = spacy.blank("en").tokenizer, DefaultExtractor()
        tok_cpu = ext_cpu = 0.0
        n_tokens = 0
        for i in range(0, len(texts), 50):
            chunk = texts[i : i + 50]
            c = time.process_time()
            n_tokens += sum(len(doc) for doc in tokenizer.pipe(chunk, batch_size=50))
            tok_cpu += time.process_time() - c
            c = time.process_time()
            for j, text in enumerate(chunk):
                extraction_rows(f"d{i + j}", text, extractor.extract(DocumentInput(f"d{i + j}", text)))
            ext_cpu += time.process_time() - c
        out.update(
            docs=len(texts),
            mb=sum(len(x.encode()) for x in texts) / 1e6,
            tok_cpu=tok_cpu,
            ext_cpu=ext_cpu,
            tokens=n_tokens,
        )
    else:
        from workbook.build import build
        from workbook.engines.dask_engine import DaskEngine
        from workbook.extract.pipeline import DefaultExtractor
        from workbook.workspace import read_book

        c = corpus(name, data)
        assert c is not None
        extractor = DefaultExtractor()  # made before the clock starts: its gazetteer loads once per run
        engine: Any = DaskEngine(workers=workers) if mode == "dask" else None
        out["base_rss_mb"] = _rss_mb()  # the interpreter, libraries and the extractor, before the build
        with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
            t, cpu0 = time.perf_counter(), _cpu()
            report = build(
                list(c.paths),
                Path(tmp) / "ws",
                extractor=extractor,
                mapping=c.mapping,
                progress=False,
                force=True,
                engine=engine,
                workers=workers if mode == "workers" else None,
            )
            seconds, cpu = time.perf_counter() - t, _cpu() - cpu0
            out["build_peak_rss_mb"] = _peak_mb()  # before the checks below read the workspace back
            text_mb = float(read_book(Path(tmp) / "ws").documents["text"].str.len().sum()) / 1e6
            mb = sum(len(x.encode()) for x in read_book(Path(tmp) / "ws").documents["text"]) / 1e6
        out.update(
            docs=report.n_documents,
            mb=mb,
            chars_m=text_mb,
            seconds=seconds,
            cpu=cpu,
            timings=report.timings,
            counts=report.counts,
        )
    out["peak_rss_mb"] = _peak_mb()
    out["load"] = load_average()
    return out


def _child(name: str, mode: str, args: argparse.Namespace) -> dict[str, Any] | None:
    cmd = [
        sys.executable,
        __file__,
        "--one",
        name,
        mode,
        "--data",
        str(args.data),
        "--workers",
        str(args.workers),
        "--reference-docs",
        str(args.reference_docs),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"  {name} {mode} failed:\n{done.stderr[-2000:]}", flush=True)
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _reference_row(r: dict[str, Any]) -> str:
    tok, ext = r["mb"] / r["tok_cpu"], r["mb"] / r["ext_cpu"]
    return (
        f"{r['corpus']:11} {'reference':10} {r['docs']:>7,} {r['mb']:>6.1f}  tokenizer {tok:5.2f} MB/cpu-s, "
        f"extractor {ext:5.2f} MB/cpu-s ({r['docs'] / r['ext_cpu']:.0f} docs/cpu-s): ext/tok = {ext / tok:.3f}"
        f"  load={r['load']}"
    )


def _row(r: dict[str, Any], first: dict[str, Any] | None) -> str:
    label = {"serial": "build", "workers": f"build -w{r.get('workers', '')}", "dask": f"dask -w{r.get('workers', '')}"}[
        r["mode"]
    ]
    line = f"{r['corpus']:11} {label:10} {r['docs']:>7,} {r['mb']:>6.1f} {r['seconds']:>8.1f} {r['cpu']:>8.1f} "
    line += f"{r['mb'] / r['seconds']:>6.2f} {r['docs'] / r['seconds']:>7.0f} {r['mb'] / r['cpu']:>6.2f} "
    line += f"{r['docs'] / r['cpu']:>7.0f} "
    growth = f"{(r['docs'] / r['cpu']) / (first['docs'] / first['cpu']):.2f}" if first else "-"
    stages = " ".join(f"{k[:3]}={v:.1f}" for k, v in (r.get("timings") or {}).items())
    base = f" (before build {r['base_rss_mb']:.0f}MB)" if "base_rss_mb" in r else ""
    peak = r.get("build_peak_rss_mb", r["peak_rss_mb"])
    return line + f"{growth:>6}  {stages}  rss={peak:.0f}MB{base} load={r['load']}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpora", nargs="+", default=list(CORPORA), choices=CORPORA)
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="where corpora are made or converted")
    ap.add_argument("--workers", type=int, default=2, help="workers of the parallel builds (0: skip them)")
    ap.add_argument("--dask", action="store_true", help="also build on a Dask LocalCluster of --workers processes")
    ap.add_argument("--reference-only", action="store_true", help="only the tokenizer/extractor reference, no builds")
    ap.add_argument("--reference-docs", type=int, default=3000, help="documents of the tokenizer/extractor reference")
    ap.add_argument("--one", nargs=2, metavar=("CORPUS", "MODE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one[0], args.one[1], args.data, args.workers, args.reference_docs)))
        return 0

    print(f"load average at start: {load_average()}; MB = 10^6 bytes of UTF-8 text; wall and cpu in seconds\n")
    header = (
        f"{'corpus':11} {'run':10} {'docs':>7} {'MB':>6} {'wall s':>8} {'cpu s':>8} {'MB/s':>6} {'docs/s':>7} "
        f"{'MB/cpu':>6} {'doc/cpu':>7} {'growth':>6}  wall seconds per stage"
    )
    print(header)
    print("-" * len(header), flush=True)
    first_serial: dict[str, Any] | None = None
    for name in args.corpora:
        if corpus(name, args.data) is None:
            print(f"{name:11} skipped: its source data is not here", flush=True)
            continue
        if args.reference_docs > 0:
            ref = _child(name, "reference", args)
            if ref:
                print(_reference_row(ref), flush=True)
        modes = ["serial"] + (["workers"] if args.workers > 1 else []) + (["dask"] if args.dask else [])
        modes = [] if args.reference_only else modes
        for mode in modes:
            r = _child(name, mode, args)
            if r is None:
                continue
            r["workers"] = args.workers
            synth_serial = name.startswith("synth") and mode == "serial"
            print(_row(r, first_serial if synth_serial else None), flush=True)
            if synth_serial and first_serial is None:
                first_serial = r
    print(f"\nload average at end: {load_average()}")
    print("MB/cpu, doc/cpu: per CPU second of the build process and its workers (per core);")
    print("growth = doc/cpu over that of the first synthetic corpus (1.00 = linear cost).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
