"""How a block ends: the marks after which it reads as a sentence or a clause, before any closing
quotes and brackets (and the spaces French typography puts before them)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.words import CLAUSE_ENDS, CLOSING_MARKS, SENTENCE_ENDS, WORD, ends_with

# The definition spelled as a pattern: one of the marks, then nothing but closing marks and the
# spaces French typography puts before them.
SENTENCE_END = re.compile("[" + re.escape("".join(SENTENCE_ENDS)) + "][" + re.escape(CLOSING_MARKS) + " \u00a0\u202f]*$")


@pytest.mark.parametrize("text, sentence, clause", [
    ("The council met on Tuesday.", True, True),
    ("“We will not stop,” she said.”", True, True),
    ("Was it worth it?)", True, True),
    ("What follows is a list:", True, True),
    ("「終わり。」", True, True),
    ("« La sécurité passe avant tout le reste. »", True, True),
    ("« Une question ?\u202f»", True, True),
    ("WASHINGTON,", False, True),
    ("東京、", False, True),
    ("Related News", False, False),
    ("Read more »", False, False),
    ("", False, False),
])
def test_a_block_ends_like_a_sentence_or_a_clause(text: str, sentence: bool, clause: bool) -> None:
    assert ends_with(text, SENTENCE_ENDS) is sentence
    assert ends_with(text, CLAUSE_ENDS) is clause


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from([*SENTENCE_ENDS, *CLAUSE_ENDS, *CLOSING_MARKS, "a", "1", " ", "\u202f", "-"]), max_size=8))
def test_ends_with_is_the_pattern_of_a_mark_then_closing_marks(text: str) -> None:
    assert ends_with(text, SENTENCE_ENDS) == bool(SENTENCE_END.search(text))


def test_a_word_is_a_run_of_letters_or_digits_in_any_script() -> None:
    assert WORD.findall("Ça coûte 2,500 $ — naïve_user, Straße, 東京") == [
        "Ça", "coûte", "2", "500", "naïve_user", "Straße", "東京"]
