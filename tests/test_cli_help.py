"""--help of every registered kg command and sub-command (the Typer command tree, walked)."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.options import ALL_OPTIONS, LOCAL_OPTIONS, OPTIONS, QUERY_OPTIONS

runner = CliRunner()
ROOT = typer.main.get_command(app)


def _walk(cmd, path: tuple[str, ...] = ()):
    yield path, cmd
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        yield from _walk(sub, (*path, name))


COMMANDS = list(_walk(ROOT))

#: The commands that touch a store, and the store options each one takes.
STORE_COMMANDS = {
    ("run",): ALL_OPTIONS, ("load",): ALL_OPTIONS,
    ("query",): QUERY_OPTIONS, ("sparql",): QUERY_OPTIONS, ("graph",): QUERY_OPTIONS,
    ("timeline",): QUERY_OPTIONS, ("stats",): QUERY_OPTIONS, ("serve",): QUERY_OPTIONS,
    ("validate",): LOCAL_OPTIONS, ("info",): LOCAL_OPTIONS,
}


def _flat(text: str) -> str:
    """Help output without Rich's box characters and line breaks."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def test_cli_help_tree_is_complete():
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"run", "extract", "load", "query", "sparql", "evaluate", "validate", "info", "graph", "timeline",
            "stats", "kb", "kb lookup", "kb build", "kb update", "kb promote", "fuseki", "fuseki create"} <= names
    assert len(COMMANDS) >= 19  # the root, 13 commands and groups, 5 sub-commands


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=[" ".join(p) or "kg" for p, _ in COMMANDS])
def test_cli_help_every_command(path, cmd):
    res = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "240", "TERM": "dumb"})
    assert res.exit_code == 0, res.output
    flat = _flat(res.output)
    assert re.search(r"Usage: " + re.escape(" ".join(("kg", *path))) + r" \[OPTIONS\]", flat), flat[:200]
    first_line = (cmd.help or "").strip().splitlines()[0].strip()
    assert first_line and " ".join(first_line.split()) in flat
    for param in cmd.params:
        if param.param_type_name == "option":
            for opt in param.opts:
                assert re.search(re.escape(opt) + r"(?![\w-])", flat), (path, opt)
            help_start = " ".join((param.help or "").split()[:3])
            assert help_start and help_start in flat, (path, param.name, help_start)
        else:  # an argument: its name appears in the usage line
            assert param.name in flat, (path, param.name)
    for name, sub in getattr(cmd, "commands", {}).items():
        assert name in flat and (sub.help or "").split()[0] in flat, (path, name)


def test_cli_help_store_commands_share_one_set_of_options():
    """The ten store commands take exactly their store options, with the shared help text."""
    by_path = dict(COMMANDS)
    shared_help = {name: typer_info.__metadata__[0].help for name, typer_info in OPTIONS.items()}
    for path, wanted in STORE_COMMANDS.items():
        params = {p.name: p for p in by_path[path].params}
        store_like = {n for n in params if n in OPTIONS}
        assert store_like == set(wanted), (path, store_like)
        for name in wanted:
            assert params[name].help == shared_help[name] and params[name].default is None, (path, name)
    # fuseki create takes --user for the admin API; kb update's --endpoint is a Wikidata SPARQL endpoint
    others = [p for p, c in COMMANDS if p not in STORE_COMMANDS and p not in (("fuseki", "create"), ("kb", "update"))]
    for path in others:
        assert not {p.name for p in by_path[path].params} & (set(OPTIONS) - {"user"}), path


def _helps(cmd):
    yield cmd.help or ""
    for param in cmd.params:
        yield getattr(param, "help", None) or ""


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=[" ".join(p) or "kg" for p, _ in COMMANDS])
def test_cli_help_shows_every_bracketed_word(path, cmd):
    """Help is Rich markup: a bracketed word that is not escaped (``pip install 'kg[dask]'``) is taken as a
    style tag and vanishes from the output; every ``[word]`` a help text holds must be shown."""
    res = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "400", "TERM": "dumb"})
    flat = "".join(_flat(res.output).split())
    for text in _helps(cmd):
        for word in re.findall(r"\\?\[[a-z][\w-]*\]", text):
            assert word.lstrip("\\") in flat, (path, word)
