"""Clean a corpus with datatrove: read JSONL (or raw .txt/.html files), clean, write {id, text, manifest} shards.

    pip install 'cleaner[datatrove]'
    python examples/datatrove_pipeline.py corpus/ clean/ --tasks 8 --workers 2
    python examples/datatrove_pipeline.py pages/ clean/ --input files

Each task writes clean/<task>.jsonl. Documents that cannot be cleaned (binary, too large) go unchanged,
with the reason, to <logging-dir>/failed/. Run it again and completed tasks are skipped. On a cluster,
replace LocalPipelineExecutor below with SlurmPipelineExecutor or RayPipelineExecutor (docs/datatrove.md).
"""

from __future__ import annotations

import argparse

from datatrove.executor import LocalPipelineExecutor

from cleaner.integrations.datatrove import clean_pipeline


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="folder (or fsspec URL) of *.jsonl[.gz|.zst] files, or of .txt/.html files with --input files")
    parser.add_argument("output", help="folder (or fsspec URL) for the <task>.jsonl shards")
    parser.add_argument("--input", dest="input_format", choices=["jsonl", "files"], default="jsonl",
                        help="jsonl: records with text, id (and url); files: the files `cleaner clean` reads (default: jsonl)")
    parser.add_argument("--tasks", type=int, default=1, help="how many shards the input is split into (default: 1)")
    parser.add_argument("--workers", type=int, default=-1, help="tasks run at once on this machine (default: all)")
    parser.add_argument("--logging-dir", default="datatrove-logs", help="logs, stats and task completions (default: datatrove-logs)")
    parser.add_argument("--rules", action="append", default=[], help="a folder of your own rule packs; repeatable")
    parser.add_argument("--url-key", default="url", help="the JSONL field with the page's address (default: url)")
    parser.add_argument("--text-key", default="text", help="the JSONL field with the text (default: text)")
    parser.add_argument("--id-key", default="id", help="the JSONL field with the id (default: id)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    pipeline = clean_pipeline(
        args.input,
        args.output,
        input_format=args.input_format,
        rules=args.rules,
        url_key=args.url_key,
        text_key=args.text_key,
        id_key=args.id_key,
        failed_folder=f"{args.logging_dir}/failed",
    )
    # The one line that changes on a cluster (docs/datatrove.md).
    executor = LocalPipelineExecutor(pipeline, tasks=args.tasks, workers=args.workers, logging_dir=args.logging_dir)
    executor.run()


if __name__ == "__main__":  # required: datatrove's worker processes import this file
    main()
