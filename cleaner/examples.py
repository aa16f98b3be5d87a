"""Rule examples as executable checks: each one runs its rule alone (its pack forced on)."""

from __future__ import annotations

from .canonical import canonical_paragraph, canonical_text
from .pipeline import Cleaner
from .rules import Example, RuleSet


def expected_text(output: str) -> str:
    return canonical_text(canonical_paragraph(line) for line in output.splitlines())


def example_removes(example: Example) -> bool:
    """Whether the example expects its rule to remove something.

    A text example removes when its output differs from its input; an HTML example, when its
    output differs from the visible text of its input page.
    """
    expected = expected_text(example.output)
    if example.format == "html":
        from .html import visible_lines

        return expected != expected_text("\n".join(visible_lines(example.input)))
    return expected != expected_text(example.input)


def run_example(ruleset: RuleSet, rule_id: str, example: Example) -> str | None:
    """None when the example holds; otherwise what went wrong, in one line."""
    result = Cleaner(ruleset.only(rule_id)).clean(example.input, url=example.url, format=example.format)
    expected = expected_text(example.output)
    if result.text != expected:
        return f"expected {expected!r}, got {result.text!r}"
    removes = example_removes(example)
    by_rule = [r for r in result.removed if r["rule"] == rule_id]
    if removes and not by_rule:
        return f"the text matches, but no removal is credited to {rule_id}: {result.removed}"
    # HTML always loses markup to extraction (`extract.*`): only rule removals count against a keep.
    rule_removals = [r for r in result.removed if not r["rule"].startswith("extract.")]
    if not removes and rule_removals:
        return f"a keep example, but something was removed: {rule_removals}"
    return None
