"""The Spark engine: the scan's heavy stages as Spark jobs calling the same stage functions.

- features and signatures: chunks of complaints (with their customers) in `mapPartitions`, each
  calling `link.table.features_and_signatures` (the per-record map and `link.minhash.signatures`,
  per-text pure maps: chunking changes nothing);
- template groups: signatures cut into bands by `link.minhash.band_keys` on the executors, the
  (band, key) rows exploded and grouped in Spark SQL, each bucket's first document its head (as
  the numpy path's stable sort does), candidate pairs verified on the executors against the
  broadcast signatures by `link.minhash.pair_similarity`; the verified edges (far fewer than the
  documents) come back and `link.minhash.template_groups` joins them on the driver;
- indicator index: indicators exploded and grouped by value with the count of distinct customers;
  the values of two or more customers come back and `link.graph.indicator_index_of` keeps them.

The graph, communities, campaign signals and scores then run on the driver in `scan.run_scan`,
as with the local engine. Runs on `local[*]` here; the same code runs on YARN or Kubernetes when
the session comes from spark-submit (docs/engines.md). No package is fetched at start-up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from qinglang.detection_config import IndexParams, LshParams
from qinglang.engines.base import Engine, Progress
from qinglang.link.graph import IndicatorIndex, indicator_index_of
from qinglang.link.minhash import TemplateGroups, band_keys, pair_similarity, template_groups
from qinglang.link.records import CustomerLike, RecordFeatures
from qinglang.link.table import CHUNK, FeatureTable, features_and_signatures
from qinglang.link.texts import TextColumn
from qinglang.schema import Complaint

# chunks of CHUNK complaints sent per Spark job: bounds what the driver holds at once
CHUNKS_PER_JOB = 32
# documents per banding task
SIG_BLOCK = 20_000


def _features_partition(
    parts: Iterable[tuple[int, list[Complaint], dict[str, CustomerLike], LshParams]],
) -> Iterator[tuple[int, list[RecordFeatures], np.ndarray]]:
    """Executor side: the per-record map and the signatures of each chunk."""
    for start, chunk, customers, lsh in parts:
        feats, sigs = features_and_signatures(chunk, customers, lsh)
        yield start, feats, sigs


def _documents(
    ranges: Iterable[tuple[int, int]], sigs: Any, lsh: LshParams
) -> Iterator[tuple[int, list[int]]]:
    """Executor side: (position, band keys as signed 64-bit) per document of each range of the
    broadcast signatures; the bands are exploded in Spark SQL, not in Python."""
    for start, end in ranges:
        keys = band_keys(sigs.value[start:end], lsh).view(np.int64)
        for r in range(keys.shape[0]):
            yield start + r, keys[r].tolist()


def _verify(rows: Iterable[Any], sigs: Any, threshold: float) -> Iterator[tuple[int, int, float]]:
    """Executor side: candidate (member, head) pairs verified in batches against the broadcast
    signatures by the same similarity the in-process path uses."""
    batch: list[Any] = []

    def flush() -> Iterator[tuple[int, int, float]]:
        pairs = np.array(batch, dtype=np.int64).reshape(-1, 2)
        sims = pair_similarity(sigs.value[pairs[:, 0]], sigs.value[pairs[:, 1]])
        keep = sims >= threshold
        yield from zip(pairs[keep, 0].tolist(), pairs[keep, 1].tolist(), sims[keep].tolist(), strict=True)

    for row in rows:
        batch.append((row[0], row[1]))
        if len(batch) == 65536:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def _indicator_rows(
    parts: Iterable[tuple[int, list[tuple[str, list[tuple[str, str]]]]]],
) -> Iterator[tuple[str, str, int, str]]:
    for start, rows in parts:
        for k, (customer, keys) in enumerate(rows):
            for kind, value in keys:
                yield kind, value, start + k, customer


def start_session(master: str | None = None, partitions: int | None = None, ui: bool = True) -> Any:
    """A SparkSession for the scan: `master` (default QINGLANG_SPARK_MASTER or `local[*]`), the
    executors' Python this one (the environment that has qinglang installed), few shuffle
    partitions (the shuffled tables are bands and indicators, not texts). Under spark-submit the
    master, the executors' Python and resources come from the submit command."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("qinglang-scan").config("spark.ui.showConsoleProgress", "false")
    # under spark-submit the JVM started this Python and holds the master, the executors' Python
    # (spark.pyspark.python, e.g. a packed environment) and the resources: leave them alone
    if "PYSPARK_GATEWAY_PORT" not in os.environ or master:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        builder = (
            builder.master(master or os.environ.get("QINGLANG_SPARK_MASTER", "local[*]"))
            .config("spark.ui.enabled", "true" if ui else "false")
            .config("spark.sql.shuffle.partitions", str(partitions or 8))
            .config("spark.driver.memory", os.environ.get("QINGLANG_SPARK_DRIVER_MEMORY", "4g"))
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class SparkEngine(Engine):
    """The scan's heavy stages on Spark. Given a SparkSession it uses it (and leaves it running);
    otherwise it starts one on `master` (default `local[*]`, or the QINGLANG_SPARK_MASTER
    variable) and stops it on close()."""

    name = "spark"

    def __init__(self, master: str | None = None, spark: Any = None, partitions: int | None = None) -> None:
        self._own = spark is None
        spark = spark or start_session(master, partitions)
        self.spark = spark
        self.sc = spark.sparkContext
        self.partitions = partitions or int(spark.conf.get("spark.sql.shuffle.partitions"))

    @property
    def ui_url(self) -> str | None:
        return self.sc.uiWebUrl

    def close(self) -> None:
        if self._own:
            self.spark.stop()

    def features(
        self,
        complaints: Iterable[Complaint],
        customers: Mapping[str, CustomerLike],
        lsh: LshParams,
        progress: Progress,
        total: int | None = None,
    ) -> tuple[FeatureTable, np.ndarray]:
        table = FeatureTable([], TextColumn(), [])
        blocks: list[np.ndarray] = []
        progress("features", 0, total or 0)
        stream = iter(complaints)
        while True:
            wave: list[tuple[int, list[Complaint], dict[str, CustomerLike], LshParams]] = []
            for _ in range(CHUNKS_PER_JOB):
                chunk = [c for _, c in zip(range(CHUNK), stream, strict=False)]
                if not chunk:
                    break
                start = len(table.texts)
                table.texts.extend(c.text for c in chunk)
                table.with_attachments.extend(c for c in chunk if c.attachments)
                wanted = {c.customer_id for c in chunk if c.customer_id is not None}
                wave.append((start, chunk, {k: customers[k] for k in wanted if k in customers}, lsh))
            if not wave:
                break
            out = self.sc.parallelize(wave, len(wave)).mapPartitions(_features_partition).collect()
            for _, feats, sigs in sorted(out, key=lambda x: x[0]):
                table.feats.extend(feats)
                blocks.append(sigs)
            progress("features", len(table.feats), total or len(table.feats))
            if len(wave) < CHUNKS_PER_JOB:
                break
        n = len(table.feats)
        progress("signatures", n, n)  # computed with the features, in the same tasks
        sigs = np.concatenate(blocks) if blocks else np.zeros((0, lsh.num_perm), dtype=np.uint32)
        return table, sigs

    def near_duplicates(self, sigs: np.ndarray, params: LshParams) -> TemplateGroups:
        from pyspark.sql import functions as F
        from pyspark.sql.types import ArrayType, LongType, StructField, StructType

        n = sigs.shape[0]
        best = np.zeros(n, dtype=np.float64)
        if n == 0:
            return template_groups(0, np.zeros(0, np.int64), np.zeros(0, np.int64), best)
        # the signatures go to each executor once (n x num_perm x 4 bytes: 256 MB at 1M)
        bsigs = self.sc.broadcast(np.ascontiguousarray(sigs))
        ranges = [(s, min(s + SIG_BLOCK, n)) for s in range(0, n, SIG_BLOCK)]
        docs = self.spark.createDataFrame(
            self.sc.parallelize(ranges, len(ranges)).mapPartitions(lambda it: _documents(it, bsigs, params)),
            StructType(
                [
                    StructField("pos", LongType(), False),
                    StructField("keys", ArrayType(LongType(), False), False),
                ]
            ),
        )
        bands = docs.select("pos", F.posexplode("keys").alias("band", "key")).persist()
        heads = (
            bands.groupBy("band", "key")
            .agg(F.min("pos").alias("head"), F.count("*").alias("size"))
            .where(F.col("size") > 1)
        )
        pairs = (
            bands.join(heads, ["band", "key"])
            .where(F.col("pos") != F.col("head"))
            .select(F.col("pos").alias("member"), "head")
            .distinct()
        )
        threshold = params.threshold
        edges = pairs.rdd.mapPartitions(lambda rows: _verify(rows, bsigs, threshold)).collect()
        bands.unpersist()
        bsigs.unpersist()
        if not edges:
            return template_groups(n, np.zeros(0, np.int64), np.zeros(0, np.int64), best)
        arr = np.array([(m, h) for m, h, _ in edges], dtype=np.int64)
        sv = np.array([s for _, _, s in edges], dtype=np.float64)
        np.maximum.at(best, arr[:, 0], sv)
        np.maximum.at(best, arr[:, 1], sv)
        return template_groups(n, arr[:, 0], arr[:, 1], best)

    def indicator_index(self, feats: Sequence[RecordFeatures], params: IndexParams | None) -> IndicatorIndex:
        from pyspark.sql import functions as F
        from pyspark.sql.types import LongType, StringType, StructField, StructType

        rows = [(f.customer_key, f.indicators) for f in feats]
        parts = [(s, rows[s : s + SIG_BLOCK]) for s in range(0, len(rows), SIG_BLOCK)]
        if not parts:
            return indicator_index_of([], feats, params)
        exploded = self.spark.createDataFrame(
            self.sc.parallelize(parts, len(parts)).mapPartitions(_indicator_rows),
            StructType(
                [
                    StructField("kind", StringType(), False),
                    StructField("value", StringType(), False),
                    StructField("pos", LongType(), False),
                    StructField("customer", StringType(), False),
                ]
            ),
        )
        shared = (
            exploded.groupBy("kind", "value")
            .agg(
                F.countDistinct("customer").alias("customers"),
                F.sort_array(F.collect_list("pos")).alias("idxs"),
            )
            .where(F.col("customers") >= 2)
            .select("kind", "value", "idxs")
            .collect()
        )
        grouped = [((r["kind"], r["value"]), list(r["idxs"])) for r in shared]

        def first_seen(item: tuple[tuple[str, str], list[int]]) -> tuple[int, int]:
            key, idxs = item
            return idxs[0], feats[idxs[0]].indicators.index(key)

        # the order the in-process index meets the values in: by first record, then within it
        return indicator_index_of(sorted(grouped, key=first_seen), feats, params)
