"""The cleaning rules one by one: data-file examples, punctuation, tables, page splits, paragraphs,
structural chrome and its protections."""
from __future__ import annotations

import re

import pytest

from reformdocs.clean import LineFrequency, clean, chrome, pages, punctuation, table
from reformdocs.clean.common import load_data, protected
from reformdocs.model import Line, Table


def texts(cleaned) -> list[str]:
    return [b.text for b in cleaned.blocks if isinstance(b, Line)]


BODY = ("为全面贯彻落实党的十九大精神，更加坚定自觉地用新发展理念统领发展全局，区委、区政府决定对五大发展行动计划"
        "进行丰富提升，作为推动经济社会全面发展的总抓手。")
BODY2 = ("各县（市、区）要结合实际，抓紧制定具体实施方案，明确责任分工和时间进度，确保各项改革任务落到实处，"
         "取得实效。")


# --- data files ----------------------------------------------------------------------------------
def _chrome_patterns():
    for fam in load_data("chrome.yml")["families"]:
        for p in fam["patterns"]:
            yield fam["id"], p


def test_chrome_data_ids_unique_and_described():
    data = load_data("chrome.yml")
    fams = [f["id"] for f in data["families"]]
    assert len(fams) == len(set(fams))
    for fam in data["families"]:
        assert fam["description"].strip()
        ids = [p["id"] for p in fam["patterns"]]
        assert len(ids) == len(set(ids)), fam["id"]
        for p in fam["patterns"]:
            assert p["scope"] in ("line", "phrase")
            assert p.get("where", "anywhere") in ("anywhere", "edge")
            assert p.get("follows", "") in ("", "list", "tail", "pager", "form")
            assert p.get("stamp", "") in ("", "alone", "named")
            assert p.get("examples"), f"{fam['id']}.{p['id']} has no examples"


@pytest.mark.parametrize("family, pattern", list(_chrome_patterns()),
                         ids=[f"{f}.{p['id']}" for f, p in _chrome_patterns()])
def test_chrome_pattern_examples(family, pattern):
    rule = f"chrome.{family}.{pattern['id']}"
    for example in pattern["examples"]:
        if pattern["scope"] == "line":
            own = next(p for p in chrome.rules().line if p.rule == rule)
            assert own.regex.search(example.strip()) and len(example.strip()) <= own.max_len, example
            assert chrome.match_line(example.strip(), edge=True) is not None, example
        else:
            before, after = example
            new, cut = chrome.remove_phrases(before)
            assert new == after and cut, (before, new)


def test_page_data_examples():
    data = load_data("pages.yml")
    for m in data["markers"]:
        for example in m["examples"]:
            assert pages.marker_rule(example) == f"pages.{m['id']}", example
    for p in data["phrases"]:
        rx = re.compile(p["regex"])
        for before, after in p["examples"]:
            assert rx.sub("", before) == after


# --- punctuation ---------------------------------------------------------------------------------
@pytest.mark.parametrize("before, after", [
    ("实施方案(2013-2015年)的通知", "实施方案（2013-2015年）的通知"),
    ("(七)推进对外开放体制机制改革", "（七）推进对外开放体制机制改革"),
    ("牵头部门:市政务办", "牵头部门：市政务办"),
    ("(牵头单位: 区政府办;责任单位:区发改局)", "（牵头单位：区政府办；责任单位：区发改局）"),
    ("为什么?因为!", "为什么？因为！"),
    ("第15页,建议将", "第15页，建议将"),
    ("人均GDP,人均财政收入", "人均GDP，人均财政收入"),
    ("会议于12:30开始", "会议于12:30开始"),
    ("共计1,000万元", "共计1,000万元"),
    ("增长3.5%", "增长3.5%"),
    ("详见 http://www.example.gov.cn/a?b=1,2 页面", "详见 http://www.example.gov.cn/a?b=1,2 页面"),
    ("Hello, world (test)!", "Hello, world (test)!"),
    ("2013-2015年", "2013-2015年"),
    ("供给。(1围绕调结构", "供给。（1围绕调结构"),
    ("(1)加强领导", "（1）加强领导"),
    ("Copyright (C) 2019, All rights reserved", "Copyright (C) 2019, All rights reserved"),
])
def test_punctuation(before, after):
    assert punctuation.convert(before)[0] == after


def test_punctuation_audit_sample():
    blocks, edits = punctuation.apply([Line(7, "建立考评机制,把转型综改(试验区)建设目标具体化")])
    assert blocks[0].text == "建立考评机制，把转型综改（试验区）建设目标具体化"
    (e,) = edits
    assert e.rule == "punct.fullwidth" and e.kind == "replaced" and e.line == 7
    assert "," in e.before and "，" in e.after and e.note.startswith("3 ")


def test_punctuation_in_table_cells():
    t = Table(3, (("序号", "意见"), ("1", "第2页,建议(修改)")))
    blocks, edits = punctuation.apply([t])
    assert blocks[0].rows[1][1] == "第2页，建议（修改）" and len(edits) == 1


# --- tables --------------------------------------------------------------------------------------
def _lines(text: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(text.split("\n"), start=1)]


def test_table_one_cell_per_line_without_blank_lines():
    text = "附表\n编号\n项目名称\n责任单位\n完成时限\n1\n建设综合服务平台\n市发改委\n2019年底\n2\n推进审批改革\n市政务办\n2020年6月\n正文继续。"
    blocks, edits = table.apply(_lines(text))
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert tables[0].rows == (("编号", "项目名称", "责任单位", "完成时限"),
                              ("1", "建设综合服务平台", "市发改委", "2019年底"),
                              ("2", "推进审批改革", "市政务办", "2020年6月"))
    assert blocks[-1].text == "正文继续。" and edits[0].rule == "table.flattened"


def test_table_empty_cells_and_short_rows():
    rows = ["序号", "", "单位", "", "意见", "", "是否采纳", "", "1", "", "市人社局", "", "建议修改第三条。", "",
            "\u00a0", "", "2", "", "市民政局", "", "\u00a0", "", "采纳", "", "3", "", "市财政局", "",
            "无意见。", "", "", "", "", "发表意见"]
    blocks, _ = table.apply(_lines("\n".join(rows)))
    (t,) = [b for b in blocks if isinstance(b, Table)]
    assert t.rows[1:] == (("1", "市人社局", "建议修改第三条。", ""), ("2", "市民政局", "", "采纳"),
                          ("3", "市财政局", "无意见。", ""))
    assert texts_of(blocks)[-1] == "发表意见"


def texts_of(blocks):
    return [b.text for b in blocks if isinstance(b, Line) and b.text.strip()]


def test_no_table_from_numbered_paragraphs():
    text = "一、总体要求\n\n1、指导思想。坚持新发展理念。\n\n2、奋斗目标。\n\n二、主要任务\n\n1\n\n2"
    blocks, edits = table.apply(_lines(text))
    assert not edits and all(isinstance(b, Line) for b in blocks)


# --- page splits ---------------------------------------------------------------------------------
def _chunks(body: str, cuts: list[int], start: int = 1, sep: str = "、") -> str:
    parts, prev = [], 0
    for c in cuts + [len(body)]:
        parts.append(body[prev:c])
        prev = c
    return "\n\n".join(f"{n}{sep}{p}" for n, p in enumerate(parts, start=start))


def test_page_counters_removed_and_sentences_rejoined():
    body = BODY + "一、加快改革。" + BODY2 + "1、努力做到责任分工具体化。" + BODY + BODY2
    cuts = [70, 140, 200]
    cleaned = clean(_chunks(body, cuts))
    assert "".join(texts(cleaned)) == punctuation.convert(
        BODY + "一、加快改革。" + BODY2 + "1、努力做到责任分工具体化。" + BODY + BODY2)[0].replace("\n", "")
    assert any(t.startswith("1、努力做到责任分工具体化。") for t in texts(cleaned))
    assert any(t.startswith("一、加快改革。") for t in texts(cleaned))


def test_real_numbered_paragraphs_are_not_page_counters():
    items = [f"{n}、{BODY}" for n in range(1, 6)]
    cleaned = clean("\n\n".join(items))
    assert texts(cleaned) == [f"{n}、{BODY}" for n in range(1, 6)]
    assert not cleaned.edits


def test_newspaper_article_continued_on_another_page_is_rejoined():
    """An electronic edition's jump (下转第四版 … 上接第三版): the next page's masthead, page links
    and the headline over the rest (a part of the title) go, and the cut sentence is whole."""
    title = "中共青溪市委 青溪市人民政府关于加快推进综合配套改革试验区建设的实施意见"
    part1 = "（八）推进城乡统筹发展。深化户籍制度、农村土地管理制度改革，加快形成以"
    part2 = "城带乡、以工促农、城乡一体的发展新格局。"
    jump = ["（下转第四版）", "本版责编：刘卫东 王  婷", "青溪日报 2011年03月22日 第04版：要闻",
            "第04版：要闻", "上一版", "下一版", "加快推进综合配套改革试验区建设", "（上接第三版）"]
    cleaned = clean("\n".join([title, BODY, part1, *jump, part2, BODY2]))
    assert texts(cleaned) == [title, BODY, part1 + part2, BODY2]
    assert "pages.page-header" in {e.rule for e in cleaned.edits}


def test_the_title_of_an_attached_text_that_opens_a_page_stays():
    """关于印发《X》的通知 issues X: X opening the next printed page is the attached text's title,
    not a part of the notice's title repeated as the page's header."""
    name = "青溪市深化综合配套改革三年行动方案（2024—2026年）"
    notice = [f"青溪市人民政府关于印发《{name}》的通知", "青政发〔2024〕3号", "各县（市、区）人民政府：",
              f"现将《{name}》印发给你们，请认真贯彻执行。", "青溪市人民政府", "2024年3月1日"]
    cleaned = clean("\n".join([*notice, "- 1 -", name, BODY, BODY2]))
    assert texts(cleaned) == [*notice, name, BODY, BODY2]
    # a part of the title that it does not name as the issued text is the page's header
    cleaned = clean("\n".join([*notice, BODY[:30], "- 1 -", "青溪市人民政府关于印发", BODY[30:]]))
    assert texts(cleaned) == [*notice, BODY]


def test_standalone_page_marks():
    for mark in ["-2-", "- 2 -", "第2页", "— 2 —", "[接上页]", "第2页/共5页"]:
        text = f"{BODY}\n{BODY2[:20]}\n\n{mark}\n\n{BODY2[20:]}"
        cleaned = clean(text)
        assert texts(cleaned)[-1] == punctuation.convert(BODY2)[0], mark
        assert any(e.kind == "removed" and e.before == mark for e in cleaned.edits)
        assert any(e.kind == "joined" for e in cleaned.edits)


def test_a_gb9704_line_after_a_page_mark_opens_its_own_line():
    """A line that ends without a sentence's end (a contact line, a stray button) and a 抄送, 附件
    or 主题词 line after the page mark stay two lines: those never carry on a cut sentence."""
    contact = "联系人：区委改革办　向敏　电话：0743-8217365"
    for own in ("抄送：区人大常委会办公室，区政协办公室。", "附件", "主题词：两型社会　综合配套改革　意见"):
        cleaned = clean("\n".join([BODY, contact, "- 3 -", own]))
        assert texts(cleaned) == [BODY, contact, own], own
        assert not any(e.kind == "joined" for e in cleaned.edits)


def test_a_line_shorter_than_a_printed_line_before_a_page_mark_ends_its_paragraph():
    """A printed page ends in a full line: a short field line before the page mark (完成时限：…)
    is whole, and the line after the mark starts a paragraph of its own."""
    task = ["1.推进开发区“管委会+公司”改革，完善市场化运营机制", "完成时限：2024年12月底前"]
    cleaned = clean("\n".join([BODY, *task, "— 1 —", "责任单位：县开发区管委会", BODY2]))
    assert texts(cleaned) == [BODY, *task, "责任单位：县开发区管委会", BODY2]


def test_page_mark_between_finished_paragraphs_does_not_join():
    cleaned = clean(f"{BODY}\n- 2 -\n{BODY2}")
    assert texts(cleaned) == [BODY, BODY2]


def test_page_mark_after_heading_does_not_join():
    cleaned = clean(f"{BODY}\n二、主要任务\n- 2 -\n{BODY2}")
    assert texts(cleaned) == [BODY, "二、主要任务", BODY2]


def test_fixed_width_wraps_rejoined():
    para = BODY + BODY2
    width = 28
    wrapped = ["\u3000\u3000" + para[:width - 2]] + [para[i:i + width] for i in range(width - 2, len(para), width)]
    text = "\n".join(wrapped + ["\u3000\u3000" + BODY2[:26], BODY2[26:]])
    cleaned = clean(text)
    assert texts(cleaned) == [para, BODY2]


def test_sentence_per_line_text_is_not_reflowed():
    lines = [s + "。" for s in (BODY + BODY2).split("。") if s]
    cleaned = clean("\n".join(lines))
    assert len(texts(cleaned)) == len(lines)


# --- paragraphs ----------------------------------------------------------------------------------
def test_runon_split_before_markers_after_sentence_end():
    text = f"{BODY}三、强化创新机制，推动改革突破坚持以改革的手段破解发展难题。（一）加强组织领导。成立领导小组。"
    assert texts(clean(text)) == [BODY, "三、强化创新机制，推动改革突破坚持以改革的手段破解发展难题。",
                                  "（一）加强组织领导。成立领导小组。"]


def test_marker_inside_a_sentence_is_not_split():
    text = "按照“1、2、3”的顺序推进，增长1.5倍，完成率达到98.5%，第一、二季度分别完成。"
    assert texts(clean(text)) == [text]


def test_flattened_line_split_at_whitespace_markers():
    text = ("（一）加强组织领导。成立领导小组，统筹推进改革工作，协调解决重大问题。 （二）完善政策体系。制定配套政策，"
            "形成政策合力，推动改革落地见效。 三、保障措施 （一）强化考核。把改革任务纳入年度考核，严格督查问责。"
            " 附表 改革任务清单")
    assert texts(clean(text)) == [
        "（一）加强组织领导。成立领导小组，统筹推进改革工作，协调解决重大问题。",
        "（二）完善政策体系。制定配套政策，形成政策合力，推动改革落地见效。",
        "三、保障措施", "（一）强化考核。把改革任务纳入年度考核，严格督查问责。", "附表 改革任务清单"]


def test_closing_punctuation_continues_paragraph():
    text = "“这是对我们的充分肯定。\n我们只有坚持改革创新。\n”市委书记如是说。"
    assert texts(clean(text)) == ["“这是对我们的充分肯定。", "我们只有坚持改革创新。”市委书记如是说。"]


def test_title_wrapped_over_two_lines_joined():
    text = f"XX市人民政府关于印发XX市深化“放管服”改革\n实施方案的通知\n各县（市、区）人民政府：\n{BODY}"
    assert texts(clean(text))[0] == "XX市人民政府关于印发XX市深化“放管服”改革实施方案的通知"


def test_whitespace_is_layout():
    cleaned = clean(f"\u3000\u3000{BODY}  \n\n\n\u00a0\u00a0{BODY2}")
    assert texts(cleaned) == [BODY, BODY2]


# --- structural chrome and protections -----------------------------------------------------------
GBT_LINES = ["XX市人民政府关于深化综合配套改革的实施意见", "铜政发〔2019〕12号", "各县（市、区）人民政府，市政府各部门：",
             "XX市人民政府", "2019年3月5日", "附件：改革任务分工表", "抄送：市委办公室，市人大常委会办公室。",
             "一、总体要求", "（一）指导思想", "二〇一九年三月五日"]


@pytest.mark.parametrize("line", [*GBT_LINES, "特急", "秘密★1年", "签发人：刘建国"])
def test_gbt_lines_protected(line):
    assert protected(line)


def test_prose_that_names_a_document_before_a_colon_is_no_gbt_line():
    # the reply that quotes a document: neither its title (关于 in the name) nor a 主送机关
    line = "我县于今年4月出台了《关于进一步优化营商环境深化“放管服”改革的若干措施》，现将主要内容回复如下："
    assert protected(line) == ""
    assert protected("以下为《关于深化综合配套改革的实施意见》全文：") == ""
    assert protected("各县（市、区）人民政府，市政府各部门：") == "addressee"


def test_gbt_lines_survive_at_head_and_tail():
    text = "\n".join(GBT_LINES[:3] + [BODY, BODY2] + GBT_LINES[3:])
    assert texts(clean(text)) == GBT_LINES[:3] + [BODY, BODY2] + GBT_LINES[3:]


@pytest.mark.parametrize("line", [
    "网站首页 › 政策文件 › 规范性文件",
    "首页 | 政务公开 | 办事服务 | 互动交流",
    "来源：市政府办公室 作者：张三 浏览次数：1024",
    "发布者:admin 所属栏目:政策法规 点击:35",
    "地址：XX市人民路1号 邮编：230000 电话：0551-1234567",
    "www.example.gov.cn",
    "* * *",
    "━━━━━━━━━━",
    "首页 栏目导航 图片 关于我们",  # a menu only spaces separate; 关于 does not make it a title
    "+1",
])
def test_unseen_chrome_at_the_edges(line):
    cleaned = clean(f"{line}\n{BODY}\n{BODY2}\n{line}")
    assert texts(cleaned) == [BODY, BODY2]
    assert sum(e.before == line for e in cleaned.edits) == 2


def test_menu_of_spaces_needs_a_navigation_word_and_the_edge():
    for kept in ("规划 建设 管理 服务", f"{BODY}\n首页 栏目导航 图片 关于我们\n{BODY2}"):
        assert texts(clean(f"{kept}\n{BODY}"))[0] == kept.split("\n")[0]


def test_page_title_bar_goes_and_the_site_names_it_carries():
    title = "长沙两型社会建设的几点思考"
    text = "\n".join(["青溪博客", f"{title}_老王的空间_青溪博客", "老王的空间", title, BODY, BODY2])
    cleaned = clean(text)
    assert texts(cleaned) == [title, BODY, BODY2]
    rules = {e.before: e.rule for e in cleaned.edits}
    assert rules[f"{title}_老王的空间_青溪博客"] == "chrome.structural.page-title"
    assert rules["老王的空间"] == "chrome.structural.echo"
    # a news site's bar (标题--频道--网站), its title without the issuers the text's title opens with
    issuers = "中共青川市委办公室 青川市人民政府办公室"
    bar = f"{title}--湖北频道--人民网"
    cleaned = clean("\n".join([bar, issuers + title, BODY, BODY2]))
    assert texts(cleaned) == [issuers + title, BODY, BODY2]
    # a bar joined by a bare hyphen (标题-新华网); a hyphen between numbers joins no bar
    cleaned = clean("\n".join([f"{title}-新华网", title, BODY, BODY2]))
    assert texts(cleaned) == [title, BODY, BODY2]
    assert cleaned.edits[0].rule == "chrome.structural.page-title"
    plan = "青川市综合配套改革三年行动计划（2013-2015年）"
    assert texts(clean("\n".join(["2013-2015年", plan, BODY])))[:2] == ["2013-2015年", plan]
    # without the title on a line of its own, the bar is the only copy of it and stays
    assert texts(clean("\n".join([f"{title}_老王的空间", BODY, BODY2])))[0].startswith(title)


def test_latin_and_numbers_at_the_head():
    """A web archive's toolbar: dates in English, bare years; a standard's number stays."""
    toolbar = ["7 captures", "17 Oct 2009 - 22 Jun 2013", "2008", "2009", "Starting in 1996, Alexa "
               "Internet has been donating their crawl data to the Internet Archive."]
    assert texts(clean("\n".join([*toolbar, BODY, BODY2]))) == [BODY, BODY2]
    assert texts(clean("\n".join(["GB/T 9704-2012", BODY, BODY2])))[0] == "GB/T 9704-2012"


@pytest.mark.parametrize("under", ["www.qingxi.gov.cn", "Qingxi Municipal People's Government"])
def test_masthead_site_name_over_its_address_or_english_name(under):
    organ, title = "青溪市人民政府", "青溪市人民政府关于深化综合配套改革的实施意见"
    cleaned = clean("\n".join(["无障碍", organ, under, "", title, BODY, BODY2, organ]))
    assert texts(cleaned) == [title, BODY, BODY2, organ]  # the 落款 stays
    assert {e.before: e.rule for e in cleaned.edits}[organ] == "chrome.structural.masthead"
    # the document's own organ line, its number under it; an address lower down makes no masthead
    own = [organ, "青政发〔2019〕12号", title, BODY, BODY2]
    assert texts(clean("\n".join(own))) == own
    assert texts(clean("\n".join([organ, "XX县人民政府", under, title, BODY])))[:2] == [organ, "XX县人民政府"]


def test_app_name_under_its_prompt_in_the_body():
    fold = ["展开全文", "打开青溪通，阅读全文"]
    cleaned = clean("\n".join([BODY, *fold, "青溪通", BODY2]))
    assert texts(cleaned) == [BODY, BODY2]
    assert {e.before: e.rule for e in cleaned.edits}["青溪通"] == "chrome.structural.echo"
    # a short line that the chrome above it does not repeat, or with body above it, stays
    assert "青溪市" in texts(clean("\n".join([BODY, *fold, "青溪市", BODY2])))
    assert "青溪通" in texts(clean("\n".join([BODY, "青溪通", BODY2, "打开青溪通，阅读全文"])))


def test_title_bar_of_site_names_at_the_head():
    """站名 - 口号 over the site's welcome: its first part is the site's name, as the chrome says."""
    bar = "青溪在线 - 专业政策咨询服务平台"
    cleaned = clean("\n".join([bar, "您好，欢迎来到青溪在线！", BODY, BODY2]))
    assert texts(cleaned) == [BODY, BODY2]
    assert {e.before: e.rule for e in cleaned.edits}[bar] == "chrome.structural.echo"
    # without the name in the chrome, or with a title among its parts, it stays
    assert bar in texts(clean("\n".join([bar, "您好，欢迎光临！", BODY, BODY2])))
    titled = "青溪在线 - 关于深化综合配套改革的实施意见"
    assert titled in texts(clean("\n".join([titled, "您好，欢迎来到青溪在线！", BODY, BODY2])))


def test_visitor_counter_split_over_lines():
    cleaned = clean("\n".join([BODY, BODY2, "您是第", "235812", "位访问者"]))
    assert texts(cleaned) == [BODY, BODY2]


def test_short_line_between_chrome_after_the_body():
    notice = "温馨提示 文明上网理性发言"
    cleaned = clean("\n".join([BODY, BODY2, "【打印】", notice, "【关闭】"]))
    assert texts(cleaned) == [BODY, BODY2]
    assert "chrome.structural.between-chrome" in {e.rule for e in cleaned.edits}
    for kept in ("（此件公开发布）", "XX市人民政府", "特此通知。"):
        assert kept in texts(clean("\n".join([BODY, BODY2, "【打印】", kept, "【关闭】"])))
    assert notice in texts(clean("\n".join([BODY, "【打印】", notice, BODY2])))  # in the body


def test_two_short_lines_between_chrome_after_the_body():
    footer = ["2024©行吟信息科技（上海）有限公司", "地址：上海市黄浦区马当路388号C座", "电话：9501-3888",
              "沪公网安备31010102002533号"]
    cleaned = clean("\n".join([BODY, BODY2, *footer]))
    assert texts(cleaned) == [BODY, BODY2]
    assert "chrome.structural.between-chrome" in {e.rule for e in cleaned.edits}
    # three lines are no such pair; nor is a pair that holds a GB/T 9704 line
    three = [footer[0], *footer[1:3], "邮编：200023", footer[3]]
    assert footer[1] in texts(clean("\n".join([BODY, BODY2, *three])))
    assert "XX县人民政府" in texts(clean("\n".join([BODY, BODY2, footer[0], "XX县人民政府", footer[2], footer[3]])))


def test_a_link_bar_with_middle_dots_is_no_title():
    bar = "关于豆瓣 · 在豆瓣工作 · 联系我们 · 法律声明 · 帮助中心"
    assert protected(bar) == ""
    assert texts(clean("\n".join([BODY, BODY2, bar]))) == [BODY, BODY2]


def test_comments_dated_by_their_ip_region_go():
    comments = ["共 86 条评论", "小鱼干不吃鱼", "请问这个文件现在还有效吗？我们申论老师说“三个集中”是统筹城乡的经典表述",
                "11-09 江苏", "今天也要早睡呀", "村民议事会那段可以直接用在基层治理的题目里，谢谢博主！", "11-10 重庆"]
    cleaned = clean("\n".join([BODY, BODY2, *comments]))
    assert texts(cleaned) == [BODY, BODY2]
    # a date with a region in a document's table stays (a month-day and a province are no stamp)
    assert "11月 江苏" in texts(clean("\n".join([BODY, "11月 江苏", BODY2])))


def test_letter_spaced_chrome_is_read_closed_up():
    line = "青 溪 网 股 份 有 限 公 司 版 权 所 有 ，未 经 授 权 禁 止 转 载"
    cleaned = clean(f"{BODY}\n{BODY2}\n{line}")
    assert texts(cleaned) == [BODY, BODY2]
    assert cleaned.edits[0].rule == "chrome.portal.copyright"


def test_what_follows_the_closing_is_the_sites():
    closing = ["XX县人民政府办公室", "2020年2月20日"]
    site = ["本文已被阅读 15 次", "将本文收藏到我的空间", "本页附带文件：", "【查看原文件】"]
    cleaned = clean("\n".join([BODY, BODY2] + closing + site))
    assert texts(cleaned) == [BODY, BODY2] + closing
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.after-closing"}
    # the document's own closing lines stay: attachments, a bracketed note, copies, the imprint
    own = ["（此件公开发布）", "附件：任务分工表", "抄送：县委办公室", "XX县人民政府办公室 2020年2月21日印发"]
    assert texts(clean("\n".join([BODY, BODY2] + closing + own))) == [BODY, BODY2] + closing + own
    # without an issuer before the date, nothing is assumed to be closed
    assert site[0] in texts(clean("\n".join([BODY, BODY2, closing[1]] + site)))
    # whom to contact about the document, right under its date, is its own note (附注); a site's
    # contact lines after its other chrome are not
    note = ["（此件公开发布）", "联系人：县发改局体改股　王斌", "联系电话：0731-88665432"]
    footer = ["【打印此页】　【关闭窗口】", "联系人：网站管理员", "联系电话：0731-84428816"]
    cleaned = clean("\n".join([BODY, BODY2, *closing, *note, *footer]))
    assert texts(cleaned) == [BODY, BODY2, *closing, *note]
    # an attachment after the closing is the document's, its title too
    attachment = ["附件", "全面深化改革专题学习参考书目", "1.《中共中央关于全面深化改革若干重大问题的决定》"]
    assert texts(clean("\n".join([BODY, BODY2, *closing, *attachment, "【关闭窗口】"]))) == [
        BODY, BODY2, *closing, *attachment]


def test_a_librarys_record_of_the_book_the_document_was_taken_from_goes():
    """An online book reader's record of the 汇编 (书名, 出版社, ISBN …) under the page it shows
    goes as a catalogue; the document's own 主题词 line stays."""
    closing = ["株洲市人民政府", "2009年7月16日", "主题词：产权制度　改革　方案"]
    record = ["书名：长株潭城市群两型社会建设改革政策文件汇编", "作者：试验区领导协调委员会办公室编",
              "出版社：湖南人民出版社", "ISBN：978-7-5438-6275-3", "出版日期：2010.05",
              "主题词：城市群－经济建设－政策－汇编－湖南省", "中图法分类号：F299.276.4"]
    notice = "本书为图书馆已购电子资源，仅限校园网IP范围内在线阅读，不得下载、打印或用于商业用途。"
    cleaned = clean("\n".join([BODY, BODY2, *closing, "上一页", "下一页", "42/318", *record, notice]))
    assert texts(cleaned)[:5] == [BODY, BODY2, *closing]
    assert not set(record) & set(texts(cleaned))
    assert {e.rule for e in cleaned.edits if e.before in record} == {"chrome.structural.catalog"}


def test_the_organ_that_heads_a_letter_and_signs_it_stays_twice():
    """A 信函-style notice names its organ over the title and signs with it: the 版头's copy is
    the document's own, not the site's copy of a line the text repeats; a site's name over its
    menu still goes."""
    organ = "青岚县发展和改革局"
    notice = ["关于开展营商环境体验官活动的通知", "青发改函〔2024〕2号", "各乡镇人民政府，县直各单位：",
              BODY, organ, "2024年3月4日"]
    assert texts(clean("\n".join([organ, *notice]))) == [organ, *notice]
    cleaned = clean("\n".join([organ, "首页", "政务公开", "互动交流", *notice]))
    assert texts(cleaned) == notice


def test_what_follows_the_last_closing_is_the_sites_when_no_document_line_follows():
    # a reply quoting the document: its own words and the page's rating form after the quote,
    # a sentence among them, so that the body seemed to run on
    notice = ["青岚县人民政府关于进一步优化营商环境的若干措施", "青府发〔2019〕6号", BODY, BODY2,
              "青岚县人民政府", "2019年4月18日", "（此件公开发布）"]
    after = ["针对您反映的具体问题，县行政审批局已安排工作人员与您取得联系，您的厂房报建事项已纳入帮办代办范围。",
             "再次感谢您的留言！", "满意度评价", "解决程度：", "已解决"]
    cleaned = clean("\n".join([*notice, *after]))
    assert texts(cleaned) == notice
    # a document line after it: the page goes on with the document (an attachment, another one)
    for more in (["附件", "青岚县优化营商环境任务分工表"], ["一、工作目标", BODY2]):
        assert after[0] in texts(clean("\n".join([*notice, *after, *more])))


def test_what_stands_above_a_confirmed_title_is_the_sites_when_no_document_line_does():
    title = ["青岚县人民政府关于进一步优化营商环境的若干措施", "青府发〔2019〕6号", "各乡（镇）人民政府，县政府各部门："]
    above = ["[建言] 希望县里进一步压缩企业开办和工程建设审批时间", "留言对象：青岚县委书记", "类型：建言",
             "尊敬的书记您好！我是在青岚县工业园区准备投资建厂的一名个体业主，今年初办理营业执照前后跑了四个部门。",
             "回复机构：青岚县人民政府", "网友您好！您的留言已收悉，感谢您对青岚县营商环境建设的关心和支持。",
             "经济日报社主管主办", "以下为措施全文：",  # a site's credits; no 主送机关 above a title
             "【转载】青岚县关于优化营商环境的若干措施（全文）"]  # a headline nothing confirms
    cleaned = clean("\n".join([*above, *title, BODY, BODY2]))
    assert texts(cleaned) == [*title, BODY, BODY2]
    assert "chrome.structural.above-document" in {e.rule for e in cleaned.edits}
    # the document's own 版头 right above its title stays, and what a removed line parts from it
    # goes: an organs' mark, a 签发人, the 文号 (printed above the title, the 主送机关 confirming it)
    for own in (["青岚县人民政府文件"], ["签发人：刘建国"], ["青岚县人民政府文件", "青府发〔2019〕6号"]):
        head = [title[0], *title[2:]] if own[-1] == title[1] else title
        cleaned = clean("\n".join([*above, "【打印本页】", *own, *head, BODY, BODY2]))
        assert texts(cleaned) == [*own, *head, BODY, BODY2]
        # … and a line right on it may be a line of the 版头 that nothing names
        mark = "青岚县人民政府行政规范性文件"
        cleaned = clean("\n".join([*above, "【打印本页】", mark, *own, *head, BODY, BODY2]))
        assert texts(cleaned) == [mark, *own, *head, BODY, BODY2]
    # … but not when a removed line parts it from the title: the page's menu under a site's name
    assert above[3] in texts(clean("\n".join([*above, "青岚县人民政府文件", "首页", *title, BODY, BODY2])))
    # a site's name that its menu cuts off from the rest goes with it; an organ's name that no
    # removed line follows may be a document's closing, and keeps all
    site = ["青岚县人民政府", "首页", "政务公开", "互动交流"]
    cleaned = clean("\n".join([*site, *above, *title, BODY, BODY2]))
    assert texts(cleaned) == [*title, BODY, BODY2]
    assert "chrome.structural.above-document" in {e.rule for e in cleaned.edits if e.before == site[0]}
    assert above[3] in texts(clean("\n".join([*above[:3], site[0], *above[3:], *title, BODY, BODY2])))
    # a document's line above it keeps all: a heading, a date
    for own in ("一、工作动态", "2019年4月18日"):
        assert above[3] in texts(clean("\n".join([*above, own, *title, BODY, BODY2])))
    # a title that no 文号 or 主送机关 confirms: nothing is assumed
    assert above[3] in texts(clean("\n".join([*above, title[0], BODY, BODY2])))


def test_a_compilations_contents_above_the_title_go_the_documents_own_stay():
    """A 汇编's table of contents over the document taken from it (entries with leader dots and
    page numbers, part headings, an entry wrapped onto two lines) goes; a 规划's own contents,
    after the title of the notice that issues it, stay."""
    title = ["青岚县人民政府关于进一步优化营商环境的若干措施", "青府发〔2019〕6号", "各乡（镇）人民政府，县政府各部门："]
    contents = ["目　录", "一、综合改革",
                "青岚县2019年经济体制改革工作要点……………………………………（1）",
                "青岚县人民政府关于进一步优化营商环境的若干措施",
                "………………………………………………………………………（9）",
                "二、农村改革", "青岚县农村集体产权制度改革实施方案.............. 17"]
    cleaned = clean("\n".join([*contents, *title, BODY, BODY2]))
    assert texts(cleaned) == [*title, BODY, BODY2]
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.contents"}
    # fewer entries, or a sentence between them: no table of contents
    for head in (contents[:4], [*contents[:3], BODY, *contents[3:]]):
        assert head[2] in texts(clean("\n".join([*head, *title, BODY, BODY2])))
    # after the title: the document's own
    plan = ["附件", "青岚县“十四五”营商环境规划", "目　录", "第一章　发展基础……………………（1）",
            "第二章　总体要求……………………（5）", "第三章　主要任务……………………（9）", "第一章　发展基础", BODY2]
    assert texts(clean("\n".join([*title, BODY, *plan]))) == [*title, BODY, *plan]


def test_a_scans_gutter_bar_goes():
    cleaned = clean("\n".join([BODY, "丨", BODY2, "青岚县丨改革动态"]))
    assert texts(cleaned) == [BODY, BODY2, "青岚县丨改革动态"]
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.symbols"}


def test_a_quiz_on_the_text_goes():
    quiz = ["学习测验", "1. 全面深化改革的重点是（　）", "A. 政治体制改革", "B. 经济体制改革",
            "2. 判断题：党员干部年内网络学习不少于20学时。（　）", "○ 正确", "○ 错误", "提交答案"]
    cleaned = clean("\n".join([BODY, *quiz, BODY2]))
    assert texts(cleaned) == [BODY, BODY2]
    assert "chrome.structural.quiz" in {e.rule for e in cleaned.edits}
    # an empty bracket with no options under it, or options under no question, are the text's
    for own in (["申请单位（　）", BODY2], ["一、工作目标", "A. 完善制度", "B. 强化监管"]):
        assert texts(clean("\n".join([BODY, *own, BODY2])))[1:1 + len(own)] == own


def test_issuer_line_above_the_title_does_not_split_it():
    title = "太原市人民政府关于加快推进改革的通知"
    assert texts(clean(f"太原市人民政府\n{title}\n{BODY}"))[1] == title


def test_numbered_entries_of_a_link_list_go_with_it():
    text = "\n".join([BODY, BODY2, "热门排行", "1. 湖南出台优化营商环境若干措施", "2. 长沙地铁6号线开工",
                     "· 两型社会建设"])
    assert texts(clean(text)) == [BODY, BODY2]


def test_link_lists_close_the_page_though_their_headlines_read_like_body():
    """Lists under 相关推荐 and 作者最新文章, lowest first: their headlines have commas and 20
    ideographs, like body text, yet no body line follows them; the account box above them is
    then at the tail too."""
    lists = ["3.6万粉丝", "关注", "作者最新文章", "丰川县召开优化营商环境工作推进会", "1.2万阅读", "相关推荐",
             "湖南全面推行“一件事一次办”改革，企业群众办事更加便捷高效了", "红网", "358评论",
             "“一件事一次办”事项清单公布，快来看看有没有你要办理的那件事", "常德发布"]
    assert texts(clean("\n".join([BODY, BODY2, *lists]))) == [BODY, BODY2]
    # a list header in the body leaves what follows it when body text comes after the list
    entry = "丰川县召开优化营商环境工作推进会"
    assert texts(clean("\n".join([BODY, "相关政策", entry, BODY2]))) == [BODY, entry, BODY2]


def test_link_bar_in_the_body_is_kept_unless_it_names_home():
    kept = "规划 | 建设 | 管理"
    assert kept in texts(clean(f"{BODY}\n{kept}\n{BODY2}"))
    assert "首页 > 规划" not in texts(clean(f"{BODY}\n首页 > 规划\n{BODY2}"))


@pytest.mark.parametrize("header", [
    ["索引号：01234-5678 发文字号：青政发〔2019〕12号 发布机构：青川市人民政府"],
    ["【发布部门】 青川市人民政府", "【发文字号】 青政发〔2019〕12号", "【效力级别】 地方规范性文件"],
    ["[ 文　　号 ] 青政发〔2019〕12号", "[ 时 效 性 ] 有效", "[ 点 击 数 ] 1208"],
    ["索引号：", "01234-5678", "发布机构：", "青川市人民政府", "文号：", "青政发〔2019〕12号"],
])
def test_site_catalogue_of_the_document_goes_and_is_kept_for_the_metadata(header):
    """A block of catalogue fields at the head is the site's, in each way sites write it; the
    fields are kept apart (Cleaned.catalog) for what the text does not say itself."""
    cleaned = clean("\n".join(header + [BODY, BODY2]))
    assert texts(cleaned) == [BODY, BODY2]
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.catalog"}
    assert cleaned.catalog.get("文号", cleaned.catalog.get("发文字号", "青政发〔2019〕12号")) == "青政发〔2019〕12号"
    assert "点击数" not in cleaned.catalog  # the site's counters are no field of the document


def test_key_lines_of_the_body_are_no_catalogue():
    """Key lines whose keys are not catalogue fields (a task list), or one field alone, stay."""
    tasks = ["牵头单位：市发展改革委", "责任单位：市财政局", "完成时限：2019年12月底前"]
    assert texts(clean("\n".join([BODY, *tasks, BODY2]))) == [BODY, *tasks, BODY2]
    single = ["文号：青政发〔2019〕12号", "牵头单位：市发展改革委"]
    assert texts(clean("\n".join([*single, BODY, BODY2])))[:2] == single
    # in the body, between two paragraphs, a block of two catalogue fields is left alone
    block = ["发布机构：青川市人民政府", "成文日期：2019年3月1日"]
    assert texts(clean("\n".join([BODY, *block, BODY2]))) == [BODY, *block, BODY2]


def test_a_catalogue_of_three_fields_goes_after_a_readers_note():
    """A note-taker's remark above a clipped disclosure page reads like body text, so the site's
    catalogue (values on their own lines) comes after the first body line: with three fields or
    more it goes all the same, and its fields are kept for the metadata."""
    note = "存一份，公司下个月新设分公司，办证的时候对照着看。第三部分纳税那几条跟我们财务有关，转给小刘了。"
    catalogue = ["索引号：", "11370800MB2853012X/2019-00156", "发布机构：", "青峪市人民政府办公室", "生成日期：",
                 "2019-05-28", "文号：", "青政办发〔2019〕21号", "主题分类：", "综合政务\\其他"]
    cleaned = clean("\n".join([note, *catalogue, BODY, BODY2]))
    assert texts(cleaned) == [note, BODY, BODY2]
    assert cleaned.catalog["文号"] == "青政办发〔2019〕21号"


def test_long_menu_of_spaces_goes_without_a_navigation_word_but_a_joint_closing_stays():
    menu = "信息公开指南 信息公开制度 法定主动公开内容 信息公开年报 依申请公开"
    cleaned = clean(f"{menu}\n{BODY}\n{BODY2}")
    assert texts(cleaned) == [BODY, BODY2]
    issuers = "市发展改革委 市财政局 市自然资源局 市生态环境局 市住房城乡建设局"
    assert texts(clean(f"{BODY}\n{BODY2}\n{issuers}\n2019年3月1日"))[-2] == issuers


def test_menu_one_item_a_line_at_the_head():
    menu = ["新闻", "体育", "财经", "汽车", "科技"]
    title = "青川市人民政府关于深化综合配套改革的意见"
    cleaned = clean("\n".join([*menu, title, BODY, BODY2]))
    assert texts(cleaned) == [title, BODY, BODY2]
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.head-menu"}
    # a section named after an organ inside the menu goes with it; right above the title it stays
    organ = ["首页", "国务院", "总理", "新闻", "政策", "互动"]
    assert texts(clean("\n".join([*organ, title, BODY, BODY2]))) == [title, BODY, BODY2]
    assert texts(clean("\n".join([*menu, "国务院", title, BODY])))[:2] == ["国务院", title]
    # items between separator lines, and a section that reads like a title (发展规划)
    portal = ["首　页", "|", "县情概况", "|", "政务公开", "|", "发展规划", "|", "招商引资"]
    assert texts(clean("\n".join([*portal, title, BODY, BODY2]))) == [title, BODY, BODY2]
    # menu words the data knows count towards a run: three new ones among them are a menu too
    known = ["首页", "走进汾源", "政务公开", "转型综改", "投资汾源", "公共服务", "政民互动"]
    assert texts(clean("\n".join([*known, title, BODY, BODY2]))) == [title, BODY, BODY2]
    assert texts(clean("\n".join(["首页", "政务公开", "转型综改", title, BODY])))[0] == "转型综改"


def test_title_bar_with_a_comma_opens_no_body():
    """A headline with a comma reads like a sentence; as the page's title bar it is no body, so
    the menu under it is still at the head."""
    headline = "丰川市政府办公厅发文！这15条举措，事关你我办事"
    menu = ["搜狐首页", "新闻", "体育", "汽车", "房产", "旅游"]
    cleaned = clean("\n".join([f"{headline}_改革", *menu, headline, BODY, BODY2]))
    assert texts(cleaned)[1:] == [BODY, BODY2]
    assert cleaned.edits[0].rule == "chrome.structural.page-title"
    # the headline itself goes when the document it carries has a title of its own ...
    title = "丰川市人民政府办公厅关于印发深化放管服改革若干措施的通知"
    cleaned = clean("\n".join([f"{headline}_改革", headline, "2019-06-18 17:32", title, BODY, BODY2]))
    assert texts(cleaned) == [title, BODY, BODY2]
    assert "chrome.structural.headline" in {e.rule for e in cleaned.edits}
    # ... and is the title when the page's text is the article under it
    assert texts(clean("\n".join([f"{headline}_改革", headline, BODY, BODY2])))[0] == headline
    # without a title bar, a headline with no full stop over the document's title goes as well
    account = ["丰川发布", "2019-06-18 17:32", "丰川市人民政府新闻办公室官方账号", "关注"]
    cleaned = clean("\n".join([headline, *account, title, BODY, BODY2]))
    assert texts(cleaned) == [title, BODY, BODY2]
    # a paragraph's line cut at a comma is no headline, even with a title further down
    wrapped = "现将《丰川市深化放管服改革若干措施》印发给你们，"
    plan = "丰川市深化放管服改革若干措施"
    kept = [wrapped, "请认真贯彻执行。", "丰川市人民政府办公厅", "2019年6月12日", plan, BODY]
    assert texts(clean("\n".join(kept)))[0] == wrapped
    # three such lines are no menu; nor are the GB/T 9704 lines of a head
    three = ["新闻", "体育", "财经"]
    assert texts(clean("\n".join([*three, BODY, BODY2])))[:3] == three
    head = ["青川市人民政府", "青政发〔2019〕12号", "通知", "各区县：", BODY]
    assert texts(clean("\n".join(head)))[:2] == head[:2]


def test_row_of_bracketed_buttons_goes_anywhere():
    for row in ("【字号：放大　默认　缩小】　【视力保护色】　【分享到】", "[ 打印 ]　[ 关闭 ]", "【1】【2】"):
        cleaned = clean(f"{BODY}\n{row}\n{BODY2}")
        assert texts(cleaned) == [BODY, BODY2], row
    # one bracket is not a row of them
    note = "【青川市】关于深化改革的几点意见"
    assert note in texts(clean(f"{BODY}\n{note}\n{BODY2}"))


def test_link_with_a_short_label_at_an_edge():
    link = "原文链接：http://www.example.gov.cn/zwgk/201902/t20190222_1180.html"
    assert texts(clean(f"{BODY}\n{BODY2}\n{link}")) == [BODY, BODY2]
    long_label = "本实施意见全文及解读可在市政府门户网站查阅：http://www.example.gov.cn"
    assert texts(clean(f"{BODY}\n{BODY2}\n{long_label}"))[-1] == long_label


def test_contact_line_in_the_body_is_kept():
    line = "联系人：张三，联系电话：0551-1234567"
    assert texts(clean(f"{BODY}\n{line}\n{BODY2}")) == [BODY, "联系人：张三，联系电话：0551-1234567", BODY2]


def test_running_header_repeats_removed_first_kept():
    header = "XX市人民政府行政规范性文件"
    text = "\n".join([header, BODY, header, BODY2, header, BODY])
    cleaned = clean(text)
    assert texts(cleaned) == [header, BODY, BODY2, BODY]
    assert [e.rule for e in cleaned.edits] == ["chrome.structural.running-header"] * 2


def test_related_list_after_header_removed():
    text = "\n".join([BODY, BODY2, "相关文档", "关于做好2019年改革工作的通知", "XX县综合改革实施方案", "改革工作总结"])
    assert texts(clean(text)) == [BODY, BODY2]
    # a title that ends in brackets does not end the list; a bracketed note does
    titles = ["XX县综合改革实施方案（2013—2015年）", "关于推进改革的若干意见（征求意见稿）", "改革工作总结",
              "丰川这12个项目集中开工，总投资达186亿元！", "试验区内企业可以享受哪些税收优惠政策？"]
    assert texts(clean("\n".join([BODY, BODY2, "相关文档推荐", *titles]))) == [BODY, BODY2]
    note = "（此件公开发布）"
    assert texts(clean("\n".join([BODY, BODY2, "相关文档推荐", note]))) == [BODY, BODY2, note]


def test_site_summary_cut_off_with_an_ellipsis():
    """A summary that repeats the start of the text (its lines run together) goes; a line that
    ends in an ellipsis but says something the text does not, stays."""
    title = "青川市人民政府关于深化综合配套改革的意见"
    summary = f"文档简介：{title} 青政发〔2019〕12号 {BODY[:30]}..."
    cleaned = clean("\n".join([summary, "加入收藏", title, "青政发〔2019〕12号", BODY, BODY2]))
    assert texts(cleaned) == [title, "青政发〔2019〕12号", BODY, BODY2]
    assert "chrome.structural.excerpt" in {e.rule for e in cleaned.edits}
    own = "各地要在改革中不断总结经验，探索形成可复制可推广的做法，包括土地、金融、户籍……"
    assert own in texts(clean("\n".join([title, own, BODY, BODY2])))


def test_page_numbers_of_a_pager_go_with_it():
    cleaned = clean("\n".join([BODY, "", "1", "2", "下一页", "", BODY2]))
    assert texts(cleaned) == [BODY, BODY2]
    assert {e.rule for e in cleaned.edits} == {"chrome.portal.lone-page-link"}
    # numbers that do not count up, or with no pager beside them, stay
    assert texts(clean("\n".join([BODY, "3", "1", "下一页", BODY2])))[1:3] == ["3", "1"]
    assert texts(clean("\n".join([BODY, "1", "2", BODY2])))[1:3] == ["1", "2"]


def test_sentence_cut_by_a_web_pager_is_rejoined_past_the_next_pages_header():
    """An article split over web pages: the pager goes, the next page's copy of the title and
    its byline go, and the sentence cut between the pages is whole again."""
    title = "汾源市人民政府关于印发转型综改试验2012年行动计划的通知"
    first, rest = BODY[:40], BODY[40:]
    page = [title, BODY2, first, "", "共3页　第1页　[1]　[2]　[3]　下一页", "", title,
            "信息来源：市政府办公厅　　发布日期：2012-04-20", "", rest, BODY2]
    cleaned = clean("\n".join(page))
    assert texts(cleaned) == [title, BODY2, BODY, BODY2]
    assert {"pages.web-pager", "pages.page-header"} <= {e.rule for e in cleaned.edits}
    # without a break, a line that repeats the title is no page header
    plain = clean("\n".join([title, BODY2, first, title, rest]))
    assert "pages.page-header" not in {e.rule for e in plain.edits}


def test_sentence_cut_by_a_fold_is_rejoined():
    """A reader or sharing site folds the text (阅读全文 », 展开阅读全文): the fold's buttons go and
    the sentence it cut is whole again; a whole sentence before a fold is not joined on."""
    first, rest = BODY[:40], BODY[40:]
    fold = ["…", "阅读全文 »", "在新标签页中打开 · 加载完整内容"]
    more = "各部门要加强协调配合，形成工作合力，每半年向市政府报告一次工作进展情况。"
    cleaned = clean("\n".join([BODY2, first, *fold, "", rest, more]))
    assert texts(cleaned) == [BODY2, BODY, more]
    assert texts(clean("\n".join([BODY2, BODY, *fold, more]))) == [BODY2, BODY, more]


def test_a_web_pages_numbered_headline_goes_when_the_first_went_as_chrome():
    """The site's headline over a document (gone as chrome above its confirmed title) comes back
    numbered after the pager (…(全文)(2)): it goes, and the cut sentence is whole again."""
    headline = "湘中出台两型社会综合配套改革实施意见(全文)"
    notice = ["湘中市人民政府关于加快推进两型社会建设综合配套改革的实施意见", "湘中政发〔2009〕5号",
              "各县（市、区）人民政府，市政府各部门："]
    first, rest = BODY[:40], BODY[40:]
    page = [headline, *notice, BODY2, first, "上一页 1 2 下一页", f"{headline}(2)", rest]
    cleaned = clean("\n".join(page))
    assert texts(cleaned) == [*notice, BODY2, BODY]
    assert "pages.page-header" in {e.rule for e in cleaned.edits}


def test_each_web_pages_copy_of_the_sites_header_goes():
    """A news site prints its header on every web page of an article: the lines chrome removed
    at the head (its link bar, its breadcrumb) come back after the pager, with the headline and
    the byline; all of it goes and the cut sentence is whole again."""
    bar, trail = "凤凰网首页 | 手机凤凰网 | 新闻客户端 | 凤凰卫视", "凤凰网资讯 > 大陆 > 正文"
    headline, byline = "衡岳市印发两型社会综合配套改革试验实施方案（全文）", "2010年04月12日 08:15 湖南日报"
    first, rest = BODY[:40], BODY[40:]
    header = [bar, trail, headline, byline]
    page = [*header, BODY2, first, "上一页 1 2 下一页", *header, rest, BODY2]
    cleaned = clean("\n".join(page))
    assert texts(cleaned)[-3:] == [BODY2, BODY, BODY2]
    assert [e.rule for e in cleaned.edits if e.line in range(8, 12)] == ["pages.page-header"] * 4
    # the same lines with no pager before them are the text's
    assert texts(clean("\n".join([*header, BODY2, BODY, trail, BODY2])))[-2:] == [trail, BODY2]


def test_a_web_pages_header_goes_past_a_menu_word_that_names_an_organ():
    """新闻中心 in the site's menu reads like an organ's name (a 落款): inside the header repeated
    after the pager it goes with the menu words around it, and the headline numbered (2) after
    them goes too; such a name opening the next page before body text (a 落款) stays."""
    menu = ["中国新闻网", "新闻中心", "国内", "国际", "社会", "财经", "金融", "产经"]
    headline = "湘中出台两型社会综合配套改革实施意见(全文)"
    first, rest = BODY[:40], BODY[40:]
    page = [*menu, headline, BODY2, first, "上一页 1 2 下一页", "中国新闻网", "新闻中心", "财经", f"{headline}(2)",
            rest, BODY2]
    cleaned = clean("\n".join(page))
    assert texts(cleaned)[-3:] == [BODY2, BODY, BODY2]
    assert [e.rule for e in cleaned.edits if e.line in range(13, 17)] == ["pages.page-header"] * 4
    menu[1] = "市政务服务中心"
    signed = [*menu, headline, BODY2, BODY, "上一页 1 2 下一页", "市政务服务中心", "2009年3月16日"]
    assert texts(clean("\n".join(signed)))[-2:] == ["市政务服务中心", "2009年3月16日"]


def test_a_forum_post_cut_at_its_length_limit_goes_on_in_the_next_floor():
    """The poster reposts a document over two floors: the first breaks off mid-sentence, the
    next floor's header and note go, and its first paragraph carries the sentence on; a reply
    under a paragraph that ends its sentence goes with the floor, however much it reads like
    body text."""
    title = "湘沅县人民政府关于深化农村综合配套改革推进两型社会建设的实施意见"
    task = ("（一）推进农村土地管理制度改革。在坚持土地集体所有、不改变土地用途的前提下，鼓励农民以转包、出租、"
            "互换等形式流转土地承包经营权。以乡镇为单位整体推进土地整理和农村建设用地整治，")
    rest = "整理新增耕地面积的指标可按规定在县域内调剂使用，调剂收益主要用于农村基础设施建设和对农民的补偿。"
    reply = "沙发！土地流转这个事我们村去年就搞了，一亩地一年给三百斤稻谷的钱，在外打工的都愿意流转出去。"
    floor = ["举报 | 评论 | 回复", "广告", "天涯社区网友都在用的理财工具，注册即送188元体验金", "1楼",
             "（接上，帖子超过字数限制了）"]
    cleaned = clean("\n".join([title, BODY, task, *floor, rest, BODY2, "2楼", reply]))
    assert texts(cleaned) == [title, BODY, task + rest, BODY2]
    assert "pages.continued-post" in {e.rule for e in cleaned.edits}
    whole = task[:task.index("以乡镇")]
    assert texts(clean("\n".join([title, BODY, whole, *floor, reply, "2楼", reply]))) == [title, BODY, whole]


def test_readers_comments_go_with_their_names_and_times():
    """Comments on a shared document (name, time, words) in the body: each time alone on its
    line takes the name above it and the words up to the next chrome. Under a weibo article
    (name, words, time, buttons), its sort tab opens the comments. The document stays whole."""
    task = "（一）深化行政审批制度改革。全面实行行政许可事项清单管理，清单之外一律不得违法违规设定审批。"
    shared = ["周晓明", "4月8日 16:40", "“2021年6月底前”跟附件表里的时限不一致，麻烦核对一下", "陈颖",
              "4月8日 16:42", "以正式文件为准，表里已改", "回复", "已解决"]
    weibo = ["评论", "按热度", "晋中老煤矿人", "十二座煤矿关了，工人怎么安置，文件里能不能说细一点？", "3月2日 10:03",
             "回复", "15", "汾川小确幸", "拿地即开工，开发区的效率确实要提一提了", "3月2日 09:48", "回复"]
    cleaned = clean("\n".join([BODY, task, *shared, BODY2, "汾川市人民政府", "2018年2月26日", *weibo]))
    assert texts(cleaned) == [BODY, task, BODY2, "汾川市人民政府", "2018年2月26日"]
    assert [e.line for e in cleaned.edits if e.rule == "chrome.structural.comment"] == [3, 5, 6, 8]
    # a blog's comments under its buttons: once they go, the buttons are at the tail and go too
    blog = ["喜欢", "赠金笔", "1", "汾河边的小草", "2012-07-16 13:02:17",
            "采煤沉陷区搬迁我们村也在名单里，补偿标准文件里没写，不知道要等到什么时候。", "2", "岚河老郑",
            "2012-07-16 20:45:33", "回复@汾河边的小草：补偿标准应该另有文件，等出来了我再转。"]
    assert texts(clean("\n".join([BODY, BODY2, *blog]))) == [BODY, BODY2]
    # one time alone is a byline's: the line over it and the text under it are not a comment's
    byline = clean("\n".join(["汾川统计公报", "2018-03-02 09:15", BODY, "分享"]))
    assert texts(byline) == ["汾川统计公报", BODY]
    # nor are the paragraphs of a document between two times
    paragraphs = [task, "（二）提升政务服务效能。推进政务服务事项“一窗受理、集成服务”。", BODY2,
                  "（三）加强事中事后监管。全面推行“双随机、一公开”监管。"]
    kept = clean("\n".join([BODY, "3月2日 10:03", *paragraphs, "3月2日 10:05"]))
    assert texts(kept) == [BODY, *paragraphs]


def test_each_web_pages_header_goes_whatever_it_left():
    """A CMS's article over three web pages: each page repeats the title with its page number,
    a line of fields ending in a key (点击：) and the count split over lines (527 / 次)."""
    title = "汾源市人民政府关于深化统筹城乡综合配套改革的若干意见"
    fields = "时间：2012-03-28 10:21 来源：汾源市人民政府办公室 作者：admin 点击："
    pager = ["共3页:", "上一页", "1", "2", "3", "下一页"]
    cuts = [BODY[:40], BODY[40:], BODY2[:30], BODY2[30:]]
    page = [title, fields, "527", "次", "字体：[大 中 小]", BODY2, cuts[0], *pager, f"{title}(2)", fields, "527", "次",
            cuts[1], cuts[2], *pager, f"{title}(3)", fields, "527", "次", cuts[3]]
    cleaned = clean("\n".join(page))
    assert texts(cleaned) == [title, BODY2, BODY, BODY2]
    # short lines after one break only may be a table's cells, continued on the next page
    cells = [title, BODY, "事项", "时限", "开办企业", "3天", *pager, "5天", "工程建设", BODY2]
    assert texts(clean("\n".join(cells)))[-3:] == ["5天", "工程建设", BODY2]


def test_printed_pages_running_heads_go_with_their_page_numbers():
    """A yearbook put online as printed: page numbers (·18·) and the running head beside them."""
    heading = "二、主要改革任务"
    task = "（一）推进城乡规划一体化。编制覆盖城乡的市域总体规划，形成中心城区、县城、重点镇协调发展的格局。"
    page = [BODY, BODY2[:30], "·18·", "衡岭年鉴 2010", BODY2[30:], heading, "·19·", task[:20],
            "·20·", "衡岭年鉴 2010", task[20:]]
    cleaned = clean("\n".join(page))
    assert texts(cleaned) == [BODY, BODY2, heading, task]
    assert [e.rule for e in cleaned.edits if e.before == "衡岭年鉴 2010"] == ["pages.running-head"] * 2
    # a short line by one page mark only, or a heading by each, is the text's
    once = [BODY, "·18·", "统筹城乡", BODY2]
    assert "统筹城乡" in texts(clean("\n".join(once)))
    headings = [BODY, "·18·", heading, BODY2, "·19·", heading, BODY]
    assert texts(clean("\n".join(headings))).count(heading) == 2


def test_a_printed_page_number_with_its_running_head_on_one_line():
    """A county annal put online as printed: 附　录　·813· and ·814·　青渠县志（1986—2010） go as
    page marks and the sentence they cut is whole again; a line that only holds a ·N· inside a
    sentence stays."""
    task = BODY2[:30], BODY2[30:]
    page = [BODY, task[0], "附　录　·813·", task[1], BODY, "·814·　青渠县志（1986—2010）", BODY2]
    cleaned = clean("\n".join(page))
    assert texts(cleaned) == [BODY, BODY2, BODY, BODY2]
    assert [e.rule for e in cleaned.edits if e.kind == "removed"] == ["pages.dot-number"] * 2
    quoted = "详见第三篇 ·813· 所列，各乡镇按此执行。"
    assert quoted in texts(clean("\n".join([BODY, quoted, BODY2])))


def test_a_forum_post_goes_on_past_an_ad_floor():
    """A 贴吧 poster's paragraph breaks off; the next floor holds replies and an ad (its copy
    reads like a sentence: 免费获取装修报价, 了解详情), then the poster's name and the rest. The ad
    goes, and the sentence is whole again."""
    title = "湘潭市人民政府关于加快推进两型社会建设综合配套改革试验的实施意见"
    cut = "（四）创新土地管理制度。开展农村土地承包经营权流转试点，稳步推进农村集体建设用地使用权流转，"
    rest = "建立集约节约用地考核机制，对新上工业项目实行投资强度和产出效益双控。"
    floor = ["举报 |", "3楼", "2009-03-27 09:26", "收起回复", "潭州小刘: 楼主怎么断在这里了", "2009-3-27 09:30",
             "我也说一句", "湘潭新房装修全包多少钱？2024装修报价明细表", "输入房屋面积，免费获取装修报价，0元出设计方案",
             "广告", "了解详情", "湘江北去", "12"]
    cleaned = clean("\n".join([title, BODY, cut, *floor, rest, BODY2]))
    assert texts(cleaned) == [title, BODY, cut + rest, BODY2]
    assert "pages.continued-post" in {e.rule for e in cleaned.edits}


def test_lines_of_symbols_go_but_a_cell_that_is_a_unit_stays():
    rows = ["指标名称", "单位", "准入值", "工业固体废物综合利用率", "%", "≥85", "单位能耗", "吨标准煤/万元", "≤0.9"]
    cleaned = clean("\n".join([BODY, "★★★★★", "————————", *rows, BODY2]))
    assert texts(cleaned) == [BODY, *rows, BODY2]
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.symbols"}


def test_comment_block_removed_to_the_end():
    text = "\n".join([BODY, BODY2, BODY, "全部评论(2)", "网友甲 2019-05-12 10:23", "这个政策很好，希望尽快落实。",
                      "网友乙 2019-05-13 08:01", "支持改革！"])
    assert texts(clean(text)) == [BODY, BODY2, BODY]


def test_wechat_selected_comments_run_to_the_end():
    """精选留言 opens a WeChat article's comments: names, words and the account card under it
    go, though the comments read like sentences and carry no times; the article stays whole."""
    article = [BODY, "（二）推行企业登记全程电子化。", BODY2, "清源市人民政府办公室", "2019年8月5日"]
    comments = ["精选留言", "清源小张", "希望真正落到实处，企业少跑腿、少填表！", "作者",
                "感谢您的关注和建议，我们已转交市营商办。", "以上留言由公众号筛选后显示", "微信号",
                "qyfb_2016", "功能介绍", "清源市人民政府新闻办公室官方微信，发布权威政务信息，服务清源百姓生活。"]
    cleaned = clean("\n".join(article + comments))
    assert texts(cleaned) == article
    assert {e.rule for e in cleaned.edits} >= {"chrome.comment-form.comments-block"}


def test_blog_sidebar_and_repost_lines():
    """A blog's profile fields, its archive by category (with the tab over it) and the line a
    repost opens with go; a table's cells with counts in the body stay."""
    sidebar = ["博客等级：", "博客积分：1276", "关注人气：213", "获赠金笔：0支", "博文分类", "全部博文(417)",
               "政策收藏(58)", "家乡岚峪(96)", "正文", "原文地址：岚峪县资源型经济转型综合配套改革试验实施方案作者：岚峪在线",
               "按：县里的方案前几天在县政府网上挂出来了，我把全文转过来存一份，老家的人都关心。"]
    body = [BODY, "指标名称", "试点村（个）", "12", BODY2]
    cleaned = clean("\n".join(sidebar + body))
    assert texts(cleaned) == body
    assert {e.rule for e in cleaned.edits} >= {
        "chrome.blog.profile", "chrome.blog.archive", "chrome.blog.ui", "chrome.blog.repost-source",
        "chrome.news.editors-note", "chrome.structural.list-header"}


def test_a_wikis_licence_and_footer_go_and_the_tools_above_them():
    """A 维基文库 page ends with the work's licence templates, its categories, the wiki's tool
    links one to a line, and the footer's sentences: the licence and footer are known, so the
    text's last body line is the document's, and the short lines after it go as well."""
    end = ["本作品来自中华人民共和国大陆地区的法律、法规、国家机关的决议、决定、命令和其它具有立法、行政、司法性质的文件。",
           "Public domainPublic domainfalsefalse", "分类：", "2013年作品", "资源型经济转型", "PD-PRC-exempt",
           "工具", "链入页面", "相关更改", "固定链接", "页面信息", "引用此页", "下载EPUB", "本页面最后修订于2023年4月2日 (星期日) 11:08。",
           "本站的全部文字在知识共享 署名-相同方式共享 4.0协议之条款下提供，附加条款亦可能应用。"]
    cleaned = clean("\n".join([BODY, BODY2, *end]))
    assert texts(cleaned) == [BODY, BODY2]
    assert {"chrome.wiki.licence", "chrome.wiki.work-notes"} <= {e.rule for e in cleaned.edits}


def test_byline_buttons_leave_the_date_and_paper():
    """【大 中 小】 【打印】 共有评论0条 in a news byline are cut out; what is left (date, time and the
    paper the text came from) is the site's byline at the head, and the whole line goes. In the
    body the buttons go alone, and the line keeps its words."""
    byline = "2010年04月12日 08:15 湖南日报 【大 中 小】 【打印】 共有评论0条"
    cleaned = clean("\n".join([byline, BODY, BODY2]))
    assert texts(cleaned) == [BODY, BODY2]
    assert [(e.rule, e.before) for e in cleaned.edits] == [("chrome.news.post-time", byline)]
    cleaned = clean("\n".join([BODY, "附件：任务分工表 【打印】", BODY2]))
    assert texts(cleaned) == [BODY, "附件：任务分工表", BODY2]
    assert [(e.rule, e.before) for e in cleaned.edits] == [("chrome.news.byline-buttons", " 【打印】")]


def test_corpus_frequency_hook():
    footer = "青溪市大数据管理局负责维护"  # no pattern names it
    docs = [f"{BODY}\n{footer}", f"{BODY2}\n{footer}", f"{BODY}{BODY2}\n{footer}", f"{BODY2}{BODY}"]
    freq = LineFrequency.from_texts(docs)
    assert freq.is_boilerplate(footer) and not freq.is_boilerplate(BODY)
    cleaned = clean(docs[0], corpus=freq)
    assert texts(cleaned) == [BODY]
    assert cleaned.edits[0].rule == "chrome.structural.corpus-repeated"
    assert texts(clean(docs[0])) == [BODY, footer]  # without the table the line stays


def test_corpus_counts_can_be_fed_directly():
    freq = LineFrequency({"XX网版权所有": 40}, documents=100)
    assert freq.is_boilerplate("XX网版权所有") and not freq.is_boilerplate("其他")


# --- rejection -----------------------------------------------------------------------------------
def test_rejected_when_nothing_is_left():
    cleaned = clean("您现在的位置:首页 > 互动交流\n版权所有：XX市人民政府\n")
    assert cleaned.rejected and not cleaned.blocks


def test_rejected_when_characters_are_lost():
    cleaned = clean("??????????????\n????????????，??????。\n" + "关于" + "?" * 40)
    assert "lost" in cleaned.rejected


def test_not_rejected_clean_text():
    assert clean(f"{BODY}\n{BODY2}").rejected == ""


@pytest.mark.parametrize("sentence", [
    "政务服务中心将为您提供一站式服务，切实提高群众办事的满意度和获得感。",
    "依法保护著作权人的合法权益，任何单位和个人不得侵犯版权所有者的权利。",
    "各地要建立健全意见征集机制，对群众提交的意见建议逐条研究，及时反馈采纳情况。",
    "更多改革举措请各部门结合实际抓紧研究，确保年内出台实施细则并报市政府备案。",
])
def test_body_sentences_with_chrome_words_are_kept(sentence):
    for text in (f"{sentence}\n{BODY}", f"{BODY}\n{sentence}\n{BODY2}", f"{BODY}\n{sentence}"):
        assert sentence in texts(clean(text))


def test_unpunctuated_link_block_after_the_text_removed():
    links = ["办事指南", "常见问题", "网上信访", "政策查询"]
    cleaned = clean("\n".join([BODY, BODY2] + links))
    assert texts(cleaned) == [BODY, BODY2]
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.short-run"}
    # two such lines, or lines GB/T 9704 defines, stay
    assert texts(clean("\n".join([BODY, BODY2] + links[:2]))) == [BODY, BODY2] + links[:2]
    closing = ["XX市人民政府", "2019年3月5日", "附件：任务分工表"]
    assert texts(clean("\n".join([BODY] + closing))) == [BODY] + closing



def test_an_attached_table_without_running_numbers_stays_at_the_end():
    # a clean document that ends with its attachment: a table whose rows no 序号 numbers
    table = ["附件", "重点改革任务分工表", "改革任务", "牵头单位", "完成时限", "阶梯价格制度", "省发展改革委",
             "2012年", "排污权交易", "省环境保护厅", "2013年"]
    text = "\n".join([BODY, BODY2, "XX省人民政府", "2011年5月6日"] + table)
    assert texts(clean(text)) == [BODY, BODY2, "XX省人民政府", "2011年5月6日"] + table
    # a link block after the attachment, once a removed line closes it, still goes
    links = ["办事指南", "常见问题", "网上信访", "政策查询"]
    cleaned = clean("\n".join([text, "版权所有：XX省人民政府办公厅"] + links))
    assert texts(cleaned)[-len(table):] == table and links[0] not in texts(cleaned)


def test_a_reposters_end_mark_closes_the_document():
    tail = ["—— 完 ——", "政策文件", "湖南", "两型社会", "青衿读政策", "关注", "23", "公务员考试",
            "申论热点：生态文明建设的湖南样本",
            "长株潭两型社会试验区获批以来，湖南在资源节约和环境友好两方面做了大量探索，本文梳理了十年来的主要改革举措。",
            "阅读 2,341"]
    cleaned = clean("\n".join([BODY, BODY2] + tail))
    assert texts(cleaned) == [BODY, BODY2]
    assert {e.rule for e in cleaned.edits} == {"chrome.news.repost-end"}
    # a news agency's （完） too; what follows it stops at a GB/T 9704 closing line
    closing = ["XX县人民政府", "2020年2月20日"]
    assert texts(clean("\n".join([BODY, "（完）", "关注"] + closing))) == [BODY] + closing
    # a bare 完 is no mark
    assert "完" in texts(clean("\n".join([BODY, "完", BODY2])))



def test_an_answer_that_pastes_the_document_keeps_the_document_only():
    question = ["百度知道 > 社会民生 > 政策法规", "晋阳市2012年转型综改试验重点工作安排的通知全文？",
                "领导让我找晋阳市政府办公厅今年印发的转型综改重点工作安排，要全文，最好带文号", "提问者采纳", "晋中小吏",
                "知道大有可为答主", "擅长：政策法规 公务员 山西", "展开全部",
                "楼主运气好，这个文件我们局里上周刚转发过，我把正文给你贴上来，格式可能有点乱，你自己调一下："]
    document = ["晋阳市人民政府办公厅关于印发晋阳市2012年转型综改试验重点工作安排的通知", "晋阳政办发〔2012〕45号",
                "各县（市、区）人民政府，市直各有关单位：", BODY, "晋阳市人民政府办公厅", "2012年6月5日",
                "晋阳市2012年转型综改试验重点工作安排", "一、产业转型", BODY2]
    after = ["以上是全文。后面还有一张《重点工作任务分解表》是表格，贴不上来，你可以去政府网站下载。", "望采纳，谢谢！",
             "其他2条回答", "热心网友", "去晋阳市发改委网站上找，转型综改专栏里面历年的文件都有，比在这问快。", "相关问题"]
    cleaned = clean("\n".join(question + document + after))
    assert texts(cleaned) == document
    # the words that made the answer look like a document's: an organ's name, a 主送机关
    assert protected("展开全部") == "" and protected("一网通办") == ""
    assert protected(question[-1]) == "" and protected("为你推荐：") == ""
    assert protected("各县（市、区）人民政府，市直各有关单位，其他有关单位：") == "addressee"



def test_a_cloud_documents_share_page_keeps_the_document_only():
    """A cloud document shared by link (腾讯文档, 飞书, 石墨): its app prompt, sharing setting, owner
    and last-edit line above the text, its help links under it."""
    title = "青岚县2023年统筹城乡综合配套改革工作方案"
    head = ["在石墨 App 中打开", title, "所有者：青岚县改革办 · 最近修改：3月14日 17:26", "互联网上获得链接的人可查看"]
    tail = ["用石墨 App 打开", "帮助中心", "隐私政策"]
    body = [title, BODY, "一、总体要求", BODY2, "青岚县改革办", "2023年3月2日"]
    cleaned = clean("\n".join([*head, *body[1:], *tail]))
    assert texts(cleaned) == body
    # a site's 帮助中心 is no organ; a service centre that signs a document is
    assert protected("帮助中心") == "" and protected("青岚县政务服务中心") == "issuer"


def test_a_chat_export_keeps_the_document_posted_over_several_messages():
    """A channel export: each message under its header ([time] sender). The document is posted in
    parts; a sentence the message limit cut is re-joined, a table cell that ends a part stays, and
    the replies, reactions and the poster's （续1） go."""
    cut = ("建立流域跨界断面水质考核和生态补偿机制，上游出境断面水质未达到考核目标的，按规定向下游缴纳生态补偿资金；"
           "开展主要污染物排污权有偿使用和交易试点，", "排污权初始分配、交易价格和收入管理办法由市环保局会同市财政局另行制定。")
    page = ["[2023/9/14 21:02] 老周", "青岚县人民政府关于推进两型社会建设的实施意见", "青政发〔2009〕15号",
            "各乡镇人民政府，县直各单位：", BODY, "指标", "2012年", "95%", "",
            "[2023/9/14 21:04] 老周", "（续1）", "一、重点任务", cut[0], "",
            "[2023/9/14 21:04] 老周", cut[1], "{Reactions}", "👍 (7)", "",
            "[2023/9/14 21:05] 小雨不带伞", "大佬辛苦🙏 流域补偿后来省里是不是出了统一办法？", "",
            "[2023/9/14 21:07] 老周", "是的，2011年出了暂行办法。"]
    assert texts(clean("\n".join(page))) == [*page[1:8], "一、重点任务", cut[0] + cut[1]]


def test_machine_translations_between_the_lines_go():
    """A translation tool's bilingual view: an English line under each line of the document."""
    english = ["In order to thoroughly implement the deployment requirements of the State Council,",
               "1. Work goals and main indicators", "People's governments of all counties (cities and districts):"]
    document = ["各县（市、区）人民政府：", BODY, "一、工作目标", BODY2]
    page = [document[0], english[2], document[1], english[0], document[2], english[1], document[3]]
    assert texts(clean("\n".join(page))) == document
    # Latin text that is no prose stays: a table's cells, a name of three words
    for own in (["指标", "GDP", "PM2.5"], ["Invest Hunan Program"]):
        assert texts(clean("\n".join([BODY, *own, BODY2]))) == [BODY, *own, BODY2]


def test_an_office_systems_watermark_goes_anywhere_and_cuts_no_sentence():
    """The reader's name and number printed across each page of a print view: between a notice's
    date and the title of what it issues, in a table, inside a sentence (re-joined)."""
    mark = "刘建平 6718　　　　刘建平 6718"
    cut = ("深入推进户籍制度改革，全面放开城区落户限制，推动农业转移人口在就业、社保、住房等方面享受与城镇居民同等待遇。"
           "探索建立", "进城落户农民土地承包权、宅基地使用权、集体收益分配权依法自愿有偿退出机制。")
    notice = ["中共青岚县委办公室关于印发《青岚县2023年深化统筹城乡综合配套改革工作要点》的通知", "青办发〔2023〕7号",
              "各乡镇党委、人民政府：", "《青岚县2023年深化统筹城乡综合配套改革工作要点》已经县委同意，现印发给你们。",
              "中共青岚县委办公室", "2023年4月14日"]
    plan = ["青岚县2023年深化统筹城乡综合配套改革工作要点", BODY, "序号", "改革任务", "牵头单位", "1", "宅基地制度改革",
            "县自然资源局", "2", "城乡教育共同体建设", "县教育局"]
    page = [mark, *notice, mark, *plan[:8], mark, *plan[8:], cut[0], mark, cut[1]]
    cleaned = clean("\n".join(page))
    assert texts(cleaned)[:len(notice) + 2] == [*notice, *plan[:2]]
    assert texts(cleaned)[-1] == cut[0] + cut[1]
    assert [t.rows for t in cleaned.blocks if isinstance(t, Table)] == [(tuple(plan[2:5]), tuple(plan[5:8]), tuple(plan[8:]))]
    assert sum(e.before == mark for e in cleaned.edits) == 4


def test_a_transcriptions_page_marks_and_end_mark_go():
    """An archive's transcription (录文) marks the original's pages and its own end."""
    cut = ("各乡镇要按照“抓大放小”的要求，对县属国有和集体企业分类排队，", "一企一策，分期分批推进改制。")
    page = ["（原件第1页）", BODY, cut[0], "（原件第2页）", cut[1], BODY2, "（录文完）", "展品说明",
            "1996年8月，青岚被确定为全省首批城乡综合配套改革试点县，本件即为县政府据此印发的实施方案。"]
    assert texts(clean("\n".join(page))) == [BODY, cut[0] + cut[1], BODY2]


def test_notes_a_reposter_signs_go_and_the_documents_own_stay():
    notes = ["（UP注：0.5个工作日我是真不敢想，我那会儿光等刻章就等了一整天）",
             "（划重点：承诺制扩展到工程建设领域是今年新增的，2021年版没有——星主注）",
             "【考点提示】“年度评估和中期评估”属于保障类措施，归纳概括题中常被漏写。",
             "华仕点睛：这一段体现了“以人为核心”的城镇化思路。"]
    own = "（注：此表由各县（市、区）发展改革部门填报，每季度末报送。）"
    cleaned = clean("\n".join([BODY, notes[0], notes[1], own, BODY2, notes[2], notes[3], BODY]))
    assert texts(cleaned) == [BODY, own, BODY2, BODY]


def test_paragraph_opened_by_an_outline_marker_is_rejoined_across_a_page_mark():
    cut = "（二）推进煤层气综合开发改革。探索煤层气矿业权与煤炭矿业权重叠区域“先采气、后采煤”协调开发"
    rest = "机制，支持煤层气企业参与增量配电业务。"
    cleaned = clean("\n".join([BODY, cut, "第1页 / 共3页", "5积分", rest, BODY2]))
    assert texts(cleaned) == [BODY, cut + rest, BODY2]
    # a short heading before the mark is not continued by the paragraph after it
    assert texts(clean("\n".join([BODY, "二、保障措施", "第2页 / 共3页", BODY2]))) == [BODY, "二、保障措施", BODY2]


def test_running_header_in_either_order_on_facing_pages():
    one, other = "青川市人民政府公报　　　　2015年第3期", "2015年第3期　　　　青川市人民政府公报"
    lines = [BODY, one, BODY2, other, BODY, one, BODY2, other, BODY]
    cleaned = clean("\n".join(lines))
    assert texts(cleaned) == [BODY, one, BODY2, BODY, BODY2, BODY]  # the first copy is kept
    assert sum(e.rule == "chrome.structural.running-header" for e in cleaned.edits) == 3


def test_two_character_word_ending_like_an_organ_is_no_closing():
    assert protected("社会") == "" and protected("全部") == ""
    assert protected("国务院") == "issuer"
    # nor a longer one that ends in such a word: 两型社会 is a tag, not an organ
    assert protected("两型社会") == "" and protected("和谐社会") == ""
    assert protected("市社会科学界联合会") == "issuer"


def test_fields_of_a_form_go_with_it():
    form = ["我要留言", "（注：带*号为必填项）", "姓名*", "电子邮箱", "是否公开：", "是", "否", "验证码",
            "看不清？换一张", "提交"]
    cleaned = clean("\n".join([BODY, BODY2, *form]))
    assert texts(cleaned) == [BODY, BODY2]
    assert "chrome.comment-form.form-title" in {e.rule for e in cleaned.edits if e.before == "是"}
    # without a field or button the data knows after them, short lines under a form title stay
    assert texts(clean("\n".join([BODY, BODY2, "我要留言", "电子邮箱", "联系地址"])))[-2:] == ["电子邮箱", "联系地址"]


def test_block_to_the_end_reads_like_body_yet_lists_after_it_go():
    """A lawyer's note under the text is the site's to the end of the page; its long sentence
    is no body line, so the lists after it are at the tail."""
    note = ("该暂行办法的核心在于为试验区内的改革事项提供制度保障，尤其是关于先行先试授权和容错免责的规定，"
            "对企业和基层政府而言具有重要意义。")
    tail = ["相关法律依据", "《中华人民共和国行政许可法》第二十四条", "律师解读", "张建国律师", note,
            "相关咨询", "试验区内企业可以享受哪些税收优惠政策？", "3个回答"]
    assert texts(clean("\n".join([BODY, BODY2, *tail]))) == [BODY, BODY2]


def test_opinions_received_on_a_draft_go():
    received = ["已收到意见（2条）", "关于扩大城乡公交一体化覆盖范围的建议", "2024-03-22",
                "希望将偏远山区行政村纳入城乡公交一体化范围，提高班次频率。", "回复：您的意见已转交市交通运输局研究。"]
    assert texts(clean("\n".join([BODY, BODY2, *received]))) == [BODY, BODY2]


def test_counters_at_the_head_split_over_lines():
    title = "青川市人民政府关于深化综合配套改革的意见"
    head = ["点击：", "1526", "次", "文章", "3826", "总阅读", "1086万"]
    assert texts(clean("\n".join([*head, title, BODY, BODY2]))) == [title, BODY, BODY2]
    assert texts(clean("\n".join([BODY, "附件下载：", BODY2]))) == [BODY, BODY2]


def test_dated_link_lists_and_their_tabs_go():
    # a topic page's tabs over lists of dated headlines, between and after the text's body
    title = "青溪市人民政府关于深化综合配套改革的实施意见"
    tab = ["最新动态", "· 青溪市首批32项改革事项全部启动　2011-11-02",
           "· 青溪、丰川两市签署港口一体化合作协议　2011-10-28", "更多>>"]
    tail = ["媒体聚焦", "经济日报：青溪以改革破解“成长的烦恼”　2011-10-25",
            "光明日报：老工业基地探索转型新路径 (2011-10-22)"]
    cleaned = clean("\n".join([*tab, title, BODY, BODY2, *tail]))
    assert texts(cleaned) == [title, BODY, BODY2]
    rules = {e.before: e.rule for e in cleaned.edits}
    assert rules["最新动态"] == rules["媒体聚焦"] == "chrome.structural.list-header"
    assert rules["更多>>"] == "chrome.news.more-link"
    # one entry makes no list, so the short line above it stays; a heading is never a tab
    one = ["工作动态", tab[1], title, BODY, BODY2]
    assert texts(clean("\n".join(one)))[0] == "工作动态"
    heading = ["一、工作动态", *tab[1:3]]
    assert "一、工作动态" in texts(clean("\n".join([title, BODY, *heading, BODY2])))
    # without a bullet, a dated line goes only at the head or tail
    undotted = "青溪市召开综合配套改革推进会议　2011-10-17"
    assert undotted in texts(clean("\n".join([title, BODY, undotted, BODY2])))


def test_report_on_the_document_above_its_title_goes():
    title = "青溪市深化“放管服”改革三年行动方案（2018—2020年）"
    report = ["青溪市政府新闻办举行《青溪市深化“放管服”改革三年行动方案》新闻发布会",
              "时间：2018年5月16日　10:00", "新闻通稿",
              "5月16日上午，市政府新闻办举行新闻发布会，发布《青溪市深化“放管服”改革三年行动方案"
              "（2018—2020年）》。市发展改革委副主任王建军介绍了有关情况。", "附：方案全文"]
    cleaned = clean("\n".join([*report, title, BODY, BODY2]))
    assert texts(cleaned) == [title, BODY, BODY2]
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.report"}
    # the notice that issues the document names it too: with its 落款 and date, its addressee, or
    # in the first person, it stays
    notice = "现将《青溪市深化“放管服”改革三年行动方案（2018—2020年）》印发给你们，请认真贯彻执行。"
    for page in (["各区县人民政府：", notice, title, BODY, BODY2],
                 [notice, "青溪市人民政府", "2018年5月10日", title, BODY, BODY2],
                 [notice, title, BODY, BODY2]):
        assert texts(clean("\n".join(page))) == page
    # a line that names it below body text reports nothing above the text
    assert texts(clean("\n".join([BODY, report[3], title, BODY2])))[:2] == [BODY, report[3]]


def test_headline_over_the_documents_title_goes():
    headline = "汾川市印发2013年转型综改试验工作要点"
    meta = "时间：2013-04-18　　来源：汾川市人民政府网站　　作者：佚名　　点击：1,862"
    notice = ["汾川市人民政府关于印发汾川市转型综改试验2013年工作要点的通知", "汾政发〔2013〕9号",
              "各县（市、区）人民政府，市人民政府各委、办、局：", BODY, BODY2]
    # a date at the head reads like a 成文日期: what is above the title is not all the site's
    top = "2013年4月18日"
    cleaned = clean("\n".join([top, headline, meta, *notice]))
    assert texts(cleaned) == [top, *notice]
    assert {e.rule for e in cleaned.edits} == {"chrome.structural.headline", "chrome.structural.site-metadata"}
    # kept: with nothing removed between, an organ's mark, no word shared, no 文号 or 主送机关 below
    for page in ([headline, *notice],
                 ["汾川市人民政府文件", "━━━━━━━━━━━━", *notice],
                 ["煤炭资源整合后续管理", meta, *notice],
                 [headline, meta, notice[0], BODY, BODY2]):
        assert page[0] in texts(clean("\n".join([top, *page])))


def test_report_on_the_document_a_notice_issues_goes():
    # the report names the 方案; the page's document is the notice that issues it
    report = "近日，市政府办公室印发《江州市推行“一件事一次办”改革实施方案》，明确今年底前实现100项高频“一件事”一次办结。全文如下："
    notice = ["江州市人民政府办公室关于印发江州市推行“一件事一次办”改革实施方案的通知",
              "江政办发〔2019〕15号", "各县（市、区）人民政府，市直各单位：",
              "《江州市推行“一件事一次办”改革实施方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。"]
    for title in (notice[0], "江州市人民政府办公室关于印发《江州市推行“一件事一次办”改革实施方案》的通知"):
        cleaned = clean("\n".join([report, title, *notice[1:]]))
        assert texts(cleaned) == [title, *notice[1:]]
        assert {e.rule for e in cleaned.edits} == {"chrome.structural.report"}
    # a notice that issues another document is no report on this one (a date on top, which reads
    # like a 成文日期, keeps the lines above the title from going as the site's all together)
    other = "江州市人民政府办公室关于印发江州市优化营商环境行动方案的通知"
    assert texts(clean("\n".join(["2019年5月20日", report, other, *notice[1:]])))[1] == report
