"""What every repair step shares: the step interface and the kinds a setting can switch on or off."""

from __future__ import annotations

from typing import Protocol

from detente.models import Repair

# Repair kinds, as recorded in Repair.kind and named in settings ([repair] kinds = {...}).
ENCODING = "encoding"  # mojibake ("Ã©" → "é"), fixed with ftfy
HTML_ENTITY = "html_entity"  # "&amp;" → "&"
MARKUP = "markup"  # leftover HTML tags, removed
CONTROL = "control"  # control and zero-width characters, removed
WHITESPACE = "whitespace"  # runs of spaces, non-breaking spaces
GLUED = "glued"  # "Prigozhinexplaining" → "Prigozhin explaining"
FOREIGN_WORD = "foreign_word"  # a source-language word translated from a table ("e" → "and", "zar" → "tsar")
EXONYM = "exonym"  # a foreign name of a country or city ("Mosca" → "Moscow")
FOREIGN_SPAN = "foreign_span"  # untranslated source-language text, flagged only (replacement None)

ALL_KINDS: tuple[str, ...] = (
    ENCODING,
    HTML_ENTITY,
    MARKUP,
    CONTROL,
    WHITESPACE,
    GLUED,
    FOREIGN_WORD,
    EXONYM,
    FOREIGN_SPAN,
)
DEFAULT_SOURCE_LANGUAGES: tuple[str, ...] = ("it", "es", "fr", "de", "pt")


class RepairStep(Protocol):
    """Finds repairs in `text`; offsets are into the text it is given. Steps never edit text themselves."""

    @property
    def kinds(self) -> tuple[str, ...]: ...

    def find(self, text: str) -> list[Repair]: ...
