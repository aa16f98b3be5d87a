"""Where a document's article body starts and ends for `where = "head"`, `"lead"` and `"tail"` rules."""

from __future__ import annotations

from pathlib import Path

import cleaner
from cleaner.document import text_blocks
from cleaner.engine import LEAD_REACH, PROSE_MIN_CHARS, is_prose, layout_of

# Three paragraphs of a Chinese report: each under PROSE_MIN_CHARS characters, each as long to read
# as an English paragraph of 80 or more.
LEAD = "国家统计局周三公布的数据显示，今年前十个月全国规模以上工业增加值同比增长百分之五点六。"
MIDDLE = "分行业看，四十一个大类行业中有三十五个行业增加值保持同比增长，其中电子和汽车制造业增长较快，带动作用明显。"
CLOSE = "分析人士认为，随着一系列稳增长政策落地见效，四季度工业生产有望继续保持平稳增长的态势。"


def test_a_chinese_paragraph_is_prose_by_how_long_it_reads() -> None:
    assert all(len(text) < PROSE_MIN_CHARS for text in (LEAD, MIDDLE, CLOSE))
    assert is_prose(text_blocks(LEAD)[0])
    assert not is_prose(text_blocks("首页 新闻 体育 财经 科技")[0])


def test_a_head_rule_stops_at_the_first_chinese_paragraph(tmp_path: Path) -> None:
    (tmp_path / "source.toml").write_text(
        '[pack]\nid = "zh"\nsummary = "s"\n[[rule]]\nid = "zh.source"\nsummary = "s"\nwhy = "w"\n'
        "kind = \"line\"\nwhere = \"head\"\npattern = '来源：.{1,20}'\n", encoding="utf-8")
    # A source line above the report goes; the chart's source inside it is the article's. Before
    # Chinese widths counted, no paragraph was prose, the longest (MIDDLE) stood for the body, and
    # everything above it was head.
    document = "\n".join(["来源：新华社", LEAD, "来源：国家统计局", MIDDLE, CLOSE])
    blocks = text_blocks(document)
    layout = layout_of(blocks)
    assert (layout.first_anchor, layout.last_anchor) == (blocks[1].index, blocks[4].index)
    result = cleaner.Cleaner(rules_dirs=[tmp_path]).clean(document)
    assert [removal["text"] for removal in result.removed] == ["来源：新华社"]


def test_a_related_list_ends_at_the_first_chinese_sentence() -> None:
    # A related list inside the report: its titles go, the paragraphs after it stay. With only
    # `.` as a full stop, the run took every paragraph after it as a title, and only the guard
    # kept a report this short.
    titles = ["相关新闻", "暴雨导致港口被淹", "物价再次上涨"]
    result = cleaner.clean("\n".join([LEAD, *titles, MIDDLE, CLOSE]), format="text")
    assert [removal["text"] for removal in result.removed] == ["\n".join(titles)]
    assert result.text == "\n\n".join([LEAD, MIDDLE, CLOSE]) + "\n"


LONG_HEADLINE = "Ascom announces a strategic distribution partnership with GE Healthcare in Europe for intensive care units"
BODY = [
    "Ascom and GE Healthcare announced on Thursday that they would sell each other's monitoring software to hospitals across Europe.",
    "The agreement covers intensive care units in eleven countries, and the first hospitals are expected to sign up early next year.",
]


def test_a_long_headline_does_not_start_the_body() -> None:
    # 104 characters with spaces is prose by length; a date line under it is still above the body.
    blocks = text_blocks("\n".join([LONG_HEADLINE, "October 12, 2017", *BODY]))
    assert is_prose(blocks[0])
    assert layout_of(blocks).first_anchor == blocks[2].index
    result = cleaner.clean("\n".join([LONG_HEADLINE, "October 12, 2017", *BODY]), format="text")
    assert result.text == "\n\n".join([LONG_HEADLINE, *BODY]) + "\n"
    assert [(r["rule"], r["text"]) for r in result.removed] == [("dates.date-only-line", "October 12, 2017")]


def test_a_first_paragraph_that_ends_like_a_sentence_starts_the_body() -> None:
    blocks = text_blocks("\n".join(BODY))
    assert layout_of(blocks).first_anchor == blocks[0].index


STANDFIRST = "Ascom will sell GE Healthcare's monitors to hospitals in Europe, and GE will sell Ascom's alarms."
MORE_BODY = [
    "Neither company gave the value of the deal, which analysts in Zurich put at several million francs a year.",
    "Shares of Ascom rose four percent in morning trading in Zurich after the announcement was published.",
    "The two companies said they would present the first joint products at a trade fair in Düsseldorf next month.",
]


def test_the_lead_reaches_a_few_paragraphs_past_the_standfirst(tmp_path: Path) -> None:
    (tmp_path / "desk.toml").write_text(
        '[pack]\nid = "desk"\nsummary = "s"\n[[rule]]\nid = "desk.byline"\nsummary = "s"\nwhy = "w"\n'
        "kind = \"line\"\nwhere = \"lead\"\npattern = 'From the [A-Z]\\w+ desk'\n", encoding="utf-8")
    # The byline under the standfirst is in the lead; the same line past the lead is the article's
    # (the second part of a report, say) and stays.
    paragraphs = ["Ascom and GE Healthcare sign a deal", STANDFIRST, "From the Zurich desk", *BODY,
                  *MORE_BODY[:LEAD_REACH - 1], "From the Geneva desk", MORE_BODY[-1]]
    blocks = text_blocks("\n".join(paragraphs))
    layout = layout_of(blocks)
    assert layout.first_anchor == blocks[1].index
    assert layout.lead_end == blocks[1 + LEAD_REACH].index
    result = cleaner.Cleaner(rules_dirs=[tmp_path]).clean("\n".join(paragraphs), format="text")
    assert [(r["rule"], r["text"]) for r in result.removed] == [("desk.byline", "From the Zurich desk")]
    assert "From the Geneva desk" in result.text
