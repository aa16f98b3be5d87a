"""Markdown in plain text: the link targets and images that scrapers writing Markdown leave in it.

Converters and crawlers that write Markdown (html2text, markdownify, reader and crawl services)
keep every link as `[text](https://...)` and every image as `![alt](https://...)`. A news page
has hundreds of links, so most of such a dump's words are addresses: on the dev pages through
html2text, no cleaning scores precision 0.29. The link's text is the page's text and stays; its
target, its brackets and images are markup, removed with a rule id of their own (LINK_RULE,
IMAGE_RULE) like any other removal. A text is read as Markdown only when it holds MIN_LINKS such
links or images at least, so a bracket followed by a parenthesis in plain prose is left alone.
"""

from __future__ import annotations

import re

from .document import Block, within_blocks
from .manifest import Removal

LINK_RULE = "markdown.link"  # a link's brackets and target; its text stays
IMAGE_RULE = "markdown.image"  # an image, or an image that is a link, whole
MIN_LINKS = 3
# A link's text or an image's alt text: no brackets, no blank line (a wrapped dump breaks lines
# inside it, never paragraphs).
TEXT = r"(?:[^\[\]\n]|\n(?![ \t]*\n)){0,1000}"
# A target: an address (absolute, relative to the site or the page, an anchor, mail, an inline
# `data:` image) with one level of parentheses inside (`/wiki/Mercury_(planet)`) and an optional title after it.
TARGET = r"\((?:https?://|www\.|/|#|mailto:|data:|\.\.?/)(?:[^()\n]|\([^()\n]{0,300}\)|\n(?![ \t]*\n)){0,2000}\)"
IMAGE = rf"!\[{TEXT}\]{TARGET}"
MARKUP = re.compile(rf"(?P<image>\[{IMAGE}\]{TARGET}|{IMAGE})|\[(?P<text>{TEXT})\]{TARGET}")


def markdown_removals(source: str, blocks: list[Block]) -> list[Removal]:
    """The spans of link markup and images in a Markdown text, in source order; none when the
    text holds fewer than MIN_LINKS links and images.

    Only markup within one of `blocks` (the text's paragraphs) is taken: read a paragraph per line,
    a link whose address a line break splits lies in two paragraphs, and is left whole."""
    if "](" not in source:  # the common case, settled without the regex
        return []
    matches = list(MARKUP.finditer(source))
    if len(matches) < MIN_LINKS:
        return []
    removals: list[Removal] = []
    for match, inside in zip(matches, within_blocks(blocks, [match.span() for match in matches])):
        if not inside:
            continue
        if match.group("image") is not None or not match.group("text").strip():
            removals.append(Removal(IMAGE_RULE if match.group("image") else LINK_RULE, match.start(), match.end()))
        else:  # `[` before the text, `](target)` after it
            removals.append(Removal(LINK_RULE, match.start(), match.start() + 1))
            removals.append(Removal(LINK_RULE, match.end("text"), match.end()))
    return removals
