"""Post scoring results saved with a scan run: each post's score and each ad group (issue 12 item 4).

The workbench shows ad groups and the campaigns they feed (advert -> agency -> complaint batch);
before this, posts were scored only into files nobody's page read. A scan run that finds posts in
the store scores them (posts/in_store.py) and saves here, under the run's id:

- `post_results`: per post — score, flagged, categories, intent, the matched terms and contacts
  with their spans on the original text (for highlighting), reasons, its group and how many
  complaints its contacts reach;
- `post_groups`: per ad group (accounts joined by a shared private contact) — accounts,
  platforms, contacts, post and flagged counts, first/last post, the complaints its contacts
  reach and the campaigns (clusters of that run) those complaints belong to;
- `post_group_campaigns`: group -> campaign with the number of complaints that join them,
  indexed by campaign so a campaign page finds the ads feeding it with one lookup.

Revision 0009_post_results creates the same tables. A run's rows are replaced as a whole, in one
transaction, so a reader never sees half of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Boolean, Float, Index, Integer, String, Table, delete, insert
from sqlalchemy.orm import Mapped, mapped_column

from qinglang.store.models import Base, JSONType, UTCDateTime
from qinglang.store.store import Store


class PostResultRow(Base):
    __tablename__ = "post_results"
    __table_args__ = (Index("ix_post_results_run_group", "run_id", "group_id"),)

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    post_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    score: Mapped[float] = mapped_column(Float, nullable=False)
    flagged: Mapped[bool] = mapped_column(Boolean, nullable=False)
    categories: Mapped[list[str]] = mapped_column(JSONType, nullable=False)
    intent: Mapped[str | None] = mapped_column(String(32))
    hits: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, nullable=False)
    contacts: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, nullable=False)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, nullable=False)
    group_id: Mapped[str | None] = mapped_column(String(16))
    complaint_count: Mapped[int] = mapped_column(Integer, nullable=False)


class PostGroupRow(Base):
    __tablename__ = "post_groups"
    __table_args__ = (Index("ix_post_groups_run_order", "run_id", "flagged", "max_score"),)

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    accounts: Mapped[list[str]] = mapped_column(JSONType, nullable=False)
    platforms: Mapped[list[str]] = mapped_column(JSONType, nullable=False)
    contacts: Mapped[list[str]] = mapped_column(JSONType, nullable=False)  # "kind:value"
    post_count: Mapped[int] = mapped_column(Integer, nullable=False)
    flagged_count: Mapped[int] = mapped_column(Integer, nullable=False)
    flagged: Mapped[bool] = mapped_column(Boolean, nullable=False)  # any of its posts flagged
    max_score: Mapped[float] = mapped_column(Float, nullable=False)
    first_post: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_post: Mapped[datetime | None] = mapped_column(UTCDateTime)
    complaint_ids: Mapped[list[str]] = mapped_column(JSONType, nullable=False)
    complaint_count: Mapped[int] = mapped_column(Integer, nullable=False)
    cluster_ids: Mapped[list[str]] = mapped_column(JSONType, nullable=False)


class PostGroupCampaignRow(Base):
    __tablename__ = "post_group_campaigns"
    __table_args__ = (Index("ix_post_group_campaigns_cluster", "run_id", "cluster_id"),)

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    cluster_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    complaints: Mapped[int] = mapped_column(
        Integer, nullable=False
    )  # the group reaches this many of its members


post_results = cast(Table, PostResultRow.__table__)
post_groups = cast(Table, PostGroupRow.__table__)
post_group_campaigns = cast(Table, PostGroupCampaignRow.__table__)

_BATCH = 2000


def save_post_results(
    store: Store,
    run_id: str,
    posts: Sequence[Mapping[str, Any]],
    groups: Sequence[Mapping[str, Any]],
    links: Sequence[Mapping[str, Any]],
) -> None:
    """Replace the run's post results with these rows (column dicts without run_id), atomically."""
    with store.engine.begin() as conn:
        for table in (post_group_campaigns, post_groups, post_results):
            conn.execute(delete(table).where(table.c.run_id == run_id))
        for table, rows in ((post_results, posts), (post_groups, groups), (post_group_campaigns, links)):
            full = [{**r, "run_id": run_id} for r in rows]
            for i in range(0, len(full), _BATCH):
                conn.execute(insert(table), full[i : i + _BATCH])
