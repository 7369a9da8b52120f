"""Template band tokens through the two key-holder processes: one agency's script, paraphrased at
two lenders (other sentences' wording, names, amounts, phones; sentences dropped), is recognised
across them; a generated lender's 300 complaints (genuine ones and other agencies' scripts) are
not; and a band token cannot be made with one key share."""

from __future__ import annotations

import random

import pytest
from alliance_kh import keyholder

from qinglang.alliance import oprf, templates
from qinglang.alliance.client import Keyholder, Tokenizer

pytestmark = pytest.mark.slow

SCRIPT = [
    [
        "本人{name}，因疫情期间收入骤减，目前确实无力按期偿还贵司借款。",
        "我是{name}，受疫情影响收入大幅减少，现在确实没有能力按时还款。",
        "本人{name}因疫情收入锐减，目前实在无力按期归还贵司借款。",
    ],
    [
        "根据《商业银行信用卡业务监督管理办法》第七十条，贵司应当与我协商个性化分期还款方案。",
        "依据《商业银行信用卡业务监督管理办法》第七十条的规定，贵司应与本人协商个性化分期还款。",
        "按照《商业银行信用卡业务监督管理办法》第七十条，贵司应当和我协商个性化分期方案。",
    ],
    [
        "现申请停息挂账，本金分{n}期偿还，并减免全部罚息和违约金。",
        "现在申请停息挂账，本金分{n}期还清，同时减免所有罚息及违约金。",
        "本人申请停息挂账，本金分{n}期归还，并免除全部罚息、违约金。",
    ],
    [
        "贵司催收人员多次拨打我的通讯录联系人，严重侵犯我的隐私，已涉嫌暴力催收。",
        "贵司的催收人员反复骚扰我通讯录里的亲友，严重侵犯个人隐私，涉嫌暴力催收。",
        "催收人员多次联系我通讯录中的联系人，严重侵犯了我的隐私，已经涉嫌暴力催收。",
    ],
    [
        "如三个工作日内未得到答复，我将向银保监会、人民银行和消费者协会投诉。",
        "若三个工作日内没有答复，本人将向银保监会、人民银行及消费者协会反映。",
        "三个工作日内得不到答复的话，我会向银保监会、人民银行和消协投诉。",
    ],
    [
        "此事已全权委托{agent}处理，联系电话{phone}。",
        "本人已委托{agent}全权处理此事，电话{phone}。",
        "后续由我的代理人{agent}对接，联系电话{phone}。",
    ],
]
NAMES = "王芳 李强 张伟 刘洋 陈静 杨磊 赵敏 黄勇 周杰 吴娜".split()


def paraphrase(rng: random.Random) -> str:
    parts = [rng.choice(opts) for i, opts in enumerate(SCRIPT) if i not in (3, 4) or rng.random() > 0.25]
    return "".join(parts).format(
        name=rng.choice(NAMES),
        n=rng.choice([12, 24, 36, 48, 60]),
        agent=rng.choice(["孙律师", "钱经理", "郑顾问"]),
        phone="1" + "".join(str(rng.randrange(10)) for _ in range(10)),
    )


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    root = tmp_path_factory.mktemp("tpl")
    with keyholder(root / "kh1") as k1, keyholder(root / "kh2") as k2:
        khs = [Keyholder(k1.url, k1.api_keys["lender-a"]), Keyholder(k2.url, k2.api_keys["lender-a"])]
        with Tokenizer(khs) as tok:
            yield tok, k1.share


def _tokens(tok: Tokenizer, texts: list[str]) -> list[list[str]]:
    inputs = templates.band_inputs(texts)
    flat = tok.tokens_for_inputs([x for xs in inputs for x in xs])
    out, i = [], 0
    for xs in inputs:
        out.append(flat[i : i + len(xs)])
        i += len(xs)
    return out


def test_one_script_is_recognised_across_lenders_and_unrelated_texts_are_not(tokenizer, tmp_path):
    from qinglang.synth.generator import Generator
    from qinglang.synth.scenario import run
    from qinglang.synth.types import Config

    tok, _share = tokenizer
    lender_a = [paraphrase(random.Random(f"a{i}")) for i in range(8)]
    lender_b = [paraphrase(random.Random(f"b{i}")) for i in range(8)]
    assert len(set(lender_a) | set(lender_b)) == 16
    gen = Generator(Config(complaints=300, seed=11, campaigns=4))
    run(gen)
    unrelated = [r.text for r in gen.recs]  # genuine complaints and four other agencies' scripts
    ta, tb, tu = _tokens(tok, lender_a), _tokens(tok, lender_b), _tokens(tok, unrelated)
    assert all(len(t) == 32 for t in ta + tb)
    known_a = {t for ts in ta for t in ts}  # what lender A confirmed with its campaign
    hits_b = [sum(t in known_a for t in set(ts)) for ts in tb]
    assert all(templates.recognised(ts, known_a) for ts in tb), hits_b
    assert min(hits_b) >= 5, hits_b  # far above the threshold of 2, not a lucky band
    recognised_unrelated = [i for i, ts in enumerate(tu) if templates.recognised(ts, known_a)]
    assert recognised_unrelated == [], [unrelated[i][:40] for i in recognised_unrelated]
    assert sum(1 for ts in tu if ts) > 250  # the unrelated texts did get band tokens


def test_band_tokens_need_both_shares_and_hold_no_text(tokenizer):
    tok, share = tokenizer
    text = paraphrase(random.Random("x"))
    inputs = templates.band_inputs([text])[0]
    tokens = tok.tokens_for_inputs(inputs)
    assert len(set(tokens)) == 32 and all(len(t) == 64 for t in tokens)
    assert all(oprf.token_with_key(x, share) not in tokens for x in inputs)  # one share is not enough
    assert templates.band_values(["太短的投诉"]) == [[]]  # too short to carry a template
