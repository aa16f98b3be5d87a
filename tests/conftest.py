from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from bench.metric import DEFAULT_BENCH, Page, load_pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite fixtures/*/expected.* from the current output (review the diff before committing).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def default_cleaner() -> cleaner.Cleaner:
    return cleaner.Cleaner()


def html_sources(dev_pages: int | None = None) -> list[str]:
    """The test pages' HTML, and the benchmark's dev pages' (the first `dev_pages`, or all)."""
    sources = [(ROOT / "tests" / "pages" / name).read_text(encoding="utf-8") for name in ("blogger.html", "wordpress.html")]
    return sources + [page.html().decode("utf-8", "replace") for page in load_pages(DEFAULT_BENCH)[:dev_pages]]


@pytest.fixture(scope="session")
def dev_pages() -> list[Page]:
    """The dev split of the article-extraction benchmark (bench/data/scrapinghub-dev)."""
    return load_pages(DEFAULT_BENCH)
