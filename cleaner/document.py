"""The document model: decoded source text cut into blocks that remember where they came from."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from . import inline_breaks, wrap
from .canonical import canonical_paragraph, has_hidden_characters
from .inline_breaks import InlineBreaks, detect_inline_breaks
from .wrap import Wrap, detect_wrap, has_spaced_marks, join_lines

# How a plain text's lines make paragraphs, when not one line each: a hard wrap, or breaks at
# inline elements. The manifest records it.
Reading = Wrap | InlineBreaks

Format = Literal["text", "html"]
LINE = re.compile(r"[^\r\n]+")
LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class CleanWarning:
    """Something the manifest should tell a reader, that did not stop the document."""

    code: str
    message: str
    rule: str | None = None

    def as_dict(self) -> dict[str, str]:
        entry = {"code": self.code, "message": self.message}
        if self.rule:
            entry["rule"] = self.rule
        return entry


class Block(NamedTuple):
    """One paragraph: its canonical text and its character span [start, end) in the source.

    A named tuple rather than a frozen dataclass: a document has hundreds of blocks, and a tuple
    is made several times faster."""

    index: int
    text: str
    start: int
    end: int


def read_text(source: str) -> tuple[list[Block], Reading | None]:
    """A plain text's blocks, and how its lines make paragraphs when not one line each: its lines
    split once for both."""
    lines = _lines(source)
    reading = _reading_of(source, lines)
    return _blocks(source, lines, reading), reading


def text_blocks(source: str, reading: Reading | None | Literal["detect"] = "detect") -> list[Block]:
    """Plain text: every line with visible content is a paragraph; in hard-wrapped text, every run
    of lines the wrap broke apart is one (cleaner/wrap.py), and in text broken at inline elements,
    every run of a paragraph's pieces (cleaner/inline_breaks.py). `reading` says which (None: a
    line each), or asks to find out.

    Scrapers write one paragraph per line, with or without blank lines between; a line is the
    unit they agree on. Lines that fold to nothing (white space, invisible characters) are not
    blocks, and dropping them, like joining a wrapped paragraph's lines, is canonical form, not a
    removal.
    """
    lines = _lines(source)
    return _blocks(source, lines, _reading_of(source, lines) if reading == "detect" else reading)


def _reading_of(source: str, lines: list[str]) -> Reading | None:
    # A wrap is told by line widths, inline breaks by lines that go on: a text shows one or the other.
    return detect_wrap(lines) or detect_inline_breaks(source)


def _blocks(source: str, lines: list[str], reading: Reading | None) -> list[Block]:
    hidden = has_hidden_characters(source)  # one search of the whole text spares two per line
    if reading is not None:
        return _joined_blocks(source, reading, hidden)
    blocks: list[Block] = []
    if not hidden and "\r" not in source:
        # The common case: lines end with "\n" alone, so splitting gives them and their offsets
        # without a regex match object per line (about twice as fast).
        start = 0
        for line in lines:
            if line and (text := canonical_paragraph(line, hidden=False)):
                blocks.append(Block(len(blocks), text, start, start + len(line)))
            start += len(line) + 1
        return blocks
    for match in LINE.finditer(source):
        text = canonical_paragraph(match.group(), hidden=hidden)
        if text:
            blocks.append(Block(len(blocks), text, *match.span()))
    return blocks


def _lines(source: str) -> list[str]:
    return source.split("\n") if "\r" not in source else LINE_END.split(source)


def _joined_blocks(source: str, reading: Reading, hidden: bool) -> list[Block]:
    """One block per paragraph whose lines `reading` joins, spanning from its first line's start to
    its last line's end."""
    spans: list[tuple[int, int]] = []  # every line, blank ones included
    start = 0
    for end in LINE_END.finditer(source):
        spans.append((start, end.start()))
        start = end.end()
    spans.append((start, len(source)))
    lines = [source[s:e] for s, e in spans]
    joins = wrap.joins_next(lines, reading) if isinstance(reading, Wrap) else inline_breaks.joins_next(lines)
    spaced_marks = has_spaced_marks(source)
    blocks: list[Block] = []
    first = 0
    for index, joined in enumerate(joins):
        if joined:
            continue
        text = canonical_paragraph(join_lines(lines[first:index + 1], spaced_marks), hidden=hidden)
        if text:
            blocks.append(Block(len(blocks), text, spans[first][0], spans[index][1]))
        first = index + 1
    return blocks


def strip_spans(source: str, blocks: list[Block], spans: Sequence[tuple[int, int]]) -> list[Block]:
    """`blocks` with the source `spans` deleted from their text: each block's lines joined again and
    in canonical form, a block left with nothing goes, the rest numbered anew. A span may cover
    parts of several blocks, or whole ones.

    The pipeline takes Markdown's markup out of the blocks so; and a manifest's removals taken out
    of a text's blocks so give its clean text (docs/manifest.md)."""
    spans = sorted(spans)
    starts = [start for start, _ in spans]
    spaced_marks: bool | None = None  # as _joined_blocks asks it; only where a block has lines to join
    stripped: list[Block] = []
    for block in blocks:
        first = max(0, bisect.bisect_right(starts, block.start) - 1)
        inside = [(max(s, block.start), min(e, block.end)) for s, e in spans[first:bisect.bisect_left(starts, block.end)]
                  if s < block.end and e > block.start]
        if not inside:
            stripped.append(block._replace(index=len(stripped)))
            continue
        kept, position = [], block.start
        for start, end in inside:
            kept.append(source[position:start])
            position = end
        kept.append(source[position:block.end])
        lines = LINE_END.split("".join(kept))
        if len(lines) > 1 and spaced_marks is None:
            spaced_marks = has_spaced_marks(source)
        text = canonical_paragraph(join_lines(lines, bool(spaced_marks)))
        if text:
            stripped.append(Block(len(stripped), text, block.start, block.end))
    return stripped


class TextLeft:
    """What a source holds once some of its spans (sorted) are removed, and where each piece stands in
    the source: markup read in what an earlier step left maps back to source spans."""

    def __init__(self, source: str, removed: Sequence[tuple[int, int]]) -> None:
        self.pieces: list[tuple[int, int]] = []  # (start in the text left, start in the source)
        parts, at, length = [], 0, 0
        for removed_start, removed_end in removed:
            if removed_start > at:
                self.pieces.append((length, at))
                parts.append(source[at:removed_start])
                length += removed_start - at
            at = max(at, removed_end)
        if at < len(source) or not self.pieces:
            self.pieces.append((length, at))
            parts.append(source[at:])
        self.text = "".join(parts)
        self.starts = [start for start, _ in self.pieces]
        self.source_starts = [start for _, start in self.pieces]

    def from_source(self, offset: int) -> int:
        """Where a source offset stands in the text left (an offset inside a removed span: where the
        next piece starts)."""
        at = bisect.bisect_right(self.source_starts, offset) - 1
        if at < 0:
            return 0
        piece_start, source_start = self.pieces[at]
        return min(piece_start + offset - source_start, self._piece_end(at))

    def to_source(self, start: int, end: int) -> list[tuple[int, int]]:
        """The source spans of the text left's span [start, end): one where nothing removed lies inside."""
        spans = []
        at = bisect.bisect_right(self.starts, start) - 1
        while start < end:
            piece_start, source_start = self.pieces[at]
            stop = min(end, self._piece_end(at))
            if stop > start:
                spans.append((source_start + start - piece_start, source_start + stop - piece_start))
            start, at = stop, at + 1
        return spans

    def _piece_end(self, at: int) -> int:
        return self.starts[at + 1] if at + 1 < len(self.pieces) else len(self.text)


def outside_blocks(source: str, blocks: list[Block], spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """For each source span, its parts that none of `blocks` (in order, apart) covers, but for
    white space alone (what stands between paragraphs is no text of theirs): none for a span
    inside one block, the span itself for one outside them all."""
    starts = [b.start for b in blocks]
    outside = []
    for start, end in spans:
        parts, position = [], start
        for at in range(max(0, bisect.bisect_right(starts, start) - 1), len(blocks)):
            block = blocks[at]
            if block.start >= end:
                break
            if block.end > position:
                parts.append((position, max(position, block.start)))
                position = block.end
        parts.append((position, max(position, end)))
        outside.append([(s, e) for s, e in parts if source[s:e].strip()])
    return outside


def within_blocks(blocks: list[Block], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each source span, whether it lies within a single block's span. (Not an empty answer of
    outside_blocks: a span over two blocks with only white space between them is outside each.)"""
    starts = [b.start for b in blocks]
    inside = []
    for start, end in spans:
        at = bisect.bisect_right(starts, start) - 1
        inside.append(at >= 0 and end <= blocks[at].end)
    return inside
