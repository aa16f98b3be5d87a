"""Every walk of cleaner/xpath_walks.py finds what its trafilatura XPath expression finds: the same
elements in the same order, on the dev pages as trafilatura's extraction meets them and on
generated trees built to exercise each expression's clauses."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from trafilatura import xpaths

import cleaner
from bench.metric import Page
from cleaner.html_extract import Trafilatura
from cleaner.xpath_walks import STANDS, Walked, first_of, folded, walked

ALL_WALKED = [(name, index) for name, stands in STANDS.items() for index in range(len(stands))]


def test_every_walk_stands_for_the_installed_expression() -> None:
    # A trafilatura upgrade that rewrites an expression turns its walk off (the original runs);
    # this says which walks to review against the new expression.
    for name, stands in STANDS.items():
        expressions = getattr(xpaths, name)
        assert [folded(e.path) for e in expressions] == [s.xpath for s in stands], name
        assert all(isinstance(e, Walked) for e in walked(name, expressions))


def test_a_changed_expression_runs_as_itself() -> None:
    changed = etree.XPath(".//div[@class='post']")
    assert walked("BODY_XPATH", [changed]) == [changed]
    assert walked("NOT_A_LIST", [changed]) == [changed]


def test_trafilatura_itself_is_left_as_it_was() -> None:
    Trafilatura.load()
    from trafilatura import core, main_extractor

    assert all(isinstance(e, etree.XPath) for e in main_extractor.BODY_XPATH + core.RAW_TREE_PRUNE_XPATH)
    assert main_extractor.BODY_XPATH is xpaths.BODY_XPATH


def assert_same(walk: Walked, context: etree._Element, where: str) -> list[etree._Element]:
    expected = walk.expression(context)
    found = walk.walk(context)
    assert [id(e) for e in found] == [id(e) for e in expected], (where, [e.tag for e in expected], [e.tag for e in found])
    return expected


@contextmanager
def compared_in_extraction(tally: dict[str, int]) -> Iterator[None]:
    """Every walk, as the extraction calls it, checked against its expression there and then."""
    original = Walked.__call__

    def checked(self: Walked, context: object, **variables: object) -> object:
        if isinstance(context, etree._Element) and not variables:
            name = self.walk.__name__
            tally[name] = tally.get(name, 0) + 1
            return assert_same(self, context, name)
        return original(self, context, **variables)

    Walked.__call__ = checked  # type: ignore[method-assign]
    try:
        yield
    finally:
        Walked.__call__ = original  # type: ignore[method-assign]


def test_walks_find_what_the_expressions_find_on_the_dev_pages(dev_pages: list[Page]) -> None:
    tally: dict[str, int] = {}
    with compared_in_extraction(tally):
        cleaner_ = cleaner.Cleaner()
        for page in dev_pages:
            cleaner_.clean(page.html(), url=page.url or None, format="html")
    assert len(tally) == len(ALL_WALKED)  # every walk was met at least once
    assert sum(tally.values()) > 10 * len(dev_pages)


def test_walks_find_what_the_expressions_find_on_the_test_pages() -> None:
    from tests.conftest import ROOT

    tally: dict[str, int] = {}
    with compared_in_extraction(tally):
        cleaner_ = cleaner.Cleaner()
        for path in sorted((ROOT / "tests" / "pages").glob("*.html")):
            cleaner_.clean(path.read_bytes(), format="html")
        for path in sorted((ROOT / "fixtures").rglob("*.html*")):
            data = path.read_bytes()
            cleaner_.clean(gzip.decompress(data) if path.suffix == ".gz" else data, format="html")
    assert tally


# --- Generated trees -----------------------------------------------------------------------------
# Tags the expressions name, and others; attribute values built from the expressions' own tokens
# with their near misses (case, a hyphen, white space of other kinds) so every clause is met.
TAGS = ["div", "section", "article", "main", "aside", "p", "span", "list", "item", "ol", "ul", "details",
        "header", "h1", "a", "td", "b"]
TOKENS = [
    "comment", "Comment", "commentary", "comol", "disqus_thread", "dsq-comments", "post-comments", "article-comments",
    "mvp-post-add-box", "infinite-scroll", "infinitescroll", "elementor-share-buttons", "post", "entry", "article",
    "story", "content", "main", "main-content", "Main-Content", "page-Content", "content_main", "content__body",
    "articleBody", "article-body", "post_text", "fulltext", "FullText", "article ", "primary", "story-body",
    "share", "Share", "shar", "social", "cookie", "nav", "Nav", "navigation", "menu", "bar", "sidebar", "author",
    " ad ", "-ad-", "ad-", "dfpAd", "widget", "footer", "Footer", "byline", "meta", "teaser", "Teaser", "caption",
    "bottom", "link", "links", "hidden", "hide-", "reply-", "comments-title", "akismet", "message", "yin",
    "related", "premium", "tags", "tag-list", "x", "",
]
SPACES = [" ", "", "\t", "\n", "\u00a0", "\u2003", "-", "_"]
ATTRIBUTES = ["id", "class", "style", "role", "aria-hidden", "itemprop", "data-component", "data-lp-replacement-content"]
STYLES = ["display:none", "display: none", "border:1px", "color:red", ""]
ROLES = ["navigation", "Navigation", "main", "article", "banner", ""]

value = st.builds(lambda parts, joins: "".join(p + j for p, j in zip(parts, joins)).strip("-"),
                  st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3),
                  st.lists(st.sampled_from(SPACES), min_size=3, max_size=3))


@st.composite
def attributes(draw: st.DrawFn) -> list[tuple[str, str]]:
    names = draw(st.lists(st.sampled_from(ATTRIBUTES), unique=True, max_size=4))  # drawn order is attribute order
    pairs = []
    for name in names:
        if name == "style":
            pairs.append((name, draw(st.sampled_from(STYLES))))
        elif name == "role":
            pairs.append((name, draw(st.sampled_from(ROLES))))
        elif name == "aria-hidden":
            pairs.append((name, draw(st.sampled_from(["true", "false", "True"]))))
        elif name == "itemprop":
            pairs.append((name, draw(st.sampled_from(["articleBody", "author", "articlebody"]))))
        elif name == "data-component":
            pairs.append((name, draw(st.sampled_from(["MostPopularStories", "Byline", ""]))))
        else:
            pairs.append((name, draw(value)))
    return pairs


node = st.recursive(
    st.tuples(st.sampled_from(TAGS), attributes(), st.just([])),
    lambda children: st.tuples(st.sampled_from(TAGS), attributes(), st.lists(children, max_size=4)),
    max_leaves=30,
)


def build(parent: etree._Element, spec: tuple[str, list[tuple[str, str]], list]) -> None:
    tag, pairs, children = spec
    element = etree.SubElement(parent, tag)
    for name, attribute_value in pairs:
        element.set(name, attribute_value)
    element.text = "text"
    for child in children:
        build(element, child)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(node, min_size=1, max_size=4), st.integers(min_value=0, max_value=1000))
def test_walks_find_what_the_expressions_find_on_generated_trees(specs: list, pick: int) -> None:
    root = lxml_html.document_fromstring("<html><body></body></html>")
    body = root.find("body")
    for spec in specs:
        build(body, spec)
    everything = list(root.iter(etree.Element))
    for name, index in ALL_WALKED:
        walk = walked(name, getattr(xpaths, name))[index]
        assert isinstance(walk, Walked)
        assert_same(walk, root, f"{name}[{index}] at the root")
        assert_same(walk, everything[pick % len(everything)], f"{name}[{index}] below an element")


def test_first_of_takes_the_attribute_that_comes_first() -> None:
    element = lxml_html.fragment_fromstring('<div class="b" id="a"></div>')
    assert first_of(element, "id", "class") == "b"
    element = lxml_html.fragment_fromstring('<div id="a" class="b"></div>')
    assert first_of(element, "id", "class") == "a"
    assert first_of(lxml_html.fragment_fromstring('<div class=""></div>'), "id", "class") == ""


@pytest.mark.parametrize("page", [
    # `(A)[1]|(.//main)[1]`: both, in document order, whichever comes first
    '<div class="main-a"><main><div id="main-b"></div></main></div><main></main>',
    '<main><section role="main"></section></main><div class="mainly"></div>',
    '<div><span class="main"></span></div>',
    # `.//*[...][1]`: the first passing child of every element, not only the first of all
    '<div><div class="post"></div><div class="entry"></div><section><div class="post"></div></section></div>',
])
def test_unions_and_first_children_keep_every_element_the_expression_keeps(page: str) -> None:
    root = lxml_html.document_fromstring(f"<html><body>{page}</body></html>")
    for name, index in ALL_WALKED:
        walk = walked(name, getattr(xpaths, name))[index]
        assert isinstance(walk, Walked)
        assert_same(walk, root, f"{name}[{index}]")
