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

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple
from itertools import chain
from difflib import SequenceMatcher

from .document import Block
from .words import WORD

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
NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Duplicate:
    index: int  # the block that goes
    kept: int  # the block that stays and holds the same passage
    rule: str
    similarity: float


# Two neighbouring words joined by a space (words are runs of \w, so the join is one-to-one). A
# string, not a tuple: a document holds thousands of pairs at once, and tuples made Python's cyclic
# garbage collector run over them again and again; strings hold nothing it follows.
Pair = str


def word_pairs(words: Sequence[str]) -> set[Pair]:
    return set(map(" ".join, zip(words, words[1:])))


class _Folded(NamedTuple):
    """A block's folded words: `key` joins them; `size` counts their pairs, and `repeated` holds the
    pairs some other block of the document also has (only those can be shared with another block)."""

    key: str
    size: int
    repeated: set[Pair]


@dataclass
class _Seen:
    block: Block
    key: str
    size: int
    pairs: set[Pair]


@dataclass
class DedupMemo:
    """What find_duplicates learnt about one document's blocks, for later calls about some of them
    (the pipeline asks again after every pass, about fewer blocks): a cache, never a decision."""

    folded: dict[int, _Folded | None] = field(default_factory=dict)
    verdicts: dict[tuple[str, str], tuple[str, float] | None] = field(default_factory=dict)
    found: dict[tuple[int, ...], list[Duplicate]] = field(default_factory=dict)  # by the blocks asked about
    # Block index -> the earlier blocks it shares word pairs with, as (-shared count, index), most
    # shared first. Only blocks with a duplicate candidate are keys: a block that is not has none
    # among any subset of the document's blocks. None when a word pair is too common for the
    # shared counts to be known in advance (see _neighbours).
    neighbours: dict[int, list[tuple[int, int]]] | None = None
    known: frozenset[int] = frozenset()  # the blocks the memo was made with
    words: dict[str, list[str]] = field(default_factory=dict)  # block text -> its case-folded words

    @classmethod
    def of(cls, blocks: Sequence[Block]) -> DedupMemo:
        """The folded words of every block of a document (later calls may pass any subset of them)."""
        words = {text: WORD.findall(text.casefold()) for text in {b.text for b in blocks}}
        words_of = {b.index: words[b.text] for b in blocks}
        pairs_of = {i: word_pairs(w) for i, w in words_of.items() if len(w) >= MIN_DUP_WORDS}
        seen: set[Pair] = set()
        repeated: set[Pair] = set()  # the pairs of two blocks or more (set operations: C speed)
        for pairs in pairs_of.values():
            repeated |= pairs & seen
            seen |= pairs
        folded: dict[int, _Folded | None] = {i: None for i in words_of}
        for index, pairs in pairs_of.items():
            folded[index] = _Folded(" ".join(words_of[index]), len(pairs), pairs & repeated)
        # A pair in more than COMMON_PAIR_POSTINGS blocks is skipped or not depending on which blocks
        # come before: there, shared counts are counted call by call.
        common = len(pairs_of) > COMMON_PAIR_POSTINGS and max(Counter(chain.from_iterable(
            item.repeated for item in folded.values() if item is not None)).values(), default=0) > COMMON_PAIR_POSTINGS
        return cls(folded, neighbours=None if common else _neighbours(folded), known=frozenset(words_of), words=words)

    def may_be_copies(self) -> Collection[int]:
        """The blocks that could be second copies among some of the document's blocks: only those
        with a candidate (everything, when the shared counts are not known in advance)."""
        return self.known if self.neighbours is None else self.neighbours.keys()

    def fold(self, block: Block) -> _Folded | None:
        if block.index not in self.folded:  # a block the memo was not made with: all its pairs count
            words = WORD.findall(block.text.casefold())
            pairs = word_pairs(words)
            self.folded[block.index] = _Folded(" ".join(words), len(pairs), pairs) if len(words) >= MIN_DUP_WORDS else None
        return self.folded[block.index]

    def compare(self, a: str, b: str) -> tuple[str, float] | None:
        if (a, b) not in self.verdicts:
            self.verdicts[(a, b)] = _compare(a, b)
        return self.verdicts[(a, b)]


def _neighbours(folded: dict[int, _Folded | None]) -> dict[int, list[tuple[int, int]]]:
    """For each block that could have a candidate: the earlier blocks sharing word pairs with it,
    as (-shared count, index), most shared first, then the earliest (the order _best_match walks
    them in; only earlier blocks have been seen when a block is asked about).

    Two blocks are candidates when they share at least CANDIDATE_SHARE of the smaller one's pairs,
    so the smaller one has that share of its pairs repeated ("dense"): counting the pairs of the
    dense blocks alone finds every candidate. Documents that repeat nothing have few dense blocks
    and fewer candidates.
    """
    dense = {index: item for index, item in folded.items()
             if item is not None and item.repeated and len(item.repeated) >= CANDIDATE_SHARE * item.size}
    if not dense:
        return {}
    # Only the pairs of dense blocks can make candidates: count those first.
    counted = set().union(*(item.repeated for item in dense.values()))
    postings = _postings(folded, counted)
    size = {index: item.size for index, item in folded.items() if item is not None and item.repeated}
    with_candidates: set[int] = set()
    # A dense block's pairs are all counted already: its shared counts are final, kept for the walk.
    shared_of: dict[int, Counter[int]] = {}
    for index, item in dense.items():
        # count >= CANDIDATE_SHARE * min(the two sizes), as _is_candidate has it, in one comprehension.
        least = CANDIDATE_SHARE * item.size
        shared = shared_of[index] = _shared(item, postings)
        found = [other for other, count in shared.items()
                 if (count >= least or count >= CANDIDATE_SHARE * size[other]) and other != index]
        if found:
            with_candidates.add(index)
            with_candidates.update(found)
    if not with_candidates:
        return {}
    # The walk needs every shared pair of the blocks that have candidates: add the ones not counted yet.
    wanted = set().union(*(item.repeated for i in with_candidates if (item := folded[i])))
    postings.update(_postings(folded, wanted - counted))
    return {index: sorted((-count, other) for other, count in
                          (shared_of[index] if index in shared_of else _shared(item, postings)).items() if other < index)
            for index in sorted(with_candidates) if (item := folded[index]) is not None}


def _shared(item: _Folded, postings: dict[Pair, list[int]]) -> Counter[int]:
    """Block index -> how many of `item`'s pairs it has (`item`'s own block included)."""
    return Counter(chain.from_iterable(map(postings.__getitem__, item.repeated)))


def _postings(folded: dict[int, _Folded | None], pairs: set[Pair]) -> dict[Pair, list[int]]:
    """Pair -> the blocks that have it, for `pairs` only, blocks in order."""
    postings: dict[Pair, list[int]] = defaultdict(list)
    for index, item in folded.items():
        if item is not None and item.repeated:
            for pair in item.repeated & pairs:
                postings[pair].append(index)
    return postings


def find_duplicates(blocks: Sequence[Block], memo: DedupMemo | None = None, *,
                    keep_forms: bool = True) -> list[Duplicate]:
    """Duplicates among `blocks` (the blocks still kept), in the order of the block that goes.

    `memo` carries what earlier calls on the same document's blocks computed. `keep_forms=False`
    also counts the copies of a repeated form's labels (which stay) as copies: the guard's measure
    of the article, which a form's repeats do not make longer."""
    memo = memo or DedupMemo.of(blocks)
    asked = tuple(b.index for b in blocks)
    if asked not in memo.found:  # the same blocks again (a pass that removed nothing): the same answer
        memo.found[asked] = _find_duplicates(blocks, memo)
    found = memo.found[asked]
    if keep_forms:
        labels = form_labels(found)
        found = [d for d in found if d.kept not in labels]
    return list(found)


def _find_duplicates(blocks: Sequence[Block], memo: DedupMemo) -> list[Duplicate]:
    # Shared counts known in advance for every block asked about: walk them instead of counting.
    neighbours = memo.neighbours if memo.neighbours is not None and memo.known.issuperset(b.index for b in blocks) else None
    exact: dict[str, int] = {}
    seen: dict[int, _Seen] = {}
    postings: dict[tuple[str, str], list[int]] | None = defaultdict(list) if neighbours is None else None
    duplicates: dict[int, Duplicate] = {}
    for block in blocks:
        folded = memo.fold(block)
        if folded is None:
            continue
        key = folded.key
        if key in exact:
            duplicates[block.index] = Duplicate(block.index, exact[key], "dedup.exact", 1.0)
            continue
        current = _Seen(block, key, folded.size, folded.repeated)
        if neighbours is not None:
            match = _best_known_match(current, neighbours.get(block.index), seen, memo)
        else:
            assert postings is not None
            match = _best_match(current, seen, postings, memo)
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
    return sorted(duplicates.values(), key=lambda d: d.index)


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
    """Copies of `others` stand in at least FORM_MIN_RECORDS - 1 of the gaps between `positions`
    (both ascending)."""
    # The first of `others` after each gap's start, found by bisection: a scan of `others` per gap
    # made a text of a few lines repeated thousands of times cost their square.
    found = 0
    for start, end in zip(positions, positions[1:]):
        after = bisect.bisect_right(others, start)
        if after < len(others) and others[after] < end:
            found += 1
            if found >= FORM_MIN_RECORDS - 1:
                return True
    return False


def _best_match(current: _Seen, seen: dict[int, _Seen], postings: dict[tuple[str, str], list[int]],
                memo: DedupMemo) -> tuple[_Seen, str, float] | None:
    shared: dict[int, int] = defaultdict(int)
    for pair in postings.keys() & current.pairs:  # only the pairs seen before (an intersection in C)
        indexes = postings[pair]
        if len(indexes) <= COMMON_PAIR_POSTINGS:
            for index in indexes:
                shared[index] += 1
    if not shared:
        return None
    # Most shared first, then the earliest block: a fixed order keeps the result deterministic.
    order = (lambda item: (-item[1], item[0]))
    index, count = min(shared.items(), key=order)
    if not _is_candidate(current, seen[index], count):
        return None  # the first candidate already falls short: no need to sort the others
    for index, count in sorted(shared.items(), key=order):
        other = seen[index]
        if not _is_candidate(current, other, count):
            break
        verdict = memo.compare(current.key, other.key)
        if verdict is not None:
            return other, verdict[0], verdict[1]
    return None


def _best_known_match(current: _Seen, neighbours: list[tuple[int, int]] | None, seen: dict[int, _Seen],
                      memo: DedupMemo) -> tuple[_Seen, str, float] | None:
    """_best_match from the shared counts of DedupMemo.neighbours: the same walk, most shared first."""
    for negative_count, index in neighbours or ():
        other = seen.get(index)
        if other is None:
            continue
        if not _is_candidate(current, other, -negative_count):
            return None
        verdict = memo.compare(current.key, other.key)
        if verdict is not None:
            return other, verdict[0], verdict[1]
    return None


def _is_candidate(current: _Seen, other: _Seen, shared: int) -> bool:
    return shared / (min(current.size, other.size) or 1) >= CANDIDATE_SHARE


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
              postings: dict[tuple[str, str], list[int]] | None) -> None:
    """`postings` None: shared counts come from DedupMemo.neighbours, no postings are kept."""
    exact.setdefault(item.key, item.block.index)
    seen[item.block.index] = item
    for pair in item.pairs if postings is not None else ():
        postings[pair].append(item.block.index)


def _forget(item: _Seen, exact: dict[str, int], seen: dict[int, _Seen],
            postings: dict[tuple[str, str], list[int]] | None) -> None:
    if exact.get(item.key) == item.block.index:
        del exact[item.key]
    del seen[item.block.index]
    for pair in item.pairs if postings is not None else ():
        postings[pair].remove(item.block.index)
