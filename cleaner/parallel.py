"""Cleaning many files on every core: worker processes, each with its own Cleaner built once.

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

# Files handed to a worker at a time: large enough that the hand-over costs little against
# cleaning, small enough that the progress bar moves and the last worker does not run alone long.
MAX_CHUNK = 32
CHUNKS_PER_WORKER = 16


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
    if jobs <= 1 or len(targets) <= 1:
        local = cleaner or settings.cleaner()
        for target in targets:
            yield clean_safely(target, local, settings)
        return
    workers = min(jobs, len(targets))
    chunk = max(1, min(MAX_CHUNK, len(targets) // (workers * CHUNKS_PER_WORKER)))
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(settings,)) as pool:
        yield from pool.map(_clean_in_worker, targets, chunksize=chunk)


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


# The one Cleaner of a worker process and the settings it cleans with, set by the pool's initializer.
# They exist only inside worker processes (the parent never sets them) and never change once set:
# they hold loaded rules, not results, so no file can affect another through them.
_worker: tuple[Cleaner, BatchSettings] | None = None


def _start_worker(settings: BatchSettings) -> None:
    global _worker
    _worker = (settings.cleaner(), settings)


def _clean_in_worker(target: Target) -> Outcome:
    assert _worker is not None, "the pool initializer builds the worker's Cleaner"
    cleaner, settings = _worker
    return clean_safely(target, cleaner, settings)
