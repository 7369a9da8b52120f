"""DetectionConfig: every knob of complaint detection in one serialisable object.

Splink's habit: all parameters of a run live in one settings object that is saved with the run,
so a result can always be traced to the exact rules that made it. The batch scan and the online
path receive the same object; the online index stores it and refuses to score with another.

Sources, later ones winning: the defaults below < a TOML file (`--config F` or
`QINGLANG_CONFIG`) < environment (`QINGLANG_FLAG_THRESHOLD`) < explicit command-line options.
Unknown keys are errors (a typo must not silently keep the default).

The defaults are the values measured and documented in docs/signals.md; signal weights default
to the evidence-code table (`qinglang.codes`) and are overridden by `weights`, keyed
"scope.code" (e.g. "campaign.burst = 0.2").
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from qinglang.codes import CODES

MINHASH_SEED = 20260301


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LshParams(_Section):
    """bands x rows = num_perm. With 32 x 2 a pair at Jaccard 0.3 becomes a candidate with
    probability 1 - (1 - 0.3^2)^32 = 0.95; candidates are then verified on the full signature.

    Measured on generated lenders: copies of one agency template with sentence-level variation
    sit at 0.2-0.4 (median 0.19), two genuine complaints on one topic at 0.00-0.02 (90th
    percentile), so the verified threshold is 0.3.
    """

    bands: int = Field(default=32, ge=1)
    rows: int = Field(default=2, ge=1)
    # estimated Jaccard needed to accept a candidate pair
    threshold: float = Field(default=0.3, ge=0.0, le=1.0)
    shingle: int = Field(default=4, ge=1)
    seed: int = MINHASH_SEED

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows


class IndexParams(_Section):
    """Which shared values become indicators (link/graph.build_indicator_index)."""

    common_share: float = 0.05  # a quoted value in more than this share of complaints is public...
    common_floor: int = 200  # ...and in at least this many: a platform or official number
    family_max_customers: int = 4  # a phone/handset shared by <= this many customers of one surname
    household_max_customers: int = 3  # ...or by <= this many, any surnames, complaining in their own words


class TemplateLinkParams(_Section):
    """Which template groups may link complaints of different customers (scan.linking_templates)."""

    min_agency_share: float = 0.3  # share of copies with the agency package or jargon
    batch_hours: float = 72.0  # a batch: >= 3 customers' near-copies inside this window...
    batch_similarity: float = 0.5  # ...at this mean verified similarity


class CommunityParams(_Section):
    """The community rules shared by the batch (link/graph.communities) and the online path
    (online.OnlineIndex.score); both call link/rules with this object."""

    loner_similarity: float = 0.5  # a template loner joins when at least this close a copy
    min_city_share: float = 0.4  # a group's dominant complainant city
    min_block_share: float = 0.3  # a group's dominant IP /24 block
    office_block_min: int = 5  # an office block: >= this many of the group's complaints...
    office_block_share: float = 0.6  # ...and this share of everything filed from it
    # a campaign's office network busy only in its sessions (link.rules.office_sessions): this
    # share of everything filed from the block lies within this many hours of the campaign's filings
    office_session_share: float = 0.8
    office_session_hours: float = 2.0
    nearest_sample: int = 50  # template copies per group compared when picking the nearest group
    strong_membership: float = 1.0  # carries an organiser indicator or the cluster's template
    weak_membership: float = 0.85  # tied otherwise
    timing_membership: float = 0.85  # attached by due-date timing and demands alone
    due_window_days: int = 3  # "just before the due date": 0..this many days
    timing_percentiles: tuple[float, float] = (5.0, 95.0)  # a campaign's active period
    timing_demands: tuple[str, ...] = (
        "stop_interest",
        "long_instalments",
        "principal_only",
        "waive_fees",
        "stop_collection",
    )
    # a coached-wave campaign's sessions (link.rules.wave_session_match): a complaint filed within
    # `wave_session_slack_minutes` of one of them, or a copy a regulator forwards up to
    # `wave_echo_days` after it, carrying the agency's demands and read as the package, joins it
    wave_session_slack_minutes: float = 40.0
    wave_echo_days: float = 5.0
    wave_echo_channels: tuple[str, ...] = ("regulator",)
    # ...or a member of a group filing itself who files up to this many hours after the session ended
    # (a straggler: "昨晚没赶上，今天补交"), open only where ordinary package-read complaints are rare
    wave_straggler_hours: float = 24.0
    # a complaint of a borrower already in a flagged campaign, in the agency's words, filed within this
    # many days of one of the borrower's complaints there, joins it (link.rules.represented_match):
    # the same borrower and the package are stronger than timing, and a regulator's forwarding
    # (转办) can take up to two weeks
    represented_days: float = 14.0
    # ...carrying at least this many of the package's relief demands (and more agency than grievance
    # demands): a campaign member's own grievance asking "停止催收" and threatening to sue is not it
    represented_min_demands: int = 2
    represented_demands: tuple[str, ...] = (
        "stop_interest",
        "waive_fees",
        "principal_only",
        "long_instalments",
        "erase_credit",
    )


class ClusterParams(_Section):
    min_customers: int = 2  # a cluster must tie at least this many customers together
    small_cluster_customers: int = 3  # below this many customers the `small_cluster` guard applies
    # Coordination before similarity (docs/signals.md): a cluster becomes a campaign only when one
    # of these codes is among its evidence. Similar wording, a burst, one region, one IP block or
    # overdue borrowers alone make it a "watch" at most: its score is capped at `watch_cap`.
    coordination_codes: tuple[str, ...] = (
        "shared_agent_contact",
        "one_phone_many_customers",
        "shared_device",
        "fake_lawyer_licence",
        "agency_demands",
        "black_gray_vocabulary",
        "suspicious_materials",
        "due_date_timing",
        "co_timed_filing",
        "coached_wave",
        "coached_script",
    )
    watch_threshold: float = Field(
        default=0.3, ge=0.0, le=1.0
    )  # uncoordinated clusters from here are "watch"
    watch_cap: float = Field(
        default=0.45, ge=0.0, le=1.0
    )  # and score at most this (below the flag threshold)
    # campaigns filed in the same sessions with the same dominant intent are joined (signals/cotiming.py)
    cotiming_window_hours: float = 2.0
    cotiming_min_share: float = 0.5  # of each campaign's members within the window of the other's
    cotiming_min_members: int = 4
    cotiming_min_lift: float = 0.3  # above the share when one side is shifted by whole days
    # ...down to this many members when both file from the same IP /24 block (one office)
    cotiming_office_min_members: int = 2
    # coached waves (signals/waves.py): complaints carrying the agency package, each within
    # `wave_gap_minutes` of the previous, at least `wave_min_members`, Poisson tail (times the
    # places a wave could start) below `wave_max_p` against the inbox's own rate of such complaints
    wave_gap_minutes: float = 40.0
    wave_min_demands: int = (
        2  # agency demands the lexicon reads in a candidate (the intent model then decides)
    )
    wave_min_members: int = 6
    # a run of demand-carrying complaints is read by the intent model when at least this many carry
    # the whole package by the lexicon (the rest may paraphrase it)
    wave_seed_members: int = 3
    wave_max_p: float = 1e-6
    # a flagged campaign's sessions (signals/waves.campaign_sessions): runs of its members' filings
    # that are themselves waves of at least this many (link.rules.wave_session_match attaches by them)
    session_min_members: int = 4
    # ...open to joiners only where at most this many ordinary complaints read as the package are
    # expected in them (at their rate outside every session window; echo windows likewise)
    session_max_expected: float = 1.0
    session_max_hours: float = 4.0  # a longer run is continuous filing, not a session
    # coached-only campaigns (signals/coached.py) whose members are as close across as within
    # (cross mean similarity / geometric mean of the within means) are one coaching group's script
    coached_script_min_ratio: float = 0.9
    # a rented SIM pool retires cards and starts new ones (scan._join_sim_pools): a virtual-operator
    # campaign starting at most this many days after another ended is the retired card's successor
    # (cards are rented by the week: "租一周"; blind b25's pool paused 2-5 days between cards)
    sim_pool_successor_max_days: float = 7.0
    # coached cohorts (signals/cohort.py): loose complaints read as the agency package from overdue
    # (or soon due) borrowers, filed over weeks, whose wording is far closer to each other than
    # random groups of the lender's other overdue borrowers' complaints are
    cohort_enabled: bool = True
    cohort_min_members: int = 8  # customers
    cohort_due_days: int = 7  # "soon due": within this many days of a due date
    cohort_member_lift: float = (
        1.5  # a member's mean similarity to the others over its similarity to the background
    )
    cohort_min_lift: float = 1.75  # the group's mean pairwise similarity over random background groups'
    cohort_max_p: float = 0.002  # permutation p-value against the background groups
    cohort_draws: int = 999
    cohort_min_background: int = 20
    cohort_background_max: int = 3000
    cohort_batch_gap_days: float = (
        4.0  # filings further apart than this are different batches (evidence text)
    )


class SignalParams(_Section):
    """Firing thresholds and weight formulas of the campaign signals (signals/campaign.py)."""

    template_min_customers: int = 3
    template_base: float = 0.25  # weight = min(cap, base + per_log10 * log10(customers) + per_share * share)
    template_per_log10: float = 0.1
    template_per_share: float = 0.05
    contact_min_customers: int = 3
    contact_base: float = 0.45
    contact_per_log10: float = 0.05
    phone_min_customers: int = 3
    phone_base: float = 0.4
    phone_per_log10: float = 0.08
    device_min_customers: int = 3
    ip_block_min_customers: int = 3
    ip_block_min_share: float = 0.2
    region_min_customers: int = 5
    region_min_share: float = 0.3
    region_min_lift: float = 4.0
    region_max_p: float = 1e-4
    region_base_floor: int = 1000  # a city's base share is at least 1 / max(customers, this)
    burst_window_hours: float = 24.0
    burst_min_count: int = 5
    burst_max_p: float = 1e-3
    burst_min_ratio: float = 3.0
    elevated_min_known: int = 5  # share-over-base signals need this many members with the fact
    elevated_base_floor: float = 0.01
    due_min_share: float = 0.5
    due_min_lift: float = 2.5
    overdue_min_share: float = 0.6
    overdue_min_lift: float = 2.0
    agency_min_share: float = 0.5
    vocabulary_min_share: float = 0.3
    materials_min_members: int = 2
    guard_min_grievance: float = 0.4
    guard_max_agency: float = 0.2
    # intent model (qinglang.intent): a member counts for an intent when it is the model's top one
    reported_party_min_grievance: float = 0.5  # a contact quoted mostly in grievances is the reported party


class DetectionConfig(_Section):
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)  # flag threshold of complaints and campaigns
    lsh: LshParams = LshParams()
    index: IndexParams = IndexParams()
    templates: TemplateLinkParams = TemplateLinkParams()
    community: CommunityParams = CommunityParams()
    clusters: ClusterParams = ClusterParams()
    signals: SignalParams = SignalParams()
    weights: dict[str, float] = Field(default_factory=dict)  # "scope.code" -> weight

    @field_validator("weights")
    @classmethod
    def _known_codes(cls, v: dict[str, float]) -> dict[str, float]:
        for key in v:
            scope, _, name = key.partition(".")
            if (scope, name) not in CODES:
                raise ValueError(
                    f"unknown evidence code {key!r} (write it as scope.code, e.g. campaign.burst)"
                )
        return v

    def weight(self, scope: str, name: str) -> float:
        """The weight of an evidence code in this run: the override, else the table default."""
        key = f"{scope}.{name}"
        if key in self.weights:
            return self.weights[key]
        return CODES[(scope, name)].weight

    # -- serialisation ------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def digest(self) -> str:
        """sha256 of the canonical JSON: two runs with the same digest used the same rules."""
        blob = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DetectionConfig:
        return cls.model_validate(data)

    def with_overrides(self, **changes: Any) -> DetectionConfig:
        """A copy with top-level fields replaced, validated like a file would be."""
        return DetectionConfig.model_validate(self.to_dict() | changes)


class ConfigError(ValueError):
    """A configuration file or variable that cannot be used, with a message saying why."""


def load_config(path: Path | str | None = None, env: dict[str, str] | None = None) -> DetectionConfig:
    """Defaults < TOML file (`path`, else $QINGLANG_CONFIG) < $QINGLANG_FLAG_THRESHOLD."""
    env = dict(os.environ) if env is None else env
    data: dict[str, Any] = {}
    path = path or env.get("QINGLANG_CONFIG") or None
    if path:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"配置文件不存在 / config file not found: {p}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                f"配置文件不是有效的 TOML / config file is not valid TOML: {p}: {exc}"
            ) from None
    raw = env.get("QINGLANG_FLAG_THRESHOLD")
    if raw:
        try:
            data["threshold"] = float(raw)
        except ValueError:
            raise ConfigError(f"QINGLANG_FLAG_THRESHOLD 不是数字 / is not a number: {raw!r}") from None
    try:
        return DetectionConfig.model_validate(data)
    except ValidationError as exc:
        where = f" ({path})" if path else ""
        msgs = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"配置无效 / invalid detection config{where}: {msgs}") from None
