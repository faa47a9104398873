"""Encoding detection: decode_bytes and the .txt reader on real-world encodings and on junk."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.errors import DecodingError, EmptyDocumentError, IngestError
from workbook.ingest import IngestFailure, RawDocument, decode_bytes, looks_binary, read_document

pytestmark = pytest.mark.unit

WESTERN = "The minister said “we will respond” to the café owner’s complaint — it’s final, naïve or not.\n"


def test_utf8_is_read_as_utf8() -> None:
    assert decode_bytes("Kim Jong Un visited Sinpho — “quietly”.".encode()) == (
        "Kim Jong Un visited Sinpho — “quietly”.",
        "utf-8",
    )


def test_cp1252_curly_quotes_and_accents_come_out_right() -> None:
    text, encoding = decode_bytes(WESTERN.encode("cp1252"))
    assert text == WESTERN
    assert encoding == "cp1252"


def test_short_cp1252_is_not_mistaken_for_central_european() -> None:
    # charset-normalizer alone calls this cp1250 and turns "naïve" into "naďve"
    text, _ = decode_bytes("“Café” – it’s naïve.".encode("cp1252"))
    assert text == "“Café” – it’s naïve."


def test_latin1_text_decodes_to_the_same_characters() -> None:
    original = "Le garçon a mangé à l'hôtel près de la rivière; « déjà vu »."
    text, encoding = decode_bytes(original.encode("latin-1"))
    assert text == original
    assert encoding in {"cp1252", "iso8859-1"}


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    original = "Pyongyang, January 19 (KCNA) -- “Juche”\r\nsecond line"
    text, encoding = decode_bytes(bom + original.encode(codec))
    assert text == "Pyongyang, January 19 (KCNA) -- “Juche”\nsecond line"
    assert encoding == "utf-16"


def test_utf16_without_bom_is_recognised_by_its_nul_pattern() -> None:
    text, encoding = decode_bytes("Plain ASCII text in UTF-16".encode("utf-16-le"))
    assert text == "Plain ASCII text in UTF-16"
    assert encoding == "utf-16-le"


def test_utf8_bom_is_removed() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + "café".encode())
    assert text == "café"
    assert encoding == "utf-8-sig"


def test_non_western_encodings_are_detected() -> None:
    korean = "조선중앙통신 보도에 따르면 김정은 동지께서 현지지도하셨다."
    assert decode_bytes(korean.encode("euc-kr"))[0] == korean
    russian = "Привет, как дела? Это тестовый текст на русском языке."
    assert decode_bytes(russian.encode("cp1251"))[0] == russian


def test_line_endings_become_newlines() -> None:
    assert decode_bytes(b"a\r\nb\rc\nd")[0] == "a\nb\nc\nd"


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(DecodingError, match="binary"):
        decode_bytes(b"%PDF-1.4\x00\x01\x02\x03 binary \x00\xff\xfe")


def test_control_characters_mean_binary() -> None:
    with pytest.raises(DecodingError, match="binary"):
        decode_bytes(bytes(range(1, 32)) * 4)
    assert looks_binary("a\x01\x02\x03")
    assert not looks_binary("tabs\tand\nnewlines\r\n")


def test_broken_bom_is_a_decoding_error() -> None:
    with pytest.raises(DecodingError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("“Café” — résumé".encode("cp1252"), "“Café” — résumé"),
        (codecs.BOM_UTF16_LE + "Tschüß\r\n".encode("utf-16-le"), "Tschüß"),
        (codecs.BOM_UTF8 + "naïve\r\n".encode(), "naïve"),
        ("déjà vu".encode("latin-1"), "déjà vu"),
    ],
)
def test_txt_files_in_other_encodings_read_right(tmp_path: Path, data: bytes, expected: str) -> None:
    (tmp_path / "doc.txt").write_bytes(data)
    [doc] = read_document(tmp_path / "doc.txt", tmp_path)
    assert isinstance(doc, RawDocument)
    assert doc.text == expected
    assert doc.encoding


def test_binary_content_with_txt_extension_is_a_failure_row(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    [item] = read_document(tmp_path / "photo.txt", tmp_path)
    assert isinstance(item, IngestFailure)
    assert (item.source, item.stage, item.error) == ("photo.txt", "decode", "DecodingError")
    assert "binary" in item.message


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n  "])
def test_empty_txt_is_empty_document(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "blank.txt").write_bytes(content)
    [item] = read_document(tmp_path / "blank.txt", tmp_path)
    assert isinstance(item, IngestFailure)
    assert item.error == EmptyDocumentError.__name__
    assert item.stage == "parse"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_decode_bytes_raises_only_ingest_errors(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except IngestError:
        return
    assert "\r" not in text
    assert isinstance(encoding, str) and encoding


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"]))
def test_decoded_text_round_trips_when_encodable(original: str, codec: str) -> None:
    try:
        data = original.encode(codec)
    except UnicodeEncodeError:
        return
    try:
        text, _ = decode_bytes(data)
    except IngestError:
        return
    assert isinstance(text, str)
    if codec.startswith("utf") and not looks_binary(original) and not original.startswith("\ufeff"):
        assert text == original.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]))
def test_read_document_never_raises_on_arbitrary_bytes(tmp_path: Path, data: bytes, ext: str) -> None:
    path = tmp_path / f"junk{ext}"
    path.write_bytes(data)
    items = list(read_document(path, tmp_path))
    assert items
    for item in items:
        assert isinstance(item, RawDocument | IngestFailure)
        if isinstance(item, RawDocument):
            assert item.text.strip()
            item.text.encode("utf-8")  # always writable
            assert item.source.startswith(f"junk{ext}")
        else:
            assert item.message and item.error and item.stage


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain ascii", "plain ascii"),
        ("nul\x00inside", "nulinside"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("é\x00 and \udfff", "é and \ufffd"),
        ("curly “quotes” only", "curly “quotes” only"),
        ("", ""),
    ],
)
def test_valid_unicode_drops_nuls_and_replaces_lone_surrogates(text: str, expected: str) -> None:
    from workbook.ingest.text_decoding import valid_unicode

    assert valid_unicode(text) == expected


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_valid_unicode_equals_the_plain_substitution(text: str) -> None:
    """The ASCII shortcut gives what the substitution alone gives, for any text."""
    import re

    from workbook.ingest.text_decoding import valid_unicode

    plain = re.sub(r"[\ud800-\udfff\x00]", lambda m: "" if m.group(0) == "\x00" else "\ufffd", text)
    assert valid_unicode(text) == plain
