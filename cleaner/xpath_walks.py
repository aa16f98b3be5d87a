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


@dataclass(frozen=True)
class Test:
    """`re:test(value, pattern)` as lxml's EXSLT extension evaluates it (Python's `re.search`)."""

    pattern: re.Pattern[str]
    on_empty: bool  # what the pattern says of "" (a missing attribute)

    @classmethod
    def of(cls, pattern: str, flags: int = 0) -> Test:
        compiled = re.compile(pattern, flags)
        return cls(compiled, compiled.search("") is not None)

    def __call__(self, value: str | None) -> bool:
        return self.on_empty if not value else self.pattern.search(value) is not None


def passing(elements: Iterable[etree._Element], keep: Callable[[etree._Element], bool]) -> list[etree._Element]:
    return [element for element in elements if keep(element)]


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


def elements_below(context: etree._Element) -> Iterator[etree._Element]:
    """`.//*`: every element under the context (not comments or processing instructions)."""
    return context.iterdescendants(etree.Element)


def has_no_h1(element: etree._Element) -> bool:
    return next(element.iterdescendants("h1"), None) is None


# --- The walks, each beside the expression it stands for -----------------------------------------

_INFINITE = Test.of("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED = Test.of("mvp-post-add-(?:box|wrap)")


def _raw_tree_prune_0(context: etree._Element) -> list[etree._Element]:
    return passing(context.iterdescendants("div", "section", "aside"), lambda e: (
        (_INFINITE(e.get("id")) or _INFINITE(e.get("class")))
        and (has_no_h1(e) or _APPENDED(e.get("id")) or _APPENDED(e.get("class")))))


def _raw_tree_prune_1(context: etree._Element) -> list[etree._Element]:
    return passing(context.iterdescendants("div", "section", "aside"),
                   lambda e: "elementor-share-buttons" in (e.get("class") or ""))


_COMMENTS_ID_OR_THREAD = Test.of("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_ID = Test.of("^(?:[Cc]omment(?!ary)|comol)")
_COMMENTS_CLASS = Test.of("^[Cc]omment(?!ary)|(?:article|post)-comments")


def _comments_and_lists(context: etree._Element) -> list[etree._Element]:
    def keep(e: etree._Element) -> bool:
        identifier, classes = e.get("id"), e.get("class")
        if not (_COMMENTS_ID_OR_THREAD(identifier) or _COMMENTS_CLASS(classes)):
            return False
        return e.tag not in ("ol", "ul") or _COMMENTS_ID(identifier) or _COMMENTS_CLASS(classes)
    return passing(context.iterdescendants("div", "list", "section", "details", "ol", "ul"), keep)


def _comments(context: etree._Element) -> list[etree._Element]:
    return passing(context.iterdescendants("div", "list", "section", "details"),
                   lambda e: _COMMENTS_ID_OR_THREAD(e.get("id")) or _COMMENTS_CLASS(e.get("class")))


_BODY_TAGS = ("article", "div", "main", "section")
_ARTICLE_ID = Test.of("(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text")
_ARTICLE_CLASS = Test.of(
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|article-?text|"
    "articleText|(?:entry|page|text|article|art)-content|article__content|article(?:-|__)?body|articleBody|"
    "ArticleContent|body-text|article__container")


def _body_0(context: etree._Element) -> list[etree._Element]:
    return first_children(passing(context.iterdescendants(*_BODY_TAGS), lambda e: (
        e.get("class") in ("post", "entry") or e.get("itemprop") == "articleBody" or e.get("id") == "articleContent"
        or _ARTICLE_ID(e.get("id")) or _ARTICLE_CLASS(e.get("class")))))


def _body_1(context: etree._Element) -> list[etree._Element]:
    return first(context.iterdescendants("article"))


_STORY_ID = Test.of("^primary|story-body")
_FULLTEXT = Test.of("fulltext", re.IGNORECASE)
_STORY_CLASS = Test.of(
    "^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post|main-column|"
    "wpb_text_column|story-body|field-body")


def _body_2(context: etree._Element) -> list[etree._Element]:
    return first(e for e in context.iterdescendants(*_BODY_TAGS) if (
        e.get("role") == "article" or e.get("id") in ("article", "story")
        or e.get("class") in ("postarea", "art-postcontent", "text", "cell", "story")
        or _STORY_ID(e.get("id")) or _FULLTEXT(e.get("class")) or _STORY_CLASS(e.get("class"))))


_MAIN_ID = Test.of("content-main|content-body|contentBody")
_MAIN_CLASS = Test.of("content[-_]main|content(?:-|__)body")


def _body_3(context: etree._Element) -> list[etree._Element]:
    def keep(e: etree._Element) -> bool:
        identifier, classes = e.get("id") or "", e.get("class") or ""
        return (identifier == "content" or classes == "content" or _MAIN_ID(identifier) or _MAIN_CLASS(classes)
                or "main-content" in identifier.replace("C", "c").replace("M", "m")
                or "main-content" in classes.replace("C", "c").replace("M", "m")
                or "page-content" in classes.replace("C", "c").replace("P", "p"))
    return first(e for e in context.iterdescendants(*_BODY_TAGS) if keep(e))


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
_COOKIE = Test.of("cookie")
_DISCARD_ID = Test.of(
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|"
    "^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related|message-container|premium|^ad-")
_DISCARD_CLASS = Test.of(
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|"
    "^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|(?:^| )ad-|dfp[Aa]d|"
    "outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|Byline|share-|sociable|embedded|embed|"
    "tag-list|consent|modal-content|permission|elated|next-|-stories|most-popular|more-on|meta|rating|"
    "attachment|timestamp|user-info|user-profile|-icon|article-infos|message-container|slide|viewport|overlay|"
    "options|expand|obfuscated|blurred|mol-factbox|yin|zlylin|nfoline")


def _overall_discard_0(context: etree._Element) -> list[etree._Element]:
    return passing(context.iterdescendants(*_DISCARD_TAGS), lambda e: (
        e.get("data-lp-replacement-content") is not None
        or "nav" in (e.get("role") or "").replace("N", "n")
        or "MostPopularStories" in (e.get("data-component") or "")
        or _COOKIE(first_of(e, "id", "class")) or _DISCARD_ID(e.get("id")) or _DISCARD_CLASS(e.get("class"))))


_HIDDEN = Test.of("hidden")
_HIDDEN_ID = Test.of("reader-comments|akismet")
_HIDDEN_CLASS = Test.of(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide|"
    "noprint|notloaded")


def _overall_discard_1(context: etree._Element) -> list[etree._Element]:
    def keep(e: etree._Element) -> bool:
        classes, style = e.get("class"), e.get("style") or ""
        return (classes == "comments-title" or first_of(e, "id", "class").startswith("reply-")
                or _HIDDEN(first_of(e, "id", "style")) or "display:none" in style or "display: none" in style
                or _HIDDEN_ID(e.get("id")) or _HIDDEN_CLASS(classes) or e.get("aria-hidden") == "true")
    return passing(elements_below(context), keep)


def _discard_image(context: etree._Element) -> list[etree._Element]:
    return passing(context.iterdescendants(*_DISCARD_TAGS),
                   lambda e: "caption" in (e.get("id") or "") or "caption" in (e.get("class") or ""))


def _teaser(context: etree._Element) -> list[etree._Element]:
    return passing(context.iterdescendants(*_DISCARD_TAGS), lambda e: (
        "teaser" in (e.get("id") or "").replace("T", "t") or "teaser" in (e.get("class") or "").replace("T", "t")))


def _precision_0(context: etree._Element) -> list[etree._Element]:
    return list(context.iterdescendants("header"))


_BOTTOM = Test.of(r"(^|\s)bottom|bottom(\s|$)")
_LINK = Test.of(r"(^|\s)link(\s|$)")


def _precision_1(context: etree._Element) -> list[etree._Element]:
    def keep(e: etree._Element) -> bool:
        named = first_of(e, "id", "class")
        return _BOTTOM(named) or _LINK(named) or "border" in (e.get("style") or "")
    return passing(context.iterdescendants(*_DISCARD_TAGS), keep)


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
              f"'{_ARTICLE_ID.pattern.pattern}') or re:test(@class, '{_ARTICLE_CLASS.pattern.pattern}') ][1]", _body_0),
        Stand("(.//article)[1]", _body_1),
        Stand("(.//*[self::article or self::div or self::main or self::section][ @role='article' or @id='article' or "
              "@id='story' or @class='postarea' or @class='art-postcontent' or @class='text' or @class='cell' or "
              "@class='story' or re:test(@id, '^primary|story-body') or re:test(@class, 'fulltext', 'i') or "
              f"re:test(@class, '{_STORY_CLASS.pattern.pattern}') ])[1]", _body_2),
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
              f"'{_DISCARD_ID.pattern.pattern}') or re:test(@class, '{_DISCARD_CLASS.pattern.pattern}')]",
              _overall_discard_0),
        Stand(".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or re:test(@id|@style, 'hidden') or "
              "contains(@style, 'display:none') or contains(@style, 'display: none') or re:test(@id, "
              f"'reader-comments|akismet') or re:test(@class, '{_HIDDEN_CLASS.pattern.pattern}') or "
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
