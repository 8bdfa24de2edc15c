"""requirements.lock agrees with pyproject.toml, offline (``bash .ci/lock --check`` re-resolves online in CI).

- the digest of pyproject's dependency lists written into the lock's header is today's digest;
- every requirement pyproject names (base, each extra, the build backend) is pinned, with hashes, at a version
  its specifier allows, on each supported Python;
- the README's install command and .ci/run install from the lock the same way.
"""

from __future__ import annotations

import re
import runpy
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PYTHONS = ["3.11", "3.12", "3.13"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def _pins() -> dict[str, list[tuple[Version, str | None, int]]]:
    """Lock entries: canonical name -> [(version, marker or None, number of hashes)]."""
    pins: dict[str, list[tuple[Version, str | None, int]]] = {}
    lines = LOCK.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        m = PIN.match(line)
        if not m:
            continue
        hashes = 0
        for nxt in lines[i + 1:]:
            if not nxt.strip().startswith("--hash="):
                break
            hashes += 1
        pins.setdefault(canonicalize_name(m.group(1)), []).append((Version(m.group(2)), m.group(3), hashes))
    return pins


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements() -> list[tuple[str, Requirement]]:
    """(where, requirement) for everything the lock must cover; kg's own self-references are left out."""
    project = _project()
    out = [("dependencies", Requirement(r)) for r in project["project"]["dependencies"]]
    for extra, reqs in project["project"]["optional-dependencies"].items():
        out += [(f"extra {extra}", Requirement(r)) for r in reqs]
    out += [("build-system", Requirement(r)) for r in project["build-system"]["requires"]]
    return [(where, r) for where, r in out if canonicalize_name(r.name) != "kg"]


def test_lock_header_records_the_digest_of_todays_pyproject():
    digest = runpy.run_path(str(ROOT / ".ci" / "lock_inputs.py"))["digest"]()
    header = LOCK.read_text(encoding="utf-8")[:1000]
    m = re.search(r"^# inputs-sha256: ([0-9a-f]{64})", header, re.M)
    assert m, "requirements.lock has no '# inputs-sha256:' header: refresh it with 'bash .ci/lock'"
    assert m.group(1) == digest, ("requirements.lock is stale: pyproject.toml's dependencies changed since it was "
                                  "written; refresh it with 'bash .ci/lock' and commit it")


@pytest.mark.parametrize("python", PYTHONS)
def test_every_requirement_is_pinned_with_hashes_at_an_allowed_version(python):
    pins = _pins()
    env = {"python_version": python, "python_full_version": f"{python}.0", "sys_platform": "linux",
           "platform_system": "Linux", "os_name": "posix", "platform_machine": "x86_64", "implementation_name": "cpython",
           "platform_python_implementation": "CPython", "extra": ""}
    problems = []
    for where, req in _requirements():
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        entries = [(v, marker, h) for v, marker, h in pins.get(canonicalize_name(req.name), [])
                   if marker is None or _marker_holds(marker, env)]
        if not entries:
            problems.append(f"{req} ({where}) is not in requirements.lock")
            continue
        for version, _marker, hashes in entries:
            if not req.specifier.contains(version, prereleases=True):
                problems.append(f"{req} ({where}) is locked at {version}, outside its range")
            if hashes == 0:
                problems.append(f"{req.name}=={version} has no --hash in requirements.lock")
    assert not problems, "requirements.lock disagrees with pyproject.toml (run 'bash .ci/lock'):\n" + "\n".join(problems)


def _marker_holds(marker: str, env: dict[str, str]) -> bool:
    from packaging.markers import Marker

    return Marker(marker).evaluate(env)


def test_requires_python_matches_the_tested_versions():
    spec = _project()["project"]["requires-python"]
    from packaging.specifiers import SpecifierSet

    allowed = SpecifierSet(spec)
    assert all(allowed.contains(f"{p}.0") for p in PYTHONS)
    assert not allowed.contains("3.10.0") and not allowed.contains("3.14.0"), spec
    classifiers = _project()["project"]["classifiers"]
    assert {c.rsplit(" :: ", 1)[1] for c in classifiers if c.startswith("Programming Language :: Python :: 3.")} == set(PYTHONS)


INSTALL_STEPS = [
    "python3 -m venv .venv",
    "pip install -q --require-hashes --no-deps -r requirements.lock",
    "pip install -q --no-deps --no-build-isolation -e .",
]


def test_readme_and_ci_install_from_the_lock_the_same_way():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_command = re.search(r"```bash\n(.+?)\n```", readme, re.S).group(1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for s in INSTALL_STEPS:
        assert s in first_command, f"README's first command lacks {s!r}"
        assert s in ci, f".ci/run lacks {s!r}"
    assert "bash .ci/lock --check" in ci
