"""Quality on the text dumps that other tools write: the dev pages through lynx, w3m, Markdown converters and BeautifulSoup.

    .venv/bin/python bench/quality_dumps.py [BENCH_DIR] [--tool lynx|lynx-nolist|w3m|turndown|html2text|markdownify|bs4 ...] [--store]

Each dev page (`html/`) is dumped with `lynx -dump` (with and without its numbered links and
their list of addresses, `-nolist`) and `w3m -dump` (Debian's packages `lynx` and `w3m`), with
three HTML-to-Markdown converters (html2text and markdownify, the bench extra's; turndown, which
many crawlers and readers use, on Node.js: bench/turndown_dump.js) and with BeautifulSoup's
`get_text("\n", strip=True)`, into bench/out/dumps/TOOL/, made once and reused; a tool that is not
installed is listed as skipped. The dumps by programs outside Python (lynx, w3m, turndown) are
kept in bench/data/dumps/, so none of them need be installed to score them; `--store` makes them
again with the installed ones. lynx, w3m and html2text hard-wrap at 78-79 columns; lynx and w3m
indent paragraphs and print a site's menus as bulleted lists; the converters write every link
and image as Markdown, and markdownify and turndown write a link around a card's block elements
as paragraphs inside its brackets; BeautifulSoup writes each text node as a line, so a paragraph
breaks at every link and emphasis (`for the` / `Cleveland Browns` / `’ Week 11 game`): forms of
text dump the benchmark's own `text-all/` (html-text) does not show. cleaner reads each dump as
plain text; jusText and trafilatura get its paragraphs one per line (bench/quality_text.py's
wrapper), as they read a paragraph per line. Scores are bench/metric.py's; pages/s compares rows
of one run.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metric import DEFAULT_BENCH, Page, gold_of, load_pages, score, unwrapped  # noqa: E402
from bench.quality_text import TOOLS, extract_timed, table  # noqa: E402

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out" / "dumps"
# The dumps of the dev pages by programs outside the project's Python environment, made once and
# kept in the repository (bench/data/dumps/README.md): the floors in tests/test_quality_dumps.py
# read them on a machine without those programs, and every machine reads the same bytes whatever
# their versions.
STORED = BENCH / "data" / "dumps"


class Program(NamedTuple):
    """A program outside Python that dumps a page: run from the repository's root, with the page's
    file after `command` (or on its standard input), and `version`'s first line of output naming it."""

    command: list[str]
    version: list[str]
    install: str
    needs: str | None = None  # a path under the root that must exist besides the command
    reads_stdin: bool = False


# turndown and linkedom as bench/node_modules holds them, and Node.js.
TURNDOWN_VERSION = ("['turndown', 'linkedom'].map((name) => name + ' ' + require(require.resolve(name + '/package.json',"
                    " {paths: ['bench']})).version).join(', ') + ' on Node.js ' + process.version")
PROGRAMS = {
    # `lynx -dump` numbers each link in the text (`[27]electric`) and lists the addresses after it.
    "lynx": Program(["lynx", "-dump", "-assume_charset=utf-8", "-display_charset=utf-8"], ["lynx", "-version"],
                    "apt-get install lynx"),
    "lynx-nolist": Program(["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8"],
                           ["lynx", "-version"], "apt-get install lynx"),
    "w3m": Program(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"], ["w3m", "-version"],
                   "apt-get install w3m"),
    # turndown's Markdown (bench/turndown_dump.js: the page on its standard input).
    "turndown": Program(["node", "bench/turndown_dump.js"], ["node", "-p", TURNDOWN_VERSION],
                        "bench/turndown_dump.js says how", needs="bench/node_modules/turndown", reads_stdin=True),
}
# Python libraries, by the module each needs.
LIBRARIES = {"html2text": "html2text", "bs4": "bs4", "markdownify": "markdownify"}
TOOLS_ALL = (*PROGRAMS, *LIBRARIES)


def available(tool: str) -> bool:
    if tool in PROGRAMS:
        return (STORED / f"{tool}.json.gz").exists() or installed(tool)
    return importlib.util.find_spec(LIBRARIES[tool]) is not None


def installed(tool: str) -> bool:
    program = PROGRAMS[tool]
    return shutil.which(program.command[0]) is not None and (program.needs is None or (ROOT / program.needs).exists())


def install_hint(tool: str) -> str:
    return PROGRAMS[tool].install if tool in PROGRAMS else f"pip install {tool}"


def stored_dumps(tool: str) -> dict[str, str]:
    """The kept dumps of the dev pages by `tool` (one of PROGRAMS), by page id ({} when none are kept)."""
    path = STORED / f"{tool}.json.gz"
    if not path.exists():
        return {}
    pages: dict[str, str] = json.loads(gzip.decompress(path.read_bytes()))["pages"]
    return pages


def store_dumps(tool: str, pages: list[Page]) -> Path:
    """Dump `pages` with the installed `tool` and keep them (gzip without a time stamp: the same
    dumps give the same bytes)."""
    program = PROGRAMS[tool]
    version = subprocess.run(program.version, capture_output=True, text=True, cwd=ROOT).stdout.splitlines()[0]
    with tempfile.TemporaryDirectory() as scratch:
        texts = {page.id: dump(tool, page, Path(scratch)).decode("utf-8", errors="replace") for page in pages}
    record = {"tool": tool, "version": version, "command": program.command, "pages": texts}
    STORED.mkdir(parents=True, exist_ok=True)
    path = STORED / f"{tool}.json.gz"
    data = json.dumps(record, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return path


def dump(tool: str, page: Page, scratch: Path) -> bytes:
    if tool == "html2text":
        import html2text

        return html2text.HTML2Text().handle(page.html().decode("utf-8", errors="replace")).encode("utf-8")
    if tool == "bs4":
        from bs4 import BeautifulSoup

        # The scraper's one-liner: every text node a line (bs4 leaves out scripts and styles).
        soup = BeautifulSoup(page.html().decode("utf-8", errors="replace"), "html.parser")
        return soup.get_text("\n", strip=True).encode("utf-8")
    if tool == "markdownify":
        from markdownify import markdownify

        # The one-liner, with its defaults (underlined `<h1>` and `<h2>`, scripts and styles left out).
        return markdownify(page.html().decode("utf-8", errors="replace")).encode("utf-8")
    program = PROGRAMS[tool]
    if program.reads_stdin:
        return subprocess.run(program.command, input=page.html(), capture_output=True, check=True, cwd=ROOT).stdout
    html = scratch / "page.html"
    html.write_bytes(page.html())
    out = subprocess.run([*program.command, str(html)], capture_output=True, check=True, cwd=ROOT).stdout
    # The browser names the file it read (a link to `#top`, a refresh) and resolves relative links
    # against its folder: the page's own address instead, as a dump of the page fetched from the
    # web reads, and the same on every run.
    for prefix in (b"file://localhost", b"file://"):
        out = out.replace(prefix + bytes(html), page.url.encode("utf-8"))
        out = out.replace(prefix + bytes(scratch) + b"/", urljoin(page.url, ".").encode("utf-8"))
    return out


def dumps(tool: str, pages: list[Page]) -> dict[str, str]:
    """Each page's dump by `tool`: the kept ones for a program outside Python when they cover the
    pages, else made once into OUT/tool/."""
    if tool in PROGRAMS:
        kept = stored_dumps(tool)
        if all(page.id in kept for page in pages):
            return {page.id: kept[page.id] for page in pages}
    folder = OUT / tool
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    with tempfile.TemporaryDirectory() as scratch:
        for page in pages:
            target = folder / f"{page.id}.txt"
            if not target.exists():
                target.write_bytes(dump(tool, page, Path(scratch)))
            texts[page.id] = target.read_bytes().decode("utf-8", errors="replace")
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH, help="benchmark folder (default: %(default)s)")
    parser.add_argument("--tool", choices=TOOLS_ALL, action="append", help="only this dumper (default: all)")
    parser.add_argument("--store", action="store_true",
                        help="dump the pages with the installed lynx, w3m and turndown and keep them in bench/data/dumps/")
    args = parser.parse_args(argv)
    pages = load_pages(args.bench)
    if args.store:
        for tool in [t for t in args.tool or PROGRAMS if t in PROGRAMS]:
            if not installed(tool):
                print(f"{tool}: not installed ({install_hint(tool)})", file=sys.stderr)
                return 1
            print(f"{tool}: kept in {store_dumps(tool, pages)}")
        return 0
    gold = gold_of(pages)
    rows = []
    for tool in args.tool or TOOLS_ALL:
        if not available(tool):
            print(f"{tool}: not installed, skipped ({install_hint(tool)})")
            continue
        texts = dumps(tool, pages)
        for name, make in TOOLS.items():
            extract = make()
            reads_lines = name in ("jusText", "trafilatura")
            inputs = {page_id: unwrapped(text) if reads_lines else text for page_id, text in texts.items()}
            predictions, speed = extract_timed(extract, inputs)
            rows.append((tool, name, score(predictions, gold), speed))
    if rows:
        print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
