"""Bytes to text, as a browser would read them, and the checks that refuse what is not text.

Order: a byte-order mark; for HTML, the charset the page declares; strict UTF-8; UTF-16 without a
mark (recognised by its NUL pattern); then beautifulsoup4's UnicodeDammit (charset detection),
recorded as a warning because the result is a guess. Binary content is refused, never guessed at.

One departure from a browser: a page that declares a legacy charset but whose bytes are UTF-8,
non-ASCII ones included, is read as UTF-8, with a warning. Scrapers often save the text they
decoded as UTF-8 and keep the page's `<meta charset="windows-1251">`; read as declared, every
letter outside ASCII would turn to mojibake. Legacy text is almost never valid UTF-8 by accident:
its accented letters would have to come in exactly UTF-8's lead-and-continuation pairs.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .document import CleanWarning
from .errors import BinaryContent

# File signatures of formats that get renamed to .txt or .html by accident.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# How far into a page to look for <meta charset>, as the HTML standard's prescan does.
CHARSET_PRESCAN_BYTES = 1024 * 4
META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Share of NUL bytes at odd (or even) positions that marks UTF-16 text written without a BOM.
UTF16_NUL_SHARE = 0.4
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[CleanWarning, ...] = field(default=())


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """Decode `data`; raise BinaryContent for content that is not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom):], encoding, f"{encoding} (byte-order mark)")
    if utf16 := _utf16_without_bom(data):
        return _decode_with(data, utf16, f"{utf16} (no byte-order mark)")
    refuse_binary(data)
    if html and (declared := declared_charset(data)):
        if declared != "utf-8" and not data.isascii() and (utf8 := _utf8_or_none(data)) is not None:
            return Decoded(utf8, "utf-8", (CleanWarning(
                "decode-declaration-ignored", f"declares {declared}, but its bytes are UTF-8; read as UTF-8"),))
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall through to UTF-8 and detection
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        return _guess(data, error, html)


def refuse_binary(data: bytes) -> None:
    head = data[:SNIFF_BYTES]
    for signature, name in BINARY_SIGNATURES:
        if head.startswith(signature):
            raise BinaryContent(f"binary content ({name}), skipped")
    if b"\x00" in head:
        raise BinaryContent("binary content (NUL bytes), skipped")


def declared_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read a declared latin-1 as windows-1252, and a declared UTF-16 or UTF-32 as UTF-8: a
    # page whose bytes were UTF-16 would not have been read far enough to find the declaration
    # (the WHATWG encoding standard's prescan).
    if canonical.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return "cp1252" if canonical in ("latin-1", "iso8859-1", "ascii") else canonical


def _utf8_or_none(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:SNIFF_BYTES]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls >= UTF16_NUL_SHARE and even_nuls == 0:
        candidate = "utf-16-le"
    elif even_nuls >= UTF16_NUL_SHARE and odd_nuls == 0:
        candidate = "utf-16-be"
    else:
        return None
    try:
        data.decode(candidate)
    except UnicodeDecodeError:
        return None
    return candidate


def _decode_with(data: bytes, encoding: str, how: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        return Decoded(text, encoding, (CleanWarning("decode-replaced", f"invalid {how} bytes replaced with U+FFFD"),))


def _guess(data: bytes, error: UnicodeDecodeError, html: bool) -> Decoded:
    from bs4.dammit import UnicodeDammit  # only on the fallback path: keeps start-up light

    dammit = UnicodeDammit(data, is_html=html)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        encoding = dammit.original_encoding
        return Decoded(
            dammit.unicode_markup,
            encoding,
            (CleanWarning("decode-guessed", f"not valid UTF-8 (byte {error.start}); decoded as {encoding} by detection"),),
        )
    text = data.decode("utf-8", errors="replace")
    warning = CleanWarning("decode-replaced", f"not valid UTF-8 (byte {error.start}); bad bytes replaced with U+FFFD")
    return Decoded(text, "utf-8", (warning,))
