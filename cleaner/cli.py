"""The `cleaner` command line. Exit codes are documented once, here and in the README:

    0  done: every input cleaned or already current
    1  `check`: some outputs are missing or stale (nothing written)
    2  usage error (unknown option, missing argument)
    3  some inputs could not be cleaned (named on stderr); every other input was
    4  the rule files are broken; nothing was cleaned
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._version import __version__
from .errors import RuleError

EXIT_OK, EXIT_STALE, EXIT_USAGE, EXIT_INPUT, EXIT_RULES = 0, 1, 2, 3, 4
TOP_RULES = 5

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
OutOpt = Annotated[Optional[Path], typer.Option("--out", help="Write outputs into a mirrored tree under this folder.")]


def _cleaner(rules: list[Path] | None, max_bytes: int | None = None):  # type: ignore[no-untyped-def]
    from .pipeline import DEFAULT_MAX_BYTES, Cleaner

    try:
        return Cleaner(rules_dirs=rules or (), max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    except RuleError as error:
        typer.echo(f"cleaner: broken rules: {error}", err=True)
        raise typer.Exit(EXIT_RULES) from None


def _rules(rules: list[Path] | None):  # type: ignore[no-untyped-def]
    """The rule set alone, for commands that need no cleaning pipeline."""
    from .rules import load_rules

    try:
        return load_rules(rules or ())
    except RuleError as error:
        typer.echo(f"cleaner: broken rules: {error}", err=True)
        raise typer.Exit(EXIT_RULES) from None


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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Clean files and folders: write <stem>.clean.txt and <stem>.manifest.json beside each input."""
    from .batch import clean_target, discover, summary

    cleaner = _cleaner(rules, max_bytes)
    targets, outcomes = discover(paths, out)
    for outcome in outcomes:
        typer.echo(f"{outcome.target.source}: {outcome.message}", err=True)
    for target in _progress(targets, quiet or as_json):
        outcome = clean_target(target, cleaner, force=force, url=url, format=format.value)
        outcomes.append(outcome)
        if outcome.status == "failed":
            typer.echo(f"{target.source}: {outcome.message}", err=True)
        elif outcome.status == "cleaned" and not (quiet or as_json):
            typer.echo(f"cleaned {target.source} -> {target.text.name}")
        for warning in outcome.warnings if not (quiet or as_json) else ():
            typer.echo(f"{target.source}: warning: {warning}", err=True)
    report = summary(outcomes)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    elif not quiet:
        typer.echo(_summary_line(report))
    raise typer.Exit(EXIT_INPUT if report["failed"] else EXIT_OK)


def _summary_line(report: dict) -> str:  # type: ignore[type-arg]
    total = report["cleaned"] + report["unchanged"] + report["skipped"] + report["failed"]
    line = (
        f"{total} files: {report['cleaned']} cleaned, {report['unchanged'] + report['skipped']} already current, "
        f"{report['failed']} failed; {report['removed_chars']:,} characters removed"
    )
    top = list(report["removed_by_rule"].items())[:TOP_RULES]
    if top:
        line += "\n  top rules: " + ", ".join(f"{rule} {chars:,}" for rule, chars in top)
    return line


def _progress(items: list, quiet: bool):  # type: ignore[no-untyped-def, type-arg]
    """A progress bar on a terminal for batches worth one; the plain list otherwise."""
    if quiet or len(items) < 20 or not sys.stderr.isatty():
        return items
    return typer.progressbar(items, label="cleaning", file=sys.stderr)


@app.command()
def check(paths: PathsArg, out: OutOpt = None, rules: RulesOpt = None) -> None:
    """Write nothing; exit 1 naming every input whose outputs are missing or stale."""
    from .batch import RulesOnly, check_targets, discover

    cleaner = RulesOnly(_rules(rules))
    targets, problems = discover(paths, out)
    for problem in problems:
        typer.echo(f"{problem.target.source}: {problem.message}", err=True)
    stale = check_targets(targets, cleaner)
    for target, reason in stale:
        typer.echo(f"{target.source}: {reason}")
    if stale:
        typer.echo(f"{len(stale)} of {len(targets)} outputs are stale; run: cleaner clean {' '.join(map(str, paths))}", err=True)
        raise typer.Exit(EXIT_STALE)
    if problems:
        raise typer.Exit(EXIT_INPUT)


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


def main() -> None:
    app()
