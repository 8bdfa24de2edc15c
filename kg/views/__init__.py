"""Views of the store for people: the actor network, an actor's timeline, corpus statistics.

* :mod:`kg.views.data` -- the rows, read from any store with the stored queries
  ``actor-network``, ``actor-timeline``, ``statements-by-actor``,
  ``corpus-summary``, ``statements-by-type`` and ``actors-by-kind``;
* :mod:`kg.views.network` -- the network as PNG/SVG (matplotlib + networkx), a
  self-contained interactive HTML page, GraphML and GEXF (networkx);
* :mod:`kg.views.timeline` -- an actor's statements over time as PNG/SVG/HTML;
* :mod:`kg.views.style` -- colours of the statement types.

matplotlib and networkx are imported inside the functions that need them,
so importing this package (and ``kg --help``) stays fast.
"""
