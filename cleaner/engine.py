"""Applies rule packs to a document's blocks and says, for every block it removes, which rule did.

One pass is a short chain: find the packs that apply, then field, line, run and cut rules in that
order (a block keeps the first, most specific, reason it was given). The caller repeats passes
until nothing changes, so that cleaning a clean text removes nothing more.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from bisect import bisect_left
from itertools import chain
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from .document import Block, CleanWarning
from .rules import KINDS, Pack, Rule, RuleSet
from .prefilter import Prefilter
from .scan import BlockMatches, RuleScanner
from .width import CJK_CHAR_WIDTH, reading_width
from .words import CLAUSE_ENDS, FULL_STOPS, WORD, ends_with

if TYPE_CHECKING:
    from .dedup import DedupMemo

# A block this long is prose: it anchors the article body that `head` and `tail` are measured from.
PROSE_MIN_CHARS = 80
# ... holding this many spaces at least, if it is ASCII: 80 characters of prose have a dozen.
PROSE_MIN_SPACES = 4
# The fewest characters that can read as PROSE_MIN_CHARS: all of them Chinese or Japanese.
CJK_PROSE_MIN_CHARS = -(-PROSE_MIN_CHARS // CJK_CHAR_WIDTH)
# No single rule may remove more than this share of the document's prose; past it the rule is
# reverted and a warning says so (a false removal is worse than leftover furniture).
MAX_RULE_PROSE_SHARE = 0.5
# ... except a cut that follows this much prose, in this many paragraphs: a whole article is kept
# before its marker, so what follows (a comment thread longer than the article) may go.
CUT_MIN_ARTICLE_CHARS = 1000
CUT_MIN_ARTICLE_BLOCKS = 3
# A card marker (`Read More`) must close this many cards before it is taken for an index of other
# stories; a single one may follow the article's own truncated lead.
CARDS_MIN = 2
# Seconds of regex time one rule may spend on one document before it is stopped and reported.
RULE_SECONDS_PER_DOCUMENT = 1.0
# The kinds of rules that read blocks, in the order they apply (select rules prune HTML before).
KIND_RANK = {kind: rank for rank, kind in enumerate(kind for kind in KINDS if kind != "select")}
# A `line` rule with `min_run` bridges this many title-like blocks between two of its matches.
RUN_MAX_TITLES = 2
# A first prose block no longer than this that ends with none of CLAUSE_ENDS (after any closing
# quote or bracket) is a long headline: the article body starts after it (`where = "head"`).
LONG_HEADLINE_MAX_CHARS = 200
# A run's last title is checked against this many blocks after it for being the article's own
# sub-heading; the words counted are at least CROSSHEAD_MIN_WORD characters long (not `a`, `im`).
CROSSHEAD_REACH = 2
CROSSHEAD_MIN_WORD = 3
# A title under a run's heading with this many bare figures, more than its other words, is a
# table's row (_is_table_row).
TABLE_ROW_MIN_FIGURES = 3
TABLE_FIGURE = re.compile(r"[+-]?\d+(?:[.,]\d+)?%?")
THREE_NUMBERS = re.compile(r"\d\D+\d\D+\d")  # what a row has at least, asked first: most titles have none
# `where = "lead"`: the head and this many paragraphs after the body's first prose paragraph, where
# a byline stands when a standfirst comes before it.
LEAD_REACH = 3


class PackMatch(NamedTuple):
    """A pack that applies to a document, and why. (A named tuple: one is made for every pack and
    document, and a frozen dataclass costs several times as much to make.)"""

    pack: Pack
    why: str  # "generic", "domain" or "fingerprint"
    evidence: str | None = None

    def as_dict(self) -> dict[str, str]:
        entry = {"id": self.pack.id, "why": self.why}
        if self.evidence is not None:
            entry["evidence"] = self.evidence
        return entry


@dataclass
class RuleState:
    """What the rules decided about one document so far; updated pass after pass."""

    removed: dict[int, str] = field(default_factory=dict)  # block index -> rule id
    details: dict[int, dict[str, Any]] = field(default_factory=dict)  # block index -> what decided it
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[CleanWarning] = field(default_factory=list)
    disabled: set[str] = field(default_factory=set)
    seconds: dict[str, float] = field(default_factory=dict)
    # Blocks a rule found and the guard kept (block index -> rule id): furniture by the rule's
    # reading, kept because the rule would have taken most of the prose. The detector does not let
    # them displace the article (detect.detect, Gaps.guarded).
    guarded: dict[int, str] = field(default_factory=dict)

    def warn(self, warning: CleanWarning) -> None:
        """Add `warning` unless its rule has one of its code already: a rule that the guard stops
        pass after pass, or again over the kept blocks, is one warning, the first."""
        if not any(w.code == warning.code and w.rule == warning.rule for w in self.warnings):
            self.warnings.append(warning)


@dataclass(frozen=True)
class Layout:
    """Where the article body sits among the blocks still kept."""

    first_anchor: int
    last_anchor: int
    lead_end: int = -1  # the last paragraph of the lead (`where = "lead"`)

    def allows(self, rule: Rule, index: int) -> bool:
        if rule.where == "head":
            return index < self.first_anchor
        if rule.where == "tail":
            return index > self.last_anchor
        if rule.where == "lead":
            return index <= self.lead_end
        return True


def is_prose(block: Block) -> bool:
    """A paragraph of PROSE_MIN_CHARS or more, as wide as it reads (a Chinese character as three)."""
    text = block.text
    # Hot (77,000 calls a pass over the text-all dumps): most blocks are decided by their length, or
    # as ASCII, without a call.
    if len(text) >= PROSE_MIN_CHARS:
        # An address or a run of code is long without words (`274. https://web.whatsapp.com/...`).
        return text.count(" ") >= PROSE_MIN_SPACES or not text.isascii()
    return len(text) >= CJK_PROSE_MIN_CHARS and not text.isascii() and reading_width(text) >= PROSE_MIN_CHARS


@dataclass(frozen=True)
class Guard:
    """Measures how much of the article a rule would take: its share of the document's prose.

    Second copies of duplicated passages are left out of the measure: a passage scraped twice is
    not twice the article, and counting it would let the cleaning of a clean text (where the copy
    is gone) decide differently from the first cleaning. A document with no prose is measured by
    all of its text.
    """

    total: int
    counted: frozenset[int]

    @classmethod
    def for_blocks(cls, blocks: Sequence[Block], memo: DedupMemo | None = None) -> Guard:
        from .dedup import find_duplicates

        copies = {d.index for d in find_duplicates(blocks, memo, keep_forms=False)}
        originals = [b for b in blocks if b.index not in copies]
        prose = [b for b in originals if is_prose(b)] or originals
        return cls(sum(len(b.text) for b in prose), frozenset(b.index for b in prose))

    @staticmethod
    def floor(blocks: Sequence[Block], may_be_copies: Collection[int]) -> int:
        """A number of characters the guard's total reaches, known without finding the duplicates:
        the prose of the blocks that cannot be second copies (when there is any, the total is the
        prose of all originals, these among them)."""
        return sum(len(b.text) for b in blocks if is_prose(b) and b.index not in may_be_copies)

    def measure(self, blocks: Sequence[Block], indexes: Iterable[int]) -> int:
        return sum(len(blocks[i].text) for i in indexes if i in self.counted)


class Kept(list[Block]):
    """The blocks still kept, in order, and where each stands among them; `everything` is all of
    the document's blocks, removed ones included."""

    everything: Sequence[Block]

    @classmethod
    def of(cls, everything: Sequence[Block], removed: Collection[int]) -> Kept:
        kept = cls([b for b in everything if b.index not in removed])
        kept.everything = everything
        return kept

    @cached_property
    def position_of(self) -> dict[int, int]:
        return {block.index: position for position, block in enumerate(self)}


def layout_of(kept: Sequence[Block]) -> Layout:
    # Only the first and the last prose block matter: look from each end.
    prose = (b for b in kept if is_prose(b))
    first_block = next(prose, None)
    if first_block is not None:
        # A long headline is prose by length, but the body starts after it (its date line is the head's).
        if is_long_headline(first_block.text):
            first_block = next(prose, first_block)
        return Layout(first_block.index, next(b.index for b in reversed(kept) if is_prose(b)),
                      _lead_end(kept, first_block.index))
    if not kept:
        return Layout(0, -1)
    longest = max(kept, key=lambda b: (len(b.text), -b.index))
    return Layout(longest.index, longest.index, _lead_end(kept, longest.index))


def _lead_end(kept: Sequence[Block], first_anchor: int) -> int:
    position = bisect_left(kept, first_anchor, key=lambda b: b.index)
    return kept[min(position + LEAD_REACH, len(kept) - 1)].index


def is_long_headline(text: str) -> bool:
    """A first prose block that does not end like a sentence (nor a clause): a headline long enough
    to count as prose, above the body rather than its start."""
    return len(text) <= LONG_HEADLINE_MAX_CHARS and not ends_with(text, CLAUSE_ENDS)


def match_packs(ruleset: RuleSet, url: str | None, lines: Sequence[str],
                fingerprint_filters: Mapping[str, Prefilter | None] | None = None) -> list[PackMatch]:
    """The packs that apply to a document: generic ones, those of the url's domain, and those whose
    fingerprint one of its `lines` holds (a text's paragraphs, or an HTML page's visible lines).
    `fingerprint_filters` (pack id -> RE2 prefilter of its fingerprints) spares the `regex`
    module the documents where no fingerprint can be found."""
    matches: list[PackMatch] = []
    filters = fingerprint_filters or {}
    joined: str | None = None  # one string for every prefilter, made when first needed
    for pack in ruleset.packs:
        if pack.generic:
            matches.append(PackMatch(pack, "generic"))
        elif domain := pack.domain_match(url):
            matches.append(PackMatch(pack, "domain", domain))
        elif pack.fingerprints:
            # The wider RE2 forms ignore line boundaries, so one search of the joined lines rules out all of them.
            prefilter = filters.get(pack.id)
            if prefilter is not None:
                joined = "\n".join(lines) if joined is None else joined
                if not prefilter.may_find(joined):
                    continue
            if fingerprint := _fingerprint(pack, lines):
                matches.append(PackMatch(pack, "fingerprint", fingerprint))
    return matches


def _fingerprint(pack: Pack, lines: Sequence[str]) -> str | None:
    for pattern in pack.fingerprints:
        for line in lines:
            try:
                # Positional arguments: a keyword `timeout` costs more than the search of a short line.
                if pattern.search(line, 0, None, None, False, RULE_SECONDS_PER_DOCUMENT):
                    return pattern.pattern
            except TimeoutError:
                return None
    return None


def rules_in_order(packs: Sequence[PackMatch]) -> list[Rule]:
    """The text rules of the packs in the order a pass applies them: by kind (KIND_RANK), then as
    the packs and their files list them (the sort is stable)."""
    return sorted((rule for match in packs for rule in match.pack.rules if rule.kind in KIND_RANK),
                  key=lambda rule: KIND_RANK[rule.kind])


def apply_pass(blocks: Sequence[Block], rules: Sequence[Rule], state: RuleState, budget: float,
               guard: Guard | Callable[[], Guard], matches: BlockMatches | None = None, guard_floor: int = 0) -> bool:
    """One pass of `rules` (rules_in_order of the active packs, made once for all passes) over the
    blocks not yet removed; True when it removed any. The caller leaves out the rules the scan found
    no block for, once for all passes (_settle_passes); one that came here would be passed over as
    a rule whose blocks are all gone.

    `guard` may be a function that makes it: it is needed only once a rule finds something, and
    not even then when the rule's blocks are no more than MAX_RULE_PROSE_SHARE of `guard_floor`,
    a number of characters the guard's total is known to reach (see Guard.floor).
    `matches` remembers what the rules matched in earlier passes over the same blocks."""
    guard_of = guard if callable(guard) else lambda: guard
    if matches is None:
        matches = BlockMatches(RuleScanner.for_rules(()))
    changed = False
    kept: Kept | None = None
    layout = Layout(0, -1)
    candidates, removed = matches.candidates, state.removed
    for rule in rules:
        can_match = candidates(rule)
        if rule.id in state.disabled or (can_match is not None and all(i in removed for i in can_match) and (
                rule.kind != "cut" or not _marker_removed(rule, can_match, blocks, state, budget, matches))):
            continue  # every block it can match is gone (for a cut, every marker with text after it too)
        if kept is None:  # the kept blocks and their layout change only when a rule removes
            kept = Kept.of(blocks, removed)
            layout = layout_of(kept)
        before = len(state.removed)
        if _apply_rule(rule, blocks, kept, layout, state, budget, guard_of, matches, guard_floor):
            changed = True
        if len(state.removed) != before:
            kept = None
    return changed


def _marker_removed(rule: Rule, can_match: Collection[int], blocks: Sequence[Block], state: RuleState,
                    budget: float, matches: BlockMatches) -> bool:
    """Whether a cut's marker is among the removed blocks with something kept after it: the cut
    may still take what follows it."""
    removed = state.removed
    last_kept = next((i for i in range(len(blocks) - 1, -1, -1) if i not in removed), -1)
    timeout = max(budget - state.seconds.get(rule.id, 0.0), 1e-3)
    try:
        return any(matches.match(rule, blocks[i], timeout) for i in can_match if i < last_kept)
    except TimeoutError:
        return True  # the rule runs, meets its budget there, and is reported


def _apply_rule(rule: Rule, blocks: Sequence[Block], kept: Kept, layout: Layout, state: RuleState,
                budget: float, guard_of: Callable[[], Guard], matches: BlockMatches, guard_floor: int = 0) -> bool:
    remaining = budget - state.seconds.get(rule.id, 0.0)
    matcher = Matcher(rule, matches, max(remaining, 1e-3))
    if matcher.candidates is not None and not matcher.candidates:
        return False  # the scan found no block this rule can match
    finder = FINDERS[rule.kind]
    if rule.where == "tail":
        tail = _timed(rule, state, budget, lambda: _tail_layout(kept, layout, matcher))
        if tail is None:
            return False
        layout = tail
    first = _timed(rule, state, budget, lambda: finder(rule, kept, layout, matcher))
    if first is None:
        return False
    found, values = first
    # A cut the guard stops at its marker is asked again past that marker: a comment count between
    # the lead and the rest of the article (`3 Comments`) comes before the thread's own heading.
    # Having met the rule's marker inside the article, the guard takes a later one only after a
    # whole article (_article_stands_before), even for a cut within its share.
    objection = _guard_refusal(rule, blocks, found, kept, state, guard_of, guard_floor) if found else None
    refused, objected_to = objection is not None, found
    while refused and rule.kind == "cut":
        past = found[0]
        later = _timed(rule, state, budget, lambda: _find_cut(rule, kept, layout, matcher, past=past))
        if later is None:
            return False
        found, values = later
        refused = bool(found) and (not _article_stands_before(rule, found, kept, guard_of())
                                   or _guard_refusal(rule, blocks, found, kept, state, guard_of, guard_floor) is not None)
    if objection is None:
        if not found:
            return False
        # A rule the guard stopped in an earlier pass and that now applies: its warning no longer holds.
        state.warnings[:] = [w for w in state.warnings if not (w.code == "guard" and w.rule == rule.id)]
        if rule.id in state.guarded.values():
            state.guarded = {index: by for index, by in state.guarded.items() if by != rule.id}
    elif refused or not (found or rule.id in state.removed.values()):
        _stop(rule, state, "guard", f"{objection}; kept")
        for index in objected_to:
            state.guarded.setdefault(index, rule.id)
        return False
    else:
        # The cut goes from a later marker, now or in an earlier pass. The early marker's refusal
        # stays on record, so the kept blocks are asked again as a second cleaning would (settle).
        state.warn(CleanWarning("guard", f"{objection} from its first marker; it cuts from a later one", rule.id))
        if not found:
            return False
    for index in found:
        state.removed[index] = rule.id
    for name, value in values.items():
        state.metadata.setdefault(name, value)
    return True


T = TypeVar("T")


def _timed(rule: Rule, state: RuleState, budget: float, find: Callable[[], T]) -> T | None:
    """What `find` returns, its time added to the rule's; None when the rule ran out of its budget
    for this document, which disables it here and says so in a warning."""
    started = time.perf_counter()
    try:
        return find()
    except TimeoutError:
        _stop(rule, state, "rule-timeout", f"rule {rule.id} ran out of its {budget:g} s time budget; not applied")
        state.disabled.add(rule.id)  # out of time for this document: not asked again
        return None
    finally:
        state.seconds[rule.id] = state.seconds.get(rule.id, 0.0) + time.perf_counter() - started


def _guard_refusal(rule: Rule, blocks: Sequence[Block], found: list[int], kept: Kept, state: RuleState,
                   guard_of: Callable[[], Guard], guard_floor: int) -> str | None:
    """What the guard holds against what the rule found (what it took in earlier passes counted
    in), or None when it may go."""
    taken = [i for i, r in state.removed.items() if r == rule.id]
    # The guard counts at most the text of the rule's blocks, and only their prose when the
    # document has prose that cannot be a copy (guard_floor > 0: the guard then counts prose
    # alone). When even that is within the share of a total the guard is known to reach, the guard
    # cannot object, and is not built.
    if sum(len(blocks[i].text) for i in chain(taken, found)
           if not guard_floor or is_prose(blocks[i])) <= MAX_RULE_PROSE_SHARE * guard_floor:
        return None
    guard = guard_of()
    already, adding = guard.measure(blocks, taken), guard.measure(blocks, found)
    share = (already + adding) / guard.total if guard.total else 1.0
    if adding and share > MAX_RULE_PROSE_SHARE and not _article_stands_before(rule, found, kept, guard) \
            and not _article_stands_beside(rule, found, kept, guard):
        return f"rule {rule.id} would remove {share:.0%} of the document's prose"
    return None


def _article_stands_before(rule: Rule, found: list[int], kept: list[Block], guard: Guard) -> bool:
    """A cut may take more than half the prose when a whole article stands before its marker.

    Comment threads often outgrow the article they follow; the share rule alone would keep every
    long thread. What the guard must prevent is a marker met early (a comment counter under the
    lead) cutting the article itself, so the cut goes ahead only past a real article's worth of prose.
    """
    if rule.kind != "cut":
        return False
    return _is_whole_article([b for b in kept if b.index < found[0] and b.index in guard.counted and is_prose(b)])


def _article_stands_beside(rule: Rule, found: list[int], kept: list[Block], guard: Guard) -> bool:
    """A run of teasers may take more than half the prose when a whole article stays beside it.

    A teaser carousel above a short report (ten cut-off excerpts of other stories, each of them
    prose by length) outweighs the report. A run is a shape no article paragraph takes: the rule
    needs `min_run` matches together, and an article's own paragraph that trails off stands alone.
    So the run goes ahead when what it leaves is still a real article's worth of prose.
    """
    if rule.kind != "line" or rule.min_run < 2:
        return False
    taken = set(found)
    return _is_whole_article([b for b in kept if b.index not in taken and b.index in guard.counted and is_prose(b)])


def _is_whole_article(prose: list[Block]) -> bool:
    """A real article's worth of prose paragraphs: the guard's measure for what a rule leaves."""
    return len(prose) >= CUT_MIN_ARTICLE_BLOCKS and sum(len(b.text) for b in prose) >= CUT_MIN_ARTICLE_CHARS


def _stop(rule: Rule, state: RuleState, code: str, message: str) -> None:
    """Take back what a rule removed from this document, and say why in a warning.

    A rule the guard stopped is asked again in the next pass, once other removals may have shrunk
    what it would take (a comment cut that reached over a footer); the guard measures every attempt.
    """
    for index in [i for i, r in state.removed.items() if r == rule.id]:
        del state.removed[index]
    state.warn(CleanWarning(code, message, rule.id))


Found = tuple[list[int], dict[str, str]]


class Matcher:
    """One rule's view of the document's matches: whether it matches a block, within its time budget."""

    def __init__(self, rule: Rule, matches: BlockMatches, timeout: float) -> None:
        self.rule, self.matches, self.timeout = rule, matches, timeout
        self.candidates = matches.candidates(rule)  # None: the scan rules out no block

    def __call__(self, block: Block) -> Any:
        if self.candidates is not None and block.index not in self.candidates:
            return None
        return self.matches.match(self.rule, block, self.timeout)

    def among(self, kept: Kept) -> list[Block]:
        """The kept blocks the rule may match, in order (the scan rules out the others)."""
        if self.candidates is None:
            return kept
        return [kept[p] for p in self.positions(kept)]

    def among_all(self, blocks: Sequence[Block]) -> Sequence[Block]:
        """All blocks the rule may match, removed ones included, in order (`blocks[i].index == i`)."""
        if self.candidates is None:
            return blocks
        return [blocks[i] for i in sorted(self.candidates)]

    def positions(self, kept: Kept) -> Iterable[int]:
        """The positions in `kept` of the blocks the rule may match, in order."""
        if self.candidates is None:
            return range(len(kept))
        # Candidates are few and kept blocks many: look the candidates up, not every block.
        position_of = kept.position_of
        return sorted(position_of[i] for i in self.candidates if i in position_of)


def _find_lines(rule: Rule, kept: Kept, layout: Layout, match: Matcher) -> Found:
    if rule.min_run > 1:
        return _find_line_runs(rule, kept, layout, match)
    return [b.index for b in match.among(kept) if layout.allows(rule, b.index) and match(b)], {}


def _find_line_runs(rule: Rule, kept: Kept, layout: Layout, match: Matcher) -> Found:
    """Matches that stand at least `min_run` together (truncated teasers of other stories).

    Two matches are together when they are next to each other among the kept blocks, or when no
    more than RUN_MAX_TITLES short title-like blocks stand between them (a teaser's date, the next
    teaser's title), which go with them; so does the title-like block before the first match of
    such a run (the first teaser's title). Matches next to each other (a ticker: title and excerpt
    on one line) take nothing before them.
    A lone match, such as an article's own paragraph that trails off, is never taken."""
    found: list[int] = []
    run: list[int] = []  # positions in `kept`: matches, and the title lines between them
    matches = 0

    def close_run() -> None:
        if matches < rule.min_run:
            return
        # Cards (a title, then its excerpt): the first card's title stands before the first match.
        if len(run) > matches and run[0] > 0 and _is_list_item(kept[run[0] - 1], rule):
            found.append(kept[run[0] - 1].index)
        found.extend(kept[p].index for p in run)

    for position in match.positions(kept):
        if not (layout.allows(rule, kept[position].index) and match(kept[position])):
            continue
        between = range(run[-1] + 1, position) if run else range(0)
        if len(between) <= RUN_MAX_TITLES and all(_is_list_item(kept[p], rule) for p in between):
            run.extend(between)
        else:
            close_run()
            run, matches = [], 0
        run.append(position)
        matches += 1
    close_run()
    return found, {}


def _tail_layout(kept: Kept, layout: Layout, match: Matcher) -> Layout:
    """For a tail rule (of any kind), the article body ends at its last prose block that the rule
    does not match.

    A footer line long enough to count as prose (`The contents of this site are ©2019 Capitol Hill
    Publishing Corp., a subsidiary of ...`) would otherwise be the body's last anchor, and nothing
    after the body could ever be that line itself. Without prose the layout stays as it was."""
    for block in reversed(kept):
        if is_prose(block) and not match(block):
            return replace(layout, last_anchor=block.index)
    return layout


def _find_field(rule: Rule, kept: Kept, layout: Layout, match: Matcher) -> Found:
    for block in match.among(kept):
        if layout.allows(rule, block.index) and (found := match(block)):
            value = found.group("value").strip() if not isinstance(found, bool) else block.text
            return [block.index], {rule.field or "": value}
    return [], {}


def _find_runs(rule: Rule, kept: Kept, layout: Layout, match: Matcher) -> Found:
    found: list[int] = []
    end = 0  # the position in `kept` after the last run: a list item is no heading
    for position in match.positions(kept):
        heading = kept[position]
        if position < end or not (layout.allows(rule, heading.index) and match(heading)):
            continue
        found.append(heading.index)
        end = position + 1
        while end < len(kept) and _is_list_item(kept[end], rule):
            found.append(kept[end].index)
            end += 1
        if end - 1 > position and end < len(kept) and _is_crosshead(kept[end - 1], kept[end:end + CROSSHEAD_REACH]):
            found.pop()  # the article goes on under its own sub-heading, which ended the list
    return found, {}


def _is_crosshead(item: Block, following: Sequence[Block]) -> bool:
    """A run's last title is the article's sub-heading when prose follows it and holds every one of
    its words (`'Not a guarantee'` above a paragraph quoting "it is not a guarantee"). A related
    story's title names another story's words; a sub-heading names what comes next."""
    if not following or not is_prose(following[0]):
        return False
    words = {word for word in WORD.findall(item.text.casefold()) if len(word) >= CROSSHEAD_MIN_WORD}
    if not words:
        return False
    return words <= set(WORD.findall(" ".join(block.text for block in following).casefold()))


def _is_list_item(block: Block, rule: Rule) -> bool:
    """A title under a run's heading: short, and not ending with a full stop (FULL_STOPS). A line
    of prose length that ends with a colon is no title either: it is an article announcing what follows
    (`HAYWARD, Calif. (AP) — The Latest on a deadly stabbing ... (all times local):`). Nor is a row
    of a table (`1 Kyle Busch 5040 5 1 17 27`): an article of results under a site's `Latest
    headlines` went with the run."""
    text = block.text
    return len(text) <= rule.max_item_chars and not text.endswith(FULL_STOPS) and not (
        text.endswith(":") and is_prose(block)) and not (THREE_NUMBERS.search(text) and _is_table_row(text))


def _is_table_row(text: str) -> bool:
    """TABLE_ROW_MIN_FIGURES cells or more that are figures (`5040`, `-3`, `12.5%`), and more of
    them than of other words: a headline names a year, a score or a count, not a row of them, and
    a time or a date (`11:15 05.10.18`) is no figure."""
    cells = text.split()
    figures = sum(1 for cell in cells if TABLE_FIGURE.fullmatch(cell))
    return figures >= TABLE_ROW_MIN_FIGURES and 2 * figures > len(cells)


def _find_cut(rule: Rule, kept: Kept, layout: Layout, match: Matcher, past: int = -1) -> Found:
    """Everything kept from the marker on. The marker may be a block an earlier rule already took
    (a run of related titles that ends in `Show Comments`): it keeps that rule's reason, and what
    follows it still goes with the cut. `past` is a block index the marker must come after (the
    first block of a cut the guard stopped)."""
    # A cut never starts before the article has: the marker must follow the body's first prose
    # paragraph (past a long headline, whose menu below it may hold `About Us`).
    # Without prose the layout's anchor is the longest block, which is no prose: no article, no cut.
    first_prose = layout.first_anchor
    if not kept or not is_prose(kept.everything[first_prose]):
        return [], {}
    for block in match.among_all(kept.everything):
        if block.index > max(first_prose, past) and layout.allows(rule, block.index) and match(block):
            position = bisect_left(kept, block.index, key=lambda b: b.index)
            marker_kept = position < len(kept) and kept[position].index == block.index
            after = position + marker_kept
            if (rule.article_may_follow or rule.subject_follows) and _between_paragraphs(
                    block, kept[position - 1] if position else None, kept[after] if after < len(kept) else None):
                if rule.subject_follows and not _names_subject(block, kept[after], match):
                    continue  # the article's own sub-heading (`About Face`): it stays
                if rule.article_may_follow:
                    if marker_kept:  # the marker alone goes; the next pass looks for a cut past it
                        return [block.index], {}
                    continue
            return [b.index for b in kept[position:]], {}
    return [], {}


def _between_paragraphs(marker: Block, before: Block | None, after: Block | None) -> bool:
    """Whether a short marker stands right between two kept prose paragraphs (the kept blocks
    `before` and `after` it), inside the article: a comment link, a photo's copyright line.

    What such a marker starts on a page never opens with a paragraph: a thread opens with a name,
    a date, a sort control or a form, and a legal line closes a footer of links. A block that an
    earlier rule removed next to the marker (`Inline Feedbacks`, a form's `Name *`) is such a
    neighbour too, and the cut goes on.
    """
    return (before is not None and after is not None and not is_prose(marker)
            and before.index == marker.index - 1 and after.index == marker.index + 1
            and is_prose(before) and is_prose(after))


def _names_subject(marker: Block, paragraph: Block, match: Matcher) -> bool:
    """Whether `paragraph` names the subject the marker names (the first word of the rule's
    `subject` group): a release's `About Acme` is followed by `Acme is a ...`. The scan tells only
    that the marker matched, so its pattern reads the (short) marker again for the group."""
    pattern = match.rule.pattern
    text = match.matches.read_as.get(marker.index, marker.text)
    found = pattern.fullmatch(text, timeout=match.timeout) if pattern is not None else None
    subject = WORD.search(found.group("subject") or "") if found else None
    return subject is None or subject.group().casefold() in WORD.findall(paragraph.text.casefold())


def _find_cards(rule: Rule, kept: Kept, layout: Layout, match: Matcher) -> Found:
    """Teaser cards: title, summary, marker (`Read More`), repeated; the rule's marker closes each card.

    A marker met fewer than CARDS_MIN times is left to the line rules. A card takes the summary
    before its marker only when a title-like line stands right before that summary, the shape of a
    card; an article's own last paragraph, preceded by another paragraph, is never taken.
    """
    markers = [p for p in match.positions(kept) if layout.allows(rule, kept[p].index) and match(kept[p])]
    if len(markers) < CARDS_MIN:
        return [], {}
    marked = set(markers)
    found: list[int] = []
    for position in markers:
        found.append(kept[position].index)
        summary, title = position - 1, position - 2
        if title >= 0 and summary not in marked and title not in marked and _is_list_item(kept[title], rule):
            found.extend((kept[title].index, kept[summary].index))
    return sorted(set(found)), {}


FINDERS: dict[str, Callable[[Rule, Kept, Layout, Matcher], Found]] = {
    "cards": _find_cards,
    "line": _find_lines,
    "field": _find_field,
    "run": _find_runs,
    "cut": _find_cut,
}
