"""Rule packs: TOML files that say what furniture looks like, loaded and checked before any use.

A pack file is `[pack]` (id, summary, and for a site pack how the site is recognised: `domains`
matched against the url, `fingerprints` matched against the text) followed by `[[rule]]` tables.
A pack with neither domains nor fingerprints is generic and applies to every document.
The kinds of rule, and the keys each one takes, are documented once in `docs/rules.md`.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from .errors import RuleFileError

if TYPE_CHECKING:
    import regex

    from .selector_hints import HintFinder

Kind = Literal["line", "run", "cut", "field", "cards", "select"]
Where = Literal["head", "lead", "tail", "anywhere"]
KINDS: tuple[Kind, ...] = ("field", "cards", "line", "run", "cut", "select")  # also the order they apply in
WHERES: tuple[Where, ...] = ("head", "lead", "tail", "anywhere")
FIELDS = ("title", "date", "author", "source_name")
# A `run` takes short title-like blocks after its heading; longer than this, it is text again.
DEFAULT_MAX_ITEM_CHARS = 120
# A `line` rule with `min_run` takes its matches only where that many stand together (1: anywhere).
DEFAULT_MIN_RUN = 1

PACK_KEYS = {"id", "summary", "domains", "fingerprints"}
RULE_KEYS = {
    "id", "summary", "why", "kind", "where", "pattern", "exact", "field",
    "max_item_chars", "min_run", "selectors", "example", "inside_article", "article_may_follow",
    "subject_follows",
}
KIND_KEYS: dict[str, set[str]] = {
    "line": {"pattern", "exact", "min_run", "max_item_chars"},
    "run": {"pattern", "exact", "max_item_chars"},
    "cut": {"pattern", "exact", "article_may_follow", "subject_follows"},
    "cards": {"pattern", "exact", "max_item_chars"},
    "field": {"pattern", "field"},
    "select": {"selectors"},
}
EXAMPLE_KEYS = {"input", "output", "url", "format"}
BUILTIN_RULES = Path(__file__).parent / "rules"
SOURCE_RULES = Path(__file__).parent.parent / "rules"


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the installed wheel, or at the top of a source checkout."""
    return BUILTIN_RULES if BUILTIN_RULES.is_dir() else SOURCE_RULES


@dataclass(frozen=True)
class Example:
    input: str
    output: str
    url: str | None = None
    format: str = "text"


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    kind: Kind
    summary: str
    why: str
    where: Where = "anywhere"
    pattern: regex.Pattern[str] | None = None
    exact: frozenset[str] = frozenset()
    field: str | None = None
    max_item_chars: int = DEFAULT_MAX_ITEM_CHARS
    min_run: int = DEFAULT_MIN_RUN
    # What it takes stands inside the article (a picture's credit): the detector reads no gap
    # where it was (docs/detector.md, "What was removed before").
    inside_article: bool = False
    # A cut's marker can stand inside the article (a comment link between two paragraphs): a short
    # one right between two prose paragraphs goes alone, and the cut waits for a later one.
    article_may_follow: bool = False
    # A cut's marker that names a subject (`About Acme`, the pattern's `subject` group) and stands
    # between two prose paragraphs cuts only when the paragraph after it names that subject too;
    # otherwise it is the article's own sub-heading (`About Face`) and stays.
    subject_follows: bool = False
    selectors: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    source: str = ""

    @functools.cached_property
    def selector_hints(self) -> tuple[str | None, ...]:
        """For each selector, text a page's start tags must hold for it to match (None: unknown);
        worked out once per loaded rule, on the first page asked (cleaner/selector_hints.py)."""
        from .selector_hints import selector_hint

        return tuple(map(selector_hint, self.selectors))

    def match(self, text: str, timeout: float) -> regex.Match[str] | bool | None:
        """Whether a block's canonical text matches; raises TimeoutError past `timeout` seconds."""
        if self.exact and text.casefold() in self.exact:
            return True
        if self.pattern is not None:
            return self.pattern.fullmatch(text, timeout=timeout)
        return None


@dataclass(frozen=True)
class Pack:
    id: str
    summary: str
    rules: tuple[Rule, ...]
    domains: tuple[str, ...] = ()
    fingerprints: tuple[regex.Pattern[str], ...] = ()
    source: str = ""

    @property
    def generic(self) -> bool:
        return not self.domains and not self.fingerprints

    def domain_match(self, url: str | None) -> str | None:
        if not url or not self.domains:
            return None
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
        for domain in self.domains:
            if host == domain or host.endswith("." + domain):
                return domain
        return None


@dataclass(frozen=True)
class RuleSet:
    """Every loaded pack, in a fixed order, and a digest of the files they came from."""

    packs: tuple[Pack, ...]
    digest: str
    sources: tuple[str, ...] = field(default=())

    def rule(self, rule_id: str) -> Rule | None:
        for pack in self.packs:
            for rule in pack.rules:
                if rule.id == rule_id:
                    return rule
        return None

    def rules(self) -> Iterable[Rule]:
        for pack in self.packs:
            yield from pack.rules

    @functools.cached_property
    def hint_finder(self) -> HintFinder:
        """Finds which of the select rules' hints a page holds (made on the first HTML page)."""
        from .selector_hints import HintFinder

        return HintFinder(hint for rule in self.rules() for hint in rule.selector_hints if hint is not None)

    def only(self, rule_id: str) -> RuleSet:
        """A rule set holding one rule, its pack forced on: how rule examples are run."""
        for pack in self.packs:
            for rule in pack.rules:
                if rule.id == rule_id:
                    alone = Pack(pack.id, pack.summary, (rule,), source=pack.source)
                    return RuleSet((alone,), self.digest, self.sources)
        raise KeyError(rule_id)


def load_rules(extra_dirs: Sequence[str | Path] = (), *, builtin: bool = True) -> RuleSet:
    """Load the built-in packs (unless `builtin=False`) and every `*.toml` below `extra_dirs`."""
    return load_rule_files(rule_files(extra_dirs, builtin=builtin))


def rule_files(extra_dirs: Sequence[str | Path] = (), *, builtin: bool = True) -> list[tuple[str, Path]]:
    """The rule files load_rules would read, each with the label its digest records."""
    roots: list[tuple[str, Path]] = []
    if builtin:
        roots.append(("builtin", builtin_rules_dir()))
    for directory in extra_dirs:
        path = Path(directory)
        if not path.is_dir():
            raise RuleFileError(str(path), "", "not a directory of rule files")
        roots.append((str(path), path))
    files: list[tuple[str, Path]] = []
    for label, root in roots:
        for file in sorted(root.rglob("*.toml")):
            files.append((f"{label}:{file.relative_to(root).as_posix()}", file))
    return files


@dataclass(frozen=True)
class RuleFiles:
    """Rule files and their digest, read but not parsed: all that telling current outputs needs."""

    files: tuple[tuple[str, Path], ...]
    digest: str

    @classmethod
    def read(cls, files: Sequence[tuple[str, Path]]) -> RuleFiles:
        return cls(tuple(files), files_digest((label, path.read_bytes()) for label, path in files))


def files_digest(contents: Iterable[tuple[str, bytes]]) -> str:
    """The digest of labelled rule files: a RuleSet's digest, recorded in every manifest."""
    digest = hashlib.sha256()
    for label, data in contents:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def load_rule_files(files: Sequence[tuple[str, Path]]) -> RuleSet:
    contents = [(label, path, path.read_bytes()) for label, path in files]
    packs: list[Pack] = []
    seen_rules: dict[str, str] = {}
    seen_packs: dict[str, str] = {}
    for label, path, data in contents:
        pack = parse_pack(data, str(path))
        if pack.id in seen_packs:
            raise RuleFileError(str(path), "pack.id", f"pack {pack.id!r} is also defined in {seen_packs[pack.id]}")
        seen_packs[pack.id] = str(path)
        for index, rule in enumerate(pack.rules):
            if rule.id in seen_rules:
                raise RuleFileError(
                    str(path), f"rule[{index}].id", f"duplicate rule id {rule.id!r} (first in {seen_rules[rule.id]})"
                )
            seen_rules[rule.id] = str(path)
        packs.append(pack)
    # Site packs first: their rules are the more specific reason for a removal.
    packs.sort(key=lambda pack: (pack.generic, pack.id))
    digest = files_digest((label, data) for label, _, data in contents)
    return RuleSet(tuple(packs), digest, tuple(label for label, _ in files))


def parse_pack(data: bytes, path: str) -> Pack:
    import tomllib  # imported here, like regex below: `cleaner check` reads rule files without parsing them

    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise RuleFileError(path, "", f"not UTF-8 ({error.reason} at byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise RuleFileError(path, "", f"invalid TOML: {error}") from None
    check = _Checker(path)
    check.keys(document, {"pack", "rule"}, "")
    head = document.get("pack")
    if not isinstance(head, dict):
        raise RuleFileError(path, "pack", "missing [pack] table")
    check.keys(head, PACK_KEYS, "pack")
    pack_id = check.identifier(head, "id", "pack")
    summary = check.text(head, "summary", "pack")
    domains = tuple(d.lower() for d in check.strings(head, "domains", "pack"))
    fingerprints = tuple(
        check.regex(f, f"pack.fingerprints[{i}]") for i, f in enumerate(check.strings(head, "fingerprints", "pack"))
    )
    raw_rules = document.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleFileError(path, "rule", "must be an array of tables ([[rule]])")
    rules = tuple(parse_rule(raw, pack_id, f"rule[{i}]", check) for i, raw in enumerate(raw_rules))
    return Pack(pack_id, summary, rules, domains, fingerprints, path)


def parse_rule(raw: Any, pack_id: str, where: str, check: _Checker) -> Rule:
    if not isinstance(raw, dict):
        check.fail(where, "must be a table")
    check.keys(raw, RULE_KEYS, where)
    rule_id = check.identifier(raw, "id", where)
    if not rule_id.startswith(pack_id + "."):
        check.fail(f"{where}.id", f"{rule_id!r} must start with the pack id {pack_id + '.'!r}")
    kind = check.choice(raw, "kind", KINDS, where)
    extra = (set(raw) & set().union(*KIND_KEYS.values())) - KIND_KEYS[kind]
    if extra:
        check.fail(f"{where}.{sorted(extra)[0]}", f"not a key of kind {kind!r}")
    position = check.choice(raw, "where", WHERES, where, default="anywhere")
    pattern = check.regex(raw["pattern"], f"{where}.pattern") if "pattern" in raw else None
    exact = frozenset(s.casefold() for s in check.strings(raw, "exact", where))
    selectors = tuple(check.strings(raw, "selectors", where))
    if kind == "select":
        if not selectors:
            check.fail(f"{where}.selectors", "a select rule needs at least one CSS selector")
        for i, selector in enumerate(selectors):
            check.selector(selector, f"{where}.selectors[{i}]")
    elif pattern is None and not exact:
        check.fail(where, f"a {kind} rule needs `pattern` or `exact`")
    field_name = None
    if kind == "field":
        field_name = check.choice(raw, "field", FIELDS, where)
        if pattern is not None and "value" not in pattern.groupindex:
            check.fail(f"{where}.pattern", "a field rule's pattern needs a (?P<value>...) group")
    max_item_chars = raw.get("max_item_chars", DEFAULT_MAX_ITEM_CHARS)
    if not isinstance(max_item_chars, int) or isinstance(max_item_chars, bool) or max_item_chars < 1:
        check.fail(f"{where}.max_item_chars", "must be a positive integer")
    min_run = raw.get("min_run", DEFAULT_MIN_RUN)
    if not isinstance(min_run, int) or isinstance(min_run, bool) or min_run < 1:
        check.fail(f"{where}.min_run", "must be a positive integer")
    flags = {key: raw.get(key, False) for key in ("inside_article", "article_may_follow", "subject_follows")}
    for key, value in flags.items():
        if not isinstance(value, bool):
            check.fail(f"{where}.{key}", "must be true or false")
    if flags["subject_follows"] and (pattern is None or "subject" not in pattern.groupindex):
        check.fail(f"{where}.subject_follows", "needs a pattern with a (?P<subject>...) group")
    examples = tuple(parse_example(e, f"{where}.example[{i}]", check) for i, e in enumerate(raw.get("example", [])))
    return Rule(
        id=rule_id,
        pack=pack_id,
        kind=kind,
        summary=check.text(raw, "summary", where),
        why=check.text(raw, "why", where),
        where=position,
        pattern=pattern,
        exact=exact,
        field=field_name,
        max_item_chars=max_item_chars,
        min_run=min_run,
        inside_article=flags["inside_article"],
        article_may_follow=flags["article_may_follow"],
        subject_follows=flags["subject_follows"],
        selectors=selectors,
        examples=examples,
        source=check.path,
    )


def parse_example(raw: Any, where: str, check: _Checker) -> Example:
    if not isinstance(raw, dict):
        check.fail(where, "must be a table with input and output")
    check.keys(raw, EXAMPLE_KEYS, where)
    return Example(
        input=check.text(raw, "input", where, allow_empty=True),
        output=check.text(raw, "output", where, allow_empty=True),
        url=raw.get("url"),
        format=check.choice(raw, "format", ("text", "html"), where, default="text"),
    )


@dataclass(frozen=True)
class _Checker:
    """Turns every problem in a rule file into one precise RuleFileError."""

    path: str

    def fail(self, where: str, problem: str) -> Any:
        raise RuleFileError(self.path, where, problem)

    def keys(self, table: dict[str, Any], allowed: set[str], where: str) -> None:
        unknown = sorted(set(table) - allowed)
        if unknown:
            self.fail(f"{where}.{unknown[0]}" if where else unknown[0], f"unknown key (allowed: {', '.join(sorted(allowed))})")

    def text(self, table: dict[str, Any], key: str, where: str, *, allow_empty: bool = False) -> str:
        value = table.get(key)
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self.fail(f"{where}.{key}", "missing or not a non-empty string")
        return value

    def identifier(self, table: dict[str, Any], key: str, where: str) -> str:
        import regex

        value = self.text(table, key, where)
        if not regex.fullmatch(r"[a-z0-9][a-z0-9_.-]*", value):
            self.fail(f"{where}.{key}", f"{value!r} is not an id (lower-case letters, digits, '.', '-', '_')")
        return value

    def strings(self, table: dict[str, Any], key: str, where: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(f"{where}.{key}", "must be a list of non-empty strings")
        return value

    def choice(self, table: dict[str, Any], key: str, options: Sequence[str], where: str, default: str | None = None) -> Any:
        value = table.get(key, default)
        if value is None:
            self.fail(f"{where}.{key}", f"missing (one of {', '.join(options)})")
        if value not in options:
            self.fail(f"{where}.{key}", f"{value!r} is not one of {', '.join(options)}")
        return value

    def regex(self, pattern: Any, where: str) -> regex.Pattern[str]:
        import regex

        if not isinstance(pattern, str) or not pattern:
            self.fail(where, "must be a non-empty string")
        try:
            return regex.compile(pattern, regex.VERSION0)
        except regex.error as error:
            return self.fail(where, f"regex does not compile: {error}")

    def selector(self, selector: str, where: str) -> None:
        from selectolax.lexbor import LexborHTMLParser

        try:
            LexborHTMLParser("<p></p>").css(selector)
        except Exception as error:  # selectolax raises plain exceptions for bad selectors
            self.fail(where, f"CSS selector does not parse: {error}")
