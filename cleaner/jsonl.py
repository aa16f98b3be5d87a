"""`.jsonl` inputs: one document per record, cleaned into a `.clean.jsonl` with one line per record.

A record is a JSON object whose `field` (default `text`) holds the text or HTML of one page; its
`url`, when present, lets site packs match by domain. The output has one line per input record, in
order (blank input lines are not records and have no output line):

    {"line": 3, <the record's other keys>, "text": <clean text>, "manifest": {...}}
    {"line": 4, <the record's other keys, when it was an object>, "error": "field 'text' is missing"}

`line` is the record's line number in the input (from 1). A record that cannot be cleaned (not
JSON, not an object, no text in the field, binary or oversized content) becomes an `error` line and
the rest of the file goes on. Beside the output, `<stem>.manifest.json` records the whole file
(source and output hashes, cleaner version, rules digest, record counts), so a file whose output is
current is skipped like any other input.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from . import manifest as manifest_
from ._version import __version__
from .batch import Outcome, StreamedOutput, Target, relative, write_atomic
from .errors import InputError, OutputError
from .input_file import open_input
from .parallel import missing_part
from .pipeline import Cleaner, FormatOption

SCHEMA = "cleaner.jsonl-manifest/1"
DEFAULT_FIELD = "text"
URL_FIELD = "url"
# Reserved keys of an output record; an input record's own keys of these names are replaced.
LINE_KEY, MANIFEST_KEY, ERROR_KEY = "line", "manifest", "error"


def line_at(path: Path, number: int) -> tuple[str | None, int]:
    """Line `number` of a `.jsonl` file (None when there is none) and how many lines the file has,
    read a line at a time as `clean` reads it."""
    found, count = None, 0
    with open_input(path) as stream:
        for count, raw in enumerate(stream, start=1):
            if count == number:
                found = _line_text(raw, first=count == 1)
    return found, count


def parse_record(line: str) -> dict[str, Any]:
    """The JSON object of one input line; InputError (its reason) when it is not one."""
    try:
        record = json.loads(line)
    except ValueError as error:
        raise InputError(f"not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"a JSON {type(record).__name__}, not an object")
    return record


def record_content(record: dict[str, Any], field: str) -> str:
    """The document a record holds in `field`; InputError when there is none."""
    content = record.get(field)
    if not isinstance(content, str):
        raise InputError(f"field {field!r} is missing" if content is None else f"field {field!r} is not a string")
    return content


def record_url(record: dict[str, Any], url: str | None) -> str | None:
    """The record's own `url`, else the one given for the whole file."""
    return record[URL_FIELD] if isinstance(record.get(URL_FIELD), str) else url


def clean_record(line: str, number: int, cleaner: Cleaner, *, field: str, url: str | None, format: FormatOption,
                 source_name: str, output_name: str) -> dict[str, Any]:
    try:
        record = parse_record(line)
    except InputError as error:
        return {LINE_KEY: number, ERROR_KEY: error.reason}
    rest = {key: value for key, value in record.items() if key not in (field, LINE_KEY, MANIFEST_KEY, ERROR_KEY)}
    try:
        content = record_content(record, field)
    except InputError as error:
        return {LINE_KEY: number, **rest, ERROR_KEY: error.reason}
    try:
        result = cleaner.clean(content, record_url(record, url), format)
    except InputError as error:
        return {LINE_KEY: number, **rest, ERROR_KEY: error.reason}
    except ImportError as error:
        return {LINE_KEY: number, **rest, ERROR_KEY: missing_part(error)}
    result = result.with_paths(f"{source_name}:{number}", f"{output_name}:{number}")
    return {LINE_KEY: number, **rest, field: result.text, MANIFEST_KEY: result.manifest}


def clean_jsonl_target(target: Target, cleaner: Cleaner, *, field: str = DEFAULT_FIELD, url: str | None = None,
                       format: FormatOption = "auto") -> Outcome:
    """Clean every record of one `.jsonl` file and write its `.clean.jsonl` and manifest atomically.

    The file is read a line at a time and each output record written as it is made: a corpus of
    gigabytes needs the memory of its largest record, not of the whole file. (No size limit on the
    file for that reason; each record's document has the `--max-bytes` limit.)"""
    base = target.manifest.parent
    source_path, output_path = relative(target.source, base), relative(target.text, base)
    source = hashlib.sha256()
    source_size = total = 0
    errors: list[dict[str, Any]] = []
    removed: Counter[str] = Counter()
    try:
        with open_input(target.source) as stream, StreamedOutput(target.text) as output:
            for number, raw in enumerate(stream, start=1):
                source.update(raw)
                source_size += len(raw)
                line = _line_text(raw, first=number == 1)
                if not line.strip():
                    continue
                record = clean_record(line, number, cleaner, field=field, url=url, format=format,
                                      source_name=source_path, output_name=output_path)
                total += 1
                if ERROR_KEY in record:
                    errors.append({"line": number, "error": record[ERROR_KEY]})
                removed.update(record.get(MANIFEST_KEY, {}).get("stats", {}).get("removed_by_rule", {}))
                output.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        file_record = {
            "schema": SCHEMA,
            "source": {"path": source_path, "sha256": source.hexdigest(), "bytes": source_size, "format": "jsonl",
                       "field": field},
            "output": {"path": output_path, "sha256": output.digest.hexdigest(), "bytes": output.size},
            "cleaner": {"version": __version__, "rules_digest": cleaner.rules.digest},
            "records": {"total": total, "failed": len(errors)},
            "errors": errors,
            "stats": {"removed_chars": sum(removed.values()), "removed_by_rule": dict(sorted(removed.items()))},
        }
        changed = write_atomic(target.manifest, manifest_.dumps(file_record).encode("utf-8")) or output.changed
    except InputError as error:
        return Outcome(target, "failed", error.reason)
    except OutputError as error:
        return Outcome(target, "failed", str(error))
    except OSError as error:  # the input failed while it was read
        return Outcome(target, "failed", f"cannot read ({error.strerror or error}), skipped")
    return Outcome(
        target,
        "cleaned" if changed else "unchanged",
        removed_by_rule=file_record["stats"]["removed_by_rule"],
        problems=tuple(f"line {e['line']}: {e['error']}" for e in errors),
    )


def _line_text(raw: bytes, *, first: bool) -> str:
    """One line of a `.jsonl` file, read in binary, as text.

    Lines end at `\n` alone (a `\r` before it goes too), as JSON Lines has it: U+2028, U+2029
    and U+0085, which JSON allows unescaped inside a string and scraped text holds, end nothing
    (`str.splitlines` would cut such a record in two). A byte-order mark before the first line goes."""
    line = raw.decode("utf-8", errors="replace")
    line = line.lstrip("\ufeff") if first else line
    line = line[:-1] if line.endswith("\n") else line
    return line[:-1] if line.endswith("\r") else line
