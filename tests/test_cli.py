"""The command line, through typer's runner and as a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import EXIT_INPUT, EXIT_OK, EXIT_RULES, EXIT_STALE, app
from conftest import SEEDS

runner = CliRunner()


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        if not seed.name.endswith(".clean.txt"):
            shutil.copy(seed, folder / seed.name)
    return folder


def raw(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.txt") if not p.name.endswith(".clean.txt"))


def test_clean_writes_outputs_beside_each_input(seeds: Path) -> None:
    result = runner.invoke(app, ["clean", str(seeds)])
    assert result.exit_code == EXIT_OK, result.output
    for source in raw(seeds):
        stem = source.name[: -len(".txt")]
        assert (seeds / f"{stem}.clean.txt").is_file()
        manifest = json.loads((seeds / f"{stem}.manifest.json").read_text(encoding="utf-8"))
        assert manifest["source"]["path"] == source.name
        assert manifest["output"]["path"] == f"{stem}.clean.txt"
    assert "5 files: 5 cleaned" in result.output


def test_outputs_are_never_inputs_and_rerun_rewrites_nothing(seeds: Path) -> None:
    runner.invoke(app, ["clean", str(seeds)])
    before = {p: p.stat().st_mtime_ns for p in seeds.iterdir()}
    result = runner.invoke(app, ["clean", str(seeds)])
    assert result.exit_code == EXIT_OK
    assert "5 files: 0 cleaned, 0 unchanged, 5 skipped (current)" in result.output
    assert {p: p.stat().st_mtime_ns for p in seeds.iterdir()} == before
    assert not list(seeds.glob("*.clean.clean.txt"))


def test_out_mirrors_the_tree(seeds: Path, tmp_path: Path) -> None:
    nested = seeds / "deeper"
    nested.mkdir()
    shutil.copy(raw(seeds)[0], nested / "copy.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["clean", str(seeds), "--out", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    assert (out / "deeper" / "copy.clean.txt").is_file()
    assert (out / "deeper" / "copy.manifest.json").is_file()
    assert not list(seeds.glob("*.clean.txt"))
    manifest = json.loads((out / "deeper" / "copy.manifest.json").read_text(encoding="utf-8"))
    assert (out / "deeper" / manifest["source"]["path"]).resolve() == (nested / "copy.txt").resolve()
    # -o is --out, for clean and for check.
    assert runner.invoke(app, ["check", str(seeds), "-o", str(out)]).exit_code == EXIT_OK


def test_check_reports_missing_then_current_then_stale(seeds: Path) -> None:
    first = runner.invoke(app, ["check", str(seeds)])
    assert first.exit_code == EXIT_STALE
    assert "no clean text" in first.output
    runner.invoke(app, ["clean", str(seeds)])
    assert runner.invoke(app, ["check", str(seeds)]).exit_code == EXIT_OK
    source = raw(seeds)[0]
    source.write_text(source.read_text(encoding="utf-8") + "\nA new last line.\n", encoding="utf-8")
    stale = runner.invoke(app, ["check", str(seeds)])
    assert stale.exit_code == EXIT_STALE
    assert f"{source}: source changed" in stale.output


def test_check_sees_rule_and_version_changes(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner.invoke(app, ["clean", str(seeds)])
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "p.toml").write_text('[pack]\nid = "mine"\nsummary = "s"\n', encoding="utf-8")
    assert "rules changed" in runner.invoke(app, ["check", str(seeds), "--rules", str(mine)]).output
    monkeypatch.setattr("cleaner.batch.__version__", "99.0")
    assert "cleaner version changed" in runner.invoke(app, ["check", str(seeds)]).output


def rule_folder(tmp_path: Path, name: str, text: str) -> Path:
    """A folder of one rule file, `name`, holding `text`."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_check_reports_broken_rules(seeds: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["clean", str(seeds)])
    checked = runner.invoke(app, ["check", str(seeds), "--rules", str(rule_folder(tmp_path, "p.toml", "[pack\nid ="))])
    assert checked.exit_code == EXIT_RULES
    assert "p.toml: invalid TOML" in checked.output


def test_check_sees_a_hand_edited_output(seeds: Path) -> None:
    runner.invoke(app, ["clean", str(seeds)])
    output = next(seeds.glob("*.clean.txt"))
    output.write_text("edited\n", encoding="utf-8")
    assert "edited by hand" in runner.invoke(app, ["check", str(seeds)]).output


def test_bad_file_is_named_and_the_batch_goes_on(seeds: Path) -> None:
    (seeds / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    result = runner.invoke(app, ["clean", str(seeds)])
    assert result.exit_code == EXIT_INPUT
    assert f"{seeds / 'photo.txt'}: binary content (a PNG image), skipped" in result.output
    assert len(list(seeds.glob("*.clean.txt"))) == 5
    assert not (seeds / "photo.clean.txt").exists()


def test_broken_rules_stop_before_anything_is_written(seeds: Path, tmp_path: Path) -> None:
    mine = rule_folder(tmp_path, "bad.toml", '[pack]\nid = "bad"\nsummary = "s"\n[[rule]]\nid = "bad.x"\n')
    result = runner.invoke(app, ["clean", str(seeds), "--rules", str(mine)])
    assert result.exit_code == EXIT_RULES
    assert "bad.toml: rule[0].kind: missing" in result.output
    assert not list(seeds.glob("*.clean.txt"))


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = runner.invoke(app, ["clean", str(tmp_path / "nope")])
    assert result.exit_code == EXIT_INPUT
    assert "no such file or directory" in result.output


def test_json_summary(seeds: Path) -> None:
    result = runner.invoke(app, ["clean", str(seeds), "--json"])
    report = json.loads(result.stdout)
    assert report["cleaned"] == 5 and report["failed"] == 0
    assert report["removed_by_rule"]["dedup.exact"] > 0


def test_rules_list_and_show() -> None:
    listing = runner.invoke(app, ["rules", "list"])
    assert listing.exit_code == EXIT_OK
    assert "southfront.donation-bar" in listing.output and "comments.thread" in listing.output
    shown = runner.invoke(app, ["rules", "show", "southfront.donation-bar"])
    assert shown.exit_code == EXIT_OK
    assert "What it does" in shown.output and "Why" in shown.output and "Example 0 (removes)" in shown.output
    assert runner.invoke(app, ["rules", "show", "no.such-rule"]).exit_code == 2


def test_rules_test_runs_every_example() -> None:
    result = runner.invoke(app, ["rules", "test"])
    assert result.exit_code == EXIT_OK
    assert ", 0 failed" in result.output


def test_real_subprocess_cleans_and_checks(seeds: Path) -> None:
    command = [sys.executable, "-m", "cleaner"]
    done = subprocess.run([*command, "clean", str(seeds), "--quiet"], capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout == ""
    checked = subprocess.run([*command, "check", str(seeds)], capture_output=True, text=True, check=False)
    assert checked.returncode == EXIT_OK, checked.stdout + checked.stderr
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.startswith("cleaner ")


def test_a_folder_without_inputs_is_named_not_passed_over(tmp_path: Path) -> None:
    # A wrong folder (or one of .md files) would otherwise make `check` pass in silence.
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    for command in ("clean", "check"):
        result = runner.invoke(app, [command, str(tmp_path)])
        assert result.exit_code == EXIT_OK
        assert f"{tmp_path}: no input files here (.txt, .html, .htm, .xhtml, .jsonl)" in result.output
