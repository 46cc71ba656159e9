"""Noun-phrase helpers over a ParsedDoc: role nouns, phrase heads and edges, with precomputed keys.

Kept apart from the passes so a later coreference pass can reuse them ("the Minsk dictator").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from detente.actors.dictionary import ActorDictionary, AliasTarget
from detente.actors.text import fold, norm
from detente.models import Actor, Mention, ParsedDoc

MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod", "npadvmod"})
NP_LEFT_DEPS = frozenset({"det", "predet", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "advmod"})
NP_INNER_POS = frozenset({"ADJ", "NOUN", "PROPN", "PART", "ADV", "NUM"})
NP_LEFT_POS = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON"})  # not "Kurdish-led" VERBs
FORMER = frozenset({"former", "ex", "exiled", "ousted", "deposed", "late"})
ELI_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})  # offices a "former" holder leaves
NAME_ENTITIES = frozenset({"PERSON", "GPE", "NORP"})
ROLE_WINDOW = 4  # how far right of a name its role noun may stand ("Russian foreign ministry")


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """One document being resolved: the doc, the dictionary, the date and per-token lookup keys."""

    doc: ParsedDoc
    dictionary: ActorDictionary
    date: dt.date
    norms: tuple[str, ...]
    lemmas: tuple[str, ...]
    # Tokens spaCy put in a name entity: a name written in lower case there is still a name
    # ("President obama", "tunisian rioters"), while "a turkey" or "china plates" are words.
    named: frozenset[int] = frozenset()

    @classmethod
    def build(cls, doc: ParsedDoc, dictionary: ActorDictionary, date: dt.date) -> ResolveContext:
        norms = tuple(norm(t.text) for t in doc.tokens)
        lemmas = tuple(norm(t.lemma) if t.lemma else n for t, n in zip(doc.tokens, norms, strict=True))
        named = frozenset(
            i for e in doc.entities if e.label in NAME_ENTITIES for i in range(e.token_start, e.token_end)
        )
        return cls(doc, dictionary, date, norms, lemmas, named)

    def mention(self, start: int, end: int, actor: Actor | None, how: str) -> Mention:
        """A Mention over tokens [start, end) with original-text offsets and its head token."""
        tokens = self.doc.tokens
        char_start, char_end = tokens[start].start, tokens[end - 1].end
        text = self.doc.text[char_start:char_end]
        if actor is not None:
            actor = actor.with_text(text)
        return Mention(char_start, char_end, text, actor, tokens[start].sentence, start, end,
                       head_of(self.doc, start, end), how)

    def same_sentence(self, i: int, j: int) -> bool:
        return self.doc.tokens[i].sentence == self.doc.tokens[j].sentence


def head_of(doc: ParsedDoc, start: int, end: int) -> int:
    """The span's head: its (last) token whose syntactic head lies outside the span."""
    outside = [t.i for t in doc.tokens[start:end] if t.head == t.i or not start <= t.head < end]
    return outside[-1] if outside else end - 1


def match_at(ctx: ResolveContext, i: int) -> tuple[int, AliasTarget] | None:
    """The longest dictionary alias starting at token i: (end, target), or None."""
    norms, tokens = ctx.norms, ctx.doc.tokens
    for key in ctx.dictionary.candidates(norms[i]):
        end = i + len(key)
        if end > len(norms) or norms[i:end] != key or not ctx.same_sentence(i, end - 1):
            continue
        for target in ctx.dictionary.targets(key):
            if target.exact is not None and tuple(fold(t.text) for t in tokens[i:end]) != target.exact:
                continue
            if (
                target.capitalised
                and not tokens[i].text[:1].isupper()
                and not _lower_case_name(ctx, i)
                and not _lower_case_demonym(ctx, i, end, target.source)
            ):
                continue
            if target.needs_the and (i == 0 or norms[i - 1] != "the"):
                continue
            return end, target
    return None


def _lower_case_demonym(ctx: ResolveContext, i: int, end: int, source: str) -> bool:
    """ "the russian troops", as translations write it: a nationality in lower case, read as an adjective of
    the noun after it (not "polish the boots")."""
    tokens = ctx.doc.tokens
    return (
        source == "demonym"
        and end - i == 1
        and tokens[i].pos == "ADJ"
        and end < len(tokens)
        and tokens[end].pos in {"NOUN", "PROPN"}
        and tokens[i].head == end
    )


def _lower_case_name(ctx: ResolveContext, i: int) -> bool:
    """A name written in lower case: spaCy still reads a name there, and no determiner makes it a
    common noun ("the china shop", "a turkey")."""
    return i in ctx.named and (i == 0 or ctx.doc.tokens[i - 1].pos != "DET")


def role_at(ctx: ResolveContext, head: int, lowest: int) -> str | None:
    """The sector of the longest role phrase ending at `head` and starting at or after `lowest`."""
    longest = min(ctx.dictionary.role_max, head - lowest + 1)
    for size in range(longest, 0, -1):
        words = ctx.norms[head - size + 1:head + 1]
        sector = ctx.dictionary.role_sector(words)
        if sector is None and ctx.lemmas[head] != words[-1]:
            sector = ctx.dictionary.role_sector((*words[:-1], ctx.lemmas[head]))
        if sector is not None:
            return sector
    return None


def modified_noun(ctx: ResolveContext, start: int, end: int) -> int | None:
    """The noun the span [start, end) modifies, if it stands just to its right in the same phrase."""
    tokens = ctx.doc.tokens
    last = tokens[end - 1]
    head = last.head
    near = end <= head <= end + ROLE_WINDOW and ctx.same_sentence(start, head)
    if last.dep in MODIFIER_DEPS and near and all(tokens[k].pos in NP_INNER_POS for k in range(end, head + 1)):
        return head
    # A parser may attach the name elsewhere; a noun right after it still heads the phrase.
    if end < len(tokens) and tokens[end].pos == "NOUN" and ctx.same_sentence(start, end):
        after = tokens[end + 1] if end + 1 < len(tokens) else None
        if after is None or after.pos not in ("NOUN", "PROPN", "PART"):
            return end
    return None


def phrase_start(ctx: ResolveContext, start: int, head: int, floor: int) -> int:
    """Extend a phrase left over its determiners and modifiers ("the two Russian armies")."""
    tokens = ctx.doc.tokens
    while start - 1 >= floor and ctx.same_sentence(start - 1, head):
        before = tokens[start - 1]
        if before.dep not in NP_LEFT_DEPS or before.pos not in NP_LEFT_POS or not start - 1 < before.head <= head:
            break
        start -= 1
    return start


def former_holder(ctx: ResolveContext, start: int, end: int, sector: str) -> str:
    """PLOVER codes former officials ELI: "former Malagasy president" is not the government."""
    if sector in ELI_SECTORS and any(ctx.norms[k] in FORMER for k in range(start, end)):
        return "ELI"
    return sector


def with_article(ctx: ResolveContext, start: int, end: int, floor: int) -> int:
    """Include a preceding "the" that belongs to the name ("the Kremlin", "the West")."""
    before = start - 1
    if before >= floor and ctx.norms[before] == "the" and start <= ctx.doc.tokens[before].head < end:
        return before
    return start


def sector_in_span(ctx: ResolveContext, start: int, end: int) -> str | None:
    """The sector of the right-most role word inside a span ("Belarusian Defence Ministry" → MIL)."""
    for k in range(end - 1, start - 1, -1):
        sector = role_at(ctx, k, start)
        if sector is not None:
            return sector
    return None
