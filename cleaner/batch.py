"""Files in, outputs beside them (or in a mirrored tree): discovery, staleness, atomic writes.

For `dir/page.txt` the outputs are `dir/page.clean.txt` and `dir/page.manifest.json`; for a
`dir/records.jsonl` they are `dir/records.clean.jsonl` and `dir/records.manifest.json` (see jsonl.py).
Outputs are never taken as inputs. A file whose outputs are current (same source bytes, rules digest and cleaner
version, and an output that still matches its manifest) is left alone, so a re-run rewrites nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ._version import __version__
from .errors import InputError, OutputError
from .input_file import open_input, why_not_readable
from .rules import RuleFiles, RuleSet

if TYPE_CHECKING:
    from .pipeline import Cleaner, CleanResult, FormatOption

JSONL_SUFFIX = ".jsonl"
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", JSONL_SUFFIX)
TEXT_SUFFIX = ".clean.txt"
JSONL_OUTPUT_SUFFIX = ".clean.jsonl"
MANIFEST_SUFFIX = ".manifest.json"
OUTPUT_SUFFIXES = (TEXT_SUFFIX, JSONL_OUTPUT_SUFFIX, MANIFEST_SUFFIX)


@dataclass(frozen=True)
class Target:
    """One input file and the two outputs it owns."""

    source: Path
    text: Path
    manifest: Path


@dataclass(frozen=True)
class Outcome:
    target: Target
    status: str  # "cleaned", "unchanged", "skipped" (current, not cleaned again) or "failed"
    message: str = ""
    removed_by_rule: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # Parts of the file that could not be cleaned while the rest was (bad .jsonl records).
    problems: tuple[str, ...] = ()


def is_output(path: Path) -> bool:
    return path.name.endswith(OUTPUT_SUFFIXES)


def output_stem(path: Path) -> str:
    name = path.name
    for suffix in INPUT_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIX)


def target_for(source: Path, root: Path, out: Path | None) -> Target:
    stem = output_stem(source)
    folder = source.parent if out is None else out / source.parent.relative_to(root)
    text_suffix = JSONL_OUTPUT_SUFFIX if is_jsonl(source) else TEXT_SUFFIX
    return Target(source, folder / f"{stem}{text_suffix}", folder / f"{stem}{MANIFEST_SUFFIX}")


def discover(paths: Sequence[Path], out: Path | None = None) -> tuple[list[Target], list[Outcome]]:
    """Targets for files and folders (recursively, hidden entries skipped), and what could not be read."""
    targets: dict[Path, Target] = {}
    problems: list[Outcome] = []
    owners: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            found = _walk(path, problems)
            root = path
        elif path.is_file():
            found, root = iter([path]), path.parent
        elif path.exists() or path.is_symlink():
            # A named pipe, a device, a broken or looping link: cleaning it says why it cannot be read.
            found, root = iter([path]), path.parent
        else:
            problems.append(_failed(path, "no such file or directory"))
            continue
        for source in found:
            if is_output(source) or source in targets:
                continue
            target = target_for(source, root, out)
            clash = next((output for output in (target.text, target.manifest) if output in owners), None)
            if clash is not None:
                problems.append(_failed(source, f"its output {clash} is also the output of {owners[clash]}"))
                continue
            owners[target.text] = owners[target.manifest] = source
            targets[source] = target
    return sorted(targets.values(), key=lambda t: str(t.source)), problems


def folders_without_inputs(paths: Sequence[Path], targets: Sequence[Target]) -> list[Path]:
    """The folders among `paths` that hold no input: most likely a wrong folder, which a batch or a
    check would otherwise pass over in silence."""
    return [path for path in paths if path.is_dir() and not any(t.source.is_relative_to(path) for t in targets)]


def _walk(root: Path, problems: list[Outcome]) -> Iterator[Path]:
    def on_error(error: OSError) -> None:
        problems.append(_failed(Path(error.filename or root), f"cannot read directory ({error.strerror}), skipped"))

    # os.walk does not follow symlinked directories, so a symlink loop cannot trap it.
    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(INPUT_SUFFIXES):
                yield Path(folder) / name


def _failed(path: Path, message: str) -> Outcome:
    return Outcome(Target(path, path, path), "failed", message)


def staleness(target: Target, cleaner: Cleaner | RulesOnly) -> str | None:
    """Why the target's outputs are not current, or None when they are."""
    if not target.text.is_file():
        return "no clean text"
    try:
        manifest = json.loads(target.manifest.read_text(encoding="utf-8"))
        recorded_source = manifest["source"]["sha256"]
        recorded_output = manifest["output"]["sha256"]
        version = manifest["cleaner"]["version"]
        digest = manifest["cleaner"]["rules_digest"]
    except FileNotFoundError:
        return "no manifest"
    except (OSError, ValueError, KeyError, TypeError):
        return "manifest unreadable"
    try:
        # Both hashed as they are read: a .jsonl corpus and its output may be gigabytes.
        with open_input(target.source) as stream:
            source_sha256 = _sha256_of(stream)
        if source_sha256 != recorded_source:
            return "source changed"
        if _file_sha256(target.text) != recorded_output:
            return "clean text does not match its manifest (edited by hand, or an interrupted write)"
    except InputError as error:
        return error.reason
    except OSError as error:
        return f"cannot read ({error.strerror})"
    if version != __version__:
        return f"cleaner version changed ({version} -> {__version__})"
    if digest != cleaner.rules.digest:
        return "rules changed"
    return None


def relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def clean_target(target: Target, cleaner: Cleaner, *, force: bool = False, url: str | None = None,
                 format: FormatOption = "auto", field: str = "text") -> Outcome:
    """Clean one file and write its outputs, unless they are current. Never raises InputError.

    `field` is the record field that holds the document, for `.jsonl` inputs.
    """
    if not force and staleness(target, cleaner) is None:
        return Outcome(target, "skipped")
    if is_jsonl(target.source):
        from .jsonl import clean_jsonl_target

        return clean_jsonl_target(target, cleaner, field=field, url=url, format=format)
    try:
        result = cleaner.clean_file(target.source, url, format)
    except InputError as error:
        return Outcome(target, "failed", error.reason)
    result = result.with_paths(relative(target.source, target.manifest.parent), relative(target.text, target.manifest.parent))
    try:
        changed = write_outputs(target, result)
    except OutputError as error:
        return Outcome(target, "failed", str(error))
    return Outcome(
        target,
        "cleaned" if changed else "unchanged",
        removed_by_rule=result.manifest["stats"]["removed_by_rule"],
        warnings=tuple(w["message"] for w in result.warnings),
    )


def write_outputs(target: Target, result: CleanResult) -> bool:
    """Write text, then manifest, each atomically; True when either file's bytes changed."""
    text_changed = write_atomic(target.text, result.text.encode("utf-8"))
    manifest_changed = write_atomic(target.manifest, result.manifest_json().encode("utf-8"))
    return text_changed or manifest_changed


def write_atomic(path: Path, data: bytes) -> bool:
    """Replace `path` with `data` through a temporary file and a rename; skip identical bytes."""
    try:
        if path.is_file() and path.read_bytes() == data:
            return False  # known before any temporary file is made
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    with StreamedOutput(path, unless_same=False) as output:
        output.write(data)
    return True


class StreamedOutput:
    """An output written a piece at a time (a `.jsonl` file's records as they are cleaned), with
    write_atomic's promises: through a temporary file renamed over `path` at the end, not renamed
    when the bytes are those already there (`changed` is then False), and on any error the
    temporary file removed and `path` left as it was (OutputError for a failed write)."""

    def __init__(self, path: Path, *, unless_same: bool = True) -> None:
        self.path = path
        self.unless_same = unless_same  # False: the caller knows the bytes differ
        self.digest = hashlib.sha256()
        self.size = 0
        self.changed = False

    def __enter__(self) -> StreamedOutput:
        import tempfile  # imported here: `cleaner check` writes nothing and starts faster without it

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, self._temporary = tempfile.mkstemp(prefix=".cleaner-tmp-", dir=self.path.parent)
            try:
                self._stream = os.fdopen(handle, "wb")
            except BaseException:
                os.close(handle)  # not yet owned by a stream, which would close it
                raise
            os.chmod(self._temporary, _file_mode())  # mkstemp's 0600 would make outputs private to their writer
        except OSError as error:
            self._discard()
            raise OutputError(f"{self.path}: cannot write ({error.strerror or error})") from None
        return self

    def write(self, data: bytes) -> None:
        try:
            self._stream.write(data)
        except OSError as error:
            raise OutputError(f"{self.path}: cannot write ({error.strerror or error})") from None
        self.digest.update(data)
        self.size += len(data)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            if self.unless_same and self.path.is_file() and _file_sha256(self.path) == self.digest.hexdigest():
                self._discard()
                return
            os.replace(self._temporary, self.path)
        except BaseException as failure:
            self._discard()
            if isinstance(failure, OSError):
                raise OutputError(f"{self.path}: cannot write ({failure.strerror or failure})") from None
            raise
        self.changed = True

    def _discard(self) -> None:
        stream = getattr(self, "_stream", None)
        if stream is not None:
            stream.close()
        temporary = getattr(self, "_temporary", None)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _file_sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return _sha256_of(stream)


def _sha256_of(stream: BinaryIO) -> str:
    return hashlib.file_digest(stream, "sha256").hexdigest()


def _file_mode() -> int:
    """The permissions `open` gives a new file: 0666 less the umask."""
    mask = os.umask(0)  # the only way to read the umask: set it, and put it back at once
    os.umask(mask)
    return 0o666 & ~mask


@dataclass(frozen=True)
class RulesOnly:
    """What staleness needs of a Cleaner: its rules' digest. Lets `check` run without the pipeline."""

    rules: RuleSet | RuleFiles


def check_targets(targets: Iterable[Target], cleaner: Cleaner | RulesOnly) -> tuple[list[tuple[Target, str]], list[Outcome]]:
    """Every target whose outputs are missing or stale, with the reason; and every target whose
    source is not a file to read (a named pipe under an input's name), failed as clean fails it.
    Such a source is not stale: cleaning it again would fail the same way."""
    stale, unreadable = [], []
    for target in targets:
        if (why := why_not_readable(target.source)) is not None:
            unreadable.append(_failed(target.source, why))
        elif (reason := staleness(target, cleaner)) is not None:
            stale.append((target, reason))
    return stale, unreadable


STATUSES = ("cleaned", "unchanged", "skipped", "failed")


def summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Counts by status, failed .jsonl records, and characters removed by rule (most first)."""
    removed: dict[str, int] = {}
    for outcome in outcomes:
        for rule, chars in outcome.removed_by_rule.items():
            removed[rule] = removed.get(rule, 0) + chars
    counts = {status: sum(o.status == status for o in outcomes) for status in STATUSES}
    return {
        **counts,
        "records_failed": sum(len(o.problems) for o in outcomes),
        "removed_chars": sum(removed.values()),
        "removed_by_rule": dict(sorted(removed.items(), key=lambda item: (-item[1], item[0]))),
    }

