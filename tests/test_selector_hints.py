"""The selector screen (cleaner/selector_hints.py): a selector it leaves out never matches the page
as lexbor parses it, on the dev pages, on markup where lexbor and the tag scan part ways, and on
generated pages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner.html_source import scan
from cleaner.rules import load_rules
from cleaner.selector_hints import HintFinder, SelectorScreen, page_attribute_text, selector_hint
from tests.conftest import html_sources

RULES = load_rules()
BUILT_IN = [s for pack in RULES.packs for rule in pack.rules if rule.kind == "select" for s in rule.selectors]
MORE = ["div.a", "#b", "[data-role='promo']", "[class^='ad-']", "p[lang|='en']", "section[hidden]", "div p", "span"]


def screened_out_but_matching(source: str, selectors: list[str]) -> list[str]:
    """Selectors the screen leaves out although lexbor's parse of `source` holds a match. The
    built-in rules' hints are found by the rule set's finder, other hints one by one."""
    tree = LexborHTMLParser(source)
    screen = SelectorScreen(source, scan(source), RULES.hint_finder)
    kept = set(screen.could_match(selectors, [selector_hint(s) for s in selectors]))
    return [s for s in selectors if s not in kept and tree.css_first(s) is not None]


@pytest.mark.parametrize(("selector", "hint"), [
    (".related-posts", "related-posts"),
    ("#CybotCookiebotDialog", "cybotcookiebotdialog"),
    ("ol.comment-list", "comment-list"),
    ("[id^='div-gpt-ad']", "div-gpt-ad"),
    ("form[action*='subscribe']", "subscribe"),
    ("[data-x=foo]", "data-x"),
    ("a[href]", "href"),
    ("[href*='/tag/']", "href"),  # a value with other characters than a hint's: the attribute's name
    (" .a.bcd ", "bcd"),
    ("nav", None),  # a tag name alone: every page might hold one
    ("div .a", None), ("div > .a", None), ("h2 + .a", None), (".a:not(.b)", None), ("*", None),
    (".a, .b", None), ("[x='a\\62']", None), ("[x='a' i]", None), (".caf\u00e9", None),
])
def test_hint_of_each_selector_form(selector: str, hint: str | None) -> None:
    assert selector_hint(selector) == hint


@pytest.mark.parametrize("source", [
    '<body><!--><div class="related-posts">x</div></body>',  # comments lexbor ends early
    '<body><!---><div class="related-posts">x</div></body>',
    '<body><!-- a --!><div class="related-posts">x</div> --></body>',
    '<body><svg><style><div class="related-posts">x</div></style></svg></body>',  # raw text read as markup
    '<body><svg><title><span class="related-posts">x</span></title></svg></body>',
    '<body><math><style><mi class="related-posts">x</mi></style></math></body>',
    '<body><svg></select><style><div class="related-posts">x</div></style></svg></body>',  # an end tag ignored
    '<body><svg><foreignObject><div></svg></div></foreignObject><style><div class="related-posts">x</div></style>',
    '<frameset><title><frame class="related-posts"></title></frameset>',
    '<body><div class="related&#45;posts">x</div></body>',  # character references
    '<body><div class="&#x72;elated-posts">x</div></body>',
    '<body><DIV CLASS="RELATED-POSTS">x</DIV></body>',  # quirks mode: a class matches in any ASCII case
])
def test_markup_lexbor_reads_where_the_scan_does_not(source: str) -> None:
    for page in (source, "<!DOCTYPE html>" + source):
        if "RELATED" not in source:  # in standards mode a class matches in its own case only
            assert LexborHTMLParser(page).css_first(".related-posts") is not None  # the case is real
        assert screened_out_but_matching(page, [".related-posts"]) == []


def test_attribute_text_holds_what_a_page_lacks_only_as_markup() -> None:
    source = "<html><body><p>related-posts</p><div class='Story'>x</div></body></html>"
    text = page_attribute_text(source, scan(source))
    assert b"story" in text and b"related-posts" not in text  # words of the text are not attributes
    screen = SelectorScreen(source, scan(source))
    assert screen.could_match([".related-posts", ".story", "p"], [selector_hint(".related-posts"), "story", None]) == [
        ".story", "p"]


def test_no_selector_left_out_matches_on_the_pages() -> None:
    sources = html_sources()
    selectors = BUILT_IN + MORE
    finder = RULES.hint_finder
    left_out = 0
    for source in sources:
        assert screened_out_but_matching(source, selectors) == []
        text = page_attribute_text(source, scan(source))
        assert finder.found(text) == {hint for hint in finder.hints if hint.encode() in text}
        left_out += len(selectors) - len(SelectorScreen(source, scan(source)).could_match(
            selectors, [selector_hint(s) for s in selectors]))
    assert left_out > 30 * len(sources)  # most selectors are not asked of most pages


TRICKY = st.sampled_from([
    "<!-->", "<!--->", "<!-- c --!>", "<!--", "-->", "<svg>", "</svg>", "<svg/>", "<math>", "</math>", "<select>",
    "</select>", "<style>", "</style>", "<title>", "</title>", "<xmp>", "</xmp>", "<script>", "</script>",
    "<textarea>", "</textarea>", "<p>", "</p>", "</div>", "text", "<b>", "&#45;", "'", '"',
])
CLASSES = st.sampled_from(["related-posts", "related&#45;posts", "RELATED-POSTS", "x", "related-posts x", "outbrain"])
TAGS = st.sampled_from(["div", "span", "g", "option", "p", "aside"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            parts.append(draw(TRICKY))
        else:
            tag = draw(TAGS)
            parts.append(f'<{tag} class="{draw(CLASSES)}">x</{tag}>')
    return draw(st.sampled_from(["", "<!DOCTYPE html>"])) + "<body>" + "".join(parts) + "</body>"


@settings(max_examples=400, deadline=None)
@given(pages())
def test_no_selector_left_out_matches_on_generated_pages(source: str) -> None:
    assert screened_out_but_matching(source, [".related-posts", ".outbrain", "div.x", "[class*='related']"]) == []


def test_the_finder_finds_hints_inside_one_another_and_nothing_else() -> None:
    finder = HintFinder(["comments", "comments-area", "ad-slot", "respond"])
    assert finder.found(b'class="comments-area" id="x-ad-slot-1"') == {"comments", "comments-area", "ad-slot"}
    assert finder.found(b'class="story"') == set()
    assert HintFinder([]).found(b"anything") == set()
