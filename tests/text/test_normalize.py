"""Each normaliser step on its own, the chain, and fast/mapped agreement."""

import pytest

from qinglang.text.normalize import (
    CONTACT_STEPS,
    DEFAULT_STEPS,
    LITERAL_STEPS,
    MATCH_STEPS,
    normalize,
    normalize_for_matching,
    normalize_with_map,
)


def test_nfkc_full_width_and_circled_digits():
    assert normalize("ＡＢＣ１２３①⑧❶", ["nfkc"]) == "ABC12318" + "1"


def test_nfkc_enclosed_and_parenthesised_alphanumerics():
    # NFKC gives "(1)", "1.", "(a)", "(一)": the brackets and the full stop are part of the form
    assert normalize("⑴⒈⒜Ⓐⓐ㈠㊀⑽⒇🄐🄁", ["nfkc"]) == "11aAa一一1020A0"
    assert normalize("Ⓕⓤc⒦", ["nfkc", "lower"]) == "fuck"
    assert normalize("9⓿二肆⁹₈③⑸⒋➃㈤㊄", ["nfkc"]) == "90二肆983544五五"
    assert normalize("(1)", ["nfkc"]) == "(1)"  # typed brackets are not a compatibility form


def test_lower():
    assert normalize("JR消费 ZX", ["lower"]) == "jr消费 zx"


def test_t2s():
    assert normalize("貸款賬單來", ["t2s"]) == "贷款账单来"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("微 信", "微信"),
        ("微\u200b信", "微信"),
        ("贷·款", "贷款"),
        ("征*信", "征信"),
        ("停-息/挂账", "停息挂账"),
        ("申请.谢谢", "申请.谢谢"),  # '.' between characters is sentence punctuation in real data: kept
        ("【信】【用】【卡】", "信用卡"),  # one character per bracket pair
        ("【芬】⑦【樂】", "芬⑦樂"),
        ("修😀复", "修复"),
        ("a-b.com", "a-b.com"),  # '-' and '.' between ASCII are not noise
    ],
)
def test_noise(raw, expected):
    assert normalize(raw, ["noise"]) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("test av test", "test av test"),  # a space between ASCII words stays
        ("we do  zx fix", "we do zx fix"),  # one space
        ("I have a nice day", "I have a nice day"),
        ("qq 12345", "qq 12345"),
        ("abc \u200b def", "abc def"),
        ("abc 😀 def", "abc def"),
        ("139 1234 5678", "13912345678"),  # a number written in groups is one number
        ("v i p", "vip"),  # spelt out one character at a time
        ("加 q 12345", "加q12345"),
        ("c 0 m", "c0m"),
        ("微 信 abc", "微信abc"),  # next to CJK it goes, as in noise
        ("ab·cd", "abcd"),  # decoration without white space inside a word
        ("停-息/挂账", "停息挂账"),
    ],
)
def test_noise_words_keeps_spaces_between_ascii_words(raw, expected):
    assert normalize(raw, ["noise_words"]) == expected
    assert normalize_with_map(raw, ["noise_words"]).text == expected


def test_default_chain_keeps_ascii_words_apart_but_matching_joins_them():
    assert normalize("test av test") == "test av test"
    assert normalize("we do zx fix") == "we do zx fix"
    # spaced-out pinyin still meets the lexicon's full-pinyin spellings
    assert normalize_for_matching("tingxi guazhang") == "tingxiguazhang"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234567===0001", "12345670001"),
        ("=====123456====70002", "=====12345670002"),
        ("138---1234-=-5678", "13812345678"),
        ("=====123456====X70002", "=====123456====X70002"),  # a letter inside: not one number
        ("139-1234-5678", "139-1234-5678"),  # one or two hyphens are left alone
        ("1000--5000", "1000--5000"),  # a range
        ("2019==04==26", "2019==04==26"),  # too short for a contact number
    ],
)
def test_equals_and_hyphen_runs_inside_digit_strings(raw, expected):
    assert normalize(raw, ["noise"]) == expected
    assert normalize(raw, ["noise_words"]) == expected
    assert normalize_with_map(raw, ["noise"]).text == expected


def test_noise_soft_keeps_space_between_numbers_only():
    assert normalize("热线 95588 400", ["noise_soft"]) == "热线95588 400"
    assert normalize("微 信", ["noise_soft"]) == "微信"


@pytest.mark.parametrize("raw,expected", [("歀", "款"), ("嶶", "微"), ("菿", "到"), ("黒白戸", "黑白户")])
def test_variants(raw, expected):
    assert normalize(raw, ["variants"]) == expected


@pytest.mark.parametrize("raw,expected", [("亻言用卡", "信用卡"), ("弓长三", "张三"), ("茄威", "加微")])
def test_split_characters_and_phrases(raw, expected):
    assert normalize(raw, ["split"]) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("一三九一二三四五六七八", "13912345678"),
        ("幺三九〇〇〇〇两两两两", "13900002222"),
        ("壹叁玖捌柒陆伍肆叁贰壹", "13987654321"),
        ("139一二三四5678", "13912345678"),
        ("一五一十", "一五一十"),  # too short to be a contact run
        ("10000一次", "10000一次"),  # one Chinese numeral next to an amount is not a contact
    ],
)
def test_numerals(raw, expected):
    assert normalize(raw, ["numerals"]) == expected


def test_repeat_collapses_cjk_runs_but_not_digits():
    assert normalize("加加加微微微 666", ["repeat"]) == "加微 666"
    assert normalize("速速回家", ["repeat"]) == "速速回家"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ffffuuuucck the bad words", "fuck the bad words"),
        ("FFFfuuuuCCKKK", "FuCK"),  # case-insensitive runs, the first letter's case kept
        ("fffuuuccckkk", "fuck"),
        # left alone: ordinary words, masked digits, one- and two-letter tokens, handles, addresses
        ("stilllovingyou", "stilllovingyou"),
        ("bookkeeper", "bookkeeper"),
        ("goooood", "goooood"),
        ("cdxxx xxxmxx xxxxxxapp", "cdxxx xxxmxx xxxxxxapp"),
        ("www hhhh vvvxxx", "www hhhh vvvxxx"),
        ("fffuuuccc123", "fffuuuccc123"),
        ("fffuuuccc.com", "fffuuuccc.com"),
        ("fffuuuccc@qq.com", "fffuuuccc@qq.com"),
    ],
)
def test_repeat_collapses_latin_stutter_only(raw, expected):
    assert normalize(raw, ["repeat"]) == expected
    mapped = normalize_with_map(raw, ["repeat"])
    assert mapped.text == expected
    assert mapped.offsets == sorted(mapped.offsets)


def test_latin_stutter_spans_cover_each_run():
    raw = "ffffuuuucck"
    mapped = normalize_with_map(raw, ["repeat"])
    sources = [raw[slice(*mapped.span(i, i + 1))] for i in range(len(mapped.text))]
    assert sources == ["ffff", "uuuu", "cc", "k"]


def test_default_chain_end_to_end():
    assert normalize("姿今需要妙虾歀 ,放 欵") == normalize("姿今需要妙虾款,放款")
    assert normalize("微 信：一三九 一二三四 五六七八") == "微信:13912345678"


def test_unknown_step_rejected():
    with pytest.raises(ValueError):
        normalize("x", ["nope"])


@pytest.mark.parametrize(
    "steps", [DEFAULT_STEPS, MATCH_STEPS, CONTACT_STEPS, LITERAL_STEPS, ("nfkc",), ("noise", "numerals")]
)
@pytest.mark.parametrize(
    "text",
    [
        "今 ィ昔 菿：伱有20000额 渡 茄威: yu682622 ~無視 黒白戸",
        "㈠⑩ＡＢ 壹叁玖 贰叁肆 伍陆柒捌",
        "ⒻⒻⒻfⓤuⓤ⒰cⓒ⒦ the bad words, 9⓿二肆⑸⒋㈤㊄ 1234567===0001 abc@qq.com v i p",
        "",
    ],
)
def test_fast_and_mapped_agree(steps, text):
    mapped = normalize_with_map(text, steps)
    assert mapped.text == normalize(text, steps)
    assert len(mapped.offsets) == len(mapped.text) == len(mapped.ends)


def test_span_maps_back_to_original():
    raw = "加 茄威: 壹叁玖 壹贰叁肆 伍陆柒捌 谢谢"
    mapped = normalize_with_map(raw)
    i = mapped.text.index("13912345678")
    s, e = mapped.span(i, i + 11)
    assert raw[s:e] == "壹叁玖 壹贰叁肆 伍陆柒捌"
    j = mapped.text.index("加微")
    s, e = mapped.span(j + 1, j + 2)
    assert raw[s:e] == "茄威"[1] or raw[s:e] == "茄威"


def test_split_span_covers_both_source_characters():
    raw = "办亻言用卡"
    mapped = normalize_with_map(raw)
    i = mapped.text.index("信")
    assert raw[slice(*mapped.span(i, i + 1))] == "亻言"


def test_normalize_for_matching_is_the_match_chain():
    raw = "專業 停-息 掛賬，徵信修復 JR消費"
    assert normalize_for_matching(raw) == normalize(raw, MATCH_STEPS)
    assert "停息挂账" in normalize_for_matching(raw)
    assert "jr消费" in normalize_for_matching(raw)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("存1oo送58", "存100送58"),
        ("日赢8oo16oo,加", "日赢8001600,加"),
        ("abc.c0m", "abc.com"),
        ("+q:123", "加q:123"),
        ("wnt6o88ap8", "wnt6o88ap8"),
    ],
)
def test_lookalike(raw, expected):
    assert normalize(raw, ["lookalike"]) == expected


def test_batch_does_not_merge_across_texts():
    from qinglang.text.normalize import normalize_for_matching_batch

    batch = ["【a】", "【b】x", "微", "-信", "贷 ", " 款"]
    assert normalize_for_matching_batch(batch) == [normalize_for_matching(t) for t in batch]


def test_short_bracketed_word_after_cjk_is_unwrapped():
    assert normalize("办理各类（证件）,刻章", ["noise"]) == "办理各类证件,刻章"
    assert normalize("尾号(1234)", ["noise"]) == "尾号(1234)"  # not a CJK word: kept


def test_question_mark_after_a_question_particle_is_kept():
    assert normalize("你好有空吗?来帮我", ["noise"]) == "你好有空吗?来帮我"
    assert normalize("微?信", ["noise"]) == "微信"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("代办信一用一卡", "代办信用卡"),
        ("一五一十地说", "一五一十地说"),  # a single 一 between two characters stays
        ("一模一样", "一模一样"),
        ("加我一三一五一七", "加我一三一五一七"),  # numbers spelt in Chinese are the numerals step's
    ],
)
def test_yi_used_as_separator(raw, expected):
    assert normalize(raw, ["noise"]) == expected
    assert normalize_with_map(raw, ["noise"]).text == expected
