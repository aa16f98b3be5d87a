"""A broken rule file fails loudly and precisely, naming the file and the place in it."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner

GOOD_RULE = 'id = "mine.x"\nsummary = "s"\nwhy = "w"\nkind = "line"\n'
CUT_RULE = GOOD_RULE.replace('"line"', '"cut"')
# A pack's header and its first rule's table, before each case's rule.
PACK = '[pack]\nid = "mine"\nsummary = "s"\n[[rule]]\n'


def load(tmp_path: Path, text: str) -> cleaner.RuleSet:
    (tmp_path / "mine.toml").write_text(text, encoding="utf-8")
    return cleaner.load_rules([tmp_path])


@pytest.mark.parametrize(("text", "where", "problem"), [
    ('[pack\nid="mine"', "", "invalid TOML"),
    (PACK + GOOD_RULE.replace('"line"', '"lines"') + 'pattern = "x"\n',
     "rule[0].kind", "not one of"),
    (PACK + GOOD_RULE + 'pattern = "(unclosed"\n',
     "rule[0].pattern", "regex does not compile"),
    (PACK + GOOD_RULE + 'pattern = "a"\n[[rule]]\n' + GOOD_RULE + 'pattern = "b"\n',
     "rule[1].id", "duplicate rule id"),
    (PACK + GOOD_RULE + 'patern = "a"\n', "rule[0].patern", "unknown key"),
    (PACK + GOOD_RULE.replace("mine.x", "other.x") + 'pattern = "a"\n',
     "rule[0].id", "must start with the pack id"),
    (PACK + GOOD_RULE, "rule[0]", "needs `pattern` or `exact`"),
    (PACK + GOOD_RULE + 'pattern = "a"\nmin_run = 0\n',
     "rule[0].min_run", "must be a positive integer"),
    (PACK + GOOD_RULE + 'pattern = "a"\ninside_article = "yes"\n',
     "rule[0].inside_article", "must be true or false"),
    (PACK + CUT_RULE + 'pattern = "a"\nmin_run = 3\n',
     "rule[0].min_run", "not a key of kind"),
    (PACK + CUT_RULE + 'pattern = "a"\narticle_may_follow = 1\n',
     "rule[0].article_may_follow", "must be true or false"),
    (PACK + GOOD_RULE + 'pattern = "a"\narticle_may_follow = true\n',
     "rule[0].article_may_follow", "not a key of kind"),
    (PACK + CUT_RULE + 'pattern = "About (\\\\w+)"\nsubject_follows = true\n',
     "rule[0].subject_follows", "needs a pattern with a (?P<subject>...) group"),
    (PACK + CUT_RULE + 'exact = ["About us"]\nsubject_follows = true\n',
     "rule[0].subject_follows", "needs a pattern with a (?P<subject>...) group"),
    (PACK + GOOD_RULE + 'pattern = "About (?P<subject>\\\\w+)"\nsubject_follows = true\n',
     "rule[0].subject_follows", "not a key of kind"),
])
def test_broken_rule_file_names_file_and_place(tmp_path: Path, text: str, where: str, problem: str) -> None:
    with pytest.raises(cleaner.RuleFileError) as caught:
        load(tmp_path, text)
    assert caught.value.path.endswith("mine.toml")
    assert caught.value.where == where
    assert problem in caught.value.problem
    assert str(caught.value).startswith(str(tmp_path / "mine.toml"))


def test_a_pack_id_defined_twice_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(cleaner.RuleFileError, match="also defined"):
        load(tmp_path, '[pack]\nid = "southfront"\nsummary = "again"\n')


def test_digest_changes_with_the_rules(tmp_path: Path) -> None:
    builtin = cleaner.load_rules()
    assert builtin.digest == cleaner.load_rules().digest
    mine = load(tmp_path, PACK + GOOD_RULE + 'pattern = "a"\n')
    assert mine.digest != builtin.digest
