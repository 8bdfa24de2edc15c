"""kg's namespace IRIs as plain strings, importable without rdflib.

The code that must start fast (``kg query``, the stored-query catalog) builds
IRIs from these; :mod:`kg.rdf.vocab` makes its rdflib namespaces from the same
strings, so there is one spelling of each (``tests/test_rdf_vocab.py`` reads
them back from ``ontology/kg.ttl`` through :mod:`kg.rdf.vocab`).
"""

from __future__ import annotations

__all__ = ["ID_BASE", "KG_BASE", "KGT_BASE", "WD_BASE"]

#: Base of all instance IRIs (articles, statements, actors, ...).
ID_BASE = "https://w3id.org/kg-news/id/"
#: kg's classes and properties.
KG_BASE = "https://w3id.org/kg-news/ontology#"
#: The statement-type concepts and their scheme.
KGT_BASE = "https://w3id.org/kg-news/statement-type/"
#: Wikidata entities.
WD_BASE = "http://www.wikidata.org/entity/"
