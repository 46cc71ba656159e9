"""A lenient reader for PETRARCH-2 validation files (e.g. ../shared/eval/PETR2_GSR_validation.xml).

The file is NOT well-formed XML: most `<Sentence .../>` tags are self-closed and still followed by a
`</Sentence>`, `#` banner lines sit in the root, and comments may hide whole `<Parse>` blocks. So we
use regexes: drop comments, split at each `<Sentence` tag, and take from each chunk its attributes,
`<EventCoding .../>` records (or `noevents="True"`) and `<Text>` body (whitespace-normalised).
`<Parse>` CoNLL blocks are ignored. Each sentence becomes a one-sentence Article.

Codes: a gold country is the first three letters of the source/target code ("USAGOV" → "USA",
"IGOUNO" → "IGO"); a code starting with "---" has no country and is a wildcard (not scored).
Event type is the CAMEO root, the first two digits ("0841" → "08").
Dates that are not YYYYMMDD (one sentence says "121108") take the previous sentence's date, and an
empty <Text> (record abc12_3) is rebuilt from the <Parse> token forms; both are added to GoldSet.notes.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from detente.errors import GoldFileError
from detente.evaluate.gold import GoldActor, GoldDocument, GoldEvent, GoldSet
from detente.evaluate.match import normalize_space
from detente.models import Article, SourceRef

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BANNER = re.compile(r"(<Text>.*?</Text>)|^[ \t]*#[^\n]*", re.S | re.M)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>")
_ATTR = re.compile(r'([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
_CAMEO = re.compile(r"[0-9]{2,4}")


def load_petrarch_gold(path: Path) -> GoldSet:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldFileError(f"{path}: not valid UTF-8 ({exc.reason})") from exc
    return parse_petrarch(raw, str(path))


def parse_petrarch(raw: str, path: str = "<string>") -> GoldSet:
    """Parse the text of a PETRARCH validation file into a GoldSet with the "cameo" scheme."""
    # Blank out comments and `#` banner lines (not inside <Text>), keeping newlines for line numbers.
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), raw)
    text = _BANNER.sub(lambda m: m.group(1) or "", text)
    starts = list(_SENTENCE.finditer(text))
    if not starts:
        raise GoldFileError(f"{path}: no <Sentence> records found")
    notes: list[str] = []
    docs: list[GoldDocument] = []
    seen: set[str] = set()
    last_date: dt.date | None = None
    for k, m in enumerate(starts):
        line = text.count("\n", 0, m.start()) + 1
        chunk = text[m.end():starts[k + 1].start() if k + 1 < len(starts) else len(text)]
        attrs = dict(_ATTR.findall(m.group(1)))
        sid = attrs.get("id") or f"sentence{k + 1}"
        if sid in seen:
            raise GoldFileError(f"{path}:{line}: duplicate sentence id {sid!r}")
        seen.add(sid)
        if attrs.get("evaluate", "true").lower() != "true":
            notes.append(f"{sid}: evaluate={attrs['evaluate']!r}; skipped")
            continue
        date = _date(attrs.get("date", ""))
        if date is None:
            if last_date is None:
                raise GoldFileError(f"{path}:{line}: sentence {sid} has date {attrs.get('date')!r}, "
                                    "not YYYYMMDD, and no earlier sentence to borrow one from")
            notes.append(f"{sid}: date {attrs.get('date')!r} is not YYYYMMDD; used the previous "
                         f"sentence's {last_date.isoformat()}")
            date = last_date
        last_date = date
        body = _TEXT.search(chunk)
        sentence = normalize_space(html.unescape(body.group(1))) if body else ""
        if not sentence:
            # One record (abc12_3) has an empty <Text> but a full <Parse>: rebuild the text from it.
            sentence = _text_from_parse(chunk)
            if not sentence:
                notes.append(f"{sid}: no text and no parse; skipped")
                continue
            notes.append(f"{sid}: empty <Text>; rebuilt the sentence from its <Parse> tokens")
        events, noevents = _codings(chunk, sid, path, line)
        if noevents and events:
            notes.append(f"{sid}: has both noevents and codings; scored the codings")
            noevents = False
        article = Article.make(date=date, text=sentence, external_id=sid, source=SourceRef(path, line))
        docs.append(GoldDocument(sid, article, tuple(events), noevents=noevents,
                                 category=attrs.get("category")))
    return GoldSet(path=path, scheme="cameo", documents=tuple(docs), notes=tuple(notes))


def _text_from_parse(chunk: str) -> str:
    parse = _PARSE.search(chunk)
    if parse is None:
        return ""
    out: list[str] = []
    for row in parse.group(1).splitlines():
        cols = row.split("\t")
        if len(cols) >= 10 and cols[0].isdigit():  # CoNLL-U: id, form, ..., misc
            out += [cols[1], "" if "SpaceAfter=No" in cols[9] else " "]
    # The parse has no SpaceAfter=No before the final period; glue closing punctuation back on.
    return re.sub(r" ([.,;:!?])(?=\s|$)", r"\1", normalize_space(html.unescape("".join(out))))


def _date(value: str) -> dt.date | None:
    if re.fullmatch(r"[0-9]{8}", value):
        try:
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            return None
    return None


def _codings(chunk: str, sid: str, path: str, line: int) -> tuple[list[GoldEvent], bool]:
    events: list[GoldEvent] = []
    noevents = False
    for n, c in enumerate(_CODING.finditer(chunk)):
        attrs = dict(_ATTR.findall(c.group(1)))
        cline = line + chunk.count("\n", 0, c.start())
        if attrs.get("noevents", "").lower() == "true":
            noevents = True
            continue
        code, src, tgt = attrs.get("eventcode", ""), attrs.get("sourcecode", ""), attrs.get("targetcode", "")
        if not _CAMEO.fullmatch(code) or not src or not tgt:
            raise GoldFileError(f"{path}:{cline}: sentence {sid}: EventCoding needs a numeric eventcode, "
                                "a sourcecode and a targetcode")
        events.append(GoldEvent(
            id=f"{sid}#{n + 1}", actor=_actor(src), recipient=_actor(tgt), types=(code[:2],),
            modality="asserted", cameo=code, line=cline,
        ))
    return events, noevents


def _actor(code: str) -> GoldActor:
    code = code.strip().upper()
    if code.startswith("---") or len(code) < 3:
        return GoldActor(code=code)  # no country: a wildcard
    return GoldActor(countries=(code[:3],), sector=None, code=code)
