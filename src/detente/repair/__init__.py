"""The repair stage: fix or flag text defects before parsing, keeping a map back to the original.

Each repair replaces a span [start, end) of the ORIGINAL text (or only flags it, replacement None).
The OffsetMap turns any span of the repaired text back into the span of the original it came from,
so every later stage reports original offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from detente.models import Repair


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piecewise map from repaired-text offsets to original-text offsets.

    `repaired_starts[k]`/`original_starts[k]` open segment k; `changed[k]` says whether that segment
    is a replacement (mapped as a whole) or copied text (mapped character by character).
    """

    repaired_starts: tuple[int, ...]
    original_starts: tuple[int, ...]
    repaired_ends: tuple[int, ...]
    original_ends: tuple[int, ...]
    changed: tuple[bool, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self._point(start, at_start=True), self._point(end, at_start=False)

    def _point(self, offset: int, *, at_start: bool) -> int:
        if not self.repaired_starts:
            return offset
        k = max(0, bisect_right(self.repaired_starts, offset) - 1)
        if not at_start and k > 0 and offset == self.repaired_starts[k]:
            k -= 1  # an end offset belongs to the segment it closes
        if self.changed[k]:
            return self.original_starts[k] if at_start else self.original_ends[k]
        return self.original_starts[k] + (offset - self.repaired_starts[k])


@dataclass(frozen=True, slots=True)
class RepairedText:
    original: str
    text: str
    repairs: tuple[Repair, ...]
    offsets: OffsetMap

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_original(start, end)


def apply_repairs(original: str, repairs: list[Repair]) -> RepairedText:
    """Apply non-overlapping repairs (flags change nothing) and build the offset map."""
    pieces: list[str] = []
    r_starts: list[int] = []
    o_starts: list[int] = []
    r_ends: list[int] = []
    o_ends: list[int] = []
    changed: list[bool] = []
    cursor = length = 0

    def segment(text: str, o_start: int, o_end: int, is_change: bool) -> None:
        nonlocal length
        if not text and not is_change:
            return
        r_starts.append(length)
        o_starts.append(o_start)
        pieces.append(text)
        length += len(text)
        r_ends.append(length)
        o_ends.append(o_end)
        changed.append(is_change)

    kept: list[Repair] = []
    for repair in sorted(repairs, key=lambda r: (r.start, r.end)):
        if repair.start < cursor:
            continue  # overlapping repairs: the first one wins
        kept.append(repair)
        if repair.replacement is None:
            continue
        segment(original[cursor : repair.start], cursor, repair.start, False)
        segment(repair.replacement, repair.start, repair.end, True)
        cursor = repair.end
    segment(original[cursor:], cursor, len(original), False)
    offsets = OffsetMap(tuple(r_starts), tuple(o_starts), tuple(r_ends), tuple(o_ends), tuple(changed))
    return RepairedText(original, "".join(pieces), tuple(kept), offsets)
