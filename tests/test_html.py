"""The HTML path: format detection, decoding, select rules and their spans, the guard, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner import Cleaner
from cleaner.html import visible_lines
from cleaner.rules import load_rules

P1 = "The council voted on Tuesday to extend the bus lane along the river road, after a long debate about parking."
P2 = "Work starts in spring and the city expects the new lane to cut journey times on the route by a fifth."
P3 = "Shop owners on the road said they would watch the first months closely before deciding whether to object."


def page(extra: str = "", *, head: str = "", article_class: str = "story") -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>Bus lane extended</title>"
            '<meta name="author" content="Ana Lopes"><meta property="article:published_time" content="2024-03-05">'
            f'</head><body><article class="{article_class}"><h1>Bus lane extended</h1>'
            f"<p>{P1}</p><p>{P2}</p>{extra}<p>{P3}</p></article></body></html>")


def test_html_string_is_detected_and_extracted() -> None:
    result = cleaner.clean(page())
    assert result.manifest["source"]["format"] == "html"
    assert result.text == f"{P1}\n\n{P2}\n\n{P3}\n"


def test_metadata_comes_from_the_page() -> None:
    result = cleaner.clean(page(), url="https://news.example.com/bus-lane")
    assert result.metadata["title"] == "Bus lane extended"
    assert result.metadata["author"] == "Ana Lopes"
    assert result.metadata["date"] == "2024-03-05"
    # The title repeated as the first paragraph goes, with its own id and span.
    title = [r for r in result.removed if r["rule"] == "extract.title"]
    assert [r["text"] for r in title] == ["Bus lane extended"]


def test_format_override_treats_html_as_text() -> None:
    result = cleaner.clean(page(), format="text")
    assert result.manifest["source"]["format"] == "text"
    assert "<p>" in result.text


def test_plain_text_with_angle_brackets_stays_text() -> None:
    assert cleaner.clean("a < b and b > c, said the teacher in a long sentence.\n").manifest["source"]["format"] == "text"


def test_html_file_name_takes_the_html_path(tmp_path: Path) -> None:
    path = tmp_path / "story.htm"
    path.write_text(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>", encoding="utf-8")  # no <html>: only the name says so
    result = Cleaner().clean_file(path)
    assert result.manifest["source"]["format"] == "html"
    assert P1 in result.text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + page(P1.replace("council", "caf\u00e9")).encode("utf-8"), "utf-8"),
        (page(head='<meta charset="windows-1252">').replace("Tuesday", "Tuesday \u2014 late").encode("cp1252"), "cp1252"),
        (page(head='<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
         .replace("Tuesday", "\u0432\u0442\u043e\u0440\u043d\u0438\u043a").encode("koi8-r"), "koi8_r"),
    ],
    ids=["bom", "meta-windows-1252", "meta-koi8-r"],
)
def test_bytes_are_decoded_as_a_browser_would(data: bytes, encoding: str) -> None:
    result = cleaner.clean(data)
    assert result.manifest["source"]["format"] == "html"
    assert result.manifest["source"]["encoding"].replace("-", "_") == encoding.replace("-", "_")
    assert not result.warnings
    assert "\ufffd" not in result.text


def test_undeclared_legacy_bytes_fall_back_with_a_warning() -> None:
    data = page().replace("Tuesday", "Tuesday in Mal\u00f6").encode("latin-1")
    result = cleaner.clean(data)
    assert any(w["code"].startswith("decode") for w in result.warnings)
    assert "Mal\u00f6" in result.text


def test_select_rule_removes_the_node_with_its_span_and_selector() -> None:
    box = '<div class="newsletter-signup"><p>Sign up for our morning briefing and get every local story in your inbox daily.</p></div>'
    source = page(box)
    result = cleaner.clean(source)
    assert "morning briefing" not in result.text
    removal = next(r for r in result.removed if r["rule"] == "dom-social.newsletter")
    assert removal["detail"] == {"selector": "[class~='newsletter-signup']"}
    assert removal["text"] == box == source[removal["start"]:removal["end"]]


def test_every_removal_points_into_the_source_in_order() -> None:
    source = page('<div class="share-buttons"><p>Share this on Facebook</p></div>')
    result = cleaner.clean(source)
    starts = [(r["start"], r["end"]) for r in result.removed]
    assert starts == sorted(starts)
    for removal in result.removed:
        assert removal["text"] == source[removal["start"]:removal["end"]]
    assert {r["rule"] for r in result.removed} >= {"dom-social.share-bar", "extract.title"}


def test_guard_stops_a_selector_that_would_take_the_article(tmp_path: Path) -> None:
    (tmp_path / "wide.toml").write_text(
        '[pack]\nid = "wide"\nsummary = "A careless selector."\n\n[[rule]]\nid = "wide.story"\n'
        'summary = "Matches the article wrapper."\nwhy = "A test of the guard."\nkind = "select"\n'
        'selectors = ["article.story"]\n', encoding="utf-8")
    result = Cleaner(rules_dirs=[tmp_path]).clean(page())
    assert P1 in result.text and P3 in result.text
    assert not [r for r in result.removed if r["rule"] == "wide.story"]
    assert any(w["code"] == "guard" and w.get("rule") == "wide.story" for w in result.warnings)


def test_site_pack_select_rules_follow_the_url(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(
        '[pack]\nid = "site"\nsummary = "One site."\ndomains = ["example.org"]\n\n[[rule]]\nid = "site.box"\n'
        'summary = "The site\'s box."\nwhy = "A test."\nkind = "select"\nselectors = ["div.box"]\n', encoding="utf-8")
    engine = Cleaner(rules_dirs=[tmp_path])
    source = page('<div class="box"><p>A box that only this site prints, long enough to be kept by extraction otherwise.</p></div>')
    on_site = engine.clean(source, url="https://www.example.org/a")
    elsewhere = engine.clean(source, url="https://other.example.com/a")
    assert [r["rule"] for r in on_site.removed if r["rule"] == "site.box"] == ["site.box"]
    assert {"id": "site", "why": "domain", "evidence": "example.org"} in on_site.manifest["packs"]
    assert not [r for r in elsewhere.removed if r["rule"] == "site.box"]


def test_text_dropped_by_extraction_is_accounted_for() -> None:
    source = page().replace("<body>", "<body><nav><a href='/'>Home</a> <a href='/world'>World news</a></nav>")
    result = cleaner.clean(source)
    dropped = [r for r in result.removed if r["rule"] == "extract.trafilatura"]
    assert any("World news" in r["text"] for r in dropped)


def test_cleaning_is_deterministic() -> None:
    source = page('<div id="comments"><p>A reader comment that is long enough to look like prose to the extractor.</p></div>')
    engine = Cleaner()
    assert engine.clean(source).manifest_json() == engine.clean(source).manifest_json()


def test_empty_extraction_falls_back_with_a_warning() -> None:
    links = '<ul><li><a href="/a">Home</a></li><li><a href="/b">World</a></li></ul>'
    result = cleaner.clean(f"<html><body>{links}</body></html>")
    assert result.text == "Home World\n"  # never an empty page when the page has text
    assert any(w["code"] == "extract-fallback" for w in result.warnings)


def test_last_resort_fallback_keeps_no_script_or_style_code() -> None:
    # trafilatura finds nothing in a footer, even favouring recall: every visible line is kept, and
    # program code is no visible line (lexbor returns it with the text around it).
    code = "<script>var tracker = 1;</script><style>p{color:red}</style>"
    result = cleaner.clean(f"<html><head>{code}</head><body><footer>Site footer text</footer>{code}</body></html>")
    assert result.text == "Site footer text\n"
    assert any(w["code"] == "extract-fallback" for w in result.warnings)
    assert not any(w["code"] == "paragraph-unlocated" for w in result.warnings)


@pytest.mark.parametrize("body", [
    "<p>One  line</p>\n\n  <div>\t two\r\nthree </div>",
    "<p>\xa0\u2028 \x0b</p><p>a\x1cb\u3000c</p>\n \n<p> \u200b x</p>",
    "",
])
def test_page_lines_are_each_visible_lines_canonical_paragraph(body: str) -> None:
    # page_lines folds the lines with iterators that run in C: the same lines as the plain form.
    from cleaner.canonical import canonical_paragraph
    from cleaner.html import page_lines, parse_dom

    tree = parse_dom(f"<html><body>{body}</body></html>")
    raw = tree.body.text(separator="\n") if tree.body is not None else ""
    expected = [line for line in map(canonical_paragraph, raw.split("\n")) if line]
    assert page_lines(tree) == expected


def test_visible_lines_leave_out_scripts_and_style_sheets() -> None:
    page = "<html><head><style>h1{}</style></head><body><p>Hello</p><script>track()</script><noscript>Enable JS</noscript></body></html>"
    assert visible_lines(page) == ["Hello", "Enable JS"]


def test_rules_load_select_packs() -> None:
    kinds = {rule.kind for rule in load_rules().rules()}
    assert "select" in kinds


def test_character_references_map_to_their_whole_span() -> None:
    source = page().replace("parking.", "parking &amp; deliveries.")
    result = cleaner.clean(source)
    assert "parking & deliveries." in result.text
    title = next(r for r in result.removed if r["rule"] == "extract.title")
    assert source[title["start"]:title["end"]] == "Bus lane extended"


def test_rescue_adds_missed_prose_in_page_order() -> None:
    from cleaner.html import rescue
    from cleaner.html_source import VisibleText, scan

    source = f"<div><p>{P1}</p></div><div><p>{P2}</p><p>{P3}</p></div>"
    visible = VisibleText(source, scan(source).run_bounds)
    first = visible.span(*visible.find(P1, 0))  # type: ignore[misc]
    warnings: list = []
    blocks = rescue([cleaner.document.Block(0, P1, *first)], [P2, P3], visible, warnings)
    assert [b.text for b in blocks] == [P1, P2, P3]
    assert [b.index for b in blocks] == [0, 1, 2]
    assert all(source[b.start:b.end].startswith(b.text[:10]) for b in blocks)
    assert [w.code for w in warnings] == ["extract-rescue"]


def test_cli_cleans_an_html_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cleaner.cli import app

    (tmp_path / "story.html").write_text(page(), encoding="utf-8")
    assert CliRunner().invoke(app, ["clean", str(tmp_path), "--quiet"]).exit_code == 0
    assert (tmp_path / "story.clean.txt").read_text(encoding="utf-8") == f"{P1}\n\n{P2}\n\n{P3}\n"


def test_a_table_row_of_short_cells_is_one_paragraph() -> None:
    from cleaner.html_extract import parse_xml

    xml = ("<doc><main><p>Standings after the last race:</p><table><row><cell>1</cell><cell>Kyle Busch</cell>"
           "<cell>5040</cell></row><row><cell>2</cell><cell>Martin Truex Jr.</cell><cell>5035</cell></row></table>"
           f"<table><row><cell>Photo</cell><cell><p>{P1}</p><p>{P2}</p></cell></row></table></main></doc>")
    paragraphs = parse_xml(xml).paragraphs
    assert [(p.text, p.kind) for p in paragraphs] == [
        ("Standings after the last race:", "p"), ("1 Kyle Busch 5040", "row"), ("2 Martin Truex Jr. 5035", "row"),
        # A layout table's cells stay apart, and so do the paragraphs in one of its cells.
        ("Photo", "cell"), (P1, "p"), (P2, "p")]


def test_a_headline_byline_and_paragraph_in_one_layout_cell_are_three_blocks() -> None:
    page = ("<html><body><table><tr><td width='150'><a href='/'>Home</a></td><td width='610'>"
            "<div class='storyhead'>School board delays vote on later start times</div>"
            "<div class='dateline'>Posted: 09/30/2024</div>"
            f"<div class='storytext'>{P1}<br><br>{P2}<br><br>{P3}</div></td></tr></table></body></html>")
    text = cleaner.clean(page, format="html").text
    assert text == f"School board delays vote on later start times\n\n{P1}\n\n{P2}\n\n{P3}\n"


def test_table_rows_stay_with_the_article_and_clean_text_is_a_fixed_point() -> None:
    rows = "".join(f"<tr><td>{n}</td><td>Driver {name}</td><td>{5040 - n * 7}</td><td>{n % 3}</td></tr>"
                   for n, name in enumerate(["Busch", "Truex", "Harvick", "Hamlin", "Logano", "Blaney"], 1))
    source = page(f"<p>The standings after the last race of the season:</p><table>{rows}</table>")
    result = cleaner.clean(source)
    assert "1 Driver Busch 5033 1" in result.text.splitlines()
    assert "6 Driver Blaney 4998 0" in result.text.splitlines()
    assert cleaner.clean(result.text, format="text").text == result.text


def test_paragraph_rewritten_inside_is_located_by_its_ends() -> None:
    from cleaner.html import locate
    from cleaner.html_extract import Paragraph
    from cleaner.html_source import VisibleText, scan

    # The extractor left a link's text out of the paragraph; the page's version is kept, with its span.
    source = ('<p>The council voted on Tuesday to <a href="/x">extend the bus lane</a> along the river road, '
              f"after a long debate about parking.</p><p>{P2}</p>")
    rewritten = "The council voted on Tuesday to along the river road, after a long debate about parking."
    warnings: list = []
    blocks = locate([Paragraph(rewritten, "p"), Paragraph(P2, "p")], VisibleText(source, scan(source).run_bounds), warnings)
    assert [b.text for b in blocks] == [P1, P2]
    located = source[blocks[0].start:blocks[0].end]
    assert located.startswith("The council") and located.endswith("parking.")
    assert blocks[0].end <= blocks[1].start
    assert warnings == []


def test_a_paragraph_found_twice_takes_a_place_no_other_holds() -> None:
    from cleaner.html import locate
    from cleaner.html_extract import Paragraph
    from cleaner.html_source import VisibleText, scan

    source = f"<p>{P1}</p><p>{P2}</p><p>{P1}</p>"
    blocks = locate([Paragraph(P2, "p"), Paragraph(P1, "p"), Paragraph(P1, "p")],
                    VisibleText(source, scan(source).run_bounds), [])
    spans = sorted((b.start, b.end) for b in blocks)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert len(set(spans)) == 3


def test_rescue_takes_a_missed_paragraph_between_two_extracted_ones() -> None:
    from cleaner.html import rescue
    from cleaner.html_source import VisibleText, scan

    lead = "A standfirst that the extractor skipped because it sits in its own container on the page."
    source = f"<p>{P1}</p><div class='lead'><p>{lead}</p></div><p>{P2}</p><p>{P3}</p><p>A teaser below the story, long enough.</p>"
    visible = VisibleText(source, scan(source).run_bounds)
    blocks = [cleaner.document.Block(i, text, *visible.span(*visible.find(text, 0)))  # type: ignore[misc]
              for i, text in enumerate([P1, P2, P3])]
    outside = "A teaser below the story, long enough, that is not between the paragraphs of the article."
    rescued = rescue(blocks, [lead, outside], visible, [])
    assert [b.text for b in rescued] == [P1, lead, P2, P3]  # a small gain only between paragraphs


def test_select_matches_nested_only_in_the_source_give_one_removal() -> None:
    # A <div> inside a <p>: the parser closes the paragraph before the div (siblings in the DOM),
    # while in the source the paragraph's span holds the div. One removal covers both.
    source = page('<p class="share-buttons">Share this story <div class="related-posts"><p>Other story about '
                  'buses and lanes in the city.</p></div></p>')
    result = cleaner.clean(source)
    pruned = [r for r in result.removed if r["rule"].startswith("dom-")]
    assert [r["rule"] for r in pruned] == ["dom-social.share-bar"]
    assert "Other story" in pruned[0]["text"]
    spans = [(r["start"], r["end"]) for r in result.removed]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_an_extractor_that_raises_falls_back_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura re-parses its own XML output and can trip over odd markup (an upstream bug).
    import cleaner.html_extract

    def broken(*args: object, **kwargs: object) -> str:
        raise ValueError("Specification mandates value for attribute comments")

    monkeypatch.setattr(cleaner.html_extract, "_extract_xml", broken)
    page = ('<html><body><p>The ministry said on Tuesday that the ceasefire would hold for another day, '
            'officials confirmed.</p></body></html>')
    result = cleaner.clean(page, format="html")
    assert "The ministry said on Tuesday" in result.text
    (error,) = [w for w in result.warnings if w["code"] == "extract-error"]
    assert "ValueError: Specification mandates value" in error["message"]


def test_second_opinion_asked_only_when_a_gap_could_hold_a_rescued_paragraph() -> None:
    from cleaner.html import _room_for_rescue, locate
    from cleaner.html_extract import Paragraph
    from cleaner.html_source import VisibleText, scan

    prose = "A sentence of the article that goes on long enough to count as a paragraph of prose, really it does."
    short = "<p>Menu</p>"

    def blocks_of(source: str, texts: list[str]) -> list:
        return locate([Paragraph(t, "p") for t in texts], VisibleText(source, scan(source).run_bounds), [])

    covered = f"<body>{short}<p>{prose}</p><p>{prose} Again.</p>{short}</body>"
    visible = VisibleText(covered, scan(covered).run_bounds)
    assert not _room_for_rescue(blocks_of(covered, [prose, prose + " Again."]), visible)
    # A paragraph-sized gap between two blocks: rescue could add it, so the second opinion is asked.
    gapped = f"<body><p>{prose}</p><div>{prose} Inside.</div><p>{prose} Again.</p></body>"
    visible = VisibleText(gapped, scan(gapped).run_bounds)
    assert _room_for_rescue(blocks_of(gapped, [prose, prose + " Again."]), visible)
    # Long text after the last block counts only when it could be half of what the blocks hold.
    tail = f"<body><p>{prose}</p><p>{prose} Again.</p><div>{prose} After.</div></body>"
    visible = VisibleText(tail, scan(tail).run_bounds)
    assert _room_for_rescue(blocks_of(tail, [prose, prose + " Again."]), visible)
    texts = [f"{prose} Part {n}." for n in range(5)]
    long_tail = "<body>" + "".join(f"<p>{t}</p>" for t in texts) + f"<div>{prose} After.</div></body>"
    visible = VisibleText(long_tail, scan(long_tail).run_bounds)
    assert not _room_for_rescue(blocks_of(long_tail, texts), visible)


def test_second_opinion_asked_only_when_the_pages_own_prose_could_be_rescued() -> None:
    from cleaner.html import _letters_of, _may_rescue, locate, parse_dom
    from cleaner.html_extract import Paragraph, page_prose
    from cleaner.html_source import VisibleText, scan

    prose = "A sentence of the article that goes on long enough to count as a paragraph of prose, really it does."
    texts = [f"{prose} Part {n}." for n in range(5)]

    def asks(body: str) -> bool:
        source = f"<html><body>{body}</body></html>"
        visible = VisibleText(source, scan(source).run_bounds)
        blocks = locate([Paragraph(t, "p") for t in texts], visible, [])
        return _may_rescue(blocks, visible, _letters_of(blocks), page_prose(parse_dom(source)))

    article = "".join(f"<p>{t}</p>" for t in texts)
    assert not asks(article)  # nothing missing
    assert not asks(article + f"<p>{prose} A comment below.</p>")  # a small gain after the last block
    assert asks(f"<p>{texts[0]}</p><p>{prose} Between.</p>" + "".join(f"<p>{t}</p>" for t in texts[1:]))
    assert asks(article + "".join(f"<p>{prose} Missed {n}.</p>" for n in range(3)))  # half as much again
    # A standfirst between two blocks, in a <div> of inline markup only (no text of its own): the
    # second opinion reads the div as one paragraph.
    standfirst = f"<div class='lead'><span>{prose}</span> <i>Read on.</i></div>"
    assert asks(f"<p>{texts[0]}</p>{standfirst}" + "".join(f"<p>{t}</p>" for t in texts[1:]))


def test_the_extraction_tree_reads_as_trafilatura_prints_it() -> None:
    # xml_tree skips printing the XML and parsing the print again: the paragraphs must be the same.
    from trafilatura.core import determine_returnstring
    from trafilatura.settings import Extractor

    from cleaner.html_extract import EXTRACT_OPTIONS, Trafilatura, parse, parse_xml, read_xml, xml_tree
    from tests.conftest import html_sources

    sources = html_sources(40)
    trafilatura = Trafilatura.load()
    compared = 0
    for source in sources:
        tree = parse(source)
        if tree is None:
            continue
        options = Extractor(output_format="xml", fast=True, precision=True, tables=True, comments=False, dedup=False)
        printed = trafilatura.bare_extraction(tree, options=options)
        unprinted = trafilatura.bare_extraction(tree, options=options)
        if printed is None:
            continue
        assert read_xml(xml_tree(unprinted)) == parse_xml(determine_returnstring(printed, options))
        compared += 1
    assert compared >= 2
    assert EXTRACT_OPTIONS["output_format"] == "xml"


@pytest.mark.parametrize("recall", [False, True])
def test_the_callers_tree_stays_whole_and_the_owned_copy_is_not_copied_again(recall: bool) -> None:
    from lxml import etree

    from cleaner import html_extract

    tree = html_extract.parse(page('<aside>Read more</aside><script>var x = 1;</script>'))
    before = etree.tostring(tree)
    given: list[object] = []
    trafilatura = html_extract.Trafilatura.load()

    def spy(htmlobject: object, **options: object) -> object:
        given.append(htmlobject)
        return trafilatura.bare_extraction(htmlobject, **options)

    extraction = html_extract.extract(tree, None, recall=recall, trafilatura=html_extract.Trafilatura(spy, trafilatura.load_html))
    assert [p.text for p in extraction.paragraphs][-3:] == [P1, P2, P3]
    assert etree.tostring(tree) == before
    # Outside recall mode cleaner prunes its own copy, and trafilatura takes that copy as it is.
    assert isinstance(given[0], html_extract.OwnedTree) != recall


def test_the_faster_parser_builds_the_trees_trafilatura_builds() -> None:
    # Same settings as trafilatura's parser, and the same elements; only their classes' lookup differs.
    from lxml import etree
    from lxml import html as lxml_html
    from trafilatura import utils

    from cleaner.html_extract import PARSER_SETTINGS, Trafilatura
    from tests.conftest import html_sources

    sources = html_sources() + [
        '<html><body><form action="/s"><label>Find</label><input name="q"><select><option>a</select>'
        '<textarea>t</textarea></form><!-- note --><?pi x?></body></html>', "<p>a fragment</p>", ""]
    load_html = Trafilatura.load().load_html
    assert utils.HTML_PARSER.__class__ is lxml_html.HTMLParser and set(PARSER_SETTINGS) >= {"remove_comments", "encoding"}
    for source in sources:
        theirs, ours = utils.load_html(source), load_html(source)
        assert (theirs is None) == (ours is None)
        if ours is not None:
            assert etree.tostring(ours.getroottree(), encoding="unicode") == etree.tostring(theirs.getroottree(), encoding="unicode")
            assert {type(element) for element in ours.iter()} <= {lxml_html.HtmlElement}


@pytest.mark.parametrize("recall", [False, True])
def test_settings_made_once_are_the_ones_made_for_each_page(recall: bool) -> None:
    # Trafilatura.load makes trafilatura's settings for pages without an address once; they must
    # be the ones a fresh Extractor holds, and an extraction must not change them.
    from trafilatura.settings import Extractor

    from cleaner import html_extract

    options = html_extract.RECALL_OPTIONS if recall else html_extract.EXTRACT_OPTIONS
    trafilatura = html_extract.Trafilatura.load()
    assert trafilatura.settings is not None
    shared = trafilatura.settings[recall]

    def slots(settings: object) -> dict[str, object]:
        return {name: getattr(settings, name) for name in Extractor.__slots__}

    assert slots(shared) == slots(html_extract.extractor_settings(options, None))
    used: list[object] = []

    def spy(htmlobject: object, **given: object) -> object:
        used.append(given["options"])
        return trafilatura.bare_extraction(htmlobject, **given)

    with_spy = html_extract.Trafilatura(spy, trafilatura.load_html, trafilatura.settings)
    tree = html_extract.parse(page(f"<p>{P1}</p>"))
    first = html_extract.extract(tree, None, recall=recall, trafilatura=with_spy)
    assert used == [shared]
    assert slots(shared) == slots(html_extract.extractor_settings(options, None))
    assert html_extract.extract(tree, None, recall=recall, trafilatura=with_spy) == first
    # A page with an address gets settings of its own, which carry it.
    html_extract.extract(tree, "https://example.org/a", recall=recall, trafilatura=with_spy)
    assert used[-1] is not shared and used[-1].url == "https://example.org/a"
