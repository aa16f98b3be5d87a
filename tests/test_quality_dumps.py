"""Quality gates on dumps of the dev pages that other tools write: Markdown (html2text, as converters
and crawlers write it) and a line per text node (BeautifulSoup's `get_text("\n", strip=True)`).

Floors sit just below what cleaner reaches and only move up (tests/test_quality_text.py).
bench/quality_dumps.py prints the same row beside jusText and trafilatura, and lynx and w3m dumps.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.metric import Page, gold_of, score
from bench.quality_dumps import dump
from cleaner import Cleaner

# html2text's dumps: before links and images were read as Markdown, F1 0.566 (0.403 / 0.954);
# 0.865 before links inside links were taken and link numbers looked for in what Markdown left.
# 0.889 before text broken at inline elements was read as paragraphs (0.2.16: a link's text on a
# line of its own inside a Markdown link, `[text` / `](address)`). 0.891 before an alt text with
# escaped brackets was read as an image, 0.899 before a link around an image on a line of its own
# and an address in any scheme (`whatsapp://`) were, 0.906 before unwrapped list items and table
# rows stopped setting the wrap's width and a quote's wrapped lines were joined (0.2.18); precision
# 0.8649 before a BBC caption joined to its credit (`Image copyright ... Image caption ...`) was one (0.2.19).
# BeautifulSoup's dumps: 0.889 / 0.953 / 0.920 before 0.2.16 read a paragraph's pieces as one;
# 0.889 / 0.968 / 0.927 before runs of bare figures were read as a table's cells (0.2.18).
FLOORS = {  # precision, recall, F1
    "html2text": (0.865, 0.983, 0.920),
    "bs4": (0.892, 0.978, 0.933),
}


@pytest.mark.parametrize("tool", list(FLOORS))
def test_dumps_quality_floor(tool: str, dev_pages: list[Page], default_cleaner: Cleaner, tmp_path: Path) -> None:
    cleaned = {page.id: default_cleaner.clean(dump(tool, page, tmp_path), format="text").text
               for page in dev_pages}
    result = score(cleaned, gold_of(dev_pages))
    precision, recall, f1 = FLOORS[tool]
    assert result.empty == 0, result
    assert result.precision >= precision, result
    assert result.recall >= recall, result
    assert result.f1 >= f1, result
