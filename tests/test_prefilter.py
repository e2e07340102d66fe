"""The prefilter of the chrome rules: every expression that matches a line is among its candidates
(so the first match is the same as trying each in turn), and a line gets few candidates."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reformdocs.clean.chrome import rules
from reformdocs.clean.prefilter import Prefilter
from reformdocs.decode import decode

ROOT = Path(__file__).resolve().parent.parent
# Expressions written the ways a rule may be: anchored and floating alternatives, optional and
# repeated starts, classes (listed, ranged, negated, by category), lookarounds, case-blind and
# multi-line flags, a backreference, and expressions that match the empty string.
CONSTRUCTS = [
    r"^(?:点击)?(?:查看|阅读)(?:更多|全文)$", r"^[【\[]?(?:打印|关闭)[】\]]?$", r"^\d+\s*积分$",
    r"^[^\s（(]{1,12}[（(]\d{1,5}[)）]$", r"^(?=.*页)(?:第\d+页|共\d+页)", r"(?:↓|⬇){2,}\s*$",
    r"版权所有|版权(?:均)?(?:归|属于)\S{1,12}所有", r"(?i)^more\s*>>$", r"^(?i:tags?)\s*[:：]",
    r"^\s*$", r"x*", r"(?m)^下一页$", r"(\w)\1{3}", r"^\w{2,4}[*＊]$", r"^[a-f0-9]{4}-", r"^\D\d$",
    r"(?<=来源)[:：]", r"^(?!正文)\S{2}网$", r"^[\u4e00-\u9fff]{2,8}(?:门户网站|政府网)$",
    r"^(?>原创|转载)\s", r"^(?:上一篇|下一篇)\s*[:：]|^\S{1,20}\s*上传于\s*\d{4}",
]
ALPHABET = "点击查看阅读更多全文【[打印关闭】]积分12 （(a)）页第共↓⬇版权所有均归属于XMOREmore>>tags:：下一原创转载正文网上篇传于*＊\u3000\n"


def _all_lines() -> list[str]:
    """Every line of the bundled texts and of the chrome corpus (raw and expected)."""
    lines = []
    for path in sorted((ROOT / "source_texts").glob("*.txt")):
        lines += decode(path.read_bytes(), path.name).text.split("\n")
    for path in sorted((ROOT / "tests" / "fixtures" / "chrome").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").split("\n")
    return [line.strip() for line in lines]


def _matching(regexes: list[re.Pattern], text: str) -> set[int]:
    return {i for i, regex in enumerate(regexes) if regex.search(text)}


def test_candidates_hold_every_chrome_rule_that_matches_real_lines():
    r = rules()
    for patterns, which in ((r.line, r.line_filter), (r.sentence, r.sentence_filter),
                            (r.phrase, r.phrase_filter)):
        regexes = [p.regex for p in patterns]
        texts = _all_lines()
        for p in patterns:  # the data file's examples, and each cut or padded
            for example in p.examples:
                text = example if isinstance(example, str) else example[0]
                texts += [text, text[1:], text[:-1], "　" + text, text + "。", "1" + text]
        matched = 0
        for text in texts:
            must = _matching(regexes, text)
            assert must <= which.candidates(text), text
            matched += bool(must)
        assert matched >= len(patterns)  # each rule's examples match


def test_a_body_line_gets_few_candidates():
    r = rules()
    body = [line for line in _all_lines() if len(line) > 60 and line.endswith("。")]
    assert len(body) > 50
    tried = sum(len(r.sentence_filter.candidates(line)) for line in body)
    assert tried / len(body) < 0.5, tried / len(body)  # of the sentence patterns
    short = [line for line in _all_lines() if 0 < len(line) <= 30]
    tried = sum(len(r.line_filter.candidates(line)) for line in short)
    assert tried / len(short) < 3, tried / len(short)  # of a hundred


def test_conditions_by_construct():
    regexes = [re.compile(c) for c in CONSTRUCTS]
    which = Prefilter(regexes)
    for text in ["点击查看更多", "[打印]", "12 积分", "政策收藏(58)", "共3页", "见下方↓↓", "本站版权归某某所有",
                 "MORE >>", "Tags: x", "", "下一页", "好好好好", "填写*", "ab12-", "第1", "来源：",
                 "人民网", "正文网", "长沙市门户网站", "原创 x", "上一篇：", "某某 上传于 2015"]:
        assert _matching(regexes, text) <= which.candidates(text), text
    # literal starts, literal runs and small classes rule expressions out
    assert not which.candidates("国务院关于深化改革的意见") & {0, 1, 2, 4, 5, 6, 14, 18, 20}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=24))
def test_candidates_hold_every_match(text):
    regexes = [re.compile(c) for c in CONSTRUCTS]
    assert _matching(regexes, text) <= Prefilter(regexes).candidates(text)
