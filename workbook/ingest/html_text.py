"""HTML pages: the visible text and what the page says about itself.

Text: everything a reader sees in the ``<body>``. Dropped: ``script``, ``style``, ``noscript``,
``template``, ``head`` (whose ``<title>`` is used as metadata), embedded objects (``svg``,
``iframe``, ``video``, ...), form controls, comments, and hidden elements (``hidden``,
``aria-hidden="true"``, ``style="display:none"`` / ``visibility:hidden``). Block elements
(paragraphs, headings, divs, list items, table rows) become line breaks, paragraphs blank lines and
table cells tabs, so sentences never run into each other. ``<pre>`` keeps its spacing.

Metadata, first found wins:

* title: ``og:title`` / ``twitter:title``, ``<title>``, the first ``<h1>``;
* published: ``article:published_time`` and the other common date ``<meta>`` names, then
  ``itemprop="datePublished"``, then the first ``<time datetime>``;
* publisher: ``og:site_name``, ``DC.publisher``; language: ``<html lang>``, ``og:locale``;
* url: ``<link rel="canonical">``, ``og:url``; section: ``article:section``;
* ``author``, ``description`` and ``keywords`` go to ``meta``.

The encoding comes from a byte-order mark, then ``<meta charset>``, then detection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from workbook.errors import DocumentParseError, EmptyDocumentError, IngestError, MetadataError
from workbook.ingest.metadata import (
    DocumentMetadata,
    ParsedDocument,
    clean_title,
    future_date_warning,
    parse_language,
    parse_loose_date,
)
from workbook.ingest.plain_text import require_text
from workbook.ingest.text_decoding import decode_bytes, normalise_newlines

__all__ = ["decode_html", "html_to_text", "read_html"]

_DROPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "select",
        "datalist",
        "textarea",
        "button",
        "input",
    }
)
_PARAGRAPH = frozenset(
    {
        "html",
        "body",
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "ul",
        "ol",
        "dl",
        "form",
        "fieldset",
        "address",
        "details",
        "summary",
        "hr",
        "center",
    }
)
_LINE = frozenset({"li", "tr", "dt", "dd", "br", "caption", "legend", "thead", "tbody", "tfoot"})
_CELL = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CP1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "ascii", "us-ascii", "windows-1252"})
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_PARA, _BR, _TAB = "\x00P", "\x00L", "\x00T"

_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
)


_META_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("author", ("author", "article:author", "dc.creator")),
    ("description", ("og:description", "description")),
    ("keywords", ("keywords", "news_keywords")),
)


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode an HTML page: BOM, then its ``<meta charset>``, then detection (see ``decode_bytes``)."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in data:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace").lower()
            # as browsers do (WHATWG Encoding): pages labelled Latin-1 or ASCII are really cp1252
            name = "cp1252" if name in _CP1252_LABELS else name
            try:
                return normalise_newlines(data.decode(name)), name
            except (LookupError, UnicodeDecodeError):
                pass  # the declaration is wrong; detect instead
    return decode_bytes(data)


def _is_hidden(el: Any) -> bool:
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden", "").strip().lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(attrib.get("style", "")))


def _walk(root: Any) -> Iterator[tuple[str, Any]]:
    """Depth-first ("start", el) / ("end", el) events without recursion (pages can nest deeply)."""
    stack: list[tuple[str, Any]] = [("start", root)]
    while stack:
        event, el = stack.pop()
        yield event, el
        if event == "start":
            stack.append(("end", el))
            stack.extend(("start", child) for child in reversed(el))


def _pieces(root: Any) -> list[str]:
    out: list[str] = []
    skipping: Any = None
    pre = 0

    def text(s: str | None) -> None:
        if s:
            out.append(s if pre else _SPACES.sub(" ", s))

    for event, el in _walk(root):
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if skipping is not None:
            if event == "end" and el is skipping:
                skipping = None
                text(el.tail)
            continue
        if event == "start":
            if tag is None or tag in _DROPPED or _is_hidden(el):
                skipping = el
                continue
            if tag in _PARAGRAPH:
                out.append(_PARA)
            elif tag in _LINE:
                out.append(_BR)
            if tag == "pre":
                pre += 1
            text(el.text)
        else:
            if tag == "pre":
                pre -= 1
            if tag in _PARAGRAPH:
                out.append(_PARA)
            elif tag in _CELL:
                out.append(_TAB)
            elif tag in _LINE and tag != "br":
                out.append(_BR)
            text(el.tail)
    return out


def _join(pieces: list[str]) -> str:
    text = "".join(pieces)
    text = re.sub(r"[ \t]*(?:\x00[PLT][ \t]*)+", lambda m: _marker_run(m.group(0)), text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n[ \t]+", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _marker_run(run: str) -> str:
    if _PARA in run:
        return "\n\n"
    if _BR in run:
        return "\n"
    return "\t"


def html_to_text(html: str) -> str:
    """The visible text of ``html`` with blocks as lines and paragraphs (see the module docstring)."""
    root = _parse(html)
    body = root.find("body")
    return _join(_pieces(body if body is not None else root))


def _parse(html: str) -> Any:
    html = _CONTROL.sub("", _XML_DECL.sub("", html, count=1))
    if not html.strip():
        raise EmptyDocumentError("The page is empty.")
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except etree.ParserError as exc:
        raise EmptyDocumentError(f"The page holds no HTML content ({exc}).") from exc
    except (etree.LxmlError, ValueError) as exc:
        raise DocumentParseError(f"The page cannot be parsed as HTML ({exc}).") from exc
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops at 256 nested elements and silently drops the rest of the page
        raise DocumentParseError(
            "The page nests elements more than 255 levels deep, so part of its text would be lost. "
            "Save the page's text as .txt (e.g. copy it from a browser) and add that instead."
        )
    return root


def _meta_values(root: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip()
        content = (el.get("content") or "").strip()
        if key and content:
            values.setdefault(key.lower(), content)
    return values


def _first_text(root: Any, tag: str) -> str | None:
    for el in root.iter(tag):
        s = clean_title(el.text_content())
        if s:
            return s
    return None


def _published(root: Any, metas: dict[str, str], origin: str) -> tuple[Any, list[str]]:
    candidates = [metas[k] for k in _DATE_META if k in metas]
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("itemprop", "").lower() == "datepublished" and (el.get("content") or el.get("datetime")):
            candidates.append(el.get("content") or el.get("datetime"))
    candidates.extend(el.get("datetime") for el in root.iter("time") if el.get("datetime"))
    for value in candidates:
        found = parse_loose_date(value)
        if found is not None:
            future = future_date_warning(found, origin)
            return found, [future] if future else []
    if candidates:
        return None, [f"{origin}: the page's date {candidates[0]!r} is not a full date; published is left empty."]
    return None, []


def _page_metadata(root: Any, origin: str) -> tuple[DocumentMetadata, list[str]]:
    metas = _meta_values(root)
    title = (
        clean_title(metas.get("og:title") or metas.get("twitter:title"))
        or _first_text(root, "title")
        or _first_text(root, "h1")
    )
    published, warnings = _published(root, metas, origin)
    language = None
    for raw in (root.get("lang"), root.get("xml:lang"), metas.get("content-language"), metas.get("og:locale")):
        if raw and raw.strip():
            try:
                language = parse_language(raw, origin)
            except MetadataError as exc:
                warnings.append(str(exc))
            break
    canonical = next((el.get("href") for el in root.iter("link") if "canonical" in (el.get("rel") or "").lower()), None)
    meta: dict[str, Any] = {}
    for key, sources in _META_FIELDS:
        value = next((metas[src] for src in sources if src in metas), None)
        if value:
            meta[key] = value
    md = DocumentMetadata(
        title=title,
        publisher=clean_title(metas.get("og:site_name") or metas.get("dc.publisher")),
        published=published,
        language=language,
        section=clean_title(metas.get("article:section")),
        url=(canonical or metas.get("og:url") or "").strip() or None,
        meta=meta,
    )
    return md, warnings


def read_html(data: bytes, origin: str) -> ParsedDocument:
    """Read an HTML file's bytes: visible text plus page metadata.

    Raises :class:`~workbook.errors.DecodingError`, :class:`~workbook.errors.DocumentParseError`
    or :class:`~workbook.errors.EmptyDocumentError` (no visible text).
    """
    html, encoding = decode_html(data)
    try:
        root = _parse(html)
    except IngestError as exc:
        raise type(exc)(f"{origin}: {exc}") from exc
    body = root.find("body")
    text = _join(_pieces(body if body is not None else root))
    metadata, warnings = _page_metadata(root, origin)
    return ParsedDocument(
        require_text(text, origin, "visible text"), metadata=metadata, encoding=encoding, warnings=tuple(warnings)
    )
