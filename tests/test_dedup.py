"""Where duplicate collapse starts and stops (thresholds in cleaner/dedup.py)."""

from __future__ import annotations

import cleaner
from cleaner.canonical import paragraphs_of
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.dedup import COMMON_PAIR_POSTINGS, FORM_MIN_RECORDS, MIN_DUP_WORDS, DedupMemo, find_duplicates, takes_turns
from cleaner.document import text_blocks

PARAGRAPH = ("The ministry said on Tuesday that the ceasefire would hold for another day, "
             "and that aid convoys were expected to reach the eastern districts by evening.")
OTHER = ("Residents described long queues at the checkpoints, where soldiers searched every car "
         "and turned back anyone without papers issued by the local council.")


def dups(text: str) -> list[tuple[int, int, str]]:
    return [(d.index, d.kept, d.rule) for d in find_duplicates(text_blocks(text))]


def test_exact_repeat_keeps_the_first() -> None:
    assert dups(f"{PARAGRAPH}\n{OTHER}\n{PARAGRAPH}") == [(2, 0, "dedup.exact")]


def test_exact_ignores_case_space_and_punctuation() -> None:
    variant = PARAGRAPH.upper().replace(",", "").replace(" ", "  ")
    assert dups(f"{PARAGRAPH}\n{variant}") == [(1, 0, "dedup.exact")]


def test_near_repeat_with_a_changed_character_or_two() -> None:
    rescraped = PARAGRAPH.replace("Tuesday", "Tuesdy").replace("evening", "evenings")
    assert dups(f"{PARAGRAPH}\n{OTHER}\n{rescraped}") == [(2, 0, "dedup.near")]


def test_a_changed_clause_is_not_a_near_repeat() -> None:
    rewritten = PARAGRAPH.replace("and that aid convoys were expected to reach the eastern districts by evening",
                                  "but officials warned that the shelling of the southern suburbs had not stopped")
    assert dups(f"{PARAGRAPH}\n{rewritten}") == []


def test_paragraph_contained_in_a_longer_one_goes() -> None:
    caption = "Aid convoys were expected to reach the eastern districts by evening"
    assert dups(f"{PARAGRAPH}\n{OTHER}\n{caption}") == [(2, 0, "dedup.contained")]


def test_earlier_shorter_copy_goes_and_the_longer_stays() -> None:
    teaser = "The ministry said on Tuesday that the ceasefire would hold for another day"
    assert dups(f"{teaser}\n{OTHER}\n{PARAGRAPH}") == [(0, 2, "dedup.contained")]


def test_short_lines_are_never_collapsed() -> None:
    assert MIN_DUP_WORDS == 5
    assert dups(f"Share\n{PARAGRAPH}\nShare\nRead the full story\n{OTHER}\nRead the full story") == []


def test_distinct_paragraphs_sharing_a_quote_are_not_duplicates() -> None:
    first = ('Zakaria Malahifji, the political officer of the Turkey-backed Fastaqim group, said, '
             '"The factions completely reject any exit, this is surrender."')
    second = ('"The factions completely reject any exit - this is surrender," said Zakaria Malahifji, a political '
              'officer of the Fastaqim group. A commander of Islamist group Ahrar al-Sham also denied claims.')
    assert dups(f"{first}\n{second}") == []


def test_a_headline_is_not_contained_in_a_lead_that_paraphrases_it() -> None:
    headline = "Militants Refuse to Leave Aleppo During Forthcoming Humanitarian Pause"
    lead = ("'Moderate' opposition militants have refused to leave the city of Aleppo during the forthcoming "
            "humanitarian pause, announced by the Russian Defense Ministry on November 4.")
    assert dups(f"{headline}\n{lead}") == []


def test_collapse_is_recorded_with_the_kept_copy() -> None:
    source = f"{PARAGRAPH}\n\n{OTHER}\n\n{PARAGRAPH}\n"
    result = cleaner.clean(source)
    assert paragraphs_of(result.text) == [PARAGRAPH, OTHER]
    (duplicate,) = result.manifest["duplicates"]
    assert source[duplicate["start"]:duplicate["end"]] == PARAGRAPH
    assert source[duplicate["kept_start"]:duplicate["kept_end"]] == PARAGRAPH
    assert duplicate["kept_start"] == 0 and duplicate["rule"] == "dedup.exact"
    assert {"rule": "dedup.exact", "start": duplicate["start"], "end": duplicate["end"], "text": PARAGRAPH} in result.removed


FORM_QUESTIONS = ["What made you start cooking for other people?", "Which dish do you make most often at home?"]
FORM_ANSWERS = [
    ["My grandmother taught me to bake bread.", "Soup with barley and smoked pork."],
    ["I wanted to feed my friends after school.", "Pasta with lemon, garlic and a lot of pepper."],
    ["A summer job in a harbour kitchen.", "Fish stew, every Friday, without fail."],
]


def test_labels_of_a_repeated_form_stay() -> None:
    # An interview series: every guest gets the same two questions. The questions recur and take
    # turns, so they are a template's labels, not a passage captured twice.
    lines = [line for answers in FORM_ANSWERS for pair in zip(FORM_QUESTIONS, answers) for line in pair]
    assert dups("\n".join(lines)) == []


def test_a_form_of_two_records_is_still_a_repeat() -> None:
    # Two copies are what a scraper leaves when it captures a passage twice.
    lines = [line for answers in FORM_ANSWERS[:2] for pair in zip(FORM_QUESTIONS, answers) for line in pair]
    assert [rule for _, _, rule in dups("\n".join(lines))] == ["dedup.exact", "dedup.exact"]


POSITIONS = st.lists(st.integers(0, 60), max_size=12, unique=True).map(sorted)


@settings(max_examples=500, deadline=None)
@given(POSITIONS, POSITIONS)
def test_takes_turns_counts_the_gaps_that_hold_another_copy(positions: list[int], others: list[int]) -> None:
    # The definition, a scan of every copy per gap, against the bisection that replaced it.
    gaps_held = sum(1 for start, end in zip(positions, positions[1:]) if any(start < o < end for o in others))
    assert takes_turns(positions, others) == (gaps_held >= FORM_MIN_RECORDS - 1)


def test_a_few_lines_repeated_thousands_of_times_in_turns_are_read_in_linear_time() -> None:
    # Four paragraphs in turns, 15,000 copies each: a scan of one's copies per gap of another took
    # this text past a minute.
    third = "The harbour master closed the port at noon as the storm moved north along the coast towards the city."
    fourth = "Schools in the valley will stay shut until Monday while crews clear fallen trees from the roads."
    lines = [PARAGRAPH, OTHER, third, fourth] * 15_000
    assert dups("\n".join(lines)) == []  # every line takes turns with the others: a form's labels, all kept


def test_one_line_repeated_between_paragraphs_still_goes() -> None:
    caption = "Our hiking kit with bottled water and snacks"
    text = "\n".join([PARAGRAPH, caption, OTHER, caption, PARAGRAPH.upper(), caption])
    assert [(index, rule) for index, _, rule in dups(text)] == [(3, "dedup.exact"), (4, "dedup.exact"), (5, "dedup.exact")]


def test_rows_that_differ_only_in_their_figures_are_not_near_repeats() -> None:
    rows = "\n".join(f"Week {week}: the team scored {week * 3} points and conceded {week + 7} at home" for week in range(1, 8))
    assert dups(rows) == []


def test_a_rescrape_with_the_same_figures_is_still_a_near_repeat() -> None:
    row = "On October 17 the pause was scheduled from 8:00 until 16:00 to let 2,500 civilians leave the city."
    rescraped = row.replace("the pause", "the  pause'").replace("city.", "city..")
    rescraped = rescraped.replace("scheduled", "schedulled")
    assert dups(f"{row}\n{OTHER}\n{rescraped}") == [(2, 0, "dedup.near")]


# Documents of re-scraped passages: sentences, their copies with a word changed, slices of them
# (contained) and two run together (containing both), over a vocabulary small enough that
# unrelated blocks share word pairs too.
_WORDS = ["the", "ministry", "said", "aid", "convoys", "would", "reach", "the", "city", "by", "evening",
          "of", "council", "2", "3", "and", "in"]
_sentence = st.lists(st.sampled_from(_WORDS), min_size=4, max_size=16)


@st.composite
def _rescraped(draw: st.DrawFn) -> list[str]:
    sources = draw(st.lists(_sentence, min_size=1, max_size=6))
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 30))):
        words = list(draw(st.sampled_from(sources)))
        how = draw(st.sampled_from(["same", "changed", "slice", "joined", "new"]))
        if how == "changed":
            words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(_WORDS))
        elif how == "slice":
            start = draw(st.integers(0, len(words) - 1))
            words = words[start:start + draw(st.integers(3, len(words)))]
        elif how == "joined":
            words = words + list(draw(st.sampled_from(sources)))
        elif how == "new":
            words = draw(_sentence)
        lines.append(" ".join(words))
    return lines


@settings(max_examples=300, deadline=None)
@given(_rescraped(), st.data())
def test_shared_counts_known_in_advance_give_the_same_duplicates(sentences: list[str], data: st.DataObject) -> None:
    """DedupMemo.neighbours (shared counts once per document) and the counts made call by call agree,
    on the whole document and on any subset of its blocks (the pipeline asks about fewer blocks)."""
    blocks = text_blocks("\n".join(sentences))
    subset = [b for b in blocks if data.draw(st.booleans())]
    for asked in (blocks, subset):
        known = DedupMemo.of(blocks)
        counted = DedupMemo.of(blocks)
        counted.neighbours = None
        assert find_duplicates(asked, known) == find_duplicates(asked, counted)


def test_a_pair_in_very_many_blocks_falls_back_to_counting_call_by_call() -> None:
    blocks = text_blocks("\n".join(f"of the report number {i} and of the annex" for i in range(COMMON_PAIR_POSTINGS + 2)))
    assert DedupMemo.of(blocks).neighbours is None
    assert DedupMemo.of(blocks[:10]).neighbours is not None
