"""cleaner: strips site furniture from scraped news and says why for every character it removes.

    >>> import cleaner
    >>> result = cleaner.clean("Support SouthFront\\n\\nThe article.\\n")
    >>> result.text, result.manifest["removed"]

`clean()` loads and compiles the built-in rules on every call (about 0.35 s); a `Cleaner` does it
once for many documents.
Nothing here writes files or keeps state between calls.

Names are imported on first use (PEP 562), so `cleaner check` and other light commands start
without loading the cleaning pipeline.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .errors import (
        BinaryContent,
        CleanerError,
        InputError,
        InputTooLarge,
        MissingExtra,
        OutputError,
        RuleError,
        RuleFileError,
        UnreadableInput,
    )
    from .pipeline import Cleaner, CleanResult, clean
    from .rules import RuleSet, load_rules

_WHERE = {
    **dict.fromkeys(
        ["BinaryContent", "CleanerError", "InputError", "InputTooLarge", "MissingExtra", "OutputError",
         "RuleError", "RuleFileError", "UnreadableInput"], ".errors"),
    **dict.fromkeys(["Cleaner", "CleanResult", "clean"], ".pipeline"),
    **dict.fromkeys(["RuleSet", "load_rules"], ".rules"),
}
__all__ = sorted([*_WHERE, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name], __name__), name)
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
