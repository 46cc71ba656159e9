"""The actor network as GraphML: nodes are actors, directed edges actor → recipient with event
counts, Goldstein sums and counts per QuadClass. Readable by networkx, Gephi, yEd, igraph.

Memory grows with the number of distinct actors and dyads, never with the number of events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from detente.query import EventRow

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

# (key id, for, attr.name, attr.type): declared up front as GraphML requires.
NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("name", "string"), ("country", "string"), ("sector", "string"), ("events", "int"),
)
EDGE_KEYS: tuple[tuple[str, str], ...] = (
    ("events", "int"), ("goldstein_sum", "double"), ("goldstein_mean", "double"),
    ("quad1", "int"), ("quad2", "int"), ("quad3", "int"), ("quad4", "int"),
    ("first_date", "string"), ("last_date", "string"),
)


@dataclass
class _Node:
    name: str | None
    country: str | None
    sectors: Counter[str] = field(default_factory=Counter)
    events: int = 0

    @property
    def sector(self) -> str | None:
        # A country acts through its government, army, police...: show the sector it acts as most.
        return self.sectors.most_common(1)[0][0] if self.sectors else None


@dataclass
class _Edge:
    events: int = 0
    goldstein_sum: float = 0.0
    quads: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    first_date: str = ""
    last_date: str = ""


def node_id(ident: str | None, country: str | None, sector: str | None) -> str | None:
    """A resolved actor's id; an unresolved one is grouped by country and sector ("RUS/MIL",
    "?/REB"); None when nothing at all is known."""
    if ident:
        return ident
    if country or sector:
        return f"{country or '?'}/{sector or '?'}"
    return None


def write_graphml(rows: Iterable[EventRow], out: IO[str]) -> int:
    nodes: dict[str, _Node] = {}
    edges: dict[tuple[str, str], _Edge] = {}
    n = 0
    for e in rows:
        n += 1
        src = _add_node(nodes, e.actor_id, e.actor_name, e.actor_country, e.actor_sector)
        dst = _add_node(nodes, e.recipient_id, e.recipient_name, e.recipient_country, e.recipient_sector)
        if src is None or dst is None:
            continue
        edge = edges.setdefault((src, dst), _Edge())
        edge.events += 1
        edge.goldstein_sum += e.goldstein
        if 1 <= e.quad_class <= 4:
            edge.quads[e.quad_class - 1] += 1
        day = e.event_date.isoformat()
        edge.first_date = min(edge.first_date or day, day)
        edge.last_date = max(edge.last_date, day)
    _write(nodes, edges, out)
    return n


def _add_node(
    nodes: dict[str, _Node], ident: str | None, name: str | None, country: str | None, sector: str | None
) -> str | None:
    key = node_id(ident, country, sector)
    if key is None:
        return None
    key = _xml(key)  # cleaned before use as a key, so two ids cannot clash once written
    node = nodes.get(key)
    if node is None:
        # An unresolved group has no name of its own: its id says what it is.
        node = nodes[key] = _Node(name if ident else None, country)
    if sector:
        node.sectors[sector] += 1
    node.events += 1
    return key


def _xml(text: object) -> str:
    # XML 1.0 forbids most control characters even when escaped; scraped names can carry them.
    return "".join(c for c in str(text) if c >= " " or c in "\t\n\r")


def _data(key: str, value: object) -> str:
    return f"<data key={quoteattr(key)}>{escape(_xml(value))}</data>"


def _write(nodes: dict[str, _Node], edges: dict[tuple[str, str], _Edge], out: IO[str]) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(
        f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">\n'
    )
    for owner, keys, prefix in (("node", NODE_KEYS, "n_"), ("edge", EDGE_KEYS, "e_")):
        for name, kind in keys:
            out.write(f'  <key id="{prefix}{name}" for="{owner}" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <graph id="actors" edgedefault="directed">\n')
    for key, node in nodes.items():
        data = [_data(f"n_{k}", v) for k, v in
                (("name", node.name), ("country", node.country), ("sector", node.sector)) if v]
        data.append(_data("n_events", node.events))
        out.write(f'    <node id={quoteattr(key)}>{"".join(data)}</node>\n')
    for i, ((src, dst), edge) in enumerate(edges.items()):
        values: list[tuple[str, object]] = [
            ("events", edge.events), ("goldstein_sum", edge.goldstein_sum),
            ("goldstein_mean", edge.goldstein_sum / edge.events),
            *((f"quad{q + 1}", edge.quads[q]) for q in range(4)),
            ("first_date", edge.first_date), ("last_date", edge.last_date),
        ]
        cells = "".join(_data(f"e_{k}", v) for k, v in values)
        out.write(f'    <edge id="e{i}" source={quoteattr(src)} target={quoteattr(dst)}>{cells}</edge>\n')
    out.write("  </graph>\n</graphml>\n")
