"""Store settings from environment variables and an optional config file.

Precedence (highest first): command-line options (the CLI passes them as
``overrides``), environment variables, the config file, built-in defaults.

Config file: env ``KG_CONFIG``, else ``platformdirs.user_config_dir("kg")/config.toml``
(``~/.config/kg/config.toml`` on Linux); a missing file is fine.  Example::

    [store]
    path = "/data/kg-store"            # embedded store folder
    # endpoint = "http://localhost:3030/news"   # a remote dataset instead
    # server = "fuseki"                # fuseki | oxigraph | generic
    # user = "admin"
    timeout = 30

Environment: ``KG_STORE``, ``KG_ENDPOINT``, ``KG_QUERY_ENDPOINT``,
``KG_UPDATE_ENDPOINT``, ``KG_GSP_ENDPOINT``, ``KG_SERVER``, ``KG_USER``,
``KG_TIMEOUT``, ``KG_PASSWORD``.  The password is read from ``KG_PASSWORD`` or
asked for; it is never taken from the config file and never printed.

An unknown section or key in the config file (a misspelling: ``[stroe]``, ``endpont``) is not an error,
but is warned about (E017, :func:`config_problems`) naming the file, the key and the closest known one
(:func:`difflib.get_close_matches`), so a setting never silently does nothing.
"""

from __future__ import annotations

import difflib
import logging
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Mapping

from kg.errors import READ_ADVICE, TOML_ADVICE, InputError, Msg

__all__ = ["StoreSettings", "config_path", "config_problems", "load_settings"]

log = logging.getLogger(__name__)

_ENV = {
    "store_path": "KG_STORE",
    "endpoint": "KG_ENDPOINT",
    "query_endpoint": "KG_QUERY_ENDPOINT",
    "update_endpoint": "KG_UPDATE_ENDPOINT",
    "gsp_endpoint": "KG_GSP_ENDPOINT",
    "server": "KG_SERVER",
    "user": "KG_USER",
    "timeout": "KG_TIMEOUT",
}
_FILE_KEYS = {"path": "store_path", "endpoint": "endpoint", "query_endpoint": "query_endpoint",
              "update_endpoint": "update_endpoint", "gsp_endpoint": "gsp_endpoint", "server": "server",
              "user": "user", "timeout": "timeout"}


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """Where and how to open the store; the keyword arguments of
    :func:`kg.store.open_store` (see :meth:`open_kwargs`)."""

    store_path: Path | None = None
    endpoint: str | None = None
    query_endpoint: str | None = None
    update_endpoint: str | None = None
    gsp_endpoint: str | None = None
    server: str = "fuseki"
    user: str | None = None
    timeout: float = 30.0

    def open_kwargs(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


#: Environment variable for kg's caches (the knowledge base's built index, the actor-name table):
#: a folder to keep them in, or ``off`` to keep none.
CACHE_ENV = "KG_CACHE"


def cache_dir(part: str) -> Path | None:
    """The folder of one of kg's caches: ``$KG_CACHE/<part>``, else the user cache folder
    (``platformdirs.user_cache_dir("kg")/<part>``); None when ``KG_CACHE`` is ``off`` (or 0/no/false).
    Caches only hold what kg derived from files it names in the cache key; deleting them is always safe.

    :param part: the cache's sub-folder ("kb", "actors").
    """
    env = os.environ.get(CACHE_ENV)
    if env and env.lower() in ("off", "0", "no", "false"):
        return None
    if env:
        return Path(env).expanduser() / part
    import platformdirs

    return Path(platformdirs.user_cache_dir("kg", appauthor=False)) / part


def config_path() -> Path:
    """The config file's path (it may not exist)."""
    env = os.environ.get("KG_CONFIG")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("kg", appauthor=False)) / "config.toml"


def _coerce(name: str, value: Any, origin: str) -> Any:
    if value is None or value == "":
        return None
    if name == "store_path":
        return Path(str(value)).expanduser()
    if name == "timeout":
        try:
            t = float(value)
        except (TypeError, ValueError):
            t = -1.0
        if t <= 0:
            raise InputError(Msg.E008, origin=origin, field="timeout", expected="a positive number of seconds", got=repr(value))
        return t
    return str(value)


#: The config file's sections and their keys.
_SECTIONS: dict[str, tuple[str, ...]] = {"store": tuple(_FILE_KEYS)}


def _hint(name: str, known: list[str], shown: list[str]) -> str:
    close = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
    return f" Did you mean {shown[known.index(close[0])]!r}?" if close else ""


def config_problems(doc: Mapping[str, Any], path: Path) -> list[str]:
    """The E017 warnings for the unknown sections and keys of a parsed config file ``doc`` (read from
    ``path``), each naming the file, the key (``store.endpont``) and the closest known one, if any."""
    problems = []
    sections = list(_SECTIONS)
    keys = [f"{s}.{k}" for s, ks in _SECTIONS.items() for k in ks]
    for name, value in doc.items():
        if name in _SECTIONS:
            if isinstance(value, dict):
                for key in value:
                    if key not in _SECTIONS[name]:
                        problems.append(Msg.E017.format(
                            path=path, what="key", key=f"{name}.{key}", choices=", ".join(keys),
                            hint=_hint(key, list(_SECTIONS[name]), [f"{name}.{k}" for k in _SECTIONS[name]])))
        elif isinstance(value, dict):
            problems.append(Msg.E017.format(path=path, what="section", key=name, choices=", ".join(sections),
                                            hint=_hint(name, sections, sections)))
        else:  # a key outside any section
            owner = [s for s, ks in _SECTIONS.items() if name in ks]
            hint = (f" Put it under [{owner[0]}] (as {owner[0]}.{name})." if owner
                    else _hint(name, [k.split(".", 1)[1] for k in keys], keys))
            problems.append(Msg.E017.format(path=path, what="key", key=name, choices=", ".join(keys), hint=hint))
    return problems


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    path: Path | None = None,
    warn: bool = True,
) -> StoreSettings:
    """Merge defaults, the config file, the environment and ``overrides``
    (``None`` values in ``overrides`` are ignored).  With ``warn``, unknown sections and keys of the
    config file are logged as warnings (E017, :func:`config_problems`).

    :raises InputError: E007 if the config file ``KG_CONFIG`` names does not exist, E001 if it is a
        folder, or if the config file is not valid TOML, E008 for a bad value (or a ``store``
        that is not a table).
    """
    env = os.environ if environ is None else environ
    settings = StoreSettings()
    cfg = path or config_path()
    if path is None and os.environ.get("KG_CONFIG"):
        # a config file named on purpose (KG_CONFIG) must be there: a typo would otherwise silently
        # send the run to the default store
        if not cfg.exists():
            raise InputError(Msg.E007, path=cfg)
        if cfg.is_dir():  # (KG_CONFIG=/dev/null, no config file, stays allowed)
            raise InputError(Msg.E001, path=cfg, reason="it is a folder, not a config file", advice=READ_ADVICE)
    if cfg.is_file():
        try:
            doc = tomllib.loads(cfg.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(Msg.E001, path=cfg, reason=f"not valid TOML ({exc})", advice=TOML_ADVICE) from exc
        if warn:
            for problem in config_problems(doc, cfg):
                log.warning(problem)
        section = doc.get("store", {})
        if not isinstance(section, dict):
            raise InputError(Msg.E008, origin=cfg, field="store", expected="a table ([store] and its keys below it)",
                             got=repr(section))
        values = {_FILE_KEYS[k]: _coerce(_FILE_KEYS[k], v, f"{cfg} [store] {k}") for k, v in section.items() if k in _FILE_KEYS}
        settings = replace(settings, **{k: v for k, v in values.items() if v is not None})
    from_env = {name: _coerce(name, env[var], var) for name, var in _ENV.items() if env.get(var)}
    settings = replace(settings, **{k: v for k, v in from_env.items() if v is not None})
    if overrides:
        settings = replace(settings, **{k: _coerce(k, v, f"--{k}") for k, v in overrides.items() if v is not None})
    return settings
