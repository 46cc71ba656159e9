"""`evaluate(gold, analyze)`: run the analyzer over the gold documents and score what it found.

Event matching is one-to-one per document (a prediction can satisfy only one gold event). The
headline `events` score needs dyad + type + evidence + modality; the looser scores drop parts of it:
`actor_countries` (dyad + evidence), `event_types` (type + evidence), and `modality` is the accuracy
over pairs matched on dyad + type + evidence ignoring modality (pairs with the right modality are
taken first). For CAMEO (PETRARCH) gold every prediction except negated ones is scored: CAMEO has no
modality, and its coders code intentions ("will supply arms") and reported claims as events.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from detente.errors import DetenteError
from detente.evaluate.gold import GoldDocument, GoldEvent, GoldSet
from detente.evaluate.match import (
    PredUnit,
    actor_matches,
    actor_tokens,
    describe_actor,
    dyad_ok,
    evidence_ok,
    match_pairs,
    name_matches,
    normalize_name,
    normalize_space,
    orientation,
    pred_units,
    tight_evidence_ok,
    type_ok,
    when_ok,
)
from detente.evaluate.report import Accuracy, EvalReport, FalseEvent, Miss, Score
from detente.models import AnalyzedArticle, Article

Analyzer = Callable[[Sequence[Article]], Iterable[AnalyzedArticle]]


def _full(g: GoldEvent, u: PredUnit) -> bool:
    return u.modality == g.modality and type_ok(g, u) and evidence_ok(g, u) and dyad_ok(g, u)


def _dyad_type(g: GoldEvent, u: PredUnit) -> bool:
    return type_ok(g, u) and evidence_ok(g, u) and dyad_ok(g, u)


def _dyad(g: GoldEvent, u: PredUnit) -> bool:
    return evidence_ok(g, u) and dyad_ok(g, u)


def _type(g: GoldEvent, u: PredUnit) -> bool:
    return evidence_ok(g, u) and type_ok(g, u)


class _Tally:
    def __init__(self) -> None:
        self.acc: dict[str, Accuracy] = defaultdict(Accuracy)
        self.scores: dict[str, Score] = defaultdict(Score)
        self.by_type: dict[str, Score] = defaultdict(Score)
        self.by_type_only: dict[str, Score] = defaultdict(Score)
        self.by_modality: dict[str, Score] = defaultdict(Score)
        self.confusion: dict[str, Counter[str]] = defaultdict(Counter)
        self.misses: list[Miss] = []
        self.false_events: list[FalseEvent] = []
        self.noevents = 0
        self.noevents_false = 0

    def tick(self, name: str, ok: bool) -> None:
        self.acc[name] = self.acc[name].add(ok)

    def score(self, name: str, gold: int, found: int, predicted: int) -> None:
        self.scores[name] = self.scores[name].add(Score(gold, found, predicted, found))


def evaluate(gold: GoldSet, analyze: Analyzer) -> EvalReport:
    """Score `analyze` (which must return one result per article, in input order) against `gold`."""
    started = time.perf_counter()
    articles = [d.article for d in gold.documents]
    results = list(analyze(articles))
    if len(results) != len(articles):
        raise DetenteError(f"the analyzer returned {len(results)} results for {len(articles)} gold documents")
    tally = _Tally()
    for doc, result in zip(gold.documents, results, strict=True):
        if result.article.id != doc.article.id:
            raise DetenteError(f"the analyzer returned results out of order: expected {doc.id}")
        _score_document(tally, gold, doc, result)
    s, a = tally.scores, tally.acc
    return EvalReport(
        gold_path=gold.path, scheme=gold.scheme, documents=len(gold.documents),
        events=s["events"], actor_countries=s["dyad"], event_types=s["type"], modality=tally.acc["modality"],
        modality_confusion={g: dict(row) for g, row in sorted(tally.confusion.items())},
        by_type=dict(sorted(tally.by_type.items())),
        by_type_only=dict(sorted(tally.by_type_only.items())),
        by_modality=dict(sorted(tally.by_modality.items())),
        misses=tuple(tally.misses), false_events=tuple(tally.false_events),
        noevents_sentences=tally.noevents, noevents_false_events=tally.noevents_false,
        notes=gold.notes, seconds=time.perf_counter() - started,
        when=a["when"], sectors=a["sectors"], claimed_by=a["claimed_by"], mentions=a["mentions"],
        mentions_exact=a["mentions_exact"], repairs_covered=a["repairs_covered"],
        repairs_fixed=a["repairs_fixed"], quotes=a["quotes"], quote_speakers=a["quote_speakers"],
        source_country=a["source_country"], target_country=a["target_country"], root_code=a["root_code"],
    )


def _score_document(t: _Tally, gold: GoldSet, doc: GoldDocument, result: AnalyzedArticle) -> None:
    everything = pred_units(result, gold.scheme)
    # CAMEO gold has no modality: everything but a denial is scored against it.
    scored = [k for k, u in enumerate(everything) if gold.scheme == "plover" or u.modality != "negated"]
    units = [everything[k] for k in scored]
    golds = doc.events
    strict = _full if gold.scheme == "plover" else _dyad_type
    # Pair on the events' own evidence spans first, then on their sentences.
    tight = match_pairs(golds, units, lambda g, u: strict(g, u) and tight_evidence_ok(g, u))
    full = match_pairs(golds, units, strict, taken=tight)
    dyad = match_pairs(golds, units, _dyad)
    kind = match_pairs(golds, units, _type)
    t.score("events", len(golds), len(full), len(_counted(units, full)))
    t.score("dyad", len(golds), len(dyad), len(_counted(units, dyad)))
    t.score("type", len(golds), len(kind), len(_counted(units, kind)))
    kind_units = set(kind.values())
    for i, g in enumerate(golds):
        t.by_type_only[g.types[0]] = t.by_type_only[g.types[0]].add(Score(1, int(i in kind), 0, 0))
    for j in _counted(units, kind):
        u = units[j]
        t.by_type_only[u.type or "?"] = t.by_type_only[u.type or "?"].add(Score(0, 0, 1, int(j in kind_units)))

    # Modality: keep the right-modality pairs, then pair the rest ignoring modality (over all units).
    loose = match_pairs(golds, everything, _dyad_type, taken={i: scored[j] for i, j in full.items()})
    for i, j in loose.items():
        t.tick("modality", everything[j].modality == golds[i].modality)
        t.confusion[golds[i].modality][everything[j].modality] += 1

    matched_units = set(full.values())
    for i, g in enumerate(golds):
        t.by_type[g.types[0]] = t.by_type[g.types[0]].add(Score(1, int(i in full), 0, 0))
        t.by_modality[g.modality] = t.by_modality[g.modality].add(Score(1, int(i in full), 0, 0))
        if i in full:
            _score_match(t, g, units[full[i]])
        else:
            reason = _reason(i, loose, everything, dyad, kind)
            evidence = g.evidence if gold.scheme == "plover" else doc.article.text  # PETRARCH: the sentence
            t.misses.append(Miss(doc.id, g.id, _expected(g, gold.scheme), evidence, reason))
    for j in _counted(units, full):
        u = units[j]
        hit = int(j in matched_units)
        t.by_type[u.type or "?"] = t.by_type[u.type or "?"].add(Score(0, 0, 1, hit))
        t.by_modality[u.modality] = t.by_modality[u.modality].add(Score(0, 0, 1, hit))
        if not hit:
            ev = u.event.evidence
            t.false_events.append(FalseEvent(
                doc.id, describe_actor(u.actor), describe_actor(u.recipient),
                u.type if gold.scheme == "plover" else u.event.cameo, u.modality,
                ev[0].text if ev else "", u.event.id))

    if gold.scheme == "cameo":
        _score_cameo(t, doc, units)
    _score_mentions(t, doc, result)
    _score_repairs(t, doc, result)
    _score_quotes(t, doc, result)


def _counted(units: Sequence[PredUnit], matched: dict[int, int]) -> list[int]:
    """The units that count as predictions: one per event, or as many of its directions as matched gold.
    A reciprocal event is two units under the CAMEO scheme (A→B and B→A); stated once, it is one
    prediction, unless the gold lists both directions and both matched."""
    hits = set(matched.values())
    out: list[int] = []
    seen: set[int] = set()
    for j, u in enumerate(units):
        key = id(u.event)
        if j in hits:
            out.append(j)
            seen.add(key)
    for j, u in enumerate(units):
        key = id(u.event)
        if key not in seen:
            out.append(j)
            seen.add(key)
    return sorted(out)


def _expected(g: GoldEvent, scheme: str) -> str:
    arrow = "↔" if g.reciprocal else "→"
    kind = "|".join(g.types) if scheme == "plover" else f"{g.cameo}"
    return f"{g.actor.describe()} {arrow} {g.recipient.describe()} {kind} {g.modality}"


def _reason(i: int, loose: dict[int, int], units: Sequence[PredUnit], dyad: dict[int, int],
            kind: dict[int, int]) -> str:
    if i in loose:
        return f"modality: predicted {units[loose[i]].modality}"
    if i in dyad:
        return "event type"
    if i in kind:
        return "actors"
    return "not found"


def _score_match(t: _Tally, g: GoldEvent, u: PredUnit) -> None:
    ev = u.event
    if g.when is not None and g.when.start:
        t.tick("when", when_ok(g.when, ev.when.start))
    straight = orientation(g, u) is not False
    actor, recipient = (u.actor, u.recipient) if straight else (u.recipient, u.actor)
    for want, have in ((g.actor.sector, actor), (g.recipient.sector, recipient)):
        if want:
            t.tick("sectors", have is not None and (have.sector or "").upper() == want.upper())
    if g.claimed_by:
        t.tick("claimed_by", name_matches(g.claimed_by, ev.claimed_by))


def _score_cameo(t: _Tally, doc: GoldDocument, units: Sequence[PredUnit]) -> None:
    if doc.noevents:
        t.noevents += 1
        t.noevents_false += len({id(u.event) for u in units})  # a reciprocal event counts once
    for g in doc.events:
        # "---" codes are wildcards: nothing to check on that side.
        if not g.actor.is_wildcard:
            t.tick("source_country", any(actor_matches(g.actor, u.actor) for u in units))
        if not g.recipient.is_wildcard:
            t.tick("target_country", any(actor_matches(g.recipient, u.recipient) for u in units))
        t.tick("root_code", any(u.type == g.types[0] for u in units))


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where a gold string occurs: as a whole word if it ever does, else anywhere (glued words)."""
    if not needle:
        return []
    spans = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]
    return spans or [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def _overlaps(a: int, b: int, start: int, end: int) -> bool:
    if start == end:  # a zero-width repair (an insertion) covers the spot it sits on
        return a <= start <= b
    return start < b and end > a


def _score_mentions(t: _Tally, doc: GoldDocument, result: AnalyzedArticle) -> None:
    text = doc.article.text
    for ga in doc.actors:
        for s in ga.mentions:
            spans = _occurrences(text, s)
            hits = [m.actor for m in result.mentions if m.actor is not None
                    and any(_overlaps(a, b, m.start, m.end) for a, b in spans)]
            exact = [a for a in hits if name_matches(ga.name, a, use_text=False)]
            country = [a for a in hits if actor_tokens(a) & set(ga.countries)]
            t.tick("mentions", bool(exact or country))
            t.tick("mentions_exact", bool(exact))


def _score_repairs(t: _Tally, doc: GoldDocument, result: AnalyzedArticle) -> None:
    text = doc.article.text
    for gr in doc.repairs:
        covered = fixed = False
        for a, b in _occurrences(text, gr.original):
            touching = [r for r in result.repairs if _overlaps(a, b, r.start, r.end)]
            covered = covered or bool(touching)
            inside = sorted((r for r in touching if a <= r.start <= r.end <= b), key=lambda r: r.start)
            if touching and len(inside) == len(touching) and all(r.replacement is not None for r in inside):
                piece, pos = [], a  # apply the predicted replacements to this occurrence
                for r in inside:
                    piece += [text[pos:r.start], r.replacement or ""]
                    pos = max(pos, r.end)
                piece.append(text[pos:b])
                fixed = fixed or normalize_name("".join(piece)) == normalize_name(gr.repaired or "")
        t.tick("repairs_covered", covered)
        if gr.repaired is not None:
            t.tick("repairs_fixed", fixed)


_QUOTE_MARKS = str.maketrans("", "", "\"“”„«»‘’'")


def _quote_key(text: str) -> str:
    return normalize_space(text.translate(_QUOTE_MARKS)).casefold()


def _score_quotes(t: _Tally, doc: GoldDocument, result: AnalyzedArticle) -> None:
    for gq in doc.quotes:
        want = _quote_key(gq.text)
        found = [q for q in result.quotes if want and want in _quote_key(q.text)]
        t.tick("quotes", bool(found))
        if gq.speaker:
            t.tick("quote_speakers", any(name_matches(gq.speaker, q.speaker, use_text=False) for q in found))
