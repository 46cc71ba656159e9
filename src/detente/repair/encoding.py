"""Surface repairs: mojibake, HTML entities, leftover tags, control characters and stray whitespace.

One compiled regex finds every candidate in a single pass; only mojibake candidates go to ftfy, a
token at a time, and a repair is emitted only where ftfy changes the token. Correct non-English text
("é", "Ñandú", Cyrillic, curly quotes) rarely even looks like a candidate, and ftfy leaves the few
that do ("José’s") alone: here precision matters more than recall. Deleting a tag, entity or control
next to a space also deletes the spaces after it, so no double space is left behind.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

import ftfy

from detente.models import Repair
from detente.repair.base import CONTROL, ENCODING, HTML_ENTITY, MARKUP, WHITESPACE

FTFY_CONFIDENCE = 0.9

# Mojibake is UTF-8 read as Latin-1/cp1252: a lead byte (U+00C2–U+00F4) followed by continuation bytes
# (U+0080–U+00BF, or the cp1252 glyphs of 0x80–0x9F).
_LEAD = "\u00c2-\u00f4"
_CONT = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# Removed characters: C0/C1 controls (not \t \n \r), DEL, soft hyphen, zero-width characters and the BOM.
_CTL_CODES = (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xAD,
              0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)
_CTL = "".join(f"\\u{c:04x}" for c in _CTL_CODES)  # as regex escapes, for a character class
# Controls that separate words (vertical tab, form feed, file/group/record/unit separators, NEL).
_SEPARATORS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")
_NBSP = "\u00a0\u202f"

_TAG = r"<!--[\s\S]*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,1000})?/?>"
_ENTITY = r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# A mojibake candidate: a lead+continuation pair (or a lone C1 control, often a cp1252 byte read as
# Latin-1), extended right to the end of its whitespace-delimited token; it stops at "<" and "&" so
# tags and entities inside the token are still found on their own.
_MOJI = rf"(?P<moji>(?:[{_LEAD}][{_CONT}]+|[\x80-\x9f])(?:[{_LEAD}][{_CONT}]+|[^\s<&]){{0,200}})"


def _scanner(*, mojibake: bool) -> re.Pattern[str]:
    """The combined pattern; alternatives are tried in order at each position, so mojibake wins over
    the lone-control alternative for C1 characters."""
    parts = [rf"(?P<tag>(?:{_TAG})+)", rf"(?P<ent>(?:{_ENTITY})+)"]
    if mojibake:
        parts.append(_MOJI)
    # A single no-break space between two words is good typography ("26\u00a0kg"): only a no-break space
    # in a run of whitespace is mangled.
    parts += [
        rf"(?P<ctl>[{_CTL}]+)",
        rf"(?P<ws>[ \t]+[{_NBSP}][ \t{_NBSP}]*|[{_NBSP}][ \t{_NBSP}]+|[ \t]{{2,}})",
    ]
    return re.compile("|".join(parts))


_FULL = _scanner(mojibake=True)
# The same scan without mojibake: used inside a candidate token that ftfy left unchanged.
_PLAIN = _scanner(mojibake=False)

_TAG_NAME = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)")
_SPACES = re.compile(r"[ \t]{2,}")
_CLEAN = str.maketrans({**dict.fromkeys(_CTL_CODES), **dict.fromkeys(map(ord, _NBSP), " ")})
_TO_SPACE = str.maketrans(dict.fromkeys(map(ord, _NBSP), " "))
_CTL_RE = re.compile(f"[{_CTL}]+")
# Block-level tags render as a line break, so removing one between two words must leave a space;
# inline tags (b, i, a, span, ...) render as nothing.
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "li", "main", "nav", "ol", "option", "p", "pre", "section", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "ul",
))
_LEFT_REACH = 100  # how far back a mojibake token may extend from its first bad pair


def _clean(s: str) -> str:
    """Drop control/zero-width characters and turn non-breaking spaces into spaces."""
    return s.translate(_CLEAN)


class EncodingRepair:
    """Finds surface defects of scraped text; see the module docstring."""

    kinds = (ENCODING, HTML_ENTITY, MARKUP, CONTROL, WHITESPACE)

    def __init__(self) -> None:
        self._handlers = {
            "tag": self._tag,
            "ent": self._entity,
            "moji": self._mojibake,
            "ctl": self._control,
            "ws": self._whitespace,
        }

    def find(self, text: str) -> list[Repair]:
        """Non-overlapping repairs sorted by offset; offsets index `text`."""
        out: list[Repair] = []
        self._scan(_FULL, text, 0, len(text), out)
        return out

    def _scan(self, pattern: re.Pattern[str], text: str, pos: int, endpos: int, out: list[Repair]) -> None:
        while (m := pattern.search(text, pos, endpos)) is not None:
            pos = self._handlers[m.lastgroup or ""](m, text, out)

    # Each handler appends its repairs (in order, after any earlier one) and returns where to resume.

    def _tag(self, m: re.Match[str], text: str, out: list[Repair]) -> int:
        start, end = m.span()
        before, after = _before(text, start, out), text[end : end + 1]
        block = any(name.lower() in _BLOCK_TAGS for name in _TAG_NAME.findall(m.group()))
        glue = bool(before) and not before.isspace() and bool(after) and not after.isspace()
        replacement = " " if block and glue else ""
        if not replacement and before in (" ", "\t"):
            end = _absorb_spaces(text, end)  # "the <b> Kremlin": no double space left behind
        out.append(Repair(start, end, text[start:end], replacement, MARKUP))
        return end

    def _entity(self, m: re.Match[str], text: str, out: list[Repair]) -> int:
        original = m.group()
        value = original
        for _ in range(3):  # double-escaped "&amp;quot;" is a common scraper artefact
            unescaped = html.unescape(value)
            if unescaped == value:
                break
            value = unescaped
        value = _SPACES.sub(" ", _clean(value))
        start, end = m.span()
        before, after = _before(text, start, out), text[end : end + 1]
        if value == " " and (before in (" ", "\t") or after in (" ", "\t")):
            value = ""  # "a&nbsp; b": the entity's space would double the one already there
            if before in (" ", "\t"):
                end = _absorb_spaces(text, end)
        if value != original:
            out.append(Repair(start, end, text[start:end], value, HTML_ENTITY))
        return end

    def _mojibake(self, m: re.Match[str], text: str, out: list[Repair]) -> int:
        floor = max(out[-1].end if out else 0, m.start() - _LEFT_REACH)
        start, end = m.start(), m.end()
        while start > floor and not text[start - 1].isspace():
            start -= 1
        token = text[start:end]
        fixed = ftfy.fix_encoding(token)
        if fixed == token:
            # Not mojibake after all: still remove its controls, nbsp, ... as the plain scan would.
            self._scan(_PLAIN, text, m.start(), end, out)
            return end
        fixed = _clean(fixed)
        # Emit only the changed pieces, so the untouched letters of the token keep exact offsets.
        matcher = SequenceMatcher(None, token, fixed, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            original, replacement = token[i1:i2], fixed[j1:j2]
            dropped_controls = not replacement and _CTL_RE.fullmatch(original) is not None
            kind, confidence = (CONTROL, 1.0) if dropped_controls else (ENCODING, FTFY_CONFIDENCE)
            out.append(Repair(start + i1, start + i2, original, replacement, kind, None, confidence))
        return end

    def _control(self, m: re.Match[str], text: str, out: list[Repair]) -> int:
        start, end = m.span()
        before, after = _before(text, start, out), text[end : end + 1]
        replacement = ""
        if _SEPARATORS.intersection(m.group()) and before and not before.isspace() and after and not after.isspace():
            replacement = " "  # a form feed or vertical tab between two words separates them
        elif before in (" ", "\t"):
            end = _absorb_spaces(text, end)
        out.append(Repair(start, end, text[start:end], replacement, CONTROL))
        return end

    def _whitespace(self, m: re.Match[str], text: str, out: list[Repair]) -> int:
        start, end = m.span()
        run = m.group()
        if end == len(text):
            return end  # trailing whitespace at the very end of the text is left alone
        line_edge = start == 0 or text[start - 1] in "\n\r" or text[end] in "\n\r"
        # Indentation and line-end runs keep their width (they may be meaningful); inside a line a run
        # becomes one space.
        replacement = run.translate(_TO_SPACE) if line_edge else " "
        if replacement != run:
            out.append(Repair(start, end, run, replacement, WHITESPACE))
        return end


def _before(text: str, start: int, out: list[Repair]) -> str:
    """The character that will precede `start` in the repaired text (as far as is known so far)."""
    if out and out[-1].end == start and out[-1].replacement is not None:
        if out[-1].replacement:
            return out[-1].replacement[-1]
        start = out[-1].start
    return text[start - 1] if start > 0 else ""


def _absorb_spaces(text: str, end: int) -> int:
    """Extend a deletion that follows a space over the spaces after it (unless they end the text)."""
    stop = end
    while stop < len(text) and text[stop] in " \t":
        stop += 1
    return stop if stop < len(text) else end
