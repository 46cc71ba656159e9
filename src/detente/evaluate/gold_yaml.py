"""Our YAML gold format (see ../shared/gold/seed-5577dacb.yaml for a worked, commented example).

Two layouts:
  * one document: top-level `document:` ({file|path|text, published, id}) plus top-level
    `events:`, `actors:`, `repairs:`, `quotes:`;
  * several: top-level `documents:`, a list of mappings each holding those keys itself, so a
    fixture of many single sentences can be written inline with `text:`.
`file:` is looked up in the `seeds/` folder beside the gold file's folder, then beside the gold file;
`path:` is relative to the gold file (or absolute). Files are read with detente.read.read_file.
An absent or null `actor`/`recipient` is not scored; an absent `evidence` means "anywhere in the
document". Every error names the gold file and the line of the offending mapping.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from detente.errors import GoldFileError
from detente.evaluate.gold import (
    GoldActor,
    GoldDocument,
    GoldEvent,
    GoldMentionActor,
    GoldQuote,
    GoldRepair,
    GoldSet,
    GoldWhen,
)
from detente.evaluate.match import normalize_space
from detente.models import MODALITIES, PLOVER_TYPES, Article, SourceRef
from detente.read import read_file

_ISO3 = re.compile(r"[A-Z]{3}")
_WHEN = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


class _LineDict(dict[Any, Any]):
    """A mapping that remembers the 1-based line it started on, for error messages."""

    line: int | None = None


class _Loader(yaml.SafeLoader):
    pass


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[_LineDict]:
    data = _LineDict()
    data.line = node.start_mark.line + 1
    yield data  # yielded first so recursive structures resolve, as PyYAML's own constructor does
    data.update(loader.construct_mapping(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)


class _Ctx:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.notes: list[str] = []

    def error(self, where: object, message: str) -> GoldFileError:
        line = where if isinstance(where, int) else getattr(where, "line", None)
        loc = f"{self.path}:{line}" if line else str(self.path)
        return GoldFileError(f"{loc}: {message}")


def load_yaml_gold(path: Path) -> GoldSet:
    ctx = _Ctx(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader subclass
    except UnicodeDecodeError as exc:
        raise ctx.error(None, f"not valid UTF-8 ({exc.reason})") from exc
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ctx.error(line, f"invalid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ctx.error(None, f"invalid YAML: {exc}") from exc
    if not isinstance(data, _LineDict):
        raise ctx.error(1, "a gold file is a mapping with `document:` or `documents:`")
    if "documents" in data:
        entries = data["documents"]
        if not isinstance(entries, list) or not entries:
            raise ctx.error(data, "`documents:` must be a non-empty list of mappings")
        docs = [_document(ctx, _mapping(ctx, e, data, "document"), None, i) for i, e in enumerate(entries)]
    elif "document" in data:
        docs = [_document(ctx, _mapping(ctx, data["document"], data, "document"), data, 0)]
    else:
        raise ctx.error(data, "a gold file needs `document:` (one document) or `documents:` (a list)")
    ids = [d.id for d in docs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ctx.error(data, f"duplicate document ids: {', '.join(dupes)}")
    return GoldSet(path=str(path), scheme="plover", documents=tuple(docs), notes=tuple(ctx.notes))


def _mapping(ctx: _Ctx, value: object, parent: object, what: str) -> _LineDict:
    if not isinstance(value, _LineDict):
        raise ctx.error(parent, f"{what} must be a mapping, got {type(value).__name__}")
    return value


def _list(ctx: _Ctx, body: _LineDict, key: str) -> list[Any]:
    value = body.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ctx.error(body, f"`{key}:` must be a list")
    return value


def _str(ctx: _Ctx, m: _LineDict, key: str, *, required: bool = False) -> str | None:
    value = m.get(key)
    if value is None:
        if required:
            raise ctx.error(m, f"missing `{key}:`")
        return None
    if isinstance(value, bool | dict | list):
        raise ctx.error(m, f"`{key}:` must be a string")
    return str(value)


def _document(ctx: _Ctx, doc: _LineDict, body: _LineDict | None, index: int) -> GoldDocument:
    body = body if body is not None else doc
    article = _article(ctx, doc, index)
    doc_id = _str(ctx, doc, "id") or (Path(str(doc["file"])).stem if doc.get("file") else f"doc{index + 1}")
    text = article.text
    norm_text = normalize_space(text)
    events = [_event(ctx, _mapping(ctx, e, body, "an event"), doc_id, n, norm_text)
              for n, e in enumerate(_list(ctx, body, "events"))]
    ids = [e.id for e in events]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ctx.error(body, f"document {doc_id}: duplicate event ids: {', '.join(dupes)}")
    actors = [_mention_actor(ctx, _mapping(ctx, a, body, "an actor"), doc_id, text)
              for a in _list(ctx, body, "actors")]
    repairs = []
    for r in _list(ctx, body, "repairs"):
        rm = _mapping(ctx, r, body, "a repair")
        original = _str(ctx, rm, "original", required=True) or ""
        if original not in text:
            ctx.notes.append(f"{doc_id}: repair original {original!r} is not in the text")
        repairs.append(GoldRepair(original, _str(ctx, rm, "repaired"), _str(ctx, rm, "kind")))
    quotes = []
    for q in _list(ctx, body, "quotes"):
        qm = _mapping(ctx, q, body, "a quote")
        quotes.append(GoldQuote(_str(ctx, qm, "text", required=True) or "", _name(ctx, qm, "speaker")))
    return GoldDocument(doc_id, article, tuple(events), tuple(actors), tuple(repairs), tuple(quotes))


def _article(ctx: _Ctx, doc: _LineDict, index: int) -> Article:
    published = _date(ctx, doc, "published")
    if doc.get("text") is not None:
        if published is None:
            raise ctx.error(doc, "an inline `text:` needs `published: YYYY-MM-DD`")
        text = _str(ctx, doc, "text") or ""
        if not text.strip():
            raise ctx.error(doc, "`text:` is empty")
        return Article.make(date=published, text=text, source=SourceRef(str(ctx.path), doc.line))
    candidates: list[Path] = []
    if doc.get("path") is not None:
        p = Path(str(doc["path"]))
        candidates.append(p if p.is_absolute() else ctx.path.parent / p)
    if doc.get("file") is not None:
        name = str(doc["file"])
        candidates += [ctx.path.parent.parent / "seeds" / name, ctx.path.parent / name]
    if not candidates:
        raise ctx.error(doc, f"document {index + 1} needs `text:`, `file:` or `path:`")
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        raise ctx.error(doc, "document file not found; looked for " + ", ".join(map(str, candidates)))
    records = list(read_file(found, default_date=published))
    articles = [r for r in records if isinstance(r, Article)]
    if len(records) != 1 or len(articles) != 1:
        rejected = "; ".join(str(r) for r in records if not isinstance(r, Article))
        problem = rejected or f"{len(records)} records"
        raise ctx.error(doc, f"{found} must hold exactly one article ({problem})")
    article = articles[0]
    if published is not None and published != article.date:
        # The analyst's `published` wins: it is part of what the gold asserts.
        ctx.notes.append(
            f"{found}: header date {article.date} differs from published {published}; using the latter"
        )
        article = Article.make(date=published, text=article.text, source=article.source)
    return article


def _date(ctx: _Ctx, m: _LineDict, key: str) -> dt.date | None:
    value = m.get(key)
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ctx.error(m, f"`{key}:` must be a date YYYY-MM-DD, got {value!r}") from exc


def _countries(ctx: _Ctx, m: _LineDict, value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [] if value is None else [value]
    out = []
    for item in items:
        code = str(item).strip().upper()
        if not _ISO3.fullmatch(code):
            raise ctx.error(m, f"country {item!r} is not an ISO 3166-1 alpha-3 code")
        out.append(code)
    return tuple(out)


def _actor(ctx: _Ctx, value: object, event: _LineDict) -> GoldActor:
    if value is None:
        return GoldActor()  # not scored
    if isinstance(value, str):
        s = value.strip()
        return GoldActor(countries=(s,)) if _ISO3.fullmatch(s) else GoldActor(name=s)
    if isinstance(value, _LineDict):
        return GoldActor(_countries(ctx, value, value.get("country")), _str(ctx, value, "sector"),
                         _str(ctx, value, "name"))
    raise ctx.error(event, f"an actor is an ISO3 code, a name or a mapping, got {value!r}")


def _name(ctx: _Ctx, m: _LineDict, key: str) -> str | None:
    value = m.get(key)
    if isinstance(value, _LineDict):
        return _str(ctx, value, "name")
    return _str(ctx, m, key)


def _when_part(ctx: _Ctx, m: _LineDict, key: str) -> str | None:
    value = m.get(key)
    if value is None:
        return None
    s = value.isoformat()[:10] if isinstance(value, dt.date) else str(value).strip()
    if not _WHEN.fullmatch(s):
        raise ctx.error(m, f"when `{key}:` must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return s


def _event(ctx: _Ctx, e: _LineDict, doc_id: str, n: int, norm_text: str) -> GoldEvent:
    raw_types = e.get("event")
    types = tuple(str(t).strip().upper() for t in (raw_types if isinstance(raw_types, list) else [raw_types]))
    if raw_types is None or not types:
        raise ctx.error(e, "missing `event:` (a PLOVER type or a list of them)")
    bad = [t for t in types if t not in PLOVER_TYPES]
    if bad:
        known = ", ".join(PLOVER_TYPES)
        raise ctx.error(e, f"unknown PLOVER type(s) {', '.join(bad)}; expected one of {known}")
    modality = (_str(ctx, e, "modality") or "asserted").strip().lower()
    if modality not in MODALITIES:
        raise ctx.error(e, f"unknown modality {modality!r}; expected one of {', '.join(MODALITIES)}")
    reciprocal = e.get("reciprocal", False)
    if not isinstance(reciprocal, bool):
        raise ctx.error(e, "`reciprocal:` must be true or false")
    evidence = _str(ctx, e, "evidence")
    if evidence is not None and normalize_space(evidence) not in norm_text:
        raise ctx.error(e, f"evidence {evidence!r} is not in the document text")
    when = None
    if e.get("when") is not None:
        w = _mapping(ctx, e["when"], e, "`when:`")
        when = GoldWhen(_when_part(ctx, w, "start"), _when_part(ctx, w, "end"), _str(ctx, w, "text"))
    return GoldEvent(
        id=_str(ctx, e, "id") or f"{doc_id}#{n + 1}",
        actor=_actor(ctx, e.get("actor"), e),
        recipient=_actor(ctx, e.get("recipient"), e),
        types=types,
        modality=modality,
        reciprocal=reciprocal,
        evidence=evidence,
        cameo=_str(ctx, e, "cameo"),
        when=when,
        claimed_by=_name(ctx, e, "claimed_by"),
        line=e.line,
    )


def _mention_actor(ctx: _Ctx, a: _LineDict, doc_id: str, text: str) -> GoldMentionActor:
    name = _str(ctx, a, "name", required=True) or ""
    raw = a.get("mentions")
    mentions = tuple(str(m) for m in (raw if isinstance(raw, list) else [] if raw is None else [raw]))
    for m in mentions:
        if m not in text:
            ctx.notes.append(f"{doc_id}: mention {m!r} of {name} is not in the text")
    return GoldMentionActor(name, _countries(ctx, a, a.get("country")), _str(ctx, a, "sector"), mentions)
