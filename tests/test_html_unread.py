"""html_unread: what is cut from the text the lxml parser reads, what is kept, and that the result
(text, metadata, manifest) is what the uncut page gives."""

from __future__ import annotations

import pytest

import cleaner
import cleaner.html as html_path
from cleaner.html import without
from cleaner.html_source import scan
from cleaner.html_unread import unread_spans

P1 = "The council voted on Tuesday to extend the bus lane along the river road, after a long debate about parking."
P2 = "Work starts in spring and the city expects the new lane to cut journey times on the route by a fifth."
P3 = "Shop owners on the road said they would watch the first months closely before deciding whether to object."
JSON_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
           '"headline": "Bus lane extended", "datePublished": "2024-03-05", '
           '"author": {"@type": "Person", "name": "Ana Lopes"}}</script>')


def cut(source: str) -> str:
    return without(source, unread_spans(scan(source)))


def test_scripts_styles_svg_templates_and_comments_are_cut() -> None:
    source = ('<html><head><style>p { color: red }</style><script src="a.js"></script></head><body>'
              "<!-- tracking pixel --><p>Before <svg><title>icon</title><svg><path d='M0'/></svg></svg>after</p>"
              "<template><p>Cloned later</p></template><script>var x = 1;</script><p>End</p></body></html>")
    assert cut(source) == "<html><head></head><body><p>Before after</p><p>End</p></body></html>"


def test_json_data_scripts_are_kept() -> None:
    settings = '<script type="application/settings+json">{"date": "2024-03-05"}</script>'
    source = f"<html><head>{JSON_LD}{settings}<script>track()</script></head><body><p>Text</p></body></html>"
    assert cut(source) == f"<html><head>{JSON_LD}{settings}</head><body><p>Text</p></body></html>"


def test_a_script_inside_text_leaves_the_words_around_it() -> None:
    source = "<p>The vote <script>document.write('<b>ad</b>')</script>passed.</p>"
    assert cut(source) == "<p>The vote passed.</p>"


def test_markup_inside_raw_text_and_comments_is_not_taken_for_tags() -> None:
    # A start tag written inside a script or a comment opens nothing: what follows stays.
    source = '<script>var s = "<svg>";</script><p>Kept</p><!-- <template> --><p>Also kept</p>'
    assert cut(source) == "<p>Kept</p><p>Also kept</p>"


def test_end_tags_match_case_insensitively_and_with_space() -> None:
    assert cut("<p>A</p><SCRIPT>x()</script ><Style>b{}</STYLE><p>B</p>") == "<p>A</p><p>B</p>"


@pytest.mark.parametrize("source", [
    "<p>Text</p><script>never closed",
    "<p>Text</p><svg><text>an open drawing</text><p>More text</p>",
    "<p>Text</p><template><p>open</p>",
    "<p>Text</p><!-- an open comment",
])
def test_unclosed_elements_are_left_to_the_parser(source: str) -> None:
    # An unclosed comment runs to the end in the scan as in the parser: it is cut. An element whose
    # end tag never comes is left whole, as is everything after it.
    expected = "<p>Text</p>" if "<!--" in source else source
    assert cut(source) == expected


def test_a_stray_end_tag_and_a_self_closing_svg_cut_nothing() -> None:
    source = "<p>One</p></script><svg/><p>Two</p></template>"
    assert cut(source) == source


def page(extra: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Bus lane extended</title>{JSON_LD}"
            "<style>.story { margin: 0 }</style><script>window.dataLayer = [];</script></head><body>"
            f'<!-- header --><article class="story"><h1>Bus lane extended</h1><p>{P1}</p>'
            f'<p>{P2} <svg viewBox="0 0 1 1"><title>share</title></svg></p>{extra}<p>{P3}</p></article>'
            "<noscript><img src='pixel.gif'></noscript><script>analytics('page');</script></body></html>")


def test_article_metadata_and_manifest_are_those_of_the_uncut_page(monkeypatch: pytest.MonkeyPatch) -> None:
    source = page('<div class="share-buttons"><p>Share this on Facebook</p></div><script>ads()</script>')
    result = cleaner.clean(source, url="https://news.example.com/bus-lane")
    assert result.text == f"{P1}\n\n{P2}\n\n{P3}\n"
    assert result.metadata["date"] == "2024-03-05"  # from the JSON-LD, which is kept
    assert result.metadata["author"] == "Ana Lopes"
    for removal in result.removed:
        assert removal["text"] == source[removal["start"]:removal["end"]]
    # The cut changes what the parser reads, not the result.
    monkeypatch.setattr(html_path, "unread_spans", lambda scanned: [])
    uncut = cleaner.clean(source, url="https://news.example.com/bus-lane")
    assert (uncut.text, uncut.manifest_json()) == (result.text, result.manifest_json())
