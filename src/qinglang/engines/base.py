"""The engine seam: the few scan stages whose work grows with the inbox, as abstract methods.

An engine runs the per-record map (features and MinHash signatures), the LSH grouping of
near-duplicate templates and the indicator index. Everything after them (the entity graph,
communities, campaign signals, record scores) works on what these return and runs on the
driver, in `qinglang.scan.run_scan`, whatever the engine. An engine holds no detection logic:
each method calls the stage functions of qinglang.link and differs only in where they run, so
two engines given the same inbox return the same tables (tests/engines checks it).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from qinglang.detection_config import IndexParams, LshParams
from qinglang.link.graph import IndicatorIndex
from qinglang.link.minhash import TemplateGroups
from qinglang.link.records import CustomerLike, RecordFeatures
from qinglang.link.table import FeatureTable
from qinglang.schema import Complaint

Progress = Callable[[str, int, int], None]


class Engine(ABC):
    """Where the scan's heavy stages run. Positions are the complaints' order in the input."""

    name: str = "abstract"

    @abstractmethod
    def features(
        self,
        complaints: Iterable[Complaint],
        customers: Mapping[str, CustomerLike],
        lsh: LshParams,
        progress: Progress,
        total: int | None = None,
    ) -> tuple[FeatureTable, np.ndarray]:
        """The per-record map: one feature row, the raw text and the MinHash signature per
        complaint, in input order (`link.table`, `link.minhash.signatures`). The rows come back
        with `norm_text` emptied: only the signatures needed it."""

    @abstractmethod
    def near_duplicates(self, sigs: np.ndarray, params: LshParams) -> TemplateGroups:
        """Template groups: LSH bands grouped by key, candidates verified, components joined
        (`link.minhash.group_near_duplicates` in process)."""

    @abstractmethod
    def indicator_index(self, feats: Sequence[RecordFeatures], params: IndexParams | None) -> IndicatorIndex:
        """Indicators exploded and grouped by value, kept by `link.graph.indicator_index_of`."""

    @property
    def ui_url(self) -> str | None:
        """Where to watch the run (Spark's UI), if anywhere."""
        return None

    def close(self) -> None:
        """Release what the engine started (a SparkSession it created)."""
        return None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
