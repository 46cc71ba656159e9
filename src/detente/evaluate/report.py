"""The evaluation report: typed counts and rates, JSON, and plain lines for the CLI to print.

Rates whose denominator is zero are None ("n/a"), never a made-up 0 or 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@dataclass(frozen=True, slots=True)
class Score:
    """Precision/recall from one-to-one matching.

    recall = found / gold; precision = correct / predicted. They are kept apart because in the
    per-type breakdown a gold event counts under its first listed type while a prediction counts
    under its own type.
    """

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def tp(self) -> int:
        return self.found

    @property
    def fp(self) -> int:
        return self.predicted - self.correct

    @property
    def fn(self) -> int:
        return self.gold - self.found

    @property
    def precision(self) -> float | None:
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.found, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> Score:
        return Score(self.gold + other.gold, self.found + other.found,
                     self.predicted + other.predicted, self.correct + other.correct)

    def to_json(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "predicted": self.predicted, "correct": self.correct,
                "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def add(self, ok: bool) -> Accuracy:
        return Accuracy(self.correct + int(ok), self.total + 1)

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "value": self.value}


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold event no prediction matched; `reason` is the closest thing that did match."""

    document: str
    gold_id: str
    expected: str
    evidence: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "gold_id": self.gold_id, "expected": self.expected,
                "evidence": self.evidence, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class FalseEvent:
    """A predicted event that matched no gold event."""

    document: str
    actor: str
    recipient: str
    event: str
    modality: str
    evidence: str
    event_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "actor": self.actor, "recipient": self.recipient,
                "event": self.event, "modality": self.modality, "evidence": self.evidence,
                "event_id": self.event_id}


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Everything `detente eval` measured. `scheme` "cameo" means PETRARCH gold (types are CAMEO roots)."""

    gold_path: str
    scheme: str
    documents: int
    events: Score  # dyad + type (+ modality and evidence for YAML gold)
    actor_countries: Score  # dyad only (same evidence)
    event_types: Score  # type only (same evidence)
    modality: Accuracy  # over events matched on dyad + type, ignoring modality
    modality_confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold → predicted → n
    by_type: dict[str, Score] = field(default_factory=dict)  # full match (dyad + type + modality + evidence)
    by_type_only: dict[str, Score] = field(default_factory=dict)  # event type + evidence, actors ignored
    by_modality: dict[str, Score] = field(default_factory=dict)
    misses: tuple[Miss, ...] = ()
    false_events: tuple[FalseEvent, ...] = ()
    when: Accuracy = Accuracy()  # matched events with a gold when.start: predicted start in interval
    sectors: Accuracy = Accuracy()  # matched events: gold actor/recipient sectors reproduced
    claimed_by: Accuracy = Accuracy()  # matched events with a gold claimed_by: right claimant
    mentions: Accuracy = Accuracy()  # gold mention strings linked to the right country or actor
    mentions_exact: Accuracy = Accuracy()  # ... linked to the right actor by name
    repairs_covered: Accuracy = Accuracy()  # gold repair originals touched by a predicted repair
    repairs_fixed: Accuracy = Accuracy()  # ... and the predicted replacements give the gold repair
    quotes: Accuracy = Accuracy()  # gold quotes found
    quote_speakers: Accuracy = Accuracy()  # gold quotes found with the right speaker
    source_country: Accuracy = Accuracy()  # CAMEO: gold source country among predicted actors
    target_country: Accuracy = Accuracy()  # CAMEO: gold target country among predicted recipients
    root_code: Accuracy = Accuracy()  # CAMEO: gold root among predicted roots in the sentence
    noevents_sentences: int = 0
    noevents_false_events: int = 0
    notes: tuple[str, ...] = ()
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        acc = ("modality", "when", "sectors", "claimed_by", "mentions", "mentions_exact", "repairs_covered",
               "repairs_fixed", "quotes", "quote_speakers", "source_country", "target_country", "root_code")
        out: dict[str, Any] = {
            "gold_path": self.gold_path, "scheme": self.scheme, "documents": self.documents,
            "events": self.events.to_json(), "actor_countries": self.actor_countries.to_json(),
            "event_types": self.event_types.to_json(),
        }
        out.update({name: getattr(self, name).to_json() for name in acc})
        out.update({
            "modality_confusion": self.modality_confusion,
            "by_type": {k: v.to_json() for k, v in self.by_type.items()},
            "by_type_only": {k: v.to_json() for k, v in self.by_type_only.items()},
            "macro_type_f1": macro_f1(self.by_type),
            "macro_type_only_f1": macro_f1(self.by_type_only),
            "by_modality": {k: v.to_json() for k, v in self.by_modality.items()},
            "noevents_sentences": self.noevents_sentences,
            "noevents_false_events": self.noevents_false_events,
            "misses": [m.to_json() for m in self.misses],
            "false_events": [f.to_json() for f in self.false_events],
            "notes": list(self.notes),
            "seconds": self.seconds,
        })
        return out


def macro_f1(by_type: dict[str, Score]) -> float | None:
    """The mean F1 over the types that have gold events (a type never predicted counts as 0)."""
    scores = [s.f1 or 0.0 for s in by_type.values() if s.gold]
    return sum(scores) / len(scores) if scores else None


SCORE_HEADER: tuple[str, ...] = ("metric", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1")


def score_rows(report: EvalReport) -> list[tuple[str, ...]]:
    """Rows (matching SCORE_HEADER) for a table: the headline scores, then per type and per modality."""
    named = [("events", report.events), ("actor countries", report.actor_countries),
             ("event types", report.event_types)]
    named += [(f"  type {k}", v) for k, v in report.by_type.items()]
    named += [(f"  type only {k}", v) for k, v in report.by_type_only.items()]
    named += [(f"  modality {k}", v) for k, v in report.by_modality.items()]
    return [(name, str(s.gold), str(s.predicted), str(s.tp), str(s.fp), str(s.fn),
             _fmt(s.precision), _fmt(s.recall), _fmt(s.f1)) for name, s in named]


def accuracy_rows(report: EvalReport) -> list[tuple[str, str, str, str]]:
    """(metric, correct, total, rate) for every accuracy that had something to measure."""
    names = {
        "modality (dyad+type matches)": report.modality, "when": report.when, "sectors": report.sectors,
        "claimed_by": report.claimed_by, "actor mentions (country)": report.mentions,
        "actor mentions (exact actor)": report.mentions_exact, "repairs covered": report.repairs_covered,
        "repairs fixed": report.repairs_fixed, "quotes": report.quotes,
        "quote speakers": report.quote_speakers,
        "source country": report.source_country, "target country": report.target_country,
        "root code": report.root_code,
    }
    return [(k, str(a.correct), str(a.total), _fmt(a.value)) for k, a in names.items() if a.total]


def format_report(report: EvalReport, *, max_items: int = 20) -> list[str]:
    """Plain-text lines summarising the report; the caller prints them (the library never does)."""
    lines = [f"gold: {report.gold_path} ({report.scheme}, {report.documents} documents, "
             f"{report.events.gold} gold events, {report.events.predicted} predicted, {report.seconds:.1f}s)"]
    table = [SCORE_HEADER, *score_rows(report)]
    widths = [max(len(r[i]) for r in table) for i in range(len(SCORE_HEADER))]
    for row in table:
        cols = enumerate(zip(row, widths, strict=True))
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in cols]
        lines.append("  ".join(cells).rstrip())
    for name, correct, total, rate in accuracy_rows(report):
        lines.append(f"{name}: {correct}/{total} = {rate}")
    for name, table_ in (("full match", report.by_type), ("type only", report.by_type_only)):
        macro = macro_f1(table_)
        if macro is not None:
            lines.append(f"macro-averaged type F1 ({name}): {_fmt(macro)}")
    if report.modality_confusion:
        confusion = report.modality_confusion
        pairs = [f"{g}→{p}: {n}" for g, row in confusion.items() for p, n in row.items() if g != p]
        if pairs:
            lines.append("modality confusions: " + ", ".join(pairs))
    if report.noevents_sentences:
        lines.append(f"no-event sentences: {report.noevents_sentences}, "
                     f"false events on them: {report.noevents_false_events}")
    for title, items in (("misses", [f"{m.document} {m.gold_id}: {m.expected} ({m.reason})"
                                     + (f" — {m.evidence!r}" if m.evidence else "") for m in report.misses]),
                         ("false events", [f"{f.document}: {f.actor} → {f.recipient} {f.event} {f.modality}"
                                           f" — {f.evidence!r}" for f in report.false_events])):
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines += [f"  {s}" for s in items[:max_items]]
            if len(items) > max_items:
                lines.append(f"  … {len(items) - max_items} more")
    lines += [f"note: {n}" for n in report.notes]
    return lines
