"""The `cleaner` command line. Exit codes are documented once, here and in the README:

    0  done: every input cleaned or already current
    1  `check`: some outputs are missing or stale (nothing written); `rules test`: an example failed
    2  usage error (unknown option, missing argument, `explain` on what is not one document)
    3  some inputs (or .jsonl records) could not be cleaned (named on stderr); every other input was
    4  the rule files are broken; nothing was cleaned
  130  interrupted (Ctrl-C); every output written is whole

Every command and option is documented in docs/cli.md.
"""

from __future__ import annotations

import json
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from ._version import __version__
from .errors import RuleError

if TYPE_CHECKING:
    from .batch import Target

EXIT_OK, EXIT_STALE, EXIT_USAGE, EXIT_INPUT, EXIT_RULES = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C
TOP_RULES = 5


class Interrupted(BaseException):
    """Ctrl-C, raised by the command line's own handler: click would turn a KeyboardInterrupt into
    "Aborted!" and exit code 1, which `check` and `rules test` give other meanings."""


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted

app = typer.Typer(
    help="Strip site furniture from scraped news; write clean text and a provenance manifest.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List, show and test the rule packs.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


class FormatChoice(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"


PathsArg = Annotated[list[Path], typer.Argument(help="Files and folders (folders are searched recursively).")]
RulesOpt = Annotated[
    Optional[list[Path]], typer.Option("--rules", help="A folder of your own rule packs, added to the built-in ones. Repeatable.")
]
OutOpt = Annotated[Optional[Path], typer.Option("--out", "-o", help="Write outputs into a mirrored tree under this folder.")]


def _broken_rules(error: Exception) -> NoReturn:
    """End the command with exit 4, naming the rule file and the place in it."""
    typer.echo(f"cleaner: broken rules: {error}", err=True)
    raise typer.Exit(EXIT_RULES) from None


def _cleaner(rules: list[Path] | None, max_bytes: int | None = None):  # type: ignore[no-untyped-def]
    from .pipeline import DEFAULT_MAX_BYTES, Cleaner

    try:
        return Cleaner(rules_dirs=rules or (), max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    except RuleError as error:
        _broken_rules(error)


def _rules(rules: list[Path] | None):  # type: ignore[no-untyped-def]
    """The rule set alone, for commands that need no cleaning pipeline."""
    from .rules import load_rules

    try:
        return load_rules(rules or ())
    except RuleError as error:
        _broken_rules(error)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """cleaner: boilerplate-stripping for scraped news, with a manifest for every removal."""


@app.command()
def clean(
    paths: PathsArg,
    out: OutOpt = None,
    rules: RulesOpt = None,
    format: Annotated[FormatChoice, typer.Option("--format", help="Treat inputs as text or HTML (default: by name and content).")] = FormatChoice.auto,
    url: Annotated[Optional[str], typer.Option("--url", help="The page's address, for site packs that match by domain.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Clean every input, even when its outputs are current.")] = False,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Skip inputs larger than this (default 20 MiB).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: the machine's cores).")] = None,
    field: Annotated[str, typer.Option("--field", help="The record field holding the text or HTML, for .jsonl inputs.")] = "text",
    top: Annotated[int, typer.Option("--top", min=0, help="Rules to list in the summary, most characters removed first.")] = TOP_RULES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Clean files and folders: write <stem>.clean.txt and <stem>.manifest.json beside each input."""
    from .batch import discover, summary
    from .parallel import BatchSettings, clean_all, default_jobs
    from .report import progress, summary_text

    cleaner = _cleaner(rules, max_bytes)
    settings = BatchSettings(rules_dirs=tuple(rules or ()), max_bytes=cleaner.max_bytes, force=force,
                             url=url, format=format.value, field=field)
    targets, outcomes = discover(paths, out)
    for outcome in outcomes:
        typer.echo(f"{outcome.target.source}: {outcome.message}", err=True)
    _say_empty_folders(paths, targets)
    talk = not (quiet or as_json)
    batch = clean_all(targets, settings, jobs or default_jobs(), cleaner)
    done = 0
    try:
        with progress(len(targets), show=not quiet) as bar:
            for outcome in batch:
                done += 1
                bar.step()
                outcomes.append(outcome)
                source = outcome.target.source
                if outcome.status == "failed":
                    bar.echo(f"{source}: {outcome.message}", err=True)
                elif outcome.status == "cleaned" and talk:
                    bar.echo(f"cleaned {source} -> {outcome.target.text.name}")
                for problem in outcome.problems:
                    bar.echo(f"{source}: {problem}", err=True)
                for warning in outcome.warnings if talk else ():
                    bar.echo(f"{source}: warning: {warning}", err=True)
    except (Interrupted, KeyboardInterrupt):
        batch.close()  # the workers finish the files they hold, then stop
        typer.echo(f"\ninterrupted: {done} of {len(targets)} files done; every output written is whole, "
                   "and a re-run cleans the rest", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    report = summary(outcomes)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    elif not quiet:
        typer.echo(summary_text(report, top))
    raise typer.Exit(EXIT_INPUT if report["failed"] or report["records_failed"] else EXIT_OK)


@app.command()
def check(paths: PathsArg, out: OutOpt = None, rules: RulesOpt = None) -> None:
    """Write nothing; exit 1 naming every input whose outputs are missing or stale."""
    from .batch import RulesOnly, check_targets, discover
    from .rules import RuleFiles, rule_files

    # The rules' digest is all that tells current outputs from stale ones: outputs made with the same
    # rule files loaded them without fault, so the rules are parsed (and broken ones reported) only
    # when some output is stale.
    try:
        files = RuleFiles.read(rule_files(rules or ()))
    except (RuleError, OSError) as error:
        _broken_rules(error)
    targets, problems = discover(paths, out)
    _say_empty_folders(paths, targets)
    stale, unreadable = check_targets(targets, RulesOnly(files))
    problems += unreadable
    if stale:
        _rules(rules)
    for problem in problems:
        typer.echo(f"{problem.target.source}: {problem.message}", err=True)
    for target, reason in stale:
        typer.echo(f"{target.source}: {reason}")
    if stale:
        checked = len(targets) - len(unreadable)
        typer.echo(f"{len(stale)} of {checked} outputs are stale; run: cleaner clean {' '.join(map(str, paths))}", err=True)
        raise typer.Exit(EXIT_STALE)
    if problems:
        raise typer.Exit(EXIT_INPUT)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="One input document (text or HTML), or a .jsonl file with --line.")],
    line: Annotated[Optional[int], typer.Option("--line", min=1, help="In a .jsonl file: the record on this line (from 1).")] = None,
    field: Annotated[str, typer.Option("--field", help="In a .jsonl file: the field that holds the document.")] = "text",
    rule: Annotated[Optional[str], typer.Option("--rule", help="Mark only this rule's removals.")] = None,
    context: Annotated[Optional[int], typer.Option("--context", min=0, help="Show only marked lines and this many around them.")] = None,
    manifest: Annotated[Optional[Path], typer.Option("--manifest", help="The file's manifest, when it is not beside it (e.g. under --out).")] = None,
    rules: RulesOpt = None,
    format: Annotated[FormatChoice, typer.Option("--format", help="Treat the input as text or HTML (default: by name and content).")] = FormatChoice.auto,
    url: Annotated[Optional[str], typer.Option("--url", help="The page's address, for site packs that match by domain.")] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour the marks (default: on a terminal).")] = None,
) -> None:
    """Show the source with every removal marked and the rule id beside it (duplicates: where the kept copy is)."""
    from dataclasses import replace

    from .batch import is_jsonl, is_output, target_for
    from .errors import InputError
    from .explain import footer, load, load_record, marks_of, render
    from .parallel import missing_part

    problem = None
    if not file.is_file():
        problem = ("a folder; explain shows one document" if file.is_dir()
                   else "not a regular file" if file.exists() else "no such file")
    elif is_output(file):
        problem = "an output, not an input document"
    elif is_jsonl(file) and line is None:
        problem = "a .jsonl file holds many documents: pick one with --line N"
    elif line is not None and not is_jsonl(file):
        problem = "--line picks a record of a .jsonl file; this is one document"
    if problem:
        typer.echo(f"cleaner: {file}: {problem}", err=True)
        raise typer.Exit(EXIT_USAGE)
    cleaner = _cleaner(rules)
    target = target_for(file, file.parent, None)
    if manifest is not None:
        target = replace(target, manifest=manifest, text=manifest.parent / target.text.name)
    try:
        if line is not None:
            explained = load_record(file, line, cleaner, field=field, url=url, format=format.value)
        else:
            explained = load(file, target, cleaner, url=url, format=format.value)
    except InputError as error:
        typer.echo(f"{file}: {error.reason}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except ImportError as error:
        typer.echo(f"{file}: {missing_part(error)}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    known = {r.id for r in cleaner.rules.rules()} | {r["rule"] for r in explained.manifest["removed"]}
    if rule is not None and rule not in known and not rule.startswith(("dedup.", "detect.")):
        typer.echo(f"cleaner: no rule {rule!r}; `cleaner rules list` shows them all", err=True)
        raise typer.Exit(EXIT_USAGE)
    marks = marks_of(explained.manifest, explained.source, rule)
    for line in render(explained.source, marks, context=context):
        typer.echo(line, color=color)
    typer.echo(footer(explained, marks, rule), err=True)


@rules_app.command("list")
def rules_list(rules: RulesOpt = None) -> None:
    """Every rule, by pack, with its kind and summary."""
    ruleset = _rules(rules)
    for pack in ruleset.packs:
        applies = "every document" if pack.generic else ", ".join([*pack.domains, *(f.pattern for f in pack.fingerprints)])
        typer.echo(f"{pack.id}  ({applies})")
        for rule in pack.rules:
            typer.echo(f"  {rule.id:<32} {rule.kind:<6} {rule.summary}")


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. southfront.donation-bar.")], rules: RulesOpt = None) -> None:
    """One rule: what it does, why, where it applies, and its examples."""
    from .examples import expected_text

    ruleset = _rules(rules)
    rule = ruleset.rule(rule_id)
    if rule is None:
        typer.echo(f"cleaner: no rule {rule_id!r}; `cleaner rules list` shows them all", err=True)
        raise typer.Exit(EXIT_USAGE)
    typer.echo(f"{rule.id}  [{rule.kind}, {rule.where}]  from {rule.source}\n")
    typer.echo(f"What it does\n  {rule.summary}\n")
    typer.echo("Why\n  " + " ".join(rule.why.split()) + "\n")
    if rule.pattern is not None:
        typer.echo(f"Pattern\n  {rule.pattern.pattern.strip()}\n")
    if rule.exact:
        typer.echo("Exact (case-insensitive)\n  " + "\n  ".join(sorted(rule.exact)) + "\n")
    if rule.selectors:
        typer.echo("Selectors\n  " + "\n  ".join(rule.selectors) + "\n")
    for number, example in enumerate(rule.examples):
        verdict = "removes" if expected_text(example.input) != expected_text(example.output) else "keeps"
        typer.echo(f"Example {number} ({verdict})\n  in:  {example.input!r}\n  out: {example.output!r}")


@rules_app.command("test")
def rules_test(rules: RulesOpt = None) -> None:
    """Run every rule's examples; exit 1 naming each one that fails."""
    from .examples import run_example

    ruleset = _rules(rules)
    failures = 0
    total = 0
    for rule in ruleset.rules():
        for number, example in enumerate(rule.examples):
            total += 1
            problem = run_example(ruleset, rule.id, example)
            if problem:
                failures += 1
                typer.echo(f"FAIL {rule.id}[{number}]: {problem}")
    typer.echo(f"{total - failures} passed, {failures} failed")
    raise typer.Exit(EXIT_STALE if failures else EXIT_OK)


def _say_empty_folders(paths: list[Path], targets: list[Target]) -> None:
    from .batch import INPUT_SUFFIXES, folders_without_inputs

    for folder in folders_without_inputs(paths, targets):
        typer.echo(f"{folder}: no input files here ({', '.join(INPUT_SUFFIXES)})", err=True)


def main() -> None:
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except Interrupted:
        typer.echo("\ninterrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
