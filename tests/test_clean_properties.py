"""Properties of cleaning, on texts recombined from the seeds and the chrome corpus.

* idempotent: cleaning the cleaned text changes nothing and records nothing;
* chrome added at the head and tail of a clean text is all that goes;
* no Chinese character leaves a text except through an audited rule;
* page counters of a sharing site, cut anywhere, are removed and the text re-joined.
"""
from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reformdocs.clean import clean
from reformdocs.clean.common import ideographs, load_data
from reformdocs.model import Line

from .test_clean import SEEDS, assert_audited, cleaned_seed
from .test_clean_fixtures import PAGES

SETTINGS = settings(max_examples=int(__import__("os").environ.get("CLEAN_EXAMPLES", 60)), deadline=None,
                    derandomize=not __import__("os").environ.get("CLEAN_RANDOM"),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def pool() -> tuple[str, ...]:
    """Clean paragraphs: the cleaned seeds and the expected texts of the chrome corpus."""
    out: list[str] = []
    for name in SEEDS:
        out += [b.text for b in cleaned_seed(name)[1].blocks if isinstance(b, Line)]
    for page in PAGES:
        text = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
        out += [t for t in text.split("\n") if t and not t.startswith("| ")]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def chrome_lines() -> tuple[str, ...]:
    """Chrome lines: every line-level example of data/chrome.yml, and structural samples."""
    out = []
    for fam in load_data("chrome.yml")["families"]:
        for p in fam["patterns"]:
            if p["scope"] == "line" and not p.get("follows"):
                out += p["examples"]
    out += ["首页 › 政策文件 › 规范性文件", "来源：市政府办公室 作者：张三 浏览次数：1024", "* * *",
            "www.example.gov.cn", "地址：人民路1号 邮编：230000 电话：0551-1234567", "- 3 -", "第2页/共5页"]
    return tuple(out)


paragraphs = st.lists(st.sampled_from(pool()), min_size=1, max_size=12, unique=True)
chrome = st.lists(st.sampled_from(chrome_lines()), min_size=1, max_size=6)


def texts(cleaned) -> list[str]:
    return [b.text for b in cleaned.blocks if isinstance(b, Line)]


@SETTINGS
@given(paragraphs)
def test_idempotent(paras):
    first = clean("\n".join(paras))
    again = clean("\n".join(texts(first)))
    assert texts(again) == texts(first)
    assert again.edits == []


def test_idempotent_on_the_seeds():
    for name in SEEDS:
        first = cleaned_seed(name)[1]
        again = clean("\n".join(texts(first)))
        assert texts(again) == texts(first), name
        assert again.edits == [], name


@SETTINGS
@given(paragraphs, chrome, chrome)
def test_chrome_at_head_and_tail_is_all_that_goes(paras, head, tail):
    body = "\n".join(texts(clean("\n".join(paras))))
    base = clean(body)
    assume(base.edits == [] and base.blocks)
    # a text of headings and short lines only has no body line to tell its edges by
    assume(any(len(ideographs(t)) >= 20 and "，" in t for t in texts(base)))
    cleaned = clean("\n".join(head + [body] + tail))
    assert texts(cleaned) == texts(base)


@SETTINGS
@given(paragraphs, st.lists(st.tuples(st.integers(0, 12), st.sampled_from(chrome_lines())), max_size=8))
def test_no_ideograph_lost_unaudited(paras, inserts):
    lines = list(paras)
    for pos, line in inserts:
        lines.insert(min(pos, len(lines)), line)
    source = "\n".join(lines)
    assert_audited(source, clean(source))


@SETTINGS
@given(st.lists(st.sampled_from([p for p in pool() if len(p) > 40]), min_size=3, max_size=8, unique=True),
       st.lists(st.integers(80, 400), min_size=3, max_size=12), st.booleans())
def test_page_counters_removed_and_text_rejoined(paras, sizes, share_site):
    body = "".join(paras)
    cuts, pos = [], 0
    for size in sizes:
        pos += size
        if pos >= len(body) - 40:
            break
        cuts.append(pos)
    assume(len(cuts) >= 2)
    chunks = [body[a:b] for a, b in zip([0] + cuts, cuts + [len(body)])]
    page = "\n\n".join(f"{n}、{chunk}" for n, chunk in enumerate(chunks, start=1))
    if share_site:
        page = "《调研报告》由会员分享,可在线阅读,更多相关《调研报告》请在文库上搜索。\n" + page + "\n相关搜索"
    cleaned = clean(page)
    assert ideographs("".join(texts(cleaned))) == ideographs(body)
    assert_audited(page, cleaned)
