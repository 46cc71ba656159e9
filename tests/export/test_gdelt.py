"""GDELT 2.0 event TSV: 61 tab-separated columns on every line, no header, values where GDELT expects them."""

from __future__ import annotations

from pathlib import Path

from detente.export import export_events, export_filter
from detente.export.gdelt import GDELT_COLUMNS, cameo_type
from detente.store import open_store

COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}


def _export(db: Path, tmp_path: Path, **options: object) -> list[list[str]]:
    out = tmp_path / "events.tsv"
    with open_store(db, read_only=True) as store:
        n = export_events(store, "gdelt", out, export_filter(**options))  # type: ignore[arg-type]
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""  # every line ends with a newline
    assert len(lines) - 1 == n
    return [line.split("\t") for line in lines[:-1]]


def test_the_column_list_is_the_codebooks() -> None:
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[5] == "Actor1Code" and GDELT_COLUMNS[15] == "Actor2Code"
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_every_line_has_61_columns_and_asserted_events_only(db: Path, tmp_path: Path) -> None:
    rows = _export(db, tmp_path)
    assert len(rows) == 4  # e2 is a claim: GDELT has no modality, so it stays out
    assert all(len(r) == 61 for r in rows)
    assert rows[0][0].isdigit()  # no header line: GDELT files have none
    assert len({r[COL["GlobalEventID"]] for r in rows}) == 4


def test_values_land_in_their_columns(db: Path, tmp_path: Path) -> None:
    accuse, assault, aid, protest = _export(db, tmp_path)
    assert accuse[COL["Day"]] == "20230501" and accuse[COL["MonthYear"]] == "202305"
    assert accuse[COL["Year"]] == "2023" and accuse[COL["FractionDate"]] == "2023.4137"  # (5 * 30 + 1) / 365
    assert accuse[COL["Actor1Code"]] == "USAGOV" and accuse[COL["Actor1CountryCode"]] == "USA"
    assert accuse[COL["Actor1Name"]] == "UNITED STATES" and accuse[COL["Actor1Type1Code"]] == "GOV"
    assert accuse[COL["Actor2CountryCode"]] == "RUS"
    assert (accuse[COL["EventCode"]], accuse[COL["EventBaseCode"]], accuse[COL["EventRootCode"]]) == (
        "112", "112", "11")
    assert accuse[COL["QuadClass"]] == "3" and accuse[COL["GoldsteinScale"]] == "-2"
    assert accuse[COL["SOURCEURL"]] == "https://x.test/a"
    assert accuse[COL["DATEADDED"]] == "20230502000000"
    assert accuse[COL["ActionGeo_Type"]] == "0" and accuse[COL["ActionGeo_FullName"]] == ""

    assert assault[COL["Actor1Code"]] == "RUSMIL" and assault[COL["QuadClass"]] == "4"
    assert assault[COL["Actor2Code"]] == "UKRGOV"  # "government" becomes CAMEO's GOV
    assert assault[COL["EventCode"]] == "195" and assault[COL["EventRootCode"]] == "19"
    # GDELT's geo country codes are FIPS 10-4: Ukraine is UP, not UKR.
    assert assault[COL["ActionGeo_CountryCode"]] == "UP"
    assert assault[COL["ActionGeo_Type"]] == "4" and assault[COL["ActionGeo_FullName"]] == "Kyiv, Ukraine"
    assert (assault[COL["ActionGeo_Lat"]], assault[COL["ActionGeo_Long"]]) == ("50.4547", "30.5238")
    assert assault[COL["SOURCEURL"]] == "https://x.test/b"

    assert aid[COL["Actor2Code"]] == "UKRCVL" and aid[COL["Actor2Name"]] == ""  # an unnamed group
    assert aid[COL["ActionGeo_Type"]] == "1" and aid[COL["ActionGeo_Lat"]] == ""  # the country only
    assert aid[COL["ActionGeo_CountryCode"]] == aid[COL["ActionGeo_ADM1Code"]] == "UP"

    assert protest[COL["Actor1Code"]] == "CVL" and protest[COL["Actor2Code"]] == ""


def test_all_modalities_and_filters(db: Path, tmp_path: Path) -> None:
    assert len(_export(db, tmp_path, all_modalities=True)) == 5
    assert len(_export(db, tmp_path, dyad="USA,RUS", all_modalities=True)) == 2
    rows = _export(db, tmp_path, country="UKR")
    assert [r[COL["EventCode"]] for r in rows] == ["195", "070"]


def test_sector_names_map_to_cameo_types() -> None:
    assert cameo_type("GOV") == "GOV" and cameo_type("military") == "MIL" and cameo_type("PRM") == "UAF"
    assert cameo_type("PTY") == "" and cameo_type(None) == "" and cameo_type("XYZ") == ""
