"""The actor network as a picture, an interactive page or a file for Gephi.

Input: :class:`kg.views.data.Edge` rows (from the stored query
``actor-network``).  Nodes are actors (IRIs) labelled with their canonical
name; edges are directed speaker -> target, one per statement type, coloured
by type (:mod:`kg.views.style`) and as wide as their statement count.

Formats, chosen by the output file's extension (:data:`FORMATS`):

* ``.png``, ``.svg`` -- a static picture drawn with matplotlib from a
  networkx spring layout (fixed seed: the same data give the same picture);
* ``.html`` -- one self-contained page (no CDN, no network access: the data
  and a small script are inline) that draws the network as SVG with pan,
  zoom, node dragging, per-type toggles and tooltips;
* ``.graphml``, ``.gexf`` -- for Gephi, yEd, Cytoscape (networkx writers),
  with node label, QID and position, edge type, weight, articles and colour.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from pathlib import Path

from kg.formats import NETWORK
from kg.views.data import Edge
from kg.views.style import MPL_RC, TYPE_COLORS, type_color

__all__ = ["FORMATS", "build_graph", "layout", "write_network"]

#: The format names, those of :data:`kg.formats.NETWORK`.
FORMATS: tuple[str, ...] = NETWORK.names()


def build_graph(edges: Sequence[Edge]):
    """A :class:`networkx.MultiDiGraph`: nodes are actor IRIs with ``label``,
    ``qid`` ("" when unlinked), ``made`` and ``received`` (statement counts);
    edges are keyed by type with ``type``, ``weight``, ``articles``, ``color``."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for e in edges:
        for iri, label, qid in ((e.source, e.source_label, e.source_qid), (e.target, e.target_label, e.target_qid)):
            if iri not in g:
                g.add_node(iri, label=label, qid=qid or "", made=0, received=0)
        g.nodes[e.source]["made"] += e.weight
        g.nodes[e.target]["received"] += e.weight
        g.add_edge(e.source, e.target, key=e.type, type=e.type, weight=e.weight, articles=e.articles,
                   color=type_color(e.type))
    return g


def layout(graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions in [0, 1] x [0, 1].

    Each connected component gets its own spring layout (networkx, fixed
    ``seed``, so the same data give the same layout) in a box whose side grows
    with the square root of its size; the boxes are packed in rows, largest
    first (news networks are many small components around one large one).
    """
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges()))
    comps = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    boxes: list[tuple[list[str], dict[str, tuple[float, float]], float]] = []
    for comp in comps:
        n = len(comp)
        if n == 1:
            local = {comp[0]: (0.5, 0.5)}
        elif n == 2:
            local = {comp[0]: (0.12, 0.5), comp[1]: (0.88, 0.5)}
        else:
            sub = simple.subgraph(comp)
            raw = nx.spring_layout(sub, k=1.0 / math.sqrt(n), iterations=200, seed=seed)
            xs = [p[0] for p in raw.values()]
            ys = [p[1] for p in raw.values()]
            sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
            local = {x: (float((raw[x][0] - min(xs)) / sx), float((raw[x][1] - min(ys)) / sy)) for x in comp}
        boxes.append((comp, local, 1.0 + (2.3 if n == 2 else 1.7) * math.sqrt(n)))
    total = sum(b[2] ** 2 for b in boxes)
    width = max(boxes[0][2], math.sqrt(total) * 1.35)
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for comp, local, side in boxes:
        if x > 0 and x + side > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        margin = 0.5 if len(comp) > 1 else 0.0
        inner = side - 2 * margin if len(comp) > 1 else 0.0
        for node in comp:
            lx, ly = local[node]
            pos[node] = (x + margin + lx * inner + (side / 2 if len(comp) == 1 else 0.0), -(y + margin + (1 - ly) * inner))
        x += side
        row_h = max(row_h, side)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, y0 = min(xs), min(ys)
    span = max(max(xs) - x0, max(ys) - y0) or 1.0
    return {node: ((p[0] - x0) / span, (p[1] - y0) / span) for node, p in pos.items()}


def _format(path: Path, fmt: str | None) -> str:
    return (NETWORK.parse(fmt) if fmt else NETWORK.for_path(path)).value


def write_network(edges: Sequence[Edge], path: Path, fmt: str | None = None, *, title: str = "Actor network") -> Path:
    """Write the network of ``edges`` to ``path``.

    :param fmt: one of :data:`FORMATS`; default from ``path``'s extension.
    :param title: shown on pictures and pages.
    :returns: ``path``.
    :raises kg.errors.UsageError: E026 (a ``ValueError``) for an unknown format.
    """
    path = Path(path)
    kind = _format(path, fmt)
    graph = build_graph(edges)
    pos = layout(graph)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind in ("png", "svg"):
        import matplotlib

        with matplotlib.rc_context(MPL_RC):
            _draw(graph, pos, path, kind, title)
    elif kind == "html":
        path.write_text(network_html(graph, pos, title), encoding="utf-8")
    else:
        _write_gephi(graph, pos, path, kind)
    return path


# ------------------------------------------------------------------ matplotlib


def _draw(graph, pos: dict[str, tuple[float, float]], path: Path, kind: str, title: str) -> None:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    n = max(graph.number_of_nodes(), 1)
    side = min(max(7.0, 2.0 * math.sqrt(n)), 22.0)
    ys = [p[1] for p in pos.values()] or [0.0]
    y_lo, y_hi = min(ys) - 0.08, max(ys) + 0.05
    fig = Figure(figsize=(side * 1.3, max(4.0, side * (y_hi - y_lo) / 1.16) + 0.6), dpi=100)
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(title, fontsize=14)
    strength = {node: d["made"] + d["received"] for node, d in graph.nodes(data=True)}

    def radius(node: str) -> float:
        return 7.0 + 3.0 * math.sqrt(strength[node])

    # parallel edges of a pair (both directions) get different curvatures
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for u, v, key in sorted(graph.edges(keys=True)):
        pairs.setdefault(tuple(sorted((u, v))), []).append((u, v, key))  # type: ignore[arg-type]
    for members in pairs.values():
        for i, (u, v, key) in enumerate(members):
            d = graph.edges[u, v, key]
            rad = 0.12 * (i - (len(members) - 1) / 2) if len(members) > 1 else 0.0
            if u > v:
                rad = -rad
            arrow = FancyArrowPatch(
                pos[u], pos[v], arrowstyle="-|>", mutation_scale=12 + 2 * min(d["weight"], 6),
                connectionstyle=f"arc3,rad={rad + 0.08:.3f}", color=d["color"], alpha=0.85,
                linewidth=min(1.2 + 1.3 * (d["weight"] - 1), 7.0), shrinkA=radius(u), shrinkB=radius(v), zorder=1,
            )
            ax.add_patch(arrow)
    nodes = sorted(graph.nodes)
    ax.scatter([pos[x][0] for x in nodes], [pos[x][1] for x in nodes],
               s=[(radius(x) * 1.6) ** 2 / 2 for x in nodes],
               c=["#cfe3f7" if graph.nodes[x]["qid"] else "#eeeeee" for x in nodes],
               edgecolors="#37474f", linewidths=1.0, zorder=2)
    for x in nodes:
        ax.annotate(graph.nodes[x]["label"], pos[x], xytext=(0, -radius(x) * 0.75 - 4), textcoords="offset points",
                    ha="center", va="top", fontsize=9, zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    present = sorted({d["type"] for _, _, d in graph.edges(data=True)}, key=list(TYPE_COLORS).index)
    handles = [Line2D([0], [0], color=type_color(t), lw=3, label=t) for t in present]
    handles += [Line2D([0], [0], marker="o", lw=0, markerfacecolor="#cfe3f7", markeredgecolor="#37474f",
                       markersize=9, label="linked to Wikidata")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False,
              title="statement type")
    ax.set_xlim(-0.08, 1.08)
    ax.set_ylim(y_lo, y_hi)
    fig.tight_layout()
    meta = {"Software": None} if kind == "png" else {"Date": None, "Creator": None}
    fig.savefig(path, format=kind, metadata=meta)


# ------------------------------------------------------------------ Gephi


def _write_gephi(graph, pos: dict[str, tuple[float, float]], path: Path, kind: str) -> None:
    import networkx as nx

    g = nx.MultiDiGraph()
    for node, d in sorted(graph.nodes(data=True)):
        x, y = pos[node]
        attrs = {"label": d["label"], "qid": d["qid"], "iri": node, "made": d["made"], "received": d["received"]}
        if kind == "gexf":
            attrs["viz"] = {"position": {"x": x * 1000, "y": y * 1000, "z": 0.0},
                            "size": 5.0 + 2.0 * math.sqrt(d["made"] + d["received"])}
        else:
            attrs.update(x=x * 1000, y=y * 1000)
        g.add_node(node, **attrs)
    for u, v, key, d in sorted(graph.edges(keys=True, data=True)):
        attrs = {"type": d["type"], "weight": d["weight"], "articles": d["articles"], "color": d["color"], "label": d["type"]}
        if kind == "gexf":
            r, gr, b = (int(d["color"][i:i + 2], 16) for i in (1, 3, 5))
            attrs["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "thickness": float(d["weight"])}
        g.add_edge(u, v, key=f"{key}", **attrs)
    if kind == "graphml":
        nx.write_graphml(g, path)
    else:
        nx.write_gexf(g, path)


# ------------------------------------------------------------------ HTML

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg graph">
<title>__TITLE__</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; color: #263238; }
  #bar { padding: 8px 12px; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; }
  #bar h1 { font-size: 16px; margin: 0 12px 0 0; }
  #bar label { font-size: 13px; cursor: pointer; white-space: nowrap; }
  #bar .sw { display: inline-block; width: 14px; height: 4px; margin: 0 4px 3px 2px; vertical-align: middle; }
  #info { font-size: 12px; color: #607d8b; }
  #net { width: 100%; height: calc(100% - 48px); display: block; cursor: grab; background: #fff; }
  .node circle { stroke: #37474f; stroke-width: 1.2; cursor: pointer; }
  .node text { font-size: 12px; paint-order: stroke; stroke: #fff; stroke-width: 3px; pointer-events: none; }
  .dim { opacity: 0.12; }
  .edge { fill: none; }
</style>
</head>
<body>
<div id="bar"><h1>__TITLE__</h1><span id="types"></span><span id="info"></span></div>
<svg id="net" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="__TITLE__"></svg>
<noscript><p>This page draws the network with JavaScript; please enable it.</p></noscript>
<script type="application/json" id="kg-data">__DATA__</script>
<script>
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var svg = document.getElementById("net");
  var W = 1200, H = 800, PAD = 70;
  var view = { x: 0, y: 0, w: W, h: H };
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function setView() { svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h); }
  setView();
  var defs = el("defs", {}, svg);
  Object.keys(data.colors).forEach(function (t) {
    var m = el("marker", { id: "arrow-" + t, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "5",
      markerHeight: "5", orient: "auto-start-reverse", markerUnits: "strokeWidth" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: data.colors[t] }, m);
  });
  var gEdges = el("g", { id: "edges" }, svg), gNodes = el("g", { id: "nodes" }, svg);
  var nodes = {}, hidden = {};
  data.nodes.forEach(function (n) {
    n.px = PAD + n.x * (W - 2 * PAD); n.py = PAD + (1 - n.y) * (H - 2 * PAD);
    n.r = 6 + 3 * Math.sqrt(n.made + n.received);
    nodes[n.id] = n;
  });
  var pairs = {};
  data.edges.forEach(function (e) {
    var k = e.source < e.target ? e.source + "\\u0000" + e.target : e.target + "\\u0000" + e.source;
    (pairs[k] = pairs[k] || []).push(e);
  });
  Object.keys(pairs).forEach(function (k) {
    var list = pairs[k];
    list.forEach(function (e, i) {
      var off = list.length > 1 ? (i - (list.length - 1) / 2) * 26 : 0;
      e.bend = (e.source < e.target ? off : -off) + 10;
    });
  });
  function edgePath(e) {
    var a = nodes[e.source], b = nodes[e.target];
    var dx = b.px - a.px, dy = b.py - a.py, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var mx = (a.px + b.px) / 2 - dy / len * e.bend, my = (a.py + b.py) / 2 + dx / len * e.bend;
    var ux = mx - a.px, uy = my - a.py, ul = Math.sqrt(ux * ux + uy * uy) || 1;
    var vx = b.px - mx, vy = b.py - my, vl = Math.sqrt(vx * vx + vy * vy) || 1;
    var sx = a.px + ux / ul * a.r, sy = a.py + uy / ul * a.r;
    var tx = b.px - vx / vl * (b.r + 2), ty = b.py - vy / vl * (b.r + 2);
    return "M" + sx.toFixed(1) + "," + sy.toFixed(1) + " Q" + mx.toFixed(1) + "," + my.toFixed(1) + " " + tx.toFixed(1) + "," + ty.toFixed(1);
  }
  data.edges.forEach(function (e) {
    e.el = el("path", { "class": "edge", stroke: data.colors[e.type] || "#999",
      "stroke-width": Math.min(1.5 + 1.5 * (e.weight - 1), 9), "stroke-opacity": 0.85,
      "marker-end": "url(#arrow-" + e.type + ")", "data-type": e.type }, gEdges);
    var t = el("title", {}, e.el);
    t.textContent = nodes[e.source].label + " \\u2192 " + nodes[e.target].label + ": " + e.type + " \\u00d7" + e.weight +
      " (" + e.articles + " article" + (e.articles === 1 ? "" : "s") + ")";
    e.el.setAttribute("d", edgePath(e));
  });
  data.nodes.forEach(function (n) {
    n.el = el("g", { "class": "node", "data-id": n.id }, gNodes);
    n.circle = el("circle", { r: n.r.toFixed(1), fill: n.qid ? "#cfe3f7" : "#eeeeee" }, n.el);
    n.text = el("text", { "text-anchor": "middle", dy: (n.r + 13).toFixed(1) }, n.el);
    n.text.textContent = n.label;
    var t = el("title", {}, n.el);
    t.textContent = n.label + (n.qid ? " (" + n.qid + ")" : "") + "\\nmade " + n.made + ", received " + n.received;
    place(n);
  });
  function place(n) { n.el.setAttribute("transform", "translate(" + n.px.toFixed(1) + "," + n.py.toFixed(1) + ")"); }
  function redraw(n) {
    place(n);
    data.edges.forEach(function (e) { if (e.source === n.id || e.target === n.id) e.el.setAttribute("d", edgePath(e)); });
  }
  function applyTypes() {
    data.edges.forEach(function (e) { e.el.style.display = hidden[e.type] ? "none" : ""; });
  }
  var types = document.getElementById("types");
  data.types.forEach(function (t) {
    var lab = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = t;
    box.addEventListener("change", function () { hidden[t] = !box.checked; applyTypes(); });
    var sw = document.createElement("span"); sw.className = "sw"; sw.style.background = data.colors[t];
    lab.appendChild(box); lab.appendChild(sw); lab.appendChild(document.createTextNode(t));
    types.appendChild(lab);
  });
  document.getElementById("info").textContent = data.nodes.length + " actors, " + data.edges.length +
    " edges \\u00b7 drag to move, wheel to zoom, click an actor to highlight";
  var focus = null;
  function highlight(id) {
    focus = focus === id ? null : id;
    var near = {};
    if (focus) { near[focus] = true; data.edges.forEach(function (e) {
      if (e.source === focus) near[e.target] = true; if (e.target === focus) near[e.source] = true; }); }
    data.nodes.forEach(function (n) { n.el.classList.toggle("dim", !!focus && !near[n.id]); });
    data.edges.forEach(function (e) { e.el.classList.toggle("dim", !!focus && e.source !== focus && e.target !== focus); });
  }
  function toSvg(evt) {
    var r = svg.getBoundingClientRect();
    return { x: view.x + (evt.clientX - r.left) / r.width * view.w, y: view.y + (evt.clientY - r.top) / r.height * view.h };
  }
  var drag = null;
  svg.addEventListener("pointerdown", function (evt) {
    var g = evt.target.closest ? evt.target.closest(".node") : null;
    var p = toSvg(evt);
    drag = g ? { node: nodes[g.getAttribute("data-id")], moved: false } : { pan: true, x: p.x, y: p.y };
    svg.setPointerCapture(evt.pointerId);
  });
  svg.addEventListener("pointermove", function (evt) {
    if (!drag) return;
    var p = toSvg(evt);
    if (drag.node) { drag.node.px = p.x; drag.node.py = p.y; drag.moved = true; redraw(drag.node); }
    else { view.x -= p.x - drag.x; view.y -= p.y - drag.y; setView(); }
  });
  svg.addEventListener("pointerup", function () {
    if (drag && drag.node && !drag.moved) highlight(drag.node.id);
    drag = null;
  });
  svg.addEventListener("wheel", function (evt) {
    evt.preventDefault();
    var p = toSvg(evt), f = evt.deltaY > 0 ? 1.15 : 1 / 1.15;
    view.x = p.x - (p.x - view.x) * f; view.y = p.y - (p.y - view.y) * f; view.w *= f; view.h *= f; setView();
  }, { passive: false });
  document.body.setAttribute("data-kg-ready", String(data.nodes.length));
})();
</script>
</body>
</html>
"""


def network_html(graph, pos: dict[str, tuple[float, float]], title: str) -> str:
    """A self-contained HTML page drawing ``graph`` at ``pos`` (no external resources)."""
    nodes = [
        {"id": node, "label": d["label"], "qid": d["qid"], "made": d["made"], "received": d["received"],
         "x": round(pos[node][0], 4), "y": round(pos[node][1], 4)}
        for node, d in sorted(graph.nodes(data=True))
    ]
    edges = [
        {"source": u, "target": v, "type": d["type"], "weight": d["weight"], "articles": d["articles"]}
        for u, v, d in sorted(graph.edges(data=True), key=lambda x: (x[0], x[1], x[2]["type"]))
    ]
    present = sorted({e["type"] for e in edges}, key=list(TYPE_COLORS).index)
    data = {"nodes": nodes, "edges": edges, "types": present, "colors": {t: TYPE_COLORS[t] for t in present}}
    # '<' as \u003c so that no text in the data can close the <script> element
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _PAGE.replace("__TITLE__", html.escape(title)).replace("__DATA__", blob)
