"""html_source: the visible-text map must be exactly what a character-by-character reading gives."""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.html_source import (ENTITY, IMPLICITLY_CLOSED, INVISIBLE_ELEMENTS, MARKUP, RAW_TEXT_ELEMENTS, RAW_TEXT_END,
                                 VISIBLE_RAW_TEXT, Scan, TagToken, VisibleText, _inside, scan)


def reference_visible(source: str, runs: list[tuple[int, int]],
                      excluded: list[tuple[int, int]]) -> tuple[str, list[int], list[int], list[bool]]:
    """The definition, one character at a time: each plain character is its own span, each
    character reference one span for all it decodes to; white space and pieces that start inside
    an excluded span are left out; a character is `spaced` when kept white space came since the last one."""
    excluded = sorted(excluded)
    excluded_starts = [s for s, _ in excluded]
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    spaced: list[bool] = []
    space = False
    for run_start, run_end in runs:
        pieces: list[tuple[int, int, str]] = []
        position = run_start
        for match in ENTITY.finditer(source, run_start, run_end):
            pieces.extend((i, i + 1, source[i]) for i in range(position, match.start()))
            pieces.append((match.start(), match.end(), html.unescape(match.group())))
            position = match.end()
        pieces.extend((i, i + 1, source[i]) for i in range(position, run_end))
        for start, end, text in pieces:
            if _inside(excluded, excluded_starts, start):
                continue
            for char in text:
                if char.isspace():
                    space = True
                    continue
                chars.append(char)
                starts.append(start)
                ends.append(end)
                spaced.append(space)
                space = False
    return "".join(chars), starts, ends, spaced


def assert_same(source: str, excluded: list[tuple[int, int]]) -> None:
    scanned = scan(source)
    visible = VisibleText(source, scanned.run_bounds, excluded)
    text, starts, ends, spaced = reference_visible(source, scanned.text_runs, excluded)
    assert (visible.text, visible.starts, visible.ends, visible.spaced) == (text, starts, ends, spaced)
    # Counting by source offset (a paragraph's first and last characters are looked up without
    # listing every character's place): at every offset, as the definition counts.
    for offset in range(len(source) + 2):
        assert visible.count_before(offset) == sum(start < offset for start in starts)
        assert visible._count_ending_by(offset) == sum(end <= offset for end in ends)


def test_words_references_and_white_space() -> None:
    assert_same("<p>Fish &amp; chips&nbsp;for&#x20;two &#8212; &unknown; A&B</p>\n<p>\u00a0next\u2003line</p>", [])


def test_pruned_spans_whole_runs_and_runs_cut_oddly() -> None:
    source = "<div>kept <b>bold</b> text</div><aside>pruned &amp; gone</aside><p>after</p>"
    aside = (source.index("<aside>"), source.index("</aside>") + len("</aside>"))
    assert_same(source, [aside])
    assert VisibleText(source, scan(source).run_bounds, [aside]).text == "keptboldtextafter"
    # Spans that start or end inside a run (not at tag boundaries) keep exactly the pieces outside.
    assert_same(source, [(source.index("kept") + 2, source.index("bold")), (source.index("after") + 1, len(source))])
    assert_same(source, [(source.index("&amp;") + 1, source.index("gone") + 2)])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab <>/&;#x20amp\u00a0\n\tp", max_size=80),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=3))
def test_any_text_and_spans_match_the_definition(source: str, spans: list[tuple[int, int]]) -> None:
    assert_same(source, [(start, start + length) for start, length in spans])


# The tag pattern as it was written before its quantifiers were made possessive.
BACKTRACKING_MARKUP = re.compile(MARKUP.pattern.replace("*+", "*"), re.S)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="<>/\"'= ab!-?\n", max_size=60))
def test_possessive_quantifiers_change_no_match(source: str) -> None:
    assert "*+" in MARKUP.pattern
    for start in range(len(source) + 1):
        found, reference = MARKUP.search(source, start), BACKTRACKING_MARKUP.search(source, start)
        assert (found and (found.span(), found.groups())) == (reference and (reference.span(), reference.groups()))


class ReferenceScan(NamedTuple):
    tags: list[TagToken]
    text_runs: list[tuple[int, int]]
    max_depth: int
    comments: list[tuple[int, int]]


def reference_scan(source: str) -> ReferenceScan:
    """The scan as first written: one search from each tag's end (no iterator, no kind table), a
    tuple for each tag and run."""
    tags: list[TagToken] = []
    runs: list[tuple[int, int]] = []
    position = 0
    size = len(source)
    hidden_depth = 0  # inside <head> or <template>
    depth = max_depth = 0
    search = MARKUP.search
    comments: list[tuple[int, int]] = []
    add_tag, add_run = tags.append, runs.append
    while position < size:
        match = search(source, position)
        stop = match.start() if match else size
        if stop > position and not hidden_depth:
            add_run((position, stop))
        if not match:
            break
        position = match.end()
        end, name, attrs = match.group(1, 2, 3)
        if not name:
            if source.startswith("<!--", stop):
                comments.append((stop, position))
            continue
        name = name.lower()
        closing = end is not None
        self_closing = attrs.rstrip().endswith("/")
        add_tag(TagToken(name, stop, position, closing, self_closing, attrs))
        if name in INVISIBLE_ELEMENTS:
            hidden_depth = max(0, hidden_depth + (-1 if closing else 1))
        if name not in IMPLICITLY_CLOSED and not self_closing:
            if closing:
                if depth:
                    depth -= 1
            else:
                depth += 1
                if depth > max_depth:
                    max_depth = depth
        if not closing and name in RAW_TEXT_ELEMENTS:
            close = RAW_TEXT_END[name].search(source, position)
            raw_end = close.start() if close else size
            if name in VISIBLE_RAW_TEXT and not hidden_depth and raw_end > position:
                add_run((position, raw_end))
            position = raw_end
    return ReferenceScan(tags, runs, max_depth, comments)


def as_tuples(scanned: Scan) -> ReferenceScan:
    return ReferenceScan(scanned.tags, scanned.text_runs, scanned.max_depth, scanned.comments)


MARKUP_PIECES = st.sampled_from([
    "<p>", "</p>", "<div class='a'>", "</div>", "<br/>", "<img src=x>", "<head>", "</head>", "<template>",
    "</template>", "<script>", "</script>", "<SCRIPT type=\"x\">", "</Script >", "<textarea>", "</textarea>",
    "<title>", "</title>", "<!--", "-->", "<!doctype html>", "<?pi?>", "<b", ">", "</", "\"", "'", "text ", "\n",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(MARKUP_PIECES, max_size=40))
def test_the_scan_finds_what_the_plain_search_loop_finds(pieces: list[str]) -> None:
    source = "".join(pieces)
    assert as_tuples(scan(source)) == reference_scan(source)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKUP_PIECES, max_size=40), st.integers(min_value=0, max_value=8))
def test_the_nesting_check_counts_only_pages_with_more_tags_than_the_limit(pieces: list[str], limit: int) -> None:
    source = "".join(pieces)
    scanned = scan(source)
    assert scanned.nests_deeper_than(limit) == (reference_scan(source).max_depth > limit)
    if len(scanned.tag_names) <= limit:
        assert "max_depth" not in vars(scanned)  # no pass over the tags was made


def test_the_scan_finds_what_the_plain_search_loop_finds_on_the_pages() -> None:
    from tests.conftest import html_sources

    sources = html_sources()
    for source in sources:
        assert as_tuples(scan(source)) == reference_scan(source)
