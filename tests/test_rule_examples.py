"""Every rule's examples, collected as one test case each: `southfront.donation-bar[0]`."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.examples import example_removes, run_example

RULES = cleaner.load_rules()
CASES = [(rule.id, number, example) for rule in RULES.rules() for number, example in enumerate(rule.examples)]


@pytest.mark.parametrize(("rule_id", "number", "example"), CASES, ids=[f"{r}[{n}]" for r, n, _ in CASES])
def test_rule_example(rule_id: str, number: int, example: object) -> None:
    problem = run_example(RULES, rule_id, example)  # type: ignore[arg-type]
    assert problem is None, problem


@pytest.mark.parametrize("rule", list(RULES.rules()), ids=lambda r: r.id)
def test_every_rule_has_a_removing_and_a_keeping_example(rule: cleaner.rules.Rule) -> None:
    removes = [e for e in rule.examples if example_removes(e)]
    keeps = [e for e in rule.examples if not example_removes(e)]
    assert removes, f"{rule.id} has no example that removes"
    assert keeps, f"{rule.id} has no example that must keep"
    assert rule.summary and rule.why


@pytest.mark.parametrize("rule", list(RULES.rules()), ids=lambda r: r.id)
def test_no_rule_repeats_an_example(rule: cleaner.rules.Rule) -> None:
    # A pasted copy tests nothing twice and makes `cleaner rules test` count it twice.
    repeated = [number for number, example in enumerate(rule.examples) if example in rule.examples[:number]]
    assert not repeated, f"{rule.id}: examples {repeated} repeat earlier ones"
