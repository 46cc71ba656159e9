"""Interviews: question/answer structure, who answers, and first-person pronouns in the answers.

A text has the interview shape when at least MIN_EXCHANGES question paragraphs (ending in "?", or starting
"Q:"/"Question:") are each directly followed by an answer paragraph, after a lede. The paragraphs before the
first question are the lede; the paragraphs after a question that are not questions are answers ("A:" marks one
too). Transcripts that label their paragraphs ("((WN)) ...", "((Dorsa Derakhshani)) ...", "Shraibman: ...") are
read by label: a recurring label used mostly on questions is the interviewer's, any other is a speaker, and an
unlabelled paragraph continues the answer before it.

Who answers: a speaker label names a person mention inside the label (or the one person mention sharing the
label's last word). Without labels, the interviewee is the person the lede introduces: named in the lede and
never in the answers (people do not name themselves while speaking), not the one told or spoken to ("told
Wikinews"), with a role beside the name ("Artyom Shraibman, Belarusian political analyst") or an interview cue
in the sentence ("told", "interview", "an analysis"); exactly one person must score best.

In the answers, "I"/"me"/"my"/"myself" are the speaker, and so is "we" as the subject of a verb of knowing
("we don't know", "we do not understand", "we fail to understand"); other uses of "we" (a group, the public)
and words inside quotation marks (someone else's speech) are left alone. The mentions are added with
how="coref". `find_interview` exposes the structure for quotes and claims: `Interview.speaker_at(offset)`,
`Interview.interviewee`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from detente.actors.spans import ResolveContext
from detente.models import Actor, Mention, ParsedDoc, Token

MIN_EXCHANGES = 2
MIN_LABEL_USES = 2  # a paragraph label counts once it recurs: "((WN))", "Shraibman:"
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL_SUBJECT = frozenset({"we"})
KNOWING = frozenset({"know", "think", "understand", "believe", "expect", "suppose", "assume", "doubt", "guess",
                     "realise", "realize", "predict"})
INTERVIEW_CUES = frozenset({"interview", "interviewed", "interviews", "told", "tells", "tell", "spoke", "speaks",
                            "talked", "talks", "analysis", "answers", "answered", "explains", "explained",
                            "conversation", "comments", "commented", "discusses", "discussed"})
HEARERS = frozenset({"tell", "told", "tells"})  # "X told Wikinews": Wikinews asks, X answers
HEARER_PREPS = frozenset({"to", "with"})  # "X spoke to/with Wikinews"
ROLE_DISTANCE = 2  # tokens between a name and its role phrase ("Artyom Shraibman, Belarusian political analyst")
_QUESTION_MARK = re.compile(r"\?[\s\"'”’»)\]*_]*$")
_Q_PREFIX = re.compile(r"^\s*(?:Q|Question)\s*[:.)\-–—]", re.IGNORECASE)
_A_PREFIX = re.compile(r"^\s*(?:A|Answer)\s*[:.)\-–—]", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:\(\(\s*(?P<paren>[^()\n]{1,60}?)\s*\)\)"
                    r"|\*{0,2}(?P<colon>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\*{0,2}\s*:\s)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


@dataclass(frozen=True, slots=True)
class Turn:
    """A paragraph of an interview: the lede, a question, or an answer and who gives it (None: unknown)."""

    start: int
    end: int
    kind: str  # lede | question | answer
    speaker: Actor | None = None
    label: str | None = None  # the paragraph's speaker label, if the transcript has them
    label_end: int | None = None  # where the label ("((WN))", "Shraibman:") ends in the text


@dataclass(frozen=True, slots=True)
class Interview:
    """The Q/A structure of a text, with character spans of the ORIGINAL text and who answers each question.

    `interviewee` is the one person answering (None when a transcript has several, e.g. two scientists)."""

    interviewee: Actor | None
    turns: tuple[Turn, ...]

    @property
    def questions(self) -> tuple[tuple[int, int], ...]:
        return tuple((t.start, t.end) for t in self.turns if t.kind == "question")

    @property
    def answers(self) -> tuple[tuple[int, int], ...]:
        return tuple((t.start, t.end) for t in self.turns if t.kind == "answer")

    def turn_at(self, offset: int) -> Turn | None:
        return next((t for t in self.turns if t.start <= offset < t.end), None)

    def in_label(self, offset: int) -> bool:
        """Whether the offset lies inside a speaker label: a name there is structure, not a mention in the talk."""
        turn = self.turn_at(offset)
        return turn is not None and turn.label_end is not None and offset < turn.label_end

    def in_answer(self, offset: int) -> bool:
        turn = self.turn_at(offset)
        return turn is not None and turn.kind == "answer"

    def speaker_at(self, offset: int) -> Actor | None:
        """Who speaks at a character offset of the original text: an answer's speaker, else None."""
        turn = self.turn_at(offset)
        return turn.speaker if turn is not None and turn.kind == "answer" else None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs: blocks between blank lines, or lines when there is no blank line."""
    separator = r"\n[ \t\r\f\v]*\n\s*" if re.search(r"\n[ \t\r\f\v]*\n", text) else r"\n\s*"
    spans, start = [], 0
    for match in re.finditer(separator, text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def qa_turns(text: str) -> list[Turn] | None:
    """The paragraphs as lede/question/answer turns (answers carry their speaker label, if any) when the text has
    the interview shape, else None. Speakers are not resolved here."""
    spans = paragraphs(text)
    bodies = [text[start:end].strip() for start, end in spans]
    found = [_label(body) for body in bodies]
    labels = [label for label, _ in found]
    label_ends = [start + len(text[start:end]) - len(text[start:end].lstrip()) + length
                  for (start, end), (_, length) in zip(spans, found, strict=True)]
    uses: dict[str, list[bool]] = {}
    for label, body in zip(labels, bodies, strict=True):
        if label is not None:
            uses.setdefault(label, []).append(bool(_QUESTION_MARK.search(body)))
    recurring = {label for label, asks in uses.items() if len(asks) >= MIN_LABEL_USES}
    asking = {label for label in recurring if sum(uses[label]) * 2 > len(uses[label])}
    kinds: list[str] = []
    speakers: list[str | None] = []
    for label, body in zip(labels, bodies, strict=True):
        label = label if label in recurring else None
        if label is not None:
            question = label in asking or bool(_Q_PREFIX.match(body))
            kinds.append("question" if question else "answer")
            speakers.append(None if question else label)
        elif _A_PREFIX.match(body):
            kinds.append("answer")
            speakers.append(None)
        elif _Q_PREFIX.match(body) or _QUESTION_MARK.search(body):
            kinds.append("question")
            speakers.append(None)
        elif kinds and kinds[-1] in ("question", "answer"):
            kinds.append("answer")  # an answer goes on over unlabelled paragraphs
            speakers.append(speakers[-1] if kinds[-2] == "answer" else None)
        else:
            kinds.append("lede")
            speakers.append(None)
    exchanges = sum(1 for k, after in pairwise(kinds) if k == "question" and after == "answer")
    if exchanges < MIN_EXCHANGES or kinds[0] != "lede":
        return None
    return [Turn(start, end, kind, label=speaker, label_end=label_end if label in recurring else None)
            for (start, end), kind, speaker, label, label_end
            in zip(spans, kinds, speakers, labels, label_ends, strict=True)]


def _label(body: str) -> tuple[str | None, int]:
    """The speaker label a paragraph starts with, and its length in the paragraph."""
    match = _LABEL.match(body)
    if match is None:
        return None, 0
    label = match.group("paren") or match.group("colon")
    if label is None or label.lower() in ("q", "question", "a", "answer"):
        return None, 0
    return label.strip(), match.end()


def find_interview(doc: ParsedDoc, mentions: Sequence[Mention]) -> Interview | None:
    """The interview structure and who answers, or None when the text is not an interview or no answer has a
    known speaker."""
    turns = qa_turns(doc.text)
    if turns is None:
        return None
    lede = [(t.start, t.end) for t in turns if t.kind == "lede"]
    answers = [(t.start, t.end) for t in turns if t.kind == "answer"]
    by_label = {label: _label_speaker(doc, mentions, turns, label) for label in {t.label for t in turns} if label}
    known = {_key(a): a for a in by_label.values() if a is not None}
    if by_label:
        interviewee = next(iter(known.values())) if len(known) == 1 else None
    else:
        interviewee = _interviewee(doc, mentions, lede, answers)
    resolved = []
    for turn in turns:
        speaker = by_label.get(turn.label) if turn.label else interviewee
        resolved.append(replace(turn, speaker=speaker if turn.kind == "answer" else None))
    if not any(t.speaker is not None for t in resolved):
        return None
    return Interview(interviewee, tuple(resolved))


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _is_person(mention: Mention) -> bool:
    actor = mention.actor
    return (actor is not None and actor.kind == "person" and mention.how != "coref"
            and (actor.id is not None or actor.name is not None))


def _key(actor: Actor) -> str:
    return actor.id or f"name:{(actor.name or '').casefold()}"


def _label_speaker(doc: ParsedDoc, mentions: Sequence[Mention], turns: Sequence[Turn], label: str) -> Actor | None:
    """The person a speaker label names: a person mention inside a labelled paragraph's label, else the person
    mention whose name ends with the label's last word (one known actor, or the fullest of unknown names:
    "((Naomi Martisius))" with "Dr Martisius" and "Dr. Naomi Martisius" in the text)."""
    for turn in turns:
        position = doc.text.find(label, turn.start, turn.start + len(label) + 8) if turn.label == label else -1
        if position < 0:
            continue
        for mention in mentions:
            inside = position <= mention.start and mention.end <= position + len(label)
            if inside and _may_speak(mention) and mention.actor is not None:
                return _as_person(mention.actor, label)
    last = label.split()[-1].casefold()
    found = {_key(m.actor): _as_person(m.actor, label) for m in mentions if _may_speak(m) and m.actor is not None
             and (m.actor.name or m.text).split()[-1].casefold() == last}
    exact = [a for a in found.values() if (a.name or "").casefold() == label.casefold()]
    if len(found) == 1 or len(exact) == 1:
        return exact[0] if exact else next(iter(found.values()))
    if found and all(a.id is None for a in found.values()):  # "Dr Martisius", "Naomi Martisius": the fullest name
        return max(found.values(), key=lambda a: len(a.name or ""))
    return None


def _may_speak(mention: Mention) -> bool:
    """A person, or a name the parser took for an organisation ("Perttu Ahola" tagged ORG) that a label calls a
    speaker; a known organisation is not a person."""
    actor = mention.actor
    return _is_person(mention) or (actor is not None and actor.id is None and bool(actor.name)
                                   and actor.kind == "org" and mention.how == "unknown")


def _as_person(actor: Actor, label: str) -> Actor:
    """The speaker as a person; an unknown one takes the label's fuller name ("((Jan Nowak))" over "Nowak")."""
    name = actor.name
    if actor.id is None and name and label.endswith(name) and len(label) > len(name):
        name = label
    return Actor(actor.id, name, actor.country, actor.sector, None, "person")


def _interviewee(doc: ParsedDoc, mentions: Sequence[Mention], lede: Sequence[tuple[int, int]],
                 answers: Sequence[tuple[int, int]]) -> Actor | None:
    named_in_answers = {_key(m.actor) for m in mentions if m.actor is not None and _is_person(m)
                        and _inside(m.start, answers)}
    scores: dict[str, tuple[int, Actor]] = {}
    for mention in mentions:
        if not _is_person(mention) or not _inside(mention.start, lede) or mention.actor is None:
            continue
        key = _key(mention.actor)
        if key in named_in_answers or _hears(doc, mention):
            continue
        score = 2 * _has_role(doc, mention, mentions) + 2 * _has_cue(doc, mention)
        if doc.tokens[mention.head].dep in ("nsubj", "nsubjpass"):
            score += 1
        if score >= 2 and score > scores.get(key, (0, mention.actor))[0]:
            scores[key] = (score, mention.actor.with_text(None))
    if not scores:
        return None
    ranked = sorted(scores.values(), key=lambda item: -item[0])
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None  # two people introduced alike: no single interviewee
    return ranked[0][1]


def _hears(doc: ParsedDoc, mention: Mention) -> bool:
    """The one told or spoken to ("X told Wikinews", "X spoke with the BBC") asks the questions."""
    head = doc.tokens[mention.head]
    governor = doc.tokens[head.head]
    if head.dep in ("dobj", "dative") and governor.text.lower() in HEARERS:
        return True
    return head.dep == "pobj" and governor.text.lower() in HEARER_PREPS and doc.tokens[governor.head].pos == "VERB"


def _has_role(doc: ParsedDoc, person: Mention, mentions: Sequence[Mention]) -> bool:
    """A role phrase beside the name ("X, Belarusian political analyst", "political analyst X") or in apposition."""
    for other in mentions:
        if other is person or other.how != "role" or other.sentence != person.sentence:
            continue
        after = 0 <= other.token_start - person.token_end <= ROLE_DISTANCE
        before = 0 <= person.token_start - other.token_end <= ROLE_DISTANCE
        overlap = other.token_start < person.token_end and person.token_start < other.token_end
        if after or before or overlap:
            return True
    return any(t.dep == "appos" and t.pos == "NOUN" for t in doc.children(person.head))


def _has_cue(doc: ParsedDoc, person: Mention) -> bool:
    return any(t.text.lower() in INTERVIEW_CUES for t in doc.sentence_tokens(person.sentence))


def first_person_mentions(ctx: ResolveContext, mentions: list[Mention], interview: Interview) -> list[Mention]:
    """Mentions of each answer's speaker for "I"/"me"/"my"/"myself" and epistemic "we" (how="coref")."""
    doc = ctx.doc
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(doc.text)]
    out = list(mentions)
    for token in doc.tokens:
        if token.i in taken or token.pos != "PRON" or _inside(token.start, quoted):
            continue
        speaker = interview.speaker_at(token.start)
        if speaker is not None and _speaks_for_self(doc, token):
            out.append(ctx.mention(token.i, token.i + 1, speaker, "coref"))
    return sorted(out, key=lambda m: (m.token_start, m.token_end))


def _speaks_for_self(doc: ParsedDoc, token: Token) -> bool:
    word = token.text.lower()
    if word in FIRST_SINGULAR:
        return word != "i" or token.text == "I"
    if word not in FIRST_PLURAL_SUBJECT or token.dep not in ("nsubj", "nsubjpass"):
        return False
    verb = doc.tokens[token.head]
    lemmas = {verb.lemma.lower()} | {t.lemma.lower() for t in doc.children(verb.i) if t.dep == "xcomp"}
    return bool(lemmas & KNOWING)


@dataclass(frozen=True, slots=True)
class InterviewAnswers:
    """A mention pass for first-person pronouns in interview answers (Coreference already runs it; use this one
    only in a pass list without Coreference)."""

    def __call__(self, ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        interview = find_interview(ctx.doc, mentions)
        return mentions if interview is None else first_person_mentions(ctx, mentions, interview)
