"""The pre-commit hook `clean-seeds`: keeps every raw seed's clean text and manifest beside it, current.

As formatters do, it fixes rather than complains: for each raw seed it is given it writes or
refreshes `<stem>.clean.txt` (`.clean.jsonl` for a `.jsonl` seed) and `<stem>.manifest.json`,
prints one line per file it wrote, and exits 1 when it wrote anything, so the commit stops and the
outputs can be added. Outputs it is given are not inputs and are passed over.

Outputs whose seed is gone (a deleted seed) are orphans. They are looked for in the folders of the
files given and in every `--orphans-in` folder, reported, and deleted with `--remove-orphans`;
either way the hook exits 1, since the commit would not match its seeds.

Exit codes: 0 all current; 1 outputs written or orphans found; 3 some seeds could not be cleaned
(named on stderr, the others were); 4 the rule files are broken.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .batch import INPUT_SUFFIXES, OUTPUT_SUFFIXES, is_output, output_stem, target_for
from .errors import InputError, RuleError
from .input_file import read_input
from .parallel import BatchSettings, clean_safely
from .pipeline import Cleaner

EXIT_CURRENT, EXIT_CHANGED, EXIT_FAILED, EXIT_RULES = 0, 1, 3, 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


@dataclass
class HookReport:
    written: list[Path] = field(default_factory=list)  # outputs created or rewritten
    orphans: list[Path] = field(default_factory=list)  # outputs whose seed is gone
    removed: list[Path] = field(default_factory=list)  # orphans deleted
    failed: list[tuple[Path, str]] = field(default_factory=list)  # seeds that could not be cleaned
    notes: list[tuple[Path, str]] = field(default_factory=list)  # bad .jsonl records, warnings

    @property
    def exit_code(self) -> int:
        if self.failed:
            return EXIT_FAILED
        return EXIT_CHANGED if self.written or self.orphans else EXIT_CURRENT


def refresh(files: Sequence[Path], cleaner: Cleaner, settings: BatchSettings = BatchSettings(), *,
            orphans_in: Sequence[Path] = (), remove_orphans: bool = False) -> HookReport:
    """Bring the outputs of `files` up to date and find orphans; the hook's whole job, printing aside."""
    report = HookReport()
    for source in sorted(set(files)):
        if is_output(source) or not source.name.lower().endswith(INPUT_SUFFIXES):
            continue
        target = target_for(source, source.parent, None)
        before = {path: _read(path) for path in (target.text, target.manifest)}
        outcome = clean_safely(target, cleaner, settings)
        if outcome.status == "failed":
            report.failed.append((source, outcome.message))
            continue
        report.written.extend(path for path, data in before.items() if _read(path) != data)
        report.notes.extend((source, problem) for problem in outcome.problems)
    folders = {source.parent for source in files} | set(_folders_under(orphans_in))
    for orphan in sorted(path for folder in folders for path in find_orphans(folder)):
        report.orphans.append(orphan)
        if remove_orphans:
            orphan.unlink(missing_ok=True)
            report.removed.append(orphan)
    return report


def find_orphans(folder: Path) -> list[Path]:
    """Outputs in `folder` (not below it) whose seed, under any input suffix, is not there."""
    try:
        names = {entry.name for entry in os.scandir(folder) if entry.is_file()}
    except OSError:
        return []
    sources = {output_stem(Path(name)) for name in names if name.lower().endswith(INPUT_SUFFIXES) and not is_output(Path(name))}
    orphans = []
    for name in names:
        suffix = next((s for s in OUTPUT_SUFFIXES if name.endswith(s)), None)
        if suffix is not None and name[: -len(suffix)] not in sources:
            orphans.append(folder / name)
    return sorted(orphans)


def _folders_under(roots: Iterable[Path]) -> Iterable[Path]:
    for root in roots:
        for folder, dirs, _ in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            yield Path(folder)


def _read(path: Path) -> bytes | None:
    try:
        return read_input(path)
    except InputError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cleaner-hook", description="pre-commit hook: keep each raw seed's clean text and manifest current.")
    parser.add_argument("filenames", nargs="*", type=Path, help="Raw seeds (outputs given here are passed over).")
    parser.add_argument("--rules", action="append", type=Path, default=[], help="A folder of your own rule packs. Repeatable.")
    parser.add_argument("--field", default="text", help="The record field holding the document, for .jsonl seeds.")
    parser.add_argument("--orphans-in", action="append", type=Path, default=[], metavar="DIR",
                        help="Also look for orphaned outputs in this folder and below. Repeatable.")
    parser.add_argument("--remove-orphans", action="store_true", help="Delete orphaned outputs (they are reported either way).")
    args = parser.parse_args(argv)
    settings = BatchSettings(rules_dirs=tuple(args.rules), field=args.field)
    try:
        cleaner = settings.cleaner()
    except RuleError as error:
        print(f"cleaner: broken rules: {error}", file=sys.stderr)
        return EXIT_RULES
    try:
        report = refresh(args.filenames, cleaner, settings, orphans_in=args.orphans_in, remove_orphans=args.remove_orphans)
    except KeyboardInterrupt:  # every output written is whole; the next commit's run cleans the rest
        print("cleaner-hook: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    for path in report.written:
        print(f"wrote {path}")
    for path in report.orphans:
        if path in report.removed:
            print(f"removed {path} (its seed is gone)")
        else:
            print(f"orphan {path}: its seed is gone; delete it or run with --remove-orphans")
    for path, message in report.notes:
        print(f"{path}: {message}", file=sys.stderr)
    for path, message in report.failed:
        print(f"{path}: {message}", file=sys.stderr)
    return report.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
