"""Cleaning many files on every core: worker processes, each task a chunk of files with its own Cleaner.

Every file is cleaned on its own, from its own bytes and the same rule files, and each worker
writes its file's outputs itself; nothing one file does can reach another. So the outputs are the
same bytes for any number of workers, and the outcomes come back in input order whatever finished
first. With one job (or one file) no process is started at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .batch import Outcome, Target, clean_target
from .pipeline import DEFAULT_MAX_BYTES, Cleaner, FormatOption

# Each chunk of files builds its own Cleaner, so no process keeps state between tasks; a new
# Cleaner's first document pays about 0.35 s compiling the rule scan (the rules' own patterns
# only once a worker: the `regex` module keeps them). Chunks are therefore few and
# large (CHUNKS_PER_WORKER per worker, enough to balance the load and move the progress bar), and
# a batch too small to repay starting processes runs in this one.
CHUNKS_PER_WORKER = 8
PARALLEL_MIN_FILES = 32


@dataclass(frozen=True)
class BatchSettings:
    """Everything a worker needs to clean a file the same way the parent would."""

    rules_dirs: tuple[Path, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    force: bool = False
    url: str | None = None
    format: FormatOption = "auto"
    field: str = "text"

    def cleaner(self) -> Cleaner:
        return Cleaner(rules_dirs=self.rules_dirs, max_bytes=self.max_bytes)


def default_jobs() -> int:
    """The cores this process may run on (not every core of the machine, under a CPU mask)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def clean_all(targets: Sequence[Target], settings: BatchSettings, jobs: int,
              cleaner: Cleaner | None = None) -> Iterator[Outcome]:
    """Clean every target; yield the outcomes in the order of `targets`, each as soon as it is known."""
    if jobs <= 1 or len(targets) < PARALLEL_MIN_FILES:
        local = cleaner or settings.cleaner()
        for target in targets:
            yield clean_safely(target, local, settings)
        return
    workers = min(jobs, len(targets))
    size = -(-len(targets) // (workers * CHUNKS_PER_WORKER))  # ceiling division
    chunks = [list(targets[i:i + size]) for i in range(0, len(targets), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for outcomes in pool.map(_clean_chunk, [settings] * len(chunks), chunks):
            yield from outcomes


def clean_safely(target: Target, cleaner: Cleaner, settings: BatchSettings) -> Outcome:
    """clean_target, with any unexpected error turned into a failed outcome: one file never stops a batch."""
    try:
        return clean_target(target, cleaner, force=settings.force, url=settings.url,
                            format=settings.format, field=settings.field)
    except ImportError as error:
        return Outcome(target, "failed", missing_part(error))
    except Exception as error:  # noqa: BLE001 - reported per file, the batch goes on
        return Outcome(target, "failed", f"internal error ({type(error).__name__}: {error}); please report it")


def missing_part(error: ImportError) -> str:
    """The message for an input whose path through cleaner (e.g. HTML) is not installed."""
    return f"cannot be cleaned: a part of cleaner it needs is missing ({error})"


def _clean_chunk(settings: BatchSettings, targets: list[Target]) -> list[Outcome]:
    """A worker's task: one Cleaner (rules loaded once) for a chunk of files, and no state kept after."""
    cleaner = settings.cleaner()
    return [clean_safely(target, cleaner, settings) for target in targets]
