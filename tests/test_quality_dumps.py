"""Quality gate on Markdown dumps of the dev pages (html2text, as converters and crawlers write them).

Floors sit just below what cleaner reaches and only move up (tests/test_quality_text.py).
bench/quality_dumps.py prints the same row beside jusText and trafilatura, and lynx and w3m dumps.
"""

from __future__ import annotations

from pathlib import Path

from bench.metric import Page, gold_of, score
from bench.quality_dumps import dump
from cleaner import Cleaner

# html2text's dumps: before links and images were read as Markdown, F1 0.566 (0.403 / 0.954);
# 0.865 before links inside links were taken and link numbers looked for in what Markdown left.
FLOOR = (0.788, 0.980, 0.874)  # precision, recall, F1


def test_markdown_dumps_quality_floor(dev_pages: list[Page], default_cleaner: Cleaner, tmp_path: Path) -> None:
    cleaned = {page.id: default_cleaner.clean(dump("html2text", page, tmp_path), format="text").text
               for page in dev_pages}
    result = score(cleaned, gold_of(dev_pages))
    precision, recall, f1 = FLOOR
    assert result.empty == 0, result
    assert result.precision >= precision, result
    assert result.recall >= recall, result
    assert result.f1 >= f1, result
