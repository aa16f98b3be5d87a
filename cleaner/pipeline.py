"""The cleaning pipeline: bytes or text in, canonical text and its manifest out. Writes nothing.

    decode -> blocks -> [duplicate collapse -> rule pass] until nothing changes -> canonical text

Repeating the rule and duplicate steps until they settle is what makes cleaning idempotent: every
decision that depends on where the article body sits is taken again once the furniture has gone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from . import manifest as manifest_
from ._version import __version__
from .block_features import DetectMemo
from .canonical import canonical_text
from .decode import decode
from .dedup import DedupMemo, find_duplicates
from .detect import apply_detector
from .document import Block, CleanWarning, Reading, TextLeft, outside_blocks, read_text, strip_spans
from .engine import RULE_SECONDS_PER_DOCUMENT, Guard, PackMatch, RuleState, apply_pass, match_packs, rules_in_order
from .errors import InputTooLarge
from .input_file import read_input
from .link_numbers import link_number_removals
from .markdown import list_items, markdown_removals
from .rules import KINDS, RuleSet, load_rules
from .prefilter import Prefilter
from .scan import AS_WRITTEN, BlockMatches, RuleScanner
from .title import title_of

if TYPE_CHECKING:
    from .html_extract import Trafilatura

FormatOption = Literal["auto", "text", "html"]
FORMATS: tuple[FormatOption, ...] = get_args(FormatOption)
# Larger inputs are refused (InputTooLarge): a news page is far below this, a log file or a dump
# of a whole site is not what cleaner is for. Override with Cleaner(max_bytes=...) or --max-bytes.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Passes of rules and duplicate collapse before the pipeline gives up waiting for them to settle.
MAX_PASSES = 8
# Settlings of the kept blocks alone after a guard stopped a rule (each takes more, or ends them).
MAX_CONFIRMS = 4
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
HTML_SNIFF_CHARS = 2048


@dataclass(frozen=True)
class CleanResult:
    """The clean canonical text and its manifest (a JSON-ready dict, keys in schema order)."""

    text: str
    manifest: dict[str, Any]

    @property
    def removed(self) -> list[dict[str, Any]]:
        return self.manifest["removed"]

    @property
    def warnings(self) -> list[dict[str, str]]:
        return self.manifest["warnings"]

    @property
    def metadata(self) -> dict[str, str]:
        return self.manifest["metadata"]

    def manifest_json(self) -> str:
        return manifest_.dumps(self.manifest)

    def with_paths(self, source: str | None, output: str | None) -> CleanResult:
        """The same result with the paths its manifest records (relative to the manifest)."""
        manifest = dict(self.manifest)
        manifest["source"] = {**manifest["source"], "path": source}
        manifest["output"] = {**manifest["output"], "path": output}
        return replace(self, manifest=manifest)


class Cleaner:
    """Rules loaded once, for any number of documents. Holds no state between calls."""

    def __init__(
        self,
        rules: RuleSet | None = None,
        *,
        rules_dirs: Sequence[str | Path] = (),
        rule_seconds: float = RULE_SECONDS_PER_DOCUMENT,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.rules = rules if rules is not None else load_rules(rules_dirs)
        self.rule_seconds = rule_seconds
        self.max_bytes = max_bytes

    @cached_property
    def scanner(self) -> RuleScanner:
        """Every rule pattern in one alternation, in the order the rules apply (built on first use)."""
        return RuleScanner.for_rules(rule for kind in KINDS for rule in self.rules.rules() if rule.kind == kind)

    @cached_property
    def fingerprint_filters(self) -> dict[str, Prefilter | None]:
        """Pack id -> an RE2 prefilter of the pack's fingerprints (built on first use)."""
        return {pack.id: Prefilter.for_patterns([f.pattern for f in pack.fingerprints])
                for pack in self.rules.packs if pack.fingerprints}

    @cached_property
    def trafilatura(self) -> Trafilatura:
        """trafilatura's extraction with cleaner's faster XPath walks (built on the first HTML page)."""
        from .html_extract import Trafilatura  # trafilatura is heavy: only HTML pays for importing it

        return Trafilatura.load()

    def clean(self, content: str | bytes, url: str | None = None, format: FormatOption = "auto",
              *, name: str | None = None) -> CleanResult:
        """Clean one document. `name` (a file name) only helps to tell HTML from text.

        `content` is text (str) or its bytes (bytes, bytearray, memoryview); `format` one of
        FORMATS. Anything else is a caller's mistake: TypeError or ValueError, not an InputError."""
        if not isinstance(content, (str, bytes, bytearray, memoryview)):
            raise TypeError(f"content must be str or bytes, not {type(content).__name__}")
        if format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(map(repr, FORMATS))}, not {format!r}")
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        if len(data) > self.max_bytes:
            raise InputTooLarge(f"{len(data):,} bytes is over the {self.max_bytes:,}-byte limit, skipped")
        fmt = detect_format(content if isinstance(content, str) else data, name) if format == "auto" else format
        if isinstance(content, str):
            source, encoding, warnings = content, "utf-8", []
        else:
            decoded = decode(data, html=fmt == "html")
            source, encoding, warnings = decoded.text, decoded.encoding, list(decoded.warnings)
            if format == "auto" and fmt == "text" and looks_like_html(source):
                fmt = "html"
        reading: Reading | None = None  # how a plain text's lines make paragraphs, if not one each
        markdown = False  # whether the text is Markdown (markdown_removals found its links)
        if fmt == "html":
            from .html import html_blocks  # trafilatura is heavy: only HTML pays for importing it

            extracted = html_blocks(source, url, self.rules, self.fingerprint_filters, self.trafilatura)
            blocks, metadata, warnings = extracted.blocks, dict(extracted.metadata), warnings + extracted.warnings
            removed, removals, packs = dict(extracted.removed), extracted.removals, extracted.packs
        else:
            (blocks, reading), metadata, removed, removals, packs = read_text(source), {}, {}, [], None
            # Markup inside paragraphs: Markdown's, then lynx's link numbers in what it left (as
            # cleaning the clean text again would find them).
            removals = markdown_removals(source, blocks)
            markdown = bool(removals)
            if "[" in source:  # most texts hold no bracket: no copy of what markup left
                left = TextLeft(source, [(r.start, r.end) for r in removals])
                removals = sorted(removals + link_number_removals(left, blocks), key=lambda r: r.start)
            if removals:
                blocks = strip_spans(source, blocks, [(r.start, r.end) for r in removals])
        return self._finish(source, data, fmt, encoding, blocks, url, metadata, removed, warnings, removals, packs,
                            reading=reading, markdown=markdown)

    def clean_file(self, path: str | Path, url: str | None = None, format: FormatOption = "auto") -> CleanResult:
        path = Path(path)
        return self.clean(read_input(path, self.max_bytes), url, format, name=path.name)

    def _finish(self, source: str, data: bytes, fmt: str, encoding: str, blocks: list[Block], url: str | None,
                metadata: dict[str, str], removed: dict[int, str], warnings: list[CleanWarning],
                removals: list[manifest_.Removal], packs: list[PackMatch] | None, *,
                reading: Reading | None = None, markdown: bool = False) -> CleanResult:
        # HTML has its packs already, recognised on the whole page rather than the extracted text.
        packs = match_packs(self.rules, url, [b.text for b in blocks], self.fingerprint_filters) if packs is None else packs
        state = RuleState(removed=removed, metadata=metadata)
        duplicates = settle(blocks, packs, state, self.rule_seconds, scanner=self.scanner, markdown=markdown)
        kept = [b for b in blocks if b.index not in state.removed]
        if "title" not in state.metadata and (title := title_of(blocks, kept)) is not None:
            state.metadata["title"] = title
        # A text's blocks are its lines: one search of it spares one per block (an HTML page's
        # character references can decode to U+FFFD, so there the blocks are searched).
        if (fmt == "html" or "\ufffd" in source) and any("\ufffd" in b.text for b in kept):
            state.warnings.append(CleanWarning("replacement-character", "the clean text holds U+FFFD (bytes that did not decode)"))
        if not kept and blocks:
            state.warnings.append(CleanWarning("empty-output", "every paragraph was removed"))
        if not blocks:
            state.warnings.append(CleanWarning("empty-input", "the input holds no text"))
        text = canonical_text(b.text for b in kept)
        by_index = {b.index: b for b in blocks}
        if fmt == "text" and removals:
            # Markup inside paragraphs that a rule then removed whole goes with them, and a link a
            # converter wrote around several paragraphs (a card) keeps only what lies outside those.
            gone = [by_index[i] for i in sorted(state.removed)]
            removals = [r._replace(start=start, end=end) for r, parts in zip(
                removals, outside_blocks(source, gone, [(r.start, r.end) for r in removals])) for start, end in parts]
        manifest = manifest_.build(
            source=source,
            source_bytes=data,
            fmt=fmt,
            encoding=encoding,
            reading=reading,
            text=text,
            paragraphs=len(kept),
            version=__version__,
            rules_digest=self.rules.digest,
            packs=[m.as_dict() for m in packs],
            metadata=state.metadata,
            removals=manifest_.removals_of(blocks, state.removed, state.details, removals) + removals,
            duplicates=[
                {
                    "rule": d.rule,
                    "start": by_index[d.index].start,
                    "end": by_index[d.index].end,
                    "kept_start": by_index[d.kept].start,
                    "kept_end": by_index[d.kept].end,
                    "similarity": d.similarity,
                }
                for d in duplicates
            ],
            warnings=warnings + state.warnings,
            blocks_in=len(blocks),
        )
        return CleanResult(text, manifest)


def settle(blocks: list[Block], packs: list[Any], state: RuleState, rule_seconds: float, *,
           scanner: RuleScanner | None = None, markdown: bool = False) -> list[Any]:
    """Rule passes, duplicate collapse and the article detector, repeated until none removes
    anything more; then, where the guard stopped a rule, the same steps over the kept blocks alone.

    Text and the blocks an extractor chose from an HTML page get the same steps: the clean text of
    a page is plain text, and cleaning it again must change nothing (docs/html.md). The guard
    weighs a rule's removal against the document it is given, and a cut starts at a marker that
    another rule took: both see what the clean text no longer holds. So a rule that the guard
    stopped is asked again about the kept blocks as a cleaning of the clean text would ask it, and
    what that takes goes now, not on the second cleaning.
    """
    duplicates = _settle_passes(blocks, packs, state, rule_seconds, scanner, markdown)
    for _ in range(MAX_CONFIRMS):
        if not any(w.code == "guard" for w in state.warnings):
            return duplicates
        kept = [b for b in blocks if b.index not in state.removed]
        # The same document: a rule out of time stays out, and the time spent counts.
        again = RuleState(metadata=dict(state.metadata), disabled=state.disabled, seconds=state.seconds)
        found = _settle_passes([b._replace(index=i) for i, b in enumerate(kept)], packs, again, rule_seconds, scanner,
                               markdown)
        if not again.removed:
            return duplicates
        for index, rule in again.removed.items():
            state.removed[kept[index].index] = rule
        state.details.update((kept[index].index, detail) for index, detail in again.details.items())
        duplicates = sorted(duplicates + [replace(d, index=kept[d.index].index, kept=kept[d.kept].index) for d in found],
                            key=lambda d: d.index)
        # A guard's warning holds no longer for a rule that now applied; what the kept blocks
        # alone raised is added.
        applied = set(again.removed.values())
        state.warnings[:] = [w for w in state.warnings if not (w.code == "guard" and w.rule in applied)]
        for warning in again.warnings:
            state.warn(warning)
    return duplicates


def _settle_passes(blocks: list[Block], packs: list[Any], state: RuleState, rule_seconds: float,
                   scanner: RuleScanner | None, markdown: bool = False) -> list[Any]:
    dedup_memo = DedupMemo.of(blocks)
    detect_memo = DetectMemo(folded=dedup_memo.words)
    guard = cache(lambda: Guard.for_blocks(blocks, dedup_memo))  # built when a rule first finds something
    guard_floor = Guard.floor(blocks, dedup_memo.may_be_copies())  # ... that may be too much
    # One scan of every block against all rule patterns; the passes reuse what it found.
    scanned = [b for b in blocks if b.index not in state.removed]
    matches = BlockMatches.of(scanner or RuleScanner.for_rules(()), scanned, rule_seconds,
                              read_as=list_items(scanned) if markdown else AS_WRITTEN)
    duplicates: list[Any] = []
    # What the scan found is the same in every pass: a rule it found no block for is left out of them all.
    rules = [rule for rule in rules_in_order(packs) if (can_match := matches.candidates(rule)) is None or can_match]
    inside_article = {rule.id for rule in rules if rule.inside_article}
    for _ in range(MAX_PASSES):
        changed = apply_pass(blocks, rules, state, rule_seconds, guard, matches, guard_floor)
        kept = [b for b in blocks if b.index not in state.removed]
        found = find_duplicates(kept, dedup_memo)
        for duplicate in found:
            state.removed[duplicate.index] = duplicate.rule
        duplicates = sorted(duplicates + found, key=lambda d: d.index)
        # Once nothing else changes, the detector also answers as a cleaning of the clean text
        # would: that text holds no gaps where furniture was (detect.gap_costs).
        detected = apply_detector(blocks, state, detect_memo, settling=not changed and not found,
                                  inside_article=inside_article)
        if not changed and not found and not detected:
            return duplicates
    state.warnings.append(CleanWarning("unsettled", f"rules still changed the text after {MAX_PASSES} passes"))
    return duplicates


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:HTML_SNIFF_CHARS]))


def detect_format(content: str | bytes, name: str | None) -> Literal["text", "html"]:
    if name and name.lower().endswith(HTML_SUFFIXES):
        return "html"
    if isinstance(content, str):
        return "html" if looks_like_html(content) else "text"
    head = content[:HTML_SNIFF_CHARS].decode("utf-8", errors="ignore").lstrip("\ufeff")
    return "html" if looks_like_html(head) else "text"


def clean(content: str | bytes, url: str | None = None, format: FormatOption = "auto", *,
          rules: RuleSet | None = None) -> CleanResult:
    """Clean one document with the built-in rules (or `rules`). For many documents, use Cleaner."""
    return Cleaner(rules).clean(content, url, format)
