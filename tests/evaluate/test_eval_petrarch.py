"""The lenient PETRARCH-2 validation reader and CAMEO scoring (no spaCy)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from detente.errors import GoldFileError
from detente.evaluate import EvalReport, GoldSet, evaluate, load_gold, parse_petrarch
from detente.models import Actor, AnalyzedArticle, Article, Event, Evidence, When

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

# The quirks in small: a `#` banner, a self-closed <Sentence/> later closed by </Sentence>, a comment
# hiding a sentence, an open <Sentence>, a noevents record, a non-YYYYMMDD date, an IGO and a "---".
SNIPPET = """<Validation>
# banner <Sentence id="BANNER"/> lines are ignored too
<Sentence category="T" date="20080806" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" /><EventCoding eventcode="0841" sourcecode="IGOUNO" targetcode="---" />
<Text>
The US   leader visited
China &amp; the UN freed them.</Text><Parse>1	The	the	DET	DT	_	2	det	_	_</Parse></Sentence>
<!-- <Sentence id="HIDDEN" date="20080806" evaluate="true"/> <EventCoding eventcode="010" sourcecode="USA" targetcode="USA" /> -->
<Sentence category="T" date="121108" id="S2" evaluate="true"><EventCoding noevents="True" /><Text>Nothing.</Text></Sentence>
</Validation>"""  # noqa: E501


def pred(a: Actor | None, r: Actor | None, cameo: str, modality: str = "asserted",
         reciprocal: bool = False) -> Event:
    return Event(
        id=f"{cameo}-{modality}", actor=a, recipient=r, reciprocal=reciprocal, event="X", mode=None,
        context=(),
        cameo=cameo, goldstein=0.0, quad_class=0, modality=modality, claimed_by=None,
        when=When(None, None, "publication"), where=None, evidence=(Evidence(0, 0, 1, "x"),), confidence=1.0,
    )


def country(code: str | None, *, id: str | None = None, kind: str | None = None) -> Actor:
    return Actor(id=id or code, name=code, country=code, sector=None, kind=kind)


def run(gold: GoldSet, by_id: dict[str, list[Event]]) -> EvalReport:
    def analyze(articles: Sequence[Article]) -> Iterable[AnalyzedArticle]:
        return [AnalyzedArticle(a, events=tuple(by_id.get(a.external_id or "", []))) for a in articles]

    return evaluate(gold, analyze)


def test_snippet_parses_leniently() -> None:
    gold = parse_petrarch(SNIPPET, "snippet.xml")
    assert gold.scheme == "cameo" and [d.id for d in gold.documents] == ["S1", "S2"]
    s1, s2 = gold.documents
    assert s1.article.text == "The US leader visited China & the UN freed them."
    assert s1.article.date == dt.date(2008, 8, 6) and s1.category == "T"
    assert [(e.actor.countries, e.recipient.countries, e.types, e.cameo) for e in s1.events] == [
        (("USA",), ("CHN",), ("04",), "042"), (("IGO",), (), ("08",), "0841")]
    assert s1.events[1].recipient.is_wildcard and not s1.noevents
    assert s2.noevents and s2.events == () and s2.article.date == dt.date(2008, 8, 6)
    assert any("121108" in n for n in gold.notes)


def test_snippet_scoring() -> None:
    gold = parse_petrarch(SNIPPET)
    report = run(gold, {
        "S1": [pred(country("USA"), country("CHN"), "043"),  # same root 04
               pred(Actor("IGOUNO", "United Nations", None, None), country("FRA"), "084"),  # IGO, wildcard
               pred(country("USA"), country("CHN"), "190", "negated"),  # a denial: not scored
               pred(country("USA"), country("FRA"), "084", "future")],  # intent: scored, modality ignored
        "S2": [pred(country("FRA"), country("DEU"), "010")],
    })
    assert (report.events.gold, report.events.tp, report.events.fp, report.events.fn) == (2, 2, 2, 0)
    assert report.noevents_sentences == 1 and report.noevents_false_events == 1
    assert [f.document for f in report.false_events] == ["S1", "S2"]  # the future USA→FRA is scored, and wrong
    assert (report.source_country.correct, report.source_country.total) == (2, 2)
    assert (report.target_country.correct, report.target_country.total) == (1, 1)  # "---" is not scored
    assert report.root_code.correct == 2
    assert report.modality.total == 2 and report.modality.correct == 2


def test_igo_by_kind_and_reciprocal_expansion() -> None:
    raw = ('<Sentence date="20080806" id="A" evaluate="true"/><EventCoding eventcode="031" sourcecode="BRA" '
           'targetcode="USA" /><EventCoding eventcode="031" sourcecode="USA" targetcode="BRA" />'
           '<Text>t</Text>'
           '</Sentence><Sentence date="20080806" id="B" evaluate="true"/><EventCoding eventcode="090" '
           'sourcecode="IGOUNO" targetcode="IRN" /><Text>u</Text></Sentence>')
    gold = parse_petrarch(raw)
    report = run(gold, {"A": [pred(country("BRA"), country("USA"), "031", reciprocal=True)],
                        "B": [pred(Actor(None, "UN", None, "IGO", kind="igo"), country("IRN"), "090")]})
    assert report.events.f1 == 1.0 and report.events.predicted == 3


def test_a_reciprocal_event_stated_once_is_one_prediction() -> None:
    raw = ('<Sentence date="20080806" id="A" evaluate="true"/><EventCoding eventcode="040" sourcecode="IRQ" '
           'targetcode="SYR" /><Text>t</Text></Sentence>'
           '<Sentence date="20080806" id="B" evaluate="true"/><EventCoding eventcode="190" sourcecode="USA" '
           'targetcode="IRQ" /><Text>u</Text></Sentence>')
    report = run(parse_petrarch(raw), {
        "A": [pred(country("IRQ"), country("SYR"), "040", reciprocal=True)],  # matched one way: 1 predicted
        "B": [pred(country("FRA"), country("DEU"), "040", reciprocal=True)],  # wrong: one false event, not two
    })
    assert (report.events.predicted, report.events.tp, report.events.fp) == (2, 1, 1)
    assert len(report.false_events) == 1


def test_bad_records() -> None:
    with pytest.raises(GoldFileError, match="no <Sentence>"):
        parse_petrarch("<Validation/>")
    with pytest.raises(GoldFileError, match=r"x\.xml:1: .*eventcode"):
        parse_petrarch('<Sentence date="20080806" id="A"/><EventCoding eventcode="?"/><Text>t</Text>',
                       "x.xml")
    with pytest.raises(GoldFileError, match="duplicate"):
        parse_petrarch('<Sentence date="20080806" id="A"/><Text>t</Text><Sentence date="20080806" id="A"/>')


@pytest.mark.shared
def test_real_validation_file() -> None:
    path = SHARED / "eval" / "PETR2_GSR_validation.xml"
    if not path.is_file():
        pytest.skip(f"../shared is absent ({path} not found)")
    gold = load_gold(path)
    # grep: 79 lines match `<Sentence` but one is the `<Sentences>` wrapper; comments hide none.
    assert len(gold.documents) == 78
    # 93 `<EventCoding` strings: one is in the `#` banner, 12 are noevents, 80 are codings.
    assert gold.event_count == 80 and sum(d.noevents for d in gold.documents) == 12
    assert sum(not d.events and not d.noevents for d in gold.documents) == 0
    assert sum(e.actor.is_wildcard for d in gold.documents for e in d.events) == 6
    assert sum(e.recipient.is_wildcard for d in gold.documents for e in d.events) == 4
    first = gold.documents[0]
    assert first.id == "AFP0808020625_4"
    assert first.article.text.startswith("The stopover came as the US leader")
    by_id = {d.id: d for d in gold.documents}
    assert by_id["AFP0808020905_1"].article.date == dt.date(2008, 8, 6)  # date="121108"
    assert by_id["abc12_3"].article.text.startswith("Boko Haram has launched")  # empty <Text>, from <Parse>
    assert all(d.article.text for d in gold.documents)
    report = run(gold, {})
    assert report.events.gold == 80 and report.events.recall == 0.0 and report.noevents_sentences == 12

    def side(code: str | None) -> Actor | None:  # IGO/IMG actors have no country, only a CAMEO-style id
        if not code or code.startswith("---"):
            return None
        return Actor(code, code, None if code[:3] in ("IGO", "IMG") else code[:3], None)

    perfect = {d.id: [pred(side(e.actor.code), side(e.recipient.code), e.cameo or "") for e in d.events]
               for d in gold.documents}
    report = run(gold, perfect)
    assert report.events.f1 == 1.0 and report.noevents_false_events == 0
    assert report.source_country.value == report.target_country.value == report.root_code.value == 1.0
