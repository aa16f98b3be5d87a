"""What the detector reads off one block: its length, its words, its share of stop words, whether it
ends like a sentence, and from those its kind (`prose`, `sentence`, `data`, `topic`, `short`) and
its weight in the search for the article's core (docs/detector.md, "Features" and "Classes and
weights").

Features are a pure function of a block's text and of whether the document's language has a
stop-word list; DetectMemo keeps them for the document, as the pipeline runs the detector after
every pass.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .document import Block
from .stopwords import STOP_WORDS
from .width import CJK_CHAR_WIDTH, cjk_chars
from .words import SENTENCE_ENDS, WORD, ends_with

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
# An address: its parts are no words of a language (is_known_language), and a line that is only
# one is never the headline (detect.is_headline).
BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# The marks a bulleted line starts with (a bullet, an arrow, a check, an asterisk, a dash).
LIST_MARK_CHARS = "•·▪◦‣●○■□➤►✓✔*-–—"
LIST_MARKS = f"[{re.escape(LIST_MARK_CHARS)}]"
# A numbered item's mark (`1.`, `(2)`, `3:`), its number the group.
NUMBER_MARK = r"\(?(\d{1,3})[.):]\s"
# A list item's mark or number, and the characters it may start with.
LIST_ITEM_START = re.compile(rf"{LIST_MARKS}\s*|{NUMBER_MARK}")
LIST_ITEM_FIRST = frozenset(LIST_MARK_CHARS + "(0123456789")
# A teaser card of another story, as a list item (is_teaser_card): its title of CARD_MIN_TITLE_WORDS
# words or more printed twice, with or without a space between (the picture's link and the
# headline's), anything after; or the story's comment count after its title.
CARD_MIN_TITLE_WORDS = 3
CARD_MIN_TITLE_CHARS = 12
COMMENT_WORDS = frozenset({"comment", "comments", "kommentar", "kommentare", "commentaire", "commentaires", "comentario",
                           "comentarios", "comentário", "comentários", "commenti", "komentar", "comentarii", "reacties",
                           "yorum", "комментарий", "комментариев", "комментария"})
# A figure a table's cell holds (`38,512`, `+0.4%`, `$78.20`); a bare count (`1`, `12`) numbers a
# ranking's or a pager's entries as often.
MEASURE = re.compile(r"\d[.,]\d|%|[$€£¥]")
# A bare figure (`5040`, `17`): in a run of FIGURE_RUN_MIN or more, a table's row printed one
# cell a line; alone between titles, or two together (a ranking in two columns, `1` / `2`; a
# story's share and comment counts), it stays a short line.
BARE_FIGURE = re.compile(r"[+-]?\d+")
FIGURE_RUN_MIN = 3

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


def is_teaser_card(text: str) -> bool:
    """Whether a list item is a card of another story: it prints one title twice (`* Court dismisses
    Abbo's objection Court dismisses Abbo's objection`, or glued, `...New CoachBREAKING: ...`) or
    ends with the story's comment count (`* Boy Kills Brother, Removes His Eyes, Tongue 10 comments`).
    No article's list says a thing twice in one item or counts its comments after a title."""
    item = LIST_ITEM_START.match(text)
    if item is None:
        return False
    body = text[item.end():]
    title_count_word = body.rsplit(" ", 2)
    if len(title_count_word) == 3 and title_count_word[1].isdigit() and title_count_word[2].lower() in COMMENT_WORDS:
        return len(title_count_word[0].split()) >= CARD_MIN_TITLE_WORDS  # after a title (`Add 10 comments` is a step)
    return _repeats_its_start(body)


def _repeats_its_start(body: str) -> bool:
    """Whether `body` starts with a title of CARD_MIN_TITLE_WORDS words or more written twice, with
    or without a space between (looked for where the title's first word comes again)."""
    words = body.split(None, 1)
    again = body.find(words[0], CARD_MIN_TITLE_CHARS) if words else -1
    while again != -1:
        title = body[:again - 1] if body[again - 1] == " " else body[:again]
        if body.startswith(title, again):
            return len(title.split()) >= CARD_MIN_TITLE_WORDS
        again = body.find(words[0], again + 1)
    return False


def figure_columns(texts: list[str], features: list[Features], figures: Set[str]) -> list[Features]:
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
    cards: set[str] = field(default_factory=set)  # the texts seen that are a teaser card (is_teaser_card)

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
            elif text[:1] in LIST_ITEM_FIRST and is_teaser_card(text):
                # Another story's card reads as prose by its words, and drew the core over a feed of them.
                self.cards.add(text)
                features = by_text[text] = features.as_kind("short")
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
