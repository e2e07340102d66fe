"""Stage 4, sections: cleaned paragraphs -> a tree of sections with stable ids.

Outline markers (data/outline.yml) at the start of a paragraph open a section. Nesting follows the
markers' rank, tolerant of real texts: a style met again closes everything opened after it; a
higher-ranked style closes lower ones; a style of equal rank that is not open nests (1、 then 1.).
A section's id is its outline position (四、（二） -> ``s4-2``), with ``0`` for levels the text
skips or lost (a fragment starting at （七） gives ``s0-7``): it never depends on the wording.
Documents with no outline numbering get un-numbered headings from short non-sentence paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .model import Block, Line, Section

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100}


@dataclass(frozen=True)
class Style:
    id: str
    rank: int
    number: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Rules:
    styles: tuple[Style, ...]
    heading_end: str
    max_heading: int
    openers: tuple[str, ...]
    max_plain_heading: int
    sentence_final: str


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = yaml.safe_load(resources.files("reformdocs.data").joinpath("outline.yml").read_text("utf-8"))
    styles = tuple(
        Style(s["id"], s["rank"], s["number"], re.compile(s["pattern"])) for s in data["styles"]
    )
    return Rules(styles, data["heading_end"], data["max_heading"],
                 tuple(sorted(data["sentence_openers"], key=len, reverse=True)),
                 data["max_plain_heading"], data["sentence_final"])


def chinese_number(text: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零三 -> 103."""
    total, digit = 0, 0
    for ch in text:
        if ch in CN_UNITS:
            total += (digit or 1) * CN_UNITS[ch]
            digit = 0
        else:
            digit = CN_DIGITS[ch]
    return total + digit


def read_number(kind: str, numeral: str) -> int:
    if kind == "chinese":
        return chinese_number(numeral)
    if kind == "circled":
        return ord(numeral) - ord("①") + 1
    return int(numeral)


@dataclass(frozen=True)
class Marker:
    style: Style
    number: int
    marker: str  # as written, e.g. "（二）"
    rest: str  # the paragraph after the marker


def find_marker(text: str) -> Marker | None:
    stripped = text.lstrip(" 　\t")
    for style in rules().styles:
        m = style.pattern.match(stripped)
        if m:
            return Marker(style, read_number(style.number, m.group(1)), m.group().strip(" 　"),
                          stripped[m.end():])
    return None


def split_heading(rest: str) -> tuple[str, str]:
    """Split a numbered paragraph's text into (heading, body).

    A short paragraph is all heading. Otherwise the heading is the first sentence when it is short;
    failing that, two parallel clauses (强化推进机制,扩大建设实效) ended by a sentence opener; failing
    that, the first clause when short. With none of these the heading is empty (marker only).
    """
    r = rules()
    if len(rest) <= r.max_heading and not any(ch in r.heading_end for ch in rest[:-1]):
        return rest, ""
    for i, ch in enumerate(rest[: r.max_heading + 1]):
        if ch in r.heading_end:
            return rest[: i + 1], rest[i + 1:].lstrip()
    parallel = _parallel_heading(rest)
    if parallel:
        return rest[:parallel], rest[parallel:]
    m = re.match(r"[^，,、]{2,%d}[，,]" % r.max_heading, rest)
    if m:
        return m.group()[:-1], rest[m.end():]
    return "", rest


def _parallel_heading(rest: str) -> int:
    """End of a two-clause heading run into its body, or 0."""
    r = rules()
    m = re.match(r"[^，,、。]{2,16}[，,、]", rest)
    if not m:
        return 0
    first = m.end() - 1
    for delta in (0, 1, -1, 2, -2):
        end = m.end() + first + delta
        if m.end() < end <= r.max_heading and rest[end:].startswith(r.openers):
            return end
    return 0


def plain_heading(text: str) -> bool:
    r = rules()
    text = text.strip()
    return 2 <= len(text) <= r.max_plain_heading and text[-1] not in r.sentence_final


def parse(blocks: list[Block], title: str = "") -> tuple[list[Block], list[Section]]:
    """Split a document's blocks into (preamble, sections)."""
    markers = [find_marker(b.text) if isinstance(b, Line) else None for b in blocks]
    ranks = {m.style.rank for m in markers if m}
    if sum(1 for m in markers if m) < 2:
        return _parse_plain(blocks, title)
    preamble: list[Block] = []
    roots: list[Section] = []
    stack: list[tuple[Style, Section]] = []
    used: dict[str, int] = {}
    for block, marker in zip(blocks, markers):
        if marker is None:
            (stack[-1][1].blocks if stack else preamble).append(block)
            continue
        style = marker.style
        open_styles = [s.id for s, _ in stack]
        if style.id in open_styles:
            del stack[open_styles.index(style.id):]
        else:
            while stack and stack[-1][0].rank > style.rank:
                stack.pop()
        if stack:
            parent = stack[-1][1]
            level, path = parent.level + 1, [parent.id[1:].split("_")[0]]
        else:
            level = 1 + sum(1 for rank in ranks if rank < style.rank)
            path = ["0"] * (level - 1)
        sid = _unique("s" + "-".join(path + [str(marker.number)]), used)
        heading, body = split_heading(marker.rest)
        section = Section(id=sid, marker=marker.marker, title=heading, level=level, line=block.no)
        if body:
            section.blocks.append(Line(block.no, body))
        (stack[-1][1].children if stack else roots).append(section)
        stack.append((style, section))
    return preamble, roots


def _parse_plain(blocks: list[Block], title: str) -> tuple[list[Block], list[Section]]:
    preamble: list[Block] = []
    roots: list[Section] = []
    for i, block in enumerate(blocks):
        is_heading = (
            isinstance(block, Line) and 0 < i < len(blocks) - 1 and plain_heading(block.text)
            and block.text.strip() != title and isinstance(blocks[i + 1], Line)
            and not plain_heading(blocks[i + 1].text)
        )
        if is_heading:
            roots.append(Section(id=f"s{len(roots) + 1}", marker="", title=block.text.strip(),
                                 level=1, line=block.no))
        else:
            (roots[-1].blocks if roots else preamble).append(block)
    return preamble, roots


def _unique(sid: str, used: dict[str, int]) -> str:
    """Keep ids unique when a text numbers two siblings alike: s1-3, s1-3_2, ...

    `used` counts each id made so far; a count, not a search for a free suffix, keeps a text that
    restarts its numbering thousands of times linear. (A made id never contains ``_``, so a
    suffixed id cannot meet a made one.)
    """
    n = used[sid] = used.get(sid, 0) + 1
    return sid if n == 1 else f"{sid}_{n}"
