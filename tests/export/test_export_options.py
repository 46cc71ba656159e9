"""Bad export options fail clearly, before writing anything; a failed export leaves no file behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.errors import ConfigError, DetenteError
from detente.export import export_events, export_filter
from detente.store import open_store


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"dyad": "RUS"}, "two actors separated by a comma"),
        ({"dyad": "RUS,"}, "two actors separated by a comma"),
        ({"modality": "rumoured"}, "unknown modality"),
        ({"modality": "claimed", "all_modalities": True}, "not both"),
        ({"event": "HUG"}, "unknown PLOVER event type"),
        ({"country": "Russia"}, "alpha-3"),
        ({"since": dt.date(2024, 1, 1), "until": dt.date(2023, 1, 1)}, "is after"),
    ],
)
def test_bad_filter_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        export_filter(**options)  # type: ignore[arg-type]


def test_good_filter_options_are_normalised() -> None:
    flt = export_filter(dyad=" RUS , ukr ", event="assault", country="ukr", modality="FUTURE")
    assert flt.dyad == ("RUS", "ukr") and flt.event == "ASSAULT" and flt.country == "UKR"
    assert flt.modality == "future"
    assert export_filter().modality == "asserted" and export_filter(all_modalities=True).modality is None


def test_unknown_format_and_missing_directory(db: Path, tmp_path: Path) -> None:
    with open_store(db, read_only=True) as store:
        with pytest.raises(ConfigError, match="unknown export format 'xlsx'"):
            export_events(store, "xlsx", tmp_path / "out.xlsx")
        with pytest.raises(ConfigError, match="does not exist"):
            export_events(store, "csv", tmp_path / "no" / "such" / "out.csv")
        with pytest.raises(ConfigError, match="is a directory"):
            export_events(store, "csv", tmp_path)
        with pytest.raises(ConfigError, match="is the store itself"):
            export_events(store, "csv", db)
    assert not (tmp_path / "out.xlsx").exists()


def test_a_failed_export_leaves_no_file(db: Path, tmp_path: Path) -> None:
    store = open_store(db, read_only=True)
    store.close()  # reading from it fails mid-export
    out = tmp_path / "events.csv"
    with pytest.raises(DetenteError):
        export_events(store, "csv", out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.duckdb"]


def test_filters_select_events(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    with open_store(db, read_only=True) as store:
        assert export_events(store, "csv", out, export_filter(dyad="RUS,UKR")) == 1
        assert export_events(store, "csv", out, export_filter(actor="USA")) == 2
        assert export_events(store, "csv", out, export_filter(event="assault")) == 1
        assert export_events(store, "csv", out, export_filter(since=dt.date(2023, 6, 1))) == 3
        assert export_events(store, "csv", out, export_filter(until=dt.date(2023, 5, 31), all_modalities=True)) == 2
