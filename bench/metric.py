"""The article-extraction benchmark's metric, as its README defines it.

Text is split into `\\w+` tokens (Unicode, case kept); a page is the multiset of its token 4-grams
(a text of fewer than four tokens is one gram). Per page tp/fp/fn are divided by their sum;
precision is the mean of tp/(tp+fp) over pages whose prediction has at least one gram, recall the
mean of tp/(tp+fn) over all pages, F1 the harmonic mean of the two means. Empty predictions are
counted and reported, never hidden.
"""

from __future__ import annotations

import gzip
import json
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

TOKEN = re.compile(r"\w+")
# The dev split, kept in the repository (MIT, see its LICENSE) so that the quality floors run on every clone.
DEFAULT_BENCH = Path(__file__).resolve().parent / "data" / "scrapinghub-dev"


def grams(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class PageScore:
    precision: float | None  # None when the prediction is empty
    recall: float


def score_page(prediction: str, gold: str) -> PageScore:
    predicted, expected = grams(prediction), grams(gold)
    tp = sum((predicted & expected).values())
    fp = sum(predicted.values()) - tp
    fn = sum(expected.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return PageScore(None, 0.0)
    precision = tp / (tp + fp) if predicted else None
    recall = tp / (tp + fn) if (tp + fn) else 1.0
    return PageScore(precision, recall)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    empty: int
    pages: int


def score(predictions: Mapping[str, str], gold: Mapping[str, str]) -> Score:
    pages = [score_page(predictions.get(page_id, ""), gold_text) for page_id, gold_text in gold.items()]
    return mean_score(pages, sum(1 for page_id in gold if not grams(predictions.get(page_id, ""))))


def mean_score(pages: Sequence[PageScore], empty: int) -> Score:
    """Precision averaged over the pages with a prediction, recall over all, and their F1."""
    precisions = [p.precision for p in pages if p.precision is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(p.recall for p in pages) / len(pages) if pages else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, empty, len(pages))


# The pseudo-dump of the article alone: cleaning it measures false removals (recall), nothing else.
ARTICLE = "article"
# A dump hard-wrapped the way terminal browsers and HTML-to-text converters write it: every line
# broken at WRAP_WIDTH columns (html2text's default; lynx and w3m use 79-80), a blank line between
# paragraphs, words never broken. `text-main-wrapped` is `text-main` so wrapped.
WRAPPED = "-wrapped"
WRAP_WIDTH = 78


def hard_wrapped(text: str, width: int = WRAP_WIDTH) -> str:
    lines = [textwrap.fill(line, width, break_long_words=False) for line in text.split("\n") if line.strip()]
    return "\n\n".join(lines) + "\n"


def unwrapped(text: str) -> str:
    """A hard-wrapped dump's paragraphs one per line (what a peer that reads lines is given)."""
    return "\n".join(" ".join(chunk.split()) for chunk in text.split("\n\n") if chunk.strip())


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    gold: str
    bench: Path

    def html(self) -> bytes:
        return gzip.decompress((self.bench / "html" / f"{self.id}.html.gz").read_bytes())

    def text(self, kind: str) -> str:
        """`kind` is "text-main" or "text-all", or "article" for the gold text itself (a dump with no
        furniture at all: whatever a cleaner takes from it is a false removal), or any of them with
        WRAPPED after it for the same text hard-wrapped."""
        if kind == ARTICLE:
            return self.gold
        if kind.endswith(WRAPPED):
            return hard_wrapped(self.text(kind.removesuffix(WRAPPED)))
        return (self.bench / kind / f"{self.id}.txt").read_text(encoding="utf-8")


def load_pages(bench: Path = DEFAULT_BENCH) -> list[Page]:
    gold = json.loads((bench / "gold.json").read_text(encoding="utf-8"))
    return [Page(page_id, entry.get("url", ""), entry["articleBody"], bench) for page_id, entry in sorted(gold.items())]


def gold_of(pages: Iterable[Page]) -> dict[str, str]:
    return {page.id: page.gold for page in pages}
