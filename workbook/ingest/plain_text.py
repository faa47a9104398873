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

__all__ = ["first_heading", "markdown_to_text", "read_plain_text", "require_text"]

# Every rule is linear in the length of the text: each match attempt stops at the next delimiter
# (a character class excluding it, never ``.+?`` up to the end of a long line), and the rules whose
# natural form would backtrack (comments, heading marks, trailing spaces) are scans in Python. Markdown
# with nested brackets or emphasis holding its own delimiter (``*a*b*``) keeps those marks: text is
# never lost, and the cost of any input stays proportional to its size.
# A link target: text in parentheses, which may hold one level of balanced parentheses (``alert(1)``).
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*(?:={3,}|-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE), ""),
    (re.compile(r"!\[([^\[\]\n]*)\]" + _TARGET), r"\1"),
    (re.compile(r"\[([^\[\]\n]+)\]" + _TARGET), r"\1"),
    (re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]"), r"\1"),
    (re.compile(r"\*\*(?=[^\s*])((?:[^*\n]|\*(?!\*))+?)(?<=[^\s*])\*\*"), r"\1"),
    (re.compile(r"__(?=[^\s_])((?:[^_\n]|_(?!_))+?)(?<=[^\s_])__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+([^\n]*)$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _heading_text(line: str) -> str:
    """A heading's text without trailing spaces and a closing run of ``#`` (``## Title ##``)."""
    text = line.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.rstrip(" \t")
    return text


def _without_comments(text: str) -> str:
    """``text`` without ``<!-- ... -->`` comments (an unclosed one stays), in one scan."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


def _strip_line_ends(text: str) -> str:
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def _tidy(text: str) -> str:
    text = _strip_line_ends(text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def first_heading(markdown: str) -> str | None:
    """The text of the first ``# Heading`` (level one) of ``markdown``, or ``None``."""
    for m in _HEADING.finditer(markdown):
        if len(m.group(1)) == 1:
            return _heading_text(m.group(2)) or None
    return None


def markdown_to_text(markdown: str) -> str:
    """Markdown reduced to readable text: heading marks, link targets, emphasis and fences removed.

    Linear in the size of ``markdown`` (no rule backtracks over a long line)."""
    text = _without_comments(markdown)
    text = _HEADING.sub(lambda m: _heading_text(m.group(2)), text)
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
    heading = first_heading(body)
    if metadata.title is None and heading is not None:
        metadata = DocumentMetadata(title=clean_title(markdown_to_text(heading))).over(metadata)
    return ParsedDocument(
        require_text(markdown_to_text(body), origin), metadata=metadata, encoding=encoding, warnings=tuple(warnings)
    )
