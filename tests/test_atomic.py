"""Atomic writes: an interrupted write leaves the old bytes or the new, never half, and no temp files."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

import cleaner.batch as batch
from cleaner import Cleaner, OutputError
from cleaner.batch import clean_target, staleness, target_for, write_atomic
from batch_corpus import BODY

OLD = b"old complete content\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".cleaner-tmp-"))


class HalfThenFull(io.FileIO):
    """A file that takes half of the first write, then reports the disk full."""

    def write(self, data: bytes) -> int:  # type: ignore[override]
        super().write(bytes(data)[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_write_failing_midway_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.clean.txt"
    path.write_bytes(OLD)
    with monkeypatch.context() as patch:
        patch.setattr(batch.os, "fdopen", lambda handle, mode: HalfThenFull(handle, "wb"))
        with pytest.raises(OutputError, match="No space left"):
            write_atomic(path, b"new content that never lands whole\n" * 100)
    assert path.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_an_interrupt_before_the_rename_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.clean.txt"
    path.write_bytes(OLD)

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(batch.os, "replace", interrupted)
        with pytest.raises(KeyboardInterrupt):
            write_atomic(path, b"new\n")
    assert path.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_manifest_write_that_fails_leaves_the_pair_stale_until_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "page.txt"
    source.write_text(f"Support SouthFront\n\n{BODY}\n", encoding="utf-8")
    target = target_for(source, tmp_path, None)
    cleaner = Cleaner()
    real_replace = os.replace

    def fail_on_manifest(src: str, dst: str) -> None:
        if str(dst).endswith(".manifest.json"):
            raise OSError(errno.EIO, "I/O error")
        real_replace(src, dst)

    with monkeypatch.context() as patch:
        patch.setattr(batch.os, "replace", fail_on_manifest)
        outcome = clean_target(target, cleaner)
    assert outcome.status == "failed" and "I/O error" in outcome.message
    assert target.text.exists() and not target.manifest.exists()
    assert leftovers(tmp_path) == []
    assert staleness(target, cleaner) == "no manifest"
    assert clean_target(target, cleaner).status == "cleaned"
    assert staleness(target, cleaner) is None


def test_a_text_that_disagrees_with_its_manifest_is_stale(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text(f"{BODY}\n", encoding="utf-8")
    target = target_for(source, tmp_path, None)
    cleaner = Cleaner()
    clean_target(target, cleaner)
    target.text.write_text("half a tex", encoding="utf-8")
    assert "does not match its manifest" in (staleness(target, cleaner) or "")
    assert clean_target(target, cleaner).status == "cleaned"
    assert target.text.read_text(encoding="utf-8") == BODY + "\n"


def test_outputs_get_the_permissions_a_plain_write_would(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "page.clean.txt", b"text\n")
        os.umask(0o077)
        write_atomic(tmp_path / "private.clean.txt", b"text\n")
    finally:
        os.umask(mask)
    assert (tmp_path / "page.clean.txt").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    assert (tmp_path / "private.clean.txt").stat().st_mode & 0o777 == 0o600


def test_a_streamed_output_stopped_midway_keeps_the_old_file_and_no_temp(tmp_path: Path) -> None:
    from cleaner.batch import StreamedOutput

    path = tmp_path / "pages.clean.jsonl"
    path.write_bytes(OLD)
    with pytest.raises(KeyboardInterrupt):
        with StreamedOutput(path) as output:
            output.write(b"first record\n")
            raise KeyboardInterrupt
    assert path.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_streamed_output_with_the_same_bytes_rewrites_nothing(tmp_path: Path) -> None:
    from cleaner.batch import StreamedOutput

    path = tmp_path / "pages.clean.jsonl"
    with StreamedOutput(path) as output:
        output.write(b"one\n")
        output.write(b"two\n")
    assert output.changed and path.read_bytes() == b"one\ntwo\n" and output.size == 8
    inode = path.stat().st_ino
    with StreamedOutput(path) as again:
        again.write(b"one\ntwo\n")
    assert not again.changed and path.stat().st_ino == inode
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts descriptors through /proc")
def test_a_temporary_file_that_cannot_be_opened_as_a_stream_leaks_no_descriptor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(handle: int, mode: str) -> object:
        raise OSError(errno.EMFILE, "Too many open files")

    path = tmp_path / "page.clean.txt"
    path.write_bytes(OLD)
    before = len(os.listdir("/proc/self/fd"))
    with monkeypatch.context() as patch:
        patch.setattr(batch.os, "fdopen", refused)
        with pytest.raises(OutputError, match="Too many open files"):
            write_atomic(path, b"new\n")
    assert len(os.listdir("/proc/self/fd")) == before
    assert path.read_bytes() == OLD
    assert leftovers(tmp_path) == []
