"""The corruption generator: deterministic, every truth span right, every defect kind produced."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from detente.repair.base import (
    ENCODING,
    EXONYM,
    FOREIGN_SPAN,
    FOREIGN_WORD,
    GLUED,
    HTML_ENTITY,
    MARKUP,
)
from detente.repair.corrupt import (
    CITY_EXONYMS,
    CONJUNCTIONS,
    DEFECT_KINDS,
    FOREIGN_PHRASES,
    Corrupted,
    Corrupter,
    corrupt_corpus,
    exonym_table,
    mojibake,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

SENTENCES = (
    "Russian President Vladimir Putin and Belarusian leader Alexander Lukashenko meet in Moscow.",
    "Analyst Artyom Shraibman said the talks between Russia and Ukraine would resume in Geneva.",
    "Türkiye's foreign minister says Israel's strikes on Gaza and Lebanon must stop & talks resume.",
    "The European Union imposes new sanctions on Iran and Venezuela over the crackdown.",
    "Protesters in Beijing and Warsaw rally against the government's new \"security\" law – police say.",
    "France and Germany agree to send more air defence systems to Kyiv, the ministers said.",
)


def _check(corrupted: Corrupted) -> None:
    """Each truth's span is its corrupted form and replacing the spans gives the clean text back."""
    assert corrupted.restore() == corrupted.clean
    for truth in corrupted.truths:
        span = corrupted.text[truth.start : truth.end]
        assert span, truth
        assert truth.kind in DEFECT_KINDS
        if truth.kind == FOREIGN_SPAN:
            assert truth.original_clean == "" and truth.expected is None
            assert corrupted.text[truth.start - 1] == " "
        else:
            assert truth.expected is not None and span != truth.original_clean
    starts = [t.start for t in corrupted.truths]
    assert starts == sorted(starts)


def test_same_seed_same_output() -> None:
    first = corrupt_corpus(SENTENCES, 30, seed=7)
    assert first == corrupt_corpus(SENTENCES, 30, seed=7)
    assert first != corrupt_corpus(SENTENCES, 30, seed=8)


@pytest.mark.parametrize("kind", DEFECT_KINDS)
def test_each_kind_is_planted_with_the_right_span(kind: str) -> None:
    corrupter = Corrupter(3)
    produced = 0
    for sentence in SENTENCES:
        corrupted = corrupter.corrupt(sentence, [kind])
        _check(corrupted)
        produced += len(corrupted.truths)
        assert all(t.kind == kind for t in corrupted.truths)
    assert produced >= 2  # only two sentences have a character to mojibake


def test_glued_removes_exactly_one_space() -> None:
    corrupter = Corrupter(1)
    for sentence in SENTENCES:
        corrupted = corrupter.corrupt(sentence, [GLUED])
        (truth,) = corrupted.truths
        span = corrupted.text[truth.start : truth.end]
        assert " " not in span and span == truth.original_clean.replace(" ", "")
        assert truth.expected == truth.original_clean and truth.original_clean.count(" ") == 1
        assert truth.variant in {"name_lower", "lower_name", "name_name", "lower_lower"}


def test_glued_shapes_all_occur() -> None:
    corrupter = Corrupter(5)
    shapes = {t.variant for _ in range(40) for s in SENTENCES for t in corrupter.corrupt(s, [GLUED]).truths}
    assert shapes == {"name_lower", "lower_name", "name_name", "lower_lower"}


def test_foreign_word_uses_the_language_conjunction() -> None:
    corrupted = Corrupter(2).corrupt(SENTENCES[0], [FOREIGN_WORD])
    (truth,) = corrupted.truths
    assert truth.language in CONJUNCTIONS
    assert corrupted.text[truth.start : truth.end] == CONJUNCTIONS[truth.language]
    assert truth.original_clean == truth.expected == "and"


def test_exonym_replaces_a_known_name() -> None:
    corrupted = Corrupter(4).corrupt("Officials met in Moscow on Monday.", [EXONYM])
    (truth,) = corrupted.truths
    assert truth.expected == "Moscow" and truth.language is not None
    assert corrupted.text[truth.start : truth.end] == CITY_EXONYMS["Moscow"][truth.language]


def test_exonym_skips_a_name_inside_a_longer_name() -> None:
    corrupted = Corrupter(4).corrupt("Floods hit New Mexico and the Moscow Oblast.", [EXONYM])
    assert corrupted.truths == ()


def test_country_exonyms_come_from_the_independent_sources() -> None:
    table = exonym_table()
    assert table["Germany"]["de"] == "Deutschland"
    assert table["Germany"]["pt"] == "Alemanha"  # countryinfo has no Portuguese: pycountry's catalogue
    assert all(name != foreign for name, names in table.items() for foreign in names.values())
    assert len(CITY_EXONYMS) >= 40


def test_foreign_phrases_have_three_to_six_words() -> None:
    for language, phrases in FOREIGN_PHRASES.items():
        assert language in CONJUNCTIONS
        assert all(3 <= len(p.split()) <= 6 for p in phrases), language


def test_mojibake_reads_utf8_as_windows_1252() -> None:
    assert mojibake("Sánchez") == "SÃ¡nchez"
    assert mojibake("Russia’s") == "Russiaâ€™s"
    assert mojibake("plain") == "plain"


def test_encoding_kinds_corrupt_the_expected_way() -> None:
    sentence = SENTENCES[2]
    corrupter = Corrupter(9)
    (enc,) = corrupter.corrupt(sentence, [ENCODING]).truths
    assert enc.original_clean in {"Türkiye's", "Israel's"} and enc.variant.startswith("mojibake")
    html = corrupter.corrupt(sentence, [HTML_ENTITY])
    (entity,) = html.truths
    assert html.text[entity.start] == "&" and html.text[entity.end - 1] == ";"
    markup = corrupter.corrupt(sentence, [MARKUP])
    (tag,) = markup.truths
    assert markup.text[tag.start] == "<" and markup.text[tag.end - 1] == ">"


def test_several_defects_stay_apart() -> None:
    corrupter = Corrupter(11)
    for sentence in SENTENCES:
        corrupted = corrupter.corrupt(sentence, DEFECT_KINDS)
        _check(corrupted)
        spans = [(t.start, t.end) for t in corrupted.truths]
        assert all(a_end < b_start for (_, a_end), (b_start, _) in pairwise(spans))


def test_corpus_spreads_over_every_kind() -> None:
    corrupted = corrupt_corpus(SENTENCES * 20, 120, seed=1)
    assert len(corrupted) == 120
    kinds = {t.kind for c in corrupted for t in c.truths}
    assert kinds == set(DEFECT_KINDS)
    for item in corrupted:
        _check(item)


@pytest.mark.shared
def test_on_the_shared_corpus() -> None:
    path = SHARED / "corpus" / "current-events.jsonl"
    if not path.exists():
        pytest.skip(f"../shared not found ({path}): this test needs the shared corpus beside the repository")
    with path.open(encoding="utf-8") as handle:
        sentences = [json.loads(line)["text"] for line in handle][:800]
    corrupted = corrupt_corpus(sentences, 500, seed=1)
    assert len(corrupted) == 500
    assert {t.kind for c in corrupted for t in c.truths} == set(DEFECT_KINDS)
    for item in corrupted:
        _check(item)
