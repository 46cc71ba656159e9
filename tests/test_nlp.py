"""The parser adapter: what spaCy sees, and offsets that still point into the original text."""

from __future__ import annotations

import pytest

from detente.nlp import Parser, plain_spaces

pytestmark = pytest.mark.model


def test_typographic_spaces_parse_as_spaces_and_keep_offsets() -> None:
    text = "A Mw\u202f6.3 earthquake strikes Esmeraldas,\u00a0Ecuador."
    assert len(plain_spaces(text)) == len(text)
    doc = Parser().parse(text)
    assert all(not t.text.isspace() for t in doc.tokens)  # no token made of a no-break space
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)


def test_square_brackets_parse_as_parentheses_and_keep_offsets() -> None:
    text = "Lukashenko offered Belarusian territory [for the withdrawal of Wagner], and this is a help."
    doc = Parser().parse(text)
    brackets = {("(", "["), (")", "]")}  # what the parser read, where the original has a bracket
    assert all(text[t.start : t.end] == t.text or (t.text, text[t.start : t.end]) in brackets for t in doc.tokens)
    by_text = {t.text: t for t in doc.tokens}
    assert by_text["for"].head == by_text["offered"].i  # the phrase hangs on the verb, not on the next clause
