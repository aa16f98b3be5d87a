"""The datatrove step on datatrove's real LocalPipelineExecutor: same results as cleaner.clean(), and
a re-run that skips completed tasks and rewrites nothing. Needs the `datatrove` extra (installed by
`make test`)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402

import cleaner  # noqa: E402
from cleaner.integrations.datatrove import CleanStep, clean_pipeline  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TASKS, WORKERS = 3, 2
BODY = ("The council approved the new budget on Tuesday after a long debate about school funding, "
        "which had divided the members for most of the year.")


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")) if not path.name.endswith(".clean.txt")]


def write_jsonl_corpus(folder: Path) -> list[dict[str, Any]]:
    """Seeds and small made-up pages with furniture, spread over five JSONL files."""
    records: list[dict[str, Any]] = []
    for number, text in enumerate(seed_texts()):
        records.append({"id": f"seed-{number}", "text": text, "url": "https://southfront.org/news/"})
    for number in range(12):
        text = f"Support SouthFront\n\nHeadline number {number}\n\n{BODY} Item {number}.\n\n{BODY}\n\nShare this:\n"
        records.append({"id": f"made-{number}", "text": text} | ({"url": "https://example.com/a"} if number % 2 else {}))
    folder.mkdir()
    for shard in range(5):
        with (folder / f"part-{shard}.jsonl").open("w", encoding="utf-8") as stream:
            for record in records[shard::5]:
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records


def run_local(pipeline: list[Any], logs: Path, tasks: int = TASKS) -> None:
    LocalPipelineExecutor(pipeline, tasks=tasks, workers=WORKERS, logging_dir=str(logs)).run()


def read_records(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(folder.rglob("*")) if path.is_file()}


def total(stat: int | dict[str, Any]) -> int:
    """datatrove saves a stat as its bare total when that is all there is to say."""
    return stat if isinstance(stat, int) else stat["total"]


def as_json(value: Any) -> Any:
    return json.loads(json.dumps(value))


def test_local_executor_gives_what_clean_gives_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    records = write_jsonl_corpus(tmp_path / "in")
    out, logs = tmp_path / "out", tmp_path / "logs"
    run_local(clean_pipeline(str(tmp_path / "in"), str(out)), logs)

    written = read_records(out)
    assert sorted(r["id"] for r in written) == sorted(r["id"] for r in records)
    inputs = {r["id"]: r for r in records}
    removed: Counter[str] = Counter()
    for record in written:
        source = inputs[record["id"]]
        direct = cleaner.clean(source["text"], url=source.get("url"))
        assert record == {"id": source["id"], "text": direct.text, "manifest": as_json(direct.manifest)}
        removed.update(direct.manifest["stats"]["removed_by_rule"])
    assert removed["southfront.support-banner"] > 0

    step_stats = next(s for s in json.loads((logs / "stats.json").read_text()) if "cleaner" in s["name"])["stats"]
    assert total(step_stats["cleaned"]) == len(records)
    assert {rule: total(step_stats[f"removed_chars.{rule}"]) for rule in removed} == dict(removed)

    before = snapshot(out)
    logs_before = snapshot(logs)
    assert len(list((logs / "completions").iterdir())) == TASKS
    run_local(clean_pipeline(str(tmp_path / "in"), str(out)), logs)
    assert snapshot(out) == before  # same bytes, and not even rewritten
    assert snapshot(logs) == logs_before  # every task was skipped


def test_raw_files_are_cleaned_like_cleaner_clean_and_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    for number, text in enumerate(seed_texts()):
        (corpus / ("sub" if number % 2 else "") / f"page-{number}.txt").write_text(text, encoding="utf-8")
    (corpus / "latin.txt").write_bytes(f"Caf\xe9 news\n\n{BODY}\n\nSupport SouthFront\n".encode("cp1252"))
    (corpus / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (corpus / "page-0.clean.txt").write_text("an output, never an input\n", encoding="utf-8")
    out, failed = tmp_path / "out", tmp_path / "failed"
    run_local(clean_pipeline(str(corpus), str(out), input_format="files", failed_folder=str(failed)), tmp_path / "logs", tasks=2)

    written = {r["id"]: r for r in read_records(out)}
    expected_ids = {path.relative_to(corpus).as_posix() for path in corpus.rglob("*.*")} - {"picture.txt", "page-0.clean.txt"}
    assert set(written) == expected_ids
    for rel, record in written.items():
        direct = cleaner.Cleaner().clean_file(corpus / rel).with_paths(rel, None)
        assert record["text"] == direct.text
        assert record["manifest"] == as_json(direct.manifest)
    assert written["latin.txt"]["manifest"]["source"]["encoding"] != "utf-8"  # decoded from the bytes, as `cleaner clean` does

    [failure] = read_records(failed)
    assert failure["id"] == "picture.txt"
    assert "binary" in failure["metadata"]["cleaner_error"]


def test_too_large_document_is_kept_aside_with_its_reason(tmp_path: Path) -> None:
    from datatrove.pipeline.writers import JsonlWriter

    failed_writer = JsonlWriter(str(tmp_path / "failed"), output_filename="${rank}.jsonl", compression=None)
    step = CleanStep(max_bytes=200, failed_writer=failed_writer)
    from datatrove.data import Document

    documents = [Document(text="Short.\n", id="small"), Document(text=BODY * 3, id="big")]
    kept = list(step.run(iter(documents)))
    assert [d.id for d in kept] == ["small"]
    assert kept[0].metadata["manifest"] == cleaner.clean("Short.\n").manifest
    [failure] = read_records(tmp_path / "failed")
    assert failure["id"] == "big" and failure["text"] == BODY * 3
    assert "limit" in failure["metadata"]["cleaner_error"]
    assert step.stats["failed.InputTooLarge"].total == 1


def test_broken_rules_fail_before_any_task_runs(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[pack]\nid = "bad"\nsummary = "x"\n\n[[rule]]\nid = "bad.rule"\n', encoding="utf-8")
    with pytest.raises(cleaner.RuleError):
        CleanStep(rules=[tmp_path])


def test_the_shipped_example_script_runs_and_skips_completed_tasks(tmp_path: Path) -> None:
    import subprocess
    import sys

    records = write_jsonl_corpus(tmp_path / "in")
    script = Path(__file__).resolve().parent.parent / "examples" / "datatrove_pipeline.py"
    command = [sys.executable, str(script), str(tmp_path / "in"), str(tmp_path / "out"),
               "--tasks", "2", "--workers", str(WORKERS), "--logging-dir", str(tmp_path / "logs")]
    subprocess.run(command, check=True, capture_output=True)
    written = read_records(tmp_path / "out")
    assert sorted(r["text"] for r in written) == sorted(cleaner.clean(r["text"], url=r.get("url")).text for r in records)

    before = snapshot(tmp_path / "out")
    rerun = subprocess.run(command, check=True, capture_output=True, text=True)
    assert "already been completed" in rerun.stderr
    assert snapshot(tmp_path / "out") == before
