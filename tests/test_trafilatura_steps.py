"""The stand-in for trafilatura's `_prepare_tree` (cleaner/trafilatura_steps.py): in force on the
pinned trafilatura, out of force on any other source of core.py, and the same extraction either way."""

from __future__ import annotations

from copy import copy

import pytest
from lxml import etree
from trafilatura import core, main_extractor
from trafilatura.settings import Extractor

from cleaner.html_extract import Trafilatura, parse, xml_tree
from cleaner.rebound import rebound
from cleaner import trafilatura_steps
from cleaner.trafilatura_steps import CORE_SOURCE, source_digest, without_unread_backup
from tests.conftest import html_sources


def sources() -> list[str]:
    return html_sources(30)


def test_the_stand_in_is_in_force_on_the_pinned_trafilatura() -> None:
    namespace = rebound((core,), {})[core.__name__]
    assert source_digest(core) == CORE_SOURCE
    assert without_unread_backup(namespace, core)
    assert namespace["_prepare_tree"] is not core._prepare_tree


def test_a_changed_core_gets_the_original_step_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trafilatura_steps, "CORE_SOURCE", "0" * 64)  # not the source it was written against
    namespace = rebound((core,), {})[core.__name__]
    before = namespace["_prepare_tree"]
    assert not without_unread_backup(namespace, core)
    assert namespace["_prepare_tree"] is before
    # ... and so does a trafilatura whose source cannot be read.
    monkeypatch.setattr(trafilatura_steps.inspect, "getsource", lambda module: (_ for _ in ()).throw(OSError()))
    assert trafilatura_steps.source_digest(core) is None


def options(**changes: bool) -> Extractor:
    settings = {"output_format": "xml", "fast": True, "precision": True, "comments": False, "tables": True,
                "dedup": False, **changes}
    return Extractor(**settings)


def test_the_stand_in_cleans_and_converts_as_the_original_and_skips_only_the_copies() -> None:
    namespace = rebound((core,), {})[core.__name__]
    original = namespace["_prepare_tree"]
    without_unread_backup(namespace, core)
    stand_in = namespace["_prepare_tree"]
    for source in sources()[:8]:
        tree = parse(source)
        assert tree is not None
        page = etree.tostring(tree)
        for focus in ({}, {"precision": False, "recall": True}, {"precision": False}):
            theirs, backup = original(copy(tree), options(**focus), None)
            mine = copy(tree)
            ours, none = stand_in(mine, options(**focus), None)
            assert etree.tostring(ours) == etree.tostring(theirs) and backup is not None and none is None
            # Precision cleans the page itself (nothing reads it afterwards); other focuses a copy.
            assert (ours is mine) == (not focus) and (etree.tostring(mine) == page) == bool(focus)
        # Options whose steps read the backup get the original step, backup and all.
        for changed in (options(fast=False), options(comments=True)):
            assert stand_in(copy(tree), changed, None)[1] is not None


def test_the_extraction_is_the_same_with_and_without_the_stand_in() -> None:
    bare = Trafilatura.load().bare_extraction
    plain = rebound((core, main_extractor), {})[core.__name__]["bare_extraction"]
    compared = 0
    for source in sources():
        tree = parse(source)
        if tree is None:
            continue
        for changed in ({}, {"precision": False, "recall": True}):
            ours, theirs = bare(tree, options=options(**changed)), plain(tree, options=options(**changed))
            assert (ours is None) == (theirs is None)
            if ours is not None:
                assert etree.tostring(xml_tree(ours)) == etree.tostring(xml_tree(theirs))
                compared += 1
    assert compared >= 4
