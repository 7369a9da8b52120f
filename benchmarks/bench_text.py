"""Throughput of the text stage over >= 50 MB of complaint-like text, next to a plain
Aho-Corasick scan (same patterns, no normalisation) measured in the same run.

    .venv/bin/python benchmarks/bench_text.py [--mb 50] [--seed 7] [--out benchmarks/results/text.json]

The corpus is synthetic (fixed seed): ordinary complaint sentences, with a share of texts
carrying black/gray ad phrases, some obfuscated (variant characters, noise, pinyin, spelled
numerals). Reported in characters per second (and texts per second):
- plain_ac_block: ahocorasick-rs over the whole raw corpus as one string (upper bound);
- plain_ac_per_text: the same automaton, one call per text;
- normalize_batch+ac: normalize_for_matching_batch then the automaton and the same-sound pass
  (sound_match.find_sound_matches) -- the scan's fast path, which decides which texts get the
  full offset-mapped matching;
- match_lexicon_batch: full matching with offset maps and context for texts with a hit;
- normalize_full: the full default chain (normalize) per text;
- extract_contacts: on a 20k-text sample.
Peak RSS of the process and the load average are reported too. Throughput is given per wall
second and per CPU second of this process: the machine is shared, and CPU seconds do not count
the time spent waiting for a core.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

ORDINARY = [
    "我于{y}年{m}月在贵公司借款{n}元，每月还款{k}元。",
    "现在因失业无法按时还款，希望能够协商延期。",
    "催收人员多次打电话给我的家人和同事，严重影响生活。",
    "你们重复扣款两次，共计{k}元，请尽快退还。",
    "客服电话一直打不通，问题拖了很久没有解决。",
    "合同里的利息和实际收取的不一致，请核实。",
    "本人身体原因住院，收入中断，申请减免罚息。",
    "请贵公司依法处理，我会配合提供材料。",
    "我的订单号{o}，已经还清但系统仍显示逾期。",
    "希望按照监管要求，给出书面答复。",
]
ADS = [
    "专业停息挂账，征信修复，加V：{h}",
    "亭息卦账 zheng信xiu复 私信 {h}",
    "反崔收专业团队，电话 壹叁玖 {p1} {p2}",
    "代理退保，全额退款，扣扣 {q}",
    "停 息·挂*账，只还本金，最长分60期，薇：{h}",
    "警惕“征信修复”骗局，征信无法花钱修复。",
]


def make_corpus(mb: float, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts: list[str] = []
    size = 0
    target = int(mb * 1024 * 1024)
    while size < target:
        parts = [rnd.choice(ORDINARY) for _ in range(rnd.randint(3, 6))]
        if rnd.random() < 0.2:
            parts.insert(rnd.randint(0, len(parts)), rnd.choice(ADS))
        t = "".join(parts).format(
            y=rnd.randint(2019, 2025),
            m=rnd.randint(1, 12),
            n=rnd.randint(1, 50) * 1000,
            k=rnd.randint(100, 9000),
            o=rnd.randint(10**11, 10**12 - 1),
            h=f"{rnd.choice('abcdefghxyz')}{rnd.choice('klmnqrst')}{rnd.randint(1000, 99999)}",
            q=rnd.randint(10**8, 10**10),
            p1=rnd.randint(1000, 9999),
            p2=rnd.randint(1000, 9999),
        )
        texts.append(t)
        size += len(t.encode("utf-8"))
    return texts


_CPU: dict[str, float] = {}


def timed(fn, *args):
    """Wall time, and the process CPU time of the same call in _CPU["last"] (the machine is shared:
    CPU seconds do not count time spent waiting for a core)."""
    t, c = time.perf_counter(), time.process_time()
    result = fn(*args)
    _CPU["last"] = time.process_time() - c
    return result, time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)

    from qinglang.text.contacts import extract_contacts
    from qinglang.text.lexicon import _automaton, match_lexicon_batch
    from qinglang.text.normalize import normalize, normalize_for_matching_batch

    texts, t_make = timed(make_corpus, args.mb, args.seed)
    chars = sum(len(t) for t in texts)
    mbytes = sum(len(t.encode("utf-8")) for t in texts) / 1024 / 1024
    (ac, _patterns, _info), t_build = timed(_automaton)
    print(
        f"corpus: {len(texts)} texts, {chars / 1e6:.1f}M chars, {mbytes:.1f} MB UTF-8 (built in {t_make:.1f}s); "
        f"automaton: {len(_patterns)} patterns built in {t_build:.1f}s"
    )
    results: dict[str, dict] = {}

    def record(name: str, seconds: float, n_chars: int, n_texts: int, extra: str = "") -> None:
        cpu = max(_CPU["last"], 1e-9)
        results[name] = {
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
            "chars_per_s": round(n_chars / seconds),
            "chars_per_cpu_s": round(n_chars / cpu),
            "texts_per_s": round(n_texts / seconds),
            "texts_per_cpu_s": round(n_texts / cpu),
        }
        print(
            f"{name:28s} {n_chars / seconds / 1e6:7.2f} M chars/s wall {n_chars / cpu / 1e6:7.2f} per CPU-s "
            f"{n_texts / cpu:9.0f} texts/CPU-s ({seconds:.1f}s wall, {cpu:.1f}s CPU) {extra}"
        )

    block = "\n".join(texts)
    found, dt = timed(ac.find_matches_as_indexes, block)
    record("plain_ac_block", dt, chars, len(texts), f"{len(found)} matches")

    def per_text():
        return sum(1 for t in texts if ac.find_matches_as_indexes(t))

    n_hit, dt = timed(per_text)
    record("plain_ac_per_text", dt, chars, len(texts), f"{n_hit} texts with a match")

    from qinglang.text.sound_match import find_sound_matches_batch

    find_sound_matches_batch(["召岱哩"])  # build the syllable automaton and guards outside the timed run

    def norm_then_ac():
        n_hit = 0
        for i in range(0, len(texts), 2000):
            norms = normalize_for_matching_batch(texts[i : i + 2000])
            sounds = find_sound_matches_batch(norms)
            n_hit += sum(1 for n, s in zip(norms, sounds, strict=True) if s or ac.find_matches_as_indexes(n))
        return n_hit

    n_hit2, dt = timed(norm_then_ac)
    record("normalize_batch+ac", dt, chars, len(texts), f"{n_hit2} texts with a match")

    def norm_then_ac_without_sound():
        return sum(1 for n in normalize_for_matching_batch(texts) if ac.find_matches_as_indexes(n))

    n_hit3, dt = timed(norm_then_ac_without_sound)
    record("normalize_batch+ac, no sound pass", dt, chars, len(texts), f"{n_hit3} texts with a match")

    hits, dt = timed(match_lexicon_batch, texts)
    n_live = sum(1 for h in hits if any(not x.suppressed for x in h))
    record("match_lexicon_batch", dt, chars, len(texts), f"{n_live} texts with an unsuppressed hit")

    sample = texts[: min(len(texts), 20000)]
    s_chars = sum(len(t) for t in sample)
    _, dt = timed(lambda: [normalize(t) for t in sample])
    record("normalize_full (20k texts)", dt, s_chars, len(sample))
    _, dt = timed(lambda: [extract_contacts(t) for t in sample])
    record("extract_contacts (20k)", dt, s_chars, len(sample))

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print(f"peak RSS {rss_mb:.0f} MB; load average {load:.1f} on {os.cpu_count()} cores")
    summary = {
        "texts": len(texts),
        "chars": chars,
        "mb_utf8": round(mbytes, 1),
        "patterns": len(_patterns),
        "automaton_build_s": round(t_build, 2),
        "peak_rss_mb": round(rss_mb),
        "load_average": round(load, 2),
        "results": results,
    }
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
