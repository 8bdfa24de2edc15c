"""An actor's statements over time: a chart (PNG/SVG) or a self-contained HTML page.

Input: a :class:`kg.views.data.Timeline` (stored queries ``actor-timeline``
and ``statements-by-actor``).  The chart has one row per statement type
and a dot per publication date, its area growing with the number of
statements, coloured by type (:mod:`kg.views.style`).  The HTML page holds
the chart as inline SVG and a table of every statement (date, type, target,
cue, article; negated and hypothetical ones marked), with no external
resources.
"""

from __future__ import annotations

import html
import io
from datetime import date
from pathlib import Path

from kg.formats import TIMELINE
from kg.views.data import Timeline
from kg.views.style import MPL_RC, TYPE_COLORS, type_color

__all__ = ["FORMATS", "write_timeline"]

#: The format names, those of :data:`kg.formats.TIMELINE`.
FORMATS: tuple[str, ...] = TIMELINE.names()


def _title(tl: Timeline) -> str:
    who = ", ".join(tl.actors) if tl.actors else tl.query
    return f"Statements by {who} over time"


def _figure(tl: Timeline):
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    order = list(TYPE_COLORS)
    types = sorted({p.type for p in tl.points}, key=order.index, reverse=True)
    fig = Figure(figsize=(10, 1.6 + 0.45 * max(len(types), 1)), dpi=100)
    ax = fig.subplots()
    if not tl.points:
        ax.text(0.5, 0.5, "no dated statements", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        row = {t: i for i, t in enumerate(types)}
        for t in types:
            pts = [p for p in tl.points if p.type == t]
            ax.scatter([date.fromisoformat(p.date) for p in pts], [row[t]] * len(pts),
                       s=[40 + 60 * p.statements for p in pts], color=type_color(t), alpha=0.85,
                       edgecolors="#37474f", linewidths=0.6, zorder=2)
        ax.set_yticks(range(len(types)), types)
        ax.set_ylim(-0.8, len(types) - 0.2)
        days = [date.fromisoformat(p.date) for p in tl.points]
        lo, hi = min(days), max(days)
        pad = max((hi - lo) / 20, (hi - lo).__class__(days=3))
        ax.set_xlim(lo - pad, hi + pad)
        loc = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
        ax.grid(axis="x", color="#eeeeee", zorder=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        total = sum(p.statements for p in tl.points)
        ax.set_xlabel(f"publication date ({total} statement{'s' if total != 1 else ''}; dot area = count per day)")
    ax.set_title(_title(tl), fontsize=12, loc="left")
    fig.tight_layout()
    return fig


def write_timeline(tl: Timeline, path: Path, fmt: str | None = None) -> Path:
    """Write the timeline ``tl`` to ``path``.

    :param fmt: ``png``, ``svg`` or ``html``; default from ``path``'s extension.
    :returns: ``path``.
    :raises kg.errors.UsageError: E026 (a ``ValueError``) for an unknown format.
    """
    import matplotlib

    path = Path(path)
    kind = (TIMELINE.parse(fmt) if fmt else TIMELINE.for_path(path)).value
    path.parent.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context(MPL_RC):
        _save(tl, path, kind)
    return path


def _save(tl: Timeline, path: Path, kind: str) -> None:
    fig = _figure(tl)
    if kind == "png":
        fig.savefig(path, format="png", metadata={"Software": None})
    elif kind == "svg":
        fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
    else:
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        path.write_text(_page(tl, buf.getvalue()), encoding="utf-8")


def _page(tl: Timeline, svg: str) -> str:
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype: the SVG is inline
    rows = []
    for s in tl.statements:
        flags = " ".join(f for f, on in (("negated", s.negated), ("hypothetical", s.hypothetical)) if on)
        rows.append(
            "<tr{cls}><td>{d}</td><td>{a}</td><td><span class=\"sw\" style=\"background:{c}\"></span>{t}</td>"
            "<td>{tg}</td><td>{cue}</td><td>{art}</td><td>{fl}</td></tr>".format(
                cls=' class="flag"' if flags else "", d=html.escape(s.date or "undated"), a=html.escape(s.actor),
                c=type_color(s.type), t=html.escape(s.type), tg=html.escape(s.target or ""), cue=html.escape(s.cue),
                art=html.escape(s.article or ""), fl=html.escape(flags))
        )
    title = html.escape(_title(tl))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="kg timeline">
<title>{title}</title>
<style>
  body {{ font-family: system-ui, sans-serif; margin: 16px; color: #263238; }}
  h1 {{ font-size: 18px; }}
  .chart svg {{ max-width: 100%; height: auto; }}
  table {{ border-collapse: collapse; font-size: 13px; margin-top: 12px; }}
  th, td {{ text-align: left; padding: 3px 8px; border-bottom: 1px solid #eee; vertical-align: top; }}
  tr.flag {{ color: #90a4ae; }}
  .sw {{ display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 5px; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>Asked for: {html.escape(tl.query)}. {len(tl.statements)} statement row(s), one per statement and target; grey rows are negated or hypothetical and are not in the chart.</p>
<div class="chart">{svg}</div>
<table id="statements">
<thead><tr><th>date</th><th>actor</th><th>type</th><th>target</th><th>cue</th><th>article</th><th></th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""
