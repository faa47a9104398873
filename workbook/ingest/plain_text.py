"""Plain text (.txt) and Markdown (.md) documents.

The encoding is detected (see :mod:`workbook.ingest.text_decoding`). Markdown may start with YAML
front matter between ``---`` lines; its fields are metadata like a sidecar's (the sidecar wins
where both give a field) and the block is removed from the text. Markdown syntax is reduced to
its text (heading marks, link targets, emphasis marks and code fences go) so that the document
reads as prose; the first ``# Heading`` is the title when the metadata gives none.
"""

from __future__ import annotations

import re

from workbook.errors import EmptyDocumentError, MetadataError
from workbook.ingest.metadata import (
    DocumentMetadata,
    ParsedDocument,
    clean_title,
    metadata_from_mapping,
    parse_front_matter,
    split_front_matter,
)
from workbook.ingest.text_decoding import decode_bytes

__all__ = ["markdown_to_text", "read_plain_text", "require_text"]

_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE), r"\1"),
    (re.compile(r"^[ \t]*(?:={3,}|-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE), ""),
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
)
_H1 = re.compile(r"^[ \t]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def _tidy(text: str) -> str:
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def markdown_to_text(markdown: str) -> str:
    """Markdown reduced to readable text: heading marks, link targets, emphasis and fences removed."""
    text = markdown
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return _tidy(text)


def require_text(text: str, origin: str, what: str = "text") -> str:
    """``text`` stripped; raises :class:`EmptyDocumentError` when nothing but whitespace is left."""
    stripped = text.strip()
    if not stripped:
        raise EmptyDocumentError(f"{origin}: the document has no {what} (it is empty or only whitespace).")
    return stripped


def read_plain_text(data: bytes, fmt: str, origin: str) -> ParsedDocument:
    """Read a .txt (``fmt="txt"``) or .md (``fmt="md"``) file's bytes.

    Raises :class:`~workbook.errors.DecodingError` for binary data or an unknown encoding and
    :class:`~workbook.errors.EmptyDocumentError` for an empty document. Bad front matter does not
    raise: the block is still removed and the problem is a warning.
    """
    text, encoding = decode_bytes(data)
    if fmt != "md":
        return ParsedDocument(require_text(_tidy(text), origin), encoding=encoding)
    warnings: list[str] = []
    metadata = DocumentMetadata()
    block, body = split_front_matter(text)
    if block is not None:
        try:
            fields = parse_front_matter(block, origin)
            metadata, field_warnings = metadata_from_mapping(fields, f"{origin} (front matter)")
            warnings.extend(field_warnings)
        except MetadataError as exc:
            warnings.append(str(exc))
    heading = _H1.search(body)
    if metadata.title is None and heading is not None:
        metadata = DocumentMetadata(title=clean_title(markdown_to_text(heading.group(1)))).over(metadata)
    return ParsedDocument(
        require_text(markdown_to_text(body), origin), metadata=metadata, encoding=encoding, warnings=tuple(warnings)
    )
