"""Hostile material, made cheaply in memory: script payloads, damaged and malicious PDFs and .docx files,
zip bombs, and a hand-made Book whose every string column carries markup.

Every script payload sets ``window.__pwned`` if it ever runs, so a browser test only has to read that
sentinel. Nothing here touches the network or anything outside the folders the tests give it.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from workbook.book import Book
from workbook.ids import doc_id, entity_id, sha256_text, span_id
from workbook.model import conform

__all__ = [
    "ALLOWED_TAGS",
    "MARKUP_PAYLOADS",
    "PAYLOAD_TEXT",
    "RAW_MARKERS",
    "SCRIPT",
    "docx_bytes",
    "docx_with_document_xml",
    "drawn_strings",
    "hostile_book",
    "lying_docx",
    "patch_zip_member",
    "pdf_bytes",
    "pdf_flate_bomb",
    "raw_deflate_of",
    "raw_pdf",
    "real_docx_bomb",
    "unsafe_markup",
    "write_files",
]

SCRIPT = '<script>window.__pwned="script"</script>'
#: Markup that would run script if it ever reached a page unescaped: each sets ``window.__pwned``.
MARKUP_PAYLOADS: tuple[str, ...] = (
    SCRIPT,
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
    "<a href=\"javascript:window.__pwned='link'\">click me</a>",
    '"><script>window.__pwned="attribute-break"</script>',
    "'><img src=y onerror=window.__pwned='attribute-break-2'>",
    '</style><script>window.__pwned="style-break"</script>',
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "<details open ontoggle=\"window.__pwned='details'\"></details>",
    "<b onmouseover=\"window.__pwned='hover'\">bold</b>",
    "javascript:window.__pwned='url'",
)
PAYLOAD_TEXT = " and ".join(MARKUP_PAYLOADS)
#: What must never appear raw in anything a page renders (checked case-insensitively).
RAW_MARKERS: tuple[str, ...] = ("<script", "<img", "<svg", "<iframe", "<details", "<a ")
#: Tags the workbook itself writes: plotly's label subset (and its ``<extra>``) and the reader's elements.
ALLOWED_TAGS = frozenset({"br", "b", "i", "em", "sup", "sub", "span", "extra", "div", "header", "h3", "style"})
_ALLOWED_ATTRS = frozenset({"class", "id", "title", "style"})


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name not in _ALLOWED_ATTRS and not name.startswith("data-"):
                self.problems.append(f"<{tag} {name}=...>")
            elif value and re.search(r"javascript\s*:|expression\s*\(|url\s*\(", value, re.I) and name == "style":
                self.problems.append(f"<{tag} style={value!r}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def unsafe_markup(text: str) -> list[str]:
    """Real (unescaped) tags and attributes in ``text`` that the workbook never writes itself: any tag but
    :data:`ALLOWED_TAGS`, and any attribute but class/id/title/style/data-* (so no ``on*=``, ``href``,
    ``src``, ``srcdoc``). Escaped markup (``&lt;script&gt;``) is text and is not reported."""
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.problems


_NOT_DRAWN = frozenset({"customdata", "ids", "legendgroup", "meta", "uid", "selectedpoints"})
_REFERENCE = re.compile(r"%\{(customdata|meta)")


def drawn_strings(fig: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """``(path, text)`` of every string of a figure dict that plotly draws as (pseudo-)HTML: everything but
    the click channel and identifiers (``customdata``, ``ids``, ``legendgroup``, ``meta``) — unless a
    template anywhere in the figure (``%{customdata[1]}``, ``%{meta}``) pulls those into labels, in which
    case they count too."""

    def strings(node: Any, path: str, skip: frozenset[str]) -> Iterator[tuple[str, str]]:
        if isinstance(node, str):
            yield path, node
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in skip:
                    yield from strings(value, f"{path}.{key}", skip)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from strings(value, f"{path}[{i}]", skip)

    referenced = {m.group(1) for _, text in strings(fig, "", frozenset()) for m in _REFERENCE.finditer(text)}
    yield from strings(fig, "", _NOT_DRAWN - referenced)


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: text or bytes}`` under ``root`` (made if needed); returns ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


# --- PDF ----------------------------------------------------------------------------------------------


def pdf_bytes(
    lines: Sequence[str] = ("Missile factory near Sinpho.", "Second line here."),
    *,
    title: str | None = None,
    password: str | None = None,
) -> bytes:
    """A real PDF made with reportlab: text lines on one page (no lines: a filled rectangle, like a scan)."""
    buf = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(password, ownerPassword="owner") if password else None
    c = canvas.Canvas(buf, encrypt=encrypt)
    if title:
        c.setTitle(title)
    for i, line in enumerate(lines):
        c.drawString(72, 720 - 20 * i, line)
    if not lines:
        c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def raw_pdf(content: bytes, *, filter_name: str | None = "/FlateDecode") -> bytes:
    """A minimal one-page PDF, written by hand, whose page content stream is ``content`` as given (so a
    test controls exactly what the stream inflates to). The cross-reference table is correct."""
    stream_dict = b"<< /Length %d" % len(content) + (b" /Filter " + filter_name.encode() if filter_name else b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream_dict + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def raw_deflate_of(chunk: bytes, times: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``chunk`` repeated ``times`` times, made by compressing ``chunk`` once and
    repeating its byte-aligned, dictionary-free block (a full flush), plus the CRC-32 of the whole."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    return block * times + comp.flush(), crc


def pdf_flate_bomb(inflated_mib: int = 128) -> bytes:
    """A small PDF whose page content stream inflates to ``inflated_mib`` MiB of spaces."""
    comp = zlib.compressobj(1)
    chunk = b" " * (1 << 20)
    return raw_pdf(b"".join(comp.compress(chunk) for _ in range(inflated_mib)) + comp.flush())


# --- DOCX ---------------------------------------------------------------------------------------------


def docx_bytes(paragraphs: Sequence[str], *, title: str | None = None) -> bytes:
    """A real .docx made with python-docx."""
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if title is not None:
        document.core_properties.title = title
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_with_document_xml(xml: bytes) -> bytes:
    """A .docx whose ``word/document.xml`` is ``xml`` as given (every other part from a blank document)."""
    blank = zipfile.ZipFile(io.BytesIO(docx_bytes([])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in blank.infolist():
            zf.writestr(info.filename, xml if info.filename == "word/document.xml" else blank.read(info.filename))
    return out.getvalue()


def patch_zip_member(
    data: bytes, name: str, *, method: int | None = None, file_size: int | None = None, crc: int | None = None
) -> bytes:
    """``data`` (a zip without zip64 records) with the compression method, declared uncompressed size and/or
    CRC of member ``name`` overwritten in both its local header and its central-directory entry."""
    buf = bytearray(data)
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo(name)
    local = info.header_offset
    assert buf[local : local + 4] == b"PK\x03\x04"
    pos = zf.start_dir  # type: ignore[attr-defined]
    central = None
    while buf[pos : pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack("<HHH", buf[pos + 28 : pos + 34])
        if buf[pos + 46 : pos + 46 + n].decode() == name:
            central = pos
            break
        pos += 46 + n + m + k
    assert central is not None, name
    for header, base in ((local, 8), (central, 10)):  # method sits at +8 (local) / +10 (central)
        if method is not None:
            struct.pack_into("<H", buf, header + base, method)
        if crc is not None:
            struct.pack_into("<I", buf, header + base + 6, crc)
        if file_size is not None:
            struct.pack_into("<I", buf, header + base + 14, file_size)
    return bytes(buf)


def _docx_with_raw_member(stream: bytes) -> bytes:
    """A blank .docx whose ``word/document.xml`` holds ``stream`` stored as is (to be patched to deflate)."""
    blank = zipfile.ZipFile(io.BytesIO(docx_bytes([])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for info in blank.infolist():
            zf.writestr(info.filename, stream if info.filename == "word/document.xml" else blank.read(info.filename))
    return out.getvalue()


def real_docx_bomb(gib: int = 2) -> bytes:
    """A valid .docx (about 2 MB) whose ``word/document.xml`` really inflates to ``gib`` GiB of zeros, with
    honest sizes and CRC in its headers (32-bit size fields: ``gib`` at most 3)."""
    stream, crc = raw_deflate_of(b"\x00" * (1 << 24), 64 * gib)
    size = (1 << 30) * gib
    return patch_zip_member(_docx_with_raw_member(stream), "word/document.xml", method=8, file_size=size, crc=crc)


def lying_docx(inflated_mib: int = 256, declared: int = 2048) -> bytes:
    """A .docx whose ``word/document.xml`` declares ``declared`` bytes but inflates to ``inflated_mib`` MiB:
    a size check on the declared sizes passes it, so reading it must stop at the declared size."""
    stream, crc = raw_deflate_of(b"<" * (1 << 20), inflated_mib)
    return patch_zip_member(_docx_with_raw_member(stream), "word/document.xml", method=8, file_size=declared, crc=crc)


# --- a hand-made hostile Book ---------------------------------------------------------------------


def hostile_book() -> Book:
    """Two documents whose every string field that reaches a page (title, publisher, source, section, url,
    text, entity names and aliases, claim speaker/cue/hedge, event kind and context, place names) carries
    the payloads, with mentions, claims, events and geolocated places spanning them."""
    p = MARKUP_PAYLOADS
    texts = [
        f"Kim Jong Un said {p[0]} near Pyongyang on Monday. Officials said {p[1]} is likely. {p[3]} in June 2018.",
        f"{p[4]} Jeffrey Lewis said the site {p[2]} may be linked to {p[6]}. {p[7]} {p[8]} {p[9]} {p[10]}",
    ]
    docs = []
    for i, text in enumerate(texts):
        sha = sha256_text(text)
        docs.append(
            {
                "doc_id": doc_id(sha),
                "title": f"Title {p[i]} {p[5]}",
                "publisher": f"<b>{p[3]}</b>",
                "published": "2024-01-10" if i == 0 else None,
                "source": f"{p[1]}.txt",
                "sha256": sha,
                "text": text,
                "n_chars": len(text),
                "language": "en",
                "format": "txt",
                "section": p[6],
                "url": p[10],
                "encoding": "utf-8",
                "meta": None,
            }
        )
    d0, d1 = docs[0]["doc_id"], docs[1]["doc_id"]
    names = {
        "kim": (p[0], "person"),
        "pyo": (p[1] + " City", "place"),
        "org": (p[2], "organization"),
        "lewis": (p[5], "person"),
        "fac": (p[7], "facility"),
    }
    eids = {k: entity_id(t, n) for k, (n, t) in names.items()}
    mentions = []

    def mention(key: str, did: str, text: str, surface: str, sentence: int) -> None:
        s = text.index(surface)
        e = s + len(surface)
        mentions.append(
            {
                "mention_id": span_id("m", did, s, e),
                "doc_id": did,
                "start": s,
                "end": e,
                "entity_id": eids[key],
                "surface": surface,
                "sentence": sentence,
                "resolution": "exact",
                "candidates": [],
            }
        )

    t0, t1 = texts
    mention("kim", d0, t0, "Kim Jong Un", 0)
    mention("org", d0, t0, p[0], 0)
    mention("pyo", d0, t0, "Pyongyang", 0)
    mention("lewis", d1, t1, "Jeffrey Lewis", 1)
    mention("org", d1, t1, p[2], 1)
    mention("fac", d1, t1, p[7], 2)
    entities = []
    for key, (name, etype) in names.items():
        mine = [m for m in mentions if m["entity_id"] == eids[key]]
        entities.append(
            {
                "entity_id": eids[key],
                "name": name,
                "type": etype,
                "aliases": [p[8], p[9]],
                "n_mentions": len(mine),
                "n_docs": len({m["doc_id"] for m in mine}),
                "origin": "rules",
            }
        )
    c0s = t0.index("Officials said")
    c0e = t0.index(" is likely.") + len(" is likely.")
    c1s = t1.index("Jeffrey Lewis said")
    c1e = t1.index(p[6]) + len(p[6])
    claims = [
        {
            "claim_id": span_id("c", d0, c0s, c0e),
            "doc_id": d0,
            "start": c0s,
            "end": c0e,
            "text": t0[c0s:c0e],
            "sentence": 1,
            "speaker_id": None,
            "speaker_text": p[4],
            "quote_kind": "indirect",
            "cue": p[9],
            "hedge": p[1],
            "confidence": "likely",
            "entity_ids": [eids["org"]],
        },
        {
            "claim_id": span_id("c", d1, c1s, c1e),
            "doc_id": d1,
            "start": c1s,
            "end": c1e,
            "text": t1[c1s:c1e],
            "sentence": 1,
            "speaker_id": eids["lewis"],
            "speaker_text": p[5],
            "quote_kind": "indirect",
            "cue": "said",
            "hedge": p[3],
            "confidence": "roughly even chance",
            "entity_ids": [eids["org"], eids["fac"]],
        },
    ]
    e0s = t0.index("on Monday")
    e1s = t0.index("June 2018")
    events = [
        {
            "event_id": span_id("v", d0, e0s, e0s + 9),
            "doc_id": d0,
            "start": e0s,
            "end": e0s + 9,
            "text": "on Monday",
            "sentence": 0,
            "context": t0,
            "date_start": "2024-01-08",
            "date_end": "2024-01-08",
            "precision": "day",
            "resolution": "relative",
            "anchor": "2024-01-10",
            "kind": p[8],
            "entity_ids": [eids["kim"], eids["org"]],
        },
        {
            "event_id": span_id("v", d0, e1s, e1s + 9),
            "doc_id": d0,
            "start": e1s,
            "end": e1s + 9,
            "text": "June 2018",
            "sentence": 2,
            "context": p[3] + " in June 2018.",
            "date_start": "2018-06-01",
            "date_end": "2018-06-30",
            "precision": "month",
            "resolution": "absolute",
            "anchor": None,
            "kind": None,
            "entity_ids": [eids["pyo"], eids["fac"]],
        },
    ]
    places = [
        {
            "entity_id": eids["pyo"],
            "lat": 39.03,
            "lon": 125.75,
            "uncertainty_km": 15.0,
            "coord_source": "gazetteer",
            "source_name": p[0],
            "admin_area": p[1],
        },
        {
            "entity_id": eids["fac"],
            "lat": 40.03,
            "lon": 128.18,
            "uncertainty_km": 40.0,
            "coord_source": "gazetteer",
            "source_name": p[2],
            "admin_area": p[4],
        },
    ]
    return Book(
        documents=conform("documents", docs),
        entities=conform("entities", entities),
        mentions=conform("mentions", mentions),
        claims=conform("claims", claims),
        events=conform("events", events),
        places=conform("places", places),
    )
