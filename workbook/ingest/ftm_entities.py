"""The FollowTheMoney model (loaded when first needed) and FtM files: what both the FtM export
(:mod:`workbook.curation.ftm`) and watchlists read from FtM (:mod:`workbook.extract.watchlist`) use."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from workbook.errors import FtmError

__all__ = ["clean_values", "ftm_model", "read_ftm"]


def ftm_model() -> Any:
    """The ``followthemoney`` schema model (imported on first use: it takes a while)."""
    try:
        from followthemoney import model
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise FtmError("FollowTheMoney support needs the followthemoney package: pip install followthemoney.") from exc
    return model


def clean_values(values: Iterable[Any]) -> list[str]:
    """``values`` as distinct, non-empty strings, in order (nulls and NaN left out)."""
    return [
        str(v)
        for v in dict.fromkeys(values)
        if v is not None and not (isinstance(v, float) and v != v) and str(v).strip()
    ]


def read_ftm(path: str | Path) -> list[dict[str, Any]]:
    """FtM entities from a file of JSON lines (or one JSON list)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FtmError(f"FtM file {p} cannot be read: {exc}.") from exc
    stripped = text.lstrip()
    try:
        if stripped.startswith("["):
            data = json.loads(stripped)
        else:
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise FtmError(f"FtM file {p} is not JSON lines of entities: {exc}.") from exc
    if not all(isinstance(d, dict) and "schema" in d for d in data):
        raise FtmError(f"FtM file {p} holds objects without a 'schema'; expected FtM entities.")
    return list(data)
