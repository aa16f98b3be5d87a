"""Quality with the articles swapped: each dev page's article set into every other dev page's template.

    .venv/bin/python bench/quality_swapped.py [BENCH_DIR] [--kind text-all|text-main] [--worst N]

The dev split is 88 templates and 88 articles, each article in its own template, and whatever was
tuned on it (a rule for a site's furniture, a weight of the detector) was tuned on those pairs.
Setting each article (its gold paragraphs, a line each) where another page's article stood makes
88 x 87 = 7,656 pages that nothing was tuned on: a short report over a long cookie policy, a table
of results on a page made for prose, an Italian article on an English site. Where an article
stood is the span from the first to the last line of the template's dump that is a line of its
own gold (MIN_GOLD_LINE_CHARS or more, so a short line that the gold shares with a menu does not
move it); what the dump has above and below that span stays (menus, headline, byline, comments,
footer). A template whose dump holds no such line is left out.

Each page is scored against its article's gold (bench/metric.py). The table gives the mean
precision, recall and F1, and how many pages lost half of their article or more (recall under
0.5) or a tenth (under 0.9): a template that takes an article whole is what "never lose the
article" is about. `--worst N` lists the N pages with the least recall.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metric import DEFAULT_BENCH, Page, PageScore, load_pages, mean_score, score_page  # noqa: E402
from cleaner import Cleaner  # noqa: E402

KINDS = ("text-all", "text-main")
MIN_GOLD_LINE_CHARS = 40


class Template(NamedTuple):
    """A page's dump as lines, and the span [first, last] its article takes."""

    page_id: str
    lines: list[str]
    first: int
    last: int


class Swapped(NamedTuple):
    article: str  # the page whose gold is set in
    template: str  # the page whose dump it is set into
    precision: float | None
    recall: float


def template_of(page: Page, kind: str) -> Template | None:
    gold = " ".join(page.gold.split())
    lines = page.text(kind).split("\n")
    spans = [i for i, line in enumerate(lines)
             if len(line.strip()) >= MIN_GOLD_LINE_CHARS and " ".join(line.split()) in gold]
    return Template(page.id, lines, spans[0], spans[-1]) if spans else None


def swapped_text(article: Page, template: Template) -> str:
    paragraphs = [line for line in article.gold.split("\n") if line.strip()]
    return "\n".join(template.lines[:template.first] + paragraphs + template.lines[template.last + 1:])


def swapped_pages(pages: list[Page], kind: str) -> Iterator[tuple[Page, Template, str]]:
    """Every article in every other page's template, in the pages' order."""
    templates = [t for page in pages if (t := template_of(page, kind)) is not None]
    for article in pages:
        for template in templates:
            if template.page_id != article.id:
                yield article, template, swapped_text(article, template)


def scores(pages: list[Page], kind: str, cleaner: Cleaner | None = None) -> list[Swapped]:
    cleaner = cleaner or Cleaner()
    results = []
    for article, template, text in swapped_pages(pages, kind):
        page = score_page(cleaner.clean(text, format="text").text, article.gold)
        results.append(Swapped(article.id, template.page_id, page.precision, page.recall))
    return results


class Summary(NamedTuple):
    pages: int
    precision: float
    recall: float
    f1: float
    lost_half: int  # recall under 0.5
    lost_tenth: int  # recall under 0.9


def summary(results: list[Swapped]) -> Summary:
    """The mean scores as bench/metric.py takes them for the dev pages, and the pages that lost much."""
    mean = mean_score([PageScore(r.precision, r.recall) for r in results], sum(r.precision is None for r in results))
    return Summary(mean.pages, mean.precision, mean.recall, mean.f1, sum(r.recall < 0.5 for r in results),
                   sum(r.recall < 0.9 for r in results))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH,
                        help="benchmark folder with gold.json and the dumps (default: %(default)s)")
    parser.add_argument("--kind", choices=KINDS, action="append", help="the templates' dump (repeatable; default: both)")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N pages with the least recall")
    args = parser.parse_args(argv)
    if not (args.bench / "gold.json").is_file():
        parser.error(f"{args.bench} has no gold.json: pass the benchmark folder")
    pages = load_pages(args.bench)
    print("| templates | pages | P | R | F1 | recall < 0.5 | recall < 0.9 |")
    print("|---|---|---|---|---|---|---|")
    worst: list[tuple[str, Swapped]] = []
    for kind in args.kind or KINDS:
        results = scores(pages, kind)
        s = summary(results)
        print(f"| {kind} | {s.pages:,} | {s.precision:.4f} | {s.recall:.4f} | {s.f1:.4f} | {s.lost_half} | {s.lost_tenth} |")
        worst += [(kind, r) for r in results]
    if args.worst:
        print("\n| templates | article | in the template of | P | R |\n|---|---|---|---|---|")
        for kind, r in sorted(worst, key=lambda item: (item[1].recall, item[1].article, item[1].template))[:args.worst]:
            precision = "-" if r.precision is None else f"{r.precision:.3f}"
            print(f"| {kind} | {r.article[:10]} | {r.template[:10]} | {precision} | {r.recall:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
