"""`qinglang alliance ...`: the alliance parties' command lines (issue 13).

`keyholder` runs one key holder's service, `add-member` issues a member's API key at a key holder,
`usage` shows a key holder's per-member evaluation counts, `tokenize` is the member side: it reads
kind,value lines and writes kind,token lines, and never writes a raw value anywhere else (invalid
lines are reported by line number and kind only). Heavy imports stay inside the functions so
`qinglang --help` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

app = typer.Typer(
    help="同业联盟：可用不可见的指标共享 / alliance: share indicators across lenders without showing them",
    no_args_is_help=True,
)


@app.command("keyholder", help="运行一个密钥持有方服务 / run one key holder's OPRF evaluation service")
def keyholder(
    db: str = typer.Option(
        "sqlite:///keyholder.sqlite", help="key holder database URL (SQLite or PostgreSQL)"
    ),
    port: int = typer.Option(8710, help="TCP port"),
    share_file: Path = typer.Option(..., help="this key holder's key share (hex); created (0600) if absent"),
    host: str = typer.Option("127.0.0.1", help="bind address"),
    per_minute: int = typer.Option(10_000, help="evaluations (points) per member per minute"),
    per_day: int = typer.Option(200_000, help="evaluations (points) per member per Beijing day"),
    name: str = typer.Option("keyholder", help="name shown by /v1/health"),
) -> None:
    import logging

    import uvicorn

    from qinglang.alliance import keyholder_store, oprf
    from qinglang.alliance.keyholder import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    share = oprf.load_or_create_share(share_file)
    engine = keyholder_store.create_engine(db)
    limits = keyholder_store.Limits(per_minute=per_minute, per_day=per_day)
    uvicorn.run(create_app(engine, share, limits, name=name), host=host, port=port, log_level="info")


@app.command(
    "add-member", help="为成员机构签发 API 密钥（仅显示一次）/ issue a member's API key (shown once)"
)
def add_member(
    member: str = typer.Argument(..., help="member id, e.g. lender-a"),
    db: str = typer.Option("sqlite:///keyholder.sqlite", help="key holder database URL"),
) -> None:
    from qinglang.alliance import keyholder_store

    engine = keyholder_store.create_engine(db)
    typer.echo(keyholder_store.add_member(engine, member))


@app.command("usage", help="各成员的评估次数 / per-member evaluation counts at this key holder")
def usage(db: str = typer.Option("sqlite:///keyholder.sqlite", help="key holder database URL")) -> None:
    from qinglang.alliance import keyholder_store

    for row in keyholder_store.usage_summary(keyholder_store.create_engine(db)):
        typer.echo(
            f"{row['member_id'] or '(unknown key)'}\t{row['outcome']}\t{row['requests']}\t{row['points'] or 0}"
        )


@app.command("tokenize", help="把指标转为联盟令牌（kind,value → kind,token）/ tokenize kind,value lines")
def tokenize(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CSV of kind,value lines"),
    keyholder: list[str] = typer.Option(..., "--keyholder", help="key holder URL (give both)"),
    api_key: list[str] = typer.Option(
        ...,
        "--api-key",
        envvar="QINGLANG_ALLIANCE_API_KEY",
        help="API key, one per key holder in the same order",
    ),
    out: Path | None = typer.Option(None, "--out", help="output CSV (default: stdout)"),
    batch: int = typer.Option(2_000, help="points per request"),
) -> None:
    import csv

    from qinglang import csvsafe
    from qinglang.alliance.canonical import canonical_bytes, canonical_kind
    from qinglang.alliance.client import Keyholder, KeyholderError, Tokenizer

    if len(api_key) == 1 and len(keyholder) > 1:
        api_key = api_key * len(keyholder)
    if len(keyholder) != 2 or len(api_key) != 2:
        raise typer.BadParameter("give exactly two --keyholder URLs and one --api-key per key holder")
    kinds: list[str] = []
    inputs: list[bytes] = []
    bad = 0
    with file.open(newline="", encoding="utf-8-sig") as f:
        for lineno, row in enumerate(csv.reader(f), 1):
            if not row or (lineno == 1 and [c.strip().lower() for c in row[:2]] == ["kind", "value"]):
                continue
            kind = row[0].strip()
            try:
                if len(row) < 2:
                    raise ValueError("no value")
                inputs.append(canonical_bytes(kind, ",".join(row[1:])))
                kinds.append(canonical_kind(kind))
            except ValueError as exc:  # the message never holds the value
                bad += 1
                typer.echo(f"line {lineno}: skipped ({exc})", err=True)

    def progress(done: int, total: int) -> None:
        if total > batch:
            typer.echo(f"tokenised {done}/{total}", err=True)

    khs = [Keyholder(u, k) for u, k in zip(keyholder, api_key, strict=True)]
    try:
        with Tokenizer(khs, batch=batch) as tok:
            tokens = tok.tokens_for_inputs(inputs, progress)
    except KeyholderError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    sink = out.open("w", newline="", encoding="utf-8") if out else sys.stdout
    try:
        w = csvsafe.writer(sink, lineterminator="\n")  # as every CSV writer (qinglang.csvsafe)
        w.writerow(["kind", "token"])
        w.writerows(zip(kinds, tokens, strict=True))
    finally:
        if out:
            sink.close()
    typer.echo(f"{len(tokens)} tokens, {bad} lines skipped", err=True)


@app.command("hub", help="运行联盟中心服务 / run the alliance hub (events, matching, alerts, MISP export)")
def hub(
    db: str = typer.Option("sqlite:///hub.sqlite", help="hub database URL (SQLite or PostgreSQL)"),
    port: int = typer.Option(8720, help="TCP port"),
    host: str = typer.Option("127.0.0.1", help="bind address"),
    ttl_days: int = typer.Option(365, help="statements older than this stop warning"),
) -> None:
    import logging
    from datetime import timedelta

    import uvicorn

    from qinglang.alliance import hub_store
    from qinglang.alliance.hub import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    engine = hub_store.create_engine(db)
    uvicorn.run(create_app(engine, ttl=timedelta(days=ttl_days)), host=host, port=port, log_level="info")


@app.command(
    "hub-add-member",
    help="在联盟中心登记成员（API 密钥仅显示一次）/ register a member at the hub (API key shown once)",
)
def hub_add_member(
    member: str = typer.Argument(..., help="member id, e.g. lender-a"),
    public_key: str = typer.Option(..., "--public-key", help="the member's Ed25519 public key (hex)"),
    db: str = typer.Option("sqlite:///hub.sqlite", help="hub database URL"),
    police_confirmer: bool = typer.Option(
        False, "--police-confirmer", help="its events of distribution police are police-confirmed cases"
    ),
    webhook: str | None = typer.Option(None, "--webhook", help="URL the hub POSTs to when alerts arrive"),
) -> None:
    from qinglang.alliance import hub_store

    engine = hub_store.create_engine(db)
    typer.echo(hub_store.add_member(engine, member, public_key, police_confirmer, webhook))


@app.command(
    "hub-keygen", help="生成成员签名密钥 / make a member's Ed25519 signing key (prints the public key)"
)
def hub_keygen(
    out: Path = typer.Option(..., "--out", help="private key file (created 0600; refused if it exists)"),
) -> None:
    from qinglang.alliance import signing

    if out.exists():
        raise typer.BadParameter(f"{out} exists; not overwriting a private key")
    typer.echo(signing.public_key_hex(signing.load_or_create_signing_key(out)))


@app.command(
    "hub-warninglist",
    help="载入白名单令牌（官方热线、客服号、自家催收号）/ load warninglist tokens (kind,token CSV)",
)
def hub_warninglist(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="`alliance tokenize` output"),
    name: str = typer.Option(..., "--name", help="list name, e.g. official_hotlines"),
    db: str = typer.Option("sqlite:///hub.sqlite", help="hub database URL"),
) -> None:
    import csv

    from qinglang.alliance import hub_store

    with file.open(newline="", encoding="utf-8-sig") as f:
        tokens = [row[-1].strip() for row in csv.reader(f) if row and row[-1].strip().lower() != "token"]
    try:
        added = hub_store.load_warninglist(hub_store.create_engine(db), tokens, name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    typer.echo(f"{added} new warninglist tokens ({len(tokens)} read) in {name}")


# the member side and the demo (slice 3) live in their own module, registered on this group
from qinglang.alliance import member_commands  # noqa: E402

member_commands.register(app)
