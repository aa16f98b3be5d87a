"""lynx dumps: link numbers glued to link texts go, and so does the list of addresses after the text."""

from __future__ import annotations

import textwrap

import cleaner
from cleaner.audit import replay
from cleaner.document import TextLeft, text_blocks
from cleaner.engine import is_prose
from cleaner.link_numbers import RULE, link_number_removals

from bridge_article import ARTICLE

NUMBERED = [
    ARTICLE[0].replace("two of its main cables", "two of its [12]main cables"),
    ARTICLE[1].replace("the ring road", "the [13]ring road").replace("a statement", "a [14]statement"),
    ARTICLE[2],
    ARTICLE[3].replace("the new library", "the [15]new library"),
]
REFERENCES = ["References", "", *(f"  {n}. https://www.example.com/news/2024/{n}/a-story-about-the-bridge-{n}" for n in range(1, 40))]


def lynx_dump(paragraphs: list[str]) -> str:
    body = "\n\n".join(textwrap.fill(p, 74, initial_indent="   ", subsequent_indent="   ") for p in paragraphs)
    return body + "\n\n" + "\n".join(REFERENCES) + "\n"


def test_a_lynx_dump_gives_the_article_back() -> None:
    source = lynx_dump(NUMBERED)
    result = cleaner.clean(source)
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    rules = {r["rule"] for r in result.removed}
    assert RULE in rules and "dumps.reference" in rules
    assert [r["text"] for r in result.removed if r["rule"] == RULE] == ["[12]", "[13]", "[14]", "[15]"]
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_citation_marks_and_a_few_numbers_stay() -> None:
    cited = [ARTICLE[0] + "[1]", ARTICLE[1].replace("vote.", "vote.[2] It passed."), ARTICLE[2] + " [3]", ARTICLE[3]]
    source = "\n".join(cited)
    assert link_number_removals(TextLeft(source, ()), text_blocks(source)) == []
    two = "\n".join([NUMBERED[0], NUMBERED[3], ARTICLE[2]])  # two marks: no sign of lynx
    assert link_number_removals(TextLeft(two, ()), text_blocks(two)) == []


def test_a_long_address_is_not_prose() -> None:
    # Else a list of long addresses outweighs a short article, and the guard keeps it whole.
    address = "274. https://web.whatsapp.com/send?text=Beijing%20tariff%20demands%20may%20expand%20US-China%20trade"
    assert not is_prose(text_blocks(address)[0])
    assert is_prose(text_blocks(ARTICLE[0])[0])
    assert is_prose(text_blocks("市议会周二投票决定关闭这座老桥，此前工程师发现主缆已经严重腐蚀，继续通车存在安全隐患。")[0])
