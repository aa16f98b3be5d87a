"""Quality on the text dumps that other tools write: the dev pages through lynx, w3m, html2text and BeautifulSoup.

    .venv/bin/python bench/quality_dumps.py [BENCH_DIR] [--tool lynx|lynx-nolist|w3m|html2text|bs4 ...]

Each dev page (`html/`) is dumped with `lynx -dump` (with and without its numbered links and
their list of addresses, `-nolist`) and `w3m -dump` (Debian's packages
`lynx` and `w3m`), with html2text (Markdown, the bench extra's) and with BeautifulSoup's
`get_text("\n", strip=True)` into bench/out/dumps/TOOL/, made once and reused; a tool that is not
installed is listed as skipped. lynx, w3m and html2text hard-wrap at 78-79 columns; lynx and w3m
indent paragraphs and print a site's menus as bulleted lists, html2text writes every link and
image as Markdown; BeautifulSoup writes each text node as a line, so a paragraph breaks at every
link and emphasis (`for the` / `Cleveland Browns` / `’ Week 11 game`): forms of text dump the
benchmark's own `text-all/` (html-text) does not show. cleaner reads each dump as plain text; jusText and trafilatura get its
paragraphs one per line (bench/quality_text.py's wrapper), as they read a paragraph per line.
Scores are bench/metric.py's; pages/s compares rows of one run.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metric import DEFAULT_BENCH, Page, gold_of, load_pages, score, unwrapped  # noqa: E402
from bench.quality_text import TOOLS, extract_timed, table  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "dumps"
COMMANDS = {
    # `lynx -dump` numbers each link in the text (`[27]electric`) and lists the addresses after it.
    "lynx": ["lynx", "-dump", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "lynx-nolist": ["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
}
# Python libraries, by the module each needs.
LIBRARIES = {"html2text": "html2text", "bs4": "bs4"}
TOOLS_ALL = (*COMMANDS, *LIBRARIES)


def available(tool: str) -> bool:
    if tool in COMMANDS:
        return shutil.which(COMMANDS[tool][0]) is not None
    return importlib.util.find_spec(LIBRARIES[tool]) is not None


def dump(tool: str, page: Page, scratch: Path) -> bytes:
    if tool == "html2text":
        import html2text

        return html2text.HTML2Text().handle(page.html().decode("utf-8", errors="replace")).encode("utf-8")
    if tool == "bs4":
        from bs4 import BeautifulSoup

        # The scraper's one-liner: every text node a line (bs4 leaves out scripts and styles).
        soup = BeautifulSoup(page.html().decode("utf-8", errors="replace"), "html.parser")
        return soup.get_text("\n", strip=True).encode("utf-8")
    html = scratch / "page.html"
    html.write_bytes(page.html())
    return subprocess.run([*COMMANDS[tool], str(html)], capture_output=True, check=True).stdout


def dumps(tool: str, pages: list[Page]) -> dict[str, str]:
    """Each page's dump by `tool`, made once into OUT/tool/."""
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
    args = parser.parse_args(argv)
    pages = load_pages(args.bench)
    gold = gold_of(pages)
    rows = []
    for tool in args.tool or TOOLS_ALL:
        if not available(tool):
            print(f"{tool}: not installed, skipped ({'pip' if tool in LIBRARIES else 'apt-get'} install {tool})")
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
