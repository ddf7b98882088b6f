"""Every command and option is documented: docs/cli.md is generated from the parser and
must be current, and nothing in the parser lacks a help text."""
from pathlib import Path

from sitrep.cli import build_parser
from sitrep.cli.docs import options, render, subcommands

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_every_command_and_option_has_help():
    missing = []
    for name, help, sub in subcommands(build_parser()):
        if not help or not sub.description:
            missing.append(f"sitrep {name}: no help or description")
        for action in options(sub):
            if not (action.help or "").strip():
                missing.append(f"sitrep {name} {'/'.join(action.option_strings) or action.dest}: no help")
    assert not missing, "\n".join(missing)


def test_docs_cli_md_is_current():
    expected = render()
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/cli.md is out of date: run `python -m sitrep.cli.docs > docs/cli.md`")
    for name, _, sub in subcommands(build_parser()):
        assert f"## sitrep {name}" in expected
        for action in options(sub):
            for flag in action.option_strings:
                assert f"`{flag}" in expected, f"{name} {flag}"


def test_the_readme_shows_the_commands_the_demo_suggests():
    from sitrep.demo import DEFAULT_OUT, next_commands

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for command in next_commands(DEFAULT_OUT / "sitrep.duckdb", DEFAULT_OUT):
        assert command in readme, command
