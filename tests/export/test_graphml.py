"""GraphML actor network: valid GraphML with declared keys, actors as nodes, dyads as edges."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from detente.export import export_events, export_filter
from detente.store import open_store

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def _export(db: Path, tmp_path: Path, **options: object) -> Path:
    out = tmp_path / "actors.graphml"
    with open_store(db, read_only=True) as store:
        export_events(store, "graphml", out, export_filter(**options))  # type: ignore[arg-type]
    return out


def _data(element: ET.Element, keys: dict[str, str]) -> dict[str, str]:
    return {keys[d.attrib["key"]]: d.text or "" for d in element.findall("g:data", NS)}


def test_nodes_and_edges(db: Path, tmp_path: Path) -> None:
    root = ET.parse(_export(db, tmp_path)).getroot()
    keys = {k.attrib["id"]: k.attrib["attr.name"] for k in root.findall("g:key", NS)}
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.attrib["edgedefault"] == "directed"
    nodes = {n.attrib["id"]: _data(n, keys) for n in graph.findall("g:node", NS)}
    # Resolved actors by id; unresolved ones grouped by country/sector.
    assert set(nodes) == {"USA", "RUS", "UKR", "UKR/CVL", "?/CVL"}
    assert nodes["RUS"]["name"] == "Russia" and nodes["RUS"]["country"] == "RUS"
    assert nodes["USA"]["events"] == "2"
    edges = {(e.attrib["source"], e.attrib["target"]): _data(e, keys) for e in graph.findall("g:edge", NS)}
    assert set(edges) == {("USA", "RUS"), ("RUS", "UKR"), ("USA", "UKR/CVL")}  # the claimed RUS→USA is left out
    assault = edges[("RUS", "UKR")]
    assert assault["events"] == "1" and assault["quad4"] == "1" and assault["quad1"] == "0"
    assert float(assault["goldstein_sum"]) == -10.0
    assert all(src in nodes and dst in nodes for src, dst in edges)


def test_all_modalities_adds_the_claimed_edge(db: Path, tmp_path: Path) -> None:
    root = ET.parse(_export(db, tmp_path, all_modalities=True)).getroot()
    edges = {(e.attrib["source"], e.attrib["target"]) for e in root.iter(f"{{{NS['g']}}}edge")}
    assert ("RUS", "USA") in edges


def test_networkx_reads_it(db: Path, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    graph = nx.read_graphml(_export(db, tmp_path))
    assert graph.number_of_nodes() == 5 and graph.number_of_edges() == 3
    assert graph.edges["USA", "RUS"]["goldstein_sum"] == -2.0
