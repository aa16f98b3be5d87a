"""Instructions per warm pass of cleaner's HTML path and of trafilatura `extract` alone, counted by
valgrind's callgrind on the same pages: a measure that another process on the machine cannot move.
With `--input text-main` or `text-all`, of cleaner's text path and of jusText on those dumps.

    .venv/bin/python bench/instructions.py [BENCH_DIR] [--input html|text-main|text-all] [--pages N]
                                           [--only cleaner-html|trafilatura|cleaner-text|jusText ...]

CPU time on a shared machine moves by tens of percent from one run to the next (docs/performance.md);
an instruction count is the same on every run of the same code, inputs and environment. It is not
time: memory stalls and branch misses cost cycles that no count shows, so the CPU-time ratios of
bench/speed.py stay the goal's measure, and this table says whether a change did less work.

Each tool runs in a child under callgrind twice, with PYTHONHASHSEED=0: once warming up on the
pages and stopping, once warming up and making one more pass; the difference is one warm pass,
without start-up, imports and first-use compilation. The two children run side by side (two cores).
cleaner runs there without its per-document rule time budget, which a pass slowed down by callgrind
would otherwise run out of on some pages and not others.
Needs `valgrind` on the PATH; takes a few minutes for 30 pages.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.metric import DEFAULT_BENCH, load_pages  # noqa: E402

TOOLS_FOR = {"html": ("cleaner-html", "trafilatura"), "text-main": ("cleaner-text", "jusText"),
             "text-all": ("cleaner-text", "jusText")}
TOOLS = ("cleaner-html", "trafilatura", "cleaner-text", "jusText")
PEERS = ("trafilatura", "jusText")
COLLECTED = re.compile(r"Collected : (\d+)")
# A rule's time budget per document in the children: no rule runs out of it (see child).
UNBOUNDED_RULE_SECONDS = 1e6


def child(tool: str, kind: str, bench: Path, pages: int, passes: int) -> None:
    """In the child: warm up on the first `pages` pages, then `passes` more passes over them, each
    tool called as bench/speed.py calls it."""
    from bench.speed import document_of, extractor

    documents = [document_of(page, kind) for page in load_pages(bench)[:pages]]
    # Under callgrind a pass runs tens of times slower, and a rule's time budget per document
    # (RULE_SECONDS_PER_DOCUMENT) ran out on pages that depended on the machine's load: the rules
    # were then matched one by one there, and two counts of the same code differed by a quarter.
    # Lifted, the count is the same on every run.
    extract = extractor(tool, rule_seconds=UNBOUNDED_RULE_SECONDS) if tool.startswith("cleaner") else extractor(tool)
    for _ in range(1 + passes):
        for document in documents:
            extract(document)


def counted(tool: str, kind: str, bench: Path, pages: int, passes: int, folder: Path) -> int:
    """Instructions callgrind counted for the whole child."""
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder / f'{tool}.{passes}.out'}",
               sys.executable, __file__, "--child", tool, str(bench), "--input", kind, "--pages", str(pages),
               "--passes", str(passes)]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
                          check=False)
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{tool}: callgrind failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--input", choices=tuple(TOOLS_FOR), default="html",
                        help="the benchmark's pages (html, the default) or one kind of its text dumps")
    parser.add_argument("--pages", type=int, default=30, help="the first N documents (default 30)")
    parser.add_argument("--only", action="append", choices=TOOLS, help="count only these tools")
    parser.add_argument("--child", choices=TOOLS, help=argparse.SUPPRESS)
    parser.add_argument("--passes", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.input, args.bench, args.pages, args.passes)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not on the PATH (Debian: apt-get install valgrind)")
    tools = args.only or list(TOOLS_FOR[args.input])
    if wrong := [tool for tool in tools if tool not in TOOLS_FOR[args.input]]:
        raise SystemExit(f"{', '.join(wrong)}: not a tool for --input {args.input} ({', '.join(TOOLS_FOR[args.input])})")
    # Compiled once before counting: a child that compiled a changed module would count that too.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "cleaner"), str(ROOT / "bench")], check=False)
    per_pass: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(max_workers=2) as pool:
        for tool in tools:
            warm, more = pool.map(
                lambda passes: counted(tool, args.input, args.bench, args.pages, passes, Path(folder)), (0, 1))
            per_pass[tool] = more - warm
    peer_name = next(tool for tool in TOOLS_FOR[args.input] if tool in PEERS)
    print(f"## Instructions per warm pass over {args.pages} documents of {args.input}/ (callgrind, PYTHONHASHSEED=0)\n")
    print(f"| tool | instructions (M) | instructions vs {peer_name} (lower: less work) |")
    print("|---|---|---|")
    peer = per_pass.get(peer_name)
    for tool, count in per_pass.items():
        ratio = f"{count / peer:.3f}" if peer else ""
        print(f"| {tool} | {count / 1e6:,.0f} | {ratio} |")


if __name__ == "__main__":
    main()
