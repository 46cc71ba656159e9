"""The repair stage: surface fixes first (encoding, markup, whitespace), then word fixes (glued words,
foreign words and exonyms, foreign spans) on the surface-fixed text, all mapped to the original."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from detente.models import Repair
from detente.repair import RepairedText, apply_repairs
from detente.repair.base import ALL_KINDS, DEFAULT_SOURCE_LANGUAGES, RepairStep
from detente.repair.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class RepairSettings:
    """Which repair kinds run (see repair.base for the names) and which source languages are expected."""

    kinds: frozenset[str] = field(default_factory=lambda: frozenset(ALL_KINDS))
    source_languages: tuple[str, ...] = DEFAULT_SOURCE_LANGUAGES

    @classmethod
    def off(cls) -> RepairSettings:
        return cls(kinds=frozenset())


class Repairer:
    """Runs the repair steps over an article text and returns the repaired text with its offset map."""

    def __init__(self, settings: RepairSettings, *, surface: Sequence[RepairStep], words: Sequence[RepairStep]) -> None:
        self.settings = settings
        self._surface = [s for s in surface if settings.kinds.intersection(s.kinds)]
        self._words = [s for s in words if settings.kinds.intersection(s.kinds)]

    @classmethod
    def build(cls, settings: RepairSettings, *, vocabulary: Vocabulary | None) -> Repairer:
        from detente.repair.encoding import EncodingRepair
        from detente.repair.foreign import ForeignWords
        from detente.repair.glue import GluedWords

        words: list[RepairStep] = []
        if vocabulary is not None:
            # Foreign words first: where both claim a word ("Somalie"), the exonym is the right reading.
            words = [ForeignWords(vocabulary, languages=settings.source_languages), GluedWords(vocabulary)]
        return cls(settings, surface=[EncodingRepair()], words=words)

    def repair(self, text: str) -> RepairedText:
        surface = self._run(self._surface, text)
        first = apply_repairs(text, surface)
        if not self._words:
            return first
        mapped = []
        for repair in self._run(self._words, first.text):
            start, end = first.to_original(repair.start, repair.end)
            if any(s.start < end and start < s.end for s in surface if s.replacement is not None):
                continue  # it overlaps a surface fix: keep the surface fix alone
            mapped.append(
                Repair(start, end, text[start:end], repair.replacement, repair.kind, repair.language, repair.confidence)
            )
        return apply_repairs(text, [*surface, *mapped])

    def _run(self, steps: Sequence[RepairStep], text: str) -> list[Repair]:
        """Repairs of every step; an earlier step's repair (or flag) wins over a later one it overlaps."""
        found: list[Repair] = []
        for step in steps:
            for repair in step.find(text):
                if repair.kind in self.settings.kinds and not any(
                    f.start < repair.end and repair.start < f.end for f in found
                ):
                    found.append(repair)
        return found
