"""`select` rules: CSS selectors whose nodes are pruned from the page before extraction.

Each pruned node becomes a Removal whose span runs from the first character of its start tag to the
last character of its end tag in the decoded page (docs/html.md). selectolax keeps no source
positions, so nodes are found in the source by order: the k-th `<div>` of the DOM is the k-th
`<div>` start tag of the page, checked against its id and class. A node that cannot be found that
way (one the parser invented, such as an implied <tbody>) is left in place and a warning says so:
cleaner never removes what it cannot point to.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .document import CleanWarning
from .engine import PackMatch
from .html_source import VOID_ELEMENTS, Scan
from .manifest import Removal
from .rules import Rule
from .selector_hints import SelectorScreen

# No select rule may remove more than this share of the page's visible text: past it the rule is
# not applied and a warning says so (a selector that matches the article's wrapper is a bug).
MAX_SELECT_TEXT_SHARE = 0.5
# Text that never reaches a reader; it does not count as the page's text.
NON_TEXT_ELEMENTS = frozenset({"script", "style", "noscript", "template", "head", "title"})
NON_TEXT_SELECTOR = ", ".join(sorted(NON_TEXT_ELEMENTS))
# Attribute tests in a selector: what they hold is no combinator or pseudo-class.
ATTRIBUTE_TESTS = re.compile(r"\[[^\]]*\]")
# How far from its expected place a start tag is looked for when the ordinal check fails.
SEARCH_WINDOW = 8


@dataclass
class Pruned:
    removals: list[Removal] = field(default_factory=list)
    warnings: list[CleanWarning] = field(default_factory=list)


def visible_chars(node: LexborNode) -> int:
    """Characters of text a reader would see under `node` (white space not counted).

    All of its text, less the text of the outermost non-text elements inside it: two calls into
    the parser per hidden element rather than a walk over every text node in Python.
    """
    total = _non_space(node.text(deep=True))
    for hidden in node.css(NON_TEXT_SELECTOR):
        if hidden.mem_id != node.mem_id and not _under_non_text(hidden, node):
            total -= _non_space(hidden.text(deep=True))
    return total


def _non_space(text: str) -> int:
    return sum(map(len, text.split()))


def _under_non_text(child: LexborNode, top: LexborNode) -> bool:
    parent = child.parent
    while parent is not None and parent.mem_id != top.mem_id:
        if parent.tag in NON_TEXT_ELEMENTS:
            return True
        parent = parent.parent
    return False


class SourceLocator:
    """Finds DOM nodes' [start, end) spans in the decoded source (see the module docstring)."""

    def __init__(self, tree: LexborHTMLParser, scanned: Scan) -> None:
        self.tree = tree
        self.scanned = scanned
        self.start_tags: dict[str, list[int]] = {}  # name -> indexes of its start tags, for the names asked
        self.ordinal: dict[int, int] = {}  # node -> how many nodes of its tag come before it
        self._indexed = False

    def _index(self) -> None:
        """Built on the first lookup (most pages have no node to locate), before any node is
        removed: select rules decompose a node only after looking it up."""
        self._indexed = True
        ordinal, seen = self.ordinal, {}
        for node in self.tree.root.traverse(include_text=False) if self.tree.root else ():
            tag = node.tag  # read once: the parser decodes the name on every read
            count = seen.get(tag, 0)
            ordinal[node.mem_id] = count
            seen[tag] = count + 1

    def _start_tags_named(self, name: str) -> list[int]:
        """Indexes of the start tags with this name; the scan's tags never change, so each name's
        are listed when first asked for (a page's select rules ask for a few names)."""
        found = self.start_tags.get(name)
        if found is None:
            found = self.start_tags[name] = [index for index, named in enumerate(self.scanned.tag_names) if named == name]
        return found

    def span(self, node: LexborNode) -> tuple[int, int] | None:
        index = self._start_tag(node)
        if index is None:
            return None
        scanned = self.scanned
        tag = scanned.tag(index)
        if tag.self_closing or tag.name in VOID_ELEMENTS:
            return tag.start, tag.end
        end = scanned.end_tag(index)
        return None if end is None else (tag.start, scanned.tag_ends[end])  # never closed: not claimed

    def _start_tag(self, node: LexborNode) -> int | None:
        if not self._indexed:
            self._index()
        candidates = self._start_tags_named(node.tag or "")
        expected = self.ordinal.get(node.mem_id)
        if expected is None or not candidates:
            return None
        wanted = _identity(node.attributes)
        order = sorted(range(max(0, expected - SEARCH_WINDOW), min(len(candidates), expected + SEARCH_WINDOW + 1)),
                       key=lambda k: abs(k - expected))
        for k in order:
            if _identity(self.scanned.tag(candidates[k]).attributes()) == wanted:
                return candidates[k]
        return None


def _identity(attributes: dict[str, str | None]) -> tuple[str, str]:
    return (attributes.get("id") or "").strip(), " ".join((attributes.get("class") or "").split())


def prune(tree: LexborHTMLParser, locator: SourceLocator, packs: Sequence[PackMatch],
          screen: SelectorScreen | None = None) -> Pruned:
    """Apply every select rule of the active packs to `tree`, in pack order, recording each node.
    `screen` leaves out the selectors the page's start tags show cannot match (all are asked without)."""
    result = Pruned()
    rules = [rule for match in packs for rule in match.pack.rules if rule.kind == "select"]
    if not rules:
        return result
    asked = [screen.could_match(rule.selectors, rule.selector_hints) if screen else list(rule.selectors)
             for rule in rules]
    # One query for every selector first: on a third of pages none matches.
    found = tree.css(", ".join(s for selectors in asked for s in selectors)) if any(asked) else []
    if not found:
        return result
    body = tree.body or tree.root
    # The page's text is measured once, when a rule first matches (before anything is removed).
    page_chars = functools.cache(lambda: visible_chars(body) if body is not None else 0)
    for rule, selectors, may_match in zip(rules, asked, _may_match(asked, found)):
        if may_match:
            _apply(rule, selectors, tree, locator, page_chars, result)
    return result


def _may_match(asked: Sequence[Sequence[str]], found: Sequence[LexborNode]) -> list[bool]:
    """For each rule (the selectors asked of it), whether it may match a node of the page, asked
    before anything is removed.

    Every node a rule matches is among `found` (what all the rules' selectors match), so it lies
    in one of the outermost found nodes, whose own search covers itself and all it holds: a rule
    none of them holds a match of matches nothing now. Nor later, as removals only take nodes
    away, unless a selector reads a node's siblings or its lack of something (a pseudo-class, a
    sibling combinator): such a rule is always asked of the page.
    """
    ids = {node.mem_id for node in found}
    outermost = [node for node in {node.mem_id: node for node in found}.values() if not _has_ancestor_in(node, ids)]
    return [bool(selectors) and (any(_removals_may_add_matches(selector) for selector in selectors)
                                 or any(node.css_matches(", ".join(selectors)) for node in outermost))
            for selectors in asked]


def _removals_may_add_matches(selector: str) -> bool:
    outside = ATTRIBUTE_TESTS.sub("", selector)  # [class~='x'] and [href*=':'] hold no combinator
    return any(mark in outside for mark in ":+~")


def _apply(rule: Rule, selectors: Sequence[str], tree: LexborHTMLParser, locator: SourceLocator,
           page_chars: Callable[[], int], result: Pruned) -> None:
    matched: list[tuple[LexborNode, str]] = []
    seen: set[int] = set()
    for selector in selectors:
        for node in tree.css(selector):
            if node.mem_id not in seen and node.tag not in ("html", "body", "head"):
                seen.add(node.mem_id)
                matched.append((node, selector))
    outermost = [(n, s) for n, s in matched if not _has_ancestor_in(n, seen)]
    if not outermost:
        return
    share = sum(visible_chars(n) for n, _ in outermost) / page_chars() if page_chars() else 0.0
    if share > MAX_SELECT_TEXT_SHARE:
        result.warnings.append(CleanWarning(
            "guard", f"rule {rule.id} would remove {share:.0%} of the page's text; not applied", rule.id))
        return
    for node, selector in outermost:
        span = locator.span(node)
        if span is None:
            result.warnings.append(CleanWarning(
                "select-unlocated",
                f"rule {rule.id}: a <{node.tag}> matched by {selector!r} could not be found in the source; kept",
                rule.id))
            continue
        inside = [r for r in result.removals if span[0] <= r.start and r.end <= span[1]]
        if any(r.start <= span[0] and span[1] <= r.end for r in result.removals):
            node.decompose()  # the source span is already removed: the DOM nested the nodes otherwise
            continue
        if any(r.start < span[1] and span[0] < r.end for r in result.removals if r not in inside):
            result.warnings.append(CleanWarning(
                "select-unlocated",
                f"rule {rule.id}: a <{node.tag}> matched by {selector!r} overlaps another removal in the source; kept",
                rule.id))
            continue
        # Earlier removals inside this node's span are part of it (the source nests them even
        # where the parser, mending broken markup, did not).
        result.removals = [r for r in result.removals if r not in inside]
        result.removals.append(Removal(rule.id, span[0], span[1], {"selector": selector}))
        node.decompose()


def _has_ancestor_in(node: LexborNode, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False
