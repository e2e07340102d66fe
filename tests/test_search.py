"""The reference search engine (reformdocs.search) on a small corpus cut from the scraped texts."""
from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

import opencc
import pytest

from reformdocs import search as S
from reformdocs.search import SearchIndex, SearchSection, build_index, normalize, split_query

SOURCES = Path(__file__).resolve().parent.parent / "source_texts"
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_T2S = opencc.OpenCC("t2s.json")
_S2T = opencc.OpenCC("s2t.json")

# page chrome of the scraped files: present in source_texts, never in a section
CHROME = ["冰豆网", "上传人", "文档编号", "点击查看更多", "展开阅读全文", "您现在的位置", "相关搜索", "Word下载"]


def _lines(name: str) -> list[str]:
    path = next(SOURCES.glob(name + "_*.txt"))
    text = path.read_text(encoding="utf-8", errors="replace")
    return [_PINYIN.sub("", line).strip() for line in text.split("\n")]


def _both(text: str, original: str) -> tuple[str, str]:
    """(Simplified, Traditional) of a text whose original script is ``original``."""
    if original == "hant":
        return _T2S.convert(text), text
    return text, _S2T.convert(text)


def _doc(url, title, original, parts):
    """parts: [(anchor, heading, body)] in the original script -> SearchSections."""
    th, tt = _both(title, original)
    out = []
    for anchor, heading, body in parts:
        hh, ht = _both(heading, original)
        bh, bt = _both(body, original)
        out.append(SearchSection(url, anchor, th, tt, hh, ht, bh, bt))
    return out


def _outline(lines: list[str], heading_re: str, sub_re: str | None = None):
    """Sections: a heading line starts one; with sub_re, '(一)xxx。body' lines are sub-sections."""
    parts = []
    n = 0
    for line in lines:
        if not line or "?" in line or "\ufffd" in line:
            continue
        if re.match(heading_re, line) and len(line) < 30:
            n += 1
            parts.append([f"s{n}", line, []])
        elif sub_re and re.match(sub_re, line) and "。" in line[:40]:
            head, _, body = line.partition("。")
            n += 1
            parts.append([f"s{n}", head, [body]])
        elif parts:
            parts[-1][2].append(line)
        else:
            parts.append(["", "", [line]])
    return [(a, h, "\n".join(b)) for a, h, b in parts]


@lru_cache(maxsize=1)
def corpus() -> list[SearchSection]:
    taiyuan = _lines("001")
    ezhou = _lines("002")
    tongguan = _lines("003")
    liangxing = _lines("004")
    secs: list[SearchSection] = []
    # 001: a Traditional original (pinyin insertions stripped)
    secs += _doc(
        "documents/taiyuan-2013/",
        taiyuan[7],
        "hant",
        [("", "", taiyuan[8])]
        + _outline(
            taiyuan[9:60],
            r"^[一二三四五六七八九十]+、|^\([一二三四五六七八九十]+\)[^。]*$",
            r"^\([一二三四五六七八九十]+\)|^\d+\.",
        ),
    )
    # 002: Simplified, short lines grouped under the article's sub-headings
    heads = {24, 41, 44, 47, 50, 57}
    parts = [("", "", "\n".join(ezhou[2:24]))]
    for i in sorted(heads):
        nxt = min([j for j in heads if j > i] + [60])
        parts.append((f"h{i}", ezhou[i], "\n".join(ezhou[i + 1 : nxt])))
    secs += _doc("documents/ezhou/", "鄂州推进综合改革纪略", "hans", parts)
    # 003: Simplified with an outline
    secs += _doc(
        "documents/tongguan/",
        tongguan[10],
        "hans",
        _outline(tongguan[12:58], r"^[一二三四五六七八九十]+、", r"^\d\.|^\d、|^\([一二三四五六七八九十]+\)"),
    )
    # 004: Simplified, page-sized sections without headings
    parts = []
    for i in range(19, 50, 2):
        body = re.sub(r"^\d+、", "", liangxing[i])
        parts.append((f"p{(i - 17) // 2}", "", body))
    secs += _doc("documents/liangxing/", "关于强化“两型社会”建设工作机制的思考", "hans", parts)
    # one section whose Traditional edition uses Taiwan wording (s2twp): 信息 -> 資訊
    body = "建立政务信息共享平台，推进信息公开。"
    secs.append(
        SearchSection(
            "documents/xinxi/", "s1", "信息公开", _S2T.convert("信息公开"), "信息共享", "資訊共享",
            body, "建立政務資訊共享平臺，推進資訊公開。",
        )
    )
    return secs


@lru_cache(maxsize=1)
def index_files() -> dict[str, bytes]:
    return build_index(corpus())


@pytest.fixture(scope="module")
def ix() -> SearchIndex:
    return SearchIndex(index_files())


def fields(sec: SearchSection) -> list[str]:
    return [normalize(x) for x in (sec.heading_hans, sec.heading_hant, sec.text_hans, sec.text_hant)]


def brute_force(phrase: str) -> set[tuple[str, str]]:
    """(url, anchor) of sections whose own heading/body holds the phrase in either script."""
    p = normalize(phrase)
    return {(s.url, s.anchor) for s in corpus() if any(p in f for f in fields(s))}


def hits(ix: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(r.url, r.anchor) for r in ix.search(query)]


# --------------------------------------------------------------------------- the index


def test_corpus_is_real_text():
    secs = corpus()
    assert len(secs) > 60
    assert len({s.url for s in secs}) == 5
    assert any("經濟" in s.text_hant and "经济" in s.text_hans for s in secs)


def test_build_is_deterministic():
    a = build_index(corpus())
    b = build_index(list(corpus()))
    assert a == b
    assert list(a) == sorted(a)
    assert {"manifest.js"} <= set(a)
    assert all(k.startswith(("p/", "t/hans/", "t/hant/", "manifest")) for k in a)


def test_write_index_and_client(tmp_path):
    S.write_index(index_files(), tmp_path / "search")
    assert (tmp_path / "search/manifest.js").read_bytes() == index_files()["manifest.js"]
    assert len(list((tmp_path / "search").rglob("*.js"))) == len(index_files())
    assert S.CLIENT_JS.is_file() and b"__reformdocs_search" in S.CLIENT_JS.read_bytes()


def test_bad_characters_do_not_stop_the_build():
    sec = SearchSection("d/", "a", "标题", "標題", "", "", "改革\ud800试验\u2028区", "改革\ud800試驗\u2028區")
    files = build_index([sec])
    assert hits(SearchIndex(files), "改革") == [("d/", "a")]
    assert hits(SearchIndex(files), "试验区") == [("d/", "a")]


def test_files_are_jsonp_for_file_urls():
    for name, data in index_files().items():
        key, _ = S.parse_jsonp(data)
        assert name == key + ".js"
        assert data.startswith(b"__reformdocs_search(\"")


def test_char_table_is_compact_and_limited_to_the_corpus():
    _, m = S.parse_jsonp(index_files()["manifest.js"])
    pairs = m["t2s"]
    table = dict(zip(pairs[::2], pairs[1::2]))
    assert table["經"] == "经" and table["濟"] == "济" and table["發"] == "发"
    assert len(pairs) < 6000  # a few kB, not OpenCC's whole dictionary
    corpus_chars = set("".join("".join(fields(s)) for s in corpus()))
    assert set(table.values()) <= corpus_chars


def test_urls_are_edition_relative(ix):
    row = ix.section_row(0, "hant")
    assert row["url"] == "documents/taiyuan-2013/"
    assert "太原市資源型經濟轉型" in row["title"]
    assert ix.section_row(0, "hans")["title"].startswith("太原市资源型经济转型")


def test_traditional_text_is_restored_exactly_from_its_patch(ix):
    collapse = S._collapse
    for n, sec in enumerate(corpus()):
        row = ix.section_row(n, "hant")
        assert row["text"] == collapse(sec.text_hant)
        assert row["heading"] == collapse(sec.heading_hant)
        assert row["title"] == collapse(sec.doc_title_hant)
        assert ix.section_row(n, "hans")["text"] == collapse(sec.text_hans)
    # stored as patches, far smaller than the text itself
    hant = sum(len(v) for k, v in index_files().items() if k.startswith("t/hant/"))
    hans = sum(len(v) for k, v in index_files().items() if k.startswith("t/hans/"))
    assert hant < hans / 5


def test_patch_round_trip_edge_cases():
    s2t = {"发": "發", "后": "後"}
    for hans, hant in [("头发", "頭髮"), ("后来", "後來"), ("皇后", "皇后"), ("", ""), ("信息", "資訊"),
                       ("𠀀发", "𠀀髮"), ("鼠标", "滑鼠標"), ("abc", "abc")]:
        assert S.unpatch(hans, S._patch(hans, hant, s2t), s2t) == hant


# --------------------------------------------------------------------------- normalisation


def test_normalize_folds_width_case_space_and_script():
    assert normalize("ＧＤＰ（二）Ａ b\u3000c") == "gdp(二)abc"
    assert normalize("經濟發展") == "经济发展"
    assert normalize("PM2.5") == "pm2.5"


def test_split_query():
    assert split_query("  經濟  发展 ") == ["经济", "发展"]
    assert split_query('"综合 配套" 改革') == ["综合配套", "改革"]
    assert split_query("改革 改革") == ["改革"]
    assert split_query("   ") == []


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "query",
    ["经济转型", "經濟轉型", "综合配套改革", "綜合配套改革", "鄂州模式", "两型社会", "兩型社會", "行政审批", "行政審批"],
)
def test_exact_phrase_equals_brute_force(ix, query):
    assert set(hits(ix, query)) == brute_force(query)
    assert hits(ix, query)


def test_script_insensitive_both_ways(ix):
    # Simplified original found by a Traditional query, Traditional original by a Simplified one
    assert hits(ix, "鄂州綜合改革") == hits(ix, "鄂州综合改革") != []
    assert hits(ix, "資源型經濟") == hits(ix, "资源型经济") != []
    assert any(u == "documents/taiyuan-2013/" for u, _ in hits(ix, "资源型经济"))
    assert any(u == "documents/ezhou/" for u, _ in hits(ix, "鄂州綜合改革"))


def test_other_wording_of_the_traditional_edition(ix):
    # the Traditional edition says 資訊 where the Simplified says 信息: both are found
    assert ("documents/xinxi/", "s1") in hits(ix, "资讯共享")
    assert ("documents/xinxi/", "s1") in hits(ix, "信息共享")
    assert ("documents/xinxi/", "s1") in hits(ix, "資訊公開")


def test_random_substrings_are_found_and_results_are_exact(ix):
    rng = random.Random(7)
    secs = corpus()
    for _ in range(250):
        s = rng.choice(secs)
        text = normalize(s.text_hans)
        if len(text) < 2:
            continue
        n = rng.choice([1, 2, 2, 3, 4, 5, 8, 13, 21])
        i = rng.randrange(0, max(1, len(text) - n))
        phrase = text[i : i + n]
        got = hits(ix, phrase)
        assert (s.url, s.anchor) in got, phrase
        expected = brute_force(phrase)
        titles = {s.url for s in secs if normalize(phrase) in normalize(s.doc_title_hans)}
        for u, a in got:  # precision: every result holds the phrase (or is a title hit)
            assert (u, a) in expected or u in titles, (phrase, u, a)
        assert expected <= set(got)


@pytest.mark.parametrize("query", ["量子计算机", "改革太原", "经济发展展", "zzz", "（九十九）"])
def test_absent_phrases(ix, query):
    assert hits(ix, query) == [] == sorted(brute_force(query))


@pytest.mark.parametrize("word", CHROME)
def test_chrome_words_of_the_scraped_pages_are_not_found(ix, word):
    raw = "".join(p.read_text(encoding="utf-8", errors="replace") for p in SOURCES.glob("*.txt"))
    assert word in raw  # it is in the scraped files...
    assert hits(ix, word) == []  # ...but not in any section


def test_short_queries(ix):
    one = ix.search("税")
    assert one and all("税" in "".join(fields(corpus()[r.section])) for r in one)
    assert set(hits(ix, "稅")) == set(hits(ix, "税"))
    two = hits(ix, "鄂州")
    assert set(two) == brute_force("鄂州") and len(two) > 3


def test_long_query(ix):
    phrase = "探索土地前期手續整體打包統一出讓機制"  # 18 characters, Traditional
    assert len(phrase) >= 8
    assert hits(ix, phrase) == sorted(brute_force(phrase)) == [("documents/taiyuan-2013/", "s12")]
    assert hits(ix, _T2S.convert(phrase)) == hits(ix, phrase)
    assert hits(ix, phrase + "的") == []


def test_mixed_latin_digits_and_width(ix):
    assert hits(ix, "PM2.5") == hits(ix, "pm2.5") == hits(ix, "ＰＭ２．５") != []
    assert hits(ix, "GDP") == hits(ix, "ｇｄｐ") == hits(ix, "Gdp") != []
    assert set(hits(ix, "2013-2015年")) == brute_force("2013-2015年") != set()
    assert hits(ix, "2020年") and set(hits(ix, "2020年")) == brute_force("2020年")
    assert hits(ix, "（一）") == hits(ix, "(一)") != []


def test_whitespace_inside_text_does_not_break_a_phrase(ix):
    # 003's title reads "中共铜官区委 铜官区人民政府…" with a space
    assert any(u == "documents/tongguan/" for u, _ in hits(ix, "区委铜官区"))


def test_all_words_must_occur(ix):
    res = ix.search("太原 金融")
    assert res
    for r in res:
        s = corpus()[r.section]
        own = "".join(fields(s))
        title = normalize(s.doc_title_hans)
        assert ("太原" in own or "太原" in title) and ("金融" in own or "金融" in title)
        assert "太原" in own or "金融" in own
    assert hits(ix, "太原 量子") == []


# --------------------------------------------------------------------------- ranking


def test_heading_matches_come_first(ix):
    res = ix.search("创新金融发展机制")
    assert res[0].tier == 1
    assert normalize(corpus()[res[0].section].heading_hans) == normalize("(三)创新金融发展机制")


def test_title_match_gives_the_document_first(ix):
    res = ix.search("两型社会")
    assert res[0].tier == 2 and res[0].url == "documents/liangxing/"
    assert res[0].section == min(r.section for r in res if r.url == "documents/liangxing/")
    assert all(r.tier < 2 for r in res[1:])


def test_density_orders_body_matches(ix):
    res = [r for r in ix.search("鄂州") if r.tier == 0]
    dens = [r.density for r in res]
    assert dens == sorted(dens, reverse=True)


def test_query_fetches_few_files(ix):
    fresh = SearchIndex(index_files())
    fresh.word_hits(normalize("综合配套改革试验"))
    assert all(name.startswith("p/") for name in fresh.fetched)
    assert len(fresh.fetched) <= 4  # bigrams at offsets 0, 2, 4, 6
