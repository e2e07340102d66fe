"""Shared text tests for the cleaning steps: character classes, sentence ends, outline markers,
and the short body lines that GB/T 9704-2012 defines (which no structural rule may remove).

Also the per-run context (`Run`): what one step learnt about the text that a later step needs
(families of chrome found, titles named by the hosting site, where joined paragraphs came from).
`clean()` opens a fresh context for every text, so runs never share state.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

# --- character classes ---------------------------------------------------------------------------
IDEO = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
IDEOGRAPH = re.compile(f"[{IDEO}\U00020000-\U0002ffff]")
# Chinese (full-width) punctuation, including the curly quotes Chinese text uses.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"
CJK_CONTEXT = re.compile(f"[{IDEO}{CJK_PUNCT}]")
WS = " \t\u00a0\u3000\u2002\u2003\u2009\u200a\u202f"

# Punctuation that ends a sentence; closing marks that may follow it (…。” or …。）).
FINAL = "。！？!?；;…"
CLOSERS = "”’」』）)》】]〕"
# Punctuation that cannot start a paragraph (a chunk that starts with it continues a sentence).
CONTINUATION = "，。、；：？！,.;:?!）)”’」』》】…"


def ideographs(text: str) -> str:
    return "".join(IDEOGRAPH.findall(text))


def count_ideographs(text: str) -> int:
    return IDEOGRAPH.subn("", text)[1]


def has_ideographs(text: str, n: int) -> bool:
    """Does `text` hold at least `n` ideographs? (stops counting at n)"""
    if len(text) < n:
        return False
    return _at_least(n).match(text) is not None


@lru_cache(maxsize=None)
def _at_least(n: int) -> re.Pattern:
    return re.compile(rf"(?:[^{IDEO}\U00020000-\U0002ffff]*{IDEOGRAPH.pattern}){{{n}}}")


def ends_sentence(text: str) -> bool:
    """Does `text` end like a finished sentence (。！？；…, possibly inside a closing mark)?

    A closing parenthesis also counts: a paragraph may end with a parenthetical note such as
    (牵头部门：市政务办). A closing quote only counts after final punctuation (…。”).
    """
    t = text.rstrip(WS)
    if not t:
        return False
    last = t[-1]
    if last in FINAL:
        return True
    if last in ")）":
        return True
    if last in CLOSERS:
        inner = t.rstrip(CLOSERS)
        return bool(inner) and inner[-1] in FINAL
    return False


# --- outline markers (GB/T 9704 §7.3.3 and common variants) --------------------------------------
CN_NUM = "一二三四五六七八九十"
MARKER_RE = (
    rf"(?:[{CN_NUM}]{{1,3}}[、．.]"
    rf"|[（(][{CN_NUM}]{{1,3}}[)）]"
    r"|\d{1,2}、"
    r"|\d{1,2}[.．](?=\d{4}年|[^\d.．%])"
    r"|[（(]\d{1,2}[)）]"
    r"|[①-⑳]"
    r"|第[一二三四五六七八九十百零〇两]+[章节条](?=[ \u3000])"
    r")"
)
MARKER = re.compile(MARKER_RE)


def starts_with_marker(text: str) -> bool:
    return MARKER.match(text.lstrip(WS)) is not None


def is_heading(text: str) -> bool:
    """A short paragraph opened by an outline marker (一、总体要求; （七）推进对外开放…)."""
    t = text.strip(WS)
    m = MARKER.match(t)
    return m is not None and len(t) - m.end() <= 40 and "。" not in t[:-1]


# --- GB/T 9704 short lines ------------------------------------------------------------------------
DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fff]{1,10}\s*[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*第?\d{1,4}\s*[号號]$")
DATE = re.compile(
    r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日(?:\s*印发)?$")
ISSUER_END = ("人民政府", "政府", "委员会", "办公室", "办公厅", "委", "局", "厅", "部", "院", "会",
              "中心", "党委", "区委", "市委", "县委", "省委", "工委", "小组", "公司", "办")
SPONSOR_END = ("主办", "承办", "协办", "联办")  # a site's credits (经济日报社主管主办), no organ's name
# words that end like an organ's name and name none (两型社会, 展开全部, 一网通办, a site's 帮助中心)
NOUN_END = ("社会", "机会", "体会", "都会", "全部", "局部", "内部", "外部", "干部", "格局", "布局", "全局",
            "大局", "结局", "举办", "创办", "开办", "兴办", "代办", "帮办", "通办", "帮助中心", "个人中心",
            "用户中心", "会员中心", "消息中心")
PRONOUNS = re.compile("[我你您]")  # a 主送机关 names organs, never the reader or writer
DOC_TYPES = ("通知", "意见", "决定", "方案", "办法", "规定", "条例", "细则", "规划", "计划", "纲要",
             "报告", "请示", "批复", "纪要", "公告", "通告", "函", "决议", "纪略", "思考", "讲话",
             "总结", "综述", "调研", "意见稿", "草案", "修订版", "征求意见稿", "实施意见", "要点", "工作安排",
             "清单", "指引")
NAV_SEPARATOR = re.compile(r"\s[>＞›»|｜·]\s|[›»｜|]")
PRINTED = re.compile(r"\d{1,2}\s*日\s*印发$")  # the imprint line: XX办公室 2020年2月21日印发
# letters, digits, ideographs; not 丨, an ideograph only by its code point, which OCR and titles
# use as a vertical bar (a scan's gutter, 标题丨栏目)
TEXTUAL = re.compile(r"[^\W_丨]")
TITLE_TAIL = re.compile(r"(?:[（(][^（）()]{1,20}[)）])*$")


# What a 版头 prints above the title besides the 文号 and the organs' mark: 份号 aside, the 密级,
# the 紧急程度 and the 签发人.
MASTHEAD = re.compile(r"^(?:(?:绝密|机密|秘密)(?:\s*★\s*\S{0,6})?|特急|加急|特提|平急|签发人\s*[:：]\s*\S.{0,20})$")
ORGAN_MARK = "文件"
# The kinds of `protected` line that stand alone: a 文号, a date, a 落款, an 附件 or 抄送 line. No
# sentence runs on into them, and a block of the site's that reaches one has reached the document.
STANDALONE = frozenset({"doc-number", "date", "issuer", "attachment", "distribution"})


def organ_mark(text: str) -> bool:
    """Whether `text` is a 发文机关标志: organs' names and 文件 (中共湘潭市委　湘潭市人民政府文件).

    Not a protected line: a site's menu names its 县政府文件 so, and a printed page repeats it
    as its running header; only what comes below it tells.
    """
    t = text.strip(WS)
    organs = t[:-len(ORGAN_MARK)].split() if t.endswith(ORGAN_MARK) and len(t) <= 40 else []
    return bool(organs) and all(o.endswith(ISSUER_END) and count_ideographs(o) >= 3 for o in organs)


def protected(text: str) -> str:
    """Why `text` is a short body line GB/T 9704 defines (or a heading); "" when it is none."""
    t = text.strip(WS)
    if not t:
        return ""
    if starts_with_marker(t):
        return "heading"
    if DOC_NUMBER.match(t):
        return "doc-number"
    if DATE.match(t):
        return "date"
    if MASTHEAD.match(t):
        return "masthead"
    if t.startswith(("附件", "附：", "附:")):
        return "attachment"
    if t.startswith(("抄送", "抄报", "主题词", "主送")) or PRINTED.search(t):
        return "distribution"
    # not 时间：… 来源：… 点击： (a site's fields), nor 以下为《X》全文： (a 主送机关 names no document),
    # nor 我把正文给你贴上来： (nor anyone who writes)
    if len(t) <= 120 and t[-1] in "：:" and "。" not in t and count_ideographs(t) >= 2 \
            and "：" not in t[:-1] and ":" not in t[:-1] and "《" not in t and not PRONOUNS.search(t):
        return "addressee"
    bare = TITLE_TAIL.sub("", t)
    if len(t) <= 100 and "。" not in t and t[-1] not in "：:" and not NAV_SEPARATOR.search(t) and (
            bare.endswith(DOC_TYPES) or ("关于" in t and count_ideographs(t) >= 6)):
        return "title"
    if len(t) <= 30 and t.endswith(ISSUER_END) and not t.endswith(SPONSOR_END + NOUN_END) \
            and count_ideographs(t) >= 3 and not re.search(r"[，。；：,;:|>›»]", t):  # 国务院, not 社会
        return "issuer"
    return ""


# --- data files -------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    text = resources.files("reformdocs.data").joinpath(name).read_text("utf-8")
    return yaml.safe_load(text)


# --- per-run context -------------------------------------------------------------------------------
@dataclass
class Run:
    """What the steps of one `clean()` call share."""

    families: set[str] = field(default_factory=set)  # chrome families found in this text
    titles: list[str] = field(default_factory=list)  # document titles the hosting site named
    # joined paragraphs: (line no, text) -> [(offset, source line no), ...] where each part starts
    origins: dict[tuple[int, str], list[tuple[int, int]]] = field(default_factory=dict)
    corpus: object | None = None  # a chrome.LineFrequency fed by the caller, or None
    catalog: dict[str, str] = field(default_factory=dict)  # the site's catalogue fields (chrome)
    # where chrome removed a break in the text (a web pager, a forum's next floor): line -> rule
    page_breaks: dict[int, str] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)  # the lines chrome removed whole (stripped)
    # the document's own 版头 above its title (文号, organs' names …), by line: no site's copies
    head_lines: set[int] = field(default_factory=set)


RUN: ContextVar[Run | None] = ContextVar("reformdocs_clean_run", default=None)


def run() -> Run:
    """The context of the current `clean()` call (a throwaway one when a step runs alone)."""
    current = RUN.get()
    return current if current is not None else Run()
