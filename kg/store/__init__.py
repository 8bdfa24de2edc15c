"""Triple stores: the embedded pyoxigraph store (default) and remote SPARQL 1.1
servers (Fuseki, Oxigraph server, any Query/Update + Graph Store Protocol server).

Importing :mod:`kg.store` loads only the interface (:mod:`kg.store.base`);
backends are imported when :func:`open_store` picks one.

>>> from kg.store import open_store
>>> with open_store(memory=True) as store:
...     store.replace_graph("http://example.org/g", '<http://e/s> <http://e/p> "o" .')
...     store.query("SELECT ?o WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }").rows[0][0].value
'o'
"""

from .base import PartialLoadError, QueryResult, Store, Term, bind_query, resolve_format, values_clause
from .registry import open_store

__all__ = [
    "Store",
    "QueryResult",
    "Term",
    "PartialLoadError",
    "open_store",
    "resolve_format",
    "values_clause",
    "bind_query",
]
