"""A seeded corruption generator: clean English news sentences with known defects, for tests and measurement.

`Corrupter(seed).corrupt(clean, kinds)` plants one defect per requested kind (where the sentence allows
it) and returns the corrupted text with its ground truth; `corrupt_corpus` spreads defects over a list of
sentences so every kind is produced about as often as its weight asks. The generator is pure (no I/O but
the package data of countryinfo/pycountry) and deterministic for a seed and an input order.

The defects (Truth.kind uses the repair kinds of `detente.repair.base`):

- glued: the space between two adjacent words is removed ("Biden said" → "Bidensaid", "analyst
  Belarusian" → "analystBelarusian", "ShraibmanBelarusian", "ofthe"). Variants name the shape:
  name_lower, lower_name, name_name, lower_lower. expected = the two words with their space.
- foreign_word: an " and " between words becomes the source-language conjunction (it/pt "e", es "y",
  fr "et", de "und"). expected = "and".
- exonym: a country or city name of the sentence becomes its name in a source language ("Moscow" →
  "Mosca"). Country exonyms come from countryinfo's translations (pycountry's gettext catalogues for
  languages countryinfo lacks); city exonyms from the hand-written CITY_EXONYMS below. Neither is the
  table the repair step uses, so the test is not circular. expected = the English name.
- foreign_span: a short untranslated phrase (3-6 words, bracketed, parenthesised or plain) is inserted
  after a word. It has no clean counterpart (original_clean ""), expected None: the repair only flags it.
- encoding: a word with a non-ASCII letter or an apostrophe is mojibaked (UTF-8 bytes read as
  Windows-1252, undefined bytes kept as Latin-1 like real scrapes: "Türkiye" → "TÃ¼rkiye", "Russia's"
  → "Russiaâ€™s" via the curly apostrophe). expected = the clean word (compare modulo curly quotes).
- html_entity: one character becomes an HTML entity ("'" → "&#8217;", "&" → "&amp;", "é" → "&eacute;",
  or a space → "&nbsp;" when nothing else is there). expected = the clean character.
- markup: a word is wrapped in an inline tag ("<b>Biden</b>", '<a href="...">Biden</a>'). The truth
  spans tags and word; expected = the word.

Offsets of every Truth are into the corrupted text; `Corrupted.restore()` puts the clean text back.
"""

from __future__ import annotations

import gettext
import html.entities
import random
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from detente.repair.base import (
    DEFAULT_SOURCE_LANGUAGES,
    ENCODING,
    EXONYM,
    FOREIGN_SPAN,
    FOREIGN_WORD,
    GLUED,
    HTML_ENTITY,
    MARKUP,
)

DEFECT_KINDS: tuple[str, ...] = (GLUED, FOREIGN_WORD, EXONYM, FOREIGN_SPAN, ENCODING, HTML_ENTITY, MARKUP)

# How often each kind is wanted relative to the others in `corrupt_corpus` (glued words are the most
# common defect of scraped, machine-translated news, so they get the largest share).
DEFAULT_WEIGHTS: Mapping[str, float] = {
    GLUED: 0.30, FOREIGN_WORD: 0.12, EXONYM: 0.14, FOREIGN_SPAN: 0.12, ENCODING: 0.12, HTML_ENTITY: 0.10,
    MARKUP: 0.10,
}

CONJUNCTIONS: Mapping[str, str] = {"it": "e", "es": "y", "fr": "et", "de": "und", "pt": "e"}

# English name → {language: exonym}; only names that differ from the English one. Written by hand for
# this generator (independent of the repair step's tables).
CITY_EXONYMS: Mapping[str, Mapping[str, str]] = {
    "Moscow": {"it": "Mosca", "es": "Moscú", "fr": "Moscou", "de": "Moskau", "pt": "Moscovo"},
    "Beijing": {"it": "Pechino", "es": "Pekín", "fr": "Pékin", "de": "Peking", "pt": "Pequim"},
    "London": {"it": "Londra", "es": "Londres", "fr": "Londres", "pt": "Londres"},
    "Warsaw": {"it": "Varsavia", "es": "Varsovia", "fr": "Varsovie", "de": "Warschau", "pt": "Varsóvia"},
    "Kyiv": {"de": "Kiew", "pt": "Quieve"},
    "Paris": {"it": "Parigi", "es": "París"},
    "Rome": {"it": "Roma", "es": "Roma", "de": "Rom", "pt": "Roma"},
    "Berlin": {"it": "Berlino", "es": "Berlín", "pt": "Berlim"},
    "Vienna": {"es": "Viena", "fr": "Vienne", "de": "Wien", "pt": "Viena"},
    "Munich": {"it": "Monaco di Baviera", "es": "Múnich", "de": "München", "pt": "Munique"},
    "Cologne": {"it": "Colonia", "es": "Colonia", "de": "Köln", "pt": "Colónia"},
    "Geneva": {"it": "Ginevra", "es": "Ginebra", "fr": "Genève", "de": "Genf", "pt": "Genebra"},
    "Brussels": {"it": "Bruxelles", "es": "Bruselas", "fr": "Bruxelles", "de": "Brüssel", "pt": "Bruxelas"},
    "Lisbon": {"it": "Lisbona", "es": "Lisboa", "fr": "Lisbonne", "de": "Lissabon", "pt": "Lisboa"},
    "Athens": {"it": "Atene", "es": "Atenas", "fr": "Athènes", "de": "Athen", "pt": "Atenas"},
    "Prague": {"it": "Praga", "es": "Praga", "de": "Prag", "pt": "Praga"},
    "Bucharest": {"it": "Bucarest", "es": "Bucarest", "fr": "Bucarest", "de": "Bukarest", "pt": "Bucareste"},
    "Belgrade": {"it": "Belgrado", "es": "Belgrado", "de": "Belgrad", "pt": "Belgrado"},
    "Copenhagen": {"it": "Copenaghen", "es": "Copenhague", "fr": "Copenhague", "de": "Kopenhagen",
                   "pt": "Copenhaga"},
    "Stockholm": {"it": "Stoccolma", "es": "Estocolmo", "pt": "Estocolmo"},
    "Istanbul": {"es": "Estambul", "pt": "Istambul"},
    "Cairo": {"es": "El Cairo", "fr": "Le Caire", "de": "Kairo"},
    "Jerusalem": {"it": "Gerusalemme", "es": "Jerusalén", "fr": "Jérusalem", "pt": "Jerusalém"},
    "Tehran": {"it": "Teheran", "es": "Teherán", "fr": "Téhéran", "de": "Teheran", "pt": "Teerão"},
    "Damascus": {"it": "Damasco", "es": "Damasco", "fr": "Damas", "de": "Damaskus", "pt": "Damasco"},
    "Baghdad": {"es": "Bagdad", "fr": "Bagdad", "de": "Bagdad", "pt": "Bagdade"},
    "Beirut": {"fr": "Beyrouth", "pt": "Beirute"},
    "Tokyo": {"es": "Tokio", "de": "Tokio", "pt": "Tóquio"},
    "Seoul": {"it": "Seul", "es": "Seúl", "fr": "Séoul", "pt": "Seul"},
    "New York": {"es": "Nueva York", "pt": "Nova Iorque"},
    "Saint Petersburg": {"it": "San Pietroburgo", "es": "San Petersburgo", "fr": "Saint-Pétersbourg",
                         "de": "Sankt Petersburg", "pt": "São Petersburgo"},
    "Kharkiv": {"it": "Charkiv", "es": "Járkov", "de": "Charkiw", "pt": "Carcóvia"},
    "Venice": {"it": "Venezia", "es": "Venecia", "fr": "Venise", "de": "Venedig", "pt": "Veneza"},
    "Milan": {"it": "Milano", "es": "Milán", "de": "Mailand", "pt": "Milão"},
    "Florence": {"it": "Firenze", "es": "Florencia", "de": "Florenz", "pt": "Florença"},
    "Naples": {"it": "Napoli", "es": "Nápoles", "de": "Neapel", "pt": "Nápoles"},
    "Edinburgh": {"it": "Edimburgo", "es": "Edimburgo", "fr": "Édimbourg", "pt": "Edimburgo"},
    "Dublin": {"it": "Dublino", "es": "Dublín", "pt": "Dublim"},
    "Antwerp": {"it": "Anversa", "es": "Amberes", "fr": "Anvers", "de": "Antwerpen", "pt": "Antuérpia"},
    "Kabul": {"fr": "Kaboul", "pt": "Cabul"},
    "New Delhi": {"it": "Nuova Delhi", "es": "Nueva Delhi", "de": "Neu-Delhi", "pt": "Nova Deli"},
    "Mexico City": {"it": "Città del Messico", "es": "Ciudad de México", "de": "Mexiko-Stadt",
                    "pt": "Cidade do México"},
    "Havana": {"it": "L'Avana", "es": "La Habana", "fr": "La Havane", "de": "Havanna"},
    "Algiers": {"it": "Algeri", "es": "Argel", "fr": "Alger", "de": "Algier", "pt": "Argel"},
    "Riyadh": {"it": "Riad", "es": "Riad", "fr": "Riyad", "de": "Riad", "pt": "Riade"},
    "Pyongyang": {"es": "Pionyang", "de": "Pjöngjang"},
    "Taipei": {"es": "Taipéi", "de": "Taipeh", "pt": "Taipé"},
    "Jakarta": {"it": "Giacarta", "es": "Yakarta", "pt": "Jacarta"},
    "Cape Town": {"it": "Città del Capo", "es": "Ciudad del Cabo", "fr": "Le Cap", "de": "Kapstadt",
                  "pt": "Cidade do Cabo"},
    "Vilnius": {"es": "Vilna", "de": "Wilna"},
}

# Untranslated phrases a machine translation leaves behind, 3-6 words each.
FOREIGN_PHRASES: Mapping[str, tuple[str, ...]] = {
    "it": ("per il ritiro di Wagner", "secondo fonti del governo", "in una nota ufficiale",
           "ha dichiarato il portavoce", "nel corso della conferenza stampa", "a quanto si apprende",
           "come riferisce l'agenzia di stampa", "dopo settimane di trattative"),
    "es": ("según fuentes del gobierno", "en un comunicado oficial", "tras semanas de negociaciones",
           "dijo el portavoz del ministerio", "durante la rueda de prensa", "por la retirada de las tropas",
           "de acuerdo con la agencia", "en declaraciones a la prensa"),
    "fr": ("selon des sources gouvernementales", "dans un communiqué officiel",
           "après des semaines de négociations", "a déclaré le porte-parole", "lors de la conférence de presse",
           "pour le retrait des troupes", "d'après l'agence de presse", "a-t-il ajouté devant les journalistes"),
    "de": ("nach Angaben der Regierung", "in einer offiziellen Mitteilung", "nach wochenlangen Verhandlungen",
           "sagte der Sprecher des Ministeriums", "auf der Pressekonferenz am Montag",
           "für den Abzug der Truppen", "wie die Agentur berichtete", "laut einem Bericht der Zeitung"),
    "pt": ("segundo fontes do governo", "em um comunicado oficial", "depois de semanas de negociações",
           "disse o porta-voz do ministério", "durante a entrevista coletiva", "pela retirada das tropas",
           "de acordo com a agência", "em declarações à imprensa"),
}
SPAN_STYLES: tuple[tuple[str, str], ...] = (("[", "]"), ("(", ")"), ("", ""))

TAGS: tuple[tuple[str, str], ...] = (
    ("<b>", "</b>"), ("<i>", "</i>"), ("<em>", "</em>"), ("<strong>", "</strong>"),
    ('<a href="https://example.com/news/1">', "</a>"), ('<span class="highlight">', "</span>"),
)
APOSTROPHE_ENTITIES: tuple[str, ...] = ("&#8217;", "&#39;", "&rsquo;", "&#x27;")
ASCII_ENTITIES: Mapping[str, tuple[str, ...]] = {"&": ("&amp;", "&#38;"), '"': ("&quot;", "&#34;")}
ENTITY_PUNCTUATION = frozenset("'\"&()-:;%$")  # ASCII characters an over-eager feed escapes

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_LETTERS = re.compile(r"[A-Za-z]+")
_TRAILING = re.compile(r"[,.;:!?)\]\"]*(?:\s|$)")
_PRECEDING_NAME = re.compile(r"([A-Z][\w'’-]*) $")


@dataclass(frozen=True, slots=True)
class Truth:
    """One planted defect: [start, end) of the CORRUPTED text, the clean text it replaced, and what a
    perfect repair returns (None: the span is only flagged)."""

    kind: str
    start: int
    end: int
    original_clean: str
    expected: str | None
    language: str | None = None
    variant: str = ""  # the defect's shape within its kind ("name_lower", "mojibake", "[...]")


@dataclass(frozen=True, slots=True)
class Corrupted:
    clean: str
    text: str
    truths: tuple[Truth, ...]

    def restore(self) -> str:
        """The clean text back: each truth span replaced by its clean form; insertions dropped with
        the space that was inserted before them."""
        text = self.text
        for truth in sorted(self.truths, key=lambda t: t.start, reverse=True):
            start = truth.start
            if not truth.original_clean and start > 0 and text[start - 1] == " ":
                start -= 1
            text = text[:start] + truth.original_clean + text[truth.end :]
        return text


@dataclass(frozen=True, slots=True)
class _Edit:
    """A defect planned on the clean text: clean[start:end] becomes `corrupt` (`lead` goes before it)."""

    start: int
    end: int
    corrupt: str
    kind: str
    expected: str | None
    language: str | None = None
    variant: str = ""
    lead: str = ""


class Corrupter:
    """Plants defects with its own seeded random generator; the same seed and inputs give the same output."""

    def __init__(
        self,
        seed: int = 0,
        *,
        languages: Sequence[str] = DEFAULT_SOURCE_LANGUAGES,
        weights: Mapping[str, float] | None = None,
    ) -> None:
        self.rng = random.Random(seed)
        self.languages = tuple(lang for lang in languages if lang in CONJUNCTIONS)
        self.weights = dict(weights or DEFAULT_WEIGHTS)
        self.counts: dict[str, int] = dict.fromkeys(self.weights, 0)

    def corrupt(self, clean: str, kinds: Iterable[str]) -> Corrupted:
        """One defect of each kind in `kinds`, where the sentence has room for it (others are skipped)."""
        edits: list[_Edit] = []
        for kind in kinds:
            edit = self._plan(kind, clean, edits)
            if edit is not None:
                edits.append(edit)
        return _apply(clean, edits)

    def sample(self, clean: str, *, defects: int = 1) -> Corrupted | None:
        """Up to `defects` defects, each of the kind most behind its weight that the sentence allows."""
        edits: list[_Edit] = []
        for _ in range(defects):
            edit = self._balanced(clean, edits)
            if edit is None:
                break
            edits.append(edit)
            self.counts[edit.kind] = self.counts.get(edit.kind, 0) + 1
        return _apply(clean, edits) if edits else None

    def _balanced(self, clean: str, edits: list[_Edit]) -> _Edit | None:
        order = sorted(self.weights, key=lambda k: (self.counts.get(k, 0) / self.weights[k], self.rng.random()))
        for kind in order:
            edit = self._plan(kind, clean, edits)
            if edit is not None:
                return edit
        return None

    def _plan(self, kind: str, clean: str, edits: list[_Edit]) -> _Edit | None:
        taken = [(e.start, e.end) for e in edits]
        planner = _PLANNERS.get(kind)
        if planner is None:
            raise ValueError(f"unknown defect kind {kind!r}; expected one of {', '.join(DEFECT_KINDS)}")
        return planner(self, clean, taken)

    # ---- one planner per kind; each returns None when the sentence has no free place for it ------------
    def _glued(self, clean: str, taken: list[tuple[int, int]]) -> _Edit | None:
        shapes: dict[str, list[tuple[int, int]]] = {}
        words = [m for m in _LETTERS.finditer(clean) if _standalone(clean, m.start(), m.end())]
        for first, second in pairwise(words):
            if second.start() != first.end() + 1 or clean[first.end()] != " " or len(first[0]) < 2:
                continue
            if len(second[0]) < 2 or not _free(taken, first.start(), second.end()):
                continue
            if not _TRAILING.match(clean, second.end()):
                continue  # "in Russia's" or "the pro-Russian": not two plain words
            shape = f"{_shape(first[0])}_{_shape(second[0])}"
            shapes.setdefault(shape, []).append((first.start(), second.end()))
        if not shapes:
            return None
        shape = self.rng.choice(sorted(shapes))
        start, end = self.rng.choice(shapes[shape])
        span = clean[start:end]
        return _Edit(start, end, span.replace(" ", "", 1), GLUED, span, variant=shape)

    def _foreign_word(self, clean: str, taken: list[tuple[int, int]]) -> _Edit | None:
        places = [m.start() for m in re.finditer(r"(?<= )and(?= \w)", clean) if _free(taken, m.start(), m.end())]
        if not places or not self.languages:
            return None
        start = self.rng.choice(places)
        language = self.rng.choice(self.languages)
        return _Edit(start, start + 3, CONJUNCTIONS[language], FOREIGN_WORD, "and", language, "and")

    def _exonym(self, clean: str, taken: list[tuple[int, int]]) -> _Edit | None:
        table = exonym_table()
        found: list[tuple[int, int, str, str]] = []
        for match in _name_pattern().finditer(clean):
            start, end = match.span()
            if not _free(taken, start, end) or _inside_longer_name(clean, start, end):
                continue
            source = "city" if match[0] in CITY_EXONYMS else "country"
            choices = [lang for lang in self.languages if lang in table.get(match[0], {})]
            if choices:
                found.append((start, end, self.rng.choice(choices), source))
        if not found:
            return None
        start, end, language, source = self.rng.choice(found)
        name = clean[start:end]
        return _Edit(start, end, table[name][language], EXONYM, name, language, source)

    def _foreign_span(self, clean: str, taken: list[tuple[int, int]]) -> _Edit | None:
        # After a word that a space follows, never after the last word: the phrase sits inside the sentence.
        places = [m.end() for m in _WORD.finditer(clean)
                  if clean[m.end() : m.end() + 1] == " " and _free(taken, m.end(), m.end())]
        if not places or not self.languages:
            return None
        at = self.rng.choice(places)
        language = self.rng.choice(self.languages)
        opening, closing = self.rng.choice(SPAN_STYLES)
        phrase = f"{opening}{self.rng.choice(FOREIGN_PHRASES[language])}{closing}"
        variant = f"{opening}...{closing}" if opening else "plain"
        return _Edit(at, at, phrase, FOREIGN_SPAN, None, language, variant, lead=" ")

    def _encoding(self, clean: str, taken: list[tuple[int, int]]) -> _Edit | None:
        spans = [m.span() for m in _WORD.finditer(clean) if not m[0].isascii() or "'" in m[0]]
        spans += [m.span() for m in re.finditer(r"[^\x00-\x7f]", clean) if not m[0].isalnum() and _visible(m[0])]
        spans = [(s, e) for s, e in spans if _free(taken, s, e)]
        if not spans:
            return None
        start, end = self.rng.choice(spans)
        word = clean[start:end]
        variant = "mojibake" if not word.isascii() else "mojibake_apostrophe"
        return _Edit(start, end, mojibake(word.replace("'", "’")), ENCODING, word, variant=variant)

    def _html_entity(self, clean: str, taken: list[tuple[int, int]]) -> _Edit | None:
        special = [i for i, ch in enumerate(clean) if (ch in ENTITY_PUNCTUATION or not ch.isascii())
                   and _visible(ch) and _free(taken, i, i + 1)]
        spaces = [i for i in range(1, len(clean) - 1) if clean[i] == " " and clean[i - 1].isalnum()
                  and clean[i + 1].isalnum() and _free(taken, i, i + 1)]
        # A real character when there is one; a non-breaking space now and then (often declined, so
        # the balanced sampler mostly waits for a sentence with a character to escape).
        pool = special if special and self.rng.random() < 0.9 else spaces
        if not pool or (not special and self.rng.random() < 0.7):
            return None
        at = self.rng.choice(pool)
        char = clean[at]
        entity = self._entity(char)
        variant = "nbsp" if char == " " else ("numeric" if entity.startswith("&#") else "named")
        return _Edit(at, at + 1, entity, HTML_ENTITY, char, variant=variant)

    def _entity(self, char: str) -> str:
        if char == " ":
            return "&nbsp;"
        if char == "'":
            return self.rng.choice(APOSTROPHE_ENTITIES)
        if char in ASCII_ENTITIES:
            return self.rng.choice(ASCII_ENTITIES[char])
        if char.isascii():
            return f"&#{ord(char)};"  # feeds that escape every punctuation mark: "&#40;" for "("
        name = html.entities.codepoint2name.get(ord(char))
        if name is not None and self.rng.random() < 0.6:
            return f"&{name};"
        return f"&#{ord(char)};"

    def _markup(self, clean: str, taken: list[tuple[int, int]]) -> _Edit | None:
        # Link text is often a few words ("<a ...>Vandenberg Space Force</a>"): wrap a run of 1-3 words.
        words = [m.span() for m in _WORD.finditer(clean) if _standalone(clean, *m.span())]
        runs: list[tuple[int, int]] = []
        for i, (start, _) in enumerate(words):
            for j in range(i, min(i + 3, len(words))):
                if j > i and words[j][0] != words[j - 1][1] + 1:
                    break
                if _free(taken, start, words[j][1]):
                    runs.append((start, words[j][1]))
        if not runs:
            return None
        start, end = self.rng.choice(runs)
        opening, closing = self.rng.choice(TAGS)
        words_text = clean[start:end]
        return _Edit(start, end, f"{opening}{words_text}{closing}", MARKUP, words_text,
                     variant=opening.split()[0].strip("<>"))


_PLANNERS = {
    GLUED: Corrupter._glued,
    FOREIGN_WORD: Corrupter._foreign_word,
    EXONYM: Corrupter._exonym,
    FOREIGN_SPAN: Corrupter._foreign_span,
    ENCODING: Corrupter._encoding,
    HTML_ENTITY: Corrupter._html_entity,
    MARKUP: Corrupter._markup,
}


def corrupt_corpus(
    sentences: Sequence[str],
    n: int,
    *,
    seed: int = 0,
    max_defects: int = 3,
    languages: Sequence[str] = DEFAULT_SOURCE_LANGUAGES,
) -> list[Corrupted]:
    """`n` corrupted sentences drawn (shuffled, cycling when n exceeds the list) from `sentences`,
    each with 1..max_defects defects; kinds are balanced to DEFAULT_WEIGHTS."""
    corrupter = Corrupter(seed, languages=languages)
    order = list(range(len(sentences)))
    corrupter.rng.shuffle(order)
    out: list[Corrupted] = []
    misses = 0
    while len(out) < n and order and misses < len(order):
        clean = sentences[order[(len(out) + misses) % len(order)]]
        # Mostly one defect, sometimes two or three: repairs must not interfere with each other.
        defects = min(max_defects, corrupter.rng.choices((1, 2, 3), weights=(6, 3, 1))[0])
        corrupted = corrupter.sample(clean, defects=defects)
        if corrupted is None:
            misses += 1
            continue
        out.append(corrupted)
    return out


# ---- helpers ---------------------------------------------------------------------------------------------
def _apply(clean: str, edits: list[_Edit]) -> Corrupted:
    pieces: list[str] = []
    truths: list[Truth] = []
    cursor = length = 0
    for edit in sorted(edits, key=lambda e: e.start):
        pieces.append(clean[cursor : edit.start] + edit.lead)
        length += edit.start - cursor + len(edit.lead)
        truths.append(Truth(edit.kind, length, length + len(edit.corrupt), clean[edit.start : edit.end],
                            edit.expected, edit.language, edit.variant))
        pieces.append(edit.corrupt)
        length += len(edit.corrupt)
        cursor = edit.end
    pieces.append(clean[cursor:])
    return Corrupted(clean, "".join(pieces), tuple(truths))


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """No planned edit touches [start, end) or the character on either side of it: defects stay apart."""
    return all(end < s or start > e for s, e in taken)


def _standalone(text: str, start: int, end: int) -> bool:
    """A word of letters only: no digit, apostrophe, hyphen or other word character glued to it."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "'’-_&/@.") and not (after.isalnum() or after in "'’-_&/@")


def _visible(char: str) -> bool:
    """Not a space, control or format character: the corpus has a few (no-break and zero-width spaces),
    and a defect planted on one would be a whitespace/control defect, not the one asked for."""
    return unicodedata.category(char)[0] not in "ZC"


def _shape(word: str) -> str:
    return "name" if word[0].isupper() else "lower"


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """"New Mexico", "Georgia State": a capitalised neighbour makes it part of another name (a
    sentence-initial word like "In" does not count)."""
    before = _PRECEDING_NAME.search(text, 0, start)
    if before is not None and before.start() > 0 and text[: before.start()].rstrip()[-1:] not in ".!?":
        return True
    return re.match(r" [A-Z]", text[end : end + 2]) is not None


_MOJIBAKE = "".join(
    bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in range(256)
)


def mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (bytes it leaves undefined read as Latin-1): "é" → "Ã©"."""
    return "".join(_MOJIBAKE[b] for b in text.encode("utf-8"))


@lru_cache(maxsize=1)
def exonym_table() -> dict[str, dict[str, str]]:
    """English country or city name → {language: its exonym}, only where the exonym differs."""
    table: dict[str, dict[str, str]] = {name: dict(names) for name, names in CITY_EXONYMS.items()}
    for name, names in _country_exonyms().items():
        table.setdefault(name, {}).update(names)
    return table


def _country_exonyms() -> dict[str, dict[str, str]]:
    import pycountry
    from countryinfo import all_countries

    catalogues = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                  for lang in CONJUNCTIONS}
    table: dict[str, dict[str, str]] = {}
    for country in all_countries():
        english = country.name().removeprefix("The ")
        if "(" in english or "," in english:
            continue
        translations: dict[str, str] = dict(country.translations() or {})
        iso = (country.iso() or {}).get("alpha2")
        record = pycountry.countries.get(alpha_2=iso) if iso else None
        names: dict[str, str] = {}
        for lang, catalogue in catalogues.items():
            # countryinfo first; pycountry's ISO 3166 catalogue where countryinfo has no such language (pt).
            exonym = translations.get(lang) or (catalogue.gettext(record.name) if record is not None else "")
            if exonym and exonym != english and "," not in exonym and "(" not in exonym:
                names[lang] = exonym
        if names:
            table[english] = names
    return table


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    names = sorted(exonym_table(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
