"""Dated events that news uses as time references (data/time_anchors.yaml), validated on load.

"after the 2020 Belarusian election" → 2020-08-09; "with the outbreak of war" in an article about
Russia and Belarus published after February 2022 → 2022-02-24. A `generic` pattern ("the outbreak of
war") only resolves with one of the anchor's context words in the sentence or the article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.errors import DataFileError

ISO_PREFIX = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
_KEYS = frozenset({"name", "start", "end", "patterns", "generic", "context"})
_CONTEXT_WORD = re.compile(r"[a-z0-9][a-z0-9.'-]*")


@dataclass(frozen=True, slots=True)
class Anchor:
    name: str
    start: str  # ISO prefix
    end: str  # ISO prefix, not before start
    patterns: tuple[re.Pattern[str], ...]
    generic: tuple[re.Pattern[str], ...]
    context: frozenset[str]

    def first_day(self) -> dt.date:
        return first_day(self.start)


@dataclass(frozen=True, slots=True)
class Resolved:
    anchor: Anchor
    specific: bool  # named unambiguously (a `patterns` match), not resolved through context


def first_day(iso: str) -> dt.date:
    parts = [int(p) for p in iso.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


class AnchorTable:
    """The anchors, a finder for anchor phrases in running text and a context-aware resolver."""

    def __init__(self, anchors: list[Anchor]) -> None:
        self.anchors = tuple(anchors)
        sources = [p.pattern for a in self.anchors for p in (*a.patterns, *a.generic)]
        # Longest alternatives first, so the finder prefers "the 2020 belarusian election" to "election".
        sources.sort(key=len, reverse=True)
        self.finder: re.Pattern[str] | None = (
            re.compile(r"\b(?:the )?(?:" + "|".join(f"(?:{s})" for s in sources) + r")(?![\w-])") if sources else None
        )

    @staticmethod
    def load(path: Path | None = None) -> AnchorTable:
        source = path or Path(str(resources.files("detente") / "data" / "time_anchors.yaml"))
        return load_anchors(source)

    def resolve(
        self,
        phrase: str,
        published: dt.date,
        sentence_words: Collection[str] = (),
        article_words: Collection[str] = (),
    ) -> Resolved | None:
        """The anchor a phrase (lower-cased, prepositions removed) names, as of the publication date."""
        phrase = phrase.removeprefix("the ")
        best: tuple[tuple[int, int, int, dt.date], Resolved] | None = None
        for anchor in self.anchors:
            if anchor.first_day() > published:
                continue
            if any(p.fullmatch(phrase) for p in anchor.patterns):
                key = (1, 0, 0, anchor.first_day())
                resolved = Resolved(anchor, True)
            elif any(p.fullmatch(phrase) for p in anchor.generic):
                in_sentence = sum(1 for w in anchor.context if w in sentence_words)
                in_article = sum(1 for w in anchor.context if w in article_words)
                if not in_sentence and not in_article:
                    continue
                key = (0, in_sentence, in_article, anchor.first_day())
                resolved = Resolved(anchor, False)
            else:
                continue
            if best is None or key > best[0]:
                best = (key, resolved)
        return best[1] if best else None


@lru_cache(maxsize=1)
def default_anchors() -> AnchorTable:
    return AnchorTable.load()


def load_anchors(path: Path) -> AnchorTable:
    """Read and validate time_anchors.yaml; a DataFileError names the file and the entry."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DataFileError(f"{path}: cannot read: {error}") from None
    if not isinstance(raw, dict) or set(raw) != {"anchors"} or not isinstance(raw["anchors"], list):
        raise DataFileError(f"{path}: expected a mapping with one key, `anchors`, holding a list")
    anchors: list[Anchor] = []
    names: set[str] = set()
    for number, entry in enumerate(raw["anchors"], 1):
        where = f"{path}: anchors[{number}]"
        if not isinstance(entry, dict):
            raise DataFileError(f"{where}: expected a mapping")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DataFileError(f"{where}: `name` must be a non-empty string")
        where = f"{path}: anchor {name!r}"
        if name in names:
            raise DataFileError(f"{where}: listed twice")
        names.add(name)
        if unknown := set(entry) - _KEYS:
            raise DataFileError(f"{where}: unknown keys {sorted(unknown)} (allowed: {', '.join(sorted(_KEYS))})")
        start = _iso(entry.get("start"), f"{where}: start")
        end = _iso(entry.get("end", start), f"{where}: end")
        if first_day(end) < first_day(start):
            raise DataFileError(f"{where}: end {end} is before start {start}")
        patterns = _patterns(entry.get("patterns", []), f"{where}: patterns")
        generic = _patterns(entry.get("generic", []), f"{where}: generic")
        if not patterns and not generic:
            raise DataFileError(f"{where}: needs `patterns` or `generic`")
        context = entry.get("context", [])
        if not isinstance(context, list) or not all(isinstance(w, str) and _CONTEXT_WORD.fullmatch(w) for w in context):
            raise DataFileError(f"{where}: context: expected a list of lower-case words")
        if generic and not context:
            raise DataFileError(f"{where}: `generic` patterns need `context` words")
        anchors.append(Anchor(name, start, end, patterns, generic, frozenset(context)))
    return AnchorTable(anchors)


def _iso(value: Any, where: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value) if isinstance(value, int | str) else ""
    if not ISO_PREFIX.fullmatch(text):
        raise DataFileError(f"{where}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    try:
        first_day(text)
    except ValueError:
        raise DataFileError(f"{where}: {text} is not a date") from None
    return text


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(value, list):
        raise DataFileError(f"{where}: expected a list of regular expressions")
    out = []
    for source in value:
        if not isinstance(source, str) or not source.strip() or re.search(r"(?<!\\)[A-Z]", source):
            raise DataFileError(f"{where}: {source!r}: expected a lower-case regular expression")
        try:
            pattern = re.compile(source)
        except re.error as error:
            raise DataFileError(f"{where}: {source!r}: {error}") from None
        if pattern.groups:
            # The finder joins every pattern into one expression; capture groups would only slow it.
            raise DataFileError(f"{where}: {source!r}: use (?:...) groups, not capturing ones")
        out.append(pattern)
    return tuple(out)
