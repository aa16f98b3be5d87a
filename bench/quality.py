"""Article-extraction quality on raw HTML: cleaner against its peers, measured in one run.

    python bench/quality.py [BENCH_DIR] [--per-page]

BENCH_DIR defaults to bench/data/scrapinghub-dev (the dev split, kept in the repository). Every extractor
reads the same decoded pages; the table gives precision, recall and F1 (bench/metric.py), how many
pages came back empty, and pages per second (a ratio between rows of one run; the machine is shared,
so absolute speeds are noise). Peers whose package is not installed are listed as skipped.

To add rows (another input kind, another tool), import `Extractor`, `run` and `print_table` and
pass your own extractors: `run` only needs a name and a function from a page to text.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` and `cleaner` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metric import DEFAULT_BENCH, Page, Score, gold_of, load_pages, score, score_page

PageExtractor = Callable[[Page], str]


@dataclass(frozen=True)
class Extractor:
    """One table row: a name and how it turns a page into text (None when it cannot run here)."""

    name: str
    build: Callable[[], PageExtractor]  # imports lazily, raises ImportError when not installed


@dataclass(frozen=True)
class Row:
    name: str
    score: Score | None
    pages_per_second: float
    outputs: dict[str, str]
    note: str = ""


def html_text(page: Page) -> str:
    return page.html().decode("utf-8")


def cleaner_extractor() -> PageExtractor:
    from cleaner import Cleaner

    engine = Cleaner()
    return lambda page: engine.clean(page.html(), url=page.url or None, format="html").text


def trafilatura_extractor(**options: bool) -> Callable[[], PageExtractor]:
    def build() -> PageExtractor:
        import trafilatura

        def extract(page: Page) -> str:
            return trafilatura.extract(html_text(page), url=page.url or None, include_comments=False,
                                       deduplicate=False, **options) or ""

        return extract

    return build


def justext_extractor() -> PageExtractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def extract(page: Page) -> str:
        paragraphs = justext.justext(page.html(), stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def readability_extractor() -> PageExtractor:
    import lxml.html
    from readability import Document

    def extract(page: Page) -> str:
        summary = Document(html_text(page)).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return extract


HTML_EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("cleaner (html)", cleaner_extractor),
    Extractor("trafilatura extract(include_comments=False)", trafilatura_extractor()),
    Extractor("trafilatura + favor_precision=True", trafilatura_extractor(favor_precision=True)),
    Extractor("jusText (English)", justext_extractor),
    Extractor("readability-lxml", readability_extractor),
)


def run(extractors: Iterable[Extractor], pages: Sequence[Page]) -> list[Row]:
    """Every extractor over every page; a page that raises counts as empty, never stops the run."""
    gold = gold_of(pages)
    rows: list[Row] = []
    for extractor in extractors:
        try:
            extract = extractor.build()
        except ImportError as error:
            rows.append(Row(extractor.name, None, 0.0, {}, f"skipped: {error.name or error} not installed"))
            continue
        outputs: dict[str, str] = {}
        failures = 0
        started = time.perf_counter()
        for page in pages:
            try:
                outputs[page.id] = extract(page)
            except Exception:  # a peer crashing on one page is an empty page, as a user would see it
                outputs[page.id] = ""
                failures += 1
        seconds = time.perf_counter() - started
        note = f"{failures} pages raised" if failures else ""
        rows.append(Row(extractor.name, score(outputs, gold), len(pages) / seconds if seconds else 0.0, outputs, note))
    return rows


def print_table(rows: Sequence[Row], title: str, out=sys.stdout) -> None:
    print(title, file=out)
    print("| extractor | precision | recall | F1 | empty pages | pages/s |", file=out)
    print("|---|---|---|---|---|---|", file=out)
    for row in rows:
        if row.score is None:
            print(f"| {row.name} | - | - | - | - | - ({row.note}) |", file=out)
            continue
        s = row.score
        note = f" ({row.note})" if row.note else ""
        print(f"| {row.name} | {s.precision:.4f} | {s.recall:.4f} | {s.f1:.4f} | {s.empty}/{s.pages}{note} "
              f"| {row.pages_per_second:.1f} |", file=out)


def print_per_page(row: Row, pages: Sequence[Page], out=sys.stdout) -> None:
    """Pages sorted worst first: where an extractor loses precision or recall."""
    scored = [(score_page(row.outputs.get(p.id, ""), p.gold), p) for p in pages]
    scored.sort(key=lambda item: (item[0].precision or 0.0) + item[0].recall)
    print(f"\nper page, {row.name} (worst first):", file=out)
    for page_score, page in scored:
        precision = "empty" if page_score.precision is None else f"{page_score.precision:.3f}"
        print(f"  {page.id}  P={precision}  R={page_score.recall:.3f}  {page.url}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH,
                        help="benchmark folder with gold.json and html/ (default: %(default)s)")
    parser.add_argument("--per-page", action="store_true", help="also list cleaner's scores page by page")
    args = parser.parse_args(argv)
    if not (args.bench / "gold.json").is_file():
        parser.error(f"{args.bench}: no gold.json here (is the benchmark folder present?)")
    pages = load_pages(args.bench)
    rows = run(HTML_EXTRACTORS, pages)
    print_table(rows, f"HTML pages of {args.bench.name} ({len(pages)} pages)")
    if args.per_page:
        print_per_page(rows[0], pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
