"""Text broken at inline elements: tell it from text with one paragraph per line, and join its pieces.

A scraper that takes each text node of a page as a line (BeautifulSoup's `get_text("\\n")`,
selectolax's `text(separator="\\n")`) breaks a paragraph at every link and every emphasis:

    The coach praised
    Larry Ogunjobi
    , who played 63 snaps.

Read one line at a time, such a paragraph is a row of fragments, and fragments read as furniture:
the detector takes a sentence's names for a menu, a rule takes a fragment that happens to read
like a label. So the pieces of a broken paragraph are joined into one block first.

A text is taken as broken so only on evidence that other text does not give: lines that begin with
a mark that closes what the line before said (a comma, a semicolon, a closing bracket, a full stop
or colon before a space, `’s`). Writers and scrapers that keep paragraphs whole never start a line
so: none of the dev split's 264 text dumps and articles, nor the seeds, has one. A text without
that evidence is read as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .words import SENTENCE_ENDS, ends_with

# A line that goes on from the one before: `, who`, `; then`, `)`, `. The`, `: a`, `’s`, a closing
# quote. Not `...` (a teaser's ellipsis), not `.5` or `.com`, not `%` or `»` (vote counts, menus).
CONTINUES = re.compile(r"[,;)\]]|[.:](?=\s|\Z)|['’]s\b|[’”\"](?=[\s,.;:)]|\Z)")
# A line break before a line that goes on (white space aside). Starting with a literal `\n` lets
# the search skip to line ends in C; a text with `\r` in it takes the slower form.
CONTINUATION_BREAK = re.compile(r"\n[^\S\n]*(?=" + CONTINUES.pattern + ")")
CONTINUATION_BREAK_CR = re.compile(r"(?:\r\n|\r|\n)[^\S\r\n]*(?=" + CONTINUES.pattern + ")")
# A line that ends so leaves its sentence open: a comma, an opening bracket or quote (the link
# inside it is on the next line).
OPENING_ENDS = (",", "(", "[", "“", "‘", "«", ' "', " '")
# Lines that begin so, as many as this: one or two can be a stray (a `, ` that a page typed).
MIN_CONTINUATIONS = 3
# A link or an emphasis inside a sentence: its text as a line of its own is this short.
INLINE_MAX_WORDS = 6
# A piece in lower case goes on the sentence before it when the line before was left open (it ends
# with a comma or a word in lower case: `called`, `the`) or when the piece is this long: a
# lower-case label or byline (`see also`, `by India Post News Weekly`) after a title-case label
# (`Share it With Friends`) stands alone.
LOWER_MIN_WORDS = 8


class InlineBreaks(NamedTuple):
    """How a text broken at inline elements was read (the manifest records it)."""

    continuations: int  # lines that begin with a closing mark: the evidence

    def as_dict(self) -> dict[str, int]:
        return self._asdict()


def continues(line: str) -> bool:
    """Whether `line` (stripped) begins with a mark that closes what the line before said."""
    return CONTINUES.match(line) is not None


def detect_inline_breaks(text: str) -> InlineBreaks | None:
    """Whether `text` was broken at inline elements."""
    # Every text takes this test: a search in C, not a loop over its lines; most texts have no match.
    found = 0
    for match in (CONTINUATION_BREAK_CR if "\r" in text else CONTINUATION_BREAK).finditer(text):
        start = match.start()
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        if line_start < start and not text[line_start:start].isspace():  # the line before holds text
            found += 1
    return InlineBreaks(found) if found >= MIN_CONTINUATIONS else None


def joins_next(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it and the next are pieces of one paragraph.

    The next line goes on this one when it begins with a closing mark. It may also go on in lower
    case after a line that ends no sentence (a line left open, or a long piece), and a short line
    that ends no sentence, between a line left open and a line that goes on, may be an inline
    element's text (`Larry Ogunjobi` above); those two joins are made only where the pieces joined
    reach the end of a sentence, as a paragraph does and a label over a list (`see also`) or a
    byline does not."""
    stripped = [line.strip() for line in lines]
    joined = [False] * len(stripped)
    # Whether the paragraph that goes on from each line reaches a sentence's end: read from the last line up.
    reaches_end = [bool(line) and ends_with(line, SENTENCE_ENDS) for line in stripped]
    for index in range(len(stripped) - 2, -1, -1):
        line, following = stripped[index], stripped[index + 1]
        if not line or not following:
            continue
        if continues(following):
            joined[index] = True
        elif reaches_end[index + 1] and _goes_on(line, following):
            joined[index] = True
        elif index + 2 < len(stripped) and _left_open(line) and _may_be_inline(following):
            after = stripped[index + 2]
            if joined[index + 1] and reaches_end[index + 1]:
                joined[index] = True
            elif after and after[0].islower() and reaches_end[index + 2]:
                # `The most recent` / `Star Trek` / `film was ...`: the lower case after the link
                # goes on the sentence the line before it left open.
                joined[index] = joined[index + 1] = reaches_end[index + 1] = True
        reaches_end[index] = reaches_end[index] or (joined[index] and reaches_end[index + 1])
    return joined


def _goes_on(line: str, following: str) -> bool:
    """Whether `following`, in lower case, goes on the sentence that `line` (both stripped, not
    empty) left open."""
    return following[0].islower() and (
        _left_open(line) or (len(following.split()) >= LOWER_MIN_WORDS and not ends_with(line, SENTENCE_ENDS)))


def _may_be_inline(line: str) -> bool:
    """Whether `line` (stripped, not empty) could be a link's or an emphasis's text inside a sentence."""
    return not ends_with(line, SENTENCE_ENDS) and len(line.split()) <= INLINE_MAX_WORDS


def _left_open(line: str) -> bool:
    """Whether `line` (stripped, not empty) stops mid-sentence: after a comma, an opening bracket
    or quote, or a word in lower case (`the`, `called`). A label ends with a capital or a number
    (`0 Comments`)."""
    if ends_with(line, SENTENCE_ENDS):
        return False
    return line.endswith(OPENING_ENDS) or line.rsplit(maxsplit=1)[-1][0].islower()
