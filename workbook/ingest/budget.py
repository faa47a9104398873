"""Budgets for structured metadata (front matter, sidecars, collection records): a few bytes must not
become gigabytes or a stack overflow.

* YAML is read with :class:`BudgetLoader`, a safe loader that **refuses aliases** (``*name``: the
  "billion laughs" expands 538 bytes into gigabytes, and ``&a [*a]`` is a cycle) and stops past
  :data:`MAX_DEPTH` levels of nesting or :data:`MAX_NODES` values. Anchors alone (``&name``) are harmless
  and read.
* JSON nested deeper than the parser's stack is a :class:`~workbook.errors.MetadataError`, not a
  ``RecursionError``.
* :func:`bounded_values` drops the fields of a parsed object nested deeper than :data:`MAX_DEPTH`, with
  one warning each, so that a record or sidecar keeps its other fields.

Every check is one pass over the input: the time grows linearly with its size.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import yaml
from yaml.nodes import Node

from workbook.errors import MetadataError

__all__ = ["MAX_DEPTH", "MAX_NODES", "BudgetLoader", "bounded_values", "depth_exceeds", "load_json", "load_yaml"]

#: Deepest nesting of lists and objects read from metadata (real metadata stays under ten).
MAX_DEPTH = 64
#: Most YAML values (scalars, lists, objects) read from one front matter block or sidecar.
MAX_NODES = 100_000


class _BudgetExceeded(yaml.YAMLError):
    """Raised inside the loader; :func:`load_yaml` turns it into a :class:`MetadataError`."""


class BudgetLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses aliases and stops past :data:`MAX_DEPTH` / :data:`MAX_NODES`."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _BudgetExceeded(
                f"it uses a YAML alias (*{event.anchor}, line {event.start_mark.line + 1}); aliases are not read, "
                "because a few of them can expand into gigabytes. Write the values out instead"
            )
        self._depth += 1
        self._nodes += 1
        if self._depth > MAX_DEPTH:
            raise _BudgetExceeded(f"it is nested more than {MAX_DEPTH} levels deep; flatten it")
        if self._nodes > MAX_NODES:
            raise _BudgetExceeded(f"it holds more than {MAX_NODES:,} values; keep metadata short")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str, origin: str) -> Any:
    """``text`` parsed as YAML within the budget; raises :class:`MetadataError` for bad or hostile YAML."""
    loader = None
    try:
        loader = BudgetLoader(text)  # reading starts here: a bad character raises already
        return loader.get_single_data()
    except _BudgetExceeded as exc:
        raise MetadataError(f"{origin}: not read: {exc}.") from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise MetadataError(f"{origin}: not valid YAML ({exc}). Fix the syntax.") from None
    finally:
        if loader is not None:
            loader.dispose()


def load_json(text: str, origin: str) -> Any:
    """``text`` parsed as JSON; raises :class:`MetadataError` for bad JSON or nesting beyond the parser's stack."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MetadataError(f"{origin}: not valid JSON ({exc}). Fix the syntax.") from None
    except RecursionError:
        raise MetadataError(
            f"{origin}: not read: it is nested thousands of levels deep; metadata is a flat object of fields."
        ) from None


def depth_exceeds(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` holds lists/objects nested more than ``limit`` levels deep (iterative, and it
    stops at the first object it has met before: a cycle counts as too deep)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        if depth >= limit or id(item) in seen:
            return True
        seen.add(id(item))
        stack.extend((child, depth + 1) for child in children)
    return False


def bounded_values(data: Mapping[Any, Any], names: Iterable[Any], origin: str) -> tuple[dict[Any, Any], list[str]]:
    """The fields ``names`` of ``data`` that are nested at most :data:`MAX_DEPTH` deep, and one warning for
    each field left out."""
    kept: dict[Any, Any] = {}
    warnings: list[str] = []
    for name in names:
        value = data[name]
        if depth_exceeds(value, MAX_DEPTH - 1):
            warnings.append(
                f"{origin}: field {str(name)!r} is nested more than {MAX_DEPTH} levels deep (or refers to itself); "
                "it was left out. Flatten it if it matters."
            )
        else:
            kept[name] = value
    return kept, warnings
