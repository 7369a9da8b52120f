"""Template index: shingles, signatures, batch grouping and the online query agree."""

from __future__ import annotations

import numpy as np

from qinglang.link.minhash import LshParams, TemplateIndex, group_near_duplicates, signatures, similarity
from qinglang.link.shingles import mask_slots, shingle_hashes

TEMPLATE = (
    "尊敬的贵公司：本人{n}于{y}年{m}月在贵司借款{a}元，因疫情失业无力偿还，现已委托代理人全权处理，"
    "要求停息挂账、减免全部罚息、只还本金并分60期偿还，否则将向12378及媒体反映。"
)
GENUINE = [
    "你们昨天扣了我两次款，一共598元，赶紧退钱！！！",
    "app一直闪退登录不了，还款日到了怎么办？",
    "催收员打电话骂我家人，请你们管管，录音我都留着。",
    "征信上多了一条逾期记录，我明明按时还了，请核实更正。",
    "客服电话打了一上午都打不通，什么服务态度。",
]


def _filled(k: int) -> str:
    return TEMPLATE.format(n="张王李赵刘陈"[k % 6] + "某", y=2020 + k % 5, m=1 + k % 12, a=1000 * (k + 3))


def test_mask_slots_folds_digits_and_space():
    assert mask_slots("借款 5,000.50 元 于2024年3月") == "借款#元于#年#月"


def test_shingle_offsets_cover_each_text():
    tokens, offsets = shingle_hashes(["abcdef", "ab", "中文文本测试"], n=4)
    assert offsets.tolist() == [0, 3, 4, 7]
    assert len(tokens) == 7
    # identical texts give identical shingles, different ones differ
    t2, o2 = shingle_hashes(["abcdef", "abcdef"], n=4)
    assert (t2[: o2[1]] == t2[o2[1] :]).all()


def test_slot_filled_copies_are_similar_and_genuine_are_not():
    texts = [_filled(k) for k in range(6)] + GENUINE
    sigs = signatures(texts)
    assert similarity(sigs[0], sigs[1]) > 0.7
    assert max(similarity(sigs[i], sigs[j]) for i in range(6, 11) for j in range(6, 11) if i != j) < 0.3


def test_group_near_duplicates_groups_the_template_only():
    texts = [_filled(k) for k in range(8)] + GENUINE
    groups = group_near_duplicates(signatures(texts))
    labels = groups.labels
    assert len(set(labels[:8].tolist())) == 1 and labels[0] >= 0
    assert (labels[8:] == -1).all()
    assert (groups.member_similarity[:8] > 0.45).all()


def test_online_query_finds_the_same_neighbours():
    texts = [_filled(k) for k in range(8)] + GENUINE
    sigs = signatures(texts)
    index = TemplateIndex(sigs.astype(np.uint32), LshParams())
    hits = index.query(signatures([_filled(99)])[0].astype(np.uint32))
    assert {pos for pos, _ in hits} == set(range(8))
    assert index.query(signatures(["完全无关的一句话，讲的是天气很好。"])[0].astype(np.uint32)) == []


def _components_by_union_find(n: int, src: list[int], dst: list[int]) -> dict[int, list[int]]:
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(src, dst, strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[int, list[int]] = {}
    for v in range(n):
        comps.setdefault(root(v), []).append(v)
    return {min(c): sorted(c) for c in sorted(comps.values(), key=min) if len(c) > 1}


def test_template_groups_are_the_components_labelled_by_smallest_position():
    from qinglang.link.minhash import template_groups

    rng = np.random.default_rng(5)
    for n, m in ((1, 0), (7, 3), (60, 25), (400, 300), (400, 1200)):
        src = rng.integers(0, n, m).tolist()
        dst = rng.integers(0, n, m).tolist()
        src += src[:5]  # repeated edges and self loops change nothing
        dst += dst[:5]
        best = rng.random(n)
        got = template_groups(n, np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), best)
        want = _components_by_union_find(n, src, dst)
        assert got.groups == want and list(got.groups) == sorted(want)
        labels = np.full(n, -1)
        for r, members in want.items():
            labels[members] = r
        assert np.array_equal(got.labels, labels) and got.member_similarity is best
