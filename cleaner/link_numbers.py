"""lynx's link numbers: `lynx -dump` writes `[27]` before the text of every link, glued to it.

The number is no word of the page's, and glued to the link's text it splits the text's own words
from their neighbours (`the [27]electric Gran Turismo`): it goes, as a removal of its own
(RULE), wherever it stands in a paragraph. It is told from a footnote mark or citation (`fact.[12]
Next`) by where it stands: after white space or at a line's start, before a word. A text is read
as a lynx dump only when it holds MIN_NUMBERS such marks at least.
"""

from __future__ import annotations

import re

from .document import Block, TextLeft, within_blocks
from .manifest import Removal

RULE = "lynx.link-number"
MIN_NUMBERS = 3
# Found by its bracket (a literal the regex engine skips to); what stands before it is checked apart.
LINK_NUMBER = re.compile(r"\[\d{1,5}\](?=\S)")


def link_number_removals(left: TextLeft, blocks: list[Block]) -> list[Removal]:
    """The source spans of lynx's link numbers in what `left` holds of a text (its source, or what
    Markdown's markup left of it), in source order; none where there are fewer than MIN_NUMBERS."""
    text = left.text
    if "[" not in text:
        return []
    spans = [left.to_source(*match.span()) for match in LINK_NUMBER.finditer(text)
             if not match.start() or text[match.start() - 1].isspace()]
    if len(spans) < MIN_NUMBERS:
        return []
    outer = [(pieces[0][0], pieces[-1][1]) for pieces in spans]
    return [Removal(RULE, start, end) for pieces, inside in zip(spans, within_blocks(blocks, outer)) if inside
            for start, end in pieces]
