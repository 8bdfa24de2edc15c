"""Job orchestration: read -> extract -> link -> RDF -> store or file, on one or many processes.

Modules, in the order they import each other (each imports only those above it):

* :mod:`kg.run.guard`: size limit, stored-graph name clashes, atomic output files;
* :mod:`kg.run.spec`: :class:`~kg.run.spec.Pipeline` (the loaded NLP and linker),
  :class:`~kg.run.spec.WorkerSpec` (what a worker rebuilds it from), :class:`~kg.run.spec.Done`;
* :mod:`kg.run.summary`: what a job did;
* :mod:`kg.run.worker`: one batch of articles (extract, link, RDF, serialize);
* :mod:`kg.run.local`: batches over local worker processes (``--jobs``);
* :mod:`kg.run.dask`: shards over a Dask cluster (``--engine dask``);
* :mod:`kg.run.resume`: skip articles already done in the store;
* :mod:`kg.run.jobs`: the jobs the CLI runs (``run_into_store``, ``extract_to_file``,
  ``extract_with_dask``, ``load_files``).

This package imports nothing itself; import from the modules.
"""
