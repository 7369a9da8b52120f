"""How agencies disguise words and contacts to slip past keyword filters.

WHY: detection must de-obfuscate (分琪→分期, 崔收→催收, z信→征信, 薇→微信, ①③⑨→139), so the
generator writes the disguised forms it sees in the wild, at a configurable rate.
"""

from __future__ import annotations

import random

from qinglang.synth.rand import pick

CODE_WORDS: dict[str, tuple[str, ...]] = {
    "分期": ("分琪", "分棋", "fq", "分7"),
    "催收": ("崔收", "催shou", "cui收", "摧收"),
    "征信": ("z信", "zx", "征xin", "蒸信"),
    "微信": ("薇信", "V信", "vx", "威信", "薇"),
    "停息挂账": ("停息挂帐", "亭息挂账", "停x挂账", "停息gz"),
    "逾期": ("愈期", "yu期", "逾qi"),
    "协商": ("协伤", "xie商"),
    "减免": ("减mian", "简免"),
    "贷款": ("带款", "dai款"),
    "网贷": ("网dai", "网袋", "王贷"),
    "债务": ("zhai务", "债wu"),
}
_CN_DIGITS = "零一二三四五六七八九"
_CN_DIGITS_ALT = "〇幺两三四五六拐八勾"
_CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨"
_FULL = "０１２３４５６７８９"


def words(rng: random.Random, text: str, rate: float) -> str:
    """Replace each code word occurrence by a disguised form with probability `rate`."""
    if rate <= 0:
        return text
    for plain, forms in CODE_WORDS.items():
        if plain in text:
            pieces = text.split(plain)
            out = [pieces[0]]
            for p in pieces[1:]:
                out.append(pick(rng, forms) if rng.random() < rate else plain)
                out.append(p)
            text = "".join(out)
    return text


def phone_in_text(rng: random.Random, phone: str) -> str:
    """A phone number as people type it in a complaint: plain, spaced, dashed."""
    r = rng.random()
    if r < 0.45:
        return phone
    if r < 0.65:
        return f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    if r < 0.85:
        return f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"
    if r < 0.93:
        return f"+86 {phone}"
    return f"{phone[:3]}{phone[3:7]} {phone[7:]}"


def digits_disguised(rng: random.Random, digits: str, strength: float = 0.5) -> str:
    """Contact digits in an ad: Chinese numerals, circled digits, full width, inserted symbols."""
    r = rng.random()
    if r < strength * 0.3:
        table = _CN_DIGITS if rng.random() < 0.6 else _CN_DIGITS_ALT
        s = "".join(table[int(d)] for d in digits)
    elif r < strength * 0.55:
        s = "".join(_CIRCLED[int(d)] for d in digits)
    elif r < strength * 0.7:
        s = "".join(_FULL[int(d)] for d in digits)
    elif r < strength:  # mix: some digits replaced
        s = "".join(_CN_DIGITS[int(d)] if rng.random() < 0.4 else d for d in digits)
    else:
        s = digits
    if rng.random() < 0.35:
        sep = pick(rng, ("-", "*", "~", " ", "·", "/", "丶"))
        cut = sorted(rng.sample(range(1, len(s)), k=min(2, len(s) - 1)))
        s = s[: cut[0]] + sep + s[cut[0] : cut[1]] + sep + s[cut[1] :]
    return s


def wechat_label(rng: random.Random, rate: float) -> str:
    if rng.random() < rate:
        return pick(rng, ("薇信", "V信", "vx", "V", "薇", "威信", "VX", "wx", "➕V", "加v"))
    return pick(rng, ("微信", "微信号", "微信"))


def handle_disguised(rng: random.Random, handle: str, rate: float) -> str:
    """A WeChat handle in text: sometimes split by a symbol (the canonical handle stays recoverable)."""
    if rng.random() < rate * 0.4 and len(handle) > 4:
        cut = rng.randrange(2, len(handle) - 1)
        return handle[:cut] + pick(rng, ("-", " ", "·", "丶")) + handle[cut:]
    return handle
