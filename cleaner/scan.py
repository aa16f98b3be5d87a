"""Matches every rule pattern against a block in one regex call, and remembers what it found.

Calling each rule's pattern on each block costs a regex call per rule and block (and the time
budget check of every call is most of that cost). The scanner joins the patterns into one
alternation, in the order the rules apply, and runs it once per block: the alternative that
matches is the first rule whose pattern matches, the rules before it do not match, and only the
rules after it need their own call, which is rare (a block usually goes with the first rule that
matches it). What a block matched is remembered for the whole document, so the passes that
follow the first one ask the regex engine nothing again.

A pattern joins the alternation only when it means the same inside it: its leading flags become
scoped flags, and a pattern that numbers its groups (back references, group calls, conditions)
or sets flags in the middle is matched alone as before. The scan has its own time budget; past it,
the blocks not yet scanned are matched rule by rule, each rule with its own budget as before, so
a catastrophic pattern is still stopped and reported by the rule's budget.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import regex

from .document import Block
from .prefilter import Prefilter
from .rules import Rule

# The flags a pattern may set at its start, as `(?i)`: they become scoped, `(?i:...)`.
LEADING_FLAGS = re.compile(r"\(\?([aimsux]+)\)")
# Scoped flags inside a pattern, `(?i:...)` or `(?-i:...)`: local, so safe in an alternation.
SCOPED_FLAGS = re.compile(r"[a-zA-Z]*(-[a-zA-Z]+)?:")
# Group constructs that mean the same inside an alternation (no numbering, no global flags). A back
# reference by name, `(?P=name)`, does too, as long as no other alternative uses the name.
LOCAL_GROUPS = (":", "P<", "=", "!", "<=", "<!", ">", "P=")
GROUP_NAME = "cleaner_rule_{}"
# A block's scan result when no alternative matched it.
NO_MATCH = -1
# Rules read every block as written unless told otherwise (BlockMatches.read_as).
AS_WRITTEN: Mapping[int, str] = MappingProxyType({})


def local_form(pattern: str) -> str | None:
    """The pattern as one alternative of a larger pattern, or None when it would not mean the same there."""
    flags = ""
    if leading := LEADING_FLAGS.match(pattern):
        flags, pattern = leading.group(1), pattern[leading.end():]
    if "x" in flags and "#" in pattern:
        return None  # a comment could hide a construct from the check below
    position, in_class = 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            following = pattern[position + 1:position + 2]
            if following.isdigit() or following == "g":
                return None  # numbered back reference or group call
            position += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            position += 1
            if pattern.startswith("^", position):
                position += 1
            if pattern.startswith("]", position):
                position += 1
            continue
        elif char == "(" and pattern.startswith("?", position + 1):
            rest = pattern[position + 2:]
            if not (rest.startswith(LOCAL_GROUPS) or SCOPED_FLAGS.match(rest)):
                return None
        position += 1
    if in_class:
        return None
    # In verbose mode the closing parenthesis goes on a line of its own, after any trailing space.
    return f"(?{flags}:{pattern}\n)" if "x" in flags else f"(?{flags}:{pattern})"


@dataclass(frozen=True)
class RuleScanner:
    """One alternation of the patterns of many rules; `positions` maps a rule id to its alternative.

    With RE2's prefilter, the alternation itself is seldom needed: the set names the alternatives
    that may match a block, and their own patterns are asked in order. It is compiled when first
    needed (no prefilter, or a block the set cannot answer for): compiling it took a quarter of a
    new Cleaner's first text (docs/performance.md)."""

    source: str | None  # the alternation, None when there is nothing to scan for
    positions: dict[str, int]
    names: tuple[str, ...]
    prefilter: Prefilter | None = None  # RE2: rules out most blocks without the `regex` module
    own: tuple[regex.Pattern[str], ...] = ()  # each alternative's rule pattern, alone

    @classmethod
    def for_rules(cls, rules: Iterable[Rule]) -> RuleScanner:
        alternatives: list[str] = []
        own: list[regex.Pattern[str]] = []  # the rules' own patterns, in the order of the alternatives
        positions: dict[str, int] = {}
        used: set[str] = set()  # group names of the alternatives so far
        referred: set[str] = set()  # the names of those that refer back to their groups by name
        for rule in rules:
            if rule.pattern is None or rule.id in positions:
                continue
            body = local_form(rule.pattern.pattern)
            names = set(rule.pattern.groupindex)
            clash = names & (used | referred) if "(?P=" in rule.pattern.pattern else names & referred
            if body is None or clash or any(g.startswith(GROUP_NAME.format("")) for g in names):
                continue
            positions[rule.id] = len(alternatives)
            alternatives.append(f"(?P<{GROUP_NAME.format(len(alternatives))}>{body})")
            own.append(rule.pattern)
            used |= names
            if "(?P=" in rule.pattern.pattern:
                referred |= names
        if not alternatives:
            return cls(None, {}, ())
        return cls("|".join(alternatives), positions, tuple(GROUP_NAME.format(i) for i in range(len(alternatives))),
                   Prefilter.for_patterns([p.pattern for p in own]), tuple(own))

    @property
    def active(self) -> bool:
        return self.source is not None

    @cached_property
    def pattern(self) -> regex.Pattern[str] | None:
        """The alternation compiled (None when it does not compile: the rules are then matched one
        by one, as they would be alone)."""
        if self.source is None:
            return None
        try:
            return regex.compile(self.source, regex.VERSION0)
        except regex.error:
            return None

    def scan(self, blocks: Sequence[Block], budget: float, read_as: Mapping[int, str] = AS_WRITTEN
             ) -> tuple[dict[int, int], dict[int, tuple[int, ...]]]:
        """Block index -> the first alternative that matches it (or NO_MATCH); blocks the budget did
        not reach are left out, and are matched rule by rule. Second, for the blocks RE2's set could
        answer for: every alternative whose wider form matches (the others cannot match). Rules
        read a block as `read_as` gives it, else as written."""
        first: dict[int, int] = {}
        forms: dict[int, tuple[int, ...]] = {}
        if not self.active:
            return first, forms
        prefilter = self.prefilter
        deadline = time.perf_counter() + budget
        # Menus and buttons repeat: each text is scanned once; most are ruled out by RE2 at once.
        by_text: dict[str, int] = dict.fromkeys(prefilter.ruled_out({read_as.get(b.index, b.text) for b in blocks}), NO_MATCH) \
            if prefilter is not None else {}
        forms_by_text: dict[str, tuple[int, ...]] = {}
        for block in blocks:
            text = read_as.get(block.index, block.text)
            if text in by_text:
                first[block.index] = by_text[text]
                if text in forms_by_text:
                    forms[block.index] = forms_by_text[text]
                continue
            wider: tuple[int, ...] | None = None
            start: int | None = None
            if prefilter is not None:
                wider = prefilter.forms_matching(text)
                if wider is None:  # the set cannot tell: its capture groups name where to start
                    start = prefilter.first_by_captures(text)
                else:
                    start = wider[0] if wider else NO_MATCH
                    forms[block.index] = forms_by_text[text] = wider
            if start == NO_MATCH:
                first[block.index] = by_text[text] = NO_MATCH  # no wider pattern matches it
                continue
            try:
                if wider is not None:
                    # Only these alternatives can match, and the first of them that does is the
                    # one the alternation would match: each pattern alone means the same.
                    found = self._first_own(text, wider, deadline)
                else:
                    found = self._first_in_alternation(text, start, deadline)
            except TimeoutError:
                break
            if found is None:
                break  # out of time, or no alternation: the rest is matched rule by rule
            first[block.index] = by_text[text] = found
        return first, forms

    def _first_own(self, text: str, candidates: tuple[int, ...], deadline: float) -> int | None:
        """The first candidate alternative whose own pattern matches `text` (NO_MATCH when none
        does); None when the scan's time is up."""
        for position in candidates:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return None
            if self.own[position].fullmatch(text, 0, None, None, False, remaining):  # positional: cheaper
                return position
        return NO_MATCH

    def _first_in_alternation(self, text: str, start: int | None, deadline: float) -> int | None:
        """The first alternative that matches `text` (NO_MATCH when none does), when RE2 named only
        where to start (`start`: the alternatives before it cannot match); None when the scan's time
        is up or the alternation does not compile."""
        # Nearly always `start` itself matches, and its pattern alone is cheaper than the alternation.
        if start is not None and (found := self._first_own(text, (start,), deadline)) != NO_MATCH:
            return found  # `start`, or None when the time is up
        pattern = self.pattern
        remaining = deadline - time.perf_counter()
        if pattern is None or remaining <= 0:
            return None
        found = pattern.fullmatch(text, 0, None, None, False, remaining)
        return NO_MATCH if found is None else self._alternative(found)

    def _alternative(self, found: regex.Match[str]) -> int:
        for position, name in enumerate(self.names):
            if found.start(name) >= 0:
                return position
        return NO_MATCH


@dataclass
class BlockMatches:
    """What each rule matched in one document's blocks, asked of the regex engine at most once."""

    scanner: RuleScanner
    first: dict[int, int] = field(default_factory=dict)  # RuleScanner.scan of the blocks below
    complete: bool = False  # whether the scan reached every block the rules will be asked about
    matched: dict[int, int] = field(default_factory=dict)  # the blocks of `first` some alternative matched
    forms: dict[int, tuple[int, ...]] = field(default_factory=dict)  # block -> alternatives that may match it
    results: dict[tuple[str, int], Any] = field(default_factory=dict)
    blocks: Sequence[Block] = ()  # the blocks scanned: those the rules will be asked about
    by_rule: dict[str, set[int] | None] = field(default_factory=dict)  # candidates(rule), by rule id
    by_position: dict[int, set[int]] | None = None  # alternative -> the matched blocks it may match
    # Block index -> what rules read of the block, where not its text (a Markdown list item
    # without its mark: markdown.list_items).
    read_as: Mapping[int, str] = field(default_factory=lambda: AS_WRITTEN)

    @classmethod
    def of(cls, scanner: RuleScanner, blocks: Sequence[Block], budget: float, *,
           read_as: Mapping[int, str] = AS_WRITTEN) -> BlockMatches:
        first, forms = scanner.scan(blocks, budget, read_as)
        return cls(scanner, first, complete=scanner.active and len(first) == len(blocks),
                   matched={index: found for index, found in first.items() if found != NO_MATCH}, forms=forms,
                   blocks=blocks, read_as=read_as)

    def candidates(self, rule: Rule) -> set[int] | None:
        """The only blocks `rule` can match (None: any block may). The same in every pass: the
        scan's findings do not change, only which blocks are still kept."""
        if rule.id not in self.by_rule:
            self.by_rule[rule.id] = self._candidates(rule)
        return self.by_rule[rule.id]

    def _candidates(self, rule: Rule) -> set[int] | None:
        position = self.scanner.positions.get(rule.id)
        if not self.complete or (position is None and rule.pattern is not None):
            return None
        if position is None or not self.matched:  # (most documents: no block matched any alternative)
            found: set[int] = set()
        else:
            found = set(self._blocks_by_position().get(position, ()))
        return found | self._exact_candidates(rule) if rule.exact else found

    def _blocks_by_position(self) -> dict[int, set[int]]:
        """Alternative -> the matched blocks it may match: the rules before the first that matches a
        block do not match it, and RE2's set rules out most after it. Made once per document from
        each block's alternatives, rather than from every matched block for each rule."""
        if self.by_position is None:
            by_position: dict[int, set[int]] = defaultdict(set)
            last = len(self.scanner.names)
            for index, first in self.matched.items():
                forms = self.forms.get(index)
                for position in (range(first, last) if forms is None else forms):
                    if position >= first:
                        by_position[position].add(index)
            self.by_position = by_position
        return self.by_position

    def _exact_candidates(self, rule: Rule) -> set[int]:
        """The blocks whose text is one of the rule's exact strings (case-folded). Case folding never
        shortens a text (every character folds to one or more), so only texts no longer than the
        longest string are folded: a few short lines, not the whole document."""
        longest = max(map(len, rule.exact))
        read_as = self.read_as
        return {b.index for b in self.blocks if len(text := read_as.get(b.index, b.text)) <= longest
                and text.casefold() in rule.exact}

    def match(self, rule: Rule, block: Block, timeout: float) -> Any:
        """Rule.match of what rules read of the block (read_as), from the scan when it decides, else
        from the rule's own pattern."""
        key = (rule.id, block.index)
        if key in self.results:
            return self.results[key]
        result = self._match(rule, block, timeout)
        self.results[key] = result
        return result

    def _match(self, rule: Rule, block: Block, timeout: float) -> Any:
        position = self.scanner.positions.get(rule.id)
        found = self.first.get(block.index)
        text = self.read_as.get(block.index, block.text)
        if position is not None and found is not None:
            if found == NO_MATCH or found > position:  # the rule's pattern does not match
                return _exact_match(rule, text)
            if found == position and rule.kind != "field":  # a field rule needs the match itself
                return True
            if found < position and not self._may_match(position, block):
                return _exact_match(rule, text)  # RE2 rules the pattern out
        return rule.match(text, timeout)

    def _may_match(self, position: int, block: Block) -> bool:
        """False only when RE2 rules alternative `position` out for the block: from the set's answer
        kept by the scan, else by asking RE2 again."""
        forms = self.forms.get(block.index)
        if forms is not None:
            return position in forms
        prefilter = self.scanner.prefilter
        return prefilter is None or prefilter.may_match(position, self.read_as.get(block.index, block.text))


def _exact_match(rule: Rule, text: str) -> bool | None:
    """Rule.match when its pattern is known not to match: only its exact strings can."""
    return True if rule.exact and text.casefold() in rule.exact else None
