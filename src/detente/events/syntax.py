"""Read-only helpers over the dependency parse in a ParsedDoc (built once per document)."""

from __future__ import annotations

from collections import defaultdict

from detente.models import Mention, ParsedDoc, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


class Tree:
    """Children, subtrees and mention lookups for one parsed document."""

    def __init__(self, doc: ParsedDoc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        kids: dict[int, list[int]] = defaultdict(list)
        for token in doc.tokens:
            if token.head != token.i:
                kids[token.head].append(token.i)
        self._children = kids
        self._mention_at: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: m.token_end - m.token_start):
            for i in range(mention.token_start, mention.token_end):
                self._mention_at.setdefault(i, mention)  # the narrowest mention wins

    def children(self, i: int, *deps: str) -> list[Token]:
        found = [self.tokens[c] for c in self._children.get(i, ())]
        return [t for t in found if t.dep in deps] if deps else found

    def child_lemmas(self, i: int) -> set[str]:
        return {t.lemma.lower() for t in self.children(i)}

    def head(self, i: int) -> Token | None:
        token = self.tokens[i]
        return None if token.head == i else self.tokens[token.head]

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(self._children.get(current, ()))
        return sorted(out)

    def ancestors(self, i: int) -> list[Token]:
        chain, seen = [], {i}
        head = self.head(i)
        while head is not None and head.i not in seen:
            chain.append(head)
            seen.add(head.i)
            head = self.head(head.i)
        return chain

    def conjuncts(self, i: int) -> list[int]:
        """The token and the tokens coordinated with it ("Moscow and Minsk")."""
        out = [i]
        for child in self.children(i, "conj"):
            out.extend(self.conjuncts(child.i))
        return out

    def mention_at(self, i: int) -> Mention | None:
        return self._mention_at.get(i)

    def mention_for(self, i: int) -> Mention | None:
        """The actor mention a noun phrase headed at token i refers to.

        The phrase's own mention first; then a mention among its modifiers ("the US leader",
        "Wagner's columns"); then "the leaders of Russia". A relative pronoun points to the noun
        its clause modifies ("the economy, which is reorienting").
        """
        token = self.tokens[i]
        if token.text.lower() in RELATIVE_PRONOUNS:
            clause = self.head(i)
            antecedent = self.head(clause.i) if clause is not None and clause.dep == "relcl" else None
            if antecedent is not None:
                return self.mention_for(antecedent.i)
        found = self.mention_at(i)
        if found is not None:
            return found
        for child in self.children(i, "compound", "amod", "poss", "nmod", "npadvmod"):
            found = self.mention_at(child.i)
            if found is not None:
                return found
        for prep in self.children(i, "prep"):
            if prep.lemma.lower() in {"of", "from"}:
                for obj in self.children(prep.i, "pobj"):
                    found = self.mention_at(obj.i)
                    if found is not None:
                        return found
        return None
