"""cleaner's one-walk author search finds what trafilatura's own `extract_author` finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from trafilatura.metadata import extract_author

from cleaner.html_author import find_author
from cleaner.html_extract import parse

# Byline shapes news pages use, and the markup that trafilatura's search deletes or skips.
BYLINES = [
    '<a rel="author" href="/jane">Jane Doe</a>',
    '<span class="author">Jane Doe</span>',
    '<p class="author-name">jane doe</p>',
    '<div class="c-AuthorName">Jane <b>Doe</b></div>',
    '<strong id="author">Jane Doe</strong>',
    '<address>By <a class="authorName">Jane Doe</a></address>',
    '<div data-testid="AuthorCard"><span>Jane</span><span>Doe</span></div>',
    '<span itemprop="author name">Jane Doe</span>',
    '<author>Jane Doe</author>',
    '<div class="byline">By Jane Doe <time>May 1, 2024</time> updated</div>',
    '<div class="byline">Jane<time>today</time>Doe</div>',
    '<p class="byline"><time>May 1</time>Jane Doe<figure>photo</figure> and John Roe</p>',
    '<p class="byline">Jane <span class="date">May 1</span>Doe, <span class="title">Editor</span>Staff</p>',
    '<h3 class="username">jdoe99</h3>',
    '<h4 class="BBL">Jane Doe</h4>',
    '<span id="bianji">Li Wei</span>',
    '<div class="submitted-by">Submitted by Jane Doe on May 1</div>',
    '<div itemprop="author" itemscope><span itemprop="name">Jane Doe</span></div>',
    '<section class="writer">Jane Doe</section>',
    '<li class="post-Byline">Jane Doe</li>',
    '<div data-component="Byline">Jane Doe</div>',
    '<td id="Author">Jane Doe</td>',
    '<p class="author">Jane<!-- x --> Doe<br>Staff writer</p>',
    '<p class="author">JD</p><span class="byline">Jane Doe</span>',
    '<span class="author">' + "very long " * 15 + "</span><div class=\"byline\">Jane Doe</div>",
    '<a class="author" href="#">https://example.com/jane</a>',
    '<span class="author">jane@example.com</span>',
    '<div id="comments"><span class="author">A Commenter</span></div><span class="byline">Jane Doe</span>',
    '<div class="comments-list"><p class="author">A Commenter</p></div>',
    '<aside><div class="sidebar"><a rel="author">Side Bar</a></div></aside><p class="writer">Jane Doe</p>',
    '<figure><figcaption class="author">Photo: Jim Roe</figcaption></figure><span class="byline">Jane Doe</span>',
    '<time class="author">Jane Doe</time><span class="author">John Roe</span>',
    '<div class="quote"><span class="author">Quoted Person</span></div>',
    '<div class="meta-date print"><span class="author">Jane Doe</span></div><div class="author">John Roe</div>',
    '<span data-component="Figure"><span class="author">Jim Roe</span></span><span class="author">Jane Doe</span>',
    '<p><rel>me</rel>Jane Doe</p>',
    '<p><rel>me<span class="date">x</span></rel>Jane Doe</p>',
    '<div class="author"><span class="date">May 1</span></div><div class="byline">Jane Doe</div>',
    '<div class="author">By <a href="/a">Jane Doe</a>, <a href="/b">John Roe</a> and <a>Li Wei</a></div>',
    '<p>No byline here, only text.</p>',
]


@pytest.mark.parametrize("byline", BYLINES)
def test_same_author_as_trafilatura(byline: str) -> None:
    page = f"<html><head><title>T</title></head><body><article><h1>Title</h1>{byline}<p>Text.</p></article></body></html>"
    tree = parse(page)
    assert tree is not None
    expected = extract_author(tree)
    assert find_author(tree) == expected


def test_tree_left_as_it_was() -> None:
    tree = parse('<html><body><p class="byline">Jane<time>today</time>Doe</p></body></html>')
    assert tree is not None
    before = tree.getroottree().getroot().text_content()
    # trafilatura deletes the <time> keeping its tail: the name's halves join without a space.
    assert find_author(tree) == extract_author(tree) == "JaneDoe"
    assert tree.text_content() == before


TAGS = ["a", "div", "span", "p", "section", "strong", "address", "h3", "h4", "li", "time", "figure", "rel", "author", "b"]
ATTRIBUTES = st.sampled_from([
    ("class", "author"), ("class", "byline"), ("class", "byl"), ("class", "post-author-name"), ("class", "Byline x"),
    ("class", "date"), ("class", "title"), ("class", "comments"), ("class", "Comments-area"), ("class", "sidebar"),
    ("class", "quote"), ("class", "print-only"), ("class", "writer"), ("class", "is-hidden"), ("class", "usernames"),
    ("id", "author"), ("id", "comments"), ("id", "comment-list"), ("id", "AuthorBox"), ("id", "xiaobian"),
    ("rel", "author"), ("itemprop", "author"), ("itemprop", "author name"), ("data-testid", "AuthorURL"),
    ("data-component", "Byline"), ("data-component", "Figure"), ("class", "story"), ("id", "main"),
])
WORDS = st.sampled_from(["Jane", "Doe", "By", "me", " ", "\n", "and", "Li", "x", "Staff writer", "May 1", "@jd", ""])


def _markup(depth: int) -> st.SearchStrategy[str]:
    text = st.lists(WORDS, max_size=3).map("".join)
    if depth == 0:
        return text
    element = st.tuples(st.sampled_from(TAGS), st.lists(ATTRIBUTES, min_size=1, max_size=2, unique_by=lambda a: a[0]),
                        st.lists(_markup(depth - 1), max_size=3), text).map(
        lambda parts: "<{0}{1}>{2}</{0}>{3}".format(
            parts[0], "".join(f' {name}="{value}"' for name, value in parts[1]), "".join(parts[2]), parts[3]))
    return st.one_of(element, element, text, st.just("<!--c-->"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_markup(3), min_size=1, max_size=4).map("".join))
def test_same_author_on_generated_markup(body: str) -> None:
    tree = parse(f"<html><body>{body}</body></html>")
    if tree is not None:
        assert find_author(tree) == extract_author(tree)
