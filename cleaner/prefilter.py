"""A linear-time prefilter for the rule scan: RE2 rules out, in one pass, the blocks no rule can match.

The `regex` module tries the scan's alternatives one after another, and backtracks inside each: a
short line costs about 10 µs over 34 patterns, most of the text path's time. RE2 runs all of them
at once in a DFA, in time linear in the line, with no time budget needed. Its syntax and semantics
are not the `regex` module's (no look-arounds or back references, ASCII `\\b`, `\\w` and `\\d`),
so RE2 does not decide anything: each pattern is translated to a *wider* RE2 pattern, one that
matches every text the original matches and maybe more (look-arounds and word boundaries are
dropped, `\\w`, `\\d` and `\\s` widened to Unicode categories that contain them, negated
categories to any character). A line RE2 says no wider pattern matches matches no original
pattern either, and is settled without the `regex` module; for a line some wider pattern matches,
the first such alternative tells where the `regex` module has to start looking (the ones before
it cannot match).

A back reference is widened to any string. A pattern that cannot be translated (syntax of the
`regex` module that Python's own parser does not read the same way, or refuses) is widened to
"anything", so every line is a candidate for it and the `regex` module decides, as without the
prefilter. The translation reads patterns
with Python's `re` parser (`re._parser`, present since Python 3.11); without it, or without RE2,
there is no prefilter and the scan works as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

try:
    import re._constants as sre_constants
    import re._parser as sre_parser
except ImportError:  # pragma: no cover - a Python whose `re` internals moved: no prefilter
    sre_parser = sre_constants = None  # type: ignore[assignment]

# Counted repetitions up to this stay counted; longer ones become `*` or `+` (wider). RE2 would
# copy the repeated item once per count, and a copy of a Unicode class is hundreds of instructions
# in its UTF-8 automaton: `[^.!?]{2,80}` alone would make the DFA's states slow to build.
SMALL_REPEAT = 4
# Memory RE2 may use, most of it for the DFA's state cache. Past it, RE2 throws its states away and
# builds them again on every line: with 16 MiB the 34 built-in rules' alternation did, and the scan
# was 2.3x slower; with 64 MiB the 57 rules of late 2026 stood at the edge, where one more
# alternative made a pass over the text-all dumps 17% more costly, and with 128 MiB the rules of
# December 2026 did, where a batch of non-English furniture made a pass four times as costly. States
# are built only as lines need them, so the budget is a ceiling, not an allocation: the dev dumps
# peak at 107 MB with 256 MiB (105 MB with 128 MiB before that batch), 20 generated documents of
# 3,000 random lines of rule words at 167 MB (146 MB).
RE2_MAX_MEM = 256 << 20
# Lines longer than this go to the `regex` module directly: RE2's DFA state cache is sized for
# lines, and a megabyte-long "line" would only make it rebuild the cache.
MAX_PREFILTER_CHARS = 20_000
ANY = r"[\x{0}-\x{10ffff}]"
# Unicode categories that contain what the `regex` module's class matches (tests/test_prefilter.py
# checks every code point): \d is a decimal digit, \w a letter, mark, digit or connector (plus the
# symbols Unicode counts as alphabetic, such as circled letters), \s the White_Space property.
# The `regex` module may know a newer Unicode than RE2: a line holding a character RE2 has no
# category for (UNASSIGNED_IN_RE2) is left to the `regex` module.
WIDER_CATEGORY = {
    "CATEGORY_DIGIT": r"\p{N}",
    "CATEGORY_WORD": r"\p{L}\p{M}\p{N}\p{Pc}\p{So}\x{200c}\x{200d}",
    "CATEGORY_SPACE": r"\p{Z}\x{9}-\x{d}\x{1c}-\x{1f}\x{85}",
}
# Case-insensitive matches of the `regex` module that RE2's simple case folding lacks (the test
# checks every letter of ASCII and of the built-in patterns against every code point).
EXTRA_CASE_VARIANTS = {"i": "\u0130\u0131", "I": "\u0130\u0131", "\u0130": "iI", "\u0131": "iI"}
UNASSIGNED_IN_RE2 = r"[^\p{L}\p{M}\p{N}\p{P}\p{S}\p{Z}\p{C}]"
# Syntax of the `regex` module that Python's parser would read differently rather than refuse:
# POSIX classes (`[[:alpha:]]`) and fuzzy constraints (`{e<=1}`; a brace that opens no count,
# escaped or not, is refused too, to be safe). Nested sets need VERSION1.
REGEX_ONLY_SYNTAX = re.compile(r"\[:\^?\w+:\]|\{[^\d,}]")


class Untranslatable(Exception):
    """The pattern uses something the RE2 translation cannot widen."""


def wider_re2(pattern: str) -> str | None:
    """An RE2 pattern that matches every text `pattern` (in the `regex` module's VERSION0) matches,
    or None when there is no such translation short of "anything"."""
    if sre_parser is None or REGEX_ONLY_SYNTAX.search(pattern):
        return None
    try:
        parsed = sre_parser.parse(pattern, 0)
        return _sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    except (re.error, Untranslatable, RecursionError, OverflowError, ValueError):
        return None


def _sequence(items: Sequence[tuple[Any, Any]], ignore_case: bool) -> str:
    return "".join(_node(op, value, ignore_case) for op, value in items)


def _node(op: Any, value: Any, ignore_case: bool) -> str:
    name = str(op)
    if name == "LITERAL":
        return _literal(value, ignore_case)
    if name == "NOT_LITERAL":  # case-sensitive: excluding fewer characters keeps it wider
        return f"[^{_char(value)}]"
    if name == "ANY":
        return ANY
    if name == "IN":
        return _class(value, ignore_case)
    if name == "BRANCH":
        return "(?:" + "|".join(_sequence(list(branch), ignore_case) for branch in value[1]) + ")"
    if name == "SUBPATTERN":
        _group, add_flags, del_flags, body = value
        inner = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return "(?:" + _sequence(list(body), inner) + ")"
    if name == "ATOMIC_GROUP":  # atomic groups only take matches away
        return "(?:" + _sequence(list(value), ignore_case) + ")"
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = value
        return "(?:" + _sequence(list(body), ignore_case) + ")" + _count(low, high)
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # anchors, boundaries and look-arounds only restrict
        return ""
    if name == "GROUPREF_EXISTS":
        _group, yes, no = value
        return "(?:" + _sequence(list(yes), ignore_case) + "|" + (_sequence(list(no), ignore_case) if no else "") + ")"
    if name == "GROUPREF":  # a back reference matches some string: any string is wider
        return ANY + "*"
    raise Untranslatable(name)  # anything new


def _count(low: int, high: int) -> str:
    if high <= SMALL_REPEAT:
        return f"{{{low},{high}}}"
    if 1 < low <= SMALL_REPEAT:  # `\.{3,}` stays three dots or more: `+` would let every sentence end in
        return f"{{{low},}}"  # one, and make every line a candidate of its rule
    return "*" if low == 0 else "+"


def _char(code: int) -> str:
    return f"\\x{{{code:x}}}"


def _literal(code: int, ignore_case: bool) -> str:
    if not ignore_case:
        return _char(code)
    char = chr(code)
    variants = {char, char.lower(), char.upper(), char.casefold(), char.title(), *EXTRA_CASE_VARIANTS.get(char, "")}
    codes = sorted({ord(v) for v in variants if len(v) == 1})
    return "(?i:[" + "".join(_char(c) for c in codes) + "])"


def _class(items: Sequence[tuple[Any, Any]], ignore_case: bool) -> str:
    negated = bool(items) and str(items[0][0]) == "NEGATE"
    parts: list[str] = []

    for op, value in items[negated:]:
        name = str(op)
        if name == "LITERAL":
            parts.append(_char(value))
            covered = (value, value)
        elif name == "RANGE":
            parts.append(f"{_char(value[0])}-{_char(value[1])}")
            covered = value
        elif name == "CATEGORY" and str(value) in WIDER_CATEGORY and not negated:
            parts.append(WIDER_CATEGORY[str(value)])
        elif name == "CATEGORY":  # a negated category, or a category in a negated class
            return ANY
        else:
            raise Untranslatable(name)
        if ignore_case and not negated and name in ("LITERAL", "RANGE"):
            parts += [_char(ord(extra)) for key, extras in EXTRA_CASE_VARIANTS.items()
                      if covered[0] <= ord(key) <= covered[1] for extra in extras]
    if negated:  # case-sensitive: excluding fewer characters keeps it wider
        return "[^" + "".join(parts) + "]" if parts else ANY
    if not parts:
        return "[^\\x{0}-\\x{10ffff}]"  # an empty class matches nothing
    return ("(?i:[" if ignore_case else "[") + "".join(parts) + ("])" if ignore_case else "]")


@dataclass(frozen=True)
class Prefilter:
    """The wider forms of some patterns as one RE2 alternation: `accepts` without captures (RE2
    answers from its DFA alone), `matching` the same forms as an RE2 set (which of them match, also
    from a DFA), `which` with a capture group per alternative (the set's fallback: RE2 leaves a set
    unanswered when its DFA runs out of memory), and each form alone (`may_match`).

    `which` and the forms alone are compiled when first asked for: most documents never need
    them, and compiling them took a third of a new Cleaner's first text (docs/performance.md)."""

    accepts: Any  # re2._re2.RE2
    forms: tuple[str, ...]  # each pattern's wider form, "any text" where it has none
    translated: tuple[bool, ...]  # whether each pattern has a wider form of its own
    unknown: Any  # finds a character RE2 does not know
    matching: Any = None  # re2._re2.Set of the wider forms, anchored at both ends
    _programs: dict[int, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def for_patterns(cls, patterns: Sequence[str]) -> Prefilter | None:
        """None without RE2, or when the alternation does not compile (the scan then works alone)."""
        try:
            from re2 import _re2
        except ImportError:  # pragma: no cover - RE2 is a dependency; without it the scan still works
            return None
        widened = [wider_re2(pattern) for pattern in patterns]
        forms = [f"{ANY}*" if wider is None else wider for wider in widened]
        accepts = _re2.RE2(_alternation(forms), re2_options(_re2, capture=False))
        if not accepts.ok():
            # A form RE2 refuses (when the whole compiles, so does each of its parts): find which,
            # and let each such form match any text.
            for index, form in enumerate(forms):
                if widened[index] is not None and not _re2.RE2(form.encode(), re2_options(_re2, capture=False)).ok():
                    forms[index], widened[index] = f"{ANY}*", None
            accepts = _re2.RE2(_alternation(forms), re2_options(_re2, capture=False))
        unknown = _re2.RE2(UNASSIGNED_IN_RE2.encode(), re2_options(_re2, capture=False))
        if not (accepts.ok() and unknown.ok()):
            return None
        matching = _re2.Set(ANCHOR_BOTH, re2_options(_re2, capture=False))
        if not (all(matching.Add(form.encode()) >= 0 for form in forms) and matching.Compile()):
            matching = None
        return cls(accepts, tuple(forms), tuple(wider is not None for wider in widened), unknown, matching)

    @cached_property
    def which(self) -> Any:
        """The alternation with a capture group per form (None when RE2 refuses it)."""
        from re2 import _re2

        program = _re2.RE2(_alternation(self.forms), re2_options(_re2, capture=True))
        return program if program.ok() else None

    def program(self, position: int) -> Any:
        """Form `position` alone (None when the pattern has no wider form: it may match any text)."""
        if position not in self._programs:
            from re2 import _re2

            self._programs[position] = (_re2.RE2(self.forms[position].encode(), re2_options(_re2, capture=False))
                                        if self.translated[position] else None)
        return self._programs[position]

    def _encoded(self, text: str) -> bytes | None:
        """`text` as RE2 reads it, or None when RE2 cannot be trusted with it (lone surrogates, or a
        character newer than RE2's Unicode, which the `regex` module may class differently)."""
        try:
            data = text.encode()
        except UnicodeEncodeError:
            return None
        if not text.isascii() and self.unknown.Match(UNANCHORED, data, 0, len(data))[0][0] >= 0:
            return None
        return data

    def ruled_out(self, texts: Iterable[str]) -> set[str]:
        """The ASCII texts that no wider form matches all of: no pattern can match them. (The loop
        of first_candidate, for many lines at once; other texts are left to first_candidate.)"""
        match, found = self.accepts.Match, set()
        for text in texts:
            # ASCII: encodes as is, and every character is one RE2 knows.
            if text.isascii() and len(text) <= MAX_PREFILTER_CHARS:
                data = text.encode()
                if match(ANCHOR_BOTH, data, 0, len(data))[0][0] < 0:
                    found.add(text)
        return found

    def forms_matching(self, text: str) -> tuple[int, ...] | None:
        """Every alternative whose wider form matches all of `text`, in order (() when none does);
        None when the set cannot tell (RE2 cannot read the text, or the set's DFA ran out of memory)."""
        if len(text) > MAX_PREFILTER_CHARS or self.matching is None or (data := self._encoded(text)) is None:
            return None
        if self.accepts.Match(ANCHOR_BOTH, data, 0, len(data))[0][0] < 0:
            return ()
        return tuple(sorted(found)) if (found := self.matching.Match(data)) else None

    def first_candidate(self, text: str) -> int | None:
        """The first alternative whose wider form matches all of `text` (those before it cannot
        match the original patterns); -1 when none does; None when RE2 cannot tell, and the
        `regex` module has to."""
        # The set answers three times faster than captures; the first form it names is the
        # alternative the capture groups would name (RE2 prefers the earliest).
        if (forms := self.forms_matching(text)) is not None:
            return forms[0] if forms else -1
        return self.first_by_captures(text)

    def first_by_captures(self, text: str) -> int | None:
        """first_candidate from the capture groups alone: for a text the set does not answer for."""
        if len(text) > MAX_PREFILTER_CHARS or (data := self._encoded(text)) is None:
            return None
        if self.accepts.Match(ANCHOR_BOTH, data, 0, len(data))[0][0] < 0:
            return -1
        if self.which is None:
            return None
        spans = self.which.Match(ANCHOR_BOTH, data, 0, len(data))
        for position, span in enumerate(spans[1:]):
            if span[0] >= 0:
                return position
        return None

    def may_match(self, position: int, text: str) -> bool:
        """False only when pattern `position` cannot match all of `text`."""
        program = self.program(position)
        if program is None or (data := self._encoded(text)) is None:
            return True
        return program.Match(ANCHOR_BOTH, data, 0, len(data))[0][0] >= 0

    def may_find(self, text: str) -> bool:
        """False only when no pattern can be found anywhere in `text` (as `search` would)."""
        if (data := self._encoded(text)) is None:
            return True
        return self.accepts.Match(UNANCHORED, data, 0, len(data))[0][0] >= 0


def _alternation(forms: Sequence[str]) -> bytes:
    return "|".join(f"({form})" for form in forms).encode()


def re2_options(_re2: Any, *, capture: bool) -> Any:
    """RE2 options as cleaner compiles with them: a memory ceiling, no logging, captures only when asked."""
    options = _re2.RE2.Options()
    options.max_mem = RE2_MAX_MEM
    options.log_errors = False
    options.never_capture = not capture
    return options


try:
    from re2 import _re2 as _re2_module

    ANCHOR_BOTH, UNANCHORED = _re2_module.RE2.Anchor.ANCHOR_BOTH, _re2_module.RE2.Anchor.UNANCHORED
except ImportError:  # pragma: no cover
    ANCHOR_BOTH = UNANCHORED = None
