"""README.md's command reference and layout table are checked against the code.

The command reference is generated from the ``workbook`` parser (``workbook.cli.command_reference``)
and must equal the text between the ``cli-reference`` markers; every ``workbook <command>`` written
anywhere in the README must be a real command; and the layout table must name every top-level
module and subpackage of ``workbook/`` — and nothing that is not there.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbook.cli import _parser, command_reference
from workbook.reference import api_reference

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
REGENERATE = (
    "python -c \"from workbook.cli import command_reference; print(command_reference(), end='')\" "
    "and paste it between the cli-reference markers of README.md"
)


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def test_command_reference_matches_the_parser() -> None:
    match = re.search(r"<!-- cli-reference:start -->\n(.*?)<!-- cli-reference:end -->", README, re.S)
    assert match, "README.md lost its cli-reference markers"
    assert match.group(1) == command_reference(), f"the command reference is stale: run {REGENERATE}"


def test_every_command_written_in_the_readme_exists() -> None:
    commands = set()
    for action in _parser()._actions:
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            commands |= set(choices)
    code = "\n".join(re.findall(r"```bash\n(.*?)```", README, re.S)) + "\n".join(re.findall(r"`([^`\n]+)`", README))
    written = set(re.findall(r"(?:^|\s)(?<!import )workbook ([a-z][a-z-]*)\b", code, re.M))
    unknown = sorted(written - commands)
    assert not unknown, f"README.md mentions commands the parser does not have: {unknown}"
    assert commands <= written, f"commands the README never shows: {sorted(commands - written)}"


def test_options_written_in_the_readme_exist() -> None:
    options = set()
    for action in _parser()._actions:
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            for sub in choices.values():
                for a in sub._actions:
                    options |= set(a.option_strings)
    shell_blocks = re.findall(r"```bash\n(.*?)```", README, re.S)
    written = set()
    for block in shell_blocks:
        for line in block.splitlines():
            if re.match(r"\s*workbook |\s+\[--", line):
                written |= set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line.split("#")[0]))
    assert written, "no workbook commands found in the README's shell blocks"
    unknown = sorted(written - options - {"--version", "--help"})
    assert not unknown, f"options shown in README.md that no command has: {unknown}"


def test_layout_table_names_the_tree() -> None:
    layout = _section("Layout")
    named = set(re.findall(r"`workbook/([A-Za-z0-9_]+)(?:\.py|/)`", layout))
    package = ROOT / "workbook"
    actual = {
        p.stem if p.is_file() else p.name
        for p in package.iterdir()
        if (p.suffix == ".py" and p.name not in {"__init__.py", "__main__.py"})
        or (p.is_dir() and p.name != "__pycache__")
    }
    assert named == actual, (
        f"README's layout table is out of date: missing {sorted(actual - named)}, "
        f"no longer there {sorted(named - actual)}"
    )


def test_api_reference_is_current() -> None:
    page = ROOT / "docs" / "api.md"
    assert page.read_text(encoding="utf-8") == api_reference(), (
        "docs/api.md is stale: run python -m workbook.reference > docs/api.md"
    )
    assert "docs/api.md" in README, "README.md should link the API reference"
