"""Per-page scores of cleaner on the dev split's text dumps: where precision and recall are lost.

    .venv/bin/python bench/quality_pages.py [BENCH_DIR] [--kind text-main|text-all|article[-wrapped]] [--sort precision|recall]
                                            [--rules] [--page ID_PREFIX]

One row per page: precision and recall with no cleaning and with cleaner, and how many characters
each rule id removed (with --rules). With --page, prints every removed block of the matching pages
with its rule, marked `GOLD` when most of its words are in the gold article (a false removal), and
every kept block marked `EXTRA` when most of its words are not (a leftover).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metric import ARTICLE, DEFAULT_BENCH, WRAPPED, load_pages, score_page  # noqa: E402
from cleaner import Cleaner  # noqa: E402

WORD = re.compile(r"\w+")
# A block is "in the gold" when at least this share of its words occur in the gold text.
IN_GOLD_SHARE = 0.8


def in_gold(text: str, gold_words: set[str]) -> bool:
    words = WORD.findall(text)
    return bool(words) and sum(1 for w in words if w in gold_words) >= IN_GOLD_SHARE * len(words)


def explain(page_text: str, gold: str, cleaner: Cleaner) -> None:
    result = cleaner.clean(page_text, format="text")
    gold_words = set(WORD.findall(gold))
    removed = {(r["start"], r["end"]): r for r in result.removed}
    for line in re.finditer(r"[^\r\n]+", page_text):
        text = line.group().strip()
        if not text:
            continue
        removal = next((r for (s, e), r in removed.items() if s <= line.start() < e), None)
        mark = "GOLD " if in_gold(text, gold_words) else "     "
        if removal:
            print(f"  - {mark if mark.strip() else '     '} {removal['rule']:<22} {text[:110]}")
        else:
            print(f"  + {'     ' if in_gold(text, gold_words) else 'EXTRA'} {'':<22} {text[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    kinds = ("text-main", "text-all", ARTICLE)
    parser.add_argument("--kind", choices=kinds + tuple(kind + WRAPPED for kind in kinds), default="text-main")
    parser.add_argument("--sort", choices=("precision", "recall"), default="precision")
    parser.add_argument("--rules", action="store_true", help="characters removed per rule id")
    parser.add_argument("--page", help="print the blocks of pages whose id starts with this")
    args = parser.parse_args(argv)
    cleaner = Cleaner()
    pages = load_pages(args.bench)
    if args.page:
        for page in pages:
            if page.id.startswith(args.page):
                print(f"# {page.id} {page.url}")
                explain(page.text(args.kind), page.gold, cleaner)
        return 0
    rows = []
    for page in pages:
        text = page.text(args.kind)
        result = cleaner.clean(text, format="text")
        before, after = score_page(text, page.gold), score_page(result.text, page.gold)
        by_rule: Counter[str] = Counter()
        for removal in result.removed:
            by_rule[removal["rule"]] += removal["end"] - removal["start"]
        rows.append((page.id, before, after, by_rule))
    key = (lambda r: r[2].precision or 0.0) if args.sort == "precision" else (lambda r: r[2].recall)
    print("| page | P before | R before | P after | R after |" + (" removed by |" if args.rules else ""))
    for page_id, before, after, by_rule in sorted(rows, key=key):
        rules = " " + ", ".join(f"{rule} {chars}" for rule, chars in by_rule.most_common()) + " |" if args.rules else ""
        print(f"| {page_id[:10]} | {before.precision or 0:.3f} | {before.recall:.3f} | "
              f"{after.precision or 0:.3f} | {after.recall:.3f} |{rules}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
