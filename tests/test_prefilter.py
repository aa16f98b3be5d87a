"""The RE2 prefilter only widens: every text a rule pattern matches, its RE2 form matches too. And
the built-in rules' automaton fits RE2's memory budget on real lines."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import re2
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from bench.metric import DEFAULT_BENCH
from cleaner.prefilter import UNASSIGNED_IN_RE2, Prefilter, wider_re2

# Every code point RE2 can read (UTF-8 has no surrogates) and has a category for: a line with
# any other character is left to the `regex` module.
EVERY_CHARACTER = "".join(re2.sub(UNASSIGNED_IN_RE2, "", "".join(chr(c) for c in range(0x110000)
                                                                   if not 0xD800 <= c <= 0xDFFF)))


def accepted(pattern: str, engine: str) -> set[str]:
    """The characters of EVERY_CHARACTER that a one-character pattern matches."""
    if engine == "regex":
        return set(regex.findall(pattern, EVERY_CHARACTER, regex.VERSION0))
    return set(re2.findall(pattern, EVERY_CHARACTER))


def test_character_classes_are_widened_over_every_code_point() -> None:
    for pattern in (r"\d", r"\w", r"\s", r"[\d\s]", r"(?i)k", r"(?i)[a-z]", r"(?i)ß", r"(?i)é",
                    r"[^.!?]", r"(?i)[^a-z]", r"[^\w]", r"\W", r"\S", r"\D", "."):
        wider = wider_re2(pattern)
        assert wider is not None, pattern
        assert accepted(pattern, "regex") <= accepted(wider, "re2"), pattern


def test_case_insensitive_letters_are_widened_over_every_code_point() -> None:
    letters = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    letters |= {char for pattern in built_in_patterns() for char in pattern.pattern if char.isalpha()}
    for letter in sorted(letters):
        pattern = "(?i)" + regex.escape(letter)
        assert accepted(pattern, "regex") <= accepted(wider_re2(pattern) or "", "re2"), letter


def test_lines_with_characters_newer_than_re2_are_left_to_regex() -> None:
    prefilter = Prefilter.for_patterns([r"(?i)ß"])
    assert prefilter is not None
    assert prefilter.first_candidate("x") == -1
    assert prefilter.first_candidate("\U0001df95") is None  # `regex` folds it to ß; RE2 does not know it


def test_assertions_and_back_references_widen_to_what_they_constrain() -> None:
    assert wider_re2(r"\bab(?=c)") == r"\x{61}\x{62}"
    assert wider_re2(r"(?P<q>['\"]).*(?P=q)") is not None
    assert wider_re2(r"[[:alpha:]]+") is None  # a POSIX class: Python's parser would misread it
    assert wider_re2(r"(?:cat){e<=1}") is None  # a fuzzy match


def test_counts_keep_a_small_lower_bound() -> None:
    """`\\.{3,}` must not widen to `\\.+`: a sentence's one full stop would make every line a candidate."""
    def candidate(pattern: str, text: str) -> bool:
        return re2.fullmatch(wider_re2(pattern) or "", text) is not None

    assert not candidate(r".*\.{3,}", "A sentence ends.")
    assert candidate(r".*\.{3,}", "A sentence trails off....")
    assert candidate(r"a{2,80}", "a" * 80) and not candidate(r"a{2,80}", "a")
    assert candidate(r"a{5,}", "a" * 5)  # a lower bound above SMALL_REPEAT widens to `+`


@functools.cache  # loaded once: hypothesis asks for them in every example
def built_in_patterns() -> tuple[regex.Pattern[str], ...]:
    return tuple(rule.pattern for rule in cleaner.load_rules().rules() if rule.pattern is not None)


@functools.cache  # built once: compiling the rules' RE2 programs is most of an example's time
def built_in_prefilter() -> Prefilter:
    prefilter = Prefilter.for_patterns([p.pattern for p in built_in_patterns()])
    assert prefilter is not None
    return prefilter


def test_every_built_in_pattern_translates() -> None:
    assert all(wider_re2(pattern.pattern) is not None for pattern in built_in_patterns())


def test_built_in_examples_that_match_are_candidates() -> None:
    rules = [rule for rule in cleaner.load_rules().rules() if rule.pattern is not None]
    prefilter = Prefilter.for_patterns([rule.pattern.pattern for rule in rules])
    assert prefilter is not None
    for position, rule in enumerate(rules):
        for example in rule.examples:
            for line in (line.strip() for line in example.input.splitlines()):
                if rule.pattern.fullmatch(line):
                    first = prefilter.first_candidate(line)
                    assert first is not None and 0 <= first <= position, (rule.id, line)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["By ", "Photo: ", "Getty Images", "©", " 2024", "Reuters", "Ähnlich", "newsletter",
                                 "sign up", " ", "a", "1", ".", "(", ")", "/", "Advertisement", "ſ", "K", "é"]),
                max_size=8).map("".join))
def test_no_line_a_pattern_matches_is_ruled_out(line: str) -> None:
    patterns = built_in_patterns()
    prefilter = built_in_prefilter()
    first = prefilter.first_candidate(line)
    matching = [position for position, pattern in enumerate(patterns) if pattern.fullmatch(line)]
    if matching:
        assert first is not None and 0 <= first <= matching[0]
    # The batch form rules out exactly the ASCII lines first_candidate rules out.
    assert (line in prefilter.ruled_out([line])) == (line.isascii() and first == -1)


# Lines built from the rules' own words, so that several rules' forms match some of them.
RULE_WORD_LINES = st.lists(st.sampled_from(["By ", "Photo: ", "Getty Images", "©", " 2024", "Reuters", "newsletter",
                                            "Follow us on ", "Twitter", "sign up", " ", "a", "1", ".", "(", ")", "/",
                                            " AP file", "Comments", "é"]), max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(RULE_WORD_LINES)
def test_the_rule_set_names_the_alternative_the_capture_groups_name(line: str) -> None:
    prefilter = built_in_prefilter()
    assert prefilter.matching is not None
    assert prefilter.first_candidate(line) == prefilter.first_by_captures(line)


def test_the_rule_set_agrees_on_every_example_line() -> None:
    patterns = built_in_patterns()
    prefilter = Prefilter.for_patterns([p.pattern for p in patterns])
    assert prefilter is not None and prefilter.matching is not None
    lines = {line.strip() for rule in cleaner.load_rules().rules() for example in rule.examples
             for line in example.input.splitlines()}
    assert all(prefilter.first_candidate(line) == prefilter.first_by_captures(line) for line in lines)


@settings(max_examples=300, deadline=None)
@given(RULE_WORD_LINES)
def test_the_forms_the_set_names_are_those_each_form_alone_matches(line: str) -> None:
    # The scan keeps the set's whole answer and rules out every later rule it does not name; a form
    # left out of the answer would lose that rule its match.
    patterns = built_in_patterns()
    prefilter = built_in_prefilter()
    forms = prefilter.forms_matching(line)
    if forms is not None:
        assert forms == tuple(p for p in range(len(patterns)) if prefilter.may_match(p, line))
        assert (forms[0] if forms else -1) == prefilter.first_candidate(line)


def test_a_form_re2_refuses_matches_any_text_and_the_others_still_rule_out() -> None:
    nested = "a"
    for _ in range(5):  # 4**5 copies of `a`: over RE2's limit on repetition, though each count is small
        nested = f"(?:{nested}){{4}}"
    assert wider_re2(nested) is not None
    prefilter = Prefilter.for_patterns(["Share", nested])
    assert prefilter is not None and prefilter.translated == (True, False)
    assert prefilter.first_candidate("Share") == 0 and prefilter.first_candidate("a" * 1024) == 1
    assert prefilter.may_match(1, "anything") and not prefilter.may_match(0, "anything")
    assert prefilter.forms_matching("anything") == (1,)


# Builds the built-in rules' prefilter with RE2's error log on and asks it about every distinct line
# of the dev dumps; argv[1] is the memory budget in MiB, or "default" for RE2_MAX_MEM. Run in its own
# process: RE2 logs from C++ straight to file descriptor 2.
BUDGET_PROBE = """
import sys
from pathlib import Path
import cleaner.prefilter as prefilter
from cleaner import Cleaner
if sys.argv[1] != "default":
    prefilter.RE2_MAX_MEM = int(sys.argv[1]) << 20
quiet_options = prefilter.re2_options
def logging_options(_re2, *, capture):
    options = quiet_options(_re2, capture=capture)
    options.log_errors = True
    return options
prefilter.re2_options = logging_options
scanner = Cleaner().scanner  # the rules' scan as cleaning builds it
lines = sorted({line.strip() for path in Path(sys.argv[2]).glob("text-*/*.txt")
                for line in path.read_text().splitlines() if line.strip()})
ruled_out = scanner.prefilter.ruled_out(lines)
for line in lines:
    if line not in ruled_out:
        scanner.prefilter.forms_matching(line)
print(len(lines))
"""


def _budget_probe(budget: str) -> str:
    done = subprocess.run([sys.executable, "-c", BUDGET_PROBE, budget, str(DEFAULT_BENCH)],
                          capture_output=True, text=True, check=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)
    assert int(done.stdout) > 5000  # the dev dumps' distinct lines were all asked about
    return done.stderr


def test_the_rules_automaton_fits_re2s_memory_budget_on_the_dev_lines() -> None:
    """Past its budget RE2 throws its DFA states away and builds them again on every line: a warm
    pass over the dev dumps then costs four times the instructions (docs/performance.md). A rule
    change that takes the automaton past the budget fails here, not only in bench/instructions.py."""
    stderr = _budget_probe("default")
    assert "DFA out of memory" not in stderr, stderr[-2000:]


def test_the_budget_probe_sees_an_automaton_that_outgrows_a_small_budget() -> None:
    """The check above can fail: with a sixteenth of the budget the same rules run out."""
    assert "DFA out of memory" in _budget_probe("16")
