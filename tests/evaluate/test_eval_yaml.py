"""detente eval on YAML gold: hand-made predictions through a fake analyzer (no spaCy)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from detente.errors import GoldFileError
from detente.evaluate import EvalReport, GoldSet, evaluate, load_gold
from detente.models import (
    Actor,
    AnalyzedArticle,
    Article,
    Event,
    Evidence,
    Mention,
    Quote,
    Repair,
    Sentence,
    When,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

GOLD = """\
documents:
  - id: meet
    published: 2024-03-01
    text: "Russia and China held talks in Beijing. Russia will send troops to Belarus."
    events:
      - id: talks
        actor: RUS
        recipient: CHN
        reciprocal: true
        event: [CONSULT]
        evidence: "Russia and China held talks"
        when: {start: 2024-02, end: 2024-03-01}
      - id: troops
        actor: {country: RUS, sector: MIL}
        recipient: BLR
        event: [MOBILIZE, AID]
        modality: future
        evidence: "will send troops to Belarus"
  - id: west
    published: 2024-03-02
    text: "Sanctions were imposed on Belarus by the West."
    events:
      - {id: sanctions, actor: the West, recipient: BLR, event: SANCTION, evidence: "Sanctions were imposed"}
"""


def write(tmp_path: Path, text: str, name: str = "gold.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        out.append(Sentence(i, 0, 0, start, end, text[start:end]))
        start = end + 1
    return tuple(out)


def actor(country: str | None = None, name: str | None = None, sector: str | None = None,
          id: str | None = None, kind: str | None = None) -> Actor:
    return Actor(id=id, name=name or country, country=country, sector=sector, kind=kind)


def event(text: str, evidence: str, a: Actor | None, r: Actor | None, kind: str, modality: str = "asserted",
          *, reciprocal: bool = False, when: str | None = None, claimed_by: Actor | None = None) -> Event:
    start = text.index(evidence)
    sent = next(s for s in sentences(text) if s.start <= start < s.end)
    return Event(
        id=f"{kind}-{start}", actor=a, recipient=r, reciprocal=reciprocal, event=kind, mode=None, context=(),
        cameo="", goldstein=0.0, quad_class=0, modality=modality, claimed_by=claimed_by,
        when=When(when, when, "day"), where=None, evidence=(Evidence(sent.index, start, start + len(evidence),
                                                                      evidence),), confidence=1.0,
    )


def fake(by_id: dict[str, list[Event]], gold: GoldSet, *, mentions: tuple[Mention, ...] = (),
         repairs: tuple[Repair, ...] = (), quotes: tuple[Quote, ...] = ()) -> EvalReport:
    ids = {d.article.id: d.id for d in gold.documents}

    def analyze(articles: Sequence[Article]) -> Iterable[AnalyzedArticle]:
        for a in articles:
            yield AnalyzedArticle(a, repairs, sentences(a.text), mentions, quotes,
                                  tuple(by_id.get(ids[a.id], [])))

    return evaluate(gold, analyze)


def texts(gold: GoldSet) -> dict[str, str]:
    return {d.id: d.article.text for d in gold.documents}


def perfect(gold: GoldSet) -> dict[str, list[Event]]:
    t = texts(gold)
    return {
        "meet": [
            event(t["meet"], "Russia and China held talks", actor("CHN"), actor("RUS"), "CONSULT",
                  when="2024-02-27"),
            event(t["meet"], "send troops", actor("RUS", sector="MIL"), actor("BLR"), "AID", "future"),
        ],
        "west": [event(t["west"], "imposed", None, actor("BLR"), "SANCTION")],
    }


def test_perfect_predictions_score_one(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, GOLD))
    assert gold.scheme == "plover" and [d.id for d in gold.documents] == ["meet", "west"]
    assert gold.documents[0].article.date == dt.date(2024, 3, 1)
    report = fake(perfect(gold), gold)
    assert (report.events.gold, report.events.predicted, report.events.tp) == (3, 3, 3)
    assert report.events.f1 == 1.0 and report.actor_countries.f1 == 1.0 and report.event_types.f1 == 1.0
    assert report.modality.value == 1.0 and report.misses == () and report.false_events == ()
    assert report.when.correct == report.when.total == 1
    assert report.sectors.correct == report.sectors.total == 1
    assert report.by_type["AID"].precision == 1.0  # predicted AID, counted under its own type
    assert report.by_type["MOBILIZE"].recall == 1.0  # gold counted under its first listed type
    assert report.by_modality["future"].f1 == 1.0


def test_wrong_modality_is_a_miss_and_a_false_event(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, GOLD))
    preds = perfect(gold)
    t = texts(gold)["meet"]
    preds["meet"][1] = event(t, "send troops", actor("RUS"), actor("BLR"), "MOBILIZE", "asserted")
    report = fake(preds, gold)
    assert report.events.tp == 2 and report.events.fn == 1 and report.events.fp == 1
    assert [(m.gold_id, m.reason) for m in report.misses] == [("troops", "modality: predicted asserted")]
    assert report.misses[0].evidence == "will send troops to Belarus"
    false = report.false_events[0]
    assert (false.actor, false.recipient, false.event) == ("RUS [RUS]", "BLR [BLR]", "MOBILIZE")
    assert false.modality == "asserted"
    assert report.actor_countries.tp == 3  # the dyad was right
    assert (report.modality.correct, report.modality.total) == (2, 3)
    assert report.modality_confusion["future"] == {"asserted": 1}
    assert report.by_modality["asserted"].precision == pytest.approx(2 / 3)


def test_reciprocal_either_order_but_directed_gold_is_strict(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, GOLD))
    preds = perfect(gold)
    t = texts(gold)["meet"]
    preds["meet"][0] = event(t, "held talks", actor("RUS"), actor("CHN"), "CONSULT")  # reciprocal gold: ok
    preds["meet"][1] = event(t, "send troops", actor("BLR"), actor("RUS"), "AID", "future")  # reversed
    report = fake(preds, gold)
    assert {m.gold_id: m.reason for m in report.misses} == {"troops": "actors"}
    assert report.events.tp == 2 and report.actor_countries.tp == 2


def test_countryless_gold_actor(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, GOLD))
    t = texts(gold)["west"]
    for a, ok in ((None, True), (actor(None, name="Unknown"), True), (actor("USA", name="the West"), True),
                  (actor("USA", name="United States"), False)):
        report = fake({"west": [event(t, "Sanctions were imposed", a, actor("BLR"), "SANCTION")]}, gold)
        assert report.events.tp == int(ok), a


def test_evidence_must_be_in_the_predicted_sentence(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, GOLD))
    t = texts(gold)["meet"]
    wrong = event(t, "Russia will send", actor("RUS"), actor("CHN"), "CONSULT")  # second sentence
    report = fake({"meet": [wrong]}, gold)
    assert report.events.tp == 0 and report.event_types.tp == 0
    assert {m.gold_id: m.reason for m in report.misses}["talks"] == "not found"


def test_when_outside_interval(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, GOLD))
    preds = perfect(gold)
    t = texts(gold)["meet"]
    preds["meet"][0] = event(t, "held talks", actor("RUS"), actor("CHN"), "CONSULT", when="2023")
    assert fake(preds, gold).when.correct == 0


def test_mentions_repairs_quotes(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        document: {text: "Putin met the zar of Mosca, “a single homeland”.", published: 2023-07-02, id: d}
        repairs:
          - {original: Mosca, repaired: Moscow}
          - {original: zar, repaired: tsar}
        actors:
          - {name: Vladimir Putin, country: RUS, mentions: [Putin, zar]}
        quotes:
          - {text: "a single homeland", speaker: {name: Vladimir Putin}}
        events: []
        """)
    gold = load_gold(path)
    text = gold.documents[0].article.text
    putin = Actor("putin", "Vladimir Putin", "RUS", "GOV")
    russia = Actor("RUS", "Russia", "RUS", None)
    s = text.index("Mosca")
    mentions = (Mention(0, 5, "Putin", putin, 0, 0, 1, 0), Mention(14, 17, "zar", russia, 0, 3, 4, 3))
    report = fake({}, gold, mentions=mentions, repairs=(Repair(s, s + 5, "Mosca", "Moscow", "exonym"),
                                                       Repair(14, 17, "zar", None, "flag")),
                  quotes=(Quote(28, 47, "“a single homeland”", putin),))
    assert (report.mentions.correct, report.mentions_exact.correct, report.mentions.total) == (2, 1, 2)
    assert (report.repairs_covered.correct, report.repairs_fixed.correct) == (2, 1)
    assert report.repairs_fixed.total == 2
    assert report.quotes.correct == report.quote_speakers.correct == 1
    assert report.events.gold == 0 and report.events.recall is None  # nothing to find: n/a, not 0


def test_document_file_lookup(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(" date 2023-07-02 Russia hit Ukraine.\n", encoding="utf-8")
    gold = load_gold(write(tmp_path / "gold", """\
        document: {file: a.txt}
        events:
          - {id: hit, actor: RUS, recipient: UKR, event: ASSAULT, evidence: Russia hit Ukraine}
        """))
    assert gold.documents[0].article.text.startswith("Russia hit") and gold.documents[0].id == "a"
    other = load_gold(write(tmp_path, "document: {path: seeds/a.txt, published: 2023-07-03}\n", "g2.yml"))
    assert other.documents[0].article.date == dt.date(2023, 7, 3) and "differs" in other.notes[0]


DOC = "document: {text: abc, published: 2024-01-01}\nevents:\n"


@pytest.mark.parametrize(("body", "needle"), [
    (DOC + "  - {actor: RUS, event: FIGHT}\n", ":3: unknown PLOVER"),
    (DOC + "  - {event: AID, modality: maybe}\n", ":3: unknown modality"),
    (DOC + "  - {event: AID, evidence: zzz}\n", ":3: evidence 'zzz' is not in"),
    (DOC + "  - {event: AID, actor: {country: RU}}\n", ":3: country 'RU'"),
    (DOC + "  - {id: a, event: AID}\n  - {id: a, event: AID}\n", "duplicate event ids"),
    ("document: {text: x}\n", ":1: an inline"),
    ("document: {file: nope.txt, published: 2024-01-01}\n", "not found"),
    ("documents: [{id: a, text: a, published: 2024-01-01}, {id: a, text: b, published: 2024-01-01}]\n",
     "duplicate document ids"),
    ("document: {text: x, published: 2024-01-01\n", "invalid YAML"),
    ("events: []\n", "needs `document:`"),
])
def test_bad_gold_says_file_and_line(tmp_path: Path, body: str, needle: str) -> None:
    with pytest.raises(GoldFileError) as err:
        load_gold(write(tmp_path, body))
    assert "gold.yaml" in str(err.value) and needle in str(err.value)


def test_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match="unsupported"):
        load_gold(write(tmp_path, "x", "gold.json"))


@pytest.mark.shared
def test_seed_gold_with_perfect_predictions() -> None:
    path = SHARED / "gold" / "seed-5577dacb.yaml"
    if not path.is_file():
        pytest.skip(f"../shared is absent ({path} not found)")
    gold = load_gold(path)
    (doc,) = gold.documents
    assert doc.article.date == dt.date(2023, 7, 2) and doc.article.text.startswith("In the last few years")
    assert len(doc.events) == 20 and len(doc.repairs) == 7 and len(doc.quotes) == 2
    assert sum(len(a.mentions) for a in doc.actors) == 23
    text = doc.article.text

    def pred(g_actor: object) -> Actor | None:
        countries = getattr(g_actor, "countries", ())
        return actor(countries[0]) if countries else None

    preds = [event(text, g.evidence or "", pred(g.actor), pred(g.recipient), g.types[-1], g.modality)
             for g in doc.events]
    report = fake({doc.id: preds}, gold)
    assert report.events.f1 == 1.0, report.misses
