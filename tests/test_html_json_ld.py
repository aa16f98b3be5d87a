"""cleaner's JSON-LD reading gives what trafilatura's `extract_meta_json` gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.json_metadata import normalize_json
from trafilatura.metadata import JSON_MINIFY, extract_meta_json
from trafilatura.settings import Document

from bench.metric import DEFAULT_BENCH, load_pages
from cleaner.html_extract import parse
from cleaner.html_json_ld import JSON_LD_SCRIPTS, meta_json, minified_json, normalized_json

# JSON-ish text: strings with escapes, unterminated quotes, white space of every kind, surrogates.
PIECES = ['"', '\\"', "\\\\", "\\n", "\\t", "\\u00e9", "\\ud83d", "\\ude00", " ", "\t", "\n", "\u00a0", "\u2003",
          "\x1c", "{", "}", ":", ",", "[", "]", "a", "Jane Doe", "<b>", "&amp;", "\ud800", "é"]
def fields(document: Document) -> dict[str, object]:
    """The metadata fields (each new Document also holds empty bodies of its own)."""
    return {name: getattr(document, name, None) for name in Document.__slots__ if name not in ("body", "commentsbody")}


json_ish = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(json_ish)
def test_minify_and_normalise_as_trafilatura_does(text: str) -> None:
    assert minified_json(text) == JSON_MINIFY.sub(r"\1", text)
    assert normalized_json(minified_json(text)) == normalize_json(JSON_MINIFY.sub(r"\1", text))


def test_a_real_schema_reads_the_same() -> None:
    page = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
            ' "headline": "Bus lane\\n extended", "author": {"@type": "Person", "name": "Jane Doe"},'
            ' "publisher": {"@type": "Organization", "name": "The Gazette \\u00e9"}}</script></head>'
            '<body><p>x</p><p>y</p></body></html>')
    tree = parse(page)
    assert fields(meta_json(tree, Document())) == fields(extract_meta_json(tree, Document()))
    found = meta_json(tree, Document())
    assert (found.title, found.author, found.sitename) == ("Bus lane extended", "Jane Doe", "The Gazette é")


def test_the_dev_pages_json_ld_reads_the_same() -> None:
    compared = 0
    for page in load_pages(DEFAULT_BENCH):
        tree = parse(page.html().decode("utf-8", "replace"))
        if tree is None:
            continue
        for script in tree.xpath(JSON_LD_SCRIPTS):
            text = script.text or ""
            assert normalized_json(minified_json(text)) == normalize_json(JSON_MINIFY.sub(r"\1", text))
            compared += 1
        assert fields(meta_json(tree, Document())) == fields(extract_meta_json(tree, Document()))
    assert compared > 50
