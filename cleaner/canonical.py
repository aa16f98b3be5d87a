"""The canonical text form: what every clean output looks like.

UTF-8, NFC, `\\n` line ends, one paragraph per line, paragraphs separated by one blank line, no
leading or trailing space, white space inside a paragraph folded to one space, invisible format
characters removed, exactly one final newline. Canonical text is a fixed point: running it through
`canonical_text(paragraphs_of(text))` gives the same string back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Characters that render as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen,
# and bidi marks that scrapers copy from the page without meaning anything by them.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Control characters other than white space carry no text; they are folded like spaces.
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def has_hidden_characters(text: str) -> bool:
    """Whether `text` holds invisible or control characters (canonical form removes or folds them)."""
    return INVISIBLE.search(text) is not None or CONTROL.search(text) is not None


def canonical_paragraph(raw: str, *, hidden: bool = True) -> str:
    """One paragraph in canonical form (may be empty when `raw` held only white space).

    `hidden=False` says the caller has checked that `raw` holds no invisible or control characters."""
    text = CONTROL.sub(" ", INVISIBLE.sub("", raw)) if hidden else raw
    # NFC after the removals, so a mark that an invisible character kept apart still composes.
    text = unicodedata.normalize("NFC", text)
    # str.split() splits on exactly the characters `\s` matches: runs folded to one space, ends stripped.
    return " ".join(text.split())


def canonical_lines(raw: str) -> str:
    """`raw` with invisible characters removed, control characters folded and NFC applied, all at
    once: each of its lines, its white space folded, is that line's canonical paragraph (none of
    these steps touches a line feed, and a line feed composes with nothing)."""
    return unicodedata.normalize("NFC", CONTROL.sub(" ", INVISIBLE.sub("", raw)))


def canonical_text(paragraphs: Iterable[str]) -> str:
    """Join canonical paragraphs; an empty document is the empty string."""
    kept = [p for p in paragraphs if p]
    return "\n\n".join(kept) + "\n" if kept else ""


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a canonical text (the inverse of `canonical_text`)."""
    return [p for p in text.split("\n") if p]
