"""Main-content extraction with trafilatura: the pruned page in, paragraphs and metadata out.

One call, its options named once here: no comments, no process-global duplicate cache (its output
would depend on what was cleaned before), precision over recall (cleaner's own rules and
duplicate collapse run afterwards, and a false removal is worse than leftover furniture). The
XML output keeps paragraphs apart and says what each one was (paragraph, heading, list item ...).
"""

from __future__ import annotations

from collections.abc import Callable
from copy import copy
from dataclasses import dataclass
from typing import Any, NamedTuple

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement
from selectolax.lexbor import LexborHTMLParser

from .canonical import canonical_paragraph
from .html_author import find_author
from .html_json_ld import meta_json

# trafilatura.utils.HTML_PARSER's settings (lxml keeps no record of them to copy).
PARSER_SETTINGS: dict[str, object] = {
    "collect_ids": False, "default_doctype": False, "encoding": "utf-8", "remove_comments": True, "remove_pis": True,
}
EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "deduplicate": False,
    "favor_precision": True,
    "include_tables": True,
    "with_metadata": False,  # page_metadata reads only the fields cleaner keeps
    "output_format": "xml",
    "fast": True,
}
# What a retry loosens when the precise extraction finds (almost) nothing.
RECALL_OPTIONS: dict[str, object] = {**EXTRACT_OPTIONS, "favor_precision": False, "favor_recall": True}
# Elements of trafilatura's XML that hold one paragraph of text each.
LEAF_TAGS = ("p", "head", "item", "cell", "quote", "code")
# A table row whose cells are all this short, with no paragraphs or line breaks inside, is one
# line of data (`1 Kyle Busch 5040 5 1 17 27`), as a scraper writes it in plain text; a row of a
# layout table, whose cells hold paragraphs, keeps its cells apart.
ROW_CELL_MAX_CHARS = 150
# The second opinion only brings back paragraphs that read as prose: this long, ending a sentence.
RESCUE_TAGS = ("p", "li", "blockquote")
RESCUE_MIN_CHARS = 100
PROSE_SELECTOR = ", ".join((*RESCUE_TAGS, "div", "section", "article", "td"))
# The second opinion turns a <div> with none of these inside into a paragraph of its whole text
# (readability's tags starting with DIV_TO_P_PREFIXES, as HTML names them).
INLINE_DIVS = "div:not(:has({}))".format(", ".join((
    "address", "article", "aside", "audio", "blockquote", "dl", "div", "img", "ol", "p", "pre", "picture", "param",
    "progress", "table", "ul")))
SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "\u2019")
LINE_BREAK = "\ue000"  # a private-use character: trafilatura never emits it, XML allows it
# trafilatura's default (its settings.cfg), which `extract` applies to dates.
EXTENSIVE_DATE_SEARCH = True
# Elements trafilatura's tree cleaning deletes (its MANUALLY_CLEANED, tails kept) whatever they
# hold, stripped from its copy of the page beforehand: its raw-tree XPath passes then walk fewer
# nodes. Not <script> (its JSON-LD is read), <figure> (one holding a table is kept as a <div>),
# <form> (trafilatura keeps some), <math> (formulas are salvaged) or <head>.
# Then as well: the rest of those elements (`label`, `time`, `link`, `option` ...), and what its
# tree cleaning strips (empty elements that end the text run they are in: `meta`, `img`, `wbr`).
PRUNED_BEFORE_EXTRACTION = (
    "aside", "nav", "footer", "menu", "iframe", "noscript", "svg", "style", "embed", "object", "canvas",
    "video", "audio", "picture", "button", "input", "select", "textarea",
    "fencedframe", "applet", "map", "area", "blink", "datalist", "dialog", "frame", "frameset", "fieldset",
    "link", "label", "legend", "marquee", "menuitem", "noindex", "optgroup", "option", "output", "param",
    "progress", "rp", "rt", "rtc", "source", "track", "time", "use", "meta", "img", "wbr",
)
# The one kind of <script> trafilatura reads before its cleaning deletes them all (to tell a
# discussion forum by its schema.org type); <head> holds nothing else it reads.
JSON_LD = "application/ld+json"
METADATA_ATTRIBUTES = {"title": "title", "date": "date", "author": "author", "sitename": "source_name"}


@dataclass(frozen=True)
class Trafilatura:
    """trafilatura's extraction as cleaner calls it: its own code, in a copy whose pruning and body
    XPath expressions run as the equivalent walks of cleaner/xpath_walks.py (a fifth of the HTML
    path otherwise) and which makes no backup copy that cleaner's options leave unread
    (cleaner/trafilatura_steps.py); and its page loader, in a copy whose parser makes every element
    a plain HtmlElement (`element_lookup_parser`). trafilatura's own modules are left as they are
    (cleaner/rebound.py)."""

    bare_extraction: Callable[..., Any]
    load_html: Callable[[str], HtmlElement | None]
    # trafilatura's settings for a page without an address, precise and recall-oriented, made once:
    # reading them from its configuration costs a third of a millisecond a page. trafilatura
    # shares one settings object between its own calls too; a page with an address gets its own.
    settings: tuple[Any, Any] | None = None

    @classmethod
    def load(cls) -> Trafilatura:
        from trafilatura import core, main_extractor, utils, xpaths

        from .rebound import rebound
        from .trafilatura_steps import without_unread_backup
        from .xpath_walks import STANDS, walked

        replacements: dict[str, object] = {name: walked(name, getattr(xpaths, name)) for name in STANDS}
        replacements["load_html"] = _owned_or_loaded(core.load_html)
        namespaces = rebound((core, main_extractor), replacements)
        without_unread_backup(namespaces[core.__name__], core)
        loader = rebound((utils,), {"HTML_PARSER": element_lookup_parser()})
        return cls(namespaces[core.__name__]["bare_extraction"], loader[utils.__name__]["load_html"],
                   (extractor_settings(EXTRACT_OPTIONS, None), extractor_settings(RECALL_OPTIONS, None)))

    def settings_for(self, url: str | None, *, recall: bool) -> Any:
        """trafilatura's settings for a page: the ones made at load when the page has no address."""
        if url is None and self.settings is not None:
            return self.settings[recall]
        return extractor_settings(RECALL_OPTIONS if recall else EXTRACT_OPTIONS, url)


def element_lookup_parser() -> lxml_html.HTMLParser:
    """trafilatura's HTML parser (its settings, PARSER_SETTINGS), but every element is an HtmlElement,
    its class chosen inside lxml.

    lxml.html's own parsers ask a Python method for the class of every element proxy they make
    (five form tags get classes whose extra methods neither trafilatura nor cleaner call), and the
    extraction's walks make proxies of the same elements many times over: 3.6% of the HTML path's
    instructions. The trees are the same (tests/test_html.py compares them on the dev pages).
    """
    parser = lxml_html.HTMLParser(**PARSER_SETTINGS)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity))
    return parser


class OwnedTree(NamedTuple):
    """A tree copied for one extraction alone. trafilatura copies a tree it is given, so that the
    caller's stays whole; this one it may change, and one deep copy of the page is saved."""

    tree: HtmlElement


def _owned_or_loaded(load_html: Callable[..., HtmlElement | None]) -> Callable[..., HtmlElement | None]:
    """trafilatura's `load_html`, but an OwnedTree is taken as it is: `bare_extraction` copies the
    tree only when `load_html` hands back the very object it was given."""

    def load(htmlobject: object, max_size: int | None = None) -> HtmlElement | None:
        if isinstance(htmlobject, OwnedTree):
            return htmlobject.tree
        return load_html(htmlobject, max_size)

    return load


@dataclass(frozen=True)
class Paragraph:
    text: str  # canonical form
    kind: str  # the XML element it came from: p, head, item, cell, quote, code; row (cells joined)


@dataclass(frozen=True)
class Extraction:
    paragraphs: list[Paragraph]
    metadata: dict[str, str]
    error: str | None = None  # why the extractor gave up, when it raised instead of answering


def parse(page: str, trafilatura: Trafilatura | None = None) -> HtmlElement | None:
    """The page parsed once, the way trafilatura parses it, for every extractor that reads it.
    `trafilatura` (Cleaner.trafilatura): its loader, with the faster parser; trafilatura's own otherwise."""
    if trafilatura is not None:
        return trafilatura.load_html(page)
    from trafilatura.utils import load_html

    return load_html(page)


def extract(tree: HtmlElement | None, url: str | None, *, recall: bool = False,
            trafilatura: Trafilatura | None = None) -> Extraction:
    """trafilatura on the parsed page (it works on its own copy; `tree` is left as it was).
    `trafilatura` is its extraction loaded once (Cleaner.trafilatura); loaded here when not given."""
    if tree is None:
        return Extraction([], {})
    metadata = page_metadata(tree, url)
    try:
        loaded = trafilatura or Trafilatura.load()
        xml = _extract_xml(tree, loaded.settings_for(url, recall=recall), loaded)
    except Exception as error:  # noqa: BLE001 - the extractor trips on some odd markup; fall back, never crash
        return Extraction([], metadata, f"{type(error).__name__}: {error}")
    if xml is None:
        return Extraction([], {})
    return Extraction(read_xml(xml).paragraphs, metadata)


def _extract_xml(tree: HtmlElement, extractor: Any, trafilatura: Trafilatura) -> etree._Element | None:
    """The XML that trafilatura.extract returns with these settings (an `Extractor`), as a tree,
    less the content fingerprint it hashes for the XML's metadata (cleaner never reads it; it costs
    a tenth of the extraction)."""
    from trafilatura.settings import Document

    given: HtmlElement | OwnedTree = tree  # in recall mode, trafilatura copies the caller's tree itself
    if not extractor.focus == "recall":  # in recall mode its cleaning may undo those deletions
        tree = copy(tree)  # the caller's tree stays whole
        etree.strip_elements(tree, *PRUNED_BEFORE_EXTRACTION, with_tail=False)
        _drop_scripts(tree)
        given = OwnedTree(tree)
    document = trafilatura.bare_extraction(given, options=extractor)
    if not isinstance(document, Document):
        return None
    return xml_tree(document)


def extractor_settings(options: dict[str, object], url: str | None) -> Any:
    """trafilatura's Extractor for these options, as `trafilatura.extract` makes it."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format=str(options["output_format"]), fast=bool(options["fast"]),
        precision=bool(options["favor_precision"]), recall=bool(options.get("favor_recall", False)),
        comments=bool(options["include_comments"]), tables=bool(options["include_tables"]),
        dedup=bool(options["deduplicate"]), url=url, with_metadata=bool(options["with_metadata"]))


def xml_tree(document: Any) -> etree._Element:
    """The tree that trafilatura's `determine_returnstring` prints for `output_format="xml"`, by its
    steps in their order, left unprinted: cleaner reads paragraphs from the tree, and printing it
    to parse the print again cost a twentieth of the HTML path (tests/test_html.py compares the two)."""
    from trafilatura import xml

    for element in document.body.iter("*"):
        if len(element) == 0 and not element.text and not element.tail and not xml.keeps_empty(element):
            xml.delete_element(element, keep_tail=False)
    xml.strip_double_tags(document.body)
    xml.remove_empty_elements(document.body)
    output = xml.sanitize_tree(xml.build_xml_output(document))
    # What trafilatura calls "necessary for cleaning": the tree printed and parsed without blank text.
    return etree.fromstring(etree.tostring(output, encoding="unicode"), xml.CONTROL_PARSER)


def _drop_scripts(tree: HtmlElement) -> None:
    """Every script but JSON-LD, and all else in <head>, as trafilatura's cleaning would (tails kept)."""
    for head in tree.iter("head"):
        for child in list(head):
            if not (child.tag == "script" and child.get("type") == JSON_LD):
                child.drop_tree()
    for script in [s for s in tree.iter("script") if s.get("type") != JSON_LD]:
        script.drop_tree()


def page_metadata(tree: HtmlElement, url: str | None) -> dict[str, str]:
    """Title, date, author and site name as trafilatura's `with_metadata` finds them.

    The same steps as trafilatura.metadata.extract_metadata, less the fields cleaner does not keep
    (categories, tags, licence, a content fingerprint): they cost as much as the extraction's
    first stage on a typical page.
    """
    from htmldate import find_date
    from trafilatura import metadata as found
    from trafilatura.settings import Document, set_date_params

    document = found.examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None
    try:
        document = meta_json(tree, document)
    except Exception:  # trafilatura's JSON-LD reader has bugs; it skips them the same way
        pass
    document.title = document.title or found.extract_title(tree)
    document.author = document.author or find_author(tree)
    document.url = document.url or found.extract_url(tree, url)
    document.date = find_date(tree, **{**set_date_params(EXTENSIVE_DATE_SEARCH), "url": document.url})
    document.sitename = document.sitename or found.extract_sitename(tree)
    if document.sitename:
        document.sitename = document.sitename.lstrip("@")
        if document.sitename and "." not in document.sitename and not document.sitename[0].isupper():
            document.sitename = document.sitename.title()
    elif document.url and (match := found.META_URL.match(document.url)):
        document.sitename = match[1]
    Document.clean_and_trim(document)
    values = {name: getattr(document, attribute) for attribute, name in METADATA_ATTRIBUTES.items()}
    return {name: canonical_paragraph(value) for name, value in values.items() if (value or "").strip()}


def second_opinion(tree: HtmlElement | None) -> list[str]:
    """Prose paragraphs that trafilatura's bundled readability port finds on the page.

    A different algorithm (the densest block of paragraphs, not trafilatura's tree rules): when it
    finds much more prose than the main extraction, the main extraction has missed part of the
    article (an article body split over several containers, say). It changes `tree`: the last
    reader of the page.
    """
    from trafilatura.readability_lxml import Document

    if tree is None:
        return []
    try:
        summary = Document(tree).summary()
    except Exception:  # readability gives up on odd pages; then there is no second opinion
        return []
    root = lxml_html.fromstring(summary) if isinstance(summary, str) else summary
    texts = (canonical_paragraph(element.text_content()) for element in root.iter(*RESCUE_TAGS))
    return [text for text in texts if is_prose_sentence(text)]


def page_prose(tree: LexborHTMLParser) -> list[str]:
    """Prose paragraphs of the (pruned) page as the parsed DOM holds them: a cheap stand-in for the
    second opinion's candidates, to tell whether running it could change anything.

    Paragraphs, list items and quotes by their whole text, other containers by their own text
    (readability makes paragraphs of a container's loose text), and a <div> with no block inside
    by its whole text as well (readability turns it into a paragraph).
    """
    raws = [node.text(deep=node.tag in RESCUE_TAGS) for node in tree.css(PROSE_SELECTOR)]
    raws += [node.text(deep=True) for node in tree.css(INLINE_DIVS)]
    # dict: a paragraph found both ways counts once
    return list(dict.fromkeys(text for raw in raws if len(raw) >= RESCUE_MIN_CHARS // 2
                              if is_prose_sentence(text := canonical_paragraph(raw))))


def is_prose_sentence(text: str) -> bool:
    return len(text) >= RESCUE_MIN_CHARS and text.endswith(SENTENCE_ENDS)


def parse_xml(xml: str) -> Extraction:
    """`read_xml` of trafilatura's XML output as a string."""
    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=True))
    return Extraction([], {}) if root is None else read_xml(root)


def read_xml(root: etree._Element) -> Extraction:
    """The paragraphs of trafilatura's XML output, and the metadata on its root."""
    metadata = {name: canonical_paragraph(root.get(attribute) or "")
                for attribute, name in METADATA_ATTRIBUTES.items() if (root.get(attribute) or "").strip()}
    main = root.find("main")
    paragraphs: list[Paragraph] = []
    if main is not None:
        _collect(main, paragraphs)
    return Extraction(paragraphs, metadata)


def _collect(container: etree._Element, paragraphs: list[Paragraph]) -> None:
    """Leaves in document order, and the loose text that trafilatura leaves between them."""
    _add(container.text, "p", paragraphs)
    for child in container:
        if child.tag in LEAF_TAGS and not (child.tag == "cell" and _holds_blocks(child)):
            _add(_text(child), child.tag, paragraphs)
        elif child.tag == "row" and is_data_row(child):
            _add(_text(child), "row", paragraphs)
        else:
            _collect(child, paragraphs)
        _add(child.tail, "p", paragraphs)


def _holds_blocks(cell: etree._Element) -> bool:
    """A layout table's cell: it holds paragraphs, headings, lists or tables of its own, each read
    as a block (a headline, a byline and the first paragraph in one cell are three blocks, not one)."""
    return any(child.tag in LEAF_TAGS or child.tag in ("list", "table") for child in cell)


def is_data_row(row: etree._Element) -> bool:
    """Cells only, each short and without block structure inside: the row reads as one line."""
    cells = list(row)
    return bool(cells) and all(
        cell.tag == "cell"
        and not any(piece.tag in LEAF_TAGS or piece.tag in ("list", "lb", "table") for piece in cell.iterdescendants())
        and len("".join(cell.itertext()).strip()) <= ROW_CELL_MAX_CHARS
        for cell in cells)


def _add(text: str | None, kind: str, paragraphs: list[Paragraph]) -> None:
    # A line break inside a paragraph ends a line, as it does in plain text: one block each.
    for line in (text or "").split(LINE_BREAK):
        if line := canonical_paragraph(line):
            paragraphs.append(Paragraph(line, kind))


def _text(element: etree._Element) -> str:
    """The element's text with line breaks marked and nested blocks kept apart by a space."""
    for piece in element.iterdescendants():
        if piece.tag == "lb":
            piece.tail = LINE_BREAK + (piece.tail or "")
        elif piece.tag in LEAF_TAGS or piece.tag in ("list", "row"):
            piece.text = " " + (piece.text or "")
            piece.tail = " " + (piece.tail or "")
    return "".join(element.itertext())
