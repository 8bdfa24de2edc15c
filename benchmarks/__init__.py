"""Benchmarks and the SPARQL-server starters they share with the tests; not part of the installed ``kg`` package.

Run from the repository root: ``python -m benchmarks.bench`` (kg against bare
spaCy and pyoxigraph) and ``python -m benchmarks.bench_remote`` (``kg load``
into Fuseki and Oxigraph's server against a plain upload).
:mod:`benchmarks.servers` starts the servers (also used by ``tests/servers.py``).
"""
