"""What datatrove costs over cleaner's own batch runner: the same corpus, two processes each.

    python bench/datatrove_overhead.py [--docs 2000] [--repeat 2] [--bench-dir bench/data/scrapinghub-dev]

The corpus is the dev benchmark's text-main/ and text-all/ pages, replicated with small variations
(a numbered headline and closing line) to --docs documents, written once as .txt files and once as
JSONL shards. Rows:

- `cleaner clean DIR --out OUT --jobs 2 --quiet` when the CLI has --jobs; otherwise a 2-process
  multiprocessing pool over cleaner.batch.clean_target (the table says which ran);
- the shipped examples/datatrove_pipeline.py on LocalPipelineExecutor, 2 workers, JSONL in;
- the same with --input files (the .txt files, as the CLI reads them).

Each row runs --repeat times on fresh outputs; the best time counts (the machine is shared). The ratio
is each row's time over the first row's. Every datatrove record is checked against the CLI's clean text.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from cleaner import Cleaner
from cleaner.batch import clean_target, discover

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metric import DEFAULT_BENCH  # noqa: E402

EXAMPLE = ROOT / "examples" / "datatrove_pipeline.py"
WORKERS = 2
# More tasks than workers, as in real use: datatrove balances by handing out tasks.
TASKS = 16
POOL_CHUNK = 16
CLI = "from cleaner.cli import main; main()"


def build_corpus(bench_dir: Path, docs: int, folder: Path) -> list[tuple[str, str]]:
    """(id, text) pairs, also written as <folder>/files/*.txt and <folder>/jsonl/*.jsonl."""
    pages = [p.read_text(encoding="utf-8") for kind in ("text-main", "text-all") for p in sorted((bench_dir / kind).glob("*.txt"))]
    if not pages:
        sys.exit(f"no pages under {bench_dir}/text-main or text-all; pass --bench-dir")
    corpus = []
    for number in range(docs):
        page = pages[number % len(pages)]
        text = f"Edition {number}: {page.splitlines()[0] if page else ''}\n\n{page}\n\nFiled as item {number}.\n"
        corpus.append((f"doc-{number:06d}", text))
    (folder / "files").mkdir(parents=True)
    (folder / "jsonl").mkdir()
    for doc_id, text in corpus:
        (folder / "files" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    for shard in range(TASKS):
        with (folder / "jsonl" / f"part-{shard:03d}.jsonl").open("w", encoding="utf-8") as stream:
            for doc_id, text in corpus[shard::TASKS]:
                stream.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    return corpus


def cli_has_jobs() -> bool:
    help_text = subprocess.run([sys.executable, "-c", CLI, "clean", "--help"], capture_output=True, text=True).stdout
    return "--jobs" in help_text


def run_cli_jobs(files: Path, out: Path) -> None:
    command = [sys.executable, "-c", CLI, "clean", str(files), "--out", str(out),
               "--jobs", str(WORKERS), "--quiet"]
    subprocess.run(command, check=True)


def run_pool(files: Path, out: Path) -> None:
    targets, problems = discover([files], out)
    assert not problems, problems
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        outcomes = list(pool.imap_unordered(partial(clean_target, cleaner=Cleaner(), force=True), targets, chunksize=POOL_CHUNK))
    failed = [o for o in outcomes if o.status == "failed"]
    assert not failed, failed[:3]


def run_datatrove(source: Path, out: Path, input_format: str) -> None:
    logs = out.parent / f"{out.name}-logs"
    command = [sys.executable, str(EXAMPLE), str(source), str(out), "--input", input_format,
               "--tasks", str(TASKS), "--workers", str(WORKERS), "--logging-dir", str(logs)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def best_time(run: Callable[[Path], None], scratch: Path, name: str, repeat: int) -> tuple[float, Path]:
    best = float("inf")
    for attempt in range(repeat):
        out = scratch / f"{name}-{attempt}"
        start = time.perf_counter()
        run(out)
        best = min(best, time.perf_counter() - start)
        if attempt < repeat - 1:
            shutil.rmtree(out)
            shutil.rmtree(scratch / f"{out.name}-logs", ignore_errors=True)
    return best, scratch / f"{name}-{repeat - 1}"


def check_agreement(cli_out: Path, datatrove_out: Path, corpus: list[tuple[str, str]]) -> int:
    """How many datatrove records differ from the CLI's clean text for the same document."""
    records = {}
    for shard in datatrove_out.glob("*.jsonl"):
        for line in shard.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            records[Path(record["id"]).name.removesuffix(".txt")] = record["text"]
    return sum(records.get(doc_id) != (cli_out / f"{doc_id}.clean.txt").read_text(encoding="utf-8") for doc_id, _ in corpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as temporary:
        scratch = Path(temporary)
        corpus = build_corpus(args.bench_dir, args.docs, scratch / "corpus")
        chars = sum(len(text) for _, text in corpus)
        files, jsonl = scratch / "corpus" / "files", scratch / "corpus" / "jsonl"
        if cli_has_jobs():
            baseline_name, baseline = f"cleaner clean --jobs {WORKERS} --quiet", partial(run_cli_jobs, files)
        else:
            print(f"cleaner clean has no --jobs yet: the baseline is a {WORKERS}-process pool over cleaner.batch.clean_target")
            baseline_name, baseline = f"{WORKERS}-process pool over clean_target (no --jobs in CLI)", partial(run_pool, files)
        rows = [
            (baseline_name, baseline),
            (f"datatrove local, {WORKERS} workers, {TASKS} tasks, JSONL in", partial(run_datatrove, jsonl, input_format="jsonl")),
            (f"datatrove local, {WORKERS} workers, {TASKS} tasks, .txt files in", partial(run_datatrove, files, input_format="files")),
        ]
        results = []
        for number, (name, run) in enumerate(rows):
            seconds, out = best_time(run, scratch, f"row{number}", args.repeat)
            results.append((name, seconds, out))

        print(f"\n{len(corpus):,} documents, {chars / 1e6:.1f} M characters; best of {args.repeat}; {WORKERS} processes each\n")
        print(f"| {'runner':<58} | {'seconds':>7} | {'docs/s':>7} | {'vs baseline':>11} |")
        print(f"|{'-' * 60}|{'-' * 8}:|{'-' * 8}:|{'-' * 12}:|")
        for name, seconds, _ in results:
            print(f"| {name:<58} | {seconds:7.2f} | {len(corpus) / seconds:7.1f} | {seconds / results[0][1]:10.2f}x |")
        cli_out = results[0][2]
        for name, _, out in results[1:]:
            print(f"{name}: {check_agreement(cli_out, out, corpus)} of {len(corpus)} texts differ from the baseline's")


if __name__ == "__main__":
    main()
