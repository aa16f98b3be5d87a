"""`cleaner explain`: the source with every removal marked and the rule that took it beside it.

Each source line is printed with its number and a mark:

    "    "  kept
    " -  "  removed whole; the rule id follows the line, `<- rule`
    " =  "  a duplicate collapsed; `<- dedup.exact, copy of line 12` says where the kept copy is
    " ~  "  part of the line removed: the removed part is in `[-...-]`, the rules follow the line

Colour (on a terminal) only adds to these plain marks, so the output reads the same in a pipe.
The removals come from the file's manifest when it is current, otherwise from cleaning the file
in memory (nothing is written). A record of a `.jsonl` file (`--line N`) is always cleaned in
memory, and its lines are those of the document in its field.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from .batch import Target, staleness
from .decode import decode
from .pipeline import Cleaner, FormatOption

KEPT, REMOVED, DUPLICATE, PARTLY = "    ", " -  ", " =  ", " ~  "
OPEN, CLOSE = "[-", "-]"
REMOVED_STYLE = {"fg": "red"}
DUPLICATE_STYLE = {"fg": "yellow"}
RULE_STYLE = {"fg": "cyan"}
GAP = "     ..."


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    rule: str
    note: str = ""  # for a duplicate: where the kept copy is

    @property
    def label(self) -> str:
        return f"{self.rule}, {self.note}" if self.note else self.rule


@dataclass(frozen=True)
class Explained:
    source: str
    manifest: dict[str, Any]
    origin: str  # where the removals came from, said in the footer


def load(path: Path, target: Target, cleaner: Cleaner, *, url: str | None = None,
         format: FormatOption = "auto") -> Explained:
    """The source and its manifest: the written one when current, else a fresh one made in memory."""
    data = path.read_bytes()
    reason = staleness(target, cleaner)
    if reason is None:
        manifest = json.loads(target.manifest.read_text(encoding="utf-8"))
        source = decoded_source(data, manifest)
        if source is not None:
            return Explained(source, manifest, f"from {target.manifest} (current)")
        reason = "the manifest does not match the source"
    manifest = cleaner.clean_file(path, url, format).manifest
    source = decoded_source(data, manifest)
    assert source is not None, "a fresh manifest always matches the source it was made from"
    return Explained(source, manifest, f"cleaned in memory; the written outputs are not current ({reason})")


def load_record(path: Path, line: int, cleaner: Cleaner, *, field: str, url: str | None = None,
                format: FormatOption = "auto") -> Explained:
    """The document of the record on `line` of a `.jsonl` file, cleaned in memory; InputError when
    there is no such record or it holds no document (the reasons `clean` writes in its output)."""
    from .errors import InputError
    from .jsonl import line_at, parse_record, record_content, record_url

    text, count = line_at(path, line)
    if text is None or not text.strip():
        raise InputError(f"no record on line {line} (the file has {count} lines)")
    record = parse_record(text)
    content = record_content(record, field)
    manifest = cleaner.clean(content, record_url(record, url), format).manifest
    return Explained(content, manifest, f"record on line {line}, field {field!r}, cleaned in memory")


def decoded_source(data: bytes, manifest: dict[str, Any]) -> str | None:
    """The decoded source the manifest's spans point into, checked against every removed text."""
    html_first = manifest["source"]["format"] == "html"
    for html in (html_first, not html_first):
        text = decode(data, html=html).text
        if all(text[r["start"]:r["end"]] == r["text"] for r in manifest["removed"]):
            return text
    return None


def marks_of(manifest: dict[str, Any], source: str, rule: str | None = None) -> list[Mark]:
    """One mark per removal (per duplicated block for duplicates), in source order."""
    starts = line_starts(source)
    kept_at = {d["start"]: d for d in manifest["duplicates"]}
    marks = []
    for removal in manifest["removed"]:
        if rule is not None and removal["rule"] != rule:
            continue
        duplicates = [d for s, d in kept_at.items() if removal["start"] <= s < removal["end"] and d["rule"] == removal["rule"]]
        if not duplicates:
            marks.append(Mark(removal["start"], removal["end"], removal["rule"]))
        for d in sorted(duplicates, key=lambda d: d["start"]):
            where = f"copy of line {line_of(starts, d['kept_start'])}"
            marks.append(Mark(d["start"], d["end"], d["rule"], where))
    return marks


def line_starts(source: str) -> list[int]:
    starts, offset = [], 0
    for line in source.splitlines(keepends=True):
        starts.append(offset)
        offset += len(line)
    return starts or [0]


def line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def render(source: str, marks: list[Mark], *, context: int | None = None) -> list[str]:
    """The marked lines (styled; the caller's echo drops the colour where it does not belong)."""
    lines = source.splitlines(keepends=True)
    starts = line_starts(source)
    width = len(str(len(lines)))
    rendered: list[tuple[bool, str]] = []
    for number, (start, raw) in enumerate(zip(starts, lines), start=1):
        text = raw.rstrip("\r\n")
        end = start + len(text)
        touching = [m for m in marks if m.start < end and m.end > start] if text.strip() else []
        rendered.append((bool(touching), f"{number:>{width}}{render_line(text, start, touching)}"))
    if context is None:
        return [line for _, line in rendered]
    return _with_context(rendered, context)


def render_line(text: str, start: int, marks: list[Mark]) -> str:
    if not marks:
        return KEPT + text
    labels = ", ".join(dict.fromkeys(m.label for m in marks))
    tail = "  <- " + typer.style(labels, **RULE_STYLE)
    content = text.strip()
    first, last = start + text.index(content[0]), start + text.rindex(content[-1]) + 1
    whole = [m for m in marks if m.start <= first and m.end >= last]
    if whole:
        duplicate = bool(whole[0].note) or whole[0].rule.startswith("dedup.")
        style = DUPLICATE_STYLE if duplicate else REMOVED_STYLE
        return (DUPLICATE if duplicate else REMOVED) + typer.style(text, **style) + tail
    pieces, position = [], start
    for mark in sorted(marks, key=lambda m: m.start):
        cut_start, cut_end = max(mark.start, position), min(mark.end, start + len(text))
        pieces.append(text[position - start:cut_start - start])
        pieces.append(typer.style(OPEN + text[cut_start - start:cut_end - start] + CLOSE, **REMOVED_STYLE))
        position = cut_end
    pieces.append(text[position - start:])
    return PARTLY + "".join(pieces) + tail


def _with_context(rendered: list[tuple[bool, str]], context: int) -> list[str]:
    marked = [i for i, (is_marked, _) in enumerate(rendered) if is_marked]
    shown = sorted({j for i in marked for j in range(max(0, i - context), min(len(rendered), i + context + 1))})
    out: list[str] = []
    for previous, index in zip([-1, *shown], shown):
        if index != previous + 1:
            out.append(GAP)
        out.append(rendered[index][1])
    if shown and shown[-1] != len(rendered) - 1:
        out.append(GAP)
    return out


def footer(explained: Explained, marks: list[Mark], rule: str | None) -> str:
    chars = sum(m.end - m.start for m in marks)
    rules = len({m.rule for m in marks})
    duplicates = sum(bool(m.note) for m in marks)
    scope = f"by rule {rule}" if rule else f"by {rules} rule{'s' * (rules != 1)}"
    return (f"{len(marks)} removal{'s' * (len(marks) != 1)} ({chars:,} characters) {scope}, "
            f"{duplicates} of them duplicates; {explained.origin}")
