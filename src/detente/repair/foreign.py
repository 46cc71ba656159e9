"""Source-language text that machine translation left in English: exonyms, stray function words, spans.

Three kinds of repair, all found on one pass over the word tokens:
  EXONYM        a foreign name of a country or city, replaced by its English name ("Mosca" → "Moscow");
  FOREIGN_WORD  a table word translated where it cannot be English ("Russia e Belarus", "so zar you");
  FOREIGN_SPAN  a run of source-language words, flagged only ("[per il ritiro di Wagner]").
Precision comes first: clean English news must (almost) never change, so every rule asks for context
that English text does not produce, and names ("Lana Del Rey", "da Silva", "von der Leyen") stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from wordfreq import zipf_frequency

from detente.errors import ConfigError, DataFileError
from detente.models import Repair
from detente.repair.base import DEFAULT_SOURCE_LANGUAGES, EXONYM, FOREIGN_SPAN, FOREIGN_WORD
from detente.repair.vocabulary import ENGLISH_WORD_ZIPF, Vocabulary

if TYPE_CHECKING:
    from lingua import LanguageDetector

# A word leans foreign when some source language uses it this much more than English (in Zipf units).
FOREIGN_LEAN = 1.5
# English words this frequent are never scored as foreign (and skip the wordfreq look-ups entirely).
COMMON_ENGLISH = 5.0
# A lower-case neighbour this frequent is an English function word ("the", "of"), not a coordinated word.
FUNCTION_WORD = 6.5
# Lower-case words that glue a name together ("de Gaulle", "von der Leyen", "Lana Del Rey").
PARTICLES = frozenset({"de", "del", "della", "dei", "degli", "di", "da", "dal", "do", "dos", "das", "du", "des", "van",
                       "von", "der", "den", "ter", "ten", "la", "le", "les", "el", "los", "las", "al", "bin", "ibn",
                       "y", "e"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_BREAK = re.compile(r"[.!?;:\"“”«»()\[\]{}\n]")  # a gap holding one of these starts a new sentence or clause
_ELIDED_NAME = re.compile(r"[^\W\d_]{1,4}['’][A-Z]")
_OPENERS = {"[": "]", "(": ")"}
_CACHE_LIMIT = 200_000


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str
    cap: bool  # starts with a capital letter
    initial: bool  # first word of a sentence, a quote or a bracket
    spaced: bool  # separated from the previous token by spaces only
    linked: bool  # separated from the previous token by spaces or a comma (the same phrase)


_SECTIONS = ("between", "alone", "near")


@dataclass(frozen=True, slots=True)
class ForeignTable:
    """foreign_words.yaml for the chosen languages (see the file's header for its schema)."""

    sections: dict[str, dict[str, list[tuple[str, str]]]]  # section → word → [(language, English)]
    words: frozenset[str]  # every table word
    strong: frozenset[str]  # "alone" words: never English, so they alone make a run foreign
    english: dict[str, int]  # first word of a loan phrase → the most words such a phrase has
    loans: frozenset[str]  # loan phrases, lower case, words joined by one space

    def lookup(self, word: str, *sections: str, prefer: str | None = None) -> tuple[str, str] | None:
        """(English, language) of `word` in the first of `sections` that has it; the language `prefer` first."""
        entries = [e for name in sections for e in self.sections[name].get(word, ())]
        if not entries:
            return None
        language, english = next((e for e in entries if e[0] == prefer), entries[0])
        return english, language


def load_foreign_words(path: Path, languages: Sequence[str]) -> ForeignTable:
    """Read and validate foreign_words.yaml; a DataFileError names the file and the entry."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DataFileError(f"{path}: cannot read: {error}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("languages"), dict) or set(raw) - {"languages", "english"}:
        raise DataFileError(f"{path}: expected a mapping with `languages` (and optionally `english`)")
    sections: dict[str, dict[str, list[tuple[str, str]]]] = {name: {} for name in _SECTIONS}
    for code, table in raw["languages"].items():
        if not (isinstance(code, str) and re.fullmatch(r"[a-z]{2}", code)) or not isinstance(table, dict):
            raise DataFileError(f"{path}: languages.{code}: expected an ISO 639-1 code mapping to sections")
        seen: set[str] = set()
        for name, words in table.items():
            if name not in _SECTIONS or not isinstance(words, dict):
                raise DataFileError(f"{path}: languages.{code}.{name}: expected one of {', '.join(_SECTIONS)}, "
                                    "each a mapping of word → English")
            for word, english in words.items():
                where = f"{path}: languages.{code}.{name}.{word}"
                if not (isinstance(word, str) and word == word.lower() and _WORD.fullmatch(word)):
                    raise DataFileError(f"{where}: the word must be one lower-case word")
                if not (isinstance(english, str) and english.strip()):
                    raise DataFileError(f"{where}: the English must be a non-empty string")
                if word in seen:
                    raise DataFileError(f"{where}: listed twice for {code!r}")
                seen.add(word)
                if code in languages:
                    sections[name].setdefault(word, []).append((code, english.strip()))
    for entries in (e for section in sections.values() for e in section.values()):
        entries.sort(key=lambda e: languages.index(e[0]))
    loans = raw.get("english") or []
    if not isinstance(loans, list) or not all(isinstance(p, str) and _WORD.search(p) for p in loans):
        raise DataFileError(f"{path}: english: expected a list of phrases")
    phrases = frozenset(" ".join(_WORD.findall(p.lower())) for p in loans)
    heads: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split()
        heads[words[0]] = max(heads.get(words[0], 0), len(words))
    return ForeignTable(sections, frozenset(w for s in sections.values() for w in s),
                        frozenset(sections["alone"]), heads, phrases)


def load_exonyms(path: Path, languages: Sequence[str]) -> dict[str, tuple[str, str]]:
    """exonyms.tsv (foreign, english, language, kind) → {foreign: (English, language)} for `languages`."""
    table: dict[str, tuple[str, str]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataFileError(f"{path}: cannot read: {error}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("foreign\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not all(fields) or fields[3] not in ("country", "city"):
            raise DataFileError(f"{path}:{number}: expected foreign, english, language, country|city")
        if fields[2] in languages:
            table[fields[0].replace("’", "'")] = (fields[1], fields[2])
    return table


# Word categories for span finding.
_OTHER, _NAME, _FOREIGN, _STRONG = 0, 1, 2, 3
_Exonyms = dict[int, tuple[int, tuple[str, str]]]  # first token → (last token, (English, language))


class ForeignWords:
    """Finds exonyms, untranslated table words and untranslated spans (a RepairStep)."""

    kinds = (FOREIGN_WORD, EXONYM, FOREIGN_SPAN)

    def __init__(self, vocabulary: Vocabulary, *, languages: Sequence[str] = DEFAULT_SOURCE_LANGUAGES,
                 words_path: Path | None = None, exonyms_path: Path | None = None) -> None:
        self._vocabulary = vocabulary
        self._languages = tuple(dict.fromkeys(languages))
        data = resources.files("detente") / "data"
        self._table: ForeignTable = load_foreign_words(
            words_path or Path(str(data / "foreign_words.yaml")), self._languages)
        self._exonyms = load_exonyms(exonyms_path or Path(str(data / "exonyms.tsv")), self._languages)
        # First word of every exonym → the most words an exonym starting with it has.
        self._exonym_heads: dict[str, int] = {}
        for key in self._exonyms:
            words = _WORD.findall(key)
            self._exonym_heads[words[0]] = max(self._exonym_heads.get(words[0], 0), len(words))
        from lingua import IsoCode639_1, Language

        unknown = [code for code in self._languages if not hasattr(IsoCode639_1, code.upper())]
        if unknown:
            raise ConfigError(f"unknown source language code(s) {unknown}: expected ISO 639-1 codes such as 'it'")
        self._lingua = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in ("en", *languages)]
        self._detector: LanguageDetector | None = None  # built on the first candidate span
        # wordfreq loads a language's table on first use (~0.2 s each): pay it here, once, not in an article.
        for language in ("en", *self._languages):
            vocabulary.zipf("the", language)
        self._lean: dict[str, float] = {}
        self._common: dict[str, bool] = {}

    def find(self, text: str) -> list[Repair]:
        tokens = _tokenize(text)
        exonyms = self._find_exonyms(text, tokens)
        english = self._english_loans(tokens)
        kinds = [self._category(tokens, i, english) for i in range(len(tokens))]
        for first, (last, _) in exonyms.items():
            for j in range(first, last + 1):
                kinds[j] = _NAME
        repairs: list[Repair] = []
        covered: set[int] = set()  # tokens inside a flagged span
        for run in self._candidate_runs(text, tokens, kinds, english):
            found = self._confirm([tokens[j].text for j in range(run[0], run[1] + 1) if kinds[j] != _NAME])
            if found is not None:
                covered.update(range(run[0], run[1] + 1))
                gloss = self._gloss(text, tokens, kinds, exonyms, run, found[0])
                if gloss is not None:
                    start, end = run[2], run[3]
                    repairs.append(Repair(start, end, text[start:end], gloss, FOREIGN_SPAN, found[0], found[1]))
                else:
                    repairs.extend(_span_pieces(text, tokens, kinds, exonyms, run, *found))
        for first, (last, row) in exonyms.items():
            if first not in covered:
                english_name, language = row
                start, end = tokens[first].start, tokens[last].end
                repairs.append(Repair(start, end, text[start:end], english_name, EXONYM, language, 0.95))
        repairs.extend(self._table_words(text, tokens, exonyms, english, covered))
        repairs.sort(key=lambda r: (r.start, r.end))
        return repairs

    def _gloss(self, text: str, tokens: list[_Token], kinds: list[int], exonyms: _Exonyms,
               run: tuple[int, int, int, int], language: str) -> str | None:
        """A word-for-word English gloss of a foreign span whose every word the table knows ("[per il ritiro di
        Wagner]" → "[for the withdrawal of Wagner]"); names stay, exonyms become their English names. None when
        a word is unknown: the span then stays flagged, untranslated. (Short spans of function words and a few
        political nouns gloss well enough for the parser; there is no offline translation model to do better.)"""
        first, last, start, end = run
        pieces: list[str] = []
        cursor = start
        j = first
        while j <= last:
            token = tokens[j]
            if j in exonyms:
                stop, (english, _) = exonyms[j]
                word, j = english, stop
            elif kinds[j] == _NAME and token.cap:
                word = token.text  # a name ("Wagner"); its lower-case particles ("di") are glossed
            else:
                found = self._table.lookup(token.lower, *_SECTIONS, prefer=language)
                if found is None:
                    return None
                word = found[0]
            pieces.append(text[cursor : token.start] + word)
            cursor = tokens[j].end
            j += 1
        return "".join(pieces) + text[cursor:end]

    # -- exonyms --------------------------------------------------------------------------------------

    def _find_exonyms(self, text: str, tokens: list[_Token]) -> _Exonyms:
        """First token → (last token, (English name, language)) of every exonym to replace."""
        found: _Exonyms = {}
        i = 0
        while i < len(tokens):
            longest = self._exonym_heads.get(tokens[i].text.replace("’", "'"), 0)
            match = None
            for n in range(min(longest, len(tokens) - i), 0, -1):
                last = i + n - 1
                raw = text[tokens[i].start : tokens[last].end]
                if "\n" in raw:
                    continue
                row = self._exonyms.get(" ".join(raw.replace("’", "'").split()))
                if row is not None:
                    match = (last, row)
                    break
            if match is not None and self._exonym_in_context(tokens, i, match[0]):
                found[i] = match
                i = match[0] + 1
            else:
                i += 1
        return found

    def _exonym_in_context(self, tokens: list[_Token], first: int, last: int) -> bool:
        """Not an English word or known name, nor one word of a longer name: "Paolo Mosca", "Banco de España",
        "Province of Équateur", "Alternative für Deutschland", "Mosca Kremlin Tour", "Varsavia di Sopra"."""
        word = tokens[first].text
        # A place name in the gazetteer that carries accents English does not write ("Líbano", "França")
        # is the foreign spelling, however many towns share it; an English word or actor name stays.
        known = self._vocabulary.english(word) >= ENGLISH_WORD_ZIPF or self._vocabulary.is_actor_name(word) or (
            self._vocabulary.is_name(word) and word.isascii()
        )
        if first == last and known:
            return False
        before = tokens[max(0, first - 2) : first] if tokens[first].spaced and not tokens[first].initial else []
        after = tokens[last + 1 : last + 3]
        if (before and self._name_like(before[-1])) or (after and after[0].spaced and after[0].cap
                                                         and not after[0].initial):
            return False
        if len(before) == 2 and before[1].spaced and before[0].cap and (
                before[1].lower == "of" or self._joins(before[1].lower, self._table.words)):
            return False
        return not (len(after) == 2 and after[0].spaced and after[1].spaced and after[1].cap
                    and not after[0].cap and self._joins(after[0].lower, PARTICLES))

    def _joins(self, word: str, joiners: frozenset[str]) -> bool:
        """A particle or table word that glues a name together; a connective ("Mosca e Kiev") does not."""
        return (word in PARTICLES or word in joiners) and word not in self._table.sections["between"]

    def _name_like(self, token: _Token) -> bool:
        """A capitalised word that is not just a sentence-initial function word ("In", "The")."""
        if not token.cap:
            return False
        if not token.initial:
            return True
        return self._vocabulary.english(token.lower) < 4.5 and token.lower not in self._table.words

    # -- foreign spans --------------------------------------------------------------------------------

    def _english_loans(self, tokens: list[_Token]) -> set[int]:
        """Tokens of loan phrases English uses as its own ("status quo", "de facto", "et al")."""
        marked: set[int] = set()
        heads, loans = self._table.english, self._table.loans
        for i, token in enumerate(tokens):
            for n in range(min(heads.get(token.lower, 0), len(tokens) - i), 0, -1):
                if all(t.linked for t in tokens[i + 1 : i + n]) and " ".join(
                        t.lower for t in tokens[i : i + n]) in loans:
                    marked.update(range(i, i + n))
                    break
        return marked

    def _category(self, tokens: list[_Token], i: int, english: set[int]) -> int:
        token = tokens[i]
        if i in english:
            return _OTHER
        word = token.lower
        if token.cap and (not token.initial or token.text.isupper() or word not in self._table.words):
            return _NAME  # a capitalised word is a name, unless it is a table word opening a sentence
        if word in PARTICLES and i + 1 < len(tokens) and tokens[i + 1].spaced and (
                tokens[i + 1].cap or tokens[i + 1].lower in PARTICLES):
            return _NAME  # "di Wagner", "von der Leyen": part of the name that follows
        if word in self._table.words:
            return _STRONG if word in self._table.strong else _FOREIGN
        if self._leaning(word) < FOREIGN_LEAN:
            return _OTHER
        return _STRONG if self._vocabulary.english(word) < ENGLISH_WORD_ZIPF else _FOREIGN

    def _leaning(self, word: str) -> float:
        """Max over source languages of zipf_lang − zipf_en, memoised (news repeats its words)."""
        found = self._lean.get(word)
        if found is None:
            zipf_en = self._vocabulary.english(word)
            found = 0.0 if zipf_en >= COMMON_ENGLISH else max(
                zipf_frequency(word, lang) for lang in self._languages) - zipf_en
            if len(self._lean) >= _CACHE_LIMIT:
                self._lean.clear()
            self._lean[word] = found
        return found

    def _candidate_runs(self, text: str, tokens: list[_Token], kinds: list[int],
                        english: set[int]) -> list[tuple[int, int, int, int]]:
        """(first, last, start, end) of runs with ≥ 2 foreign words, one of them clearly not English."""
        runs: list[tuple[int, int, int, int]] = []
        count = len(tokens)
        i = 0
        while i < count:
            if kinds[i] == _OTHER:
                i += 1
                continue
            j = i
            while j + 1 < count and tokens[j + 1].linked:
                if kinds[j + 1] != _OTHER:
                    j += 1
                elif (j + 2 < count and kinds[j + 2] != _OTHER and tokens[j + 2].linked and j + 1 not in english
                      and self._shared(tokens[j + 1].lower)):
                    j += 2  # one word both languages use ("pese a la amenaza") does not end the run
                else:
                    break
            first, last = i, j
            i = j + 1
            before, after = text[tokens[first].start - 1 : tokens[first].start], text[tokens[last].end :][:1]
            bracketed = _OPENERS.get(before) == after and after != ""
            if not bracketed:  # names at the edges belong to the English around the run
                while first <= last and kinds[first] in (_NAME, _OTHER):
                    first += 1
                while last >= first and kinds[last] in (_NAME, _OTHER):
                    last -= 1
            inner = kinds[first : last + 1]
            if sum(k >= _FOREIGN for k in inner) < 2 or _STRONG not in inner:
                continue
            start, end = tokens[first].start, tokens[last].end
            if bracketed:
                start, end = start - 1, end + 1
            runs.append((first, last, start, end))
        return runs

    def _shared(self, word: str) -> bool:
        """A common word of a source language that is also English ("a", "me", "no")."""
        found = self._common.get(word)
        if found is None:
            best = max(zipf_frequency(word, lang) for lang in self._languages)
            if len(self._common) >= _CACHE_LIMIT:
                self._common.clear()
            found = self._common[word] = best >= 4.0 and best >= self._vocabulary.english(word) - 1.0
        return found

    def _confirm(self, words: list[str]) -> tuple[str, float] | None:
        """(language, confidence) of a run lingua does not take for English, else None.

        lingua's low-accuracy mode (trigrams only: ~20 MB for six languages instead of ~300 MB) is a
        sound English gate, but on a few words it mixes up Romance languages, so the language is the one
        whose wordfreq frequencies of the words add up highest; confidence = 1 − lingua's English."""
        if self._detector is None:
            from lingua import LanguageDetectorBuilder

            # Only the expected languages: lingua with every language loads ~900 MB of models.
            self._detector = LanguageDetectorBuilder.from_languages(*self._lingua).with_low_accuracy_mode().build()
        values = {v.language.iso_code_639_1.name.lower(): v.value
                  for v in self._detector.compute_language_confidence_values(" ".join(words))}
        if not values or max(values, key=values.__getitem__) == "en":
            return None
        language = max(self._languages, key=lambda lang: sum(zipf_frequency(w.lower(), lang) for w in words)
                       + values.get(lang, 0.0))  # summed Zipf frequencies; lingua breaks near-ties
        return language, round(1.0 - values.get("en", 0.0), 2)

    # -- table words ----------------------------------------------------------------------------------

    def _table_words(self, text: str, tokens: list[_Token], exonyms: _Exonyms, english: set[int],
                     covered: set[int]) -> list[Repair]:
        anchors: dict[int, str] = {}  # token → language, for foreign words already decided
        for first, (last, (_, language)) in exonyms.items():
            if first not in covered:
                anchors.update((j, language) for j in range(first, last + 1))
        found: dict[int, Repair] = {}
        for i, token in enumerate(tokens):
            if i in covered or i in english or i in anchors or token.cap or token.lower not in self._table.words:
                continue
            entry = self._table.lookup(token.lower, "between") if self._between(text, tokens, i, anchors) else None
            if entry is None and self._alone(text, tokens, i, anchors):
                entry = self._table.lookup(token.lower, "alone")
            if entry is not None:
                found[i] = Repair(token.start, token.end, token.text, entry[0], FOREIGN_WORD, entry[1], 0.9)
                anchors[i] = entry[1]
        for i, token in enumerate(tokens):
            if i in found or i in covered or i in english or i in anchors or token.cap \
                    or token.lower not in self._table.sections["near"]:
                continue
            # Only beside a foreign word of its own language ("di Mosca", not "die et"); that language
            # also decides between homographs (pt "o" = the, it "o" = or).
            languages = {language for language, _ in self._table.sections["near"][token.lower]}
            near = [j for j in (i - 1, i + 1) if anchors.get(j) in languages and tokens[max(i, j)].spaced]
            if not near or self._beside_name(tokens, i, anchors):
                continue
            entry = self._table.lookup(token.lower, *_SECTIONS, prefer=anchors[near[0]])
            if entry is not None:
                found[i] = Repair(token.start, token.end, token.text, entry[0], FOREIGN_WORD, entry[1], 0.8)
        return list(found.values())

    def _between(self, text: str, tokens: list[_Token], i: int, anchors: dict[int, str]) -> bool:
        """A connective alone between two coordinated words: "Russia e Belarus", "killed y dozens"."""
        if not (0 < i < len(tokens) - 1 and tokens[i + 1].spaced):
            return False
        word, pair = tokens[i].lower, (tokens[i - 1], tokens[i + 1])
        letter = len(word) == 1  # "e", "y" are also English letters: ask more of their neighbours
        # A lower-case connective with a space on each side, between two words that are not letters
        # themselves: English news does not write a lone "e", "y" or "und" ("killed e 19 others").
        start, end = tokens[i].start, tokens[i].end
        lone = (
            tokens[i].text.islower()
            and text[start - 1 : start] == " "
            and text[end : end + 1] == " "
            and text[end + 1 : end + 2].isalnum()
            and (text[start - 2 : start - 1].isalnum() or text[start - 2 : start - 1] == ",")
            and any(self._plain_word(t) for t in pair)  # one content word or number beside it ...
            and all(len(t.text) > 1 or t.text.isdigit() for t in pair)  # ... and no letter ("x and y")
            and all(self._vocabulary.english(t.lower) < 6.0 for t in pair)  # nor "the"/"are" ("constant e are")
            and not all(t.cap for t in pair)  # "Ortega y Gasset", "Louis et Cie" are names
            and not pair[1].lower.startswith("al")  # "et al.", "et al's"
            # "Bancaria y de Valores": inside an untranslated name, not a connective to translate.
            and not any(self._table.lookup(t.lower, *_SECTIONS) for t in pair)
        )
        if lone:
            return True
        comma = tokens[i].linked and "," in text[tokens[i - 1].end : tokens[i].start]
        if not (tokens[i].spaced or (comma and not letter)):  # "the blockade ends, und attacks stop"
            return False
        if pair[0].cap and pair[1].cap:  # "Ortega y Gasset", "Louis et Cie": one name, unless both are known
            return all(j in anchors or self._known_name(tokens[j], letter) for j in (i - 1, i + 1))
        return all(j in anchors or self._coordinated(tokens[j], letter) for j in (i - 1, i + 1))

    def _plain_word(self, token: _Token) -> bool:
        """A lower-case content word or a number: not a name ("Ortega y Gasset"), a letter ("x and y")
        or a function word ("the y axis", "constant e are")."""
        if token.text.isdigit():
            return True
        return (
            len(token.text) > 1 and not token.cap and self._vocabulary.english(token.lower) < FUNCTION_WORD
        )

    def _known_name(self, token: _Token, letter: bool) -> bool:
        # After a bare letter only names English news writes often: "Castilla y León" is one name.
        return self._vocabulary.english(token.lower) >= ENGLISH_WORD_ZIPF or (
            not letter and self._vocabulary.is_name(token.text))

    def _coordinated(self, token: _Token, letter: bool) -> bool:
        if token.text.isdigit():
            return True  # "killed e 29 others"
        if len(token.text) < 2:
            return False  # "x y z", "plan e"
        if not letter and not token.cap:
            return True  # "und", "et", "oder" are never English: any word beside them will do
        if token.cap:
            return self._known_name(token, letter)
        zipf = self._vocabulary.english(token.lower)
        # Function words ("the y axis", "e is") do not coordinate; the distinctive "und" needs no more.
        return ENGLISH_WORD_ZIPF <= zipf < FUNCTION_WORD or (not letter and zipf >= ENGLISH_WORD_ZIPF)

    def _alone(self, text: str, tokens: list[_Token], i: int, anchors: dict[int, str]) -> bool:
        """A lower-case word standing alone: not in "e-mail", "e.g.", "zar.com", nor beside a name."""
        token = tokens[i]
        before = text[token.start - 1] if token.start > 0 else " "
        after = text[token.end : token.end + 2]
        if before in "-'’/@#_.&" or (after[:1] in "-'’/@#_&") or (after[:1] == "." and after[1:2].isalnum()):
            return False
        return not self._beside_name(tokens, i, anchors)

    def _beside_name(self, tokens: list[_Token], i: int, anchors: dict[int, str]) -> bool:
        """Next to a capitalised word it may belong to ("Alternative für Deutschland", "Lana Del Rey")."""
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(tokens) and tokens[max(i, j)].spaced]
        return any(j not in anchors and self._name_like(tokens[j]) for j in near)


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        # An elided article before a name is part of the name: "l'Unité", "dell'Ucraina".
        cap = word[0].isupper() or bool(_ELIDED_NAME.match(word))
        gap = text[previous_end:start]
        if gap == " " and tokens:  # the common case, decided without regular expressions
            tokens.append(_Token(start, end, word, word.lower(), cap, False, True, True))
        else:
            plain = gap != "" and "\n" not in gap
            tokens.append(_Token(
                start, end, word, word.lower(), cap,
                initial=not tokens or bool(_BREAK.search(gap)),
                spaced=bool(tokens) and plain and gap.isspace(),
                linked=bool(tokens) and plain and gap.strip() in ("", ",", "-"),
            ))
        previous_end = end
    return tokens


def _span_pieces(text: str, tokens: list[_Token], kinds: list[int], exonyms: _Exonyms, run: tuple[int, int, int, int],
                 language: str, confidence: float) -> list[Repair]:
    """The span flag, split around the exonyms inside it (they are replaced, the rest stays flagged)."""
    first, last, start, end = run
    inside = sorted((f, lst, row) for f, (lst, row) in exonyms.items() if first <= f <= last)
    if not inside:
        return [Repair(start, end, text[start:end], None, FOREIGN_SPAN, language, confidence)]
    pieces: list[Repair] = []
    cursor = first
    for f, lst, (english_name, lang) in [*inside, (last + 1, last, ("", ""))]:
        words = [j for j in range(cursor, f) if kinds[j] >= _FOREIGN]
        if words:
            a = start if cursor == first else tokens[cursor].start
            b = end if f > last else tokens[f - 1].end
            pieces.append(Repair(a, b, text[a:b], None, FOREIGN_SPAN, language, confidence))
        if f <= last:
            a, b = tokens[f].start, tokens[lst].end
            pieces.append(Repair(a, b, text[a:b], english_name, EXONYM, lang, 0.95))
        cursor = lst + 1
    return pieces
