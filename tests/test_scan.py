"""The combined rule scan decides exactly what each rule's own pattern would."""

from __future__ import annotations

import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.document import Block, text_blocks
from cleaner.rules import KINDS, Rule, load_rules
from cleaner.scan import NO_MATCH, BlockMatches, RuleScanner, local_form
from conftest import SEEDS

RULES = load_rules()
ORDERED = [rule for kind in KINDS for rule in RULES.rules() if rule.kind == kind]
SCANNER = RuleScanner.for_rules(ORDERED)


def agrees(blocks: list[Block]) -> None:
    matches = BlockMatches.of(SCANNER, blocks, budget=10.0)
    for rule in ORDERED:
        if rule.pattern is None and not rule.exact:
            continue
        candidates = matches.candidates(rule)
        for block in blocks:
            alone = bool(rule.match(block.text, 10.0))
            assert bool(matches.match(rule, block, 10.0)) == alone, (rule.id, block.text)
            if candidates is not None and alone:
                assert block.index in candidates, (rule.id, block.text)


def test_every_builtin_pattern_joins_the_scan_unless_it_refers_to_a_group() -> None:
    alone = [r.pattern.pattern for r in ORDERED if r.pattern is not None and r.id not in SCANNER.positions]
    assert all(regex.search(r"\(\?\(|\\g|\\\d", pattern) for pattern in alone), alone
    assert len(SCANNER.positions) > len(alone)


def test_scan_agrees_with_each_rule_on_examples_and_seeds() -> None:
    texts = [example.input for rule in ORDERED for example in rule.examples]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")) if ".clean." not in path.name]
    for text in texts:
        agrees(text_blocks(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Share", "Tweet", "Photo: AP", "Advertisement", "By Jane Doe", "© 2019 Reuters",
                                 "Read more", "November 20, 2019", "Follow us on Twitter", "Related", "the"])
                | st.text(min_size=1, max_size=40), min_size=1, max_size=6))
def test_scan_agrees_on_random_lines(parts: list[str]) -> None:
    agrees(text_blocks("\n".join(" ".join(parts[i:i + 2]) for i in range(len(parts)))))


def test_candidates_by_alternative_are_the_matched_blocks_each_rule_may_match() -> None:
    # The index built once per document names, for every rule, the blocks of the definition: the
    # first alternative matching a block is at or before the rule's, and RE2's set, where it
    # answered for the block, names the rule's alternative too.
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")) if ".clean." not in path.name]
    texts.append("\n".join(example.input for rule in ORDERED for example in rule.examples))
    matched = 0
    for text in texts:
        matches = BlockMatches.of(SCANNER, text_blocks(text), budget=10.0)
        assert matches.complete
        matched += len(matches.matched)
        for rule in ORDERED:
            position = SCANNER.positions.get(rule.id)
            if position is None:
                continue
            defined = {index for index, first in matches.matched.items() if first <= position
                       and (index not in matches.forms or position in matches.forms[index])}
            exact = {b.index for b in matches.blocks if rule.exact and b.text.casefold() in rule.exact}
            assert matches.candidates(rule) == defined | exact, rule.id
    assert matched > 100  # the seeds' furniture and the rules' examples give the index work


def test_leading_flags_become_scoped_and_verbose_patterns_end_on_their_own_line() -> None:
    assert local_form("(?i)share") == "(?i:share)"
    assert local_form("(?ix) a b ") == "(?ix: a b \n)"
    assert local_form(r"\(?(photo|image)") == r"(?:\(?(photo|image))"
    assert local_form("[(?R)]x") == "(?:[(?R)]x)"  # inside a class, `(?` is two characters


def test_patterns_that_would_change_meaning_are_matched_alone() -> None:
    for pattern in [r"(a)\1", "(?(1)a|b)", "a(?i)b", "(?R)", r"(a)\g<1>", "(?ix)a # note"]:
        assert local_form(pattern) is None, pattern
    rule = Rule("p.backref", "p", "line", "s", "w", pattern=regex.compile(r"(ab)\1", regex.VERSION0))
    scanner = RuleScanner.for_rules([*ORDERED, rule])
    assert rule.id not in scanner.positions
    block = Block(0, "abab", 0, 4)
    assert BlockMatches.of(scanner, [block], 1.0).match(rule, block, 1.0)


def test_a_back_reference_by_name_joins_unless_another_alternative_uses_the_name() -> None:
    def rule(rule_id: str, pattern: str) -> Rule:
        return Rule(rule_id, "p", "line", "s", "w", pattern=regex.compile(pattern, regex.VERSION0))

    tag = rule("p.tag", r"\[(?P<tag>[a-z]+)\].*\[/(?P=tag)\]")
    other = rule("p.other", r"(?P<tag>x)y")
    assert set(RuleScanner.for_rules([tag, other]).positions) == {"p.tag"}
    assert set(RuleScanner.for_rules([other, tag]).positions) == {"p.other"}
    scanner = RuleScanner.for_rules([tag])
    blocks = [Block(0, "[b]bold[/b]", 0, 11), Block(1, "[b]bold[/i]", 12, 23)]
    matches = BlockMatches.of(scanner, blocks, 1.0)
    assert [bool(matches.match(tag, b, 1.0)) for b in blocks] == [True, False]


def test_a_scan_out_of_budget_leaves_the_rules_to_their_own_patterns() -> None:
    evil = Rule("p.evil", "p", "line", "s", "w", pattern=regex.compile(r"(a|aa)+$x", regex.VERSION0))
    scanner = RuleScanner.for_rules([evil])
    # RE2's wider form of the pattern, `(?:a|aa)+x`, accepts this line: the `regex` module must decide.
    block = Block(0, "a" * 40 + "x", 0, 41)
    matches = BlockMatches.of(scanner, [block], budget=0.05)
    assert matches.first == {} and not matches.complete
    assert matches.candidates(evil) is None
    assert BlockMatches.of(scanner, [Block(0, "b", 0, 1)], budget=1.0).first == {0: NO_MATCH}


def test_a_rule_of_exact_strings_is_asked_only_about_the_blocks_that_hold_one() -> None:
    exact = Rule("p.by", "p", "run", "s", "w", exact=frozenset({"by", "by:"}))
    blocks = text_blocks("Headline\nBY\nJane Doe\nBy the river, the town waited for the flood to pass.\nBy:")
    matches = BlockMatches.of(SCANNER, blocks, budget=10.0)
    assert matches.candidates(exact) == {1, 4}
    assert all(bool(matches.match(exact, b, 10.0)) == (b.index in {1, 4}) for b in blocks)


def test_exact_strings_are_found_in_texts_that_case_folding_lengthens() -> None:
    # Only texts no longer than the longest exact string are folded: sound because folding never
    # shortens a text, checked here over all of Unicode.
    assert all(len(chr(code).casefold()) >= 1 for code in range(sys.maxunicode + 1))
    exact = Rule("p.street", "p", "line", "s", "w", exact=frozenset({"strasse"}))
    blocks = text_blocks("STRAẞE\nStraße\nstrasse\nStrasse 1")
    assert BlockMatches.of(SCANNER, blocks, budget=10.0).candidates(exact) == {0, 1, 2}


def alternation_first(scanner: RuleScanner, text: str) -> int:
    """The first alternative as the whole alternation names it (what the scan did before it asked
    the set's candidates one by one)."""
    assert scanner.pattern is not None
    found = scanner.pattern.fullmatch(text, timeout=10.0)
    return NO_MATCH if found is None else scanner._alternative(found)


LINE_PARTS = st.sampled_from(["Share", "Tweet", "Photo: AP", "Advertisement", "By Jane Doe", "© 2019 Reuters",
                              "Read more", "November 20, 2019", "Follow us on Twitter", "Related", "the", "Getty Images",
                              "Comments", "sign up", "newsletter", "(", ")", "/", ":", "1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE_PARTS | st.text(min_size=1, max_size=20), min_size=1, max_size=5).map(" ".join))
def test_the_set_candidates_asked_in_order_name_the_alternation_s_first_match(line: str) -> None:
    blocks = text_blocks(line)
    first, _ = SCANNER.scan(blocks, budget=10.0)
    for block in blocks:
        assert first[block.index] == alternation_first(SCANNER, block.text), block.text


def test_the_set_candidates_name_the_alternation_s_first_match_on_every_example() -> None:
    texts = [block.text for rule in ORDERED for example in rule.examples for block in text_blocks(example.input)]
    blocks = [Block(index, text, 0, len(text)) for index, text in enumerate(texts)]
    first, _ = SCANNER.scan(blocks, budget=60.0)
    assert len(first) == len(blocks)
    assert all(first[b.index] == alternation_first(SCANNER, b.text) for b in blocks)


def test_a_new_scanner_compiles_the_alternation_only_when_a_block_needs_it() -> None:
    scanner = RuleScanner.for_rules(ORDERED)
    assert scanner.prefilter is not None
    BlockMatches.of(scanner, text_blocks("Share\nPhoto: AP\nThe council met on Tuesday to discuss the budget."), 10.0)
    assert "pattern" not in vars(scanner) and "which" not in vars(scanner.prefilter)
    # A line longer than RE2 is given: the set cannot answer, and the alternation decides.
    long_line = "word " * 5_000
    assert BlockMatches.of(scanner, text_blocks(long_line), 10.0).first == {0: alternation_first(scanner, long_line.strip())}
    assert "pattern" in vars(scanner)
