"""The shipped intent classifiers: they load, match their card, read texts they never saw, and
are what training/intent/train.py builds from the writers' batches."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from qinglang.intent import (
    AD_INTENTS,
    COMPLAINT_INTENTS,
    POST_INTENTS,
    classify_complaints,
    classify_posts,
    load,
)
from qinglang.intent.model import IntentModel, IntentModelError, weights_digest
from qinglang.text.resources import tables_digest

ROOT = Path(__file__).resolve().parents[2]

# written for this test (not in any training batch): the model must read them right
COMPLAINTS = [
    ("昨天还款日你们从我工资卡里扣了两次同一期的钱，一共多扣了1260元，请马上退回来", "grievance"),
    ("催收员打电话给我单位领导，说我欠钱不还是老赖，我要求你们处理这个人", "grievance"),
    ("我今年三月被公司裁员，现在在找工作，老婆刚生完孩子，能不能让我晚两个月再还，求求你们了", "hardship"),
    (
        "本人要求立即停息挂账，只还本金分60期，减免全部罚息违约金，消除征信不良记录，停止一切催收，否则向金融监管局投诉并起诉贵司砍头息",
        "agency_package",
    ),
    ("我是借款人刘某某的委托律师，现受其全权委托就其债务问题与贵司协商，请与本律师联系", "representative"),
    ("请问提前还款怎么操作？在app里没找到入口", "other"),
]
POSTS = [
    (
        "专业处理网贷信用卡逾期，停息挂账、协商分期、征信修复，成功后再收费，有需要的私信或加v：dk88990",
        "service_ad",
    ),
    ("招募全国代理，做债务优化项目，零成本轻松月入过万，带团队有分成，感兴趣的加我", "recruitment"),
    ("大家千万别相信什么停息挂账的中介，我交了六千服务费，结果人联系不上了，征信还更花了", "warning"),
    (
        "【风险提示】近期有不法分子冒充“代理维权”机构，以“征信修复”“债务减免”为名收取费用，请广大消费者提高警惕",
        "notice",
    ),
    ("网贷逾期三个月了，每天都被催收电话轰炸，有没有人知道该怎么跟平台协商啊？", "question"),
]


def test_cards_match_weights_and_tasks():
    for task, table in (("complaint", COMPLAINT_INTENTS), ("post", POST_INTENTS)):
        m = load(task)
        assert m.labels == tuple(table)
        assert m.card["weights_sha256"] == weights_digest(m.coef, m.intercept)
        assert len(m.card["trained_on"]) >= 3, "trained on at least three independent writers"
        for name in m.card["trained_on"]:
            if name.startswith("batch_"):
                continue
            # a blind set is trained on only once spent: measured once, its figures recorded first
            assert name.startswith("blind_") and name != "blind_b1", name
            assert (ROOT / "evaluations" / "results" / f"{name}.json").exists(), (
                f"{name} was trained on before it was measured"
            )


def test_model_was_trained_under_the_current_normaliser():
    for task in ("complaint", "post"):
        assert load(task).card["normaliser_tables_digest"] == tables_digest(), (
            "the normaliser tables changed: retrain with `python training/intent/train.py`"
        )


def test_reads_complaints_it_never_saw():
    got = [r.intent for r in classify_complaints([t for t, _ in COMPLAINTS])]
    right = sum(g == want for g, (_, want) in zip(got, COMPLAINTS, strict=True))
    assert right >= len(COMPLAINTS) - 1, list(zip(got, [w for _, w in COMPLAINTS], strict=True))


def test_reads_posts_it_never_saw_and_warnings_are_not_ads():
    res = classify_posts([t for t, _ in POSTS])
    got = [r.intent for r in res]
    right = sum(g == want for g, (_, want) in zip(got, POSTS, strict=True))
    assert right >= len(POSTS) - 1, list(zip(got, [w for _, w in POSTS], strict=True))
    warning = res[2]
    assert warning.p(*AD_INTENTS) < 0.5


def test_probabilities_are_a_distribution():
    r = classify_posts(["随便一句话"])[0]
    assert abs(sum(r.probs.values()) - 1.0) < 1e-3 and 0 <= r.confidence <= 1
    assert classify_complaints([]) == []


def test_foreign_labels_are_refused():
    with pytest.raises(IntentModelError):
        IntentModel.from_arrays("post", ["service_ad", "spam"], np.zeros((2, 4)), np.zeros(2), {})


@pytest.mark.slow
def test_training_rebuilds_the_shipped_weights():
    """Retrain from training/intent/ and compare with what ships: same predictions on every
    training text and (numerically) the same weights."""
    sys.path.insert(0, str(ROOT / "training" / "intent"))
    import train  # type: ignore[import-not-found]

    from qinglang.intent.features import featurize

    for task in ("complaint", "post"):
        shipped = load(task)
        rows = [r for name in shipped.card["trained_on"] for r in train.read_named(name, task)]
        labels = list(shipped.labels)
        clf = train.fit(featurize([t for t, _ in rows]), [y for _, y in rows], labels)
        assert np.allclose(clf.coef_, shipped.coef, atol=1e-4)
        again = [labels[k] for k in clf.predict(featurize([t for t, _ in rows]))]
        assert again == [r.intent for r in shipped.classify([t for t, _ in rows])]
        assert json.loads(json.dumps(shipped.card))["C"] == train.C_REG


def test_parallel_reading_gives_the_serial_results():
    """The scan reads many clustered complaints in a fork pool: chunking must change nothing."""
    import random

    from qinglang.intent import model

    rng = random.Random(3)
    parts = [
        "停息挂账",
        "我的扣款重复了",
        "加薇信",
        "征信修复",
        "客服不接电话",
        "全额退还利息",
        "13812345678",
        "律师函",
    ]
    texts = [
        "".join(rng.choice(parts) for _ in range(rng.randrange(1, 6))) for _ in range(model.PARALLEL_MIN + 37)
    ]
    serial = model.classify_complaints(texts)
    assert model.classify_complaints(texts, workers=2) == serial
    assert len({r.intent for r in serial}) > 1  # the sample is not one class everywhere
