"""`detente eval`: score the engine against gold files (our YAML gold, or PETRARCH-2 validation XML).

    gold = load_gold(Path("gold.yaml"))
    report = evaluate(gold, analyze)      # analyze: Sequence[Article] -> Iterable[AnalyzedArticle]
    lines = format_report(report)         # or report.to_json(); the library never prints
"""

from __future__ import annotations

from detente.evaluate.gold import (
    GoldActor,
    GoldDocument,
    GoldEvent,
    GoldMentionActor,
    GoldQuote,
    GoldRepair,
    GoldSet,
    GoldWhen,
    load_gold,
)
from detente.evaluate.petrarch import parse_petrarch
from detente.evaluate.report import (
    SCORE_HEADER,
    Accuracy,
    EvalReport,
    FalseEvent,
    Miss,
    Score,
    accuracy_rows,
    format_report,
    score_rows,
)
from detente.evaluate.score import Analyzer, evaluate

__all__ = [
    "SCORE_HEADER",
    "Accuracy",
    "Analyzer",
    "EvalReport",
    "FalseEvent",
    "GoldActor",
    "GoldDocument",
    "GoldEvent",
    "GoldMentionActor",
    "GoldQuote",
    "GoldRepair",
    "GoldSet",
    "GoldWhen",
    "Miss",
    "Score",
    "accuracy_rows",
    "evaluate",
    "format_report",
    "load_gold",
    "parse_petrarch",
    "score_rows",
]
