"""trafilatura's own steps, less the copies that cleaner's options leave unread.

`trafilatura.core._prepare_tree` cleans a copy of the page, then deep-copies the cleaned tree as a
backup before converting its tags. Only two readers ever take that backup: the comparison with
readability and jusText (skipped when `fast` is set) and the route that turns a forum page's
comments into its posts (taken only when `comments` is set). The page itself, which the first
copy keeps whole, is read again only by that comparison, by the baseline rescue and by the recall
escalation (both skipped when the focus is precision). cleaner extracts with `fast` on and
`comments` off: the backup is never read, and in precision mode neither is the page, which is the
extraction's own (trafilatura copies a caller's tree as it loads it; cleaner hands over a copy of
its own, html_extract.OwnedTree). So the stand-in below makes no backup under those options, and
cleans the page in place in precision mode: two deep copies of every page saved. Other options
get the original step.

As with the XPath walks (cleaner/xpath_walks.py), it stands in only while the functions it was
written against read exactly as they did: `_prepare_tree` itself, the three that pass on the page
and the backup, and `bare_extraction`, which loads the page and reads nothing of it after the
sequence. An upgrade of trafilatura that changes any of them gets the original step back, never a
stale stand-in (tests/test_trafilatura_steps.py says which is in force).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, MutableMapping
from copy import copy
from types import FunctionType
from typing import Any

# sha256 of the source of each function the stand-in relies on, in trafilatura 2.3.1.
READ_AS = {
    "_prepare_tree": "9595f0642825c2c7ca61f5f311b0070b1cfaaca7009a7d916bce8eeff9b93e34",
    "_extract_and_compare": "f7d056c2118222e8ffb17e32d4796ccbddc452936d7177e27c53fb6d39b8f6e6",
    "_recall_retry": "59594c39714f57be4b7184b9302d676f444c3afdbb41c05575538cac0abab25c",
    "trafilatura_sequence": "f03dc4d2946dacbd0e023ca1c51fdf329e0fdc0be342fd0f14924396ec646e05",
    "bare_extraction": "2e57adb3062086f9695046cf58b1a8825143322fe74e74739791dff6d8da9fea",
}


def source_digest(function: Callable[..., Any]) -> str | None:
    """sha256 of a function's source text; None when its source cannot be read."""
    try:
        return hashlib.sha256(inspect.getsource(function).encode("utf-8")).hexdigest()
    except (OSError, TypeError):
        return None


def reads_as_written(namespace: MutableMapping[str, Any]) -> bool:
    """Whether trafilatura.core's functions in `namespace` are the ones the stand-in was written for."""
    return all(isinstance(function := namespace.get(name), FunctionType) and source_digest(function) == digest
               for name, digest in READ_AS.items())


def without_unread_backup(namespace: MutableMapping[str, Any]) -> bool:
    """Put the stand-in for `_prepare_tree` into a copied namespace of trafilatura.core (rebound),
    when its functions read as written; True when it stands in."""
    if not reads_as_written(namespace):
        return False
    original, tree_cleaning, convert_tags = namespace["_prepare_tree"], namespace["tree_cleaning"], namespace["convert_tags"]

    def _prepare_tree(tree: Any, options: Any, url: str | None) -> tuple[Any, Any]:
        if not options.fast or options.comments:
            return original(tree, options, url)
        # The same two steps, without the backup no reader takes; on the page itself when nothing
        # reads the page after them.
        page = tree if options.focus == "precision" else copy(tree)
        return convert_tags(tree_cleaning(page, options), options, url), None

    namespace["_prepare_tree"] = _prepare_tree
    return True
