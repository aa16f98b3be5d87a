"""The pre-commit hook: its pure core, its main(argv), and the real pre-commit framework running it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.hook import find_orphans, main, refresh
from batch_corpus import BODY, ROOT

SEED = f"Support SouthFront\n\n{BODY}\n"
PRE_COMMIT = str(Path(sys.executable).parent / "pre-commit")


def seed_folder(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(SEED, encoding="utf-8")
    (seeds / "b.txt").write_text(f"{BODY}\n", encoding="utf-8")
    return seeds


def test_refresh_writes_then_reports_nothing(tmp_path: Path) -> None:
    seeds = seed_folder(tmp_path)
    files = sorted(seeds.iterdir())
    first = refresh(files, Cleaner())
    assert [p.name for p in first.written] == ["a.clean.txt", "a.manifest.json", "b.clean.txt", "b.manifest.json"]
    assert first.exit_code == 1
    second = refresh(sorted(seeds.iterdir()), Cleaner())  # outputs are passed too, and passed over
    assert second.written == [] and second.orphans == [] and second.exit_code == 0


def test_main_prints_one_line_per_file_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = seed_folder(tmp_path)
    assert main([str(seeds / "a.txt")]) == 1
    assert capsys.readouterr().out.splitlines() == [f"wrote {seeds / 'a.clean.txt'}", f"wrote {seeds / 'a.manifest.json'}"]
    assert main([str(seeds / "a.txt")]) == 0
    assert capsys.readouterr().out == ""
    (seeds / "a.clean.txt").write_text("edited\n", encoding="utf-8")
    assert main([str(seeds / "a.txt")]) == 1
    assert capsys.readouterr().out.splitlines() == [f"wrote {seeds / 'a.clean.txt'}"]


def test_orphans_are_reported_and_removed_with_the_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = seed_folder(tmp_path)
    main([str(seeds / "a.txt"), str(seeds / "b.txt")])
    (seeds / "b.txt").unlink()
    capsys.readouterr()
    assert [p.name for p in find_orphans(seeds)] == ["b.clean.txt", "b.manifest.json"]
    assert main(["--orphans-in", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"orphan {seeds / 'b.clean.txt'}: its seed is gone" in out and (seeds / "b.clean.txt").exists()
    assert main([str(seeds / "a.txt"), "--remove-orphans"]) == 1  # the folder of a given seed is searched too
    assert capsys.readouterr().out.splitlines() == [
        f"removed {seeds / 'b.clean.txt'} (its seed is gone)",
        f"removed {seeds / 'b.manifest.json'} (its seed is gone)",
    ]
    assert sorted(p.name for p in seeds.iterdir()) == ["a.clean.txt", "a.manifest.json", "a.txt"]
    assert main([str(seeds / "a.txt"), "--orphans-in", str(seeds)]) == 0


def test_an_html_seed_with_the_same_stem_is_not_an_orphans_source_gone(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (seeds / "page.clean.txt").write_text("x\n", encoding="utf-8")
    assert find_orphans(seeds) == []


def test_a_seed_that_cannot_be_cleaned_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = seed_folder(tmp_path)
    (seeds / "c.txt").write_bytes(b"%PDF-1.4 binary")
    assert main([str(p) for p in sorted(seeds.iterdir())]) == 3
    captured = capsys.readouterr()
    assert "c.txt: binary content (a PDF document), skipped" in captured.err
    assert (seeds / "a.clean.txt").exists() and not (seeds / "c.clean.txt").exists()


def test_broken_rules_exit_4(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_text("[pack]\nid = 'x'\n[[rule]]\nid = 'x.y'\n", encoding="utf-8")
    assert main(["--rules", str(rules), str(seed_folder(tmp_path) / "a.txt")]) == 4


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


def user_repo(tmp_path: Path, config: str | None = None) -> Path:
    repo = tmp_path / "user"
    repo.mkdir()
    git(repo, "init", "-q")
    seeds = repo / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(SEED, encoding="utf-8")
    (repo / "notes.txt").write_text("not a seed\n", encoding="utf-8")
    if config is not None:
        (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "add", ".")
    return repo


def pre_commit(repo: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           # The hook's environment is installed with the project's pinned versions.
           "PIP_CONSTRAINT": str(ROOT / "constraints.txt")}
    return subprocess.run([PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True, env=env)


def assert_fails_then_passes(repo: Path, tmp_path: Path, *args: str) -> None:
    first = pre_commit(repo, tmp_path, *args)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Failed" in first.stdout and "wrote seeds/a.clean.txt" in first.stdout
    assert (repo / "seeds" / "a.clean.txt").read_text(encoding="utf-8") == BODY + "\n"
    assert (repo / "seeds" / "a.manifest.json").is_file() and not (repo / "notes.clean.txt").exists()
    git(repo, "add", ".")
    second = pre_commit(repo, tmp_path, *args)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def test_pre_commit_runs_the_hook_as_configured_locally(tmp_path: Path) -> None:
    """The real framework, with the hook from this environment: fast, runs on every test run."""
    config = f"""repos:
  - repo: local
    hooks:
      - id: clean-seeds
        name: clean seeds
        entry: {sys.executable} -m cleaner.hook
        language: unsupported
        files: '(^|/)seeds/.*\\.(txt|html?|xhtml|jsonl)$'
        exclude: '\\.clean\\.(txt|jsonl)$'
"""
    repo = user_repo(tmp_path, config)
    assert_fails_then_passes(repo, tmp_path, "run", "--all-files")


@pytest.mark.slow
def test_pre_commit_try_repo_installs_and_runs_the_shipped_hook(tmp_path: Path) -> None:
    """`pre-commit try-repo` against a committed copy of this checkout: the shipped
    .pre-commit-hooks.yaml, installed into a fresh virtualenv the way a user's repository gets it."""
    project = tmp_path / "project"
    ignore = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info", "bench")
    shutil.copytree(ROOT, project, ignore=ignore)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "snapshot")
    repo = user_repo(tmp_path)
    assert_fails_then_passes(repo, tmp_path, "try-repo", str(project), "clean-seeds", "--all-files")
