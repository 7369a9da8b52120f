"""`qinglang alliance sync|confirm|alerts|demo`: the member side after a scan, and the multi-party demo.

Registered onto the `qinglang alliance` group by commands/alliance.py (one call), so the party
commands of slices 1-2 and these member commands live in separate modules. A member's hub and key
holder credentials come from flags (keys also from the environment) or from one `--member-config`
JSON file (the demo writes one per lender). Heavy imports stay inside the functions.
"""

from __future__ import annotations

from pathlib import Path

import typer

_SCAN = typer.Option(
    ..., "--scan", exists=True, file_okay=False, help="the scan's --out folder / 扫描输出目录"
)
_COMPLAINTS = typer.Option(
    ..., "--complaints", exists=True, dir_okay=False, help="the complaints file the scan read / 投诉文件"
)
_CUSTOMERS = typer.Option(
    None, "--customers", exists=True, dir_okay=False, help="the loan book the scan read / 客户文件"
)


def _config(
    member_config: Path | None,
    hub: str | None,
    member_id: str | None,
    hub_api_key: str | None,
    member_key: Path | None,
    keyholder: list[str] | None,
    api_key: list[str] | None,
    need_keyholders: bool = True,
):
    from qinglang.alliance.client import Keyholder
    from qinglang.alliance.member import MemberConfig

    if member_config is not None:
        return MemberConfig.load(member_config)
    if not (hub and member_id and hub_api_key and member_key):
        raise typer.BadParameter(
            "give --member-config, or --hub, --member-id, --hub-api-key and --member-key"
        )
    keyholder, api_key = keyholder or [], api_key or []
    if len(api_key) == 1 and len(keyholder) > 1:
        api_key = api_key * len(keyholder)
    if not need_keyholders:
        return MemberConfig(member_id, hub, hub_api_key, member_key, [])
    if len(keyholder) != 2 or len(api_key) != 2:
        raise typer.BadParameter("give exactly two --keyholder URLs and one --api-key per key holder")
    khs = [Keyholder(u, k) for u, k in zip(keyholder, api_key, strict=True)]
    return MemberConfig(member_id, hub, hub_api_key, member_key, khs)


def _opts():
    return dict(
        member_config=typer.Option(None, "--member-config", exists=True, dir_okay=False, help="member JSON"),
        hub=typer.Option(None, "--hub", help="hub URL"),
        member_id=typer.Option(None, "--member-id", help="this member's id at the hub"),
        hub_api_key=typer.Option(
            None, "--hub-api-key", envvar="QINGLANG_ALLIANCE_HUB_KEY", help="hub API key"
        ),
        member_key=typer.Option(None, "--member-key", help="Ed25519 private key file (hub-keygen)"),
        keyholder=typer.Option(None, "--keyholder", help="key holder URL (give both)"),
        api_key=typer.Option(
            None, "--api-key", envvar="QINGLANG_ALLIANCE_API_KEY", help="key holder API key"
        ),
    )


_O = _opts()


def register(app: typer.Typer) -> None:
    @app.command(
        "sync",
        help="共享本机构指标令牌并匹配联盟确认 / share this member's tokens, match them, write alliance_matches.jsonl",
    )
    def sync(
        scan: Path = _SCAN,
        complaints: Path = _COMPLAINTS,
        customers: Path | None = _CUSTOMERS,
        member_config: Path | None = _O["member_config"],
        hub: str | None = _O["hub"],
        member_id: str | None = _O["member_id"],
        hub_api_key: str | None = _O["hub_api_key"],
        member_key: Path | None = _O["member_key"],
        keyholder: list[str] | None = _O["keyholder"],
        api_key: list[str] | None = _O["api_key"],
        as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
    ) -> None:
        import json

        from qinglang.alliance import member
        from qinglang.alliance.client import KeyholderError
        from qinglang.alliance.hub_client import HubError
        from qinglang.alliance.member_indicators import load_inbox

        cfg = _config(member_config, hub, member_id, hub_api_key, member_key, keyholder, api_key)
        say = (lambda m: typer.echo(m, err=True)) if not as_json else (lambda m: None)
        try:
            summary = member.sync(scan, load_inbox(complaints, customers), cfg, progress=say)
        except (KeyholderError, HubError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        if as_json:
            typer.echo(json.dumps(summary, ensure_ascii=False))
            return
        typer.echo(
            f"联盟同步 / alliance sync: 共享 shared {summary['tokens_shared']} tokens, "
            f"命中 matched {summary['tokens_matched']}, 涉及投诉 complaints {summary['complaints_matched']} "
            f"(新解释 newly explained {summary['complaints_newly_explained']}), "
            f"{summary['timings']['total_s']} s → {scan / member.MATCHES_FILE}"
        )

    @app.command("confirm", help="把确认的团伙提交到联盟 / file a confirmed campaign as a signed event")
    def confirm(
        scan: Path = _SCAN,
        cluster: list[str] = typer.Option(None, "--cluster", help="cluster id (repeat); see clusters.json"),
        all_campaigns: bool = typer.Option(
            False, "--all-campaigns", help="every flagged cluster of status campaign"
        ),
        complaints: Path = _COMPLAINTS,
        customers: Path | None = _CUSTOMERS,
        distribution: str = typer.Option("alliance", help="own | alliance | police"),
        member_config: Path | None = _O["member_config"],
        hub: str | None = _O["hub"],
        member_id: str | None = _O["member_id"],
        hub_api_key: str | None = _O["hub_api_key"],
        member_key: Path | None = _O["member_key"],
        keyholder: list[str] | None = _O["keyholder"],
        api_key: list[str] | None = _O["api_key"],
    ) -> None:
        import json

        from qinglang.alliance import member
        from qinglang.alliance.client import KeyholderError
        from qinglang.alliance.hub_client import HubError
        from qinglang.alliance.member_indicators import load_inbox

        cfg = _config(member_config, hub, member_id, hub_api_key, member_key, keyholder, api_key)
        ids = list(cluster or [])
        if all_campaigns:
            clusters = json.loads((scan / "clusters.json").read_text(encoding="utf-8"))
            ids += [c["cluster_id"] for c in clusters if c.get("flagged") and c.get("status") == "campaign"]
        if not ids:
            raise typer.BadParameter("give --cluster CID or --all-campaigns")
        try:
            rows = member.confirm(
                scan, load_inbox(complaints, customers), ids, cfg, distribution,
                progress=lambda m: typer.echo(m, err=True),
            )  # fmt: skip
        except KeyError as exc:
            raise typer.BadParameter(str(exc)) from exc
        except (KeyholderError, HubError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        filed = [r for r in rows if r["event_uuid"]]
        typer.echo(
            f"已提交 filed {len(filed)} 个团伙 campaigns, {sum(len(r['tokens']) for r in filed)} tokens "
            f"→ {scan / member.CONFIRMED_FILE}"
        )

    @app.command(
        "alerts", help="拉取联盟预警并对应到本机构投诉 / poll alerts and name this member's complaints"
    )
    def alerts(
        scan: Path = _SCAN,
        include_delivered: bool = typer.Option(False, "--include-delivered", help="also alerts read before"),
        member_config: Path | None = _O["member_config"],
        hub: str | None = _O["hub"],
        member_id: str | None = _O["member_id"],
        hub_api_key: str | None = _O["hub_api_key"],
        member_key: Path | None = _O["member_key"],
        keyholder: list[str] | None = _O["keyholder"],
        api_key: list[str] | None = _O["api_key"],
    ) -> None:
        from qinglang.alliance import member
        from qinglang.alliance.hub_client import HubError

        cfg = _config(member_config, hub, member_id, hub_api_key, member_key, keyholder, api_key, False)
        try:
            got = member.alerts(scan, cfg, include_delivered)
        except HubError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        for a in got:
            labels = sorted({t.get("label") or "" for t in a["tokens"]})
            typer.echo(
                f"预警 alert {a['alert_id']}: {len(a['tokens'])} tokens, 本机构投诉 own complaints "
                f"{len(a['complaints'])} ({'; '.join(labels)}): {', '.join(a['complaints'][:10])}"
                + (" …" if len(a["complaints"]) > 10 else "")
            )
        typer.echo(f"{len(got)} 条新预警 new alerts → {scan / member.ALERTS_FILE}", err=True)

    @app.command(
        "demo",
        help="多方联盟演示：中心、两个密钥方、三家机构各自进程 / run hub, 2 key holders, 3 lenders on loopback",
    )
    def demo(
        out: Path = typer.Option(..., "--out", file_okay=False, help="output folder / 输出目录"),
        complaints: int = typer.Option(1500, "--complaints", help="complaints per lender inbox"),
        seed: int = typer.Option(2026, "--seed", help="random seed of the three inboxes"),
    ) -> None:
        from qinglang.alliance.demo import run_demo

        summary = run_demo(out, complaints_per_lender=complaints, seed=seed, say=lambda m: typer.echo(m))
        typer.echo(f"→ {out / 'alliance_demo.json'} ({summary['timings']['total_s']} s)")
