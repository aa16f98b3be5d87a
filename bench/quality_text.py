"""Quality of cleaner on scraped text, beside jusText and trafilatura on the same text, in one table.

    .venv/bin/python bench/quality_text.py [BENCH_DIR] [--kind text-main|text-all|article[-wrapped]]

BENCH_DIR defaults to bench/data/scrapinghub-dev (the dev split, kept in the repository). Each page's
`text-main/` and `text-all/` dump is cleaned as plain text; the peers get the same lines wrapped as
paragraphs (one `<p>` per line in a minimal HTML document): jusText with its English stoplist,
trafilatura with `extract(include_comments=False)`. The metric is bench/metric.py's. The `article`
input is the gold text itself, cleaned as a dump: it has no furniture, so precision is 1.0 by
construction and every point of recall lost is a false removal (what a rule or the detector took
from an article that was already clean). A kind with `-wrapped` after it is the same dump
hard-wrapped at 78 columns with a blank line between paragraphs (bench/metric.py), the form that
terminal browsers and HTML-to-text converters write; the peers, which read a paragraph per line,
get its paragraphs one per line. Pages/s is measured in this run, on a second pass over the pages
(cleaner compiles its rules on first use), so compare it between rows, not between machines;
bench/speed.py is the speed measure.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from collections.abc import Callable
from typing import Any
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metric import ARTICLE, DEFAULT_BENCH, WRAPPED, Page, Score, gold_of, load_pages, score, unwrapped  # noqa: E402
from cleaner import Cleaner  # noqa: E402

KINDS = ("text-main", "text-all", ARTICLE, *(f"{kind}{WRAPPED}" for kind in ("text-main", "text-all", ARTICLE)))
Extractor = Callable[[str], str]


def lines_as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>\n{paragraphs}</body></html>"


def cleaner_extractor(**options: Any) -> Extractor:
    cleaner = Cleaner(**options)
    return lambda text: cleaner.clean(text, format="text").text


def justext_extractor() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def extract(text: str) -> str:
        paragraphs = justext.justext(lines_as_html(text).encode("utf-8"), stoplist, encoding="utf-8")
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def trafilatura_extractor() -> Extractor:
    import trafilatura

    return lambda text: trafilatura.extract(lines_as_html(text), include_comments=False) or ""


def no_cleaning() -> Extractor:
    return lambda text: text


TOOLS: dict[str, Callable[[], Extractor]] = {
    "no cleaning": no_cleaning,
    "cleaner": cleaner_extractor,
    "jusText": justext_extractor,
    "trafilatura": trafilatura_extractor,
}


# The peers read the dump through lines_as_html, a paragraph per line.
PEERS = ("jusText", "trafilatura")


def measure(extract: Extractor, pages: list[Page], kind: str, *, reads_lines: bool = False) -> tuple[Score, float]:
    """`reads_lines`: the tool takes each line for a paragraph, so a wrapped dump reaches it with
    its paragraphs one per line (as if unwrapped for it)."""
    texts = {page.id: page.text(kind) for page in pages}
    if reads_lines and kind.endswith(WRAPPED):
        texts = {page_id: unwrapped(text) for page_id, text in texts.items()}
    predictions, speed = extract_timed(extract, texts)
    return score(predictions, gold_of(pages)), speed


def extract_timed(extract: Extractor, texts: dict[str, str]) -> tuple[dict[str, str], float]:
    """Each text's extraction, and pages/s timed on a second pass: what a tool compiles on first
    use (cleaner's rules) stays out of the figure."""
    predictions = {page_id: extract(text) for page_id, text in texts.items()}
    started = time.perf_counter()
    for text in texts.values():
        extract(text)
    seconds = time.perf_counter() - started
    return predictions, len(texts) / seconds if seconds else float("inf")


def scores_of(bench: Path, kinds: tuple[str, ...], tools: tuple[str, ...]) -> list[tuple[str, str, Score, float]]:
    pages = load_pages(bench)
    rows = []
    for kind in kinds:
        for tool in tools:
            result, speed = measure(TOOLS[tool](), pages, kind, reads_lines=tool in PEERS)
            rows.append((kind, tool, result, speed))
    return rows


def table(rows: list[tuple[str, str, Score, float]]) -> str:
    lines = ["| input | tool | precision | recall | F1 | empty | pages/s |", "|---|---|---|---|---|---|---|"]
    for kind, tool, result, speed in rows:
        lines.append(f"| {kind} | {tool} | {result.precision:.3f} | {result.recall:.3f} | {result.f1:.3f} "
                     f"| {result.empty}/{result.pages} | {speed:,.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH,
                        help="benchmark folder with gold.json, text-main/ and text-all/ (default: %(default)s)")
    parser.add_argument("--kind", choices=KINDS, action="append", help="only this dump (repeatable; default: all)")
    parser.add_argument("--tool", choices=tuple(TOOLS), action="append", help="only this tool (repeatable; default: all)")
    args = parser.parse_args(argv)
    if not (args.bench / "gold.json").is_file():
        parser.error(f"{args.bench} has no gold.json: pass the benchmark folder")
    print(table(scores_of(args.bench, tuple(args.kind or KINDS), tuple(args.tool or TOOLS))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
