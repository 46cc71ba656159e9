"""CSV and Parquet: one row per event, one column per EventRow field."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import duckdb

from detente.export import export_events, export_filter
from detente.query import EventRow, find_events
from detente.store import open_store

FIELDS = [f.name for f in dataclasses.fields(EventRow)]


def test_csv_header_and_rows(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    with open_store(db, read_only=True) as store:
        n = export_events(store, "csv", out, export_filter(all_modalities=True))
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == FIELDS
        rows = list(reader)
    assert n == len(rows) == 5
    by_id = {r["id"]: r for r in rows}
    assert by_id["e3"]["context"] == "military" and by_id["e3"]["event_date"] == "2023-07-10"
    assert by_id["e3"]["article_title"] == "War\tnews"  # quoted by csv, not split
    assert by_id["e5"]["recipient_id"] == "" and by_id["e1"]["reciprocal"] == "false"
    assert by_id["e1"]["goldstein"] == "-2.0"


def test_parquet_reads_back_equal_to_the_events(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    flt = export_filter(all_modalities=True)
    with open_store(db, read_only=True) as store:
        n = export_events(store, "parquet", out, flt)
        expected = find_events(store, flt)
    con = duckdb.connect()
    try:
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(out)])
        columns = [d[0] for d in cursor.description]
        got = cursor.fetchall()
    finally:
        con.close()
    assert columns == FIELDS
    assert n == len(got) == 5
    for row, want in zip(got, expected, strict=True):
        record = dict(zip(columns, row, strict=True))
        record["context"] = tuple(record["context"])
        assert EventRow(**record) == want


def test_an_empty_export_still_writes_the_header(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.csv"
    with open_store(db, read_only=True) as store:
        assert export_events(store, "csv", out, export_filter(event="SANCTION")) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [",".join(FIELDS)]
