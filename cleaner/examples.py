"""Rule examples as executable checks: each one runs its rule alone (its pack forced on)."""

from __future__ import annotations

from .canonical import canonical_paragraph, canonical_text
from .pipeline import Cleaner
from .rules import Example, RuleSet


def expected_text(output: str) -> str:
    return canonical_text(canonical_paragraph(line) for line in output.splitlines())


def run_example(ruleset: RuleSet, rule_id: str, example: Example) -> str | None:
    """None when the example holds; otherwise what went wrong, in one line."""
    result = Cleaner(ruleset.only(rule_id)).clean(example.input, url=example.url, format=example.format)
    expected = expected_text(example.output)
    if result.text != expected:
        return f"expected {expected!r}, got {result.text!r}"
    removes = expected != expected_text(example.input)
    by_rule = [r for r in result.removed if r["rule"] == rule_id]
    if removes and not by_rule:
        return f"the text matches, but no removal is credited to {rule_id}: {result.removed}"
    if not removes and result.removed:
        return f"a keep example, but something was removed: {result.removed}"
    return None
