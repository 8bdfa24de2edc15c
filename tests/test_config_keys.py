"""The config file's unknown sections and keys are warned about (E017), naming the file, the key and the
closest known key: a misspelt setting (``[stroe]``, ``endpont``) would otherwise silently do nothing and kg
would use another store than the user meant.  Through the real CLI (typer's CliRunner, a real store)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.config import config_problems, load_settings
from kg.errors import InputError
from kg.store.oxigraph import OxigraphStore

runner = CliRunner()


def _flat(output: str) -> str:
    return " ".join(re.sub(r"[│╭╮╰╯─┌┐└┘├┤]", " ", output).replace("WARNING", " ").split())


CASES = [
    # (id, config text, the warning's words, or None for no warning)
    ("known", '[store]\npath = "{store}"\ntimeout = 10\n', None),
    ("key", '[store]\nendpont = "http://localhost:3030/news"\n',
     "unknown key 'store.endpont', ignored. Did you mean 'store.endpoint'?"),
    ("key-case", '[store]\nPath = "/elsewhere"\n', "unknown key 'store.Path', ignored. Did you mean 'store.path'?"),
    ("section", '[stroe]\npath = "/elsewhere"\n', "unknown section 'stroe', ignored. Did you mean 'store'?"),
    ("section-far", '[display]\ncolour = "red"\n', "unknown section 'display', ignored. Known sections: store."),
    ("key-far", '[store]\nflavour = "mint"\n', "unknown key 'store.flavour', ignored. Known keys: store.path,"),
    ("top-level", "timeout = 5\n", "unknown key 'timeout', ignored. Put it under [store] (as store.timeout)."),
    ("top-level-typo", 'endpoit = "http://localhost:3030/news"\n',
     "unknown key 'endpoit', ignored. Did you mean 'store.endpoint'?"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cfg") / "store"
    with OxigraphStore(path):
        pass
    return path


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_config_unknown_keys_are_warned_with_the_closest_known(tmp_path, store, monkeypatch, text, words):
    cfg = tmp_path / "config.toml"
    cfg.write_text(text.format(store=store), encoding="utf-8")
    monkeypatch.setenv("KG_CONFIG", str(cfg))
    monkeypatch.delenv("KG_STORE", raising=False)
    res = runner.invoke(app, ["stats", "--store", str(store)])
    flat = _flat(res.output)
    assert res.exit_code == 0, flat
    if words is None:
        assert "E017" not in flat
    else:
        assert flat.count("E017") == 1, flat  # once, though the command reads the settings more than once
        nospace = lambda t: "".join(t.split())  # noqa: E731 - the log handler wraps long lines, even in a path
        assert nospace(f"E017: {cfg}: {words}") in nospace(flat), flat


def test_config_unknown_keys_quiet_and_parsed(tmp_path, store, monkeypatch):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[store]\npth = "/elsewhere"\n[stroe]\n', encoding="utf-8")
    monkeypatch.setenv("KG_CONFIG", str(cfg))
    assert "E017" not in _flat(runner.invoke(app, ["-q", "stats", "--store", str(store)]).output)  # -q hides warnings
    assert len(config_problems({"store": {"pth": 1}, "stroe": {}}, cfg)) == 2
    assert config_problems({"store": {"path": "/x", "timeout": 3}}, cfg) == []


def test_config_store_that_is_not_a_table_is_e008(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('store = "/data/kg"\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_settings(path=cfg, environ={})
    assert err.value.code == "E008" and str(cfg) in str(err.value) and "a table" in str(err.value)
