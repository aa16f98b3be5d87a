"""Where the article ends and starts beyond its densest run of prose (cleaner/detect.py's core).

The core is where prose is densest; the article may reach past it, or stop short of it:
- lists the article announces, numbers or ends with, records written to one template, a table it
  announces and a fact box of figures stay with it (article_list_end, lead_list_start,
  is_fact_box, announced_lists);
- a feed of other stories filed under a section's name, and a run of other stories' headlines
  that read as prose, cut it short (feed_start, teasers_start).
docs/detector.md says why each shape is read as it is, and what the dev pages showed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .block_features import LIST_MARKS, NUMBER_MARK, Features, content_words, shares_topic
from .dedup import FORM_MIN_RECORDS
from .document import Block
from .words import is_title_cased

# Inside the article, a run of this many short title-like blocks is a list of links, not the
# article's sub-headlines (those stand alone between paragraphs): detect.py's link runs.
LINK_RUN_MIN = 4
# At the core's end, a run of TEASER_RUN_MIN lines or more (as long as a link run) that end like no
# sentence, TEASER_MIN_PROSE of them long enough to read as prose, after a paragraph that ends like
# one, is a list of other stories' headlines (`There's a galaxy hurtling towards our Milky Way that
# could wipe out life on Earth`); a headline has at most TEASER_MAX_WORDS words.
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
LIST_MARKER = re.compile(rf"^{LIST_MARKS}\s*")
# A list the article announces or numbers stays with it when it follows the core: items numbered
# 1, 2, 3... (at least ENUM_MIN_ITEMS, at most ENUM_MAX_GAP blocks apart: a link or a note may stand
# between two items), or items with one list marker after a core that ends with a colon.
ENUM_MIN_ITEMS = 3
ENUM_MAX_GAP = 3
ENUMERATED = re.compile(f"^{NUMBER_MARK}")
BULLETED = re.compile(rf"^{LIST_MARKS}\s*\S")
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
# A short tail that is mostly entries with figures in them (dates, prices, times, phone numbers,
# results) is the article's fact box, not furniture, and stays: at least FACTS_MIN_LINES lines,
# FACTS_MIN_SHARE of them with a figure, all together no longer than FACTS_MAX_SHARE of the
# article (one dated line is a time stamp; a long tail of figures is a page's listings), and none
# of them prose: a fact box lists, and a summary of another story under its headline reads as prose
# (model numbers, years and image names put a figure in most lines of a list of other stories).
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


def is_fact_box(tail: Sequence[Block], tail_features: Sequence[Features], article_chars: int) -> bool:
    """A short run of entries after the article, most holding a figure and none prose (see FACTS_MIN_LINES)."""
    figures = sum(1 for b in tail if FIGURE.search(b.text))
    return (len(tail) >= FACTS_MIN_LINES and figures >= FACTS_MIN_SHARE * len(tail)
            and not any(f.kind == "prose" for f in tail_features)
            and sum(len(b.text) for b in tail) <= FACTS_MAX_SHARE * article_chars)


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
