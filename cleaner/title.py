"""A plain text's title for the manifest: the headline as the page prints it.

A scraper's dump gives no markup to say which line is the headline, but a page tends to print it
more than once: a full-page dump starts with the page's `<title>` (the headline and the site's
name: `Headline - Site`), and the headline stands again above the article. A line the page
repeats is taken before the first line cleaning kept, which in a full-page dump is as often a
menu item (`Log In`) as the headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .document import Block

# A headline is a line, not a paragraph.
TITLE_MAX_CHARS = 200
# What joins a page title's parts: `Headline - Site`, `Site | Headline`, `Headline :: Section :: Site`.
TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—·•»:]|::)\s+|\s*\|\s*")
# A site's name in a page title is short (`The New York Times`, `CBSSports.com`); a headline
# standing beside it, with no repeat to confirm it, has a few words (not `Home | News | Sport`).
SITE_MAX_WORDS = 5
HEADLINE_MIN_WORDS = 4


def looks_like_title(text: str) -> bool:
    """A short line of several words that does not end like a statement (a headline may end with
    `?` or `!`, so those do not count against it)."""
    return len(text) <= TITLE_MAX_CHARS and " " in text and not text.endswith((".", ":", ",", ";"))


def title_of(blocks: Sequence[Block], kept: Sequence[Block]) -> str | None:
    """The headline: a part of the first line that the page prints again as a line of its own,
    else the headline part of a first line shaped as a page title, else the first kept line if it
    reads as a title."""
    if blocks:
        first = blocks[0].text
        parts: dict[str, int] = {}
        for rank, part in enumerate(_page_title_parts(first)):
            if looks_like_title(part):
                parts.setdefault(part.casefold(), rank)
        # A block's text is canonical (white space folded), so only case is left to fold; most
        # lines are set aside by their length alone (the few whose case folds to another length
        # are looked at too).
        lengths = {len(part) for part in parts}
        found: dict[int, str] = {}
        for block in blocks[1:]:
            text = block.text
            if (len(text) in lengths or not text.isascii()) and (rank := parts.get(text.casefold())) is not None:
                found.setdefault(rank, text)
                if rank == 0:
                    break
        if found:
            return found[min(found)]
        if (headline := _page_title_headline(first)) is not None:
            return headline
    if kept and looks_like_title(kept[0].text):
        return kept[0].text
    return None


def _page_title_headline(line: str) -> str | None:
    """The headline of a line shaped as a page title, `Headline - Site` or `Site | Headline`: the
    longest part, of a few words, beside a short one."""
    parts = TITLE_SEPARATOR.split(line)
    if len(parts) < 2 or min(len(parts[0].split()), len(parts[-1].split())) > SITE_MAX_WORDS:
        return None
    headline = max(parts, key=len)
    return headline if looks_like_title(headline) and len(headline.split()) >= HEADLINE_MIN_WORDS else None


def _page_title_parts(line: str) -> list[str]:
    """The pieces of a page title a page may print again on their own, longest first: the whole
    line, what stands before its last separator and after its first, and each part. Longest first,
    so that the headline is preferred to the site's name, which may stand alone in a menu."""
    separators = list(TITLE_SEPARATOR.finditer(line))
    if not separators:
        return [line]
    pieces = {line, line[:separators[-1].start()], line[separators[0].end():], *TITLE_SEPARATOR.split(line)}
    return sorted(pieces, key=lambda piece: (-len(piece), piece))
