"""Charts of a dyad's series (query.dyad_series): cooperation vs conflict counts per period
(QuadClass 1+2 vs 3+4) above, the mean Goldstein score below.

Written as PNG, or as one self-contained HTML page (the chart as inline SVG, then a table of the
periods). matplotlib is driven through its object API on the Agg canvas: no pyplot, no global
backend switch, no window, so it is safe in a server and in tests.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from detente.errors import ConfigError
from detente.query import DyadPoint

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PLOT_SUFFIXES: tuple[str, ...] = (".png", ".html")
COOPERATION = "#2b7bba"
CONFLICT = "#d7301f"

_PERIOD_DAYS: Mapping[str, int] = MappingProxyType({"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365})
_TABLE_COLUMNS = (
    "period", "events", "verbal coop (1)", "material coop (2)", "verbal conflict (3)",
    "material conflict (4)", "goldstein sum", "goldstein mean",
)


def plot_dyad(points: Sequence[DyadPoint], out: Path | str, *, title: str, period: str = "month") -> Path:
    """Draw the series into `out` (.png or .html); returns the path written. Raises ConfigError for
    any other extension or an unwritable path."""
    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        raise ConfigError(
            f"cannot plot to {target.name!r}: the file name must end in {' or '.join(PLOT_SUFFIXES)}"
        )
    if not target.parent.is_dir():
        raise ConfigError(f"cannot write {target}: directory {target.parent} does not exist")
    fig = dyad_figure(points, title=title, period=period)
    try:
        if suffix == ".png":
            fig.savefig(target, format="png", dpi=120)
        else:
            target.write_text(dyad_html(points, title=title, svg=_svg(fig)), encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot write {target}: {e.strerror or e}") from e
    return target


def dyad_figure(points: Sequence[DyadPoint], *, title: str, period: str = "month") -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 6), layout="constrained")
    FigureCanvasAgg(fig)  # render with Agg, whatever backend matplotlib would pick by itself
    counts, tone = fig.subplots(2, 1, sharex=True, height_ratios=(2, 1))
    fig.suptitle(title)
    if not points:  # an empty chart still says so, rather than drawing axes around 1970
        counts.text(0.5, 0.5, "no events", ha="center", va="center", transform=counts.transAxes)
        for ax in (counts, tone):
            ax.set_xticks([])
            ax.set_yticks([])
        return fig
    days = [p.period for p in points]
    width = 0.4 * _PERIOD_DAYS.get(period, 30)  # two bars side by side fill 80% of a period
    offset = dt.timedelta(days=width / 2)
    counts.bar([d - offset for d in days], [p.quad1 + p.quad2 for p in points], width=width,
               color=COOPERATION, label="cooperation (QuadClass 1+2)")
    counts.bar([d + offset for d in days], [p.quad3 + p.quad4 for p in points], width=width,
               color=CONFLICT, label="conflict (QuadClass 3+4)")
    counts.set_ylabel("events")
    counts.legend(loc="upper left", frameon=False)
    counts.grid(axis="y", alpha=0.3)
    tone.axhline(0, color="#888888", linewidth=0.8)
    tone.plot(days, [p.goldstein_mean for p in points], marker="o", markersize=3, color="#333333")
    tone.set_ylabel("Goldstein mean")
    tone.set_ylim(-10.5, 10.5)  # the Goldstein scale's own range, so charts compare at a glance
    tone.grid(axis="y", alpha=0.3)
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]  # matplotlib leaves these unannotated
    tone.xaxis.set_major_locator(locator)
    tone.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    return fig


def dyad_html(points: Sequence[DyadPoint], *, title: str, svg: str) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in _TABLE_COLUMNS)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in (
            p.period.isoformat(), str(p.total), str(p.quad1), str(p.quad2), str(p.quad3), str(p.quad4),
            f"{p.goldstein_sum:.1f}", f"{p.goldstein_mean:.2f}",
        )) + "</tr>"
        for p in points
    )
    safe_title = html.escape(title)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{safe_title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; }}
figure {{ margin: 0; max-width: 1000px; }} figure svg {{ width: 100%; height: auto; }}
table {{ border-collapse: collapse; margin-top: 1.5em; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }}
th {{ background: #f3f3f3; }} td:first-child {{ text-align: left; white-space: nowrap; }}
</style>
</head>
<body>
<h1>{safe_title}</h1>
<figure>
{svg}
</figure>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody>
</table>
</body>
</html>
"""


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML declaration and DOCTYPE: not allowed inside HTML
