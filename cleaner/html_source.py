"""Positions in the decoded HTML page: where each tag starts and ends, and where visible text sits.

selectolax (lexbor) builds a DOM with no source positions, and trafilatura returns text with none.
This module scans the page once, the way an HTML tokenizer does (comments, raw-text elements such
as <script>, quoted attribute values), so that both can be pointed back into the source:

- `TagToken`s: every start and end tag with its [start, end) offsets, for locating DOM nodes;
- `VisibleText`: every visible non-space character with the offsets of the source characters it
  came from (an entity like `&amp;` maps to its whole span), for locating extracted paragraphs.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

# Elements whose content is raw text up to their end tag, never markup (HTML standard, 13.1.2).
RAW_TEXT_ELEMENTS = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"})
# Raw text that is still shown on the page; script and style content is not.
VISIBLE_RAW_TEXT = frozenset({"textarea", "xmp"})
# Text inside these never reaches a reader of the page body.
INVISIBLE_ELEMENTS = frozenset({"head", "template"})
# Elements whose end tag may be left out: a parser closes them itself, so an unclosed one does not
# deepen the tree, and counting it would take an old page full of bare <p> for a deep one.
OPTIONAL_END = frozenset({
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
    "rb", "rt", "rtc", "rp", "html", "head", "body",
})
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
})
# Elements that do not deepen the tree when left open.
IMPLICITLY_CLOSED = OPTIONAL_END | VOID_ELEMENTS
MARKUP = re.compile(
    r"""<!--.*?(?:-->|\Z)"""                                     # comment (an unclosed one runs to the end)
    r"""|<![^>]*>|<\?[^>]*>"""                                   # doctype, CDATA-ish, processing instruction
    # attributes as an unrolled loop (plain characters, then quoted values each followed by plain
    # characters): the same language as (?:[^>"']|"[^"]*"|'[^']*')*, a third faster to match
    r"""|<(?P<end>/)?(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""",
    re.S,
)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
SPACE = re.compile(r"\s+")
WORD = re.compile(r"\S+")
# The end of each raw-text element's content (its end tag, in any case).
RAW_TEXT_END = {name: re.compile(rf"</{name}[\s/>]", re.I) for name in RAW_TEXT_ELEMENTS}


class TagToken(NamedTuple):  # a tuple, not a frozen dataclass: pages have thousands of tags
    name: str  # lower case
    start: int
    end: int
    closing: bool
    self_closing: bool
    attrs: str  # the raw attribute text, parsed only when a node is checked against it

    def attributes(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for match in ATTRIBUTE.finditer(self.attrs):
            name = match.group(1).lower()
            value = next((g for g in match.groups()[1:] if g is not None), "")
            found.setdefault(name, html.unescape(value))
        return found


@dataclass(frozen=True)
class Scan:
    tags: list[TagToken]
    text_runs: list[tuple[int, int]]  # [start, end) of visible character data between tags
    max_depth: int = 0  # deepest nesting of elements that must be closed explicitly


def scan(source: str) -> Scan:
    tags: list[TagToken] = []
    runs: list[tuple[int, int]] = []
    position = 0
    size = len(source)
    hidden_depth = 0  # inside <head> or <template>
    depth = max_depth = 0
    # Bound once: this loop runs for every tag of the page.
    search = MARKUP.search
    add_tag, add_run = tags.append, runs.append
    make_tag = tuple.__new__  # a NamedTuple's own constructor is a Python function
    while position < size:
        match = search(source, position)
        stop = match.start() if match else size
        if stop > position and not hidden_depth:
            add_run((position, stop))
        if not match:
            break
        position = match.end()
        end, name, attrs = match.group(1, 2, 3)
        if not name:
            continue
        name = name.lower()
        closing = end is not None
        self_closing = attrs.rstrip().endswith("/")
        add_tag(make_tag(TagToken, (name, stop, position, closing, self_closing, attrs)))
        if name in INVISIBLE_ELEMENTS:
            hidden_depth = max(0, hidden_depth + (-1 if closing else 1))
        if name not in IMPLICITLY_CLOSED and not self_closing:
            if closing:
                if depth:
                    depth -= 1
            else:
                depth += 1
                if depth > max_depth:
                    max_depth = depth
        if not closing and name in RAW_TEXT_ELEMENTS:
            close = RAW_TEXT_END[name].search(source, position)
            raw_end = close.start() if close else size
            if name in VISIBLE_RAW_TEXT and not hidden_depth and raw_end > position:
                add_run((position, raw_end))
            position = raw_end
    return Scan(tags, runs, max_depth)


class VisibleText:
    """The page's visible characters without white space, each mapped back to its source span.

    White space is left out on both sides of a comparison because extractors re-space text
    freely (inline tags joined, block tags split); the characters themselves they keep.
    """

    def __init__(self, source: str, runs: list[tuple[int, int]], excluded: list[tuple[int, int]] = ()) -> None:
        # Built word by word, not character by character: a word's characters map to consecutive
        # source offsets, so its starts and ends are two ranges (list.extend runs them in C).
        built = _Builder()
        excluded = sorted(excluded)
        excluded_starts = [s for s, _ in excluded]
        for run_start, run_end in runs:
            cut = _starts_between(excluded_starts, run_start, run_end)
            holder = _holder(excluded, excluded_starts, run_start)
            if holder is not None and holder[1] >= run_end and not cut:
                continue  # a pruned node holds the whole run
            if holder is not None or cut:
                # A run that pruned spans cut (only where the source's markup is odd): piece by
                # piece, each piece kept or not by its own offset.
                built.add_pieces(source, run_start, run_end, excluded, excluded_starts)
                continue
            position = run_start
            for match in ENTITY.finditer(source, run_start, run_end):
                built.add_words(source, position, match.start())
                built.add_reference(match.start(), match.end(), html.unescape(match.group()))
                position = match.end()
            built.add_words(source, position, run_end)
        self.text = "".join(built.words)
        self.starts = built.starts
        self.ends = built.ends
        self.spaced = built.spaced  # white space stood between this character and the one before

    def find(self, paragraph: str, after: int) -> tuple[int, int] | None:
        """Positions [i, j) in `self.text` of `paragraph` (white space ignored), the first at or
        after `after`, else the first anywhere; None when the page does not hold it."""
        key = SPACE.sub("", paragraph)
        if not key:
            return None
        index = self.text.find(key, after)
        if index < 0:
            index = self.text.find(key)
        return (index, index + len(key)) if index >= 0 else None

    def occurrences(self, paragraph: str, after: int = 0) -> Iterator[tuple[int, int]]:
        """Every [i, j) in `self.text` at or after `after` that holds `paragraph` (white space
        ignored), in page order."""
        key = SPACE.sub("", paragraph)
        index = self.text.find(key, after) if key else -1
        while index >= 0:
            yield index, index + len(key)
            index = self.text.find(key, index + 1)

    def find_ends(self, paragraph: str, after: int, anchor: int, stretch: float) -> tuple[int, int] | None:
        """[i, j) at or after `after` that starts with the paragraph's first `anchor` visible
        characters and ends with its last, at most `stretch` times its length: the page's version
        of a paragraph the extractor rewrote inside (a link's text left out)."""
        key = SPACE.sub("", paragraph)
        if len(key) < 2 * anchor:
            return None
        start = self.text.find(key[:anchor], after)
        if start < 0:
            return None
        end = self.text.find(key[-anchor:], start + anchor, start + int(stretch * len(key)))
        return (start, end + anchor) if end >= 0 else None

    def text_of(self, i: int, j: int) -> str:
        """Visible characters i..j-1, a space where the page had white space between them."""
        return "".join((" " if self.spaced[k] and k > i else "") + self.text[k] for k in range(i, j))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source offsets covering visible characters i..j-1."""
        return self.starts[i], self.ends[j - 1]

    def between(self, start: int, end: int) -> tuple[int, int] | None:
        """Source span from the first to the last visible character inside [start, end), if any."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_right(self.ends, end) - 1
        if first >= len(self.starts) or last < first or self.starts[first] >= end:
            return None
        return self.starts[first], self.ends[last]


class _Builder:
    """VisibleText's lists as they grow, and whether white space came since the last character."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.spaced: list[bool] = []
        self.space = False

    def add_words(self, source: str, start: int, end: int) -> None:
        """Plain text source[start:end] (no character reference): each character is its own span."""
        position = start
        for match in WORD.finditer(source, start, end):
            first, last = match.span()
            self.words.append(match.group())
            self.starts.extend(range(first, last))
            self.ends.extend(range(first + 1, last + 1))
            self.spaced.append(self.space or first > position)
            self.spaced.extend([False] * (last - first - 1))
            self.space = False
            position = last
        if position < end:
            self.space = True

    def add_char(self, char: str, start: int, end: int) -> None:
        if char.isspace():
            self.space = True
            return
        self.words.append(char)
        self.starts.append(start)
        self.ends.append(end)
        self.spaced.append(self.space)
        self.space = False

    def add_reference(self, start: int, end: int, decoded: str) -> None:
        """A character reference: every visible character it decodes to spans the whole reference."""
        for char in decoded:
            self.add_char(char, start, end)

    def add_pieces(self, source: str, start: int, end: int, excluded: list[tuple[int, int]],
                   excluded_starts: list[int]) -> None:
        """A run that pruned spans cut: only the pieces (characters, references) that start outside them."""
        position = start
        for match in ENTITY.finditer(source, start, end):
            self._add_kept_chars(source, position, match.start(), excluded, excluded_starts)
            if not _inside(excluded, excluded_starts, match.start()):
                self.add_reference(match.start(), match.end(), html.unescape(match.group()))
            position = match.end()
        self._add_kept_chars(source, position, end, excluded, excluded_starts)

    def _add_kept_chars(self, source: str, start: int, end: int, excluded: list[tuple[int, int]],
                        excluded_starts: list[int]) -> None:
        for i in range(start, end):
            if not _inside(excluded, excluded_starts, i):
                self.add_char(source[i], i, i + 1)


def _starts_between(starts: list[int], start: int, end: int) -> bool:
    """Whether some span starts inside (start, end)."""
    index = bisect.bisect_right(starts, start)
    return index < len(starts) and starts[index] < end


def _holder(spans: list[tuple[int, int]], starts: list[int], offset: int) -> tuple[int, int] | None:
    """The span, of the last one starting at or before `offset`, if it holds `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    return spans[index] if index >= 0 and spans[index][0] <= offset < spans[index][1] else None


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    return _holder(spans, starts, offset) is not None
