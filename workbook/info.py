"""Plain-text summaries of a workspace, for ``workbook info`` and for people reading a terminal."""

from __future__ import annotations

from pathlib import Path

from workbook.book import Book
from workbook.workspace import check_workspace, read_book

__all__ = ["book_summary", "workspace_info"]


def book_summary(book: Book, max_issues: int = 20) -> str:
    """Counts per table, entity types, claim bands, date range and the build issues of ``book``."""
    m = book.manifest
    lines = []
    if book.workspace is not None:
        lines.append(f"workspace: {book.workspace}")
    if m:
        lines.append(
            f"built: {m.get('built_at')} by workbook {m.get('package_version')} (schema {m.get('schema_version')}),"
            f" extractor {m.get('extractor', {}).get('name')}"
        )
    lines.append("")
    counts = book.counts()
    width = max(len(k) for k in counts)
    lines += [f"  {k:<{width}}  {v:>9,}" for k, v in counts.items()]
    if len(book.entities):
        by_type = book.entities.groupby("type", observed=True).size()
        lines.append("")
        lines.append("entities by type: " + ", ".join(f"{t} {n:,}" for t, n in by_type.items() if n))
    if len(book.claims):
        bands = book.claims.groupby("confidence", observed=True).size()
        lines.append("claims by confidence: " + ", ".join(f"{b} {n:,}" for b, n in bands.items() if n))
    if len(book.documents):
        pub = book.documents["published"].dropna()
        undated = len(book.documents) - len(pub)
        if len(pub):
            lines.append(f"published: {pub.min():%Y-%m-%d} to {pub.max():%Y-%m-%d}; undated documents: {undated}")
        else:
            lines.append(f"published: no dates known; undated documents: {undated}")
    dups = m.get("duplicates") or []
    if dups:
        lines.append(f"duplicates skipped: {len(dups)}")
    issues = book.build_issues
    lines.append("")
    if len(issues):
        lines.append(f"build issues: {len(issues)}")
        for row in issues.head(max_issues).itertuples():
            lines.append(f"  - {row.path} [{row.stage}] {row.error}: {row.message}")
        if len(issues) > max_issues:
            lines.append(f"  ... and {len(issues) - max_issues} more (book.build_issues has them all)")
    else:
        lines.append("build issues: none")
    return "\n".join(lines)


def workspace_info(ws: Path, max_issues: int = 20, verify: bool = False) -> str:
    """:func:`book_summary` of the workspace at ``ws``. ``verify=True`` first re-hashes the stored texts
    (:func:`~workbook.workspace.check_workspace`: a :class:`~workbook.errors.WorkspaceIntegrityError`
    names the documents that differ) and adds a line saying they all match."""
    checked = check_workspace(ws) if verify else None
    summary = book_summary(read_book(ws), max_issues=max_issues)
    if checked is not None:
        summary += f"\nverified: the stored text of all {checked:,} documents matches its sha256"
    return summary
