"""Encoding detection and line-by-line decoding of input files.

Excel and the complaint systems of Chinese lenders export GBK/GB18030 as often as UTF-8, and
a file's encoding is never declared. We sniff a prefix once, then decode line by line in
binary so that one undecodable line becomes one quarantined row (bad_encoding) instead of
stopping the run, and memory stays constant however long the file is.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from qinglang.ingest.clean import clean_text

UTF8_BOM = codecs.BOM_UTF8
SNIFF_BYTES = 256 * 1024
# Other double-byte encodings we accept from charset-normalizer (all ASCII-compatible, so
# splitting lines on b"\n" stays safe); single-byte guesses are never taken.
OTHER_CJK = {"big5", "big5hkscs", "cp950", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949"}


def _decode_errors(data: bytes, encoding: str) -> int:
    """How many undecodable spots `data` has in `encoding` (a cut character at the end is fine)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(data, final=False)
    return text.count("\ufffd")


def detect_encoding_bytes(prefix: bytes) -> str:
    """'utf-8-sig', 'utf-8' or 'gb18030' (or charset-normalizer's guess when neither fits).

    GB18030 is a superset of GBK and GB2312, so GBK files are decoded as gb18030. UTF-8 wins
    ties: an ASCII-only prefix is valid in both.
    """
    if prefix.startswith(UTF8_BOM):
        return "utf-8-sig"
    utf8_bad = _decode_errors(prefix, "utf-8")
    if utf8_bad == 0:
        return "utf-8"
    gb_bad = _decode_errors(prefix, "gb18030")
    if gb_bad == 0:
        return "gb18030"
    # Both have errors: a damaged file. Ask charset-normalizer, else take the lesser evil.
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(prefix).best()
    except Exception:  # pragma: no cover - detector failure must not stop ingestion
        best = None
    if best is not None and best.encoding:
        enc = codecs.lookup(best.encoding).name
        if enc in ("gbk", "gb2312", "hz", "gb18030"):
            return "gb18030"
        if enc in OTHER_CJK and _decode_errors(prefix, enc) == 0:
            return enc
    # A few damaged bytes in an otherwise UTF-8 (or GB) file: keep the better fit, and the
    # damaged lines become bad_encoding rows. Single-byte guesses would decode mojibake silently.
    return "utf-8" if utf8_bad <= gb_bad else "gb18030"


def open_binary(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for binary reading, transparently gunzipping *.gz."""
    p = Path(path)
    if p.suffix == ".gz":
        return gzip.open(p, "rb")  # type: ignore[return-value]
    return open(p, "rb")


def detect_encoding(path: str | os.PathLike[str]) -> str:
    """Sniff the first SNIFF_BYTES of a file: see detect_encoding_bytes."""
    with open_binary(path) as f:
        return detect_encoding_bytes(f.read(SNIFF_BYTES))


@dataclass(slots=True)
class Line:
    """One physical line: its 1-based number, decoded text (with its line ending) and whether
    decoding failed (then `text` holds the line decoded with replacement characters).

    NUL characters and byte-order marks are removed from `text` (see ingest.clean)."""

    number: int
    text: str
    bad_encoding: bool
    nbytes: int


def split_lines(f: BinaryIO) -> Iterator[bytes]:
    """The physical lines of a binary stream, each with its ending: LF, CRLF or a lone CR.

    Old Mac and some spreadsheet exports end lines with CR alone; splitting on LF only would
    read such a file as one enormous line. Lines are split in C by a latin-1 text wrapper
    (latin-1 maps bytes 1:1, so encoding back gives the exact bytes); this is safe for UTF-8,
    GB18030 and the other accepted encodings, none of which uses 0x0A or 0x0D inside a
    multi-byte character.
    """
    text = io.TextIOWrapper(f, encoding="latin-1", newline="")  # type: ignore[type-var]
    try:
        for line in text:
            yield line.encode("latin-1")
    finally:
        with contextlib.suppress(ValueError):  # `f` already closed by its owner
            text.detach()  # the caller owns (and closes) `f`


def iter_lines(f: BinaryIO, encoding: str) -> Iterator[Line]:
    """Decode a binary stream line by line; the UTF-8 BOM, if present, is dropped.

    Splitting into lines before decoding is safe for UTF-8 and GB18030 (see split_lines).
    """
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    first = True
    for number, raw in enumerate(split_lines(f), 1):
        nbytes = len(raw)
        if first:
            first = False
            if raw.startswith(UTF8_BOM):
                raw = raw[len(UTF8_BOM) :]
        try:
            yield Line(number, clean_text(raw.decode(codec)), False, nbytes)
        except UnicodeDecodeError:
            yield Line(number, clean_text(raw.decode(codec, errors="replace")), True, nbytes)
