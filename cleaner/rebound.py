"""trafilatura's extraction with some of its module constants replaced, trafilatura itself untouched.

trafilatura's functions read their XPath lists from their modules' globals, so the only way to
give its extraction faster equivalents (cleaner/xpath_walks.py) without patching trafilatura for
every other user in the process is to copy the functions over new globals: each function of the
named modules is recreated with the same code over a copy of its module's namespace, in which the
replaced names and the other copied functions are swapped in. trafilatura's modules, and anyone
calling them, see nothing of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import FunctionType, ModuleType
from typing import Any


def rebound(modules: tuple[ModuleType, ...], replacements: Mapping[str, object]) -> dict[str, dict[str, Any]]:
    """Module name -> its copied namespace, where every function defined in one of `modules` is a
    copy over the copied namespaces and every name in `replacements` has its new value."""
    namespaces = {module.__name__: dict(vars(module)) for module in modules}
    copies: dict[int, FunctionType] = {}
    for module in modules:
        namespace = namespaces[module.__name__]
        for value in vars(module).values():
            if isinstance(value, FunctionType) and value.__module__ == module.__name__:
                copy = FunctionType(value.__code__, namespace, value.__name__, value.__defaults__, value.__closure__)
                copy.__kwdefaults__ = value.__kwdefaults__
                copy.__qualname__ = value.__qualname__
                copy.__doc__ = value.__doc__
                copies[id(value)] = copy
    for namespace in namespaces.values():
        for name, value in namespace.items():
            if isinstance(value, FunctionType) and id(value) in copies:
                namespace[name] = copies[id(value)]
        namespace.update((name, value) for name, value in replacements.items() if name in namespace)
    return namespaces
