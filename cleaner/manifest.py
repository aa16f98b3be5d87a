"""The provenance manifest: what went, where it was in the source, and which rule took it.

Keys come in a fixed order and no wall-clock time is written, so the same input and rules give the
same bytes and a re-run that changes nothing rewrites nothing. The schema is in docs/manifest.md.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from .document import Block, CleanWarning, Reading
from .inline_breaks import InlineBreaks
from .rules import FIELDS
from .wrap import Wrap

SCHEMA = "cleaner.manifest/1"


class Removal(NamedTuple):
    """A removed span of the source, the rule that removed it, and what decided it."""

    rule: str
    start: int
    end: int
    detail: dict[str, Any] | None = None  # the feature or score that decided a heuristic removal


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def removals_of(blocks: Sequence[Block], removed: dict[int, str],
                details: dict[int, dict[str, Any]] | None = None, apart: Sequence[Removal] = ()) -> list[Removal]:
    """One span per run of neighbouring blocks that the same rule removed for the same reason, in source order.

    A run is not joined across the span of a removal in `apart` (an HTML page's pruned nodes and
    the text extraction left out lie between its blocks), so that no two removals overlap.
    """
    details = details or {}
    barriers = sorted(r.start for r in apart)
    spans: list[Removal] = []
    previous_removed = False
    for block in blocks:
        rule = removed.get(block.index)
        if rule is None:
            previous_removed = False
            continue
        detail = details.get(block.index)
        if (previous_removed and spans[-1].rule == rule and spans[-1].detail == detail
                and (not barriers or bisect.bisect_left(barriers, spans[-1].end) == bisect.bisect_left(barriers, block.start))):
            spans[-1] = Removal(rule, spans[-1].start, block.end, detail)
        else:
            spans.append(Removal(rule, block.start, block.end, detail))
        previous_removed = True
    return spans


def build(
    *,
    source: str,
    source_bytes: bytes,
    fmt: str,
    encoding: str,
    reading: Reading | None = None,
    text: str,
    paragraphs: int,
    version: str,
    rules_digest: str,
    packs: list[dict[str, str]],
    metadata: dict[str, str],
    removals: list[Removal],
    duplicates: list[dict[str, Any]],
    warnings: Sequence[CleanWarning],
    blocks_in: int,
) -> dict[str, Any]:
    output_bytes = text.encode("utf-8")
    removed_by_rule: Counter[str] = Counter()
    for removal in removals:
        removed_by_rule[removal.rule] += removal.end - removal.start
    source_entry: dict[str, Any] = {
        "path": None,
        "sha256": sha256_hex(source_bytes),
        "bytes": len(source_bytes),
        "format": fmt,
        "encoding": encoding,
    }
    # Only for text read other than a line a paragraph: other manifests keep their bytes.
    if isinstance(reading, Wrap):
        source_entry["wrap"] = reading.as_dict()
    elif isinstance(reading, InlineBreaks):
        source_entry["inline_breaks"] = reading.as_dict()
    return {
        "schema": SCHEMA,
        "source": source_entry,
        "output": {"path": None, "sha256": sha256_hex(output_bytes), "bytes": len(output_bytes), "paragraphs": paragraphs},
        "cleaner": {"version": version, "rules_digest": rules_digest},
        "packs": packs,
        "metadata": {name: metadata[name] for name in FIELDS if name in metadata},
        "removed": [removal_entry(r, source) for r in sorted(removals, key=lambda r: (r.start, r.end))],
        "duplicates": duplicates,
        "warnings": [w.as_dict() for w in warnings],
        "stats": {
            "chars_in": len(source),
            "chars_out": len(text),
            "paragraphs_in": blocks_in,
            "paragraphs_out": paragraphs,
            "removed_chars": sum(removed_by_rule.values()),
            "removed_by_rule": dict(sorted(removed_by_rule.items())),
        },
    }


def removal_entry(removal: Removal, source: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"rule": removal.rule, "start": removal.start, "end": removal.end,
                             "text": source[removal.start:removal.end]}
    if removal.detail is not None:
        entry["detail"] = removal.detail
    return entry


def dumps(manifest: dict[str, Any]) -> str:
    """The stable JSON form written to disk."""
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
