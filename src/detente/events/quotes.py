"""Direct quotes and who said them: quoted spans in the original text, speaker from the parse."""

from __future__ import annotations

import re

from detente.events.modality import SPEECH_VERBS
from detente.events.syntax import Tree
from detente.models import Actor, Quote

# Curly, straight and angle quotes; a quote longer than this many characters is not a quotation
# but usually a stray quote mark pairing with another one far away.
QUOTED = re.compile(r"“([^”]{1,400})”|\"([^\"\n]{1,400})\"|«([^»]{1,400})»")
EXPLAIN_VERBS = SPEECH_VERBS | {"explain", "describe", "call", "insist", "stress", "write"}


def find_quotes(tree: Tree) -> list[Quote]:
    quotes: list[Quote] = []
    doc = tree.doc
    for match in QUOTED.finditer(doc.text):
        group = next(g for g in range(1, 4) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        quotes.append(Quote(start, end, doc.text[start:end], _speaker(tree, start)))
    return quotes


def _speaker(tree: Tree, char: int) -> Actor | None:
    sentence = next((s for s in tree.doc.sentences if s.start <= char < s.end), None)
    if sentence is None:
        return None
    tokens = tree.doc.tokens[sentence.token_start : sentence.token_end]
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    # The subject of a speech verb in the sentence, else the subject of the sentence's main verb.
    for verb in [t for t in tokens if t.lemma.lower() in EXPLAIN_VERBS] + ([root] if root else []):
        # "X helped Y, explaining that ...": a participle clause speaks with its main clause's subject,
        # whatever a misparse hangs under the participle itself.
        participle = verb.tag == "VBG" and verb.dep in {"advcl", "pcomp", "acl", "conj", "xcomp"}
        speaker_of = root if participle and root is not None else verb
        found = _subject_actor(tree, speaker_of.i)
        head = tree.head(verb.i)
        if found is None and head is not None and verb.dep in {"advcl", "conj", "xcomp"}:
            found = _subject_actor(tree, head.i)
        if found is not None:
            return found
    return None


def _subject_actor(tree: Tree, verb: int) -> Actor | None:
    for subject in tree.children(verb, "nsubj"):
        mention = tree.mention_for(subject.i)
        if mention is not None and mention.actor is not None:
            return mention.actor.with_text(mention.text)
    return None
