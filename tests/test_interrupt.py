"""Ctrl-C during a batch: a one-line report, exit code 130, every output written whole, no temporary
file, and a re-run that cleans the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cleaner.parallel as parallel
from cleaner.cli import EXIT_INTERRUPTED, EXIT_OK, app
from batch_corpus import BODY, raw_seeds

runner = CliRunner()


def many_documents(folder: Path, count: int) -> Path:
    folder.mkdir()
    seed = raw_seeds()[0].read_text(encoding="utf-8")
    for number in range(count):
        (folder / f"doc{number:04}.txt").write_text(f"Document {number}. {BODY}\n\n{seed}", encoding="utf-8")
    return folder


def written(folder: Path) -> tuple[int, int, list[str]]:
    return (len(list(folder.glob("*.clean.txt"))), len(list(folder.glob("*.manifest.json"))),
            [p.name for p in folder.iterdir() if p.name.startswith(".cleaner-tmp-")])


def test_an_interrupt_in_one_process_reports_what_was_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = many_documents(tmp_path / "corpus", 5)
    real = parallel.clean_safely
    calls = []

    def interrupted_at_the_third(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "clean_safely", interrupted_at_the_third)
    result = runner.invoke(app, ["clean", str(folder), "--jobs", "1"])
    assert result.exit_code == EXIT_INTERRUPTED
    assert "interrupted: 2 of 5 files done; every output written is whole, and a re-run cleans the rest" in result.output
    assert written(folder) == (2, 2, [])
    monkeypatch.setattr(parallel, "clean_safely", real)
    again = runner.invoke(app, ["clean", str(folder), "--jobs", "1"])
    assert again.exit_code == EXIT_OK
    assert "5 files: 3 cleaned, 0 unchanged, 2 skipped (current), 0 failed" in again.output


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_the_workers_cleanly(tmp_path: Path) -> None:
    # A terminal's Ctrl-C signals every process of the group: the parent and both workers.
    folder = many_documents(tmp_path / "corpus", 400)
    command = [sys.executable, "-m", "cleaner", "clean", str(folder), "--jobs", "2", "--quiet"]
    batch = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while not any(folder.glob("*.clean.txt")) and batch.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(batch.pid, signal.SIGINT)
    _, error = batch.communicate(timeout=60)
    stderr = error.decode()
    assert batch.returncode == EXIT_INTERRUPTED, stderr
    assert "interrupted: " in stderr and "Traceback" not in stderr
    texts, manifests, temporary = written(folder)
    assert 0 < texts < 400 and temporary == []
    # Every pair written is whole: check finds only inputs not cleaned yet, none that disagree.
    check = subprocess.run([sys.executable, "-m", "cleaner", "check", str(folder)], capture_output=True, text=True)
    reasons = {line.split(": ", 1)[1] for line in check.stdout.splitlines() if ": " in line}
    assert reasons == {"no clean text"}, check.stdout
    assert check.stdout.count("no clean text") == 400 - texts


def test_ctrl_c_in_any_command_exits_130_not_click_s_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # `check` exits 1 for stale outputs: an interrupted check must not look like one.
    import cleaner.batch as batch
    from cleaner import cli

    def interrupted(*args: object, **kwargs: object) -> None:
        raise cli.Interrupted  # what cli.main's SIGINT handler raises

    folder = many_documents(tmp_path / "corpus", 2)
    monkeypatch.setattr(batch, "check_targets", interrupted)
    monkeypatch.setattr(sys, "argv", ["cleaner", "check", str(folder)])
    previous = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(SystemExit) as stopped:
            cli.main()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert stopped.value.code == EXIT_INTERRUPTED
    assert "interrupted" in capsys.readouterr().err


def test_ctrl_c_in_the_hook_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.hook as hook

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(hook, "refresh", interrupted)
    assert hook.main([str(many_documents(tmp_path / "corpus", 1) / "doc0000.txt")]) == hook.EXIT_INTERRUPTED == 130
