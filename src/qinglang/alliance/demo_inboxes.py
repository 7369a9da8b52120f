"""Three lenders' generated inboxes whose agencies span lenders, for the alliance demo.

`qinglang generate` makes one lender: its agencies are drawn from that lender's own random stream,
so two generated lenders never share an agency. The alliance is about exactly that sharing, so
this module generates each lender with the ordinary generator (synth.Generator + synth.scenario.run)
and then, before the files are written, gives chosen campaigns a shared agency's contacts:
every one of the campaign agency's phones (in each spelling the generator types them: plain,
spaced, dashed, +86), WeChat handles, QQ number, credit code, firm/company name (and the
律所/律师所 short form), office handsets and office /24 are replaced, in every complaint's text,
filing phone, device and IP, by the shared agency's. The lender's agency record is replaced too,
so truth.json and the posts (written afterwards from the agency records) agree. Attachments are
not rendered (the demo does not scan them).

The default sharing is the issue's example: agency X works lenders A and B, Y works B and C, Z
only A; every other campaign is the lender's alone.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping, Sequence
from pathlib import Path

from qinglang.synth.agencies import Agency, make_agency
from qinglang.synth.generator import Generator
from qinglang.synth.scenario import run
from qinglang.synth.types import Config
from qinglang.synth.writer import write_all

LENDERS = ("lender-a", "lender-b", "lender-c")
SHARING: dict[str, tuple[str, ...]] = {
    "X": ("lender-a", "lender-b"),
    "Y": ("lender-b", "lender-c"),
    "Z": ("lender-a",),
}
# an agency works every lender in its own style: the same kinds of contacts show up everywhere
STYLE = {"X": "fake_law_firm", "Y": "legal_consulting", "Z": "stealthy"}


def _phone_forms(p: str) -> list[str]:
    """The spellings synth.obfuscate.phone_in_text uses, longest first (plain last: it is inside +86 p)."""
    return [f"{p[:3]} {p[3:7]} {p[7:]}", f"{p[:3]}-{p[3:7]}-{p[7:]}", f"{p[:3]}{p[3:7]} {p[7:]}", p]


def _stem(name: str) -> str:
    return name[: -len("律师事务所")] if name.endswith("律师事务所") else name


def replacements(old: Agency, new: Agency) -> list[tuple[str, str]]:
    """(old text, new text) pairs, in the order to apply them."""
    pairs: list[tuple[str, str]] = []
    for i, p in enumerate(old.phones):
        q = new.phones[i % len(new.phones)]
        pairs += list(zip(_phone_forms(p), _phone_forms(q), strict=True))
    pairs += [(old.name, new.name), (_stem(old.name), _stem(new.name)), (old.code, new.code)]
    pairs += [(old.wechat, new.wechat), (old.qq, new.qq)]
    if old.extra.get("backup_wechat") and new.extra.get("backup_wechat"):
        pairs.append((old.extra["backup_wechat"], new.extra["backup_wechat"]))
    pairs += [(d, new.devices[i % len(new.devices)]) for i, d in enumerate(old.devices)]
    return [(a, b) for a, b in pairs if a and a != b]


def _sub(text: str | None, pairs: Sequence[tuple[str, str]]) -> str | None:
    if not text:
        return text
    for a, b in pairs:
        if a in text:
            text = text.replace(a, b)
    return text


def give_agency(gen: Generator, cid: str, new: Agency) -> None:
    """Campaign `cid` of `gen` becomes the work of agency `new` (see the module docstring)."""
    old = gen.agencies[cid]
    pairs = replacements(old, new)
    old_net, new_net = old.ip_block.rsplit(".", 1)[0] + ".", new.ip_block.rsplit(".", 1)[0] + "."
    for r in gen.recs:
        r.text = _sub(r.text, pairs) or r.text
        r.phone = _sub(r.phone, pairs)
        r.device = _sub(r.device, pairs)
        if r.ip and r.ip.startswith(old_net):
            r.ip = new_net + r.ip[len(old_net) :]
    gen.agencies[cid] = dataclasses.replace(new, key=cid, extra=dict(new.extra))


def _pick_campaign(gen: Generator, style: str, taken: set[str]) -> str:
    """The largest free campaign of the agency's style (every style is present in a generated
    lender), else the largest free one."""
    free = [c for c in sorted(gen.agencies) if c not in taken]
    sizes = {c: sum(1 for r in gen.recs if r.campaign == c) for c in free}
    same = [c for c in free if gen.campaign_info[c]["style"] == style]
    return max(same or free, key=lambda c: (sizes[c], c))


def build(
    out: Path,
    complaints: int,
    seed: int,
    sharing: Mapping[str, Sequence[str]] = SHARING,
    lenders: Sequence[str] = LENDERS,
    campaigns: int = 4,
) -> dict[str, dict[str, str]]:
    """Write each lender's inbox to out/<lender>/inbox/; returns lender -> {campaign id: agency label}
    for the shared agencies (the demo's ground truth of who shares what)."""
    rng = random.Random(f"{seed}/alliance-demo-agencies")
    used: set[str] = set()
    agencies = {
        label: make_agency(
            rng, f"shared-{label}", "law_firm" if STYLE.get(label) == "fake_law_firm" else "consulting", used
        )
        for label in sorted(sharing)
    }
    truth: dict[str, dict[str, str]] = {}
    for n, lender in enumerate(lenders):
        cfg = Config(complaints=complaints, seed=seed * 10 + n, campaigns=campaigns, campaign_share=0.2)
        gen = Generator(cfg)
        run(gen)
        taken: set[str] = set()
        truth[lender] = {}
        for label in sorted(sharing):
            if lender not in sharing[label]:
                continue
            cid = _pick_campaign(gen, STYLE.get(label, "legal_consulting"), taken)
            taken.add(cid)
            give_agency(gen, cid, agencies[label])
            truth[lender][cid] = label
        write_all(gen, out / lender / "inbox", render=False)
    return truth
