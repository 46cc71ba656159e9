"""The surface repair step: mojibake, entities, tags, controls and whitespace, with exact offsets."""

from __future__ import annotations

import itertools
import random
import time

import pytest

from detente.models import Repair
from detente.repair import apply_repairs
from detente.repair.base import CONTROL, ENCODING, HTML_ENTITY, MARKUP, WHITESPACE
from detente.repair.encoding import EncodingRepair

STEP = EncodingRepair()


def _check(text: str) -> list[Repair]:
    """find() plus the invariants every result must meet."""
    repairs = STEP.find(text)
    for repair in repairs:
        assert text[repair.start : repair.end] == repair.original
        assert repair.language is None
        assert repair.kind in STEP.kinds
    for left, right in itertools.pairwise(repairs):
        assert left.end <= right.start
    return repairs


def _clean(text: str) -> str:
    return apply_repairs(text, _check(text)).text


# --- ENCODING --------------------------------------------------------------------------------------


def test_mojibake_gets_exact_minimal_offsets() -> None:
    text = "The Ã©cole said donâ€™t."
    repairs = _check(text)
    assert [(r.start, r.end, r.original, r.replacement, r.kind, r.confidence) for r in repairs] == [
        (4, 6, "Ã©", "é", ENCODING, 0.9),
        (19, 22, "â€™", "’", ENCODING, 0.9),
    ]
    assert apply_repairs(text, repairs).text == "The école said don’t."


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("â€œPeaceâ€\x9d, he said", "“Peace”, he said"),
        ("ZÃ¼rich and SÃ£o Paulo", "Zürich and São Paulo"),
        ("ÃƒÂ©tÃƒÂ©", "été"),  # double-encoded
        ("Å\x81Ã³dÅº", "Łódź"),
        ("ÐœÐ¾Ñ\x81ÐºÐ²Ð°", "Москва"),
        ("Ø§Ù„Ù‚Ø§Ù‡Ø±Ø©", "القاهرة"),
        ("Ã‘andÃº", "Ñandú"),
        ("Ã\xa0 la carte", "à la carte"),
        ("costs Â£5 at 10Â°C", "costs £5 at 10°C"),
        ("don\x92t", "don’t"),  # a cp1252 byte read as Latin-1
        ("war â€” again", "war — again"),
    ],
)
def test_mojibake_is_fixed(broken: str, fixed: str) -> None:
    assert _clean(broken) == fixed


def test_unfixable_candidate_still_loses_its_controls() -> None:
    # "é" + soft hyphen looks like a mojibake pair, but ftfy keeps it: the soft hyphen is still removed.
    text = "café\xadteria"
    assert [(r.start, r.end, r.kind) for r in _check(text)] == [(4, 5, CONTROL)]
    assert _clean(text) == "caféteria"


# --- HTML_ENTITY -----------------------------------------------------------------------------------


def test_entities_are_unescaped() -> None:
    text = "AT&amp;T said &quot;no&quot; &#8217; &#x2019; a&nbsp;b &amp;quot;x"
    repairs = _check(text)
    assert all(r.kind == HTML_ENTITY and r.confidence == 1.0 for r in repairs)
    assert (repairs[0].start, repairs[0].end, repairs[0].replacement) == (2, 7, "&")
    assert apply_repairs(text, repairs).text == 'AT&T said "no" ’ ’ a b "x'


def test_unknown_or_unterminated_entities_are_kept() -> None:
    assert _check("R&D &foo; AT&T & co") == []


def test_nbsp_entity_between_spaces_does_not_double_the_space() -> None:
    assert _clean("a &nbsp; b") == "a b"


# --- MARKUP ----------------------------------------------------------------------------------------


def test_tags_are_removed_with_exact_offsets() -> None:
    text = '<p>The <a href="https://x.org/a?b=1">Kremlin</a> said.</p>'
    repairs = _check(text)
    assert [(r.start, r.end, r.original, r.replacement, r.kind) for r in repairs] == [
        (0, 3, "<p>", "", MARKUP),
        (7, 37, '<a href="https://x.org/a?b=1">', "", MARKUP),
        (44, 48, "</a>", "", MARKUP),
        (54, 58, "</p>", "", MARKUP),
    ]
    assert apply_repairs(text, repairs).text == "The Kremlin said."


def test_block_tag_between_words_leaves_a_space() -> None:
    assert _clean("word<br>word") == "word word"
    assert _clean("one.</p><p>Two") == "one. Two"
    assert _clean("the <b>Kremlin</b>'s view") == "the Kremlin's view"  # inline: nothing added


def test_tag_between_spaces_does_not_leave_a_double_space() -> None:
    assert _clean("the <b> Kremlin") == "the Kremlin"


def test_paragraph_tags_keep_the_newlines() -> None:
    assert _clean("<p>One.</p>\n\n<p>Two.<br/></p>") == "One.\n\nTwo."


@pytest.mark.parametrize("text", ["a < b > c", "I <3 it", "x<5 and y>3", "<< >>", "a <-> b", "1 < 2"])
def test_things_that_are_not_tags_are_kept(text: str) -> None:
    assert _check(text) == []


def test_html_comment_is_removed() -> None:
    assert _clean("Kyiv<!-- ad slot --> said") == "Kyiv said"


# --- CONTROL ---------------------------------------------------------------------------------------


def test_controls_and_zero_width_characters_are_removed() -> None:
    text = "Pu\x00tin\u200b met\ufeff Lu\u00adkashenka\x07."
    repairs = _check(text)
    assert [(r.start, r.end, r.replacement, r.kind) for r in repairs] == [
        (2, 3, "", CONTROL),
        (6, 7, "", CONTROL),
        (11, 12, "", CONTROL),
        (15, 16, "", CONTROL),
        (24, 25, "", CONTROL),
    ]
    assert apply_repairs(text, repairs).text == "Putin met Lukashenka."


def test_control_between_spaces_does_not_leave_a_double_space() -> None:
    assert _clean("met \u200b Lukashenka") == "met Lukashenka"


def test_form_feed_between_words_becomes_a_space() -> None:
    assert _clean("end.\x0cNext") == "end. Next"


def test_tabs_and_newlines_are_not_controls() -> None:
    assert _check("a\tb\nc\r\nd") == []


# --- WHITESPACE ------------------------------------------------------------------------------------


def test_space_runs_inside_a_line_collapse() -> None:
    text = "Putin  said\t\tthat \u00a0the\u202f war"
    repairs = _check(text)
    assert [(r.start, r.end, r.original, r.replacement, r.kind) for r in repairs] == [
        (5, 7, "  ", " ", WHITESPACE),
        (11, 13, "\t\t", " ", WHITESPACE),
        (17, 19, " \u00a0", " ", WHITESPACE),
        (22, 24, "\u202f ", " ", WHITESPACE),
    ]
    assert apply_repairs(text, repairs).text == "Putin said that the war"


def test_a_single_no_break_space_between_words_is_good_typography() -> None:
    assert _check("over 26\u00a0kg and 57\u202flb") == []


def test_line_structure_indentation_and_final_whitespace_are_kept() -> None:
    text = "First  line.\n\n    Indented line.   \nLast.  \n\n  "
    assert _clean(text) == "First line.\n\n    Indented line.   \nLast.  \n\n  "


def test_nbsp_in_indentation_keeps_its_width() -> None:
    assert _clean("\u00a0\u00a0Indented") == "  Indented"


# --- clean text, offsets, speed --------------------------------------------------------------------

CLEAN_TEXT = (
    "President Recep Tayyip Erdoğan met Sviatlana Tsikhanouskaya in São Paulo on Monday — a “surprise” "
    "visit, officials said. Envoys from Łódź and Zürich, Señor Ñandú’s «team» and José’s aides attended.\n\n"
    "Москва заявила о переговорах. وقالت القاهرة إنها ترحب. 北京表示欢迎。 Αθήνα σιωπά.\n"
    "„Wir begrüßen das“, sagte Müller; «la città è pronta», disse. Il a été «clair». ¿Qué? ¡Sí! "
    "Nguyễn Phú Trọng, İstanbul, Ankara’nın, Dvořák, naïve—yes… © 2024 Reuters. a < b > c, I <3 it.\n"
    "R&D costs rose 5% to €10m (£8m); AT&T\tdeclined.\n"
)


def test_clean_text_yields_no_repairs() -> None:
    assert _check(CLEAN_TEXT) == []


def test_repaired_offsets_map_back_to_the_original() -> None:
    text = "<p>ErdoÄ\x9fan met Ã‘andÃº&nbsp;in  SÃ£o\u200b Paulo.</p>"
    repaired = apply_repairs(text, _check(text))
    assert repaired.text == "Erdoğan met Ñandú in São Paulo."
    for word, original in [("Erdoğan", "ErdoÄ\x9fan"), ("met", "met"), ("Ñandú", "Ã‘andÃº"), ("Paulo", "Paulo")]:
        start = repaired.text.index(word)
        o_start, o_end = repaired.to_original(start, start + len(word))
        assert text[o_start:o_end] == original


def test_random_mixtures_keep_the_invariants() -> None:
    pieces = ["Ã©", "â€™", "&amp;", "&foo;", "<b>", "</p>", "<3", "\x00", "\u200b", "  ", "\u00a0", "\n", " ",
              "Erdoğan", "é", "’", "word", "&", "<", "\x92", "\xad", "\t", "Москва", "&nbsp;"]
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        repairs = _check(text)
        repaired = apply_repairs(text, repairs)
        # Every untouched stretch of the original maps back to itself (its end may take in deletions
        # right after it: that is OffsetMap's choice for end offsets).
        cursor = shift = 0
        for i, repair in enumerate([*repairs, Repair(len(text), len(text), "", "", CONTROL)]):
            if repair.start > cursor:
                start = cursor + shift
                assert repaired.text[start : start + repair.start - cursor] == text[cursor : repair.start]
                deleted_to = repair.start
                for later in repairs[i:]:
                    if later.start != deleted_to or later.replacement:
                        break
                    deleted_to = later.end
                o_start, o_end = repaired.to_original(start, start + repair.start - cursor)
                assert o_start == cursor
                assert repair.start <= o_end <= deleted_to
            shift += len(repair.replacement or "") - (repair.end - repair.start)
            cursor = repair.end


def test_a_long_article_is_fast() -> None:
    unit = CLEAN_TEXT + "Ã©cole donâ€™t &amp; <p>Hello</p> a  b\u00a0c x\u200by\n"
    text = unit * (200_000 // len(unit) + 1)
    began = time.perf_counter()
    repairs = STEP.find(text)
    assert time.perf_counter() - began < 0.5
    assert len(repairs) > 1000
