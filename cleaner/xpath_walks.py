"""Python walks that find what trafilatura's pruning and body XPath expressions find, faster.

trafilatura's extraction prunes the page and picks its article container with XPath expressions
whose regular expressions (`re:test`) lxml evaluates by calling back into Python for every element
tested. On the dev pages those evaluations are a fifth of cleaner's HTML path. Each walk here
visits the same elements once, in document order, and applies the same tests (the same regular
expressions, copied from the expression) in plain Python: same elements, same order, a fraction of
the time.

A walk stands in for an expression only while the expression reads exactly as the walk's `xpath`
(white space aside): an upgrade of trafilatura that changes one gets the original expression
back, never a stale walk. tests/test_xpath_walks.py compares every walk with its expression on the
dev pages and on generated pages.

The XPath rules that matter here:
- `string()` of a missing attribute is "": `re:test(@id, p)` then tests p against "";
- `@id|@class` is the first of the two in the element's attribute order;
- `.//*[...][1]` is, for every element, its first child that passes; `(.//*[...])[1]` is the first
  descendant that passes; `A|B` is both, in document order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from lxml import etree

Walk = Callable[[etree._Element], list[etree._Element]]


def first_of(element: etree._Element, a: str, b: str) -> str:
    """`string(@a|@b)`: the value of whichever of the two attributes comes first on the element."""
    value_a, value_b = element.get(a), element.get(b)
    if value_a is None or value_b is None:
        return value_a or value_b or ""
    return next(value for key, value in element.items() if key in (a, b))


def searcher(pattern: str, flags: int = 0) -> Callable[[str], object]:
    """`re:test(value, pattern)` as lxml's EXSLT extension evaluates it: Python's `re.search`.

    A missing attribute tests as "", which none of these patterns matches: so a walk tests only the
    values an element has (`value and search(value)`), and an element with no attributes passes
    no test that needs one."""
    compiled = re.compile(pattern, flags)
    if compiled.search("") is not None:
        raise ValueError(f"{pattern!r} matches the empty string: a walk would have to test missing attributes")
    return compiled.search


def first_children(elements: Iterable[etree._Element]) -> list[etree._Element]:
    """Of elements in document order, each one that no earlier sibling in the list precedes."""
    parents: set[etree._Element] = set()
    firsts = []
    for element in elements:
        parent = element.getparent()
        if parent not in parents:
            parents.add(parent)
            firsts.append(element)
    return firsts


def first(elements: Iterator[etree._Element]) -> list[etree._Element]:
    return [element] if (element := next(elements, None)) is not None else []


# --- The walks, each beside the expression it stands for -----------------------------------------
# A walk whose every clause needs an attribute skips an element with none (`keys()`) first.

_INFINITE = searcher("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED = searcher("mvp-post-add-(?:box|wrap)")


def _raw_tree_prune_0(context: etree._Element) -> list[etree._Element]:
    found = []
    for e in context.iterdescendants("div", "section", "aside"):
        if not e.keys():
            continue
        identifier, classes = e.get("id"), e.get("class")
        if ((identifier and _INFINITE(identifier)) or (classes and _INFINITE(classes))) and (
                next(e.iterdescendants("h1"), None) is None
                or (identifier and _APPENDED(identifier)) or (classes and _APPENDED(classes))):
            found.append(e)
    return found


def _raw_tree_prune_1(context: etree._Element) -> list[etree._Element]:
    return [e for e in context.iterdescendants("div", "section", "aside")
            if (classes := e.get("class")) and "elementor-share-buttons" in classes]


_COMMENTS_ID_OR_THREAD = searcher("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_ID = searcher("^(?:[Cc]omment(?!ary)|comol)")
_COMMENTS_CLASS = searcher("^[Cc]omment(?!ary)|(?:article|post)-comments")


def _comments_and_lists(context: etree._Element) -> list[etree._Element]:
    found = []
    for e in context.iterdescendants("div", "list", "section", "details", "ol", "ul"):
        if not e.keys():
            continue
        identifier, classes = e.get("id"), e.get("class")
        in_class = bool(classes and _COMMENTS_CLASS(classes))
        if (in_class or (identifier and _COMMENTS_ID_OR_THREAD(identifier))) and (
                in_class or e.tag not in ("ol", "ul") or (identifier and _COMMENTS_ID(identifier))):
            found.append(e)
    return found


def _comments(context: etree._Element) -> list[etree._Element]:
    found = []
    for e in context.iterdescendants("div", "list", "section", "details"):
        if not e.keys():
            continue
        identifier, classes = e.get("id"), e.get("class")
        if (classes and _COMMENTS_CLASS(classes)) or (identifier and _COMMENTS_ID_OR_THREAD(identifier)):
            found.append(e)
    return found


_BODY_TAGS = ("article", "div", "main", "section")
_ARTICLE_ID_PATTERN = "(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text"
_ARTICLE_CLASS_PATTERN = (
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|article-?text|"
    "articleText|(?:entry|page|text|article|art)-content|article__content|article(?:-|__)?body|articleBody|"
    "ArticleContent|body-text|article__container")
_ARTICLE_ID, _ARTICLE_CLASS = searcher(_ARTICLE_ID_PATTERN), searcher(_ARTICLE_CLASS_PATTERN)


def _body_0(context: etree._Element) -> list[etree._Element]:
    def passes(e: etree._Element) -> bool:
        identifier, classes = e.get("id"), e.get("class")
        return bool(classes in ("post", "entry") or identifier == "articleContent" or e.get("itemprop") == "articleBody"
                    or (identifier and _ARTICLE_ID(identifier)) or (classes and _ARTICLE_CLASS(classes)))
    return first_children(e for e in context.iterdescendants(*_BODY_TAGS) if e.keys() and passes(e))


def _body_1(context: etree._Element) -> list[etree._Element]:
    return first(context.iterdescendants("article"))


_STORY_ID = searcher("^primary|story-body")
_FULLTEXT = searcher("fulltext", re.IGNORECASE)
_STORY_CLASS_PATTERN = (
    "^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post|main-column|"
    "wpb_text_column|story-body|field-body")
_STORY_CLASS = searcher(_STORY_CLASS_PATTERN)


def _body_2(context: etree._Element) -> list[etree._Element]:
    def passes(e: etree._Element) -> bool:
        identifier, classes = e.get("id"), e.get("class")
        return bool(e.get("role") == "article" or identifier in ("article", "story")
                    or classes in ("postarea", "art-postcontent", "text", "cell", "story")
                    or (identifier and _STORY_ID(identifier))
                    or (classes and (_FULLTEXT(classes) or _STORY_CLASS(classes))))
    return first(e for e in context.iterdescendants(*_BODY_TAGS) if e.keys() and passes(e))


_MAIN_ID = searcher("content-main|content-body|contentBody")
_MAIN_CLASS = searcher("content[-_]main|content(?:-|__)body")


def _body_3(context: etree._Element) -> list[etree._Element]:
    def passes(e: etree._Element) -> bool:
        identifier, classes = e.get("id") or "", e.get("class") or ""
        return bool(identifier == "content" or classes == "content"
                    or (identifier and _MAIN_ID(identifier)) or (classes and _MAIN_CLASS(classes))
                    or "main-content" in identifier.replace("C", "c").replace("M", "m")
                    or "main-content" in classes.replace("C", "c").replace("M", "m")
                    or "page-content" in classes.replace("C", "c").replace("P", "p"))
    return first(e for e in context.iterdescendants(*_BODY_TAGS) if e.keys() and passes(e))


def _body_4(context: etree._Element) -> list[etree._Element]:
    """The first main-named article, div or section, and the first <main>, in document order."""
    named: etree._Element | None = None
    main: etree._Element | None = None
    found = []
    for e in context.iterdescendants("article", "div", "section", "main"):
        if main is None and e.tag == "main":
            main = e
            found.append(e)
        elif named is None and e.tag != "main" and (
                (e.get("class") or "").startswith("main") or (e.get("id") or "").startswith("main")
                or (e.get("role") or "").startswith("main")):
            named = e
            found.append(e)
        if named is not None and main is not None:
            break
    return found


_DISCARD_TAGS = ("div", "item", "list", "p", "section", "span")
_DISCARD_ID_PATTERN = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|"
    "^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related|message-container|premium|^ad-")
_DISCARD_CLASS_PATTERN = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|"
    "^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|(?:^| )ad-|dfp[Aa]d|"
    "outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|Byline|share-|sociable|embedded|embed|"
    "tag-list|consent|modal-content|permission|elated|next-|-stories|most-popular|more-on|meta|rating|"
    "attachment|timestamp|user-info|user-profile|-icon|article-infos|message-container|slide|viewport|overlay|"
    "options|expand|obfuscated|blurred|mol-factbox|yin|zlylin|nfoline")
_DISCARD_ID, _DISCARD_CLASS = searcher(_DISCARD_ID_PATTERN), searcher(_DISCARD_CLASS_PATTERN)


def _overall_discard_0(context: etree._Element) -> list[etree._Element]:
    found = []
    for e in context.iterdescendants(*_DISCARD_TAGS):
        if not e.keys():
            continue
        get = e.get
        identifier, classes = get("id"), get("class")
        if ((classes and _DISCARD_CLASS(classes)) or (identifier and _DISCARD_ID(identifier))
                or "cookie" in first_of(e, "id", "class")  # re:test(@id|@class, 'cookie'): a literal
                or get("data-lp-replacement-content") is not None
                or "nav" in (get("role") or "").replace("N", "n")
                or "MostPopularStories" in (get("data-component") or "")):
            found.append(e)
    return found


_HIDDEN_ID = searcher("reader-comments|akismet")
_HIDDEN_CLASS_PATTERN = (
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide|"
    "noprint|notloaded")
_HIDDEN_CLASS = searcher(_HIDDEN_CLASS_PATTERN)


def _overall_discard_1(context: etree._Element) -> list[etree._Element]:
    found = []
    for e in context.iterdescendants(etree.Element):  # `.//*`: elements, not comments
        if not e.keys():
            continue
        get = e.get
        identifier, classes, style = get("id"), get("class"), get("style") or ""
        if (classes == "comments-title" or (classes and _HIDDEN_CLASS(classes))
                or (identifier and _HIDDEN_ID(identifier)) or get("aria-hidden") == "true"
                or "display:none" in style or "display: none" in style
                or first_of(e, "id", "class").startswith("reply-")
                or "hidden" in first_of(e, "id", "style")):  # re:test(@id|@style, 'hidden'): a literal
            found.append(e)
    return found


def _discard_image(context: etree._Element) -> list[etree._Element]:
    return [e for e in context.iterdescendants(*_DISCARD_TAGS) if e.keys() and (
        "caption" in (e.get("id") or "") or "caption" in (e.get("class") or ""))]


def _teaser(context: etree._Element) -> list[etree._Element]:
    return [e for e in context.iterdescendants(*_DISCARD_TAGS) if e.keys() and (
        "teaser" in (e.get("id") or "").replace("T", "t") or "teaser" in (e.get("class") or "").replace("T", "t"))]


def _precision_0(context: etree._Element) -> list[etree._Element]:
    return list(context.iterdescendants("header"))


_BOTTOM = searcher(r"(^|\s)bottom|bottom(\s|$)")
_LINK = searcher(r"(^|\s)link(\s|$)")


def _precision_1(context: etree._Element) -> list[etree._Element]:
    found = []
    for e in context.iterdescendants(*_DISCARD_TAGS):
        if not e.keys():
            continue
        named = first_of(e, "id", "class")
        if (named and (_BOTTOM(named) or _LINK(named))) or "border" in (e.get("style") or ""):
            found.append(e)
    return found


@dataclass(frozen=True)
class Stand:
    """A walk, and the expression (white space folded) it finds the same elements as."""

    xpath: str
    walk: Walk


# trafilatura.xpaths list name -> a walk for each of its expressions, in order.
STANDS: dict[str, tuple[Stand, ...]] = {
    "RAW_TREE_PRUNE_XPATH": (
        Stand(".//*[self::div or self::section or self::aside][ re:test(@id, 'mvp-post-add-(?:box|wrap)|infinite-?scroll') "
              "or re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ not(.//h1) or re:test(@id, "
              "'mvp-post-add-(?:box|wrap)') or re:test(@class, 'mvp-post-add-(?:box|wrap)')]", _raw_tree_prune_0),
        Stand(".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]",
              _raw_tree_prune_1),
    ),
    "REMOVE_COMMENTS_AND_LISTS_XPATH": (
        Stand(".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ re:test(@id, "
              "'^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or re:test(@class, "
              "'^[Cc]omment(?!ary)|(?:article|post)-comments')][ not(self::ol or self::ul) or re:test(@id, "
              "'^(?:[Cc]omment(?!ary)|comol)') or re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')]",
              _comments_and_lists),
    ),
    "REMOVE_COMMENTS_XPATH": (
        Stand(".//*[self::div or self::list or self::section or self::details][ re:test(@id, "
              "'^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or re:test(@class, "
              "'^[Cc]omment(?!ary)|(?:article|post)-comments')]", _comments),
    ),
    "BODY_XPATH": (
        Stand(".//*[self::article or self::div or self::main or self::section][ @class='post' or @class='entry' or "
              "@itemprop='articleBody' or @id='articleContent' or re:test(@id, "
              f"'{_ARTICLE_ID_PATTERN}') or re:test(@class, '{_ARTICLE_CLASS_PATTERN}') ][1]", _body_0),
        Stand("(.//article)[1]", _body_1),
        Stand("(.//*[self::article or self::div or self::main or self::section][ @role='article' or @id='article' or "
              "@id='story' or @class='postarea' or @class='art-postcontent' or @class='text' or @class='cell' or "
              "@class='story' or re:test(@id, '^primary|story-body') or re:test(@class, 'fulltext', 'i') or "
              f"re:test(@class, '{_STORY_CLASS_PATTERN}') ])[1]", _body_2),
        Stand("(.//*[self::article or self::div or self::main or self::section][ @id='content' or @class='content' or "
              "re:test(@id, 'content-main|content-body|contentBody') or re:test(@class, "
              "'content[-_]main|content(?:-|__)body') or contains(translate(@id, 'CM','cm'), 'main-content') or "
              "contains(translate(@class, 'CM','cm'), 'main-content') or contains(translate(@class, 'CP','cp'), "
              "'page-content') ])[1]", _body_3),
        Stand("(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or starts-with(@id, "
              "'main') or starts-with(@role, 'main')])[1]|(.//main)[1]", _body_4),
    ),
    "OVERALL_DISCARD_XPATH": (
        Stand(".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
              "@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
              "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, 'cookie') or re:test(@id, "
              f"'{_DISCARD_ID_PATTERN}') or re:test(@class, '{_DISCARD_CLASS_PATTERN}')]",
              _overall_discard_0),
        Stand(".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or re:test(@id|@style, 'hidden') or "
              "contains(@style, 'display:none') or contains(@style, 'display: none') or re:test(@id, "
              f"'reader-comments|akismet') or re:test(@class, '{_HIDDEN_CLASS_PATTERN}') or "
              "@aria-hidden='true']", _overall_discard_1),
    ),
    "DISCARD_IMAGE_ELEMENTS": (
        Stand(".//*[self::div or self::item or self::list or self::p or self::section or self::span][ contains(@id, "
              "'caption') or contains(@class, 'caption')]", _discard_image),
    ),
    "TEASER_DISCARD_XPATH": (
        Stand(".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
              "contains(translate(@id, 'T', 't'), 'teaser') or contains(translate(@class, 'T', 't'), 'teaser')]",
              _teaser),
    ),
    "PRECISION_DISCARD_XPATH": (
        Stand(".//header", _precision_0),
        Stand(".//*[self::div or self::item or self::list or self::p or self::section or self::span][ re:test(@id|@class, "
              r"'(^|\s)bottom|bottom(\s|$)') or re:test(@id|@class, '(^|\s)link(\s|$)') or contains(@style, 'border')]",
              _precision_1),
    ),
}


def folded(xpath: str) -> str:
    return " ".join(xpath.split())


class Walked:
    """An XPath expression that runs as its walk on an element, and as itself on anything else."""

    def __init__(self, expression: etree.XPath, walk: Walk) -> None:
        self.expression = expression
        self.walk = walk
        self.path = expression.path

    def __call__(self, context: object, **variables: object) -> object:
        if variables or not isinstance(context, etree._Element):
            return self.expression(context, **variables)
        return self.walk(context)


def walked(name: str, expressions: list[etree.XPath]) -> list[etree.XPath | Walked]:
    """`expressions` (trafilatura.xpaths' list `name`) with a walk for each one that still reads
    as the walk was written for."""
    stands = STANDS.get(name, ())
    return [Walked(expression, stand.walk) if i < len(stands) and folded(expression.path) == (stand := stands[i]).xpath
            else expression for i, expression in enumerate(expressions)]
