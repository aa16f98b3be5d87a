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

import json
from collections import Counter
from typing import Any

from . import manifest as manifest_
from ._version import __version__
from .batch import Outcome, Target, relative, write_atomic
from .errors import InputError, OutputError
from .input_file import read_input
from .manifest import sha256_hex
from .parallel import missing_part
from .pipeline import Cleaner, FormatOption

SCHEMA = "cleaner.jsonl-manifest/1"
DEFAULT_FIELD = "text"
URL_FIELD = "url"
# Reserved keys of an output record; an input record's own keys of these names are replaced.
LINE_KEY, MANIFEST_KEY, ERROR_KEY = "line", "manifest", "error"


def lines_of(data: bytes) -> list[str]:
    """The lines of a `.jsonl` file (record numbers count from 1, blank lines included).

    Lines end at `\n` alone (a `\r` before it goes too), as JSON Lines has it: `str.splitlines`
    would also split at U+2028, U+2029 and U+0085, which JSON allows unescaped inside a string and
    which scraped text holds, and cut such a record in two."""
    lines = data.decode("utf-8", errors="replace").lstrip("\ufeff").split("\n")
    if lines[-1] == "":
        lines.pop()  # what follows the last line's end is no line
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def clean_records(data: bytes, cleaner: Cleaner, *, field: str = DEFAULT_FIELD, url: str | None = None,
                  format: FormatOption = "auto", source_name: str = "", output_name: str = "") -> list[dict[str, Any]]:
    """One output record per input record, in order. Writes nothing; never raises for a bad record."""
    records = []
    for number, line in enumerate(lines_of(data), start=1):
        if line.strip():
            records.append(clean_record(line, number, cleaner, field=field, url=url, format=format,
                                        source_name=source_name, output_name=output_name))
    return records


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


def dumps_records(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def file_manifest(data: bytes, output: bytes, records: list[dict[str, Any]], cleaner: Cleaner,
                  source_path: str, output_path: str, field: str) -> dict[str, Any]:
    """The whole-file manifest: what `staleness` needs, and per-record totals."""
    removed: Counter[str] = Counter()
    for record in records:
        removed.update(record.get(MANIFEST_KEY, {}).get("stats", {}).get("removed_by_rule", {}))
    return {
        "schema": SCHEMA,
        "source": {"path": source_path, "sha256": sha256_hex(data), "bytes": len(data), "format": "jsonl", "field": field},
        "output": {"path": output_path, "sha256": sha256_hex(output), "bytes": len(output)},
        "cleaner": {"version": __version__, "rules_digest": cleaner.rules.digest},
        "records": {"total": len(records), "failed": sum(ERROR_KEY in r for r in records)},
        "errors": [{"line": r[LINE_KEY], "error": r[ERROR_KEY]} for r in records if ERROR_KEY in r],
        "stats": {"removed_chars": sum(removed.values()), "removed_by_rule": dict(sorted(removed.items()))},
    }


def clean_jsonl_target(target: Target, cleaner: Cleaner, *, field: str = DEFAULT_FIELD, url: str | None = None,
                       format: FormatOption = "auto") -> Outcome:
    """Clean every record of one `.jsonl` file and write its `.clean.jsonl` and manifest atomically."""
    try:
        data = read_input(target.source)  # no size limit: a .jsonl file is a corpus, its records are limited
    except InputError as error:
        return Outcome(target, "failed", error.reason)
    base = target.manifest.parent
    source_path, output_path = relative(target.source, base), relative(target.text, base)
    records = clean_records(data, cleaner, field=field, url=url, format=format,
                            source_name=source_path, output_name=output_path)
    output = dumps_records(records).encode("utf-8")
    file_record = file_manifest(data, output, records, cleaner, source_path, output_path, field)
    try:
        changed = write_atomic(target.text, output)
        changed = write_atomic(target.manifest, manifest_.dumps(file_record).encode("utf-8")) or changed
    except OutputError as error:
        return Outcome(target, "failed", str(error))
    return Outcome(
        target,
        "cleaned" if changed else "unchanged",
        removed_by_rule=file_record["stats"]["removed_by_rule"],
        problems=tuple(f"line {e['line']}: {e['error']}" for e in file_record["errors"]),
    )
