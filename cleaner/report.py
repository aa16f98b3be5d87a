"""What `cleaner clean` tells a person: a progress bar for long batches and the closing summary."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from .batch import STATUSES

# Below this many files a batch finishes before a bar would be worth reading.
PROGRESS_MIN_FILES = 20
CLEAR_LINE = "\r\033[K"


class Progress:
    """Steps a bar (when there is one) and prints messages above it instead of through it."""

    def __init__(self, bar: Any = None) -> None:
        self.bar = bar

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def echo(self, message: str, *, err: bool = False) -> None:
        if self.bar is not None:
            sys.stderr.write(CLEAR_LINE)
        typer.echo(message, err=err)
        if self.bar is not None:
            self.bar.render_progress()


@contextmanager
def progress(total: int, *, show: bool = True) -> Iterator[Progress]:
    """A bar on stderr when it is a terminal, the batch is long and `show`; plain echo otherwise."""
    if not show or total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield Progress()
        return
    with typer.progressbar(length=total, label="cleaning", file=sys.stderr) as bar:
        yield Progress(bar)
    sys.stderr.write(CLEAR_LINE)


def summary_text(report: dict[str, Any], top: int) -> str:
    """The human summary: files by status, failed records, characters removed and the top rules."""
    total = sum(report[status] for status in STATUSES)
    line = (
        f"{total} {'file' if total == 1 else 'files'}: {report['cleaned']} cleaned, {report['unchanged']} unchanged, "
        f"{report['skipped']} skipped (current), {report['failed']} failed"
    )
    if report.get("records_failed"):
        line += f"; {report['records_failed']} bad .jsonl records"
    line += f"; {report['removed_chars']:,} characters removed"
    ranked = list(report["removed_by_rule"].items())[:top]
    if ranked:
        width = max(len(rule) for rule, _ in ranked)
        line += f"\ntop {len(ranked)} rules by characters removed:"
        line += "".join(f"\n  {rule:<{width}}  {chars:>10,}" for rule, chars in ranked)
    return line
