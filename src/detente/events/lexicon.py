"""The event lexicon (data/verbs.yaml): which verbs and nouns state which CAMEO event, validated on load."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.errors import DataFileError
from detente.events.codes import CodeTable

DEFAULT_RECIPIENT_SLOTS: tuple[str, ...] = (
    "dobj",
    "dative",
    "to",
    "with",
    "against",
    "on",
    "at",
    "toward",
    "towards",
    "into",
    "over",
    "for",
    "from",
)
_KNOWN_KEYS = {
    "verb",
    "implicit",
    "needs_recipient",
    "noun",
    "cameo",
    "object",
    "not_object",
    "prep",
    "recipient",
    "reciprocal",
    "own_government",
    "reverse",
    "state",
    "joint",
    "direct",
}


@dataclass(frozen=True, slots=True)
class Sense:
    """One way a word states an event, with the conditions under which it does."""

    lemma: str
    is_noun: bool
    cameo: str
    objects: frozenset[str]
    prep: str | None
    recipient_slots: tuple[str, ...]
    reciprocal: bool
    own_government: bool
    reverse: bool  # "X received weapons from Y": the recipient slot holds the real actor
    state: bool = False  # "the two armies are intertwined": a relation of its (passive or copular) subjects
    needs_recipient: bool = False  # "wants Putin to act" is an appeal; "wants peace" is no event
    joint: bool = False  # only for an act shared by two or more actors: "X and Y held joint drills"
    implicit: str | None = None  # a noun's actor when none is named: this sector of the country in context
    not_objects: frozenset[str] = frozenset()  # "released the files": objects with which the word states nothing
    direct: bool = False  # the recipient is the slot's own name ("received Modi"), not one inside it ("Russian gas")

    @property
    def specificity(self) -> int:
        return int(bool(self.objects)) + int(self.prep is not None)


class Lexicon:
    """Senses indexed by lemma, separately for verbs and nouns."""

    def __init__(self, senses: list[Sense], again: frozenset[str] = frozenset()) -> None:
        self._verbs: dict[str, list[Sense]] = defaultdict(list)
        self._nouns: dict[str, list[Sense]] = defaultdict(list)
        for sense in senses:
            (self._nouns if sense.is_noun else self._verbs)[sense.lemma].append(sense)
        self.size = len(senses)
        # Verbs whose re- form states the same act again ("reimpose", "redeploy"); a list, because
        # for others the prefix makes another word ("represent", "replace", "refund").
        self._again = again

    @classmethod
    def load(cls, codes: CodeTable, path: Path | None = None) -> Lexicon:
        source = path or Path(str(resources.files("detente") / "data" / "verbs.yaml"))
        try:
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise DataFileError(f"{source}: not valid YAML: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("senses"), list):
            raise DataFileError(f"{source}: expected a mapping with a `senses` list")
        senses = [_sense(entry, index, source, codes) for index, entry in enumerate(data["senses"], 1)]
        return cls(senses, _again(data.get("again", []), source, {s.lemma for s in senses if not s.is_noun}))

    def verb_senses(self, lemma: str, surface: str = "") -> list[Sense]:
        found = _first(self._verbs, lemma, surface)
        if found or not surface.lower().startswith("re"):
            return found
        for base in (lemma.lower()[2:], *_deinflect(surface.lower()[2:])):
            if base in self._again:
                return self._verbs[base]
        return []

    def noun_senses(self, lemma: str, surface: str = "") -> list[Sense]:
        return _first(self._nouns, lemma, surface)


def _first(index: dict[str, list[Sense]], lemma: str, surface: str) -> list[Sense]:
    """Senses of the lemma, else of a plain de-inflection of the word itself: the statistical
    lemmatizer sometimes errs ("staged" → "stag"), and a missed trigger is a missed event."""
    for candidate in (lemma.lower(), *_deinflect(surface.lower())):
        found = index.get(candidate)
        if found:
            return found
    return []


# Irregular pasts under a prefix ("retook", "overran"), which the lemmatizer leaves as they are.
IRREGULAR_PASTS = (
    ("took", "take"), ("taken", "take"), ("ran", "run"), ("drew", "draw"), ("drawn", "draw"), ("made", "make"),
    ("sent", "send"), ("held", "hold"), ("built", "build"), ("won", "win"), ("fought", "fight"), ("wrote", "write"),
)
PREFIXES = ("re", "over", "under", "with")


def _deinflect(word: str) -> list[str]:
    if not word:
        return []
    out = [word]
    for prefix in PREFIXES:
        for past, base in IRREGULAR_PASTS:
            if word == prefix + past:
                out.append(prefix + base)  # "retook" → "retake", "withdrew" → "withdraw"
    for suffix, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out.extend(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped" → "stop"
    return out


def _sense(entry: Any, index: int, source: Path, codes: CodeTable) -> Sense:
    where = f"{source}: sense #{index}"
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: expected a mapping, got {entry!r}")
    unknown = set(entry) - _KNOWN_KEYS
    if unknown:
        raise DataFileError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(_KNOWN_KEYS)})")
    if ("verb" in entry) == ("noun" in entry):
        raise DataFileError(f"{where}: give exactly one of `verb` or `noun`")
    cameo = str(entry.get("cameo", ""))
    if cameo not in codes:
        raise DataFileError(f"{where}: unknown CAMEO code {cameo!r}")
    if not codes.get(cameo).plover:
        raise DataFileError(f"{where}: CAMEO {cameo} has no PLOVER event type; detente codes PLOVER events")
    objects = entry.get("object", [])
    not_objects = entry.get("not_object", [])
    slots = entry.get("recipient", list(DEFAULT_RECIPIENT_SLOTS))
    if not isinstance(objects, list) or not isinstance(slots, list) or not isinstance(not_objects, list):
        raise DataFileError(f"{where}: `object`, `not_object` and `recipient` must be lists")
    for value in (*objects, *not_objects, *slots, entry.get("prep", "")):
        if not isinstance(value, str):
            # YAML reads a bare on/off/yes/no as a boolean.
            raise DataFileError(f'{where}: {value!r} is not a word; quote it (e.g. "on")')
    return Sense(
        lemma=str(entry.get("verb") or entry.get("noun")).lower(),
        is_noun="noun" in entry,
        cameo=cameo,
        objects=frozenset(str(o).lower() for o in objects),
        prep=str(entry["prep"]).lower() if entry.get("prep") else None,
        recipient_slots=tuple(str(s).lower() for s in slots),
        reciprocal=bool(entry.get("reciprocal", False)),
        own_government=bool(entry.get("own_government", False)),
        reverse=bool(entry.get("reverse", False)),
        state=bool(entry.get("state", False)),
        needs_recipient=bool(entry.get("needs_recipient", False)),
        joint=bool(entry.get("joint", False)),
        implicit=_implicit(entry.get("implicit"), where),
        not_objects=frozenset(str(o).lower() for o in not_objects),
        direct=bool(entry.get("direct", False)),
    )


def _again(value: Any, source: Path, verbs: set[str]) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{source}: `again` must be a list of verb lemmas")
    unknown = sorted(set(value) - verbs)
    if unknown:
        raise DataFileError(f"{source}: `again` lists verbs with no sense: {', '.join(unknown)}")
    return frozenset(value)


def _implicit(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.isupper() or len(value) != 3:
        raise DataFileError(f"{where}: `implicit` must be a three-letter sector code such as CVL, got {value!r}")
    return value
