"""`cleaner clean` and `cleaner check` at batch scale: through typer's CliRunner and as a real process."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli import app
from batch_corpus import ROOT, corpus, raw_seeds, tree_bytes  # noqa: F401 (corpus is a fixture)

CLEANER = [str(Path(sys.executable).parent / "cleaner")]


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def test_summary_counts_every_status_and_json_is_machine_readable(corpus: Path) -> None:
    first = invoke("clean", str(corpus), "--json", "--jobs", "2")
    assert first.exit_code == 3  # the binary file
    report = json.loads(first.stdout)
    files = len(raw_seeds()) * 2
    assert report["cleaned"] == files and report["failed"] == 1
    assert report["skipped"] == report["unchanged"] == 0
    assert report["removed_chars"] == sum(report["removed_by_rule"].values()) > 0
    ranked = list(report["removed_by_rule"].values())
    assert ranked == sorted(ranked, reverse=True)

    again = json.loads(invoke("clean", str(corpus), "--json").stdout)
    assert (again["cleaned"], again["skipped"], again["failed"]) == (0, files, 1)

    forced = json.loads(invoke("clean", str(corpus), "--json", "--force").stdout)
    assert (forced["unchanged"], forced["skipped"]) == (files, 0)


def test_human_summary_and_top(corpus: Path) -> None:
    result = invoke("clean", str(corpus), "--top", "2", "--jobs", "1")
    assert f"{len(raw_seeds()) * 2 + 1} files: {len(raw_seeds()) * 2} cleaned, 0 unchanged, 0 skipped (current), 1 failed" in result.stdout
    assert "top 2 rules by characters removed:" in result.stdout
    rule_lines = result.stdout.split("top 2 rules by characters removed:")[1].strip().splitlines()
    assert len(rule_lines) == 2
    assert "broken.txt: binary content (a PNG image), skipped" in result.stderr


def test_quiet_prints_only_problems(corpus: Path) -> None:
    result = invoke("clean", str(corpus), "--quiet")
    assert result.stdout == ""
    assert result.stderr.strip().endswith("binary content (a PNG image), skipped")


def test_out_tree_and_check(corpus: Path, tmp_path: Path) -> None:
    (corpus / "more" / "broken.txt").unlink()
    out = tmp_path / "out"
    assert invoke("check", str(corpus), "--out", str(out)).exit_code == 1
    assert invoke("clean", str(corpus), "--out", str(out), "-q").exit_code == 0
    assert (out / "more" / "v0.clean.txt").is_file()
    assert not list(corpus.rglob("*.clean.txt"))
    assert invoke("check", str(corpus), "--out", str(out)).exit_code == 0
    (corpus / "more" / "v0.txt").write_text("changed\n", encoding="utf-8")
    stale = invoke("check", str(corpus), "--out", str(out))
    assert stale.exit_code == 1 and "v0.txt: source changed" in stale.stdout


def test_the_project_seeds_are_current() -> None:
    """What CI runs (`make check`): every seed's committed outputs match the seed and the rules."""
    result = subprocess.run([*CLEANER, "check", "seeds"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_real_process_jobs_and_exit_codes(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    shutil.copytree(corpus, one)
    shutil.copytree(corpus, two)
    for folder, jobs in ((one, "1"), (two, "2")):
        result = subprocess.run([*CLEANER, "clean", str(folder), "--jobs", jobs, "-q"], capture_output=True, text=True)
        assert result.returncode == 3, result.stderr
        assert "broken.txt" in result.stderr
    assert tree_bytes(one) == tree_bytes(two)
    usage = subprocess.run([*CLEANER, "clean", str(one), "--jobs", "0"], capture_output=True, text=True)
    assert usage.returncode == 2


def test_progress_bar_only_on_a_terminal(corpus: Path) -> None:
    for number in range(20):
        (corpus / "more" / f"extra{number}.txt").write_text(f"Line {number}. {number} more words in it.\n", encoding="utf-8")
    (corpus / "more" / "broken.txt").unlink()
    piped = subprocess.run([*CLEANER, "clean", str(corpus), "--force"], capture_output=True, text=True)
    assert "cleaning" not in piped.stderr

    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen([*CLEANER, "clean", str(corpus), "--force"], stdout=subprocess.PIPE,
                                   stderr=terminal, env={**os.environ, "COLUMNS": "100"})
        os.close(terminal)
        shown = b""
        while True:  # read while it runs, so a full terminal buffer never blocks it
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the other end closed: the process is done writing
                break
            if not chunk:
                break
            shown += chunk
        process.communicate()
    finally:
        os.close(controller)
    assert process.returncode == 0
    assert b"cleaning" in shown and b"100%" in shown
    quiet = subprocess.run([*CLEANER, "clean", str(corpus), "--force", "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert quiet.stderr == b""
