"""Every error cleaner raises, drawn once.

    CleanerError                 base of everything below; catch this to catch all
    ├── InputError               one document cannot be cleaned; a batch reports it and goes on
    │   ├── BinaryContent        NUL bytes or a known binary signature (image, archive, PDF)
    │   ├── InputTooLarge        over the configured size limit
    │   └── UnreadableInput      the file could not be read (permissions, a vanished file, a loop, a pipe or device)
    ├── RuleError                the rules are broken; nothing is cleaned with them
    │   └── RuleFileError        one rule file, with the place inside it (`file: rule[2].pattern: ...`)
    ├── OutputError              an output could not be written; nothing half-written is left
    └── MissingExtra             an optional feature whose extra is not installed; says the pip line

Problems that do not stop a document (a decode fallback, a guard that kept text, a rule that ran
out of time) are not errors: they are warnings in the document's manifest.
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error cleaner raises."""


class InputError(CleanerError):
    """A document cannot be cleaned. `reason` is the short phrase the CLI prints after the name."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class BinaryContent(InputError):
    """The content is binary, not text or HTML."""


class InputTooLarge(InputError):
    """The content is larger than the configured limit."""


class UnreadableInput(InputError):
    """The file could not be read: missing, unreadable, a symbolic link loop, or not a regular file."""


class RuleError(CleanerError):
    """The rule set is broken."""


class RuleFileError(RuleError):
    """One rule file is broken; `where` is e.g. `rule[2].pattern`."""

    def __init__(self, path: str, where: str, problem: str) -> None:
        self.path = path
        self.where = where
        self.problem = problem
        location = f"{path}: {where}" if where else path
        super().__init__(f"{location}: {problem}")


class OutputError(CleanerError):
    """An output file could not be written."""


class MissingExtra(CleanerError, ImportError):
    """An optional feature needs an extra that is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs an optional extra: pip install 'cleaner[{extra}]'")
