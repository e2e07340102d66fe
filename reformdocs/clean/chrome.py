"""Remove chrome: the hosting site's page furniture, never part of the document.

Two kinds of rules, both audited line by line:

* Known families (``data/chrome.yml``): patterns of what sites print (由会员分享, 您现在的位置, 字号
  大 中 小, ICP备, 发表意见 …), whole lines or phrases. Aggressive: they only name chrome.
* Structural signals for chrome never seen before: lines of symbols only, navigation trails
  (首页 > 政务公开 > …, link bars with | › », menus of short words only spaces separate), the
  site's key:value metadata lists (上传时间: 格式: 页数: 大小:), contact footers, Latin/URL lines and
  bare counters at the head or tail, the page's title bar (标题_博客名_网站名) when the title also
  stands alone, short lines between chrome lines after the body, short lines repeated in one
  text (running headers) or across the corpus (see `LineFrequency`). Conservative: they never
  touch outline headings, the short lines GB/T 9704 defines (title, 发文字号, 主送机关, 落款,
  成文日期, 附件) or a flattened table, and most only act in the head or tail of the text (before
  the first or after the last line that reads like body text).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Edit, Line
from . import table
from .common import (DATE, FINAL, ISSUER_END, STANDALONE, TEXTUAL, TITLE_TAIL, WS, count_ideographs,
                     ends_sentence, has_ideographs, load_data, organ_mark, protected, run,
                     starts_with_marker)
from .prefilter import Prefilter

STAGE = "clean"
DEFAULT_MAX_LEN = 200
ANCHOR_MIN_IDEOGRAPHS = 20
ECHO_MAX = 12
ECHO_NEAR = 6  # lines on either side where the chrome an echo repeats must be
SHORT_RUN_LEN = 20
SHORT_RUN_MIN = 3
MENU_MIN_ITEMS = 3
MENU_MIN_UNNAMED = 5  # items of a menu that names no 首页 (信息公开指南 信息公开制度 …)
HEAD_RUN_LEN = 6  # a menu written one item to a line at the head: items this short ...
HEAD_RUN_MIN = 4  # ... this many in a row
TITLE_WINDOW = 120  # lines after a page's title bar where the title itself is looked for
BETWEEN_MAX = 30
BETWEEN_LINES = 2  # short lines in a row that chrome before and after them makes chrome at the tail
COMMENT_NAME_MAX = 14  # a reader's name over a comment
COMMENT_LINES = 3  # lines of words a reader's comment has at most ...
COMMENT_MAX = 140  # ... each this long at most
CUT_PARAGRAPH_MIN = 40  # ideographs of a paragraph a post's or message's length limit cut
CATALOG_ANYWHERE = 3  # catalogue fields that make a block of key lines the site's anywhere
CONTENTS_MIN = 3  # entries (leader dots and a page number) that make a table of contents
HEADLINE_SHARED = 4  # ideographs in a row a headline shares with the title it paraphrases
HEAD_KINDS = ("doc-number", "masthead", "issuer")  # what a 版头 prints above the title (protected)
QUIZ_BLANK = re.compile(r"[（(][\s\u3000_]*[)）]\s*[。？?]?$")  # 全面深化改革的重点是（　）
QUIZ_OPTION = re.compile(r"(?:[A-H]\s*[.．、:：]|[○◯□☐])\s*\S")  # A. 政治体制改革, ○ 正确
QUIZ_MIN_OPTIONS = 2
NOTE_OPEN = "（(〔"  # a document's own notes open so (（此件公开发布）); a site's buttons with 【
MENU_ITEM_LEN = 8
LETTER_SPACED = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]+){4}[\u4e00-\u9fff]")
LETTER_GAP = re.compile(r"(?<=[\u4e00-\u9fff，。、；：])[ \u3000]+(?=[\u4e00-\u9fff，。、；：])")
LIST_ENTRY = re.compile(r"[·•]|\d{1,2}\s*[.．、]")  # entries of a link list, not outline headings
BARE_COUNT = re.compile(r"[+＋]?\d{1,4}(?:\.\d{1,2})?[万wW]?")  # 3826, 1.2万
PAGE_NUMBER = re.compile(r"\d{1,3}")
EXCERPT_END = re.compile(r"(?:\.{3,}|…+|。{3,})$")  # a summary cut off: 现将《…》印发...
EXCERPT_MIN_IDEOGRAPHS = 20
FORM_REACH = 30  # lines after a form's title where its fields and buttons may be
FORM_FIELD_MAX = 20
TITLE_BAR_NOTE = "the page's title bar: the title (given again below) and the site's names"
# 标题_网站, 标题 - 网站, 标题--频道, and 标题-新华网 (a hyphen between words, not in 2013-2015)
TITLE_BAR = re.compile(r"\s*[_＿]\s*|\s+[-–—|｜]\s+|\s*-{2,}\s*|(?<=[\u4e00-\u9fff）》])-(?=[\u4e00-\u9fffA-Za-z])")
SHORT_PUNCT = re.compile(r"[，。、；：！？,.;:!?（）()“”《》]")
ANCHOR_PUNCT = re.compile(r"[。，；,;！？]")
LINK_AT_END = re.compile(r"(?:https?://|www\.)\S+$")  # 原文链接：http://…
LINK_LABEL_MAX = 6  # ideographs a link's label may have
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")  # 17 Oct 2009; a standard's GB/T 9704-2012 has one
LATIN_LINE_WORDS = 4  # Latin words on a line without ideographs that make it prose, not a name
URLISH = re.compile(r"https?://|www\.|[\w.-]+@[\w-]+\.[a-z]{2,}|©|\(C\)|\.(?:com|cn|net|org)\b", re.I)
# A line that opens with a key: key：value, 【key】value or [ key ] value (key letter-spaced or not).
KEY_LINE = re.compile(r"^(?:【\s*([^】]{1,12}?)\s*】|\[\s*([^\]]{1,12}?)\s*\]|"
                      r"([^\s:：【】\[\]]{1,6}(?:[ \u3000]+[^\s:：【】\[\]]{1,6}){0,3})\s*[:：])\s*(.*)$")
BUTTONS = re.compile(r"(?:[【\[]\s*[^】\]【\[]{1,12}?\s*[】\]]\s*){2,}")  # 【打印】【关闭】, [ 字号：大 中 小 ] [ 打印 ]
KEY = re.compile(r"(?:^|(?<=[\s|｜,，;；/【\[]))([^\s:：|｜,，;；/【】\[\]]{1,6})\s*[:：]")
NAMED_DOCUMENT = re.compile(r"《([^《》]{4,100})》")
# GB/T 9704 lines between a report on a document and the document's title that make the report
# part of a document too (a 印发通知: its title, 主送机关, 落款, 成文日期; or an outline heading)
REPORT_BREAKS = frozenset({"title", "heading", "doc-number", "date", "issuer", "addressee"})


@dataclass(frozen=True)
class Pattern:
    rule: str
    family: str
    scope: str  # line | phrase
    regex: re.Pattern
    where: str  # anywhere | edge
    max_len: int
    follows: str  # "" | list | tail | pager | form
    sentence: bool  # may remove a line that reads like body text
    entry: bool  # an entry of a link list (its header goes with a run of them)
    breaks: bool  # printed where a page of the view broke: a sentence cut around it is re-joined
    stamp: str  # "" | "alone": the time of a post alone (its name above it and its words go with
    #             it) | "named": a post's time and its sender's name (its words go with it)
    examples: tuple


@dataclass(frozen=True)
class Rules:
    line: tuple[Pattern, ...]
    phrase: tuple[Pattern, ...]
    sentence: tuple[Pattern, ...]  # the line patterns that may take a line that reads like body
    line_filter: Prefilter  # which line patterns may match a line
    sentence_filter: Prefilter  # which of `sentence` may
    phrase_filter: Prefilter
    longest: int  # the largest max_len of the line patterns
    families: dict[str, str]
    separators: str
    nav_words: frozenset[str]
    site_keys: frozenset[str]
    contact_keys: frozenset[str]
    closing_note_keys: frozenset[str]
    document_keys: frozenset[str]
    catalog_keys: frozenset[str]
    transmittal: re.Pattern
    issuing: re.Pattern
    contents_entry: re.Pattern
    contents_heading: re.Pattern
    unit_signs: frozenset[str]
    repeat_min: int
    repeat_max_len: int
    corpus_min_docs: int
    corpus_min_share: float
    corpus_max_len: int


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load_data("chrome.yml")
    line: list[Pattern] = []
    phrase: list[Pattern] = []
    families = {}
    for fam in data["families"]:
        families[fam["id"]] = " ".join(fam["description"].split())
        for p in fam["patterns"]:
            pat = Pattern(
                rule=f"chrome.{fam['id']}.{p['id']}", family=fam["id"], scope=p["scope"],
                regex=re.compile(p["regex"]), where=p.get("where", "anywhere"),
                max_len=int(p.get("max_len", DEFAULT_MAX_LEN)), follows=p.get("follows", ""),
                sentence=bool(p.get("sentence", False)), entry=bool(p.get("entry", False)),
                stamp=p.get("stamp", ""),
                breaks=bool(p.get("breaks", False)),
                examples=tuple(tuple(e) if isinstance(e, list) else e for e in p.get("examples", ())))
            (line if pat.scope == "line" else phrase).append(pat)

    sentence = [p for p in line if p.sentence]
    s = data["structural"]
    return Rules(
        line=tuple(line), phrase=tuple(phrase), sentence=tuple(sentence),
        line_filter=Prefilter([p.regex for p in line]),
        sentence_filter=Prefilter([p.regex for p in sentence]),
        phrase_filter=Prefilter([p.regex for p in phrase]), longest=max(p.max_len for p in line),
        families=families,
        separators=s["nav_separators"], nav_words=frozenset(s["nav_words"]),
        site_keys=frozenset(s["site_keys"]), contact_keys=frozenset(s["contact_keys"]),
        closing_note_keys=frozenset(s["closing_note_keys"]),
        document_keys=frozenset(s["document_keys"]), catalog_keys=frozenset(s["catalog_keys"]),
        transmittal=re.compile(s["transmittal"]), issuing=re.compile(s["issuing"]),
        contents_entry=re.compile(s["contents_entry"]), contents_heading=re.compile(s["contents_heading"]),
        unit_signs=frozenset(s["unit_signs"] + WS), repeat_min=int(s["repeat_min"]),
        repeat_max_len=int(s["repeat_max_len"]), corpus_min_docs=int(s["corpus_min_docs"]),
        corpus_min_share=float(s["corpus_min_share"]), corpus_max_len=int(s["corpus_max_len"]))


# --- corpus-level frequency -----------------------------------------------------------------------
def line_key(text: str) -> str:
    """What two lines must share to count as 'the same line' across documents (digits vary)."""
    return re.sub(r"\d+", "#", re.sub(rf"[{WS}]+", " ", text.strip(WS)))


class LineFrequency:
    """How many documents of a corpus each short line occurs in, for cross-document chrome.

    Feed it the texts of the corpus (``add`` or ``from_texts``), then pass it to
    ``clean(text, corpus=...)``: a short line without sentence punctuation that occurs in at least
    ``corpus_min_docs`` documents and ``corpus_min_share`` of them (data/chrome.yml) is chrome,
    unless it is a heading or a GB/T 9704 line.
    """

    def __init__(self, counts: dict[str, int] | None = None, documents: int = 0) -> None:
        self.counts: Counter = Counter(counts or {})
        self.documents = documents

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "LineFrequency":
        freq = cls()
        for text in texts:
            freq.add(text)
        return freq

    def add(self, text: str) -> None:
        limit = rules().corpus_max_len
        keys = {line_key(t) for t in text.split("\n") if 0 < len(t.strip(WS)) <= limit}
        self.counts.update(keys)
        self.documents += 1

    def is_boilerplate(self, text: str) -> bool:
        r = rules()
        if self.documents == 0 or len(text.strip(WS)) > r.corpus_max_len:
            return False
        n = self.counts.get(line_key(text), 0)
        return n >= r.corpus_min_docs and n >= r.corpus_min_share * self.documents


# --- helpers --------------------------------------------------------------------------------------
def _edit(rule: str, before: str, line: int, note: str) -> Edit:
    return Edit(STAGE, rule, "removed", before, "", line, note)


def match_line(text: str, edge: bool) -> Pattern | None:
    """The first line-level pattern that makes `text` (stripped) chrome; a letter-spaced line
    (版 权 所 有) is also tried with its spacing closed up."""
    pat = _match_line(text, edge)
    if pat is None and LETTER_SPACED.search(text):
        pat = _match_line(LETTER_GAP.sub("", text), edge)
    return pat


def _match_line(text: str, edge: bool) -> Pattern | None:
    r = rules()
    if len(text) > r.longest:
        return None
    # a line that reads like body text is only tried with the patterns that may take one
    body_like = "。" in text and has_ideographs(text, ANCHOR_MIN_IDEOGRAPHS)
    patterns, which = (r.sentence, r.sentence_filter) if body_like else (r.line, r.line_filter)
    for i in sorted(which.candidates(text)):
        pat = patterns[i]
        if (pat.where == "edge" and not edge) or len(text) > pat.max_len:
            continue
        if pat.regex.search(text):
            return pat
    return None


def remove_phrases(text: str) -> tuple[str, list[tuple[Pattern, str]]]:
    """`text` without the phrase-level chrome in it, and what was cut by which pattern."""
    r = rules()
    cut: list[tuple[Pattern, str]] = []
    if not r.phrase_filter.candidates(text):  # (cutting one phrase may complete another)
        return text, cut
    for pat in r.phrase:
        for _ in range(20):  # a phrase may occur more than once
            m = pat.regex.search(text)
            if not m:
                break
            group = "cut" if "cut" in pat.regex.groupindex and m.group("cut") is not None else 0
            a, b = m.span(group)
            if a == b:
                break
            cut.append((pat, text[a:b]))
            text = text[:a] + text[b:]
    return text, cut


def clean_title(title: str) -> str:
    title, _ = remove_phrases(title.strip(WS + "《》"))
    title = re.sub(r"[（(]\d+页(?:珍藏版)?[)）]$", "", title)
    title, _ = remove_phrases(title)
    return title.strip(WS + "《》")


def _has_text(text: str) -> bool:
    return TEXTUAL.search(text) is not None


def _keys(text: str) -> list[str]:
    return KEY.findall(text)


def _nav_trail(text: str, r: Rules) -> str:
    """"anywhere" for a trail naming 首页 & co., "edge" for another link bar, "" for no trail."""
    parts = [p.strip(WS) for p in re.split(f"[{re.escape(r.separators)}]", text)]
    seps = len(parts) - 1
    if seps < 1:
        return ""
    parts = [p for p in parts if p]
    if not parts or any(len(p) > 16 or any(ch in FINAL + "。，" for ch in p) for p in parts):
        return ""
    # A trail may open with its label: 您的位置：首页 > …
    named = any(p in r.nav_words or p.split("：")[-1].split(":")[-1] in r.nav_words for p in parts)
    if named and (seps >= 2 or text.strip(WS).startswith(tuple(r.nav_words))):
        return "anywhere"
    chevron = re.search(r"[>＞›»→]", text) is not None
    return "edge" if seps >= 2 or chevron else ""


def _menu_bar(text: str, r: Rules) -> bool:
    """Whether `text` is a menu whose items only spaces separate (首页 博文目录 图片 关于我); a
    longer one needs no 首页 when its items are words and none is an organ's name (a joint 落款
    such as 市发展改革委 市财政局 … is one)."""
    items = text.split()
    if len(items) < MENU_MIN_ITEMS or not all(
            len(item) <= MENU_ITEM_LEN and not SHORT_PUNCT.search(item) for item in items):
        return False
    return any(item in r.nav_words for item in items) or (len(items) >= MENU_MIN_UNNAMED and all(
        count_ideographs(item) >= 2 and not item.endswith(ISSUER_END) for item in items))


def _key_fields(text: str) -> list[tuple[str, str]]:
    """The (key, value) fields of a line that opens with a key, keys with spaces closed up
    (several may share the line: 索引号：X  主题分类：Y …); [] for any other line."""
    m = KEY_LINE.match(text)
    if m is None:
        return []
    first = next(g for g in m.groups()[:3] if g)
    parts = KEY.split(m.group(4))  # [value of the first key, key2, value2, key3, value3 …]
    return [(re.sub(f"[{WS}]", "", key), value.strip(WS))
            for key, value in [(first, parts[0]), *zip(parts[1::2], parts[2::2])]]


def _catalog_blocks(st: list[str], r: Rules) -> list[tuple[list[int], dict[str, str]]]:
    """Blocks of key lines (values on their own lines too) naming two or more catalogue fields:
    the hosting site's catalogue of the document (索引号 主题分类 发布机构 …), each with its
    fields (key -> value)."""
    known = r.catalog_keys | r.site_keys | r.document_keys
    blocks: list[tuple[list[int], dict[str, str]]] = []
    block: list[int] = []
    fields: dict[str, str] = {}
    named: set[str] = set()  # the catalogue fields the block's key lines name
    pending = ""  # the key of the last key line when its value is on the next line
    for i, s in enumerate(st + [""]):
        if i < len(st) and not s:
            continue
        pairs = _key_fields(s)
        if pairs and pairs[0][0] in known and not any("。" in value for _, value in pairs):
            block.append(i)
            named.update(key for key, _ in pairs if key in r.catalog_keys)
            for key, value in pairs:
                if value:
                    fields.setdefault(key, value)
            pending = pairs[0][0] if len(pairs) == 1 and not pairs[0][1] else ""
            continue
        if pending and i < len(st) and len(s) <= DEFAULT_MAX_LEN and "。" not in s:
            block.append(i)
            fields.setdefault(pending, s)
            pending = ""
            continue
        if len(named) >= 2:
            blocks.append((block, fields))
        block, fields, named, pending = [], {}, set(), ""
    return blocks


def _title_bar_at(i: int, st: list[str], gone: Container[int]) -> str:
    """The title that line i names when it is the page's title bar, or "": a title that one of
    the kept lines below it gives or ends with (after the issuers), then the site's names
    (标题_作者的博客_新浪博客, 标题--频道--XX网)."""
    if not TITLE_BAR.search(st[i]):
        return ""
    title = TITLE_BAR.split(st[i])[0].strip(WS)
    if not has_ideographs(title, 4):
        return ""
    below = range(i + 1, min(len(st), i + 1 + TITLE_WINDOW))
    return title if any(st[j].endswith(title) for j in below if j not in gone) else ""


def _bounds(anchors: list[int], n: int) -> tuple[int, int]:
    """The first and last line that reads like body text ((n, -1) when none does)."""
    return (anchors[0], anchors[-1]) if anchors else (n, -1)


def _anchor(text: str) -> bool:
    return ANCHOR_PUNCT.search(text) is not None and has_ideographs(text, ANCHOR_MIN_IDEOGRAPHS)


def apply(lines: list[Line]) -> tuple[list[Line], list[Edit]]:
    r = rules()
    ctx = run()
    n = len(lines)
    text = [ln.text for ln in lines]
    st = [t.strip(WS) for t in text]
    gone: dict[int, Edit] = {}
    phrase_edits: dict[int, list[Edit]] = {}
    follows: list[tuple[int, Pattern]] = []
    entries: set[int] = set()  # lines removed as entries of a link list
    stamps: list[int] = []  # lines removed as the time of a post (alone or with its sender)
    named: set[int] = set()  # … with its sender

    def remove(i: int, rule: str, note: str) -> None:
        if i not in gone:
            gone[i] = _edit(rule, lines[i].text, lines[i].no, note)  # the whole line, as scraped

    def known(i: int, edge: bool) -> bool:
        pat = match_line(st[i], edge)
        if pat is None:
            return False
        remove(i, pat.rule, f"{pat.family} chrome (line)")
        ctx.families.add(pat.family)
        if "title" in pat.regex.groupindex:
            m = pat.regex.search(st[i])
            if m and m.group("title"):
                title = clean_title(m.group("title"))
                if title and title not in ctx.titles:
                    ctx.titles.append(title)
        if pat.follows:
            follows.append((i, pat))
        if pat.entry:
            entries.add(i)
        if pat.breaks:
            ctx.page_breaks[lines[i].no] = "pages.print-view"
        if pat.stamp:
            stamps.append(i)
            if pat.stamp == "named":
                named.add(i)
        return True

    # 1. Known families, line level, anywhere.
    for i in range(n):
        if st[i]:
            known(i, edge=False)

    # 2. Known families, phrase level.
    for i in range(n):
        if i in gone or not st[i]:
            continue
        lead = text[i][: len(text[i]) - len(text[i].lstrip(WS))]
        new, cut = remove_phrases(text[i][len(lead):].rstrip(WS))
        if not cut:
            continue
        for pat, phrase in cut:
            ctx.families.add(pat.family)
        if not _has_text(new):
            remove(i, cut[0][0].rule, f"{cut[0][0].family} chrome (nothing else on the line)")
            continue
        phrase_edits[i] = [_edit(pat.rule, phrase, lines[i].no, f"{pat.family} chrome (phrase)")
                           for pat, phrase in cut]
        text[i] = lead + new.rstrip(WS)
        st[i] = text[i].strip(WS)

    # 2b. A site's summary: a copy of the text below it, cut off with an ellipsis (文档简介：…).
    for i in _excerpts(st, gone):
        remove(i, "chrome.structural.excerpt", "a cut-off copy of the text below it (the site's "
               "summary)")
        ctx.families.add("structural")

    # 2c. A quiz on the text (a study platform's, an exam site's): a question that ends in an
    # empty answer bracket, and its options (A. … B. …, ○ 正确 ○ 错误) under it.
    for i in _quiz_lines(st, gone):
        remove(i, "chrome.structural.quiz", "a quiz question and its options (the site's test on "
               "the text)")
        ctx.families.add("structural")

    # Head and tail: before the first and after the last line that reads like body text.
    anchors = [i for i in range(n) if i not in gone and _anchor(st[i])]
    # The page's title bar reads like a sentence when the title has a comma: it opens no body,
    # nor does the page's headline (the one its title bar names, or a line with no full stop that
    # ends no clause) when a document with a title of its own follows before the next such line.
    headlines: set[str] = set()
    while anchors:
        i, upto = anchors[0], anchors[1] if len(anchors) > 1 else n
        if headline := _title_bar_at(i, st, gone):
            headlines.add(headline)
            remove(i, "chrome.structural.page-title", TITLE_BAR_NOTE)
        elif (st[i] in headlines or "。" not in st[i] and not ends_sentence(st[i])
              and st[i][-1] not in "，,、；;：:") \
                and not protected(st[i]) and any(
                protected(st[j]) == "title" for j in range(i + 1, upto) if j not in gone):
            remove(i, "chrome.structural.headline", "the page's headline over a document with a "
                   "title of its own")
        else:
            break
        anchors.pop(0)
        ctx.families.add("structural")
    # A report on the document above the document itself (a press release, a reposter's news
    # item, 附：方案全文): it names the document's title in 《》 before the title comes.
    if report := _report_above(st, gone, anchors[0] if anchors else n, r):
        start, title = report
        for i in range(start, title):
            if st[i]:
                remove(i, "chrome.structural.report", f"a report on the document above its title "
                       f"(line {lines[title].no}), which it names in 《》")
        anchors = [i for i in anchors if i not in gone]
        ctx.families.add("structural")
    first, last = _bounds(anchors, n)

    def at_edge(i: int) -> bool:
        return i < first or i > last

    # 3. Known families that only count at the edges.
    for i in range(n):
        if i not in gone and st[i] and at_edge(i):
            known(i, edge=True)

    # Then a link list's tab or header (最新动态, 媒体聚焦): a short line without punctuation right
    # above two or more of its entries in a row (entries at the edges are known only now).
    for i, entry in _list_headers(st, gone, entries):
        remove(i, "chrome.structural.list-header", f"the header of the link list under it (line "
               f"{lines[entry].no} on)")
        ctx.families.add("structural")

    # 3a. A menu written one item to a line at the head (新闻 体育 财经 …): a run of very short
    # lines without punctuation, none a GB/T 9704 line but a short organ's name or title inside
    # the run (首页 国务院 总理 新闻, 机构设置 发展规划 经济运行: sections named so).
    for menu in _short_runs(range(min(first, n)), st, gone, set(), HEAD_RUN_LEN, HEAD_RUN_MIN,
                            inner={"issuer", "title"}, menu=True):
        for j in menu:
            remove(j, "chrome.structural.head-menu",
                   f"one of {len(menu)} very short lines in a row at the head: a menu")
        ctx.families.add("structural")

    # 3b. The page's title bar at the head (the title, then the site's names), when another line
    # gives the title itself: the site names it carries then go as its echoes (3c).
    for i in range(min(first, n)):
        if i not in gone and st[i] and _title_bar_at(i, st, gone):
            remove(i, "chrome.structural.page-title", TITLE_BAR_NOTE)
            ctx.families.add("structural")

    # 3c. A short line that only repeats chrome next to it (an account or site name under its
    # byline at an edge; in the body, an app's name right under its prompt): it goes with that
    # chrome. So does a title bar at the head that opens with such a name (站名 - 口号).
    for i in range(n):
        s = st[i]
        if i in gone or not s or (len(s) > ECHO_MAX and i >= first) or ANCHOR_PUNCT.search(s) \
                or protected(s) or s in ctx.titles:
            continue
        parts = [p.strip(WS) for p in TITLE_BAR.split(s)] if i < first else [s]
        if len(parts) > 3 or any(len(p) > ECHO_MAX or protected(p) for p in parts) \
                or count_ideographs(parts[0]) < 2:  # more parts: a menu bar
            continue
        if at_edge(i):
            lo, hi = (0, first) if i < first else (last + 1, n)
            near = range(max(lo, i - ECHO_NEAR), min(hi, i + ECHO_NEAR + 1))
        else:  # the nearest line above with text, found without listing every line above
            near = [_with_text(st, i, -1)]
        source = next((j for j in near if j in gone and parts[0] in st[j] and st[j] != s), None)
        if source is not None:
            remove(i, "chrome.structural.echo", f"repeats the chrome of line {lines[source].no}"
                   + (" and names more of the site: its title bar" if len(parts) > 1 else ""))
            ctx.families.add("structural")

    # 3d. The site's catalogue of the document at the head or tail (索引号 主题分类 … or 【发布部门】
    # 【效力级别】 …), or anywhere when it names CATALOG_ANYWHERE fields or more (a note-taker's
    # remark above a clipped page puts it after a body line): the whole block goes, the fields
    # that repeat the 文号 or title too (after 3c: the document's own 文号 and title are no echo).
    for block, fields in _catalog_blocks(st, r):
        if all(at_edge(i) for i in block) or sum(k in r.catalog_keys for k in fields) >= CATALOG_ANYWHERE:
            for i in block:
                remove(i, "chrome.structural.catalog", "the hosting site's catalogue of the "
                       "document (索引号, 发布机构 … block)")
            for key, value in fields.items():
                if key in r.catalog_keys or key in r.document_keys:  # not 点击数, 字体 …
                    ctx.catalog.setdefault(key, value)
            ctx.families.add("structural")

    # 4. Lines that follow a list header (相关文档 …) or open a comment block. A block runs to the
    # end of the page, so what reads like body in it (a lawyer's long note) ends no body: the
    # lists after it are at the tail. But when a paragraph above it breaks off mid-sentence (a
    # forum post cut at its length limit, its poster going on in the next floor), the first
    # line there that reads like body and opens no heading carries the sentence on: the block
    # ends at it, and the page step re-joins the two.
    opener, above = -1, None  # the last block opener, and the body line above it
    for i, pat in follows:
        if pat.follows == "tail" and anchors and i > first:
            if i < opener:  # an opener known only at the tail comes after those known anywhere
                opener, above = -1, None
            above = _body_above(i, anchors, gone, opener, above)
            opener = i
            cut = above is not None and _breaks_off(st[above])
            stop = next((j for j in range(i + 1, n) if j not in gone and st[j]
                         and (starts_with_marker(st[j]) or protected(st[j]) in STANDALONE
                              or cut and _anchor(st[j]))), n)
            if cut and stop < n and not starts_with_marker(st[stop]) and _anchor(st[stop]):
                ctx.page_breaks[lines[i].no] = "pages.continued-post"
            for j in range(i + 1, stop):
                if st[j] and j not in gone:
                    remove(j, pat.rule, f"in the block opened by {st[i]!r}")
    # Link lists close a page: a list goes when no body line follows it but its own entries
    # (whose headlines may read like body text), the lowest list first.
    for i, pat in sorted(((i, pat) for i, pat in follows if pat.follows == "list"), reverse=True):
        listed = set(_list_entries(i, st, gone))
        if all(a in gone or a in listed for a in anchors[bisect.bisect_right(anchors, i):]):
            for j in sorted(listed):
                remove(j, pat.rule, f"listed under {st[i]!r}")

    # 4b. Readers' comments after the text's first body line, two or more, each with its time
    # on a line of its own (3月2日 10:03): the short name right above a time, and the few lines
    # of words between a time or name and the next line removed, go with it. A chat message's
    # header names its sender itself ([9/14 21:04] 老周): only the words under it go.
    times = [i for i in stamps if i > first] if anchors else []
    if len(times) >= 2:
        names = []
        for i in times:
            above = _with_text(st, i, -1) if i not in named else None
            if above is not None and above not in gone and _byline(st[above]):
                remove(above, "chrome.structural.comment", f"the name over a reader's comment "
                       f"(its time on line {lines[i].no})")
                names.append(above)
                ctx.families.add("structural")
        for i in times + names:
            if i in named:  # a message that carries on a paragraph the one before broke off
                above = next((j for j in range(i - 1, -1, -1) if st[j] and j not in gone), None)
                if above is not None and _breaks_off(st[above]):
                    ctx.page_breaks[lines[i].no] = "pages.continued-post"  # the page step
                    continue  # re-joins the cut sentence
            for step in (1,) if i in named else (-1, 1):
                for j in _comment_words(i, step, st, gone):
                    remove(j, "chrome.structural.comment", f"a reader's comment (by its name or "
                           f"time, line {lines[i].no})")
                    ctx.families.add("structural")

    anchors = [i for i in anchors if i not in gone]
    before = last
    first, last = _bounds(anchors, n)
    for i in range(last + 1, before + 1):  # now at the tail: what only counts at the edges
        if i not in gone and st[i]:
            known(i, edge=True)
    for i, pat in follows:
        if pat.follows == "form":
            for j in _form_fields(i, st, gone):
                remove(j, pat.rule, f"a field of the form {st[i]!r}")
        elif pat.follows == "pager":
            for step in (-1, 1):
                for j in _page_numbers(i, step, st, gone):
                    remove(j, pat.rule, f"a page number of the pager {st[i]!r}")
            if first < i < last:  # an article split over web pages: the page step re-joins it
                ctx.page_breaks[lines[i].no] = "pages.web-pager"

    # 5. Structural signals (never on headings, GB/T 9704 lines or table cells).
    in_table: set[int] = set()
    kept = [Line(lines[i].no, text[i]) if i not in gone else Line(lines[i].no, "") for i in range(n)]
    for hit in table.find(kept):
        in_table.update(range(hit.start, hit.end))
    counts = Counter(_header_key(st[i]) for i in range(n) if i not in gone and i not in in_table and st[i])
    seen: set[str] = set()
    for i in range(n):
        s = st[i]
        if i in gone or not s or i in in_table:
            continue
        key = _header_key(s)
        rule = _structural(s, at_edge(i), r)
        if rule is None and protected(s):
            seen.add(key)
            continue
        if rule is None and counts[key] >= r.repeat_min and _repeatable(s, r):
            if key in seen:
                rule = ("chrome.structural.running-header",
                        f"repeated {counts[key]} times in the text; the first is kept")
            seen.add(key)
        if rule is None and ctx.corpus is not None and not ends_sentence(s) \
                and not starts_with_marker(s) and ctx.corpus.is_boilerplate(s):
            rule = ("chrome.structural.corpus-repeated", "occurs in many documents of the corpus")
        if rule is not None:
            remove(i, *rule)
            ctx.families.add("structural")

    # 5a. A news headline that paraphrases the document's title below it, with only removed lines
    # between them (the article's metadata, a report): 汾川市印发2013年转型综改试验工作要点 over
    # 汾川市人民政府关于印发…2013年工作要点的通知 and its 文号.
    for i, title in _headlines_over(st, gone, first):
        remove(i, "chrome.structural.headline", f"a headline over the document's title (line "
               f"{lines[title].no}), which it paraphrases")
        ctx.families.add("structural")

    # 5b. A table of contents above a document whose title a 文号 or 主送机关 confirms lists the
    # book or site the document was taken from (a 汇编's contents): its heading (目录), entries,
    # and the part headings and wrapped entries between them go.
    title, above = _head(st, gone)
    for i in _contents(st, above, r):
        remove(i, "chrome.structural.contents", f"a table of contents above the document's title "
               f"(line {lines[title].no}): the contents of the book, gazette or site it was taken from")
        ctx.families.add("structural")

    # 5c. Above a document whose title a 文号 or 主送机关 confirms, and above its own 版头 (文号,
    # organs' names or mark right above the title), what is left when none of it is a line of a
    # document's own (GB/T 9704 lines, headings, an organs' mark; titles nothing confirms and a
    # site's name that chrome cuts off from the document aside) is the site's or a reposter's: a
    # message and the reply that quotes the document, a repost chain, headlines, fields no
    # pattern names.
    above = [i for i in above if i not in gone]
    head = _own_head(st, above, title, gone)
    ctx.head_lines.update(lines[i].no for i in above[head:])
    above = above[:_parted_off(above, head, gone)]
    if _site_only(st, above, gone):
        for i in above:
            remove(i, "chrome.structural.above-document", f"above the document's title (line "
                   f"{lines[title].no}, a 文号 or 主送机关 under it), with no line of a document's "
                   "own before it")
        ctx.families.add("structural")

    # 5d. After the text's last body line, one or two short lines with chrome right before and
    # after them are chrome too (a comment box's notice between the site's buttons, the address
    # and telephone between a footer's copyright and its 备案 lines), unless one is a GB/T 9704
    # line, a sentence, or a bracketed note such as （此件公开发布）.
    kept_tail = [i for i in range(last + 1, n) if st[i] and i not in in_table] if anchors else []
    between = [i for group in _between(kept_tail, gone, BETWEEN_LINES) if all(
        len(st[i]) <= BETWEEN_MAX and not ends_sentence(st[i]) and not protected(st[i])
        and st[i][0] not in NOTE_OPEN for i in group) for i in group]
    # Before the first, only a unit or sign is (点击： 1526 次): a short line there may be the title.
    kept_head = [i for i in range(min(first, n)) if st[i] and i not in in_table]
    between += [i for [i] in _between(kept_head, gone) if len(st[i]) <= 2 and count_ideographs(st[i]) <= 1]
    for i in between:
        remove(i, "chrome.structural.between-chrome", "a short line between chrome lines before "
               "or after the text's body")
        ctx.families.add("structural")

    # 5e. After the closing of the document (落款 and 成文日期 after its last body line), what is
    # neither a GB/T 9704 line nor a note of the document's (（此件公开发布）, 联系人：… right under
    # the date) is the site's, up to an 附件 line (the attachment follows); a line ending in a
    # colon reads as 主送机关 only above the body. So is what follows the text's last closing
    # anywhere when no GB/T 9704 line comes after it: the document ends there, and below it come
    # a reply's own words, a rating form, related messages.
    in_tail = _closings(st, kept_tail)
    after = [j for j in kept_tail if in_tail and j > in_tail[0]]
    attached = next((k for k, j in enumerate(after) if protected(st[j]) == "attachment"), len(after))
    after = after[:attached]
    kept_all = [i for i in range(n) if st[i] and i not in gone and i not in in_table]
    anywhere = _closings(st, kept_all)
    rest = [j for j in kept_all if anywhere and j > anywhere[-1]]
    if not any(protected(st[j]) not in ("", "addressee") for j in rest):
        after += rest
    notes = _closing_notes(st, {*in_tail, *anywhere}, gone, r)
    for j in after:
        if j not in gone and j not in notes and protected(st[j]) in ("", "addressee") \
                and st[j][0] not in NOTE_OPEN:
            remove(j, "chrome.structural.after-closing",
                   "after the document's closing (issuer and date)")
            ctx.families.add("structural")

    # 5f. The site's masthead: an organ's name opening the page, with its web address or English
    # name under it, which the steps above removed (湖州市人民政府 / www.huzhou.gov.cn). A
    # document's own organ line (发文机关标志) has its number or title under it, never these.
    head = [i for i in range(min(first, n)) if st[i]]
    top = next((k for k, i in enumerate(head) if i not in gone), len(head))  # the first line kept
    if top + 1 < len(head):
        i, below = head[top], head[top + 1]
        address = URLISH.search(st[below])
        if protected(st[i]) == "issuer" and below in gone and not count_ideographs(st[below]) \
                and (address or LATIN_WORD.search(st[below])):
            remove(i, "chrome.structural.masthead", "the site's name over its "
                   f"{'web address' if address else 'English name'} (the page's masthead)")
            ctx.families.add("structural")

    # 6. After the text's last body line, a run of short lines without any punctuation (a link
    # block or menu no pattern names) is chrome; GB/T 9704 closing lines end such a run. The
    # lines right after an 附件 line, up to the next line removed, are the attachment's (its title
    # and a table no running number shows).
    tail = range(last + 1, n) if anchors else range(0)
    attached = set(_after_attachment(tail, st, gone))
    for block in _short_runs(tail, st, gone, in_table | attached, SHORT_RUN_LEN, SHORT_RUN_MIN):
        for j in block:
            remove(j, "chrome.structural.short-run",
                   f"one of {len(block)} short unpunctuated lines after the text's last body line")
        ctx.families.add("structural")

    out: list[Line] = []
    edits: list[Edit] = []
    for i in range(n):
        if i in gone:
            edits.append(gone[i])
            ctx.removed.add(st[i])
            continue
        edits.extend(phrase_edits.get(i, ()))
        out.append(Line(lines[i].no, text[i]))
    edits.sort(key=lambda e: e.line)
    return out, edits


def _closings(st: list[str], kept: list[int]) -> list[int]:
    """The dates among the lines `kept` that close a document: an issuer in the two lines above."""
    return [d for k, d in enumerate(kept) if DATE.match(st[d]) and protected(st[d]) == "date" and any(
        protected(st[c]) == "issuer" for c in kept[max(0, k - 2):k])]


def _closing_notes(st: list[str], dates: Iterable[int], gone: Container[int], r: Rules) -> set[int]:
    """The lines right under closing `dates` (no removed line between; bracketed notes passed
    over) that say whom to contact about the document: its 附注 (联系人：…, 联系电话：…)."""
    found = set()
    for d in dates:
        j = _with_text(st, d, 1)
        while j is not None and j not in gone and (st[j][0] in NOTE_OPEN or any(
                key in r.closing_note_keys for key, _ in _key_fields(st[j])[:1])):
            if st[j][0] not in NOTE_OPEN:
                found.add(j)
            j = _with_text(st, j, 1)
    return found


def _after_attachment(indices: Iterable[int], st: list[str], gone: Container[int]) -> list[int]:
    """The lines of `indices` after a kept 附件 line, up to the next line removed."""
    out: list[int] = []
    opened = False
    for i in indices:
        if i in gone:
            opened = False
        elif opened:
            out.append(i)
        elif st[i] and protected(st[i]) == "attachment":
            opened = True
    return out


def _between(indices: list[int], gone: Container[int], width: int = 1) -> list[list[int]]:
    """The runs of at most `width` lines of `indices` still kept with removed lines of `indices`
    right before and after them."""
    runs, current = [], []
    for k, i in enumerate(indices):
        if i not in gone:
            current.append(i)
            continue
        if current and len(current) <= width and k > len(current):
            runs.append(current)
        current = []
    return runs


def _quiz_lines(st: list[str], gone: Container[int]) -> list[int]:
    """The lines of each quiz question (a line ending in an empty answer bracket, （　）) with
    QUIZ_MIN_OPTIONS options or more right under it (blank lines passed over), and the options."""
    found = []
    for i, s in enumerate(st):
        if i in gone or not QUIZ_BLANK.search(s):
            continue
        options, j = [], i + 1
        while j < len(st) and (not st[j] or QUIZ_OPTION.match(st[j])):
            if st[j]:
                options.append(j)
            j += 1
        if len(options) >= QUIZ_MIN_OPTIONS:
            found += [i, *options]
    return found


def _excerpts(st: list[str], gone: Container[int]) -> list[int]:
    """Lines that end in an ellipsis and, but for it and whitespace, are found in the text after
    them (a summary that starts like the text: its lines run together, its end cut off)."""
    cuts = [(i, m.start()) for i, s in enumerate(st) if i not in gone and (m := EXCERPT_END.search(s))]
    if not cuts:
        return []
    flat, ends = [], []  # the kept text without whitespace; where each line's part of it ends
    size = 0
    for i, s in enumerate(st):
        if i not in gone:
            flat.append("".join(s.split()))
            size += len(flat[-1])
        ends.append(size)
    below = "".join(flat)
    found = []
    for i, cut in cuts:
        head = "".join(st[i][:cut].split())
        if has_ideographs(head, EXCERPT_MIN_IDEOGRAPHS) and head in below[ends[i]:]:
            found.append(i)
    return found


def _list_entries(i: int, st: list[str], gone: Container[int]) -> list[int]:
    """The kept lines after a list's header (line i) up to the first that reads like a paragraph,
    a statement or an outline heading (a list's own numbering aside)."""
    entries = []
    for j in range(i + 1, len(st)):
        if j in gone or not st[j]:
            continue
        if len(st[j]) > 60 or _statement(st[j]) or (
                starts_with_marker(st[j]) and not LIST_ENTRY.match(st[j])):
            break
        entries.append(j)
    return entries


def _report_above(st: list[str], gone: Container[int], first: int, r: Rules) -> tuple[int, int] | None:
    """(first line of the report, the title's line) when a kept line at or before the text's
    first body line (`first`) names in 《》 the title of a document that comes below it, with no
    GB/T 9704 line of another document between them (see REPORT_BREAKS), no line that issues it
    in the first person (现将《X》印发给你们) and no 主送机关 above: the lines from that one to the
    title report on the document. None when there are none."""
    named: dict[str, int] = {}  # titles named in 《》 since the last GB/T 9704 line -> where first
    for i, s in enumerate(st):
        if i > first and not named:
            return None
        if i in gone or not s:
            continue
        names = [m.group(1) for m in NAMED_DOCUMENT.finditer(s)]
        if names:
            rest = NAMED_DOCUMENT.sub("", s)  # a report says more than a 文号 (the site's 文号《X》)
            if count_ideographs(rest) < 2 or protected(rest) == "doc-number":
                names = []
        if not names and not named:
            continue  # nothing to report on yet (a 主送机关 above is looked for at the end)
        kind = protected(s)
        if names and r.transmittal.search(s):  # 现将《X》印发给你们: the notice that issues it
            kind = "title"
        if kind == "title":
            bare = TITLE_TAIL.sub("", s)
            issued = r.issuing.search(bare)
            titles = (s, bare, issued.group("name") if issued else s)
            at = min((named[t] for t in titles if t in named), default=None)
            if at is not None:
                above = (j for j in range(at) if j not in gone and st[j])
                return None if any(protected(st[j]) == "addressee" for j in above) else (at, i)
        if kind == "addressee":
            return None
        if kind in REPORT_BREAKS:
            named.clear()
        elif i <= first:
            for name in names:
                named.setdefault(name, i)
    return None


def _headlines_over(st: list[str], gone: Container[int], first: int) -> list[tuple[int, int]]:
    """(headline, title) for each kept line at the head (before `first`) that is no GB/T 9704
    line but a title, has no full stop, is not the title again, and has only removed lines (one
    or more) between it and a confirmed title (`_confirmed`), sharing a word of HEADLINE_SHARED
    ideographs with that title. An organs' mark (湘潭市人民政府文件) is none."""
    found = []
    kept = [i for i in range(len(st)) if st[i] and i not in gone]
    for k, i in enumerate(kept[:-1]):
        if i >= first:
            break
        s, t = st[i], kept[k + 1]
        if protected(s) not in ("", "title") or "。" in s or organ_mark(s) \
                or TITLE_TAIL.sub("", s) == TITLE_TAIL.sub("", st[t]) \
                or not any(j in gone for j in range(i + 1, t)) or not _confirmed(st, kept, k + 1):
            continue
        words = {st[t][a:a + HEADLINE_SHARED] for a in range(len(st[t]) - HEADLINE_SHARED + 1)}
        if any(count_ideographs(w) == HEADLINE_SHARED and w in words
               for w in (s[a:a + HEADLINE_SHARED] for a in range(len(s) - HEADLINE_SHARED + 1))):
            found.append((i, t))
    return found


def _confirmed(st: list[str], kept: list[int], k: int) -> bool:
    """Whether line kept[k] is a title that a 文号 right under it, or a 主送机关 in the two lines
    under it, confirms as a document's (lines `kept` with text)."""
    if protected(st[kept[k]]) != "title":
        return False
    below = [protected(st[j]) for j in kept[k + 1:k + 3]]
    return below[:1] == ["doc-number"] or "addressee" in below


def _head(st: list[str], gone: Container[int]) -> tuple[int, list[int]]:
    """(the first confirmed title (`_confirmed`), the kept lines above it); no lines when no
    title is confirmed."""
    kept = [i for i in range(len(st)) if st[i] and i not in gone]
    k = next((k for k in range(len(kept)) if _confirmed(st, kept, k)), 0)
    return (kept[k], kept[:k]) if k else (-1, [])


def _contents(st: list[str], above: list[int], r: Rules) -> list[int]:
    """The lines of a table of contents among the lines `above` a title: from its heading (目录),
    or else its first entry, to its last entry, when CONTENTS_MIN lines or more are entries
    (leader dots and a page number) and no line between ends a sentence (the others are part
    headings and entries wrapped onto two lines)."""
    entry = [r.contents_entry.search(st[i]) is not None for i in above]
    entries = [k for k, e in enumerate(entry) if e]
    if len(entries) < CONTENTS_MIN:
        return []
    start = next((k for k in range(entries[0], -1, -1) if r.contents_heading.match(st[above[k]])),
                 entries[0])
    stop = entries[-1] + 1
    if any(ends_sentence(st[above[k]]) for k in range(start, stop) if not entry[k]):
        return []
    return above[start:stop]


def _own_head(st: list[str], above: list[int], title: int, gone: Container[int]) -> int:
    """Where the document's own 版头 starts among the kept lines `above` its title: the lines
    right above the title, with no removed line between, that are its 文号, 签发人 or 密级, or
    its organs' names or mark (len(above) when there are none)."""
    k, below = len(above), title
    while k and (protected(st[above[k - 1]]) in HEAD_KINDS or organ_mark(st[above[k - 1]])) \
            and not _parted(above[k - 1], below, gone):
        k -= 1
        below = above[k]
    return k


def _parted_off(above: list[int], head: int, gone: Container[int]) -> int:
    """How many of the kept lines `above` a title come before the document: all when it has no
    版头 (`head`, where it starts, is len(above)); else those a removed line parts from the 版头
    and the lines right on it (a 版头 may print what none of its lines names: 行政规范性文件)."""
    k = head
    if k < len(above):
        while k and not _parted(above[k - 1], above[k], gone):
            k -= 1
    return k


def _parted(i: int, j: int, gone: Container[int]) -> bool:
    """Whether a removed line stands between lines i and j (i < j)."""
    return any(k in gone for k in range(i + 1, j))


def _site_only(st: list[str], above: list[int], gone: Container[int]) -> bool:
    """Whether the lines `above` a confirmed title are there and none is a GB/T 9704 line, a
    heading or an organs' mark; titles that nothing confirms (the site's headline, its copy of
    the title), lines that read as a 主送机关 (以下为方案全文：), which never comes above the
    title, and organs' names that a removed line follows (a site's name over its menu) aside."""
    return bool(above) and all(
        (protected(st[i]) in ("", "addressee", "title") or _cut_off(st, i, gone))
        and not organ_mark(st[i]) for i in above)


def _cut_off(st: list[str], i: int, gone: Container[int]) -> bool:
    """Whether line i is an organ's name, alone or with others, that a removed line follows."""
    while i is not None and i not in gone:
        if protected(st[i]) != "issuer":
            return False
        i = _with_text(st, i, 1)
    return i is not None


def _body_above(i: int, anchors: list[int], gone: Container[int], opener: int, above: int | None
                ) -> int | None:
    """The nearest line above line i of `anchors` (the lines that read like body text) still
    kept; the scan stops at the block opener before it (`opener`, whose such line was `above`),
    so that the openers of a long thread cost one scan of the anchors in all."""
    k = bisect.bisect_left(anchors, i) - 1
    while k >= 0 and anchors[k] > opener:
        if anchors[k] not in gone:
            return anchors[k]
        k -= 1
    return above if opener >= 0 else None


def _breaks_off(text: str) -> bool:
    """Whether `text` is a paragraph broken off mid-sentence (by a post's or message's length
    limit): long, and ending in neither a sentence's end nor a colon."""
    return has_ideographs(text, CUT_PARAGRAPH_MIN) and not ends_sentence(text) and text[-1] not in "：:"


def _byline(text: str) -> bool:
    """A reader's name: short, no punctuation but an ID's (用户6012843457, 汾河边的小草)."""
    return len(text) <= COMMENT_NAME_MAX and not SHORT_PUNCT.search(text) and not protected(text)


def _comment_words(i: int, step: int, st: list[str], gone: Container[int]) -> list[int]:
    """The kept lines after line i (step 1) or before it (step -1), when at most COMMENT_LINES
    of them, none a GB/T 9704 line or a heading nor longer than a comment, reach a removed line
    (or the end of the page)."""
    found, j = [], i + step
    while 0 <= j < len(st) and j not in gone:
        if st[j]:
            if len(found) == COMMENT_LINES or len(st[j]) > COMMENT_MAX or protected(st[j]):
                return []
            found.append(j)
        j += step
    return found if j >= 0 else []  # chrome or the page's end closes a comment; its start does not


def _with_text(st: list[str], i: int, step: int) -> int | None:
    """The nearest line with text before line i (step -1) or after it (step 1), or None."""
    return next((j for j in range(i + step, -1 if step < 0 else len(st), step) if st[j]), None)


def _list_headers(st: list[str], gone: Container[int], entries: set[int]) -> list[tuple[int, int]]:
    """(header, its first entry) for each kept short line without punctuation (no GB/T 9704
    line) right above a run of two or more link-list entries (blank lines passed over)."""
    headers = []
    for i in sorted(entries):
        above = _with_text(st, i, -1)
        if above is None or above in entries:
            continue  # not the first entry of its run
        s = st[above]
        if _with_text(st, i, 1) in entries and above not in gone and len(s) <= MENU_ITEM_LEN \
                and not SHORT_PUNCT.search(s) and count_ideographs(s) >= 2 and not protected(s):
            headers.append((above, i))
    return headers


def _page_numbers(i: int, step: int, st: list[str], gone: Container[int]) -> list[int]:
    """The lines of bare page numbers next to line i, before it (step -1) or after it (step 1),
    blank lines passed over, when they count up one by one (1 2 下一页; 上一页 2 3)."""
    found, numbers = [], []
    j = i + step
    while 0 <= j < len(st) and j not in gone and (not st[j] or PAGE_NUMBER.fullmatch(st[j])):
        if st[j]:
            found.append(j)
            numbers.append(int(st[j]))
        j += step
    if step < 0:
        numbers.reverse()
    if numbers and all(b == a + 1 for a, b in zip(numbers, numbers[1:])):
        return found
    return []


def _form_fields(i: int, st: list[str], gone: Container[int]) -> list[int]:
    """The short lines after a form's title (line i) up to the last line already removed in the
    form (its fields and buttons the data knows), within FORM_REACH lines and before any line
    that reads like a sentence."""
    fields, end = [], i
    for j in range(i + 1, min(len(st), i + 1 + FORM_REACH)):
        if j in gone:
            end = j
        elif st[j]:
            if len(st[j]) > FORM_FIELD_MAX or _statement(st[j]):
                break
            fields.append(j)
    return [j for j in fields if j < end]


def _statement(s: str) -> bool:
    """Whether `s` ends like a statement: not like a title in a list of links, which may end in
    brackets (2013—2015年), or in ！ or ？ (a headline, a question)."""
    t = s.rstrip(WS + "”’」』")
    return bool(t) and (t[-1] in "。；;…" or (t[-1] in ")）" and s[0] in NOTE_OPEN))


def _short_runs(indices: Iterable[int], st: list[str], gone: Container[int], breaks: set[int],
                max_len: int, min_run: int, inner: Container[str] = (), menu: bool = False
                ) -> list[list[int]]:
    """Runs of at least `min_run` short lines among `indices` (no punctuation, two ideographs or
    more, no GB/T 9704 line but those of the kinds `inner` names, and those only inside a run),
    passing over blank and `gone` lines and separators (| >>); a line in `breaks` ends a run.
    For a `menu`, the short lines already gone in it (首页 政务公开: known menu words) count
    towards `min_run` when it has two lines of its own."""
    runs: list[list[int]] = []
    current: list[int] = []
    known = 0
    for i in [*indices, None]:
        if i is not None and (i in gone or not _has_text(st[i])):
            known += menu and i in gone and len(st[i]) <= max_len
            continue
        s = "" if i is None else st[i]
        kind = protected(s) if i is not None else ""
        if i is not None and i not in breaks and len(s) <= max_len and not SHORT_PUNCT.search(s) \
                and count_ideographs(s) >= 2 and (not kind or kind in inner):
            current.append(i)
            continue
        while current and protected(st[current[-1]]):
            current.pop()
        if len(current) >= min_run or (len(current) >= 2 and len(current) + known >= min_run):
            runs.append(current)
        current, known = [], 0
    return runs


def _header_key(s: str) -> str:
    """What a running header shares with its other copies: its words in any order (a printed
    header puts them the other way round on facing pages: 公报　2015年第3期 / 2015年第3期　公报)."""
    return " ".join(sorted(s.split()))


def _repeatable(s: str, r: Rules) -> bool:
    return (4 <= len(s) <= r.repeat_max_len and not ends_sentence(s) and not starts_with_marker(s)
            and count_ideographs(s) >= 2)


def _structural(s: str, edge: bool, r: Rules) -> tuple[str, str] | None:
    """The structural rule that makes line `s` chrome, with a note; None when none does."""
    if not _has_text(s) and not set(s) <= r.unit_signs:  # a table's cell may be its unit: %
        return "chrome.structural.symbols", "a line of symbols only"
    if edge and _menu_bar(s, r):  # before the GB/T 9704 check: a menu's 关于我 is no title
        return "chrome.structural.nav-trail", "navigation trail or link bar"
    if BUTTONS.fullmatch(s):
        return "chrome.structural.buttons", "a row of bracketed buttons ([ 打印 ] 【关闭】)"
    if not edge and len(LATIN_WORD.findall(s)) >= LATIN_LINE_WORDS and not count_ideographs(s):
        return "chrome.structural.latin-prose", "a line of prose in a Latin script in a Chinese " \
            "text (1. Work goals of the plan …): a translation, or the site's"
    if protected(s):
        return None
    trail = _nav_trail(s, r)
    if trail == "anywhere" or (trail == "edge" and edge):
        return "chrome.structural.nav-trail", "navigation trail or link bar"
    if "。" not in s and len(s) <= 200:
        keys = _keys(s)
        if keys and not any(k in r.document_keys for k in keys):
            site = sum(k in r.site_keys for k in keys)
            contact = sum(k in r.contact_keys for k in keys)
            if site >= 2:
                return "chrome.structural.site-metadata", "the hosting site's key:value metadata"
            if edge and contact >= 1 and site + contact >= 2:
                return "chrome.structural.contact", "the site's contact footer"
    if edge and BARE_COUNT.fullmatch(s):
        return "chrome.structural.counter", "a bare number at the head or tail: a button's count"
    if edge and (link := LINK_AT_END.search(s)) and count_ideographs(s[:link.start()]) <= LINK_LABEL_MAX:
        return "chrome.structural.non-text", "a link with a short label at the head or tail"
    if edge and count_ideographs(s) <= 2:
        if URLISH.search(s) or len(LATIN_WORD.findall(s)) >= 2 or (
                len(re.findall(r"[A-Za-z]", s)) >= 2 and not re.search(r"\d{4}", s)):
            return "chrome.structural.non-text", "a Latin, link or address line at the head or tail"
    return None
