"""The member side after a scan: share tokens, learn what the alliance confirmed, file confirmations,
read alerts — all written next to the scan's own output (issue 13, item 3).

`sync` tokenises the inbox's shareable indicators (alliance.member_indicators) through both key
holders, puts them as the member's holdings at the hub, asks which of them warn, and writes
`alliance_matches.jsonl`: one line per complaint carrying a warned token, with the reason
`alliance_confirmed` (how many members, disputes, first/last seen). `confirm` files one of the
scan's campaigns as a signed MISP-shaped event. `alerts` polls the hub's feed and names the
member's own complaints behind each alerted token. The member keeps token -> complaint ids in
`alliance_tokens.jsonl` (no raw value in it): that is how an alert about an opaque token becomes a
list of its own complaints, and the only place the mapping exists.

Files this writes in the scan folder (all the member's own; none leaves it):
- alliance_tokens.jsonl: token, kind, the indicator kinds it was found as, complaint ids;
- alliance_matches.jsonl: complaint -> warned tokens and the reason;
- alliance_confirmed.jsonl: events this member filed (cluster, event uuid, tokens);
- alliance_alerts.jsonl: alerts received (appended), with the member's complaint ids;
- alliance_sync.json: the last sync's counts and timings.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from qinglang import indicators
from qinglang.alliance import member_indicators as mi
from qinglang.alliance.canonical import canonical_bytes
from qinglang.alliance.client import Keyholder, Tokenizer

TOKENS_FILE = "alliance_tokens.jsonl"
MATCHES_FILE = "alliance_matches.jsonl"
CONFIRMED_FILE = "alliance_confirmed.jsonl"
ALERTS_FILE = "alliance_alerts.jsonl"
SYNC_FILE = "alliance_sync.json"
REASON_CODE = "alliance_confirmed"
SHANGHAI = ZoneInfo("Asia/Shanghai")

Progress = Callable[[str], None]


def _quiet(_msg: str) -> None:
    pass


@dataclass
class MemberConfig:
    """Where the member's alliance parties are and its credentials (a 0600 JSON file in practice)."""

    member_id: str
    hub_url: str
    hub_api_key: str
    member_key: Path  # Ed25519 private key file (alliance hub-keygen)
    keyholders: list[Keyholder] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> MemberConfig:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        key = Path(raw["member_key"])
        if not key.is_absolute():
            key = Path(path).parent / key
        return cls(
            raw["member_id"],
            raw["hub_url"],
            raw["hub_api_key"],
            key,
            [Keyholder(k["url"], k["api_key"]) for k in raw["keyholders"]],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "member_id": self.member_id,
            "hub_url": self.hub_url,
            "hub_api_key": self.hub_api_key,
            "member_key": str(Path(self.member_key).resolve()),
            "keyholders": [{"url": k.url, "api_key": k.api_key} for k in self.keyholders],
        }

    def hub(self):  # -> HubClient (imported lazily: PyNaCl)
        from qinglang.alliance.hub_client import HubClient
        from qinglang.alliance.signing import load_or_create_signing_key

        if not Path(self.member_key).exists():  # never make a new key here: it would not be registered
            raise FileNotFoundError(f"member key {self.member_key} not found (alliance hub-keygen makes one)")
        key = load_or_create_signing_key(self.member_key)
        return HubClient(self.hub_url, self.member_id, self.hub_api_key, key)


# -- local files -------------------------------------------------------------------------------


def _write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    n = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_token_map(scan_dir: Path) -> dict[str, dict]:
    """token -> {kind, found_as, complaints} from the last sync."""
    return {r["token"]: r for r in _read_jsonl(Path(scan_dir) / TOKENS_FILE)}


def own_confirmed_tokens(scan_dir: Path) -> set[str]:
    return {t for r in _read_jsonl(Path(scan_dir) / CONFIRMED_FILE) for t in r["tokens"]}


def _scan_rows(scan_dir: Path) -> dict[str, dict]:
    """complaint id -> the scan's row (flagged, cluster_id) from complaints_scored.jsonl."""
    return {r["complaint_id"]: r for r in _read_jsonl(Path(scan_dir) / "complaints_scored.jsonl")}


def _clusters(scan_dir: Path) -> dict[str, dict]:
    path = Path(scan_dir) / "clusters.json"
    return {c["cluster_id"]: c for c in json.loads(path.read_text(encoding="utf-8"))} if path.exists() else {}


# -- tokenising ----------------------------------------------------------------------------------


def tokenize_holdings(
    tok: Tokenizer, held: dict[tuple[str, str], mi.Holding], progress: Progress = _quiet
) -> dict[tuple[str, str], str]:
    keys = sorted(held)

    def report(done: int, total: int) -> None:
        progress(f"令牌化 tokenised {done}/{total}")

    tokens = tok.tokens_for_inputs([canonical_bytes(k, v) for k, v in keys], report)
    return dict(zip(keys, tokens, strict=True))


# -- the reason ------------------------------------------------------------------------------------


def _day(iso: str | None) -> str | None:
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone(SHANGHAI).date().isoformat()


def reason(matches: Sequence[dict]) -> dict[str, Any]:
    """The `alliance_confirmed` reason of one complaint from its warned tokens (strongest first)."""
    best = max(matches, key=lambda m: (m["confirmations"], m["police_confirmed"], -len(m["display"])))
    firsts = [d for d in (_day(m.get("first_seen")) for m in matches) if d]
    first = min(firsts) if firsts else None
    n, disputes = best["confirmations"], best["disputes"]
    zh_kind, en_kind = indicators.zh(best["found_as"][0]), indicators.en(best["found_as"][0])
    zh = f"该投诉中的{zh_kind} {best['display']} 已被 {n} 家联盟成员确认为黑灰产"
    en = f"the {en_kind} {best['display']} in this complaint was confirmed as black/gray by {n} alliance member{'s' if n != 1 else ''}"
    if best["police_confirmed"]:
        zh, en = zh + "（含公安确认案件）", en + " (incl. a police-confirmed case)"
    if first:
        zh, en = zh + f"（最早 {first}）", en + f" (first seen {first})"
    if disputes:
        zh, en = zh + f"，{disputes} 家有异议", en + f", {disputes} disputed"
    if len(matches) > 1:
        zh += f"；共 {len(matches)} 项指标被联盟确认"
        en += f"; {len(matches)} of its indicators are confirmed in the alliance"
    return {
        "code": REASON_CODE,
        "weight": 0.0,
        "detail_zh": zh,
        "detail_en": en,
        "confirmations": n,
        "disputes": disputes,
        "first_seen": first,
    }


# -- sync ------------------------------------------------------------------------------------------


def sync(
    scan_dir: Path, inbox: mi.Inbox, cfg: MemberConfig, progress: Progress = _quiet, batch: int = 2_000
) -> dict[str, Any]:
    """Tokenise, put holdings, match; write the token map, the matches and a summary."""
    scan_dir = Path(scan_dir)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    held = mi.holdings(inbox)
    timings["collect_s"] = round(time.perf_counter() - t0, 3)
    progress(f"可共享指标 shareable indicators: {len(held)}")
    t = time.perf_counter()
    with Tokenizer(cfg.keyholders, batch=batch) as tok:
        tokens = tokenize_holdings(tok, held, progress)
    timings["tokenize_s"] = round(time.perf_counter() - t, 3)
    by_token = {tokens[k]: held[k] for k in held}
    _write_jsonl(
        scan_dir / TOKENS_FILE,
        (
            {"token": tk, "kind": h.kind, "found_as": sorted(h.found_as), "complaints": sorted(h.complaints)}
            for tk, h in sorted(by_token.items())
        ),
    )
    with cfg.hub() as hub:
        t = time.perf_counter()
        put = hub.put_holdings(sorted(by_token), mode="replace") if by_token else {"holdings": 0}
        timings["holdings_s"] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()
        found = hub.match(sorted(by_token))["matches"] if by_token else []
        timings["match_s"] = round(time.perf_counter() - t, 3)
    progress(f"已共享 shared {put['holdings']} tokens, 命中 matched {len(found)}")
    summary = write_matches(scan_dir, by_token, found)
    summary |= {"member": cfg.member_id, "tokens_shared": len(by_token), "timings": timings}
    summary["timings"]["total_s"] = round(time.perf_counter() - t0, 3)
    (scan_dir / SYNC_FILE).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def write_matches(scan_dir: Path, by_token: dict[str, mi.Holding], found: Sequence[dict]) -> dict[str, Any]:
    """alliance_matches.jsonl from the hub's answer; returns the counts."""
    own = own_confirmed_tokens(scan_dir)
    scan = _scan_rows(scan_dir)
    per_complaint: dict[str, list[dict]] = {}
    for m in found:
        h = by_token.get(m["token"])
        if h is None:
            continue
        found_as = sorted(h.found_as, key=lambda k: (k not in mi.SHARED_KINDS, k))
        entry = {
            "token": m["token"],
            "kind": h.kind,
            "found_as": found_as,
            "display": indicators.display_value(found_as[0], h.value),
            "confirmations": m["confirmations"],
            "disputes": m["disputes"],
            "police_confirmed": m["police_confirmed"],
            "first_seen": m.get("first_seen"),
            "last_seen": m.get("last_seen"),
            "label": m.get("label"),
            "own_confirmation": m["token"] in own,
        }
        for cid in h.complaints:
            per_complaint.setdefault(cid, []).append(entry)
    rows: list[dict[str, Any]] = []
    for cid in sorted(per_complaint):
        ms = sorted(per_complaint[cid], key=lambda e: (-e["confirmations"], e["token"]))
        srow = scan.get(cid, {})
        rows.append(
            {
                "complaint_id": cid,
                "cluster_id": srow.get("cluster_id"),
                "flagged_by_scan": bool(srow.get("flagged")),
                "matches": ms,
                "reason": reason(ms),
            }
        )
    _write_jsonl(Path(scan_dir) / MATCHES_FILE, rows)
    return {
        "tokens_matched": len(found),
        "complaints_matched": len(rows),
        "complaints_newly_explained": sum(1 for r in rows if not r["flagged_by_scan"]),
    }


def read_matches(scan_dir: Path) -> dict[str, dict]:
    """complaint id -> its alliance_matches.jsonl row (for reports and pages that show the reason)."""
    return {r["complaint_id"]: r for r in _read_jsonl(Path(scan_dir) / MATCHES_FILE)}


# -- confirm ---------------------------------------------------------------------------------------


def confirm(
    scan_dir: Path,
    inbox: mi.Inbox,
    cluster_ids: Sequence[str],
    cfg: MemberConfig,
    distribution: str = "alliance",
    progress: Progress = _quiet,
) -> list[dict[str, Any]]:
    """File each cluster as a confirmed campaign: its shareable indicators (carried by >= 2 of its
    customers) as tokens, first/last seen, size and the scan's reason codes."""
    scan_dir = Path(scan_dir)
    clusters = _clusters(scan_dir)
    missing = [c for c in cluster_ids if c not in clusters]
    if missing:
        raise KeyError(f"no such cluster in {scan_dir / 'clusters.json'}: {', '.join(missing)}")
    held = mi.holdings(inbox)
    out: list[dict[str, Any]] = []
    with Tokenizer(cfg.keyholders) as tok, cfg.hub() as hub:
        for cid in cluster_ids:
            c = clusters[cid]
            camp = mi.campaign_holdings(held, c["complaint_ids"])
            if not camp:
                progress(f"{cid}: 无可共享指标 no shareable indicator, not filed")
                out.append({"cluster_id": cid, "event_uuid": None, "tokens": []})
                continue
            tokens = tokenize_holdings(tok, camp)
            codes = sorted({r["code"] for r in c.get("reasons", []) if r.get("weight", 0) > 0})
            ans = hub.submit_event(
                [(tokens[k], k[0]) for k in sorted(camp)],
                info="已确认团伙代投诉 / confirmed complaint campaign",
                distribution=distribution,
                size=int(c.get("size", len(c["complaint_ids"]))),
                reason_codes=codes,
                first_seen=c.get("first_seen"),
                last_seen=c.get("last_seen"),
            )
            row = {
                "cluster_id": cid,
                "event_uuid": ans["uuid"],
                "distribution": distribution,
                "tokens": sorted(tokens.values()),
                "kinds": sorted({k for k, _v in camp}),
                "filed_at": datetime.now(SHANGHAI).isoformat(),
                "dropped_warninglisted": ans["dropped_warninglisted"],
            }
            with (scan_dir / CONFIRMED_FILE).open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            progress(f"{cid}: 已提交 filed {ans['attributes_stored']} tokens ({', '.join(row['kinds'])})")
            out.append(row)
    return out


# -- alerts ----------------------------------------------------------------------------------------


def alerts(scan_dir: Path, cfg: MemberConfig, include_delivered: bool = False) -> list[dict[str, Any]]:
    """Poll the hub's feed; each alert gets the member's own complaints behind its tokens and is
    appended to alliance_alerts.jsonl."""
    scan_dir = Path(scan_dir)
    tmap = read_token_map(scan_dir)
    with cfg.hub() as hub:
        feed = hub.alerts(include_delivered=include_delivered)
    out = []
    for a in feed:
        toks = []
        for t in a["tokens"]:
            local = tmap.get(t["token"], {})
            toks.append(t | {"kind_local": local.get("kind"), "complaints": local.get("complaints", [])})
        complaints = sorted({c for t in toks for c in t["complaints"]})
        out.append(
            {
                "alert_id": a["id"],
                "event_uuid": a["event_uuid"],
                "created": a["created"],
                "tokens": toks,
                "complaints": complaints,
            }
        )
    if out:
        with (scan_dir / ALERTS_FILE).open("a", encoding="utf-8") as fh:
            for r in out:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


def campaign_alliance(
    out_dir: str | Path | None, complaint_ids: Sequence[str], limit: int = 20
) -> dict[str, Any] | None:
    """For a campaign page: how many of its members carry an alliance-confirmed indicator, the
    most confirmations and the earliest first seen, and the reasons of up to `limit` of them (read
    from the scan folder's alliance_matches.jsonl, as the page reads materials_scored.jsonl).
    None when the scan was never synced or none of its members match."""
    if not out_dir or not (Path(out_dir) / MATCHES_FILE).is_file():
        return None
    rows = read_matches(Path(out_dir))
    hit = [rows[c] for c in complaint_ids if c in rows]
    if not hit:
        return None
    firsts = [r["reason"]["first_seen"] for r in hit if r["reason"].get("first_seen")]
    return {
        "complaints": len(hit),
        "max_confirmations": max(r["reason"]["confirmations"] for r in hit),
        "first_seen": min(firsts) if firsts else None,
        "reasons": [
            {
                "complaint_id": r["complaint_id"],
                "detail_zh": r["reason"]["detail_zh"],
                "detail_en": r["reason"]["detail_en"],
            }
            for r in hit[:limit]
        ],
    }
