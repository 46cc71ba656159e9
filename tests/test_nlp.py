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
