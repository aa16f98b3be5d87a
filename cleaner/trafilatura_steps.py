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

As with the XPath walks (cleaner/xpath_walks.py), it stands in only while the code it was written
against reads exactly as it did: `_prepare_tree` itself, the three functions that pass on the page
and the backup, and `bare_extraction`, which loads the page and reads nothing of it after the
sequence, all in trafilatura/core.py. The module's source is compared whole (one read of a cached
file; the functions' own sources cost a tokenizer pass each, nearly all of `Trafilatura.load`). An
upgrade of trafilatura that changes core.py gets the original step back, never a stale stand-in
(tests/test_trafilatura_steps.py says which is in force).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import MutableMapping
from copy import copy
from types import ModuleType
from typing import Any

# sha256 of trafilatura/core.py in trafilatura 2.3.1, the code the stand-in was written against.
CORE_SOURCE = "a123aa052752d3dd1d5a1177ad37f03574456d08df1bcd2ec87971cf3f077825"


def source_digest(module: ModuleType) -> str | None:
    """sha256 of a module's source text; None when its source cannot be read."""
    try:
        return hashlib.sha256(inspect.getsource(module).encode("utf-8")).hexdigest()
    except (OSError, TypeError):
        return None


def without_unread_backup(namespace: MutableMapping[str, Any], core: ModuleType) -> bool:
    """Put the stand-in for `_prepare_tree` into `namespace`, a copy of trafilatura.core's (rebound),
    when `core` reads as written; True when it stands in."""
    if source_digest(core) != CORE_SOURCE:
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
