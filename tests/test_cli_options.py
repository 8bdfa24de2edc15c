"""kg.cli.options: one StoreOptions object, one decorator that adds the store options to a command."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from kg.cli.options import ALL_OPTIONS, LOCAL_OPTIONS, OPTIONS, QUERY_OPTIONS, StoreOptions, store_options
from kg.errors import UsageError


def test_cli_options_decorator_puts_the_options_in_place_and_hands_one_object():
    seen: list[StoreOptions] = []
    app = typer.Typer()

    @app.command()
    @store_options(QUERY_OPTIONS)
    def cmd(name: str, where: StoreOptions = StoreOptions(), flag: bool = False) -> None:
        seen.append(where)

    @app.command()
    def other() -> None:  # a second command, so that Typer keeps 'cmd' as a sub-command
        pass

    assert list(inspect.signature(cmd).parameters) == ["name", *QUERY_OPTIONS, "flag"]
    res = CliRunner().invoke(app, ["cmd", "x", "--store", "/tmp/s", "--server", "oxigraph", "--timeout", "5"])
    assert res.exit_code == 0, res.output
    assert seen == [StoreOptions(store=Path("/tmp/s"), server="oxigraph", timeout=5.0)]
    assert not seen[0].remote and StoreOptions(gsp_endpoint="http://x/").remote


def test_cli_options_decorator_refuses_bad_use():
    with pytest.raises(TypeError, match="not store options"):
        store_options(("store", "colour"))
    with pytest.raises(TypeError, match="exactly one parameter annotated StoreOptions"):
        store_options(LOCAL_OPTIONS)(lambda name: None)

    def clash(store: str, where: StoreOptions = StoreOptions()) -> None: ...

    with pytest.raises(TypeError, match="clash"):
        store_options(LOCAL_OPTIONS)(clash)


def test_cli_options_sets():
    assert tuple(OPTIONS) == ALL_OPTIONS == tuple(f for f in StoreOptions.__dataclass_fields__)
    assert set(LOCAL_OPTIONS) < set(QUERY_OPTIONS) < set(ALL_OPTIONS)


@pytest.mark.parametrize(("options", "code"), [(StoreOptions(server="virtuoso"), "E066"),
                                               (StoreOptions(timeout=0.0), "E067"),
                                               (StoreOptions(timeout=-3.0), "E067")])
def test_cli_options_check_is_a_usage_error(options, code):
    with pytest.raises(UsageError) as err:
        options.check()
    assert err.value.code == code and err.value.exit_code == 2
