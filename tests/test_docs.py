"""The README and --help stay true: every command is documented in both."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from annotator.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    return sorted(main.commands)


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name: str) -> None:
    assert re.search(rf"`annotator {re.escape(name)}\b", README), (
        f"`annotator {name}` is not documented in README.md"
    )


@pytest.mark.parametrize("name", command_names())
def test_every_option_has_help(name: str) -> None:
    command = main.commands[name]
    assert command.help, f"{name} has no help text"
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert parameter.help, f"{name} {parameter.opts} has no help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "annotator open seeds/" in commands[0]
    assert "pytest" in commands[1]
