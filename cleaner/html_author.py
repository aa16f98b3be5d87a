"""The page's author from its markup, as trafilatura's `metadata.extract_author` finds it, in one
walk over the tree.

trafilatura deep-copies the page, deletes comment sections, titles, dates, `<time>` and `<figure>`
from the copy (each element's tail kept), and asks three XPath expressions in turn (specific,
generic, last resort) for the first element whose text is a plausible author. libxml2 walks every
element of the page for each of those five expressions, calling Python for every regular
expression test: that costs as much as the rest of the page's metadata. Here one Python walk reads
each element's attributes once and sorts the elements into the three expressions' lists, in page
order; an element is skipped when it or an ancestor is one of the deleted ones, and its text is
read from a copy with the deletions applied only when one lies inside it. The result is the same
string (tests/test_html_author.py compares the two on varied markup).
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree
from lxml.html import HtmlElement

# trafilatura's `len_limit` for authors: longer text is a paragraph that mentions one.
AUTHOR_MAX_CHARS = 120
AUTHOR_MIN_CHARS = 3  # trafilatura wants more than 2 characters

# The first expression (specific and almost specific), trafilatura's AUTHOR_XPATHS[0].
SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
SPECIFIC_CLASS = re.compile("author-?name|AuthorName|authorName")
SPECIFIC_TEST_IDS = frozenset({"AuthorCard", "AuthorURL"})
# The second (almost generic and generic).
GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
GENERIC_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
GENERIC_ID = re.compile("author|zuozhe|bianji|xiaobian")
GENERIC_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
# The last resort: any element.
ANY_ID = re.compile("[Aa]uthor")
ANY_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
# Every class or id that any of the three tests above accepts holds one of these: the tests run
# only on those (most classes and ids hold none).
CLASS_HINT = re.compile(
    "uthor|yline|byl|BBL|username|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
    "|screenname|writer")
ID_HINT = re.compile("uthor|zuozhe|bianji|xiaobian")
# What the copy loses first (AUTHOR_DISCARD_XPATHS): comment sections, titles, dates, sidebars ...
DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
DISCARD_CLASSES = frozenset({"comments", "title", "date"})
DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    "|print|category|meta-date|meta-reviewer")
# ... then every one of these.
DISCARD_ELEMENTS = ("time", "figure")


def find_author(tree: HtmlElement) -> str | None:
    """What `trafilatura.metadata.extract_author(tree)` returns; `tree` is left as it was."""
    from trafilatura.metadata import normalize_authors

    generic: list[HtmlElement] = []
    last_resort: list[HtmlElement] = []
    # trafilatura's `rel='me'` test: a child *element* named `rel` whose text is `me` (rare: found
    # from the `rel` elements, not by looking at every element's children).
    with_rel_me = {rel.getparent() for rel in tree.iterdescendants("rel") if "".join(_texts(rel)) == "me"}
    for element in tree.iter(etree.Element):
        get = element.get
        tag, class_, id_, itemprop = element.tag, get("class"), get("id"), get("itemprop")
        class_hint = class_ is not None and CLASS_HINT.search(class_) is not None
        id_hint = id_ is not None and ID_HINT.search(id_) is not None
        if tag == "author" or tag in SPECIFIC_TAGS and (
                get("rel") == "author" or id_ == "author" or class_ == "author" or itemprop == "author name"
                or get("data-testid") in SPECIFIC_TEST_IDS or (class_hint and SPECIFIC_CLASS.search(class_))
                or element in with_rel_me):
            # The first expression's first plausible author is the answer: the walk can stop.
            if (author := _plausible(element, tree)) is not None:
                return normalize_authors(None, author)
        names_author = itemprop is not None and "author" in itemprop
        if tag in GENERIC_TAGS and (
                class_ in GENERIC_CLASSES or names_author or (id_hint and GENERIC_ID.search(id_))
                or (class_hint and GENERIC_CLASS.search(class_))):
            generic.append(element)
        if names_author or (id_hint and ANY_ID.search(id_)) or (class_hint and ANY_CLASS.search(class_)) or (
                "Byline" in (get("data-component") or "")):
            last_resort.append(element)
    for candidates in (generic, last_resort):
        for element in candidates:
            if (author := _plausible(element, tree)) is not None:
                return normalize_authors(None, author)
    return None


def _plausible(element: etree._Element, root: etree._Element) -> str | None:
    """The element's text, white space folded, when it is in trafilatura's copy and could be an
    author (trafilatura's `extract_metainfo` test); else None."""
    if _discarded(element, root):
        return None
    author = " ".join(" ".join(_texts(element)).split())
    return author if AUTHOR_MIN_CHARS <= len(author) < AUTHOR_MAX_CHARS else None


def _deleted(element: etree._Element) -> bool:
    """Whether trafilatura's author search deletes `element` from its copy (unless it is the root)."""
    return element.tag in DISCARD_ELEMENTS or _discarded_container(element)


def _discarded_container(element: etree._Element) -> bool:
    """One of the containers deleted first: comment sections, titles, dates, sidebars ..."""
    if element.tag not in DISCARD_TAGS:
        return False
    class_, id_ = element.get("class"), element.get("id")
    return (id_ == "comments" or class_ in DISCARD_CLASSES
            or (id_ is not None and DISCARD_ID.search(id_) is not None)
            or (class_ is not None and DISCARD_CLASS.search(class_) is not None)
            or "Figure" in (element.get("data-component") or ""))


def _discarded(element: etree._Element, root: etree._Element) -> bool:
    """Whether `element` is gone from the copy: it or an ancestor below the root is deleted."""
    while element is not root and element is not None:
        if _deleted(element):
            return True
        element = element.getparent()
    return False


def _texts(element: etree._Element) -> list[str]:
    """`element.itertext()` as it reads in trafilatura's copy, after the deletions inside it."""
    if not any(_deleted(inner) for inner in element.iterdescendants(etree.Element)):
        return list(element.itertext())
    from trafilatura.htmlprocessing import delete_element

    copy = deepcopy(element)
    # The same deletions in the same order as trafilatura's: first the discarded containers, then
    # every <time> and <figure> left. Those outside `element` do not change its text.
    for inner in [e for e in copy.iterdescendants(etree.Element) if _discarded_container(e)]:
        delete_element(inner)
    for inner in list(copy.iterdescendants(*DISCARD_ELEMENTS)):
        delete_element(inner)
    return list(copy.itertext())
