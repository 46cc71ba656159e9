"""Text normalisation shared by the dictionary (alias keys) and the resolver (token keys).

Both sides must normalise the same way, so an alias written in a data file and a token read from
an article meet on one key: case-folded, accents folded ("Élysée" = "Elysee"), curly quotes made
straight. Aliases are split into tokens the way spaCy's English tokenizer splits them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"'})
_LETTER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
ARTICLES = frozenset({"the"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Straight quotes and no accents, case kept: the form acronyms are compared in."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """The lookup form of one token: folded and case-folded."""
    return fold(text).casefold()


def split_alias(alias: str) -> list[str]:
    """Split an alias into tokens as spaCy would ("al-Qaeda" → al - Qaeda, "Putin's" → Putin 's)."""
    tokens: list[str] = []
    for chunk in fold(alias).split():
        tail: list[str] = []
        while chunk.endswith((",", ";", ":")) and len(chunk) > 1:
            tail.insert(0, chunk[-1])
            chunk = chunk[:-1]
        possessive = _POSSESSIVE.search(chunk) if len(chunk) > 2 and not chunk.endswith(".'") else None
        if possessive and chunk[: possessive.start()].isalpha():
            tail.insert(0, possessive.group())
            chunk = chunk[: possessive.start()]
        tokens.extend(part for part in _LETTER_HYPHEN.sub(" - ", chunk).split())
        tokens.extend(tail)
    return tokens


def alias_key(alias: str, *, strip_article: bool = True) -> tuple[str, ...]:
    """The normalised token tuple an alias is indexed under (leading "the" and possessive dropped)."""
    tokens = [norm(t) for t in split_alias(alias.strip())]
    if strip_article and len(tokens) > 1 and tokens[0] in ARTICLES:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[-1] in ("'s", "'"):
        tokens = tokens[:-1]
    return tuple(tokens)


def exact_key(alias: str) -> tuple[str, ...]:
    """Folded but case-kept tokens, for acronyms that must match case ("US" but not "us")."""
    tokens = split_alias(alias.strip())
    if len(tokens) > 1 and tokens[0].casefold() in ARTICLES:
        tokens = tokens[1:]
    return tuple(tokens)


def is_acronym(alias: str) -> bool:
    """An alias with capitals and no lower-case letter ("UN", "U.S.", "G7") is matched case-sensitively."""
    letters = [c for c in fold(alias) if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def starts_upper(alias: str) -> bool:
    """Whether the first word after an optional "the" is capitalised (a proper name)."""
    tokens = split_alias(alias.strip())
    if len(tokens) > 1 and tokens[0].casefold() in ARTICLES:
        tokens = tokens[1:]
    return bool(tokens) and tokens[0][:1].isupper()
