"""Which select rules' CSS selectors could match a page, told from the text of its start tags.

Each selector asked of lexbor's DOM is a walk over every element, and on most pages most of the
select rules' selectors match nothing: the one query for all of them was 2% of the HTML path, and
the rules' own queries as much again (docs/performance.md). A selector of one compound (a tag name
or none, then classes, ids and attribute tests: `.related-posts`, `ins.adsbygoogle`,
`[id^='div-gpt-ad']`) matches only an element whose start tag holds each of its class names, ids
and attribute names and values. Its *hint*, the longest of them, must then stand in the page's attribute
text; a page without it is not asked the selector. A selector of any other form (a combinator, a
pseudo-class, an escape, a tag name alone) has no hint and is always asked.

Skipping a selector that could match would leave furniture in, so the text searched holds all that
lexbor may read as an attribute, its ASCII letters in lower case (in quirks mode a class or id
matches regardless of ASCII case), not only what the tag scan took for one:
- every start tag's attribute text;
- comments the scan ended later than lexbor does (`<!-->`, `<!--->`, `--!>`), whose text lexbor
  reads as markup;
- the content of raw-text elements (`<title>`, `<style>` ...) from the first `<svg>`, `<math>`,
  `<select>` or `<frameset>` on: inside those lexbor may not switch to raw text, and reads the
  content as markup.
Each piece is also taken decoded when it holds a character reference that spells a letter, a
digit, `_` or `-` (what hints are made of). Everywhere else lexbor ends a comment or a raw-text element no earlier than the scan does, and so
reads no start tag there that the scan did not.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .html_source import RAW_TEXT_ELEMENTS, Scan

# One compound selector: an optional tag name, then classes, ids and attribute tests whose values
# are plain (no escape, no character reference, no case flag).
NAME = r"[A-Za-z0-9_-]+"
ATTRIBUTE_TEST = rf"""\[\s*{NAME}\s*(?:[~^$*|]?=\s*(?:'[^'\\&]*'|"[^"\\&]*"|{NAME})\s*)?\]"""
COMPOUND = re.compile(rf"""(?:[A-Za-z][A-Za-z0-9-]*)?(?:[.#]{NAME}|{ATTRIBUTE_TEST})+""")
# What each part of a compound requires its element's start tag to hold.
HELD = re.compile(rf"""[.#]({NAME})|\[\s*({NAME})\s*(?:[~^$*|]?=\s*(?:'([^']*)'|"([^"]*)"|({NAME}))\s*)?\]""")
# What a hint is made of. Of all character references, only numeric ones and these three named
# ones decode to such characters: an attribute text without one holds a hint as written, if at all.
HINT = re.compile(r"[A-Za-z0-9_-]+")
SPELLING_REFERENCE = re.compile(r"&(?:#|lowbar;|UnderBar;|fjlig;)")
# Where lexbor reads as markup what the scan skipped as raw text (see the module docstring).
MARKUP_CONTEXTS = frozenset({"svg", "math", "select", "frameset"})
START_TAG = re.compile("<[A-Za-z]")
# Comment forms lexbor ends before the scan does.
EARLY_COMMENT_STARTS = ("<!-->", "<!--->")
EARLY_COMMENT_END = "--!>"


def selector_hint(selector: str) -> str | None:
    """Text every element `selector` matches holds in its start tag (ASCII, in lower case), or None
    when the selector's form does not tell one."""
    if COMPOUND.fullmatch(selector.strip()) is None:
        return None
    # Class names, ids, attribute names and values: the start tag holds every one of them.
    held = [part for match in HELD.finditer(selector) for part in match.groups() if part and HINT.fullmatch(part)]
    return max(held, key=len).lower() if held else None


def page_attribute_text(source: str, scanned: Scan) -> bytes:
    """All of the page that lexbor may read as attribute text, in UTF-8 with ASCII letters in lower
    case (hints are ASCII; bytes fold case several times faster than a str does)."""
    pieces = list(scanned.tag_attrs)
    for start, end in scanned.comments:
        if source.startswith(EARLY_COMMENT_STARTS, start) or source.find(EARLY_COMMENT_END, start, end) >= 0:
            pieces.append(source[start:end])
    if not MARKUP_CONTEXTS.isdisjoint(scanned.tag_names):
        pieces += _raw_text_read_as_markup(source, scanned)
    pieces += [html.unescape(text) for text in pieces if "&" in text and SPELLING_REFERENCE.search(text)]
    return "\n".join(pieces).encode("utf-8", "surrogatepass").lower()


def _raw_text_read_as_markup(source: str, scanned: Scan) -> list[str]:
    """From the first start tag of a markup context on, the content of every raw-text element that
    could hold a start tag (a `<` then a letter). A context's end tag is not taken as its end:
    lexbor stays inside one past an end tag that a nested HTML element makes it ignore."""
    names = scanned.tag_names
    first = next(index for index, name in enumerate(names) if name in MARKUP_CONTEXTS)
    found = []
    for index in [index for index in range(first, len(names)) if names[index] in RAW_TEXT_ELEMENTS]:
        # The scan resumed after the element's content: the next tag it found ends it.
        end = scanned.tag_starts[index + 1] if index + 1 < len(names) else len(source)
        if START_TAG.search(source, scanned.tag_ends[index], end):
            found.append(source[scanned.tag_ends[index]:end])
    return found


class HintFinder:
    """Which of a rule set's hints a page's attribute text holds, all found in one pass of an RE2
    set: a substring search for each hint took 25 µs a page for each of the built-in 47."""

    def __init__(self, hints: Iterable[str]) -> None:
        self.hints = tuple(sorted(set(hints)))  # RE2 answers with indexes into this
        self.known = frozenset(self.hints)
        self._set = _literal_set(self.hints)

    def found(self, text: bytes) -> set[str]:
        """The hints `text` holds (one substring search each without RE2)."""
        indexes = self._set.Match(text) if self._set is not None else None
        if not indexes:  # none found, or RE2 gave up (its set answers nothing when out of memory)
            return {hint for hint in self.hints if hint.encode() in text}
        return {self.hints[index] for index in indexes}


def _literal_set(hints: Sequence[str]) -> Any:
    """An RE2 set of the hints as literals, unanchored; None without RE2."""
    try:
        from re2 import _re2
    except ImportError:  # pragma: no cover - RE2 is a dependency; without it each hint is searched alone
        return None
    from .prefilter import re2_options

    literals = _re2.Set(_re2.RE2.Anchor.UNANCHORED, re2_options(_re2, capture=False))
    if not hints or not all(literals.Add(re.escape(hint).encode()) >= 0 for hint in hints) or not literals.Compile():
        return None
    return literals


class SelectorScreen:
    """Which selectors could match one page; its attribute text is gathered on the first question."""

    def __init__(self, source: str, scanned: Scan, finder: HintFinder | None = None) -> None:
        self._source = source
        self._scanned = scanned
        self._finder = finder or HintFinder(())
        self._text = b""
        self._found: set[str] | None = None

    def could_match(self, selectors: Sequence[str], hints: Sequence[str | None]) -> list[str]:
        """The selectors, less those whose hint the page lacks."""
        if self._found is None:
            self._text = page_attribute_text(self._source, self._scanned)
            self._found = self._finder.found(self._text)
        found, known = self._found, self._finder.known
        # A hint the finder was not made with (a rule from outside its rule set) is searched alone.
        return [selector for selector, hint in zip(selectors, hints)
                if hint is None or (hint in found if hint in known else hint.encode() in self._text)]
