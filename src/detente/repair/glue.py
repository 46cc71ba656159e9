"""Glued words: a stripped hyperlink or a lost space joins two words ("Prigozhinexplaining",
"ShraibmanBelarusian", "Belarusreturns", "onApril"). Only a word that is neither a known English word
nor a known name is a candidate, and it is split only where the halves are known and the join is the
kind a lost space makes (a name then a word, a word then a function word, a case change mid-word)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from detente.errors import DataFileError
from detente.models import Repair
from detente.repair.base import GLUED
from detente.repair.vocabulary import Vocabulary

WORD = re.compile(r"(?<![\w@#/.\-’'])[^\W\d_]{4,40}(?![\w@/\-]|\.\w)")
# A word wordfreq knows well is a word, not a join ("hereby" 3.6); web typos of frequent pairs sit below
# ("atleast" 3.5, "ofthe" 3.3, "tothe" 2.2) and are split only when both halves are much more frequent.
KNOWN_WHOLE_ZIPF = 1.0
TYPO_WHOLE_ZIPF = 3.55
TYPO_PART_ZIPF = 5.0
TYPO_MARGIN = 1.5
PART_ZIPF = 3.0
COMPOUND_PART_ZIPF = 3.8  # two content words joined: both must be common ("governmentannounced")
NAME_SCORE = 4.0
# A long part is rarely a syllable of something else: it may be a rarer word ("conscription" 2.9).
LONG_PART = 7
LONG_PART_ZIPF = 2.5
# Real closed compounds rarer than TYPO_WHOLE_ZIPF whose halves are both very frequent.
REAL_COMPOUNDS = frozenset(
    {
        "hereto",
        "herein",
        "hereof",
        "thereof",
        "therein",
        "thereto",
        "thereafter",
        "wherein",
        "whereof",
        "whereupon",
        "hitherto",
        "henceforth",
        "inasmuch",
        "insofar",
        "forthwith",
        "heretofore",
        "whereas",
    }
)
# Short, very frequent words a lost space most often leaves glued to a neighbour.
FUNCTION_WORDS = frozenset(
    {
        "the",
        "and",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
        "but",
        "or",
        "an",
        "its",
        "his",
        "their",
        "after",
        "before",
        "that",
        "this",
        "which",
        "who",
        "been",
        "not",
        "also",
        "into",
        "than",
        "told",
        "least",
        "more",
        "new",
        "two",
        "three",
        "during",
        "against",
        "about",
        "other",
        "it",
        "he",
        "she",
        "they",
        "we",
        "can",
        "may",
        "all",
        "one",
        "when",
        "where",
        "while",
        "there",
        "here",
        "without",
        "upon",
        "amid",
        "no",
        "whilst",
        "via",
        "within",
    }
)
# English combining forms: "megaprison", "superspreading", "microreactor" are one word, not two.
PREFIXES = frozenset(
    {
        "mega",
        "multi",
        "micro",
        "macro",
        "super",
        "cyber",
        "robo",
        "robot",
        "mini",
        "maxi",
        "anti",
        "non",
        "over",
        "under",
        "out",
        "pre",
        "post",
        "co",
        "inter",
        "intra",
        "trans",
        "ultra",
        "hyper",
        "semi",
        "sub",
        "counter",
        "self",
        "auto",
        "bio",
        "eco",
        "geo",
        "neo",
        "proto",
        "pseudo",
        "tele",
        "thermo",
        "aero",
        "agro",
        "petro",
        "narco",
        "cock",
        "cross",
        "up",
        "down",
        "back",
        "fore",
        "mid",
        "off",
        "on",
        "in",
    }
)
TWO_LETTER_LEFT = frozenset({"in", "on", "of", "to", "at", "by", "as"})
# Words that follow a name across a lost space ("Bidensaid", "Yemenin"). Not "is", "as": "Kazakhstanis".
NAME_FOLLOWERS = frozenset(
    {
        "and",
        "the",
        "said",
        "says",
        "has",
        "had",
        "was",
        "were",
        "will",
        "would",
        "for",
        "from",
        "with",
        "after",
        "who",
        "told",
        "its",
        "his",
        "her",
        "in",
        "on",
        "of",
        "but",
        "also",
        "since",
        "into",
        "amid",
        "during",
        "near",
        "under",
        "against",
        "over",
        "at",
    }
)
ADJECTIVAL = ("an", "ese", "ish", "ic", "i")
# Function words that also end many names and plurals ("Kazakhstanis", "Cardin", "Wildon", "Tokito").
ENDS_OF_NAMES = frozenset({"is", "as", "in", "on", "an", "at", "or", "be", "he", "we", "no"})
# A long, common word glued after a name is rarely a syllable of a longer name ("Forcesattacks").
LONG_WORD = 6
COMMON_ZIPF = 4.5
# Words that follow any name across a lost space and rarely end a name ("Straitof", "Zolghadrsaid");
# not "in", "is", "as", "at", "on", which end many names ("Kazakhstanis", "Putin", "Murat").
AFTER_ANY_NAME = frozenset(
    {
        "had",
        "the",
        "was",
        "were",
        "will",
        "would",
        "said",
        "says",
        "told",
        "from",
        "with",
        "after",
        "who",
        "which",
    }
)
# Short words that end many names but, after a common English word written capitalised, are a lost space
# ("Armyin", "Airportis", "Navyas", "Centeron"). Not "at": "Josephat", "Jehoshaphat" are names.
SHORT_AFTER_WORD = frozenset({"in", "is", "as", "on"})
INFLECTED_FORM_ZIPF = 1.5
# An inflected word after a name ("Prigozhinexplaining", "Belarusreturns"), not a syllable ("Santomeans").
INFLECTED = re.compile(r"(?:ing|ed|s)$")
FOLLOWING = re.compile(r"[ \t]+(\w)")
SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')\]]*\s+|\n\s*)$")
# Name prefixes written in camel case that are one name, not two words: McDonald, DeSantis, LeBlanc.
CAMEL_PREFIXES = frozenset({"mc", "mac", "de", "di", "da", "la", "le", "van", "von", "du", "del", "o", "st", "fitz"})


# An acronym then a lower-case word: "SDFsays", "UKdefence". The right part's first letter is lower-case,
# so "JPMorgan" or "PhD" never match.
ACRONYM_WORD = re.compile(r"([A-Z]{2,})[a-z]{2,}")
# Endings written straight after an acronym: "NGOs", "CEOes", "DJing", "OKed", "MPers".
ACRONYM_SUFFIXES = frozenset({"s", "es", "ing", "ed", "er", "ers", "ism", "ist", "ists", "ite", "ites", "ian", "ians"})


@dataclass(frozen=True, slots=True)
class _Split:
    at: int
    score: float


class GluedWords:
    """Finds glued word pairs and splits them with a space."""

    kinds: tuple[str, ...] = (GLUED,)

    def __init__(self, vocabulary: Vocabulary, *, keep_path: Path | None = None) -> None:
        self.vocabulary = vocabulary
        self._keep = load_keep_list(keep_path or Path(str(resources.files("detente") / "data" / "glue_keep.yaml")))

    def find(self, text: str) -> list[Repair]:
        repairs = []
        for match in WORD.finditer(text):
            word = match.group()
            initial = bool(SENTENCE_START.search(text[max(0, match.start() - 4) : match.start()]))
            after = FOLLOWING.match(text, match.end())
            split = self._split(word, sentence_start=initial, before=after.group(1) if after else None)
            if split is not None:
                left, right = word[: split.at], word[split.at :]
                confidence = round(min(0.99, 0.6 + split.score / 15), 2)
                repairs.append(Repair(match.start(), match.end(), word, f"{left} {right}", GLUED, None, confidence))
        return repairs

    def _split(self, word: str, *, sentence_start: bool = False, before: str | None = None) -> _Split | None:
        """`before`: the first letter or digit of the next word when only spaces part them, else None."""
        lower = word.lower()
        if word.isupper() or lower in REAL_COMPOUNDS or lower in self._keep or self.vocabulary.is_full_name(word):
            return None
        if self.vocabulary.is_name(word) and not any(c.isupper() for c in word[1:]):
            return None
        acronym = ACRONYM_WORD.match(word)
        if acronym:
            return self._acronym_split(word, len(acronym.group(1)))
        camel = [i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()]
        if camel:
            return self._camel_split(word, camel[0]) if len(camel) == 1 else None
        if any(c.isupper() for c in word[1:]):
            return None  # odd casing we do not understand: leave it
        whole = self.vocabulary.english(word)
        if whole >= TYPO_WHOLE_ZIPF:
            return None
        # A capitalised word inside a sentence is most likely a name: only a name glued to a word splits.
        name_like = word[0].isupper() and not sentence_start
        if whole >= KNOWN_WHOLE_ZIPF:
            return None if name_like else self._typo_split(word, whole)
        named = self._name_split(word, before=before, sentence_start=sentence_start) if word[0].isupper() else None
        return named or (None if name_like else self._word_split(word))

    def _camel_split(self, word: str, at: int) -> _Split | None:
        """A lower→upper change inside a word ("ShraibmanBelarusian", "onApril", "SaudiArabia")."""
        left, right = word[:at], word[at:]
        vocab = self.vocabulary
        if left.lower() in CAMEL_PREFIXES or len(left) == 1:
            return None  # McDonald, LaGuardia, iPhone
        if vocab.is_full_name(f"{left} {right}"):
            return _Split(at, NAME_SCORE)  # "UnitedStates", "NewZealand", even where wordfreq knows the typo
        whole = vocab.english(word)
        if whole >= KNOWN_WHOLE_ZIPF and min(vocab.english(left), vocab.english(right)) - whole < TYPO_MARGIN + 1:
            return None  # YouTube, WhatsApp; but "AirForce" (2.8) is a typo of two far more frequent words
        if left.lower() in FUNCTION_WORDS and len(right) >= 3:
            return _Split(at, NAME_SCORE)  # "TheUnited", "onApril", "forYashar"
        if left[0].islower():
            # "onApril", "forYashar", "activistAndrie": a lower-case word, then a capitalised one.
            known_left = left in TWO_LETTER_LEFT if len(left) == 2 else vocab.english(left) >= PART_ZIPF
            return _Split(at, NAME_SCORE) if known_left else None
        if len(right) < 3 or not right[1:].islower():
            return None  # "KontraS", "BioNTech", "ChatGPT"
        right_zipf = vocab.english(right)
        if vocab.is_actor_name(right) or (vocab.is_proper_name(right) and right_zipf < 4.0):
            return _Split(at, NAME_SCORE)  # "ShraibmanBelarusian", "JoeBiden"
        if len(right) >= 4 and len(left) >= 3 and right_zipf < PART_ZIPF and not vocab.is_name(right):
            return _Split(at, 2.0)  # "SandaogoDamiba", "RostovOblast": a second name, rarely written as a word
        if len(left) >= 4 and len(right) >= 4 and right_zipf >= PART_ZIPF:
            # "SecurityCouncil", "MississippiRiver", "BorderPatrol". Brands are written the same way
            # ("QatarEnergy", "MarineTraffic"): splitting them is the measured price of this rule.
            return _Split(at, 1.5)
        return None

    def _acronym_split(self, word: str, at: int) -> _Split | None:
        """An acronym glued to a lower-case word ("SDFsays", "UNICEFreports", "UKdefence"); not a plural
        or suffix ("NGOs", "DJing") and not a name written with a capitalised prefix ("JPMorgan" never
        gets here: its lower-case part starts one letter later than a capital)."""
        camel = word[at - 1 :]
        if at >= 3 and (self.vocabulary.english(camel) >= PART_ZIPF or self.vocabulary.is_proper_name(camel)):
            # "USOpen": the last capital opens a word. Brands are written so too ("IQAir", "CIBanco"):
            # leave them, rather than split an acronym ("USO pen").
            return None
        right = word[at:]
        if right in ACRONYM_SUFFIXES:
            return None
        zipf = self.vocabulary.english(right)
        if right in FUNCTION_WORDS or (len(right) >= 3 and zipf >= PART_ZIPF):
            return _Split(at, min(NAME_SCORE, zipf))
        return None

    def _name_split(self, word: str, *, before: str | None = None, sentence_start: bool = False) -> _Split | None:
        """A capitalised word: a name glued to a lower-case word ("Bidensaid", "Straitof", "Gazakidnapped")."""
        # What a lost space leaves in a sentence: a short function word before another word ("Armyin
        # Plymouth"), a verb before its lower-case object ("Councilseizes control"); not a name before
        # punctuation ("Muslimin (JNIM)", "Smartwings,").
        short_ok = before is not None and not sentence_start
        verb_ok = before is not None and (before.islower() or before.isdigit())
        best: _Split | None = None
        for at in range(4, len(word) - 1):
            left, right = word[:at], word[at:]
            right_zipf = self.vocabulary.english(right)
            # A dictionary actor, or a place well known enough to have an English frequency ("Yemen", not
            # "Tabay" or "Santo"), so that syllables of unknown names are not read as names.
            known_left = self.vocabulary.is_actor_name(left) or (
                self.vocabulary.is_full_name(left) and self.vocabulary.english(left) >= 2.0
            )
            actor = self.vocabulary.is_actor_name(left)
            inflected = len(right) >= LONG_WORD and bool(INFLECTED.search(right)) and right_zipf >= 3.4
            # "Americancitizen", "Islamicterrorism": a nationality adjective, then a noun.
            adjectival = known_left and left.endswith(ADJECTIVAL) and len(right) >= 5 and right_zipf >= 3.5
            # "to" also ends many names of places ("Tokito", "Kyoto"): it follows only a dictionary actor.
            follower = right in NAME_FOLLOWERS or (right == "to" and actor)
            if (known_left and (follower or inflected or adjectival)) or (
                actor and len(right) >= 4 and right_zipf >= PART_ZIPF
            ):
                score = min(NAME_SCORE, right_zipf)  # "Bidensaid", "Tehranresumes", "Putinallies"
            elif (
                len(left) >= 4
                and self.vocabulary.english(left) >= PART_ZIPF
                and ((right in FUNCTION_WORDS and right not in ENDS_OF_NAMES) or (inflected and right_zipf >= 3.0))
            ):
                score = 1.5  # "Straitof", "Coastdissolves": a capitalised English word in a name, then a word
            elif (
                len(left) >= 4
                and (known_left or self.vocabulary.english(left) >= PART_ZIPF)
                and (
                    (short_ok and right in SHORT_AFTER_WORD and self.vocabulary.english(left) >= 3.5)
                    or (
                        verb_ok
                        and len(right) >= 5
                        and bool(INFLECTED.search(right))
                        and self._inflected_zipf(right) >= (LONG_PART_ZIPF if len(right) >= 6 else PART_ZIPF)
                    )
                )
            ):
                score = 1.2  # "Norwayrelocates", "Councilseizes", "Armyin", "Airportis": a known name or word
            elif (
                right in AFTER_ANY_NAME
                or (inflected and not right.endswith("s"))  # "Gazakidnapped"; "Wildberries" is a name
                or (len(right) >= LONG_WORD + 1 and right_zipf >= COMMON_ZIPF)
            ):
                score = 1.5  # "Straitof", "Knessetpasses", "Forcesattacks": any name, then a word
            else:
                continue
            if best is None or score > best.score:
                best = _Split(at, score)
        return best

    def _inflected_zipf(self, word: str) -> float:
        """A verb's third person is rarer than its stem ("expels" 2.4, "expel" 2.9): the more frequent, for
        a form wordfreq knows itself ("stanis", "chings" are syllables of names, whatever "stan" is)."""
        zipf = self.vocabulary.english(word)
        if zipf < INFLECTED_FORM_ZIPF or not word.endswith("s") or word.endswith("ss"):
            return zipf
        stem = word[:-2] if re.search(r"(?:[sxz]|[cs]h)es$", word) else word[:-1]
        return max(zipf, self.vocabulary.english(stem))

    def _word_split(self, word: str) -> _Split | None:
        """Two lower-case words (or two at the start of a sentence, "Sevenpeople"): one a function word, or
        both common content words."""
        best: _Split | None = None
        shortest = 3 if word[0].isupper() else 2  # "Napat", "Audias" open sentences as names, not "Nap at"
        for at in range(shortest, len(word) - shortest + 1):
            left, right = word[:at].lower(), word[at:]
            zl, zr = self.vocabulary.english(left), self.vocabulary.english(right)
            if left in PREFIXES and right not in FUNCTION_WORDS:
                continue
            function_split = left in FUNCTION_WORDS or right in FUNCTION_WORDS
            if function_split:
                other = zr if left in FUNCTION_WORDS else zl
                other_len = len(right) if left in FUNCTION_WORDS else len(left)
                ok = (
                    (other >= PART_ZIPF and other_len >= 3)
                    or (other >= LONG_PART_ZIPF and other_len >= LONG_PART)  # "theconscription"
                    or (left in FUNCTION_WORDS and right in FUNCTION_WORDS)
                )
            else:
                ok = min(len(left), len(right)) >= 3 and (
                    min(zl, zr) >= COMPOUND_PART_ZIPF
                    or (min(zl, zr) >= 4.0 and INFLECTED.search(left) is not None)
                    # "ballisticmissile", "paramilitarygroup": two long words, each a word on its own
                    or (min(len(left), len(right)) >= LONG_PART - 2 and min(zl, zr) >= PART_ZIPF)
                )
            score = min(zl, zr) + (1.0 if function_split else 0.0)  # "rocks and" before "rock sand"
            if ok and (best is None or score > best.score):
                best = _Split(at, score)
        return best

    def _typo_split(self, word: str, whole: float) -> _Split | None:
        """A web typo of two frequent words ("ofthe", "Atleast"), far rarer than both its halves."""
        for at in range(2, len(word) - 1):
            left, right = word[:at].lower(), word[at:]
            zl, zr = self.vocabulary.english(left), self.vocabulary.english(right)
            both = left in FUNCTION_WORDS and right in FUNCTION_WORDS
            one = left in FUNCTION_WORDS or right in FUNCTION_WORDS
            # "ofthe", "atleast": two function words; "towin": one, and a common word far above the typo.
            # "warlike", "outage", "takeoff" are words: no function word, or too close in frequency.
            if (both and min(zl, zr) >= TYPO_PART_ZIPF and min(zl, zr) - whole >= TYPO_MARGIN) or (
                one and min(zl, zr) >= 4.5 and min(zl, zr) - whole >= 2.5
            ):
                return _Split(at, min(zl, zr))
        return None


def load_keep_list(path: Path) -> frozenset[str]:
    """glue_keep.yaml: words never to split (brands and compound names), validated."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read the list of words to keep: {exc}") from None
    words = data.get("keep") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataFileError(f"{path}: expected `keep:` followed by a list of words")
    return frozenset(w.strip().lower() for w in words)
