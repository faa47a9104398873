"""Plain text, Markdown (front matter, headings) and HTML (visible text, blocks, page metadata)."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import DocumentParseError, EmptyDocumentError, IngestError
from workbook.ingest import (
    IngestFailure,
    RawDocument,
    html_to_text,
    markdown_to_text,
    read_document,
    read_html,
    read_plain_text,
    title_from_text,
)

pytestmark = pytest.mark.unit


def _one(path: Path, root: Path) -> RawDocument:
    items = list(read_document(path, root))
    assert len(items) == 1, items
    doc = items[0]
    assert isinstance(doc, RawDocument), doc
    return doc


# --- plain text -------------------------------------------------------------------------------


def test_txt_title_is_the_first_short_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Missile plants located\n\nAnalysts found six sites.\nMore text.\n")
    doc = _one(tmp_path / "a.txt", tmp_path)
    assert doc.title == "Missile plants located"
    assert doc.text == "Missile plants located\n\nAnalysts found six sites.\nMore text."
    assert doc.format == "txt"
    assert doc.published is None
    assert doc.source == "a.txt"


def test_txt_title_falls_back_to_file_stem_when_first_line_is_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "field notes.txt").write_text("This is a sentence that ends with a full stop.\nAnother one.\n")
    assert _one(tmp_path / "field notes.txt", tmp_path).title == "field notes"


def test_txt_title_falls_back_to_stem_for_a_long_first_line(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("word " * 60 + "\nsecond line\n")
    assert _one(tmp_path / "long.txt", tmp_path).title == "long"


def test_title_from_text_rules() -> None:
    assert title_from_text("Headline Without Period\nbody") == "Headline Without Period"
    assert title_from_text("KCNA Hails Launch!\nbody") == "KCNA Hails Launch!"
    assert title_from_text("Only one line") is None
    assert title_from_text("A sentence.\nbody") is None


def test_read_plain_text_raises_named_errors() -> None:
    with pytest.raises(EmptyDocumentError):
        read_plain_text(b"  \n ", "txt", "x.txt")
    assert read_plain_text(b"a\r\nb", "txt", "x.txt").text == "a\nb"


# --- markdown ---------------------------------------------------------------------------------

MD = """---
title: "Six factories"
publisher: 38 North
published: 2019-01-17
tags: [missiles, factories]
---
# Ignored heading because front matter has a title

Some **bold** claim with a [link](https://example.org/x) and `code`.

> quoted line
"""


def test_markdown_front_matter_is_metadata_and_removed(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(MD)
    doc = _one(tmp_path / "note.md", tmp_path)
    assert doc.title == "Six factories"
    assert doc.publisher == "38 North"
    assert doc.published == date(2019, 1, 17)
    assert doc.meta == {"tags": ["missiles", "factories"]}
    assert "---" not in doc.text and "publisher" not in doc.text
    assert doc.text.startswith("Ignored heading because front matter has a title")
    assert "Some bold claim with a link and code." in doc.text
    assert "quoted line" in doc.text and "> quoted" not in doc.text
    assert doc.format == "md"


def test_markdown_first_heading_is_the_title(tmp_path: Path) -> None:
    (tmp_path / "h.md").write_text("Intro paragraph.\n\n# The *Real* Title #\n\nBody text.\n")
    doc = _one(tmp_path / "h.md", tmp_path)
    assert doc.title == "The Real Title"


def test_markdown_bad_front_matter_still_loads_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody text here.\n")
    doc = _one(tmp_path / "bad.md", tmp_path)
    assert doc.text == "Body text here."
    assert len(doc.warnings) == 1 and "YAML" in doc.warnings[0] and "bad.md" in doc.warnings[0]


def test_markdown_front_matter_bad_date_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text("---\npublished: next week\n---\nBody.\n")
    doc = _one(tmp_path / "d.md", tmp_path)
    assert doc.published is None
    assert any("next week" in w for w in doc.warnings)


def test_markdown_to_text_keeps_snake_case_and_arithmetic() -> None:
    assert markdown_to_text("use snake_case_names and 2 * 3 * 4") == "use snake_case_names and 2 * 3 * 4"
    assert markdown_to_text("![a map](m.png) and _emphasis_") == "a map and emphasis"


# --- html -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Six factories | The Straits Times</title>
  <meta property="og:title" content="US analysts locate 6 factories">
  <meta property="og:site_name" content="The Straits Times">
  <meta property="article:published_time" content="2019-01-19T05:00:00+08:00">
  <meta property="article:section" content="Asia">
  <meta name="author" content="Reuters">
  <link rel="canonical" href="https://www.straitstimes.com/asia/six-factories">
  <style>p { color: red; } .secret { display: none }</style>
  <script>var tracking = "should not appear";</script>
</head>
<body>
  <nav>Home</nav>
  <h1>US analysts locate 6 factories</h1>
  <p>First paragraph ends here</p><p>Second paragraph starts here.</p>
  <div>Div one</div><div>Div two</div>
  <p>Line<br>break and <b>bold</b> <i>inline</i> words.</p>
  <script>document.write("nope")</script>
  <noscript>Enable JavaScript</noscript>
  <template><p>template text</p></template>
  <p hidden>hidden paragraph</p>
  <p style="display: none">css hidden</p>
  <div aria-hidden="true">aria hidden</div>
  <!-- a comment -->
  <ul><li>item one</li><li>item two</li></ul>
  <table><tr><td>cell a</td><td>cell b</td></tr><tr><td>cell c</td><td>cell d</td></tr></table>
  <pre>  keep   spacing  </pre>
</body>
</html>
"""


def test_html_visible_text_only(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    doc = _one(tmp_path / "page.html", tmp_path)
    for gone in (
        "tracking",
        "color: red",
        "nope",
        "Enable JavaScript",
        "template text",
        "hidden paragraph",
        "css hidden",
        "aria hidden",
        "a comment",
        "Six factories | The Straits Times",
    ):
        assert gone not in doc.text, gone
    assert "bold inline words." in doc.text


def test_html_blocks_do_not_run_together(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    text = _one(tmp_path / "page.html", tmp_path).text
    assert "First paragraph ends here\n\nSecond paragraph starts here." in text
    assert "Div one\n\nDiv two" in text
    assert "Line\nbreak" in text
    assert "item one\nitem two" in text
    assert "cell a\tcell b\ncell c\tcell d" in text
    assert "keep   spacing" in text
    assert "herePara" not in text.replace(" ", "")


def test_html_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    doc = _one(tmp_path / "page.html", tmp_path)
    assert doc.title == "US analysts locate 6 factories"
    assert doc.publisher == "The Straits Times"
    assert doc.published == date(2019, 1, 19)
    assert doc.language == "en"
    assert doc.section == "Asia"
    assert doc.url == "https://www.straitstimes.com/asia/six-factories"
    assert doc.meta["author"] == "Reuters"
    assert doc.format == "html"


def test_html_title_from_title_tag_then_h1_and_date_from_time() -> None:
    page = b"<html><head><title>Page Title</title></head><body><time datetime='2024-10-31'>Thu</time><p>x</p></body>"
    parsed = read_html(page, "p.html")
    assert parsed.metadata.title == "Page Title"
    assert parsed.metadata.published == date(2024, 10, 31)
    parsed = read_html(b"<html><body><h1> Big  Heading </h1><p>text</p></body></html>", "p.html")
    assert parsed.metadata.title == "Big Heading"
    assert parsed.metadata.published is None


def test_html_meta_name_date_and_unusable_date_warning() -> None:
    parsed = read_html(b'<html><head><meta name="date" content="19 January 2019"></head><body>x</body></html>', "d")
    assert parsed.metadata.published == date(2019, 1, 19)
    parsed = read_html(b'<html><head><meta name="date" content="January 2019"></head><body>x</body></html>', "d")
    assert parsed.metadata.published is None
    assert parsed.warnings and "January 2019" in parsed.warnings[0]


def test_html_declared_charset_is_used() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>“Café”</p></body></html>'.encode("cp1252")
    parsed = read_html(page, "p.html")
    assert parsed.text == "“Café”"


def test_html_labelled_latin1_is_read_as_cp1252_like_browsers_do() -> None:
    page = '<html><head><meta charset="ISO-8859-1"></head><body><p>“Quoted” café</p></body></html>'
    assert read_html(page.encode("cp1252"), "p.html").text == "“Quoted” café"


def test_html_without_visible_text_is_empty(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>T</title><script>x()</script></head><body> </body></html>")
    [item] = read_document(tmp_path / "empty.html", tmp_path)
    assert isinstance(item, IngestFailure)
    assert item.error == "EmptyDocumentError"


def test_html_nested_too_deep_is_a_parse_error_not_silent_loss() -> None:
    assert html_to_text("<div>" * 200 + "deep" + "</div>" * 200) == "deep"
    with pytest.raises(DocumentParseError, match="255 levels"):
        html_to_text("<p>before</p>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "<p>after</p>")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/ab =\"'!-pdivscript&;#\n\t")), max_size=200))
def test_html_to_text_raises_only_ingest_errors(markup: str) -> None:
    with contextlib.suppress(IngestError):
        html_to_text(markup)
