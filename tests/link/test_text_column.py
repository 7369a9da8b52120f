"""link.texts.TextColumn: texts kept on disk must read back exactly, by position."""

from __future__ import annotations

import pytest

from qinglang.link.texts import TextColumn


def test_reads_back_every_text_by_position():
    texts = [
        "停息挂账，加薇 abc123",
        "",
        "a\nb\r\n",
        "😀 emoji and \x00 nul",
        "\ud800 lone surrogate",
        "x" * 5000,
    ]
    col = TextColumn(texts[:2])
    col.extend(texts[2:4])
    col.append(texts[4])
    col.extend(iter([texts[5]]))
    assert len(col) == len(texts)
    assert list(col) == texts
    assert [col[i] for i in range(-len(texts), 0)] == texts
    assert col[1:5] == texts[1:5] and col[::-2] == texts[::-2]
    with pytest.raises(IndexError):
        col[len(texts)]
    assert col == texts and col == TextColumn(texts) and col != texts[:-1] and col != [*texts[:-1], "y"]
    col.close()


def test_empty_column():
    col = TextColumn()
    assert len(col) == 0 and list(col) == []
    with pytest.raises(IndexError):
        col[0]
