"""Collapses passages a scraper captured twice inside one document. No state outlives the call.

Three kinds, each with its own rule id in the manifest:
- `dedup.exact`: the same words after folding case, white space and punctuation; the first stays.
- `dedup.near`: a re-scrape with a character or two changed (similarity >= NEAR_DUP_RATIO); the
  first stays.
- `dedup.contained`: a paragraph whose words stand, nearly all, inside a longer one (a caption
  or pull quote repeating the text); the shorter goes, wherever it stands, so no words are lost.
Short blocks (fewer than MIN_DUP_WORDS words: `Share`, `Advertisement`) are never collapsed: they
are not passages, and the rule packs are what decides about furniture.

Labels of a repeated form are not duplicates either: a meal plan repeats `Eat every 2-3 hours`
for each meal, an interview series asks every guest the same questions. A scraper captures a
passage twice, sometimes three times; when two passages both recur FORM_MIN_RECORDS times or more
and take turns (each stands between copies of the other), they are the labels of records written
to one template, and every copy stays.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from .document import Block

MIN_DUP_WORDS = 5
# difflib ratio on the folded text; 0.9 lets a changed character or two through, not a changed clause.
NEAR_DUP_RATIO = 0.9
# Blocks whose folded lengths differ more than this are compared for containment, not similarity.
NEAR_LENGTH_RATIO = 0.8
# Share of the shorter block's words that must stand in the longer one, in order, in runs of at
# least CONTAINED_MIN_RUN words (shorter runs are ordinary shared phrasing: "to leave the city").
CONTAINED_SHARE = 0.9
CONTAINED_MIN_RUN = 3
# Share of word pairs in common that makes two blocks worth the slower exact comparison.
CANDIDATE_SHARE = 0.5
# Copies a passage needs, beside another that takes turns with it, to be a label of a repeated form.
FORM_MIN_RECORDS = 3
# Word pairs this common in the document ("of the") say nothing about duplication.
COMMON_PAIR_POSTINGS = 64
WORD = re.compile(r"\w+")
NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Duplicate:
    index: int  # the block that goes
    kept: int  # the block that stays and holds the same passage
    rule: str
    similarity: float


@dataclass
class _Seen:
    block: Block
    key: str
    pairs: set[tuple[str, str]]


def find_duplicates(blocks: Sequence[Block]) -> list[Duplicate]:
    """Duplicates among `blocks` (the blocks still kept), in the order of the block that goes."""
    exact: dict[str, int] = {}
    seen: dict[int, _Seen] = {}
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    duplicates: dict[int, Duplicate] = {}
    for block in blocks:
        words = WORD.findall(block.text.casefold())
        if len(words) < MIN_DUP_WORDS:
            continue
        key = " ".join(words)
        if key in exact:
            duplicates[block.index] = Duplicate(block.index, exact[key], "dedup.exact", 1.0)
            continue
        current = _Seen(block, key, set(zip(words, words[1:])))
        match = _best_match(current, seen, postings)
        if match is None:
            _remember(current, exact, seen, postings)
            continue
        other, rule, similarity = match
        if rule == "dedup.contained" and len(other.key) < len(current.key):
            # The earlier block is the shorter copy: it goes, and what pointed at it points here.
            duplicates[other.block.index] = Duplicate(other.block.index, block.index, rule, similarity)
            for index, dup in list(duplicates.items()):
                if dup.kept == other.block.index and index != other.block.index:
                    duplicates[index] = Duplicate(index, block.index, dup.rule, dup.similarity)
            _forget(other, exact, seen, postings)
            _remember(current, exact, seen, postings)
        else:
            duplicates[block.index] = Duplicate(block.index, other.block.index, rule, similarity)
    labels = form_labels(list(duplicates.values()))
    return sorted((d for d in duplicates.values() if d.kept not in labels), key=lambda d: d.index)


def form_labels(duplicates: Sequence[Duplicate]) -> set[int]:
    """The kept copies of passages that are labels of a repeated form (see the module docstring)."""
    copies: dict[int, list[int]] = defaultdict(list)
    for duplicate in duplicates:
        copies[duplicate.kept].append(duplicate.index)
    groups = {kept: sorted([kept, *indexes]) for kept, indexes in copies.items()
              if len(indexes) + 1 >= FORM_MIN_RECORDS}
    labels: set[int] = set()
    for kept, positions in groups.items():
        for other, other_positions in groups.items():
            if other != kept and takes_turns(positions, other_positions) and takes_turns(other_positions, positions):
                labels.add(kept)
                break
    return labels


def takes_turns(positions: Sequence[int], others: Sequence[int]) -> bool:
    """Copies of `others` stand in at least FORM_MIN_RECORDS - 1 of the gaps between `positions`."""
    gaps = zip(positions, positions[1:])
    return sum(1 for start, end in gaps if any(start < o < end for o in others)) >= FORM_MIN_RECORDS - 1


def _best_match(current: _Seen, seen: dict[int, _Seen],
                postings: dict[tuple[str, str], list[int]]) -> tuple[_Seen, str, float] | None:
    shared: dict[int, int] = defaultdict(int)
    for pair in current.pairs:
        indexes = postings.get(pair, ())
        if len(indexes) <= COMMON_PAIR_POSTINGS:
            for index in indexes:
                shared[index] += 1
    # Most shared first, then the earliest block: a fixed order keeps the result deterministic.
    for index, count in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
        other = seen[index]
        smaller = min(len(current.pairs), len(other.pairs)) or 1
        if count / smaller < CANDIDATE_SHARE:
            break
        verdict = _compare(current.key, other.key)
        if verdict is not None:
            return other, verdict[0], verdict[1]
    return None


def _compare(a: str, b: str) -> tuple[str, float] | None:
    short, long = sorted((a, b), key=len)
    if len(short) / len(long) >= NEAR_LENGTH_RATIO:
        if NUMBER.findall(short) != NUMBER.findall(long):
            return None  # a re-scrape changes typography, not figures: these are rows of a table or list
        ratio = SequenceMatcher(None, short, long, autojunk=False).ratio()
        return ("dedup.near", round(ratio, 3)) if ratio >= NEAR_DUP_RATIO else None
    short_words, long_words = short.split(), long.split()
    matcher = SequenceMatcher(None, short_words, long_words, autojunk=False)
    runs = (size for _, _, size in matcher.get_matching_blocks() if size >= CONTAINED_MIN_RUN)
    covered = sum(runs) / len(short_words)
    return ("dedup.contained", round(covered, 3)) if covered >= CONTAINED_SHARE else None


def _remember(item: _Seen, exact: dict[str, int], seen: dict[int, _Seen],
              postings: dict[tuple[str, str], list[int]]) -> None:
    exact.setdefault(item.key, item.block.index)
    seen[item.block.index] = item
    for pair in item.pairs:
        postings[pair].append(item.block.index)


def _forget(item: _Seen, exact: dict[str, int], seen: dict[int, _Seen],
            postings: dict[tuple[str, str], list[int]]) -> None:
    if exact.get(item.key) == item.block.index:
        del exact[item.key]
    del seen[item.block.index]
    for pair in item.pairs:
        postings[pair].remove(item.block.index)
