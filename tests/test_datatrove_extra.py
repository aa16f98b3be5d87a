"""Without the datatrove extra, importing the integration says which pip line fixes it."""

from __future__ import annotations

import importlib
import sys

import pytest

import cleaner

MODULE = "cleaner.integrations.datatrove"


def test_import_without_datatrove_names_the_pip_line(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in sys.modules if name == "datatrove" or name.startswith("datatrove.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "datatrove", None)  # None in sys.modules makes `import` fail
    monkeypatch.delitem(sys.modules, MODULE, raising=False)

    with pytest.raises(cleaner.MissingExtra) as caught:
        importlib.import_module(MODULE)

    assert isinstance(caught.value, ImportError)
    assert "pip install 'cleaner[datatrove]'" in str(caught.value)
    assert MODULE not in sys.modules
