"""lynx's link numbers: `lynx -dump` writes `[27]` before the text of every link, glued to it.

The number is no word of the page's, and glued to the link's text it splits the text's own words
from their neighbours (`the [27]electric Gran Turismo`): it goes, as a removal of its own
(RULE), wherever it stands in a paragraph. It is told from a footnote mark or citation (`fact.[12]
Next`) by where it stands: after white space or at a line's start, before a word. A text is read
as a lynx dump only when it holds MIN_NUMBERS such marks at least.
"""

from __future__ import annotations

import re

from .document import Block, within_blocks
from .manifest import Removal

RULE = "lynx.link-number"
MIN_NUMBERS = 3
# Found by its bracket (a literal the regex engine skips to); what stands before it is checked apart.
LINK_NUMBER = re.compile(r"\[\d{1,5}\](?=\S)")


def link_number_removals(source: str, blocks: list[Block]) -> list[Removal]:
    """The spans of lynx's link numbers in source order; none in a text with fewer than MIN_NUMBERS."""
    if "[" not in source:
        return []
    spans = [match.span() for match in LINK_NUMBER.finditer(source)
             if not match.start() or source[match.start() - 1].isspace()]
    if len(spans) < MIN_NUMBERS:
        return []
    return [Removal(RULE, start, end) for (start, end), inside in zip(spans, within_blocks(blocks, spans)) if inside]
