"""What makes a training of the entity model reproducible, as ``card.json`` records it.

``benchmarks/train_entities.py`` is deterministic for given inputs (numpy only, the mini-batch order from
``numpy.random.default_rng(seed)``, the split from ``split_docs(seed)``): the same command on the same
files with the same feature definition gives the same weights bit for bit (round twenty retrained the
commit that last trained the shipped weights and got them back exactly). :func:`provenance` records those
inputs:

* ``command``: the command line (absolute paths written relative to the repository), with its seed and
  every hyper-parameter in the card's ``hyper_parameters`` beside it;
* ``training_files``: the SHA-256 of each file read from the data folder (paths relative to it:
  ``../shared/data`` from the repository by default);
* ``lexicon_files``: the SHA-256 of the name lists in ``benchmarks/data`` that become the model's ``names``;
* ``feature_fingerprint``: :func:`workbook.extract.ner_fingerprint.feature_fingerprint` (the word lists,
  gazetteer and feature templates the featurizer reads);
* ``code``: the package version, the git commit of the tree that trained (the weights are committed after
  it) and whether that tree had changes not committed then, Python's and numpy's versions.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shlex
import subprocess
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from benchmarks.ner_data import training_files
from workbook.extract.ner_fingerprint import feature_fingerprint
from workbook.version import __version__

__all__ = ["ROOT", "file_sha256", "git_state", "provenance"]

ROOT = Path(__file__).resolve().parents[1]


def file_sha256(path: Path) -> str:
    """SHA-256 (hex) of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def git_state(root: Path = ROOT) -> dict[str, object]:
    """The commit checked out at ``root`` and whether its tracked files had changes not committed
    (``{"commit": "unknown"}`` without git)."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return {"commit": "unknown"}
    return {"commit": commit, "uncommitted_changes": sorted(line[3:] for line in changed if line.strip())}


def _portable(arg: str) -> str:
    """An absolute path as a path relative to the repository (the card names no folder of one machine)."""
    return os.path.relpath(arg, ROOT).replace(os.sep, "/") if os.path.isabs(arg) else arg


def provenance(data: Path, argv: Sequence[str], lexicons: Sequence[Path]) -> dict[str, object]:
    """The record of a training run (see the module docstring); ``argv``: the trainer's arguments."""
    return {
        "command": shlex.join(["python", "-m", "benchmarks.train_entities", *map(_portable, argv)]),
        "training_files": {p.relative_to(data).as_posix(): file_sha256(p) for p in training_files(data)},
        "lexicon_files": {p.relative_to(ROOT).as_posix(): file_sha256(p) for p in lexicons},
        "feature_fingerprint": feature_fingerprint(),
        "code": {
            "package_version": __version__,
            **git_state(),
            "python": platform.python_version(),
            "numpy": np.__version__,
        },
    }
