"""kg kb: the offline knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from kg.cli.common import (
    FormatOpt,
    kg_errors,
    result_format,
    kb_app,
    out,
)

# ----------------------------------------------------------------------------- kb


@kb_app.command("lookup")
def kb_lookup(
    name: Annotated[str, typer.Argument(help="A name, alias, demonym, role phrase or QID.", show_default=False)],
    limit: Annotated[int, typer.Option(help="Candidates to show.", min=1)] = 10,
    context: Annotated[str, typer.Option(help="Context text for disambiguation (e.g. the sentence).")] = "",
    date: Annotated[Optional[str], typer.Option(help="The article's date (YYYY-MM-DD), for the knowledge base's dated roles.", show_default=False)] = None,
    fmt: FormatOpt = None,
) -> None:
    """Show knowledge-base candidates for a name, with scores, and the link kg would make.

    One row per candidate (id, label, kind, CAMEO code, score, matched alias, layer, and link: true on the
    entity kg links the name to; that entity is added as a row when it is not among the candidates). With
    --format csv/tsv/json/jsonl/markdown the rows are written as 'kg query' writes its results.

    Examples: kg kb lookup Tehran; kg kb lookup "Hossein Dehghan" --format json
    """
    from kg.link.kb import default_kb
    from kg.link.resolve import Linker
    from kg.output import render
    from kg.store.base import XSD, QueryResult, Term

    with kg_errors():
        fmt_ = result_format(fmt)
        kb = default_kb()
        cands = kb.lookup(name, limit=limit)
        best = Linker(kb).link_mention(name, context=context, date=date)
    shown = list(cands)
    if best is not None and all(c.entity.id != best.entity.id for c in shown):
        shown.append(best)

    def row(c) -> tuple[Term | None, ...]:
        e = c.entity
        text = lambda v: Term.literal(v) if v else None  # noqa: E731
        is_link = best is not None and e.id == best.entity.id
        return (text(e.qid or e.id), text(e.label), text(e.kind), text(e.cameo_code),
                Term.literal(f"{c.score:.3f}", datatype=XSD + "decimal"), text(c.alias), text(e.layer),
                Term.literal("true" if is_link else "false", datatype=XSD + "boolean"))

    result = QueryResult(["id", "label", "kind", "cameo", "score", "alias", "layer", "link"], [row(c) for c in shown])
    render(result, fmt_, title=f"candidates for {name!r}" if fmt_ == "table" else None)
    if fmt_ != "table":
        return
    if best is not None:
        out.print(f"link: {best.entity.label} ({best.entity.qid or 'no QID'}), confidence {best.score:.2f}",
                  highlight=False)
    else:
        out.print("link: NIL (no candidate above the threshold)")


@kb_app.command("layers")
def kb_layers() -> None:
    """List the knowledge-base layers kg loads (KG_KB_LAYERS), with licences, sizes and entity counts.

    The non-commercial person layer (people-nc, CC BY-NC 4.0) is a separate file: leave it out with
    KG_KB_LAYERS=open, or replace it by the CC0 layer of 'kg kb update --layer people'.
    """
    from kg.link.kb import layer_infos

    with kg_errors():
        infos = layer_infos()
    t = Table(title="knowledge-base layers (in load order)")
    for col in ("layer", "licence", "entities", "size", "file"):
        t.add_column(col)
    for i in infos:
        counts = i["counts"] or {}
        t.add_row(str(i["layer"]), str(i["licence"]),
                  ", ".join(f"{k} {v:,}" for k, v in counts.items()) or "see ATTRIBUTION.md",
                  f"{i['size_bytes'] / 1e6:.1f} MB", str(i["path"]))
    out.print(t)


@kb_app.command("build")
def kb_build(
    source: Annotated[Path, typer.Option(help="Folder of the Wikidata-derived sources (see its PROVENANCE.md).")] = Path("../shared/data/wikidata"),
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Where to write the KB (default: the file kg ships).")] = None,
) -> None:
    """Rebuild the offline knowledge base from the Wikidata-derived sources."""
    from kg.link.build import build_kb, default_kb_path

    with kg_errors():
        stats = build_kb(source, output or default_kb_path())
    out.print_json(data=stats)


@kb_app.command("update")
def kb_update(
    endpoint: Annotated[str, typer.Option(help="SPARQL endpoint serving Wikidata-form data.")],
    query_file: Annotated[Optional[Path], typer.Option("--query", help="Stored update query (see queries/wikidata/); default for --layer people: queries/wikidata/people.rq.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="KB file to update, or with --layer the layer file to write (default: the file kg ships; for --layer people $KG_KB_DIR/kb-people.json.gz).")] = None,
    layer: Annotated[Optional[str], typer.Option(help="'people': rebuild the person layer from Wikidata (CC0) instead of merging into the KB; kg then loads it in place of people-nc.")] = None,
    timeout: Annotated[int, typer.Option(help="HTTP timeout in seconds.")] = 60,
) -> None:
    """Add or refresh KB entities from a SPARQL endpoint (SPARQLWrapper), or rebuild the person layer."""
    from kg.errors import Msg, UsageError
    from kg.link.build import default_kb_path
    from kg.link.update import PEOPLE_QUERY, update_kb, update_people_layer, user_people_layer

    with kg_errors():
        if layer is not None:
            if layer != "people":
                raise UsageError(Msg.E071, option="--layer", value=layer, choices="people")
            stats = update_people_layer(endpoint, query_file or PEOPLE_QUERY, output or user_people_layer(),
                                        timeout=timeout)
        else:
            if query_file is None:
                raise UsageError(Msg.E072, command="kg kb update", option="--query FILE.rq",
                                 what="the SPARQL of the entities to add (a .rq file of queries/wikidata/), or --layer people")
            stats = update_kb(endpoint, query_file, output or default_kb_path(), timeout=timeout)
    out.print_json(data=stats)




@kb_app.command("promote")
def kb_promote(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="KB file to grow (default: the file kg ships).")] = None,
    cache: Annotated[Optional[Path], typer.Option("--cache", help="Online cache folder (default: env KG_WIKIDATA_CACHE, else the user cache folder kg/wikidata).")] = None,
) -> None:
    """Add the links that 'kg run --online' cached into the offline knowledge base (Wikidata data, CC0)."""
    from kg.link.build import default_kb_path
    from kg.link.online import promote_cache

    with kg_errors():
        stats = promote_cache(output or default_kb_path(), cache_dir=cache)
    out.print_json(data=stats)
