"""The HTML path: prune the page's DOM with select rules, extract its main text, map it back.

    decoded page -> packs that apply (url domain, or fingerprint on the page's text)
                 -> select rules prune nodes (each a Removal with its selector)
                 -> trafilatura extracts paragraphs and metadata from the pruned page
                 -> paragraphs become Blocks, located in the page; what extraction left out is
                    recorded as `extract.trafilatura` removals

From there the pipeline applies the same text rules, duplicate collapse and article detector as
for plain text.
How spans are defined is in docs/html.md.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml.html import HtmlElement
from selectolax.lexbor import LexborHTMLParser

from .canonical import canonical_lines, canonical_paragraph
from .document import Block, CleanWarning
from .engine import PackMatch, match_packs
from .errors import InputError
from .html_extract import (RESCUE_MIN_CHARS, SENTENCE_ENDS, Extraction, Paragraph, Trafilatura, extract, page_prose, parse,
                           second_opinion)
from .html_select import SourceLocator, prune
from .selector_hints import SelectorScreen
from .html_source import VisibleText, scan
from .html_embeds import embed_wrappers
from .html_unread import unread_spans
from .manifest import Removal
from .prefilter import Prefilter
from .rules import RuleSet

# Rule ids of what the HTML path itself removes (no rule file holds them; docs/html.md does).
EXTRACT_RULE = "extract.trafilatura"  # text the extractor did not take as the article
TITLE_RULE = "extract.title"  # the page title repeated as the first paragraph (it goes to metadata)
# Below this many characters of extracted text the precise extraction is taken to have missed the
# article: trafilatura is asked again favouring recall, and a warning says so.
MIN_EXTRACTED_CHARS = 250
# Real pages nest a few dozen elements deep, rarely a few hundred. The HTML parser's cost grows with
# the square of the depth (100,000 levels take minutes), so deeper pages are refused, not parsed.
MAX_NESTING = 2_500
# When the second opinion (html_extract.second_opinion) holds prose paragraphs the extraction lacks,
# amounting to at least this share of what the extraction found, they are added back in page order
# and a warning says so. Below it, differences are the two algorithms disagreeing about edges.
RESCUE_MIN_GAIN = 0.5
# A paragraph the page does not hold verbatim is looked for by its first and last ANCHOR_CHARS
# visible characters, over at most ANCHOR_MAX_STRETCH times its length (a link or two left out).
ANCHOR_CHARS = 24
ANCHOR_MAX_STRETCH = 1.5
# Elements whose text lexbor returns with the page's text though nobody reads it: removed from its DOM.
CODE_ELEMENTS = ("script", "style")


@dataclass
class HtmlExtraction:
    blocks: list[Block]
    metadata: dict[str, str]
    packs: list[PackMatch]
    removed: dict[int, str] = field(default_factory=dict)  # block index -> rule id
    removals: list[Removal] = field(default_factory=list)  # spans that are not blocks, source order
    warnings: list[CleanWarning] = field(default_factory=list)


def html_blocks(source: str, url: str | None, rules: RuleSet,
                fingerprint_filters: Mapping[str, Prefilter | None] | None = None,
                trafilatura: Trafilatura | None = None) -> HtmlExtraction:
    """The page's article paragraphs with their source spans, and what pruning and extraction removed.

    `fingerprint_filters` (Cleaner.fingerprint_filters) lets one RE2 search of the page's lines stand
    for the per-line search of site fingerprints on the pages that hold none; `trafilatura`
    (Cleaner.trafilatura) is the extraction loaded once for many pages."""
    scanned = scan(source)
    if scanned.nests_deeper_than(MAX_NESTING):
        raise InputError(f"HTML nested {scanned.max_depth:,} elements deep (over the {MAX_NESTING:,} limit), skipped")
    tree = parse_dom(source)
    locator = SourceLocator(tree, scanned)
    packs = match_packs(rules, url, page_lines(tree), fingerprint_filters)
    pruned = prune(tree, locator, packs, SelectorScreen(source, scanned, rules.hint_finder))
    warnings = list(pruned.warnings)
    # The parser reads the page less the pruned nodes, less what no reader of it needs, and with
    # the posts the article quotes out of the wrappers the extractor discards (html_embeds).
    page = without(source, [(r.start, r.end) for r in pruned.removals] + unread_spans(scanned)
                   + embed_wrappers(source, scanned))
    trafilatura = trafilatura or Trafilatura.load()
    parsed = parse(page, trafilatura)
    extraction = extract_with_fallback(parsed, tree, url, warnings, trafilatura)
    visible = VisibleText(source, scanned.run_bounds, [(r.start, r.end) for r in pruned.removals])
    blocks = locate(extraction.paragraphs, visible, warnings)
    # The second opinion is slow: asked only when it could change something.
    have = _letters_of(blocks)  # what the gates and the rescue compare against
    if _room_for_rescue(blocks, visible, have=have) and _may_rescue(blocks, visible, have, page_prose(tree)):
        blocks = rescue(blocks, second_opinion(parsed), visible, warnings, have=have)
    removed = {b.index: TITLE_RULE for b in blocks[:1] if _same_text(b.text, extraction.metadata.get("title"))}
    dropped = dropped_text(visible, blocks, pruned.removals)
    removals = sorted(pruned.removals + dropped, key=lambda r: (r.start, r.end))
    return HtmlExtraction(blocks, extraction.metadata, packs, removed, removals, warnings)


def visible_lines(page: str) -> list[str]:
    """The visible lines of an HTML page, as canonical paragraphs."""
    return page_lines(parse_dom(page))


def parse_dom(source: str) -> LexborHTMLParser:
    """The page as lexbor parses it, less its scripts and style sheets.

    lexbor gives the text of <script> and <style> with the text around it, though no reader sees
    it (the tag scan and `VisibleText` skip it too). Left in, program code would become page lines:
    lines that site fingerprints are matched against, and that the last-resort fallback keeps as
    the article. A select rule that names them finds nothing, and loses nothing by it: their text
    is no visible text to remove. Only their own ordinals change in `SourceLocator`.
    """
    tree = LexborHTMLParser(source)
    tree.strip_tags(list(CODE_ELEMENTS))
    return tree


def page_lines(tree: LexborHTMLParser) -> list[str]:
    """The page's visible lines, for recognising a site by its fingerprints (no spans needed).

    Each line is a canonical paragraph; the text is made canonical all at once and then split, which
    gives the same lines: removing invisible characters, folding control characters (never a line
    feed) and NFC (a line feed composes with nothing) keep every line feed where it was.
    """
    body = tree.body
    text = canonical_lines(body.text(separator="\n")) if body is not None else ""
    # Five lines in six are blank: iterators that run in C skip them and fold the others.
    return list(map(" ".join, filter(None, map(str.split, text.split("\n")))))


def without(source: str, spans: list[tuple[int, int]]) -> str:
    """The page with these [start, end) source spans cut out (they may overlap).

    The extractor reads the page as written, less exactly the pruned nodes the manifest records and
    the unread markup (html_unread), rather than the DOM re-serialised: re-serialising changes
    markup that extractors are sensitive to.
    """
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        parts.append(source[position:start])
        position = max(position, end)
    parts.append(source[position:])
    return "".join(parts)


def extract_with_fallback(page: HtmlElement | None, tree: LexborHTMLParser, url: str | None,
                          warnings: list[CleanWarning], trafilatura: Trafilatura | None = None) -> Extraction:
    """trafilatura on the parsed, pruned `page`; a recall-oriented retry, then the pruned DOM's lines, when it finds too little."""
    extraction = extract(page, url, trafilatura=trafilatura)
    if extraction.error:
        warnings.append(CleanWarning("extract-error", f"the extractor failed ({extraction.error})", EXTRACT_RULE))
    if _chars(extraction.paragraphs) >= MIN_EXTRACTED_CHARS:
        return extraction
    retry = extract(page, url, recall=True, trafilatura=trafilatura)
    if _chars(retry.paragraphs) > _chars(extraction.paragraphs):
        warnings.append(CleanWarning(
            "extract-fallback",
            f"precise extraction found {_chars(extraction.paragraphs)} characters; used the recall-oriented retry",
            EXTRACT_RULE))
        extraction = Extraction(retry.paragraphs, {**retry.metadata, **extraction.metadata})
    if extraction.paragraphs:
        return extraction
    lines = [Paragraph(line, "p") for line in page_lines(tree)]
    if lines:
        warnings.append(CleanWarning(
            "extract-fallback", "extraction found no article text; every visible line of the page was kept",
            EXTRACT_RULE))
    return Extraction(lines, extraction.metadata)


def locate(paragraphs: list[Paragraph], visible: VisibleText, warnings: list[CleanWarning]) -> list[Block]:
    """Blocks with spans from the first to the last source character of each paragraph.

    Each paragraph is looked for after the previous one, then anywhere on the page, in a place no
    other paragraph holds (so no two spans overlap). One the page does not hold verbatim is looked
    for by its first and last characters (the extractor left out a link's text inside it) and then
    takes the page's text; failing that it gets an empty span where the previous paragraph ended
    (docs/html.md).
    """
    blocks: list[Block] = []
    claimed: list[tuple[int, int]] = []  # [i, j) of visible text taken, sorted
    cursor = 0
    unlocated = 0
    for paragraph in paragraphs:
        text = paragraph.text
        found = _free_occurrence(visible, text, cursor, claimed)
        if found is None and (found := visible.find_ends(text, cursor, ANCHOR_CHARS, ANCHOR_MAX_STRETCH)):
            found = None if _overlaps(found, claimed) else found
            text = canonical_paragraph(visible.text_of(*found)) if found else text
        if found is None:
            unlocated += 1
            at = blocks[-1].end if blocks else 0
            blocks.append(Block(len(blocks), text, at, at))
            continue
        bisect.insort(claimed, found)
        blocks.append(Block(len(blocks), text, *visible.span(*found)))
        cursor = found[1]
    if unlocated:
        warnings.append(CleanWarning(
            "paragraph-unlocated", f"{unlocated} extracted paragraph(s) not found in the page; empty spans"))
    return blocks


def _free_occurrence(visible: VisibleText, text: str, cursor: int,
                     claimed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first place at or after `cursor` that holds `text` and no other paragraph, else the first before it."""
    # Lazily, from the cursor first: listing every occurrence of every paragraph is quadratic on a
    # page that repeats itself.
    after = (span for span in visible.occurrences(text, cursor) if not _overlaps(span, claimed))
    earlier = itertools.takewhile(lambda span: span[0] < cursor, visible.occurrences(text))
    before = (span for span in earlier if not _overlaps(span, claimed))
    return next(after, None) or next(before, None)


def _overlaps(span: tuple[int, int], claimed: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_left(claimed, span)
    return any(start < span[1] and span[0] < end for start, end in claimed[max(0, index - 1):index + 1])


def rescue(blocks: list[Block], candidates: list[str], visible: VisibleText,
           warnings: list[CleanWarning], *, have: str | None = None) -> list[Block]:
    """Add the second opinion's prose that the extraction missed: all of it when it is a large
    share, else only what sits between two extracted paragraphs. Never text a block already spans."""
    have = _letters_of(blocks) if have is None else have
    missing = [text for text in candidates if _letters(text) not in have]
    found = sum(len(b.text) for b in blocks)
    spans = sorted((b.start, b.end) for b in blocks if b.end > b.start)
    located: list[Block] = []
    for text in missing:
        if (where := visible.find(text, 0)) is not None and not _overlaps(span := visible.span(*where), spans):
            located.append(Block(-1, text, *span))
            bisect.insort(spans, span)
    if sum(len(b.text) for b in located) < RESCUE_MIN_GAIN * found:
        # A small gain is taken only where it sits between two extracted paragraphs of the page:
        # the extractor skipped a container inside the article (a standfirst, a boxed paragraph).
        first, last = _extracted_span(blocks)
        located = [b for b in located if first < b.start and b.end < last]
    added = located
    if not added:
        return blocks
    warnings.append(CleanWarning(
        "extract-rescue",
        f"the extraction found {found} characters; {len(added)} prose paragraph(s) a second extractor found were added",
        EXTRACT_RULE))
    ordered = sorted(blocks + added, key=lambda b: (b.start, b.end))
    return [Block(i, b.text, b.start, b.end) for i, b in enumerate(ordered)]


def _extracted_span(blocks: list[Block]) -> tuple[int, int]:
    """From the first extracted paragraph's start to the last one's end in the page ((0, 0) for none):
    a small rescue is taken only strictly inside it."""
    inside = [b for b in blocks if b.end > b.start]
    return (min(b.start for b in inside), max(b.end for b in inside)) if inside else (0, 0)


def dropped_text(visible: VisibleText, blocks: list[Block], pruned: list[Removal]) -> list[Removal]:
    """The visible text that neither a block nor a select rule accounts for: what extraction dropped.

    Each gap between claimed spans becomes one removal from its first to its last visible character.
    """
    claimed = sorted([(b.start, b.end) for b in blocks if b.end > b.start] + [(r.start, r.end) for r in pruned])
    removals: list[Removal] = []
    end_of_text = visible.end_offset
    position = 0
    for start, end in claimed + [(end_of_text, end_of_text)]:
        if start > position and (span := visible.between(position, start)):
            removals.append(Removal(EXTRACT_RULE, *span))
        position = max(position, end)
    return removals


def _room_for_rescue(blocks: list[Block], visible: VisibleText, *, have: str | None = None) -> bool:
    """Whether the page's text outside the blocks could hold what `rescue` would add.

    A rescued paragraph is found in the page's visible characters (white space ignored) where no
    block is, so within one gap between blocks. Its canonical text (at least RESCUE_MIN_CHARS,
    single spaces between words, ending a sentence) has at least half that many visible
    characters, the last of them a sentence end: a gap can only hold one from its start to its
    last sentence end, and only when the letters of that stretch are not all in the blocks
    already (any paragraph inside it would then be too). rescue takes it only when it sits between
    two blocks, or when all it finds is at least RESCUE_MIN_GAIN of what the blocks hold.
    """
    spans = sorted((b.start, b.end) for b in blocks if b.end > b.start)
    if not spans:
        return True
    fits = RESCUE_MIN_CHARS // 2 + 1
    have = _letters_of(blocks) if have is None else have
    text = visible.text
    bounds = [(0, 0), *spans, (visible.end_offset,) * 2]
    outer = 0  # visible characters that could be rescued before the first block and after the last
    for index, ((_, gap_start), (gap_end, _)) in enumerate(itertools.pairwise(bounds)):
        first, end = visible.count_before(gap_start), visible.count_before(gap_end)
        if end - first < fits:
            continue
        last = max(text.rfind(mark, first, end) for mark in SENTENCE_ENDS)
        if last + 1 - first < fits or _letters(text[first:last + 1]) in have:
            continue
        if 0 < index < len(bounds) - 2:
            return True
        outer += last + 1 - first
    return 2 * outer >= RESCUE_MIN_GAIN * sum(len(b.text) for b in blocks)


def _may_rescue(blocks: list[Block], visible: VisibleText, have: str, prose: list[str]) -> bool:
    """Whether `rescue` could take something, judged from the page's own prose paragraphs (`prose`:
    page_prose, a cheap model of the second opinion's candidates) that the blocks (`have`:
    _letters_of them) lack: rescue takes all it finds when that is RESCUE_MIN_GAIN of what the
    blocks hold, and otherwise only what sits between two blocks. A missing paragraph that cannot
    be found in the page as written might sit anywhere, so it says yes too.

    A model, not a proof: the second opinion works on its own parse of the page and may cut
    paragraphs otherwise. On the dev pages it asks the second opinion on 20 pages instead of 53,
    and no output changes (docs/performance.md)."""
    missing = [text for text in prose if _letters(text) not in have]
    if not missing:
        return False
    if sum(map(len, missing)) >= RESCUE_MIN_GAIN * sum(len(b.text) for b in blocks):
        return True
    spans = sorted((b.start, b.end) for b in blocks if b.end > b.start)
    first, last = _extracted_span(blocks)
    for text in missing:
        if (where := visible.find(text, 0)) is None:
            return True
        span = visible.span(*where)
        if first < span[0] and span[1] < last and not _overlaps(span, spans):
            return True
    return False


def _chars(paragraphs: list[Paragraph]) -> int:
    return sum(len(p.text) for p in paragraphs)


def _same_text(text: str, other: str | None) -> bool:
    return other is not None and _letters(text) == _letters(other)


def _letters_of(blocks: list[Block]) -> str:
    """The blocks' letters and digits, case-folded, in one string: a paragraph whose letters stand
    in it is one the blocks already hold."""
    return _letters(" ".join(b.text for b in blocks))


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()
