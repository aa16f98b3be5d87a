"""Digests of cleaner's output and manifest for every dump of the benchmark: a check that a speed
change changed no result.

    .venv/bin/python bench/outputs_digest.py --write before.json     # on the old code
    .venv/bin/python bench/outputs_digest.py --compare before.json   # on the new code

Every `text-main/` and `text-all/` dump is cleaned as plain text with one Cleaner, and every page of
`html/` through the HTML path when cleaner has one; the digest covers the clean text and the
manifest's JSON bytes. `--compare` lists every dump whose bytes differ and
exits 1 when any does. `--text-only` leaves the manifest out: after a change to a rule file every
manifest differs by its rules digest, and the question is which clean texts changed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metric import DEFAULT_BENCH  # noqa: E402
from cleaner import Cleaner, CleanResult  # noqa: E402

KINDS = ("text-main", "text-all")


def digests(bench: Path, text_only: bool = False) -> dict[str, str]:
    cleaner = Cleaner()
    result: dict[str, str] = {}

    def digest(cleaned: CleanResult) -> str:
        data = cleaned.text.encode("utf-8")
        if not text_only:
            data += b"\0" + cleaned.manifest_json().encode("utf-8")
        return hashlib.sha256(data).hexdigest()

    for kind in KINDS:
        for path in sorted((bench / kind).glob("*.txt")):
            result[f"{kind}/{path.name}"] = digest(cleaner.clean(path.read_bytes(), format="text", name=path.name))
    if importlib.util.find_spec("cleaner.html") is not None:
        for path in sorted((bench / "html").glob("*.html.gz")):
            result[f"html/{path.name}"] = digest(cleaner.clean(gzip.decompress(path.read_bytes()), format="html"))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH, help="benchmark folder (default: %(default)s)")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE", help="write the digests to FILE")
    action.add_argument("--compare", type=Path, metavar="FILE", help="compare with the digests in FILE")
    parser.add_argument("--text-only", action="store_true", help="digest the clean texts alone, not the manifests")
    args = parser.parse_args(argv)
    current = digests(args.bench, args.text_only)
    if args.write:
        args.write.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
        print(f"{len(current)} dumps written to {args.write}")
        return 0
    before = json.loads(args.compare.read_text())
    differ = sorted(name for name in before.keys() | current.keys() if before.get(name) != current.get(name))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(current)} dumps, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
