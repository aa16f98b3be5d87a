"""Markdown in plain text: the link targets and images that scrapers writing Markdown leave in it.

Converters and crawlers that write Markdown (html2text, markdownify, turndown, reader and crawl services)
keep every link as `[text](https://...)` and every image as `![alt](https://...)`. A news page
has hundreds of links, so most of such a dump's words are addresses: on the dev pages through
html2text, no cleaning scores precision 0.29. The link's text is the page's text and stays; its
target, its brackets and images are markup, removed with a rule id of their own (LINK_RULE,
IMAGE_RULE) like any other removal, and so are a heading's marks and emphasis marks (rules read
`## Related Articles` as `Related Articles`). A text is read as Markdown only when it holds MIN_LINKS such
links or images at least, so a bracket followed by a parenthesis in plain prose is left alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from .document import Block, TextLeft
from .manifest import Removal
from .wrap import QUOTE_MARKS

LINK_RULE = "markdown.link"  # a link's brackets and target; its text stays
IMAGE_RULE = "markdown.image"  # an image, or an image that is a link, whole
HEADING_RULE = "markdown.heading"  # a heading's `#` marks
EMPHASIS_RULE = "markdown.emphasis"  # `**`, `__`, `*` or `_` around emphasised words
QUOTE_RULE = "markdown.quote"  # a quote's `>` marks at a line's start
ESCAPE_RULE = "markdown.escape"  # the backslash before an escaped mark (`\[`, `2\.`, `\-`)
MIN_LINKS = 3
# A link's text or an image's alt text: no brackets but two escaped ones, as html2text writes an
# alt text that is an address (`![\[https://...\]](https://...)`). Only two: with any number, a
# line of `[\[\[\[` would have every `[` start a try that runs a thousand characters. Markup is
# looked for in one paragraph at a time (or in the few a card's link spans: _link_span), so a line
# break inside the text is a wrap or a paragraph inside the link, and a blank line is where an
# image on a line of its own was taken (`[` / `![](...)` / `Title` / `](...)`).
PLAIN_TEXT = r"(?:[^\[\]\\]|\\(?![\[\]]))"
TEXT = rf"{PLAIN_TEXT}{{0,1000}}(?:\\[\[\]]{PLAIN_TEXT}{{0,1000}}){{0,2}}"
# An image's alt text may also hold one pair of brackets unescaped, as markdownify writes an alt
# text that is an address (`![[https://...jpg]](https://...jpg)`); one pair only, for the same reason.
ALT_TEXT = rf"{TEXT}(?:\[{PLAIN_TEXT}{{0,1000}}\]{PLAIN_TEXT}{{0,1000}})?"
# A target: an address (absolute, relative to the site or the page, an anchor, an inline `data:`
# image, any other scheme a share button uses: `mailto:`, `whatsapp://send?text=...`, `tel:`) with
# one level of parentheses inside (`/wiki/Mercury_(planet)`) and an optional title after it; or
# none at all, as converters write an image whose address the page loads later (`![Photo]()`).
TARGET = r"(?:\(\)|\((?:www\.|/|#|\.\.?/|[a-zA-Z][a-zA-Z0-9+.-]{0,31}:(?=[^\s()]))(?:[^()\n]|\([^()\n]{0,300}\)|\n(?![ \t]*\n)){0,2000}\))"
IMAGE = rf"!\[{ALT_TEXT}\]{TARGET}"
MARKUP = re.compile(rf"(?P<image>\[{IMAGE}\]{TARGET}|{IMAGE})|\[(?P<text>{TEXT})\]{TARGET}")
# A heading's marks (`## `) at a line's start.
HEADING = re.compile(r"(?m)^[ \t]{0,3}(?P<open>#{1,6}[ \t]+)(?=\S)")
# A backslash escape: a backslash before an ASCII punctuation mark (CommonMark), which converters
# write before a mark that would otherwise be markup (`2\. Never`, `Davies \- Nov 19`, `\*Only the
# top 12`). The mark is the text's; the backslash goes, and an escaped backslash leaves one.
# Escaped brackets keep theirs (`shot \[again\]`): a page's own `[text](address)` unescaped would be a
# link to a second cleaning, which would take its address. So do underscores: `\_\_\_\_` is a
# form's field or a drawn rule, which unescaped would read as a word.
ESCAPE = re.compile(r"(?P<open>\\)[!-/:-@\\^`{-~]")
# A list item's mark (`* `, `- `, `+ `). Rules read a list item as its text, as they read a heading
# without its `#` marks: a page's share buttons are `* Facebook`, `* Twitter` in Markdown. The mark
# stays in the clean text (docs/design.md, "Rules read a Markdown list item as its text").
LIST_MARK = re.compile(r"[*+-][ \t]+(?=\S)")
# A quote's marks (`> `, `> > `) at a line's start, and a line of marks alone (a quote's blank line).
QUOTE = re.compile(rf"(?m)^(?P<open>{QUOTE_MARKS.pattern})")
# Emphasis around words on one line (`**bold**`, `_em_`): marks that touch no word character
# outside and no white space inside (`2 * 3 * 4`, `snake_case` and a footnote's `*` are no
# emphasis). What is inside holds no mark of its kind, so each try ends at the next mark: linear
# time on any line.
EMPHASIS = [re.compile(rf"(?<![\w{m}\\])(?P<open>{m}{m}?)(?=[^\s{m}])[^{m}\n]{{0,300}}(?<=[^\s{m}\\])(?P<close>(?P=open))(?![\w{m}])")
            for m in (r"\*", "_")]


def markdown_removals(source: str, blocks: list[Block]) -> list[Removal]:
    """The spans of link markup and images in a Markdown text, in source order; none when the
    text holds fewer than MIN_LINKS links and images.

    Markup is looked for in each of `blocks` (the text's paragraphs) apart, as a cleaning of the
    clean text, whose paragraphs blank lines part, would find it: read a paragraph per line, a link
    whose address a line break splits lies in two paragraphs and is left whole, and an image inside
    it is an image. A link that a converter wrote around paragraphs (a card) is the exception: its
    brackets open at one paragraph's end and close in a later one (_link_span), and once it is
    taken whole the clean text holds none of it. Links are taken until none is left: once an inner
    link is gone (`[[](a)](b)`), what stands around it is a link too, and the clean text must not
    hold markup that cleaning it again would take."""
    if "](" not in source:  # the common case, settled without the regex
        return []
    left = TextLeft(source, ())
    matches = _markup_in(left, blocks)
    if len(matches) < MIN_LINKS:
        return []
    removals: list[Removal] = []
    links: list[tuple[int, int]] = []  # what links and images span: no other markup is looked for there
    for _ in range(MAX_LINK_ROUNDS):
        found = _link_removals(left, matches, links)
        if not found:
            break
        removals = sorted(removals + found, key=lambda r: r.start)
        left = TextLeft(source, [(r.start, r.end) for r in removals])
        matches = _markup_in(left, blocks) if "](" in left.text else []
    links = _merged(links)
    # A heading's or a quote's marks start a line, which may stand inside a link's text (a card's
    # `#### Title` between its `[` and `](...)`): only the markup already taken stands in their way.
    markup = _merged([(r.start, r.end) for r in removals])
    for pattern, rule in ((HEADING, HEADING_RULE), (QUOTE, QUOTE_RULE), (ESCAPE, ESCAPE_RULE),
                          *((emphasis, EMPHASIS_RULE) for emphasis in EMPHASIS)):
        spans = links if rule == EMPHASIS_RULE else markup
        starts = [start for start, _ in spans]
        for match in pattern.finditer(source):
            at = bisect.bisect_right(starts, match.start()) - 1
            if at >= 0 and match.start() < spans[at][1] or at + 1 < len(spans) and spans[at + 1][0] < match.end():
                continue  # inside markup already taken, or (emphasis) inside or around a link: `_` and `*` are the address's own
            removals += [Removal(rule, *match.span(group)) for group in ("open", "close") if group in pattern.groupindex]
    return sorted(removals, key=lambda r: r.start)


def list_items(blocks: Iterable[Block]) -> dict[int, str]:
    """Block index -> its text without its mark, for the blocks of a Markdown text that are list items."""
    return {block.index: block.text[mark.end():] for block in blocks
            if block.text[:1] in "*+-" and (mark := LIST_MARK.match(block.text))}


# Rounds of link removal: one per level of links nested in links' texts.
MAX_LINK_ROUNDS = 100
# The most blocks one link's text may span (a card: an image, a heading, a teaser, a date).
LINK_SPAN_MAX_BLOCKS = 8


def _markup_in(left: TextLeft, blocks: list[Block]) -> list[re.Match[str]]:
    """The links and images in what `left` holds of each block, block by block; a link opened in
    one block and closed in a later one is looked for in all of them together (_link_span)."""
    text, matches = left.text, []
    position = 0
    while position < len(blocks):
        start, end = left.from_source(blocks[position].start), left.from_source(blocks[position].end)
        last = _link_span(text, left, blocks, position, start, end)
        if last > position:
            position, end = last, left.from_source(blocks[last].end)
        if text.find("](", start, end) >= 0:
            matches += MARKUP.finditer(text, start, end)
        position += 1
    return matches


def _link_span(text: str, left: TextLeft, blocks: list[Block], position: int, start: int, end: int) -> int:
    """The last of the blocks from `position` on that a link opened at that block's end spans, or
    `position`. Converters write a link around block elements as paragraphs inside its brackets
    (turndown, markdownify: `[` / `![Photo](...)` / `#### Title` / `](address)`, a teaser's card):
    once the images inside are taken, the first block ends with the `[`, and its brackets close in
    a later block, before that block's `](`, at most LINK_SPAN_MAX_BLOCKS blocks on."""
    opening = text.rfind("[", start, end)
    if opening < 0 or text[opening + 1:end].strip():  # most blocks settle here
        return position
    # One bracket open, and none opened or closed in the blocks between (a card's heading and teaser
    # hold balanced links at most): a try costs a few blocks, on any text.
    if _bracket_depth(text[start:end]) != 1:
        return position
    for last in range(position + 1, min(len(blocks), position + LINK_SPAN_MAX_BLOCKS)):
        piece = text[left.from_source(blocks[last].start):left.from_source(blocks[last].end)]
        closes = piece.find("](")
        if closes >= 0 and _bracket_depth(piece[:closes]) == 0:
            return last
        if _bracket_depth(piece):
            break
    return position


def _bracket_depth(text: str) -> int:
    """How many more brackets `text` opens than it closes (escaped ones not counted)."""
    escaped = text.count("\\[") - text.count("\\]")
    return text.count("[") - text.count("]") - escaped


def _link_removals(left: TextLeft, matches: list[re.Match[str]], links: list[tuple[int, int]]) -> list[Removal]:
    """The removals of the links and images in `matches` (found in `left.text`); what each spans in
    the source is added to `links`."""
    removals: list[Removal] = []
    for match in matches:
        pieces = left.to_source(*match.span())
        links.append((pieces[0][0], pieces[-1][1]))
        if match.group("image") is not None or not match.group("text").strip():
            rule = IMAGE_RULE if match.group("image") else LINK_RULE
            removals += [Removal(rule, start, end) for start, end in pieces]
        else:  # `[` before the text, `](target)` after it
            for start, end in (*left.to_source(match.start(), match.start() + 1),
                               *left.to_source(match.end("text"), match.end())):
                removals.append(Removal(LINK_RULE, start, end))
    return removals


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
