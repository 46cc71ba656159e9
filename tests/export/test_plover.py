"""PLOVER JSON Lines: every core field of the manual's "PLOVER JSON" table on every line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from detente.export import export_events, export_filter
from detente.store import open_store

# Copied from the PLOVER manual (chapter "Data Fields", table "PLOVER JSON"), not from the exporter.
MANUAL_FIELDS = [
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
]


def _records(db: Path, tmp_path: Path, **options: Any) -> dict[str, dict[str, Any]]:
    out = tmp_path / "events.jsonl"
    with open_store(db, read_only=True) as store:
        export_events(store, "plover", out, export_filter(**options))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: r for r in records}


def test_every_line_has_every_core_field(db: Path, tmp_path: Path) -> None:
    records = _records(db, tmp_path, all_modalities=True)
    assert sorted(records) == ["e1", "e2", "e3", "e4", "e5"]
    for record in records.values():
        missing = [f for f in MANUAL_FIELDS if f not in record]
        assert not missing, (record["id"], missing)
        assert list(record)[: len(MANUAL_FIELDS)] == MANUAL_FIELDS  # core fields first, in the manual's order


def test_values(db: Path, tmp_path: Path) -> None:
    records = _records(db, tmp_path, all_modalities=True)
    e1 = records["e1"]
    assert e1["date"] == "2023-05-01" and e1["event"] == ["ACCUSE"] and e1["quad_code"] == 3
    assert e1["actor"] == [{"code": "USA", "sector": "GOV", "entity_text": "Washington", "identifier_id": "USA",
                            "identifier_text": "United States"}]
    assert e1["recipient"][0]["code"] == "RUS"
    assert e1["mode"] == ["allege"] and e1["context"] == ["cyber"]
    assert e1["event_text"] == ["Washington accused Moscow of hacking on Monday."]
    assert e1["cite_info"]["url"] == "https://x.test/a" and e1["cite_info"]["publication"] == "Wire"
    assert (e1["modality"], e1["cameo"], e1["goldstein"]) == ("asserted", "112", -2.0)
    assert e1["when"]["start"] == "2023-05-01" and e1["claimed_by"] is None

    e2 = records["e2"]
    assert e2["modality"] == "claimed" and e2["claimed_by"]["name"] == "State Department"
    assert e2["event_loc"]["country_code"] == "CHE" and e2["where"]["name"] == "Geneva"
    assert e2["mode"] is None and e2["context"] is None  # unknown: null, as the manual asks

    assert records["e5"]["recipient"] is None and records["e5"]["actor"][0]["sector"] == "CVL"


def test_default_is_asserted_only(db: Path, tmp_path: Path) -> None:
    assert sorted(_records(db, tmp_path)) == ["e1", "e3", "e4", "e5"]
    assert sorted(_records(db, tmp_path, modality="claimed")) == ["e2"]
