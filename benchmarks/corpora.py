"""The corpora the benchmarks run on, made or converted once into a data folder.

* ``synth-1k``, ``synth-5k``, ``synth-10k``, ``synth-20k``, ``synth-100k``: :mod:`workbook.synth`
  articles (seed 0) as JSONL files of at most 10,000 articles each;
* ``kcna-2024``: the KCNA archive of stiles/north-korea-news (2,111 articles), read as it is with the
  ``kcna-stiles`` mapping, from ``../shared/data`` beside the checkout;
* ``kcna-2012``: the KCNA 2012 stories of xmarquez (10,869), an R data file converted to JSONL with
  :mod:`benchmarks.rdata` (no ``pyreadr`` needed); the publication date comes from the story's URL.

The data folder defaults to ``<temp>/workbook-bench`` (``--data`` changes it); files already there
are reused.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workbook.ingest import FieldMapping, preset
from workbook.synth import write_jsonl

try:  # imported as ``benchmarks.corpora`` (``python -m benchmarks.x``, the tests)
    from benchmarks.rdata import KCNA_2012, read_data_frame
except ModuleNotFoundError:  # a script run as ``python benchmarks/x.py``: only this folder is on sys.path
    from rdata import KCNA_2012, read_data_frame  # type: ignore[no-redef]

__all__ = [
    "CSIS_TABLE",
    "NAGIX_TESTS",
    "SHARED_DATA",
    "Corpus",
    "corpus",
    "csis_rows",
    "default_data_dir",
    "load_average",
    "nagix_descriptions",
]

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
#: The CSIS Beyond Parallel provocations table inside a shared data folder: the text of the CSIS golds
#: (``benchmarks/data/*_csis.json`` name its rows, 0-based, header excluded).
CSIS_TABLE = Path("csis-provocations_stiles") / "north_korea_provocations_1958_present.csv"
#: The launch list of nagix/nk-missile-tests (Apache-2.0) inside a shared data folder: the text of the
#: ``nagix-N`` documents of ``benchmarks/data/quotes_fresh12.json`` (N: the launch's place in the
#: file's time bins, flattened, 0-based).
NAGIX_TESTS = Path("nk-missile-tests_nagix") / "test.en.json"
_SYNTH_SIZES = {"synth-1k": 1_000, "synth-5k": 5_000, "synth-10k": 10_000, "synth-20k": 20_000, "synth-100k": 100_000}
_PART = 10_000
_KCNA_URL_DATE = re.compile(r"/(\d{4})(\d{2})/news(\d{2})/")


@dataclass(frozen=True)
class Corpus:
    """A corpus ready to build: its name, files and field mapping."""

    name: str
    paths: tuple[Path, ...]
    mapping: FieldMapping | None = None


@lru_cache(maxsize=4)
def csis_rows(data: Path = SHARED_DATA) -> tuple[dict[str, str], ...]:
    """The rows of the CSIS provocations table in ``data`` (read once per folder)."""
    with (data / CSIS_TABLE).open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def nagix_descriptions(data: Path = SHARED_DATA) -> tuple[str, ...]:
    """The description of each launch of the nagix launch list in ``data``, in the file's order (the
    time bins flattened; an empty string where a launch has none)."""
    bins = json.loads((data / NAGIX_TESTS).read_text(encoding="utf-8"))["timeBins"]
    return tuple(row.get("description") or "" for b in bins for row in b["data"])


def default_data_dir() -> Path:
    return Path(tempfile.gettempdir()) / "workbook-bench"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, for printing beside a measurement."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _kcna_2012(data: Path) -> Path | None:
    out = data / "kcna-2012.jsonl"
    if out.exists():
        return out
    source = SHARED_DATA / KCNA_2012
    if not source.exists():
        return None
    frame = read_data_frame(source)
    data.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        rows = zip(frame["story"], frame["index.link"], frame["language"], frame["title"], strict=True)
        for i, (story, link, language, title) in enumerate(rows):
            m = _KCNA_URL_DATE.search(str(link or ""))
            published = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
            record = {
                "id": i,
                "title": title,
                "text": story,
                "url": link,
                "published": published,
                "publisher": "KCNA",
                "language": language,
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def corpus(name: str, data: Path | None = None) -> Corpus | None:
    """The corpus called ``name`` (made in ``data`` when needed), or None when its source is absent."""
    data = data or default_data_dir()
    if name in _SYNTH_SIZES:  # files of at most 10,000 articles (~20 MB; the build refuses files over 100 MB)
        n = _SYNTH_SIZES[name]
        folder = data / name
        paths = tuple(folder / f"part-{i // _PART:03d}.jsonl" for i in range(0, n, _PART))
        if not all(p.exists() for p in paths):
            for i, p in zip(range(0, n, _PART), paths, strict=True):
                write_jsonl(p, min(_PART, n - i), seed=0, start=i)
        return Corpus(name, (folder,))
    if name == "kcna-2024":
        path = SHARED_DATA / "kcna-archive_stiles" / "headlines_2024-11-11.json"
        return Corpus(name, (path,), preset("kcna-stiles")) if path.exists() else None
    if name == "kcna-2012":
        made = _kcna_2012(data)
        return Corpus(name, (made,)) if made else None
    raise ValueError(f"unknown corpus {name!r}")
