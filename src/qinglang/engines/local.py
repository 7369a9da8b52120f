"""The in-process engine: the scan's existing code paths, unchanged.

Features stream through `link.table.compute_features` (a process pool past PARALLEL_MIN
complaints), signatures through rensa, LSH banding and the index in numpy and dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from qinglang.detection_config import IndexParams, LshParams
from qinglang.engines.base import Engine, Progress
from qinglang.link.graph import IndicatorIndex, build_indicator_index
from qinglang.link.minhash import TemplateGroups, group_near_duplicates, signatures
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
        table = compute_features(complaints, customers, progress, workers=self.workers, total=total)
        n = len(table.feats)
        progress("signatures", 0, n)
        sigs = signatures([f.norm_text for f in table.feats], lsh)
        for f in table.feats:
            f.norm_text = ""  # only the signatures needed it; 1M texts are a lot of memory
        progress("signatures", n, n)
        return table, sigs

    def near_duplicates(self, sigs: np.ndarray, params: LshParams) -> TemplateGroups:
        return group_near_duplicates(sigs, params)

    def indicator_index(self, feats: Sequence[RecordFeatures], params: IndexParams | None) -> IndicatorIndex:
        return build_indicator_index(feats, params)
