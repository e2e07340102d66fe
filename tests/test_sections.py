"""Sectioning: outline numbering of official documents into a tree with position-based ids."""
from __future__ import annotations

import pytest

from reformdocs.clean import clean
from reformdocs.decode import decode
from reformdocs.model import Line
from reformdocs.sections import chinese_number, parse, split_heading

from .conftest import SOURCES


def lines(*texts: str) -> list[Line]:
    return [Line(no, t) for no, t in enumerate(texts, start=1)]


def outline(sections, depth=0):
    out = []
    for s in sections:
        out.append((s.id, s.level, s.marker, s.title))
        out += outline(s.children, depth + 1)
    return out


def seed(stem: str):
    name = next(p.name for p in SOURCES.glob(f"{stem}_*.txt"))
    cleaned = clean(decode((SOURCES / name).read_bytes(), name).text)
    return parse(cleaned.blocks)


@pytest.mark.parametrize("text, number", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20),
                                          ("二十一", 21), ("一百零三", 103)])
def test_chinese_numbers(text, number):
    assert chinese_number(text) == number


def test_gbt_9704_levels_nest():
    pre, tree = parse(lines("前言。", "一、总体要求", "（一）指导思想。坚持改革。", "1.目标一。", "（1）细目。",
                            "①分项", "（二）基本原则", "二、主要任务"))
    assert [b.text for b in pre] == ["前言。"]
    assert [(i, lvl) for i, lvl, *_ in outline(tree)] == [
        ("s1", 1), ("s1-1", 2), ("s1-1-1", 3), ("s1-1-1-1", 4), ("s1-1-1-1-1", 5), ("s1-2", 2), ("s2", 1)]


def test_run_in_heading_keeps_body_in_section():
    _, tree = parse(lines("一、甲", "（一）加强组织领导。成立领导小组，负责统筹。", "二、乙"))
    section = tree[0].children[0]
    assert (section.title, [b.text for b in section.blocks]) == ("加强组织领导。", ["成立领导小组，负责统筹。"])


def test_skipped_level_keeps_own_number():
    """003: （三） follows 1、 and 2、 under 一、, with no （一）（二）."""
    _, tree = parse(lines("一、总体要求", "1、指导思想。", "2、奋斗目标。", "1.到2020年。", "（三）重大战略。",
                          "1.科教兴区战略。", "二、实施"))
    assert [i for i, *_ in outline(tree)] == ["s1", "s1-1", "s1-2", "s1-2-1", "s1-3", "s1-3-1", "s2"]


def test_same_rank_different_style_nests():
    """1、 and 1. share a rank; the one met second nests under the first."""
    _, tree = parse(lines("一、甲", "1、乙", "1.丙", "2.丁", "2、戊", "二、己"))
    assert [(i, lvl) for i, lvl, *_ in outline(tree)] == [
        ("s1", 1), ("s1-1", 2), ("s1-1-1", 3), ("s1-1-2", 3), ("s1-2", 2), ("s2", 1)]


def test_fragment_levels_it_lost_are_zero():
    """000 starts inside 三、（六）: its （七） hangs under an unknown top level."""
    _, tree = parse(lines("5、建立覆盖城乡的社会保障体系。", "（七）推进对外开放体制机制改革", "1、创新招商引资机制。",
                          "（八）推进行政管理体制机制改革", "四、综合配套改革试验的保障措施", "（一）加强组织领导。"))
    assert [(i, lvl) for i, lvl, *_ in outline(tree)] == [
        ("s0-0-5", 3), ("s0-7", 2), ("s0-7-1", 3), ("s0-8", 2), ("s4", 1), ("s4-1", 2)]


def test_duplicate_numbers_get_unique_ids():
    _, tree = parse(lines("一、甲", "二、乙", "二、丙"))
    assert [i for i, *_ in outline(tree)] == ["s1", "s2", "s2_2"]


def test_decimal_and_year_are_not_markers():
    _, tree = parse(lines("一、甲", "1.5亿元投资到位。", "2.2035年，基本建成现代化城区。", "二、乙"))
    assert [i for i, *_ in outline(tree)] == ["s1", "s1-2", "s2"]
    assert [b.text for b in tree[0].blocks] == ["1.5亿元投资到位。"]


@pytest.mark.parametrize("rest, heading", [
    ("强化推进机制,扩大建设实效根据省委、省政府决策部署,出台加快经济发展方式转变推进两型社会建设的意见。",
     "强化推进机制,扩大建设实效"),
    ("强化长效机制、形成共建合力“两型社会”改革试验是一项系统的社会工程,必须调动方方面面的积极性。",
     "强化长效机制、形成共建合力"),
    ("深化行政审批制度改革。探索土地前期手续整体打包统一出让机制。", "深化行政审批制度改革。"),
    ("推进对外开放体制机制改革", "推进对外开放体制机制改革"),
])
def test_heading_split(rest, heading):
    assert split_heading(rest)[0] == heading


def test_plain_headings_in_a_news_text():
    """002 has no outline numbering: short non-sentence lines between paragraphs are headings."""
    pre, tree = parse(lines("鄂州推进综合改革纪略", "建市以来，历届市委改革创新。", "由“单兵突进”转向综合改革",
                            "目前，各种矛盾叠加。", "在十项改革上重点突破", "启动功能区体制改革。"),
                      title="鄂州推进综合改革纪略")
    assert [(s.id, s.title) for s in tree] == [("s1", "由“单兵突进”转向综合改革"), ("s2", "在十项改革上重点突破")]
    assert [b.text for b in tree[1].blocks] == ["启动功能区体制改革。"]


def test_seed_001_outline():
    _, tree = seed("001")
    ids = [i for i, *_ in outline(tree)]
    assert [s.id for s in tree] == [f"s{n}" for n in range(1, 10)]
    assert [c.id for c in tree[3].children] == [f"s4-{n}" for n in range(1, 21)]
    assert "s5-1-1" in ids and "s5-5-41" in ids
    assert len(ids) == len(set(ids))


def test_seed_003_outline():
    _, tree = seed("003")
    ids = [i for i, *_ in outline(tree)]
    assert ids[:7] == ["s1", "s1-1", "s1-2", "s1-2-1", "s1-2-2", "s1-2-3", "s1-3"]
    assert [s.id for s in tree] == [f"s{n}" for n in range(1, 8)]
    assert "s7-24" in ids


def test_seed_000_fragment_outline():
    _, tree = seed("000")
    top = [(s.id, s.level) for s in tree]
    assert ("s0-7", 2) in top and ("s0-8", 2) in top and ("s4", 1) in top


def test_seed_004_headings_buried_in_run_on_text():
    _, tree = seed("004")
    assert [(s.id, s.marker + s.title) for s in tree] == [
        ("s1", "一、强化推进机制，扩大建设实效"), ("s2", "二、强化激励机制，完善考评体系"),
        ("s3", "三、强化创新机制，推动改革突破"), ("s4", "四、强化保障机制，提升能力水平"),
        ("s5", "五、强化长效机制、形成共建合力")]


def test_seed_002_news_headings():
    _, tree = seed("002")
    assert [s.title for s in tree] == ["由“单兵突进”转向综合改革", "在十项改革上重点突破", "举全市之力强力推进"]
