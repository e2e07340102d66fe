"""Repair page splits: remove what a page break left in the text and re-join the cut sentence.

* Page marks on a line of their own (-2-, - 2 -, 第2页, 第1页/共9页, [接上页] …) and the same marks at
  the start or end of a line (data/pages.yml) are removed; the text on both sides is joined when
  the part before does not end like a sentence (and is no heading) and the part after opens no
  heading.
* Document-sharing sites number each page's chunk ("2、", "3、" … at its start, often inside a
  sentence). A run of consecutive numbers from 1 or 2 over several chunks is read as page counters
  only when enough of its boundaries cut a sentence (the previous chunk does not end like a
  sentence, or the chunk starts with punctuation), so real list items such as 1、指导思想。 are kept;
  the counters go and each cut sentence is re-joined.
* PDF and print conversions wrap lines at a fixed width; when enough lines share one width, a
  full-width line is joined with the next unless that one is indented or opens a heading.

Where a joined paragraph's parts came from is kept in the run context, so a later split can give
each part its own source line.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from ..model import Edit, Line
from .common import (CONTINUATION, STANDALONE, WS, count_ideographs, ends_sentence, has_ideographs,
                     is_heading, load_data, protected, run, starts_with_marker)

STAGE = "clean"
HEADER_MIN_IDEOGRAPHS = 8  # a page header repeats a title, not a short heading such as 二、任务
WEB_PAGE_MIN_IDEOGRAPHS = 20  # a web page ends in a paragraph, not in what the pager left (3 1)
PAGE_LINE_MIN_IDEOGRAPHS = 12  # a printed page ends in a full line: a shorter one ends its paragraph
# breaks after which no header of the next page is printed (a watermark over the page is no page end)
UNHEADED = frozenset({"pages.print-view"})
RUNNING_HEAD_MAX = 20  # a running head names the book or section (衡岭年鉴 2010): this long at most
SENTENCE_PUNCT = re.compile(r"[，。；：！？,;:!?]")
# GB/T 9704 lines that open a line of their own, never the rest of a cut sentence (抄送：…, 附件),
# and a 版头's 签发人 or 密级
OPENS_LINE = STANDALONE | {"masthead"}


@dataclass(frozen=True)
class Config:
    markers: tuple[tuple[str, re.Pattern], ...]
    phrases: tuple[tuple[str, re.Pattern], ...]
    header_number: re.Pattern
    counter: re.Pattern
    min_run: int
    min_run_share_site: int
    min_broken: float
    min_broken_share_site: float
    min_chunk: int
    wrap_min_lines: int
    wrap_min_share: float
    wrap_min_width: int


@lru_cache(maxsize=1)
def config() -> Config:
    d = load_data("pages.yml")
    c, w = d["counter"], d["wrap"]
    return Config(
        markers=tuple((m["id"], re.compile(m["regex"])) for m in d["markers"]),
        phrases=tuple((m["id"], re.compile(m["regex"])) for m in d["phrases"]),
        header_number=re.compile(d["header_number"]),
        counter=re.compile(c["regex"]), min_run=int(c["min_run"]),
        min_run_share_site=int(c["min_run_share_site"]), min_broken=float(c["min_broken"]),
        min_broken_share_site=float(c["min_broken_share_site"]), min_chunk=int(c["min_chunk"]),
        wrap_min_lines=int(w["min_lines"]), wrap_min_share=float(w["min_share"]),
        wrap_min_width=int(w["min_width"]))


def marker_rule(text: str) -> str:
    """The rule id of the page mark that `text` (a whole line) is, or ""."""
    s = text.strip(WS)
    for rid, rx in config().markers:
        if rx.match(s):
            return f"pages.{rid}"
    return ""


def _blank(b) -> bool:
    return isinstance(b, Line) and not b.text.strip(WS)


class _Joiner:
    """Joins lines, keeping where each part of a joined paragraph came from."""

    def __init__(self) -> None:
        self.ctx = run()
        self.edits: list[Edit] = []

    def origins(self, line: Line) -> list[tuple[int, int]]:
        return self.ctx.origins.get((line.no, line.text), [(0, line.no)])

    def join(self, parts: list[Line], rule: str, note: str, record: bool = True) -> Line:
        """One line of `parts`, each continuing the one before (the whitespace where they meet
        dropped); linear in their length, so that a paragraph of thousands of lines costs no more
        than its text. With `record`, each place they meet is an edit."""
        texts = [parts[0].text.rstrip(WS)]
        origins = list(self.origins(parts[0]))
        size, tail = len(texts[0]), texts[0][-12:]
        for k, b in enumerate(parts[1:], start=2):
            right = b.text.lstrip(WS)
            shift, head = len(b.text) - len(right), right[:12]
            if k < len(parts):
                right = right.rstrip(WS)
            origins += [(size + max(0, off - shift), no) for off, no in self.origins(b)]
            if record:
                self.edits.append(Edit(STAGE, rule, "joined", f"{tail}⏎{head}", f"{tail}{head}",
                                       b.no, note))
            texts.append(right)
            size += len(right)
            tail = (tail + right)[-12:]
        joined = Line(parts[0].no, "".join(texts))
        self.ctx.origins[(joined.no, joined.text)] = origins
        return joined


def apply(blocks: list) -> tuple[list, list[Edit]]:
    cfg = config()
    ctx = run()
    j = _Joiner()
    edits = j.edits

    # 1. Page marks: whole lines and phrases. Remember where a page break was, here or where the
    # chrome step removed a web pager. A line right after a break is the next page's header when
    # it repeats a title-like line from before it, a line the chrome step removed (the site's
    # header printed on each web page; a GB/T 9704 line only inside that header: 新闻中心 between
    # two of its menu's words, not a 落款 that opens the page), or a part of the document's title
    # (a newspaper's headline over the rest of an article continued on another page), but not the
    # name of the text a title issues (关于印发《X》的通知: X opens the attached text).
    out: list = []
    breaks: dict[int, str] = {}  # index in `out` of a line that follows a page break -> rule
    pending = ""
    pagers, before, seen, titles = sorted(ctx.page_breaks), 0, set(), []
    marks = [marker_rule(b.text) if isinstance(b, Line) and not _blank(b) else "" for b in blocks]
    heads = _running_heads(blocks, marks)
    for i, b in enumerate(blocks):
        if not isinstance(b, Line):
            out.append(b)
            pending = ""
            continue
        after = bisect.bisect_right(pagers, before)  # the first pager after the line before
        if after < len(pagers) and pagers[after] < b.no:
            pending = pending or ctx.page_breaks[pagers[after]]
        before = b.no
        line_text = b.text.strip(WS)
        headed = pending and pending not in UNHEADED
        if headed and line_text in ctx.removed and (
                not protected(line_text) or _header_goes_on(blocks, i, ctx.removed)):
            edits.append(Edit(STAGE, "pages.page-header", "removed", b.text, "", b.no,
                              "the next page's header: it repeats a line removed as chrome"))
            continue
        if has_ideographs(line_text, HEADER_MIN_IDEOGRAPHS):
            repeated = cfg.header_number.sub("", line_text) if pending else line_text
            gone = repeated in ctx.removed  # the page's headline, removed as chrome
            if headed and (gone or repeated in seen or any(_part_of_title(repeated, t) for t in titles)):
                edits.append(Edit(STAGE, "pages.page-header", "removed", b.text, "", b.no,
                                  "the next page's header: it repeats a line "
                                  + ("removed as chrome" if gone else "of the text")))
                continue
            seen.add(line_text)
            if protected(line_text) == "title":
                titles.append(line_text)
        rule = marks[i] or ("pages.running-head" if i in heads else "")
        if rule:
            edits.append(Edit(STAGE, rule, "removed", b.text, "", b.no, "page mark" if marks[i]
                              else "a running head: it stands by the page marks more than once"))
            while out and _blank(out[-1]):
                out.pop()  # blank lines around a page mark are layout
            pending = rule
            continue
        if pending and _blank(b):
            continue
        text = b.text
        for rid, rx in cfg.phrases:
            m = rx.search(text)
            if m:
                edits.append(Edit(STAGE, f"pages.{rid}", "removed", m.group().strip(WS), "", b.no,
                                  "page mark inside the line"))
                text = text[:m.start()] + (" " if 0 < m.start() and m.end() < len(text) else "") + text[m.end():]
                if rid.endswith("start"):
                    pending = pending or f"pages.{rid}"
        line = Line(b.no, text)
        if pending and text.strip(WS):
            breaks[len(out)] = pending
            pending = ""
        out.append(line)

    # 2. Page counters of document-sharing sites.
    forced = _counters(out, edits, "share-site" in ctx.families, cfg)

    # 3. Join across the page breaks.
    found_by_chrome = set(ctx.page_breaks.values())
    result: list = []
    for k, b in enumerate(out):
        rule = forced.get(k) or breaks.get(k)
        if rule and isinstance(b, Line):
            p = _beside(result, len(result), -1)
            prev = result[p] if p is not None else None
            if isinstance(prev, Line) and (k in forced or _continues(prev.text, b.text)) and (
                    rule not in found_by_chrome or has_ideographs(prev.text, WEB_PAGE_MIN_IDEOGRAPHS)):
                del result[p + 1:]
                result[p] = j.join([prev, b], rule, "sentence re-joined across a page break")
                continue
        result.append(b)

    # 4. Fixed-width line wraps.
    result = _reflow(result, j, cfg)
    return result, edits


def _beside(blocks: list, i: int, step: int) -> int | None:
    """The index of the nearest block before blocks[i] (step -1) or after it (step 1) that is
    not a blank line (a line with text, or a table), or None."""
    j = i + step
    while 0 <= j < len(blocks) and _blank(blocks[j]):
        j += step
    return j if 0 <= j < len(blocks) else None


def _header_goes_on(blocks: list, i: int, removed: set[str]) -> bool:
    """Whether the next line with text after blocks[i] (blank lines passed over, nothing else)
    repeats a line removed as chrome, unless it is a GB/T 9704 line too: the page's header goes
    on past blocks[i]."""
    k = _beside(blocks, i, 1)
    if k is None or not isinstance(blocks[k], Line):
        return False
    text = blocks[k].text.strip(WS)
    return text in removed and not protected(text)


def _running_heads(blocks: list, marks: list[str]) -> set[int]:
    """The lines next to page marks (blank lines passed over) that repeat by other page marks: a
    printed page's running head (衡岭年鉴 2010 by ·18· and ·20·); short, no sentence, no GB/T 9704
    line or heading."""
    near: dict[str, set[int]] = {}
    for k, rule in enumerate(marks):
        if not rule:
            continue
        for step in (-1, 1):
            j = _beside(blocks, k, step)
            if j is None or not isinstance(blocks[j], Line) or marks[j]:
                continue
            text = blocks[j].text.strip(WS)
            if len(text) <= RUNNING_HEAD_MAX and count_ideographs(text) >= 2 \
                    and not SENTENCE_PUNCT.search(text) and not protected(text):
                near.setdefault("".join(text.split()), set()).add(j)
    return {j for lines in near.values() if len(lines) >= 2 for j in lines}


def _part_of_title(text: str, title: str) -> bool:
    """Whether `text` is part of a title other than the name of the document it issues: the
    title of a text attached to 关于印发《X》的通知 is X, and it may open a page."""
    return text in title and f"《{text}》" not in title


def _continues(before: str, after: str) -> bool:
    """Does `after` continue the sentence `before` leaves open?"""
    a, b = before.strip(WS), after.strip(WS)
    if not a or not b:
        return False
    if b[0] in CONTINUATION:
        return True
    # a paragraph opened by an outline marker may be cut too (（二）推进…协调开发 | 机制，支持…);
    # a short heading is not, nor a line shorter than a printed line (完成时限：2024年底前)
    return not ends_sentence(a) and not is_heading(a) and protected(a) in ("", "heading") \
        and has_ideographs(a, PAGE_LINE_MIN_IDEOGRAPHS) and not starts_with_marker(b) \
        and protected(b) not in OPENS_LINE


def _counters(out: list, edits: list[Edit], share_site: bool, cfg: Config) -> dict[int, str]:
    """Find and remove page counters; return the chunks to join to the previous one."""
    texts = [k for k, b in enumerate(out) if isinstance(b, Line) and b.text.strip(WS)]
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    prev_k = -1
    for k in texts:
        m = cfg.counter.match(out[k].text)
        barrier = any(not isinstance(out[x], Line) for x in range(prev_k + 1, k))
        prev_k = k
        if m:
            num, sep = int(m.group(1)), m.group(2).replace("．", ".")
            if current and not barrier and sep == current[-1][2] and num == current[-1][1] + 1:
                current.append((k, num, sep))
                continue
            if current:
                runs.append(current)
            current = [(k, num, sep)] if num in (1, 2) else []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)

    min_run = cfg.min_run_share_site if share_site else cfg.min_run
    min_broken = cfg.min_broken_share_site if share_site else cfg.min_broken
    forced: dict[int, str] = {}
    for members in runs:
        if len(members) < min_run:
            continue
        bodies = [cfg.counter.sub("", out[k].text, count=1) for k, _, _ in members]
        if median(len(t) for t in bodies) < cfg.min_chunk:
            continue
        broken = []
        for (k, _, _), (pk, _, _), body in zip(members[1:], members, bodies[1:]):
            before = out[pk].text
            broken.append(bool(body) and (body[0] in CONTINUATION or
                                          (not ends_sentence(before) and not is_heading(before))))
        if sum(broken) < min_broken * len(broken):
            continue
        for idx, ((k, num, sep), body) in enumerate(zip(members, bodies)):
            line = out[k]
            prefix = line.text[: len(line.text) - len(body)]
            edits.append(Edit(STAGE, "pages.counter", "removed", prefix.strip(WS), "", line.no,
                              f"page counter {num}{sep} of a document-sharing site "
                              f"(run of {len(members)} chunks)"))
            out[k] = Line(line.no, body)
            if idx > 0 and broken[idx - 1]:
                forced[k] = "pages.counter"
    return forced


def _width(text: str) -> int:
    return len(text.rstrip(WS + "\n"))


def _reflow(blocks: list, j: _Joiner, cfg: Config) -> list:
    widths = [_width(b.text) for b in blocks if isinstance(b, Line) and b.text.strip(WS)]
    long = [w for w in widths if w >= cfg.wrap_min_width]
    if not long:
        return blocks
    counts = Counter(long)
    width = max(counts, key=lambda w: (counts[w] + counts.get(w - 1, 0), w))
    full = counts[width] + counts.get(width - 1, 0)
    if full < cfg.wrap_min_lines or full < cfg.wrap_min_share * len(long) or width < 15:
        return blocks
    out: list = []
    last_width = 0  # width of the last physical line of out[-1]
    groups: dict[int, list[Line]] = {}  # index in out -> the lines joined there, first included
    for b in blocks:
        # (once something is joined to out[-1], it is no heading: only its first line can be)
        if (isinstance(b, Line) and out and isinstance(out[-1], Line) and b.text.strip(WS)
                and out[-1].text.strip(WS) and last_width >= width - 1
                and b.text[:1] not in WS and not starts_with_marker(b.text)
                and (len(out) - 1 in groups or not is_heading(out[-1].text)) and not marker_rule(b.text)):
            last_width = _width(b.text)
            groups.setdefault(len(out) - 1, [out[-1]]).append(b)
            continue
        if isinstance(b, Line):
            last_width = _width(b.text)
        out.append(b)
    for k, parts in groups.items():
        out[k] = j.join(parts, "pages.wrap", "", record=False)
        text = out[k].text.strip(WS)
        j.edits.append(Edit(STAGE, "pages.wrap", "joined", f"{len(parts)} lines", text[:12] + "…",
                            out[k].no, f"{len(parts)} lines wrapped at {width} characters "
                            "re-joined into one paragraph"))
    return out
