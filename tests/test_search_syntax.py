"""The search syntax of FilterSpec.text and the entity search: grammar, errors with positions, matching."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.book import Book
from workbook.errors import FilterSpecError, SearchSyntaxError
from workbook.explore.state import EntityCatalog
from workbook.filtering import FilterSpec, apply
from workbook.filtering.query import And, Not, Or, Query, Term, format_query, match_query, parse_query
from workbook.filtering.text import TextColumn
from workbook.widgets import explore

pytestmark = pytest.mark.unit

T0, T1, T2 = "Kim Jong Un inspects missile factory", "Analysts locate plants", "Undated note"


def _docs(book: Book, text: str) -> list[str]:
    return sorted(apply(book, FilterSpec(text=text)).documents["title"])


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("missile", Term("missile")),
        ('"fly far"', Term("fly far", "phrase")),
        ("kim jong", And((Term("kim"), Term("jong")))),
        ("a AND b", And((Term("a"), Term("b")))),
        ("a OR b c", Or((Term("a"), And((Term("b"), Term("c")))))),
        ("NOT a", Not(Term("a"))),
        ("(a OR b) c", And((Or((Term("a"), Term("b"))), Term("c")))),
        ("a AND (b AND c)", And((Term("a"), Term("b"), Term("c")))),
        ("missil*", Term("missil", "prefix")),
        ("Sinpo~1", Term("Sinpo", "fuzzy", 1)),
        ("Sinpo~", Term("Sinpo", "fuzzy", 1)),
        ("rock and roll", And((Term("rock"), Term("and"), Term("roll")))),  # lower-case words are words
        (".*", Term(".*")),  # not an operator: a literal word, as before
        ("~/notes", Term("~/notes")),
        ("", None),
        ("   ", None),
    ],
)
def test_grammar(query: str, tree: Query | None) -> None:
    assert parse_query(query) == tree
    assert parse_query(format_query(tree)) == tree


@pytest.mark.parametrize(
    ("query", "position", "words"),
    [
        ('say "no', 4, "never closed"),
        ("(a OR b", 0, "never closed"),
        ("a) b", 1, "closes no"),
        ("a AND", 2, "followed by a term"),
        ("OR a", 0, "needs a term before"),
        ("a ()", 2, "empty parentheses"),
        ('""', 0, "empty phrase"),
        ("Sinpo~3", 5, "edit distance"),
        ("NOT", 0, "followed by a term"),
    ],
)
def test_syntax_errors_are_named_with_their_position(query: str, position: int, words: str) -> None:
    with pytest.raises(SearchSyntaxError, match=words) as info:
        parse_query(query)
    assert info.value.position == position and info.value.query == query
    with pytest.raises(FilterSpecError):  # a FilterSpec refuses the query too (SearchSyntaxError is one)
        FilterSpec(text=query)


def test_deep_nesting_is_a_syntax_error_not_a_crash() -> None:
    with pytest.raises(SearchSyntaxError, match="nests deeper"):
        parse_query("(" * 500 + "a" + ")" * 500)
    with pytest.raises(SearchSyntaxError, match="nests deeper"):
        parse_query("NOT " * 500 + "a")


def test_plain_words_keep_matching_what_they_did(tiny_book: Book) -> None:
    assert _docs(tiny_book, "MISSILE") == sorted([T0, T1])
    assert _docs(tiny_book, "fly far,") == [T0]  # a literal substring is still found
    assert _docs(tiny_book, "Jong Un visited") == [T0]


def test_phrases_and_boolean_operators(tiny_book: Book) -> None:
    assert _docs(tiny_book, '"Kim Jong Un" AND NOT Trump') == [T0]
    assert _docs(tiny_book, '"Kim Jong Un" NOT Trump') == [T0]
    assert _docs(tiny_book, "Trump OR Pyongyang") == sorted([T1, T2])
    assert _docs(tiny_book, "(Trump OR Pyongyang) AND factory") == [T2]
    assert _docs(tiny_book, '"Un visited the"') == [T0]
    assert _docs(tiny_book, '"visited Kim"') == []  # a phrase is exact


def test_prefix_and_fuzzy(tiny_book: Book) -> None:
    assert _docs(tiny_book, "missil*") == sorted([T0, T1])
    assert _docs(tiny_book, "issile*") == []  # a prefix starts a word
    assert _docs(tiny_book, "Pyongyan~1") == [T2]
    assert _docs(tiny_book, "Pyongyan~0") == []
    assert _docs(tiny_book, "Pjongjang~2") == [T2]


def test_names_match_across_romanisations(tiny_book: Book) -> None:
    assert _docs(tiny_book, "Sinpo") == [T0]  # the text says Sinpho
    assert _docs(tiny_book, "Phyongyang") == [T2]
    assert _docs(tiny_book, "Hwasongpho") == [T2]  # the text says Hwasong-15
    assert _docs(tiny_book, "Hwasongpho-15") == [T2]
    column = TextColumn.build(pd.Series(["Hwasongpho-19 launched", "Sinpo South Shipyard", None, "a sin"]))
    assert match_query("Hwasong", column).tolist() == [True, False, False, False]
    assert match_query("Hwasong-19", column).tolist() == [True, False, False, False]
    assert match_query("Sinpho", column).tolist() == [False, True, False, False]  # not "sin": no weapon family
    assert match_query("NOT Sinpho", column).tolist() == [True, False, False, True]  # no text: nothing matches


def test_the_entity_search_uses_the_syntax(tiny_book: Book) -> None:
    catalog = EntityCatalog.build(
        tiny_book, dict(zip(tiny_book.entities["entity_id"], tiny_book.entities["name"], strict=True))
    )
    labels = [label for label, _ in catalog.choices("Sinpo OR Trump")]
    assert sorted(labels) == ["Donald Trump (1)", "Sinpho (1)"]
    with pytest.raises(SearchSyntaxError):
        catalog.choices("(kim")
    ex = explore(tiny_book)
    ex.panel.entity_query.value = "(kim"
    assert "position 0" in ex.panel.entity_hint.value
    ex.panel.controls["text"].value = 'say "no'
    assert ex.spec.text == "" and "position 4" in ex.panel.text_hint.value
    ex.panel.controls["text"].value = "Sinpo"
    assert ex.spec.text == "Sinpo" and ex.panel.text_hint.value == ""


# -- properties ------------------------------------------------------------------------------------

_PIECES = [
    "a",
    "b",
    "Kim",
    "Sinpo",
    "missil*",
    "Sinpo~1",
    "x~2",
    '"fly far"',
    "AND",
    "OR",
    "NOT",
    "(",
    ")",
    '"',
    "*",
    "~",
    "~3",
    "é",
    ".*",
    " ",
    "  ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join) | st.text(max_size=30))
def test_parsing_never_crashes_with_anything_but_the_named_error(query: str) -> None:
    try:
        tree = parse_query(query)
    except SearchSyntaxError as exc:
        assert 0 <= exc.position <= len(query)
        return
    assert parse_query(format_query(tree)) == tree  # round trip through the canonical text
    column = TextColumn.build(pd.Series(["Kim said a b fly far", "Sinpho missiles", "", None]))
    assert len(match_query(tree, column)) == 4


_words = st.sampled_from(["a", "kim", "Sinpo", "ÉTÉ", "x-1"]).map(Term)
_terms = (
    _words
    | st.builds(Term, st.sampled_from(["fly far", "a (b)", "NOT x"]), st.just("phrase"))
    | st.builds(Term, st.sampled_from(["missil", "Kim"]), st.just("prefix"))
    | st.builds(Term, st.sampled_from(["Sinpo", "kim"]), st.just("fuzzy"), st.integers(0, 2))
)


def _flat(kind: type[And] | type[Or], kids: list[Query]) -> tuple[Query, ...]:
    return tuple(k for c in kids for k in (c.children if isinstance(c, kind) else (c,)))


_trees = st.recursive(
    _terms,
    lambda inner: (
        st.builds(Not, inner)
        | st.lists(inner, min_size=2, max_size=3).map(lambda kids: And(_flat(And, kids)))
        | st.lists(inner, min_size=2, max_size=3).map(lambda kids: Or(_flat(Or, kids)))
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(_trees)
def test_every_tree_round_trips_through_its_text(tree: Query) -> None:
    assert parse_query(format_query(tree)) == tree
