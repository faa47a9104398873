"""Bytes to text: the encoding is detected, never assumed.

The order of evidence, first match wins:

0. the signature of a well-known binary format (``%PDF-``, a zip such as a .docx, an old Office
   file, PNG, JPEG, GIF, ELF): :class:`~workbook.errors.DecodingError` names the format, so that a
   PDF renamed to ``.txt`` is reported rather than read as PDF syntax;
1. a byte-order mark (UTF-32, UTF-8, UTF-16), decoded strictly;
2. NUL bytes: UTF-16 without a BOM when they sit in every other byte, otherwise the file is binary
   and :class:`~workbook.errors.DecodingError` says so;
3. strict UTF-8;
4. lines of UTF-8 mixed with lines of cp1252 (text pasted together from two sources): each line is
   decoded on its own and the encoding is reported as :data:`MIXED_ENCODING`, so that neither part
   turns into mojibake ("CafÃ©"); the readers add a warning saying so;
5. cp1252 (Windows Western, a superset of printable Latin-1) when it decodes and reads as plausible
   text. charset-normalizer tends to call short Western text cp1250 and turns "naïve" into
   "naďve", so Western text is tried first;
6. charset-normalizer's best guess (Cyrillic, Greek, Korean, Japanese, ...).

Decoded text with many control characters is refused as binary. Line endings become ``\\n``.
"""

from __future__ import annotations

import codecs
import re

from workbook.errors import DecodingError

__all__ = [
    "MAX_CONTROL_RATIO",
    "MIXED_ENCODING",
    "decode_bytes",
    "looks_binary",
    "mixed_encoding_warning",
    "normalise_newlines",
    "valid_unicode",
]

#: Share of control characters (other than tab, newline, carriage return, form feed) above which
#: decoded text is taken to be binary data.
MAX_CONTROL_RATIO = 0.02

# cp1252 is preferred unless its decoding looks this garbled (charset-normalizer's mess ratio).
_CP1252_MAX_MESS = 0.2

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The encoding :func:`decode_bytes` reports for a file whose lines are partly UTF-8, partly cp1252.
MIXED_ENCODING = "utf-8+cp1252"
# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; tab, newline, vertical tab, form feed
# and carriage return (U+0009-U+000D) are allowed in text. A regex counts them at C speed.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Wide encodings are only believed with a BOM or NUL bytes (handled before guessing): without that
# evidence charset-normalizer's UTF-16 guesses for short non-UTF-8 data are nonsense.
_NEVER_GUESS = ("utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7")


#: Leading bytes of binary formats that are sometimes given a text extension: (signature, what it is).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document (give it the extension .pdf)"),
    (b"PK\x03\x04", "a zip archive such as a Word .docx or an Excel .xlsx (give it its real extension)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file such as a Word .doc (save it as .docx)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "a program (ELF executable)"),
)

_UNENCODABLE = re.compile(r"[\ud800-\udfff\x00]")


def valid_unicode(text: str) -> str:
    """``text`` without NULs and with lone surrogates (which JSON escapes such as ``\\ud800`` can
    produce and which cannot be written as UTF-8) replaced by U+FFFD."""
    if text.isascii() and "\x00" not in text:  # no surrogate in ASCII text (isascii is a flag look-up)
        return text
    return _UNENCODABLE.sub(lambda m: "" if m.group(0) == "\x00" else "\ufffd", text)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(text: str) -> bool:
    """Whether decoded ``text`` holds NULs or too many control characters to be a document."""
    if "\x00" in text:
        return True
    if not text:
        return False
    limit = MAX_CONTROL_RATIO * len(text)
    return any(n > limit for n, _ in enumerate(_CONTROLS.finditer(text), 1))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bom_less_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    for zeros, encoding in ((odd.count(0), "utf-16-le"), (even.count(0), "utf-16-be")):
        if zeros / half >= 0.3:
            text = _strict(data, encoding)
            if text is not None and not looks_binary(text):
                return text, encoding
    return None


def mixed_encoding_warning(encoding: str | None, origin: str) -> str | None:
    """A warning for a document decoded line by line (:data:`MIXED_ENCODING`), else ``None``."""
    if encoding != MIXED_ENCODING:
        return None
    return (
        f"{origin}: the file mixes text encodings (some lines UTF-8, others Windows cp1252); each line was "
        "decoded on its own. Check accented letters and quotes, and re-save the file as UTF-8."
    )


def _mixed_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 lines and cp1252 lines in one file, each decoded on its own; None unless both are there."""
    lines: list[str] = []
    utf8 = other = False
    for raw in data.split(b"\n"):
        line = _strict(raw, "utf-8")
        if line is None:
            line = _strict(raw, "cp1252")
            if line is None:
                return None
            other = True
        elif not raw.isascii():
            utf8 = True
        lines.append(line)
    if not (utf8 and other):
        return None
    text = "\n".join(lines)
    from charset_normalizer.md import mess_ratio  # here: only text that is not UTF-8 needs charset-normalizer

    if mess_ratio(text, maximum_threshold=1.0) > _CP1252_MAX_MESS:
        return None
    return text, MIXED_ENCODING


def _guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # here: only text that is not UTF-8 needs charset-normalizer
    from charset_normalizer.md import mess_ratio

    cp1252 = _strict(data, "cp1252")
    if cp1252 is not None and mess_ratio(cp1252, maximum_threshold=1.0) <= _CP1252_MAX_MESS:
        return cp1252, "cp1252"
    try:
        best = from_bytes(data, cp_exclusion=list(_NEVER_GUESS)).best()
    except Exception:  # charset-normalizer is heuristic; its failure is just "no guess"
        best = None
    if best is not None:
        text = _strict(data, best.encoding)
        if text is not None:
            return text, codecs.lookup(best.encoding).name
    if cp1252 is not None:
        return cp1252, "cp1252"
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    if looks_binary(text):
        raise DecodingError(
            f"The content looks like binary data, not text (decoded as {encoding} it is full of control "
            "characters). Check that the file is really a text document and has the right extension."
        )
    return normalise_newlines(text), encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding name)`` with newlines normalised to ``\\n``.

    Raises :class:`~workbook.errors.DecodingError` when the bytes are binary or fit no encoding.
    Empty input gives ``("", "utf-8")``; deciding that empty text is an error is the caller's job.
    """
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise DecodingError(
                f"The content is binary, not text: its first bytes are the signature of {what}. "
                "Check the file and its extension."
            )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise DecodingError(
                    f"The file starts with a {encoding.upper()} byte-order mark but is not valid {encoding}; "
                    "it is damaged or mislabelled. Re-save it as UTF-8."
                )
            return _checked(text, encoding)
    if b"\x00" in data:
        utf16 = _bom_less_utf16(data)
        if utf16 is not None:
            return _checked(*utf16)
        raise DecodingError(
            "The content holds NUL bytes: it looks like a binary file, not text. "
            "Check the extension (a PDF or Word file renamed to .txt?) or convert it to plain text."
        )
    text = _strict(data, "utf-8")
    if text is not None:
        return _checked(text, "utf-8")
    guess = _mixed_utf8(data) or _guess(data)
    if guess is None:
        raise DecodingError(
            "The bytes fit no known text encoding. Re-save the file as UTF-8 (most editors offer this under "
            "'Save as… / Encoding')."
        )
    return _checked(*guess)
