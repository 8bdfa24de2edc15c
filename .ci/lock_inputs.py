"""The inputs of requirements.lock and their digest (sha256 of pyproject's dependency lists,
extras, requires-python and the locked build backend).  ``python3 .ci/lock_inputs.py`` prints
the digest; .ci/lock writes it into the lock's header and tests/test_lock.py compares them."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lock_inputs(root: Path = ROOT) -> dict:
    """What the lock is resolved from, as pyproject.toml and .ci/build-requirements.in spell it."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    build = [line.strip() for line in (root / ".ci" / "build-requirements.in").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return {"requires-python": project["project"].get("requires-python"),
            "dependencies": project["project"].get("dependencies", []),
            "optional-dependencies": project["project"].get("optional-dependencies", {}),
            "build-system": project["build-system"].get("requires", []),
            "build-requirements.in": build}


def digest(root: Path = ROOT) -> str:
    """Hex sha256 of :func:`lock_inputs`, key order fixed."""
    return hashlib.sha256(json.dumps(lock_inputs(root), sort_keys=True).encode()).hexdigest()


if __name__ == "__main__":
    print(digest())
