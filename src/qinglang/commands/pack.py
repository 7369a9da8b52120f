"""`qinglang pack`: a campaign's sealed evidence pack, built straight from the store.

WHY besides the workbench's export button: a lender's investigator (or a scheduled job) packs
any campaign of the latest scan without running the web server; both go through
qinglang.web.export, so the pack is the same either way. An unconfirmed campaign's pack says so
on its cover and in its letter.
"""

from __future__ import annotations

from pathlib import Path

import typer


def command(
    campaign: str = typer.Option(..., "--campaign", help="团伙 ID / campaign (cluster) id of the scan"),
    out: Path = typer.Option(..., "--out", help="输出 ZIP / the pack's ZIP file"),
    db: str = typer.Option(
        None, "--db", help="数据库 URL / store URL (default: QINGLANG_DB_URL or ./qinglang-data)"
    ),
    run: str = typer.Option(None, "--run", help="扫描批次（默认最新）/ scan run id (default: the latest)"),
    sign_key: Path = typer.Option(
        None,
        "--sign-key",
        help="出具方 Ed25519 私钥文件（不存在则生成）/ the lender's Ed25519 key file (created if absent)",
    ),
    tsa: str = typer.Option(None, "--tsa", help="RFC 3161 时间戳服务 URL / timestamp authority URL"),
    tsa_cert: Path = typer.Option(
        None, "--tsa-cert", help="时间戳服务证书（随包附带）/ TSA certificate to include in the pack"
    ),
    signer: str = typer.Option(None, "--signer", help="出具方名称 / the lender's name in the seal"),
    exported_by: str = typer.Option("cli", "--by", help="导出人 / who exports"),
) -> None:
    """Build the evidence pack of one campaign and write it to --out."""
    import hashlib

    from qinglang.config import default_db_url
    from qinglang.evidence.integrity import SealConfig
    from qinglang.web import db as wb_db
    from qinglang.web import export

    engine = wb_db.open_engine(db or default_db_url())
    wb_db.ensure_schema(engine)
    try:
        case = export.campaign_case(engine, campaign, run)
        env = export.seal_from_env()
        seal = SealConfig(
            sign_key=sign_key or env.sign_key,
            signer=signer or env.signer,
            tsa_url=tsa or env.tsa_url,
            tsa_cert=tsa_cert or env.tsa_cert,
        )
        body, manifest = export.evidence_pack(engine, case, exported_by, seal=seal)
    except LookupError as exc:
        typer.echo(f"找不到团伙 / not found: {exc}", err=True)
        raise typer.Exit(2) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(body)
    typer.echo(
        f"{out}: {len(manifest['files'])} files, {manifest['complaints']} complaints, "
        f"confirmed={manifest['confirmed']}, merkle_root={manifest['merkle_root']}, "
        f"zip sha256={hashlib.sha256(body).hexdigest()}"
    )
