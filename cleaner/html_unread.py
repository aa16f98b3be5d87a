"""Spans of the page source that no reader of the parsed page needs: cut before the lxml parse.

The extraction, the metadata search and the second opinion all read one lxml tree of the page.
Scripts, style sheets, inline SVG drawings, templates and comments are a large share of a page's
bytes and nodes, yet none of them holds article text: trafilatura deletes them all before it
extracts, readability drops scripts and styles, and lxml drops comments as it parses. Cutting them
from the text handed to the parser saves every one of those steps the work.

This changes only what the parser reads, never the manifest: the cut spans hold no visible text
(`VisibleText` does not count script, style, template or comment content either), so no character
of the source is reported as removed because of it.
"""

from __future__ import annotations

from .html_source import Scan, is_self_closing

# Script types whose content is data some reader takes metadata from: trafilatura's and htmldate's
# JSON-LD readers ask for `application/ld+json` and `application/settings+json`; any other JSON data
# island is kept as well (it may hold the publication date a page's scripts render).
DATA_SCRIPT_MARK = "json"
# Elements cut whole, start tag to matching end tag. Each holds nothing a reader of the page sees:
# code (script), presentation (style), drawings whose text is labels and icons (svg, which
# trafilatura and htmldate both delete), and inert markup a script may clone later (template).
UNREAD_ELEMENTS = frozenset({"script", "style", "svg", "template"})
UNREAD_TAG_NAMES = UNREAD_ELEMENTS | {"/" + name for name in UNREAD_ELEMENTS}  # as Scan.tag_names has them


def unread_spans(scanned: Scan) -> list[tuple[int, int]]:
    """[start, end) of every comment and every outermost unread element, in source order.

    An element is cut only when the scan finds its end tag: an unclosed one (which a parser closes
    wherever it sees fit) is left to the parser, and so is all that follows it.
    """
    spans = list(scanned.comments)
    open_name: str | None = None
    open_start = depth = 0
    names, attributes = scanned.tag_names, scanned.tag_attrs
    for index in [index for index, name in enumerate(names) if name in UNREAD_TAG_NAMES]:
        name, attrs = names[index], attributes[index]
        closing = name.startswith("/")
        if open_name is None:
            if closing or is_self_closing(attrs) or _is_data_script(name, attrs):
                continue
            open_name, open_start, depth = name, scanned.tag_starts[index], 1
        elif name[closing:] == open_name and not is_self_closing(attrs):
            depth += -1 if closing else 1
            if depth == 0:
                spans.append((open_start, scanned.tag_ends[index]))
                open_name = None
    return sorted(spans)


def _is_data_script(name: str, attrs: str) -> bool:
    return name == "script" and DATA_SCRIPT_MARK in attrs.lower()
