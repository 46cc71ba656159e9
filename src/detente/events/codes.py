"""The CAMEO code table (data/cameo.tsv): Goldstein score, QuadClass and PLOVER event/mode/context per code."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.errors import DataFileError
from detente.models import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str  # "" for CAMEO 01x statements, which PLOVER does not code
    mode: str | None
    context: tuple[str, ...]


class CodeTable:
    """CAMEO codes by code string; loaded once per pipeline, read-only afterwards."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def load(cls, path: Path | None = None) -> CodeTable:
        source = path or Path(str(resources.files("detente") / "data" / "cameo.tsv"))
        codes: dict[str, CameoCode] = {}
        with source.open(encoding="utf-8", newline="") as handle:
            for line_no, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
                code = _validated(row, source, line_no)
                codes[code.code] = code
        return cls(codes)

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def get(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise DataFileError(f"unknown CAMEO code {code!r}") from None

    def codes(self) -> list[CameoCode]:
        return list(self._codes.values())


def _validated(row: dict[str, str], source: Path, line_no: int) -> CameoCode:
    where = f"{source}:{line_no}"
    code = (row.get("cameo") or "").strip()
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise DataFileError(f"{where}: CAMEO code must be 2-4 digits, got {code!r}")
    try:
        goldstein = float(row["goldstein"])
        quad = int(row["quad_class"])
    except (KeyError, ValueError) as exc:
        raise DataFileError(f"{where}: bad goldstein/quad_class for {code}: {exc}") from None
    if not -10.0 <= goldstein <= 10.0 or quad not in (1, 2, 3, 4):
        raise DataFileError(f"{where}: goldstein must be in [-10, 10] and quad_class in 1..4 ({code})")
    plover = (row.get("plover") or "").strip()
    if plover and plover not in PLOVER_TYPES:
        raise DataFileError(f"{where}: {plover!r} is not a PLOVER event type ({code})")
    context = tuple(c for c in (row.get("context") or "").split(";") if c)
    return CameoCode(code, row.get("name", ""), goldstein, quad, plover, (row.get("mode") or None), context)


@dataclass(frozen=True, slots=True)
class IntentCodes:
    """data/intent_codes.yaml: the CAMEO code of an announced intention, by the code of the act intended
    (an intention to cooperate is a 03 code, one to use force or punish a 13 code)."""

    cooperation: dict[str, str]
    threat: dict[str, str]
    refusal: dict[str, str] = field(default_factory=dict)  # a refusal to cooperate: a 12 code

    @classmethod
    def load(cls, codes: CodeTable, path: Path | None = None) -> IntentCodes:
        source, data = _read_sections(
            path, "intent_codes.yaml", "the intent codes", {"cooperation", "threat", "refusal"},
            "expected the three maps `cooperation:`, `threat:` and `refusal:`",
        )
        tables = {}
        for name, root in (("cooperation", "03"), ("threat", "13"), ("refusal", "12")):
            table = data[name]
            if not isinstance(table, dict):
                raise DataFileError(f"{source}: `{name}` must map act codes to codes")
            for act, intent in table.items():
                if not (isinstance(act, str) and isinstance(intent, str) and act in codes and intent in codes):
                    raise DataFileError(f"{source}: {name}: {act!r} → {intent!r}: both must be CAMEO codes, quoted")
                if not intent.startswith(root):
                    raise DataFileError(f"{source}: {name}: {act} → {intent}: an intention here is a {root} code")
            tables[name] = dict(table)
        return cls(tables["cooperation"], tables["threat"], tables["refusal"])

    def intended(self, act: str, *, hostile: bool) -> str | None:
        """The intention's code for the act `act` (longest prefix), or None when the act has none."""
        return _longest_prefix(self.threat if hostile else self.cooperation, act)

    def refused(self, act: str) -> str | None:
        """The rejection's code for a refusal of the cooperative act `act`, or None."""
        return _longest_prefix(self.refusal, act)


def _read_sections(
    path: Path | None, bundled: str, what: str, sections: set[str], expected: str
) -> tuple[Path, dict[str, Any]]:
    """A data file (the bundled one unless `path`) that must be a mapping of exactly these sections."""
    source = path or Path(str(resources.files("detente") / "data" / bundled))
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{source}: cannot read {what}: {exc}") from None
    if not isinstance(data, dict) or set(data) != sections:
        raise DataFileError(f"{source}: {expected}")
    return source, data


def _longest_prefix(table: dict[str, str], act: str) -> str | None:
    for size in range(len(act), 1, -1):
        found = table.get(act[:size])
        if found is not None:
            return found
    return None


@dataclass(frozen=True, slots=True)
class AttackMeans:
    """data/attack_means.yaml: the CAMEO code of a generic attack by the weapon it was carried out with,
    and the crowd nouns whose violence is a riot (145)."""

    recode: frozenset[str]
    weapons: dict[str, str]
    rioters: frozenset[str]

    @classmethod
    def load(cls, codes: CodeTable, path: Path | None = None) -> AttackMeans:
        source, data = _read_sections(
            path, "attack_means.yaml", "the attack means", {"recode", "weapons", "rioters"},
            "expected `recode:`, `weapons:` and `rioters:`",
        )
        recode, weapons, rioters = data["recode"], data["weapons"], data["rioters"]
        if not isinstance(recode, list) or not all(isinstance(c, str) and c in codes for c in recode):
            raise DataFileError(f"{source}: `recode` must list CAMEO codes, quoted")
        if not isinstance(weapons, dict) or not all(
            isinstance(w, str) and isinstance(c, str) and c in codes and c.startswith("19") for w, c in weapons.items()
        ):
            raise DataFileError(f"{source}: `weapons` must map a weapon word to a quoted CAMEO 19 code")
        if not isinstance(rioters, list) or not all(isinstance(w, str) for w in rioters):
            raise DataFileError(f"{source}: `rioters` must be a list of words")
        return cls(frozenset(recode), {w.lower(): c for w, c in weapons.items()}, frozenset(w.lower() for w in rioters))
