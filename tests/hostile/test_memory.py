"""Memory and time stay bounded on huge input: a 50 MB text, a single 5 MB line, zip and PDF bombs.

The big builds run in a subprocess that reports its own peak resident set size (``ru_maxrss``), so the
figure is the build's alone. The 50 MB document is built with a cheap keyword extractor (it still yields
hundreds of thousands of mention rows) because the default extractor needs about 40 s on 50 MB of
prose (measured once: about 1.1 GB peak); the default extractor is measured on the single 5 MB line
instead. See ``test_claim_extraction_work_grows_linearly`` for why these texts hold no reported speech.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from tests.hostile.hostile_data import lying_docx, pdf_flate_bomb, real_docx_bomb
from workbook.errors import DocumentParseError, DocumentTooLargeError
from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor
from workbook.ingest import read_docx, read_pdf

REPO = Path(__file__).resolve().parents[2]
LIMIT_MB = 1536  # "bounded": well under what a laptop has, far under what an unbounded read would take

_DRIVER = r"""
import json, resource, sys, time
from pathlib import Path
from workbook.build import build
from workbook.extract.base import EntityRecord, Extraction, MentionRecord
from workbook.workspace import read_book

kind, root, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
root.mkdir(parents=True, exist_ok=True)
line = "The committee met in Pyongyang again and the weather was mild; nothing else happened on day {}.\n"
words = "word salad of plain words without end "
texts = {"one-line.txt": words * (5_000_000 // len(words) + 1)}  # 5 MB, no line break
if kind == "huge":
    texts["huge.txt"] = "".join(line.format(i % 997) for i in range(50_000_000 // len(line.format(0)) + 1))
    texts["small.txt"] = "A small document about Pyongyang."
for name, text in texts.items():
    (root / name).write_text(text, encoding="utf-8")
expected = {name: len(text.strip()) for name, text in texts.items()}
del texts


class Keyword:
    # every 'Pyongyang' is a mention of one place: hundreds of thousands of rows for the big file
    name = "keyword-test"

    def settings(self):
        return {}

    def extract(self, doc):
        ex = Extraction(entities=[EntityRecord("p", "Pyongyang", "place")])
        i = doc.text.find("Pyongyang")
        while i >= 0:
            ex.mentions.append(MentionRecord(i, i + 9, "p", 0))
            i = doc.text.find("Pyongyang", i + 1)
        return ex


start_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
extractor = Keyword() if kind == "huge" else None
report = build([root], out, extractor=extractor, progress=False)
seconds = time.perf_counter() - t0
book = read_book(out)
print(json.dumps({
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "start_mb": start_mb,
    "seconds": round(seconds, 1), "counts": report.counts, "issues": len(report.issues),
    "n_chars": dict(zip(book.documents["source"], map(int, book.documents["n_chars"]))), "expected": expected,
}))
"""


def _measure(kind: str, tmp_path: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", _DRIVER, kind, str(tmp_path / "corpus"), str(tmp_path / "ws")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"\n{kind}: {result}")  # the figures, for the record (pytest -s)
    return result


@pytest.mark.slow
def test_a_50_mb_document_and_a_5_mb_line_build_in_bounded_memory(tmp_path: Path) -> None:
    result = _measure("huge", tmp_path)
    assert result["issues"] == 0
    assert result["n_chars"] == result["expected"]  # every document stored whole
    assert isinstance(result["expected"], dict) and result["expected"]["huge.txt"] > 50_000_000
    counts = result["counts"]
    assert isinstance(counts, dict) and counts["mentions"] > 500_000
    assert isinstance(result["peak_mb"], float) and result["peak_mb"] < LIMIT_MB


@pytest.mark.slow
def test_the_default_extractor_on_a_single_5_mb_line_stays_bounded(tmp_path: Path) -> None:
    result = _measure("default", tmp_path)
    assert result["issues"] == 0 and result["n_chars"] == result["expected"]
    assert isinstance(result["peak_mb"], float) and result["peak_mb"] < LIMIT_MB


@pytest.mark.unit
@pytest.mark.parametrize(
    ("make", "reader", "error"),
    [
        (lambda: real_docx_bomb(2), read_docx, DocumentTooLargeError),
        (lambda: lying_docx(256), read_docx, DocumentTooLargeError),
        (lambda: pdf_flate_bomb(128), read_pdf, DocumentParseError),
    ],
    ids=["docx-2-GiB", "docx-lying-256-MiB", "pdf-flate-128-MiB"],
)
def test_bombs_are_refused_with_little_memory(make: object, reader: object, error: type[Exception]) -> None:
    assert callable(make) and callable(reader)
    data = make()
    tracemalloc.start()
    try:
        with pytest.raises(error):
            reader(data, "bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * 2**20, f"{peak / 2**20:.0f} MB"  # pypdf stops inflating at 75 MB


_NEWS = (
    'Kim Jong Un visited the Sinpho shipyard on Monday, KCNA said. "The missile may fly far," said Jeffrey Lewis, '
    "who believes it is likely linked to Pyongyang. In June 2018 talks were held.\n\n"
)


def _python_calls(text: str) -> int:
    """Python function calls (and generator resumptions) made extracting ``text``: a measure of work that does
    not depend on how busy the machine is."""
    extractor = DefaultExtractor()
    calls = 0

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        extractor.extract(DocumentInput("d", text, "t", None, None))
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.unit
def test_claim_extraction_work_grows_linearly() -> None:
    small, large = _python_calls(_NEWS * 100), _python_calls(_NEWS * 400)
    assert large / small < 5.0, f"4x the text took {large / small:.1f}x the work"
