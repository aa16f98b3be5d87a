"""Cleaning many files on every core: worker processes, each with one Cleaner for every file it is given.

Every file is cleaned on its own, from its own bytes and the same rule files, and each worker
writes its file's outputs itself; nothing one file does can reach another. So the outputs are the
same bytes for any number of workers, and the outcomes come back in input order whatever finished
first. With one job (or few files) no process is started at all.

The parent hands files out one at a time, a couple ahead of each worker, so the load balances file
by file, and knows which files each worker holds: a worker that dies (killed, out of memory, a
crash in a compiled library) fails the file it was cleaning, its other files go to the others, and
a new worker takes its place. Each worker's Cleaner lives in the worker's loop, nowhere else.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing import connection, get_context
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from .batch import Outcome, Target, clean_target
from .pipeline import DEFAULT_MAX_BYTES, Cleaner, FormatOption

# A batch too small to repay starting processes (each builds a Cleaner: about 0.35 s of compiling
# the rule scan) runs in this one.
PARALLEL_MIN_FILES = 32
# Files handed to a worker ahead: the one it cleans and the next, so it never waits on the parent.
FILES_AHEAD = 2
# The multiprocessing start method (None: the platform's default).
START_METHOD: str | None = None


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
    yield from _in_workers(targets, settings, min(jobs, len(targets)))


@dataclass
class _Worker:
    process: BaseProcess
    inbox: Any  # the parent's end of the pipe that carries files to the worker
    results: Any  # the parent's end of the pipe that carries outcomes back
    held: deque[int] = field(default_factory=deque)  # indices handed out and not answered, in order


def _in_workers(targets: Sequence[Target], settings: BatchSettings, count: int) -> Iterator[Outcome]:
    context = get_context(START_METHOD)
    waiting = deque(range(len(targets)))  # indices not yet handed to a worker
    answered: dict[int, Outcome] = {}
    next_out = 0
    workers: list[_Worker] = []
    try:
        workers = [_start_worker(context, settings) for _ in range(count)]
        for worker in workers:
            _hand_out(worker, waiting, targets)
        while next_out < len(targets):
            connection.wait([w.results for w in workers] + [w.process.sentinel for w in workers])
            for worker in list(workers):
                if _collect(worker, answered) and worker.process.exitcode is None:
                    _hand_out(worker, waiting, targets)
                    continue
                # The worker is gone: the file it was cleaning fails, the ones waiting for it go back.
                if worker.held:
                    index = worker.held.popleft()
                    answered[index] = Outcome(targets[index], "failed",
                                              f"the worker process cleaning it died ({_exit_reason(worker)})")
                    waiting.extendleft(reversed(worker.held))
                _stop(worker)
                workers.remove(worker)
                if waiting:
                    workers.append(replacement := _start_worker(context, settings))
                    _hand_out(replacement, waiting, targets)
            while next_out in answered:
                yield answered.pop(next_out)
                next_out += 1
    finally:
        for worker in workers:
            _stop(worker)


def _start_worker(context: Any, settings: BatchSettings) -> _Worker:
    inbox_reader, inbox = context.Pipe(duplex=False)
    results, results_writer = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(settings, inbox_reader, results_writer), daemon=True)
    process.start()
    # The worker's ends belong to it alone: the parent's copies would keep a dead worker's pipe open.
    inbox_reader.close()
    results_writer.close()
    return _Worker(process, inbox, results)


def _hand_out(worker: _Worker, waiting: deque[int], targets: Sequence[Target]) -> None:
    while len(worker.held) < FILES_AHEAD and waiting:
        index = waiting.popleft()
        try:
            worker.inbox.send((index, targets[index]))
        except OSError:  # the worker is gone; the next wait finds it so
            waiting.appendleft(index)
            return
        worker.held.append(index)


def _collect(worker: _Worker, answered: dict[int, Outcome]) -> bool:
    """Take every outcome the worker has sent; False when its pipe has ended (the worker is gone)."""
    try:
        while worker.held and worker.results.poll():
            index, outcome = worker.results.recv()
            worker.held.remove(index)
            answered[index] = outcome
    except (EOFError, OSError):  # it died, perhaps in the middle of an answer
        return False
    return True


def _exit_reason(worker: _Worker) -> str:
    worker.process.join(timeout=1)
    code = worker.process.exitcode
    return f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"


def _stop(worker: _Worker) -> None:
    try:
        worker.inbox.send(None)
    except OSError:
        pass
    worker.process.join(timeout=5)
    if worker.process.is_alive():
        worker.process.terminate()
        worker.process.join()
    worker.inbox.close()
    worker.results.close()


def _serve(settings: BatchSettings, inbox: Any, results: Any) -> None:
    """A worker: one Cleaner for every file it is sent, until it is sent None."""
    # Ctrl-C reaches every process of the terminal's group: the parent decides, and sends None
    # once the files a worker holds are done. A terminate ends the worker through Python, so that
    # a write it interrupts removes its temporary file on the way out (batch.write_atomic).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    cleaner = settings.cleaner()
    while (item := inbox.recv()) is not None:
        index, target = item
        results.send((index, clean_safely(target, cleaner, settings)))


def _exit_on_signal(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


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
