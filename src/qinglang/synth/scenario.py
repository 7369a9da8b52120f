"""Generate a whole synthetic lender: loan book, complaints, posts, attachments and ground truth.

WHY one orchestrator: every part refers to the others (a campaign files complaints for real
customers, attaches documents about them, and advertises with the same contacts online), and
determinism needs one place that decides the order random numbers are drawn in. Each part uses
its own random stream, derived from the seed and the part's name, so changing one part of the
scenario does not reshuffle the others. The state the parts share (generator.Generator, with the
data types in types.py) sits below them, so the imports run one way: this module calls the
parts, the parts never call back here.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from qinglang.synth.campaigns import campaigns
from qinglang.synth.generator import Generator
from qinglang.synth.negatives import hard_negatives
from qinglang.synth.styles import STYLES
from qinglang.synth.types import Config
from qinglang.synth.writer import write_all


def run(gen: Generator) -> None:
    """Fill `gen`: the loan book, then the campaigns, the hard negatives and genuine complaints for
    the rest. This order is part of the output: it fixes which customers each part gets."""
    cfg = gen.cfg
    gen.make_customers()
    n_campaign = round(cfg.complaints * cfg.campaign_share)
    used = campaigns(gen, n_campaign)
    used += hard_negatives(gen, max(0, cfg.complaints - used))
    gen.add_genuine(max(0, cfg.complaints - used))
    gen.finish()


def generate(
    out_dir: Path, cfg: Config, render: bool | None = None, calls: bool = False, recordings: int = 0
) -> dict:
    """Write the whole scenario into `out_dir`; returns the summary that the command prints.
    With `calls`, the collection call records too (synth/calls.py; no other file changes)."""
    gen = Generator(cfg)
    run(gen)
    summary = write_all(gen, Path(out_dir), render)
    if calls:
        from qinglang.synth.calls import write_calls

        summary["calls"] = write_calls(gen, Path(out_dir), recordings)
    return summary


__all__ = ["Config", "Generator", "generate", "run", "STYLES", "asdict"]
