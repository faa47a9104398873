"""Bytes to text: the encoding is detected, never assumed.

The order of evidence, first match wins:

1. a byte-order mark (UTF-32, UTF-8, UTF-16), decoded strictly;
2. NUL bytes: UTF-16 without a BOM when they sit in every other byte, otherwise the file is binary
   and :class:`~workbook.errors.DecodingError` says so;
3. strict UTF-8;
4. cp1252 (Windows Western, a superset of printable Latin-1) when it decodes and reads as plausible
   text. charset-normalizer tends to call short Western text cp1250 and turns "naïve" into
   "naďve", so Western text is tried first;
5. charset-normalizer's best guess (Cyrillic, Greek, Korean, Japanese, ...).

Decoded text with many control characters is refused as binary. Line endings become ``\\n``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from workbook.errors import DecodingError

__all__ = ["MAX_CONTROL_RATIO", "decode_bytes", "looks_binary", "normalise_newlines", "valid_unicode"]

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
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Wide encodings are only believed with a BOM or NUL bytes (handled before guessing): without that
# evidence charset-normalizer's UTF-16 guesses for short non-UTF-8 data are nonsense.
_NEVER_GUESS = ("utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7")


_UNENCODABLE = re.compile(r"[\ud800-\udfff\x00]")


def valid_unicode(text: str) -> str:
    """``text`` without NULs and with lone surrogates (which JSON escapes such as ``\\ud800`` can
    produce and which cannot be written as UTF-8) replaced by U+FFFD."""
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
    controls = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return controls / len(text) > MAX_CONTROL_RATIO


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


def _guess(data: bytes) -> tuple[str, str] | None:
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
    guess = _guess(data)
    if guess is None:
        raise DecodingError(
            "The bytes fit no known text encoding. Re-save the file as UTF-8 (most editors offer this under "
            "'Save as… / Encoding')."
        )
    return _checked(*guess)
