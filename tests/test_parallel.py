"""--jobs: the same bytes for any number of workers, outcomes in input order, one bad file never stops."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cleaner.batch import Target, discover
from cleaner.parallel import BatchSettings, clean_all, default_jobs
from batch_corpus import corpus, tree_bytes  # noqa: F401 (corpus is a fixture)


@pytest.fixture(autouse=True)
def small_batches_use_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus here is a dozen files; let it go through worker processes all the same."""
    import cleaner.parallel as parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)


def run(root: Path, jobs: int, **settings: object) -> list:
    targets, problems = discover([root])
    assert problems == []
    return list(clean_all(targets, BatchSettings(**settings), jobs))


def test_outputs_are_byte_identical_for_any_number_of_jobs(corpus: Path, tmp_path: Path) -> None:
    trees = []
    for jobs in (1, 2, 3):
        copy = tmp_path / f"jobs{jobs}"
        shutil.copytree(corpus, copy)
        outcomes = run(copy, jobs)
        assert [o.target.source.relative_to(copy) for o in outcomes] == sorted(
            o.target.source.relative_to(copy) for o in outcomes
        ), "outcomes come back in input order"
        trees.append(tree_bytes(copy))
    assert any(name.endswith(".clean.txt") for name in trees[0])
    assert trees[0] == trees[1] == trees[2]


def test_a_bad_file_fails_alone(corpus: Path) -> None:
    outcomes = run(corpus, 2)
    failed = [o for o in outcomes if o.status == "failed"]
    assert [o.target.source.name for o in failed] == ["broken.txt"]
    assert "binary content" in failed[0].message
    assert all(o.status == "cleaned" for o in outcomes if o not in failed)


def test_second_run_skips_and_force_cleans_again(corpus: Path) -> None:
    run(corpus, 2)
    again = run(corpus, 2)
    assert {o.status for o in again if o.target.source.name != "broken.txt"} == {"skipped"}
    forced = run(corpus, 2, force=True)
    # Forced: every file is cleaned again; the bytes are the same, so nothing is rewritten.
    assert {o.status for o in forced if o.target.source.name != "broken.txt"} == {"unchanged"}


def test_unexpected_errors_become_failed_outcomes(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.parallel as parallel

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(parallel, "clean_target", explode)
    outcomes = run(corpus, 1)
    assert outcomes and all(o.status == "failed" and "RuntimeError: boom" in o.message for o in outcomes)


def test_default_jobs_is_the_usable_cores() -> None:
    assert default_jobs() >= 1


def test_worker_processes_are_really_used(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.parallel as parallel

    started: list[int] = []
    start = parallel._start_worker

    def recording(context: object, settings: BatchSettings) -> object:
        worker = start(context, settings)
        started.append(worker.process.pid)
        return worker

    monkeypatch.setattr(parallel, "_start_worker", recording)
    outcomes = run(corpus, 2)
    assert len(started) == 2 and os.getpid() not in started
    assert {o.status for o in outcomes} == {"cleaned", "failed"}


def test_a_small_batch_stays_in_this_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.parallel as parallel

    def no_workers(*args: object) -> None:
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1000)
    monkeypatch.setattr(parallel, "_start_worker", no_workers)
    assert {o.status for o in run(corpus, 2)} == {"cleaned", "failed"}


def test_a_worker_that_dies_fails_only_the_file_it_was_cleaning(corpus: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.parallel as parallel

    plain = tmp_path / "plain"
    shutil.copytree(corpus, plain)
    expected = {o.target.source.name: o.status for o in run(plain, 1)}
    # Forked workers inherit this stand-in: a file named "crash" ends its worker the way a crash in a
    # compiled library would, with no Python exception to catch.
    monkeypatch.setattr(parallel, "START_METHOD", "fork")
    clean_safely = parallel.clean_safely

    def crashing(target: Target, cleaner: object, settings: BatchSettings) -> object:
        if target.source.stem == "crash":
            os._exit(70)
        return clean_safely(target, cleaner, settings)

    monkeypatch.setattr(parallel, "clean_safely", crashing)
    (corpus / "crash.txt").write_text("Any text at all.\n", encoding="utf-8")
    targets, _ = discover([corpus])
    outcomes = list(clean_all(targets, BatchSettings(), 2))
    assert [o.target for o in outcomes] == targets
    by_name = {o.target.source.name: o for o in outcomes}
    crashed = by_name.pop("crash.txt")
    assert crashed.status == "failed" and "worker process cleaning it died (exit code 70)" in crashed.message
    assert {name: o.status for name, o in by_name.items()} == expected
    # Every other file's outputs are what a batch without the crash writes.
    assert {name: data for name, data in tree_bytes(corpus).items() if "crash" not in name} == tree_bytes(plain)
