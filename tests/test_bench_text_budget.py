"""bench/text_budget.py: the floor's steps do the work they stand for, and the table adds them up."""

from __future__ import annotations

import re

from bench import text_budget


def test_lines_are_canonical_nonempty_lines() -> None:
    # "e" + combining acute composes under NFC; runs of white space fold; blank lines go.
    assert text_budget.lines_of("Cafe\u0301  au\tlait\n\n   \nnext  line\n") == ["Café au lait", "next line"]


def test_words_pairs_and_stop_words_of_each_line() -> None:
    lines = ["The Cat sat on the mat", "Short line"]
    words = text_budget.words_of(lines)
    assert words == [["the", "cat", "sat", "on", "the", "mat"], ["short", "line"]]
    # Only lines of MIN_PAIR_WORDS words or more are paired, as duplicate collapse indexes them.
    assert text_budget.pairs_of(words) == [{"the cat", "cat sat", "sat on", "on the", "the mat"}]
    assert text_budget.stops_of(words) == [3, 0]  # the, on, the


def test_rule_set_step_rules_out_what_no_rule_can_match() -> None:
    steps = dict((name, step) for name, step, _ in text_budget.floor_steps())
    furniture, prose = "Post a Comment", "The council met on Tuesday to discuss the budget for next year."
    ruled_out = steps["rule set"]([furniture, prose])
    assert prose in ruled_out and furniture not in ruled_out


def test_table_adds_the_steps_to_the_floor_and_measures_against_the_goal() -> None:
    documents = ["A first line of a document with several words in it.\nPost a Comment\n"] * 3
    rows = text_budget.budget_table("text-main", documents, passes=1, goal=5.0)
    assert rows[0].startswith("## text-main (3 documents): budget ")
    steps = [row for row in rows if row.startswith("| ") and not row.startswith(("| step", "| **", "| cleaner", "| jusText"))]
    assert [row.split(" | ")[0][2:] for row in steps] == ["lines", "words", "word pairs", "stop words", "rule set"]
    floor = float(next(row for row in rows if row.startswith("| **floor**")).split(" | ")[1])
    # Each of the five steps and the floor is printed to 0.001 ms: the printed sum may miss the
    # printed floor by half of that six times over.
    assert abs(floor - sum(float(row.split(" | ")[1]) for row in steps)) <= 6 * 0.0005 + 1e-9
    assert next(row for row in rows if row.startswith("| jusText")).endswith("| 500% | |")
    assert re.search(r"cleaner \d+\.\d\dx jusText; the floor alone", "\n".join(rows))
