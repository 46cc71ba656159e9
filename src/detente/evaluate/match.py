"""The matching rules `detente eval` scores with: actors, event types, evidence, time, one-to-one pairing.

A prediction is reduced to a `PredUnit`: who → whom, a type key (the PLOVER type, or the CAMEO root
for PETRARCH gold), its modality and the text of its evidence sentences. For CAMEO gold, whose codings
are directed, a reciprocal prediction becomes two units (A→B and B→A), as PETRARCH itself codes them.

Country codes: a predicted actor's "tokens" are its country; when it has none, the first three
letters of an uppercase CAMEO-style id ("IGOUNO" → "IGO"); plus "IGO" when its kind/sector says it is
an intergovernmental organisation. A gold country matches when it is among the tokens, so PETRARCH
codes like IGOUNO (UN) compare as "IGO".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from detente.evaluate.gold import GoldActor, GoldEvent, GoldWhen, Scheme
from detente.models import Actor, AnalyzedArticle, Event

_WS = re.compile(r"\s+")
_CAMEO_ID = re.compile(r"[A-Z]{3}")


def normalize_space(text: str) -> str:
    return _WS.sub(" ", text).strip()


def normalize_name(text: str | None) -> str:
    s = normalize_space(text or "").casefold()
    return s[4:] if s.startswith("the ") else s


@dataclass(frozen=True, slots=True)
class PredUnit:
    actor: Actor | None
    recipient: Actor | None
    type: str
    modality: str
    event: Event
    texts: tuple[str, ...]  # whitespace-normalised evidence sentences (and their joined span)
    swapped: bool = False  # the B→A half of a reciprocal prediction (CAMEO scheme only)


def pred_units(result: AnalyzedArticle, scheme: Scheme) -> list[PredUnit]:
    units: list[PredUnit] = []
    for ev in result.events:
        texts = _evidence_texts(result, ev)
        key = ev.event.upper() if scheme == "plover" else (ev.cameo or "")[:2]
        units.append(PredUnit(ev.actor, ev.recipient, key, ev.modality, ev, texts))
        if scheme == "cameo" and ev.reciprocal:
            units.append(PredUnit(ev.recipient, ev.actor, key, ev.modality, ev, texts, swapped=True))
    return units


def _evidence_texts(result: AnalyzedArticle, ev: Event) -> tuple[str, ...]:
    """The sentences the evidence points to, plus the text spanning all of them.

    The joined span lets a gold evidence string that our segmenter split over two evidence
    sentences still match.
    """
    text = result.article.text
    spans: list[tuple[int, int]] = []
    out: list[str] = []
    for e in ev.evidence:
        if 0 <= e.sentence < len(result.sentences):
            s = result.sentences[e.sentence]
            spans.append((s.start, s.end))
            out.append(s.text)
        else:  # no sentence table: fall back to the evidence span itself
            spans.append((e.start, e.end))
            out.append(e.text)
    if len(spans) > 1:
        out.append(text[min(a for a, _ in spans):max(b for _, b in spans)])
    return tuple(normalize_space(t) for t in out)


def actor_tokens(actor: Actor) -> set[str]:
    tokens: set[str] = set()
    if actor.country:
        tokens.add(actor.country.upper())
    elif actor.id and _CAMEO_ID.match(actor.id):
        tokens.add(actor.id[:3])
    if (actor.kind or "").lower() == "igo" or (actor.sector or "").upper() == "IGO":
        tokens.add("IGO")
    if (actor.kind or "").lower() == "group" and not actor.country:
        tokens.add("IMG")  # CAMEO's international militarized group: an armed group of no one country
    return tokens


def name_matches(name: str | None, actor: Actor | None, *, use_text: bool = True) -> bool:
    if not name or actor is None:
        return False
    want = normalize_name(name)
    have = [actor.name, actor.id] + ([actor.text] if use_text else [])
    return any(h and normalize_name(h) == want for h in have)


def actor_matches(gold: GoldActor, pred: Actor | None) -> bool:
    if gold.is_wildcard:
        return True
    if gold.countries:
        return pred is not None and bool(actor_tokens(pred) & set(gold.countries))
    # A gold actor without a country ("the West"): an unknown or country-less actor is accepted.
    return pred is None or not pred.country or name_matches(gold.name, pred)


def orientation(gold: GoldEvent, unit: PredUnit) -> bool | None:
    """True: actor→actor; False: matched the other way round (reciprocal gold or prediction); None: no match."""
    if actor_matches(gold.actor, unit.actor) and actor_matches(gold.recipient, unit.recipient):
        return True
    swapped = actor_matches(gold.actor, unit.recipient) and actor_matches(gold.recipient, unit.actor)
    if (gold.reciprocal or unit.event.reciprocal) and swapped:  # a mutual act holds both ways
        return False
    return None


def dyad_ok(gold: GoldEvent, unit: PredUnit) -> bool:
    return orientation(gold, unit) is not None


def type_ok(gold: GoldEvent, unit: PredUnit) -> bool:
    return unit.type in gold.types


def evidence_ok(gold: GoldEvent, unit: PredUnit) -> bool:
    if gold.evidence is None:
        return True
    want = normalize_space(gold.evidence)
    return any(want in t for t in unit.texts)


def tight_evidence_ok(gold: GoldEvent, unit: PredUnit) -> bool:
    """The prediction's own evidence span and the gold evidence overlap as text (one holds the other):
    used first, so two events of one sentence pair with the right gold events."""
    if gold.evidence is None:
        return False
    want = normalize_space(gold.evidence)
    spans = [normalize_space(e.text) for e in unit.event.evidence]
    return any(want in span or (span and span in want) for span in spans)


def when_ok(gold: GoldWhen, predicted: str | None) -> bool:
    """Does the predicted start fall in the gold interval, at least as finely as the gold says?

    ISO prefixes compare as strings once cut to the bound's length: "2023-06-24" is in
    [2023-06, 2023-06]; "2023" is not in [2023-06-23, ...] (too coarse to say).
    """
    if not gold.start or not predicted:
        return False
    lo, hi = gold.start, gold.end or gold.start
    p = predicted.strip()
    return len(p) >= len(lo) and p[:len(lo)] >= lo and p[:len(hi)] <= hi


Pred = Callable[[GoldEvent, PredUnit], bool]


def match_pairs(
    golds: Sequence[GoldEvent], units: Sequence[PredUnit], ok: Pred, *, taken: dict[int, int] | None = None
) -> dict[int, int]:
    """A maximum one-to-one matching gold index → unit index (Kuhn's augmenting paths).

    `taken` pairs are kept fixed and their golds/units excluded, so a strict pass can be extended
    by a looser one without undoing it.
    """
    fixed = dict(taken or {})
    used_units = set(fixed.values())
    free_units = [j for j in range(len(units)) if j not in used_units]
    adj = {i: [j for j in free_units if ok(golds[i], units[j])] for i in range(len(golds)) if i not in fixed}
    owner: dict[int, int] = {}  # unit → gold

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in adj:
        augment(i, set())
    fixed.update({i: j for j, i in owner.items()})
    return fixed


def describe_actor(actor: Actor | None) -> str:
    if actor is None:
        return "?"
    label = actor.name or actor.text or actor.id or "?"
    return f"{label} [{actor.country}]" if actor.country else label
