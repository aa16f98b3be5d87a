"""A plain text's clean text, recomputed from the source and its manifest alone.

What the manifest promises (docs/manifest.md): read the source into paragraphs as cleaner read it
(a line each, a hard-wrapped paragraph's lines as `source.wrap` says, or a paragraph's pieces
broken at inline elements as `source.inline_breaks` says), take every `removed`
span out of them, and what is left, in canonical form, is the clean text. Nothing else went.
`replay(source, manifest) == clean_text` is that promise, checkable by anyone who keeps the two.
"""

from __future__ import annotations

from typing import Any

from .canonical import canonical_text
from .document import strip_spans, text_blocks
from .inline_breaks import InlineBreaks
from .wrap import Wrap


def replay(source: str, manifest: dict[str, Any]) -> str:
    """The clean text of a plain-text `source` (decoded) as its `manifest` accounts for it."""
    if manifest["source"]["format"] != "text":
        raise ValueError("replay reads plain-text sources; an HTML page's text comes from its extraction")
    wrap, inline = manifest["source"].get("wrap"), manifest["source"].get("inline_breaks")
    blocks = text_blocks(source, Wrap(**wrap) if wrap else InlineBreaks(**inline) if inline else None)
    removed = [(entry["start"], entry["end"]) for entry in manifest["removed"]]
    return canonical_text(block.text for block in strip_spans(source, blocks, removed))
