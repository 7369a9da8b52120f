"""`qinglang normalize`: de-obfuscate texts, one per line, stdin -> stdout."""

from __future__ import annotations

import typer


def command(
    steps: str = typer.Option(
        "",
        "--steps",
        help="逗号分隔的步骤 / comma-separated normaliser steps (default: full chain: "
        "nfkc,lower,t2s,noise_words,split,variants,numerals,lookalike,repeat,postedit)",
    ),
    keep_case: bool = typer.Option(False, "--keep-case", help="不转小写 / drop the 'lower' step"),
    literal: bool = typer.Option(
        False,
        "--literal",
        help="保留大小写和繁简字形 / keep case and script as written (LITERAL_STEPS)",
    ),
) -> None:
    """Read texts one per line on stdin; write the normalised texts one per line on stdout."""
    import sys

    from qinglang.text.normalize import DEFAULT_STEPS, KNOWN_STEPS, LITERAL_STEPS, normalize

    chain = [s.strip() for s in steps.split(",") if s.strip()] or list(
        LITERAL_STEPS if literal else DEFAULT_STEPS
    )
    unknown = [s for s in chain if s not in KNOWN_STEPS]
    if unknown:
        raise typer.BadParameter(
            f"unknown steps: {', '.join(unknown)}; known: {', '.join(sorted(KNOWN_STEPS))}"
        )
    if keep_case:
        chain = [s for s in chain if s != "lower"]
    import io

    # UTF-8 whatever the locale says (GBK exports should be converted first: iconv -f gb18030)
    stdin = (
        io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="\n")
        if hasattr(sys.stdin, "buffer")
        else sys.stdin
    )
    out = sys.stdout
    for line in stdin:
        out.write(normalize(line.rstrip("\r\n"), chain).replace("\n", " ") + "\n")
    out.flush()
