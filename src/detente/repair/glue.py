"""Glued words: a stripped hyperlink or a lost space joins two words ("Prigozhinexplaining",
"ShraibmanBelarusian", "Belarusreturns"). Only a word that is neither a known English word nor a
known name is a candidate, and it is split only where both halves are known."""

from __future__ import annotations

import re
from dataclasses import dataclass

from detente.models import Repair
from detente.repair.base import GLUED
from detente.repair.vocabulary import Vocabulary

WORD = re.compile(r"(?<![\w@#/.\-’'])[^\W\d_]{5,40}(?![\w@/\-])")
# A word wordfreq knows at all (zipf >= 1 is about once per 100 million words) is not a glued pair,
# unless it is a web typo far rarer than both its halves ("thenew" 1.5 against "the" 7.7, "new" 6.5).
KNOWN_WHOLE_ZIPF = 1.0
TYPO_WHOLE_ZIPF = 1.5
TYPO_MARGIN = 3.5
# A half must be a common word: short halves must be very common ("the", "and", "was").
PART_ZIPF = 3.0
SHORT_PART_ZIPF = 4.5
NAME_SCORE = 4.0
# Name prefixes written in camel case that are one name, not two words: McDonald, DeSantis, LeBlanc.
CAMEL_PREFIXES = frozenset({"mc", "mac", "de", "di", "da", "la", "le", "van", "von", "du", "del", "o", "st", "fitz"})


@dataclass(frozen=True, slots=True)
class _Split:
    at: int
    score: float


class GluedWords:
    """Finds glued word pairs and splits them with a space."""

    kinds: tuple[str, ...] = (GLUED,)

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def find(self, text: str) -> list[Repair]:
        repairs = []
        for match in WORD.finditer(text):
            word = match.group()
            split = self._split(word)
            if split is not None:
                left, right = word[: split.at], word[split.at :]
                confidence = round(min(0.99, 0.6 + split.score / 15), 2)
                repairs.append(Repair(match.start(), match.end(), word, f"{left} {right}", GLUED, None, confidence))
        return repairs

    def _split(self, word: str) -> _Split | None:
        if word.isupper() or self.vocabulary.is_name(word):
            return None
        camel = [i for i in range(2, len(word) - 1) if word[i - 1].islower() and word[i].isupper()]
        if camel:
            return self._camel_split(word, camel[0]) if len(camel) == 1 else None
        if any(c.isupper() for c in word[1:]):
            return None  # odd casing we do not understand: leave it
        whole = self.vocabulary.english(word)
        if whole >= TYPO_WHOLE_ZIPF:
            return None
        split = self._best_split(word)
        if split is not None and whole >= KNOWN_WHOLE_ZIPF and split.score - whole < TYPO_MARGIN:
            return None
        return split

    def _camel_split(self, word: str, at: int) -> _Split | None:
        """ "ShraibmanBelarusian": a lower→upper boundary inside one word is strong evidence of a join."""
        if self.vocabulary.english(word) >= KNOWN_WHOLE_ZIPF:
            return None  # YouTube, PayPal, WhatsApp
        left, right = word[:at], word[at:]
        if left.lower() in CAMEL_PREFIXES or len(left) < 3:
            return None
        left_score = self._part_score(left, capitalised=left[0].isupper())
        right_score = self._part_score(right, capitalised=True)
        # One known half is enough here: the other is usually a rare name ("Shraibman").
        best = max(left_score, right_score)
        return _Split(at, best) if best >= PART_ZIPF else None

    def _best_split(self, word: str) -> _Split | None:
        best: _Split | None = None
        for at in range(2, len(word) - 1):
            left, right = word[:at], word[at:]
            score = min(
                self._part_score(left, capitalised=word[0].isupper()),
                self._part_score(right, capitalised=False),
            )
            if score >= PART_ZIPF and (best is None or score > best.score):
                best = _Split(at, score)
        return best

    def _part_score(self, part: str, *, capitalised: bool) -> float:
        if capitalised and len(part) >= 3 and self.vocabulary.is_name(part):
            return NAME_SCORE
        zipf = self.vocabulary.english(part)
        needed = SHORT_PART_ZIPF if len(part) <= 3 else PART_ZIPF
        return zipf if zipf >= needed else 0.0
