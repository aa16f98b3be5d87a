"""Finds where the article is among a document's blocks and names the furniture around it.

Rules know the furniture of sites someone wrote rules for; this detector works on any site, from
features of the text alone (jusText's idea, over blocks that may come from text or from HTML):

1. Every block gets features: length, words, share of stop words, whether it ends like a sentence
   (cleaner/block_features.py).
2. A block is `prose` (long, reads like sentences), `sentence` (short, but a sentence) or `short`
   (a menu entry, a title, a button, a credit).
3. The article core is the run of blocks with the highest score, where prose counts for its length
   and short blocks against it (the maximum-sum run; Finn et al.'s body-text extraction). A short
   line between two article paragraphs costs little next to them, so sub-headlines stay inside.
4. Decisions, each with its own id, recorded with the feature that decided it:
   - `detect.head`: blocks before the core, except the headline directly above it.
   - `detect.tail`: blocks after the core (related lists, footers, menus).
   - `detect.feed`: the end of the core, from the first of a feed's repeated section labels on
     (feed_start): teasers of other stories read as prose, so the core reached over them.
   - `detect.link-run`: inside the core, a run of at least LINK_RUN_MIN short title-like blocks (a
     list of links or a menu between two parts of the article); not a list that the paragraph
     or short sentence before it announces with a colon, nor an interview's `Q:` / `A:` turns.
5. What the article announces or ends with stays: numbered lists, lists and tables after a colon,
   a list in lower case after a line of its own that announces it, records written to one template,
   a short fact box of figures (cleaner/article_bounds.py, with the feeds and other stories'
   headlines that end the article before its core does).
6. A guard: the detector never removes more than MAX_DETECT_CONTENT_SHARE of the content it was
   given (prose, rows of data, list items), and does nothing on a document with too little prose
   to tell the article from the rest.

7. What was removed before (by rules, as copies, by an earlier pass) stands between the blocks
   as gaps that a run pays to reach over (gap_costs): removing a furniture line never lets the
   core reach further than the line did while it stood.

The detector is a pure function of the blocks it is given and the gaps between them, so the
pipeline can run it in every settling pass; once it removes nothing, from the blocks with their
gaps and from the blocks alone, cleaning the output again removes nothing either.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import NamedTuple

from .article_bounds import (BULLETED, ENUMERATED, LINK_RUN_MIN, LIST_ITEM_MIN_WORDS, MIN_CORE_PROSE_CHARS,
                             announced_lists, announces_list, article_list_end, feed_start, is_fact_box, lead_list_start,
                             teasers_start)
from .block_features import (BARE_URL, FIGURE_RUN_MIN, PROSE_MIN_WORDS, SHORT_MIN_COST, TOPIC_MIN_WORDS, DetectMemo,
                             Features, figure_columns, shares_topic)
from .document import Block, CleanWarning
from .engine import RuleState
from .markdown import HEADING
from .words import is_title_cased

# A block already removed (by a rule, duplicate collapse or an earlier pass) stands in the core
# search as the short line it was, at a cost of at most REMOVED_MAX_COST: removing a furniture
# line (`Follow`, `Sign in`) must not let the core reach over it to what the line kept apart.
# Furniture around the article comes in runs of lines, and each line of a run counts. The cap
# lets a rule bridge the article where a line stood inside it: a long promo (`More: <a teaser's
# title>`) costs no more than two menu entries, so the closing sentence after it stays. Between
# two paragraphs of prose, the first ending like a sentence, all that was removed costs no more
# than one short line (detect).
REMOVED_MAX_COST = 2 * SHORT_MIN_COST
# A headline: a short block directly above the article, no longer than this, that does not end
# like a sentence. It stays (a title is part of the article the reader wants).
HEADLINE_MAX_CHARS = 200
# A line that is only an address (BARE_URL: a share panel's link to the page) is never the
# headline, nor is a line with a clock time, a full date or a social handle in it: a byline's or a
# time stamp's (`November 20, 2019 / 1:07 AM / CBS News`, `Catherine Shu @catherineshu / 2 days`). A
# time counts with its `am`/`pm`/`Uhr` only: a headline may hold `3:10` (`3:10 to Yuma`).
STAMP = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|uhr\b)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|(?:^|\s)@\w{2,}",
    re.I)
# A block in a link run has at most this many words (titles of teasers, menu entries).
LINK_ITEM_MAX_WORDS = 14
# An interview's turns (`Q: Favorite apps?` / `A: Uber Eats`) are short lines in a run, but no menu
# or list of teasers labels its entries as questions and answers.
INTERVIEW_TURN = re.compile(r"^(?:Q|A|Question|Answer)\s?[:.]\s", re.I)
# An entry of lynx's numbered list of link addresses (`44. javascript:loadVideo('...', ...)`).
LINK_REFERENCE = re.compile(r"\d{1,5}\. [a-z][a-z0-9+.-]{1,20}:")
# The guard: never remove more than this share of the content given: prose, rows of data and list
# items (the article is at least half of a page's content, or the detector has picked the wrong
# region and must stop). Data and lists count because a table or a fact box is as much the article
# as its paragraphs, though neither reads as prose; menus are short title-like lines, neither.
MAX_DETECT_CONTENT_SHARE = 0.5


class Decision(NamedTuple):
    """One block the detector removes, the id of the decision and what decided it."""

    index: int
    rule: str
    detail: dict[str, float | int | str]


@dataclass(frozen=True)
class Detection:
    decisions: list[Decision] = field(default_factory=list)
    warning: str | None = None


def densest_run(weights: Sequence[float], gaps: Mapping[int, float] | None = None) -> tuple[int, int, float]:
    """[start, end] of the run with the highest sum (the earliest of equal ones) and that sum.

    `gaps`: position -> what a run pays to reach it from the position before (removed blocks)."""
    best = (0, -1, float("-inf"))
    start, total = 0, 0.0
    for position, weight in enumerate(weights):
        if gaps:
            total -= gaps.get(position, 0.0)
        if total <= 0:
            start, total = position, 0.0
        total += weight
        if total > best[2]:
            best = (start, position, total)
    return best


def _opens_article(features: Features) -> bool:
    """A paragraph before a gap that the article reaches over: prose, or a long sentence, ending like one."""
    return features.sentence_end and (features.kind == "prose"
                                      or features.kind == "sentence" and features.words >= PROSE_MIN_WORDS)


def is_headline(block: Block, features: Features) -> bool:
    return (features.words >= 2 and len(block.text) <= HEADLINE_MAX_CHARS and not features.sentence_end
            and not BARE_URL.fullmatch(block.text) and not STAMP.search(block.text))


def is_link_item(block: Block, features: Features) -> bool:
    """A short title-like block; a numbered one is a step of the article's own list, a labelled
    question or answer a turn of an interview."""
    return (features.kind == "short" and 1 <= features.words <= LINK_ITEM_MAX_WORDS
            and not ENUMERATED.match(block.text) and not INTERVIEW_TURN.match(block.text))


def detect(kept: Sequence[Block], memo: DetectMemo | None = None, gaps: Gaps | None = None, *,
           alone_too: bool = False) -> Detection:
    """The blocks among `kept` (in order) that are furniture around the article, and why.

    `memo` keeps what was computed from the texts for later calls on the same document; `gaps`
    says what stood between two kept blocks and was removed (see gap_costs). `alone_too`: where
    the gaps leave nothing to remove, ask again of the kept blocks alone, as a cleaning of the
    clean text (which holds no gaps) would; the answer is the same wherever the gaps did not move
    the core, which two more maximum-sum runs tell."""
    memo = memo or DetectMemo()
    texts = [b.text for b in kept]
    known = memo.is_known_language(texts)
    features = memo.block_features(texts, known)
    if memo.figures and sum(map(memo.figures.__contains__, texts)) >= FIGURE_RUN_MIN:
        features = figure_columns(texts, features, memo.figures)
    prose = sum(f.chars for f in features if f.kind == "prose")
    if prose < MIN_CORE_PROSE_CHARS:
        return Detection()
    # What was removed from between two paragraphs of prose stood inside the article (a newsletter
    # box, a related link): reaching over it costs the run no more than a sub-heading does. The
    # first must end like a sentence: a long headline reads as prose too, and furniture under it
    # is the page's header. A paragraph of PROSE_MIN_WORDS words or more that ends like a sentence
    # counts as the first even when it holds too few stop words for prose: a lead in a language
    # that writes few (`Dewan kota pada hari Selasa menyetujui anggaran baru ...`) went with the
    # page's header once a cookie banner under it was removed.
    costs = {position: min(cost, SHORT_MIN_COST)
             if features[position].kind == "prose" and _opens_article(features[position - 1]) else cost
             for position, cost in gaps.costs.items()} if gaps else {}
    furniture = gaps.furniture if gaps else set()
    search = _search(kept, features, costs, known, furniture, memo)
    # What a rule found and the guard kept (a site's cookie policy or its rules for comments under
    # a short article) is less than half the page's prose, or the guard would not have kept it, and
    # yet it can outweigh the article. Where it makes up most of the core, the core is searched for
    # again with it as the furniture the rule read; that answer stands if the first one would have
    # removed the article it finds.
    guarded = gaps.guarded if gaps else frozenset()
    if guarded and _mostly_guarded(search.first_look, features, guarded):
        weighed = _search(kept, features, costs, known, furniture, memo, guarded)
        first, last, _ = weighed.core
        taken = {d.index for d in search.detection.decisions}
        if any(kept[p].index in taken for p in range(first, last + 1) if weighed.features[p].kind == "prose"):
            search = weighed
    detection = search.detection
    if alone_too and costs and not detection.decisions and (
            densest_run(search.first_weights)[:2] != search.first_look[:2]
            or densest_run(search.second_weights)[:2] != search.core[:2]):
        return detect(kept, memo, Gaps({}, set(), guarded) if guarded else None)
    return detection


class _Search(NamedTuple):
    """One search for the core: both looks' weights and runs, and the decisions around it."""

    first_weights: list[float]
    first_look: tuple[int, int, float]
    second_weights: list[float]
    core: tuple[int, int, float]
    features: list[Features]
    detection: Detection


def _search(kept: Sequence[Block], features: Sequence[Features], costs: Mapping[int, float], known: bool,
            furniture: Set[int], memo: DetectMemo, guarded: Set[int] = frozenset()) -> _Search:
    """The core found in two looks, and the decisions around it (_decide); `guarded` blocks weigh
    as furniture (_weights)."""
    first_weights = _weights(features, guarded)
    first_look = densest_run(first_weights, costs)
    first, last, _ = first_look
    # Second look: short blocks on the article's topic count for it, and the core is found again.
    vocabulary = set().union(*(memo.content_words(kept[p].text) for p in range(first, last + 1)
                               if features[p].kind == "prose"))
    # (A block of fewer words than TOPIC_MIN_WORDS has fewer content words: no need to look.)
    # So do the items of a list the article announces, and the line that announces it.
    announced = announced_lists(kept, features)
    # (Not a teaser card: one that prints the article's own title twice is on its topic, and another story's.)
    features = [f.as_kind("topic") if f.kind == "short" and (position in announced or f.words >= TOPIC_MIN_WORDS
                and shares_topic(b.text, vocabulary, memo)) and b.text not in memo.cards else f
                for position, (b, f) in enumerate(zip(kept, features))]
    second_weights = _weights(features, guarded)
    core = densest_run(second_weights, costs)
    first, last, score = core
    detection = _decide(kept, features, first, last, score, known, furniture, memo, vocabulary, guarded)
    return _Search(first_weights, first_look, second_weights, core, features, detection)


def _mostly_guarded(run: tuple[int, int, float], features: Sequence[Features], guarded: Set[int]) -> bool:
    """Whether most of the prose in the run [first, last] is in guarded positions."""
    first, last, _ = run
    prose = [(position, f.chars) for position, f in enumerate(features[first:last + 1], first) if f.kind == "prose"]
    return 2 * sum(chars for position, chars in prose if position in guarded) > sum(chars for _, chars in prose)


def _weights(features: Sequence[Features], guarded: Set[int]) -> list[float]:
    """Each block's weight in the core search; a `guarded` block (one a rule found and the guard
    kept: Gaps.guarded) weighs as the furniture line the rule read it as, at the cost of a removed
    one: it stays in the text, but it is not what the article is."""
    if not guarded:
        return [f.weight for f in features]
    # (gap_costs writes the same cost inline: it runs for every removed block of every detection.)
    return [-min(max(f.chars, SHORT_MIN_COST), REMOVED_MAX_COST) if position in guarded else f.weight
            for position, f in enumerate(features)]


def _decide(kept: Sequence[Block], features: Sequence[Features], first: int, last: int, score: float,
            known: bool, furniture: Set[int], memo: DetectMemo, vocabulary: Set[str],
            guarded: Set[int] = frozenset()) -> Detection:
    """The decisions around the core [first, last] (the second look's), held by the guard; `memo`
    holds the texts it read as teaser cards and their content words, `vocabulary` the content
    words of the first look's prose (the topic). `guarded`: the positions of blocks the guard kept
    from a rule (Gaps.guarded)."""
    feed = feed_start(kept, features, first, last)
    core_last = last
    if feed:
        last = feed[0] - 1
    last = teasers_start(kept, features, first, last) - 1
    prose_end, last = last, article_list_end(kept, features, last)
    # (The list above the core, like the one after it, is never searched for link runs.)
    prose_start, first = first, lead_list_start(kept, features, first, last)
    core = {"core_start": kept[first].start, "core_end": kept[last].end, "core_score": round(score)}
    decisions: list[Decision] = []
    head_end = first
    # The headline directly above the core stays, unless the core starts with it: a headline on
    # the article's topic counts for the core, and what stands above it is the page's. Where a rule
    # took furniture from between the two, the line above stood apart from the article on the page
    # (a menu's `Search form` over a `Search` button), and stays only if it names what the article
    # is about, as a headline over a byline or a date stamp does. Only where words can be told
    # apart by spaces and stop words (`known`): a Chinese headline is one token.
    if first > 0 and is_headline(kept[first - 1], features[first - 1]) and features[first].kind != "topic" and (
            first not in furniture or not known or bool(memo.content_words(kept[first - 1].text) & vocabulary)):
        head_end = first - 1
    for position in range(head_end):
        decisions.append(Decision(kept[position].index, "detect.head", {**core, "kind": features[position].kind}))
    if known:  # without stop words a list of titles cannot be told from short paragraphs
        decisions += _link_runs(kept, features, prose_start, prose_end, furniture)
    if not is_fact_box(kept[last + 1:], features[last + 1:], sum(f.chars for f in features[first:last + 1])):
        for position in range(last + 1, len(kept)):
            detail = {**core, "kind": features[position].kind}
            if feed and position <= core_last:  # cut from the core by the feed's label
                decisions.append(Decision(kept[position].index, "detect.feed", {**detail, "label": feed[1]}))
            else:
                decisions.append(Decision(kept[position].index, "detect.tail", detail))
    content = [(b, f.chars) for b, f in zip(kept, features) if is_content(b, f, memo.cards)]
    share = _lost_share(decisions, content)
    if share <= MAX_DETECT_CONTENT_SHARE:
        return Detection(decisions)
    # What the guard kept from a rule stays, as the guard decided, and the rest is weighed without it:
    # a long thread of comments under a short article is no reason to keep the site's menus.
    guarded_indexes = {kept[p].index for p in guarded}
    rest = [d for d in decisions if d.index not in guarded_indexes]
    if len(rest) < len(decisions) and _lost_share(
            rest, [(b, chars) for b, chars in content if b.index not in guarded_indexes]) <= MAX_DETECT_CONTENT_SHARE:
        return Detection(rest)
    return Detection(warning=f"the detector would remove {share:.0%} of the content; kept")


def _lost_share(decisions: Sequence[Decision], content: Sequence[tuple[Block, int]]) -> float:
    """The share of the content's characters the decisions would remove."""
    removed = {d.index for d in decisions}
    total = sum(chars for _, chars in content)
    return sum(chars for b, chars in content if b.index in removed) / total if total else 0.0


def is_content(block: Block, features: Features, cards: Set[str] = frozenset()) -> bool:
    """Prose, a row of data or a list item: text the guard counts as what the article may be.

    A bulleted line whose every word but the stop words is capitalised (`* Risk & Compliance`,
    `* Heard on the Street`) is a menu entry, as terminal browsers and HTML-to-text converters
    print a site's menus: counted as content, menus of a few hundred entries outweighed the
    article and kept the detector from taking them. So is a Markdown heading in title case, prose
    by its length or not: a converter's card titles (`#### Standoff at a Hong Kong University ...`)
    outweighed a paywalled article's two paragraphs. And an entry of lynx's list of link addresses
    (`44. javascript:loadVideo(...)`) is no list item of the article's, nor is a list item that
    prints one title twice or counts its comments (a card of another story, one of `cards`:
    DetectMemo reads it as a short line, and records it)."""
    text = block.text
    first = text[:1]  # (every kept block takes this test on every pass: the regexes only where they may match)
    if first == "#" and HEADING.match(text) and is_title_cased(text) or (
            first.isdigit() and LINK_REFERENCE.match(text)):
        return False
    if features.kind in ("prose", "data"):  # (a card never is: DetectMemo reads it as a short line)
        return True
    if features.words < LIST_ITEM_MIN_WORDS:
        return False
    return (bool(ENUMERATED.match(text)) or (bool(BULLETED.match(text)) and not is_title_cased(text))) and (
        text not in cards)


def _link_runs(kept: Sequence[Block], features: Sequence[Features], first: int, last: int,
               furniture: Set[int]) -> list[Decision]:
    """Runs of LINK_RUN_MIN or more link items in [first, last]; a furniture line a rule removed
    from among them (a `Follow` button in a byline's row) still counts as one of the run."""
    decisions: list[Decision] = []
    position = first
    while position <= last:
        end = position
        while end <= last and is_link_item(kept[end], features[end]):
            end += 1
        run = end - position + sum(1 for p in range(position + 1, end) if p in furniture)
        if run >= LINK_RUN_MIN and not (position > 0 and announces_list(kept[position - 1], features[position - 1])):
            decisions += [Decision(kept[p].index, "detect.link-run", {"run": run}) for p in range(position, end)]
        position = max(end, position + 1)
    return decisions


class Gaps(NamedTuple):
    """What was removed between the kept blocks, by the position of the kept block after it."""

    costs: dict[int, float]  # what a run pays to reach over it (gap_costs)
    furniture: set[int]  # where a rule took a furniture line: not a copy, the detector's or what stands inside
    guarded: frozenset[int] = frozenset()  # kept blocks a rule found and the guard kept (RuleState.guarded)


def gap_costs(blocks: Sequence[Block], removed: Mapping[int, str], inside_article: Set[str] = frozenset(),
              guarded: Collection[int] = frozenset()) -> tuple[list[Block], Gaps]:
    """The blocks not `removed`, and for each position among them that removed blocks stand
    before, what a run pays to reach over them: each removed block as the short line it was,
    at most REMOVED_MAX_COST, and nothing for what a rule in `inside_article` took (a picture's
    credit stands inside the article, under the lead picture or between paragraphs). The
    positions of the `guarded` blocks among them go with the gaps (Gaps.guarded)."""
    kept: list[Block] = []
    gaps = Gaps({}, set())
    guarded_positions: list[int] = []
    pending, furniture = 0.0, False
    for block in blocks:
        rule = removed.get(block.index)
        if rule is not None:
            if rule not in inside_article:
                pending += min(max(len(block.text), SHORT_MIN_COST), REMOVED_MAX_COST)
                furniture = furniture or not rule.startswith(("dedup.", "detect."))
            continue
        if pending and kept:
            gaps.costs[len(kept)] = pending
            if furniture:
                gaps.furniture.add(len(kept))
        pending, furniture = 0.0, False
        if guarded and block.index in guarded:
            guarded_positions.append(len(kept))
        kept.append(block)
    return kept, gaps._replace(guarded=frozenset(guarded_positions)) if guarded_positions else gaps


def apply_detector(blocks: Sequence[Block], state: RuleState, memo: DetectMemo | None = None, *,
                   settling: bool = False, inside_article: Set[str] = frozenset()) -> bool:
    """Run the detector over the blocks not yet removed and record its removals; True when it
    removed any. What was removed before stands between them as gaps (gap_costs).

    `settling`: the rules and duplicate collapse took nothing more in this pass; if the gaps leave
    nothing to remove, the kept blocks alone are asked too, as cleaning the clean text (which
    holds no gaps) would ask them, and what that takes goes now. `inside_article`: the ids of
    rules whose removals leave no gap (gap_costs)."""
    kept, gaps = gap_costs(blocks, state.removed, inside_article, state.guarded)
    detection = detect(kept, memo, gaps, alone_too=settling)
    if detection.warning:
        state.warn(CleanWarning("guard", detection.warning, "detect"))
    for decision in detection.decisions:
        state.removed[decision.index] = decision.rule
        state.details[decision.index] = decision.detail
    return bool(detection.decisions)
