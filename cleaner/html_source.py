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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
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
    # characters): the same language as (?:[^>"']|"[^"]*"|'[^']*')*, a third faster to match. Its
    # quantifiers are possessive: each stops only before a quote or `>`, which it cannot take, so
    # no backtracking into one can succeed, and the engine need not keep track of where to go back.
    r"""|<(?P<end>/)?(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>[^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+)>""",
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


def is_self_closing(attrs: str) -> bool:
    """Whether a tag's attribute text ends in `/` (`<br/>`, `<div />`)."""
    return attrs.rstrip().endswith("/") if attrs else False


@dataclass(frozen=True)
class Scan:
    """The page's tags and visible text runs, kept in flat lists of strings and numbers.

    A page has thousands of tags. A tuple for each kept alive while the page is cleaned made Python's
    cyclic garbage collector run 141 times a pass over the dev pages, and those runs walk every
    young object; lists of strings and integers hold nothing it needs to follow (docs/performance.md).
    """

    tag_names: list[str]  # lower case; an end tag's name has a "/" before it
    tag_starts: list[int]
    tag_ends: list[int]
    tag_attrs: list[str]  # the raw attribute text, parsed only when a node is checked against it
    run_bounds: list[int]  # start, end, start, end ... of each run of visible character data between tags
    comments: list[tuple[int, int]] = field(default_factory=list)  # [start, end) of each <!-- ... -->

    @cached_property
    def max_depth(self) -> int:
        """The deepest nesting of elements that must be closed explicitly (an end tag closes the
        innermost open one; a void, self-closing or optionally closed element opens no level)."""
        depth = max_depth = 0
        kind_of = TAG_KINDS.get
        for name, attrs in zip(self.tag_names, self.tag_attrs):
            closing = name.startswith("/")
            if kind_of(name[closing:], 0) & KEEPS_DEPTH or is_self_closing(attrs):
                continue
            if closing:
                depth = max(0, depth - 1)
            else:
                depth += 1
                max_depth = max(max_depth, depth)
        return max_depth

    def nests_deeper_than(self, limit: int) -> bool:
        """Whether `max_depth` is over `limit`. Each level needs a tag of its own, so a page of
        `limit` tags or fewer is not counted (most pages: a pass over the tags saved)."""
        return len(self.tag_names) > limit and self.max_depth > limit

    def end_tag(self, index: int) -> int | None:
        """The index of the end tag that closes the start tag at `index` (elements of its name
        nest; a self-closing one opens none), or None when none does: the parser's end is a guess."""
        names, name = self.tag_names, self.tag_names[index]
        end_name, depth = "/" + name, 0
        for later in range(index, len(names)):
            named = names[later]
            if (named != name and named != end_name) or is_self_closing(self.tag_attrs[later]):
                continue
            depth += -1 if named == end_name else 1
            if depth == 0:
                return later
        return None

    def tag(self, index: int) -> TagToken:
        name, attrs = self.tag_names[index], self.tag_attrs[index]
        closing = name.startswith("/")
        return TagToken(name[closing:], self.tag_starts[index], self.tag_ends[index], closing,
                        is_self_closing(attrs), attrs)

    @property
    def tags(self) -> list[TagToken]:
        """Every tag as a TagToken (built on demand: for checks, not lookups)."""
        return [self.tag(index) for index in range(len(self.tag_names))]

    @property
    def text_runs(self) -> list[tuple[int, int]]:
        """[start, end) of each run of visible character data (built on demand: for checks)."""
        return list(zip(self.run_bounds[::2], self.run_bounds[1::2]))


# What a tag's name means for the scan, as bits; a name absent from TAG_KINDS only deepens the tree.
HIDES, RAW_TEXT, KEEPS_DEPTH = 1, 2, 4
TAG_KINDS = {
    name: (HIDES if name in INVISIBLE_ELEMENTS else 0) | (RAW_TEXT if name in RAW_TEXT_ELEMENTS else 0)
    | (KEEPS_DEPTH if name in IMPLICITLY_CLOSED else 0)
    for name in INVISIBLE_ELEMENTS | RAW_TEXT_ELEMENTS | IMPLICITLY_CLOSED
}


def scan(source: str) -> Scan:
    names: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    attributes: list[str] = []
    bounds: list[int] = []
    comments: list[tuple[int, int]] = []
    position = 0
    size = len(source)
    hidden_depth = 0  # inside <head> or <template>
    # Bound once: this loop runs for every tag of the page.
    finditer, kind_of = MARKUP.finditer, TAG_KINDS.get
    add_name, add_start, add_end, add_attrs, add_bound = names.append, starts.append, ends.append, attributes.append, bounds.append
    while True:
        # One iterator until a raw-text element, whose content is no markup: it resumes past it.
        for match in finditer(source, position):
            stop, after = match.span()
            if stop > position and not hidden_depth:
                add_bound(position)
                add_bound(stop)
            position = after
            end, name, attrs = match.groups()
            if name is None:
                if source.startswith("<!--", stop):
                    comments.append((stop, position))
                continue
            name = name.lower()
            closing = end is not None
            add_name("/" + name if closing else name)
            add_start(stop)
            add_end(position)
            add_attrs(attrs)
            kind = kind_of(name, 0)
            if not kind:  # most tags: no more to do (nesting is counted on demand, Scan.max_depth)
                continue
            if kind & HIDES:
                hidden_depth = max(0, hidden_depth + (-1 if closing else 1))
            if kind & RAW_TEXT and not closing:
                close = RAW_TEXT_END[name].search(source, position)
                raw_end = close.start() if close else size
                if name in VISIBLE_RAW_TEXT and not hidden_depth and raw_end > position:
                    add_bound(position)
                    add_bound(raw_end)
                position = raw_end
                break
        else:
            break
    if position < size and not hidden_depth:
        add_bound(position)
        add_bound(size)
    return Scan(names, starts, ends, attributes, bounds, comments)


class VisibleText:
    """The page's visible characters without white space, each mapped back to its source span.

    White space is left out on both sides of a comparison because extractors re-space text
    freely (inline tags joined, block tags split); the characters themselves they keep.

    Kept as segments, not per character (a page has hundreds of thousands of characters and
    only its paragraphs' ends are ever looked up): a stretch of plain text between tags and
    character references is one segment, whose characters are its non-space source characters;
    each character a reference decodes to is a segment of its own, spanning the whole reference.
    """

    def __init__(self, source: str, run_bounds: list[int], excluded: list[tuple[int, int]] = ()) -> None:
        """`run_bounds`: Scan.run_bounds, the start and end of each visible run one after the other."""
        built = _Builder(source)
        excluded = sorted(excluded)
        excluded_starts = [s for s, _ in excluded]
        after = 0  # how many excluded spans start at or before the run (runs come in source order)
        for run_start, run_end in zip(run_bounds[::2], run_bounds[1::2]):
            while after < len(excluded_starts) and excluded_starts[after] <= run_start:
                after += 1
            cut = after < len(excluded_starts) and excluded_starts[after] < run_end  # one starts inside the run
            holder = excluded[after - 1] if after and excluded[after - 1][1] > run_start else None
            if holder is not None and holder[1] >= run_end and not cut:
                continue  # a pruned node holds the whole run
            if holder is not None or cut:
                # A run that pruned spans cut (only where the source's markup is odd): piece by
                # piece, each piece kept or not by its own offset.
                built.add_pieces(run_start, run_end, excluded, excluded_starts)
                continue
            position = run_start
            if source.find("&", run_start, run_end) >= 0:
                for match in ENTITY.finditer(source, run_start, run_end):
                    built.add_plain(position, match.start())
                    built.add_reference(match.start(), match.end(), html.unescape(match.group()))
                    position = match.end()
            built.add_plain(position, run_end)
        self.text = "".join(built.pieces)
        self._source = source
        self._index = built.index  # text index of each segment's first character
        self._start = built.start  # source offset of each segment's first character
        self._first_end = built.first_end  # source end of each segment's first character
        self._end = built.end  # where the segment's last character ends (a reference's end)
        self._plain = built.plain
        self._spaced = built.spaced  # white space stood before the segment's first character
        self._offsets: dict[int, Sequence[int]] = {}  # plain segment -> its characters' offsets, when asked

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
        return "".join((" " if k > i and self.spaced_at(k) else "") + self.text[k] for k in range(i, j))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source offsets covering visible characters i..j-1."""
        return self.start_at(i), self.end_at(j - 1)

    def between(self, start: int, end: int) -> tuple[int, int] | None:
        """Source span from the first to the last visible character inside [start, end), if any."""
        first = self.count_before(start)
        last = self._count_ending_by(end) - 1
        if first >= len(self.text) or last < first or self.start_at(first) >= end:
            return None
        return self.start_at(first), self.end_at(last)

    def count_before(self, offset: int) -> int:
        """How many visible characters start before source `offset`."""
        return self._count_through(bisect.bisect_left(self._start, offset) - 1, offset)

    def _count_ending_by(self, offset: int) -> int:
        """How many visible characters end at or before source `offset`."""
        return self._count_through(bisect.bisect_right(self._first_end, offset) - 1, offset)

    def _count_through(self, segment: int, offset: int) -> int:
        """The characters of the segments before `segment`, and those of `segment` itself that
        start before `offset` (a plain character starts before it exactly when it ends by it)."""
        if segment < 0:
            return 0
        index = self._index[segment]
        if not self._plain[segment]:
            return index + 1
        # Past the segment's last character, or at its first: no need to list where each one is.
        if offset >= self._end[segment]:
            return self._next_index(segment)
        if offset <= self._start[segment]:
            return index
        return index + bisect.bisect_left(self._offsets_of(segment), offset)

    def _next_index(self, segment: int) -> int:
        """The text index just past the segment's characters."""
        return self._index[segment + 1] if segment + 1 < len(self._index) else len(self.text)

    @property
    def end_offset(self) -> int:
        """Where the last visible character ends in the source (0 without any)."""
        return self.end_at(len(self.text) - 1) if self.text else 0

    def start_at(self, i: int) -> int:
        """Source offset where visible character i starts."""
        segment = bisect.bisect_right(self._index, i) - 1
        if not self._plain[segment] or i == self._index[segment]:
            return self._start[segment]
        return self._offsets_of(segment)[i - self._index[segment]]

    def end_at(self, i: int) -> int:
        """Source offset where visible character i ends."""
        segment = bisect.bisect_right(self._index, i) - 1
        if not self._plain[segment] or i + 1 == self._next_index(segment):
            return self._end[segment]
        return self._offsets_of(segment)[i - self._index[segment]] + 1

    def spaced_at(self, i: int) -> bool:
        """Whether white space stood between visible character i and the one before."""
        segment = bisect.bisect_right(self._index, i) - 1
        within = i - self._index[segment]
        if within == 0:
            return self._spaced[segment]
        offsets = self._offsets_of(segment)  # a plain segment: only they hold several characters
        return offsets[within] > offsets[within - 1] + 1

    @property
    def starts(self) -> list[int]:
        """Every visible character's source start (built on demand: for checks, not lookups)."""
        return [self.start_at(i) for i in range(len(self.text))]

    @property
    def ends(self) -> list[int]:
        return [self.end_at(i) for i in range(len(self.text))]

    @property
    def spaced(self) -> list[bool]:
        return [self.spaced_at(i) for i in range(len(self.text))]

    def _offsets_of(self, segment: int) -> Sequence[int]:
        """The source offsets of a plain segment's characters: its non-space characters."""
        offsets = self._offsets.get(segment)
        if offsets is None:
            start = self._start[segment]
            one_word = start + self._next_index(segment) - self._index[segment]  # where it ends if it is one word
            if not SPACE.search(self._source, start, one_word):
                offsets = range(start, one_word)  # a word's characters sit side by side
            else:
                listed: list[int] = []
                for match in WORD.finditer(self._source, start, self._end[segment]):
                    listed.extend(range(*match.span()))
                offsets = listed
            self._offsets[segment] = offsets
        return offsets


class _Builder:
    """VisibleText's segments as they grow, and whether white space came since the last character."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.index: list[int] = []
        self.start: list[int] = []
        self.first_end: list[int] = []
        self.end: list[int] = []
        self.plain: list[bool] = []
        self.spaced: list[bool] = []
        self.length = 0
        self.space = False

    def add_plain(self, start: int, end: int) -> None:
        """Plain text source[start:end] (no character reference): one segment of its non-space characters."""
        if end <= start:
            return
        chunk = self.source[start:end]
        words = chunk.split()  # str.split() splits on exactly the characters `\s` matches
        if not words:
            self.space = True
            return
        piece = "".join(words)
        lead = len(chunk) - len(chunk.lstrip())
        # The first and last characters' places are kept: most lookups (a paragraph's ends) ask for them.
        self._add(piece, start + lead, start + lead + 1, start + len(chunk.rstrip()), True, self.space or lead > 0)
        self.space = chunk[-1].isspace()

    def add_char(self, char: str, start: int, end: int) -> None:
        if char.isspace():
            self.space = True
            return
        self._add(char, start, end, end, False, self.space)
        self.space = False

    def _add(self, piece: str, start: int, first_end: int, end: int, plain: bool, spaced: bool) -> None:
        self.pieces.append(piece)
        self.index.append(self.length)
        self.start.append(start)
        self.first_end.append(first_end)
        self.end.append(end)
        self.plain.append(plain)
        self.spaced.append(spaced)
        self.length += len(piece)

    def add_reference(self, start: int, end: int, decoded: str) -> None:
        """A character reference: every visible character it decodes to spans the whole reference."""
        for char in decoded:
            self.add_char(char, start, end)

    def add_pieces(self, start: int, end: int, excluded: list[tuple[int, int]], excluded_starts: list[int]) -> None:
        """A run that pruned spans cut: only the pieces (characters, references) that start outside them."""
        position = start
        for match in ENTITY.finditer(self.source, start, end):
            self._add_kept_chars(position, match.start(), excluded, excluded_starts)
            if not _inside(excluded, excluded_starts, match.start()):
                self.add_reference(match.start(), match.end(), html.unescape(match.group()))
            position = match.end()
        self._add_kept_chars(position, end, excluded, excluded_starts)

    def _add_kept_chars(self, start: int, end: int, excluded: list[tuple[int, int]],
                        excluded_starts: list[int]) -> None:
        for i in range(start, end):
            if not _inside(excluded, excluded_starts, i):
                self.add_char(self.source[i], i, i + 1)


def _holder(spans: list[tuple[int, int]], starts: list[int], offset: int) -> tuple[int, int] | None:
    """The span, of the last one starting at or before `offset`, if it holds `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    return spans[index] if index >= 0 and spans[index][0] <= offset < spans[index][1] else None


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    return _holder(spans, starts, offset) is not None
