"""Measure the repair stage on planted defects and on clean text; prints figures, always exits 0.

    .venv/bin/python scripts/eval_repair.py --n 5000 --seed 1 --corpus ../shared/corpus/current-events.jsonl

Clean sentences get defects with known ground truth (detente.repair.corrupt); the Repairer runs on the
corrupted sentences (precision and recall per kind family) and on the same sentences uncorrupted
(every change there is a false change). Matching:
- glued: correct when the glued repairs over the truth span give back the expected words, compared with
  whitespace and commas stripped but the split positions kept. Precision counts only repairs that are
  part of a correct fix (an overlap with the wrong split is a false positive).
- foreign (foreign_word + exonym + foreign_span): detected when a foreign-family repair overlaps the
  truth; "fixed" also needs the replacement to equal the expected word (words and exonyms only).
  Precision: repairs of the family overlapping some truth of the family / all repairs of the family.
- encoding (encoding, html_entity, markup, control, whitespace): as foreign; "fixed" compares modulo
  curly quotes and whitespace runs.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.models import Repair
from detente.repair.base import (
    CONTROL,
    ENCODING,
    EXONYM,
    FOREIGN_SPAN,
    FOREIGN_WORD,
    GLUED,
    HTML_ENTITY,
    MARKUP,
    WHITESPACE,
)
from detente.repair.corrupt import DEFECT_KINDS, Corrupted, Truth, corrupt_corpus
from detente.repair.stage import Repairer, RepairSettings

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "current-events.jsonl"

FAMILIES: dict[str, frozenset[str]] = {
    "glued": frozenset({GLUED}),
    "foreign": frozenset({FOREIGN_WORD, EXONYM, FOREIGN_SPAN}),
    "encoding": frozenset({ENCODING, HTML_ENTITY, MARKUP, CONTROL, WHITESPACE}),
}
TARGETS = {"glued_precision": 97.0, "glued_recall": 90.0, "foreign_recall": 85.0, "clean_per_10k": 1.0}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'", "“": '"', "”": '"', "„": '"'})


def family_of(kind: str) -> str:
    return next((name for name, kinds in FAMILIES.items() if kind in kinds), "other")


# ---- building the repairer the way the pipeline does ------------------------------------------------------
def build_repairer() -> tuple[Repairer, list[str]]:
    """The pipeline's repairer (vocabulary from every actor name), and the repair modules still missing."""
    from detente.actors.dictionary import ActorDictionary
    from detente.repair.vocabulary import Vocabulary

    dictionary = ActorDictionary.load()
    names: Iterable[str] = dictionary.names() if hasattr(dictionary, "names") else _entry_names(dictionary)
    return repairer_for(Vocabulary.build(actor_names=names))


def repairer_for(vocabulary: Any) -> tuple[Repairer, list[str]]:
    """Repairer.build; while a step's module is still being written, the steps that exist (and the
    names of the missing modules) so the measurement runs anyway."""
    settings = RepairSettings()
    try:
        return Repairer.build(settings, vocabulary=vocabulary), []
    except ImportError:
        pass
    steps = {"encoding": ("EncodingRepair", ()), "glue": ("GluedWords", (vocabulary,)),
             "foreign": ("ForeignWords", (vocabulary,))}
    found: dict[str, Any] = {}
    missing: list[str] = []
    for module, (cls, args) in steps.items():
        try:
            step_class = getattr(importlib.import_module(f"detente.repair.{module}"), cls)
        except ImportError as exc:
            missing.append(f"detente.repair.{module} ({exc})")
            continue
        found[module] = (step_class(*args, languages=settings.source_languages) if module == "foreign"
                         else step_class(*args))
    surface = [found["encoding"]] if "encoding" in found else []
    words = [found[m] for m in ("glue", "foreign") if m in found]
    return Repairer(settings, surface=surface, words=words), missing


def _entry_names(dictionary: Any) -> set[str]:
    names: set[str] = set()
    for entry in dictionary.entries.values():
        names.update((entry.name, *entry.aliases, *entry.demonyms, *entry.capitals))
    return names


# ---- matching ------------------------------------------------------------------------------------------
def touches(repair: Repair, truth: Truth) -> bool:
    """Overlap, counting an insertion (start == end) strictly inside the truth span."""
    if repair.start == repair.end:
        return truth.start < repair.start < truth.end
    return repair.start < truth.end and truth.start < repair.end


def rebuilt_window(text: str, truth: Truth, repairs: Sequence[Repair]) -> tuple[str, str]:
    """(what the repairs make of the truth's window, what a perfect repair makes of it); the window is
    the truth span widened to every repair touching it."""
    start = min([truth.start, *(r.start for r in repairs)])
    end = max([truth.end, *(r.end for r in repairs)])
    pieces: list[str] = []
    cursor = start
    for repair in sorted(repairs, key=lambda r: (r.start, r.end)):
        if repair.start < cursor or repair.replacement is None:
            continue
        pieces.append(text[cursor : repair.start] + repair.replacement)
        cursor = repair.end
    pieces.append(text[cursor:end])
    expected = text[start : truth.start] + (truth.expected or "") + text[truth.end : end]
    return "".join(pieces), expected


def glued_pieces(text: str) -> tuple[str, ...]:
    """The words with whitespace and commas stripped, kept apart: the split positions must match."""
    return tuple(p for p in re.split(r"[\s,]+", text) if p)


def normal(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split())


def is_fixed(text: str, truth: Truth, repairs: Sequence[Repair]) -> bool:
    if truth.expected is None or not repairs:
        return False
    got, expected = rebuilt_window(text, truth, repairs)
    if truth.kind == GLUED:
        return glued_pieces(got) == glued_pieces(expected)
    return normal(got) == normal(expected)


@dataclass
class Tally:
    truths: Counter[str] = field(default_factory=Counter)  # per kind (and "kind/variant")
    detected: Counter[str] = field(default_factory=Counter)
    fixed: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)  # per family
    true_predicted: Counter[str] = field(default_factory=Counter)
    overlapping_predicted: Counter[str] = field(default_factory=Counter)
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_positives: dict[str, list[str]] = field(default_factory=dict)


def score(items: Sequence[Corrupted], results: Sequence[Sequence[Repair]]) -> Tally:
    tally = Tally()
    for item, repairs in zip(items, results, strict=True):
        good: set[int] = set()  # ids of repairs that touch a truth of their family (glued: a correct fix)
        for truth in item.truths:
            family = family_of(truth.kind)
            near = [r for r in repairs if family_of(r.kind) == family and touches(r, truth)]
            fixed = is_fixed(item.text, truth, near)
            for key in (truth.kind, f"{truth.kind}/{truth.variant}"):
                tally.truths[key] += 1
                tally.detected[key] += bool(near)
                tally.fixed[key] += fixed
            if family == "glued":
                good.update(id(r) for r in near if fixed)
            else:
                good.update(id(r) for r in near)
            if not (fixed if family == "glued" else near):
                _example(tally.misses, family, _describe_truth(item, truth, near))
        for repair in repairs:
            family = family_of(repair.kind)
            tally.predicted[family] += 1
            tally.true_predicted[family] += id(repair) in good
            overlaps = any(family_of(t.kind) == family and touches(repair, t) for t in item.truths)
            tally.overlapping_predicted[family] += overlaps
            if id(repair) not in good:
                _example(tally.false_positives, family, _describe_repair(item.text, repair))
    return tally


def _example(store: dict[str, list[str]], family: str, line: str) -> None:
    store.setdefault(family, []).append(line)


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    return f"…{text[max(0, start - width):start]}⟦{text[start:end]}⟧{text[end:end + width]}…"


def _describe_truth(item: Corrupted, truth: Truth, near: Sequence[Repair]) -> str:
    got = "; ".join(f"{r.kind}:{r.original!r}→{r.replacement!r}" for r in near) or "no repair"
    return (f"{truth.kind}/{truth.variant} {item.text[truth.start:truth.end]!r} expected {truth.expected!r}"
            f" ({truth.language or '-'}) got {got}  {_context(item.text, truth.start, truth.end)}")


def _describe_repair(text: str, repair: Repair) -> str:
    return (f"{repair.kind} {repair.original!r} → {repair.replacement!r} ({repair.language or '-'})"
            f"  {_context(text, repair.start, repair.end)}")


# ---- printing ------------------------------------------------------------------------------------------
def pct(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


def flag(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def print_kinds(tally: Tally) -> None:
    print("\nper kind (truths, detected = a repair of the family overlaps, fixed = the expected text back):")
    print(f"  {'kind':<28}{'truths':>8}{'detected':>10}{'det %':>8}{'fixed':>8}{'fixed %':>9}")
    keys = sorted(tally.truths, key=lambda k: (DEFECT_KINDS.index(k.split("/")[0]), "/" in k, k))
    for key in keys:
        n, d, f = tally.truths[key], tally.detected[key], tally.fixed[key]
        name = key if "/" not in key else "  " + key.split("/", 1)[1]
        print(f"  {name:<28}{n:>8}{d:>10}{pct(d, n):>8.1f}{f:>8}{pct(f, n):>9.1f}")


def print_families(tally: Tally) -> dict[str, tuple[float, float]]:
    print("\nper family:")
    print(f"  {'family':<10}{'truths':>8}{'predicted':>11}{'precision %':>13}{'recall %':>10}"
          f"{'fixed %':>9}{'overlap-precision %':>21}")
    figures: dict[str, tuple[float, float]] = {}
    for family, kinds in FAMILIES.items():
        truths = sum(tally.truths[k] for k in kinds)
        detected = sum(tally.detected[k] for k in kinds)
        fixed = sum(tally.fixed[k] for k in kinds)
        predicted = tally.predicted[family]
        precision = pct(tally.true_predicted[family], predicted)
        recall = pct(fixed if family == "glued" else detected, truths)
        figures[family] = (precision, recall)
        fixable = sum(tally.truths[k] for k in kinds if k != FOREIGN_SPAN)
        print(f"  {family:<10}{truths:>8}{predicted:>11}{precision:>13.1f}{recall:>10.1f}"
              f"{pct(fixed, fixable):>9.1f}{pct(tally.overlapping_predicted[family], predicted):>21.1f}")
    print("  (glued recall = fixed; foreign/encoding recall = detected; fixed % is over truths with an expected"
          " text; overlap-precision counts any overlap with a family truth)")
    return figures


def print_examples(title: str, store: dict[str, list[str]], limit: int) -> None:
    for family in FAMILIES:
        found = store.get(family, [])
        if not found:
            continue
        print(f"\n{title} — {family} ({len(found)}; first {min(limit, len(found))}):")
        for line in found[:limit]:
            print(f"  {line}")


def corpus_defect(text: str) -> bool:
    """Only no-break, zero-width or control characters, or a run of spaces: a defect that really is in
    the 'clean' corpus, so repairing it is no false change."""
    if not text or any(not ch.isspace() and unicodedata.category(ch)[0] not in "ZC" for ch in text):
        return False
    return text != " "


def clean_run(repairer: Repairer, sentences: Sequence[str], limit: int) -> tuple[float, float]:
    """Run on uncorrupted sentences; print false changes per 10,000 whitespace tokens. Returns the rate
    of all changes and the rate without the fixes of defects really in the corpus."""
    tokens = sum(len(s.split()) for s in sentences)
    changes: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    corpus_defects = 0
    examples: list[str] = []
    defect_examples: list[str] = []
    for sentence in sentences:
        for repair in repairer.repair(sentence).repairs:
            (flags if repair.replacement is None else changes)[repair.kind] += 1
            real_defect = repair.replacement is not None and corpus_defect(repair.original)
            corpus_defects += real_defect
            shown = defect_examples if real_defect else examples
            if len(shown) < (3 if real_defect else limit):
                shown.append(_describe_repair(sentence, repair))
    n_changes, n_flags = sum(changes.values()), sum(flags.values())
    rate = 10_000 * n_changes / tokens if tokens else 0.0
    print(f"\nclean text: {len(sentences)} sentences, {tokens} whitespace tokens")
    print(f"  false changes: {n_changes} = {rate:.2f} per 10,000 tokens; flags: {n_flags} = "
          f"{10_000 * n_flags / tokens if tokens else 0.0:.2f} per 10,000 tokens")
    for kind in sorted(set(changes) | set(flags)):
        print(f"  {kind:<14} changes {changes[kind]:>5} ({10_000 * changes[kind] / tokens:.2f}/10k)"
              f"  flags {flags[kind]:>5} ({10_000 * flags[kind] / tokens:.2f}/10k)")
    real_rate = 10_000 * (n_changes - corpus_defects) / tokens if tokens else 0.0
    print(f"  of the changes, {corpus_defects} fix no-break/zero-width/control characters or runs of spaces that"
          f" really are in the corpus: {real_rate:.2f} false changes per 10,000 tokens without them")
    for line in defect_examples:
        print(f"    e.g. {line}")
    print(f"first {len(examples)} false changes or flags on clean text (the corpus defects above left out):")
    for line in examples:
        print(f"  {line}")
    return rate, real_rate


def load_sentences(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [text for line in handle if line.strip() and (text := json.loads(line).get("text"))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=5000, help="corrupted sentences to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", type=int, default=20, help="false changes on clean text to show")
    parser.add_argument("--misses", type=int, default=10, help="misses and false positives to show per family")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}")
        return 0

    sentences = load_sentences(args.corpus)
    started = time.perf_counter()
    items = corrupt_corpus(sentences, args.n, seed=args.seed)
    generated = time.perf_counter() - started
    counts = Counter(t.kind for item in items for t in item.truths)
    print(f"corpus: {args.corpus} ({len(sentences)} texts); seed {args.seed}")
    print(f"generated {len(items)} corrupted sentences with {sum(counts.values())} defects in {generated:.2f}s:")
    print("  " + ", ".join(f"{k} {counts[k]}" for k in DEFECT_KINDS))

    started = time.perf_counter()
    repairer, missing = build_repairer()
    print(f"repairer built in {time.perf_counter() - started:.2f}s"
          + (f"; MISSING modules (their steps are left out): {', '.join(missing)}" if missing else
             "; all repair modules present"))

    started = time.perf_counter()
    results = [repairer.repair(item.text).repairs for item in items]
    elapsed = time.perf_counter() - started
    chars = sum(len(item.text) for item in items)
    print(f"repaired {len(items)} corrupted sentences in {elapsed:.2f}s ({chars / elapsed / 1000:.0f}k chars/s)")

    tally = score(items, results)
    print_kinds(tally)
    figures = print_families(tally)
    print_examples("missed defects", tally.misses, args.misses)
    print_examples("false positives on corrupted text (repairs matching no truth of their family)",
                   tally.false_positives, args.misses)
    rate, real_rate = clean_run(repairer, [item.clean for item in items], args.examples)

    glued_p, glued_r = figures["glued"]
    foreign_r = figures["foreign"][1]
    print("\ntargets:")
    print(f"  glued precision {glued_p:.1f}% >= {TARGETS['glued_precision']:.0f}%: "
          f"{flag(glued_p >= TARGETS['glued_precision'])}")
    print(f"  glued recall {glued_r:.1f}% >= {TARGETS['glued_recall']:.0f}%: "
          f"{flag(glued_r >= TARGETS['glued_recall'])}")
    print(f"  foreign detection recall {foreign_r:.1f}% >= {TARGETS['foreign_recall']:.0f}%: "
          f"{flag(foreign_r >= TARGETS['foreign_recall'])}")
    print(f"  clean text {real_rate:.2f} false changes per 10,000 tokens <= {TARGETS['clean_per_10k']:.0f}: "
          f"{flag(real_rate <= TARGETS['clean_per_10k'])} ({rate:.2f} counting the fixes of real invisible-character"
          f" and double-space defects: {flag(rate <= TARGETS['clean_per_10k'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
