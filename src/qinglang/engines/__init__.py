"""Engines: what runs the scan's distributable stages, in this process or on a Spark cluster.

Splink's model: the stages are functions over column batches (qinglang.link); an engine only
decides where they run. `local` is the in-process code path; `spark` runs the same functions in
Spark tasks. See docs/engines.md.
"""

from __future__ import annotations

from qinglang.engines.base import Engine
from qinglang.engines.local import LocalEngine

ENGINES = ("local", "spark")


def open_engine(name: str, master: str | None = None) -> Engine:
    """The engine by its name on the command line (`--engine local|spark`)."""
    if name == "local":
        return LocalEngine()
    if name == "spark":
        from qinglang.engines.spark import SparkEngine  # pyspark is only imported when asked for

        return SparkEngine(master=master)
    raise ValueError(f"unknown engine {name!r}: one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Engine", "LocalEngine", "open_engine"]
