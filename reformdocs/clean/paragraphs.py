"""Make the lines the document's paragraphs: one Line per paragraph, headings at their start.

* Whitespace is layout: lines are stripped, blank lines dropped, and no-break/odd spaces inside a
  line become plain spaces (audited).
* Run-on text is split before an outline marker (一、 （一） 1、 1. （1） ① 第X条) that follows
  sentence-final punctuation (…的范畴。三、强化创新机制…). A text flattened onto one long line
  (paragraphs separated by spaces) is also split before a marker that follows whitespace and after
  sentence-final punctuation followed by whitespace. A run-in heading (（一）加强组织领导。成立…)
  stays one paragraph: only what comes before a marker is cut off.
* A line that starts with punctuation that cannot open a paragraph (”市委书记…如是说。) continues
  the previous paragraph.
* Titles: a title the hosting site named (《X》 on the first line, or captured from its chrome)
  that runs into the first paragraph is split off; the site's duplicate of a title that the text
  then carries itself goes; a title wrapped over two lines is joined.
"""
from __future__ import annotations

import re

from ..model import Edit, Line
from .common import (DOC_TYPES, FINAL, MARKER, TITLE_TAIL, WS, count_ideographs, ends_sentence,
                     protected, run, starts_with_marker)

STAGE = "clean"
ODD_SPACE = re.compile(r"[\u00a0\u2002\u2003\u2009\u200a\u202f\t]")
SPLIT_FINAL = "。！？!?"
CLOSE_QUOTES = "”’」』"
NO_START = "，。、；：？！,;:?!）)”’」』》】…"
FLATTENED_MIN = 80
HEAD_BLOCKS = 12
TITLE_STOP = re.compile(r"[。，；：,;:！？!?、〔]|\d{4}年")
HEAD_LINE_TITLE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,10}\s*[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*第?\d{1,4}\s*[号號]\s*)?《(.{4,120})》$")


def _split_points(text: str) -> list[tuple[int, int, str]]:
    """Where to split `text`: (end of the part before, start of the next part, rule)."""
    points: list[tuple[int, int, str]] = []
    ws_markers = []
    for m in MARKER.finditer(text):
        p = m.start()
        q = p
        while q > 0 and text[q - 1] in WS:
            q -= 1
        if q == 0:
            continue
        prev = text[q - 1]
        if prev in SPLIT_FINAL or (prev in CLOSE_QUOTES and q >= 2 and text[q - 2] in SPLIT_FINAL):
            points.append((q, p, "paragraph.runon"))
        elif q < p:
            ws_markers.append((q, p))
    flattened = len(text) >= FLATTENED_MIN and len(ws_markers) + len(
        [1 for q, p, _ in points if q < p]) >= 2
    if flattened:
        points += [(q, p, "paragraph.flattened") for q, p in ws_markers]
        for m in re.finditer(rf"[{SPLIT_FINAL}][{CLOSE_QUOTES}]?([{WS}]+)(?=\S)", text):
            q, p = m.start(1), m.end(1)
            if not any(a == q or b == p for a, b, _ in points):
                points.append((q, p, "paragraph.flattened"))
    points.sort()
    return points + _heading_points(text, points, flattened)


HEADING_PUNCT = re.compile(r"[。；;！!？?：:]")
OUTER = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）]")
INNER = re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]|[（(]\d{1,2}[)）]|\d{1,2}、")
HEADING_MAX = 30


def _heading_points(text: str, points: list[tuple[int, int, str]], flattened: bool
                    ) -> list[tuple[int, int, str]]:
    """Where a heading at the start of a part ends: before a sub-heading marker that follows it
    directly (二、存在的主要问题（一）规划引领…), or, in flattened text, at the first space after
    it (一、总体要求 以推进乡村振兴…)."""
    extra: list[tuple[int, int, str]] = []
    for start in [0] + [p for _, p, _ in points]:
        m = OUTER.match(text, start)
        if not m:
            continue
        window = text[m.end():m.end() + HEADING_MAX + 1]
        inner = INNER.search(window)
        if inner and inner.start() > 0 and not HEADING_PUNCT.search(window[:inner.start()]) \
                and window[inner.start() - 1] not in "第0123456789":
            j = m.end() + inner.start()
            extra.append((j, j, "paragraph.runon"))
            continue
        if flattened:
            ws = re.search(f"[{WS}]+", window)
            if ws and ws.start() > 0 and not HEADING_PUNCT.search(window[:ws.start()]) \
                    and not re.search(r"[，,]", window[:ws.start()][-1:]):
                q, p = m.end() + ws.start(), m.end() + ws.end()
                if p < len(text) and not any(a <= q < b or a == q for a, b, _ in points):
                    extra.append((q, p, "paragraph.flattened"))
    return extra


def _no_at(origins: list[tuple[int, int]], offset: int, default: int) -> int:
    no = default
    for off, n in origins:
        if off <= offset:
            no = n
    return no


def _bare(text: str) -> str:
    return TITLE_TAIL.sub("", text.strip(WS))


def apply(blocks: list) -> tuple[list, list[Edit]]:
    ctx = run()
    edits: list[Edit] = []
    out: list = []
    for b in blocks:
        if not isinstance(b, Line):
            out.append(b)
            continue
        origins = ctx.origins.get((b.no, b.text), [(0, b.no)])
        lead = len(b.text) - len(b.text.lstrip(WS))
        text = b.text.strip(WS)
        if not text:
            continue
        odd = ODD_SPACE.findall(text)
        if odd:
            text = ODD_SPACE.sub(" ", text)
            names = sorted({f"U+{ord(ch):04X}" for ch in odd})
            edits.append(Edit(STAGE, "paragraph.whitespace", "replaced", " ".join(names), "U+0020",
                              b.no, f"{len(odd)} no-break or odd space(s) made plain spaces"))
        start = 0
        for q, p, rule in sorted(_split_points(text)):
            if q <= start:
                continue
            piece = text[start:q].strip(WS)
            if piece:
                out.append(Line(_no_at(origins, start + lead, b.no), piece))
                nxt = text[p:p + 12]
                edits.append(Edit(STAGE, rule, "split", f"{piece[-12:]}{nxt}", f"{piece[-12:]}⏎{nxt}",
                                  _no_at(origins, p + lead, b.no),
                                  "paragraph split before an outline marker" if starts_with_marker(nxt)
                                  else "flattened text split at a sentence end"))
            start = p
        rest = text[start:].strip(WS)
        if rest:
            out.append(Line(_no_at(origins, start + lead, b.no), rest))

    out = _join_continuations(out, edits)
    out = _titles(out, edits, ctx.titles)
    return out, edits


def _join_continuations(blocks: list, edits: list[Edit]) -> list:
    out: list = []
    for b in blocks:
        if (isinstance(b, Line) and b.text[0] in NO_START and out and isinstance(out[-1], Line)):
            prev = out[-1]
            out[-1] = Line(prev.no, prev.text + b.text)
            edits.append(Edit(STAGE, "paragraph.continuation", "joined",
                              f"{prev.text[-12:]}⏎{b.text[:12]}", f"{prev.text[-12:]}{b.text[:12]}",
                              b.no, "a line that starts with closing punctuation continues the "
                                    "paragraph before it"))
            continue
        out.append(b)
    return out


def _titles(blocks: list, edits: list[Edit], named: list[str]) -> list:
    head = [k for k, b in enumerate(blocks[:8]) if isinstance(b, Line)]
    titles = list(named)
    wrapped: dict[int, str] = {}  # index of a head line 《T》 / 文号《T》 -> T
    for k in head[:3]:
        m = HEAD_LINE_TITLE.match(blocks[k].text)
        if m:
            wrapped[k] = m.group(1)
            if m.group(1) not in titles:
                titles.append(m.group(1))
    for k in head[:4]:  # a plain title line on top may run into a paragraph below it too
        t = blocks[k].text
        if (k not in wrapped and len(t) <= 60 and count_ideographs(t) >= 4 and t not in titles
                and not TITLE_STOP.search(t) and not starts_with_marker(t)
                and protected(t) not in ("issuer", "date")):  # 发文机关 may open its title line
            titles.append(t)
    # A title that runs into a paragraph: split it off.
    out: list = []
    for k, b in enumerate(blocks):
        if isinstance(b, Line) and k not in wrapped and k < 12:
            t = next((t for t in titles if b.text.startswith(t) and len(b.text) > len(t)
                      and not ends_sentence(t)), None)
            if t:
                rest = b.text[len(t):].lstrip(WS)
                out += [Line(b.no, t), Line(b.no, rest)]
                edits.append(Edit(STAGE, "paragraph.title", "split", f"{t[-12:]}{rest[:12]}",
                                  f"{t[-12:]}⏎{rest[:12]}", b.no,
                                  "the title named by the hosting site runs into the text: split off"))
                continue
        out.append(b)
    # The site's copy of a title the text carries itself; else unwrap 《T》.
    texts = {b.text for b in out if isinstance(b, Line)}
    result: list = []
    for b in out:
        k = next((k for k in wrapped if blocks[k] is b), None)
        if k is not None:
            t = wrapped[k]
            if t in texts:
                edits.append(Edit(STAGE, "paragraph.duplicate-title", "removed", b.text, "", b.no,
                                  "the hosting site's copy of the title; the text carries it below"))
                continue
            if b.text == f"《{t}》":
                edits.append(Edit(STAGE, "paragraph.title-brackets", "replaced", b.text, t, b.no,
                                  "the hosting site wrapped the title in 《》"))
                result.append(Line(b.no, t))
                continue
        result.append(b)
    return _title_wrap(_duplicates(result, edits), edits)


def _same(text: str) -> str:
    return re.sub(rf"[{WS}]+", "", text).replace("(", "（").replace(")", "）")


def _duplicates(blocks: list, edits: list[Edit]) -> list:
    """A short head line the text repeats right below is the site's copy of it: the first goes,
    unless it is a line of the document's own 版头 (its organ's name, repeated by the 落款)."""
    own = run().head_lines
    head = [(k, b) for k, b in enumerate(blocks[:HEAD_BLOCKS]) if isinstance(b, Line)]
    drop = set()
    for x, (k, b) in enumerate(head):
        t = _same(b.text)
        if b.no in own or len(t) > 100 or t[-1] in FINAL or starts_with_marker(t) \
                or count_ideographs(t) < 4:
            continue
        later = next((m for m, c in head[x + 1:] if _same(c.text) == t), None)
        if later is not None:
            drop.add(k)
            edits.append(Edit(STAGE, "paragraph.duplicate-title", "removed", b.text, "", b.no,
                              f"the hosting site's copy of a line the text repeats (line {blocks[later].no})"))
    return [b for k, b in enumerate(blocks) if k not in drop]


def _title_wrap(blocks: list, edits: list[Edit]) -> list:
    """Join a title wrapped over two lines at the head of the text."""
    for k in range(min(len(blocks), 8) - 1):
        a, b = blocks[k], blocks[k + 1]
        if not (isinstance(a, Line) and isinstance(b, Line)):
            continue
        if ("关于" in a.text and not _bare(a.text).endswith(DOC_TYPES)
                and _bare(b.text).endswith(DOC_TYPES) and len(b.text) <= 30
                and "关于" not in b.text and not any(ch in FINAL + "。，," for ch in a.text + b.text)
                and not starts_with_marker(b.text) and count_ideographs(a.text) >= 4):
            edits.append(Edit(STAGE, "paragraph.title-wrap", "joined", f"{a.text[-12:]}⏎{b.text[:12]}",
                              f"{a.text[-12:]}{b.text[:12]}", b.no, "a title wrapped over two lines"))
            return blocks[:k] + [Line(a.no, a.text + b.text)] + blocks[k + 2:]
    return blocks
