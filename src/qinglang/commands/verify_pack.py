"""`qinglang verify-pack`: check an evidence pack offline, as the receiving officer does.

Prints each check and the verdict in Chinese and English; exit 0 when every check passes, 1 on
any mismatch (a changed byte, a missing file, a wrong signature or timestamp), 2 when the file
cannot be read.
"""

from __future__ import annotations

from pathlib import Path

import typer


def command(
    pack: Path = typer.Argument(..., help="证据包 ZIP / the pack"),
    tsa_cert: Path = typer.Option(
        None, "--tsa-cert", help="信任的时间戳服务证书 / the TSA certificate you trust (PEM)"
    ),
    pubkey: Path = typer.Option(
        None,
        "--pubkey",
        help="出具方公钥（已知）/ the lender's public key you trust (base64 or 32 raw bytes)",
    ),
) -> None:
    """Verify every file's hashes, the Merkle root, the lender's signature and the timestamp."""
    from qinglang.evidence.verify import verify_file

    if not pack.is_file():
        typer.echo(f"文件不存在 / no such file: {pack}", err=True)
        raise typer.Exit(2)
    try:
        result = verify_file(pack, tsa_cert=tsa_cert, public_key=pubkey)
    except (OSError, ValueError) as exc:  # an unreadable or malformed --tsa-cert / --pubkey
        typer.echo(f"无法读取校验材料 / cannot read the trust files: {exc}", err=True)
        raise typer.Exit(2) from None
    for check in result.checks:
        typer.echo(check.line())
    typer.echo(result.verdict())
    raise typer.Exit(0 if result.ok else 1)
