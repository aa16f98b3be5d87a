"""Hard-wrapped text: tell it from text with one paragraph per line, and find its paragraphs.

Terminal browsers' dumps (lynx, w3m), HTML-to-text converters (html2text wraps at 78 columns) and
tools such as `fmt` break every paragraph into lines of at most a fixed width. Read one line at a
time, such a paragraph is a row of sentence fragments: the detector takes a paragraph's short last
line for furniture, duplicate collapse finds a fragment inside another paragraph, and a rule may
take a fragment that happens to read like a button. So the lines of a wrapped paragraph are joined
into one block first.

A text is taken as wrapped only on evidence that line-per-paragraph text does not give: many line
breaks that a greedy wrap at one width explains (the next line's first word would not have fit)
and that fall mid-sentence (the next line goes on in lower case). The test fires on none of the
dev split's 176 text dumps, its 88 articles or the seeds; a text it misses is read line by line,
as before. Scripts without case (Chinese, Japanese) are never taken as wrapped: they break lines
anywhere, and their lines are read as before.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .inline_breaks import continues
from .words import is_title_cased

# Widths that wrapping tools use (fmt 75, html2text 78, lynx and w3m 79-80, textwrap 70); wider
# than this, lines are paragraphs.
MIN_WIDTH = 40
MAX_WIDTH = 132
# Too few lines or breaks are no evidence either way. Six lines hold a brief of two short
# paragraphs wrapped at 100 columns, and its four breaks (0.2.26; eight before, when such a brief was
# read a line at a time, and a line of it taken for furniture).
MIN_LINES = 6
MIN_BREAKS = 4
# Share of the text's lines that must be wrap breaks: menus, lists and short paragraphs dilute it (a
# news page in a terminal dump may hold a short article among hundreds of menu lines).
MIN_BREAK_SHARE = 0.01
# French typography puts a space before `;` and `:` (`il a dit : « non »`); a text that shows one
# inside a line keeps that space where a line starts with the mark.
SPACED_MARK = re.compile(r"[^\S\r\n][;:](?=\s)")
# Share of the breaks that must fall inside a sentence: the line ends with no sentence end and the
# next starts with a lower-case letter. Paragraph-per-line text ends its lines with a sentence end,
# and a list of headlines or menu items of about one length starts each with a capital; German
# wrapped text, whose nouns are capitalised, still has about 0.45.
MIN_MID_SENTENCE_SHARE = 0.3
# Trailing white space that the gate's raw lengths may include and a line's own length does not.
MAX_TRAILING_SPACE = 2
# Share of the wrapped runs that end a paragraph (a sentence end, or a headline's few lines before a
# blank line: _ends_paragraph), while a list of lines of about one length, each starting in lower
# case, would be one endless run. (A wrapped menu ends without one: text-all dumps need this low.)
MIN_ENDED_SHARE = 0.3
# A wrapped run of at most this many lines before a blank line ends a paragraph without a sentence
# end: a headline (terminal browsers wrap teasers' headlines so).
HEADLINE_MAX_LINES = 3
# Blank lines after this share of the lines that end a paragraph (and at least twice): they, not
# line ends, separate paragraphs. A few blank lines around a menu or a footer do not.
MIN_BLANK_GAPS = 2
MIN_BLANK_GAP_SHARE = 0.3
# A line whose longest word is longer than this (an address) went past the width because the word
# could not be broken: it tells nothing about the width.
MAX_WORD = 30
# Paragraph-per-line text with a few lines over MAX_WIDTH is not wrapped; a wrapped text may hold a
# few (an unbreakable address, a preformatted line).
MAX_OVERLONG_SHARE = 0.05
SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", "»", ")", "…", "。", "！", "？")
# A list item starts a paragraph of its own even right after a full line.
LIST_ITEM = re.compile(r"\s*(?:[-*+•·▪◦‣]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
# `well-` at a line's end and `known` at the next line's start were one word.
HYPHEN_BREAK = re.compile(r"\w-\Z")
# A line that starts with a rule of one mark (`____________________`, lynx's form field or
# horizontal rule; `-----` or `=====` under a heading): neither it nor the line before it is
# evidence of a wrap (a column of headlines over such fields read as breaks, none mid-sentence).
RULE = re.compile(r"([_=~*-])\1\1")
# A quote's marks at a line's start (`> `, `> > `): Markdown and e-mail wrap a quoted paragraph
# inside them, so the word a wrap moved to the next line is the one after that line's marks.
QUOTE_MARKS = re.compile(r"[ \t]{0,3}>(?:[ \t]?>)*[ \t]?")


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width `lines` (a text's lines, without their line ends) were wrapped at, or None when
    they are not hard-wrapped."""
    evidence = _evidence(lines)
    return evidence[0] if evidence else None


def _evidence(lines: Sequence[str]) -> tuple[int, list[int], int] | None:
    """The wrap's width, the lines' lengths and how many lines it broke; None for unwrapped text."""
    # Every text takes this test, most of them with a paragraph per line: C-level maps, no loop,
    # and the first look at lengths as they are (trailing white space is rare).
    raw = sorted(map(len, lines))
    content = len(raw) - raw.count(0)
    if content < MIN_LINES or _overlong(lines, raw, MAX_OVERLONG_SHARE * content):
        return None
    lengths = _lengths(lines)
    content = len(lengths) - lengths.count(0)
    width = _width(lines, lengths)
    if width is None:
        return None
    breaks = _wrap_breaks(lines, raw, lengths, width, content)
    if breaks is None:
        # Terminal browsers indent paragraphs and wrap headings a few columns wider than them: a
        # width read off a heading misses the paragraphs' breaks. Ask the width of the lines whose
        # indentation most long lines share. And a site's headlines in title case break before a
        # capital as a paragraph per line does: ask again without them, at the paragraphs' width
        # first (taken without them from the start, the wide width passed where only the
        # narrower one joins the article's lines: docs/design.md).
        narrower = _width(lines, lengths, _common_indent(lines, lengths, width))
        if narrower is not None and narrower != width:
            for headlines_against in (True, False):
                narrower_breaks = _wrap_breaks(lines, raw, lengths, narrower, content, headlines_against)
                if narrower_breaks is not None:
                    return narrower, lengths, narrower_breaks
        breaks = _wrap_breaks(lines, raw, lengths, width, content, headlines_against=False)
    return (width, lengths, breaks) if breaks is not None else None


def _wrap_breaks(lines: Sequence[str], raw: list[int], lengths: list[int], width: int, content: int,
                 headlines_against: bool = True) -> int | None:
    """How many lines a wrap at `width` broke, or None when the lines do not show such a wrap.
    Without `headlines_against`, a break in a title-cased line before a capital is evidence
    neither way."""
    # Too few lines long enough to be broken by the wrap to hold enough breaks.
    if _count_between(raw, width - MAX_WORD, width) < max(MIN_BREAKS, MIN_BREAK_SHARE * content):
        return None
    breaks = mid_sentence = headlines = ends = ended = 0
    previous = start = -2  # the last break, and the first of its run
    for line, index, following in _breaks(lines, lengths, width):
        breaks += 1
        if following.lstrip()[:1].islower():
            mid_sentence += not line.rstrip().endswith(SENTENCE_ENDS)
        elif not headlines_against:
            headlines += is_title_cased(line)
        if index != previous + 1:
            if previous >= 0:  # the run before ended at its last line
                ends, ended = ends + 1, ended + _ends_paragraph(lines, start, previous + 1)
            start = index
        previous = index
    if previous >= 0:
        ends, ended = ends + 1, ended + _ends_paragraph(lines, start, previous + 1)
    if breaks < MIN_BREAKS or breaks < MIN_BREAK_SHARE * content:
        return None
    # (A list of title-cased headlines alone is no wrap: MIN_BREAKS stays the least counted.)
    counted = breaks if headlines_against else max(breaks - headlines, MIN_BREAKS)
    if mid_sentence < MIN_MID_SENTENCE_SHARE * counted or ended < MIN_ENDED_SHARE * ends:
        return None
    return breaks


def _common_indent(lines: Sequence[str], lengths: list[int], width: int) -> int:
    """The indentation most lines of two words or more that reach near `width` share, list items
    aside: lynx's numbered list of the page's addresses (`  12. https://...`) is no paragraph."""
    indents = Counter(_indent(line) for line, length in zip(lines, lengths)
                      if length >= width - MAX_WORD and " " in line.strip() and not LIST_ITEM.match(line))
    return indents.most_common(1)[0][0] if indents else 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _ends_paragraph(lines: Sequence[str], first: int, last: int) -> bool:
    """Whether a wrapped run (lines `first` to `last`) ends a paragraph: its last line ends a
    sentence, or the run is a headline's few lines with a blank line after it. A terminal browser's
    dump wraps a teaser's headline so (`[44]'I am an American,' witness reminds ...` / `hearing -
    Photo`): no sentence end, and no endless run either, which a long run before a blank line may be."""
    return lines[last].rstrip().endswith(SENTENCE_ENDS) or (
        last - first <= HEADLINE_MAX_LINES - 1 and last + 1 < len(lines) and not lines[last + 1].strip())


class Wrap(NamedTuple):
    """How a hard-wrapped text was read (the manifest records it, so that its reading can be repeated)."""

    width: int
    # Paragraphs end only at blank lines; else a full line that ends a sentence before a capital
    # ends one too.
    blank_lines_separate: bool

    def as_dict(self) -> dict[str, int | bool]:
        return self._asdict()


def detect_wrap(lines: Sequence[str]) -> Wrap | None:
    """How `lines` (a text's lines, without their line ends) were wrapped; None when they were not.

    Where blank lines follow a good share of the lines that end a paragraph, they alone separate
    paragraphs. Where they do not, a full line that ends a sentence before a capital may also end
    a paragraph, and is taken to: a paragraph cut at a sentence end loses less than two run
    together."""
    evidence = _evidence(lines)
    if evidence is None:
        return None
    width, lengths, breaks = evidence
    ends = len(lengths) - lengths.count(0) - breaks  # lines that end a paragraph or stand alone
    gaps = _blank_gaps(lengths)
    return Wrap(width, gaps >= MIN_BLANK_GAPS and gaps >= MIN_BLANK_GAP_SHARE * ends)


def joins_next(lines: Sequence[str], wrap: Wrap) -> list[bool]:
    """For each line, whether the wrap broke it there: it and the next line are one paragraph.

    Besides the breaks that tell a wrap (wrap_width), an unbreakable word made one: a line that a
    long word (an address) made longer than the width, or one before a line that starts with one."""
    joined = [False] * len(lines)
    for line, index, following in _breaks(lines, _lengths(lines), wrap.width, unbreakable=True):
        joined[index] = wrap.blank_lines_separate or not (
            line.rstrip().endswith(SENTENCE_ENDS) and following.lstrip()[:1].isupper())
    return joined


def has_spaced_marks(source: str) -> bool:
    """Whether a text puts a space before `;` or `:` inside a line, as French typography does."""
    return SPACED_MARK.search(source) is not None


def join_lines(lines: Sequence[str], spaced_marks: bool = False) -> str:
    """The lines of one paragraph as one line: a space at each break, none after a word's hyphen
    (`well-` + `known`) or before a line that goes on with a closing mark (`Ogunjobi` + `, who`:
    cleaner/inline_breaks.py). Wrapped text too: a wrap breaks only at a space, so its line that
    starts with a mark had a space before it, one that an extraction left where a link ended
    (`drives me nuts ,”`) or inside a Markdown link broken over two lines (`[ ](`). Were it glued in
    inline-broken text only, seven outputs of the dev pages wrapped and through html2text would keep it.
    In a text of `spaced_marks` (has_spaced_marks: French typography), a line that starts with `;`
    or `:` keeps the space before it (`il a dit` + `: « non »`)."""
    previous = lines[0].strip()
    parts = [previous]
    for line in lines[1:]:
        line = line.strip()
        # The line before, not all joined so far: a search of the whole would make a paragraph of
        # many lines cost their square (80,000 pieces: two minutes).
        glued = (HYPHEN_BREAK.search(previous) and line[:1].isalpha()) or (
            line and continues(line) and not (spaced_marks and line[0] in ";:"))
        parts.append(line if glued else " " + line)
        previous = line
    return "".join(parts)


def _count_between(ordered: list[int], low: int, high: int) -> int:
    """How many of the sorted `ordered` lie in [low, high] (raw lengths: trailing space counted)."""
    return bisect.bisect_right(ordered, high + MAX_TRAILING_SPACE) - bisect.bisect_left(ordered, low)


def _lengths(lines: Sequence[str]) -> list[int]:
    return list(map(len, map(str.rstrip, lines)))


def _overlong(lines: Sequence[str], ordered: list[int], allowed: float) -> bool:
    """Whether more than `allowed` lines are over MAX_WIDTH with no unbreakable word to make them
    so (an address that a wrap could not break, as Markdown's link targets are, is no sign)."""
    if len(ordered) - bisect.bisect_right(ordered, MAX_WIDTH) <= allowed:
        return False
    found = 0
    # The long lines alone, picked out in C: text with a paragraph per line settles after a few.
    for line in itertools.compress(lines, map(MAX_WIDTH.__lt__, map(len, lines))):
        # Only an address makes a word that long: a line without a slash is long by its words.
        found += "/" not in line or max(map(len, line.split())) <= MAX_WORD
        if found > allowed:
            return True
    return False


def _width(lines: Sequence[str], lengths: list[int], indent: int | None = None) -> int | None:
    """The longest line of two words or more that no unbreakable word made long, and that is no
    list item or table row left whole: html2text wraps paragraphs at 78 columns and leaves those
    whole (`  * promotes hatred and discrimination on ...`, `LB | Joe Schobert | 74 | ...`), and
    a width read off them joined none of the paragraphs' lines. A list item that a wrap broke
    (the next line goes on with it) was wrapped at the width, and counts. With `indent`, only
    lines indented by that many spaces count."""
    for index in sorted(range(len(lines)), key=lengths.__getitem__, reverse=True):
        length = lengths[index]
        if length > MAX_WIDTH:
            continue
        if length < MIN_WIDTH:
            return None
        line = lines[index]
        if indent is not None and _indent(line) != indent:
            continue
        words = line.split()
        if len(words) > 1 and max(map(len, words)) <= MAX_WORD and not (
                _is_item_or_row(line) and not _goes_on(lines, index)):
            return length
    return None


def _is_item_or_row(line: str) -> bool:
    return " | " in line or bool(LIST_ITEM.match(line))


def _goes_on(lines: Sequence[str], index: int) -> bool:
    """Whether the line after `index` continues it: text that is no new list item or table row."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(following.strip()) and not _is_item_or_row(following)


def _blank_gaps(lengths: Sequence[int]) -> int:
    """How many runs of blank lines stand between two lines with text."""
    gaps, seen_text, blank = 0, False, False
    for length in lengths:
        if not length:
            blank = seen_text
        else:
            gaps += blank
            seen_text, blank = True, False
    return gaps


def _breaks(lines: Sequence[str], lengths: Sequence[int], width: int, *,
            unbreakable: bool = False) -> Iterator[tuple[str, int, str]]:
    """Each line a greedy wrap at `width` broke: the next line is part of the same paragraph
    (not blank, not a list item, no rule on a line of its own: `_____`) and its first word would
    not have fit. Without `unbreakable`, only lines up to the width and words of up to MAX_WORD
    characters are looked at, and none next to a rule (enough to tell a wrap, and every text takes
    that test). With each, the next line as the test read it: without its quote marks where the
    same quote goes on."""
    shortest = 1 if unbreakable else width - MAX_WORD  # a shorter line had room for any breakable word
    for index, length in enumerate(lengths[:-1]):
        if length < shortest:
            continue
        if length > width and not (unbreakable and max(map(len, lines[index].split())) > MAX_WORD):
            continue
        following = _inside_quote(lines[index], lines[index + 1])
        first = following.split(maxsplit=1)
        if first and length + 1 + len(first[0]) > width and not LIST_ITEM.match(following) and not (
                _parts_at_a_rule(lines[index], first, unbreakable)):
            yield lines[index], index, following


def _parts_at_a_rule(line: str, following: list[str], joining: bool) -> bool:
    """Whether a rule keeps `line` and the next line (`following`: its first word and the rest)
    apart: for the test, a rule on either line; when joining, a rule alone on the next line (a
    field with its button, `_____ Subscribe`, is joined as before: not joining it moved the
    detector's tail on three dev pages, each a little worse)."""
    if RULE.match(following[0]):
        return not joining or len(following) == 1
    return not joining and bool(RULE.match(line.lstrip()))


def _inside_quote(line: str, following: str) -> str:
    """`following` without its quote marks when `line` is quoted too: the same quote goes on."""
    if ">" in following[:4] and ">" in line[:4]:  # most lines settle here, without a regex
        marks = QUOTE_MARKS.match(following)
        if marks and QUOTE_MARKS.match(line):
            return following[marks.end():]
    return following
