"""Ingest: files and folders in, documents (text + metadata) or failure rows out.

    >>> from workbook.ingest import iter_documents
    >>> for item in iter_documents(["seeds/"]):
    ...     print(item.source, type(item).__name__)

* :func:`discover` — the corpus root and its document files, sorted; what was refused and why.
* :func:`read_document` — the document(s) of one file, or :class:`IngestFailure` rows; never raises.
* :func:`iter_documents` — both together, for a whole corpus.
* Lower-level readers raise the named errors of :mod:`workbook.errors`: :func:`decode_bytes`,
  :func:`read_plain_text`, :func:`read_html`, :func:`read_pdf`, :func:`read_docx`,
  :func:`read_collection`, :func:`read_sidecar`.

Formats: .txt, .md, .html/.htm, .pdf, .docx, .json, .jsonl (see :mod:`workbook.ingest.formats`).
Metadata sidecars are named ``<document file name>.meta.json`` (or ``.meta.yaml``), e.g.
``article.txt.meta.json`` (see :mod:`workbook.ingest.metadata`). JSON/JSONL collections map
records to documents with a :class:`FieldMapping` (presets in :data:`PRESETS`, or detected).
"""

from __future__ import annotations

from workbook.ingest.base import IngestFailure, RawDocument
from workbook.ingest.discovery import Discovery, discover, relative_source
from workbook.ingest.docx_text import read_docx
from workbook.ingest.field_mapping import PRESETS, FieldMapping, detect_mapping, parse_record_date, preset
from workbook.ingest.formats import FORMATS_BY_EXTENSION, SIDECAR_SUFFIXES, failure_from_error, format_of
from workbook.ingest.html_text import html_to_text, read_html
from workbook.ingest.json_collections import read_collection, record_to_document
from workbook.ingest.metadata import (
    DocumentMetadata,
    ParsedDocument,
    find_sidecar,
    parse_loose_date,
    parse_published,
    read_sidecar,
    title_from_text,
)
from workbook.ingest.pdf_text import read_pdf
from workbook.ingest.plain_text import markdown_to_text, read_plain_text
from workbook.ingest.reader import DEFAULT_MAX_BYTES, iter_documents, parse_file, read_bytes, read_document
from workbook.ingest.text_decoding import decode_bytes, looks_binary, normalise_newlines

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS_BY_EXTENSION",
    "PRESETS",
    "SIDECAR_SUFFIXES",
    "Discovery",
    "DocumentMetadata",
    "FieldMapping",
    "IngestFailure",
    "ParsedDocument",
    "RawDocument",
    "decode_bytes",
    "detect_mapping",
    "discover",
    "failure_from_error",
    "find_sidecar",
    "format_of",
    "html_to_text",
    "iter_documents",
    "looks_binary",
    "markdown_to_text",
    "normalise_newlines",
    "parse_file",
    "parse_loose_date",
    "parse_published",
    "parse_record_date",
    "preset",
    "read_bytes",
    "read_collection",
    "read_document",
    "read_docx",
    "read_html",
    "read_pdf",
    "read_plain_text",
    "read_sidecar",
    "record_to_document",
    "relative_source",
    "title_from_text",
]
