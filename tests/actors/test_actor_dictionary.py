"""The actor dictionary: built-in data, lookups, dated roles, user files and validation errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.actors import ActorDictionary
from detente.errors import DataFileError


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _id_how_sector(dictionary: ActorDictionary, text: str) -> tuple[str, str, str | None] | None:
    match = dictionary.lookup(text)
    return (match.entry.id, match.how, match.sector) if match else None


def test_countries_by_name_alias_demonym_and_capital(dictionary: ActorDictionary) -> None:
    assert _id_how_sector(dictionary, "Russia") == ("RUS", "exact", None)
    assert _id_how_sector(dictionary, "Russian Federation") == ("RUS", "alias", None)
    assert _id_how_sector(dictionary, "Belarusian") == ("BLR", "demonym", None)
    assert _id_how_sector(dictionary, "Minsk") == ("BLR", "metonym", "GOV")
    assert _id_how_sector(dictionary, "American") == ("USA", "demonym", None)
    assert _id_how_sector(dictionary, "British") == ("GBR", "demonym", None)
    assert _id_how_sector(dictionary, "Chinese") == ("CHN", "demonym", None)


def test_every_un_member_and_the_four_extras_have_short_english_names(dictionary: ActorDictionary) -> None:
    countries = {e.id: e for e in dictionary.entries.values() if e.kind == "country"}
    assert len(countries) >= 197
    for iso3 in ("XKX", "TWN", "PSE", "ESH"):
        assert iso3 in countries
    names = {iso3: countries[iso3].name for iso3 in ("RUS", "IRN", "SYR", "KOR", "USA", "GBR")}
    assert names == {"RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea",
                     "USA": "United States", "GBR": "United Kingdom"}
    aliases = [a for e in countries.values() for a in e.aliases]
    assert not [a for a in aliases if len(a) == 2 and a not in ("US", "UK")], "no bare ISO-2 codes"
    assert not [a for a in aliases if any("\u0400" <= c <= "\u04ff" for c in a)], "no Cyrillic"


def test_no_built_in_alias_names_two_actors(dictionary: ActorDictionary) -> None:
    assert dictionary.collisions() == {}


def test_seats_and_lookup_normalisation(dictionary: ActorDictionary) -> None:
    assert _id_how_sector(dictionary, "the Kremlin") == ("RUS", "metonym", "GOV")
    assert _id_how_sector(dictionary, "THE KREMLIN’S") == ("RUS", "metonym", "GOV")
    assert _id_how_sector(dictionary, "Kremlin") == ("RUS", "metonym", "GOV")
    assert _id_how_sector(dictionary, "the Pentagon") == ("USA", "metonym", "MIL")
    assert _id_how_sector(dictionary, "Élysée") == _id_how_sector(dictionary, "Elysee") == ("FRA", "metonym", "GOV")
    assert _id_how_sector(dictionary, "the Bundestag") == ("DEU", "metonym", "LEG")
    assert _id_how_sector(dictionary, "Brussels") == ("EU", "metonym", "IGO")
    assert _id_how_sector(dictionary, "Putin's") == ("vladimir-putin", "alias", None)
    assert _id_how_sector(dictionary, "Erdoğan") == _id_how_sector(dictionary, "Erdogan")


def test_acronyms_match_only_in_capitals(dictionary: ActorDictionary) -> None:
    assert _id_how_sector(dictionary, "US") == ("USA", "alias", None)
    assert dictionary.lookup("us") is None
    assert _id_how_sector(dictionary, "WHO") == ("WHO", "alias", None)
    assert dictionary.lookup("who") is None


def test_organisations(dictionary: ActorDictionary) -> None:
    union = dictionary.get("UNION_STATE")
    assert union is not None and union.countries == ("RUS", "BLR") and union.sector == "IGO"
    west = dictionary.lookup("the West")
    assert west is not None and west.entry.country is None and west.entry.sector == "IGO"
    wagner = dictionary.lookup("Wagner")
    assert wagner is not None and (wagner.entry.country, wagner.entry.sector) == ("RUS", "MIL")
    carnegie = dictionary.lookup("Carnegie Endowment")
    assert carnegie is not None and carnegie.entry.sector == "NGO"


def test_putin_is_prime_minister_in_2010_and_president_in_2023(dictionary: ActorDictionary) -> None:
    putin = dictionary.get("vladimir-putin")
    assert putin is not None and putin.wikidata == "Q7747"
    role_2010 = putin.role_at(dt.date(2010, 1, 1))
    role_2023 = putin.role_at(dt.date(2023, 7, 2))
    assert role_2010 is not None and role_2010.title == "prime minister"
    assert role_2023 is not None and role_2023.title == "president"
    actor = putin.actor_at(dt.date(2023, 7, 2), text="Putin")
    assert (actor.id, actor.country, actor.sector, actor.text) == ("vladimir-putin", "RUS", "GOV", "Putin")


def test_roles_set_sector_by_date_and_base_applies_outside_them(dictionary: ActorDictionary) -> None:
    def sector(entry_id: str, day: str) -> str | None:
        entry = dictionary.get(entry_id)
        assert entry is not None
        return entry.actor_at(dt.date.fromisoformat(day)).sector

    assert sector("joe-biden", "2000-01-01") == "LEG"
    assert sector("joe-biden", "2024-01-01") == "GOV"
    assert sector("joe-biden", "2026-01-01") == "ELI"  # after the term: the base sector
    assert sector("TALIBAN", "2010-01-01") == "REB"
    assert sector("TALIBAN", "2022-01-01") == "GOV"
    assert sector("yevgeny-prigozhin", "2023-06-24") == "MIL"


def test_user_file_adds_and_extends_actors(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- {id: sense-analytics, name: Sense Analytics, kind: company, country: BLR, sector: BUS}\n"
        "- {id: vladimir-putin, aliases: [Vova]}\n",
        encoding="utf-8",
    )
    dictionary = ActorDictionary.load(user_file=user)
    added = dictionary.lookup("Sense Analytics")
    assert added is not None and (added.entry.country, added.entry.sector) == ("BLR", "BUS")
    vova, putin = dictionary.lookup("Vova"), dictionary.lookup("Putin")
    assert vova is not None and putin is not None and vova.entry is putin.entry
    assert putin.entry.wikidata == "Q7747"  # extended, not replaced


def test_user_file_with_sections_adds_seats_and_role_words(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "seats: [{name: Bankova Street, actor: UKR, sector: GOV}]\nroles: [{sector: MIL, words: [sappers]}]\n",
        encoding="utf-8",
    )
    dictionary = ActorDictionary.load(user_file=user)
    assert _id_how_sector(dictionary, "Bankova Street") == ("UKR", "metonym", "GOV")
    assert dictionary.role_sector(("sappers",)) == "MIL"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("- {id: x1, name: X, kind: person, sector: WARLORD}", "entry #1 (x1): sector 'WARLORD'"),
        ("- {id: x1, name: X, kind: person, country: Narnia}", "country 'Narnia'"),
        ("- {id: x1, name: X, kind: person, country: NRN}", "unknown country 'NRN'"),
        ("- {id: x1, name: X, kind: wizard}", "kind 'wizard'"),
        ("- {id: x1, kind: person}", "name must be a non-empty string"),
        ("- {id: x1, name: X, kind: person, colour: red}", "unknown field(s) colour"),
        ("- {id: x1, name: X, kind: person, roles: [{title: t, sector: GOV, start: 2020-01-01, "
         "end: 2019-01-01}]}", "end 2019-01-01 is before start 2020-01-01"),
        ("seats: [{name: Nowhere House, actor: NOBODY}]", "unknown actor 'NOBODY'"),
        ("- {id: x1, name: X\n  kind: [", "invalid YAML at line"),
        ("just a string", "expected a list of actor entries"),
    ],
)
def test_invalid_user_file_names_file_entry_and_problem(tmp_path: Path, content: str, expected: str) -> None:
    user = tmp_path / "broken.yaml"
    user.write_text(content + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        ActorDictionary.load(user_file=user)
    message = str(raised.value)
    assert str(user) in message and expected in message and message.startswith("[E002]")


def test_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        ActorDictionary.load(user_file=tmp_path / "absent.yaml")
