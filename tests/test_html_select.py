"""Which select rules prune asks of the page (html_select._may_match): never one that would have
found something, on the dev pages and on generated ones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner.html import parse_dom
from cleaner.html_select import _may_match, _removals_may_add_matches
from cleaner.rules import Rule, load_rules
from tests.conftest import html_sources


def rule_with(*selectors: str) -> Rule:
    return Rule(id="test.select", pack="test", kind="select", summary="", why="", selectors=tuple(selectors))


BUILT_IN = [rule for pack in load_rules().packs for rule in pack.rules if rule.kind == "select"]
MORE = [rule_with("div p", ".a"), rule_with("article > p"), rule_with("[class~='a']", "#b"), rule_with("p.a", "span")]


def asked(tree: LexborHTMLParser, rules: list[Rule]) -> list[bool]:
    found = tree.css(", ".join(s for rule in rules for s in rule.selectors))
    return _may_match([list(rule.selectors) for rule in rules], found) if found else [False] * len(rules)


def test_no_rule_that_finds_a_node_is_left_out_on_the_pages() -> None:
    sources = html_sources()
    rules = BUILT_IN + MORE
    skipped = 0
    for source in sources:
        tree = parse_dom(source)
        for rule, may_match in zip(rules, asked(tree, rules)):
            finds = tree.css_first(", ".join(rule.selectors)) is not None
            assert may_match or not finds, rule.selectors
            skipped += not may_match
    assert skipped > 100  # the check spares queries, or it is not worth having


def test_a_rule_whose_matches_removals_could_make_is_always_asked() -> None:
    for selector in ("li:last-child", "p:not(.a)", "h2 + p", "h2 ~ p", "div:empty"):
        assert _removals_may_add_matches(selector)
    for selector in (".a", "#b", "[class~='x']", "[href*=':']", "form[action*='subscribe']", "div > p", "ol li"):
        assert not _removals_may_add_matches(selector)
    tree = LexborHTMLParser("<html><body><div class=a><p>x</p></div></body></html>")
    assert asked(tree, [rule_with(".a"), rule_with("h2 + p"), rule_with(".zzz")]) == [True, True, False]


ELEMENTS = st.sampled_from(["div", "p", "span", "article", "ol", "li"])
ATTRIBUTES = st.sampled_from(["", " class=a", " class='a b'", " id=b", " class=c"])


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    count = draw(st.integers(0, 3 if depth < 4 else 0))
    inner = "".join(draw(markup(depth + 1)) for _ in range(count)) or "t"
    tag = draw(ELEMENTS)
    return f"<{tag}{draw(ATTRIBUTES)}>{inner}</{tag}>"


@settings(max_examples=300, deadline=None)
@given(st.lists(markup(), min_size=1, max_size=4))
def test_no_rule_that_finds_a_node_is_left_out_on_generated_pages(parts: list[str]) -> None:
    tree = LexborHTMLParser(f"<html><body>{''.join(parts)}</body></html>")
    rules = MORE + [rule_with(".c"), rule_with("ol li", "#b"), rule_with("span.a")]
    for rule, may_match in zip(rules, asked(tree, rules)):
        assert may_match or tree.css_first(", ".join(rule.selectors)) is None


def test_the_locator_finds_each_node_from_its_start_tag_to_its_own_end_tag() -> None:
    # Nested elements of one name, a self-closing one between them and end tags in any case: each
    # node's span runs to the end tag that closes it, as the scan's flat lists are walked.
    from cleaner.html_select import SourceLocator
    from cleaner.html_source import scan

    source = ('<html><body><div id="outer"><div class="in">one<div/>two</DIV ><br/>'
              '<div id="last">three</div></div><p>after</p></body></html>')
    tree = parse_dom(source)
    locator = SourceLocator(tree, scan(source))
    spans = {node.attributes.get("id") or node.attributes.get("class"): locator.span(node) for node in tree.css("div[id], div.in")}
    outer_end = source.index("</div></div>") + len("</div></div>")
    assert spans["outer"] == (source.index('<div id="outer">'), outer_end)
    assert spans["in"] == (source.index('<div class="in">'), source.index("</DIV >") + len("</DIV >"))
    assert spans["last"] == (source.index('<div id="last">'), source.index("</div></div>") + len("</div>"))
    br = tree.css_first("br")
    assert br is not None and locator.span(br) == (source.index("<br/>"), source.index("<br/>") + len("<br/>"))
