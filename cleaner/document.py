"""The document model: decoded source text cut into blocks that remember where they came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

from .canonical import canonical_paragraph, has_hidden_characters

Format = Literal["text", "html"]
LINE = re.compile(r"[^\r\n]+")


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


def text_blocks(source: str) -> list[Block]:
    """Plain text: every line with visible content is a paragraph.

    Scrapers write one paragraph per line, with or without blank lines between; a line is the
    unit they agree on. Lines that fold to nothing (white space, invisible characters) are not
    blocks, and dropping them is canonical form, not a removal.
    """
    blocks: list[Block] = []
    hidden = has_hidden_characters(source)  # one search of the whole text spares two per line
    if not hidden and "\r" not in source:
        # The common case: lines end with "\n" alone, so splitting gives them and their offsets
        # without a regex match object per line (about twice as fast).
        start = 0
        for line in source.split("\n"):
            if line and (text := canonical_paragraph(line, hidden=False)):
                blocks.append(Block(len(blocks), text, start, start + len(line)))
            start += len(line) + 1
        return blocks
    for match in LINE.finditer(source):
        text = canonical_paragraph(match.group(), hidden=hidden)
        if text:
            blocks.append(Block(len(blocks), text, *match.span()))
    return blocks
