"""Learnt contextual post-edit: the last step of the default normaliser chain.

The rule-based steps leave residue that only context can settle: '/' is a separator between two
CJK characters but part of a URL between letters; 扣 is the start of 扣扣 (QQ) before digits but
a verb in 扣款; a '?' after 吗 is a question mark, elsewhere the trace of an emoji an SMS gateway
could not encode. A decision list learnt from the aligned train folds of cn-variant-spam-sms
(scripts/build_variant_table.py, train folds only) settles them: for a character the annotators
changed often, look up its context -- (left, char, right), (left, char), (char, right), the
character classes around it, the character alone -- and apply the most precise learnt decision
if it is precise enough. Characters never learnt as changeable pass through untouched, so
ordinary complaint text is left as it is (a test and evaluations/eval_variants.py measure how
much of genuine text it changes).

Context keys are computed on the text as this step receives it (after every other step), so the
learner must see the same chain output: `context_keys` is shared by learner and applier.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources as ir

DATA_FILE = "postedit.jsonl"
PROFILES = ("postedit", "postedit_literal")
"""Step name = table name: `postedit` is learnt on the default (lower-cased, simplified) chain
against the reference folded the same way; `postedit_literal` on LITERAL_STEPS (case and script
kept) against the reference as written."""
MIN_PRECISION = 0.6
"""A decision is applied when its share of the learnt outcomes is at least this (cross-validated
on the train folds, see docs/text.md)."""

Key = tuple[str | None, ...]

EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
"""An e-mail address is left exactly as it is: the corpus's annotators delete '@' as decoration
almost everywhere (a learnt unconditional rule), which turned abc@qq.com into abcqq.com."""


def protected_positions(text: str) -> set[int]:
    """Positions the post-edit step must not change: the characters of e-mail addresses."""
    if "@" not in text:
        return set()
    return {i for mt in EMAIL_RE.finditer(text) for i in range(*mt.span())}


def char_class(ch: str | None) -> str:
    """Coarse class of a neighbour: E edge, C CJK, D digit, A ASCII letter, P anything else."""
    if ch is None:
        return "E"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "C"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "A"
    return "P"


def context_keys(text: str, i: int) -> tuple[Key, ...]:
    """The five contexts of text[i], most specific first."""
    x = text[i]
    left = text[i - 1] if i > 0 else None
    right = text[i + 1] if i + 1 < len(text) else None
    return (
        ("LXR", left, x, right),
        ("LX", left, x),
        ("XR", x, right),
        ("cXc", char_class(left), x, char_class(right)),
        ("X", x),
    )


@dataclass(frozen=True)
class Decision:
    output: str  # "" = delete
    precision: float
    support: int


@dataclass(frozen=True)
class PostEditModel:
    decisions: dict[Key, Decision]
    changeable: frozenset[str]
    min_precision: float = MIN_PRECISION

    def decide(self, text: str, i: int) -> str:
        """Output for text[i]: the most precise learnt decision among its contexts (the more
        specific context wins a tie); the character itself when none is precise enough."""
        best: Decision | None = None
        get = self.decisions.get
        for key in context_keys(text, i):
            d = get(key)
            if d is not None and (best is None or d.precision > best.precision):
                best = d
        if best is None or best.precision < self.min_precision:
            return text[i]
        return best.output

    def outputs(self, text: str) -> list[str] | None:
        """Per input character its output string, or None when nothing changes."""
        changes = self.changes(text)
        if not changes:
            return None
        out = list(text)
        for i, output in changes:
            out[i] = output
        return out

    def changes(self, text: str) -> list[tuple[int, str]]:
        """(position, new output) for every character the decisions change."""
        if self._pattern is None:
            return []
        found = []
        screen = self._screen
        n = len(text)
        protected = protected_positions(text)
        for mt in self._pattern.finditer(text):
            i = mt.start()
            if i in protected:
                continue
            lefts, rights, by_class = screen[text[i]]
            if (
                not by_class
                and (i == 0 or text[i - 1] not in lefts)
                and (i + 1 >= n or text[i + 1] not in rights)
            ):
                continue  # no change decision can apply here
            output = self.decide(text, i)
            if output != text[i]:
                found.append((i, output))
        return found

    @cached_property
    def _screen(self) -> dict[str, tuple[frozenset[str], frozenset[str], bool]]:
        """Per character: the left and right neighbours named by its CHANGE decisions, and
        whether a class or unconditional decision changes it -- a quick test that most
        occurrences (a comma between two ordinary characters) are left alone."""
        lefts: dict[str, set[str]] = {}
        rights: dict[str, set[str]] = {}
        by_class: dict[str, bool] = {}
        for key, d in self.decisions.items():
            ch = char_of(key)
            lefts.setdefault(ch, set())
            rights.setdefault(ch, set())
            by_class.setdefault(ch, False)
            if d.output == ch or d.precision < self.min_precision:
                continue
            kind = key[0]
            if kind in ("LXR", "LX") and key[1] is not None:
                lefts[ch].add(key[1])  # type: ignore[arg-type]
            if kind == "XR" and key[2] is not None:
                rights[ch].add(key[2])  # type: ignore[arg-type]
            if kind == "LXR" and key[3] is not None:
                rights[ch].add(key[3])  # type: ignore[arg-type]
            if (
                kind in ("cXc", "X")
                or (kind in ("LXR", "LX") and key[1] is None)
                or (kind in ("LXR", "XR") and key[-1] is None)
            ):
                by_class[ch] = True  # edge contexts and class contexts: always look
        return {ch: (frozenset(lefts[ch]), frozenset(rights[ch]), by_class[ch]) for ch in lefts}

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.changeable:
            return None
        return re.compile("[" + "".join(re.escape(c) for c in sorted(self.changeable)) + "]")


def parse_rows(lines: list[str]) -> PostEditModel:
    """Rows are JSON arrays: [kind, *key fields, output, support, precision]."""
    decisions: dict[Key, Decision] = {}
    changeable: set[str] = set()
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        row = json.loads(line)
        kind = row[0]
        width = {"LXR": 3, "LX": 2, "XR": 2, "cXc": 3, "X": 1}[kind]
        key: Key = (kind, *row[1 : 1 + width])
        output, support, precision = row[1 + width], int(row[2 + width]), float(row[3 + width])
        decisions[key] = Decision(output, precision, support)
        changeable.add(char_of(key))
    return PostEditModel(decisions, frozenset(changeable))


def char_of(key: Sequence[object]) -> str:
    """The character a context key (or a table row, which starts with its key) decides about."""
    ch = key[2] if key[0] in ("LXR", "LX", "cXc") else key[1]
    assert isinstance(ch, str)
    return ch


@lru_cache(maxsize=4)
def model(name: str = "postedit") -> PostEditModel:
    if name not in PROFILES:
        raise ValueError(f"unknown post-edit table {name!r}; known: {', '.join(PROFILES)}")
    try:
        raw = ir.files("qinglang.text").joinpath("data", f"{name}.jsonl").read_text(encoding="utf-8")
    except FileNotFoundError:
        return PostEditModel({}, frozenset())
    return parse_rows(raw.splitlines())


def postedit(text: str, name: str = "postedit") -> str:
    out = model(name).outputs(text)
    return text if out is None else "".join(out)
