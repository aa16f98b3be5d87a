"""What the text path's speed goal leaves per document, and how much of it the least work of this
design takes, measured in one run on the same documents.

    .venv/bin/python bench/text_budget.py [BENCH_DIR] [--passes N] [--goal X]

The goal (issue 6) is cleaner's text path at GOAL times jusText's documents per second. This
prints, for `text-main/` and `text-all/` of the benchmark, jusText's CPU time per document, the
budget that leaves (jusText's time over the goal), cleaner's own time, and the time of the least
work any cleaner that decides as cleaner does must do, step by step, each written in the
cheapest Python there is (one C call per line where one exists), not with cleaner's code:

- lines: NFC, the text split into lines, white space folded, empty lines dropped (canonical text);
- words: each line's words, case-folded (duplicate collapse and the detector read them);
- word pairs: each line's set of neighbouring word pairs (near-duplicate candidates);
- stop words: each line's count of stop words (the detector's prose test);
- rule set: RE2's set of the rules' wider forms asked once per distinct line (the rule engine's
  cheapest question; most lines end there).

Each step runs on what the step before it made, so no step pays for another. What the floor leaves
of the budget is what every decision has: rule passes, the guard, duplicate verdicts, the
detector's runs, and the manifest. Times are the best of `--passes` passes (CPU time; the
machine is shared).
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metric import DEFAULT_BENCH, load_pages  # noqa: E402
from bench.quality_text import cleaner_extractor, justext_extractor  # noqa: E402
from cleaner import Cleaner  # noqa: E402
from cleaner.stopwords import STOP_WORDS  # noqa: E402

KINDS = ("text-main", "text-all")
GOAL = 5.0
WORD = re.compile(r"\w+")
MIN_PAIR_WORDS = 5  # duplicate collapse indexes the pairs of lines this long (cleaner.dedup.MIN_DUP_WORDS)


def best_seconds(step: Callable[[Any], object], inputs: Sequence[Any], passes: int) -> float:
    """The fastest of `passes` passes of `step` over every input, in CPU seconds."""
    gc.collect()
    best = float("inf")
    for _ in range(passes):
        started = time.process_time()
        for item in inputs:
            step(item)
        best = min(best, time.process_time() - started)
    return best


def lines_of(text: str) -> list[str]:
    return [folded for line in unicodedata.normalize("NFC", text).split("\n") if (folded := " ".join(line.split()))]


def words_of(lines: list[str]) -> list[list[str]]:
    return [WORD.findall(line.casefold()) for line in lines]


def pairs_of(words: list[list[str]]) -> list[set[str]]:
    return [set(map(" ".join, zip(w, w[1:]))) for w in words if len(w) >= MIN_PAIR_WORDS]


def stops_of(words: list[list[str]]) -> list[int]:
    return [sum(map(STOP_WORDS.__contains__, w)) for w in words]


def floor_steps() -> list[tuple[str, Callable[[Any], object], Callable[[Any], Any]]]:
    """(name, the step, what the next step is given): each step's input is the previous one's output."""
    prefilter = Cleaner().scanner.prefilter
    if prefilter is None:
        raise SystemExit("RE2 is not installed: the rule-set step cannot be measured")
    return [
        ("lines", lines_of, lines_of),
        ("words", words_of, lambda lines: (lines, words_of(lines))),
        ("word pairs", lambda lw: pairs_of(lw[1]), lambda lw: lw),
        ("stop words", lambda lw: stops_of(lw[1]), lambda lw: lw[0]),
        ("rule set", lambda lines: prefilter.ruled_out(set(lines)), lambda lines: lines),
    ]


def budget_table(kind: str, documents: list[str], passes: int, goal: float) -> list[str]:
    per_doc = 1000 / len(documents)  # seconds over all documents -> ms per document
    justext = best_seconds(justext_extractor(), documents, passes) * per_doc
    cleaner = best_seconds(cleaner_extractor(), documents, passes) * per_doc
    budget = justext / goal
    rows = [f"## {kind} ({len(documents)} documents): budget {budget:.3f} ms a document (jusText's {justext:.3f} ms / {goal:g})",
            "",
            "| step | ms/doc | share of budget | floor so far |",
            "|---|---|---|---|"]
    inputs: list[Any] = documents
    floor = 0.0
    for name, step, feed in floor_steps():
        seconds = best_seconds(step, inputs, passes) * per_doc
        floor += seconds
        rows.append(f"| {name} | {seconds:.3f} | {seconds / budget:.0%} | {floor / budget:.0%} |")
        inputs = [feed(item) for item in inputs]
    rows += [f"| **floor** | {floor:.3f} | {floor / budget:.0%} | |",
             f"| cleaner, whole text path | {cleaner:.3f} | {cleaner / budget:.0%} | |",
             f"| jusText | {justext:.3f} | {justext / budget:.0%} | |",
             "",
             f"cleaner {justext / cleaner:.2f}x jusText; the floor alone {justext / floor:.1f}x; "
             f"left for every decision at {goal:g}x: {budget - floor:.3f} ms a document, "
             f"{(budget - floor) / (cleaner - floor):.0%} of what cleaner's decisions take now.",
             ""]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--passes", type=int, default=5, help="passes per measure; the fastest counts (default 5)")
    parser.add_argument("--goal", type=float, default=GOAL, help=f"the goal as a multiple of jusText (default {GOAL:g})")
    args = parser.parse_args(argv)
    pages = load_pages(args.bench)
    for kind in KINDS:
        documents = [page.text(kind) for page in pages]
        print("\n".join(budget_table(kind, documents, args.passes, args.goal)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
