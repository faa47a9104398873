"""The ``workbook ftm`` and ``workbook curation`` commands (parsed in :mod:`workbook.cli`)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

__all__ = ["add_parsers", "run_curation", "run_ftm"]


def run_ftm(args: argparse.Namespace) -> int:
    """``workbook ftm export WORKSPACE OUT`` / ``workbook ftm watchlist FTM OUT``."""
    from workbook.curation.attach import open_workspace
    from workbook.curation.ftm import export_ftm, watchlist_from_ftm
    from workbook.extract.watchlist import write_watchlist

    if args.action == "export":
        book = open_workspace(Path(args.source))
        result = export_ftm(book, Path(args.out), include_notes=not args.no_notes)
        print(f"wrote {sum(result.counts.values()):,} FtM entities to {result.path}")
        for schema, n in sorted(result.counts.items()):
            print(f"  {schema:<14} {n:>8,}")
        if result.skipped:
            print("not exported (no FtM schema): " + ", ".join(f"{n} {t}" for t, n in result.skipped.items()))
        return 0
    watchlist = watchlist_from_ftm(Path(args.source))
    path = write_watchlist(watchlist, Path(args.out))
    print(
        f"wrote a watchlist of {len(watchlist):,} entities to {path}; use it with `workbook build --watchlist {path}`"
    )
    return 0


def run_curation(args: argparse.Namespace) -> int:
    """``workbook curation WORKSPACE``: the curation decisions, their outcome, and orphaned annotations."""
    import warnings

    from workbook.curation.attach import curation_report, open_workspace
    from workbook.curation.entities import curation_history
    from workbook.curation.views import orphaned_annotations
    from workbook.errors import OrphanedAnnotationWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OrphanedAnnotationWarning)  # listed below instead
        book = open_workspace(Path(args.workspace))
    history = curation_history(book)
    report = curation_report(book)
    orphans = orphaned_annotations(book)
    width = 200
    with pd.option_context("display.width", width, "display.max_colwidth", 90, "display.max_rows", 200):
        print(f"annotations: {len(book.annotations):,}; curation records: {len(history):,}")
        if len(history):
            print(history[["decision_id", "op", "author", "created", "in_effect", "summary"]].to_string(index=False))
        bad = report.loc[~report["outcome"].isin(["applied", "recorded"])]
        print(f"\ndecisions not fully applied: {len(bad)}")
        if len(bad):
            print(bad[["decision_id", "op", "outcome", "reason"]].to_string(index=False))
        print(f"\norphaned annotations: {len(orphans)}")
        if len(orphans):
            print(orphans[["annotation_id", "target_kind", "kind", "value", "reason"]].to_string(index=False))
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add the ``ftm`` and ``curation`` subcommands to the ``workbook`` parser."""
    f = sub.add_parser("ftm", help="FollowTheMoney: export a workspace as FtM entities, or an FtM file as a watchlist")
    f.add_argument(
        "action",
        choices=("export", "watchlist"),
        help="export: WORKSPACE -> OUT.ftm.jsonl; watchlist: FTM file -> OUT.csv/.json/.yaml",
    )
    f.add_argument("source", help="the workspace (export) or the FtM JSON lines file (watchlist)")
    f.add_argument("out", help="the file to write")
    f.add_argument("--no-notes", action="store_true", help="export: leave out the analysts' notes (FtM Note)")
    f.set_defaults(func=run_ftm)
    c = sub.add_parser("curation", help="the analyst's decisions on a workspace, and what a rebuild orphaned")
    c.add_argument("workspace")
    c.set_defaults(func=run_curation)
