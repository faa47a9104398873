"""The ``workbook`` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.version import __version__

__all__ = ["command_reference", "main"]


def _cmd_build(args: argparse.Namespace) -> int:
    from workbook.build import build
    from workbook.engines import resolve_engine
    from workbook.extract.pipeline import DefaultExtractor
    from workbook.ingest import FieldMapping

    mapping = FieldMapping.load(args.mapping) if args.mapping else None
    extractor = DefaultExtractor.from_options(gazetteers=args.gazetteer, watchlists=args.watchlist)
    progress = False if args.quiet else None
    engine = resolve_engine(args.engine, args.workers, args.scheduler)
    report = build(
        args.paths,
        args.out,
        extractor=extractor,
        mapping=mapping,
        progress=progress,
        force=args.force,
        wait_seconds=args.wait,
        engine=engine,
        follow_links=args.follow_links,
    )
    print(report.summary())
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from workbook.info import workspace_info

    print(workspace_info(Path(args.workspace), max_issues=args.issues, verify=args.verify))
    return 0


def _cmd_lab(args: argparse.Namespace) -> int:
    from workbook.lab import run_lab

    return run_lab(
        args.notebook_dir,
        port=args.port,
        no_browser=args.no_browser,
        token=args.token,
        ip=args.ip,
        extra_args=args.jupyter_args,
    )


def _cmd_export(args: argparse.Namespace) -> int:
    from workbook.export.command import run_export

    return run_export(args)


def _parser() -> argparse.ArgumentParser:
    from workbook.engines import ENGINE_NAMES

    p = argparse.ArgumentParser(prog="workbook", description="Turn documents into tables for investigation.")
    p.add_argument("--version", action="version", version=f"workbook {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build documents into a workspace of Parquet tables")
    b.add_argument("paths", nargs="+", help="files or folders: .txt .md .html .pdf .docx .json .jsonl")
    b.add_argument("--out", help="workspace folder (default: <first path>.workbook beside the corpus)")
    b.add_argument(
        "--mapping",
        help="field mapping for JSON/JSONL collections: a preset name (e.g. kcna-stiles) or a JSON file",
    )
    b.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="FILE",
        help="extra gazetteer table of places/facilities with coordinates (CSV/JSON; repeatable)",
    )
    b.add_argument(
        "--watchlist",
        action="append",
        default=[],
        metavar="FILE",
        help="analyst watchlist: names that must be found, with type, aliases, optional coordinates "
        "(CSV/JSON/YAML or FollowTheMoney JSON lines; repeatable)",
    )
    b.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that point outside the corpus folder (by default they are reported, not read)",
    )
    b.add_argument("--force", action="store_true", help="extract every document again, even unchanged ones")
    b.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="wait this long for another build's lock")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="extract in N local processes (with --engine dask: LocalCluster workers); default: one, in this process",
    )
    b.add_argument(
        "--engine",
        choices=ENGINE_NAMES,
        default=ENGINE_NAMES[0],
        help=f"where ingest and extraction run: {' or '.join(ENGINE_NAMES)} (default: {ENGINE_NAMES[0]})",
    )
    b.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running Dask scheduler, e.g. tcp://scheduler-host:8786 (default: a LocalCluster)",
    )
    b.set_defaults(func=_cmd_build)

    i = sub.add_parser("info", help="counts per table and the build issues of a workspace")
    i.add_argument("workspace")
    i.add_argument("--issues", type=int, default=20, metavar="N", help="list at most N build issues")
    i.add_argument(
        "--verify",
        action="store_true",
        help="re-hash the stored texts against their sha256; an error names the documents that differ",
    )
    i.set_defaults(func=_cmd_info)

    lab = sub.add_parser(
        "lab",
        help="open JupyterLab on the notebooks (offline settings; --allow-root added as root)",
        description="Open JupyterLab on the notebooks/ folder with the workbook's offline settings.",
    )
    lab.add_argument("notebook_dir", nargs="?", help="folder to open (default: notebooks/ of this checkout)")
    lab.add_argument("--port", type=int, help="port to listen on (default: JupyterLab's, 8888 or the next free)")
    lab.add_argument("--ip", help="address to listen on (default: localhost)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    lab.add_argument("--token", help="access token (an empty string turns authentication off)")
    lab.add_argument(
        "--jupyter-arg",
        dest="jupyter_args",
        action="append",
        default=[],
        metavar="ARG",
        help="pass ARG to JupyterLab as it is, e.g. --jupyter-arg=--ServerApp.open_browser=False (repeatable)",
    )
    lab.set_defaults(func=_cmd_lab)

    e = sub.add_parser(
        "export",
        help="write a report bundle (report.html/.md, charts, tables, citations, manifest.json)",
        description="Write a report bundle of a workspace filtered by a FilterSpec; never overwrites.",
    )
    e.add_argument(
        "spec",
        metavar="SPEC.json",
        help="FilterSpec JSON file ('-' reads stdin, 'none' = no filter, 'view:NAME' = a saved view)",
    )
    e.add_argument("--workspace", required=True, help="the workspace folder (made by `workbook build`)")
    e.add_argument(
        "--format",
        default="html,md,png,csv,xlsx,parquet",
        help="comma-separated: html,md (report pages) png,svg,pdf (charts) csv,xlsx,parquet (tables) "
        "timelinejs,gexf,geojson (events, co-mention network, places for TimelineJS, Gephi, QGIS)",
    )
    e.add_argument("--out", default="exports", help="folder the bundle goes into (default: exports)")
    e.add_argument(
        "--title", default=None, help="report title; also names the bundle folder (default: made from the filter)"
    )
    from workbook.charts.catalog import ALIASES, CHART_NAMES, DEFAULT_REPORT_CHARTS

    e.add_argument(
        "--chart",
        action="append",
        metavar="NAME",
        help=f"chart to include (repeatable): {', '.join(CHART_NAMES)} (also by their builders' names: "
        f"{', '.join(ALIASES)}); default: {', '.join(DEFAULT_REPORT_CHARTS)}",
    )
    e.add_argument("--table", action="append", metavar="NAME", help="table to include (repeatable; default: claims)")
    e.add_argument("--log", metavar="LOG.json", help="filter log to record: a JSON list of explorer.log entries")
    e.add_argument("--zip", action="store_true", help="also write <bundle>.zip")
    e.add_argument("--max-rows", type=int, default=500, metavar="N", help="rows listed per table in the pages")
    e.add_argument(
        "--if-exists",
        choices=("suffix", "error"),
        default="suffix",
        help="when the bundle exists: a new name with -2, -3, ... (default) or an error",
    )
    e.set_defaults(func=_cmd_export)

    from workbook.curation.command import add_parsers as add_curation_parsers

    add_curation_parsers(sub)
    return p


def _usage_words(action: argparse.Action) -> str:
    if not action.option_strings:
        word = action.metavar or action.dest
        word = str(word)
        if action.choices is not None:
            word = "{" + ",".join(str(c) for c in action.choices) + "}"
        return f"[{word}]" if action.nargs == "?" else f"{word}..." if action.nargs in ("+", "*") else word
    option = max(action.option_strings, key=len)
    if action.nargs == 0:
        return option
    if action.choices is not None:
        return f"{option} {{{','.join(str(c) for c in action.choices)}}}"
    return f"{option} {action.metavar or action.dest.upper()}"


def command_reference() -> str:
    """The command reference in README.md, generated from the parser (a test keeps them equal).

    One line per command with its arguments, then one line per option with its help text.
    """
    parser = _parser()
    lines: list[str] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for name, sub in action.choices.items():
            args = [a for a in sub._actions if not isinstance(a, argparse._HelpAction)]
            positional = " ".join(_usage_words(a) for a in args if not a.option_strings)
            lines.append(f"- `workbook {name} {positional}`".rstrip("` ").rstrip() + "`: " + str(helps.get(name, "")))
            for a in args:
                if a.option_strings:
                    default = "" if a.default in (None, False, [], argparse.SUPPRESS) else f" (default: {a.default})"
                    help_text = (a.help or "").replace("%(default)s", str(a.default))
                    lines.append(f"  - `{_usage_words(a)}`: {help_text}{default if 'default' not in help_text else ''}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``workbook`` command; returns the exit code (0 ok, 1 a workbook error, 2 usage)."""
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except WorkbookError as exc:
        print(f"workbook: error: {exc}", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
