"""Reading documents: one file (:func:`read_document`) or a whole corpus (:func:`iter_documents`).

Neither raises for a bad document: every problem becomes an :class:`IngestFailure` row (source,
stage, error class name, message saying what to do), and the other documents still load.
Problems that do not stop a document from loading (a bad sidecar value, a future date) are in
``RawDocument.warnings``.

Metadata precedence, strongest first: the sidecar, what the file says about itself (front matter,
HTML ``<meta>``, PDF/DOCX properties, a collection record's fields), then fallbacks. The title
falls back to the first line when it looks like a heading (short, not ending with a full stop),
else the file name without extension. ``published`` stays ``None`` when no date is known.

Files larger than ``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`, 100 MB) are refused with
:class:`~workbook.errors.DocumentTooLargeError` before anything is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from workbook.errors import IngestError, MetadataError
from workbook.ingest.base import IngestFailure, RawDocument
from workbook.ingest.discovery import discover, is_inside, relative_source
from workbook.ingest.docx_text import DEFAULT_MAX_UNPACKED_BYTES, read_docx
from workbook.ingest.field_mapping import FieldMapping
from workbook.ingest.files import read_regular
from workbook.ingest.formats import failure_from_error, format_of
from workbook.ingest.html_text import read_html
from workbook.ingest.json_collections import read_collection
from workbook.ingest.metadata import DocumentMetadata, ParsedDocument, find_sidecar, read_sidecar, title_from_text
from workbook.ingest.normalise import Normaliser
from workbook.ingest.pdf_text import read_pdf
from workbook.ingest.plain_text import read_plain_text
from workbook.ingest.text_decoding import mixed_encoding_warning, valid_unicode

__all__ = ["DEFAULT_MAX_BYTES", "iter_documents", "parse_file", "read_bytes", "read_document", "real_path_meta"]

#: Files larger than this are refused (``max_bytes`` changes it per call).
DEFAULT_MAX_BYTES = 100 * 1024 * 1024


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None) -> bytes:
    """The bytes of ``path``, refusing files above ``max_bytes`` before reading them.

    The file is opened without blocking and its type checked on the opened descriptor: a file swapped
    for a FIFO after discovery raises :class:`~workbook.errors.IngestError` instead of hanging. Raises
    :class:`~workbook.errors.DocumentTooLargeError`, or :class:`OSError` when the file cannot be read.
    """
    source = source or path.name
    too_big = (
        f"{source}: the file is larger than the {max_bytes / 2**20:g} MB limit. Split it, or raise the limit "
        "(max_bytes) if it really is one document."
    )
    return read_regular(path, max_bytes, source, too_big)


def parse_file(data: bytes, fmt: str, source: str) -> ParsedDocument:
    """Text and embedded metadata of a single-document file's bytes; raises the named errors."""
    if fmt in ("txt", "md"):
        return read_plain_text(data, fmt, source)
    if fmt == "html":
        return read_html(data, source)
    if fmt == "pdf":
        return read_pdf(data, source)
    if fmt == "docx":
        return read_docx(data, source, DEFAULT_MAX_UNPACKED_BYTES)
    raise ValueError(f"parse_file does not read {fmt!r} collections; use read_collection")


def _sidecar(path: Path, root: Path, follow_links: bool) -> tuple[DocumentMetadata, list[str], str]:
    """The sidecar's metadata and warnings (one, if the whole sidecar is unusable), and its source. A
    sidecar that is a link leaving the corpus is not read unless ``follow_links``."""
    found = None
    try:
        found = find_sidecar(path)
        if found is None:
            return DocumentMetadata(), [], ""
        real_root = os.path.realpath(root)
        if not follow_links and not is_inside(os.path.realpath(found), real_root):
            where = relative_source(found, root)
            return (
                DocumentMetadata(),
                [
                    f"{where}: the sidecar is a symbolic link to {os.path.realpath(found)}, outside the corpus folder; "
                    "the document was read without it (build with --follow-links to read it)."
                ],
                where,
            )
        metadata, warnings = read_sidecar(found, relative_source(found, root))
        return metadata, warnings, relative_source(found, root)
    except MetadataError as exc:
        where = relative_source(found or path, root)
        return DocumentMetadata(), [f"{exc} The document was read without its sidecar."], where


def real_path_meta(path: Path, root: Path, source: str) -> dict[str, str]:
    """``{"real_path": ...}`` when ``path`` reached through a link is really elsewhere: relative to the
    corpus root when it lies inside it, else absolute; ``{}`` when the path as given is the real one."""
    real = os.path.realpath(path)
    real_root = os.path.realpath(root)
    if real == os.path.join(real_root, *source.split("/")):
        return {}
    return {"real_path": relative_source(Path(real), Path(real_root)) if is_inside(real, real_root) else real}


def _document(path: Path, source: str, fmt: str, data: bytes, root: Path, follow_links: bool) -> RawDocument:
    parsed = parse_file(data, fmt, source)
    sidecar, sidecar_warnings, _ = _sidecar(path, root, follow_links)
    sidecar = replace(sidecar, meta={**sidecar.meta, **real_path_meta(path, root, source)})
    md = sidecar.over(parsed.metadata)
    mixed = mixed_encoding_warning(parsed.encoding, source)
    return RawDocument(
        text=valid_unicode(parsed.text),
        source=source,
        format=fmt,
        title=md.title or title_from_text(parsed.text) or path.stem,
        publisher=md.publisher,
        published=md.published,
        language=md.language,
        section=md.section,
        url=md.url,
        encoding=parsed.encoding,
        meta=md.meta,
        warnings=(*parsed.warnings, *sidecar_warnings, *([mixed] if mixed else [])),
    )


def _as_mapping(mapping: FieldMapping | str | None) -> FieldMapping | None:
    if mapping is None or isinstance(mapping, FieldMapping):
        return mapping
    return FieldMapping.load(mapping)


def read_document(
    path: Path,
    root: Path,
    mapping: FieldMapping | str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_links: bool = False,
) -> Iterator[RawDocument | IngestFailure]:
    """The document(s) in ``path`` — or failures — with ``source`` relative to ``root``.

    ``mapping`` (a :class:`FieldMapping` or a preset name) applies to JSON/JSONL collections;
    without it the mapping is detected. A sidecar that is a link leaving the corpus is read only with
    ``follow_links=True``. Never raises for a bad document.
    """
    path = Path(path)
    source = relative_source(path, root)
    try:
        fmt = format_of(path, source)
        data = read_bytes(path, max_bytes, source)
    except (IngestError, OSError) as exc:
        yield failure_from_error(source, exc, "read" if type(exc) is IngestError else None)  # a special file
        return
    try:
        if fmt in ("json", "jsonl"):
            field_mapping = _as_mapping(mapping)
            sidecar, warnings, sidecar_source = _sidecar(path, root, follow_links)
            sidecar = replace(sidecar, meta={**sidecar.meta, **real_path_meta(path, root, source)})
            # A collection's sidecar problems are reported once, not on each of its records.
            for message in warnings:
                yield IngestFailure(sidecar_source, "metadata", "MetadataError", message)
            yield from read_collection(data, fmt, source, field_mapping, sidecar)
        else:
            yield _document(path, source, fmt, data, root, follow_links)
    except (IngestError, OSError) as exc:
        yield failure_from_error(source, exc)
    except Exception as exc:  # never let one file stop a build; report it with its class name
        yield failure_from_error(source, exc, "parse")


def iter_documents(
    paths: Iterable[Path | str] | Path | str,
    mapping: FieldMapping | str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_links: bool = False,
    exclude: Iterable[Path | str] = (),
) -> Iterator[RawDocument | IngestFailure]:
    """Every document and failure of the corpus in ``paths`` (files and/or folders).

    Discovery failures come first, then each file's documents in sorted path order, their text
    normalised (:mod:`workbook.ingest.normalise`: glued words, CSV-doubled quotes). ``source`` is
    relative to the corpus root (see :func:`~workbook.ingest.discovery.discover`, which also explains
    ``follow_links`` and ``exclude``). An unknown preset name or unreadable mapping file raises
    :class:`~workbook.errors.FieldMappingError` when iteration starts, since it concerns every
    collection rather than one document.
    """
    mapping = _as_mapping(mapping)
    found = discover(paths, follow_links=follow_links, exclude=exclude)
    yield from found.failures
    normaliser = Normaliser()  # a text read twice (a duplicate record) is searched for glued words once
    for path in found.files:
        yield from map(
            normaliser.item,
            read_document(path, found.root, mapping, max_bytes=max_bytes, follow_links=follow_links),
        )
