"""The CAMEO code table (data/cameo.tsv): Goldstein score, QuadClass and PLOVER event/mode/context per code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

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
