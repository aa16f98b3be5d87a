"""Quality gate: cleaner's HTML path on the dev split of the article-extraction benchmark.

Floors sit just below what cleaner reaches (bench/quality.py prints the full table against its
peers). Floors only move up: a change that lowers a score below its floor fails, and the floor is
never lowered to make it pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.metric import DEFAULT_BENCH, gold_of, load_pages, score
from cleaner import Cleaner

F1_FLOOR = 0.978
PRECISION_FLOOR = 0.977
RECALL_FLOOR = 0.978

pytestmark = pytest.mark.slow


@pytest.mark.skipif(not (Path(DEFAULT_BENCH) / "gold.json").is_file(), reason="benchmark folder absent")
def test_dev_split_quality_floors() -> None:
    pages = load_pages(DEFAULT_BENCH)
    engine = Cleaner()
    predictions = {page.id: engine.clean(page.html(), url=page.url or None, format="html").text for page in pages}
    result = score(predictions, gold_of(pages))
    assert result.empty == 0, f"{result.empty} pages came back empty"
    assert result.f1 >= F1_FLOOR, result
    assert result.precision >= PRECISION_FLOOR, result
    assert result.recall >= RECALL_FLOOR, result
