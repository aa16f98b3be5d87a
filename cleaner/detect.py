"""Finds where the article is among a document's blocks and names the furniture around it.

Rules know the furniture of sites someone wrote rules for; this detector works on any site, from
features of the text alone (jusText's idea, over blocks that may come from text or from HTML):

1. Every block gets features: length, words, share of stop words, whether it ends like a sentence.
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
   a short fact box of figures.
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

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .dedup import FORM_MIN_RECORDS
from .document import Block, CleanWarning
from .engine import RuleState
from .markdown import HEADING
from .stopwords import STOP_WORDS
from .width import CJK_CHAR_WIDTH, cjk_chars
from .words import SENTENCE_ENDS, WORD, ends_with, is_title_cased

# A block of at least this many words, with enough stop words, reads like a paragraph of prose.
PROSE_MIN_WORDS = 10
# Share of stop words in running text is 0.3-0.5 in the languages listed; menus, names and titles
# have few. Prose needs at least this share (jusText uses 0.30-0.32 for "good" with a full list;
# the built-in lists are short, so the bar is lower).
PROSE_MIN_STOP_SHARE = 0.15
# Languages without a stop-word list: a block this long that ends like a sentence is prose anyway.
PROSE_FALLBACK_CHARS = 200
# A short block that ends like a sentence and has at least this many words is a short paragraph.
SENTENCE_MIN_WORDS = 4
# Chinese and Japanese write no spaces between words, so `\w+` finds a clause where English has a
# word. The detector's counts take ideographs and kana as words at CJK_CHARS_PER_WORD characters a
# word (Chinese words average under two characters; Japanese mixes kanji and kana), and its lengths
# as their reading width (cleaner/width.py), so that its thresholds (prose, the core's least prose,
# a short block's cost) mean what they mean in English.
CJK_CHARS_PER_WORD = 2
# A document whose words are less than this share stop words is in a language without a list:
# there, prose is told by length and sentence punctuation alone (running text in the listed
# languages is 30-50% stop words, the menus and footers around it bring the share down, not to 0).
KNOWN_LANGUAGE_STOP_SHARE = 0.08
# A block of at least DATA_MIN_WORDS words, this share of them numbers, is a row of data (a table,
# a score board): it neither pulls the article towards it nor pushes it away.
DATA_MIN_WORDS = 4
DATA_MIN_NUMBER_SHARE = 0.4
# A short block with at least TOPIC_MIN_WORDS content words, TOPIC_MIN_SHARE of them used by the
# article's prose, belongs to the article (a list item, a step, a caption of its subject); menus and
# links to other stories use other words.
TOPIC_MIN_WORDS = 2
TOPIC_MIN_SHARE = 0.6
# Score weights: prose counts for its length, a short sentence for part of it (it may be a closing
# line of the article or a prompt), and a short block against, at least SHORT_MIN_COST so that a
# long menu of one-word entries weighs like the text it is.
SENTENCE_WEIGHT = 0.5
SHORT_MIN_COST = 12
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
# A line that is only an address (a share panel's link to the page) is never the headline.
BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# Nor is a line with a clock time, a full date or a social handle in it: a byline's or a time
# stamp's (`November 20, 2019 / 1:07 AM / CBS News`, `Catherine Shu @catherineshu / 2 days`). A
# time counts with its `am`/`pm`/`Uhr` only: a headline may hold `3:10` (`3:10 to Yuma`).
STAMP = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|uhr\b)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|(?:^|\s)@\w{2,}",
    re.I)
# Inside the article, a run of this many short title-like blocks is a list of links, not the
# article's sub-headlines (those stand alone between paragraphs).
LINK_RUN_MIN = 4
# A block in a link run has at most this many words (titles of teasers, menu entries).
LINK_ITEM_MAX_WORDS = 14
# At the core's end, a run of this many lines or more that end like no sentence, TEASER_MIN_PROSE
# of them long enough to read as prose, after a paragraph that ends like one, is a list of other
# stories' headlines (`There's a galaxy hurtling towards our Milky Way that could wipe out life on
# Earth`); a headline has at most TEASER_MAX_WORDS words.
# The headlines are a page's, not a list the article ends with (its key points, a poem, captions),
# where TEASER_MIN_BETWEEN short lines or more stand among them (a source's name, a menu), or where
# every one of them is title-cased.
TEASER_RUN_MIN = LINK_RUN_MIN
TEASER_MIN_PROSE = 3
TEASER_MAX_WORDS = 25
TEASER_MIN_BETWEEN = 2
# A list the article announces on a line of its own (`Workers are demanding:`) and writes in lower
# case (`temperature monitors on every floor`) is the article's, wherever it stands: at least
# ANNOUNCED_MIN_ITEMS items of two words or more after a line of at least ANNOUNCER_MIN_WORDS words
# that ends with a colon and is not title-cased. Menus, teaser titles and share buttons start with
# a capital, and a label over tags is title-cased (`Read more about:`, `Tags:`).
ANNOUNCED_MIN_ITEMS = 2
ANNOUNCER_MIN_WORDS = 3
LIST_MARKER = re.compile(r"^[•·▪◦‣●○■□➤►✓✔*\-–—]\s*")
# An interview's turns (`Q: Favorite apps?` / `A: Uber Eats`) are short lines in a run, but no menu
# or list of teasers labels its entries as questions and answers.
INTERVIEW_TURN = re.compile(r"^(?:Q|A|Question|Answer)\s?[:.]\s", re.I)
# A list the article announces or numbers stays with it when it follows the core: items numbered
# 1, 2, 3... (at least ENUM_MIN_ITEMS, at most ENUM_MAX_GAP blocks apart: a link or a note may stand
# between two items), or items with one list marker after a core that ends with a colon.
ENUM_MIN_ITEMS = 3
ENUM_MAX_GAP = 3
ENUMERATED = re.compile(r"^\(?(\d{1,3})[.):]\s")
BULLETED = re.compile(r"^[•·▪◦‣●○■□➤►✓✔*\-–—]\s*\S")
# An entry of lynx's numbered list of link addresses (`44. javascript:loadVideo('...', ...)`).
LINK_REFERENCE = re.compile(r"\d{1,5}\. [a-z][a-z0-9+.-]{1,20}:")
# A line of this many words ending with a colon right after the core announces what the text
# leaves out (`See more photos:`, a video, a gallery): the article's, unless in title case
# (`Related Stories:`, a label of the page's).
ANNOUNCEMENT_MIN_WORDS = 2
ANNOUNCEMENT_MAX_WORDS = 8
# A numbered or bulleted line of at least this many words is a list item (one word is a pager).
LIST_ITEM_MIN_WORDS = 3
# A list between the article's lead and the rest of it (`Key points` over four findings,
# `Ingredients` over the quantities) costs the core more than a short lead weighs: the article
# starts at the lead when at least LEAD_LIST_MIN_ITEMS items in sentence case (LIST_ITEM_MIN_WORDS
# words or more, not title-cased), at most LEAD_LIST_MAX_ITEMS, stand between it and the core,
# with a label (_is_label: a heading of at most FEED_LABEL_MAX_WORDS words) over the list and one
# over the core.
LEAD_LIST_MIN_ITEMS = 3
LEAD_LIST_MAX_ITEMS = 12
# Records written to one template after the core (a meal plan, a timetable): at least
# TEMPLATE_MIN_LABELS labels recurring in turns, FORM_MIN_RECORDS times each (dedup.py), the first
# within TEMPLATE_MAX_LEAD blocks of the core; looked for in the next TEMPLATE_MAX_BLOCKS blocks.
TEMPLATE_MIN_LABELS = 2
TEMPLATE_MAX_LEAD = 3
TEMPLATE_MAX_BLOCKS = 400
# A template's longest record is at most this many times its shortest (a day's meals, a stage).
TEMPLATE_MAX_RECORD_RATIO = 3
# A table the article announces (a core ending with a colon): up to TABLE_HEAD_MAX short header
# rows, then at least TABLE_MIN_ROWS rows of data or lines with a figure in them, all of which
# stay with the article.
TABLE_HEAD_MAX = 2
TABLE_MIN_ROWS = 2
# A figure inside a line: a number after other text (`VIP : 60,000`, `Tue - Sat 4PM`, `2018.04.05`).
# A title that merely starts with its number (`15 Amazing Images of Stars`) holds none.
FIGURE = re.compile(r"\D\d")
# A figure a table's cell holds (`38,512`, `+0.4%`, `$78.20`); a bare count (`1`, `12`) numbers a
# ranking's or a pager's entries as often.
MEASURE = re.compile(r"\d[.,]\d|%|[$€£¥]")
# A bare figure (`5040`, `17`): in a run of FIGURE_RUN_MIN or more, a table's row printed one
# cell a line; alone between titles, or two together (a ranking in two columns, `1` / `2`; a
# story's share and comment counts), it stays a short line.
BARE_FIGURE = re.compile(r"[+-]?\d+")
FIGURE_RUN_MIN = 3
# A short tail that is mostly entries with figures in them (dates, prices, times, phone numbers,
# results) is the article's fact box, not furniture, and stays: at least FACTS_MIN_LINES lines,
# FACTS_MIN_SHARE of them with a figure, all together no longer than FACTS_MAX_SHARE of the
# article (one dated line is a time stamp; a long tail of figures is a page's listings).
FACTS_MIN_LINES = 4
FACTS_MIN_SHARE = 0.5
FACTS_MAX_SHARE = 0.3
# Below this much prose the detector cannot tell the article from the rest: it leaves the page.
MIN_CORE_PROSE_CHARS = 150
# A feed of other stories inside the core (feed_start): its label is a short line of at most
# FEED_LABEL_MAX_WORDS words filed FEED_MIN_COPIES times; the article before it holds at least
# FEED_MIN_ARTICLE_SHARE of the core's prose. On the dev pages the feeds' articles held 0.79 and
# 0.94 of it; the repeated labels inside gold articles (a buyer's guide, photo labels, a
# table's header) stood after 0.16 or less.
FEED_LABEL_MAX_WORDS = 4
FEED_MIN_COPIES = 3
FEED_MIN_ARTICLE_SHARE = 2 / 3
# A feed's record is its label, a headline and a teaser or two: a label that stands over longer
# runs (an author's name over each entry of a live blog) files no feed.
FEED_MAX_RECORD_BLOCKS = 4
# A record's headline: a title of this many words or more, not a sentence.
FEED_HEADLINE_MIN_WORDS = 3
# The guard: never remove more than this share of the content given: prose, rows of data and list
# items (the article is at least half of a page's content, or the detector has picked the wrong
# region and must stop). Data and lists count because a table or a fact box is as much the article
# as its paragraphs, though neither reads as prose; menus are short title-like lines, neither.
MAX_DETECT_CONTENT_SHARE = 0.5

Kind = Literal["prose", "sentence", "data", "topic", "short"]


class Features(NamedTuple):
    """What the detector reads off one block (a named tuple: one is made per block and document)."""

    chars: int  # length, a Chinese or Japanese character counted as CJK_CHAR_WIDTH
    words: int  # `\w+` tokens, and CJK characters CJK_CHARS_PER_WORD to a word
    stop_share: float
    sentence_end: bool
    kind: Kind
    weight: float  # what the block adds to a run (weight_of): kept here, the detector sums it twice a pass

    def as_kind(self, kind: Kind) -> Features:
        return self._replace(kind=kind, weight=weight_of(self.chars, kind))


def weight_of(chars: int, kind: Kind) -> float:
    """A block's weight in the densest run: prose counts whole, sentences and topic lines in part,
    data nothing, and anything else against the run."""
    if kind == "prose":
        return float(chars)
    if kind in ("sentence", "topic"):
        return chars * SENTENCE_WEIGHT
    if kind == "data":
        return 0.0
    return -float(max(chars, SHORT_MIN_COST))


class Decision(NamedTuple):
    """One block the detector removes, the id of the decision and what decided it."""

    index: int
    rule: str
    detail: dict[str, float | int | str]


@dataclass(frozen=True)
class Detection:
    decisions: list[Decision] = field(default_factory=list)
    warning: str | None = None


def features_of(text: str, known_language: bool = True, words: list[str] | None = None,
                stops: int | None = None) -> Features:
    """`words` (the text's WORD matches) and `stops` (how many are stop words): when the caller has them."""
    words = WORD.findall(text) if words is None else words
    stops = stop_count(words) if stops is None else stops
    stop_share = stops / len(words) if words else 0.0
    ends = ends_with(text, SENTENCE_ENDS)
    cjk = cjk_chars(text)
    count = len(words) + cjk // CJK_CHARS_PER_WORD
    chars = len(text) + (CJK_CHAR_WIDTH - 1) * cjk  # reading_width, with cjk counted once
    kind: Kind
    if count >= PROSE_MIN_WORDS and (stop_share >= PROSE_MIN_STOP_SHARE or not known_language) or (
        chars >= PROSE_FALLBACK_CHARS and ends
    ):
        kind = "prose"
    elif ends and count >= SENTENCE_MIN_WORDS and (stops or not known_language):
        kind = "sentence"
    elif count >= DATA_MIN_WORDS and sum(map(str.isdigit, words)) >= DATA_MIN_NUMBER_SHARE * count or (
            _is_table_cell(text, words)):
        kind = "data"
    else:
        kind = "short"
    return Features(chars, count, round(stop_share, 3), ends, kind, weight_of(chars, kind))


def _figure_columns(texts: list[str], features: list[Features], figures: Set[str]) -> list[Features]:
    """Runs of bare figures are a table's cells (`data`, as MEASURE's are), and so is a short line
    between two of them, the row's name: a standings table written one cell a line (`Kyle Busch` /
    `5040` / `5` / `1` / `17` / `27` / `2` / `Martin Truex Jr.`) cost the article more than its
    lead weighed, and both went with the head. A `Most Read` list numbers its titles (`1` / title /
    `2` / title), at most two figures together: they stay short lines."""
    figure = list(map(figures.__contains__, texts))
    cell = [False] * len(figure)
    for is_figure, run in itertools.groupby(range(len(figure)), figure.__getitem__):
        positions = list(run)
        if is_figure and len(positions) >= FIGURE_RUN_MIN:
            for p in positions:
                cell[p] = True
    last = len(cell) - 1
    names = [0 < p < last and cell[p - 1] and cell[p + 1] and features[p].kind == "short" for p in range(len(cell))]
    return [f.as_kind("data") if cell[p] or names[p] else f for p, f in enumerate(features)]


def _is_table_cell(text: str, words: list[str]) -> bool:
    """A figure alone (MEASURE): every word a number (a letter anywhere would make a word that is
    not one, `1.2K` -> `2K`)."""
    return bool(words) and all(map(str.isdigit, words)) and MEASURE.search(text) is not None


def stop_count(words: list[str], lowered: bool = False) -> int:
    """How many of `words` are stop words (the loops run in C: this is per block and pass);
    `lowered`: the words are in lower case already."""
    return sum(map(STOP_WORDS.__contains__, words if lowered else map(str.lower, words)))


def folds_as_lower(text: str) -> bool:
    """Whether `WORD.findall(text.casefold())` is the text's words, each in lower case.

    It is when case folding gives the lower case, character for character (no `ß`, `ﬁ` or `İ`,
    which become two characters), and no capital sigma, the one letter whose lower case depends on
    the letters around it (a word alone may end where the text goes on). Lower-casing a character
    then keeps whether it is a word character, a letter or a digit (checked over all of Unicode
    in tests/test_detect.py)."""
    lower = text.lower()
    return len(lower) == len(text) and "\u03a3" not in text and text.casefold() == lower


@dataclass
class DetectMemo:
    """What the detector computed from block texts, for its later calls on the same document (the
    pipeline runs it after every pass): a cache of pure functions of the text, never a decision."""

    words: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    # known_language -> text -> its features (two dicts: no key tuple to build per block and pass)
    features: dict[bool, dict[str, Features]] = field(default_factory=lambda: {True: {}, False: {}})
    content: dict[str, set[str]] = field(default_factory=dict)
    folded: Mapping[str, list[str]] = field(default_factory=dict)  # text -> case-folded words (DedupMemo.words)
    figures: set[str] = field(default_factory=set)  # the texts seen that are a bare figure (BARE_FIGURE)

    def words_of(self, text: str) -> list[str]:
        words = self.words.get(text)
        if words is None:
            # A text whose case folding is its lower case has as case-folded words its words in lower
            # case, and the detector reads words without regard to case: duplicate collapse has
            # already found them.
            words = self.folded.get(text) if text.isascii() or folds_as_lower(text) else None
            words = self.words[text] = WORD.findall(text) if words is None else words
        return words

    def word_counts(self, text: str) -> tuple[int, int]:
        """How many words the text has, and how many of them are stop words."""
        counts = self.counts.get(text)
        if counts is None:
            words = self.words_of(text)
            # Words taken from duplicate collapse (the same list object) are in lower case already.
            counts = self.counts[text] = (len(words), stop_count(words, lowered=words is self.folded.get(text)))
        return counts

    def features_of(self, text: str, known_language: bool) -> Features:
        by_text = self.features[known_language]
        features = by_text.get(text)
        if features is None:
            features = by_text[text] = features_of(
                text, known_language, self.words_of(text), self.word_counts(text)[1])
            if features.kind == "short" and BARE_FIGURE.fullmatch(text):  # once per text and document
                self.figures.add(text)
        return features

    def content_words(self, text: str) -> set[str]:
        words = self.content.get(text)
        if words is None:
            words = self.words_of(text)
            # Words taken from duplicate collapse (the same list object) are in lower case already.
            words = self.content[text] = content_words(text, words, lowered=words is self.folded.get(text))
        return words

    def block_features(self, texts: list[str], known_language: bool) -> list[Features]:
        """features_of for every text, from the memo where it can (one lookup per block)."""
        cached = self.features[known_language].get
        return [cached(text) or self.features_of(text, known_language) for text in texts]

    def is_known_language(self, texts: list[str]) -> bool:
        """is_known_language of blocks with these texts. An address's parts are no words of a
        language (`https`, `www`, `cloudfront`): lynx's list of a page's link addresses, hundreds of
        lines, drew a short English article's stop words under the share, and every long line then
        read as prose, the list's among them."""
        cached, word_counts = self.counts.get, self.word_counts
        counts = [(cached(text) or word_counts(text)) if "://" not in text else _counts_without_addresses(text)
                  for text in texts]
        words, stops = map(sum, zip(*counts)) if counts else (0, 0)
        return bool(words) and stops >= KNOWN_LANGUAGE_STOP_SHARE * words


def _counts_without_addresses(text: str) -> tuple[int, int]:
    """The words of `text` outside its addresses, and how many of them are stop words."""
    words = WORD.findall(BARE_URL.sub(" ", text))
    return len(words), stop_count(words)


def is_known_language(blocks: Sequence[Block], memo: DetectMemo | None = None) -> bool:
    """Whether the built-in stop words cover the document's language (else length decides prose)."""
    return (memo or DetectMemo()).is_known_language([b.text for b in blocks])


def content_words(text: str, words: list[str] | None = None, lowered: bool = False) -> set[str]:
    """The words that say what a text is about: alphabetic, lower-cased, not stop words.
    `lowered`: `words` are in lower case already."""
    alphabetic = filter(str.isalpha, WORD.findall(text) if words is None else words)
    return set(alphabetic if lowered else map(str.lower, alphabetic)) - STOP_WORDS


def shares_topic(text: str, vocabulary: set[str], memo: DetectMemo | None = None) -> bool:
    """A short block most of whose content words the article's prose also uses: part of the article."""
    words = memo.content_words(text) if memo else content_words(text)
    return len(words) >= TOPIC_MIN_WORDS and len(words & vocabulary) >= TOPIC_MIN_SHARE * len(words)


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


def is_headline(block: Block, features: Features) -> bool:
    return (features.words >= 2 and len(block.text) <= HEADLINE_MAX_CHARS and not features.sentence_end
            and not BARE_URL.fullmatch(block.text) and not STAMP.search(block.text))


def is_link_item(block: Block, features: Features) -> bool:
    """A short title-like block; a numbered one is a step of the article's own list, a labelled
    question or answer a turn of an interview."""
    return (features.kind == "short" and 1 <= features.words <= LINK_ITEM_MAX_WORDS
            and not ENUMERATED.match(block.text) and not INTERVIEW_TURN.match(block.text))


def announces_list(block: Block, features: Features) -> bool:
    """A paragraph of the article that ends with a colon: the short lines after it are its list
    (`... verschiedene gesetzliche Grundlagen:` and the four laws), not a menu. So is a short
    sentence of ANNOUNCER_MIN_WORDS or more that is not title-cased (`The stores to be acquired are
    in:`, `Here are the key specs:`). A heading such as `Read more:` or `See also:` is shorter and
    announces nothing of the article's; a teaser list's heading that is a sentence (`Stories you
    may have missed:`) is the rules' to take, and its list stays inside the article when they do
    not: a leftover is a smaller harm than a lost list."""
    return block.text.endswith(":") and (features.kind == "prose" or (
        features.kind == "sentence" and is_announcing_line(block, features)))


def is_announcing_line(block: Block, features: Features) -> bool:
    """A line of ANNOUNCER_MIN_WORDS or more that ends with a colon and is not title-cased: a
    sentence that announces what follows, not a label (`Read more:`, `Read more about:`)."""
    return block.text.endswith(":") and features.words >= ANNOUNCER_MIN_WORDS and not is_title_cased(block.text)


def announced_lists(kept: Sequence[Block], features: Sequence[Features]) -> set[int]:
    """Positions of every list the article announces and writes in lower case, with the line that
    announces it (see ANNOUNCED_MIN_ITEMS)."""
    positions: set[int] = set()
    for position, block in enumerate(kept):
        if not is_announcing_line(block, features[position]):
            continue
        end = position + 1
        while end < len(kept) and is_lower_item(kept[end].text, features[end]):
            end += 1
        if end - position - 1 >= ANNOUNCED_MIN_ITEMS:
            positions.update(range(position, end))
    return positions


def is_lower_item(text: str, features: Features) -> bool:
    """An item of a list written in lower case: words with spaces between them (an address such as
    `www.example.org` is one word to a reader, though three to WORD), starting, after a list
    marker, with a lower-case letter."""
    marker = LIST_MARKER.match(text)
    return features.words >= 2 and " " in text and text[marker.end() if marker else 0:][:1].islower()


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
        features = _figure_columns(texts, features, memo.figures)
    prose = sum(f.chars for f in features if f.kind == "prose")
    if prose < MIN_CORE_PROSE_CHARS:
        return Detection()
    # What was removed from between two paragraphs of prose stood inside the article (a newsletter
    # box, a related link): reaching over it costs the run no more than a sub-heading does. The
    # first must end like a sentence: a long headline reads as prose too, and furniture under it
    # is the page's header.
    costs = {position: min(cost, SHORT_MIN_COST) if features[position].kind == features[position - 1].kind == "prose"
             and features[position - 1].sentence_end else cost for position, cost in gaps.costs.items()} if gaps else {}
    first_weights = [f.weight for f in features]
    first_look = densest_run(first_weights, costs)
    first, last, _ = first_look
    # Second look: short blocks on the article's topic count for it, and the core is found again.
    vocabulary = set().union(*(memo.content_words(kept[p].text) for p in range(first, last + 1)
                               if features[p].kind == "prose"))
    # (A block of fewer words than TOPIC_MIN_WORDS has fewer content words: no need to look.)
    # So do the items of a list the article announces, and the line that announces it.
    announced = announced_lists(kept, features)
    features = [f.as_kind("topic") if f.kind == "short" and (position in announced or f.words >= TOPIC_MIN_WORDS
                and shares_topic(b.text, vocabulary, memo)) else f for position, (b, f) in enumerate(zip(kept, features))]
    second_weights = [f.weight for f in features]
    first, last, score = densest_run(second_weights, costs)
    detection = _decide(kept, features, first, last, score, known, gaps.furniture if gaps else set())
    if alone_too and costs and not detection.decisions and (
            densest_run(first_weights)[:2] != first_look[:2] or densest_run(second_weights)[:2] != (first, last)):
        return detect(kept, memo)
    return detection


def _decide(kept: Sequence[Block], features: Sequence[Features], first: int, last: int, score: float,
            known: bool, furniture: Set[int]) -> Detection:
    """The decisions around the core [first, last] (the second look's), held by the guard."""
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
    # the article's topic counts for the core, and what stands above it is the page's.
    if first > 0 and is_headline(kept[first - 1], features[first - 1]) and features[first].kind != "topic":
        head_end = first - 1
    for position in range(head_end):
        decisions.append(Decision(kept[position].index, "detect.head", {**core, "kind": features[position].kind}))
    if known:  # without stop words a list of titles cannot be told from short paragraphs
        decisions += _link_runs(kept, features, prose_start, prose_end, furniture)
    if not is_fact_box(kept[last + 1:], sum(f.chars for f in features[first:last + 1])):
        for position in range(last + 1, len(kept)):
            detail = {**core, "kind": features[position].kind}
            if feed and position <= core_last:  # cut from the core by the feed's label
                decisions.append(Decision(kept[position].index, "detect.feed", {**detail, "label": feed[1]}))
            else:
                decisions.append(Decision(kept[position].index, "detect.tail", detail))
    removed = {d.index for d in decisions}
    content = [(b, f.chars) for b, f in zip(kept, features) if is_content(b, f)]
    total = sum(chars for _, chars in content)
    lost = sum(chars for b, chars in content if b.index in removed)
    if lost > MAX_DETECT_CONTENT_SHARE * total:
        return Detection(warning=f"the detector would remove {lost / total:.0%} of the content; kept")
    return Detection(decisions)


def feed_start(kept: Sequence[Block], features: Sequence[Features], first: int, last: int) -> tuple[int, str] | None:
    """Where a feed of other stories begins inside the core [first, last], and its label.

    A feed files each teaser under its section's name (`Company Town`, `Opening Bell`): one short
    line, FEED_MIN_COPIES times or more with other lines between, whose teasers read as prose and
    so drew the core over them. The feed must follow at least FEED_MIN_ARTICLE_SHARE of the core's
    prose (a buyer's guide whose items each say `See it now: Amazon` is mostly items). Labels that
    take turns with each other are a template's, the article's own records: _template_end extends
    the shortened core over them again."""
    texts = [block.text for block in kept[first + 1:]]
    # Most documents repeat no line that often: counted in C before any line is read.
    repeated = {text for text, count in Counter(texts).items() if count >= FEED_MIN_COPIES}
    if not repeated:
        return None
    copies: dict[str, list[int]] = {}
    for position, text in enumerate(texts, first + 1):
        if text in repeated:
            copies.setdefault(text, []).append(position)
    # (Copies of one text have the same features.)
    labels = {text: positions for text, positions in copies.items()
              if positions[0] <= last and _is_label(features[positions[0]])}
    starts: list[tuple[int, str]] = []
    for positions in labels.values():
        if not _files_records(positions, features):
            continue
        start = positions[0]
        before = sum(f.chars for f in features[first:start] if f.kind == "prose")
        total = before + sum(f.chars for f in features[start:last + 1] if f.kind == "prose")
        if before >= MIN_CORE_PROSE_CHARS and before >= FEED_MIN_ARTICLE_SHARE * total:
            starts.append((start, kept[start].text))
    return min(starts) if starts else None


def teasers_start(kept: Sequence[Block], features: Sequence[Features], first: int, last: int) -> int:
    """Where a list of other stories' headlines that the core ends with begins (or `last + 1`).

    Teasers written as sentences (`No need to install: Microsoft has controversial fake news filter
    NewsGuard built into mobile browser`) read as prose by their words, and the core ran on over
    them to the last. They end like no sentence, as the article's paragraphs do, and speak of
    other things: a run of TEASER_RUN_MIN such lines or more, TEASER_MIN_PROSE of them prose, none
    on the article's topic (a timeline of the story's own coverage stays), after the article's last
    paragraph (prose that ends like a sentence and announces no list) and the labels under it
    (`Trends: ...`, `More News`); and the run reads as a page's (_reads_as_page_list), not as key
    points or a poem the article ends with. A row of data, a numbered item and a bulleted line in
    sentence case are the article's list, never a teaser."""
    position = _teasers_from(kept, features, first, last)
    if not _enough_teasers(features, position, last):  # (most cores end with a paragraph)
        return last + 1
    # (The article's paragraphs end like sentences; the teasers do not.)
    vocabulary = set().union(*(content_words(kept[p].text) for p in range(first, position + 1)
                               if features[p].kind == "prose" and features[p].sentence_end))
    position = _teasers_from(kept, features, first, last, vocabulary)
    if not _enough_teasers(features, position, last) or not _reads_as_page_list(kept, features, position + 1, last):
        return last + 1
    while position > first and features[position].kind in ("short", "topic") and not features[position].sentence_end:
        position -= 1  # the list's labels
    end = features[position]
    if end.kind != "prose" or not end.sentence_end or announces_list(kept[position], end):
        return last + 1
    return position + 1


def _teasers_from(kept: Sequence[Block], features: Sequence[Features], first: int, last: int,
                  vocabulary: set[str] | None = None) -> int:
    """The position before the run of teaser lines that ends at `last` (none on the topic of
    `vocabulary`, when given)."""
    position = last
    while position > first and _is_teaser_line(kept[position], features[position]) and not (
            vocabulary and shares_topic(kept[position].text, vocabulary)):
        position -= 1
    return position


def _enough_teasers(features: Sequence[Features], position: int, last: int) -> bool:
    run = range(position + 1, last + 1)
    return len(run) >= TEASER_RUN_MIN and sum(1 for p in run if features[p].kind == "prose") >= TEASER_MIN_PROSE


def _reads_as_page_list(kept: Sequence[Block], features: Sequence[Features], start: int, last: int) -> bool:
    """Whether the run [start, last] reads as a page's list of other stories rather than a list the
    article ends with: short lines stand among its headlines, or every headline is title-cased."""
    prose = [p for p in range(start, last + 1) if features[p].kind == "prose"]
    between = sum(1 for p in range(prose[0], prose[-1]) if features[p].kind != "prose")
    return between >= TEASER_MIN_BETWEEN or all(is_title_cased(kept[p].text) for p in prose)


def _is_teaser_line(block: Block, features: Features) -> bool:
    """A line that may be another story's headline: no sentence's end, no data, no list item."""
    text = block.text
    return (not features.sentence_end and features.kind != "data" and features.words <= TEASER_MAX_WORDS
            and not ENUMERATED.match(text) and not (BULLETED.match(text) and not is_title_cased(text)))


def _files_records(positions: Sequence[int], features: Sequence[Features]) -> bool:
    """Each copy of a label stands over a short record (FEED_MAX_RECORD_BLOCKS lines at most, the
    label's with them), and FEED_MIN_COPIES - 1 records at least hold a headline: a teaser names
    its story. Labels over sentences alone are the article's (`GOAL` over each goal of a match's
    timeline, `Update` over each update, a speaker's name over each answer)."""
    records = [range(position + 1, following) for position, following in zip(positions, positions[1:])]
    return max(map(len, records)) < FEED_MAX_RECORD_BLOCKS and sum(
        1 for record in records if any(_is_teaser_headline(features[p]) for p in record)) >= FEED_MIN_COPIES - 1


def _is_teaser_headline(features: Features) -> bool:
    # (A dated title, `Opening Bell 6.7.19`, reads as a row of data.)
    return features.kind in ("short", "topic", "data") and features.words >= FEED_HEADLINE_MIN_WORDS and not features.sentence_end


def _is_label(features: Features) -> bool:
    return features.kind in ("short", "topic") and features.words <= FEED_LABEL_MAX_WORDS and not features.sentence_end


def is_fact_box(tail: Sequence[Block], article_chars: int) -> bool:
    """A short run of entries after the article, most holding a figure (see FACTS_MIN_LINES)."""
    figures = sum(1 for b in tail if FIGURE.search(b.text))
    return (len(tail) >= FACTS_MIN_LINES and figures >= FACTS_MIN_SHARE * len(tail)
            and sum(len(b.text) for b in tail) <= FACTS_MAX_SHARE * article_chars)


def is_content(block: Block, features: Features) -> bool:
    """Prose, a row of data or a list item: text the guard counts as what the article may be.

    A bulleted line whose every word but the stop words is capitalised (`* Risk & Compliance`,
    `* Heard on the Street`) is a menu entry, as terminal browsers and HTML-to-text converters
    print a site's menus: counted as content, menus of a few hundred entries outweighed the
    article and kept the detector from taking them. So is a Markdown heading in title case, prose
    by its length or not: a converter's card titles (`#### Standoff at a Hong Kong University ...`)
    outweighed a paywalled article's two paragraphs. And an entry of lynx's list of link addresses
    (`44. javascript:loadVideo(...)`) is no list item of the article's."""
    text = block.text
    first = text[:1]  # (every kept block takes this test on every pass: the regexes only where they may match)
    if first == "#" and HEADING.match(text) and is_title_cased(text) or (
            first.isdigit() and LINK_REFERENCE.match(text)):
        return False
    if features.kind in ("prose", "data"):
        return True
    if features.words < LIST_ITEM_MIN_WORDS:
        return False
    return bool(ENUMERATED.match(text)) or (bool(BULLETED.match(text)) and not is_title_cased(text))


def article_list_end(kept: Sequence[Block], features: Sequence[Features], last: int) -> int:
    """Where the article ends once a list it numbers or announces after its core is counted in."""
    numbered = max(_enumeration_end(kept, features, last), _template_end(kept, last))
    if numbered > last:
        return numbered
    if kept[last].text.endswith(":"):  # the article announces what follows: a list or a table
        position = last
        marker = kept[last + 1].text[0] if last + 1 < len(kept) and BULLETED.match(kept[last + 1].text) else None
        while marker and position + 1 < len(kept) and kept[position + 1].text.startswith(marker):
            position += 1
        return max(position, _table_end(kept, features, last))
    following = last + 1  # a short announcement right after the core (`See more photos:`)
    if following < len(kept) and kept[following].text.endswith(":") and (
            ANNOUNCEMENT_MIN_WORDS <= features[following].words <= ANNOUNCEMENT_MAX_WORDS) and (
            not is_title_cased(kept[following].text)):
        return following
    return last


def lead_list_start(kept: Sequence[Block], features: Sequence[Features], first: int, last: int) -> int:
    """Where the article starts once its lead above a list is counted in (or `first`).

    The lead is a paragraph of prose that ends like a sentence, above LEAD_LIST_MIN_ITEMS or more
    items in sentence case (see LEAD_LIST_MIN_ITEMS). A header's prose (a site's tagline, a cookie
    notice) over a list of other stories has that shape too, so the lead must share a content word
    with the core's prose, and so must one item at least with the lead or the core: the article's
    own list speaks of what the article does."""
    position = first - 1
    if position >= 0 and _is_label(features[position]):
        position -= 1  # the core's own heading (`Method`)
    items: list[int] = []
    while position >= 0 and len(items) < LEAD_LIST_MAX_ITEMS and _is_sentence_item(kept[position], features[position]):
        items.append(position)
        position -= 1
    if len(items) < LEAD_LIST_MIN_ITEMS:
        return first
    if position >= 0 and _is_label(features[position]):
        position -= 1  # the list's heading (`Key points`, `Ingredients`)
    if position < 0 or features[position].kind != "prose" or not features[position].sentence_end:
        return first
    vocabulary = set().union(*(content_words(kept[p].text) for p in range(first, last + 1) if features[p].kind == "prose"))
    lead = content_words(kept[position].text)
    if not lead & vocabulary or not any(content_words(kept[p].text) & (lead | vocabulary) for p in items):
        return first
    return position


def _is_sentence_item(block: Block, features: Features) -> bool:
    return features.kind != "prose" and features.words >= LIST_ITEM_MIN_WORDS and not is_title_cased(block.text)


def _table_end(kept: Sequence[Block], features: Sequence[Features], last: int) -> int:
    """The last row of a table or list of figures right after a core that announces it (or `last`):
    a header of at most TABLE_HEAD_MAX short rows, then TABLE_MIN_ROWS or more rows that are data
    or short lines holding a figure (poll results, prices, times), contiguous."""
    position = last + 1
    while position - last <= TABLE_HEAD_MAX and position < len(kept) and features[position].kind in ("short", "topic") \
            and not FIGURE.search(kept[position].text):
        position += 1
    first_row = position
    while position < len(kept) and (features[position].kind == "data" or (
            features[position].kind != "prose" and FIGURE.search(kept[position].text))):
        position += 1
    return position - 1 if position - first_row >= TABLE_MIN_ROWS else last


def _template_end(kept: Sequence[Block], last: int) -> int:
    """The last record of a template that starts right after the core (a meal plan, a schedule).

    Records written to one template repeat their labels in turn (`Breakfast`, `Lunch`, `Dinner`,
    `Breakfast`...), each at least FORM_MIN_RECORDS times, with different content between them.
    """
    after = range(last + 1, min(len(kept), last + 1 + TEMPLATE_MAX_BLOCKS))
    copies: dict[str, list[int]] = {}
    for position in after:
        copies.setdefault(kept[position].text.casefold(), []).append(position)
    labels = {text: positions for text, positions in copies.items()
              if len(positions) >= FORM_MIN_RECORDS and _even_records(positions)}
    turns = [positions for text, positions in labels.items()
             if any(other != text and _alternate(positions, others) for other, others in labels.items())]
    if len(turns) < TEMPLATE_MIN_LABELS or min(p[0] for p in turns) - last > TEMPLATE_MAX_LEAD:
        return last
    unique = sum(1 for positions in copies.values() if len(positions) == 1)
    if unique < FORM_MIN_RECORDS:  # the records must say something different from each other
        return last
    end = max(p[-1] for p in turns)
    # The last record runs as long as the one before it.
    record = end - max(p[-2] for p in turns)
    return min(end + record, len(kept) - 1)


def _even_records(positions: Sequence[int]) -> bool:
    """A template's records run about as long as each other (TEMPLATE_MAX_RECORD_RATIO): the same
    name over two teasers of a feed far apart (an author's) is no label of one."""
    lengths = [following - position for position, following in zip(positions, positions[1:])]
    return max(lengths) <= TEMPLATE_MAX_RECORD_RATIO * min(lengths)


def _alternate(positions: Sequence[int], others: Sequence[int]) -> bool:
    """Copies of two labels stand strictly in turns (`Breakfast`, `Lunch`, `Breakfast`, `Lunch`):
    a feed files its teasers under its sections' names in no order (`AUTO NEWS`, `FEATURES`,
    `FEATURES`, `AUTO NEWS`, `AUTO NEWS`), and a template's records name theirs in one."""
    if positions[0] > others[0]:
        positions, others = others, positions
    # In turns, the first label has as many copies as the other or one more, each before its pair.
    return (0 <= len(positions) - len(others) <= 1 and all(map(int.__lt__, positions, others))
            and all(map(int.__lt__, others, positions[1:])))


def _enumeration_end(kept: Sequence[Block], features: Sequence[Features], last: int) -> int:
    """The last block of a list numbered 1, 2, 3... that starts right after the core (or `last`),
    or that the core ends inside: items long enough to read as prose (`5) I Cavalieri Dello
    Zodiaco ... http://amzn.to/...`) take the core to them, and the list counts on from there."""
    expected, end, gaps = 1, last, []
    inside = _enumeration_inside(kept, features, last)
    if inside:
        expected, end = inside
    position = last
    while position + 1 < len(kept) and position - end <= ENUM_MAX_GAP:
        position += 1
        number = ENUMERATED.match(kept[position].text)
        if number and int(number.group(1)) == expected:
            gaps.append(position - end - 1)
            expected, end = expected + 1, position
    if not gaps or expected - 1 < ENUM_MIN_ITEMS or gaps[0] > ENUM_MAX_GAP - 1:
        return last
    # What stood between every two items (a link, a price) stands after the last one too.
    trailing = min(gaps[1:], default=0)
    return min(end + trailing, len(kept) - 1)


def _enumeration_inside(kept: Sequence[Block], features: Sequence[Features], last: int) -> tuple[int, int] | None:
    """The next number and the position of the last item of a list numbered from 1 that the core
    ends inside (its last item at most ENUM_MAX_GAP blocks before `last`), or None. One item at
    least reads as prose, which is what took the core into the list: a numbered list of other
    stories that the core reached over (`1. [missing-im]`, a headline) is not the article's."""
    number, position = None, last
    while position >= 0 and last - position <= ENUM_MAX_GAP and number is None:
        number = ENUMERATED.match(kept[position].text)
        position -= 1
    if number is None:
        return None
    found, end = int(number.group(1)), position + 1
    # Every number before it stands in turn above it: the core holds the list's start.
    expected, previous, prose = found - 1, end, features[end].kind == "prose"
    while expected >= 1 and position >= 0 and previous - position <= ENUM_MAX_GAP + 1:
        before = ENUMERATED.match(kept[position].text)
        if before and int(before.group(1)) == expected:
            expected, previous = expected - 1, position
            prose = prose or features[position].kind == "prose"
        position -= 1
    return (found + 1, end) if expected == 0 and found > 1 and prose else None


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


def gap_costs(blocks: Sequence[Block], removed: Mapping[int, str],
              inside_article: Set[str] = frozenset()) -> tuple[list[Block], Gaps]:
    """The blocks not `removed`, and for each position among them that removed blocks stand
    before, what a run pays to reach over them: each removed block as the short line it was,
    at most REMOVED_MAX_COST, and nothing for what a rule in `inside_article` took (a picture's
    credit stands inside the article, under the lead picture or between paragraphs)."""
    kept: list[Block] = []
    gaps = Gaps({}, set())
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
        kept.append(block)
    return kept, gaps


def apply_detector(blocks: Sequence[Block], state: RuleState, memo: DetectMemo | None = None, *,
                   settling: bool = False, inside_article: Set[str] = frozenset()) -> bool:
    """Run the detector over the blocks not yet removed and record its removals; True when it
    removed any. What was removed before stands between them as gaps (gap_costs).

    `settling`: the rules and duplicate collapse took nothing more in this pass; if the gaps leave
    nothing to remove, the kept blocks alone are asked too, as cleaning the clean text (which
    holds no gaps) would ask them, and what that takes goes now. `inside_article`: the ids of
    rules whose removals leave no gap (gap_costs)."""
    kept, gaps = gap_costs(blocks, state.removed, inside_article)
    detection = detect(kept, memo, gaps, alone_too=settling)
    if detection.warning:
        warning = CleanWarning("guard", detection.warning, "detect")
        if warning not in state.warnings:
            state.warnings.append(warning)
    for decision in detection.decisions:
        state.removed[decision.index] = decision.rule
        state.details[decision.index] = decision.detail
    return bool(detection.decisions)
