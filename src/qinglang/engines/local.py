"""The in-process engine: the stage functions run in this process (and its feature pool).

Features and signatures (rensa) stream through `link.table.compute_features`, chunk by chunk (a
process pool past PARALLEL_MIN complaints); LSH banding and the index in numpy and dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from qinglang.detection_config import IndexParams, LshParams
from qinglang.engines.base import Engine, Progress
from qinglang.link.graph import IndicatorIndex, build_indicator_index
from qinglang.link.minhash import TemplateGroups, group_near_duplicates
from qinglang.link.records import CustomerLike, RecordFeatures
from qinglang.link.table import FeatureTable, compute_features
from qinglang.schema import Complaint


class LocalEngine(Engine):
    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers  # None: one feature worker per core (link.table)

    def features(
        self,
        complaints: Iterable[Complaint],
        customers: Mapping[str, CustomerLike],
        lsh: LshParams,
        progress: Progress,
        total: int | None = None,
    ) -> tuple[FeatureTable, np.ndarray]:
        # signatures per chunk as each chunk of rows returns: at 1M the whole-inbox pass ran ~45 s
        # after the features and held every normalised text until it ended
        table = compute_features(complaints, customers, progress, workers=self.workers, total=total, lsh=lsh)
        assert table.signatures is not None
        n = len(table.feats)
        progress("signatures", n, n)
        return table, table.signatures

    def near_duplicates(self, sigs: np.ndarray, params: LshParams) -> TemplateGroups:
        return group_near_duplicates(sigs, params)

    def indicator_index(self, feats: Sequence[RecordFeatures], params: IndexParams | None) -> IndicatorIndex:
        return build_indicator_index(feats, params)
