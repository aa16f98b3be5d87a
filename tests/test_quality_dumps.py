"""Quality gates on dumps of the dev pages that other tools write: Markdown (html2text, markdownify
and turndown, as converters, crawlers and readers write it), a line per text node (BeautifulSoup's
`get_text("\n", strip=True)`) and terminal browsers' dumps, hard-wrapped and indented (`lynx -dump`
with and without its numbered links, `w3m -dump`). The dumps by programs outside Python (lynx, w3m,
turndown on Node.js) are kept in bench/data/dumps/, so none of them need be installed.

Floors sit just below what cleaner reaches and only move up (tests/test_quality_text.py).
bench/quality_dumps.py prints the same rows beside jusText and trafilatura.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.metric import Page, gold_of, score
from bench.quality_dumps import PROGRAMS, dump, stored_dumps
from cleaner import Cleaner

# html2text's dumps: before links and images were read as Markdown, F1 0.566 (0.403 / 0.954);
# 0.865 before links inside links were taken and link numbers looked for in what Markdown left.
# 0.889 before text broken at inline elements was read as paragraphs (0.2.16: a link's text on a
# line of its own inside a Markdown link, `[text` / `](address)`). 0.891 before an alt text with
# escaped brackets was read as an image, 0.899 before a link around an image on a line of its own
# and an address in any scheme (`whatsapp://`) were, 0.906 before unwrapped list items and table
# rows stopped setting the wrap's width and a quote's wrapped lines were joined (0.2.18); precision
# 0.8649 before a BBC caption joined to its credit (`Image copyright ... Image caption ...`) was one (0.2.19).
# 0.8713 / 0.9836 / 0.9240 since a link whose text spans paragraphs is one (0.2.19; 0.9208 before).
# markdownify's and turndown's (0.2.19, when first gated): 0.843 / 0.986 / 0.909 and 0.843 / 0.985 /
# 0.908 before an alt text's unescaped brackets, an image without an address, a link around a card's
# paragraphs and a heading inside a link's text were read as Markdown. turndown's 0.885 / 0.985 / 0.932
# before the guard stopped counting a title-cased Markdown heading as content (0.2.20).
# BeautifulSoup's dumps: 0.889 / 0.953 / 0.920 before 0.2.16 read a paragraph's pieces as one;
# 0.889 / 0.968 / 0.927 before runs of bare figures were read as a table's cells (0.2.18).
# Terminal dumps (0.2.19, when they were first kept): lynx 0.801 / 0.980 / 0.881, lynx -nolist
# 0.851 / 0.975 / 0.909, w3m 0.852 / 0.980 / 0.911 before a wrapped run before a blank line counted
# as a paragraph's end and a numbered list the core ends inside was counted on; 0.842 / 0.982 /
# 0.906, 0.852 / 0.981 / 0.912 and 0.859 / 0.980 / 0.915 before indented paragraphs under wider
# headings were read at their own width. 0.847 / 0.984 / 0.910 (lynx) before lynx's list of link
# addresses stopped hiding the language and counting as content, title-cased headlines and lines
# next to a rule (`_____`) stopped counting against a wrap, and a short announcement after the
# article stayed with it (0.2.20); 0.863 / 0.984 / 0.920 before an empty ad slot (`[INS: :INS]`) went.
# 0.2.21 (a feed is no template, other stories' headlines end the core, furniture rules): html2text
# 0.871 / 0.984 / 0.924, markdownify 0.885 / 0.987 / 0.933, turndown 0.895 / 0.985 / 0.938, bs4 0.893 /
# 0.979 / 0.934, lynx 0.864 / 0.984 / 0.920, lynx -nolist 0.858 / 0.985 / 0.917, w3m 0.866 / 0.981 / 0.920 before.
# 0.2.24 (rules read a Markdown list item without its mark): html2text 0.879 / 0.984 / 0.928, markdownify
# 0.895 / 0.988 / 0.939, turndown 0.909 / 0.985 / 0.946 before.
# 0.2.25 (teaser cards are no content to the guard; author boxes in five languages): html2text 0.888 /
# 0.983 / 0.933, markdownify 0.897 / 0.988 / 0.940, turndown 0.912 / 0.985 / 0.947, lynx 0.867 / 0.984 /
# 0.922, lynx -nolist 0.861 / 0.984 / 0.919, w3m 0.870 / 0.981 / 0.922, bs4 0.898 / 0.978 / 0.936 before.
# 0.2.26 (navigation buttons, comment counts in brackets, share and follow labels, Enfold's post
# meta): html2text 0.895 / 0.984 / 0.937, markdownify 0.909 / 0.988 / 0.947, turndown 0.924 / 0.985 /
# 0.953, lynx 0.888 / 0.984 / 0.934, lynx -nolist 0.882 / 0.985 / 0.931, w3m 0.878 / 0.981 / 0.927 before.
# 0.2.27 (a fact box holds no prose; furniture lines of large news sites): html2text 0.896 / 0.984 /
# 0.937, markdownify 0.910 / 0.988 / 0.947, turndown 0.924 / 0.985 / 0.954, bs4 0.899 / 0.978 / 0.937,
# lynx 0.889 / 0.984 / 0.934, lynx -nolist 0.883 / 0.985 / 0.931, w3m 0.880 / 0.981 / 0.928 before.
# 0.2.28 (a copyright line with a range of years wherever it stands): turndown 0.927 / 0.985 /
# 0.955, lynx 0.891 / 0.984 / 0.935, w3m 0.882 / 0.981 / 0.929 before.
FLOORS = {  # precision, recall, F1
    "html2text": (0.896, 0.984, 0.938),
    "markdownify": (0.912, 0.988, 0.948),
    "turndown": (0.928, 0.985, 0.955),
    "bs4": (0.901, 0.978, 0.938),
    "lynx": (0.892, 0.984, 0.936),
    "lynx-nolist": (0.884, 0.985, 0.932),
    "w3m": (0.883, 0.981, 0.929),
}


@pytest.mark.parametrize("tool", list(FLOORS))
def test_dumps_quality_floor(tool: str, dev_pages: list[Page], default_cleaner: Cleaner, tmp_path: Path) -> None:
    if tool in PROGRAMS:  # a floor that could skip is none: the kept dumps must be there
        kept = stored_dumps(tool)
        assert all(page.id in kept for page in dev_pages), f"bench/data/dumps/{tool}.json.gz"
        texts = {page.id: kept[page.id] for page in dev_pages}
    else:
        texts = {page.id: dump(tool, page, tmp_path).decode("utf-8") for page in dev_pages}
    cleaned = {page_id: default_cleaner.clean(text, format="text").text for page_id, text in texts.items()}
    result = score(cleaned, gold_of(dev_pages))
    precision, recall, f1 = FLOORS[tool]
    assert result.empty == 0, result
    assert result.precision >= precision, result
    assert result.recall >= recall, result
    assert result.f1 >= f1, result
