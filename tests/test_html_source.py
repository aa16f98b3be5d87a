"""html_source: the visible-text map must be exactly what a character-by-character reading gives."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.html_source import ENTITY, MARKUP, VisibleText, _inside, scan


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
    runs = scan(source).text_runs
    visible = VisibleText(source, runs, excluded)
    assert (visible.text, visible.starts, visible.ends, visible.spaced) == reference_visible(source, runs, excluded)


def test_words_references_and_white_space() -> None:
    assert_same("<p>Fish &amp; chips&nbsp;for&#x20;two &#8212; &unknown; A&B</p>\n<p>\u00a0next\u2003line</p>", [])


def test_pruned_spans_whole_runs_and_runs_cut_oddly() -> None:
    source = "<div>kept <b>bold</b> text</div><aside>pruned &amp; gone</aside><p>after</p>"
    aside = (source.index("<aside>"), source.index("</aside>") + len("</aside>"))
    assert_same(source, [aside])
    assert VisibleText(source, scan(source).text_runs, [aside]).text == "keptboldtextafter"
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
