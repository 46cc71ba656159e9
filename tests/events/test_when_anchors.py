"""The time anchor table: validated on load, resolved with the article's context and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events.anchors import AnchorTable, default_anchors, load_anchors
from detente.events.when import normalise

PUBLISHED = dt.date(2023, 7, 2)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "time_anchors.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_bundled_table_loads_and_names_its_anchors() -> None:
    table = default_anchors()
    names = {a.name for a in table.anchors}
    assert "the 2020 Belarusian presidential election" in names
    assert "Russia's full-scale invasion of Ukraine" in names
    assert table.finder is not None


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("the 2020 belarusian election", "2020-08-09"),
        ("the belarusian presidential election of 2020", "2020-08-09"),
        ("russia's full-scale invasion of ukraine", "2022-02-24"),
        ("prigozhin's rebellion", "2023-06-23"),
        ("the wagner mutiny", "2023-06-23"),
        ("the covid-19 pandemic", "2020-03-11"),
        ("the 2008 financial crisis", "2008-09-15"),
        ("9/11", "2001-09-11"),
        ("the september 11 attacks", "2001-09-11"),
        ("the arab spring", "2011"),
        ("the annexation of crimea", "2014-02-27"),
        ("the october 7 attack", "2023-10-07"),
        ("the fall of the berlin wall", "1989-11-09"),
        ("the collapse of the soviet union", "1991-12-26"),
    ],
)
def test_named_anchors_resolve_without_context(phrase: str, start: str) -> None:
    resolved = default_anchors().resolve(phrase, dt.date(2024, 1, 1))
    assert resolved is not None and resolved.specific
    assert resolved.anchor.start == start


def test_generic_phrases_take_the_anchor_the_context_points_to() -> None:
    table = default_anchors()
    phrase = "the outbreak of war"
    assert table.resolve(phrase, PUBLISHED) is None
    ukraine = table.resolve(phrase, PUBLISHED, article_words={"belarus", "lukashenko"})
    assert ukraine is not None and ukraine.anchor.start == "2022-02-24" and not ukraine.specific
    gaza = table.resolve(phrase, dt.date(2024, 2, 1), article_words={"gaza", "hamas"})
    assert gaza is not None and gaza.anchor.start == "2023-10-07"
    # Both stories in the article: the sentence's own words decide.
    both = {"gaza", "hamas", "ukraine", "russia"}
    sentence = table.resolve(phrase, dt.date(2024, 2, 1), sentence_words={"israel"}, article_words=both)
    assert sentence is not None and sentence.anchor.start == "2023-10-07"
    # An anchor is only known to articles published after it began.
    donbas = table.resolve(phrase, dt.date(2019, 5, 1), article_words={"ukraine", "donetsk"})
    assert donbas is not None and donbas.anchor.start == "2014-04-06"


def test_the_same_words_name_different_elections_by_context() -> None:
    table = default_anchors()
    belarus = table.resolve("the 2020 presidential election", PUBLISHED, article_words={"lukashenko"})
    usa = table.resolve("the 2020 presidential election", PUBLISHED, article_words={"biden", "trump"})
    assert belarus is not None and belarus.anchor.start == "2020-08-09"
    assert usa is not None and usa.anchor.start == "2020-11-03"


def test_a_user_table_is_used_when_given(tmp_path: Path) -> None:
    table = load_anchors(write(tmp_path, """
anchors:
  - name: the Treaty of Lisbon
    start: 2009-12-01
    patterns: ["lisbon treaty", "treaty of lisbon"]
"""))
    assert isinstance(table, AnchorTable)
    when = normalise("since the Lisbon Treaty", PUBLISHED, anchors=table)
    assert when is not None and (when.start, when.end, when.granularity) == ("2009-12", "2023-07-02", "month")
    assert normalise("since the Lisbon Treaty", PUBLISHED) is None  # not in the bundled table


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[]", "one key, `anchors`"),
        ("anchors:\n  - {start: '2020', patterns: [x]}", "`name` must be"),
        ("anchors:\n  - {name: a, start: '2020-13', patterns: [x]}", "expected YYYY"),
        ("anchors:\n  - {name: a, start: '2021-02-30', patterns: [x]}", "not a date"),
        ("anchors:\n  - {name: a, start: '2021', end: '2020', patterns: [x]}", "before start"),
        ("anchors:\n  - {name: a, start: '2021', patterns: [x], when: y}", "unknown keys"),
        ("anchors:\n  - {name: a, start: '2021'}", "needs `patterns`"),
        ("anchors:\n  - {name: a, start: '2021', generic: [x]}", "need `context`"),
        ("anchors:\n  - {name: a, start: '2021', patterns: ['(x']}", "'(x'"),
        ("anchors:\n  - {name: a, start: '2021', patterns: ['(x)']}", "not capturing"),
        ("anchors:\n  - {name: a, start: '2021', patterns: ['The war']}", "lower-case"),
        ("anchors:\n  - {name: a, start: '2021', patterns: [x]}\n  - {name: a, start: '2021', patterns: [y]}",
         "listed twice"),
        ("anchors:\n  - {name: a, start: '2021', generic: [x], context: ['Two Words']}", "lower-case words"),
    ],
)
def test_invalid_tables_are_rejected_with_the_entry_named(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(DataFileError) as error:
        load_anchors(write(tmp_path, body))
    assert message in str(error.value)
    assert "time_anchors.yaml" in str(error.value)
