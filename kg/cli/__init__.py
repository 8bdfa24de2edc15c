"""kg's command line (Typer), one module per group of commands.

Each command is a thin wrapper over a plain function of :mod:`kg.run.jobs`,
:mod:`kg.queries`, :mod:`kg.evaluate`, :mod:`kg.link` or :mod:`kg.rdf` that
returns data; the CLI only parses options, shows progress and prints.  kg's
own errors become one-line messages and a non-zero exit code (``--debug``
shows the traceback).

Exit codes: 0 success; 1 an error, or some inputs were skipped or failed to
load (the summary says which); 2 usage errors (bad option values, unknown
formats, servers, queries or parameters: :data:`kg.errors.USAGE_CODES`,
:class:`kg.errors.UsageError`, and Typer's own, numbered E070).  The store
options are shared through :mod:`kg.cli.options`, the formats through
:mod:`kg.formats`.
"""

from __future__ import annotations

from kg.cli import fuseki, jobs, kb, query, serve, tools, views  # noqa: F401,E402  (register the commands)
from kg.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()


if __name__ == "__main__":
    main()
