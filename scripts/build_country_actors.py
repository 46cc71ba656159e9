"""Generate src/detente/data/actors/countries.yaml from pycountry + countryinfo.

Run once (the output is committed; edit this script, not the YAML, then re-run):
    .venv/bin/python scripts/build_country_actors.py
Covers every UN member state plus Kosovo, Taiwan, Palestine, Western Sahara, the Holy See and
Hong Kong (PLOVER gives the last two their own country names). Names come from countryinfo's
short English names, corrected by hand where it is stale; aliases keep only real English names.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pycountry
import yaml
from countryinfo import all_countries

OUT = Path(__file__).resolve().parent.parent / "src" / "detente" / "data" / "actors" / "countries.yaml"

UN_MEMBERS = re.findall(r"[A-Z]{3}", """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU
EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND
IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS
MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP
SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""")
EXTRA = ["XKX", "TWN", "PSE", "ESH", "VAT", "HKG"]

NAMES = {  # the common short English name, where countryinfo's is stale or formal
    "BHS": "Bahamas", "GMB": "Gambia", "MKD": "North Macedonia", "SWZ": "Eswatini", "VAT": "Holy See",
    "FSM": "Micronesia", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "CPV": "Cape Verde", "TLS": "East Timor", "CIV": "Ivory Coast", "MMR": "Myanmar", "PSE": "Palestine",
    "TUR": "Turkey", "CZE": "Czech Republic", "XKX": "Kosovo", "KNA": "Saint Kitts and Nevis",
}
ALIASES = {  # real English names countryinfo/pycountry lack (or spell otherwise)
    "USA": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "RUS": ["Russian Federation"], "CHN": ["People's Republic of China", "PRC", "mainland China"],
    "KOR": ["Republic of Korea", "ROK"], "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "IRN": ["Islamic Republic of Iran"], "SYR": ["Syrian Arab Republic"], "NLD": ["Holland"],
    "CZE": ["Czechia"], "TUR": ["Türkiye", "Turkiye", "Republic of Türkiye"],
    "MKD": ["Macedonia", "Republic of North Macedonia"], "SWZ": ["Swaziland", "Kingdom of Eswatini"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"], "TLS": ["Timor-Leste"], "MMR": ["Burma"],
    "COD": ["DR Congo", "DRC", "Congo-Kinshasa", "Congo"],  # news "Congo" is mostly the DRC
    "COG": ["Congo-Brazzaville", "Republic of Congo"], "CPV": ["Cabo Verde"],
    "VAT": ["Vatican", "Vatican City", "Holy See"], "XKX": ["Republic of Kosovo"],
    "PSE": ["State of Palestine", "Palestinian territories", "West Bank", "Gaza", "Gaza Strip"],
    "ESH": ["Sahrawi Arab Democratic Republic"], "ARE": ["UAE", "U.A.E."], "SAU": ["Kingdom of Saudi Arabia"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"], "BLR": ["Byelorussia", "Belorussia"],
    "KGZ": ["Kirghizia"], "VNM": ["Viet Nam"], "LCA": ["St. Lucia", "St Lucia"],
    "KNA": ["St. Kitts and Nevis", "St Kitts and Nevis"], "VCT": ["St. Vincent and the Grenadines"],
    "STP": ["Sao Tome and Principe"], "TTO": ["Trinidad"], "ATG": ["Antigua"], "HKG": ["Hong Kong SAR"],
    "TWN": ["Republic of China"], "LAO": ["Lao People's Democratic Republic"],
}
DEMONYMS = {  # replaces countryinfo's demonym where it is wrong, rare or ambiguous
    "GBR": ["British", "Briton", "Britons"], "USA": ["American", "Americans"],
    "BLR": ["Belarusian", "Belarusians", "Belarussian", "Byelorussian"], "KGZ": ["Kyrgyz", "Kyrgyzstani"],
    "TJK": ["Tajik", "Tajiks", "Tajikistani"], "KAZ": ["Kazakh", "Kazakhs", "Kazakhstani"],
    "UZB": ["Uzbek", "Uzbeks", "Uzbekistani"], "AZE": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
    "CPV": ["Cape Verdean"], "MDV": ["Maldivian"], "DJI": ["Djiboutian"], "SVN": ["Slovenian", "Slovene"],
    "SVK": ["Slovak", "Slovaks", "Slovakian"], "ISL": ["Icelandic", "Icelander", "Icelanders"],
    "ARG": ["Argentine", "Argentinian", "Argentinean"], "ECU": ["Ecuadorian", "Ecuadorean"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian"], "PHL": ["Filipino", "Filipinos", "Philippine"],
    "BWA": ["Botswanan", "Motswana", "Batswana"], "LSO": ["Basotho", "Mosotho"], "SUR": ["Surinamese"],
    "LUX": ["Luxembourgish", "Luxembourger"], "COM": ["Comorian"], "GNB": ["Bissau-Guinean"],
    "TLS": ["Timorese", "East Timorese"], "CHN": ["Chinese"], "HKG": ["Hongkonger", "Hong Konger"],
    "DOM": ["Dominican"], "DMA": ["Dominican"], "COD": ["Congolese"], "COG": [], "XKX": ["Kosovar", "Kosovan"],
    "PSE": ["Palestinian", "Palestinians"], "ESH": ["Sahrawi", "Sahrawis", "Saharawi"],
    "TUR": ["Turkish", "Turk", "Turks"], "POL": ["Polish", "Pole", "Poles"], "DNK": ["Danish", "Dane", "Danes"],
    "SWE": ["Swedish", "Swede", "Swedes"], "FIN": ["Finnish", "Finn", "Finns"],
    "ESP": ["Spanish", "Spaniard", "Spaniards"], "MKD": ["North Macedonian", "Macedonian"],
    "LAO": ["Lao", "Laotian", "Laotians"], "MMR": ["Burmese"], "VAT": [], "ARE": ["Emirati", "Emiratis"],
    "ATG": ["Antiguan"], "BIH": ["Bosnian", "Bosnians"], "NZL": ["New Zealander", "New Zealanders"],
    "SWZ": ["Swazi", "Swazis"], "KNA": ["Kittitian"], "GRC": ["Greek", "Greeks", "Hellenic"],
    "TWN": ["Taiwanese"], "GMB": ["Gambian"], "BHS": ["Bahamian"], "CZE": ["Czech", "Czechs"],
}
DROP = {"COG": ["Congo"]}  # aliases given to another country above
DEMONYM_OWNER = {"Dominican": "DOM", "Congolese": "COD", "Chinese": "CHN"}  # shared adjectivals
CAPITALS = {  # replaces countryinfo's capital; [] where the name is too ambiguous to be a metonym
    "KAZ": ["Astana"], "USA": ["Washington", "Washington, D.C.", "Washington D.C."], "UKR": ["Kyiv", "Kiev"],
    "MMR": ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"], "BOL": ["Sucre", "La Paz"], "IRN": ["Tehran", "Teheran"],
    "CIV": ["Yamoussoukro", "Abidjan"], "LKA": ["Colombo", "Sri Jayawardenepura Kotte"],
    "MYS": ["Kuala Lumpur", "Putrajaya"], "SWZ": ["Mbabane", "Lobamba"], "YEM": ["Sanaa", "Sana'a"],
    "XKX": ["Pristina", "Prishtina"], "TWN": ["Taipei"], "PSE": ["Ramallah"], "CHE": ["Bern", "Berne"],
    "BEL": [],  # "Brussels" stands for the EU (seats.yaml)
    "MDV": [], "SYC": [], "ESH": [], "HKG": [], "VAT": [],  # Malé/Victoria are common words or names
    "GRD": ["St. George's"], "ATG": ["St. John's", "Saint John's"],
}
_FOREIGN_WORD = re.compile(r"\b(des|de|du|del|la|le|da|do|ya|wa|di|al|et|e|y)\b")
_ENGLISH_FORM = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Principality|Union|Emirates|Confederation|"
    r"Sultanate|Duchy|Federal|Islands|Democratic)\b"
)


def latin(text: str) -> bool:
    """Only Latin letters (accents allowed) and name punctuation: drops Cyrillic, Arabic, CJK, IPA."""
    return all(
        c in " '-.()&" or (c.isalpha() and unicodedata.name(c, "").startswith("LATIN")) for c in text
    )


def english_alias(alias: str, *, trusted: bool) -> bool:
    """Keep official English forms (pycountry, or "Republic of ..." shapes), never codes or natives."""
    if not latin(alias) or "," in alias or "(" in alias or (len(alias) <= 3 and not trusted):
        return False
    if trusted:
        return True
    native = re.search(r"[áéíóúâêôãõçñäöüýłø]", alias) or _FOREIGN_WORD.search(alias)
    return bool(_ENGLISH_FORM.search(alias)) and not native


def dedupe(values: list[str], *, skip: set[str]) -> list[str]:
    out: list[str] = []
    seen = set(skip)
    for value in values:
        key = value.casefold().removeprefix("the ")
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


def plural(demonym: str) -> list[str]:
    """Add the plural of a demonym that is also a noun ("Russian" → "Russians"; not "Chinese")."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "i-Kiribati")):
        return [demonym]
    if demonym.endswith(("an", "i", "er", "ar", "o", "k", "ot", "in")):
        return [demonym, demonym + "s"]
    return [demonym]


def countryinfo_by_iso3() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for country in all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3 and iso3 not in out:
            out[iso3] = info
    return out


def country_entry(iso3: str, info: dict[str, Any]) -> dict[str, Any]:
    pc = pycountry.countries.get(alpha_3=iso3)
    name = NAMES.get(iso3) or info.get("name") or (pc.name if pc else iso3)
    trusted = [getattr(pc, f, None) for f in ("name", "official_name", "common_name")] if pc else []
    candidates = [(a, True) for a in [*trusted, info.get("name"), *ALIASES.get(iso3, [])] if a]
    candidates += [(a.strip(), False) for a in info.get("altSpellings", [])]
    skip = {name.casefold(), *(a.casefold() for a in DROP.get(iso3, []))}
    aliases = dedupe([a for a, t in candidates if english_alias(a, trusted=t)], skip=skip)
    raw_demonyms = DEMONYMS.get(iso3)
    if raw_demonyms is None:
        raw_demonyms = [d.strip() for d in re.split(r"[,/]", info.get("demonym") or "") if d.strip()]
        raw_demonyms = [p for d in raw_demonyms for p in plural(d)]
    capital = info.get("capital")
    capitals = CAPITALS.get(iso3, [capital] if isinstance(capital, str) and capital else [])
    names = {a.casefold() for a in [name, *aliases]}
    entry: dict[str, Any] = {"id": iso3, "name": name, "kind": "country"}
    if aliases:
        entry["aliases"] = aliases
    demonyms = dedupe([d for d in raw_demonyms if d.casefold() not in names], skip=set())
    if demonyms:
        entry["demonyms"] = demonyms
    capitals = dedupe([c for c in capitals if c.casefold() not in names], skip=set())
    if capitals:
        entry["capitals"] = capitals
    return entry


def resolve_shared_demonyms(entries: list[dict[str, Any]]) -> None:
    """A demonym may name one country only: DEMONYM_OWNER decides, else it is dropped with a note."""
    owners: dict[str, list[str]] = {}
    for entry in entries:
        for demonym in entry.get("demonyms", []):
            owners.setdefault(demonym, []).append(entry["id"])
    for demonym, ids in owners.items():
        if len(ids) < 2:
            continue
        keep = DEMONYM_OWNER.get(demonym)
        if keep is None:
            print(f"dropping shared demonym {demonym!r} of {ids}", file=sys.stderr)
        for entry in entries:
            if entry["id"] in ids and entry["id"] != keep:
                entry["demonyms"] = [d for d in entry["demonyms"] if d != demonym]


def report_collisions(entries: list[dict[str, Any]]) -> None:
    """Print any name that two countries share, so a hand fix can decide (the loader ranks ties)."""
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for value in [entry["name"], *entry.get("aliases", []), *entry.get("capitals", [])]:
            owners.setdefault(value.casefold().removeprefix("the "), set()).add(entry["id"])
    for value, ids in sorted(owners.items()):
        if len(ids) > 1:
            print(f"shared name {value!r}: {sorted(ids)}", file=sys.stderr)


def main() -> None:
    infos = countryinfo_by_iso3()
    infos.setdefault("XKX", {"name": "Kosovo", "capital": "Pristina"})
    entries = [country_entry(iso3, infos.get(iso3, {})) for iso3 in [*UN_MEMBERS, *EXTRA]]
    resolve_shared_demonyms(entries)
    report_collisions(entries)
    for entry in entries:
        if not entry.get("demonyms"):
            entry.pop("demonyms", None)
    header = (
        "# GENERATED by scripts/build_country_actors.py from pycountry + countryinfo; edit the script.\n"
        "# Countries: id = ISO 3166-1 alpha-3 (Kosovo XKX). capitals stand for the government (GOV).\n"
    )
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=110, default_flow_style=None)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(entries)} countries to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
