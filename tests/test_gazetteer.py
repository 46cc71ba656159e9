"""The offline gazetteer: a country name is the country, not a town that shares it."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize(
    ("name", "country"),
    [("Mexico", "MEX"), ("Colombia", "COL"), ("Jordan", "JOR"), ("Lebanon", "LBN"), ("Jamaica", "JAM")],
)
def test_a_country_name_is_the_country_not_a_town_of_that_name(gazetteer: Gazetteer, name: str, country: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None and place.country == country


def test_a_city_state_keeps_its_coordinates(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Singapore")
    assert place is not None and place.country == "SGP" and place.lat is not None


def test_a_city_is_found_with_its_country(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Kyiv")
    assert place is not None and place.country == "UKR" and place.lat is not None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Rafah", "PSE"),  # geonames writes "Rafaḩ"
        ("Kandahar", "AFG"),  # "Kandahār"
        ("Zaporizhzhia", "UKR"),  # another spelling of "Zaporizhzhya"
        ("Khan Younis", "PSE"),
    ],
)
def test_places_are_found_without_diacritics_and_under_other_spellings(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    place = gazetteer.lookup(name)
    assert place is not None and place.country == country and place.lat is not None


def test_another_spelling_never_hides_a_city_of_that_name_of_like_size(gazetteer: Gazetteer) -> None:
    paris = gazetteer.lookup("Paris")
    assert paris is not None and paris.country == "FRA"


def test_an_actors_name_is_never_another_spelling_of_a_town() -> None:
    gazetteer = Gazetteer(reserved=frozenset({"hamas", "thai"}))
    assert gazetteer.lookup("Hamas") is None and gazetteer.lookup("Thai") is None


def test_a_big_citys_other_spelling_wins_over_a_small_town_of_that_name(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Odessa")  # Odesa, Ukraine (about a million people), not Odessa, Texas
    assert place is not None and place.country == "UKR"


def test_a_spelling_for_a_city_the_gazetteer_lacks_is_a_clear_error(tmp_path: Path) -> None:
    table = tmp_path / "spellings.tsv"
    table.write_text("spelling\tcity\tcountry\nAtlantis\tAtlantis\tGRC\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"spellings.tsv:2: no city 'Atlantis' in GRC"):
        Gazetteer(spellings=table)


@pytest.mark.parametrize(("name", "country"), [("Islamabad", "PAK"), ("Nazareth", "ISR"), ("Salisbury", "GBR")])
def test_other_spellings_never_move_a_known_town(gazetteer: Gazetteer, name: str, country: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None and place.country == country
