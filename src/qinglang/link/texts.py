"""The inbox's raw complaint texts, kept on disk with their offsets in memory.

Why: the scan reads a complaint's raw text again only for the few that sit in candidate clusters
(the intent model, the coached-wording checks, the report's template diff), yet held every text of
the inbox as a Python string: ~560 bytes a complaint, 0.56 GB at a million. Here the texts are
appended once, UTF-8, to an unnamed temporary file (gone when the scan ends, whatever happens:
tempfile.TemporaryFile) and read back by position with one pread each; memory is 8 bytes a
text. Files of the page cache are the kernel's to drop, not the scan's resident memory.
The directory is Python's temporary directory (TMPDIR sets it).
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload


class TextColumn(Sequence[str]):
    """An append-only sequence of strings stored in a temporary file."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._file = tempfile.TemporaryFile(prefix="qinglang-texts-")
        self._ends = array("q")  # end offset of each text; text i starts where i-1 ends
        self._size = 0
        self.extend(texts)

    def extend(self, texts: Iterable[str]) -> None:
        parts = []
        for t in texts:
            b = t.encode("utf-8", "surrogatepass")
            self._size += len(b)
            self._ends.append(self._size)
            parts.append(b)
        if parts:
            self._file.seek(0, os.SEEK_END)
            self._file.write(b"".join(parts))
            self._file.flush()

    def append(self, text: str) -> None:
        self.extend((text,))

    def __len__(self) -> int:
        return len(self._ends)

    def _read(self, i: int) -> str:
        start = self._ends[i - 1] if i > 0 else 0
        data = os.pread(self._file.fileno(), self._ends[i] - start, start)
        return data.decode("utf-8", "surrogatepass")

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self._read(k) for k in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("text index out of range")
        return self._read(i)

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield self._read(i)

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same strings (a list, another column)."""
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def close(self) -> None:
        self._file.close()
