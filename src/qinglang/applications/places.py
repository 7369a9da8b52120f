"""Hard-negative tables: collective addresses and large employers (data/*.json beside this).

Many unrelated people legitimately share a factory or university dormitory, barracks, a
hospital, an urban-village building, a parcel locker's address or a coworking floor, and
colleagues of a large employer apply together. These tables name them so the detectors can
say why they stayed quiet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import ahocorasick_rs

from qinglang.applications.numerals import normalise_text


def _load(name: str) -> dict:
    return json.loads(resources.files("qinglang.applications").joinpath("data", name).read_text("utf-8"))


@dataclass(frozen=True)
class Category:
    code: str
    zh: str
    en: str


class CollectivePlaces:
    """Which hard-negative category (if any) an address belongs to."""

    def __init__(self) -> None:
        table = _load("collective_addresses.json")
        self.categories: dict[str, Category] = {}
        words: list[str] = []
        self._word_cat: list[str] = []
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        for code, spec in table.items():
            if code.startswith("_"):
                continue
            self.categories[code] = Category(code, spec["zh"], spec["en"])
            for w in spec["keywords"]:
                words.append(normalise_text(w))
                self._word_cat.append(code)
            for p in spec["patterns"]:
                self._patterns.append((re.compile(p), code))
        self._ac = ahocorasick_rs.AhoCorasick(words)

    def category(self, address: str | None) -> str | None:
        if not address:
            return None
        return self._category(address)

    @lru_cache(maxsize=65_536)  # noqa: B019 - one instance per process (collective_places())
    def _category(self, address: str) -> str | None:
        text = normalise_text(address)
        hits = self._ac.find_matches_as_indexes(text)
        if hits:
            return self._word_cat[hits[0][0]]
        for pattern, code in self._patterns:
            if pattern.search(text):
                return code
        return None


class LargeEmployers:
    def __init__(self) -> None:
        table = _load("large_employers.json")
        self._ac = ahocorasick_rs.AhoCorasick([normalise_text(n) for n in table["names"]])
        self._patterns = [re.compile(p) for p in table["suffix_patterns"]]

    def is_large(self, employer: str | None) -> bool:
        if not employer:
            return False
        text = normalise_text(employer)
        return bool(self._ac.find_matches_as_indexes(text)) or any(p.search(text) for p in self._patterns)


@cache
def collective_places() -> CollectivePlaces:
    return CollectivePlaces()


@cache
def large_employers() -> LargeEmployers:
    return LargeEmployers()


@cache
def thresholds() -> dict:
    return _load("thresholds.json")
