"""cleaner: strips site furniture from scraped news and says why for every character it removes.

    >>> import cleaner
    >>> result = cleaner.clean("Support SouthFront\\n\\nThe article.\\n")
    >>> result.text, result.manifest["removed"]

`clean()` loads the built-in rules on every call; a `Cleaner` loads them once for many documents.
Nothing here writes files or keeps state between calls.
"""

from ._version import __version__
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

__all__ = [
    "BinaryContent",
    "CleanResult",
    "Cleaner",
    "CleanerError",
    "InputError",
    "InputTooLarge",
    "MissingExtra",
    "OutputError",
    "RuleError",
    "RuleFileError",
    "RuleSet",
    "UnreadableInput",
    "__version__",
    "clean",
    "load_rules",
]
