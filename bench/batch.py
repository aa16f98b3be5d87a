"""Batch speed: `cleaner clean` over a corpus of thousands of documents, with 1 and 2 jobs, then again.

The corpus is built in a temporary folder from the dev benchmark's scraped texts (text-main/ and
text-all/) and the project's seeds/, replicated with variations so no two documents are the same:
each copy gets its own first line, loses one paragraph and repeats another (which also gives the
duplicate collapse work). `--html` adds the benchmark's HTML pages the same way.

Three timed runs of the real command line (process start-up included, as a user sees it):
  1. `--jobs 1` on a fresh copy,  2. `--jobs 2` on another fresh copy,  3. the same command as 2
  again (incremental: every output is current and skipped). Outputs of runs 1 and 2 are compared
byte for byte. The machine is shared: read the ratios, not the absolute figures.

    .venv/bin/python bench/batch.py [--docs 5000] [--html] [--keep]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metric import DEFAULT_BENCH  # noqa: E402

CLEANER = Path(sys.executable).parent / "cleaner"
DOCS_PER_FOLDER = 500
MIN_PARAGRAPHS_TO_DROP = 4


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    cpu_seconds: float  # user + system time of the command and its workers
    report: dict

    def row(self, docs: int, megabytes: float, baseline: float) -> str:
        return (f"| {self.name} | {self.seconds:.2f} | {self.cpu_seconds:.2f} | {docs / self.seconds:,.0f} | {megabytes / self.seconds:.2f} "
                f"| {self.report['cleaned'] + self.report['unchanged']} | {self.report['skipped']} "
                f"| {self.report['failed']} | {baseline / self.seconds:.2f}x |")


def base_documents(bench: Path, html: bool) -> list[tuple[str, str]]:
    """(suffix, content) of every source document, in a fixed order."""
    docs = [(".txt", p.read_text(encoding="utf-8")) for folder in ("text-main", "text-all")
            for p in sorted((bench / folder).glob("*.txt"))]
    docs += [(".txt", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))
             if not p.name.endswith(".clean.txt")]
    if html:
        pages = [(".html", gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace"))
                 for p in sorted((bench / "html").glob("*.html.gz"))]
        # Spread the pages among the texts, so a corpus of any size holds both kinds.
        step = max(1, len(docs) // max(1, len(pages)))
        for number, page in enumerate(pages):
            docs.insert(number * (step + 1), page)
    if not docs:
        raise SystemExit(f"no documents under {bench}; pass --bench")
    return docs


def variant(content: str, number: int, html: bool) -> str:
    """A copy that differs from every other: its own first line, one paragraph dropped, one repeated."""
    rng = random.Random(number)
    if html:
        return content.replace("<body", f"<!-- copy {number} --><body", 1) + f"\n<!-- {rng.random()} -->\n"
    paragraphs = [p for p in content.split("\n") if p.strip()]
    if len(paragraphs) >= MIN_PARAGRAPHS_TO_DROP:
        del paragraphs[rng.randrange(len(paragraphs))]
        paragraphs.insert(rng.randrange(len(paragraphs)), rng.choice(paragraphs))
    return f"Copy {number} of a scraped page\n\n" + "\n\n".join(paragraphs) + "\n"


def build_corpus(folder: Path, docs: int, bench: Path, html: bool) -> int:
    """Write `docs` documents under `folder`; return their total size in bytes."""
    bases = base_documents(bench, html)
    total = 0
    for number in range(docs):
        suffix, content = bases[number % len(bases)]
        data = variant(content, number, suffix == ".html").encode("utf-8")
        path = folder / f"part{number // DOCS_PER_FOLDER:03d}" / f"doc{number:05d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return total


def timed(name: str, folder: Path, jobs: int) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(CLEANER), "clean", str(folder), "--jobs", str(jobs), "--json"],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if done.returncode not in (0, 3):
        raise SystemExit(f"{name} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return Run(name, seconds, cpu, json.loads(done.stdout))


def outputs_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.name.endswith((".clean.txt", ".manifest.json")):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000, help="Documents in the corpus (default 5000).")
    parser.add_argument("--html", action="store_true", help="Include the benchmark's HTML pages.")
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="The dev benchmark folder.")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary corpus and print where it is.")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="cleaner-bench-"))
    try:
        one, two = work / "jobs1", work / "jobs2"
        size = build_corpus(one, args.docs, args.bench, args.html)
        shutil.copytree(one, two)
        megabytes = size / 1e6
        runs = [timed("--jobs 1", one, 1), timed("--jobs 2", two, 2)]
        runs.append(timed("--jobs 2, again (incremental)", two, 2))
        identical = outputs_digest(one) == outputs_digest(two)
        print(f"corpus: {args.docs:,} documents, {megabytes:.1f} MB ({'text and HTML' if args.html else 'text'}), "
              f"in {work if args.keep else 'a temporary folder'}\n")
        print("| run | seconds | CPU seconds | docs/s | MB/s | cleaned | skipped | failed | speed vs --jobs 1 |")
        print("|---|---|---|---|---|---|---|---|---|")
        for run in runs:
            print(run.row(args.docs, megabytes, runs[0].seconds))
        print(f"\nload average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} "
              f"on {os.cpu_count()} cores (other work on the machine slows the parallel run most)")
        print(f"speed-up from 2 jobs: {runs[0].seconds / runs[1].seconds:.2f}x")
        print(f"incremental re-run: {runs[1].seconds / runs[2].seconds:.1f}x faster than cleaning with 2 jobs")
        print(f"outputs of --jobs 1 and --jobs 2 byte-identical: {'yes' if identical else 'NO'}")
        if not identical:
            raise SystemExit(1)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
