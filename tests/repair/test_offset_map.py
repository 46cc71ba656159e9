"""Every span of the repaired text maps back to the original text it came from."""

from __future__ import annotations

from detente.models import Repair
from detente.repair import apply_repairs

ORIGINAL = "Russia e Belarus met in Mosca. Prigozhinexplaining it."


def _repairs() -> list[Repair]:
    def at(word: str) -> tuple[int, int]:
        start = ORIGINAL.index(word)
        return start, start + len(word)

    return [
        Repair(at(" e ")[0] + 1, at(" e ")[0] + 2, "e", "and", "untranslated word", "it"),
        Repair(*at("Mosca"), "Mosca", "Moscow", "untranslated exonym", "it"),
        Repair(*at("Prigozhinexplaining"), "Prigozhinexplaining", "Prigozhin explaining", "glued words"),
    ]


def test_repaired_text_applies_every_replacement() -> None:
    repaired = apply_repairs(ORIGINAL, _repairs())
    assert repaired.text == "Russia and Belarus met in Moscow. Prigozhin explaining it."


def test_unchanged_spans_map_character_by_character() -> None:
    repaired = apply_repairs(ORIGINAL, _repairs())
    start = repaired.text.index("Belarus")
    o_start, o_end = repaired.to_original(start, start + len("Belarus"))
    assert ORIGINAL[o_start:o_end] == "Belarus"


def test_a_span_inside_a_replacement_maps_to_the_whole_original_span() -> None:
    repaired = apply_repairs(ORIGINAL, _repairs())
    start = repaired.text.index("Moscow")
    assert ORIGINAL.__getitem__(slice(*repaired.to_original(start, start + 6))) == "Mosca"
    start = repaired.text.index("explaining")
    o_start, o_end = repaired.to_original(start, start + len("explaining"))
    assert ORIGINAL[o_start:o_end] == "Prigozhinexplaining"


def test_flags_change_nothing_but_are_kept() -> None:
    flag = Repair(0, 6, "Russia", None, "untranslated span", "it")
    repaired = apply_repairs(ORIGINAL, [flag])
    assert repaired.text == ORIGINAL
    assert repaired.repairs == (flag,)
    assert repaired.to_original(0, 6) == (0, 6)


def test_no_repairs_is_the_identity() -> None:
    repaired = apply_repairs(ORIGINAL, [])
    assert repaired.text == ORIGINAL
    assert repaired.to_original(5, 17) == (5, 17)
