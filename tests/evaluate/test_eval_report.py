"""EvalReport arithmetic, JSON and the plain lines the CLI prints."""

from __future__ import annotations

import json

import pytest

from detente.evaluate import (
    Accuracy,
    EvalReport,
    FalseEvent,
    GoldWhen,
    Miss,
    Score,
    accuracy_rows,
    format_report,
    score_rows,
)
from detente.evaluate.match import when_ok


def test_score_arithmetic_and_undefined_rates() -> None:
    s = Score(gold=4, found=3, predicted=6, correct=3)
    assert (s.tp, s.fp, s.fn) == (3, 3, 1)
    assert s.precision == 0.5 and s.recall == 0.75 and s.f1 == pytest.approx(0.6)
    assert Score().precision is None and Score().f1 is None
    assert Score(gold=2, predicted=1).f1 == 0.0
    assert Accuracy().value is None and Accuracy().add(True).add(False).value == 0.5


@pytest.mark.parametrize(("start", "end", "pred", "ok"), [
    ("2023-06", None, "2023-06-24", True),
    ("2023-06-23", "2023-06-25", "2023-06-24", True),
    ("2023-06-23", "2023-06-25", "2023-06-26", False),
    ("2020", "2023-07-02", "2021-05", True),
    ("2023-06-23", None, "2023", False),  # too coarse to say
    ("2023", None, None, False),
])
def test_when_interval(start: str, end: str | None, pred: str | None, ok: bool) -> None:
    assert when_ok(GoldWhen(start, end), pred) is ok


def report() -> EvalReport:
    return EvalReport(
        gold_path="g.yaml", scheme="plover", documents=2,
        events=Score(4, 3, 6, 3), actor_countries=Score(4, 4, 6, 4), event_types=Score(4, 3, 6, 3),
        modality=Accuracy(3, 4), modality_confusion={"future": {"asserted": 1, "future": 2}},
        by_type={"AID": Score(2, 1, 3, 1)}, by_modality={"asserted": Score(4, 3, 6, 3)},
        misses=(Miss("d1", "troops", "RUS → BLR AID future", "send troops", "modality: predicted asserted"),),
        false_events=tuple(FalseEvent("d1", "RUS", "BLR", "AID", "asserted", f"ev {i}") for i in range(3)),
        when=Accuracy(1, 2),
    )


def test_to_json_is_plain_json() -> None:
    data = json.loads(json.dumps(report().to_json()))
    assert data["events"]["precision"] == 0.5 and data["events"]["fn"] == 1
    assert data["modality"] == {"correct": 3, "total": 4, "value": 0.75}
    assert data["quotes"]["value"] is None and data["by_type"]["AID"]["recall"] == 0.5
    assert data["misses"][0]["gold_id"] == "troops" and len(data["false_events"]) == 3


def test_format_report_lines() -> None:
    lines = format_report(report(), max_items=2)
    text = "\n".join(lines)
    assert lines[0].startswith("gold: g.yaml (plover, 2 documents, 4 gold events, 6 predicted")
    assert "events" in lines[2] and "0.500" in lines[2] and "0.750" in lines[2]
    assert "modality confusions: future→asserted: 1" in text
    assert "misses (1):" in text and "false events (3):" in text and "… 1 more" in text
    assert ("when", "1", "2", "0.500") in accuracy_rows(report())
    assert all(name != "quotes" for name, *_ in accuracy_rows(report()))  # nothing measured: left out
    assert score_rows(report())[3][0] == "  type AID"


def test_macro_type_f1_averages_the_types_with_gold_and_counts_unpredicted_ones_as_zero() -> None:
    from detente.evaluate.report import macro_f1

    by_type = {"AID": Score(2, 2, 2, 2), "SANCTION": Score(2, 0, 0, 0), "?": Score(0, 0, 3, 0)}
    assert macro_f1(by_type) == pytest.approx(0.5)
    assert macro_f1({}) is None
    lines = format_report(EvalReport(**{**_fields(report()), "by_type_only": by_type}))
    assert "macro-averaged type F1 (type only): 0.500" in lines
    assert any(line.startswith("  type only SANCTION") for line in lines)


def _fields(r: EvalReport) -> dict[str, object]:
    return {name: getattr(r, name) for name in r.__dataclass_fields__}
