"""Random helpers of the generator: one stream per part, a weighted draw, and a faster choice.

WHY streams: each part of the scenario draws from its own `random.Random`, seeded from the
scenario's seed and the part's name, so changing one part does not reshuffle the others.
WHY `pick`: `random.Random.choice` goes through `_randbelow` (rejection sampling on getrandbits) and was
the single largest cost of generating a million complaints. Indexing by `random()` is about twice
as fast, is deterministic per seed, and its tiny bias (< 2**-40 for our list sizes) is irrelevant
for synthetic text.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def stream(seed: int, part: str) -> random.Random:
    """The random stream of one part of the scenario."""
    return random.Random(f"{seed}/{part}")


def weighted(rng: random.Random, mix: Mapping[str, float]) -> str:
    """One key of `mix`, drawn with its value as weight."""
    return rng.choices(list(mix), weights=list(mix.values()))[0]
