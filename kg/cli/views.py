"""kg graph, kg timeline, kg stats: pictures and counts from the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from kg.cli.common import (
    kg_errors,
    app,
    err,
    fail,
    out,
    parse_format,
    plural,
)
from kg.cli.options import QUERY_OPTIONS, StoreOptions, store_options
from kg.errors import Msg
from kg.formats import NETWORK, STATS, TIMELINE, Format

TypeOpt = Annotated[list[str], typer.Option("--type", "-t", help="Only statements of this type (repeat, or comma-separated: ACCUSE,CRITICIZE).")]
SinceOpt = Annotated[Optional[str], typer.Option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", help="Only articles published on or before this date (YYYY-MM-DD).")]
QueriesOpt = Annotated[list[Path], typer.Option("--queries", help="Extra folder of .rq queries that override the stored ones of the same name.")]


def _catalog(queries: list[Path]):
    """:raises kg.errors.UsageError: E031 for a --queries folder that does not exist."""
    from kg.queries import Catalog, query_dirs

    return Catalog(query_dirs(queries))




@app.command()
@store_options(QUERY_OPTIONS)
def graph(
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file: .png, .svg (picture), .html (interactive, offline), .graphml or .gexf (Gephi).")],
    type_: TypeOpt = [],
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only edges from this actor (name or QID).")] = None,
    target: Annotated[Optional[str], typer.Option("--target", help="Only edges to this actor (name or QID).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many edges (heaviest first).", min=1)] = 2000,
    title: Annotated[Optional[str], typer.Option("--title", help="Title of the picture or page.")] = None,
    queries: QueriesOpt = [],
    where: StoreOptions = StoreOptions(),
) -> None:
    """Draw the actor network (who said what about whom): edge colour = statement type, width = count."""
    from kg.run.guard import atomic_path
    from kg.views.data import network_edges
    from kg.views.network import write_network

    with kg_errors():
        NETWORK.for_path(output)
        with where.open(read_only=True) as st:
            edges = network_edges(st, types=",".join(type_) or None, since=since, until=until, actor=actor,
                                  target=target, limit=limit, catalog=_catalog(queries))
        if not edges:
            fail(Msg.E029)
        parts = [", ".join(type_) if type_ else "", f"from {since}" if since else "", f"until {until}" if until else ""]
        with atomic_path(output) as tmp:
            write_network(edges, tmp, NETWORK.for_path(output).value,
                          title=title or " ".join(["Actor network", *filter(None, parts)]))
        n = len({e.source for e in edges} | {e.target for e in edges})
        err.print(f"wrote {output} ({n} actors, {len(edges)} edges)", highlight=False)


@app.command()
@store_options(QUERY_OPTIONS)
def timeline(
    actor: Annotated[str, typer.Argument(help="Actor name or QID (forgiving: case, diacritics, surname).", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file: .png, .svg or .html (chart and statement list, offline).")],
    type_: TypeOpt = [],
    since: SinceOpt = None,
    until: UntilOpt = None,
    queries: QueriesOpt = [],
    where: StoreOptions = StoreOptions(),
) -> None:
    """Chart an actor's statements over time, by type."""
    from kg.run.guard import atomic_path
    from kg.views.data import actor_timeline
    from kg.views.timeline import write_timeline

    with kg_errors():
        TIMELINE.for_path(output)
        with where.open(read_only=True) as st:
            tl = actor_timeline(st, actor, types=",".join(type_) or None, since=since, until=until,
                                catalog=_catalog(queries))
        with atomic_path(output) as tmp:
            write_timeline(tl, tmp, TIMELINE.for_path(output).value)
        undated = sum(1 for s in tl.statements if s.date is None)
        note = (f"; {plural(undated, 'statement row')} not charted: their articles have no date"
                if undated else "")
        err.print(f"wrote {output} ({', '.join(tl.actors) or actor}: "
                  f"{plural(sum(p.statements for p in tl.points), 'dated statement')}{note})", highlight=False)


@app.command()
@store_options(QUERY_OPTIONS)
def stats(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    queries: QueriesOpt = [],
    where: StoreOptions = StoreOptions(),
) -> None:
    """Counts: articles, date range, statements by type, actors by kind, share linked to Wikidata."""
    from kg.views.data import corpus_stats

    with kg_errors():
        chosen = parse_format(STATS, fmt)
        with where.open(read_only=True) as st:
            s = corpus_stats(st, catalog=_catalog(queries))
    if chosen is Format.JSON:
        json.dump(s.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    t = Table(title="Store", show_header=False, title_justify="left")
    t.add_row("articles", str(s.articles))
    t.add_row("dates", f"{s.first_date or '-'} .. {s.last_date or '-'}")
    t.add_row("publishers", str(s.publishers))
    t.add_row("statements", f"{s.statements} ({s.made} made; the rest negated or hypothetical)")
    t.add_row("actors", f"{s.actors} ({s.linked_actors} linked to Wikidata, {s.linked_share:.0%})")
    out.print(t)
    bt = Table(title="Statements by type", title_justify="left")
    for col, just in (("type", "left"), ("PLOVER", "left"), ("statements", "right"), ("made", "right"),
                      ("negated", "right"), ("hypothetical", "right"), ("articles", "right")):
        bt.add_column(col, justify=just)  # type: ignore[arg-type]
    for r in s.by_type:
        bt.add_row(str(r["type"]), str(r["plover_category"] or "-"), str(r["statements"]), str(r["made"]),
                   str(r["negated_count"]), str(r["hypothetical_count"]), str(r["articles"]))
    out.print(bt)
    kt = Table(title="Actors by kind", title_justify="left")
    for col, just in (("kind", "left"), ("actors", "right"), ("linked", "right"), ("linked share", "right")):
        kt.add_column(col, justify=just)  # type: ignore[arg-type]
    for r in s.by_kind:
        share = int(r["linked"]) / int(r["actors"]) if r["actors"] else 0.0  # type: ignore[call-overload]
        kt.add_row(str(r["kind"]), str(r["actors"]), str(r["linked"]), f"{share:.0%}")
    out.print(kt)
