"""The package's layers import in one direction, and no module imports itself back.

The developers' guide orders the layers model → ingest/extract → build/workspace → filtering →
charts → explore/export/curation → casestudy, with the widgets (the only place that imports
ipywidgets or anywidget) and the entry points (``api``, ``cli``, ``lab``, the package itself) on
top. This test walks every import statement of ``workbook/`` with :mod:`ast` — including imports
inside functions and under ``TYPE_CHECKING``, which is where cycles used to hide — and fails on an
import from a lower layer into a higher one, on a cycle between modules, and on a private name
(``_x``) imported from another module. A new top-level module must be given a layer here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbook"

#: Layer of each top-level module or subpackage of ``workbook``: an import may only go to the
#: same layer or a lower one.
LAYERS: dict[str, int] = {
    # 0: the declarations everything reads
    "errors": 0,
    "model": 0,
    "lists": 0,
    "labels": 0,
    "ids": 0,
    "names": 0,
    "version": 0,
    "csv_cells": 0,
    "durable": 0,
    "collector": 0,
    "book": 0,
    "lazybook": 0,
    # 1: reading documents and extracting from them
    "ingest": 1,
    "extract": 1,
    "synth": 1,
    # 2: building and storing the tables
    "corpus_links": 2,
    "assemble": 2,
    "rowbatches": 2,
    "rowspill": 2,
    "framecodec": 2,
    "docstream": 2,
    "engines": 2,
    "build": 2,
    "workspace": 2,
    "tableread": 2,
    "tables": 2,
    "info": 2,
    # 3: filtering (pandas and its DuckDB twin)
    "filtering": 3,
    # 4: charts
    "charts": 4,
    # 5: the analyst's work on top of the tables
    "explore": 5,
    "export": 5,
    "curation": 5,
    # 6: the widgets (the only importers of ipywidgets / anywidget)
    "widgets": 6,
    # 7: the case study composes all of the above
    "casestudy": 7,
    # 8: entry points
    "api": 8,
    "reference": 8,
    "lab": 8,
    "cli": 8,
    "__init__": 8,
    "__main__": 8,
}

WIDGET_LIBRARIES = ("ipywidgets", "anywidget")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> Iterator[tuple[str, str, int]]:
    """(imported module, imported name or "", line) for every workbook import in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, "", node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in MODULES:
                    yield submodule, "", node.lineno
                else:
                    yield target, alias.name, node.lineno


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for target, _name, _line in _imports(module, path):
            if target in MODULES and target != module:
                edges[module].add(target)
    return edges


def test_every_top_level_module_has_a_layer() -> None:
    missing = sorted({_top(m) for m in MODULES} - set(LAYERS))
    assert not missing, f"give these modules a layer in tests/test_layering.py: {missing}"


def test_no_upward_imports() -> None:
    upward = []
    for module, path in MODULES.items():
        here = LAYERS.get(_top(module))
        for target, _name, line in _imports(module, path):
            if target not in MODULES or here is None:
                continue
            there = LAYERS.get(_top(target))
            if there is not None and there > here:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not upward, "imports from a lower layer into a higher one:\n" + "\n".join(upward)


def test_no_import_cycles() -> None:
    edges = _edges()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_no_private_names_across_modules() -> None:
    crossing = []
    for module, path in MODULES.items():
        for target, name, line in _imports(module, path):
            if not target.startswith("workbook") or target == module:
                continue
            private_module = any(part.startswith("_") and not part.startswith("__") for part in target.split("."))
            private_name = name.startswith("_") and not name.startswith("__")
            home = module if MODULES[module].name == "__init__.py" else module.rsplit(".", 1)[0]
            same_package = target.rsplit(".", 1)[0] == home
            if private_name or (private_module and not same_package):
                crossing.append(f"{path.relative_to(ROOT)}:{line} imports {target}.{name}")
    assert not crossing, "private names used outside their module:\n" + "\n".join(crossing)


@pytest.mark.parametrize("library", WIDGET_LIBRARIES)
def test_only_widgets_import_widget_libraries(library: str) -> None:
    outside = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            imported = any(n == library or n.startswith(library + ".") for n in names)
            if imported and _top(module) != "widgets":
                outside.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not outside, f"{library} imported outside workbook/widgets/: {outside}"
